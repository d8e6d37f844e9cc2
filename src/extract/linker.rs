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
pub const REVIEWED_THRESHOLD: f32 = 0.25;
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
/// L2 penalty per weight.
const L2: f64 = 1e-4;

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
    cue: &'static str,
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
    let words: Vec<&str> = content.split_whitespace().collect();
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

/// The class of a cue: the last word of it the lexicon knows decides.
fn cue_class(lex: &Lexicon, cue: Option<&str>) -> &'static str {
    let Some(cue) = cue else {
        return "none";
    };
    let mut out = "say";
    for w in cue.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let lower = w.to_lowercase();
        if let Some(c) = lex.cue(&lower) {
            let class = if c.stance == Stance::Denies {
                "deny"
            } else if c.accuse {
                "accuse"
            } else if c.evidence {
                "evidence"
            } else {
                "say"
            };
            out = class;
        } else if matches!(
            lower.as_str(),
            "baseless" | "false" | "unfounded" | "lies" | "propaganda"
        ) {
            out = "deny";
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
        let mut sides = Sides::default();
        let mut nodes: Vec<Vec<Node>> = Vec::with_capacity(docs.len());
        for d in docs {
            let mut article = Vec::with_capacity(d.claims.len());
            for c in d.claims {
                let f = kept.next().unwrap_or_else(|| matching::features(c));
                let side = actors.side(&c.claimant);
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

    /// Hashed features of the pair (from answers to).
    fn features(&self, from: At, to: At, rank: usize, c: &matching::Components, memo: &mut Memo) -> Vec<usize> {
        let b = self.node(from);
        let a = self.node(to);
        let mut f = Features::new(memo);
        let same_side = if b.side == a.side { "same" } else { "other" };
        let same_claimant = b.claimant == a.claimant;
        let stances = match (b.denies, a.denies) {
            (true, true) => "dd",
            (true, false) => "da",
            (false, true) => "ad",
            (false, false) => "aa",
        };
        let neg = match (b.negated, a.negated) {
            (true, true) => "nn",
            (true, false) => "np",
            (false, true) => "pn",
            (false, false) => "pp",
        };
        let sim = bucket(c.similarity, &[0.0001, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8]);
        let overlap = bucket(c.overlap, &[0.0001, 0.15, 0.3, 0.5, 0.75]);
        let polarity = if b.prepared.positive == a.prepared.positive {
            "same"
        } else {
            "opposite"
        };
        // ("-": A names no side, so B cannot name A's side by name.)
        let b_names_a = if a.named.is_empty() {
            "-"
        } else if b.named.contains(&a.side) {
            "y"
        } else {
            "n"
        };
        let a_names_b = if a.named.contains(&b.side) { "y" } else { "n" };
        let place = if from.0 != to.0 {
            "cross"
        } else {
            const PLACES: [[&str; 6]; 2] = [
                ["beforeb0", "beforeb1", "beforeb2", "beforeb3", "beforeb4", "beforeb5"],
                ["afterb0", "afterb1", "afterb2", "afterb3", "afterb4", "afterb5"],
            ];
            let d = from.1 as i64 - to.1 as i64;
            let edges = [2, 3, 5, 9, 16];
            PLACES[usize::from(d > 0)][edges.iter().filter(|&&e| d.unsigned_abs() >= e).count()]
        };
        let rank = ["r0", "r1", "r2", "r3"][rank.min(3)];
        f.add("bias", &[]);
        f.add("side", &[same_side]);
        f.add("claimant", &[if same_claimant { "y" } else { "n" }]);
        f.add("stances", &[same_side, stances]);
        f.add("neg", &[same_side, neg]);
        f.add("bcue", &[same_side, b.cue]);
        f.add("acue", &[same_side, a.cue]);
        f.add("sim", &[same_side, sim]);
        f.add("overlap", &[same_side, overlap]);
        f.add("polarity", &[same_side, polarity, sim]);
        f.add("entity", &[same_side, if c.entity < 1.0 { "clash" } else { "ok" }]);
        f.add("numbers", &[same_side, if c.numbers < 1.0 { "clash" } else { "ok" }]);
        f.add("names", &[same_side, b_names_a, a_names_b]);
        f.add("bnames", &[same_side, b_names_a, b.cue]);
        f.add("place", &[same_side, place]);
        f.add("rank", &[same_side, rank]);
        f.add("ranksim", &[same_side, rank, sim]);
        f.add(
            "quoted",
            &[
                same_side,
                if b.quoted { "q" } else { "-" },
                if a.quoted { "q" } else { "-" },
            ],
        );
        // An answer (a denial, a negation) to a claim that names the
        // answering side: the accusation it answers.
        let b_pol = if b.prepared.positive { "pos" } else { "neg" };
        let a_pol = if a.prepared.positive { "pos" } else { "neg" };
        f.add("accused", &[same_side, a_names_b, b_pol, a_pol]);
        f.add("accusedcue", &[same_side, a_names_b, b.cue]);
        // Who does what: whether each content opens with the other side
        // (accuses it), its own side (defends itself) or neither.
        let lead = |n: &Node, other: &Node| match &n.lead {
            None => "-",
            Some(s) if *s == other.side => "other",
            Some(s) if *s == n.side => "self",
            Some(_) => "third",
        };
        f.add("lead", &[same_side, lead(a, b), lead(b, a), b_pol]);
        f.add("leadcue", &[same_side, lead(a, b), b.cue]);
        let first = self.first_accusation(to, b.side);
        f.add("first", &[same_side, if first { "y" } else { "n" }, b_pol]);
        f.add("head", &[same_side, if to.1 == 0 { "y" } else { "n" }, b_pol]);
        if from.0 == to.0
            && let Some(hints) = self.docs[from.0].hints
        {
            let rule = hints[from.1]
                .iter()
                .find(|(j, _)| *j == to.1)
                .map_or("none", |(_, k)| k.field());
            f.add("rule", &[rule]);
            f.add("rulesim", &[rule, same_side, sim]);
        } else {
            f.add("rule", &["absent"]);
        }
        f.out
    }

    /// Whether `at` is the first claim of its article by a side other than
    /// `side` whose content names `side`: the accusation a report opens with.
    fn first_accusation(&self, at: At, side: u32) -> bool {
        self.first_naming[at.0].get(&side) == Some(&at.1)
    }

    /// Every candidate pair with its features: (from, to, features).
    fn pairs(&self) -> Vec<(At, At, Vec<usize>)> {
        let mut out = Vec::new();
        self.each_pair(|from, to, feats| out.push((from, to, feats.to_vec())));
        out
    }

    /// Calls `each` with every candidate pair and its features, one at a
    /// time, so that proposing keeps no more than one pair in memory.
    fn each_pair(&self, mut each: impl FnMut(At, At, &[usize])) {
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
        MEMO.with_borrow_mut(|memo| self.each_pair_with(&cross, &index, memo, &mut each));
    }

    /// [`Graph::each_pair`] with the candidates' indexes and a memo.
    fn each_pair_with(
        &self,
        cross: &[Vec<usize>],
        index: &CrossIndex<'_>,
        memo: &mut Memo,
        each: &mut impl FnMut(At, At, &[usize]),
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
                    let feats = self.features(from, *to, rank, comps, memo);
                    each(from, *to, &feats);
                    // (The buffer is the next pair's.)
                    memo.buf = feats;
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

/// Hashed feature indexes of one pair.
struct Features<'m> {
    out: Vec<usize>,
    memo: &'m mut Memo,
}

/// Most parts a feature has after its template.
const MAX_PARTS: usize = 4;

/// The hashes of features already made, by the addresses and lengths of
/// their template and parts: every feature is a combination of a few
/// dozen fixed strings, so hashing each byte by byte once per run instead
/// of once per pair makes features several times cheaper. Direct-mapped;
/// a miss only costs the hash. (Two strings at different addresses with
/// the same text are two keys of one hash, never a wrong one.) One per
/// thread, kept from article to article (the keys are addresses of
/// `'static` strings), with the buffer of the pair's indexes.
struct Memo {
    slots: Vec<([u64; 1 + MAX_PARTS], usize)>,
    buf: Vec<usize>,
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::new());
}

impl Memo {
    const SLOTS: usize = 1 << 11;

    fn new() -> Self {
        Memo {
            slots: vec![([0; 1 + MAX_PARTS], 0); Self::SLOTS],
            buf: Vec::with_capacity(40),
        }
    }
}

/// A string's address and length in one word: user-space addresses fit
/// in 48 bits, and feature strings are short.
#[inline(always)]
fn address(s: &'static str) -> u64 {
    s.as_ptr() as u64 | (s.len() as u64) << 48
}

impl<'m> Features<'m> {
    /// Features written into the memo's buffer.
    fn new(memo: &'m mut Memo) -> Self {
        let mut out = std::mem::take(&mut memo.buf);
        out.clear();
        Features { out, memo }
    }

    /// Adds the feature of `template` and `parts` (at most [`MAX_PARTS`]).
    /// Inlined, so that the number of parts is known where it is called:
    /// the key is then that many words, hashed and compared unrolled.
    #[inline(always)]
    fn add(&mut self, template: &'static str, parts: &[&'static str]) {
        debug_assert!(template.len() < 1 << 13 && parts.len() <= MAX_PARTS && parts.iter().all(|p| p.len() < 1 << 16));
        let n = parts.len().min(MAX_PARTS);
        // The number of parts in the template's word (its top three bits,
        // above a length under 2^13): the key is its first 1 + n words.
        let mut key = [0u64; 1 + MAX_PARTS];
        key[0] = address(template) | (n as u64) << 61;
        for k in 0..n {
            key[1 + k] = address(parts[k]);
        }
        let mix = key[..=n]
            .iter()
            .fold(0u64, |h, &w| (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let slot = &mut self.memo.slots[(mix >> 53) as usize & (Memo::SLOTS - 1)];
        // (Word by word: an array `!=` calls memcmp.)
        if slot.0[..=n].iter().zip(&key[..=n]).any(|(a, b)| a != b) {
            *slot = (key, feature_index(template, &parts[..n]));
        }
        self.out.push(slot.1);
    }
}

/// The index of the feature `template` + `parts`, as
/// [`super::weights::feature_hash`] with template 0 gives it, without
/// gathering the parts first.
fn feature_index(template: &str, parts: &[&str]) -> usize {
    const PRIME: u64 = 0x100_0000_01b3;
    let mut h = 0xcbf2_9ce4_8422_2325u64.wrapping_mul(PRIME);
    for p in std::iter::once(template).chain(parts.iter().copied()) {
        for b in p.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
        h = (h ^ 0xff).wrapping_mul(PRIME);
    }
    h as usize & (DIM - 1)
}

fn bucket(x: f64, edges: &[f64]) -> &'static str {
    const NAMES: [&str; 9] = ["b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"];
    NAMES[edges.iter().filter(|&&e| x >= e).count().min(8)]
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

/// The model's probability of a pair, when it reaches `threshold` (whose
/// [`floor`] is `floor`). Most pairs fall far short, so their sigmoid (an
/// `exp`) is not worked out.
fn proposed(weights: &[f32], feats: &[usize], threshold: f32, floor: f64) -> Option<f32> {
    let z: f64 = feats.iter().map(|&k| f64::from(weights[k])).sum();
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
    graph.each_pair(|from, to, feats| {
        if let Some(p) = proposed(&linker.contest, feats, threshold, contest_floor) {
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
        if let Some(p) = proposed(&linker.support, feats, THRESHOLD, support_floor) {
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

/// Trains both models on labelled pairs. Deterministic: full-batch
/// gradient descent in a fixed order.
pub fn train(examples: &[(Vec<usize>, Label)]) -> Linker {
    Linker {
        contest: logistic(examples, |l| l == Label::Contest),
        support: logistic(examples, |l| l == Label::Support),
        thresholds: Thresholds::default(),
    }
}

/// L2-regularised logistic regression by full-batch gradient descent with
/// per-weight step sizes (AdaGrad), so rare features learn as fast as the
/// bias.
fn logistic(examples: &[(Vec<usize>, Label)], yes: impl Fn(Label) -> bool) -> Vec<f32> {
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
            let g = grad[k] / n + L2 * w[k];
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
