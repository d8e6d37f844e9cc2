//! Where a problem is: a path into the YAML document ([`Seg`]) becomes a
//! `line:column`, through the lossless `yaml-edit` tree parsed only when a
//! position is needed; libyaml's own messages and positions are rewritten
//! to match.

use super::FileCheck;
use super::file::MAX_DEPTH;
use std::collections::HashSet;
use yaml_edit::YamlNode;

/// A path into a YAML document.
#[derive(Debug, Clone)]
pub(super) enum Seg {
    Key(String),
    Index(usize),
}

impl Seg {
    pub(super) fn key(k: &str) -> Seg {
        Seg::Key(k.to_string())
    }
}

impl FileCheck<'_> {
    pub(super) fn doc(&self) -> Option<&yaml_edit::Document> {
        self.doc
            .get_or_init(|| self.text.parse::<yaml_edit::Document>().ok())
            .as_ref()
    }

    /// Line and column of a byte offset.
    pub(super) fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= byte);
        let start = self.line_starts[line - 1];
        let col = self.text.get(start..byte).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// Position of the node at `path` (its key when `key`), or of the
    /// nearest enclosing node that exists.
    pub(super) fn pos(&self, path: &[Seg], key: bool) -> (usize, usize) {
        let Some(doc) = self.doc() else { return (1, 1) };
        let mut best = self.first_content;
        let mut node: Option<YamlNode> = doc
            .as_mapping()
            .map(YamlNode::Mapping)
            .or_else(|| doc.as_sequence().map(YamlNode::Sequence));
        for (i, seg) in path.iter().enumerate() {
            let Some(current) = node.take() else { break };
            match seg {
                Seg::Key(k) => {
                    let Some(m) = current.as_mapping() else { break };
                    let entry = m.entries().find(|e| {
                        e.key_node()
                            .and_then(|n| n.as_scalar().map(|s| s.as_string()))
                            .is_some_and(|s| &s == k)
                    });
                    let Some(entry) = entry else { break };
                    if let Some(kn) = entry.key_node() {
                        best = kn.byte_range().start as usize;
                    }
                    if i + 1 == path.len() && key {
                        break;
                    }
                    node = entry.value_node();
                    if let Some(v) = &node {
                        best = v.byte_range().start as usize;
                    }
                }
                Seg::Index(ix) => {
                    let Some(s) = current.as_sequence() else { break };
                    // A file with thousands of bad claims asks for thousands
                    // of items: list a sequence's items once, not per call.
                    let start = s.byte_range().start as usize;
                    let mut items = self.items.borrow_mut();
                    let items = items.entry(start).or_insert_with(|| s.values().collect());
                    node = items.get(*ix).cloned();
                    if let Some(v) = &node {
                        best = v.byte_range().start as usize;
                    }
                }
            }
        }
        self.line_col(best)
    }

    /// The byte where the first line that is not blank or a comment starts.
    fn first_content_byte(&self) -> usize {
        let mut pos = 0;
        for line in self.text.split_inclusive('\n') {
            let t = line.trim_start();
            if !t.is_empty() && !t.starts_with('#') {
                return pos + (line.len() - t.len());
            }
            pos += line.len();
        }
        0
    }

    pub(super) fn set_text(&mut self, text: String) {
        self.line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        self.text = text;
        self.first_content = self.first_content_byte();
        self.items.borrow_mut().clear();
    }

    pub(super) fn syntax_error(&mut self, e: &serde_yaml::Error) {
        // The position goes in front; drop libyaml's "at line L column C" parts.
        let mut message = strip_positions(&e.to_string());
        // The byte offset, not libyaml's line: libyaml counts U+2028 and
        // U+2029 as line breaks, editors (and the rest of `check`) do not.
        let mut at = e.location().map_or((1, 1), |l| {
            if self.text.is_char_boundary(l.index()) {
                self.line_col(l.index())
            } else {
                (l.line(), l.column())
            }
        });
        let offending = e.location().and_then(|l| self.text.get(l.index()..)?.chars().next());
        if message.contains("control characters are not allowed")
            && let Some((byte, c)) = self
                .text
                .char_indices()
                .find(|&(_, c)| !crate::claim::yaml_printable(c))
        {
            // libyaml gives no position for these; say where the first one is.
            at = self.line_col(byte);
            message = format!(
                "control character U+{:04X}, which YAML does not allow in a file: write it as \\u{:04x} inside double quotes",
                c as u32, c as u32
            );
        } else if message.contains("recursion limit exceeded") {
            message = format!("nested more than {MAX_DEPTH} levels deep; a claim file needs a few");
        } else if offending == Some('\t') {
            message = "tab character where YAML allows only spaces: indent with spaces".to_string();
        }
        if message.contains("duplicate entry")
            && let Some((byte, key)) = self.find_duplicate_key()
        {
            at = self.line_col(byte);
            message = format!("duplicate key `{key}` in the same mapping");
        }
        self.error_at(at, message);
    }

    /// The second occurrence of a key repeated within one mapping.
    pub(super) fn find_duplicate_key(&self) -> Option<(usize, String)> {
        let doc = self.doc()?;
        let root = doc
            .as_mapping()
            .map(YamlNode::Mapping)
            .or_else(|| doc.as_sequence().map(YamlNode::Sequence))?;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            if let Some(m) = node.as_mapping() {
                let mut seen = HashSet::new();
                for e in m.entries() {
                    if let Some(k) = e.key_node() {
                        let name = k.as_scalar().map(|s| s.as_string()).unwrap_or_else(|| k.to_string());
                        if !seen.insert(name.clone()) {
                            return Some((k.byte_range().start as usize, name));
                        }
                    }
                    if let Some(v) = e.value_node() {
                        stack.push(v);
                    }
                }
            } else if let Some(s) = node.as_sequence() {
                stack.extend(s.values());
            }
        }
        None
    }
}

/// `message` without libyaml's " at line L column C" phrases.
pub(super) fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + " at line ".len()..];
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(tail);
        let after = &tail[n..];
        match after.strip_prefix(" column ") {
            Some(col) if n > 0 => rest = &col[digits(col)..],
            _ => {
                out.push_str(" at line ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libyaml_positions_are_stripped() {
        assert_eq!(
            strip_positions(
                "did not find expected node content at line 4 column 1, while parsing a flow node at line 3 column 9"
            ),
            "did not find expected node content, while parsing a flow node"
        );
        assert_eq!(strip_positions("at line 5 of the poem"), "at line 5 of the poem");
    }
}
