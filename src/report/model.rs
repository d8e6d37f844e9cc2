//! The report's view model: everything a report shows for one [`Query`]
//! (filters and order), computed once from the dispute graph — disputes with
//! their blocks and timelines, the actor roll-up, who answers whom, the
//! articles. Renderers only draw it.

use crate::claim::{LinkKind, Stance};
use crate::dispute::{Block, Query, Sort, build, date};
use crate::store::{ClaimAt, Store};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeMap;

/// One claim as a report shows it: resolved, with its article and side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimView {
    /// `ARTICLE-ID#CLAIM-ID`, unique in the directory.
    pub id: String,
    /// The article id (the claim file's stem).
    pub article: String,
    /// The claim id within its file.
    pub claim: String,
    /// Publication date of the article: `published`, else the date its id
    /// starts with (the date every filter and order uses).
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
    /// The reviewer's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
            note: c.note.clone(),
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
    /// 1-based number among the disputes, in report order; absent for the
    /// other groups `--all` shows (linked but uncontested, or unlinked), so
    /// that a dispute has the same number with and without `--all`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<usize>,
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
    /// `rebuts` links from those claims to another side's claims: the
    /// sum of its [`Exchange`] rows.
    pub rebuttals: usize,
    /// `counters` links from those claims to another side's claims.
    pub counters: usize,
    /// `supports` links from those claims to another side's claims.
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
    /// Publication date: `published`, else the date the id starts with.
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
    /// Disputes shown: groups of linked claims holding a contested claim
    /// that is selected or answered by a selected claim.
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
        // `build` already ordered the blocks by responses. Disputes (groups
        // showing a contested block) come first, in the order of their first
        // contested block, so `--all` only appends groups and never
        // renumbers a dispute; the other groups follow.
        let mut order: Vec<usize> = Vec::new();
        let mut by_dispute: FxHashMap<usize, Vec<&Block>> = FxHashMap::default();
        for b in shown.iter().filter(|b| b.contested) {
            by_dispute.entry(b.dispute).or_insert_with(|| {
                order.push(b.dispute);
                Vec::new()
            });
        }
        let disputed = order.len();
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
                    number: (n < disputed).then_some(n + 1),
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
        let summary = Summary {
            files: store.files.len(),
            claims: sel.len(),
            contested: sel.iter().filter(|at| contested.contains(at)).count(),
            disputes: disputed,
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
        let [rebuts, counters, supports] = answers_to_others(store, who, at);
        s.rebuttals += rebuts;
        s.counters += counters;
        s.supports += supports;
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

/// The sides a claim answers, one entry per resolved `rebuts`, `counters`
/// or `supports` link to a claim of another side: the one count behind both
/// the actor table and the exchanges, so they always add up.
fn answered_sides<'w>(store: &Store, who: &'w Claimants, at: ClaimAt) -> impl Iterator<Item = (usize, &'w str)> {
    let c = store.claim(at);
    let from = who.side(&c.claimant);
    [LinkKind::Rebuts, LinkKind::Counters, LinkKind::Supports]
        .into_iter()
        .enumerate()
        .flat_map(move |(i, kind)| c.links(kind).iter().map(move |r| (i, r)))
        .filter_map(move |(i, r)| store.resolve(at.0, r).map(|t| (i, who.side(&store.claim(t).claimant))))
        .filter(move |&(_, to)| to != from)
}

/// A claim's rebuts, counters and supports links to other sides.
fn answers_to_others(store: &Store, who: &Claimants, at: ClaimAt) -> [usize; 3] {
    let mut n = [0; 3];
    for (i, _) in answered_sides(store, who, at) {
        n[i] += 1;
    }
    n
}

fn exchanges(store: &Store, who: &Claimants, sel: &[ClaimAt]) -> Vec<Exchange> {
    let mut map: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for &at in sel {
        let from = who.side(&store.claim(at).claimant);
        for (i, to) in answered_sides(store, who, at) {
            map.entry((from.to_string(), to.to_string())).or_default()[i] += 1;
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

/// The word a report uses for a response's relation to its claim.
pub(crate) fn relation(kind: LinkKind, stance: Stance) -> &'static str {
    match (kind, stance) {
        (LinkKind::Rebuts, Stance::Denies) => "denies",
        (LinkKind::Rebuts, Stance::Asserts) => "rebuts",
        (LinkKind::Counters, _) => "counters",
        (LinkKind::Supports, _) => "supports",
        (LinkKind::SameAs, _) => "repeats",
    }
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
    fn claimant_filter_shows_the_block_of_a_selected_member() {
        let s = store();
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
