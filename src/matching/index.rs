//! The inverted index that finds, for a claim, the claims worth scoring.

use super::similarity::{Prepared, score, score_bound};

/// An inverted index over a set of prepared claims: term → the claims
/// that hold it.
///
/// Terms held by many claims (more than [`common_cutoff`]) are *common*:
/// their posting lists are not walked to find candidates, which keeps a
/// search from touching most of a large directory. This loses no match:
/// two claims that share only common terms have a similarity of at most
/// the larger of their two shares of weight in common terms (similarity ≤
/// overlap ≤ shared weight over the smaller claim's weight), so the search
/// walks the common postings too when the query's share reaches the
/// threshold, and always scores the few indexed claims whose share does.
#[derive(Debug)]
pub struct Index<'a> {
    claims: &'a [Prepared],
    /// term id -> (claim, the claim's weight of the term)
    postings: Vec<Vec<(u32, f64)>>,
    /// term id -> held by more than `cutoff` claims
    common: Vec<bool>,
    /// (share of weight in common terms, claim), largest share first.
    heavy: Vec<(f64, u32)>,
}

/// The buffers of one thread's searches ([`Index::scratch`]).
#[derive(Debug)]
pub struct Scratch {
    /// claim -> shared weight accumulated so far (zero between searches)
    acc: Vec<f64>,
    /// The claims whose accumulator a search touched.
    touched: Vec<u32>,
    /// (claim, shared weight) of the candidates to score.
    found: Vec<(u32, f64)>,
}

/// The document frequency above which a term is common in an index of `n`
/// claims.
pub fn common_cutoff(n: usize) -> usize {
    (n / 32).max(64)
}

impl<'a> Index<'a> {
    /// Indexes `claims` by term.
    pub fn new(claims: &'a [Prepared]) -> Self {
        let terms = claims
            .iter()
            .flat_map(|c| c.terms.iter().map(|&(t, _)| t as usize + 1))
            .max()
            .unwrap_or(0);
        let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); terms];
        for (i, c) in claims.iter().enumerate() {
            for &(t, w) in &c.terms {
                postings[t as usize].push((i as u32, w));
            }
        }
        let cutoff = common_cutoff(claims.len());
        let common = postings.iter().map(|l| l.len() > cutoff).collect();
        let mut index = Index {
            claims,
            postings,
            common,
            heavy: Vec::new(),
        };
        let mut heavy: Vec<(f64, u32)> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| (index.common_share(c), i as u32))
            .filter(|&(share, _)| share > 0.0)
            .collect();
        heavy.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        index.heavy = heavy;
        index
    }

    fn is_common(&self, term: u32) -> bool {
        self.common.get(term as usize).copied().unwrap_or(false)
    }

    /// The posting list of a term (empty for a term no indexed claim has).
    fn list(&self, term: u32) -> &[(u32, f64)] {
        self.postings.get(term as usize).map_or(&[], Vec::as_slice)
    }

    /// The share of a claim's weight that lies in common terms.
    fn common_share(&self, c: &Prepared) -> f64 {
        if c.norm <= 0.0 {
            return 0.0;
        }
        let common: f64 = c.terms.iter().filter(|(t, _)| self.is_common(*t)).map(|(_, w)| w).sum();
        common / c.norm
    }

    /// The indexed claims whose [`similarity`](super::similarity()) with `query` is at least
    /// `threshold`, best first (ties by index). Only claims that share a
    /// term with the query are looked at (see [`Index`] for common terms).
    pub fn search(&self, query: &Prepared, threshold: f64) -> Vec<(usize, f64)> {
        self.search_with(query, threshold, &mut self.scratch())
    }

    /// Zeroed buffers for [`Index::search_with`].
    pub fn scratch(&self) -> Scratch {
        Scratch {
            acc: vec![0.0; self.claims.len()],
            touched: Vec::new(),
            found: Vec::new(),
        }
    }

    /// [`Index::search`] with the buffers of [`Index::scratch`], the
    /// accumulator all zero again on return: one per thread lets threads
    /// share the index, and a search that walks long posting lists
    /// allocates nothing but its result.
    pub fn search_with(&self, query: &Prepared, threshold: f64, scratch: &mut Scratch) -> Vec<(usize, f64)> {
        let Scratch { acc, touched, found } = scratch;
        touched.clear();
        found.clear();
        if self.common_share(query) >= threshold {
            // Walk every posting list, accumulating shared weights.
            for &(t, w) in &query.terms {
                for &(c, theirs) in self.list(t) {
                    if acc[c as usize] == 0.0 {
                        touched.push(c);
                    }
                    acc[c as usize] += w.min(theirs);
                }
            }
            for &c in touched.iter() {
                found.push((c, std::mem::take(&mut acc[c as usize])));
            }
        } else {
            // Candidates share a term that is not common, or put most of
            // their weight in common terms. Shared weights of the rare terms
            // are accumulated; the common terms can add at most the query's
            // own weight of them, so a candidate is scored exactly only when
            // that bound could reach the threshold.
            let common_weight: f64 = query
                .terms
                .iter()
                .filter(|(t, _)| self.is_common(*t))
                .map(|(_, w)| w)
                .sum();
            for &(t, w) in &query.terms {
                if !self.is_common(t) {
                    for &(c, theirs) in self.list(t) {
                        if acc[c as usize] == 0.0 {
                            touched.push(c);
                        }
                        acc[c as usize] += w.min(theirs);
                    }
                }
            }
            for &(_, c) in self.heavy.iter().take_while(|(share, _)| *share >= threshold) {
                if acc[c as usize] == 0.0 {
                    touched.push(c);
                    acc[c as usize] = f64::MIN_POSITIVE;
                }
            }
            for &c in touched.iter() {
                let partial = std::mem::take(&mut acc[c as usize]);
                let other = &self.claims[c as usize];
                if score_bound(query, other, partial + common_weight) >= threshold {
                    found.push((c, query.shared_weight(other)));
                }
            }
        }
        let mut out: Vec<(usize, f64)> = found
            .drain(..)
            .filter(|&(c, shared)| shared > 0.0 && score_bound(query, &self.claims[c as usize], shared) >= threshold)
            .map(|(c, shared)| (c as usize, score(query, &self.claims[c as usize], shared)))
            .filter(|&(_, s)| s >= threshold)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Stance;
    use crate::matching::similarity;
    use crate::matching::tests::prep;

    #[test]
    fn index_finds_what_pairwise_scoring_finds() {
        let p = prep(&[
            ("militants operate from Afghan soil", Stance::Asserts),
            ("one border guard was killed in the skirmish", Stance::Asserts),
            ("the militants used Afghan territory", Stance::Asserts),
            ("a swift resolution", Stance::Asserts),
        ]);
        let index = Index::new(&p[..2]);
        let hits = index.search(&p[2], 0.0);
        assert_eq!(index.search(&p[2], 0.99), [], "nothing that similar");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, 0);
        assert!((hits[0].1 - similarity(&p[2], &p[0])).abs() < 1e-9);
        assert!(index.search(&p[3], 0.0).is_empty(), "no shared term, no candidate");
    }

    /// The pruning of common terms loses nothing: on a set where most terms

    #[test]
    fn common_term_pruning_is_exact() {
        let words = [
            "pakistan",
            "afghan",
            "soil",
            "militants",
            "border",
            "attack",
            "talks",
            "trade",
        ];
        let mut contents = Vec::new();
        let mut x: u64 = 3;
        for k in 0..400 {
            let mut c = Vec::new();
            for _ in 0..(2 + k % 5) {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                c.push(words[(x >> 33) as usize % words.len()].to_string());
            }
            c.push(format!("rare{}", k % 150));
            contents.push(c.join(" "));
        }
        let pairs: Vec<(&str, Stance)> = contents.iter().map(|c| (c.as_str(), Stance::Asserts)).collect();
        let p = prep(&pairs);
        let (indexed, queries) = p.split_at(300);
        let index = Index::new(indexed);
        assert!(index.common.iter().any(|&c| c), "some terms are common");
        for threshold in [0.3, 0.5, 0.7] {
            for q in queries {
                let mut naive: Vec<(usize, f64)> = indexed
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (i, similarity(q, o)))
                    .filter(|&(_, s)| s >= threshold)
                    .collect();
                naive.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                assert_eq!(index.search(q, threshold), naive);
            }
        }
    }
}
