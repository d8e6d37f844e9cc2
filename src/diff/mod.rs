//! Comparing the claims of two sets of articles (OLD and NEW): what NEW
//! repeats, echoes, contests, reverses, adds and leaves out. Matching of
//! contents is [`crate::matching`]'s; this module decides what a match means
//! from claimants (after actor resolution), sides (`member_of`) and polarity.

use crate::actors::Actors;
use crate::article::{Article, ArticleError};
use crate::check::Diagnostic;
use crate::claim::{Claim, LinkKind};
use crate::matching::{self, Features, Index, Prepared, Vocabulary};
use crate::store::{self, ClaimAt, Loaded, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// One side of a diff as named on the command line.
#[derive(Debug)]
pub enum Input {
    /// A claim file (read in the context of its directory) or a directory
    /// of claim files.
    Claims(Store),
    /// An article text, to be extracted on the fly.
    Article(Article),
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Claim files with problems (each diagnostic names file and place).
    #[error("{} in the claim files; fix them first (see claimtrack check)", problems(.0.len()))]
    Invalid(Vec<Diagnostic>),
    /// The article could not be read.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// A directory without claim files.
    #[error("{0}: no claim files in this directory")]
    Empty(PathBuf),
}

/// `1 problem`, `n problems`.
fn problems(n: usize) -> String {
    if n == 1 {
        "1 problem".to_string()
    } else {
        format!("{n} problems")
    }
}

/// Reads one side: a directory (all its claim files and its actors file),
/// a `.yaml`/`.yml` claim file, or anything else as an article text.
///
/// `-` reads stdin: a claim file when a line starts with `schema:` (as
/// every claim file written by `extract` does), else an article text.
pub fn read_input(path: &Path) -> Result<Input, InputError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        let stdin = std::io::stdin().lock();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(stdin, crate::article::MAX_ARTICLE_BYTES),
            &mut bytes,
        )
        .map_err(|source| ArticleError::Io {
            path: PathBuf::from(crate::check::STDIN),
            source,
        })?;
        let claims = String::from_utf8_lossy(&bytes)
            .lines()
            .any(|l| l.starts_with("schema:"));
        if claims {
            let report = crate::check::check_bytes(Path::new(crate::check::STDIN), &bytes);
            return Store::from_report(report)
                .map(Input::Claims)
                .map_err(InputError::Invalid);
        }
        return Ok(Input::Article(Article::from_bytes(&bytes, None, path)?));
    }
    if path.is_dir() {
        let store = Store::load(&[path.to_path_buf()]).map_err(InputError::Invalid)?;
        if store.files.is_empty() {
            return Err(InputError::Empty(path.to_path_buf()));
        }
        return Ok(Input::Claims(store));
    }
    if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
        return store::load_in_directory(path)
            .map(Input::Claims)
            .map_err(InputError::Invalid);
    }
    Ok(Input::Article(Article::from_file(path)?))
}

impl Input {
    /// The claims of this side; an article is extracted with `actors`.
    pub fn into_store(self, actors: &Actors) -> Store {
        match self {
            Input::Claims(s) => s,
            Input::Article(a) => {
                let text = a.path.as_ref().map(|p| p.display().to_string());
                let file = crate::extract::extract(&a, actors, text);
                let path = a.path.clone().unwrap_or_default();
                Store::from_files(vec![Loaded { path, file }], actors.clone())
            }
        }
    }

    /// The actors file that came with this side, if any.
    pub fn actors(&self) -> Option<&Actors> {
        match self {
            Input::Claims(s) if !s.actors.is_empty() => Some(&s.actors),
            _ => None,
        }
    }
}

/// Two claims that say the same thing (or, for a changed position, the same
/// proposition with the opposite polarity).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The claim in OLD.
    pub old: ClaimAt,
    /// The claim in NEW.
    pub new: ClaimAt,
    /// How alike the contents are, 0 to 1.
    pub similarity: f64,
    /// Why the two claims are paired so.
    pub why: Why,
    /// Claims of OLD that say again, earlier in its own article, what `old`
    /// says (a headline or standfirst the body restates): in this pair's
    /// section with it, not paired themselves.
    pub old_restated: Vec<ClaimAt>,
    /// The same for `new`, in NEW.
    pub new_restated: Vec<ClaimAt>,
}

/// Why two claims are paired: what their contents share, whose they are,
/// and what makes one a denial of the other.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Why {
    /// The terms both normalised contents hold (stems, one term per actor).
    pub shared_terms: Vec<String>,
    /// "same claimant", "same side: SIDE" or "other sides: OLD / NEW".
    pub claimants: String,
    /// For opposite polarities, what each says: "old asserts, new denies
    /// (negation)"; absent when both say the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polarity: Option<String>,
}

impl std::fmt::Display for Why {
    /// "same claimant; shared: attack, kramatorsk; old asserts, new denies (negation)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.claimants)?;
        if !self.shared_terms.is_empty() {
            write!(f, "; shared: {}", self.shared_terms.join(", "))?;
        }
        if let Some(p) = &self.polarity {
            write!(f, "; {p}")?;
        }
        Ok(())
    }
}

/// A claim of OLD that a claim of NEW contests.
#[derive(Debug, Clone, PartialEq)]
pub struct Contest {
    /// The contested claim, in OLD.
    pub old: ClaimAt,
    /// The contesting claim, in NEW.
    pub new: ClaimAt,
    /// `Rebuts` (a denial of the same proposition) or `Counters` (a claim
    /// NEW itself records as countering a repeat of it).
    pub relation: LinkKind,
    /// Content similarity of the two claims (0 when found through links).
    pub similarity: f64,
    /// Why.
    pub why: Why,
}

/// The result of comparing OLD with NEW.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    /// Same assertion, same claimant.
    pub repeated: Vec<Pair>,
    /// Same assertion by another voice of the same side.
    pub echoed: Vec<Pair>,
    /// Claims of NEW with no counterpart in OLD.
    pub new: Vec<ClaimAt>,
    /// Claims of OLD that NEW rebuts or counters.
    pub newly_contested: Vec<Contest>,
    /// Same claimant, same proposition, opposite stance.
    pub changed_position: Vec<Pair>,
    /// Claims of OLD with no counterpart in NEW.
    pub not_repeated: Vec<ClaimAt>,
}

/// The canonical name of a claimant.
pub(crate) fn canonical(actors: &Actors, name: &str) -> String {
    actors.get(name).map_or_else(|| name.to_string(), |a| a.name.clone())
}

/// The sections a pair can be in, in the order they take claims.
const REPEATED: usize = 0;
const ECHOED: usize = 1;
const CHANGED: usize = 2;
const CONTESTED: usize = 3;

/// How near a claim's similarity to a partner already paired must come to
/// the similarity of that pair for the claim to join it (two body claims of
/// OLD that NEW says once are both repeated). A claim that says the NEW
/// claim's assertion much less well than its pair does is most often
/// another assertion that shares a clause or a name with it ("its troops
/// were responding to large-scale provocations", paired at 0.86, joined by
/// "Fifty Azerbaijani servicemen died as a result of Armenia's large-scale
/// provocation" at 0.60). See docs/diff.md, round 6.
const JOIN: f64 = 0.9;

/// A candidate pair: (OLD index, NEW index, similarity, relation).
type Candidate = (usize, usize, f64, LinkKind);

/// Words of a cue that make the claim a demand, not an assertion.
const DEMAND_CUES: &[&str] = &[
    "urge", "urged", "urges", "urging", "demand", "demanded", "demands", "appeal", "appealed", "appeals", "asked",
    "asks", "expects", "expected",
];

/// Nouns that, among the first words of a content, make it a demand
/// ("their demand for Kabul to prevent …", "Pakistan's expectation from the
/// Afghan interim government to …").
/// Not "call": as often a telephone call ("intercepted calls provided
/// evidence").
const DEMAND_NOUNS: &[&str] = &["demand", "demands", "appeal", "appeals", "expectation", "expectations"];

/// Whether a claim asks someone to do something ("urged Kabul to act", "their
/// demand for Kabul to prevent …", "We urge Pakistan to focus …") rather than
/// says what is so. A demand and an assertion are never the same assertion
/// nor opposite ones: "their demand for Kabul to prevent attacks" does not
/// reverse "the Taliban is not preventing attacks".
pub fn is_demand(claim: &Claim) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let cue = claim.cue.as_deref().map(words).unwrap_or_default();
    let called_on = cue
        .windows(2)
        .any(|w| w[0].starts_with("call") && matches!(w[1].as_str(), "on" | "for"));
    if called_on || cue.iter().any(|w| DEMAND_CUES.contains(&w.as_str())) {
        return true;
    }
    let content = words(&claim.content);
    let opens = match content.first().map(String::as_str) {
        Some("urge") => true,
        Some("we") => content.get(1).is_some_and(|w| w == "urge"),
        _ => false,
    };
    opens || content.iter().take(3).any(|w| DEMAND_NOUNS.contains(&w.as_str()))
}

/// How many claims open an article (headline, standfirst) and may be said
/// again by its body.
const OPENING: usize = 2;

/// For each claim, the later claim of its own article that it restates,
/// if any: one of the article's first [`OPENING`] claims (a headline or a
/// standfirst) and a later claim by the same claimant with the same
/// polarity at or above `threshold` (the best, then followed to the last
/// of a chain) that says little more than it: their weighted Dice at
/// least [`JOIN`] × `threshold`. The similarity alone counts a short claim
/// inside a long one as said again (its overlap is full): "Armenia of
/// 'large-scale provocation'" is not restated by a 60-word quote that
/// ends on "the large-scale provocations it carried out today", and
/// another article's "its troops were responding to large-scale
/// provocations" repeats the short claim, not the quote (docs/diff.md,
/// round 9). A reader of both articles sees one assertion, said twice
/// in one of them; the reference files link the body's claim, not the
/// headline's, and so does the diff.
fn restatements(at: &[ClaimAt], p: &[Prepared], who: &[String], index: &Index, threshold: f64) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = at
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            if a.1 >= OPENING {
                return None;
            }
            index.search(&p[i], threshold).into_iter().find_map(|(j, _)| {
                (at[j].0 == a.0
                    && at[j].1 > a.1
                    && who[j] == who[i]
                    && p[j].positive == p[i].positive
                    && matching::components(&p[i], &p[j]).dice >= JOIN * threshold)
                    .then_some(j)
            })
        })
        .collect();
    for i in 0..out.len() {
        while let Some(t) = out[i]
            && let Some(next) = out[t]
        {
            out[i] = Some(next);
        }
    }
    out
}

/// Compares the claims of `old` with those of `new`. `actors` resolves
/// claimants and sides; `threshold` is the similarity two normalised
/// contents ([`matching::features_in`]) need to count as the same
/// proposition ([`matching::DEFAULT_THRESHOLD`]).
///
/// Every claim ends in exactly one section. A pair of claims at or above
/// the threshold is a *repeat* (same claimant after actor resolution, same
/// polarity), an *echo* (another voice of the same side, `member_of`, same
/// polarity), a *change of position* (same claimant or side, opposite
/// polarity) or a *contest* (another side, opposite polarity); a NEW claim
/// that rebuts or counters, in its own file, a claim that says what an OLD
/// claim of another claimant says contests that OLD claim too, as do NEW's
/// direct references to OLD claims. The same polarity from another side
/// (agreement across sides) makes no section: both claims stay `not
/// repeated` and `new`. The sections take claims in that order: for each,
/// pairs of claims in no section yet are taken one to one, best similarity
/// first; then each claim still in no section joins its best partner that
/// is already in this section, at 0.9 (`JOIN`) of that pair's similarity or
/// more (two claims that say one thing are both repeated by the one NEW
/// claim that repeats them). Polarity is compared with
/// [`matching::same_polarity`]. A NEW claim
/// that NEW repeats from OLD contests nothing newly. An OLD claim that NEW
/// both repeats and rebuts is `repeated`, and the rebuttal is listed under
/// `newly contested` with it as its target: in that section an OLD claim
/// counts only when it is in no earlier one ([`Diff::unaccounted`]).
pub fn diff(old: &Store, new: &Store, actors: &Actors, threshold: f64) -> Diff {
    let old_at: Vec<ClaimAt> = old.all().collect();
    let new_at: Vec<ClaimAt> = new.all().collect();
    let old_f: Vec<Features> = old_at
        .par_iter()
        .map(|&a| matching::features_in(old.claim(a), actors))
        .collect();
    let new_f: Vec<Features> = new_at
        .par_iter()
        .map(|&a| matching::features_in(new.claim(a), actors))
        .collect();
    let vocab = Vocabulary::with_variants(old_f.iter().chain(&new_f));
    let old_p: Vec<Prepared> = old_f.par_iter().map(|f| vocab.prepare(f)).collect();
    let new_p: Vec<Prepared> = new_f.par_iter().map(|f| vocab.prepare(f)).collect();
    let index = Index::new(&old_p);

    let who = |store: &Store, at: ClaimAt| canonical(actors, &store.claim(at).claimant);
    let old_who: Vec<String> = old_at.iter().map(|&a| who(old, a)).collect();
    let new_who: Vec<String> = new_at.iter().map(|&a| who(new, a)).collect();
    let old_side: Vec<String> = old_who.iter().map(|w| actors.side(w)).collect();
    let new_side: Vec<String> = new_who.iter().map(|w| actors.side(w)).collect();
    let old_demand: Vec<bool> = old_at.iter().map(|&a| is_demand(old.claim(a))).collect();
    let new_demand: Vec<bool> = new_at.iter().map(|&a| is_demand(new.claim(a))).collect();
    let hits: Vec<Vec<(usize, f64)>> = new_p
        .par_iter()
        .map_init(|| index.scratch(), |acc, q| index.search_with(q, threshold, acc))
        .collect();
    let old_restates = restatements(&old_at, &old_p, &old_who, &index, threshold);
    let new_restates = restatements(&new_at, &new_p, &new_who, &Index::new(&new_p), threshold);

    let mut cands: [Vec<Candidate>; 4] = Default::default();
    for (n, list) in hits.iter().enumerate() {
        if new_restates[n].is_some() {
            continue;
        }
        for &(o, sim) in list {
            if old_restates[o].is_some() || old_demand[o] != new_demand[n] {
                continue;
            }
            let same_polarity = matching::same_polarity(&old_f[o], &new_f[n]);
            let section = match (same_polarity, old_who[o] == new_who[n], old_side[o] == new_side[n]) {
                (true, true, _) => REPEATED,
                (true, false, true) => ECHOED,
                (false, _, true) => CHANGED,
                (false, _, false) => CONTESTED,
                (true, false, false) => continue,
            };
            cands[section].push((o, n, sim, LinkKind::Rebuts));
        }
    }
    // Contests recorded through NEW's own links.
    let new_pos: BTreeMap<ClaimAt, usize> = new_at.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let old_pos: BTreeMap<ClaimAt, usize> = old_at.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let found: HashSet<(usize, usize)> = cands[CONTESTED].iter().map(|c| (c.0, c.1)).collect();
    for (n, &at) in new_at.iter().enumerate() {
        for kind in [LinkKind::Rebuts, LinkKind::Counters] {
            for r in new.claim(at).links(kind) {
                let mut targets: BTreeSet<usize> = BTreeSet::new();
                if let Some(&y) = new.resolve(at.0, r).and_then(|t| new_pos.get(&t)) {
                    let same = hits[y]
                        .iter()
                        .filter(|&&(o, _)| matching::same_polarity(&old_f[o], &new_f[y]));
                    targets.extend(same.map(|&(o, _)| o));
                }
                if r.contains('#')
                    && let Some(&o) = resolve_in(old, r).and_then(|t| old_pos.get(&t))
                {
                    targets.insert(o);
                }
                for o in targets {
                    let restates = old_restates[o].is_some() || new_restates[n].is_some();
                    if old_who[o] != new_who[n] && !found.contains(&(o, n)) && !restates {
                        cands[CONTESTED].push((o, n, 0.0, kind));
                    }
                }
            }
        }
    }

    let mut old_sec: Vec<Option<usize>> = vec![None; old_at.len()];
    let mut new_sec: Vec<Option<usize>> = vec![None; new_at.len()];
    // The similarity of each claim's one-to-one pair, which a join must come near.
    let mut old_pair: Vec<f64> = vec![0.0; old_at.len()];
    let mut new_pair: Vec<f64> = vec![0.0; new_at.len()];
    let mut chosen: [Vec<Candidate>; 4] = Default::default();
    for (section, list) in cands.iter_mut().enumerate() {
        list.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.1, a.0).cmp(&(b.1, b.0))));
        for &(o, n, sim, rel) in list.iter() {
            if old_sec[o].is_none() && new_sec[n].is_none() {
                old_sec[o] = Some(section);
                new_sec[n] = Some(section);
                old_pair[o] = sim;
                new_pair[n] = sim;
                chosen[section].push((o, n, sim, rel));
            }
        }
        let taken: HashSet<(usize, usize)> = chosen[section].iter().map(|c| (c.0, c.1)).collect();
        for &(o, n, sim, rel) in list.iter() {
            if taken.contains(&(o, n)) {
                continue;
            }
            // A rebuttal names every claim it newly contests, even one NEW
            // also repeats (or echoes); the OLD claim stays where it is.
            let joins = if section == CONTESTED {
                new_sec[n].map_or(old_sec[o].is_some(), |s| s == CONTESTED)
            } else {
                (old_sec[o].is_none() && new_sec[n] == Some(section) && sim >= JOIN * new_pair[n])
                    || (new_sec[n].is_none() && old_sec[o] == Some(section) && sim >= JOIN * old_pair[o])
            };
            if joins {
                old_sec[o].get_or_insert(section);
                new_sec[n] = Some(section);
                chosen[section].push((o, n, sim, rel));
            }
        }
    }

    // A restatement is in its claim's section, shown with its pairs.
    for (o, t) in old_restates.iter().enumerate() {
        if let Some(t) = *t {
            old_sec[o] = old_sec[t];
        }
    }
    for (n, t) in new_restates.iter().enumerate() {
        if let Some(t) = *t {
            new_sec[n] = new_sec[t];
        }
    }
    let restating = |restates: &[Option<usize>], at: &[ClaimAt], t: usize| -> Vec<ClaimAt> {
        (0..restates.len())
            .filter(|&r| restates[r] == Some(t))
            .map(|r| at[r])
            .collect()
    };
    let why = |o: usize, n: usize| {
        let theirs: HashSet<u32> = new_f[n].terms.iter().filter_map(|t| vocab.id(t)).collect();
        let shared_terms = old_f[o]
            .terms
            .iter()
            .filter(|t| vocab.id(t).is_some_and(|id| theirs.contains(&id)))
            .cloned()
            .collect();
        let claimants = if old_who[o] == new_who[n] {
            "same claimant".to_string()
        } else if old_side[o] == new_side[n] {
            format!("same side: {}", old_side[o])
        } else {
            format!("other sides: {} / {}", old_side[o], new_side[n])
        };
        let says = |f: &Features| {
            let verb = if f.positive { "asserts" } else { "denies" };
            if f.flips.is_empty() {
                verb.to_string()
            } else {
                format!("{verb} ({})", f.flips.join(", "))
            }
        };
        let polarity = (!matching::same_polarity(&old_f[o], &new_f[n]))
            .then(|| format!("old {}, new {}", says(&old_f[o]), says(&new_f[n])));
        Why {
            shared_terms,
            claimants,
            polarity,
        }
    };
    let pairs = |list: &[Candidate]| {
        let mut out: Vec<Pair> = list
            .iter()
            .map(|&(o, n, similarity, _)| Pair {
                old: old_at[o],
                new: new_at[n],
                similarity,
                why: why(o, n),
                old_restated: restating(&old_restates, &old_at, o),
                new_restated: restating(&new_restates, &new_at, n),
            })
            .collect();
        out.sort_by_key(|p| (p.new, p.old));
        out
    };
    // A contest names the restatements of both its claims too.
    let mut newly_contested: Vec<Contest> = chosen[CONTESTED]
        .iter()
        .flat_map(|&(o, n, similarity, relation)| {
            let olds: Vec<usize> = std::iter::once(o)
                .chain((0..old_at.len()).filter(|&r| old_restates[r] == Some(o)))
                .collect();
            let news: Vec<usize> = std::iter::once(n)
                .chain((0..new_at.len()).filter(|&r| new_restates[r] == Some(n)))
                .collect();
            let mut out = Vec::with_capacity(olds.len() * news.len());
            for &a in &olds {
                out.extend(news.iter().map(|&b| (a, b, similarity, relation)));
            }
            out
        })
        .map(|(o, n, similarity, relation)| Contest {
            old: old_at[o],
            new: new_at[n],
            relation,
            similarity,
            why: why(o, n),
        })
        .collect();
    newly_contested.sort_by_key(|c| (c.old, c.new));
    Diff {
        repeated: pairs(&chosen[REPEATED]),
        echoed: pairs(&chosen[ECHOED]),
        changed_position: pairs(&chosen[CHANGED]),
        newly_contested,
        new: (0..new_at.len())
            .filter(|&n| new_sec[n].is_none())
            .map(|n| new_at[n])
            .collect(),
        not_repeated: (0..old_at.len())
            .filter(|&o| old_sec[o].is_none())
            .map(|o| old_at[o])
            .collect(),
    }
}

impl Diff {
    /// The claims that are not in exactly one section: of OLD, those in none
    /// or several of repeated, echoed, changed position, newly contested
    /// (only as the target of a contest and in no earlier section) and not
    /// repeated; of NEW, those in none or several of repeated, echoed,
    /// changed position, newly contested and new. Empty when every claim is
    /// accounted for.
    pub fn unaccounted(&self, old: &Store, new: &Store) -> Vec<(bool, ClaimAt)> {
        let mut o: BTreeMap<ClaimAt, BTreeSet<u8>> = old.all().map(|a| (a, BTreeSet::new())).collect();
        let mut n: BTreeMap<ClaimAt, BTreeSet<u8>> = new.all().map(|a| (a, BTreeSet::new())).collect();
        let put = |side: &mut BTreeMap<ClaimAt, BTreeSet<u8>>, at: ClaimAt, k: u8| {
            side.entry(at).or_default().insert(k);
        };
        for (k, list) in [&self.repeated, &self.echoed, &self.changed_position]
            .into_iter()
            .enumerate()
        {
            for p in list {
                put(&mut o, p.old, k as u8);
                put(&mut n, p.new, k as u8);
                p.old_restated.iter().for_each(|&a| put(&mut o, a, k as u8));
                p.new_restated.iter().for_each(|&a| put(&mut n, a, k as u8));
            }
        }
        for c in &self.newly_contested {
            // The target of a rebuttal may be repeated, echoed or changed.
            if o.get(&c.old).is_none_or(|s| s.iter().all(|&k| k == 3)) {
                put(&mut o, c.old, 3);
            }
            put(&mut n, c.new, 3);
        }
        self.not_repeated.iter().for_each(|&a| put(&mut o, a, 4));
        self.new.iter().for_each(|&a| put(&mut n, a, 4));
        let bad = |side: BTreeMap<ClaimAt, BTreeSet<u8>>, is_old: bool| {
            side.into_iter()
                .filter(|(_, s)| s.len() != 1)
                .map(move |(a, _)| (is_old, a))
                .collect::<Vec<_>>()
        };
        let mut out = bad(o, true);
        out.extend(bad(n, false));
        out
    }
}

/// Resolves `ARTICLE-ID#CLAIM-ID` in a store (any file).
fn resolve_in(store: &Store, reference: &str) -> Option<ClaimAt> {
    if store.files.is_empty() {
        return None;
    }
    store.resolve(0, reference)
}

/// The JSON form of a [`Diff`]: claims named `ARTICLE-ID#CLAIM-ID`.
#[derive(Debug, Serialize)]
pub struct DiffJson {
    /// Same assertion, same claimant.
    pub repeated: Vec<PairJson>,
    /// Same assertion, another voice of the same side.
    pub echoed: Vec<PairJson>,
    /// Claims of NEW with no counterpart in OLD.
    pub new: Vec<String>,
    /// Claims of OLD that NEW rebuts or counters.
    pub newly_contested: Vec<ContestJson>,
    /// Same claimant, opposite stance on the same proposition.
    pub changed_position: Vec<PairJson>,
    /// Claims of OLD with no counterpart in NEW.
    pub not_repeated: Vec<String>,
}

/// One pair in JSON.
#[derive(Debug, Serialize)]
pub struct PairJson {
    /// `ARTICLE-ID#CLAIM-ID` in OLD.
    pub old: String,
    /// `ARTICLE-ID#CLAIM-ID` in NEW.
    pub new: String,
    /// Content similarity, rounded to two decimals.
    pub similarity: f64,
    /// Why the claims are paired.
    pub why: Why,
    /// Earlier claims of either article that say again what its claim of
    /// the pair says (headline, standfirst); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub restated: Vec<String>,
}

/// One contest in JSON.
#[derive(Debug, Serialize)]
pub struct ContestJson {
    /// The contested claim in OLD.
    pub old: String,
    /// The contesting claim in NEW.
    pub new: String,
    /// `rebuts` or `counters`.
    pub relation: LinkKind,
    /// Content similarity, two decimals (0 when found through links).
    pub similarity: f64,
    /// Why the claim is contested.
    pub why: Why,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl Diff {
    /// The JSON document of the diff.
    pub fn to_json(&self, old: &Store, new: &Store) -> DiffJson {
        let pair = |p: &Pair| PairJson {
            old: old.full_id(p.old),
            new: new.full_id(p.new),
            similarity: round2(p.similarity),
            why: p.why.clone(),
            restated: p
                .old_restated
                .iter()
                .map(|&a| old.full_id(a))
                .chain(p.new_restated.iter().map(|&a| new.full_id(a)))
                .collect(),
        };
        DiffJson {
            repeated: self.repeated.iter().map(pair).collect(),
            echoed: self.echoed.iter().map(pair).collect(),
            new: self.new.iter().map(|&a| new.full_id(a)).collect(),
            newly_contested: self
                .newly_contested
                .iter()
                .map(|c| ContestJson {
                    old: old.full_id(c.old),
                    new: new.full_id(c.new),
                    relation: c.relation,
                    similarity: round2(c.similarity),
                    why: c.why.clone(),
                })
                .collect(),
            changed_position: self.changed_position.iter().map(pair).collect(),
            not_repeated: self.not_repeated.iter().map(|&a| old.full_id(a)).collect(),
        }
    }

    /// The links `diff --write` records in NEW's files: per NEW file index,
    /// (claim index, kind, `OLD-ID#CLAIM-ID`), skipping links already there.
    pub fn links_to_write(&self, old: &Store, new: &Store) -> BTreeMap<usize, Vec<(usize, LinkKind, String)>> {
        let mut out: BTreeMap<usize, Vec<(usize, LinkKind, String)>> = BTreeMap::new();
        let mut add = |at: ClaimAt, kind: LinkKind, target: String| {
            let claim = new.claim(at);
            let list = out.entry(at.0).or_default();
            if !claim.links(kind).contains(&target)
                && !list.iter().any(|(c, k, t)| *c == at.1 && *k == kind && *t == target)
            {
                list.push((at.1, kind, target));
            }
        };
        for p in &self.repeated {
            add(p.new, LinkKind::SameAs, old.full_id(p.old));
        }
        for c in &self.newly_contested {
            add(c.new, c.relation, old.full_id(c.old));
        }
        out.retain(|_, v| !v.is_empty());
        out
    }
}

impl Diff {
    /// Writes the diff as text for the terminal, grouped, with both contents
    /// of each pair: streamed, since a diff of large directories runs to
    /// megabytes.
    pub fn write_text(&self, old: &Store, new: &Store, out: &mut impl std::io::Write) -> std::io::Result<()> {
        // Every text from a file is cleaned as in `report`: no escape
        // sequence, carriage return or bidi control reaches the terminal.
        let clean = crate::sanitize::clean;
        let id = |store: &Store, at: ClaimAt| clean(&store.full_id(at));
        let line = |store: &Store, at: ClaimAt| {
            let c = store.claim(at);
            clean(&format!("{} {}: {}", c.claimant, c.stance.as_str(), c.content))
        };
        let pairs = |out: &mut dyn std::io::Write, title: &str, list: &[Pair]| -> std::io::Result<()> {
            writeln!(out, "{title} ({})", list.len())?;
            for p in list {
                writeln!(
                    out,
                    "  {} ~ {}  similarity {:.2}\n    old: {}\n    new: {}\n    why: {}",
                    id(old, p.old),
                    id(new, p.new),
                    p.similarity,
                    line(old, p.old),
                    line(new, p.new),
                    clean(&p.why.to_string())
                )?;
                let also: Vec<String> = p
                    .old_restated
                    .iter()
                    .map(|&a| id(old, a))
                    .chain(p.new_restated.iter().map(|&a| id(new, a)))
                    .collect();
                if !also.is_empty() {
                    writeln!(out, "    restated earlier in its article by: {}", also.join(", "))?;
                }
            }
            Ok(())
        };
        pairs(out, "repeated", &self.repeated)?;
        pairs(out, "echoed", &self.echoed)?;
        writeln!(out, "new ({})", self.new.len())?;
        for &at in &self.new {
            writeln!(out, "  {}  {}", id(new, at), line(new, at))?;
        }
        writeln!(out, "newly contested ({})", self.newly_contested.len())?;
        for c in &self.newly_contested {
            writeln!(
                out,
                "  {} {} {}  similarity {:.2}\n    old: {}\n    new: {}\n    why: {}",
                id(new, c.new),
                c.relation.field(),
                id(old, c.old),
                c.similarity,
                line(old, c.old),
                line(new, c.new),
                clean(&c.why.to_string())
            )?;
        }
        pairs(out, "changed position", &self.changed_position)?;
        writeln!(out, "not repeated ({})", self.not_repeated.len())?;
        for &at in &self.not_repeated {
            writeln!(out, "  {}  {}", id(old, at), line(old, at))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
