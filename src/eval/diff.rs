//! How well `diff` finds repeats: its `repeated` pairs against the reference
//! `same_as` links (and their transitive closure: `same_as` is an
//! equivalence), over every ordered pair of articles of one dispute, on the
//! reviewed claim files or on the claims extracted from the articles.
//!
//! The threshold is calibrated leave one dispute out: for each dispute, the
//! rule of [`calibrate`] picks it on the other disputes' pairs, and the
//! held-out dispute is scored at it. A figure on the disputes a threshold
//! was tuned on says little about tomorrow's news.

use super::fmt3;
use crate::claim::ClaimFile;
use crate::corpus::{match_claims, word_set};
use crate::diff;
use crate::extract::{self, Model};
use crate::linking;
use crate::store::{ClaimAt, Loaded, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Which claims are diffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The reviewed reference claim files.
    Reference,
    /// The claims `claimtrack extract` finds in the articles (with the
    /// reference `actors.yaml`), each matched to a reference claim as
    /// `eval claims` matches (content Dice ≥ 0.5) to be scored.
    Extracted,
}

/// The thresholds tried, 0.20 to 0.80 by 0.01.
fn grid() -> Vec<f64> {
    (20..=80).map(|k| f64::from(k) / 100.0).collect()
}

/// Counts over ordered article pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Repeated pairs that are reference links.
    pub tp: usize,
    /// Repeated pairs found.
    pub found: usize,
    /// Reference links between the two articles.
    pub gold: usize,
    /// Claims in no section of the diff, or in more than one.
    pub unaccounted: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.found += o.found;
        self.gold += o.gold;
        self.unaccounted += o.unaccounted;
    }
    /// Precision (None when nothing was found).
    pub fn precision(&self) -> Option<f64> {
        (self.found > 0).then(|| self.tp as f64 / self.found as f64)
    }
    /// Recall (None when there is no reference link).
    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.tp as f64 / self.gold as f64)
    }
    /// F1 (0 when either is 0 or undefined).
    pub fn f1(&self) -> f64 {
        self.f_beta(1.0)
    }
    /// F-beta: recall weighs `beta` times as much as precision (0 when
    /// either is 0 or undefined).
    pub fn f_beta(&self, beta: f64) -> f64 {
        let b2 = beta * beta;
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => (1.0 + b2) * p * r / (b2 * p + r),
            _ => 0.0,
        }
    }
}

/// One held-out dispute.
#[derive(Debug, Clone, Serialize)]
pub struct Fold {
    /// The dispute (manifest cluster).
    pub dispute: String,
    /// Its articles.
    pub articles: usize,
    /// The threshold the rule picks on the other disputes.
    pub threshold: f64,
    /// The held-out dispute's counts at that threshold.
    pub counts: Counts,
    /// With `errors`: the reference links `repeated` missed and the
    /// `repeated` pairs the reference does not link, at that threshold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<PairError>,
}

/// A reference link that `repeated` missed, or a `repeated` pair that the
/// reference does not link, in one ordered article pair (OLD, NEW): what
/// to read before changing the matcher.
#[derive(Debug, Clone, Serialize)]
pub struct PairError {
    /// `missed` or `false`.
    pub kind: &'static str,
    /// The OLD claim (`ARTICLE-ID#CLAIM-ID` of the diffed claims; of the
    /// reference claim when it was not extracted).
    pub old: String,
    /// The NEW claim.
    pub new: String,
    /// Their similarity in the diff (none when a claim was not extracted).
    pub similarity: Option<f64>,
    /// "CLAIMANT STANCE: CONTENT" of the OLD claim.
    pub old_claim: String,
    /// The same of the NEW claim.
    pub new_claim: String,
    /// The section each claim ended in ("repeated", "echoed", "changed
    /// position", "newly contested", "not repeated", "new"; "not
    /// extracted").
    pub sections: [&'static str; 2],
    /// The reference claims the two stand for (`ARTICLE-ID#CLAIM-ID`; none
    /// for an extracted claim that matches no reference claim).
    pub reference: [Option<String>; 2],
    /// For a missed link, why `repeated` did not pair it ([`Cause`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
}

/// Why a reference link was missed, the first that applies: what is lost
/// before the matcher (an end not extracted, or extracted with a content
/// that is not the reference's) against what the matcher's decision
/// leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// An end has no extracted claim that holds half of its words.
    NotExtracted,
    /// Each end has an extracted claim that holds half of its words or
    /// more, but one of them is too unlike the reference content (word
    /// Dice < 0.5) to stand for it: a frame, a clause more or less.
    OtherContent,
    /// Both extracted; their claimants differ after actor resolution.
    Claimant,
    /// Both extracted, same claimant, similarity under the threshold.
    BelowThreshold,
    /// Both extracted, same claimant, at or above the threshold, but a
    /// rule kept them apart: opposite polarity, a demand against an
    /// assertion, or each taken by another pair (one to one, joins,
    /// restatements).
    Rule,
}

impl Cause {
    /// All causes, in order.
    pub const ALL: [Cause; 5] = [
        Cause::NotExtracted,
        Cause::OtherContent,
        Cause::Claimant,
        Cause::BelowThreshold,
        Cause::Rule,
    ];
    /// What the text output calls it.
    pub fn as_str(self) -> &'static str {
        match self {
            Cause::NotExtracted => "not extracted",
            Cause::OtherContent => "extracted with other content",
            Cause::Claimant => "claimants differ",
            Cause::BelowThreshold => "below the threshold",
            Cause::Rule => "kept apart by a rule",
        }
    }
}

/// The evaluation of one source.
#[derive(Debug, Clone, Serialize)]
pub struct DiffEval {
    /// Which claims.
    pub source: Source,
    /// What the thresholds are calibrated on.
    pub objective: Objective,
    /// Each dispute with at least two articles, in manifest order.
    pub folds: Vec<Fold>,
    /// Mean over folds of precision (folds that found something).
    pub mean_precision: f64,
    /// Mean over folds of recall (folds with reference links).
    pub mean_recall: f64,
    /// Counts of all folds added up.
    pub pooled: Counts,
    /// The threshold the rule picks on every dispute together.
    pub all_threshold: f64,
    /// The counts of every dispute at [`crate::matching::DEFAULT_THRESHOLD`].
    pub at_default: Counts,
}

/// One side of a diff: claims, and for each claim the reference claim it
/// stands for (itself for reference files).
struct Side {
    store: Store,
    gold: Vec<Option<ClaimAt>>,
}

/// The precision the default rule holds: the bar for `repeated`
/// on reviewed claim files (issue #17: precision 0.75, recall 0.60). The
/// bar asks for precision first; the rule then takes all the recall it can
/// get at that precision.
pub const MIN_PRECISION: f64 = 0.75;

/// What the calibration of the threshold maximises on the disputes it is
/// given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The most recall among the thresholds whose precision is at least
    /// `min_precision` (when none is, the best precision): the rule of the
    /// built-in default, with [`MIN_PRECISION`].
    Recall {
        /// The precision to hold.
        min_precision: f64,
    },
    /// The best F-beta: recall weighs `beta` times as much as precision (1:
    /// F1; 0.5: precision twice as much as recall).
    FBeta(f64),
}

impl Default for Objective {
    fn default() -> Self {
        Objective::Recall {
            min_precision: MIN_PRECISION,
        }
    }
}

impl Objective {
    /// The value to maximise. For `Recall`, a threshold that holds the
    /// precision scores its recall (0 to 1) and one that does not scores
    /// its precision minus 1 (below 0), so that the best precision wins
    /// when no threshold holds it.
    fn value(self, c: &Counts) -> f64 {
        match self {
            Objective::FBeta(beta) => c.f_beta(beta),
            Objective::Recall { min_precision } => match c.precision() {
                Some(p) if p >= min_precision - 1e-9 => c.recall().unwrap_or(0.0),
                p => p.unwrap_or(0.0) - 1.0,
            },
        }
    }
}

impl std::fmt::Display for Objective {
    /// "most recall at precision ≥ 0.75", "best F0.5".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Objective::Recall { min_precision } => write!(f, "most recall at precision ≥ {min_precision}"),
            Objective::FBeta(beta) => write!(f, "best F{beta}"),
        }
    }
}

/// The rule: the thresholds with the best value of the `objective` form
/// ranges; the middle of the widest (ties: the lowest), rounded down to
/// 0.01, as far as possible from the pairs that would change the result on
/// either side.
pub fn calibrate(rows: &[(f64, Counts)], objective: Objective) -> f64 {
    let best = rows
        .iter()
        .map(|r| objective.value(&r.1))
        .fold(f64::NEG_INFINITY, f64::max);
    let mut ranges: Vec<(f64, f64)> = Vec::new();
    let mut start: Option<f64> = None;
    for (i, (t, c)) in rows.iter().enumerate() {
        let top = objective.value(c) >= best - 1e-9;
        if top && start.is_none() {
            start = Some(*t);
        }
        let ends = !top || i + 1 == rows.len();
        if let (true, Some(s)) = (ends, start) {
            let end = if top { *t } else { rows[i - 1].0 };
            ranges.push((s, end));
            start = None;
        }
    }
    let (from, to) = ranges
        .iter()
        .copied()
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)).then(b.0.total_cmp(&a.0)))
        .unwrap_or((crate::matching::DEFAULT_THRESHOLD, crate::matching::DEFAULT_THRESHOLD));
    ((from + to) / 2.0 * 100.0 + 1e-6).floor() / 100.0
}

/// Runs the evaluation of one source on a corpus laid out as `news-dev`,
/// thresholds calibrated on the `objective`; with `errors`, each fold lists its
/// errors ([`PairError`]).
pub fn run(
    corpus: &Path,
    source: Source,
    model: &Model,
    objective: Objective,
    errors: bool,
) -> Result<DiffEval, String> {
    let manifest_path = corpus.join("MANIFEST.tsv");
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let disputes = super::lodo::disputes(&manifest).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let store = Store::load(&[corpus.join("claims")])
        .map_err(|d| d.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    let by_id: HashMap<&str, usize> = store
        .files
        .iter()
        .enumerate()
        .map(|(i, l)| (l.file.article.id.as_str(), i))
        .collect();
    let links = reference_links(&store);
    let disputes: Vec<(String, Vec<usize>)> = disputes
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(name, ids)| {
            let files = ids
                .iter()
                .map(|id| {
                    by_id
                        .get(id.as_str())
                        .copied()
                        .ok_or(format!("no claim file for `{id}`"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((name, files))
        })
        .collect::<Result<_, String>>()?;
    let files: Vec<usize> = disputes.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    let sides: BTreeMap<usize, Side> = files
        .par_iter()
        .map(|&f| Ok((f, side(&store, f, source, model)?)))
        .collect::<Result<_, String>>()?;
    let grid = grid();
    // (dispute, threshold) -> counts
    let table: Vec<Vec<Counts>> = disputes
        .iter()
        .map(|(_, files)| {
            grid.par_iter()
                .map(|&t| dispute_counts(files, &sides, &store, &links, t))
                .collect()
        })
        .collect();
    let rows_without = |skip: Option<usize>| -> Vec<(f64, Counts)> {
        grid.iter()
            .enumerate()
            .map(|(k, &t)| {
                let mut c = Counts::default();
                for (d, row) in table.iter().enumerate() {
                    if Some(d) != skip {
                        c.add(row[k]);
                    }
                }
                (t, c)
            })
            .collect()
    };
    let folds: Vec<Fold> = disputes
        .iter()
        .enumerate()
        .map(|(d, (name, files))| {
            let threshold = calibrate(&rows_without(Some(d)), objective);
            Fold {
                dispute: name.clone(),
                articles: files.len(),
                threshold,
                counts: dispute_counts(files, &sides, &store, &links, threshold),
                errors: if errors {
                    dispute_errors(files, &sides, &store, &links, threshold)
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let mut pooled = Counts::default();
    folds.iter().for_each(|f| pooled.add(f.counts));
    let mean = |f: fn(&Counts) -> Option<f64>| {
        let v: Vec<f64> = folds.iter().filter_map(|x| f(&x.counts)).collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    let mut at_default = Counts::default();
    for (_, files) in &disputes {
        at_default.add(dispute_counts(
            files,
            &sides,
            &store,
            &links,
            crate::matching::DEFAULT_THRESHOLD,
        ));
    }
    Ok(DiffEval {
        source,
        objective,
        mean_precision: mean(Counts::precision),
        mean_recall: mean(Counts::recall),
        all_threshold: calibrate(&rows_without(None), objective),
        pooled,
        at_default,
        folds,
    })
}

/// The transitive closure of the reference `same_as` links, as unordered
/// pairs of claims.
fn reference_links(store: &Store) -> BTreeSet<(ClaimAt, ClaimAt)> {
    // Union-find over claims joined by same_as.
    let all: Vec<ClaimAt> = store.all().collect();
    let pos: HashMap<ClaimAt, usize> = all.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for &at in &all {
        for r in &store.claim(at).same_as {
            if let Some(t) = store.resolve(at.0, r) {
                let (a, b) = (root(&mut parent, pos[&at]), root(&mut parent, pos[&t]));
                parent[a] = b;
            }
        }
    }
    let mut groups: HashMap<usize, Vec<ClaimAt>> = HashMap::new();
    for (i, &at) in all.iter().enumerate() {
        groups.entry(root(&mut parent, i)).or_default().push(at);
    }
    let mut out = BTreeSet::new();
    for g in groups.values() {
        for (i, &a) in g.iter().enumerate() {
            for &b in &g[i + 1..] {
                out.insert((a.min(b), a.max(b)));
            }
        }
    }
    out
}

/// The claims of one article for the diff: the reference file, or the
/// claims extracted from its article.
fn side(store: &Store, file: usize, source: Source, model: &Model) -> Result<Side, String> {
    let reference = &store.files[file];
    match source {
        Source::Reference => Ok(Side {
            store: Store::from_files(vec![reference.clone()], store.actors.clone()),
            gold: (0..reference.file.claims.len()).map(|c| Some((file, c))).collect(),
        }),
        Source::Extracted => {
            let article = linking::article_of(store, file)?;
            let extracted: ClaimFile = extract::extract_with(&article, &store.actors, None, model);
            let matched: HashMap<usize, usize> = match_claims(&store.actors, &extracted.claims, &reference.file.claims)
                .into_iter()
                .collect();
            let gold = (0..extracted.claims.len())
                .map(|c| matched.get(&c).map(|&g| (file, g)))
                .collect();
            let loaded = Loaded {
                path: reference.path.clone(),
                file: extracted,
            };
            Ok(Side {
                store: Store::from_files(vec![loaded], store.actors.clone()),
                gold,
            })
        }
    }
}

/// Counts over every ordered pair of a dispute's articles at `threshold`.
fn dispute_counts(
    files: &[usize],
    sides: &BTreeMap<usize, Side>,
    store: &Store,
    links: &BTreeSet<(ClaimAt, ClaimAt)>,
    threshold: f64,
) -> Counts {
    let mut out = Counts::default();
    for &a in files {
        for &b in files {
            if a != b {
                out.add(pair_counts(&sides[&a], &sides[&b], store, links, threshold));
            }
        }
    }
    out
}

fn pair_counts(old: &Side, new: &Side, store: &Store, links: &BTreeSet<(ClaimAt, ClaimAt)>, threshold: f64) -> Counts {
    let d = diff::diff(&old.store, &new.store, &store.actors, threshold);
    let (fa, fb) = (
        old.store.files[0].file.article.id.as_str(),
        new.store.files[0].file.article.id.as_str(),
    );
    let file_of = |id: &str| store.files.iter().position(|l| l.file.article.id == id);
    let (Some(fa), Some(fb)) = (file_of(fa), file_of(fb)) else {
        return Counts::default();
    };
    let gold = links
        .iter()
        .filter(|(x, y)| (x.0 == fa && y.0 == fb) || (x.0 == fb && y.0 == fa))
        .count();
    let tp = d
        .repeated
        .iter()
        .filter(|p| match (old.gold[p.old.1], new.gold[p.new.1]) {
            (Some(x), Some(y)) => links.contains(&(x.min(y), x.max(y))),
            _ => false,
        })
        .count();
    Counts {
        tp,
        found: d.repeated.len(),
        gold,
        unaccounted: d.unaccounted(&old.store, &new.store).len(),
    }
}

/// The errors of every ordered pair of a dispute's articles at `threshold`.
fn dispute_errors(
    files: &[usize],
    sides: &BTreeMap<usize, Side>,
    store: &Store,
    links: &BTreeSet<(ClaimAt, ClaimAt)>,
    threshold: f64,
) -> Vec<PairError> {
    let mut out = Vec::new();
    for &a in files {
        for &b in files {
            if a != b {
                out.extend(pair_errors(&sides[&a], &sides[&b], store, links, threshold));
            }
        }
    }
    out
}

/// The section of each claim of one side of a diff.
fn sections(d: &diff::Diff, old: bool, n: usize) -> Vec<&'static str> {
    let mut out = vec![if old { "not repeated" } else { "new" }; n];
    for (name, list) in [
        ("changed position", &d.changed_position),
        ("echoed", &d.echoed),
        ("repeated", &d.repeated),
    ] {
        for p in list {
            let (at, restated) = if old {
                (p.old, &p.old_restated)
            } else {
                (p.new, &p.new_restated)
            };
            for x in std::iter::once(&at).chain(restated) {
                out[x.1] = name;
            }
        }
    }
    for c in &d.newly_contested {
        let at = if old { c.old } else { c.new };
        if matches!(out[at.1], "not repeated" | "new") {
            out[at.1] = "newly contested";
        }
    }
    out
}

fn pair_errors(
    old: &Side,
    new: &Side,
    store: &Store,
    links: &BTreeSet<(ClaimAt, ClaimAt)>,
    threshold: f64,
) -> Vec<PairError> {
    use crate::matching::{self, Vocabulary};
    let d = diff::diff(&old.store, &new.store, &store.actors, threshold);
    let features = |s: &Side| -> Vec<matching::Features> {
        s.store
            .all()
            .map(|at| matching::features_in(s.store.claim(at), &store.actors))
            .collect()
    };
    let (of, nf) = (features(old), features(new));
    let vocab = Vocabulary::with_variants(of.iter().chain(&nf));
    let (op, np): (Vec<_>, Vec<_>) = (
        of.iter().map(|f| vocab.prepare(f)).collect(),
        nf.iter().map(|f| vocab.prepare(f)).collect(),
    );
    let (os, ns) = (sections(&d, true, of.len()), sections(&d, false, nf.len()));
    let text = |c: &crate::claim::Claim| format!("{} {}: {}", c.claimant, c.stance.as_str(), c.content);
    let who = |s: &Side, c: usize| diff::canonical(&store.actors, &s.store.claim((0, c)).claimant);
    let error = |kind, o: usize, n: usize| {
        let similarity = matching::similarity(&op[o], &np[n]);
        let cause = (kind == "missed").then(|| {
            if who(old, o) != who(new, n) {
                Cause::Claimant
            } else if similarity < threshold {
                Cause::BelowThreshold
            } else {
                Cause::Rule
            }
        });
        PairError {
            kind,
            old: old.store.full_id((0, o)),
            new: new.store.full_id((0, n)),
            similarity: Some((similarity * 1000.0).round() / 1000.0),
            old_claim: text(old.store.claim((0, o))),
            new_claim: text(new.store.claim((0, n))),
            sections: [os[o], ns[n]],
            reference: [
                old.gold[o].map(|g| store.full_id(g)),
                new.gold[n].map(|g| store.full_id(g)),
            ],
            cause,
        }
    };
    // Whether some extracted claim of a side holds half of the words of a
    // reference claim it was not matched to.
    let held = |s: &Side, x: ClaimAt| {
        let words = word_set(&store.claim(x).content);
        s.store.all().any(|at| {
            let shared = words.intersection(&word_set(&s.store.claim(at).content)).count();
            2 * shared >= words.len()
        })
    };
    let linked = |x: Option<ClaimAt>, y: Option<ClaimAt>| match (x, y) {
        (Some(x), Some(y)) => links.contains(&(x.min(y), x.max(y))),
        _ => false,
    };
    let mut out: Vec<PairError> = d
        .repeated
        .iter()
        .filter(|p| !linked(old.gold[p.old.1], new.gold[p.new.1]))
        .map(|p| error("false", p.old.1, p.new.1))
        .collect();
    let (Some(fa), Some(fb)) = (
        old.gold.iter().flatten().next().map(|g| g.0),
        new.gold.iter().flatten().next().map(|g| g.0),
    ) else {
        return out;
    };
    let found: BTreeSet<(usize, usize)> = d.repeated.iter().map(|p| (p.old.1, p.new.1)).collect();
    for &(x, y) in links {
        let (x, y) = match (x.0, y.0) {
            (a, b) if a == fa && b == fb => (x, y),
            (a, b) if a == fb && b == fa => (y, x),
            _ => continue,
        };
        let o = old.gold.iter().position(|g| *g == Some(x));
        let n = new.gold.iter().position(|g| *g == Some(y));
        match (o, n) {
            (Some(o), Some(n)) if found.contains(&(o, n)) => {}
            (Some(o), Some(n)) => out.push(error("missed", o, n)),
            _ => out.push(PairError {
                kind: "missed",
                old: o.map_or_else(|| store.full_id(x), |o| old.store.full_id((0, o))),
                new: n.map_or_else(|| store.full_id(y), |n| new.store.full_id((0, n))),
                similarity: None,
                old_claim: text(store.claim(x)),
                new_claim: text(store.claim(y)),
                sections: [
                    o.map_or("not extracted", |o| os[o]),
                    n.map_or("not extracted", |n| ns[n]),
                ],
                reference: [Some(store.full_id(x)), Some(store.full_id(y))],
                cause: Some(if (o.is_some() || held(old, x)) && (n.is_some() || held(new, y)) {
                    Cause::OtherContent
                } else {
                    Cause::NotExtracted
                }),
            }),
        }
    }
    out
}

/// A readable table of the folds and the means.
pub fn render(e: &DiffEval) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::ASCII_MARKDOWN);
    t.set_header([
        "held out",
        "articles",
        "threshold",
        "tp",
        "found",
        "reference",
        "precision",
        "recall",
        "F1",
        "unaccounted",
    ]);
    let opt = |x: Option<f64>| x.map_or_else(|| "-".to_string(), fmt3);
    let row = |name: String, n: String, th: String, c: &Counts| {
        vec![
            name,
            n,
            th,
            c.tp.to_string(),
            c.found.to_string(),
            c.gold.to_string(),
            opt(c.precision()),
            opt(c.recall()),
            fmt3(c.f1()),
            c.unaccounted.to_string(),
        ]
    };
    for f in &e.folds {
        t.add_row(row(
            f.dispute.clone(),
            f.articles.to_string(),
            format!("{:.2}", f.threshold),
            &f.counts,
        ));
    }
    let n: usize = e.folds.iter().map(|f| f.articles).sum();
    t.add_row(row("pooled".into(), n.to_string(), "-".into(), &e.pooled));
    let source = match e.source {
        Source::Reference => "reference claim files",
        Source::Extracted => "claims extracted from the articles",
    };
    let mut errors = String::new();
    for f in e.folds.iter().filter(|f| !f.errors.is_empty()) {
        errors.push_str(&format!("\nerrors of {} at {:.2}:\n", f.dispute, f.threshold));
        for x in &f.errors {
            let sim = x.similarity.map_or_else(|| "-".to_string(), |s| format!("{s:.2}"));
            let cause = x.cause.map_or_else(String::new, |c| format!(", {}", c.as_str()));
            errors.push_str(&format!(
                "  {:6}  {} ~ {}  similarity {sim}  ({} / {}{cause})\n    old: {}\n    new: {}\n",
                x.kind,
                x.old,
                x.new,
                x.sections[0],
                x.sections[1],
                crate::sanitize::clean(&x.old_claim),
                crate::sanitize::clean(&x.new_claim),
            ));
        }
    }
    let missed: Vec<Cause> = e.folds.iter().flat_map(|f| &f.errors).filter_map(|x| x.cause).collect();
    if !missed.is_empty() {
        let counts: Vec<String> = Cause::ALL
            .iter()
            .map(|c| format!("{} {}", c.as_str(), missed.iter().filter(|&m| m == c).count()))
            .collect();
        errors.push_str(&format!("\nmissed links by cause: {}\n", counts.join(", ")));
    }
    format!(
        "{t}\n{source}: `repeated` against the reference same_as links (transitive closure), over ordered article pairs; \
         each dispute scored at the threshold calibrated on the others ({})\n\
         mean over disputes: precision {} recall {}\n\
         threshold the rule picks on all disputes: {:.2}; at the default {:.2}: precision {} recall {} ({} of {} found, {} reference), {} claims unaccounted\n",
        e.objective,
        fmt3(e.mean_precision),
        fmt3(e.mean_recall),
        e.all_threshold,
        crate::matching::DEFAULT_THRESHOLD,
        opt(e.at_default.precision()),
        opt(e.at_default.recall()),
        e.at_default.tp,
        e.at_default.found,
        e.at_default.gold,
        e.at_default.unaccounted,
    ) + &errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(tp: usize, found: usize, gold: usize) -> Counts {
        Counts {
            tp,
            found,
            gold,
            unaccounted: 0,
        }
    }

    #[test]
    fn the_rule_takes_the_middle_of_the_widest_best_range() {
        let rows: Vec<(f64, Counts)> = [
            (0.40, c(5, 10, 10)),
            (0.41, c(5, 6, 10)),
            (0.42, c(5, 6, 10)),
            (0.43, c(5, 6, 10)),
            (0.44, c(5, 6, 10)),
            (0.45, c(3, 6, 10)),
            (0.46, c(5, 6, 10)),
        ]
        .into();
        assert!((calibrate(&rows, Objective::FBeta(1.0)) - 0.42).abs() < 1e-9);
        assert_eq!(c(0, 0, 3).precision(), None);
        assert_eq!(c(0, 0, 3).f1(), 0.0);
        // Precision first: 4 of 5 found (recall 0.4) beats 6 of 10 (0.6).
        let rows = [(0.30, c(6, 10, 10)), (0.50, c(4, 5, 10))];
        assert!((calibrate(&rows, Objective::FBeta(1.0)) - 0.30).abs() < 1e-9);
        assert!((calibrate(&rows, Objective::FBeta(0.5)) - 0.50).abs() < 1e-9);
    }

    #[test]
    fn the_default_rule_takes_the_most_recall_that_holds_the_precision() {
        let rows: Vec<(f64, Counts)> = [
            (0.30, c(8, 14, 10)), // precision 0.57: below 0.75
            (0.40, c(7, 9, 10)),  // 0.78, recall 0.7: the most recall at 0.75
            (0.41, c(7, 9, 10)),
            (0.42, c(7, 9, 10)),
            (0.50, c(6, 7, 10)), // 0.86, recall 0.6: less recall
            (0.60, c(0, 0, 10)), // nothing found
        ]
        .into();
        let rule = Objective::default();
        assert!((calibrate(&rows, rule) - 0.41).abs() < 1e-9);
        // Where no threshold holds the precision, the best precision wins.
        let strict = Objective::Recall { min_precision: 0.9 };
        assert!((calibrate(&rows, strict) - 0.50).abs() < 1e-9);
        assert_eq!(rule.to_string(), "most recall at precision ≥ 0.75");
    }
}
