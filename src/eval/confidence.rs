//! Calibration of the `confidence` of extracted claims: is a claim given
//! 0.8 right four times in five? Every article of a reference corpus (laid
//! out as for [`super::lodo`]) is extracted; a claim is right when it is
//! matched to a reference claim on content ([`crate::corpus::match_claims`]) with
//! an agreeing claimant and the same stance. The calibration is fitted on
//! all disputes (the weights to compile into
//! [`crate::extract::confidence::WEIGHTS`]) and, to measure it honestly,
//! once per dispute on the others, predicting the one left out.

use super::fmt3;
use crate::corpus::match_claims;
use crate::extract::Model;
use crate::extract::confidence::{self, FEATURES, Features, WEIGHTS};
use crate::linking::article_of;
use crate::store::Store;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// L2 penalty on the weights (not the bias): with a few hundred claims and
/// few wrong ones, unpenalised weights of rare features run off.
const LAMBDA: f64 = 1.0;

/// Predicted against observed in one band of confidence.
#[derive(Debug, Clone, Serialize)]
pub struct Bin {
    /// The band, `[low, high)` (the last one includes 1).
    pub low: f64,
    /// Upper end of the band.
    pub high: f64,
    /// Claims in it.
    pub claims: usize,
    /// Their mean confidence.
    pub predicted: f64,
    /// The share of them that is right.
    pub observed: f64,
}

/// How well confidences match outcomes.
#[derive(Debug, Clone, Serialize)]
pub struct Reliability {
    /// The non-empty bins of width 0.1.
    pub bins: Vec<Bin>,
    /// Mean squared difference of confidence and outcome (0 or 1).
    pub brier: f64,
    /// Expected calibration error: |predicted - observed| of each bin,
    /// weighted by its claims.
    pub ece: f64,
}

/// The calibration's figures.
#[derive(Debug, Clone, Serialize)]
pub struct Calibration {
    /// Extracted claims.
    pub claims: usize,
    /// Of them right.
    pub right: usize,
    /// Each claim given the share of right claims of the other disputes:
    /// the baseline a calibration must beat.
    pub base_rate: Reliability,
    /// Each dispute predicted with weights fitted on the others.
    pub left_out: Reliability,
    /// The built-in weights on every claim (fitted on them: optimistic).
    pub built_in: Reliability,
    /// Weights fitted on every claim: bias, then one per feature.
    pub fitted: Vec<f64>,
    /// The built-in weights are these, to three decimals.
    pub built_in_is_fitted: bool,
}

/// Extracts every article of `corpus` and measures the calibration.
pub fn run(corpus: &Path, model: &Model) -> Result<Calibration, String> {
    let manifest_path = corpus.join("MANIFEST.tsv");
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let disputes = super::lodo::disputes(&manifest).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let store = Store::load(&[corpus.join("claims")])
        .map_err(|d| d.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    // (dispute, features, right) of every extracted claim.
    let mut samples: Vec<(usize, Features, bool)> = Vec::new();
    for (d, (_, ids)) in disputes.iter().enumerate() {
        for id in ids {
            let f = store
                .files
                .iter()
                .position(|l| &l.file.article.id == id)
                .ok_or(format!("no claim file for `{id}`"))?;
            samples.extend(labelled(&store, f, model)?.into_iter().map(|(x, right)| (d, x, right)));
        }
    }
    let all: Vec<(Features, bool)> = samples.iter().map(|(_, x, r)| (*x, *r)).collect();
    let mut left_out = Vec::new();
    let mut base = Vec::new();
    for d in 0..disputes.len() {
        let train: Vec<(Features, bool)> = samples
            .iter()
            .filter(|(k, ..)| *k != d)
            .map(|(_, x, r)| (*x, *r))
            .collect();
        let w = fit(&train);
        let rate = train.iter().filter(|(_, r)| *r).count() as f64 / train.len().max(1) as f64;
        for (_, x, r) in samples.iter().filter(|(k, ..)| *k == d) {
            left_out.push((confidence::probability(&w, x), *r));
            base.push((rate, *r));
        }
    }
    let fitted = fit(&all);
    let round3 = |x: f64| (x * 1000.0).round() / 1000.0;
    let built_in: Vec<(f64, bool)> = all
        .iter()
        .map(|(x, r)| (confidence::probability(&WEIGHTS, x), *r))
        .collect();
    Ok(Calibration {
        claims: all.len(),
        right: all.iter().filter(|(_, r)| *r).count(),
        base_rate: reliability(&base),
        left_out: reliability(&left_out),
        built_in: reliability(&built_in),
        built_in_is_fitted: fitted.iter().zip(WEIGHTS).all(|(a, b)| round3(*a) == round3(b)),
        fitted: fitted.iter().map(|&w| round3(w)).collect(),
    })
}

/// The features of the claims extracted from reference file `f`'s article,
/// each with whether it is right.
fn labelled(store: &Store, f: usize, model: &Model) -> Result<Vec<(Features, bool)>, String> {
    let article = article_of(store, f)?;
    let (claims, features) = crate::extract::claims_with_features(&article, &store.actors, model);
    let gold = &store.files[f].file.claims;
    let mut right = vec![false; claims.len()];
    for (p, g) in match_claims(&store.actors, &claims, gold) {
        let (pc, gc) = (&claims[p], &gold[g]);
        right[p] = pc.stance == gc.stance && store.actors.agrees(&gc.claimant, &pc.claimant, pc.mention.as_deref());
    }
    Ok(features.into_iter().zip(right).collect())
}

/// L2-regularised logistic regression by Newton's method: bias, then one
/// weight per feature. Deterministic, and exact enough in 50 steps.
pub fn fit(samples: &[(Features, bool)]) -> [f64; 12] {
    const N: usize = 12;
    let row = |x: &Features| {
        let mut r = [1.0; N];
        r[1..].copy_from_slice(x);
        r
    };
    let mut w = [0.0; N];
    for _ in 0..50 {
        let mut grad = [0.0; N];
        let mut hess = [[0.0; N]; N];
        for (x, right) in samples {
            let r = row(x);
            let p = confidence::probability(&w, x);
            let y = f64::from(u8::from(*right));
            for i in 0..N {
                grad[i] += (p - y) * r[i];
                for j in 0..N {
                    hess[i][j] += p * (1.0 - p) * r[i] * r[j];
                }
            }
        }
        for i in 1..N {
            grad[i] += LAMBDA * w[i];
            hess[i][i] += LAMBDA;
        }
        // A tiny ridge on the bias keeps the system solvable on a set
        // where every claim is right.
        hess[0][0] += 1e-6;
        let step = solve(hess, grad);
        for i in 0..N {
            w[i] -= step[i];
        }
    }
    w
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting (`a` is
/// symmetric positive definite here).
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for c in 0..N {
        let p = (c..N)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        for r in c + 1..N {
            let f = a[r][c] / a[c][c];
            let pivot = a[c];
            for (x, p) in a[r][c..].iter_mut().zip(&pivot[c..]) {
                *x -= f * p;
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = [0.0; N];
    for c in (0..N).rev() {
        let s: f64 = (c + 1..N).map(|k| a[c][k] * x[k]).sum();
        x[c] = (b[c] - s) / a[c][c];
    }
    x
}

/// Bins of width 0.1, the Brier score and the expected calibration error.
pub fn reliability(pairs: &[(f64, bool)]) -> Reliability {
    let mut sums = [(0usize, 0.0f64, 0usize); 10];
    let mut brier = 0.0;
    for &(p, right) in pairs {
        let y = f64::from(u8::from(right));
        brier += (p - y) * (p - y);
        let b = ((p * 10.0) as usize).min(9);
        sums[b].0 += 1;
        sums[b].1 += p;
        sums[b].2 += usize::from(right);
    }
    let n = pairs.len().max(1) as f64;
    let bins: Vec<Bin> = sums
        .iter()
        .enumerate()
        .filter(|(_, s)| s.0 > 0)
        .map(|(b, &(claims, sum, right))| Bin {
            low: b as f64 / 10.0,
            high: (b + 1) as f64 / 10.0,
            claims,
            predicted: sum / claims as f64,
            observed: right as f64 / claims as f64,
        })
        .collect();
    let ece = bins
        .iter()
        .map(|b| b.claims as f64 / n * (b.predicted - b.observed).abs())
        .sum();
    Reliability {
        bins,
        brier: brier / n,
        ece,
    }
}

/// The reliability tables and the fitted weights.
pub fn render(c: &Calibration) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} extracted claims, {} right ({}): content, claimant and stance agree with the reference",
        c.claims,
        c.right,
        fmt3(c.right as f64 / c.claims.max(1) as f64)
    );
    for (title, r) in [
        (
            "left out: each dispute predicted by weights fitted on the others",
            &c.left_out,
        ),
        (
            "base rate: each dispute given the other disputes' share of right claims",
            &c.base_rate,
        ),
        (
            "built in: the compiled weights on every claim (fitted on them)",
            &c.built_in,
        ),
    ] {
        let _ = writeln!(s, "\n{title}");
        let _ = writeln!(s, "| confidence | claims | predicted | observed |");
        let _ = writeln!(s, "|------------|--------|-----------|----------|");
        for b in &r.bins {
            let _ = writeln!(
                s,
                "| {:.1}–{:.1}    | {:>6} | {:>9} | {:>8} |",
                b.low,
                b.high,
                b.claims,
                fmt3(b.predicted),
                fmt3(b.observed)
            );
        }
        let _ = writeln!(s, "Brier {}, expected calibration error {}", fmt3(r.brier), fmt3(r.ece));
    }
    let _ = writeln!(s, "\nweights fitted on every claim (bias, then per feature):");
    let _ = writeln!(s, "  {:>7}  bias", c.fitted[0]);
    for (w, name) in c.fitted[1..].iter().zip(FEATURES) {
        let _ = writeln!(s, "  {w:>7}  {name}");
    }
    let _ = writeln!(
        s,
        "{}",
        if c.built_in_is_fitted {
            "the built-in weights are these"
        } else {
            "the built-in weights differ: copy these into src/extract/confidence.rs (WEIGHTS)"
        }
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fit_follows_the_feature_that_tells_right_from_wrong() {
        let mut on = [0.0; 11];
        on[5] = 1.0;
        let off = [0.0; 11];
        // Right 9 times in 10 without the feature, 2 in 10 with it.
        let mut samples = Vec::new();
        for k in 0..100 {
            samples.push((off, k % 10 < 9));
            samples.push((on, k % 10 < 2));
        }
        let w = fit(&samples);
        let (p_off, p_on) = (confidence::probability(&w, &off), confidence::probability(&w, &on));
        assert!(p_off > 0.8 && p_on < 0.35, "{p_off} {p_on}");
        assert_eq!(w, fit(&samples), "deterministic");
    }

    #[test]
    fn bins_compare_mean_confidence_with_the_share_right() {
        let r = reliability(&[(0.95, true), (0.91, false), (0.15, false)]);
        assert_eq!(r.bins.len(), 2);
        assert_eq!((r.bins[1].claims, r.bins[1].observed), (2, 0.5));
        assert!((r.bins[1].predicted - 0.93).abs() < 1e-9);
        assert!((r.ece - (2.0 / 3.0 * 0.43 + 1.0 / 3.0 * 0.15)).abs() < 1e-9);
    }
}
