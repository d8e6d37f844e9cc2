//! The serde types of the claim file and the actors file (format 1), and
//! nothing but their shape and (de)serialisation.
//!
//! The full contract is in `docs/claim-file.md`. Writing goes through
//! [`ClaimFile::to_yaml`], which emits a stable key order, one claim per block
//! and flow-style reference lists, so that files diff well in git.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// The `schema` value of a claim file.
pub(crate) const CLAIM_SCHEMA: &str = "claimtrack/1";
/// The `schema` value of an actors file.
pub const ACTORS_SCHEMA: &str = "claimtrack-actors/1";

/// The keys of a claim file, in the order files are written.
pub const FILE_FIELDS: [&str; 3] = ["schema", "article", "claims"];
/// The keys of the `article` block, in the order files are written.
pub const ARTICLE_FIELDS: [&str; 6] = ["id", "title", "published", "source", "url", "text"];
/// The keys of a claim, in the order [`ClaimFile::to_yaml`] writes them.
pub const CLAIM_FIELDS: [&str; 15] = [
    "id",
    "claimant",
    "mention",
    "cue",
    "stance",
    "quoted",
    "content",
    "span",
    "rebuts",
    "counters",
    "supports",
    "same_as",
    "confidence",
    "reviewed",
    "note",
];
/// The keys of an actors file.
pub const ACTORS_FILE_FIELDS: [&str; 2] = ["schema", "actors"];
/// The keys of an actor.
pub const ACTOR_FIELDS: [&str; 4] = ["name", "kind", "aliases", "member_of"];

/// One article's claim file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimFile {
    /// Always [`CLAIM_SCHEMA`].
    pub schema: String,
    /// What the claims were taken from.
    pub article: ArticleMeta,
    /// The attributed assertions, in text order for extracted files.
    #[serde(default)]
    pub claims: Vec<Claim>,
}

/// The `article` block of a claim file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    /// Unique in the directory; the file stem.
    pub id: String,
    /// Headline or first sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Path of the article text, relative to the claim file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Whether the claimant says the content is so or is not so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The claimant says `content` is so.
    Asserts,
    /// The claimant says `content` is not so.
    Denies,
}

impl Stance {
    /// The word used in files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
        }
    }
}

/// One attributed assertion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Unique within the file (`c1`, `c2`, … when extracted).
    pub id: String,
    /// Canonical actor name of who makes the assertion.
    pub claimant: String,
    /// The words naming the claimant, when they differ from `claimant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    /// The words marking the attribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Asserts or denies.
    pub stance: Stance,
    /// What is asserted or denied, as worded in the text.
    pub content: String,
    /// True when `content` is a direct quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted: Option<bool>,
    /// Code-point offsets `[start, end)` of `content` in the article text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// Claims this one contests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rebuts: Vec<String>,
    /// Claims this one answers with a counter-claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counters: Vec<String>,
    /// Claims this one backs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// The same assertion by the same claimant in another article's file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
    /// Extractor's confidence, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// `true` once a person has checked the claim (`claimtrack review`);
    /// absent on claims nobody has checked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<bool>,
    /// Free text for analysts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The kinds of link a claim can carry, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `rebuts`
    Rebuts,
    /// `counters`
    Counters,
    /// `supports`
    Supports,
    /// `same_as`
    SameAs,
}

impl LinkKind {
    /// Every kind, in file order.
    pub const ALL: [LinkKind; 4] = [
        LinkKind::Rebuts,
        LinkKind::Counters,
        LinkKind::Supports,
        LinkKind::SameAs,
    ];

    /// The field name in the claim file.
    pub fn field(self) -> &'static str {
        match self {
            LinkKind::Rebuts => "rebuts",
            LinkKind::Counters => "counters",
            LinkKind::Supports => "supports",
            LinkKind::SameAs => "same_as",
        }
    }
}

impl Claim {
    /// A claim with the required fields and nothing else.
    pub fn new(id: impl Into<String>, claimant: impl Into<String>, stance: Stance, content: impl Into<String>) -> Self {
        Claim {
            id: id.into(),
            claimant: claimant.into(),
            mention: None,
            cue: None,
            stance,
            content: content.into(),
            quoted: None,
            span: None,
            rebuts: Vec::new(),
            counters: Vec::new(),
            supports: Vec::new(),
            same_as: Vec::new(),
            confidence: None,
            reviewed: None,
            note: None,
        }
    }

    /// The references of one kind.
    pub fn links(&self, kind: LinkKind) -> &[String] {
        match kind {
            LinkKind::Rebuts => &self.rebuts,
            LinkKind::Counters => &self.counters,
            LinkKind::Supports => &self.supports,
            LinkKind::SameAs => &self.same_as,
        }
    }

    /// The list of references of one kind, to add to.
    pub(crate) fn links_mut(&mut self, kind: LinkKind) -> &mut Vec<String> {
        match kind {
            LinkKind::Rebuts => &mut self.rebuts,
            LinkKind::Counters => &mut self.counters,
            LinkKind::Supports => &mut self.supports,
            LinkKind::SameAs => &mut self.same_as,
        }
    }
}

/// The actors file: who is who.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    /// Always [`ACTORS_SCHEMA`].
    pub schema: String,
    /// The actors.
    #[serde(default)]
    pub actors: Vec<Actor>,
}

/// One actor of `actors.yaml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Canonical name, used as `claimant`.
    pub name: String,
    /// Free text: state, person, armed group, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Other names the actor goes by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The side this actor speaks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_of: Option<String>,
}

impl ClaimFile {
    /// A claim file for an article with no claims yet.
    pub fn new(article: ArticleMeta) -> Self {
        ClaimFile {
            schema: CLAIM_SCHEMA.to_string(),
            article,
            claims: Vec::new(),
        }
    }

    /// Renders the file as YAML in the canonical layout of the format doc:
    /// fixed key order, claims as indented blocks, references as flow lists.
    /// `header` lines are written first as `# ` comments.
    pub fn to_yaml(&self, header: &[&str]) -> String {
        let mut out = String::new();
        for line in header {
            if line.is_empty() {
                out.push_str("#\n");
            } else {
                // A header line (an input path, say) cannot end the comment.
                let _ = writeln!(out, "# {}", crate::sanitize::clean(line));
            }
        }
        let _ = writeln!(out, "schema: {}", scalar(&self.schema));
        out.push_str("article:\n");
        let a = &self.article;
        field(&mut out, "  ", "id", Some(&a.id));
        field(&mut out, "  ", "title", a.title.as_deref());
        let published = a.published.map(|d| d.format("%Y-%m-%d").to_string());
        field(&mut out, "  ", "published", published.as_deref());
        field(&mut out, "  ", "source", a.source.as_deref());
        field(&mut out, "  ", "url", a.url.as_deref());
        field(&mut out, "  ", "text", a.text.as_deref());
        if self.claims.is_empty() {
            out.push_str("claims: []\n");
            return out;
        }
        out.push_str("claims:\n");
        for c in &self.claims {
            let _ = writeln!(out, "  - id: {}", scalar(&c.id));
            let ind = "    ";
            field(&mut out, ind, "claimant", Some(&c.claimant));
            field(&mut out, ind, "mention", c.mention.as_deref());
            field(&mut out, ind, "cue", c.cue.as_deref());
            field(&mut out, ind, "stance", Some(c.stance.as_str()));
            if let Some(q) = c.quoted {
                let _ = writeln!(out, "{ind}quoted: {q}");
            }
            field(&mut out, ind, "content", Some(&c.content));
            if let Some([s, e]) = c.span {
                let _ = writeln!(out, "{ind}span: [{s}, {e}]");
            }
            for kind in LinkKind::ALL {
                let refs = c.links(kind);
                if !refs.is_empty() {
                    let items: Vec<String> = refs.iter().map(|r| flow_scalar(r)).collect();
                    let _ = writeln!(out, "{ind}{}: [{}]", kind.field(), items.join(", "));
                }
            }
            if let Some(conf) = c.confidence {
                let _ = writeln!(out, "{ind}confidence: {}", format_confidence(conf));
            }
            if let Some(r) = c.reviewed {
                let _ = writeln!(out, "{ind}reviewed: {r}");
            }
            field(&mut out, ind, "note", c.note.as_deref());
        }
        out
    }
}

fn format_confidence(x: f64) -> String {
    let s = format!("{:.2}", x);
    // Keep the value readable and exact on read-back: 0.50 -> 0.5, 1.00 -> 1.0.
    let trimmed = s.trim_end_matches('0');
    if trimmed.ends_with('.') {
        format!("{trimmed}0")
    } else {
        trimmed.to_string()
    }
}

fn field(out: &mut String, indent: &str, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = writeln!(out, "{indent}{key}: {}", scalar(v));
    }
}

/// A YAML scalar for `s` in block context: plain when that reads back as the
/// same string, otherwise quoted.
pub(crate) fn scalar(s: &str) -> String {
    // serde_yaml knows YAML's plain-scalar rules (reserved words, numbers,
    // indicators); reuse its decision for single-line strings.
    if !s.contains(['\n', '\r'])
        && !s
            .chars()
            .any(|c| crate::sanitize::is_bidi_control(c) || yaml_special(c))
        && let Ok(out) = serde_yaml::to_string(s)
    {
        let one = out.strip_suffix('\n').unwrap_or(&out);
        if !one.contains('\n') && !one.starts_with('|') && !one.starts_with('>') {
            return one.to_string();
        }
    }
    double_quoted(s)
}

/// A YAML scalar for `s` inside a flow sequence (`[a, b]`).
fn flow_scalar(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/'))
        && !s.starts_with(['-', '#', '.'])
        && scalar(s) == s;
    if safe { s.to_string() } else { double_quoted(s) }
}

/// A double-quoted YAML scalar; JSON string escapes are valid YAML escapes.
/// Control characters and bidi controls are written as `\uXXXX`, so a file
/// shown in a terminal or an editor displays as it reads.
fn double_quoted(s: &str) -> String {
    let json = serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"));
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // serde_json has escaped C0 controls already; DEL, C1, what YAML
        // does not allow in a file at all (U+FFFE, U+FFFF) and what it
        // reads as a line break or drops (U+2028, U+2029, a BOM) are left.
        if c.is_control() || crate::sanitize::is_bidi_control(c) || !yaml_printable(c) || yaml_special(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that YAML 1.1 (libyaml) reads as a line break (U+2028,
/// U+2029) or as a byte-order mark (U+FEFF): raw inside a quoted string
/// they would read back as a space or vanish.
fn yaml_special(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Characters YAML 1.2 allows in a file (its `c-printable` set).
pub(crate) fn yaml_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ClaimFile {
        let mut f = ClaimFile::new(ArticleMeta {
            id: "2025-04-16-x".into(),
            title: Some("Talks: on security, and \"border\" issues".into()),
            published: NaiveDate::from_ymd_opt(2025, 4, 16),
            source: Some("Dawn".into()),
            url: None,
            text: Some("articles/x.txt".into()),
        });
        let mut c1 = Claim::new("c1", "Pakistan", Stance::Asserts, "yes: it is # so");
        c1.cue = Some("maintains".into());
        c1.span = Some([3, 40]);
        c1.confidence = Some(0.5);
        let mut c2 = Claim::new("c2", "Afghanistan", Stance::Denies, "true");
        c2.mention = Some("Afghan officials".into());
        c2.rebuts = vec!["c1".into(), "other-file#c3".into()];
        c2.quoted = Some(true);
        c2.reviewed = Some(true);
        c2.note = Some("multi\nline note".into());
        f.claims = vec![c1, c2];
        f
    }

    #[test]
    fn written_file_reads_back_equal() {
        let f = sample();
        let text = f.to_yaml(&["header"]);
        let back: ClaimFile = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn layout_matches_format_doc() {
        let text = sample().to_yaml(&[]);
        assert!(text.contains("claims:\n  - id: c1\n    claimant: Pakistan\n"));
        assert!(text.contains("    rebuts: [c1, other-file#c3]\n"));
        assert!(text.contains("    content: \"true\"\n") || text.contains("    content: 'true'\n"));
    }

    #[test]
    fn awkward_scalars_are_quoted() {
        for s in [
            "",
            "null",
            "- x",
            "a: b",
            "#c",
            " lead",
            "trail ",
            "0.5",
            "yes",
            "[x]",
            "x\ty",
            "a\u{ffff}\rb",
            "\u{fffe}",
            "x\u{2028}\u{202e}y",
            "\u{2029}\u{feff}",
        ] {
            let y = format!("k: {}\n", scalar(s));
            let v: std::collections::BTreeMap<String, String> = serde_yaml::from_str(&y).unwrap();
            assert_eq!(v["k"], s, "{y}");
        }
    }
}
