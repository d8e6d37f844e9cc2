//! Leave-one-dispute-out evaluation of claim extraction and linking: for
//! each dispute of a reference corpus, the linker is trained on the other
//! disputes' reference files and articles, then (1) the dispute's articles
//! are extracted and linked within and across articles, end to end, and
//! (2) its reference claim files, with their `rebuts`, `counters` and
//! `supports` removed, are linked by `link` alone. Both are scored with
//! [`super::claims::score`]. Figures on a dispute the linker was trained on
//! say little about tomorrow's news; these are the ones to report.
//!
//! The corpus is laid out as `news-dev`: `claims/` (reference claim files
//! and `actors.yaml`, each file's `text` pointing at its article) and
//! `MANIFEST.tsv` with columns `id` and `cluster`; an article whose cluster
//! is `-` is a dispute of its own.

use super::claims::{ClaimScores, LinkError, score};
use super::{Prf, fmt3};
use crate::extract::Model;
use crate::extract::linker::{self, CALIBRATION_GRID, L2_GRID, Linker, Thresholds};
use crate::linking::{self, Extracted};
use crate::store::{Loaded, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The scores of one held-out dispute.
#[derive(Debug, Clone, Serialize)]
pub struct Fold {
    /// The dispute (manifest cluster).
    pub dispute: String,
    /// Its articles.
    pub articles: usize,
    /// Extraction and linking from article text.
    pub end_to_end: ClaimScores,
    /// `link` on the reference claims with their links removed.
    pub link_only: ClaimScores,
    /// The contest thresholds it was scored at, calibrated on the other
    /// disputes alone.
    pub thresholds: Thresholds,
    /// The linker's L2 penalty, calibrated with the thresholds.
    pub l2: f64,
    /// The contest links missed or wrong end to end, to read the figures.
    pub end_to_end_errors: Vec<LinkError>,
    /// The contest links missed or wrong by `link` alone.
    pub link_only_errors: Vec<LinkError>,
}

/// Every fold, and the figures over all of them.
#[derive(Debug, Clone, Serialize)]
pub struct Lodo {
    /// One per dispute, in manifest order.
    pub folds: Vec<Fold>,
    /// Mean over folds of each end-to-end F1.
    pub mean_end_to_end: Figures,
    /// Mean over folds of each link-only F1.
    pub mean_link_only: Figures,
    /// End-to-end counts of all folds added up.
    pub pooled_end_to_end: Figures,
    /// Link-only counts of all folds added up.
    pub pooled_link_only: Figures,
    /// The contest thresholds the calibration picks on all disputes, each
    /// held out from a linker trained on the others: the built-in
    /// `linker::EXTRACTED_THRESHOLD` and `linker::REVIEWED_THRESHOLD` should be these.
    pub calibrated: Thresholds,
    /// The L2 penalty it picks with them (the built-in `linker::L2`).
    pub calibrated_l2: f64,
}

/// The headline F1 figures.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Figures {
    /// Claims matched on content.
    pub claims: f64,
    /// Claimants agree.
    pub claimant: f64,
    /// Denials.
    pub denies: f64,
    /// Every link kind.
    pub links: f64,
    /// `rebuts` and `counters` merged.
    pub contest_links: f64,
    /// Contested claims.
    pub contested: f64,
}

impl Figures {
    fn of(s: &ClaimScores) -> Figures {
        Figures {
            claims: s.claims.f1,
            claimant: s.claimant.f1,
            denies: s.denies.f1,
            links: s.links.f1,
            contest_links: s.contest_links.f1,
            contested: s.contested.f1,
        }
    }

    fn mean<'a>(all: impl Iterator<Item = &'a ClaimScores>) -> Figures {
        let all: Vec<Figures> = all.map(Figures::of).collect();
        let n = all.len().max(1) as f64;
        let sum = |f: fn(&Figures) -> f64| all.iter().map(f).sum::<f64>() / n;
        Figures {
            claims: sum(|f| f.claims),
            claimant: sum(|f| f.claimant),
            denies: sum(|f| f.denies),
            links: sum(|f| f.links),
            contest_links: sum(|f| f.contest_links),
            contested: sum(|f| f.contested),
        }
    }

    fn pooled<'a>(all: impl Iterator<Item = &'a ClaimScores> + Clone) -> Figures {
        let add = |f: fn(&ClaimScores) -> &Prf| {
            let (mut cp, mut p, mut cg, mut g) = (0, 0, 0, 0);
            for s in all.clone() {
                let x = f(s);
                cp += x.correct_pred;
                p += x.pred;
                cg += x.correct_gold;
                g += x.gold;
            }
            Prf::new(cp, p, cg, g).f1
        };
        Figures {
            claims: add(|s| &s.claims),
            claimant: add(|s| &s.claimant),
            denies: add(|s| &s.denies),
            links: add(|s| &s.links),
            contest_links: add(|s| &s.contest_links),
            contested: add(|s| &s.contested),
        }
    }
}

/// The disputes of a manifest: cluster -> article ids, in manifest order.
pub fn disputes(manifest: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().ok_or("empty manifest")?.split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or(format!("manifest has no `{name}` column"))
    };
    let (id, cluster) = (col("id")?, col("cluster")?);
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(a), Some(c)) = (f.get(id), f.get(cluster)) else {
            return Err(format!("manifest line {}: too few columns", n + 2));
        };
        let c = if *c == "-" { *a } else { *c };
        match out.iter_mut().find(|(name, _)| name == c) {
            Some((_, ids)) => ids.push(a.to_string()),
            None => out.push((c.to_string(), vec![a.to_string()])),
        }
    }
    Ok(out)
}

/// Runs the evaluation on a corpus directory with the cue `model`.
pub fn run(corpus: &Path, model: &Model) -> Result<Lodo, String> {
    let manifest_path = corpus.join("MANIFEST.tsv");
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let disputes = disputes(&manifest).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let store = Store::load(&[corpus.join("claims")])
        .map_err(|d| d.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    let by_id: BTreeMap<&str, usize> = store
        .files
        .iter()
        .enumerate()
        .map(|(i, l)| (l.file.article.id.as_str(), i))
        .collect();
    let files_of = |ids: &[String]| -> Result<Vec<usize>, String> {
        ids.iter()
            .map(|id| {
                by_id
                    .get(id.as_str())
                    .copied()
                    .ok_or(format!("no claim file for `{id}`"))
            })
            .collect()
    };
    let held: Vec<Vec<usize>> = disputes
        .iter()
        .map(|(_, ids)| files_of(ids))
        .collect::<Result<_, _>>()?;
    // Each dispute's articles are extracted once; linking is what varies.
    let extracted: Vec<Extracted> = held
        .par_iter()
        .map(|h| linking::extract_reference(&store, h, model))
        .collect::<Result<_, _>>()?;
    let without = |out: &[usize]| -> Vec<usize> {
        (0..store.files.len())
            .filter(|f| !out.iter().any(|&d| held[d].contains(f)))
            .collect()
    };
    // Contest-link counts at each penalty and threshold of the grids, every
    // dispute held out by a linker trained on all the others: what the rule
    // picks there is what the built-in settings should be. The disputes are
    // held out in parallel (each fold trains 4 × 7 linkers); counts add up
    // in any order, so the figures do not depend on the threads.
    let held_out = |d: usize| -> Result<(Fold, Calibrations), String> {
        // The settings for this dispute are calibrated on the others
        // alone, each held out in turn from a linker trained on the rest.
        let mut inner = Calibrations::default();
        for i in (0..disputes.len()).filter(|&i| i != d) {
            let examples = linking::examples(&store, &without(&[d, i]), model)?;
            inner.add(&store, &held[i], &extracted[i], &examples);
        }
        let examples = linking::examples(&store, &without(&[d]), model)?;
        let mut all = Calibrations::default();
        all.add(&store, &held[d], &extracted[d], &examples);
        let (l2, thresholds) = inner.best();
        let mut linker = linker::train(&examples, l2);
        linker.thresholds = thresholds;
        let gold = Store::from_files(
            held[d].iter().map(|&f| store.files[f].clone()).collect(),
            store.actors.clone(),
        );
        let end_to_end = end_to_end(&store, &gold, &extracted[d], &linker);
        let link_only = link_only(&store, &gold, &linker);
        let fold = Fold {
            dispute: disputes[d].0.clone(),
            articles: held[d].len(),
            thresholds,
            l2,
            end_to_end_errors: end_to_end.contest_errors.clone(),
            link_only_errors: link_only.contest_errors.clone(),
            end_to_end,
            link_only,
        };
        Ok((fold, all))
    };
    let results: Vec<(Fold, Calibrations)> = (0..disputes.len())
        .into_par_iter()
        .map(held_out)
        .collect::<Result<_, _>>()?;
    let mut folds = Vec::with_capacity(results.len());
    let mut all = Calibrations::default();
    for (fold, calibrations) in results {
        all.merge(&calibrations);
        folds.push(fold);
    }
    let (calibrated_l2, calibrated) = all.best();
    let e2e = || folds.iter().map(|f| &f.end_to_end);
    let only = || folds.iter().map(|f| &f.link_only);
    Ok(Lodo {
        mean_end_to_end: Figures::mean(e2e()),
        mean_link_only: Figures::mean(only()),
        pooled_end_to_end: Figures::pooled(e2e()),
        pooled_link_only: Figures::pooled(only()),
        calibrated,
        calibrated_l2,
        folds,
    })
}

/// A [`Calibration`] per penalty of [`L2_GRID`].
#[derive(Default)]
struct Calibrations([Calibration; L2_GRID.len()]);

impl Calibrations {
    /// Adds the counts of one held-out dispute at each penalty, the linker
    /// trained on `examples` of the others.
    fn add(&mut self, store: &Store, held: &[usize], extracted: &Extracted, examples: &[(Vec<usize>, linker::Label)]) {
        for (c, &l2) in self.0.iter_mut().zip(&L2_GRID) {
            c.add(store, held, extracted, &linker::train(examples, l2));
        }
    }

    /// Adds the counts of `other`.
    fn merge(&mut self, other: &Calibrations) {
        for (c, o) in self.0.iter_mut().zip(&other.0) {
            for (mine, theirs) in [(&mut c.end_to_end, &o.end_to_end), (&mut c.link_only, &o.link_only)] {
                for (x, y) in mine.iter_mut().flatten().zip(theirs.iter().flatten()) {
                    *x += y;
                }
            }
        }
    }

    /// The penalty whose best thresholds score best, end to end and by
    /// `link` alone added up (the first on a tie), with those thresholds.
    fn best(&self) -> (f64, Thresholds) {
        let mut best = 0;
        for k in 1..L2_GRID.len() {
            if self.0[k].best_f1() > self.0[best].best_f1() {
                best = k;
            }
        }
        (L2_GRID[best], self.0[best].best())
    }
}

/// Pooled contest-link counts (correct predicted, predicted, correct gold,
/// gold) at each threshold of [`CALIBRATION_GRID`], end to end and by
/// `link` alone.
#[derive(Default)]
struct Calibration {
    end_to_end: [[usize; 4]; CALIBRATION_GRID.len()],
    link_only: [[usize; 4]; CALIBRATION_GRID.len()],
}

impl Calibration {
    /// Adds the counts of one held-out dispute (its reference files
    /// `held`, their extraction) linked by `linker` at each threshold.
    fn add(&mut self, store: &Store, held: &[usize], extracted: &Extracted, linker: &Linker) {
        let gold = Store::from_files(
            held.iter().map(|&f| store.files[f].clone()).collect(),
            store.actors.clone(),
        );
        let count = |c: &mut [usize; 4], p: &Prf| {
            for (x, y) in c.iter_mut().zip([p.correct_pred, p.pred, p.correct_gold, p.gold]) {
                *x += y;
            }
        };
        for (k, &t) in CALIBRATION_GRID.iter().enumerate() {
            let mut l = linker.clone();
            l.thresholds = Thresholds {
                extracted: t,
                reviewed: t,
            };
            count(
                &mut self.end_to_end[k],
                &end_to_end(store, &gold, extracted, &l).contest_links,
            );
            count(&mut self.link_only[k], &link_only(store, &gold, &l).contest_links);
        }
    }

    /// The thresholds of best pooled F1 (the lower one on a tie).
    fn best(&self) -> Thresholds {
        Thresholds {
            extracted: CALIBRATION_GRID[best_index(&self.end_to_end)],
            reviewed: CALIBRATION_GRID[best_index(&self.link_only)],
        }
    }

    /// The best pooled F1 end to end plus that of `link` alone.
    fn best_f1(&self) -> f64 {
        [&self.end_to_end, &self.link_only]
            .map(|counts| f1(&counts[best_index(counts)]))
            .iter()
            .sum()
    }
}

/// The F1 of counts (correct predicted, predicted, correct gold, gold).
fn f1(c: &[usize; 4]) -> f64 {
    Prf::new(c[0], c[1], c[2], c[3]).f1
}

/// The index of the best F1 among counts, the first on a tie.
fn best_index(counts: &[[usize; 4]]) -> usize {
    let mut best = 0;
    for k in 1..counts.len() {
        if f1(&counts[k]) > f1(&counts[best]) {
            best = k;
        }
    }
    best
}

/// Scores the extraction of a held-out dispute's articles, linked within
/// and across articles, against its reference files `gold`.
fn end_to_end(store: &Store, gold: &Store, extracted: &Extracted, linker: &Linker) -> ClaimScores {
    let linked = extracted.clone().link(&store.actors, linker);
    let pred_files: Vec<Loaded> = gold
        .files
        .iter()
        .zip(linked)
        .map(|(g, claims)| {
            let mut l = g.clone();
            l.file.claims = claims;
            l
        })
        .collect();
    score(gold, &Store::from_files(pred_files, store.actors.clone()))
}

/// Scores `link` alone on the reference files `gold` with their links removed.
fn link_only(store: &Store, gold: &Store, linker: &Linker) -> ClaimScores {
    let mut bare = gold.files.clone();
    for l in &mut bare {
        for c in &mut l.file.claims {
            c.rebuts.clear();
            c.counters.clear();
            c.supports.clear();
        }
    }
    let mut bare_store = Store::from_files(bare, store.actors.clone());
    for s in linking::suggest(&bare_store, linker) {
        let target = bare_store.files[s.to.0].file.claims[s.to.1].id.clone();
        let id = if s.to.0 == s.from.0 {
            target
        } else {
            format!("{}#{target}", bare_store.files[s.to.0].file.article.id)
        };
        bare_store.files[s.from.0].file.claims[s.from.1]
            .links_mut(s.kind)
            .push(id);
    }
    let bare_store = Store::from_files(bare_store.files, store.actors.clone());
    score(gold, &bare_store)
}

/// A readable table of the folds and the means.
pub fn render(l: &Lodo) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::ASCII_MARKDOWN);
    t.set_header([
        "held out",
        "articles",
        "claims",
        "claimant",
        "denies",
        "links",
        "rebuts+counters",
        "contested",
        "link only: rebuts+counters",
        "link only: contested",
    ]);
    let row = |name: String, n: String, e: Figures, o: Figures| {
        vec![
            name,
            n,
            fmt3(e.claims),
            fmt3(e.claimant),
            fmt3(e.denies),
            fmt3(e.links),
            fmt3(e.contest_links),
            fmt3(e.contested),
            fmt3(o.contest_links),
            fmt3(o.contested),
        ]
    };
    for f in &l.folds {
        t.add_row(row(
            f.dispute.clone(),
            f.articles.to_string(),
            Figures::of(&f.end_to_end),
            Figures::of(&f.link_only),
        ));
    }
    let n: usize = l.folds.iter().map(|f| f.articles).sum();
    t.add_row(row("mean".into(), n.to_string(), l.mean_end_to_end, l.mean_link_only));
    t.add_row(row(
        "pooled".into(),
        n.to_string(),
        l.pooled_end_to_end,
        l.pooled_link_only,
    ));
    let per_fold: Vec<String> = l
        .folds
        .iter()
        .map(|f| {
            format!(
                "{} {}/{} L2 {:e}",
                f.dispute, f.thresholds.extracted, f.thresholds.reviewed, f.l2
            )
        })
        .collect();
    format!(
        "{t}\nF1 per held-out dispute: the linker trained on the other disputes; end to end from article text, \
         and `link` alone on the reference claims with their links removed\n\
         contest thresholds (extracted/reviewed) and L2 penalty, each calibrated on the other disputes alone: {}\n\
         the calibration on all disputes picks {}/{} L2 {:e} (built in: {}/{} L2 {:e})\n",
        per_fold.join(", "),
        l.calibrated.extracted,
        l.calibrated.reviewed,
        l.calibrated_l2,
        linker::EXTRACTED_THRESHOLD,
        linker::REVIEWED_THRESHOLD,
        linker::L2,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_picks_the_best_pooled_f1_and_the_lower_threshold_on_a_tie() {
        let mut c = Calibration::default();
        // End to end: 0.15 and 0.2 tie at the best F1; link alone: 0.4 is best.
        c.end_to_end[2] = [4, 8, 4, 8];
        c.end_to_end[4] = [4, 8, 4, 8];
        c.end_to_end[6] = [2, 8, 2, 8];
        c.link_only[8] = [5, 6, 5, 8];
        c.link_only[0] = [5, 20, 5, 8];
        let t = c.best();
        assert_eq!((t.extracted, t.reviewed), (CALIBRATION_GRID[2], CALIBRATION_GRID[8]));
    }

    #[test]
    fn the_penalty_is_the_one_whose_best_thresholds_score_best_in_both_modes() {
        let mut c = Calibrations::default();
        // Penalty 0: best end to end alone; penalty 2: best added up.
        c.0[0].end_to_end[3] = [6, 8, 6, 8];
        c.0[0].link_only[3] = [1, 8, 1, 8];
        c.0[2].end_to_end[5] = [5, 8, 5, 8];
        c.0[2].link_only[1] = [5, 8, 5, 8];
        let (l2, t) = c.best();
        assert_eq!(l2, L2_GRID[2]);
        assert_eq!((t.extracted, t.reviewed), (CALIBRATION_GRID[5], CALIBRATION_GRID[1]));
        assert_eq!(Calibrations::default().best().0, L2_GRID[0], "the first on a tie");
    }

    #[test]
    fn manifest_groups_clusters_and_lone_articles() {
        let m = "id\tcluster\toutlet\na\t-\tX\nb\tD\tY\nc\tD\tZ\nd\tE\tW\n";
        let d = disputes(m).unwrap();
        assert_eq!(
            d,
            [
                ("a".to_string(), vec!["a".to_string()]),
                ("D".to_string(), vec!["b".to_string(), "c".to_string()]),
                ("E".to_string(), vec!["d".to_string()]),
            ]
        );
        assert!(disputes("id\toutlet\na\tX\n").is_err());
    }
}
