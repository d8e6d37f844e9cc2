//! Scoring extracted attribution spans against BRAT gold.
//!
//! For each of Cue, Source and Content:
//! - **exact**: a predicted span is correct when a gold span of the same
//!   label has exactly the same fragments (distinct spans per document);
//! - **token overlap**: word tokens (runs of letters and digits) covered by
//!   predicted spans that are also covered by gold spans of the label, over
//!   all predicted tokens (precision) and over all gold tokens (recall).
//!
//! Attribution level: a predicted attribution matches a gold one when the
//! Dice coefficient of their content word sets is ≥ 0.5 (one-to-one, best
//! first, see [`crate::corpus::match_pairs`]); `attribution+source` counts a match
//! only when the two sources share a word (other than "the", "a", "an",
//! "of", "s") or both have no source.

use super::{Prf, prf_table};
use crate::corpus::brat::{Document, Fragments, SpanAttribution};
use crate::corpus::{match_pairs, word_set};
use serde::Serialize;
use std::collections::BTreeSet;

/// One document: its text, gold annotations and predicted attributions.
#[derive(Debug, Clone)]
pub struct DocPair {
    /// Name for messages (the file stem).
    pub name: String,
    /// The article text.
    pub text: String,
    /// Byte offset where the article body starts (after any metadata).
    pub body_start: usize,
    /// Gold annotations.
    pub gold: Document,
    /// Predicted attributions.
    pub pred: Vec<SpanAttribution>,
}

/// Exact and token-overlap scores of one span label.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct LabelScores {
    /// Exact span match.
    pub exact: Prf,
    /// Word-token overlap.
    pub overlap: Prf,
}

/// Every figure of a span evaluation.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SpanScores {
    /// Documents scored.
    pub documents: usize,
    /// Words (runs of letters and digits) in the documents.
    pub words: usize,
    /// Cue spans.
    pub cue: LabelScores,
    /// Source spans.
    pub source: LabelScores,
    /// Content spans.
    pub content: LabelScores,
    /// Attributions matched on content.
    pub attribution: Prf,
    /// Attributions matched on content whose sources share a word.
    pub attribution_source: Prf,
}

const LABELS: [&str; 3] = ["Cue", "Source", "Content"];

/// Scores all documents together (micro-averaged counts).
pub fn score(docs: &[DocPair]) -> SpanScores {
    let mut out = SpanScores {
        documents: docs.len(),
        ..SpanScores::default()
    };
    let mut exact = [[0usize; 3]; 3]; // [label][correct, pred, gold]
    let mut overlap = [[0usize; 4]; 3]; // [label][correct pred, pred, correct gold, gold]
    let (mut matched, mut matched_src, mut n_pred, mut n_gold) = (0, 0, 0, 0);
    for d in docs {
        let toks = word_tokens(&d.text);
        out.words += toks.len();
        for (l, label) in LABELS.iter().enumerate() {
            let gold = d.gold.spans(label);
            let pred = pred_spans(&d.pred, l);
            exact[l][0] += pred.iter().filter(|p| gold.contains(p)).count();
            exact[l][1] += pred.len();
            exact[l][2] += gold.len();
            let g = covered(&toks, &gold);
            let p = covered(&toks, &pred);
            let both = g.iter().zip(&p).filter(|(a, b)| **a && **b).count();
            overlap[l][0] += both;
            overlap[l][1] += p.iter().filter(|&&x| x).count();
            overlap[l][2] += both;
            overlap[l][3] += g.iter().filter(|&&x| x).count();
        }
        let chars: Vec<char> = d.text.chars().collect();
        let content_words = |a: &SpanAttribution| {
            let mut s = BTreeSet::new();
            for c in &a.contents {
                s.extend(word_set(&span_text(&chars, c)));
            }
            s
        };
        let gw: Vec<_> = d.gold.attributions.iter().map(content_words).collect();
        let pw: Vec<_> = d.pred.iter().map(content_words).collect();
        n_gold += gw.len();
        n_pred += pw.len();
        for (p, g) in match_pairs(&pw, &gw) {
            matched += 1;
            if sources_agree(&chars, &d.pred[p].source, &d.gold.attributions[g].source) {
                matched_src += 1;
            }
        }
    }
    let set = |l: usize| LabelScores {
        exact: Prf::new(exact[l][0], exact[l][1], exact[l][0], exact[l][2]),
        overlap: Prf::new(overlap[l][0], overlap[l][1], overlap[l][2], overlap[l][3]),
    };
    out.cue = set(0);
    out.source = set(1);
    out.content = set(2);
    out.attribution = Prf::from_matches(matched, n_pred, n_gold);
    out.attribution_source = Prf::from_matches(matched_src, n_pred, n_gold);
    out
}

/// Distinct predicted spans of label `l` (0 cue, 1 source, 2 content).
fn pred_spans(atts: &[SpanAttribution], l: usize) -> Vec<Fragments> {
    let mut out: Vec<Fragments> = Vec::new();
    for a in atts {
        let spans: Vec<&Fragments> = match l {
            0 => a.cue.iter().collect(),
            1 => a.source.iter().collect(),
            _ => a.contents.iter().collect(),
        };
        for s in spans {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Character ranges of the words of `text`.
fn word_tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

/// Which tokens any fragment of `spans` touches.
fn covered(toks: &[(usize, usize)], spans: &[Fragments]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    for r in spans.iter().flatten() {
        let first = toks.partition_point(|&(_, e)| e <= r.start);
        for (k, &(s, _)) in toks.iter().enumerate().skip(first) {
            if s >= r.end {
                break;
            }
            out[k] = true;
        }
    }
    out
}

fn span_text(chars: &[char], f: &Fragments) -> String {
    f.iter()
        .map(|r| {
            chars[r.start.min(chars.len())..r.end.min(chars.len())]
                .iter()
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Both sources absent, or both present and sharing a word.
fn sources_agree(chars: &[char], pred: &Option<Fragments>, gold: &Option<Fragments>) -> bool {
    const IGNORED: [&str; 5] = ["the", "a", "an", "of", "s"];
    match (pred, gold) {
        (None, None) => true,
        (Some(p), Some(g)) => {
            let pw = word_set(&span_text(chars, p));
            let gw = word_set(&span_text(chars, g));
            pw.intersection(&gw).any(|w| !IGNORED.contains(&w.as_str()))
        }
        _ => false,
    }
}

/// A readable table of the scores.
pub fn render(s: &SpanScores) -> String {
    let mut rows = vec![
        ("attribution".to_string(), &s.attribution),
        ("attribution+source".to_string(), &s.attribution_source),
    ];
    for (name, l) in [("cue", &s.cue), ("source", &s.source), ("content", &s.content)] {
        rows.push((format!("{name} exact"), &l.exact));
        rows.push((format!("{name} token overlap"), &l.overlap));
    }
    let t = prf_table(rows);
    format!(
        "{t}\n{} documents, {} words; spans counted once per document, overlap counted in word tokens\n",
        s.documents, s.words
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::brat::parse;
    use std::path::Path;

    //          0         1         2         3         4         5
    //          0123456789012345678901234567890123456789012345678901234
    const TEXT: &str = "Smith said that taxes will rise. Jones says walls fall.";

    fn gold() -> Document {
        parse(
            "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 31\tthat taxes will rise\n\
T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
T5\tSource 33 38\tJones\nT6\tCue 39 43\tsays\nT7\tContent 44 54\twalls fall\n\
T8\tAttribution 39 43\tsays\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n",
            Path::new("g.ann"),
        )
        .unwrap()
    }

    fn att(
        cue: std::ops::Range<usize>,
        src: Option<std::ops::Range<usize>>,
        content: std::ops::Range<usize>,
    ) -> SpanAttribution {
        SpanAttribution {
            cue: Some(vec![cue]),
            source: src.map(|s| vec![s]),
            contents: vec![vec![content]],
        }
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let pred = vec![att(6..10, Some(0..5), 11..31), att(39..43, Some(33..38), 44..54)];
        let s = score(&[DocPair {
            name: "d".into(),
            text: TEXT.into(),
            body_start: 0,
            gold: gold(),
            pred,
        }]);
        for p in [
            s.attribution,
            s.attribution_source,
            s.cue.exact,
            s.source.exact,
            s.content.exact,
            s.content.overlap,
        ] {
            assert_eq!(p.f1, 1.0, "{s:#?}");
        }
        assert_eq!(s.words, 10);
    }

    #[test]
    fn partial_content_counts_in_overlap_and_matching_not_exact() {
        // Content without "that" (3 of 4 gold words), wrong source on the
        // second, and a spurious third attribution.
        let pred = vec![
            att(6..10, Some(0..5), 16..31),
            att(39..43, Some(11..15), 44..54),
            att(16..21, Some(0..5), 22..31),
        ];
        let s = score(&[DocPair {
            name: "d".into(),
            text: TEXT.into(),
            body_start: 0,
            gold: gold(),
            pred,
        }]);
        assert_eq!(s.content.exact.correct_pred, 1);
        assert_eq!(s.content.exact.pred, 3);
        // Predicted content tokens: taxes will rise, walls fall, will rise (counted once) = 5, all gold.
        assert_eq!(s.content.overlap.precision, 1.0);
        // Gold content tokens: 6, found 5.
        assert!((s.content.overlap.recall - 5.0 / 6.0).abs() < 1e-12);
        // Dice(taxes will rise, that taxes will rise) = 6/7 ≥ 0.5; third unmatched.
        assert_eq!(s.attribution.correct_pred, 2);
        assert_eq!(s.attribution.pred, 3);
        assert_eq!(s.attribution_source.correct_pred, 1);
        assert_eq!(s.cue.exact.correct_pred, 2);
    }
}
