//! The graph of claims joined by rebuts, counters, supports and same_as:
//! which claims are contested, how they group into disputes, and the blocks
//! a report prints; and the [`Query`] that selects and orders them.
//!
//! [`build`] computes the graph. The report's view model
//! ([`crate::report::Briefing`]) is built from it and knows the graph, never
//! the other way round.

mod query;

pub use query::{Query, Sort};

use crate::claim::LinkKind;
use crate::store::{ClaimAt, Store};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

/// A claim that answers another.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Response {
    /// The answering claim.
    pub claim: ClaimAt,
    /// How it answers.
    pub kind: LinkKind,
}

/// One block of the report: a claim and the claims that answer it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    /// The claim.
    pub claim: ClaimAt,
    /// Rebuttals, counter-claims, supports and repeats, in date order.
    pub responses: Vec<Response>,
    /// Some claim by another claimant rebuts or counters it.
    pub contested: bool,
    /// Index of the dispute (connected group) it belongs to.
    pub dispute: usize,
}

/// Everything a report shows, computed once.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Disputes {
    /// Blocks to print: contested claims (or every claim with `all`), most
    /// answered first, then by date.
    pub blocks: Vec<Block>,
    /// Number of claims in the store.
    pub claims: usize,
    /// Number of contested claims.
    pub contested: usize,
    /// Number of disputes: connected groups of linked claims holding a
    /// contested claim (the one definition every report uses).
    pub disputes: usize,
    /// Number of articles (claim files).
    pub articles: usize,
}

/// Builds the model. With `all`, uncontested claims get blocks too.
pub(crate) fn build(store: &Store, all: bool) -> Disputes {
    let locs: Vec<ClaimAt> = store.all().collect();
    let slot: FxHashMap<ClaimAt, usize> = locs.iter().enumerate().map(|(i, &at)| (at, i)).collect();
    let mut parent: Vec<usize> = (0..locs.len()).collect();
    let mut responses: Vec<Vec<Response>> = vec![Vec::new(); locs.len()];
    let mut contested = vec![false; locs.len()];
    for (i, &at) in locs.iter().enumerate() {
        let claim = store.claim(at);
        for kind in LinkKind::ALL {
            for r in claim.links(kind) {
                let Some(target) = store.resolve(at.0, r) else { continue };
                let j = slot[&target];
                union(&mut parent, i, j);
                responses[j].push(Response { claim: at, kind });
                let other = store.claim(target).claimant != claim.claimant;
                if other && matches!(kind, LinkKind::Rebuts | LinkKind::Counters) {
                    contested[j] = true;
                }
            }
        }
    }
    let mut disputed: FxHashSet<usize> = FxHashSet::default();
    for i in (0..locs.len()).filter(|&i| contested[i]) {
        disputed.insert(find(&mut parent, i));
    }
    let mut dispute_ids: FxHashMap<usize, usize> = FxHashMap::default();
    let mut blocks = Vec::new();
    for i in 0..locs.len() {
        let root = find(&mut parent, i);
        let next = dispute_ids.len();
        let dispute = *dispute_ids.entry(root).or_insert(next);
        if !(contested[i] || all) {
            continue;
        }
        let mut rs = std::mem::take(&mut responses[i]);
        rs.sort_by_key(|r| (date(store, r.claim).is_none(), date(store, r.claim), r.kind, r.claim));
        blocks.push(Block {
            claim: locs[i],
            responses: rs,
            contested: contested[i],
            dispute,
        });
    }
    blocks.sort_by(|a, b| {
        b.contested
            .cmp(&a.contested)
            .then(answers(b).cmp(&answers(a)))
            .then(date(store, a.claim).cmp(&date(store, b.claim)))
            .then(a.claim.cmp(&b.claim))
    });
    Disputes {
        contested: contested.iter().filter(|&&c| c).count(),
        disputes: disputed.len(),
        claims: locs.len(),
        articles: store.files.len(),
        blocks,
    }
}

/// Rebuttals and counter-claims of a block.
fn answers(b: &Block) -> usize {
    b.responses
        .iter()
        .filter(|r| matches!(r.kind, LinkKind::Rebuts | LinkKind::Counters))
        .count()
}

/// The publication date of the article a claim is in: `published`, else
/// the date its id starts with ([`crate::article::article_date`]).
pub(crate) fn date(store: &Store, at: ClaimAt) -> Option<NaiveDate> {
    let a = &store.files[at.0].file.article;
    crate::article::article_date(&a.id, a.published)
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
