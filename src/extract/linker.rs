//! The learned linker: for each ordered pair of claims (B, A) it decides
//! whether B contests A (`rebuts` or `counters`), backs it (`supports`) or
//! neither. Two logistic regressions over hashed features of the pair, one
//! for contesting and one for supporting, trained on reference claim files
//! (`claimtrack train --links`).
//!
//! The rules of [`super::link`] were written from nine articles and fire on
//! their phrasings ("denied the allegations"); on other disputes most
//! answers state an incompatible account instead. The features here are
//! general: the two sides, their stances, negation, the cue's class, how
//! much and what the contents share (rare terms, names, figures), which
//! side each content names, order and distance, and, during extraction,
//! what the rules proposed. The kind of a contest follows from the answer:
//! a denial or a negated content `rebuts`, any other claim `counters`.
//!
//! Pairs are taken within an article (up to [`WINDOW`] claims apart) and,
//! for several articles, across articles published within [`CROSS_DAYS`]
//! days of each other whose contents share terms (found through the
//! inverted index of [`crate::matching`]), so linking a directory stays far
//! from all pairs.

use super::lexicon::{Lexicon, WordClass};
use super::weights::fixed;
use crate::actors::Actors;
use crate::claim::{Claim, LinkKind, Stance};
use crate::matching::{self, Prepared, Vocabulary};
use chrono::NaiveDate;

/// Number of weights of each of the two models (hashed feature space).
pub const DIM: usize = 1 << 12;
/// Least probability for a `supports` link to be proposed.
pub const THRESHOLD: f32 = 0.3;
/// Least probability for a contest (`rebuts`/`counters`) among claims
/// extracted from text. Their pairs carry the rules' proposals as features,
/// and most reference links of the disputes the rules were written from
/// have one, so a pair without one scores lower than a reviewed pair:
/// extracted claims get their own threshold. Both are calibrated by
/// `claimtrack eval lodo` (best pooled F1 over [`CALIBRATION_GRID`], each
/// dispute held out; these are what the rule picks on all disputes).
pub const EXTRACTED_THRESHOLD: f32 = 0.175;
/// Least probability for a contest among claims of reviewed claim files
/// (`claimtrack link`), calibrated as [`EXTRACTED_THRESHOLD`].
pub const REVIEWED_THRESHOLD: f32 = 0.2;
/// The contest thresholds `eval lodo` calibrates over.
pub const CALIBRATION_GRID: [f32; 11] = [0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
/// Most claims one claim contests: a denial may answer the same accusation
/// reported twice (headline and body), rarely more.
pub const MAX_TARGETS: usize = 2;
/// Articles published at most this many days apart may answer each other.
pub const CROSS_DAYS: i64 = 7;
/// Least similarity for two claims of different articles to be a candidate
/// pair (they must share something).
const CROSS_MIN_SIMILARITY: f64 = 0.05;
/// Claims on either side of a claim in its article that may be linked to it.
pub const WINDOW: usize = 30;
/// Most candidate pairs within one article (see [`window`]).
pub const PAIR_BUDGET: usize = 4_000_000;
/// Most claims of other articles a claim is paired with, the most similar.
const CROSS_MAX: usize = 50;
/// Gradient descent passes over the examples.
const ITERATIONS: usize = 400;
/// Step size of gradient descent.
const RATE: f64 = 1.0;
/// L2 penalty per weight of the built-in linker: what `claimtrack eval
/// lodo`'s calibration picks from [`L2_GRID`] on all disputes.
pub const L2: f64 = 1e-3;
/// The penalties `eval lodo` calibrates over, with the thresholds: how
/// much the weights may fit the disputes trained on is what decides how
/// well they carry to a new one.
pub const L2_GRID: [f64; 4] = [1e-4, 3e-4, 1e-3, 3e-3];

/// First bytes of a linker file.
pub const LINKER_MAGIC: &[u8] = b"claimtrack-linker/1\n";

/// Trained weights of the two pairwise models.
#[derive(Debug, Clone, PartialEq)]
pub struct Linker {
    contest: Vec<f32>,
    support: Vec<f32>,
    /// The contest thresholds it proposes with (not in the file).
    pub thresholds: Thresholds,
}

/// Least contest probabilities, by where the claims come from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Thresholds {
    /// Claims extracted from text ([`EXTRACTED_THRESHOLD`]).
    pub extracted: f32,
    /// Claims of reviewed claim files ([`REVIEWED_THRESHOLD`]).
    pub reviewed: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            extracted: EXTRACTED_THRESHOLD,
            reviewed: REVIEWED_THRESHOLD,
        }
    }
}

impl Linker {
    /// The linker compiled into the binary.
    pub fn builtin() -> &'static Linker {
        static LINKER: std::sync::OnceLock<Linker> = std::sync::OnceLock::new();
        LINKER.get_or_init(|| {
            Linker::parse(include_bytes!("model/linker.model")).expect("the compiled-in linker is valid")
        })
    }

    /// A linker from the bytes of a linker file ([`LINKER_MAGIC`], then the
    /// contest and the support weights as little-endian `f32`s).
    pub fn parse(bytes: &[u8]) -> Result<Linker, String> {
        let rest = bytes.strip_prefix(LINKER_MAGIC).ok_or("not a linker file")?;
        if rest.len() != 2 * DIM * 4 {
            return Err(format!(
                "linker weights: expected {} bytes, found {}",
                2 * DIM * 4,
                rest.len()
            ));
        }
        let (a, b) = rest.split_at(DIM * 4);
        Ok(Linker {
            contest: super::weights::from_bytes(a, DIM, "contest")?,
            support: super::weights::from_bytes(b, DIM, "support")?,
            thresholds: Thresholds::default(),
        })
    }

    /// The bytes of a linker file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = LINKER_MAGIC.to_vec();
        out.extend(super::weights::to_bytes(&self.contest));
        out.extend(super::weights::to_bytes(&self.support));
        out
    }
}

/// What the rules of extraction proposed for a claim: the claims of its
/// article (by index) it rebuts, counters or supports. Absent for claim
/// files read from disk.
pub type Hints = Vec<(usize, LinkKind)>;

/// One article's claims as the linker sees them.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// The article's claims in order.
    pub claims: &'a [Claim],
    /// When it was published, to pair articles of one event.
    pub date: Option<NaiveDate>,
    /// Per claim, the links the rules proposed (extraction only).
    pub hints: Option<&'a [Hints]>,
}

/// A claim located among several articles: (article, claim).
pub type At = (usize, usize);

/// One proposed link: `from` rebuts, counters or supports `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The answering claim.
    pub from: At,
    /// The claim it answers.
    pub to: At,
    /// Which link.
    pub kind: LinkKind,
    /// The model's probability, 0 to 1.
    pub score: f32,
}

/// What a reference says about an ordered pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// No link.
    None,
    /// `rebuts` or `counters`.
    Contest,
    /// `supports`.
    Support,
}

/// Per-claim facts computed once. Sides are numbered (see [`Sides`]), so
/// that comparing a pair compares numbers.
struct Node {
    side: u32,
    claimant: String,
    denies: bool,
    negated: bool,
    /// The cue's class, a code of [`CUE`] ([`cue_class`]).
    cue: u8,
    quoted: bool,
    prepared: Prepared,
    named: Vec<u32>,
    /// The side the content opens with, roughly who does what it tells.
    lead: Option<u32>,
}

/// Side names numbered in order of appearance.
#[derive(Default)]
struct Sides(rustc_hash::FxHashMap<String, u32>);

impl Sides {
    fn id(&mut self, side: String) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(side).or_insert(next)
    }
}

/// The side a content opens with: the claimant's own for "it", "we",
/// "their"…, else the first side named in its first six words, else the
/// agent of a passive ("the station was hit by Russian forces"). An
/// accusation opens with the accused ("Russia carried out the attack"), a
/// counter-accusation with the accuser ("it was China's actions that
/// caused…"), a defence with the speaker ("it did not launch an attack").
fn lead(actors: &Actors, lex: &Lexicon, content: &str, own: &str) -> Option<String> {
    // (An ASCII text without a vertical tab splits at ASCII white space
    // where `split_whitespace` splits it, without decoding characters.)
    let words: Vec<&str> = if content.bytes().all(|b| b.is_ascii() && b != 0x0b) {
        content.split_ascii_whitespace().collect()
    } else {
        content.split_whitespace().collect()
    };
    // ("Friday it did not launch …": a time word before the subject.)
    let first = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .find(|w| !lex.is(WordClass::TIME, w));
    if first
        .as_deref()
        .is_some_and(|w| matches!(w, "it" | "its" | "we" | "our" | "they" | "their"))
    {
        return Some(own.to_string());
    }
    if let Some(side) = actors
        .sides_named(&words[..words.len().min(6)].join(" "))
        .into_iter()
        .next()
    {
        return Some(side);
    }
    let by = words.iter().position(|w| *w == "by")?;
    actors
        .sides_named(&words[by + 1..words.len().min(by + 5)].join(" "))
        .into_iter()
        .next()
}

/// The class of a cue, a code of [`CUE`]: the last word of it the lexicon
/// knows decides.
fn cue_class(lex: &Lexicon, cue: Option<&str>) -> u8 {
    let Some(cue) = cue else {
        return 0;
    };
    let mut out = 1;
    for w in cue.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let lower = w.to_lowercase();
        if let Some(c) = lex.cue(&lower) {
            out = if c.stance == Stance::Denies {
                2
            } else if c.accuse {
                3
            } else if c.evidence {
                4
            } else {
                1
            };
        } else if matches!(
            lower.as_str(),
            "baseless" | "false" | "unfounded" | "lies" | "propaganda"
        ) {
            out = 2;
        }
    }
    out
}

/// The linker's view of a set of articles.
struct Graph<'a> {
    docs: &'a [Doc<'a>],
    nodes: Vec<Vec<Node>>,
    /// Per article: side -> the first claim by another side that names it.
    first_naming: Vec<rustc_hash::FxHashMap<u32, usize>>,
}

impl<'a> Graph<'a> {
    fn new(docs: &'a [Doc<'a>], actors: &Actors, lex: &Lexicon) -> Self {
        // The terms are counted before any is weighed. Up to KEEP_FEATURES
        // claims, each claim's features are kept from counting to weighing;
        // above, they are made twice and never all held at once (a 50 MB
        // article makes a million claims).
        let total: usize = docs.iter().map(|d| d.claims.len()).sum();
        let all = || docs.iter().flat_map(|d| d.claims.iter().map(matching::features));
        let kept: Vec<matching::Features> = if total <= KEEP_FEATURES {
            all().collect()
        } else {
            Vec::new()
        };
        let vocab = if total <= KEEP_FEATURES {
            Vocabulary::new(&kept)
        } else {
            Vocabulary::new(all())
        };
        let mut kept = kept.into_iter();
        let claimant_sides = actors.mention_sides(docs.iter().flat_map(|d| d.claims));
        let mut sides = Sides::default();
        let mut nodes: Vec<Vec<Node>> = Vec::with_capacity(docs.len());
        for d in docs {
            let mut article = Vec::with_capacity(d.claims.len());
            for c in d.claims {
                let f = kept.next().unwrap_or_else(|| matching::features(c));
                let side = claimant_sides
                    .get(c.claimant.as_str())
                    .cloned()
                    .unwrap_or_else(|| actors.side(&c.claimant));
                let lead = lead(actors, lex, &c.content, &side).map(|s| sides.id(s));
                article.push(Node {
                    side: sides.id(side),
                    lead,
                    claimant: c.claimant.to_lowercase(),
                    denies: c.stance == Stance::Denies,
                    negated: f.flips.contains(&"negation"),
                    cue: cue_class(lex, c.cue.as_deref()),
                    quoted: c.quoted == Some(true),
                    prepared: vocab.prepare(&f),
                    named: actors
                        .sides_named(&c.content)
                        .into_iter()
                        .map(|s| sides.id(s))
                        .collect(),
                });
            }
            nodes.push(article);
        }
        let first_naming = nodes
            .iter()
            .map(|article: &Vec<Node>| {
                let mut first = rustc_hash::FxHashMap::default();
                for (i, n) in article.iter().enumerate() {
                    for &named in n.named.iter().filter(|&&s| s != n.side) {
                        first.entry(named).or_insert(i);
                    }
                }
                first
            })
            .collect();
        Graph {
            docs,
            nodes,
            first_naming,
        }
    }

    fn node(&self, at: At) -> &Node {
        &self.nodes[at.0][at.1]
    }

    /// Whether both claims deny (or negate) the same words: they agree,
    /// whoever says them, so neither contests the other ("The Taliban
    /// rejected the allegations", "Kabul denied such claims").
    fn deny_alike(&self, b: At, a: At) -> bool {
        !self.node(b).prepared.positive
            && !self.node(a).prepared.positive
            && self.docs[b.0].claims[b.1]
                .content
                .eq_ignore_ascii_case(&self.docs[a.0].claims[a.1].content)
    }

    /// The claim before `at` when the two are one reciprocal accusation
    /// written once per side ("Armenia and Azerbaijan blame each other for
    /// A"): the same reciprocal cue and content, different sides. What the
    /// words say decides that pair, not the weights: a dispute whose
    /// training folds hold no such sentence would otherwise miss it.
    fn reciprocal_partner(&self, at: At) -> Option<usize> {
        let p = at.1.checked_sub(1)?;
        let claims = self.docs[at.0].claims;
        let (b, a) = (&claims[at.1], &claims[p]);
        let cue = b.cue.as_deref()?;
        (a.cue.as_deref() == Some(cue)
            && a.content == b.content
            && self.node(at).side != self.node((at.0, p)).side
            && super::patterns::is_reciprocal_cue(cue))
        .then_some(p)
    }

    /// The candidate answers to `from`: claims of its article within the
    /// window, and claims of nearby articles that share terms with it.
    fn candidates(&self, from: At, cross: &[Vec<usize>], index: &CrossIndex<'_>) -> Vec<At> {
        let n = self.docs[from.0].claims.len();
        let window = window(n);
        let lo = from.1.saturating_sub(window);
        let hi = (from.1 + window + 1).min(n);
        let mut out: Vec<At> = (lo..hi).filter(|&j| j != from.1).map(|j| (from.0, j)).collect();
        if !cross[from.0].is_empty() {
            out.extend(
                index
                    .index
                    .search(&self.node(from).prepared, CROSS_MIN_SIMILARITY)
                    .into_iter()
                    .map(|(k, _)| index.at[k])
                    .filter(|at| at.0 != from.0 && cross[from.0].binary_search(&at.0).is_ok())
                    .take(CROSS_MAX),
            );
        }
        out
    }

    /// The features of the pair (from answers to), given to `f`.
    fn features(&self, from: At, to: At, rank: usize, c: &matching::Components, f: &mut impl Sink) {
        let b = self.node(from);
        let a = self.node(to);
        f.clear();
        // (Each part is a code of the values its template lists in
        // [`TEMPLATES`]; the comments name the values.)
        // same, other
        let same_side = u8::from(b.side != a.side);
        let yes = |x: bool| u8::from(!x);
        // dd, da, ad, aa
        let stances = 2 * u8::from(!b.denies) + u8::from(!a.denies);
        // nn, np, pn, pp
        let neg = 2 * u8::from(!b.negated) + u8::from(!a.negated);
        let sim = bucket(c.similarity, &[0.0001, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8]);
        let overlap = bucket(c.overlap, &[0.0001, 0.15, 0.3, 0.5, 0.75]);
        // same, opposite
        let polarity = u8::from(b.prepared.positive != a.prepared.positive);
        // ("-": A names no side, so B cannot name A's side by name.)
        let b_names_a = if a.named.is_empty() {
            0
        } else if b.named.contains(&a.side) {
            1
        } else {
            2
        };
        let a_names_b = yes(a.named.contains(&b.side));
        let place = if from.0 != to.0 {
            0
        } else {
            let d = from.1 as i64 - to.1 as i64;
            let edges = [2, 3, 5, 9, 16];
            1 + 6 * u8::from(d > 0) + edges.iter().filter(|&&e| d.unsigned_abs() >= e).count() as u8
        };
        let rank = rank.min(3) as u8;
        f.add(T::Bias, &[]);
        f.add(T::Side, &[same_side]);
        f.add(T::Claimant, &[yes(b.claimant == a.claimant)]);
        f.add(T::Stances, &[same_side, stances]);
        f.add(T::Neg, &[same_side, neg]);
        f.add(T::Bcue, &[same_side, b.cue]);
        f.add(T::Acue, &[same_side, a.cue]);
        f.add(T::Sim, &[same_side, sim]);
        f.add(T::Overlap, &[same_side, overlap]);
        f.add(T::Polarity, &[same_side, polarity, sim]);
        let ok = |x: f64| if x < 1.0 { 0 } else { 1 };
        f.add(T::Entity, &[same_side, ok(c.entity)]);
        f.add(T::Numbers, &[same_side, ok(c.numbers)]);
        f.add(T::Names, &[same_side, b_names_a, a_names_b]);
        f.add(T::Bnames, &[same_side, b_names_a, b.cue]);
        f.add(T::Place, &[same_side, place]);
        f.add(T::Rank, &[same_side, rank]);
        f.add(T::Ranksim, &[same_side, rank, sim]);
        f.add(T::Quoted, &[same_side, u8::from(!b.quoted), u8::from(!a.quoted)]);
        // An answer (a denial, a negation) to a claim that names the
        // answering side: the accusation it answers. (pos, neg)
        let b_pol = u8::from(!b.prepared.positive);
        let a_pol = u8::from(!a.prepared.positive);
        f.add(T::Accused, &[same_side, a_names_b, b_pol, a_pol]);
        f.add(T::Accusedcue, &[same_side, a_names_b, b.cue]);
        // Who does what: whether each content opens with the other side
        // (accuses it), its own side (defends itself) or neither.
        let lead = |n: &Node, other: &Node| match n.lead {
            None => 0,
            Some(s) if s == other.side => 1,
            Some(s) if s == n.side => 2,
            Some(_) => 3,
        };
        f.add(T::Lead, &[same_side, lead(a, b), lead(b, a), b_pol]);
        f.add(T::Leadcue, &[same_side, lead(a, b), b.cue]);
        let first = self.first_accusation(to, b.side);
        f.add(T::First, &[same_side, yes(first), b_pol]);
        f.add(T::Head, &[same_side, yes(to.1 == 0), b_pol]);
        if from.0 == to.0
            && let Some(hints) = self.docs[from.0].hints
        {
            let rule = hints[from.1]
                .iter()
                .find(|(j, _)| *j == to.1)
                .map_or(0, |(_, k)| match k {
                    LinkKind::Rebuts => 1,
                    LinkKind::Counters => 2,
                    LinkKind::Supports => 3,
                    LinkKind::SameAs => 4,
                });
            f.add(T::Rule, &[rule]);
            f.add(T::Rulesim, &[rule, same_side, sim]);
        } else {
            f.add(T::Rule, &[5]);
        }
    }

    /// Whether `at` is the first claim of its article by a side other than
    /// `side` whose content names `side`: the accusation a report opens with.
    fn first_accusation(&self, at: At, side: u32) -> bool {
        self.first_naming[at.0].get(&side) == Some(&at.1)
    }

    /// Every candidate pair with its features: (from, to, features).
    fn pairs(&self) -> Vec<(At, At, Vec<usize>)> {
        let mut out = Vec::new();
        self.each_pair(&mut Vec::new(), |from, to, feats: &Vec<usize>| {
            out.push((from, to, feats.clone()));
        });
        out
    }

    /// Calls `each` with every candidate pair after giving its features to
    /// `sink`, one pair at a time, so that proposing keeps no more than one
    /// pair in memory.
    fn each_pair<S: Sink>(&self, sink: &mut S, mut each: impl FnMut(At, At, &S)) {
        let cross = self.cross_articles();
        let flat: Vec<Prepared> = if cross.iter().any(|c| !c.is_empty()) {
            self.nodes.iter().flatten().map(|n| n.prepared.clone()).collect()
        } else {
            Vec::new()
        };
        let index = CrossIndex {
            index: matching::Index::new(&flat),
            at: (0..self.nodes.len())
                .flat_map(|d| (0..self.nodes[d].len()).map(move |i| (d, i)))
                .collect(),
        };
        self.each_pair_with(&cross, &index, sink, &mut each);
    }

    /// [`Graph::each_pair`] with the candidates' indexes.
    fn each_pair_with<S: Sink>(
        &self,
        cross: &[Vec<usize>],
        index: &CrossIndex<'_>,
        sink: &mut S,
        each: &mut impl FnMut(At, At, &S),
    ) {
        for (d, nodes) in self.nodes.iter().enumerate() {
            for i in 0..nodes.len() {
                let from = (d, i);
                let cands = self.candidates(from, cross, index);
                // Rank among the candidates of the same relation to `from`
                // (same side or other side), by similarity: one sort.
                let node = self.node(from);
                let mut ranked: Vec<(bool, matching::Components, At)> = cands
                    .iter()
                    .map(|&to| {
                        let other = self.node(to);
                        (
                            other.side == node.side,
                            matching::components(&node.prepared, &other.prepared),
                            to,
                        )
                    })
                    .collect();
                // Same relation first grouped, most similar first, ties by place.
                ranked.sort_by(|a, b| {
                    b.0.cmp(&a.0)
                        .then(b.1.similarity.total_cmp(&a.1.similarity))
                        .then(a.2.cmp(&b.2))
                });
                let mut rank = 0;
                for (k, (same, comps, to)) in ranked.iter().enumerate() {
                    rank = if k > 0 && ranked[k - 1].0 == *same { rank + 1 } else { 0 };
                    self.features(from, *to, rank, comps, sink);
                    each(from, *to, sink);
                }
            }
        }
    }

    /// For each article, the other articles it may answer.
    fn cross_articles(&self) -> Vec<Vec<usize>> {
        let n = self.docs.len();
        (0..n)
            .map(|i| {
                (0..n)
                    .filter(|&j| j != i)
                    .filter(|&j| match (self.docs[i].date, self.docs[j].date) {
                        (Some(a), Some(b)) => (a - b).num_days().abs() <= CROSS_DAYS,
                        _ => true,
                    })
                    .collect()
            })
            .collect()
    }
}

/// The claims of every article in one inverted index, to find the claims of
/// other articles that share terms with a claim without comparing all pairs.
struct CrossIndex<'a> {
    index: matching::Index<'a>,
    /// Index position -> claim.
    at: Vec<At>,
}

/// Claims up to which [`Graph::new`] keeps their matching features between
/// counting terms and weighing them (some 100 MB at most).
const KEEP_FEATURES: usize = 100_000;

/// How many claims before and after a claim of its article are candidates:
/// [`WINDOW`] (reference links within an article are at most 11 claims
/// apart on news-dev), fewer in an article so long that the pairs would
/// pass [`PAIR_BUDGET`], so work stays proportional to the text.
fn window(claims: usize) -> usize {
    WINDOW.min((PAIR_BUDGET / (2 * claims.max(1))).max(2))
}

/// The values of a part of a feature, in the order of their codes.
type Values = &'static [&'static str];

const SIDE: Values = &["same", "other"];
const YES: Values = &["y", "n"];
/// The classes of cues ([`cue_class`]).
const CUE: Values = &["none", "say", "deny", "accuse", "evidence"];
const SIM: Values = &["b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7"];
const OVERLAP: Values = &["b0", "b1", "b2", "b3", "b4", "b5"];
const RANK: Values = &["r0", "r1", "r2", "r3"];
const POLE: Values = &["pos", "neg"];
const LEAD: Values = &["-", "other", "self", "third"];
const QUOTED: Values = &["q", "-"];

/// The feature templates: name and the values of each part. A feature is
/// hashed from the name and its parts' values ([`fixed`] with template 0);
/// the hashes of all of them are worked out at compile time ([`INDEX`]),
/// so a pair's features are table look-ups by code.
const TEMPLATES: [(&str, &[Values]); 26] = [
    ("bias", &[]),
    ("side", &[SIDE]),
    ("claimant", &[YES]),
    ("stances", &[SIDE, &["dd", "da", "ad", "aa"]]),
    ("neg", &[SIDE, &["nn", "np", "pn", "pp"]]),
    ("bcue", &[SIDE, CUE]),
    ("acue", &[SIDE, CUE]),
    ("sim", &[SIDE, SIM]),
    ("overlap", &[SIDE, OVERLAP]),
    ("polarity", &[SIDE, &["same", "opposite"], SIM]),
    ("entity", &[SIDE, &["clash", "ok"]]),
    ("numbers", &[SIDE, &["clash", "ok"]]),
    ("names", &[SIDE, &["-", "y", "n"], YES]),
    ("bnames", &[SIDE, &["-", "y", "n"], CUE]),
    (
        "place",
        &[
            SIDE,
            &[
                "cross", "beforeb0", "beforeb1", "beforeb2", "beforeb3", "beforeb4", "beforeb5", "afterb0", "afterb1",
                "afterb2", "afterb3", "afterb4", "afterb5",
            ],
        ],
    ),
    ("rank", &[SIDE, RANK]),
    ("ranksim", &[SIDE, RANK, SIM]),
    ("quoted", &[SIDE, QUOTED, QUOTED]),
    ("accused", &[SIDE, YES, POLE, POLE]),
    ("accusedcue", &[SIDE, YES, CUE]),
    ("lead", &[SIDE, LEAD, LEAD, POLE]),
    ("leadcue", &[SIDE, LEAD, CUE]),
    ("first", &[SIDE, YES, POLE]),
    ("head", &[SIDE, YES, POLE]),
    (
        "rule",
        &[&["none", "rebuts", "counters", "supports", "same_as", "absent"]],
    ),
    (
        "rulesim",
        &[&["none", "rebuts", "counters", "supports", "same_as"], SIDE, SIM],
    ),
];

/// A template by its place in [`TEMPLATES`].
#[derive(Clone, Copy)]
enum T {
    Bias,
    Side,
    Claimant,
    Stances,
    Neg,
    Bcue,
    Acue,
    Sim,
    Overlap,
    Polarity,
    Entity,
    Numbers,
    Names,
    Bnames,
    Place,
    Rank,
    Ranksim,
    Quoted,
    Accused,
    Accusedcue,
    Lead,
    Leadcue,
    First,
    Head,
    Rule,
    Rulesim,
}

/// Most parts a feature has after its template.
const MAX_PARTS: usize = 4;

/// How many features a template makes (every combination of its values).
const fn combinations(parts: &[Values]) -> usize {
    let mut n = 1;
    let mut k = 0;
    while k < parts.len() {
        n *= parts[k].len();
        k += 1;
    }
    n
}

/// Where each template's features start in [`INDEX`], and their total.
const OFFSETS: [usize; TEMPLATES.len() + 1] = {
    let mut out = [0; TEMPLATES.len() + 1];
    let mut t = 0;
    while t < TEMPLATES.len() {
        out[t + 1] = out[t] + combinations(TEMPLATES[t].1);
        t += 1;
    }
    out
};

/// The weight index of every feature, by template and code (the parts'
/// codes in mixed radix, the last part fastest).
static INDEX: [u16; OFFSETS[TEMPLATES.len()]] = {
    let mut out = [0; OFFSETS[TEMPLATES.len()]];
    let mut t = 0;
    while t < TEMPLATES.len() {
        let (name, parts) = TEMPLATES[t];
        let n = combinations(parts);
        let mut code = 0;
        while code < n {
            let mut strings = [name; 1 + MAX_PARTS];
            let (mut rest, mut radix) = (code, n);
            let mut k = 0;
            while k < parts.len() {
                radix /= parts[k].len();
                strings[1 + k] = parts[k][rest / radix];
                rest %= radix;
                k += 1;
            }
            let (strings, _) = strings.split_at(1 + parts.len());
            out[OFFSETS[t] + code] = (fixed(0, strings) as usize & (DIM - 1)) as u16;
            code += 1;
        }
        t += 1;
    }
    out
};

/// Where the features of a pair go, by their place in [`INDEX`]: their
/// weight indexes (for training) or the two models' sums ([`Sums`]).
trait Sink {
    /// Starts the next pair.
    fn clear(&mut self);
    /// Takes the feature at `INDEX[at]`.
    fn take(&mut self, at: usize);

    /// Gives the feature of template `t` whose parts have the codes
    /// `parts`. Inlined, so that the template and its radixes are
    /// constants where it is called.
    #[inline(always)]
    fn add(&mut self, t: T, parts: &[u8]) {
        let values = TEMPLATES[t as usize].1;
        debug_assert!(parts.len() == values.len() && parts.iter().zip(values).all(|(&p, v)| usize::from(p) < v.len()));
        let code = parts
            .iter()
            .zip(values)
            .fold(0, |code, (&p, v)| code * v.len() + usize::from(p));
        self.take(OFFSETS[t as usize] + code);
    }
}

/// The weight indexes of a pair's features.
impl Sink for Vec<usize> {
    fn clear(&mut self) {
        Vec::clear(self);
    }

    #[inline(always)]
    fn take(&mut self, at: usize) {
        self.push(usize::from(INDEX[at]));
    }
}

/// The sums of a pair's weights in the two models, each feature's pair of
/// weights looked up by its place in [`INDEX`] (no vector of indexes in
/// between). Summed in feature order from -0.0, as `Iterator::sum` over
/// the indexes did, so the sums are the same to the bit.
struct Sums {
    /// (contest, support) weight of each feature of [`INDEX`].
    weights: Vec<(f32, f32)>,
    contest: f64,
    support: f64,
}

impl Sums {
    fn new(linker: &Linker) -> Sums {
        Sums {
            weights: INDEX
                .iter()
                .map(|&k| (linker.contest[usize::from(k)], linker.support[usize::from(k)]))
                .collect(),
            contest: -0.0,
            support: -0.0,
        }
    }
}

impl Sink for Sums {
    fn clear(&mut self) {
        self.contest = -0.0;
        self.support = -0.0;
    }

    #[inline(always)]
    fn take(&mut self, at: usize) {
        let (c, s) = self.weights[at];
        self.contest += f64::from(c);
        self.support += f64::from(s);
    }
}

/// The code of the bucket of `x` among `edges`: how many it reaches.
fn bucket(x: f64, edges: &[f64]) -> u8 {
    edges.iter().filter(|&&e| x >= e).count() as u8
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// A sum of weights below which a pair's probability is under
/// `threshold` for certain: its logit less a margin far above the rounding
/// of the sigmoid to `f32`.
fn floor(threshold: f32) -> f64 {
    let t = f64::from(threshold);
    (t / (1.0 - t)).ln() - 0.01
}

/// The model's probability of a pair whose sum of weights is `z`, when it
/// reaches `threshold` (whose [`floor`] is `floor`). Most pairs fall far
/// short, so their sigmoid (an `exp`) is not worked out.
fn proposed(z: f64, threshold: f32, floor: f64) -> Option<f32> {
    if z < floor {
        return None;
    }
    let p = sigmoid(z) as f32;
    (p >= threshold).then_some(p)
}

/// Proposes links among the claims of `docs` (several articles: within
/// each and across those of one event).
pub fn propose(docs: &[Doc<'_>], actors: &Actors, linker: &Linker) -> Vec<Proposal> {
    let lex = &super::Model::builtin().lex;
    let graph = Graph::new(docs, actors, lex);
    let mut contest: Vec<Proposal> = Vec::new();
    let mut support: Vec<Proposal> = Vec::new();
    let threshold = if docs.iter().any(|d| d.hints.is_some()) {
        linker.thresholds.extracted
    } else {
        linker.thresholds.reviewed
    };
    let (contest_floor, support_floor) = (floor(threshold), floor(THRESHOLD));
    // Each side of a reciprocal accusation contests the other side's, and
    // nothing else: its content is the summary both share.
    let mut reciprocal: Vec<Vec<bool>> = docs.iter().map(|d| vec![false; d.claims.len()]).collect();
    for (d, doc) in docs.iter().enumerate() {
        for i in 0..doc.claims.len() {
            if let Some(p) = graph.reciprocal_partner((d, i)) {
                reciprocal[d][i] = true;
                reciprocal[d][p] = true;
                contest.push(Proposal {
                    from: (d, i),
                    to: (d, p),
                    kind: LinkKind::Counters,
                    score: 1.0,
                });
            }
        }
    }
    graph.each_pair(&mut Sums::new(linker), |from, to, sums| {
        if reciprocal[from.0][from.1] || graph.deny_alike(from, to) {
            // (A reciprocal claim's one contest is above; it may still
            // support, as two claims that deny one thing do.)
        } else if let Some(p) = proposed(sums.contest, threshold, contest_floor) {
            let b = graph.node(from);
            let kind = if b.denies || b.negated {
                LinkKind::Rebuts
            } else {
                LinkKind::Counters
            };
            contest.push(Proposal {
                from,
                to,
                kind,
                score: p,
            });
        }
        if let Some(p) = proposed(sums.support, THRESHOLD, support_floor) {
            support.push(Proposal {
                from,
                to,
                kind: LinkKind::Supports,
                score: p,
            });
        }
    });
    decode(contest, support)
}

/// Keeps the best proposals: at most [`MAX_TARGETS`] contested claims and
/// one supported claim per claim, never both directions of one pair, never
/// a support where a contest was kept.
fn decode(mut contest: Vec<Proposal>, mut support: Vec<Proposal>) -> Vec<Proposal> {
    let by_score = |a: &Proposal, b: &Proposal| {
        b.score
            .total_cmp(&a.score)
            .then(a.from.cmp(&b.from))
            .then(a.to.cmp(&b.to))
    };
    contest.sort_by(by_score);
    support.sort_by(by_score);
    let mut kept: Vec<Proposal> = Vec::new();
    let mut linked: std::collections::HashSet<(At, At)> = std::collections::HashSet::new();
    let mut count: std::collections::HashMap<At, usize> = std::collections::HashMap::new();
    for p in contest {
        let n = count.entry(p.from).or_default();
        if *n < MAX_TARGETS && !linked.contains(&(p.to, p.from)) {
            *n += 1;
            linked.insert((p.from, p.to));
            kept.push(p);
        }
    }
    let mut supported: std::collections::HashSet<At> = std::collections::HashSet::new();
    for p in support {
        if !supported.contains(&p.from) && !linked.contains(&(p.to, p.from)) && !linked.contains(&(p.from, p.to)) {
            supported.insert(p.from);
            linked.insert((p.from, p.to));
            kept.push(p);
        }
    }
    kept.sort_by(|a, b| a.from.cmp(&b.from).then(a.to.cmp(&b.to)));
    kept
}

/// Training examples from articles whose pairs are labelled by `label`:
/// (features, label) for every candidate pair.
pub fn examples(docs: &[Doc<'_>], actors: &Actors, label: impl Fn(At, At) -> Label) -> Vec<(Vec<usize>, Label)> {
    let lex = &super::Model::builtin().lex;
    let graph = Graph::new(docs, actors, lex);
    graph
        .pairs()
        .into_iter()
        .map(|(from, to, feats)| (feats, label(from, to)))
        .collect()
}

/// Trains both models on labelled pairs with the penalty `l2` per weight.
/// Deterministic: full-batch gradient descent in a fixed order.
pub fn train(examples: &[(Vec<usize>, Label)], l2: f64) -> Linker {
    Linker {
        contest: logistic(examples, l2, |l| l == Label::Contest),
        support: logistic(examples, l2, |l| l == Label::Support),
        thresholds: Thresholds::default(),
    }
}

/// L2-regularised logistic regression by full-batch gradient descent with
/// per-weight step sizes (AdaGrad), so rare features learn as fast as the
/// bias.
fn logistic(examples: &[(Vec<usize>, Label)], l2: f64, yes: impl Fn(Label) -> bool) -> Vec<f32> {
    let mut w = vec![0f64; DIM];
    let mut g2 = vec![1e-8f64; DIM];
    let n = examples.len().max(1) as f64;
    for _ in 0..ITERATIONS {
        let mut grad = vec![0f64; DIM];
        for (feats, label) in examples {
            let z: f64 = feats.iter().map(|&k| w[k]).sum();
            let err = sigmoid(z) - if yes(*label) { 1.0 } else { 0.0 };
            for &k in feats {
                grad[k] += err;
            }
        }
        for k in 0..DIM {
            let g = grad[k] / n + l2 * w[k];
            g2[k] += g * g;
            w[k] -= RATE * g / g2[k].sqrt();
        }
    }
    w.into_iter().map(|x| x as f32).collect()
}

/// Writes proposals into the claims of one article (all `from` and `to` in
/// article 0), after the links already there.
pub fn apply(claims: &mut [Claim], proposals: &[Proposal]) {
    for p in proposals {
        let id = claims[p.to.1].id.clone();
        let list = claims[p.from.1].links_mut(p.kind);
        if !list.contains(&id) {
            list.push(id);
        }
    }
}

#[cfg(test)]
mod tests;
