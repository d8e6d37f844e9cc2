//! Rendering the [`Briefing`] model, one printer per format (as ripgrep has
//! one printer per output): [`terminal`] tables, [`markdown`], [`csv`],
//! [`json`], a self-contained [`html`] page and schema.org [`jsonld`].
//! Renderers decide nothing: what is contested, what is shown and in which
//! order all come from [`crate::dispute`].

pub mod csv;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod markdown;
pub mod terminal;

use crate::dispute::{Answers, BlockView, Briefing, ClaimView};
use std::io::Write;

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal, wrapped to its width.
    Terminal,
    /// Markdown tables, ready to paste into a brief.
    Markdown,
    /// One row per (claim, response) pair; see `docs/reports.md`.
    Csv,
    /// The model as JSON; schema in `docs/report.schema.json`.
    Json,
    /// One self-contained HTML page.
    Html,
    /// schema.org `Claim` objects as JSON-LD.
    JsonLd,
}

impl Format {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Terminal => "terminal",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::JsonLd => "jsonld",
        }
    }
}

/// What a report is a list of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum By {
    /// Disputes: a block per contested claim with its responses.
    #[default]
    Dispute,
    /// Actors rolled up to their side: one row each.
    Actor,
}

/// How to draw a terminal report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Table width in columns (`None`: no limit).
    pub width: Option<u16>,
    /// Bold headers and colours.
    pub color: bool,
}

impl Style {
    /// The style for an output: colours only on a terminal and never when
    /// `NO_COLOR` is set to a non-empty value; the width given, else the
    /// terminal's (`terminal_width`) when on a terminal, else no limit.
    pub fn detect(
        width: Option<u16>,
        is_tty: bool,
        no_color: Option<&std::ffi::OsStr>,
        terminal_width: impl FnOnce() -> Option<u16>,
    ) -> Style {
        Style {
            width: width.or_else(|| if is_tty { terminal_width() } else { None }),
            color: is_tty && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `--by actor` with a format that has no actor-only form.
    #[error(
        "--by actor is not available with --format {0}: use terminal, markdown or csv (the json and html reports always include the actor table)"
    )]
    Unsupported(&'static str),
    /// Writing the output failed.
    #[error("could not write the report")]
    Io(#[from] std::io::Error),
}

/// Renders the report to `out`.
pub fn render(model: &Briefing, format: Format, by: By, style: Style, out: &mut dyn Write) -> Result<(), Error> {
    match (format, by) {
        (Format::Terminal, By::Dispute) => terminal::disputes(model, style, out)?,
        (Format::Terminal, By::Actor) => out.write_all(terminal::actors(model, style).as_bytes())?,
        (Format::Markdown, By::Dispute) => out.write_all(markdown::disputes(model).as_bytes())?,
        (Format::Markdown, By::Actor) => out.write_all(markdown::actors(model).as_bytes())?,
        (Format::Csv, By::Dispute) => csv::disputes(model, out)?,
        (Format::Csv, By::Actor) => csv::actors(model, out)?,
        (Format::Json, By::Dispute) => json::render(model, out)?,
        (Format::Html, By::Dispute) => out.write_all(html::render(model).as_bytes())?,
        (Format::JsonLd, By::Dispute) => jsonld::render(model, out)?,
        (f @ (Format::Json | Format::Html | Format::JsonLd), By::Actor) => return Err(Error::Unsupported(f.name())),
    }
    out.flush()?;
    Ok(())
}

/// The line that names a block's claim: who, cue, what.
fn title(c: &ClaimView) -> String {
    let cue = c.cue.as_deref().unwrap_or(c.stance.as_str());
    clean(&format!("{} {cue}: “{}”", claimant(c), c.content))
}

/// "rebutted 2 times, countered 1 time".
fn answered(a: &Answers) -> String {
    let mut parts = Vec::new();
    for (n, word) in [
        (a.rebuts, "rebutted"),
        (a.counters, "countered"),
        (a.supports, "supported"),
        (a.repeats, "repeated"),
    ] {
        if n > 0 {
            parts.push(format!("{word} {}", plural(n, "time")));
        }
    }
    parts.join(", ")
}

/// Where and when a block's claim was made, and how it was answered.
fn subtitle(b: &BlockView) -> String {
    let c = &b.claim;
    let mut parts = Vec::new();
    if let Some(d) = c.date {
        parts.push(d.to_string());
    }
    if let Some(s) = &c.source {
        parts.push(s.clone());
    }
    parts.push(c.id.clone());
    let a = answered(&b.answers);
    if !a.is_empty() {
        parts.push(a);
    }
    clean(&parts.join(" · "))
}

/// The heading of a dispute: its number, sides, dates and size.
fn dispute_heading(d: &crate::dispute::DisputeView) -> String {
    let mut parts = vec![format!("Dispute {}", d.number), d.sides.join(" ↔ ")];
    match (d.first, d.last) {
        (Some(f), Some(l)) if f != l => parts.push(format!("{f} to {l}")),
        (Some(f), _) => parts.push(f.to_string()),
        _ => {}
    }
    let shown: usize = d.timeline.len();
    parts.push(format!(
        "{} in {}",
        plural(shown, "claim"),
        plural(d.articles, "article")
    ));
    clean(&parts.join(" · "))
}

/// The claimant, with the side it speaks for when that differs.
fn claimant(c: &ClaimView) -> String {
    if c.side != c.claimant {
        format!("{} ({})", c.claimant, c.side)
    } else {
        c.claimant.clone()
    }
}

/// The claim id as a response row shows it: short within the block's
/// article, full elsewhere.
fn short_id(c: &ClaimView, of: &ClaimView) -> String {
    if c.article == of.article {
        c.claim.clone()
    } else {
        c.id.clone()
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The summary line: N claims, M contested, K disputes, over A articles.
pub fn summary_line(model: &Briefing) -> String {
    let s = &model.summary;
    let mut line = format!(
        "{}, {} contested, {}, over {}",
        plural(s.claims, "claim"),
        s.contested,
        plural(s.disputes, "dispute"),
        plural(s.articles, "article")
    );
    let filters = model.query.describe();
    if !filters.is_empty() {
        line.push_str(&format!(" (filtered: {})", filters.join(", ")));
    }
    clean(&line)
}

/// Why there is nothing to show, in plain words, or `None` when there is
/// something.
pub fn nothing_to_show(model: &Briefing) -> Option<String> {
    let s = &model.summary;
    let filters = model.query.describe();
    if s.files == 0 {
        Some("No claim files found: nothing to report.".to_string())
    } else if s.claims == 0 && filters.is_empty() {
        Some(format!(
            "No claims in the {} read: nothing to report.",
            plural(s.files, "claim file")
        ))
    } else if s.claims == 0 {
        Some(clean(&format!("No claims match the filters ({}).", filters.join(", "))))
    } else if model.disputes.is_empty() {
        Some("No contested claims (use --all to list every claim).".to_string())
    } else {
        None
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

/// A date or an empty string.
fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let w = || Some(80);
        assert!(Style::detect(None, true, None, w).color);
        assert!(!Style::detect(None, false, None, w).color, "piped");
        assert!(!Style::detect(None, true, Some(OsStr::new("1")), w).color, "NO_COLOR");
        assert!(
            Style::detect(None, true, Some(OsStr::new("")), w).color,
            "empty NO_COLOR"
        );
    }

    #[test]
    fn width_follows_flag_then_terminal() {
        assert_eq!(Style::detect(Some(60), false, None, || Some(80)).width, Some(60));
        assert_eq!(Style::detect(None, true, None, || Some(80)).width, Some(80));
        assert_eq!(Style::detect(None, false, None, || Some(80)).width, None);
    }

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(clean("a\x1b[31mb\u{202e}c\nd"), "a\u{fffd}[31mb\u{fffd}c\u{fffd}d");
    }
}
