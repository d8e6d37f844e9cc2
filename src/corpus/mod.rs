//! Annotated corpora, knowing nothing of extraction: BRAT standoff
//! attribution annotations and PolNeAR's span conventions ([`brat`]), and
//! the content matching that pairs a predicted item with a gold one (word
//! sets, Dice, one-to-one best first). Evaluation and the extractor's
//! training both read gold through it.

// A span is a Vec of ranges (fragments); a one-fragment span is the usual case.
#![allow(clippy::single_range_in_vec_init)]

pub mod brat;

use crate::actors::Actors;
use crate::claim::Claim;
use std::collections::BTreeSet;

/// Least Dice coefficient of content word sets for two contents to match.
pub const MATCH_DICE: f64 = 0.5;

/// The lower-case words of `s` (runs of letters and digits) as a set.
pub fn word_set(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Dice coefficient of two word sets (0 when both are empty).
pub fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / total as f64
}

/// One-to-one matching of predicted to gold items by content: every pair
/// with Dice ≥ [`MATCH_DICE`], best first (ties: earlier gold, then earlier
/// predicted). Returns `(pred index, gold index)` pairs.
pub fn match_pairs(pred: &[BTreeSet<String>], gold: &[BTreeSet<String>]) -> Vec<(usize, usize)> {
    match_pairs_by(pred, gold, |_, _| 0)
}

/// One-to-one matching of predicted to reference claims: [`match_pairs`] on
/// their contents, where a tie goes to the reference claim of the same
/// claimant (through `actors`), then of the same stance. A denial often
/// repeats the words of the accusation it answers, so content alone would
/// pair the accuser's claim with the denial written first.
pub fn match_claims(actors: &Actors, pred: &[Claim], gold: &[Claim]) -> Vec<(usize, usize)> {
    let pw: Vec<_> = pred.iter().map(|c| word_set(&c.content)).collect();
    let gw: Vec<_> = gold.iter().map(|c| word_set(&c.content)).collect();
    match_pairs_by(&pw, &gw, |p, g| {
        let (pc, gc) = (&pred[p], &gold[g]);
        2 * u8::from(actors.agrees(&gc.claimant, &pc.claimant, pc.mention.as_deref()))
            + u8::from(pc.stance == gc.stance)
    })
}

/// [`match_pairs`] where, at equal Dice, the pair that `tie` ranks higher
/// goes first.
fn match_pairs_by(
    pred: &[BTreeSet<String>],
    gold: &[BTreeSet<String>],
    tie: impl Fn(usize, usize) -> u8,
) -> Vec<(usize, usize)> {
    let mut cands: Vec<(f64, u8, usize, usize)> = Vec::new();
    for (p, pw) in pred.iter().enumerate() {
        for (g, gw) in gold.iter().enumerate() {
            let d = dice(pw, gw);
            if d >= MATCH_DICE {
                cands.push((d, tie(p, g), g, p));
            }
        }
    }
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut used_p = vec![false; pred.len()];
    let mut used_g = vec![false; gold.len()];
    let mut out = Vec::new();
    for (_, _, g, p) in cands {
        if !used_p[p] && !used_g[g] {
            used_p[p] = true;
            used_g[g] = true;
            out.push((p, g));
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_is_one_to_one_best_first() {
        let g = vec![word_set("the wall will be built"), word_set("taxes will rise")];
        let p = vec![
            word_set("the wall will be built soon"),
            word_set("the wall will be built"),
            word_set("taxes rise"),
        ];
        // p1 is the exact match for g0, so p0 stays unmatched; p2 ~ g1 (Dice 0.8).
        assert_eq!(match_pairs(&p, &g), [(1, 0), (2, 1)]);
        assert!(match_pairs(&[word_set("nothing alike")], &g).is_empty());
    }

    #[test]
    fn words_ignore_case_and_punctuation() {
        let w = word_set("Clinton’s “team” said, CLINTON");
        assert_eq!(w.into_iter().collect::<Vec<_>>(), ["clinton", "s", "said", "team"]);
    }
}
