//! BRAT standoff attribution annotations as PolNeAR writes them.
//!
//! ```text
//! T1 <TAB> Source 89 106 <TAB> The New York Post
//! T2 <TAB> Cue 107 114 <TAB> reports
//! T3 <TAB> Content 115 290 <TAB> that Hillary Clinton’s team avoided …
//! T4 <TAB> Attribution 107 114 <TAB> reports
//! E1 <TAB> Attribution:T4 Content:T3 Cue:T2 Source:T1
//! ```
//!
//! (fields separated by tabs). Offsets are character (Unicode code point) offsets into the text, end
//! exclusive; a span may be discontinuous (`start end;start end`); a
//! relation may have several contents (`Content:T3 Content2:T9`) and no
//! source (`Attribution-no-source:T4 Content:T3 Cue:T2`). Other entity
//! types (`Discard`, `Discuss`) are read and ignored by the scorer.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A possibly discontinuous span: character ranges in text order.
pub type Fragments = Vec<Range<usize>>;

/// One text-bound annotation (`T` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// `T12`.
    pub id: String,
    /// `Source`, `Cue`, `Content`, `Attribution`, …
    pub label: String,
    /// Character ranges.
    pub fragments: Fragments,
}

/// One attribution: its cue, source and contents as character spans.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpanAttribution {
    /// The cue ("said", "according to").
    pub cue: Option<Fragments>,
    /// The source, absent for attributions without a source.
    pub source: Option<Fragments>,
    /// The content spans (several when the relation has Content2, …).
    pub contents: Vec<Fragments>,
}

/// A parsed `.ann` file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Every `T` line.
    pub entities: Vec<Entity>,
    /// Every attribution relation (`E` line).
    pub attributions: Vec<SpanAttribution>,
}

/// A `.ann` file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct BratError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Document {
    /// The distinct spans of entities with `label`, in file order.
    pub fn spans(&self, label: &str) -> Vec<Fragments> {
        let mut out: Vec<Fragments> = Vec::new();
        for e in self.entities.iter().filter(|e| e.label == label) {
            if !out.contains(&e.fragments) {
                out.push(e.fragments.clone());
            }
        }
        out
    }
}

/// Parses the text of a `.ann` file; `path` names it in errors.
pub fn parse(ann: &str, path: &Path) -> Result<Document, BratError> {
    let err = |line: usize, message: String| BratError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut doc = Document::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut relations: Vec<(usize, &str)> = Vec::new();
    let mut after_entity = false;
    for (n, line) in ann.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        let Some((id, rest)) = line.split_once('\t') else {
            // The text of a span that runs over a line break continues on
            // the next line; the offsets are what counts.
            if after_entity || line.trim().is_empty() {
                continue;
            }
            return Err(err(n, format!("expected ID<TAB>…, found {line:?}")));
        };
        after_entity = false;
        match id.chars().next() {
            Some('T') => {
                let head = rest.split('\t').next().unwrap_or("");
                let (label, offsets) = head
                    .split_once(' ')
                    .ok_or_else(|| err(n, format!("{id}: expected LABEL START END, found {head:?}")))?;
                let fragments = parse_fragments(offsets).map_err(|m| err(n, format!("{id}: {m}")))?;
                by_id.insert(id.to_string(), doc.entities.len());
                doc.entities.push(Entity {
                    id: id.to_string(),
                    label: label.to_string(),
                    fragments,
                });
                after_entity = true;
            }
            Some('E') => relations.push((n, rest)),
            // Notes, attributes, normalisations, comments: not used.
            Some('#' | 'A' | 'M' | 'N' | 'R' | '*') => {}
            _ => return Err(err(n, format!("unknown annotation id {id:?}"))),
        }
    }
    for (n, rest) in relations {
        let mut att = SpanAttribution::default();
        for arg in rest.split_whitespace() {
            let (role, target) = arg
                .split_once(':')
                .ok_or_else(|| err(n, format!("expected ROLE:ID, found {arg:?}")))?;
            let &k = by_id
                .get(target)
                .ok_or_else(|| err(n, format!("{role} refers to unknown entity {target}")))?;
            let fragments = doc.entities[k].fragments.clone();
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Cue" => att.cue = Some(fragments),
                "Source" => att.source = Some(fragments),
                "Content" => att.contents.push(fragments),
                _ => {}
            }
        }
        doc.attributions.push(att);
    }
    Ok(doc)
}

/// `start end;start end` → ranges.
fn parse_fragments(s: &str) -> Result<Fragments, String> {
    let mut out = Vec::new();
    for part in s.split(';') {
        let mut it = part.split_whitespace().map(str::parse::<usize>);
        match (it.next(), it.next(), it.next()) {
            (Some(Ok(a)), Some(Ok(b)), None) if a <= b => out.push(a..b),
            _ => return Err(format!("bad offsets {part:?} (expected START END with START <= END)")),
        }
    }
    Ok(out)
}

/// A cue range widened to PolNeAR's convention: a colon right after the
/// cue belongs to it ("said:"), and so does an auxiliary's clitic on the
/// word before ("they’ve suggested", "he’s claiming": `'s` only after a
/// pronoun, where it is "is" or "has" and not a possessive).
pub fn polnear_cue(text: &str, r: Range<usize>) -> Range<usize> {
    let start = clitic_before(text, r.start).unwrap_or(r.start);
    if text[r.end..].starts_with(':') {
        start..r.end + 1
    } else {
        start..r.end
    }
}

/// The start of an auxiliary clitic ending the word before `at` (across
/// one space).
fn clitic_before(text: &str, at: usize) -> Option<usize> {
    const PRONOUNS_S: &[&str] = &["he", "she", "it", "that", "who", "there", "what", "here", "where"];
    let word = text[..at].strip_suffix(' ')?;
    let start = word
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(0, |k| k + word[k..].chars().next().map_or(1, char::len_utf8));
    let word = &word[start..];
    let apostrophe = word.rfind(['\'', '’'])?;
    let (host, clitic) = (&word[..apostrophe], &word[apostrophe..]);
    let clitic = clitic.to_lowercase().replace('’', "'");
    let auxiliary = match clitic.as_str() {
        "'re" | "'ve" | "'ll" | "'d" | "'m" => true,
        "'s" => PRONOUNS_S.contains(&host.to_lowercase().as_str()),
        _ => false,
    };
    (auxiliary && !host.is_empty()).then_some(start + apostrophe)
}

/// A content range widened to PolNeAR's convention: the complementiser
/// "that" and the quotation marks (with the punctuation inside the closing
/// one) belong to the content.
pub fn polnear_content(text: &str, r: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = (r.start, r.end);
    let before = &text[..s];
    if let Some(q) = before.strip_suffix(['“', '"']) {
        s = q.len();
    }
    let before = &text[..s];
    let trimmed = before.trim_end();
    if before.len() > trimmed.len()
        && let Some(head) = trimmed.strip_suffix("that").or_else(|| trimmed.strip_suffix("That"))
        && !head.chars().last().is_some_and(char::is_alphanumeric)
    {
        s = head.len();
    }
    let after = &text[e..];
    let punct = after
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | ',' | '!' | '?'))
        .map_or(0, char::len_utf8);
    if let Some(q) = after[punct..].chars().next().filter(|c| matches!(c, '”' | '"')) {
        e += punct + q.len_utf8();
    }
    s..e
}

/// Writes attributions as a PolNeAR-style `.ann` file over `text`.
pub fn to_ann(text: &str, atts: &[SpanAttribution]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let covered = |f: &Fragments| -> String {
        f.iter()
            .map(|r| {
                chars[r.start.min(chars.len())..r.end.min(chars.len())]
                    .iter()
                    .map(|&c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let offsets = |f: &Fragments| {
        f.iter()
            .map(|r| format!("{} {}", r.start, r.end))
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut out = String::new();
    let mut t = 0;
    let mut entity = |out: &mut String, label: &str, f: &Fragments| {
        t += 1;
        let _ = writeln!(out, "T{t}\t{label} {}\t{}", offsets(f), covered(f));
        format!("T{t}")
    };
    for (e, a) in atts.iter().enumerate() {
        let Some(cue) = &a.cue else { continue };
        let mut args = Vec::new();
        let source = a.source.as_ref().map(|s| entity(&mut out, "Source", s));
        let cue_id = entity(&mut out, "Cue", cue);
        for (k, c) in a.contents.iter().enumerate() {
            let id = entity(&mut out, "Content", c);
            let role = if k == 0 {
                "Content".to_string()
            } else {
                format!("Content{}", k + 1)
            };
            args.push(format!("{role}:{id}"));
        }
        let (trigger_label, trigger) = match source {
            Some(_) => ("Attribution", "Attribution"),
            None => ("Attribution-no-source", "Attribution-no-source"),
        };
        let trig = entity(&mut out, trigger_label, cue);
        let mut line = format!("E{}\t{trigger}:{trig}", e + 1);
        for arg in args {
            line.push(' ');
            line.push_str(&arg);
        }
        let _ = write!(line, " Cue:{cue_id}");
        if let Some(s) = source {
            let _ = write!(line, " Source:{s}");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 5\tSmith\n\
T2\tCue 6 10\tsaid\n\
T3\tContent 11 20;25 30\tthe thing other\n\
T4\tAttribution 6 10\tsaid\n\
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5\n\
T5\tContent 40 52\tline one\nline two\n\
T6\tDiscard 60 61\tx\n\
T7\tCue 70 76\tstated\n\
T8\tContent 77 90\tsomething\n\
T9\tAttribution-no-source 70 76\tstated\n\
E2\tAttribution-no-source:T9 Content:T8 Cue:T7\n";

    #[test]
    fn parses_discontinuous_multi_content_and_sourceless_relations() {
        let d = parse(ANN, Path::new("a.ann")).unwrap();
        assert_eq!(d.attributions.len(), 2);
        let a = &d.attributions[0];
        assert_eq!(a.source, Some(vec![0..5]));
        assert_eq!(a.cue, Some(vec![6..10]));
        assert_eq!(a.contents, [vec![11..20, 25..30], vec![40..52]]);
        assert_eq!(d.attributions[1].source, None);
        assert_eq!(d.spans("Cue"), [vec![6..10], vec![70..76]]);
        assert_eq!(d.spans("Discard"), [vec![60..61]]);
    }

    #[test]
    fn content_widens_to_polnear_convention() {
        let t = "He said that “taxes will rise,” and left.";
        let inner = t.find("taxes").unwrap()..t.find(" rise").unwrap() + 5;
        let w = polnear_content(t, inner);
        assert_eq!(&t[w], "that “taxes will rise,”");
        let t = "Smith said the thing is done. Next.";
        let r = t.find("the").unwrap()..t.find(". Next").unwrap();
        assert_eq!(&t[polnear_content(t, r.clone())], &t[r]);
    }

    #[test]
    fn cue_widens_to_a_colon_after_and_an_auxiliary_clitic_before() {
        let cue = |t: &str, w: &str| {
            let k = t.find(w).unwrap();
            t[polnear_cue(t, k..k + w.len())].to_string()
        };
        assert_eq!(cue("He said: no.", "said"), "said:");
        assert_eq!(cue("They’ve suggested it.", "suggested"), "’ve suggested");
        assert_eq!(cue("He's claiming it.", "claiming"), "'s claiming");
        assert_eq!(cue("We'd like it.", "like"), "'d like");
        // A possessive is not an auxiliary.
        assert_eq!(cue("Trump’s claims are false.", "claims"), "claims");
        assert_eq!(cue("Its claims.", "claims"), "claims");
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("T1\tCue 5 x\tsaid\n", Path::new("b.ann")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.ann:1: T1: bad offsets \"5 x\" (expected START END with START <= END)"
        );
        let e = parse("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Source:T9\n", Path::new("c.ann")).unwrap_err();
        assert_eq!(e.to_string(), "c.ann:2: Source refers to unknown entity T9");
    }

    #[test]
    fn written_ann_reads_back() {
        let text = "Smith said “the tax will rise”.\nNobody denied it.";
        let atts = vec![
            SpanAttribution {
                cue: Some(vec![6..10]),
                source: Some(vec![0..5]),
                contents: vec![vec![12..29]],
            },
            SpanAttribution {
                cue: Some(vec![7..13]),
                source: None,
                contents: vec![vec![11..31, 32..38]],
            },
        ];
        let ann = to_ann(text, &atts);
        assert!(ann.starts_with("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 12 29\tthe tax will rise\n"));
        assert!(
            ann.contains("T6\tContent 11 31;32 38\t“the tax will rise”. Nobody\n"),
            "{ann}"
        );
        let back = parse(&ann, Path::new("x.ann")).unwrap();
        assert_eq!(back.attributions, atts);
    }
}
