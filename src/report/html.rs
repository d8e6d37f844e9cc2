//! The HTML printer: one self-contained page (inline CSS, a few lines of
//! inline JS for search-as-you-type, an inline SVG diagram drawn here; no
//! network: a Content-Security-Policy forbids every fetch). Every piece of
//! text from a claim file goes through maud's escaping: article text is
//! untrusted web content. Only `http:`/`https:` URLs become links.

use super::{LEGEND, answered, day, group_name, nothing_to_show, plural, reviewed_share, summary_line};
use crate::report::{Briefing, ClaimView, DisputeView, Exchange};
use maud::{DOCTYPE, Markup, PreEscaped, Render, html};
use std::collections::HashMap;

/// The page's only script: filters dispute cards and actor rows as the
/// reader types. Its SHA-256 is allowed by the page's CSP ([`SCRIPT_HASH`]).
pub(crate) const SCRIPT: &str = r#"(function(){var q=document.getElementById('q'),c=document.getElementById('qcount');q.addEventListener('input',function(){var s=q.value.trim().toLowerCase(),n=0,t=0;document.querySelectorAll('[data-search]').forEach(function(e){var hit=!s||e.textContent.toLowerCase().indexOf(s)>=0;e.hidden=!hit;if(e.classList.contains('dispute')){t++;if(hit)n++;}});c.textContent=s?n+' of '+t+' disputes match':'';});})();"#;

/// `sha256-…` of [`SCRIPT`], as the CSP `script-src` names it.
pub(crate) const SCRIPT_HASH: &str = "sha256-3E+8q8nUoF7tjj0qtHidZmgMUyC5PICM+5EwzQtHxD0=";

const CSS: &str = r#"
:root{--ink:#1d232b;--muted:#5b6572;--line:#dde2e8;--bg:#f4f5f7;--card:#fff;--accent:#0b4f8a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 28px 48px}
header.top{border-bottom:3px solid var(--ink);padding-bottom:14px;margin-bottom:18px}
.kicker{text-transform:uppercase;letter-spacing:.12em;font-size:12px;color:var(--muted);font-weight:600}
h1{font:700 30px/1.2 Georgia,"Times New Roman",serif;margin:4px 0 6px}
h2{font:700 20px/1.3 Georgia,"Times New Roman",serif;margin:30px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
.lead{color:var(--muted);margin:0}
.filters{margin:6px 0 0;font-size:13px;color:#7a4b00}
.stats{display:flex;gap:12px;margin:16px 0 4px;flex-wrap:wrap}
.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.stat b{display:block;font-size:26px;line-height:1.1}
.stat span{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.06em}
.search{position:sticky;top:0;z-index:2;background:var(--bg);padding:10px 0;display:flex;gap:12px;align-items:center}
.search input{flex:1;font:inherit;padding:8px 12px;border:1px solid #b9c1cb;border-radius:6px;background:#fff}
.search small{color:var(--muted);min-width:150px}
.diagram{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px}
.diagram svg{display:block;width:100%;height:auto}
.legend{font-size:12px;color:var(--muted);margin:6px 4px 0}
.legend i{display:inline-block;width:22px;height:0;border-top:3px solid;vertical-align:middle;margin:0 4px 0 12px}
.dispute{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:0 0 18px;overflow:hidden}
.dispute>header{padding:12px 18px;background:#eef1f5;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:6px 14px;align-items:baseline}
.dispute>header h3{margin:0;font:700 17px/1.3 Georgia,serif}
.dispute>header .meta{color:var(--muted);font-size:13px}
.side{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;background:var(--side)}
.body{display:grid;grid-template-columns:minmax(0,1fr) 260px;gap:0}
.body.single{grid-template-columns:minmax(0,1fr)}
.blocks{padding:6px 18px 14px}
.timeline{border-left:1px solid var(--line);padding:12px 14px;background:#fafbfc;font-size:13px}
.timeline h4,.blocks h4{margin:6px 0 8px;font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}
.timeline ol{list-style:none;margin:0;padding:0 0 0 10px;border-left:2px solid var(--line)}
.timeline li{position:relative;margin:0 0 10px 0;padding-left:10px}
.timeline li::before{content:"";position:absolute;left:-17px;top:5px;width:10px;height:10px;border-radius:50%;background:var(--side);border:2px solid #fff}
.timeline time{display:block;color:var(--muted);font-size:12px}
.block{padding:10px 0 12px;border-bottom:1px dashed var(--line)}
.block:last-child{border-bottom:0}
blockquote{margin:4px 0 6px;padding:6px 12px;border-left:4px solid var(--side);background:#f8f9fb;font:16px/1.45 Georgia,serif}
.who{font-weight:600}
.src{color:var(--muted);font-size:12.5px}
.tag{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;border-radius:4px;padding:1px 6px;margin-right:6px}
.tag.contested{background:#1d232b;color:#fff}
ul.responses{list-style:none;margin:6px 0 0;padding:0}
ul.responses li{display:grid;grid-template-columns:84px minmax(0,1fr);gap:8px;padding:6px 0;border-top:1px solid #f0f2f5}
.rel{justify-self:start;font-size:11px;font-weight:700;text-transform:uppercase;border-radius:4px;padding:2px 6px;height:fit-content}
.rel.denies,.rel.rebuts{background:#fde3e0;color:#9d1c0b}
.rel.counters{background:#fff0d1;color:#7f4d00}
.rel.supports{background:#ddf2e3;color:#17643a}
.rel.repeats,.rel.asserts{background:#eceff3;color:#4a5560}
.quote{font-family:Georgia,serif}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);font-size:14px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f5;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.d{white-space:nowrap}
.glance{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:0;padding:10px 18px 10px 40px}
.glance li{margin:4px 0}
.glance a{color:var(--ink);text-decoration:none;font-weight:600}
.glance a:hover{text-decoration:underline}
.sources li{margin:0 0 6px}
.empty{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px;font-size:16px}
footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
[hidden]{display:none!important}
@media (max-width:760px){.body{grid-template-columns:1fr}.timeline{border-left:0;border-top:1px solid var(--line)}}
@media print{.search{display:none}.dispute{break-inside:avoid}}
"#;

/// Untrusted text for the page: escaped by maud, with control characters
/// other than line breaks and tabs, and the bidirectional overrides that
/// could make text read in a spoofed order, shown as U+FFFD.
struct T<'a>(&'a str);

impl Render for T<'_> {
    fn render_to(&self, buffer: &mut String) {
        let safe: String = self
            .0
            .chars()
            .map(|c| {
                let control = c.is_control() && !matches!(c, '\n' | '\t');
                if control || super::is_bidi_control(c) {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect();
        safe.as_str().render_to(buffer);
    }
}

/// Okabe–Ito colours (distinguishable with colour blindness), one per side.
const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#4D4D4D",
];

/// Side → colour, in the model's order (actors first, then dispute sides).
fn colours(model: &Briefing) -> HashMap<&str, &'static str> {
    let mut map = HashMap::new();
    let sides = model
        .actors
        .iter()
        .map(|a| a.actor.as_str())
        .chain(model.disputes.iter().flat_map(|d| d.sides.iter().map(String::as_str)))
        .chain(model.exchanges.iter().flat_map(|e| [e.from.as_str(), e.to.as_str()]));
    for s in sides {
        let n = map.len();
        map.entry(s).or_insert(PALETTE[n % PALETTE.len()]);
    }
    map
}

fn side_var(colour: &str) -> String {
    format!("--side:{colour}")
}

/// Renders the page; `generated` is when, for its footer.
pub(crate) fn render(model: &Briefing, generated: chrono::DateTime<chrono::Utc>) -> String {
    let col = colours(model);
    let colour = |s: &str| col.get(s).copied().unwrap_or(PALETTE[PALETTE.len() - 1]);
    let csp = format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'"
    );
    let filters = model.query.describe();
    let s = &model.summary;
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(csp);
                meta name="referrer" content="no-referrer";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(format!("claimtrack {}", env!("CARGO_PKG_VERSION")));
                title { "Contested claims briefing" }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    header.top {
                        div.kicker { "Briefing · contested claims" }
                        h1 { "Who claims what, and who disputes it" }
                        p.lead { (summary_line_plain(model)) (period(model)) }
                        @if !filters.is_empty() {
                            p.filters { "Filtered: " (T(&filters.join(" · "))) }
                        }
                        div.stats {
                            div.stat { b { (s.claims) } span { "claims" } }
                            div.stat { b { (s.contested) } span { "contested" } }
                            div.stat { b { (s.disputes) } span { "disputes" } }
                            div.stat { b { (s.articles) } span { "articles" } }
                        }
                        p.legend { (LEGEND) }
                    }
                    @if let Some(msg) = nothing_to_show(model) {
                        p.empty { (T(&msg)) }
                    }
                    @if !model.disputes.is_empty() {
                        div.search {
                            input #q type="search" placeholder="Search claims, claimants, cues…" aria-label="Search the report" autocomplete="off";
                            small #qcount aria-live="polite" {}
                        }
                    }
                    @if s.disputes > 0 {
                        section {
                            h2 { "At a glance" }
                            ol.glance {
                                @for (i, d) in model.disputes.iter().enumerate().filter(|(_, d)| d.number.is_some()) {
                                    @let top = &d.claims[0];
                                    li {
                                        a href=(format!("#{}", anchor(i, d))) { (T(&d.sides.join(" ↔ "))) }
                                        ": " (T(&top.claim.claimant)) " — “" (T(&excerpt(&top.claim.content, 18))) "”"
                                        @let a = answered(&top.answers);
                                        span.src { " · " (d.timeline.len()) " claims" @if !a.is_empty() { " · top claim " (a) } }
                                    }
                                }
                            }
                        }
                    }
                    @if !model.exchanges.is_empty() {
                        section {
                            h2 { "Who answers whom" }
                            div.diagram {
                                (diagram(&model.exchanges, &colour))
                                p.legend {
                                    "Arrows run from the side that answers to the side answered; numbers count links."
                                    i style="border-color:#b42318" {} "rebuts"
                                    i style="border-color:#b86e00" {} "counters"
                                    i style="border-color:#1e7b45;border-top-style:dashed" {} "supports"
                                }
                            }
                        }
                    }
                    @if !model.disputes.is_empty() {
                        section {
                            h2 { "Disputes" }
                            @for (i, d) in model.disputes.iter().enumerate() {
                                (dispute(i, d, &colour))
                            }
                        }
                    }
                    @if !model.actors.is_empty() {
                        section {
                            h2 { "Actors" }
                            table {
                                thead { tr {
                                    th { "Actor" } th { "Kind" } th { "Members" }
                                    th { "Claims" } th { "Contested" } th { "Rebuttals" } th { "Counters" } th { "Supports" }
                                    th { "First" } th { "Last" }
                                } }
                                tbody {
                                    @for a in &model.actors {
                                        tr data-search="" {
                                            td { span.side style=(side_var(colour(&a.actor))) { (T(&a.actor)) } }
                                            td { (T(a.kind.as_deref().unwrap_or(""))) }
                                            td { (T(&a.members.join(", "))) }
                                            td.n { (a.claims) } td.n { (a.contested) } td.n { (a.rebuttals) }
                                            td.n { (a.counters) } td.n { (a.supports) }
                                            td.d { (day(a.first)) } td.d { (day(a.last)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    @if !model.articles.is_empty() {
                        section.sources {
                            h2 { "Sources" }
                            ol {
                                @for a in &model.articles {
                                    li {
                                        @let headline = a.title.clone().unwrap_or_else(|| a.id.clone());
                                        @match a.url.as_deref().filter(|u| is_web_url(u)) {
                                            Some(u) => a href=(u) rel="noopener noreferrer" { (T(&headline)) },
                                            None => span.quote { (T(&headline)) },
                                        }
                                        " "
                                        span.src {
                                            (T(a.source.as_deref().unwrap_or(""))) @if a.source.is_some() { " · " }
                                            (day(a.published)) @if a.published.is_some() { " · " }
                                            (T(&a.id)) " · " (a.claims) " claims"
                                        }
                                    }
                                }
                            }
                        }
                    }
                    footer {
                        "Generated by claimtrack " (env!("CARGO_PKG_VERSION")) " on "
                        time datetime=(generated.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)) {
                            (generated.format("%Y-%m-%d %H:%M UTC"))
                        }
                        " from " (plural(s.files, "claim file")) "; "
                        (reviewed_share(model)) ". "
                        "Quotations are as recorded in the claim files; check them against the sources before citing."
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}

/// The summary line without the filters (the page shows them apart).
fn summary_line_plain(model: &Briefing) -> String {
    let line = summary_line(model);
    match line.find(" (filtered:") {
        Some(i) => format!("{}.", &line[..i]),
        None => format!("{line}."),
    }
}

/// " Claims dated 2025-03-03 to 2025-04-16." from the articles shown.
fn period(model: &Briefing) -> String {
    let dates: Vec<_> = model.articles.iter().filter_map(|a| a.published).collect();
    match (dates.iter().min(), dates.iter().max()) {
        (Some(f), Some(l)) if f != l => format!(" Articles dated {f} to {l}."),
        (Some(f), _) => format!(" Articles dated {f}."),
        _ => String::new(),
    }
}

fn is_web_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

fn claim_meta(c: &ClaimView) -> Markup {
    html! {
        span.src {
            @if let Some(cue) = &c.cue { "“" (T(cue)) "” · " }
            @if let Some(d) = c.date { (d.to_string()) " · " }
            @if let Some(s) = &c.source { (T(s)) " · " }
            (T(&c.id))
        }
    }
}

fn who(c: &ClaimView, colour: &dyn Fn(&str) -> &'static str) -> Markup {
    html! {
        span.who { (T(&c.claimant)) }
        @if c.side != c.claimant {
            " " span.side style=(side_var(colour(&c.side))) { (T(&c.side)) }
        }
    }
}

/// The id of a group's card: `dispute-N` for dispute N, `group-I` (its
/// place in the report) for the other groups `--all` shows.
fn anchor(i: usize, d: &DisputeView) -> String {
    match d.number {
        Some(n) => format!("dispute-{n}"),
        None => format!("group-{}", i + 1),
    }
}

fn dispute(i: usize, d: &DisputeView, colour: &dyn Fn(&str) -> &'static str) -> Markup {
    let dates = match (d.first, d.last) {
        (Some(f), Some(l)) if f != l => format!("{f} to {l}"),
        (Some(f), _) => f.to_string(),
        _ => "undated".to_string(),
    };
    html! {
        article.dispute id=(anchor(i, d)) data-search="" {
            header {
                h3 { (group_name(d)) }
                span {
                    @for (i, s) in d.sides.iter().enumerate() {
                        @if i > 0 { " ↔ " }
                        span.side style=(side_var(colour(s))) { (T(s)) }
                    }
                }
                span.meta {
                    (dates)
                    @if d.timeline.len() > 1 { " · " (plural(d.timeline.len(), "claim")) " in " (plural(d.articles, "article")) }
                }
            }
            div class=(if d.timeline.len() > 1 { "body" } else { "body single" }) {
                div.blocks {
                    @for b in &d.claims {
                        div.block {
                            div {
                                @if b.contested { span.tag.contested { "contested" } }
                                (who(&b.claim, colour))
                                " " (T(b.claim.cue.as_deref().unwrap_or(b.claim.stance.as_str())))
                            }
                            blockquote style=(side_var(colour(&b.claim.side))) { (T(&b.claim.content)) }
                            div { (claim_meta(&b.claim)) @let a = answered(&b.answers); @if !a.is_empty() { span.src { " — " (a) } } }
                            @if !b.responses.is_empty() {
                                ul.responses {
                                    @for r in &b.responses {
                                        li {
                                            span class=(format!("rel {}", r.relation)) { (r.relation) }
                                            div {
                                                (who(&r.claim, colour)) ": "
                                                span.quote { "“" (T(&r.claim.content)) "”" }
                                                br;
                                                (claim_meta(&r.claim))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if d.timeline.len() > 1 { aside.timeline {
                    h4 { "Timeline" }
                    ol {
                        @for e in &d.timeline {
                            li style=(side_var(colour(&e.claim.side))) {
                                time { (e.claim.date.map_or("undated".to_string(), |d| d.to_string())) }
                                span.who { (T(&e.claim.claimant)) } " "
                                span class=(format!("rel {}", e.role)) { (e.role) }
                                br;
                                span.quote { (T(&excerpt(&e.claim.content, 14))) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// The first `words` words of a text, with an ellipsis when cut.
fn excerpt(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words {
        all.join(" ")
    } else {
        format!("{} …", all[..words].join(" "))
    }
}

/// Approximate width in pixels of a bold label at 14px.
fn label_width(s: &str) -> f64 {
    s.chars().count() as f64 * 8.6 + 26.0
}

/// The inline SVG of who answers whom: sides on a circle (or a row when
/// there are two), one curved arrow per direction.
fn diagram(exchanges: &[Exchange], colour: &dyn Fn(&str) -> &'static str) -> Markup {
    // Sides in order of appearance, with a map for lookups: a scan of the
    // list per side made a report with many claimants quadratic.
    let mut sides: Vec<&str> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for e in exchanges {
        for s in [e.from.as_str(), e.to.as_str()] {
            index.entry(s).or_insert_with(|| {
                sides.push(s);
                sides.len() - 1
            });
        }
    }
    let n = sides.len();
    let width = 960.0_f64;
    let height = if n <= 2 {
        220.0
    } else {
        420.0_f64.min(200.0 + 45.0 * n as f64)
    };
    let (cx, cy) = (width / 2.0, height / 2.0);
    let pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            if n <= 2 {
                (if i == 0 { 190.0 } else { width - 190.0 }, cy)
            } else {
                let a = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
                (
                    cx + (width / 2.0 - 150.0) * a.cos(),
                    cy + (height / 2.0 - 40.0) * a.sin(),
                )
            }
        })
        .collect();
    // Fit the drawing's height to the boxes, with room for the curves.
    let top = pos.iter().map(|p| p.1).fold(f64::INFINITY, f64::min) - 50.0;
    let bottom = pos.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max) + 50.0;
    let idx = |s: &str| index.get(s).copied().unwrap_or(0);
    let half = |i: usize| (label_width(sides[i]) / 2.0, 17.0);
    // The point where the segment from the centre of box `i` towards `(tx, ty)` leaves the box.
    let border = |i: usize, tx: f64, ty: f64| {
        let (x, y) = pos[i];
        let (hw, hh) = half(i);
        let (dx, dy) = (tx - x, ty - y);
        let t = [hw / dx.abs().max(1e-9), hh / dy.abs().max(1e-9)]
            .into_iter()
            .fold(f64::INFINITY, f64::min);
        let t = (t + 0.04).min(1.0);
        (x + dx * t, y + dy * t)
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 {top:.0} {width} {:.0}", bottom - top)) role="img" aria-label="Diagram of which side rebuts, counters or supports which" {
            defs {
                @for (id, c) in [("red", "#b42318"), ("amber", "#b86e00"), ("green", "#1e7b45")] {
                    marker id=(format!("arrow-{id}")) viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="13" markerHeight="13" orient="auto-start-reverse" {
                        path d="M0,0 L10,5 L0,10 z" fill=(c) {}
                    }
                }
            }
            @for e in exchanges {
                @let (a, b) = (idx(&e.from), idx(&e.to));
                @let ((x1, y1), (x2, y2)) = (pos[a], pos[b]);
                @let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
                @let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(1.0);
                @let bend = 46.0;
                @let (qx, qy) = (mx - (y2 - y1) / len * bend, my + (x2 - x1) / len * bend);
                @let (sx, sy) = border(a, qx, qy);
                @let (ex, ey) = border(b, qx, qy);
                @let (lx, ly) = (0.25 * sx + 0.5 * qx + 0.25 * ex, 0.25 * sy + 0.5 * qy + 0.25 * ey);
                @let (stroke, marker, dash) = if e.rebuts >= e.counters && e.rebuts > 0 {
                    ("#b42318", "red", "")
                } else if e.counters > 0 {
                    ("#b86e00", "amber", "")
                } else {
                    ("#1e7b45", "green", "6 4")
                };
                @let total = e.rebuts + e.counters + e.supports;
                @let label = edge_label(e);
                g {
                    title { (T(&e.from)) " → " (T(&e.to)) ": " (label) }
                    path d=(format!("M{sx:.1},{sy:.1} Q{qx:.1},{qy:.1} {ex:.1},{ey:.1}")) fill="none" stroke=(stroke)
                        stroke-width=(format!("{:.1}", 1.5 + total.min(6) as f64 * 0.6)) stroke-dasharray=(dash)
                        marker-end=(format!("url(#arrow-{marker})")) {}
                    rect x=(format!("{:.1}", lx - label_width(&label) / 2.0 + 8.0)) y=(format!("{:.1}", ly - 11.0))
                        width=(format!("{:.1}", label_width(&label) - 16.0)) height="20" rx="4" fill="#fff" stroke="#dde2e8" {}
                    text x=(format!("{lx:.1}")) y=(format!("{:.1}", ly + 4.0)) text-anchor="middle" font-size="12" fill="#1d232b" { (label) }
                }
            }
            @for (i, s) in sides.iter().enumerate() {
                @let (x, y) = pos[i];
                @let (hw, hh) = half(i);
                g {
                    rect x=(format!("{:.1}", x - hw)) y=(format!("{:.1}", y - hh)) width=(format!("{:.1}", 2.0 * hw)) height=(format!("{:.1}", 2.0 * hh))
                        rx="17" fill=(colour(s)) {}
                    text x=(format!("{x:.1}")) y=(format!("{:.1}", y + 5.0)) text-anchor="middle" font-size="14" font-weight="700" fill="#fff" { (T(s)) }
                }
            }
        }
    }
}

/// "2 rebuts, 1 counters" for an arrow.
fn edge_label(e: &Exchange) -> String {
    let mut parts = Vec::new();
    for (n, word) in [(e.rebuts, "rebuts"), (e.counters, "counters"), (e.supports, "supports")] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use sha2::Digest as _;

    #[test]
    fn csp_allows_exactly_the_page_script() {
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        let hash = format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest));
        assert_eq!(SCRIPT_HASH, hash, "update SCRIPT_HASH after editing SCRIPT");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,x"));
        assert!(!is_web_url("//evil.example"));
    }

    #[test]
    fn untrusted_text_is_escaped_and_bidi_controls_neutralised() {
        let out = html! { p { (T("<b>\"x\"</b> \u{202e}y\nz")) } }.into_string();
        assert_eq!(out, "<p>&lt;b&gt;&quot;x&quot;&lt;/b&gt; \u{fffd}y\nz</p>");
    }

    #[test]
    fn excerpts_cut_on_words() {
        assert_eq!(excerpt("a b c d", 2), "a b …");
        assert_eq!(excerpt("a  b", 5), "a b");
    }
}
