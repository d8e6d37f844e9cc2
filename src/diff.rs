//! Comparing the claims of two sets of articles (OLD and NEW): what NEW
//! repeats, echoes, contests, reverses, adds and leaves out. Matching of
//! contents is [`crate::matching`]'s; this module decides what a match means
//! from claimants (after actor resolution), sides (`member_of`) and polarity.

use crate::actors::Actors;
use crate::article::{Article, ArticleError};
use crate::check::Diagnostic;
use crate::claim::LinkKind;
use crate::matching::{self, Index, Prepared, Vocabulary};
use crate::store::{self, ClaimAt, Loaded, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
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
    #[error("{} problems in the claim files; fix them first (see claimtrack check)", .0.len())]
    Invalid(Vec<Diagnostic>),
    /// The article could not be read.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// A directory without claim files.
    #[error("{0}: no claim files in this directory")]
    Empty(PathBuf),
}

/// Reads one side: a directory (all its claim files and its actors file),
/// a `.yaml`/`.yml` claim file, or anything else as an article text.
pub fn read_input(path: &Path) -> Result<Input, InputError> {
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The claim in OLD.
    pub old: ClaimAt,
    /// The claim in NEW.
    pub new: ClaimAt,
    /// How alike the contents are, 0 to 1.
    pub similarity: f64,
}

/// A claim of OLD that a claim of NEW contests.
#[derive(Debug, Clone, Copy, PartialEq)]
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
fn canonical(actors: &Actors, name: &str) -> String {
    actors.get(name).map_or_else(|| name.to_string(), |a| a.name.clone())
}

/// Compares the claims of `old` with those of `new`. `actors` resolves
/// claimants and sides; `threshold` is the similarity two contents need to
/// count as the same proposition ([`matching::DEFAULT_THRESHOLD`]).
///
/// A claim of NEW is *repeated* when a claim of OLD by the same claimant has
/// the same polarity and a similarity at or above the threshold; repeated
/// pairs are one to one, best similarity first. Otherwise its best such
/// match by another claimant of the same side makes it *echoed*. A match of
/// opposite polarity is a *changed position* (same claimant) or makes the OLD
/// claim *newly contested* (another claimant). A NEW claim that rebuts or
/// counters, in its own file, a claim that matches an OLD claim of another
/// claimant contests that OLD claim too, as do NEW's direct references to
/// OLD claims. A NEW claim that is itself repeated from OLD contests nothing
/// newly: whatever it contests, its OLD counterpart already did.
pub fn diff(old: &Store, new: &Store, actors: &Actors, threshold: f64) -> Diff {
    let old_at: Vec<ClaimAt> = old.all().collect();
    let new_at: Vec<ClaimAt> = new.all().collect();
    let old_f: Vec<_> = old_at.iter().map(|&a| matching::features(old.claim(a))).collect();
    let new_f: Vec<_> = new_at.iter().map(|&a| matching::features(new.claim(a))).collect();
    let vocab = Vocabulary::new(old_f.iter().chain(&new_f));
    let old_p: Vec<Prepared> = old_f.iter().map(|f| vocab.prepare(f)).collect();
    let new_p: Vec<Prepared> = new_f.iter().map(|f| vocab.prepare(f)).collect();
    let index = Index::new(&old_p);

    let who = |store: &Store, at: ClaimAt| canonical(actors, &store.claim(at).claimant);
    let old_who: Vec<String> = old_at.iter().map(|&a| who(old, a)).collect();
    let old_side: Vec<String> = old_who.iter().map(|w| actors.side(w)).collect();

    let new_who: Vec<String> = new_at.iter().map(|&a| who(new, a)).collect();
    let old_rep = representatives(&old_at, &old_who, &old_p, threshold);
    let new_rep = representatives(&new_at, &new_who, &new_p, threshold);

    let mut out = Diff::default();
    let mut repeat_candidates: Vec<(usize, usize, f64)> = Vec::new();
    let mut old_hit = vec![false; old_at.len()];
    // new index -> old indices it says the same thing as (same polarity)
    let mut same: Vec<Vec<usize>> = vec![Vec::new(); new_at.len()];
    let mut best_echo: Vec<Option<(usize, f64)>> = vec![None; new_at.len()];
    let mut contested: BTreeMap<(usize, usize), Contest> = BTreeMap::new();
    let hits: Vec<Vec<(usize, f64)>> = new_p.iter().map(|q| index.search(q, threshold)).collect();

    for (n, q) in new_p.iter().enumerate() {
        if hits[n].is_empty() && hits[new_rep[n]].is_empty() {
            out.new.push(new_at[n]);
            continue;
        }
        let n_who = &new_who[n];
        let n_side = actors.side(n_who);
        let mut changed: Option<(usize, f64)> = None;
        for &(o, sim) in &hits[n] {
            old_hit[o] = true;
            let same_claimant = old_who[o] == *n_who;
            let representative = old_rep[o] == o && new_rep[n] == n;
            if old_p[o].positive == q.positive {
                same[n].push(o);
                if same_claimant && representative {
                    repeat_candidates.push((o, n, sim));
                } else if !same_claimant && representative && old_side[o] == n_side && best_echo[n].is_none() {
                    best_echo[n] = Some((o, sim));
                }
            } else if same_claimant {
                changed.get_or_insert((o, sim));
            } else {
                contested.entry((o, n)).or_insert(Contest {
                    old: old_at[o],
                    new: new_at[n],
                    relation: LinkKind::Rebuts,
                    similarity: sim,
                });
            }
        }
        if let Some((o, sim)) = changed {
            out.changed_position.push(Pair {
                old: old_at[o],
                new: new_at[n],
                similarity: sim,
            });
        }
    }

    // Repeated pairs, one to one, best first (ties: earlier NEW, then OLD).
    repeat_candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.1, a.0).cmp(&(b.1, b.0))));
    let (mut used_old, mut used_new) = (HashSet::new(), HashSet::new());
    for (o, n, sim) in repeat_candidates {
        if used_old.contains(&o) || used_new.contains(&n) {
            continue;
        }
        used_old.insert(o);
        used_new.insert(n);
        out.repeated.push(Pair {
            old: old_at[o],
            new: new_at[n],
            similarity: sim,
        });
    }
    out.repeated.sort_by_key(|p| (p.new, p.old));
    for (n, echo) in best_echo.iter().enumerate() {
        if let Some((o, sim)) = echo
            && !used_new.contains(&n)
        {
            out.echoed.push(Pair {
                old: old_at[*o],
                new: new_at[n],
                similarity: *sim,
            });
        }
    }

    // Contests recorded through NEW's own links.
    let new_pos: BTreeMap<ClaimAt, usize> = new_at.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let old_pos: BTreeMap<ClaimAt, usize> = old_at.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    for (n, &at) in new_at.iter().enumerate() {
        let claim = new.claim(at);
        let n_who = who(new, at);
        for kind in [LinkKind::Rebuts, LinkKind::Counters] {
            for r in claim.links(kind) {
                let mut targets: BTreeSet<usize> = BTreeSet::new();
                if let Some(local) = new.resolve(at.0, r).and_then(|t| new_pos.get(&t)) {
                    targets.extend(same[*local].iter().copied());
                }
                if r.contains('#')
                    && let Some(o) = resolve_in(old, r).and_then(|t| old_pos.get(&t))
                {
                    targets.insert(*o);
                }
                for o in targets {
                    if old_who[o] != n_who {
                        old_hit[o] = true;
                        contested.entry((o, n)).or_insert(Contest {
                            old: old_at[o],
                            new: at,
                            relation: kind,
                            similarity: 0.0,
                        });
                    }
                }
            }
        }
    }
    // A repeat of an OLD claim contests nothing new: its OLD self already did.
    contested.retain(|(_, n), _| !used_new.contains(n));
    out.newly_contested = contested.into_values().collect();
    out.not_repeated = (0..old_at.len())
        .filter(|&o| !old_hit[o] && !old_hit[old_rep[o]])
        .map(|o| old_at[o])
        .collect();
    out
}

impl Diff {
    /// The claims that are not in exactly one section: of OLD, those in none
    /// or several of repeated, echoed, changed position, newly contested and
    /// not repeated; of NEW, those in none or several of repeated, echoed,
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
            }
        }
        for c in &self.newly_contested {
            put(&mut o, c.old, 3);
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

/// How alike a claim of `old` and a claim of `new` are, part by part, as
/// [`diff`] scores them (term weights over all claims of both sides): for
/// explaining why a pair is, or is not, a match.
pub fn explain(old: &Store, new: &Store, o: ClaimAt, n: ClaimAt) -> matching::Components {
    let old_f: Vec<_> = old.all().map(|a| matching::features(old.claim(a))).collect();
    let new_f: Vec<_> = new.all().map(|a| matching::features(new.claim(a))).collect();
    let vocab = Vocabulary::new(old_f.iter().chain(&new_f));
    let a = vocab.prepare(&matching::features(old.claim(o)));
    let b = vocab.prepare(&matching::features(new.claim(n)));
    matching::components(&a, &b)
}

/// For each claim, the claim of the same article that stands for it in
/// `repeated` and `echoed`: itself, or the most complete claim of the same
/// claimant and polarity that says the same thing (a headline or lede that
/// the body states again in full). Ties go to the later claim (the body).
fn representatives(at: &[ClaimAt], who: &[String], p: &[Prepared], threshold: f64) -> Vec<usize> {
    let mut rep: Vec<usize> = (0..at.len()).collect();
    let mut start = 0;
    while start < at.len() {
        let end = (start..at.len()).find(|&k| at[k].0 != at[start].0).unwrap_or(at.len());
        for i in start..end {
            for j in start..end {
                let better = (p[j].norm(), j) > (p[rep[i]].norm(), rep[i]);
                if i != j
                    && better
                    && who[i] == who[j]
                    && p[i].positive == p[j].positive
                    && matching::similarity(&p[i], &p[j]) >= threshold
                {
                    rep[i] = j;
                }
            }
        }
        start = end;
    }
    rep
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
    /// The diff as text for the terminal, grouped, with both contents of
    /// each pair.
    pub fn render(&self, old: &Store, new: &Store) -> String {
        let mut out = String::new();
        let line = |store: &Store, at: ClaimAt| {
            let c = store.claim(at);
            format!("{} {}: {}", c.claimant, c.stance.as_str(), c.content)
        };
        let pairs = |out: &mut String, title: &str, list: &[Pair]| {
            let _ = writeln!(out, "{title} ({})", list.len());
            for p in list {
                let _ = writeln!(
                    out,
                    "  {} ~ {}  similarity {:.2}\n    old: {}\n    new: {}",
                    old.full_id(p.old),
                    new.full_id(p.new),
                    p.similarity,
                    line(old, p.old),
                    line(new, p.new)
                );
            }
        };
        pairs(&mut out, "repeated", &self.repeated);
        pairs(&mut out, "echoed", &self.echoed);
        let _ = writeln!(out, "new ({})", self.new.len());
        for &at in &self.new {
            let _ = writeln!(out, "  {}  {}", new.full_id(at), line(new, at));
        }
        let _ = writeln!(out, "newly contested ({})", self.newly_contested.len());
        for c in &self.newly_contested {
            let _ = writeln!(
                out,
                "  {} {} {}\n    old: {}\n    new: {}",
                new.full_id(c.new),
                c.relation.field(),
                old.full_id(c.old),
                line(old, c.old),
                line(new, c.new)
            );
        }
        pairs(&mut out, "changed position", &self.changed_position);
        let _ = writeln!(out, "not repeated ({})", self.not_repeated.len());
        for &at in &self.not_repeated {
            let _ = writeln!(out, "  {}  {}", old.full_id(at), line(old, at));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Actor, ActorsFile, ArticleMeta, Claim, ClaimFile, Stance};
    use crate::store::Loaded;
    use std::path::PathBuf;

    fn store(id: &str, claims: Vec<Claim>) -> Store {
        let mut f = ClaimFile::new(ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        });
        f.claims = claims;
        Store::from_files(
            vec![Loaded {
                path: PathBuf::from(format!("{id}.yaml")),
                file: f,
            }],
            Actors::default(),
        )
    }

    fn actors() -> Actors {
        Actors::new(&ActorsFile {
            schema: crate::claim::ACTORS_SCHEMA.into(),
            actors: vec![Actor {
                name: "Abdul Qahar Balkhi".into(),
                member_of: Some("Afghanistan".into()),
                ..Actor::default()
            }],
        })
    }

    #[test]
    fn groups_repeated_echoed_contested_changed_new_dropped() {
        let a = Stance::Asserts;
        let d = Stance::Denies;
        let old = store(
            "a",
            vec![
                Claim::new("c1", "Pakistan", a, "militants operate from Afghan soil"),
                Claim::new("c2", "Afghanistan", a, "the border crossing will reopen on Monday"),
                Claim::new("c3", "Pakistan", a, "India had a hand in the train hijacking"),
                Claim::new("c4", "United Nations", a, "millions of people are at risk of hunger"),
            ],
        );
        let mut counter = Claim::new("c6", "Afghanistan", a, "ISKP fighters enter Afghanistan from Pakistan");
        counter.counters = vec!["c1".into()];
        let new = store(
            "b",
            vec![
                Claim::new("c1", "Pakistan", a, "terrorists use Afghan territory"),
                Claim::new("c2", "Afghanistan", d, "militants operate from Afghan soil"),
                Claim::new(
                    "c3",
                    "Abdul Qahar Balkhi",
                    a,
                    "the border crossing would reopen on Monday",
                ),
                Claim::new("c4", "Pakistan", d, "India had a hand in the train hijacking"),
                Claim::new("c5", "Safi", a, "perishable goods were at risk"),
                counter,
            ],
        );
        let diff = diff(&old, &new, &actors(), matching::DEFAULT_THRESHOLD);
        let j = serde_json::to_value(diff.to_json(&old, &new)).unwrap();
        assert_eq!(j["repeated"][0]["old"], "a#c1");
        assert_eq!(j["repeated"][0]["new"], "b#c1");
        assert_eq!(j["repeated"].as_array().unwrap().len(), 1, "{j}");
        assert_eq!(j["echoed"][0]["old"], "a#c2");
        assert_eq!(j["echoed"][0]["new"], "b#c3");
        assert_eq!(j["changed_position"][0]["old"], "a#c3");
        assert_eq!(j["changed_position"][0]["new"], "b#c4");
        let contested: Vec<(String, String, String)> = j["newly_contested"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["old"].to_string(), c["new"].to_string(), c["relation"].to_string()))
            .collect();
        assert!(
            contested.contains(&("\"a#c1\"".into(), "\"b#c2\"".into(), "\"rebuts\"".into())),
            "{j}"
        );
        assert!(
            contested.contains(&("\"a#c1\"".into(), "\"b#c6\"".into(), "\"counters\"".into())),
            "{j}"
        );
        assert_eq!(j["new"], serde_json::json!(["b#c5", "b#c6"]));
        assert_eq!(j["not_repeated"], serde_json::json!(["a#c4"]));

        let links = diff.links_to_write(&old, &new);
        let links = &links[&0];
        assert!(links.contains(&(0, LinkKind::SameAs, "a#c1".into())));
        assert!(links.contains(&(1, LinkKind::Rebuts, "a#c1".into())));
        assert!(links.contains(&(5, LinkKind::Counters, "a#c1".into())));
    }

    #[test]
    fn other_words_for_the_same_assertion_are_a_repeat() {
        let old = store(
            "a",
            vec![Claim::new(
                "c1",
                "Pakistan",
                Stance::Asserts,
                "these armed groups operate from within Afghan soil",
            )],
        );
        let new = store(
            "b",
            vec![Claim::new(
                "c1",
                "Pakistan",
                Stance::Asserts,
                "the TTP uses Afghan territory to attack Pakistan",
            )],
        );
        let diff = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
        assert_eq!(diff.repeated.len(), 1, "{diff:?}");
    }

    #[test]
    fn a_denial_is_never_a_repeat() {
        let old = store(
            "a",
            vec![Claim::new(
                "c1",
                "Pakistan",
                Stance::Asserts,
                "militants operate from Afghan soil",
            )],
        );
        let new = store(
            "b",
            vec![Claim::new(
                "c1",
                "Pakistan",
                Stance::Asserts,
                "Kabul denied that militants operate from Afghan soil",
            )],
        );
        let diff = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
        assert!(diff.repeated.is_empty());
        assert_eq!(diff.changed_position.len(), 1);
    }
}
