//! The score of a pair of claims: term weights over the claims of one
//! comparison, overlap and Dice of the shared weight, and the factors for
//! names and figures that clash.

use super::Features;
use super::normalise::variants;
use rustc_hash::FxHashMap as HashMap;

/// How much a pair's score is kept when both contents name states or armed
/// groups of the synonym table's name groups and none of them is shared
/// ("India had a hand" vs "handlers in Afghanistan").
const ENTITY_CLASH: f64 = 0.5;

/// How much a pair's score is kept when both contents give figures (numbers,
/// years) and none of them is shared ("21 passengers were killed" vs "26
/// passengers were killed"): two different figures are two different
/// statements, or a changed one, not the same assertion.
const NUMBER_CLASH: f64 = 0.5;

/// Stems of the number words (Snowball English) that count as figures
/// besides digits. Not "one": it is as often a pronoun or a partitive ("no
/// one", "one of the", "one another") as a figure.
const NUMBER_STEMS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelv", "dozen", "twenti",
    "thirti", "forti", "fifti", "hundr", "thousand", "million", "billion",
];

/// Whether a content term is a figure: digits ("21", "2021") or a number word.
fn is_number(term: &str) -> bool {
    (!term.is_empty() && term.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
        || NUMBER_STEMS.contains(&term)
}

/// Weight multiplier for entity terms: a shared name is stronger evidence
/// than a shared common word.
const ENTITY_WEIGHT: f64 = 1.5;

/// Term weights for one comparison: rarer terms weigh more.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
}

impl Vocabulary {
    /// Counts document frequencies over every claim that takes part (its
    /// features borrowed, or made one at a time and dropped).
    pub fn new(all: impl IntoIterator<Item = impl std::borrow::Borrow<Features>>) -> Self {
        Self::count(all, Vocabulary::default())
    }

    /// As [`Vocabulary::new`], with the spelling variants of a name counted
    /// as one term ([`variants`]: "Zelensky" and "Zelenskyy", "Zabiullah"
    /// and "Zabihullah").
    pub fn with_variants<'a>(all: impl IntoIterator<Item = &'a Features> + Clone) -> Self {
        let mut v = Vocabulary::default();
        for group in variants(all.clone().into_iter().flat_map(|f| f.entities.iter())) {
            let id = v.df.len() as u32;
            v.df.push(0);
            for t in group {
                v.ids.insert(t, id);
            }
        }
        Self::count(all, v)
    }

    fn count(all: impl IntoIterator<Item = impl std::borrow::Borrow<Features>>, mut v: Vocabulary) -> Self {
        let mut seen: Vec<u32> = Vec::new();
        for f in all {
            let f = f.borrow();
            v.docs += 1;
            seen.clear();
            for t in &f.terms {
                // (Looked up before it is copied: most terms are known.)
                let id = match v.ids.get(t.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = v.df.len() as u32;
                        v.ids.insert(t.clone(), id);
                        v.df.push(0);
                        id
                    }
                };
                seen.push(id);
            }
            seen.sort_unstable();
            seen.dedup();
            for &id in &seen {
                v.df[id as usize] += 1;
            }
        }
        v
    }

    /// The id of a term (variants of a name share one), if any claim has it.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// Inverse document frequency of a term id, over the *other* claims: a
    /// claim's own occurrence is left out of both counts, and a term that
    /// one other claim holds (its possible repeat) weighs as much as a term
    /// no other claim holds. Counted over every claim, a term two claims
    /// share would weigh less for being shared, and in a diff of one claim
    /// against one claim every shared term would weigh least.
    fn idf(&self, id: u32) -> f64 {
        let others = f64::from(self.docs.saturating_sub(1).max(1));
        let df = f64::from(self.df[id as usize].saturating_sub(1).max(1));
        (1.0 + others / df).ln()
    }

    /// The weighted form of a claim's features.
    pub fn prepare(&self, f: &Features) -> Prepared {
        let mut terms: Vec<(u32, f64)> = f
            .terms
            .iter()
            .filter_map(|t| {
                let id = *self.ids.get(t)?;
                let boost = if f.entities.contains(t) { ENTITY_WEIGHT } else { 1.0 };
                Some((id, self.idf(id) * boost))
            })
            .collect();
        terms.sort_by_key(|&(id, _)| id);
        terms.dedup_by_key(|&mut (id, _)| id);
        let mut names: Vec<u32> = f.names.iter().filter_map(|t| self.ids.get(t).copied()).collect();
        names.sort_unstable();
        names.dedup();
        let mut numbers: Vec<u32> = f
            .terms
            .iter()
            .filter(|t| is_number(t))
            .filter_map(|t| self.ids.get(t).copied())
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        Prepared {
            norm: terms.iter().map(|&(_, w)| w).sum(),
            terms,
            names,
            numbers,
            positive: f.positive,
        }
    }
}

/// A claim ready for scoring: weighted term ids.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// (term id, weight), sorted by id.
    pub(super) terms: Vec<(u32, f64)>,
    /// Term ids of the name groups (states, armed groups), sorted.
    names: Vec<u32>,
    /// Term ids of the figures (digits, number words), sorted.
    numbers: Vec<u32>,
    /// Sum of the weights.
    pub(super) norm: f64,
    /// Polarity (see [`Features::positive`]).
    pub positive: bool,
}

impl Prepared {
    /// Weight of the terms shared with `other` (each the smaller of the two
    /// weights, so it never exceeds either claim's own weight of them).
    pub(super) fn shared_weight(&self, other: &Prepared) -> f64 {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].0.cmp(&other.terms[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += self.terms[i].1.min(other.terms[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }
}

/// How alike two prepared claims are in what they say, 0 to 1, whatever
/// their polarity: the mean of the weighted overlap coefficient (shared
/// weight over the smaller claim's) and the weighted Dice coefficient, so a
/// short claim contained in a longer one scores high but not full; halved
/// when both name states or armed groups and share none.
pub fn similarity(a: &Prepared, b: &Prepared) -> f64 {
    score(a, b, a.shared_weight(b))
}

/// The parts of a [`similarity`], for explaining a score.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Components {
    /// Weighted overlap coefficient: shared weight over the smaller claim's.
    pub overlap: f64,
    /// Weighted Dice coefficient.
    pub dice: f64,
    /// The factor applied for names of states or armed groups that clash
    /// (1 when they do not).
    pub entity: f64,
    /// The factor applied for figures that clash (1 when they do not).
    pub numbers: f64,
    /// The similarity: the mean of `overlap` and `dice`, times `entity` and
    /// `numbers`.
    pub similarity: f64,
}

/// The parts of the similarity of two prepared claims.
pub fn components(a: &Prepared, b: &Prepared) -> Components {
    parts(a, b, a.shared_weight(b))
}

fn parts(a: &Prepared, b: &Prepared, shared: f64) -> Components {
    let small = a.norm.min(b.norm);
    if small <= 0.0 {
        return Components::default();
    }
    let overlap = (shared / small).min(1.0);
    let dice = (2.0 * shared / (a.norm + b.norm)).min(1.0);
    let clash = |x: &[u32], y: &[u32], factor: f64| {
        if !x.is_empty() && !y.is_empty() && !sorted_intersect(x, y) {
            factor
        } else {
            1.0
        }
    };
    let entity = clash(&a.names, &b.names, ENTITY_CLASH);
    let numbers = clash(&a.numbers, &b.numbers, NUMBER_CLASH);
    Components {
        overlap,
        dice,
        entity,
        numbers,
        similarity: (overlap + dice) / 2.0 * entity * numbers,
    }
}

pub(super) fn score(a: &Prepared, b: &Prepared, shared: f64) -> f64 {
    parts(a, b, shared).similarity
}

/// An upper bound of [`score`] from the weights alone (the clash factors
/// are at most 1): checked first in a search, where most candidates fall
/// short of the threshold, so that the names and figures are compared
/// only for the few that may reach it.
pub(super) fn score_bound(a: &Prepared, b: &Prepared, shared: f64) -> f64 {
    let small = a.norm.min(b.norm);
    if small <= 0.0 {
        return 0.0;
    }
    ((shared / small).min(1.0) + (2.0 * shared / (a.norm + b.norm)).min(1.0)) / 2.0
}

fn sorted_intersect(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Stance;
    use crate::matching::content_features;
    use crate::matching::tests::prep;
    use crate::terms;

    #[test]
    fn entity_clash_lowers_the_score() {
        let p = prep(&[
            ("India had a hand in the Jaffar Express hijack", Stance::Asserts),
            ("Afghanistan had a hand in the hijack", Stance::Asserts),
            ("India had a hand in the hijack", Stance::Asserts),
        ]);
        assert!(similarity(&p[1], &p[2]) < similarity(&p[0], &p[2]));
    }

    #[test]
    fn a_shared_term_weighs_as_much_as_an_unshared_one() {
        let f = [
            content_features("militants operate from Afghan soil", Stance::Asserts),
            content_features("militants use Afghan territory", Stance::Asserts),
            content_features("militants were killed", Stance::Asserts),
        ];
        let idf = |v: &Vocabulary, t: &str| v.idf(v.ids[t]);
        // Two claims: "soil", which both hold, weighs as much as "oper".
        let two = Vocabulary::new(&f[..2]);
        assert!((idf(&two, "soil") - idf(&two, "oper")).abs() < 1e-9);
        // A third claim holding "militant" makes it weigh less.
        let three = Vocabulary::new(&f);
        assert!((idf(&three, "soil") - idf(&three, "oper")).abs() < 1e-9);
        assert!(idf(&three, "militant") < idf(&three, "soil"));
        assert!(
            idf(&Vocabulary::new(&f[..1]), "oper") > 0.0,
            "one claim alone still has weights"
        );
    }

    #[test]
    fn different_figures_lower_the_score() {
        let p = prep(&[
            ("21 passengers and four soldiers were killed", Stance::Asserts),
            ("26 passengers were killed", Stance::Asserts),
            ("21 passengers were killed", Stance::Asserts),
            ("passengers were killed", Stance::Asserts),
        ]);
        let c = components(&p[0], &p[1]);
        assert_eq!(c.numbers, NUMBER_CLASH, "{c:?}");
        assert_eq!(components(&p[0], &p[2]).numbers, 1.0, "21 is shared");
        assert_eq!(components(&p[0], &p[3]).numbers, 1.0, "no figure on one side");
        assert!(!is_number("one"), "a pronoun as often as a figure");
        for w in ["two", "twelve", "twenty", "hundred", "thousands"] {
            let t = terms::terms(w).stems;
            assert!(t.iter().all(|s| is_number(s)) && !t.is_empty(), "{w}: {t:?}");
        }
    }
}
