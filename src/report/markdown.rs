//! The Markdown printer: the terminal report's blocks as Markdown tables,
//! ready to paste into a brief.

use super::{LEGEND, claimant, clean, day, dispute_heading, nothing_to_show, short_id, subtitle, summary_line, title};
use crate::report::Briefing;
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

fn row(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|s| md(s)).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

fn head(out: &mut String, names: &[&str]) {
    let _ = writeln!(out, "| {} |", names.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(names.len()));
}

/// The dispute report.
pub(crate) fn disputes(model: &Briefing) -> String {
    let mut out = String::new();
    if let Some(msg) = nothing_to_show(model) {
        let _ = writeln!(out, "{msg}\n");
        if model.summary.claims == 0 {
            return out;
        }
    }
    for d in &model.disputes {
        if let Some(heading) = dispute_heading(d) {
            let _ = writeln!(out, "## {}\n", md(&heading));
        }
        for b in &d.claims {
            let _ = writeln!(out, "### {}\n", md(&title(&b.claim)));
            let contested = match (b.contested, b.responses.is_empty()) {
                (true, _) => "**contested** · ",
                (false, true) => "no responses · ",
                (false, false) => "",
            };
            let _ = writeln!(out, "{contested}{}\n", md(&subtitle(b)));
            if b.responses.is_empty() {
                continue;
            }
            head(&mut out, &HEADER);
            for r in &b.responses {
                let c = &r.claim;
                row(
                    &mut out,
                    &[
                        r.relation.to_string(),
                        claimant(c),
                        c.stance.as_str().to_string(),
                        c.cue.clone().unwrap_or_default(),
                        c.content.clone(),
                        short_id(c, &b.claim),
                        day(c.date),
                    ],
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "_{}_\n\n_{}_", md(&summary_line(model)), md(LEGEND));
    out
}

/// The actor roll-up as one Markdown table.
pub(crate) fn actors(model: &Briefing) -> String {
    let mut out = String::new();
    if model.actors.is_empty() {
        let msg = nothing_to_show(model).unwrap_or_else(|| "No actors.".to_string());
        let _ = writeln!(out, "{msg}");
        return out;
    }
    head(&mut out, &ACTOR_HEADER);
    for a in &model.actors {
        row(
            &mut out,
            &[
                a.actor.clone(),
                a.kind.clone().unwrap_or_default(),
                a.members.join(", "),
                a.claims.to_string(),
                a.contested.to_string(),
                a.rebuttals.to_string(),
                a.counters.to_string(),
                a.supports.to_string(),
                day(a.first),
                day(a.last),
            ],
        );
    }
    let _ = writeln!(out, "\n_{}_\n\n_{}_", md(&summary_line(model)), md(LEGEND));
    out
}

/// Markdown text on one line: control characters made visible, and
/// characters Markdown or HTML would interpret escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in clean(s).chars() {
        if matches!(
            ch,
            '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\' | '#' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
