//! Rendering the [`Briefing`] model, one printer per format (as ripgrep has
//! one printer per output): [`terminal`] tables, [`markdown`], [`csv`],
//! [`json`], a self-contained [`html`] page and schema.org [`jsonld`].
//! Renderers decide nothing: what is contested, what is shown and in which
//! order all come from the view model ([`Briefing`]), built from
//! `dispute`'s graph.

pub mod csv;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod markdown;
mod model;
pub mod terminal;

pub use crate::dispute::{Query, Sort};
pub use crate::sanitize::{clean, is_bidi_control};
pub use model::{
    ActorStats, Answers, ArticleView, BlockView, Briefing, ClaimView, DisputeView, Exchange, ResponseView, Summary,
    TimelineEntry,
};
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
    /// The style for an output: colours as decided by [`ColorChoice::enabled`];
    /// the width given, else `terminal_width` (`COLUMNS`, or the terminal's
    /// width on a terminal), else no limit.
    pub fn detect(width: Option<u16>, color: bool, terminal_width: impl FnOnce() -> Option<u16>) -> Style {
        Style {
            width: width.or_else(terminal_width),
            color,
        }
    }
}

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR`; anywhere with `CLICOLOR_FORCE`.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour an output going to a terminal (`is_tty`) or not,
    /// given the environment (`env`). With `auto`, a non-empty `NO_COLOR`
    /// turns colours off (the user's explicit wish, as no-color.org asks),
    /// else a `CLICOLOR_FORCE` other than empty or `0` turns them on, else
    /// they follow the terminal.
    pub fn enabled(self, is_tty: bool, env: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
        let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
            ColorChoice::Auto => is_tty,
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
    /// `SOURCE_DATE_EPOCH` is set but is not a number of seconds.
    #[error("SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 UTC, not {0:?}")]
    SourceDateEpoch(String),
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
        (Format::Html, By::Dispute) => {
            let generated = generated_at(|k| std::env::var_os(k))?;
            out.write_all(html::render(model, generated).as_bytes())?
        }
        (Format::JsonLd, By::Dispute) => jsonld::render(model, out)?,
        (f @ (Format::Json | Format::Html | Format::JsonLd), By::Actor) => return Err(Error::Unsupported(f.name())),
    }
    out.flush()?;
    Ok(())
}

/// When a report is generated: `SOURCE_DATE_EPOCH` when set (the
/// reproducible-builds convention, so that the same claims give the same
/// page, as tests need), else now.
pub(crate) fn generated_at(
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Result<chrono::DateTime<chrono::Utc>, Error> {
    let Some(epoch) = env("SOURCE_DATE_EPOCH") else {
        return Ok(chrono::Utc::now());
    };
    let text = epoch.to_string_lossy();
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .ok_or_else(|| Error::SourceDateEpoch(text.into_owned()))
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

/// What a group of the report is called: "Dispute 3", or, for the other
/// groups `--all` shows, "Linked claims, none contested" and "Unlinked claim".
fn group_name(d: &DisputeView) -> String {
    match d.number {
        Some(n) => format!("Dispute {n}"),
        None if d.size > 1 => "Linked claims, none contested".to_string(),
        None => "Unlinked claim".to_string(),
    }
}

/// The heading of a group of linked claims: its name, sides, dates and
/// size; `None` for an unlinked claim, which needs none.
fn dispute_heading(d: &DisputeView) -> Option<String> {
    if d.number.is_none() && d.size < 2 {
        return None;
    }
    let mut parts = vec![group_name(d), d.sides.join(" ↔ ")];
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
    Some(clean(&parts.join(" · ")))
}

/// What the counts mean, in the same words in every format (docs/reports.md
/// says the same at more length).
pub(crate) const LEGEND: &str = "A claim is contested when a claim by another claimant rebuts or counters it; \
a dispute is a group of linked claims holding a contested claim. \
Counts are over the selected claims; an actor's rebuts, counters and supports \
are its links to other sides' claims, as in who answers whom.";

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

/// How many of the claims shown a person has reviewed, in words.
pub fn reviewed_share(model: &Briefing) -> String {
    let s = &model.summary;
    let percent = (s.reviewed * 100).checked_div(s.claims).unwrap_or(0);
    format!(
        "{} of the {} shown reviewed by a person ({percent}%)",
        s.reviewed,
        plural(s.claims, "claim")
    )
}

/// The summary line: N claims, M contested, K disputes, over A articles.
pub(crate) fn summary_line(model: &Briefing) -> String {
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

/// A date or an empty string.
fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn auto_colour_on_a_terminal_without_no_color_or_when_forced() {
        let auto = ColorChoice::Auto;
        assert!(auto.enabled(true, env(&[])));
        assert!(!auto.enabled(false, env(&[])), "piped");
        assert!(!auto.enabled(true, env(&[("NO_COLOR", "1")])), "NO_COLOR");
        assert!(auto.enabled(true, env(&[("NO_COLOR", "")])), "empty NO_COLOR");
        assert!(auto.enabled(false, env(&[("CLICOLOR_FORCE", "1")])), "CLICOLOR_FORCE");
        assert!(!auto.enabled(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!auto.enabled(false, env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])));
        assert!(ColorChoice::Always.enabled(false, env(&[("NO_COLOR", "1")])));
        assert!(!ColorChoice::Never.enabled(true, env(&[("CLICOLOR_FORCE", "1")])));
    }

    #[test]
    fn width_follows_flag_then_columns_or_terminal() {
        assert_eq!(Style::detect(Some(60), false, || Some(80)).width, Some(60));
        assert_eq!(Style::detect(None, false, || Some(80)).width, Some(80));
        assert_eq!(Style::detect(None, false, || None).width, None);
    }

    #[test]
    fn generation_time_honours_source_date_epoch() {
        let t = generated_at(env(&[("SOURCE_DATE_EPOCH", "1700000000")])).unwrap();
        assert_eq!(t.to_rfc3339(), "2023-11-14T22:13:20+00:00");
        assert!(generated_at(env(&[("SOURCE_DATE_EPOCH", "soon")])).is_err());
        let before = chrono::Utc::now();
        assert!(generated_at(env(&[])).unwrap() >= before);
    }
}
