//! One file read and held to the rules every file shares: readable, UTF-8,
//! not empty, not nested past reason, no anchors or aliases, valid YAML;
//! then the kind's rules ([`super::claim_file`], [`super::actors_file`])
//! and a typed read. Also the field helpers those rules use.

use super::refs::{ClaimIds, PendingRef};
use super::{Checked, Diagnostic, Seg, Severity, whole_file};
use crate::claim::{
    ACTOR_FIELDS, ACTORS_FILE_FIELDS, ACTORS_SCHEMA, ARTICLE_FIELDS, ActorsFile, CLAIM_FIELDS, ClaimFile, FILE_FIELDS,
};
use serde_yaml::Value;
use std::path::Path;

/// How deep the YAML parser lets values nest (`serde_yaml`'s limit).
pub(super) const MAX_DEPTH: usize = 128;

/// Bracket depth past which a text is refused before any YAML parsing (the
/// YAML parser refuses past [`MAX_DEPTH`] anyway; this bound keeps the
/// lexers linear on a file of a million `[`).
pub(super) const MAX_BRACKETS: usize = 1000;

/// Where `[`/`{` first open more than [`MAX_BRACKETS`] deep, counting
/// every bracket (also those inside strings: a real file never comes near).
pub(super) fn too_deep(text: &str) -> Option<usize> {
    // Fewer brackets than the limit cannot nest past it: one counting pass
    // (which the compiler vectorises) settles every real file.
    if text.bytes().filter(|&b| b == b'[' || b == b'{').count() <= MAX_BRACKETS {
        return None;
    }
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKETS {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The first anchor (`&a`) or alias (`*a`) of a YAML text: its byte offset
/// and what it is. Claim files never need them, and rejecting them before
/// the YAML is expanded stops alias bombs (a few lines that expand to
/// gigabytes) at no cost.
pub(super) fn anchor_or_alias(text: &str) -> Option<(usize, &'static str)> {
    // Most files have neither character: skip the lexer then.
    if !text.as_bytes().contains(&b'&') && !text.as_bytes().contains(&b'*') {
        return None;
    }
    let mut at = 0;
    for (kind, token) in yaml_edit::lex(text) {
        match kind {
            yaml_edit::SyntaxKind::ANCHOR => return Some((at, "anchors (`&name`)")),
            yaml_edit::SyntaxKind::REFERENCE => return Some((at, "aliases (`*name`)")),
            _ => at += token.len(),
        }
    }
    None
}

pub(super) const CLAIM_FILE_KEYS: &[&str] = &FILE_FIELDS;
pub(super) const ARTICLE_KEYS: &[&str] = &ARTICLE_FIELDS;
pub(super) const CLAIM_KEYS: &[&str] = &CLAIM_FIELDS;
pub(super) const LINK_KEYS: &[&str] = &["rebuts", "counters", "supports", "same_as"];
pub(super) const ACTORS_FILE_KEYS: &[&str] = &ACTORS_FILE_FIELDS;
pub(super) const ACTOR_KEYS: &[&str] = &ACTOR_FIELDS;

pub(super) struct FileCheck<'p> {
    pub(super) path: &'p Path,
    pub(super) text: String,
    /// The lossless tree, parsed only when a position is needed.
    pub(super) doc: std::cell::OnceCell<Option<yaml_edit::Document>>,
    /// Where the document starts (see `pos`), found once per text.
    pub(super) first_content: usize,
    /// The items of each sequence asked for, by its first byte (see `pos`).
    pub(super) items: std::cell::RefCell<std::collections::HashMap<usize, Vec<yaml_edit::YamlNode>>>,
    pub(super) line_starts: Vec<usize>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) refs: Vec<PendingRef>,
    /// The article id and claim ids of a claim file, read even when the
    /// file has other problems.
    pub(super) claim_ids: Option<ClaimIds>,
}

impl<'p> FileCheck<'p> {
    pub(super) fn new(path: &'p Path) -> Self {
        FileCheck {
            path,
            text: String::new(),
            doc: std::cell::OnceCell::new(),
            first_content: 0,
            items: Default::default(),
            line_starts: vec![0],
            diagnostics: Vec::new(),
            refs: Vec::new(),
            claim_ids: None,
        }
    }

    pub(super) fn error_at(&mut self, at: (usize, usize), message: String) {
        self.push(at, Severity::Error, message);
    }

    pub(super) fn push(&mut self, at: (usize, usize), severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            path: self.path.to_path_buf(),
            line: at.0,
            column: at.1,
            severity,
            message,
        });
    }

    pub(super) fn error(&mut self, path: &[Seg], key: bool, message: String) {
        let at = self.pos(path, key);
        self.error_at(at, message);
    }

    pub(super) fn run(&mut self, bytes: std::io::Result<Vec<u8>>) -> Option<Checked> {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                self.diagnostics.push(whole_file(self.path, &e.to_string()));
                return None;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
                self.set_text(text);
                let at = self.line_col(valid);
                self.error_at(at, format!("not UTF-8 text: invalid byte (offset {valid})"));
                return None;
            }
        };
        let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
        self.set_text(text);
        if let Some(nul) = self.text.find('\0') {
            let at = self.line_col(nul);
            self.error_at(at, "binary data (a NUL byte), not YAML text".to_string());
            return None;
        }
        if self.text.trim().is_empty()
            || self
                .text
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            self.error_at(
                (1, 1),
                "empty file: expected a claim file or an actors file".to_string(),
            );
            return None;
        }
        if let Some(byte) = too_deep(&self.text) {
            let at = self.line_col(byte);
            self.error_at(
                at,
                format!("brackets nested more than {MAX_BRACKETS} deep; a claim file needs a few"),
            );
            return None;
        }
        if let Some((byte, what)) = anchor_or_alias(&self.text) {
            let at = self.line_col(byte);
            self.error_at(
                at,
                format!("YAML {what} are not allowed in claimtrack files: write the value out in full"),
            );
            return None;
        }
        let value: Value = match serde_yaml::from_str(&self.text) {
            Ok(v) => v,
            Err(e) => {
                self.syntax_error(&e);
                return None;
            }
        };
        let is_actors = matches!(self.path.file_stem().and_then(|s| s.to_str()), Some("actors"))
            || value.get("schema").and_then(Value::as_str) == Some(ACTORS_SCHEMA);
        let Value::Mapping(_) = &value else {
            let what = if is_actors { "an actors file" } else { "a claim file" };
            self.error(
                &[],
                false,
                format!("{what} must be a mapping (schema, …), found {}", kind_of(&value)),
            );
            return None;
        };
        if is_actors {
            self.actors_file(&value);
        } else {
            self.claim_file(&value);
        }
        if self.diagnostics.iter().any(Diagnostic::is_error) {
            return None;
        }
        // Every rule above holds; the typed read is a safety net.
        let typed = if is_actors {
            serde_yaml::from_value::<ActorsFile>(value).map(|a| Checked::Actors(self.path.to_path_buf(), a))
        } else {
            serde_yaml::from_value::<ClaimFile>(value).map(|c| Checked::Claims(self.path.to_path_buf(), c))
        };
        match typed {
            Ok(c) => Some(c),
            Err(e) => {
                self.syntax_error(&e);
                None
            }
        }
    }

    pub(super) fn unknown_keys(&mut self, map: &serde_yaml::Mapping, allowed: &[&str], at: &[Seg], what: &str) {
        for k in map.keys() {
            let Some(name) = k.as_str() else {
                self.error(at, false, format!("{what} keys must be strings, found {}", kind_of(k)));
                continue;
            };
            if !allowed.contains(&name) {
                let mut p = at.to_vec();
                p.push(Seg::key(name));
                let hint = match nearest(name, allowed) {
                    Some(s) => format!(", did you mean `{s}`?"),
                    None => format!(" (expected one of: {})", allowed.join(", ")),
                };
                self.error(&p, true, format!("unknown field `{name}` in {what}{hint}"));
            }
        }
    }

    pub(super) fn require(&mut self, map: &serde_yaml::Mapping, key: &str, at: &[Seg], what: &str) -> bool {
        if value_of(map, key).is_some() {
            return true;
        }
        self.error(at, false, format!("{what} is missing the required field `{key}`"));
        false
    }

    /// A string field: reports a wrong type; `None` when absent or wrong.
    pub(super) fn string<'v>(
        &mut self,
        map: &'v serde_yaml::Mapping,
        key: &str,
        at: &[Seg],
        non_empty: bool,
    ) -> Option<&'v str> {
        let v = value_of(map, key)?;
        let p = || {
            let mut p = at.to_vec();
            p.push(Seg::key(key));
            p
        };
        match v.as_str() {
            Some(s) if non_empty && s.trim().is_empty() => {
                self.error(&p(), false, format!("`{key}` must not be empty"));
                None
            }
            Some(s) => Some(s),
            None => {
                self.error(&p(), false, format!("`{key}` must be a string, found {}", kind_of(v)));
                None
            }
        }
    }

    pub(super) fn schema(&mut self, map: &serde_yaml::Mapping, expected: &str) {
        if !self.require(map, "schema", &[], "the file") {
            return;
        }
        if let Some(s) = self.string(map, "schema", &[], true)
            && s != expected
        {
            let s = s.to_string();
            self.error(
                &[Seg::key("schema")],
                false,
                format!("unknown schema `{s}` (expected `{expected}`)"),
            );
        }
    }
}

/// The value of `key` in a mapping. Claim-file mappings have a handful of
/// keys: a scan is cheaper than hashing the key as a YAML value.
pub(super) fn value_of<'v>(map: &'v serde_yaml::Mapping, key: &str) -> Option<&'v Value> {
    map.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
}

/// The closest allowed word to a misspelt one, if it is close.
pub(super) fn nearest<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (strsim::levenshtein(&word.to_lowercase(), a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

pub(super) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

pub(super) fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => "null".to_string(),
        other => kind_of(other).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_suggests_close_names_only() {
        assert_eq!(nearest("rebut", CLAIM_KEYS), Some("rebuts"));
        assert_eq!(nearest("deny", &["asserts", "denies"]), Some("denies"));
        assert_eq!(nearest("zzzzzzzz", CLAIM_KEYS), None);
    }
}
