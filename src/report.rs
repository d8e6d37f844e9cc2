//! Rendering the [`Disputes`] model: a terminal table (comfy-table) and
//! Markdown. Renderers decide nothing; they draw what `dispute` computed.

use crate::claim::LinkKind;
use crate::dispute::{Block, Disputes, relation};
use crate::store::{ClaimAt, Store};
use comfy_table::{Attribute, Cell, ContentArrangement, Table, presets};
use std::fmt::Write as _;

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal, wrapped to its width.
    Terminal,
    /// Markdown tables, ready to paste into a brief.
    Markdown,
}

/// How to draw a terminal report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Table width in columns (`None`: no limit).
    pub width: Option<u16>,
    /// Bold headers and colours.
    pub color: bool,
}

const HEADER: [&str; 7] = ["", "Claimant", "Stance", "Cue", "Content", "Claim", "Date"];

/// Renders the report.
pub fn render(store: &Store, model: &Disputes, format: Format, style: Style) -> String {
    match format {
        Format::Terminal => terminal(store, model, style),
        Format::Markdown => markdown(store, model),
    }
}

/// One response line of a block.
struct Row {
    role: String,
    claimant: String,
    stance: String,
    cue: String,
    content: String,
    claim: String,
    date: String,
}

impl Row {
    fn cells(self) -> [String; 7] {
        [
            self.role,
            self.claimant,
            self.stance,
            self.cue,
            self.content,
            self.claim,
            self.date,
        ]
    }
}

/// The line that names a block's claim: who, cue, what.
fn title(store: &Store, at: ClaimAt) -> String {
    let c = store.claim(at);
    let cue = c.cue.as_deref().unwrap_or(c.stance.as_str());
    clean(&format!("{} {cue}: “{}”", claimant(store, at), c.content))
}

/// Where and when a block's claim was made, and how it was answered.
fn subtitle(store: &Store, block: &Block) -> String {
    let a = &store.files[block.claim.0].file.article;
    let mut parts = vec![store.full_id(block.claim)];
    if let Some(d) = a.published {
        parts.insert(0, d.to_string());
    }
    let count = |k: LinkKind| block.responses.iter().filter(|r| r.kind == k).count();
    let mut answered = Vec::new();
    for (k, word) in [
        (LinkKind::Rebuts, "rebutted"),
        (LinkKind::Counters, "countered"),
        (LinkKind::Supports, "supported"),
        (LinkKind::SameAs, "repeated"),
    ] {
        let n = count(k);
        if n > 0 {
            answered.push(format!("{word} {}", plural(n, "time")));
        }
    }
    if !answered.is_empty() {
        parts.push(answered.join(", "));
    }
    clean(&parts.join(" · "))
}

fn rows(store: &Store, block: &Block) -> Vec<Row> {
    block
        .responses
        .iter()
        .map(|r| {
            let c = store.claim(r.claim);
            let a = &store.files[r.claim.0].file.article;
            let id = if r.claim.0 == block.claim.0 {
                c.id.clone()
            } else {
                store.full_id(r.claim)
            };
            Row {
                role: relation(r.kind, c.stance).to_string(),
                claimant: clean(&claimant(store, r.claim)),
                stance: c.stance.as_str().to_string(),
                cue: clean(c.cue.as_deref().unwrap_or("")),
                content: clean(&c.content),
                claim: clean(&id),
                date: a.published.map(|d| d.to_string()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The claimant, with the side it speaks for when that differs.
fn claimant(store: &Store, at: ClaimAt) -> String {
    let c = store.claim(at);
    let side = store.actors.side(&c.claimant);
    if side != c.claimant {
        format!("{} ({side})", c.claimant)
    } else {
        c.claimant.clone()
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Text from a file made safe for a terminal: control characters
/// (escape sequences, bidi overrides) become visible placeholders.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// Unicode characters that reorder how text displays (embeddings,
/// overrides, isolates and directional marks): the "Trojan Source" set.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn summary(model: &Disputes) -> String {
    format!(
        "{}, {} contested, {}, over {}",
        plural(model.claims, "claim"),
        model.contested,
        plural(model.disputes, "dispute"),
        plural(model.articles, "article")
    )
}

fn terminal(store: &Store, model: &Disputes, style: Style) -> String {
    let mut out = String::new();
    if model.claims == 0 {
        return format!("No claims found ({} claim files).\n", model.articles);
    }
    if model.blocks.is_empty() {
        let _ = writeln!(out, "No contested claims (use --all to list every claim).");
    }
    for block in &model.blocks {
        let (bold, reset) = if style.color { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
        let _ = writeln!(out, "{bold}{}{reset}", title(store, block.claim));
        let _ = writeln!(out, "{}", subtitle(store, block));
        if block.responses.is_empty() {
            out.push('\n');
            continue;
        }
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        match style.width {
            Some(w) => {
                t.set_content_arrangement(ContentArrangement::Dynamic);
                t.set_width(w);
            }
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        if style.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t.set_header(HEADER.iter().map(|h| {
            let c = Cell::new(h);
            if style.color {
                c.add_attribute(Attribute::Bold)
            } else {
                c
            }
        }));
        for r in rows(store, block) {
            t.add_row(r.cells());
        }
        let _ = writeln!(out, "{t}\n");
    }
    let _ = writeln!(out, "{}", summary(model));
    out
}

fn markdown(store: &Store, model: &Disputes) -> String {
    let mut out = String::new();
    if model.claims == 0 {
        return format!("No claims found ({} claim files).\n", model.articles);
    }
    for block in &model.blocks {
        let _ = writeln!(out, "### {}\n", md(&title(store, block.claim)));
        let _ = writeln!(out, "{}\n", md(&subtitle(store, block)));
        if block.responses.is_empty() {
            continue;
        }
        let _ = writeln!(out, "| {} |", HEADER.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(HEADER.len()));
        for r in rows(store, block) {
            let cells: Vec<String> = r.cells().iter().map(|s| md(s)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    if model.blocks.is_empty() {
        out.push_str("No contested claims.\n\n");
    }
    let _ = writeln!(out, "_{}_", summary(model));
    out
}

/// Markdown text: pipes, emphasis, HTML (`<`, `&` entities), links and
/// images escaped, control characters replaced, all on one line.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in clean(s).chars() {
        if matches!(ch, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\' | '&' | '~') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
