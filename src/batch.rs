//! Batch inputs: directories of `.txt` and `.jsonl` files, JSON Lines (one
//! article per line) and stdin, read as a stream of [`Article`]s in input
//! order and handed out in bounded chunks, so a corpus of any size passes
//! through in constant memory and can be extracted in parallel while the
//! output keeps the input order.

use crate::article::{Article, ArticleError};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input named on the command line, after directories are expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A plain-text article.
    Text(PathBuf),
    /// A JSON Lines file: one article per line.
    Jsonl(PathBuf),
    /// Standard input: JSON Lines when it starts with `{`, else one text.
    Stdin,
}

impl Input {
    /// Bytes to read, when known (for progress).
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Text(p) | Input::Jsonl(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Input::Stdin => None,
        }
    }
}

/// Expands command-line paths: `-` is stdin, files are taken by extension
/// (`.jsonl` is JSON Lines, anything else text), directories are walked
/// recursively for `.txt` and `.jsonl` files (hidden entries skipped), in
/// sorted order.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, ArticleError> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)?;
            found.sort();
            out.extend(found.into_iter().map(classify));
        } else {
            out.push(classify(p.clone()));
        }
    }
    Ok(out)
}

fn classify(p: PathBuf) -> Input {
    if p.extension().is_some_and(|e| e == "jsonl") {
        Input::Jsonl(p)
    } else {
        Input::Text(p)
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ArticleError> {
    let io = |source| ArticleError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl")) {
            out.push(path);
        }
    }
    Ok(())
}

/// One line of a JSON Lines input. Only `text` is required; other fields
/// are ignored so that exports of other tools can be read as they are.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    id: Option<String>,
    title: Option<String>,
    published: Option<NaiveDate>,
    source: Option<String>,
    url: Option<String>,
    text: String,
}

/// An input that failed, with where it failed.
pub type Item = Result<Article, ArticleError>;

/// Reads `inputs` in order and calls `f` with chunks of at most
/// `max_articles` articles or about `max_bytes` bytes of text. A bad article
/// is an `Err` item in its place; the stream goes on.
pub fn chunks(
    inputs: &[Input],
    max_articles: usize,
    max_bytes: usize,
    mut f: impl FnMut(Vec<Item>),
) -> Result<(), ArticleError> {
    let mut chunk: Vec<Item> = Vec::new();
    let mut bytes = 0;
    let mut push = |item: Item, chunk: &mut Vec<Item>, f: &mut dyn FnMut(Vec<Item>)| {
        bytes += item.as_ref().map_or(0, |a| a.text.len());
        chunk.push(item);
        if chunk.len() >= max_articles || bytes >= max_bytes {
            f(std::mem::take(chunk));
            bytes = 0;
        }
    };
    for input in inputs {
        match input {
            Input::Text(p) => push(Article::from_file(p), &mut chunk, &mut f),
            Input::Jsonl(p) => {
                let file = std::fs::File::open(p).map_err(|source| ArticleError::Io {
                    path: p.clone(),
                    source,
                })?;
                read_jsonl(BufReader::new(file), p, &mut |item| push(item, &mut chunk, &mut f))?;
            }
            Input::Stdin => {
                let mut reader = BufReader::new(std::io::stdin().lock());
                let name = PathBuf::from("<stdin>");
                let starts_json = reader
                    .fill_buf()
                    .map_err(|source| ArticleError::Io {
                        path: name.clone(),
                        source,
                    })?
                    .iter()
                    .find(|b| !b.is_ascii_whitespace())
                    == Some(&b'{');
                if starts_json {
                    read_jsonl(reader, &name, &mut |item| push(item, &mut chunk, &mut f))?;
                } else {
                    let mut buf = Vec::new();
                    reader.read_to_end(&mut buf).map_err(|source| ArticleError::Io {
                        path: name.clone(),
                        source,
                    })?;
                    push(Article::from_bytes(&buf, None, &name), &mut chunk, &mut f);
                }
            }
        }
    }
    if !chunk.is_empty() {
        f(chunk);
    }
    Ok(())
}

/// Reads JSON Lines articles from `reader`; blank lines are skipped. An
/// article without `id` is named `STEM-LINE`.
pub fn read_jsonl(mut reader: impl BufRead, path: &Path, each: &mut dyn FnMut(Item)) -> Result<(), ArticleError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().trim_matches(['<', '>']).to_string())
        .unwrap_or_else(|| "article".to_string());
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|source| ArticleError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = PathBuf::from(format!("{}:{line}", path.display()));
        each(parse_line(&buf, &origin, &format!("{stem}-{line}")));
    }
}

fn parse_line(bytes: &[u8], origin: &Path, default_id: &str) -> Item {
    let j: JsonArticle = serde_json::from_slice(bytes).map_err(|e| ArticleError::Json {
        path: origin.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut a = Article::from_bytes(
        j.text.as_bytes(),
        Some(j.id.unwrap_or_else(|| default_id.to_string())),
        origin,
    )?;
    a.title = j.title.or(a.title);
    a.published = j.published.or(a.published);
    a.source = j.source;
    a.url = j.url;
    a.path = None;
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str) -> Vec<Item> {
        let mut out = Vec::new();
        read_jsonl(text.as_bytes(), Path::new("x.jsonl"), &mut |i| out.push(i)).unwrap();
        out
    }

    #[test]
    fn jsonl_lines_become_articles_in_order() {
        let items = collect(
            "{\"id\": \"a\", \"text\": \"Officials said the talks resumed.\", \"published\": \"2025-04-16\", \"extra\": 1}\n\n{\"text\": \"Second one.\"}\n",
        );
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.published.unwrap().to_string(), "2025-04-16");
        assert_eq!(items[1].as_ref().unwrap().id, "x-3");
    }

    #[test]
    fn a_bad_line_is_reported_with_its_line_and_the_rest_goes_on() {
        let items = collect(
            "{\"text\": \"ok one.\"}\n{not json}\n{\"id\": \"e\", \"text\": \"  \"}\n{\"text\": \"ok two.\"}\n",
        );
        assert_eq!(items.len(), 4);
        let e = items[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("x.jsonl:2: not a JSON article object"), "{e}");
        assert!(
            items[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("x.jsonl:3: the article is empty")
        );
        assert!(items[3].is_ok());
    }

    #[test]
    fn chunks_are_bounded_and_ordered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        let lines: String = (0..10)
            .map(|i| format!("{{\"id\": \"n{i}\", \"text\": \"Text {i}.\"}}\n"))
            .collect();
        std::fs::write(&p, lines).unwrap();
        let mut sizes = Vec::new();
        let mut ids = Vec::new();
        chunks(&[Input::Jsonl(p)], 4, usize::MAX, |c| {
            sizes.push(c.len());
            ids.extend(c.into_iter().map(|a| a.unwrap().id));
        })
        .unwrap();
        assert_eq!(sizes, [4, 4, 2]);
        assert_eq!(ids, (0..10).map(|i| format!("n{i}")).collect::<Vec<_>>());
    }

    #[test]
    fn directories_expand_recursively_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in ["b.txt", "a.jsonl", "sub/c.txt", ".hidden.txt", "notes.md"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let got = expand(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(
            got,
            [
                Input::Jsonl(dir.path().join("a.jsonl")),
                Input::Text(dir.path().join("b.txt")),
                Input::Text(dir.path().join("sub/c.txt")),
            ]
        );
    }
}
