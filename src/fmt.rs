//! `claimtrack fmt`: claim files in canonical form (key order, indentation
//! and quoting of [`ClaimFile::to_yaml`], claims in id order) without losing
//! a word a person wrote.
//!
//! A file already in canonical form is left alone, byte for byte. A file
//! whose only comments are its leading header is rewritten as header +
//! canonical YAML. A file with comments inside is reordered in the lossless
//! `yaml-edit` tree instead (keys and claims move with their comments;
//! indentation and quoting stay as written); if even that would lose a
//! comment, the file is left unchanged and the caller is told why.

use crate::claim::ClaimFile;
use std::cmp::Ordering;
use yaml_edit::{Document, SyntaxKind};

/// What formatting a file would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Already canonical.
    Unchanged,
    /// The new text of the file.
    Changed(String),
}

/// Why a file cannot be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FmtError {
    /// Reordering in place would have dropped or altered something.
    #[error("cannot normalise without losing a comment or value; left unchanged ({0})")]
    Lossy(String),
    /// The text is not the file that was checked: it changed meanwhile.
    #[error("changed since it was checked; left as it is now: run fmt again")]
    Changed,
}

const TOP_ORDER: [&str; 3] = crate::claim::FILE_FIELDS;
const ARTICLE_ORDER: [&str; 6] = crate::claim::ARTICLE_FIELDS;
/// The order [`ClaimFile::to_yaml`] writes claim fields in.
const CLAIM_ORDER: [&str; 15] = crate::claim::CLAIM_FIELDS;

/// Formats the text of a valid claim file (`file` is its parsed content).
pub fn format(text: &str, file: &ClaimFile) -> Result<Outcome, FmtError> {
    let mut sorted = file.clone();
    sorted.claims.sort_by(|a, b| id_order(&a.id, &b.id));
    let header_len = header_len(text);
    let (header, body) = text.split_at(header_len);
    let canonical = format!("{header}{}", sorted.to_yaml(&[]));
    if text == canonical {
        return Ok(Outcome::Unchanged);
    }
    if comments(body).is_empty() && !header.contains('\r') {
        // The canonical text is made from `file`: it must be what `text`
        // holds now, or a change made since `file` was read would be lost.
        if serde_yaml::from_str::<ClaimFile>(text).ok().as_ref() != Some(file) {
            return Err(FmtError::Changed);
        }
        return Ok(Outcome::Changed(canonical));
    }
    let edited = reorder_in_tree(text, file, &sorted)?;
    if edited == text {
        Ok(Outcome::Unchanged)
    } else {
        Ok(Outcome::Changed(edited))
    }
}

/// Claim ids in natural order: `c2` before `c10`; ids without a number
/// after those with one, by text.
pub fn id_order(a: &str, b: &str) -> Ordering {
    fn split(id: &str) -> (&str, Option<u64>) {
        let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (stem, num) = id.split_at(id.len() - digits);
        (stem, num.parse().ok())
    }
    let ((sa, na), (sb, nb)) = (split(a), split(b));
    match (na, nb) {
        (Some(x), Some(y)) => sa.cmp(sb).then(x.cmp(&y)).then(a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// Reorders the items of the top-level block list `claims:` as text: each
/// item is its `- ` line, the lines under it, and the comment lines just
/// above it. `order[i]` is the index of the item to put at position `i`.
/// `None` when the list is not laid out that way.
fn reorder_claim_blocks(text: &str, order: &[usize]) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let key = lines.iter().position(|l| l.trim_end() == "claims:")?;
    let end = (key + 1..lines.len())
        .find(|&i| {
            let l = lines[i];
            !l.trim().is_empty() && !l.starts_with([' ', '-', '#'])
        })
        .unwrap_or(lines.len());
    let first = (key + 1..end).find(|&i| lines[i].trim_start().starts_with("- "))?;
    let indent = lines[first].len() - lines[first].trim_start().len();
    // `get` rather than slicing: a line with fewer leading spaces (a
    // column-0 comment holding `é`) may have no char boundary at `indent`.
    let is_item = |l: &str| {
        l.get(..indent).is_some_and(|lead| lead.bytes().all(|b| b == b' '))
            && l.get(indent..).is_some_and(|rest| rest.starts_with("- "))
    };
    let mut starts: Vec<usize> = (first..end).filter(|&i| is_item(lines[i])).collect();
    if starts.len() != order.len() {
        return None;
    }
    // Comment lines directly above an item travel with it.
    for s in starts.iter_mut().skip(1) {
        while *s > first && lines[*s - 1].trim_start().starts_with('#') {
            *s -= 1;
        }
    }
    // Blank and comment lines after the last item stay at the end.
    let mut tail = end;
    while tail > starts[starts.len() - 1] + 1 && {
        let t = lines[tail - 1].trim();
        t.is_empty() || t.starts_with('#')
    } {
        tail -= 1;
    }
    let block = |k: usize| -> String {
        let to = starts.get(k + 1).copied().unwrap_or(tail);
        lines[starts[k]..to].concat()
    };
    let mut out = lines[..starts[0]].concat();
    for &j in order {
        let b = block(j);
        out.push_str(&b);
        if !b.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str(&lines[tail..].concat());
    Some(out)
}

/// Length in bytes of the leading comment and blank lines.
fn header_len(text: &str) -> usize {
    let mut len = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !(t.is_empty() || t.starts_with('#')) {
            break;
        }
        len += line.len();
    }
    len
}

/// The comments of a YAML text, as the lexer sees them (not a `#` inside a
/// quoted string).
fn comments(text: &str) -> Vec<&str> {
    yaml_edit::lex(text)
        .into_iter()
        .filter(|(k, _)| *k == SyntaxKind::COMMENT)
        .map(|(_, t)| t)
        .collect()
}

fn reorder_in_tree(text: &str, file: &ClaimFile, sorted: &ClaimFile) -> Result<String, FmtError> {
    let doc: Document = text
        .parse()
        .map_err(|e| FmtError::Lossy(format!("the YAML tree could not be built: {e}")))?;
    let root = doc
        .as_mapping()
        .ok_or_else(|| FmtError::Lossy("the file is not a mapping".to_string()))?;
    root.reorder_fields(TOP_ORDER);
    if let Some(article) = root.get("article").and_then(|a| a.as_mapping().cloned()) {
        article.reorder_fields(ARTICLE_ORDER);
    }
    if let Some(claims) = root.get("claims").and_then(|c| c.as_sequence().cloned()) {
        for node in claims.values() {
            if let Some(m) = node.as_mapping() {
                m.reorder_fields(CLAIM_ORDER);
            }
        }
    }
    let mut out = doc.to_string();
    let mut idx: Vec<usize> = (0..file.claims.len()).collect();
    idx.sort_by(|&a, &b| id_order(&file.claims[a].id, &file.claims[b].id));
    if idx.iter().enumerate().any(|(i, &j)| i != j) {
        out = reorder_claim_blocks(&out, &idx)
            .ok_or_else(|| FmtError::Lossy("claims are not a block list that can be reordered".to_string()))?;
    }
    // Nothing may be lost: same values, every comment still there.
    let back: ClaimFile =
        serde_yaml::from_str(&out).map_err(|e| FmtError::Lossy(format!("the reordered YAML does not parse: {e}")))?;
    if &back != sorted {
        return Err(FmtError::Lossy("the reordered file reads back different".to_string()));
    }
    let (mut before, mut after) = (comments(text), comments(&out));
    before.sort_unstable();
    after.sort_unstable();
    if before != after {
        return Err(FmtError::Lossy("a comment would be dropped".to_string()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ClaimFile {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn natural_id_order() {
        let mut ids = vec!["c10", "c2", "x", "c1", "a-3"];
        ids.sort_by(|a, b| id_order(a, b));
        assert_eq!(ids, ["a-3", "c1", "c2", "c10", "x"]);
    }

    #[test]
    fn canonical_file_is_untouched() {
        let text = "# header\nschema: claimtrack/1\narticle:\n  id: a\nclaims:\n  - id: c1\n    claimant: P\n    stance: asserts\n    content: x y\n";
        assert_eq!(format(text, &parse(text)), Ok(Outcome::Unchanged));
    }

    #[test]
    fn header_only_file_is_rewritten_canonically() {
        let text = "# kept\nclaims:\n- content: x y\n  stance: asserts\n  claimant: P\n  id: c2\n- {id: c1, claimant: Q, stance: denies, content: 'z'}\narticle: {id: a}\nschema: \"claimtrack/1\"\n";
        let Ok(Outcome::Changed(out)) = format(text, &parse(text)) else {
            panic!()
        };
        assert_eq!(
            out,
            "# kept\nschema: claimtrack/1\narticle:\n  id: a\nclaims:\n  - id: c1\n    claimant: Q\n    stance: denies\n    content: z\n  - id: c2\n    claimant: P\n    stance: asserts\n    content: x y\n"
        );
        assert_eq!(format(&out, &parse(&out)), Ok(Outcome::Unchanged));
    }

    #[test]
    fn inner_comments_survive_reordering() {
        let text = "schema: claimtrack/1\narticle:\n  id: a\nclaims:\n  - id: c1\n    content: x y # checked against the text\n    # the claimant was resolved by hand\n    claimant: P\n    stance: asserts\n";
        let Ok(Outcome::Changed(out)) = format(text, &parse(text)) else {
            panic!()
        };
        assert!(out.contains("# checked against the text"), "{out}");
        assert!(out.contains("# the claimant was resolved by hand"), "{out}");
        let f = parse(&out);
        assert_eq!(f, parse(text));
        let keys: Vec<&str> = out.lines().filter_map(|l| l.trim().split(':').next()).collect();
        let pos = |k: &str| keys.iter().position(|x| x.trim_start_matches("- ") == k).unwrap();
        assert!(
            pos("claimant") < pos("stance") && pos("stance") < pos("content"),
            "{out}"
        );
    }
}

#[cfg(test)]
mod reorder_tests {
    use super::*;

    #[test]
    fn claims_move_with_their_comments() {
        let text = "schema: claimtrack/1\narticle:\n  id: a\nclaims:\n  - id: c2\n    claimant: P # who\n    stance: asserts\n    content: x y\n  - id: c1\n    claimant: Q\n    # a note on the stance\n    stance: denies\n    content: z w\n";
        let file: ClaimFile = serde_yaml::from_str(text).unwrap();
        match format(text, &file) {
            Ok(Outcome::Changed(out)) => {
                let c1 = out.find("id: c1").unwrap();
                let c2 = out.find("id: c2").unwrap();
                assert!(c1 < c2, "{out}");
                assert!(out.contains("claimant: P # who"), "{out}");
                assert!(out.contains("# a note on the stance"), "{out}");
            }
            other => panic!("{other:?}"),
        }
    }
}
