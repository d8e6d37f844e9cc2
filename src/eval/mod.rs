//! The team's yardstick: reading and writing BRAT standoff attribution
//! annotations ([`crate::corpus::brat`]), scoring extracted spans against BRAT gold
//! ([`spans`]) and scoring claim files against reference claim files
//! ([`claims`]).
//!
//! Both scorers match a predicted attribution (or claim) to a gold one when
//! the Dice coefficient of their content word sets is at least
//! [`crate::corpus::MATCH_DICE`], one-to-one, best pairs first ([`crate::corpus::match_pairs`]).

// A span is a Vec of ranges (fragments); a one-fragment span is the usual case.
#![allow(clippy::single_range_in_vec_init)]

pub mod claims;
pub mod confidence;
pub mod diff;
pub mod lodo;
pub mod spans;

use crate::corpus::brat;

use crate::article::{Article, ArticleError};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A `.ann` file is malformed.
    #[error(transparent)]
    Brat(#[from] brat::BratError),
    /// An article text could not be read.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// A gold `.ann` file has no text beside it.
    #[error("{ann}: no text file {text}")]
    NoText {
        /// The annotation file.
        ann: PathBuf,
        /// The text file looked for.
        text: PathBuf,
    },
    /// No `.ann` files in the gold directory.
    #[error("{0}: no .ann files")]
    Empty(PathBuf),
}

/// Reads every `ID.ann` of `ann_dir` with its text `text_dir/ID.txt`, in
/// file name order, and predicts attributions for each article with
/// `predict`.
pub fn read_span_corpus(
    ann_dir: &Path,
    text_dir: &Path,
    mut predict: impl FnMut(&Article) -> Vec<brat::SpanAttribution>,
) -> Result<Vec<spans::DocPair>, EvalError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut anns: Vec<PathBuf> = std::fs::read_dir(ann_dir)
        .map_err(io(ann_dir))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    if anns.is_empty() {
        return Err(EvalError::Empty(ann_dir.to_path_buf()));
    }
    let mut out = Vec::with_capacity(anns.len());
    for ann in anns {
        let stem = ann
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text_path = text_dir.join(format!("{stem}.txt"));
        if !text_path.is_file() {
            return Err(EvalError::NoText { ann, text: text_path });
        }
        let gold = brat::parse(&std::fs::read_to_string(&ann).map_err(io(&ann))?, &ann)?;
        let article = Article::from_file(&text_path)?;
        let pred = predict(&article);
        out.push(spans::DocPair {
            name: stem,
            body_start: article.body_start,
            text: article.text,
            gold,
            pred,
        });
    }
    Ok(out)
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// Correct over predicted (0 when nothing was predicted).
    pub precision: f64,
    /// Correct over gold (0 when there is no gold).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Predicted items (or tokens) that are correct.
    pub correct_pred: usize,
    /// Gold items (or tokens) that were found.
    pub correct_gold: usize,
    /// Predicted items (or tokens).
    pub pred: usize,
    /// Gold items (or tokens).
    pub gold: usize,
}

impl Prf {
    /// Scores from counts; `correct_pred` and `correct_gold` differ for
    /// token overlap, where a token can be counted on each side.
    pub fn new(correct_pred: usize, pred: usize, correct_gold: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct_pred, pred);
        let recall = ratio(correct_gold, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
            correct_pred,
            correct_gold,
            pred,
            gold,
        }
    }

    /// Scores where one correct item counts on both sides (matching).
    pub fn from_matches(matched: usize, pred: usize, gold: usize) -> Prf {
        Prf::new(matched, pred, matched, gold)
    }
}

/// Formats a score for tables: three decimals.
/// A Markdown-style table of named P/R/F1 rows.
pub(crate) fn prf_table<'a>(rows: impl IntoIterator<Item = (String, &'a Prf)>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::ASCII_MARKDOWN);
    t.set_header(["measure", "P", "R", "F1", "pred", "gold"]);
    for (name, p) in rows {
        t.add_row(vec![
            name,
            fmt3(p.precision),
            fmt3(p.recall),
            fmt3(p.f1),
            p.pred.to_string(),
            p.gold.to_string(),
        ]);
    }
    t
}

pub(crate) fn fmt3(x: f64) -> String {
    format!("{x:.3}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_from_counts() {
        let s = Prf::from_matches(2, 4, 8);
        assert_eq!(s.precision, 0.5);
        assert_eq!(s.recall, 0.25);
        assert!((s.f1 - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(Prf::from_matches(0, 0, 0).f1, 0.0);
    }
}
