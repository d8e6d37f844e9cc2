//! The `confidence` of an extracted claim: how sure the attribution filter
//! is that the words around the cue make an attribution.
//!
//! The filter's score is a perceptron margin (kept above
//! [`filter::THRESHOLD`]); a logistic turns it into a number from 0 to 1
//! that orders claims for review, not a calibrated probability. The filter
//! judges plain assertions; a denial that points back at a claim, a
//! participle continuing an attribution, an accusation or an answer to one
//! is built by reviewed patterns the filter never judged, and gets 1.0:
//! nothing learned doubted it, which still leaves it for a person to review
//! (`reviewed` is absent).

use super::filter::{self, Filter};
use super::rules::Attribution;
use crate::claim::Claim;

/// Sets `confidence` on `claims`, made in order from `atts` (what
/// [`super::claim_attributions`] keeps of the article's attributions).
pub(super) fn set(text: &str, atts: &[Attribution], claims: &mut [Claim], filter: Option<&Filter>) {
    let nest = filter::nesting(atts);
    for ((claim, a), n) in claims.iter_mut().zip(atts).zip(&nest) {
        let sure = match filter {
            Some(f) if filter::judged(a) => logistic(f.score(text, a, n)),
            _ => 1.0,
        };
        // Two decimals, as the file writes them.
        claim.confidence = Some((f64::from(sure) * 100.0).round() / 100.0);
    }
}

fn logistic(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
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
        // The denial pointing back is structure, not a judged assembly.
        let denial = f
            .claims
            .iter()
            .find(|c| c.stance == crate::claim::Stance::Denies)
            .unwrap();
        assert_eq!(denial.confidence, Some(1.0));
    }

    #[test]
    fn the_logistic_is_centred_and_monotone() {
        assert!((logistic(0.0) - 0.5).abs() < 1e-6);
        assert!(logistic(-3.0) < logistic(filter::THRESHOLD) && logistic(filter::THRESHOLD) < logistic(2.0));
    }
}
