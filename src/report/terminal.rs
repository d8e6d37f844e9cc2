//! The terminal printer: one block per contested claim, grouped by dispute,
//! as comfy-table tables wrapped to the width, and the summary line.

use super::{
    LEGEND, Style, claimant, clean, day, dispute_heading, nothing_to_show, short_id, subtitle, summary_line, title,
};
use crate::claim::Stance;
use crate::report::{Briefing, DisputeView, ResponseView};
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use rayon::prelude::*;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// The stance column of the Markdown table is left out here to save width:
/// the relation says it ("denies"), and a response whose stance the
/// relation does not imply is marked "(denies)".
const HEADER: [&str; 6] = ["", "Claimant", "Cue", "Content", "Claim", "Date"];
/// The terminal's actor table: the Markdown one without "Kind", with
/// "Rebuts" for "Rebuttals" and the first and last dates in one "Period"
/// column, so that it fits 100 columns.
const ACTOR_HEADER: [&str; 8] = [
    "Actor",
    "Members",
    "Claims",
    "Contested",
    "Rebuts",
    "Counters",
    "Supports",
    "Period",
];

fn table(style: Style) -> Table {
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
    t
}

/// The widest piece a line may not be broken inside: a word, or the part
/// of a hyphenated word up to a hyphen between letters or digits (where
/// textwrap's default splitter may break it).
fn widest_piece(s: &str) -> usize {
    let mut widest = 0;
    for word in s.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        let mut start = 0;
        for i in 1..chars.len().saturating_sub(1) {
            if chars[i] == '-' && chars[i - 1].is_alphanumeric() && chars[i + 1].is_alphanumeric() {
                widest = widest.max(chars[start..=i].iter().collect::<String>().width());
                start = i + 1;
            }
        }
        widest = widest.max(chars[start..].iter().collect::<String>().width());
    }
    widest
}

/// Every column's width for a table of at most `style.width` columns, or
/// `None` when the table cannot be that narrow without breaking a word:
/// columns of weight 0 (short words, numbers, dates) keep their content's
/// width; each other column first gets room for its widest piece
/// ([`widest_piece`]), then they share what is left in proportion to their
/// weights (max-min fair: a column that needs less than its share keeps its
/// content's width and leaves the rest to the others). Without a width,
/// every column keeps its content's width.
fn fit(header: &[&str], rows: &[Vec<String>], weights: &[u16], style: Style) -> Option<Vec<u16>> {
    let cells = |i: usize| rows.iter().map(move |r| r[i].as_str()).chain([header[i]]);
    let measure = |i: usize, f: &dyn Fn(&str) -> usize| cells(i).map(f).max().unwrap_or(0) as u16 + 2;
    let natural: Vec<u16> = (0..header.len()).map(|i| measure(i, &|s| s.width())).collect();
    let Some(total) = style.width else { return Some(natural) };
    let floor: Vec<u16> = (0..header.len())
        .map(|i| {
            if weights[i] == 0 {
                natural[i]
            } else {
                measure(i, &widest_piece)
            }
        })
        .collect();
    let mut width = floor.clone();
    let borders = header.len() as u16 + 1;
    let fixed: u16 = (0..header.len()).filter(|&i| weights[i] == 0).map(|i| natural[i]).sum();
    let flexible: u16 = floor.iter().sum::<u16>() - fixed;
    let room = total.checked_sub(borders + fixed)?;
    if flexible > room {
        return None;
    }
    let mut budget = room - flexible;
    let need = |i: usize| natural[i].saturating_sub(floor[i]);
    let mut open: Vec<usize> = (0..header.len()).filter(|&i| weights[i] > 0 && need(i) > 0).collect();
    while !open.is_empty() {
        let weight: u32 = open.iter().map(|&i| u32::from(weights[i])).sum();
        let share = |i: usize| (u32::from(budget) * u32::from(weights[i]) / weight) as u16;
        let (fits, rest): (Vec<usize>, Vec<usize>) = open.iter().partition(|&&i| need(i) <= share(i));
        if fits.is_empty() {
            for &i in &rest {
                width[i] += share(i);
            }
            break;
        }
        for &i in &fits {
            width[i] += need(i);
            budget -= need(i);
        }
        open = rest;
    }
    Some(width)
}

/// A table of `rows` under `header`, each column at most its width from
/// [`fit`], with every cell wrapped at word boundaries here (comfy-table
/// would cut a word that is too long for its column); when the table cannot
/// fit, one wrapped paragraph per row instead ([`stacked`]). `first` draws
/// the first cell of each row.
fn grid(
    header: &[&str],
    rows: Vec<Vec<String>>,
    weights: &[u16],
    style: Style,
    first: impl Fn(usize, &str) -> Cell,
) -> String {
    let Some(widths) = fit(header, &rows, weights, style) else {
        return stacked(header, &rows, style);
    };
    let mut t = table(style);
    t.set_header(self::header(header, style));
    for (i, &w) in widths.iter().enumerate() {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
        }
    }
    for (n, row) in rows.into_iter().enumerate() {
        let cells = row.into_iter().enumerate().map(|(i, text)| {
            let text = if style.width.is_some() {
                textwrap::fill(&text, usize::from(widths[i].saturating_sub(2).max(1)))
            } else {
                text
            };
            if i == 0 { first(n, &text) } else { Cell::new(text) }
        });
        t.add_row(cells.collect::<Vec<_>>());
    }
    format!("{t}\n")
}

/// Rows too wide for a table at the width: one paragraph each, the first
/// cell then `Header: value` for the others, wrapped at word boundaries.
fn stacked(header: &[&str], rows: &[Vec<String>], style: Style) -> String {
    let width = usize::from(style.width.unwrap_or(u16::MAX).max(20));
    let options = textwrap::Options::new(width)
        .initial_indent("• ")
        .subsequent_indent("  ");
    let mut out = String::new();
    for row in rows {
        let mut parts: Vec<String> = Vec::new();
        for (i, cell) in row.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            if header[i].is_empty() {
                parts.push(cell.clone());
            } else {
                parts.push(format!("{}: {cell}", header[i]));
            }
        }
        let _ = writeln!(out, "{}", textwrap::fill(&parts.join(" · "), &options));
    }
    out
}

fn header<'a>(names: impl IntoIterator<Item = &'a &'a str>, style: Style) -> Vec<Cell> {
    names
        .into_iter()
        .map(|h| {
            let c = Cell::new(h);
            if style.color {
                c.add_attribute(Attribute::Bold)
            } else {
                c
            }
        })
        .collect()
}

/// A line of text wrapped to the width (when there is one).
fn wrap(text: &str, style: Style) -> String {
    match style.width {
        Some(w) => textwrap::fill(text, usize::from(w.max(20))),
        None => text.to_string(),
    }
}

fn paint(text: &str, code: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn relation_cell(r: &ResponseView, text: &str, style: Style) -> Cell {
    let c = Cell::new(text);
    if !style.color {
        return c;
    }
    match r.relation {
        "denies" | "rebuts" => c.fg(Color::Red),
        "counters" => c.fg(Color::Yellow),
        "supports" => c.fg(Color::Green),
        _ => c.fg(Color::DarkGrey),
    }
}

/// Disputes drawn at once, in parallel, before they are written in order:
/// enough to keep the workers busy, few enough to keep the memory small.
const BATCH: usize = 1024;

/// The dispute report, written to `out`.
pub(crate) fn disputes(model: &Briefing, style: Style, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if let Some(msg) = nothing_to_show(model) {
        writeln!(out, "{msg}")?;
        if model.summary.claims == 0 {
            return Ok(());
        }
    }
    // Disputes are drawn independently (tables are the costly part).
    for batch in model.disputes.chunks(BATCH) {
        let parts: Vec<String> = batch.par_iter().map(|d| dispute(d, style)).collect();
        for p in parts {
            out.write_all(p.as_bytes())?;
        }
    }
    writeln!(out, "{}", wrap(&summary_line(model), style))?;
    writeln!(out, "{}", paint(&wrap(LEGEND, style), "2", style))
}

/// One dispute: its heading and a block per claim.
fn dispute(d: &DisputeView, style: Style) -> String {
    let mut out = String::new();
    if let Some(heading) = dispute_heading(d) {
        let heading = wrap(&heading, style);
        let rule = "─".repeat(heading.lines().map(UnicodeWidthStr::width).max().unwrap_or(0));
        let _ = writeln!(out, "{}\n{}", paint(&heading, "1;36", style), paint(&rule, "36", style));
    }
    for b in &d.claims {
        let _ = writeln!(out, "{}", paint(&wrap(&title(&b.claim), style), "1", style));
        let contested = match (b.contested, b.responses.is_empty()) {
            (true, _) => "contested · ",
            (false, true) => "no responses · ",
            (false, false) => "",
        };
        let _ = writeln!(out, "{}", wrap(&format!("{contested}{}", subtitle(b)), style));
        if b.responses.is_empty() {
            out.push('\n');
            continue;
        }
        let rows: Vec<Vec<String>> = b
            .responses
            .iter()
            .map(|r| {
                let c = &r.claim;
                let relation = match (r.relation, c.stance) {
                    ("denies", _) | (_, Stance::Asserts) => r.relation.to_string(),
                    (rel, Stance::Denies) => format!("{rel} (denies)"),
                };
                vec![
                    relation,
                    clean(&claimant(c)),
                    clean(c.cue.as_deref().unwrap_or("")),
                    clean(&c.content),
                    clean(&short_id(c, &b.claim)),
                    day(c.date),
                ]
            })
            .collect();
        let drawn = grid(&HEADER, rows, &[0, 2, 1, 6, 2, 0], style, |n, text| {
            relation_cell(&b.responses[n], text, style)
        });
        let _ = writeln!(out, "{drawn}");
    }
    out
}

/// The actor roll-up: one row per side.
pub(crate) fn actors(model: &Briefing, style: Style) -> String {
    let mut out = String::new();
    if model.actors.is_empty() {
        let msg = nothing_to_show(model).unwrap_or_else(|| "No actors.".to_string());
        let _ = writeln!(out, "{msg}");
        return out;
    }
    let rows: Vec<Vec<String>> = model
        .actors
        .iter()
        .map(|a| {
            vec![
                clean(&a.actor),
                clean(&a.members.join(", ")),
                a.claims.to_string(),
                a.contested.to_string(),
                a.rebuttals.to_string(),
                a.counters.to_string(),
                a.supports.to_string(),
                match (a.first, a.last) {
                    (Some(f), Some(l)) if f != l => format!("{f} to {l}"),
                    (f, _) => day(f),
                },
            ]
        })
        .collect();
    let drawn = grid(&ACTOR_HEADER, rows, &[2, 4, 0, 0, 0, 0, 0, 1], style, |_, text| {
        Cell::new(text)
    });
    let _ = writeln!(
        out,
        "{drawn}{}\n{}",
        wrap(&summary_line(model), style),
        paint(&wrap(LEGEND, style), "2", style)
    );
    out
}
