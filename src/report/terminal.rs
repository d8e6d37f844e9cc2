//! The terminal printer: one block per contested claim, grouped by dispute,
//! as comfy-table tables wrapped to the width, and the summary line.

use super::{Style, claimant, clean, day, dispute_heading, nothing_to_show, short_id, subtitle, summary_line, title};
use crate::dispute::{Briefing, ResponseView};
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};
use std::fmt::Write as _;

const HEADER: [&str; 7] = ["", "Claimant", "Stance", "Cue", "Content", "Claim", "Date"];
const ACTOR_HEADER: [&str; 10] = [
    "Actor",
    "Kind",
    "Members",
    "Claims",
    "Contested",
    "Rebuttals",
    "Counters",
    "Supports",
    "First",
    "Last",
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

fn paint(text: &str, code: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn relation_cell(r: &ResponseView, style: Style) -> Cell {
    let c = Cell::new(r.relation);
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

/// The dispute report.
pub fn disputes(model: &Briefing, style: Style) -> String {
    let mut out = String::new();
    if let Some(msg) = nothing_to_show(model) {
        let _ = writeln!(out, "{msg}");
        if model.summary.claims == 0 {
            return out;
        }
    }
    for d in &model.disputes {
        if d.size > 1 {
            let heading = dispute_heading(d);
            let rule = "─".repeat(unicode_width::UnicodeWidthStr::width(heading.as_str()));
            let _ = writeln!(out, "{}\n{}", paint(&heading, "1;36", style), paint(&rule, "36", style));
        }
        for b in &d.claims {
            let _ = writeln!(out, "{}", paint(&title(&b.claim), "1", style));
            let contested = if b.contested { "contested · " } else { "" };
            let _ = writeln!(out, "{contested}{}", subtitle(b));
            if b.responses.is_empty() {
                out.push('\n');
                continue;
            }
            let mut t = table(style);
            t.set_header(header(&HEADER, style));
            for r in &b.responses {
                let c = &r.claim;
                t.add_row(vec![
                    relation_cell(r, style),
                    Cell::new(clean(&claimant(c))),
                    Cell::new(c.stance.as_str()),
                    Cell::new(clean(c.cue.as_deref().unwrap_or(""))),
                    Cell::new(clean(&c.content)),
                    Cell::new(clean(&short_id(c, &b.claim))),
                    Cell::new(day(c.date)),
                ]);
            }
            let _ = writeln!(out, "{t}\n");
        }
    }
    let _ = writeln!(out, "{}", summary_line(model));
    out
}

/// The actor roll-up: one row per side.
pub fn actors(model: &Briefing, style: Style) -> String {
    let mut out = String::new();
    if model.actors.is_empty() {
        let msg = nothing_to_show(model).unwrap_or_else(|| "No actors.".to_string());
        let _ = writeln!(out, "{msg}");
        return out;
    }
    let mut t = table(style);
    t.set_header(header(&ACTOR_HEADER, style));
    for a in &model.actors {
        t.add_row(vec![
            clean(&a.actor),
            clean(a.kind.as_deref().unwrap_or("")),
            clean(&a.members.join(", ")),
            a.claims.to_string(),
            a.contested.to_string(),
            a.rebuttals.to_string(),
            a.counters.to_string(),
            a.supports.to_string(),
            day(a.first),
            day(a.last),
        ]);
    }
    let _ = writeln!(out, "{t}\n{}", summary_line(model));
    out
}
