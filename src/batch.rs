//! Batch inputs: directories of `.txt` and `.jsonl` files, JSON Lines (one
//! article per line) and stdin, read as a stream of [`Article`]s in input
//! order; [`run_ordered`] extracts them in parallel, one task per article,
//! with a bounded window of articles in flight, so a corpus of any size
//! passes through in constant memory while the output keeps the input order.

use crate::article::{Article, ArticleError};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
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
/// sorted order, each file once (`walk`). Link loops and files
/// that are not regular are skipped and handed to `warn`; an entry that
/// cannot be read fails the expansion, after every one was handed to
/// `warn`.
pub fn expand(paths: &[PathBuf], warn: &mut dyn FnMut(&crate::walk::Problem)) -> Result<Vec<Input>, ArticleError> {
    let mut out = Vec::new();
    let mut walker = crate::walk::Walker::new(&["txt", "jsonl"]);
    let mut problems = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            out.extend(walker.dir(p, &mut problems).into_iter().map(classify));
        } else if walker.first_time(p) {
            out.push(classify(p.clone()));
        }
    }
    for p in &problems {
        warn(p);
    }
    match problems.iter().filter(|p| !p.warning).count() {
        0 => Ok(out),
        count => Err(ArticleError::Unreadable { count }),
    }
}

fn classify(p: PathBuf) -> Input {
    if p.extension().is_some_and(|e| e == "jsonl") {
        Input::Jsonl(p)
    } else {
        Input::Text(p)
    }
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
pub(crate) type Item = Result<Article, ArticleError>;

/// Reads `inputs` in order and calls `each` with every article. A bad
/// article is an `Err` item in its place; the stream goes on. Only an input
/// that cannot be opened or read stops it.
pub(crate) fn for_each(inputs: &[Input], each: &mut dyn FnMut(Item)) -> Result<(), ArticleError> {
    for input in inputs {
        match input {
            Input::Text(p) => each(Article::from_file(p)),
            Input::Jsonl(p) => {
                let file = std::fs::File::open(p).map_err(|source| ArticleError::Io {
                    path: p.clone(),
                    source,
                })?;
                read_jsonl(BufReader::new(file), p, each)?;
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
                    read_jsonl(reader, &name, each)?;
                } else {
                    let mut buf = Vec::new();
                    let max = crate::article::MAX_ARTICLE_BYTES;
                    reader
                        .take(max + 1)
                        .read_to_end(&mut buf)
                        .map_err(|source| ArticleError::Io {
                            path: name.clone(),
                            source,
                        })?;
                    if buf.len() as u64 > max {
                        return Err(too_long(&name));
                    }
                    each(Article::from_bytes(&buf, None, &name));
                }
            }
        }
    }
    Ok(())
}

/// How much input may be read and not yet handed on: the memory bound of
/// [`run_ordered`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Articles in flight (being extracted, or done and waiting for an
    /// earlier one).
    pub articles: usize,
    /// Bytes of article text in flight.
    pub bytes: usize,
}

/// Articles read and not yet emitted: result when done, text bytes.
type InFlight<R> = BTreeMap<usize, (Option<Result<R, ArticleError>>, usize)>;

/// Runs `work` on every article of `inputs` on `pool` and hands each result
/// (or bad article) to `emit` on the calling thread, in input order.
///
/// Each article is a task of its own: a worker that is free takes the next
/// article while a slow one is still running, so there is no barrier where
/// all workers wait for the slowest article of a chunk, and reading and
/// `emit` (writing) run on the calling thread while the workers extract.
/// Results that finish early wait in a reorder buffer. At most
/// `window.articles` articles and about `window.bytes` bytes of text are in
/// flight (read and not yet emitted): when the window is full, reading waits
/// for the oldest article, so memory stays bounded whatever the input size.
/// A panic in `work` is raised again on the calling thread.
pub fn run_ordered<R: Send>(
    pool: &rayon::ThreadPool,
    inputs: &[Input],
    window: Window,
    work: impl Fn(Article) -> R + Sync,
    mut emit: impl FnMut(Result<R, ArticleError>),
) -> Result<(), ArticleError> {
    type Done<R> = (usize, std::thread::Result<R>);
    let (tx, rx) = std::sync::mpsc::channel::<Done<R>>();
    let work = &work;
    pool.in_place_scope_fifo(|scope| {
        // Sequence number of the next article read and of the next emitted.
        let mut next_in = 0usize;
        let mut next_out = 0usize;
        // Articles in flight by sequence number: the result (`None` while
        // a worker has it) and the text size.
        let mut flight: InFlight<R> = BTreeMap::new();
        let mut bytes = 0usize;
        // Takes one finished result (waiting for it with `block`; the
        // oldest article is then running, so one comes) and emits whatever
        // is next in order. False when nothing had finished.
        let mut settle = |flight: &mut InFlight<R>, next_out: &mut usize, bytes: &mut usize, block: bool| {
            let got = if block { rx.recv().ok() } else { rx.try_recv().ok() };
            let any = got.is_some();
            if let Some((seq, result)) = got {
                let r = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                flight.get_mut(&seq).expect("a result for an article in flight").0 = Some(Ok(r));
            }
            while let Some(entry) = flight.first_entry() {
                if *entry.key() != *next_out || entry.get().0.is_none() {
                    break;
                }
                let (result, size) = entry.remove();
                *bytes -= size;
                *next_out += 1;
                emit(result.expect("checked above"));
            }
            any
        };
        let read = for_each(inputs, &mut |item| {
            let seq = next_in;
            next_in += 1;
            match item {
                Err(e) => {
                    flight.insert(seq, (Some(Err(e)), 0));
                }
                Ok(article) => {
                    let size = article.text.len();
                    bytes += size;
                    flight.insert(seq, (None, size));
                    let tx = tx.clone();
                    scope.spawn_fifo(move |_| {
                        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(article)));
                        // The receiver outlives every task of the scope.
                        let _ = tx.send((seq, r));
                    });
                }
            }
            // Emit what is done without waiting, then wait while the window is full.
            while settle(&mut flight, &mut next_out, &mut bytes, false) {}
            while next_in - next_out >= window.articles.max(1) || bytes >= window.bytes {
                settle(&mut flight, &mut next_out, &mut bytes, true);
            }
        });
        while next_out < next_in {
            settle(&mut flight, &mut next_out, &mut bytes, true);
        }
        read
    })
}

/// Reads JSON Lines articles from `reader`; blank lines are skipped. An
/// article without `id` is named `STEM-LINE`.
pub(crate) fn read_jsonl(
    mut reader: impl BufRead,
    path: &Path,
    each: &mut dyn FnMut(Item),
) -> Result<(), ArticleError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().trim_matches(['<', '>']).to_string())
        .unwrap_or_else(|| "article".to_string());
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        buf.clear();
        // At most one article's worth: a line never ends in `/dev/zero`.
        let max = crate::article::MAX_ARTICLE_BYTES;
        let n = (&mut reader)
            .take(max + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|source| ArticleError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        if n as u64 > max {
            return Err(too_long(&PathBuf::from(format!("{}:{line}", path.display()))));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = PathBuf::from(format!("{}:{line}", path.display()));
        each(parse_line(&buf, &origin, &format!("{stem}-{line}")));
    }
}

/// The error for an input longer than an article may be.
fn too_long(origin: &Path) -> ArticleError {
    ArticleError::Io {
        path: origin.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "larger than {} MiB, the most an article may be",
                crate::article::MAX_ARTICLE_BYTES >> 20
            ),
        ),
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

    fn numbered(dir: &Path, n: usize, bad: &[usize]) -> PathBuf {
        let p = dir.join("a.jsonl");
        let lines: String = (0..n)
            .map(|i| {
                if bad.contains(&i) {
                    "{not json}\n".to_string()
                } else {
                    format!("{{\"id\": \"n{i}\", \"text\": \"Text {i}.\"}}\n")
                }
            })
            .collect();
        std::fs::write(&p, lines).unwrap();
        p
    }

    #[test]
    fn results_come_in_input_order_within_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let p = numbered(dir.path(), 40, &[7]);
        // More workers than the window lets run.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(8).build().unwrap();
        let window = Window {
            articles: 4,
            bytes: usize::MAX,
        };
        let running = std::sync::atomic::AtomicUsize::new(0);
        let most = std::sync::atomic::AtomicUsize::new(0);
        let mut got = Vec::new();
        run_ordered(
            &pool,
            &[Input::Jsonl(p)],
            window,
            |a| {
                use std::sync::atomic::Ordering::SeqCst;
                let now = running.fetch_add(1, SeqCst) + 1;
                most.fetch_max(now, SeqCst);
                // Later articles finish first.
                let n: u64 = a.id[1..].parse().unwrap();
                std::thread::sleep(std::time::Duration::from_millis(40 - n));
                running.fetch_sub(1, SeqCst);
                a.id
            },
            |r| got.push(r.map_err(|e| e.to_string())),
        )
        .unwrap();
        assert_eq!(got.len(), 40);
        for (i, r) in got.iter().enumerate() {
            match r {
                Ok(id) => assert_eq!(*id, format!("n{i}")),
                Err(e) => assert!(i == 7 && e.contains("a.jsonl:8: not a JSON article"), "{i}: {e}"),
            }
        }
        let most = most.into_inner();
        assert!((2..=4).contains(&most), "{most} articles ran at once");
    }

    #[test]
    fn the_byte_window_bounds_what_is_read_ahead() {
        let dir = tempfile::tempdir().unwrap();
        let p = numbered(dir.path(), 20, &[]);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        // One article's text fills the window: one in flight at a time.
        let window = Window {
            articles: 100,
            bytes: 1,
        };
        let running = std::sync::atomic::AtomicUsize::new(0);
        let mut ids = Vec::new();
        run_ordered(
            &pool,
            &[Input::Jsonl(p)],
            window,
            |a| {
                use std::sync::atomic::Ordering::SeqCst;
                assert_eq!(running.fetch_add(1, SeqCst), 0, "a second article was read ahead");
                std::thread::sleep(std::time::Duration::from_millis(2));
                running.fetch_sub(1, SeqCst);
                a.id
            },
            |r| ids.push(r.unwrap()),
        )
        .unwrap();
        assert_eq!(ids, (0..20).map(|i| format!("n{i}")).collect::<Vec<_>>());
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let dir = tempfile::tempdir().unwrap();
        let p = numbered(dir.path(), 5, &[]);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let window = Window {
            articles: 2,
            bytes: usize::MAX,
        };
        let _ = run_ordered(
            &pool,
            &[Input::Jsonl(p)],
            window,
            |a| if a.id == "n3" { panic!("boom") } else { a.id },
            |_| {},
        );
    }

    #[test]
    fn directories_expand_recursively_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in ["b.txt", "a.jsonl", "sub/c.txt", ".hidden.txt", "notes.md"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let got = expand(&[dir.path().to_path_buf()], &mut |p| panic!("{p:?}")).unwrap();
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
