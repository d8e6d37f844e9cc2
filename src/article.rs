//! Reading inputs into [`Article`]s: plain text files (a leading
//! `date YYYY-MM-DD` marker or YAML front matter gives metadata, else the
//! date the file name starts with) and stdin.

use chrono::NaiveDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One article to extract claims from.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Unique id: the file stem, or `DATE-slug-of-title` for stdin.
    pub id: String,
    /// Headline, or the first sentence.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Publisher.
    pub source: Option<String>,
    /// Where it was read.
    pub url: Option<String>,
    /// The whole text as read (offsets of claims point into it).
    pub text: String,
    /// Byte offset where the body starts, after any metadata marker.
    pub body_start: usize,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
}

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}: not UTF-8 text (invalid byte at line {line}, column {column}, offset {offset})")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// First invalid byte.
        offset: usize,
        /// Its 1-based line.
        line: usize,
        /// Its 1-based column (characters).
        column: usize,
    },
    /// The text holds NUL bytes: a binary file, not an article.
    #[error("{path}: binary data, not an article (NUL byte at line {line}, column {column})")]
    Binary {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first NUL.
        line: usize,
        /// Its 1-based column (characters).
        column: usize,
    },
    /// Nothing to read.
    #[error("{path}: the article is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Entries of the input directories could not be read (each was
    /// reported on its own).
    #[error("{count} entries of the inputs could not be read")]
    Unreadable {
        /// How many.
        count: usize,
    },
    /// A JSON Lines record that is not an article object.
    #[error("{path}: not a JSON article object: {message}")]
    Json {
        /// The file and line.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// An id that cannot name a claim file inside the output directory.
    #[error("{path}: article id `{id}` {reason}; give the article a plain name (letters, digits, `-`, `_`, `.`)")]
    BadId {
        /// The file (and line, for JSON Lines).
        path: PathBuf,
        /// The id, made safe to print.
        id: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Front matter that is not valid.
    #[error("{path}: front matter: {message}")]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Option<String>,
    title: Option<String>,
    published: Option<NaiveDate>,
    source: Option<String>,
    url: Option<String>,
}

impl Article {
    /// Reads a text file; the id is the file stem.
    pub fn from_file(path: &Path) -> Result<Article, ArticleError> {
        let bytes =
            crate::walk::read_capped(path, MAX_ARTICLE_BYTES, "an article").map_err(|source| ArticleError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".to_string());
        let mut a = Article::from_bytes(&bytes, Some(stem), path)?;
        a.path = Some(path.to_path_buf());
        Ok(a)
    }

    /// Parses article bytes. `id` is used when given; otherwise front matter
    /// or `DATE-slug-of-title` names the article. `origin` names the input in
    /// errors.
    pub fn from_bytes(bytes: &[u8], id: Option<String>, origin: &Path) -> Result<Article, ArticleError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let offset = e.valid_up_to();
            let (line, column) = line_column(&bytes[..offset]);
            ArticleError::NotUtf8 {
                path: origin.to_path_buf(),
                offset,
                line,
                column,
            }
        })?;
        if let Some(nul) = text.find('\0') {
            let (line, column) = line_column(&bytes[..nul]);
            return Err(ArticleError::Binary {
                path: origin.to_path_buf(),
                line,
                column,
            });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
        let mut meta = FrontMatter::default();
        let mut body_start = 0;
        if let Some((fm, end)) = front_matter(&text) {
            meta = serde_yaml::from_str(fm).map_err(|e| ArticleError::FrontMatter {
                path: origin.to_path_buf(),
                message: e.to_string(),
            })?;
            body_start = end;
        } else if let Some((date, end)) = date_marker(&text) {
            meta.published = Some(date);
            body_start = end;
        }
        if text[body_start..].trim().is_empty() {
            return Err(ArticleError::Empty {
                path: origin.to_path_buf(),
            });
        }
        let title = meta.title.or_else(|| first_title(&text, body_start));
        let id = id.or(meta.id);
        // News files are often named by date: `2025-03-03-torkham.txt`.
        let published = article_date(id.as_deref().unwrap_or_default(), meta.published);
        let id = id.unwrap_or_else(|| {
            let slug = slug(title.as_deref().unwrap_or("article"));
            match meta.published {
                Some(d) => format!("{}-{slug}", d.format("%Y-%m-%d")),
                None => slug,
            }
        });
        if let Some(reason) = unsafe_id(&id) {
            return Err(ArticleError::BadId {
                path: origin.to_path_buf(),
                id: crate::sanitize::clean(&id),
                reason,
            });
        }
        Ok(Article {
            id,
            title,
            published,
            source: meta.source,
            url: meta.url,
            text,
            body_start,
            path: None,
        })
    }

    /// The text after any metadata.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// The date of an article: `published` (from a `date` marker, front matter
/// or a JSON field), else the `YYYY-MM-DD` its id (file name) starts with.
/// The one rule for every command that needs a date.
pub fn article_date(id: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    published.or_else(|| {
        let date = NaiveDate::parse_from_str(id.get(..10)?, "%Y-%m-%d").ok()?;
        // `2025-03-03-x` or `2025-03-03`, not `2025-03-031`.
        id[10..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphanumeric())
            .then_some(date)
    })
}

/// Largest article read, in bytes: a 50 MB article is extracted (tested),
/// a 4 GB file or a link to `/dev/zero` is refused at once instead of
/// filling memory. JSON Lines are capped per line, stdin as a whole.
pub(crate) const MAX_ARTICLE_BYTES: u64 = 128 << 20;

/// Longest article id, in bytes: `ID.yaml` must stay under the 255-byte
/// file-name limit of common file systems.
pub(crate) const MAX_ID_BYTES: usize = 200;

/// Why `id` cannot be an article id, if it cannot. The id becomes the file
/// name `ID.yaml` inside the output directory, so it must be one plain name:
/// not a path (`/`, `\`, `..`), not hidden (every command skips hidden
/// files, so its claims would silently vanish), and not the actors file.
pub(crate) fn unsafe_id(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.contains(['/', '\\']) {
        Some("holds a path separator (`/` or `\\`)")
    } else if id.starts_with('.') {
        Some("starts with `.` (a hidden file, which every command skips)")
    } else if id.eq_ignore_ascii_case("actors") {
        Some("is the name of the actors file")
    } else if id.len() > MAX_ID_BYTES {
        Some("is longer than 200 bytes")
    } else {
        None
    }
}

/// 1-based line and column (in characters) just after `before`, which is
/// valid UTF-8.
fn line_column(before: &[u8]) -> (usize, usize) {
    let before = std::str::from_utf8(before).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `---\n…\n---\n` at the very start: the YAML and the byte offset after it.
fn front_matter(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let head = text.len() - rest.len();
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..pos], head + pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// A leading `date YYYY-MM-DD` marker: the date and the byte offset after it.
fn date_marker(text: &str) -> Option<(NaiveDate, usize)> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let rest = trimmed.strip_prefix("date ")?;
    let date_str = rest.get(..10)?;
    let date = NaiveDate::parse_from_str(date_str, "%Y-%m-%d").ok()?;
    let after = &rest[10..];
    if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let ws = after.len() - after.trim_start().len();
    Some((date, lead + 5 + 10 + ws))
}

/// The first line of the body if it reads as a headline, else its first sentence.
fn first_title(text: &str, start: usize) -> Option<String> {
    let body = text[start..].trim_start();
    let line = body.lines().next()?.trim();
    if line.is_empty() {
        return None;
    }
    let first = crate::text::sentences(line, 0)
        .first()
        .map_or(line, |s| &line[s.range.clone()]);
    Some(without_dateline(first).to_string())
}

/// `title` without a leading dateline: "KABUL, AFGHANISTAN — ", "MANILA
/// (Reuters) – ", "Islamabad, MINA – ", "ISLAMABAD: ". A dateline is at
/// most four capitalised words (and an agency in brackets) before a dash;
/// before a colon only when its first word is in capitals, so that a
/// headline such as "Pakistan: talks fail" keeps its subject.
pub(crate) fn without_dateline(title: &str) -> &str {
    for (sep, any_case) in [
        (" — ", true),
        (" – ", true),
        (" -- ", true),
        (" - ", true),
        (": ", false),
    ] {
        let Some(at) = title.find(sep) else { continue };
        let (head, rest) = (&title[..at], title[at + sep.len()..].trim_start());
        let words: Vec<&str> = head.split_whitespace().collect();
        // (A date after the place: "KHARTOUM, June 9 (AFP) -".)
        let place = |(k, w): (usize, &&str)| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.'));
            // ("BEIJING/TAIPEI (Reuters) -": two places.)
            (w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '/'))
                || (k > 0 && (1..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()))
        };
        let capitals = words.first().is_some_and(|w| {
            let w = w.trim_end_matches(',');
            w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-')
        });
        if !words.is_empty()
            && words.len() <= 6
            && head.chars().count() <= 40
            && words.iter().enumerate().all(place)
            && (any_case || capitals)
            && rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"')
        {
            return rest;
        }
    }
    title
}

/// Lower-case words of `s` joined by `-`, at most eight words.
pub(crate) fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.to_lowercase())
        .collect();
    if words.is_empty() {
        "article".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_marker_sets_published_and_body() {
        let a = Article::from_bytes(
            b" date 2025-04-16 Talks begin. Officials said so.",
            None,
            Path::new("-"),
        )
        .unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 4, 16));
        assert_eq!(a.body(), "Talks begin. Officials said so.");
        assert_eq!(a.title.as_deref(), Some("Talks begin."));
        assert_eq!(a.id, "2025-04-16-talks-begin");
    }

    #[test]
    fn front_matter_gives_metadata() {
        let a = Article::from_bytes(
            b"---\ntitle: Headline\nsource: Dawn\npublished: 2025-01-02\n---\nBody text.",
            Some("x".into()),
            Path::new("x.txt"),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Headline"));
        assert_eq!(a.source.as_deref(), Some("Dawn"));
        assert_eq!(a.body(), "Body text.");
        assert_eq!(a.id, "x");
    }

    #[test]
    fn headline_line_is_the_title() {
        let a = Article::from_bytes(b"Afghanistan Denies Role\n\nKabul: it denied.", None, Path::new("-")).unwrap();
        assert_eq!(a.title.as_deref(), Some("Afghanistan Denies Role"));
        assert_eq!(a.id, "afghanistan-denies-role");
        let b = Article::from_bytes(
            b"Talks with Ms. Bhutto resumed. More follows.\n\nBody.",
            None,
            Path::new("-"),
        )
        .unwrap();
        assert_eq!(b.title.as_deref(), Some("Talks with Ms. Bhutto resumed."));
    }

    #[test]
    fn a_file_name_starting_with_a_date_dates_the_article() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("2025-03-03-x.txt");
        std::fs::write(&p, "Officials said the border was closed.").unwrap();
        let a = Article::from_file(&p).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 3));
        // The marker and front matter come first.
        std::fs::write(&p, "date 2024-01-02 Officials said so.").unwrap();
        assert_eq!(
            Article::from_file(&p).unwrap().published,
            NaiveDate::from_ymd_opt(2024, 1, 2)
        );
        std::fs::write(&p, "---\npublished: 2024-05-06\n---\nOfficials said so.").unwrap();
        assert_eq!(
            Article::from_file(&p).unwrap().published,
            NaiveDate::from_ymd_opt(2024, 5, 6)
        );
    }

    #[test]
    fn only_a_whole_leading_date_counts() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 3);
        assert_eq!(article_date("2025-03-03", None), d);
        assert_eq!(article_date("2025-03-03-torkham", None), d);
        assert_eq!(article_date("2025-03-031", None), None);
        assert_eq!(article_date("torkham-2025-03-03", None), None);
        assert_eq!(article_date("2025-13-03-x", None), None);
        assert_eq!(
            article_date("2025-03-03-x", NaiveDate::from_ymd_opt(2020, 1, 1)),
            NaiveDate::from_ymd_opt(2020, 1, 1)
        );
    }

    #[test]
    fn datelines_stay_out_of_titles() {
        for (line, title) in [
            (
                "KABUL, AFGHANISTAN — Pakistan’s Foreign Office has alleged that terrorists struck.",
                "Pakistan’s Foreign Office has alleged that terrorists struck.",
            ),
            (
                "KABUL, AFGHANISTAN – Taliban and Pakistani forces exchanged fire.",
                "Taliban and Pakistani forces exchanged fire.",
            ),
            (
                "MANILA (Reuters) – The Philippines repeated its call.",
                "The Philippines repeated its call.",
            ),
            (
                "Islamabad, MINA – Heavy fighting broke out.",
                "Heavy fighting broke out.",
            ),
            (
                "ISLAMABAD: Pakistan on Monday registered a protest.",
                "Pakistan on Monday registered a protest.",
            ),
            (
                "KABUL — Taliban authorities claimed Sunday that they killed soldiers.",
                "Taliban authorities claimed Sunday that they killed soldiers.",
            ),
            (
                "KHARTOUM, June 9 (AFP) - Sudan's army blamed the RSF.",
                "Sudan's army blamed the RSF.",
            ),
            (
                "NEW DELHI, Dec 13 (Reuters) - India said the talks failed.",
                "India said the talks failed.",
            ),
            ("Pakistan: Talks Fail Again", "Pakistan: Talks Fail Again"),
            (
                "Officials said the talks – the seventh – resumed.",
                "Officials said the talks – the seventh – resumed.",
            ),
        ] {
            let a = Article::from_bytes(line.as_bytes(), Some("x".into()), Path::new("x.txt")).unwrap();
            assert_eq!(a.title.as_deref(), Some(title), "{line}");
        }
    }

    #[test]
    fn ids_that_are_not_plain_names_are_refused() {
        for bad in [
            "", "..", ".", ".hidden", "../x", "/etc/x", "a/b", "a\\b", "actors", "ACTORS",
        ] {
            let got = Article::from_bytes(b"Text.", Some(bad.into()), Path::new("x.jsonl:3"));
            assert!(matches!(got, Err(ArticleError::BadId { .. })), "{bad:?} accepted");
        }
        for good in ["a", "2025-04-16-x", "a.b", "actors-2", "Ünïcode"] {
            assert!(
                Article::from_bytes(b"Text.", Some(good.into()), Path::new("-")).is_ok(),
                "{good}"
            );
        }
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert!(matches!(
            Article::from_bytes(b"  \n ", None, Path::new("e.txt")),
            Err(ArticleError::Empty { .. })
        ));
        let err = Article::from_bytes(b"ok \xff bad", None, Path::new("b.txt")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt: not UTF-8 text (invalid byte at line 1, column 4, offset 3)"
        );
    }
}
