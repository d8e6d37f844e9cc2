//! Links between the claims of one article: a denial `rebuts` what it
//! denies (a denial of "the allegations" every accusation of that side
//! since the last denial), a competing accusation `counters` the claim it
//! answers, evidence from the same side `supports` the claim it backs.
//!
//! Two claims are about the same thing when their contents share at least
//! [`MIN_SHARED`] terms, one of them more than a name ("Pakistan", "Afghan"),
//! and the shared terms are at least [`MIN_OVERLAP`] of the smaller term set
//! (see [`crate::terms`]).

use super::rules::Attribution;
use crate::actors::Actors;
use crate::claim::{Claim, Stance};
use crate::terms::{Terms, terms};

/// Fewest shared content terms for two claims to be about the same thing.
pub const MIN_SHARED: usize = 2;
/// Least share of the smaller term set that must be shared.
pub const MIN_OVERLAP: f64 = 0.4;

/// How many earlier claims a claim may link to: far more than a news
/// article holds, and a bound that keeps linking linear on huge inputs.
pub const LINK_WINDOW: usize = 100;

/// Adds `rebuts`, `counters` and `supports` to `claims` (one per attribution, same order).
pub fn link(atts: &[Attribution], claims: &mut [Claim], actors: &Actors) {
    // Each side once, and claims by the number of their side: a 50 MB
    // article makes a million claims and names a few sides.
    let mut side_names: Vec<String> = Vec::new();
    let mut side_numbers: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let sides: Vec<usize> = claims
        .iter()
        .map(|c| {
            let side = actors.side(&c.claimant);
            *side_numbers.entry(side).or_insert_with_key(|side| {
                side_names.push(side.clone());
                side_names.len() - 1
            })
        })
        .collect();
    let mut t = TermWindow::default();
    for k in 0..claims.len() {
        let a = &atts[k];
        if let Some(p) = a.points_back {
            let id = claims[p].id.clone();
            claims[k].rebuts.push(id);
            // "rejected Islamabad's allegations": every accusation of that
            // side since the last denial, not only the one it copies.
            if a.answers_accusation {
                let start = (0..p)
                    .rev()
                    .find(|&j| claims[j].stance == Stance::Denies)
                    .map_or(0, |d| d + 1);
                for j in start..k {
                    if j != p && atts[j].accuse && claims[j].stance == Stance::Asserts && sides[j] == sides[p] {
                        let id = claims[j].id.clone();
                        claims[k].rebuts.push(id);
                    }
                }
            }
            continue;
        }
        if let Some(p) = a.continues
            && sides[p] == sides[k]
            && !claims[p].rebuts.is_empty()
        {
            // "denied any role, saying no group operates from its soil"
            // rebuts what the denial rebuts; "denied any role, urging
            // Islamabad to look at its own security" is a competing claim:
            // it counters the claim the denial answers.
            if claims[k].stance == Stance::Asserts && !negated(&claims[k].content) {
                if let Some(j) = position(claims, &claims[p].rebuts[0]) {
                    let root = root_of(claims, j);
                    claims[k].counters.push(claims[root].id.clone());
                }
            } else {
                claims[k].rebuts = claims[p].rebuts.clone();
            }
            continue;
        }
        // A denial may answer a claim the article reports only later
        // ("X denied any role … Pakistan's military had claimed that …").
        let before = if claims[k].stance == Stance::Denies {
            claims.len()
        } else {
            k
        };
        t.slide(claims, k.saturating_sub(LINK_WINDOW)..claims.len().min(k + LINK_WINDOW));
        let best = |want_same_side: bool, claims: &[Claim]| {
            (k.saturating_sub(LINK_WINDOW)..before.min(k + LINK_WINDOW))
                .filter(|&j| j != k)
                .filter(|&j| (sides[j] == sides[k]) == want_same_side && claims[j].stance == Stance::Asserts)
                .filter(|&j| {
                    t[k].shared(&t[j]) >= MIN_SHARED
                        && t[k].overlap(&t[j]) >= MIN_OVERLAP
                        && t[k].shared_beyond_names(&t[j]) > 0
                })
                .max_by(|&x, &y| {
                    t[k].overlap(&t[x])
                        .total_cmp(&t[k].overlap(&t[y]))
                        .then(t[k].shared(&t[x]).cmp(&t[k].shared(&t[y])))
                        .then(y.cmp(&x))
                })
        };
        if claims[k].stance == Stance::Denies {
            if let Some(j) = best(false, claims) {
                claims[k].rebuts.push(claims[j].id.clone());
            }
        } else if a.evidence {
            if let Some(j) = best(true, claims) {
                claims[k].supports.push(claims[j].id.clone());
            }
        } else if a.accuse
            && let Some(j) = best(false, claims)
        {
            let root = root_of(claims, j);
            claims[k].counters.push(claims[root].id.clone());
        } else if !a.evidence
            && let Some(j) = denied_by_own_side(claims, &sides, k)
            && !negated(&claims[k].content)
            && actors.sides_named(&claims[k].content).contains(&side_names[sides[j]])
        {
            // "India rejected the allegations … Pakistan must look inwards
            // instead of blaming others": after a claimant denied a claim,
            // its claim that names the accuser's side competes with it.
            let root = root_of(claims, j);
            claims[k].counters.push(claims[root].id.clone());
        }
    }
}

/// The claim that the last denial by the claimant of claim `k` (within
/// [`LINK_WINDOW`]) rebuts first, when that claim is another side's.
fn denied_by_own_side(claims: &[Claim], sides: &[usize], k: usize) -> Option<usize> {
    let d = (k.saturating_sub(LINK_WINDOW)..k)
        .rev()
        .find(|&j| claims[j].stance == Stance::Denies && claims[j].claimant == claims[k].claimant)?;
    let j = position(claims, claims[d].rebuts.first()?)?;
    (sides[j] != sides[k]).then_some(j)
}

/// Whether a content negates ("no group operates", "is not used",
/// "never"): a claim continuing a denial that negates contradicts the
/// accusation; one that does not makes a claim of its own.
fn negated(content: &str) -> bool {
    content
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "no" | "not" | "never" | "none" | "nothing" | "nor" | "neither" | "nobody" | "cannot"
            ) || w.ends_with("n't")
                || w.ends_with("n’t")
        })
}

/// Follows `supports` back to the claim that is supported: a counter-claim
/// answers the position, not the evidence offered for it.
fn root_of(claims: &[Claim], mut j: usize) -> usize {
    for _ in 0..claims.len() {
        let Some(target) = claims[j].supports.first() else {
            break;
        };
        match position(claims, target) {
            Some(p) if p != j => j = p,
            _ => break,
        }
    }
    j
}

/// The position of the claim whose id is `id`. Extracted claims are
/// numbered `c1`, `c2`, … in order, so no index of a million ids is built;
/// another id is looked for claim by claim.
pub(super) fn position(claims: &[Claim], id: &str) -> Option<usize> {
    let numbered = id
        .strip_prefix('c')
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .filter(|&k| claims.get(k).is_some_and(|c| c.id == id));
    numbered.or_else(|| claims.iter().position(|c| c.id == id))
}

/// The terms of the claims within [`LINK_WINDOW`] of the claim being
/// linked, computed as the window slides forward, each once: a huge
/// article never holds the terms of all its claims.
#[derive(Default)]
struct TermWindow {
    /// Position of the first claim held.
    start: usize,
    terms: std::collections::VecDeque<Terms>,
}

impl TermWindow {
    /// Holds the terms of `claims[range]`; `range` only moves forward.
    fn slide(&mut self, claims: &[Claim], range: std::ops::Range<usize>) {
        while self.start < range.start && !self.terms.is_empty() {
            self.terms.pop_front();
            self.start += 1;
        }
        if self.terms.is_empty() {
            self.start = range.start;
        }
        while self.start + self.terms.len() < range.end {
            self.terms
                .push_back(terms(&claims[self.start + self.terms.len()].content));
        }
    }
}

impl std::ops::Index<usize> for TermWindow {
    type Output = Terms;

    fn index(&self, k: usize) -> &Terms {
        &self.terms[k - self.start]
    }
}
