//! Matching claims across articles: do two claims make the same assertion?
//!
//! The evidence is word-level, never character distance: the content terms of
//! [`crate::terms`] (Snowball stems, stop words out, the reviewed synonym and
//! name table folded in), weighted by how rare they are in the claims being
//! compared (inverse document frequency over the other claims), plus the
//! named entities of the
//! content (capitalised words and names of the synonym table). Negation and
//! denial cues decide the *polarity* of a claim: "X denied Y" and "Y is not
//! so" say the opposite of "Y", so they never count as the same assertion as
//! "Y"; they contest it.
//!
//! Comparison goes through an inverted index (term → claims), so each claim
//! is scored only against claims that share a term with it, in one pass over
//! the posting lists: never a naive all-pairs comparison.

use crate::actors::Actors;
use crate::claim::{Claim, Stance};
use crate::terms;
use std::collections::{BTreeSet, HashMap};

/// The default similarity a pair of claims needs to count as the same
/// proposition. Chosen on the development set by the rule of
/// [`crate::eval::diff::calibrate`] over every dispute's reference claim
/// files (`claimtrack eval diff --corpus ../shared/corpus/news-dev`): the
/// middle of the widest range of thresholds whose repeated pairs have the
/// best F1 against the reference `same_as` links (transitive closure).
/// Leave one dispute out, the rule picks 0.33 to 0.49 (docs/diff.md).
pub const DEFAULT_THRESHOLD: f64 = 0.49;

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

/// Words inside a content that turn it into a denial of what follows
/// ("Kabul denied that militants use Afghan soil"). Stems of
/// [`crate::terms`] (Snowball English).
const DENIAL_STEMS: &[&str] = &[
    "deni", "deny", "reject", "dismiss", "refut", "baseless", "unfound", "fals", "untru",
];

/// Quantifier and partitive words that say how many or which part, not what
/// the claim is about ("members of the security forces", "at least three",
/// "another wounded", "two others"): left out of the content terms.
/// Stems of [`crate::terms`] (Snowball English).
const LIGHT_STEMS: &[&str] = &["member", "anoth", "other", "least", "mani"];

/// The comparable form of one claim's content.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Features {
    /// Content terms (stems and canonical synonyms), denial cue words removed.
    pub terms: BTreeSet<String>,
    /// The terms that name entities (people, places, groups, states).
    pub entities: BTreeSet<String>,
    /// What turns the claim into a denial, each of which flips its polarity:
    /// "stance denies", "negation", "denial word" (empty for a plain
    /// assertion); shown to explain a change of position or a rebuttal.
    pub flips: Vec<&'static str>,
    /// The terms that name states and armed groups (the synonym table's
    /// name groups, and the sides of the actors file): two claims that both
    /// name some and share none are about different parties.
    pub names: BTreeSet<String>,
    /// True when the claim says its proposition is so; false for a denial
    /// (stance `denies`, or a negated or denied content), with two negatives
    /// cancelling ("denies that X is not …").
    pub positive: bool,
}

/// The features of a claim: its content's terms and entities, and its
/// polarity from the stance and the negation and denial cues of the content.
pub fn features(claim: &Claim) -> Features {
    content_features(&claim.content, claim.stance)
}

/// The features of a content said with a stance.
pub fn content_features(content: &str, stance: Stance) -> Features {
    let t = terms::terms(content);
    let (positive, flips) = polarity(&t, stance);
    let terms: BTreeSet<String> = t
        .stems
        .into_iter()
        .filter(|s| !DENIAL_STEMS.contains(&s.as_str()) && !LIGHT_STEMS.contains(&s.as_str()))
        .collect();
    let entities = entity_terms(content)
        .into_iter()
        .filter(|e| terms.contains(e))
        .collect();
    let names = terms.iter().filter(|t| terms::is_name(t)).cloned().collect();
    Features {
        terms,
        entities,
        flips,
        names,
        positive,
    }
}

/// The polarity of a content's terms said with a stance, and what flips it
/// (see [`Features::flips`]).
fn polarity(t: &terms::Terms, stance: Stance) -> (bool, Vec<&'static str>) {
    let denial = t.stems.iter().any(|s| DENIAL_STEMS.contains(&s.as_str()));
    let flips: Vec<&'static str> = [
        (stance == Stance::Denies, "stance denies"),
        (t.negated, "negation"),
        (denial, "denial word"),
    ]
    .into_iter()
    .filter_map(|(on, why)| on.then_some(why))
    .collect();
    (flips.len().is_multiple_of(2), flips)
}

/// The features of a claim for matching across articles: its content
/// normalised with `actors` first (see [`content_features_in`]).
/// The claimant's own "its", "our", "we" (and an "it" that opens the
/// content) name the claimant's side: "its forces killed 58 soldiers" said
/// by Afghanistan is "Afghan forces killed 58 soldiers".
pub fn features_in(claim: &Claim, actors: &Actors) -> Features {
    let who = actors
        .get(&claim.claimant)
        .map_or(claim.claimant.as_str(), |a| a.name.as_str());
    content_features_as(&claim.content, claim.stance, actors, Some(&actors.side(who)))
}

/// The features of a content said with a stance, normalised for matching
/// across articles, where two outlets report one claim in other words: the
/// reporting frame before the proposition is left out ("to have found clear
/// evidence that …"), every actor the content names is one term whatever
/// the alias or demonym ("Ukraine's state railway company" and "Ukrainian
/// Railways"; "Kabul" and "the Taliban"), and number words are figures
/// ("over thirty" and "more than 30"). Polarity is read from the whole
/// content, frame included ("Kabul denied that …").
pub fn content_features_in(content: &str, stance: Stance, actors: &Actors) -> Features {
    content_features_as(content, stance, actors, None)
}

fn content_features_as(content: &str, stance: Stance, actors: &Actors, speaker: Option<&str>) -> Features {
    // Polarity from the whole content, frame included; only its terms are
    // needed, not the entities and names of the full features.
    let (positive, flips) = polarity(&terms::terms(content), stance);
    let (text, named) = normalise(content, actors, speaker);
    let mut f = content_features(&text, Stance::Asserts);
    f.positive = positive;
    f.flips = flips;
    for (token, side) in named {
        for t in terms::terms(&token).stems {
            f.entities.insert(t.clone());
            if side {
                f.names.insert(t);
            }
        }
    }
    f
}

/// Words of a reporting frame: what comes before "that" in "to have found
/// clear evidence that X", "said it was clear that X", "denied that X".
const FRAME_WORDS: &[&str] = &[
    "to",
    "have",
    "has",
    "had",
    "having",
    "found",
    "find",
    "finds",
    "clear",
    "clearly",
    "evidence",
    "proof",
    "concrete",
    "credible",
    "strong",
    "irrefutable",
    "there",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "it",
    "its",
    "said",
    "says",
    "say",
    "claimed",
    "claims",
    "claim",
    "believe",
    "believes",
    "believed",
    "shown",
    "show",
    "shows",
    "showed",
    "confirmed",
    "confirms",
    "indicated",
    "indicates",
    "indications",
    "reported",
    "reports",
    "information",
    "intelligence",
    "suggests",
    "suggested",
    "seems",
    "appears",
    "noted",
    "stressed",
    "insisted",
    "alleged",
    "allegedly",
    "also",
    "already",
    "now",
    "again",
    "denied",
    "denies",
    "deny",
    "rejected",
    "rejects",
    "categorically",
];

/// Nouns of a frame that "of" closes as "that" does ("evidence of X").
const FRAME_NOUNS: &[&str] = &["evidence", "proof", "indications", "information", "intelligence"];

/// Number words and the figures they stand for ("one" is left: it is as
/// often a pronoun as a figure).
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// A number word as digits: "thirty" → 30, "twenty-three" → 23.
fn figure(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let one = |x: &str| NUMBER_WORDS.iter().find(|(n, _)| *n == x).map(|&(_, v)| v);
    match w.split_once('-') {
        Some((tens, unit)) => {
            let (t, u) = (one(tens)?, one(unit).or((unit == "one").then_some(1))?);
            (t >= 20 && t % 10 == 0 && u < 10).then_some(t + u)
        }
        None => one(&w),
    }
}

/// Where the proposition starts: after a short reporting frame closed by
/// "that" (or "of" after a noun such as "evidence"), when every word before
/// it is a frame word or a name; else at the first word.
fn frame_end(words: &[&str]) -> usize {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    for (k, w) in words.iter().enumerate().take(8) {
        let b = bare(w);
        let closes = b == "that" || (b == "of" && k > 0 && FRAME_NOUNS.contains(&bare(words[k - 1]).as_str()));
        if closes {
            return k + 1;
        }
        let name = w.chars().next().is_some_and(char::is_uppercase) && k > 0;
        if !FRAME_WORDS.contains(&b.as_str()) && !name {
            return 0;
        }
    }
    0
}

/// The content with its frame left out, each actor it names replaced by one
/// token (the canonical name, spaces out), and number words as digits; and
/// the tokens, each with whether it names a side (an actor that speaks for
/// no other and is no person: a state, an organisation, an armed group).
/// Only phrases with a capitalised word are looked up: names are
/// capitalised, and lower-case aliases ("the ministry", "local
/// authorities") are too vague inside a content.
fn normalise(content: &str, actors: &Actors, speaker: Option<&str>) -> (String, Vec<(String, bool)>) {
    let words: Vec<&str> = content.split_whitespace().collect();
    let capital: Vec<bool> = words
        .iter()
        .map(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut named = Vec::new();
    let start = frame_end(&words);
    let is_side =
        |name: &str| actors.side(name) == name && actors.get(name).is_none_or(|a| a.kind.as_deref() != Some("person"));
    let mut i = start;
    while i < words.len() {
        let bare = words[i].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if let Some(who) = speaker
            && (matches!(bare.as_str(), "its" | "our" | "we") || (i == start && bare == "it"))
        {
            let token: String = who.chars().filter(|c| c.is_alphanumeric()).collect();
            let trail = &words[i][words[i].trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
            out.push(format!("{token}{trail}"));
            named.push((token, is_side(who)));
            i += 1;
            continue;
        }
        let hit = (i + 1..=(i + 5).min(words.len())).rev().find_map(|end| {
            if !capital[i..end].iter().any(|&c| c) {
                return None;
            }
            actors.named(&words[i..end].join(" ")).map(|n| (end, n))
        });
        if let Some((end, name)) = hit {
            let last = words[end - 1];
            let trail = &last[last.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
            let token: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
            out.push(format!("{token}{trail}"));
            named.push((token, is_side(&name)));
            i = end;
            continue;
        }
        match figure(words[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '-')) {
            Some(n) => out.push(n.to_string()),
            None => out.push(words[i].to_string()),
        }
        i += 1;
    }
    (out.join(" "), named)
}

/// Terms of the capitalised words of a content (names: "Jaffar Express",
/// "Afghan", "Tehreek-e-Taliban Pakistan") and of the name groups of the
/// synonym table written in lower case ("afghan soil").
fn entity_terms(content: &str) -> BTreeSet<String> {
    let mut runs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in content.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if capital {
            current.push(core);
        } else if !current.is_empty() {
            runs.push(current.join(" "));
            current.clear();
        }
        if core.chars().next().is_some_and(char::is_lowercase) && terms::is_name(core) {
            runs.push(core.to_string());
        }
        if word.ends_with([',', '.', ';', ':', '"', '”', ')']) && !current.is_empty() {
            runs.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        runs.push(current.join(" "));
    }
    runs.iter().flat_map(|r| terms::terms(r).stems).collect()
}

/// Groups of entity terms that are spelling variants of one name: the same
/// first letter and at most one edit apart (two for names of eight letters
/// or more; an edit is an insertion, deletion, substitution or swap of
/// letters), joined transitively. Only names of five letters or more: short
/// ones differ by one letter too often ("Iran", "Iraq"). Candidates are
/// found through shared deletion variants (one deletion, two for the long
/// names), never by comparing every pair.
pub fn variants<'a>(entities: impl Iterator<Item = &'a String>) -> Vec<Vec<String>> {
    let names: Vec<&String> = entities
        .filter(|e| e.chars().count() >= 5 && e.chars().all(char::is_alphabetic))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let chars: Vec<char> = n.chars().collect();
        let mut own: BTreeSet<String> = BTreeSet::new();
        own.insert((*n).clone());
        for a in 0..chars.len() {
            let one: Vec<char> = [&chars[..a], &chars[a + 1..]].concat();
            if chars.len() >= 8 {
                for b in a..one.len() {
                    own.insert([&one[..b], &one[b + 1..]].concat().into_iter().collect());
                }
            }
            own.insert(one.into_iter().collect());
        }
        for k in own {
            keys.entry(k).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for list in keys.values().filter(|l| l.len() > 1) {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                let (a, b) = (names[i], names[j]);
                let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
                if a.chars().next() == b.chars().next() && strsim::damerau_levenshtein(a, b) <= limit {
                    let (x, y) = (root(&mut parent, i), root(&mut parent, j));
                    parent[x] = y;
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push((*name).clone());
    }
    let mut out: Vec<Vec<String>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

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
                let next = v.df.len() as u32;
                let id = *v.ids.entry(t.clone()).or_insert(next);
                if id == next {
                    v.df.push(0);
                }
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
    terms: Vec<(u32, f64)>,
    /// Term ids of the name groups (states, armed groups), sorted.
    names: Vec<u32>,
    /// Term ids of the figures (digits, number words), sorted.
    numbers: Vec<u32>,
    /// Sum of the weights.
    norm: f64,
    /// Polarity (see [`Features::positive`]).
    pub positive: bool,
}

impl Prepared {
    /// Total weight of the content's terms: how much the claim says.
    pub fn norm(&self) -> f64 {
        self.norm
    }

    /// Weight of the terms shared with `other` (each the smaller of the two
    /// weights, so it never exceeds either claim's own weight of them).
    fn shared_weight(&self, other: &Prepared) -> f64 {
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

fn score(a: &Prepared, b: &Prepared, shared: f64) -> f64 {
    parts(a, b, shared).similarity
}

/// An upper bound of [`score`] from the weights alone (the clash factors
/// are at most 1): checked first in a search, where most candidates fall
/// short of the threshold, so that the names and figures are compared
/// only for the few that may reach it.
fn score_bound(a: &Prepared, b: &Prepared, shared: f64) -> f64 {
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

    /// The indexed claims whose [`similarity`] with `query` is at least
    /// `threshold`, best first (ties by index). Only claims that share a
    /// term with the query are looked at (see [`Index`] for common terms).
    pub fn search(&self, query: &Prepared, threshold: f64) -> Vec<(usize, f64)> {
        self.search_with(query, threshold, &mut self.scratch())
    }

    /// A zeroed accumulator for [`Index::search_with`].
    pub fn scratch(&self) -> Vec<f64> {
        vec![0.0; self.claims.len()]
    }

    /// [`Index::search`] with an accumulator of [`Index::scratch`], all
    /// zero again on return: one per thread lets threads share the index.
    pub fn search_with(&self, query: &Prepared, threshold: f64, acc: &mut [f64]) -> Vec<(usize, f64)> {
        let mut found: Vec<(u32, f64)> = Vec::new();
        if self.common_share(query) >= threshold {
            // Walk every posting list, accumulating shared weights.
            let mut touched: Vec<u32> = Vec::new();
            for &(t, w) in &query.terms {
                for &(c, theirs) in self.list(t) {
                    if acc[c as usize] == 0.0 {
                        touched.push(c);
                    }
                    acc[c as usize] += w.min(theirs);
                }
            }
            for c in touched {
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
            let mut touched: Vec<u32> = Vec::new();
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
            for c in touched {
                let partial = std::mem::take(&mut acc[c as usize]);
                let other = &self.claims[c as usize];
                if score_bound(query, other, partial + common_weight) >= threshold {
                    found.push((c, query.shared_weight(other)));
                }
            }
        }
        let mut out: Vec<(usize, f64)> = found
            .into_iter()
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

    fn prep(pairs: &[(&str, Stance)]) -> Vec<Prepared> {
        let f: Vec<Features> = pairs.iter().map(|(c, s)| content_features(c, *s)).collect();
        let v = Vocabulary::new(&f);
        f.iter().map(|f| v.prepare(f)).collect()
    }

    #[test]
    fn other_words_same_assertion() {
        let p = prep(&[
            ("these armed groups operate from within Afghan soil", Stance::Asserts),
            ("militants operate from Afghan territory", Stance::Asserts),
            ("perishable goods were at risk", Stance::Asserts),
        ]);
        let s = similarity(&p[0], &p[1]);
        assert!(s >= DEFAULT_THRESHOLD, "{s}");
        assert!(similarity(&p[0], &p[2]) < 0.1);
        assert!(p[0].positive && p[1].positive);
    }

    #[test]
    fn a_denial_is_not_the_same_assertion() {
        let f = [
            content_features("militants use Afghan soil to attack Pakistan", Stance::Asserts),
            content_features("militants use Afghan soil to attack Pakistan", Stance::Denies),
            content_features(
                "Kabul denied that militants use Afghan soil to attack Pakistan",
                Stance::Asserts,
            ),
            content_features("militants do not use Afghan soil to attack Pakistan", Stance::Asserts),
            content_features("Kabul denied that militants do not use Afghan soil", Stance::Asserts),
        ];
        assert!(f[0].positive);
        assert!(!f[1].positive, "stance denies");
        assert!(!f[2].positive, "'X denied Y' in the content");
        assert!(!f[3].positive, "negated content");
        assert!(f[4].positive, "two negatives cancel");
        // The denial cue itself is no content term: the proposition is the same.
        assert!(!f[2].terms.contains("deni"));
    }

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

    #[test]
    fn quantifiers_and_partitives_are_no_content() {
        let f = content_features(
            "at least three members of the security forces and another soldier",
            Stance::Asserts,
        );
        for light in LIGHT_STEMS {
            assert!(!f.terms.contains(*light), "{light}: {:?}", f.terms);
        }
        assert!(f.terms.contains("security forces") && f.terms.contains("three"));
    }

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
    /// are common, the index finds exactly what scoring every pair finds.
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
