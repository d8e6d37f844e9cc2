//! The CSV printer: one row per (claim, response) pair with the fixed
//! columns of [`COLUMNS`] (documented in `docs/reports.md`), RFC 4180
//! quoting and CRLF line ends, and every cell that a spreadsheet would read
//! as a formula neutralised.

use super::day;
use crate::report::{ArticleView, Briefing, ClaimView};
use std::collections::HashMap;
use std::io::Write;

/// The columns of the dispute CSV, in order. New columns are only ever
/// added at the end, so that scripts reading columns by position keep working.
pub(crate) const COLUMNS: [&str; 28] = [
    "dispute",
    "claim_id",
    "claim_date",
    "claim_source",
    "claim_claimant",
    "claim_side",
    "claim_stance",
    "claim_cue",
    "claim_content",
    "contested",
    "relation",
    "link",
    "response_id",
    "response_date",
    "response_source",
    "response_claimant",
    "response_side",
    "response_stance",
    "response_cue",
    "response_content",
    "claim_title",
    "claim_url",
    "claim_mention",
    "claim_note",
    "response_title",
    "response_url",
    "response_mention",
    "response_note",
];

/// The columns of the actor CSV (`--by actor`), in order.
pub(crate) const ACTOR_COLUMNS: [&str; 10] = [
    "actor",
    "kind",
    "members",
    "claims",
    "contested",
    "rebuttals",
    "counters",
    "supports",
    "first",
    "last",
];

fn writer(out: &mut dyn Write) -> ::csv::Writer<&mut dyn Write> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out)
}

fn io(e: ::csv::Error) -> std::io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// A cell that is only data: controls and bidi characters are made visible
/// as in every other output (`super::clean`), except the line breaks and tabs
/// that are text here (quoted by RFC 4180); and it cannot start a
/// spreadsheet formula: text whose first character after any white space
/// (space, no-break space, line break, tab) is `=`, `+`, `-`, `@` or their
/// fullwidth forms, or that starts with a tab or carriage return, gets a
/// leading `'`, which spreadsheets show as text (the OWASP recommendation).
pub(crate) fn neutralise(s: &str) -> String {
    let cell: String = s
        .chars()
        .map(|c| {
            let text = matches!(c, '\n' | '\r' | '\t');
            if (c.is_control() && !text) || super::is_bidi_control(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    let first = cell.trim_start().chars().next();
    let formula = first.is_some_and(|c| "=+-@＝＋－＠".contains(c));
    if formula || cell.starts_with(['\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn claim_cells(c: &ClaimView) -> [String; 8] {
    [
        c.id.clone(),
        day(c.date),
        c.source.clone().unwrap_or_default(),
        c.claimant.clone(),
        c.side.clone(),
        c.stance.as_str().to_string(),
        c.cue.clone().unwrap_or_default(),
        c.content.clone(),
    ]
}

/// The later columns of a claim: its article's title and URL, its mention
/// and note.
fn more_cells(c: &ClaimView, articles: &HashMap<&str, &ArticleView>) -> [String; 4] {
    let a = articles.get(c.article.as_str());
    [
        a.and_then(|a| a.title.clone()).unwrap_or_default(),
        a.and_then(|a| a.url.clone()).unwrap_or_default(),
        c.mention.clone().unwrap_or_default(),
        c.note.clone().unwrap_or_default(),
    ]
}

/// The dispute CSV: a header row, then one row per (claim, response); a
/// claim without responses (with `--all`) has one row with empty response
/// columns. `dispute` is empty for the groups `--all` adds that are not
/// disputes.
pub(crate) fn disputes(model: &Briefing, out: &mut dyn Write) -> std::io::Result<()> {
    let articles: HashMap<&str, &ArticleView> = model.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut w = writer(out);
    w.write_record(COLUMNS).map_err(io)?;
    for d in &model.disputes {
        for b in &d.claims {
            let mut head = vec![d.number.map(|n| n.to_string()).unwrap_or_default()];
            head.extend(claim_cells(&b.claim));
            head.push(b.contested.to_string());
            let more = more_cells(&b.claim, &articles);
            if b.responses.is_empty() {
                let mut row = head.clone();
                row.resize(COLUMNS.len() - 2 * more.len(), String::new());
                row.extend(more.iter().cloned());
                row.resize(COLUMNS.len(), String::new());
                w.write_record(row.iter().map(|s| neutralise(s))).map_err(io)?;
            }
            for r in &b.responses {
                let mut row = head.clone();
                row.push(r.relation.to_string());
                row.push(r.link.field().to_string());
                row.extend(claim_cells(&r.claim));
                row.extend(more.iter().cloned());
                row.extend(more_cells(&r.claim, &articles));
                debug_assert_eq!(row.len(), COLUMNS.len());
                w.write_record(row.iter().map(|s| neutralise(s))).map_err(io)?;
            }
        }
    }
    w.flush()
}

/// The actor CSV (`--by actor`): a header row, then one row per side;
/// members are separated by `; `.
pub(crate) fn actors(model: &Briefing, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = writer(out);
    w.write_record(ACTOR_COLUMNS).map_err(io)?;
    for a in &model.actors {
        let row = [
            a.actor.clone(),
            a.kind.clone().unwrap_or_default(),
            a.members.join("; "),
            a.claims.to_string(),
            a.contested.to_string(),
            a.rebuttals.to_string(),
            a.counters.to_string(),
            a.supports.to_string(),
            day(a.first),
            day(a.last),
        ];
        w.write_record(row.iter().map(|s| neutralise(s))).map_err(io)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("plain = text"), "plain = text");
        for lead in ["\n=1", " =1", "\u{a0}+1", "\r\n-1", "\t@x", "＝1+1", "＠x"] {
            assert!(neutralise(lead).starts_with('\''), "{lead:?}");
        }
        assert_eq!(neutralise("a\u{1b}[8mb\u{202e}c\nd"), "a\u{fffd}[8mb\u{fffd}c\nd");
        assert_eq!(neutralise(""), "");
    }
}
