//! The graph of claims joined by rebuts, counters, supports and same_as:
//! which claims are contested, how they group into disputes, and the blocks
//! a report prints. Renderers only draw this model.
//!
//! [`build`] computes the graph; [`Briefing::new`] turns it into everything a
//! report shows for one [`Query`] (filters and order): disputes with their
//! blocks and timelines, the actor roll-up, who answers whom, the articles.

use crate::claim::{LinkKind, Stance};
use crate::store::{ClaimAt, Store};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// A claim that answers another.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The answering claim.
    pub claim: ClaimAt,
    /// How it answers.
    pub kind: LinkKind,
}

/// One block of the report: a claim and the claims that answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
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
pub struct Disputes {
    /// Blocks to print: contested claims (or every claim with `all`), most
    /// answered first, then by date.
    pub blocks: Vec<Block>,
    /// Number of claims in the store.
    pub claims: usize,
    /// Number of contested claims.
    pub contested: usize,
    /// Number of disputes: connected groups of two or more linked claims.
    pub disputes: usize,
    /// Number of articles (claim files).
    pub articles: usize,
}

/// Builds the model. With `all`, uncontested claims get blocks too.
pub fn build(store: &Store, all: bool) -> Disputes {
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
    let mut group_size: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..locs.len() {
        *group_size.entry(find(&mut parent, i)).or_default() += 1;
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
        disputes: group_size.values().filter(|&&n| n > 1).count(),
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
pub fn date(store: &Store, at: ClaimAt) -> Option<NaiveDate> {
    let a = &store.files[at.0].file.article;
    crate::article::article_date(&a.id, a.published)
}

/// The word a report uses for a response's relation to its claim.
pub fn relation(kind: LinkKind, stance: Stance) -> &'static str {
    match (kind, stance) {
        (LinkKind::Rebuts, Stance::Denies) => "denies",
        (LinkKind::Rebuts, Stance::Asserts) => "rebuts",
        (LinkKind::Counters, _) => "counters",
        (LinkKind::Supports, _) => "supports",
        (LinkKind::SameAs, _) => "repeats",
    }
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

/// How blocks and disputes are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Contested claims first, then the most rebutted and countered, then
    /// the oldest.
    #[default]
    Responses,
    /// Oldest claim first; claims without a date last.
    Date,
}

/// What a report selects and how it orders it. Filters select claims; a
/// block is shown when its claim or one of its responses is selected, and
/// then shown whole, so an exchange always reads complete.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Query {
    /// Claims by this actor or any actor that is `member_of` it (at any depth).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// Claims published on or after this date (claims without a date are left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// Claims published on or before this date (claims without a date are left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// Claims of this article id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Words that must all occur in the content (case-insensitive).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grep: Vec<String>,
    /// Show uncontested claims too.
    pub all: bool,
    /// Order of blocks and disputes.
    pub sort: Sort,
}

impl Query {
    /// True when no filter narrows the claims (`all` and `sort` aside).
    pub fn is_unfiltered(&self) -> bool {
        self.claimant.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.article.is_none()
            && self.grep.is_empty()
    }

    /// The filters in words, for a report's header: `claimant Afghanistan`,
    /// `since 2025-03-01`, `grep "soil"`.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(c) = &self.claimant {
            out.push(format!("claimant {c} (and its members)"));
        }
        if let Some(d) = self.since {
            out.push(format!("since {d}"));
        }
        if let Some(d) = self.until {
            out.push(format!("until {d}"));
        }
        if let Some(a) = &self.article {
            out.push(format!("article {a}"));
        }
        if !self.grep.is_empty() {
            out.push(format!("content has “{}”", self.grep.join(" ")));
        }
        out
    }

    fn selects(&self, store: &Store, at: ClaimAt) -> bool {
        let c = store.claim(at);
        let d = date(store, at);
        if let Some(name) = &self.claimant
            && !within(store, &c.claimant, name)
        {
            return false;
        }
        if self.since.is_some_and(|s| d.is_none_or(|d| d < s)) {
            return false;
        }
        if self.until.is_some_and(|u| d.is_none_or(|d| d > u)) {
            return false;
        }
        if self
            .article
            .as_ref()
            .is_some_and(|a| *a != store.files[at.0].file.article.id)
        {
            return false;
        }
        if self.grep.is_empty() {
            return true;
        }
        let content = c.content.to_lowercase();
        self.grep.iter().all(|w| content.contains(&w.to_lowercase()))
    }
}

/// Whether `claimant` is the actor `group` or one of its members, following
/// `member_of` upwards (cycles stop where they close).
fn within(store: &Store, claimant: &str, group: &str) -> bool {
    let canon = |n: &str| store.actors.get(n).map_or_else(|| n.to_string(), |a| a.name.clone());
    let key = |n: &str| crate::actors::normalise(n);
    let target = key(&canon(group));
    let mut current = canon(claimant);
    let mut seen = HashSet::new();
    loop {
        if key(&current) == target {
            return true;
        }
        if !seen.insert(key(&current)) {
            return false;
        }
        match store.actors.get(&current).and_then(|a| a.member_of.clone()) {
            Some(parent) => current = canon(&parent),
            None => return false,
        }
    }
}

/// One claim as a report shows it: resolved, with its article and side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimView {
    /// `ARTICLE-ID#CLAIM-ID`, unique in the directory.
    pub id: String,
    /// The article id (the claim file's stem).
    pub article: String,
    /// The claim id within its file.
    pub claim: String,
    /// Publication date of the article.
    pub date: Option<NaiveDate>,
    /// Publisher of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Canonical claimant.
    pub claimant: String,
    /// `kind` of the claimant in the actors file (state, person, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant_kind: Option<String>,
    /// The side the claimant rolls up to through `member_of` (itself when none).
    pub side: String,
    /// The words of the text naming the claimant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    /// The attribution cue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Asserts or denies.
    pub stance: Stance,
    /// What is asserted or denied.
    pub content: String,
    /// True when the content is a direct quotation.
    pub quoted: bool,
}

impl ClaimView {
    fn new(store: &Store, who: &Claimants, at: ClaimAt) -> Self {
        let c = store.claim(at);
        let a = &store.files[at.0].file.article;
        ClaimView {
            id: store.full_id(at),
            article: a.id.clone(),
            claim: c.id.clone(),
            date: date(store, at),
            source: a.source.clone(),
            claimant: c.claimant.clone(),
            claimant_kind: who.kind(&c.claimant).map(str::to_string),
            side: who.side(&c.claimant).to_string(),
            mention: c.mention.clone(),
            cue: c.cue.clone(),
            stance: c.stance,
            content: c.content.clone(),
            quoted: c.quoted.unwrap_or(false),
        }
    }
}

/// The side and `kind` of every claimant of a store, looked up once: the
/// actors table normalises a name on every lookup, which costs more than
/// the rest of a claim's view, and a report looks up each claim's side
/// several times.
struct Claimants<'s> {
    /// claimant as written -> (side, kind)
    map: FxHashMap<&'s str, (String, Option<String>)>,
}

impl<'s> Claimants<'s> {
    fn new(store: &'s Store) -> Self {
        let mut map = FxHashMap::default();
        for l in &store.files {
            for c in &l.file.claims {
                map.entry(c.claimant.as_str()).or_insert_with(|| {
                    (
                        store.actors.side(&c.claimant),
                        store.actors.get(&c.claimant).and_then(|x| x.kind.clone()),
                    )
                });
            }
        }
        Claimants { map }
    }

    /// The side of a claimant of the store.
    fn side(&self, claimant: &str) -> &str {
        &self.map[claimant].0
    }

    /// The `kind` of a claimant of the store.
    fn kind(&self, claimant: &str) -> Option<&str> {
        self.map[claimant].1.as_deref()
    }
}

/// A claim answering a block's claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseView {
    /// The link from the response to the claim.
    pub link: LinkKind,
    /// The word for it: denies, rebuts, counters, supports, repeats.
    pub relation: &'static str,
    /// The answering claim.
    #[serde(flatten)]
    pub claim: ClaimView,
}

/// How often a block's claim was answered, by kind of link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    /// Rebuttals (denials and contrary assertions).
    pub rebuts: usize,
    /// Counter-claims.
    pub counters: usize,
    /// Supports.
    pub supports: usize,
    /// Repeats of the claim by the same claimant elsewhere (`same_as`).
    pub repeats: usize,
}

/// A claim and the claims answering it, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockView {
    /// The claim.
    #[serde(flatten)]
    pub claim: ClaimView,
    /// Some claim by another claimant rebuts or counters it.
    pub contested: bool,
    /// Counts of the responses by kind.
    pub answers: Answers,
    /// The responses, oldest first.
    pub responses: Vec<ResponseView>,
}

/// One claim of a dispute's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// What the claim does: denies, rebuts, counters, supports, repeats (its
    /// first link), or its stance (asserts, denies) when it answers nothing.
    pub role: &'static str,
    /// The claim.
    pub claim: ClaimView,
}

/// A connected group of linked claims, as far as the query shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisputeView {
    /// 1-based number in report order.
    pub number: usize,
    /// Sides taking part, in order of first appearance.
    pub sides: Vec<String>,
    /// Earliest date of a shown claim.
    pub first: Option<NaiveDate>,
    /// Latest date of a shown claim.
    pub last: Option<NaiveDate>,
    /// Distinct articles the shown claims come from.
    pub articles: usize,
    /// Claims in the whole group, shown or not.
    pub size: usize,
    /// The blocks: a claim and its responses.
    pub claims: Vec<BlockView>,
    /// Every shown claim (claims and responses, once each) oldest first;
    /// undated claims last. Not part of the JSON output: it is derived.
    #[serde(skip)]
    pub timeline: Vec<TimelineEntry>,
}

/// One side of the actor roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorStats {
    /// The side (an actor without `member_of`, or a claimant not in the actors file).
    pub actor: String,
    /// Its `kind` in the actors file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Claimants rolled up into it that made selected claims, sorted.
    pub members: Vec<String>,
    /// Selected claims made by it or its members.
    pub claims: usize,
    /// How many of those are contested.
    pub contested: usize,
    /// How many of those rebut some claim.
    pub rebuttals: usize,
    /// How many of those counter some claim.
    pub counters: usize,
    /// How many of those support some claim.
    pub supports: usize,
    /// Date of its earliest claim.
    pub first: Option<NaiveDate>,
    /// Date of its latest claim.
    pub last: Option<NaiveDate>,
}

/// Links from one side's selected claims to another side's claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exchange {
    /// The answering side.
    pub from: String,
    /// The side answered.
    pub to: String,
    /// `rebuts` links.
    pub rebuts: usize,
    /// `counters` links.
    pub counters: usize,
    /// `supports` links.
    pub supports: usize,
}

/// An article the report cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleView {
    /// The article id.
    pub id: String,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Claims recorded for it.
    pub claims: usize,
}

/// Counts over the selected claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Claim files read.
    pub files: usize,
    /// Selected claims (every claim when nothing filters).
    pub claims: usize,
    /// Selected claims that are contested.
    pub contested: usize,
    /// Disputes (groups of two or more linked claims) holding a selected claim.
    pub disputes: usize,
    /// Articles holding a selected claim.
    pub articles: usize,
    /// Selected claims a person has reviewed (`reviewed: true`).
    pub reviewed: usize,
}

/// Everything a report shows, computed once; renderers only draw it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// The filters and order used.
    pub query: Query,
    /// Counts over the selected claims.
    pub summary: Summary,
    /// Disputes in report order.
    pub disputes: Vec<DisputeView>,
    /// Actor roll-up over the selected claims, most claims first.
    pub actors: Vec<ActorStats>,
    /// Who answers whom between different sides, most links first.
    pub exchanges: Vec<Exchange>,
    /// Articles of the shown claims, oldest first.
    pub articles: Vec<ArticleView>,
}

impl Briefing {
    /// Computes the report model of `store` for `query`.
    pub fn new(store: &Store, query: &Query) -> Briefing {
        let graph = build(store, true);
        let who = Claimants::new(store);
        let selected: FxHashSet<ClaimAt> = store.all().filter(|&at| query.selects(store, at)).collect();
        let mut group: FxHashMap<usize, usize> = FxHashMap::default();
        for b in &graph.blocks {
            *group.entry(b.dispute).or_default() += 1;
        }
        let contested: FxHashSet<ClaimAt> = graph.blocks.iter().filter(|b| b.contested).map(|b| b.claim).collect();

        // With `all`, a claim that answers nothing back and is already shown
        // as a response elsewhere gets no block of its own: it would only
        // repeat a row.
        let answering: FxHashSet<ClaimAt> = graph
            .blocks
            .iter()
            .flat_map(|b| b.responses.iter().map(|r| r.claim))
            .collect();
        let mut shown: Vec<&Block> = graph
            .blocks
            .iter()
            .filter(|b| b.contested || (query.all && !(b.responses.is_empty() && answering.contains(&b.claim))))
            .filter(|b| involves(b, &selected))
            .collect();
        let key = |at: ClaimAt| (date(store, at).is_none(), date(store, at), at);
        if query.sort == Sort::Date {
            shown.sort_by_key(|b| key(b.claim));
        }
        // `build` already ordered the blocks by responses.
        let mut order: Vec<usize> = Vec::new();
        let mut by_dispute: FxHashMap<usize, Vec<&Block>> = FxHashMap::default();
        for b in shown {
            if !by_dispute.contains_key(&b.dispute) {
                order.push(b.dispute);
            }
            by_dispute.entry(b.dispute).or_default().push(b);
        }

        // Each dispute's view depends only on its own blocks: build them in
        // parallel, in order.
        let views: Vec<(DisputeView, Vec<usize>)> = order
            .par_iter()
            .enumerate()
            .map(|(n, d)| {
                let blocks = &by_dispute[d];
                let mut members: Vec<ClaimAt> = Vec::new();
                let mut seen: FxHashSet<ClaimAt> = FxHashSet::default();
                for b in blocks {
                    for at in std::iter::once(b.claim).chain(b.responses.iter().map(|r| r.claim)) {
                        if seen.insert(at) {
                            members.push(at);
                        }
                    }
                }
                let mut sides: Vec<String> = Vec::new();
                for &at in &members {
                    let s = who.side(&store.claim(at).claimant);
                    if !sides.iter().any(|x| x == s) {
                        sides.push(s.to_string());
                    }
                }
                let dates: Vec<NaiveDate> = members.iter().filter_map(|&at| date(store, at)).collect();
                let mut articles: Vec<usize> = members.iter().map(|at| at.0).collect();
                articles.sort_unstable();
                articles.dedup();
                let mut timeline = members;
                timeline.sort_by_key(|&at| key(at));
                let view = DisputeView {
                    number: n + 1,
                    sides,
                    first: dates.iter().min().copied(),
                    last: dates.iter().max().copied(),
                    articles: articles.len(),
                    size: group[d],
                    claims: blocks.iter().map(|b| block_view(store, &who, b, &contested)).collect(),
                    timeline: timeline
                        .into_iter()
                        .map(|at| TimelineEntry {
                            role: role(store, at),
                            claim: ClaimView::new(store, &who, at),
                        })
                        .collect(),
                };
                (view, articles)
            })
            .collect();
        let mut disputes = Vec::with_capacity(views.len());
        let mut cited: FxHashSet<usize> = FxHashSet::default();
        for (view, articles) in views {
            cited.extend(articles);
            disputes.push(view);
        }

        let mut sel: Vec<ClaimAt> = selected.iter().copied().collect();
        sel.sort();
        let dispute_of: FxHashMap<ClaimAt, usize> = graph.blocks.iter().map(|b| (b.claim, b.dispute)).collect();
        let summary = Summary {
            files: store.files.len(),
            claims: sel.len(),
            contested: sel.iter().filter(|at| contested.contains(at)).count(),
            disputes: sel
                .iter()
                .map(|at| dispute_of[at])
                .filter(|d| group[d] > 1)
                .collect::<FxHashSet<_>>()
                .len(),
            articles: sel.iter().map(|at| at.0).collect::<FxHashSet<_>>().len(),
            reviewed: sel.iter().filter(|&&at| store.claim(at).reviewed == Some(true)).count(),
        };

        let mut articles: Vec<ArticleView> = cited
            .into_iter()
            .map(|i| {
                let a = &store.files[i].file.article;
                ArticleView {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    published: crate::article::article_date(&a.id, a.published),
                    source: a.source.clone(),
                    url: a.url.clone(),
                    claims: store.files[i].file.claims.len(),
                }
            })
            .collect();
        articles.sort_by(|a, b| {
            (a.published.is_none(), a.published, &a.id).cmp(&(b.published.is_none(), b.published, &b.id))
        });

        Briefing {
            query: query.clone(),
            summary,
            disputes,
            actors: actor_stats(store, &who, &sel, &contested),
            exchanges: exchanges(store, &who, &sel),
            articles,
        }
    }
}

/// The block's claim or one of its responses is selected.
fn involves(b: &Block, selected: &FxHashSet<ClaimAt>) -> bool {
    selected.contains(&b.claim) || b.responses.iter().any(|r| selected.contains(&r.claim))
}

fn block_view(store: &Store, who: &Claimants, b: &Block, contested: &FxHashSet<ClaimAt>) -> BlockView {
    let mut answers = Answers::default();
    for r in &b.responses {
        match r.kind {
            LinkKind::Rebuts => answers.rebuts += 1,
            LinkKind::Counters => answers.counters += 1,
            LinkKind::Supports => answers.supports += 1,
            LinkKind::SameAs => answers.repeats += 1,
        }
    }
    BlockView {
        claim: ClaimView::new(store, who, b.claim),
        contested: contested.contains(&b.claim),
        answers,
        responses: b
            .responses
            .iter()
            .map(|r| ResponseView {
                link: r.kind,
                relation: relation(r.kind, store.claim(r.claim).stance),
                claim: ClaimView::new(store, who, r.claim),
            })
            .collect(),
    }
}

/// What a claim does in a timeline: its first link's relation, or its stance.
fn role(store: &Store, at: ClaimAt) -> &'static str {
    let c = store.claim(at);
    LinkKind::ALL
        .into_iter()
        .find(|&k| !c.links(k).is_empty())
        .map_or(c.stance.as_str(), |k| relation(k, c.stance))
}

fn actor_stats(store: &Store, who: &Claimants, sel: &[ClaimAt], contested: &FxHashSet<ClaimAt>) -> Vec<ActorStats> {
    let mut by_side: BTreeMap<String, ActorStats> = BTreeMap::new();
    for &at in sel {
        let c = store.claim(at);
        let side = who.side(&c.claimant);
        let s = by_side.entry(side.to_string()).or_insert_with(|| ActorStats {
            kind: store.actors.get(side).and_then(|a| a.kind.clone()),
            actor: side.to_string(),
            members: Vec::new(),
            claims: 0,
            contested: 0,
            rebuttals: 0,
            counters: 0,
            supports: 0,
            first: None,
            last: None,
        });
        if c.claimant != side && !s.members.contains(&c.claimant) {
            s.members.push(c.claimant.clone());
        }
        s.claims += 1;
        s.contested += usize::from(contested.contains(&at));
        s.rebuttals += usize::from(!c.rebuts.is_empty());
        s.counters += usize::from(!c.counters.is_empty());
        s.supports += usize::from(!c.supports.is_empty());
        if let Some(d) = date(store, at) {
            s.first = Some(s.first.map_or(d, |f| f.min(d)));
            s.last = Some(s.last.map_or(d, |l| l.max(d)));
        }
    }
    let mut out: Vec<ActorStats> = by_side.into_values().collect();
    for s in &mut out {
        s.members.sort();
    }
    out.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.actor.cmp(&b.actor)));
    out
}

fn exchanges(store: &Store, who: &Claimants, sel: &[ClaimAt]) -> Vec<Exchange> {
    let mut map: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for &at in sel {
        let c = store.claim(at);
        let from = who.side(&c.claimant);
        for (i, kind) in [LinkKind::Rebuts, LinkKind::Counters, LinkKind::Supports]
            .into_iter()
            .enumerate()
        {
            for r in c.links(kind) {
                let Some(target) = store.resolve(at.0, r) else { continue };
                let to = who.side(&store.claim(target).claimant);
                if to != from {
                    map.entry((from.to_string(), to.to_string())).or_default()[i] += 1;
                }
            }
        }
    }
    let mut out: Vec<Exchange> = map
        .into_iter()
        .map(|((from, to), [rebuts, counters, supports])| Exchange {
            from,
            to,
            rebuts,
            counters,
            supports,
        })
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.rebuts + e.counters + e.supports));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::claim::{Actor, ActorsFile, ArticleMeta, Claim, ClaimFile};
    use crate::store::Loaded;

    fn actor(name: &str, member_of: Option<&str>) -> Actor {
        Actor {
            name: name.into(),
            member_of: member_of.map(Into::into),
            ..Actor::default()
        }
    }

    /// Two articles: A asserts, B (a member of B-side) rebuts across files,
    /// C supports; plus an unlinked claim.
    fn store() -> Store {
        let actors = Actors::new(&ActorsFile {
            schema: crate::claim::ACTORS_SCHEMA.into(),
            actors: vec![
                actor("North", None),
                actor("South", None),
                actor("South Office", Some("South")),
                actor("Loop1", Some("Loop2")),
                actor("Loop2", Some("Loop1")),
            ],
        });
        let mut one = ClaimFile::new(ArticleMeta {
            id: "one".into(),
            published: NaiveDate::from_ymd_opt(2025, 1, 1),
            ..ArticleMeta::default()
        });
        one.claims = vec![
            Claim::new("c1", "North", Stance::Asserts, "the bridge was shelled"),
            Claim::new("c2", "Loop1", Stance::Asserts, "unrelated news"),
        ];
        let mut two = ClaimFile::new(ArticleMeta {
            id: "two".into(),
            published: NaiveDate::from_ymd_opt(2025, 2, 1),
            ..ArticleMeta::default()
        });
        let mut r = Claim::new("c1", "South Office", Stance::Denies, "the bridge was shelled");
        r.rebuts = vec!["one#c1".into()];
        let mut s = Claim::new("c2", "North", Stance::Asserts, "photos show the bridge");
        s.supports = vec!["one#c1".into()];
        two.claims = vec![r, s];
        let files = [one, two]
            .into_iter()
            .map(|file| Loaded {
                path: format!("{}.yaml", file.article.id).into(),
                file,
            })
            .collect();
        Store::from_files(files, actors)
    }

    #[test]
    fn contested_claims_group_into_one_dispute_with_sides() {
        let b = Briefing::new(&store(), &Query::default());
        assert_eq!(b.disputes.len(), 1);
        let d = &b.disputes[0];
        assert_eq!(d.sides, ["North", "South"]);
        assert_eq!(d.size, 3);
        assert_eq!(d.claims[0].claim.id, "one#c1");
        assert_eq!(d.claims[0].answers.rebuts, 1);
        assert_eq!(d.claims[0].responses[0].relation, "denies");
        assert_eq!(d.claims[0].responses[0].claim.side, "South");
        let roles: Vec<&str> = d.timeline.iter().map(|e| e.role).collect();
        assert_eq!(roles, ["asserts", "denies", "supports"]);
        assert_eq!((b.summary.claims, b.summary.contested, b.summary.disputes), (4, 1, 1));
        assert_eq!(
            b.exchanges,
            [Exchange {
                from: "South".into(),
                to: "North".into(),
                rebuts: 1,
                counters: 0,
                supports: 0
            }]
        );
    }

    #[test]
    fn all_adds_unlinked_claims_but_not_bare_responses() {
        let b = Briefing::new(
            &store(),
            &Query {
                all: true,
                ..Query::default()
            },
        );
        let ids: Vec<&str> = b
            .disputes
            .iter()
            .flat_map(|d| &d.claims)
            .map(|c| c.claim.id.as_str())
            .collect();
        assert_eq!(ids, ["one#c1", "one#c2"]);
    }

    #[test]
    fn claimant_filter_takes_members_and_survives_member_of_cycles() {
        let s = store();
        assert!(within(&s, "South Office", "South"));
        assert!(within(&s, "south office", "SOUTH"));
        assert!(!within(&s, "South", "South Office"));
        assert!(within(&s, "Loop1", "Loop2"));
        assert!(!within(&s, "Loop1", "North"));
        let b = Briefing::new(
            &s,
            &Query {
                claimant: Some("South".into()),
                ..Query::default()
            },
        );
        assert_eq!(b.summary.claims, 1);
        assert_eq!(b.disputes.len(), 1, "the block holding the selected response is shown");
        assert_eq!(b.actors.len(), 1);
        assert_eq!(b.actors[0].members, ["South Office"]);
    }

    #[test]
    fn date_filters_drop_undated_and_out_of_range_claims() {
        let s = store();
        let q = Query {
            since: NaiveDate::from_ymd_opt(2025, 1, 15),
            ..Query::default()
        };
        let b = Briefing::new(&s, &q);
        assert_eq!(b.summary.claims, 2);
        let q = Query {
            until: NaiveDate::from_ymd_opt(2025, 1, 15),
            grep: vec!["BRIDGE".into()],
            ..Query::default()
        };
        let b = Briefing::new(&s, &q);
        assert_eq!(b.summary.claims, 1);
        assert_eq!(q.describe(), ["until 2025-01-15", "content has “BRIDGE”"]);
    }
}
