//! The `confidence` of an extracted claim: the probability that the claim
//! is right, that is that a reference claim file would hold a claim with
//! the same content, claimant and stance.
//!
//! A logistic regression over what the extractor knows of each claim
//! ([`FEATURES`]): the attribution filter's margin where the filter judged
//! the claim, how the claim was built (a denial pointing back, a
//! continuation, an accusation), what its source was (a pronoun, a
//! common noun) and where it stands among the other attributions. Its
//! [`WEIGHTS`] are fitted on the news-dev reference claims (all seven
//! disputes); `claimtrack eval confidence` refits them, and measures the
//! calibration honestly, leaving one dispute out (docs/model-card.md).

use super::filter::{self, Filter, Nesting};
use super::rules::Attribution;
use crate::claim::Claim;

/// What the calibration weighs, in the order of [`WEIGHTS`].
pub const FEATURES: [&str; 11] = [
    "filter judged the claim",
    "filter margin (judged claims; /4, clamped to -1..1.5)",
    "denial pointing back at a claim",
    "participle continuing an attribution",
    "accusation, or an answer to one",
    "source is a pronoun",
    "content is a quotation",
    "cue learned from annotated text",
    "claimant resolved from another mention",
    "claimant is a common noun (officials, the ministry)",
    "cue inside another claim's content, or content holding another cue",
];

/// Features of one claim, in the order of [`FEATURES`].
pub type Features = [f64; 11];

/// Bias, then one weight per feature: fitted by `claimtrack eval confidence
/// --corpus ../shared/corpus/news-dev` (L2-regularised logistic regression
/// on every extracted claim of the seven disputes).
pub const WEIGHTS: [f64; 12] = [
    1.871, -0.201, 0.412, 0.908, 0.472, 0.31, -0.455, -0.199, -0.401, -0.094, -2.101, -0.407,
];

/// The features of the claim made from `a`.
pub fn features(text: &str, a: &Attribution, nest: &Nesting, claim: &Claim, filter: Option<&Filter>) -> Features {
    let flag = |b: bool| f64::from(u8::from(b));
    let margin = match filter {
        Some(f) if filter::judged(a) => Some(f64::from(f.score(text, a, nest))),
        _ => None,
    };
    [
        flag(margin.is_some()),
        margin.map_or(0.0, |m| (m / 4.0).clamp(-1.0, 1.5)),
        flag(a.points_back.is_some()),
        flag(a.continues.is_some()),
        flag(a.accuse || a.answers_accusation),
        flag(a.pronoun),
        flag(a.quoted),
        flag(a.learned.is_some()),
        flag(claim.mention.is_some()),
        flag(claim.claimant.chars().next().is_some_and(char::is_lowercase)),
        flag(nest.inside.is_some() || nest.holds),
    ]
}

/// The probability `weights` give a claim with features `x`.
pub fn probability(weights: &[f64; 12], x: &Features) -> f64 {
    let z = weights[0] + x.iter().zip(&weights[1..]).map(|(a, b)| a * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The features of each of `claims`, made in order from `atts` (what
/// [`super::claim_attributions`] keeps of the article's attributions).
pub(super) fn all_features(
    text: &str,
    atts: &[Attribution],
    claims: &[Claim],
    filter: Option<&Filter>,
) -> Vec<Features> {
    let nest = filter::nesting(atts);
    claims
        .iter()
        .zip(atts)
        .zip(&nest)
        .map(|((c, a), n)| features(text, a, n, c, filter))
        .collect()
}

/// Sets `confidence` on `claims` from their features.
pub(super) fn set(claims: &mut [Claim], features: &[Features]) {
    for (claim, x) in claims.iter_mut().zip(features) {
        // Two decimals, as the file writes them.
        claim.confidence = Some((probability(&WEIGHTS, x) * 100.0).round() / 100.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::article::Article;

    #[test]
    fn every_extracted_claim_has_a_confidence_between_0_and_1() {
        let a = Article::from_bytes(
            b"Pakistan said militants operate from Afghan soil. Afghan officials denied the claim. \
              The ministry noted that trade resumed.",
            Some("x".into()),
            std::path::Path::new("x.txt"),
        )
        .unwrap();
        let f = crate::extract::extract(&a, &Actors::default(), None);
        assert!(!f.claims.is_empty());
        for c in &f.claims {
            let x = c.confidence.unwrap();
            assert!((0.0..=1.0).contains(&x), "{c:?}");
            assert_eq!(c.reviewed, None);
        }
    }

    #[test]
    fn the_bias_alone_is_the_probability_of_a_claim_without_features() {
        let w = [0.0; 12];
        assert!((probability(&w, &[0.0; 11]) - 0.5).abs() < 1e-12);
        let mut w = w;
        w[2] = 1.0;
        let mut x = [0.0; 11];
        x[1] = 1.0;
        assert!(probability(&w, &x) > 0.5);
    }
}
