//! Scoring claim files against reference claim files.
//!
//! Files are paired by article id. Within an article, a predicted claim
//! matches a reference claim when the Dice coefficient of their content
//! word sets is ≥ 0.5 (one-to-one, best first; at equal Dice the reference
//! claim of the same claimant, then stance; see [`crate::corpus::match_claims`]).
//! Over matched pairs:
//! - **claimant**: the claimants agree: equal ignoring case, or the
//!   predicted claimant or mention resolves through the reference actors
//!   file (aliases, demonyms) to the reference claimant;
//! - **stance**: accuracy, and P/R/F1 of `denies` claims (a predicted denial
//!   is correct when it matches a reference denial);
//! - **links**: a predicted `rebuts`/`counters`/`supports`/`same_as` link is
//!   correct when both its ends are matched and the reference has the same
//!   kind of link between their partners;
//! - **contested**: a predicted contested claim is correct when it matches a
//!   contested reference claim (contested as [`crate::dispute`] defines it).

use super::{Prf, fmt3, prf_table};
use crate::claim::{LinkKind, Stance};
use crate::corpus::match_claims;
use crate::dispute;
use crate::store::{ClaimAt, Store};
use comfy_table::{Table, presets};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Scores of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleScores {
    /// The article id.
    pub article: String,
    /// Claims matched on content.
    pub claims: Prf,
    /// Matched with agreeing claimants.
    pub claimant: Prf,
}

/// Every figure of a claim evaluation.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClaimScores {
    /// Reference articles scored.
    pub articles: usize,
    /// Reference articles with no predicted file (all their claims missed).
    pub missing: Vec<String>,
    /// Claims matched on content.
    pub claims: Prf,
    /// Matched claims whose claimants agree.
    pub claimant: Prf,
    /// Share of matched claims with the reference stance.
    pub stance_accuracy: f64,
    /// `denies` claims matched to reference denials.
    pub denies: Prf,
    /// Links between matched claims.
    pub links: Prf,
    /// `rebuts` and `counters` links between matched claims, the two kinds
    /// merged: what the contested-claim table is built from.
    pub contest_links: Prf,
    /// Contested claims matched to contested reference claims.
    pub contested: Prf,
    /// Per article.
    pub per_article: Vec<ArticleScores>,
    /// The `rebuts`/`counters` links that were missed or wrong, to read
    /// what the figures count (shown by `eval lodo --format json`).
    #[serde(skip)]
    pub contest_errors: Vec<LinkError>,
}

/// A contest link the prediction missed or got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkError {
    /// `missed` (in the reference only) or `wrong` (predicted only).
    pub error: &'static str,
    /// The answering claim.
    pub from: End,
    /// The claim it answers.
    pub to: End,
}

/// One end of a link: the claim as the store that has it wrote it, and
/// the claim of the other store matched to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct End {
    /// `ARTICLE-ID#CLAIM-ID`.
    pub claim: String,
    /// Its claimant.
    pub claimant: String,
    /// Its stance.
    pub stance: Stance,
    /// Its content.
    pub content: String,
    /// The claim of the other store matched to it on content, if any
    /// (`ARTICLE-ID#CLAIM-ID`, its claimant and content).
    pub matched: Option<String>,
}

/// Scores the predicted store against the reference store, whose actors
/// file resolves claimant names.
pub fn score(gold: &Store, pred: &Store) -> ClaimScores {
    let actors = &gold.actors;
    let pred_by_id: HashMap<&str, usize> = pred
        .files
        .iter()
        .enumerate()
        .map(|(i, l)| (l.file.article.id.as_str(), i))
        .collect();
    let mut map: HashMap<ClaimAt, ClaimAt> = HashMap::new(); // pred -> gold
    let mut out = ClaimScores {
        articles: gold.files.len(),
        ..ClaimScores::default()
    };
    let (mut matched, mut agreeing, mut n_pred, mut n_gold) = (0, 0, 0, 0);
    let (mut same_stance, mut den_ok, mut den_pred, mut den_gold) = (0, 0, 0, 0);
    for (gf, gl) in gold.files.iter().enumerate() {
        let gclaims = &gl.file.claims;
        let id = &gl.file.article.id;
        n_gold += gclaims.len();
        den_gold += gclaims.iter().filter(|c| c.stance == Stance::Denies).count();
        let Some(&pf) = pred_by_id.get(id.as_str()) else {
            out.missing.push(id.clone());
            out.per_article.push(ArticleScores {
                article: id.clone(),
                claims: Prf::from_matches(0, 0, gclaims.len()),
                claimant: Prf::from_matches(0, 0, gclaims.len()),
            });
            continue;
        };
        let pclaims = &pred.files[pf].file.claims;
        n_pred += pclaims.len();
        den_pred += pclaims.iter().filter(|c| c.stance == Stance::Denies).count();
        let pairs = match_claims(actors, pclaims, gclaims);
        let mut agree_here = 0;
        for &(p, g) in &pairs {
            map.insert((pf, p), (gf, g));
            let (pc, gc) = (&pclaims[p], &gclaims[g]);
            if actors.agrees(&gc.claimant, &pc.claimant, pc.mention.as_deref()) {
                agree_here += 1;
            }
            if pc.stance == gc.stance {
                same_stance += 1;
                if pc.stance == Stance::Denies {
                    den_ok += 1;
                }
            }
        }
        matched += pairs.len();
        agreeing += agree_here;
        out.per_article.push(ArticleScores {
            article: id.clone(),
            claims: Prf::from_matches(pairs.len(), pclaims.len(), gclaims.len()),
            claimant: Prf::from_matches(agree_here, pclaims.len(), gclaims.len()),
        });
    }
    out.claims = Prf::from_matches(matched, n_pred, n_gold);
    out.claimant = Prf::from_matches(agreeing, n_pred, n_gold);
    out.stance_accuracy = if matched == 0 {
        0.0
    } else {
        same_stance as f64 / matched as f64
    };
    out.denies = Prf::from_matches(den_ok, den_pred, den_gold);

    // Links, only over articles that have a reference file.
    let gold_ids: HashSet<&str> = gold.files.iter().map(|l| l.file.article.id.as_str()).collect();
    let in_gold = |s: &Store, at: ClaimAt| gold_ids.contains(s.files[at.0].file.article.id.as_str());
    let glinks = links(gold);
    let plinks: Vec<_> = links(pred).into_iter().filter(|&(_, a, _)| in_gold(pred, a)).collect();
    let ok = plinks
        .iter()
        .filter(|(k, a, b)| match (map.get(a), map.get(b)) {
            (Some(&ga), Some(&gb)) => glinks.contains(&(*k, ga, gb)),
            _ => false,
        })
        .count();
    out.links = Prf::from_matches(ok, plinks.len(), glinks.len());
    let contest = |kind: LinkKind| matches!(kind, LinkKind::Rebuts | LinkKind::Counters);
    let gcontest: HashSet<(ClaimAt, ClaimAt)> = glinks
        .iter()
        .filter(|(k, _, _)| contest(*k))
        .map(|&(_, a, b)| (a, b))
        .collect();
    let pcontest: HashSet<(ClaimAt, ClaimAt)> = plinks
        .iter()
        .filter(|(k, _, _)| contest(*k))
        .map(|&(_, a, b)| (a, b))
        .collect();
    let ok = pcontest
        .iter()
        .filter(|(a, b)| match (map.get(a), map.get(b)) {
            (Some(&ga), Some(&gb)) => gcontest.contains(&(ga, gb)),
            _ => false,
        })
        .count();
    out.contest_links = Prf::from_matches(ok, pcontest.len(), gcontest.len());
    let back: HashMap<ClaimAt, ClaimAt> = map.iter().map(|(&p, &g)| (g, p)).collect();
    let name = |s: &Store, at: ClaimAt| format!("{}#{}", s.files[at.0].file.article.id, s.claim(at).id);
    let end = |s: &Store, at: ClaimAt, other: &Store, partner: Option<&ClaimAt>| {
        let c = s.claim(at);
        let matched = partner.map(|&p| {
            let o = other.claim(p);
            format!("{} [{}] {}", name(other, p), o.claimant, o.content)
        });
        End {
            claim: name(s, at),
            claimant: c.claimant.clone(),
            stance: c.stance,
            content: c.content.clone(),
            matched,
        }
    };
    let mut missed: Vec<&(ClaimAt, ClaimAt)> = gcontest
        .iter()
        .filter(|(a, b)| !matches!((back.get(a), back.get(b)), (Some(pa), Some(pb)) if pcontest.contains(&(*pa, *pb))))
        .collect();
    missed.sort();
    let mut wrong: Vec<&(ClaimAt, ClaimAt)> = pcontest
        .iter()
        .filter(|(a, b)| !matches!((map.get(a), map.get(b)), (Some(ga), Some(gb)) if gcontest.contains(&(*ga, *gb))))
        .collect();
    wrong.sort();
    out.contest_errors = missed
        .into_iter()
        .map(|&(a, b)| LinkError {
            error: "missed",
            from: end(gold, a, pred, back.get(&a)),
            to: end(gold, b, pred, back.get(&b)),
        })
        .chain(wrong.into_iter().map(|&(a, b)| LinkError {
            error: "wrong",
            from: end(pred, a, gold, map.get(&a)),
            to: end(pred, b, gold, map.get(&b)),
        }))
        .collect();

    let gcont = contested(gold);
    let pcont: Vec<ClaimAt> = contested(pred).into_iter().filter(|&a| in_gold(pred, a)).collect();
    let ok = pcont
        .iter()
        .filter(|a| map.get(a).is_some_and(|g| gcont.contains(g)))
        .count();
    out.contested = Prf::from_matches(ok, pcont.len(), gcont.len());
    out
}

/// Every resolvable link of a store: (kind, from, to).
fn links(store: &Store) -> HashSet<(LinkKind, ClaimAt, ClaimAt)> {
    let mut out = HashSet::new();
    for at in store.all() {
        for kind in LinkKind::ALL {
            for r in store.claim(at).links(kind) {
                if let Some(to) = store.resolve(at.0, r) {
                    out.insert((kind, at, to));
                }
            }
        }
    }
    out
}

/// The contested claims of a store.
fn contested(store: &Store) -> HashSet<ClaimAt> {
    dispute::build(store, true)
        .blocks
        .iter()
        .filter(|b| b.contested)
        .map(|b| b.claim)
        .collect()
}

/// A readable table of the scores.
pub fn render(s: &ClaimScores) -> String {
    let t = prf_table([
        ("claims".to_string(), &s.claims),
        ("claimant agrees".to_string(), &s.claimant),
        ("denies".to_string(), &s.denies),
        ("links".to_string(), &s.links),
        ("rebuts+counters links".to_string(), &s.contest_links),
        ("contested".to_string(), &s.contested),
    ]);
    let mut a = Table::new();
    a.load_style(presets::ASCII_MARKDOWN);
    a.set_header(["article", "claims F1", "claimant F1", "pred", "gold"]);
    for x in &s.per_article {
        a.add_row(vec![
            x.article.clone(),
            fmt3(x.claims.f1),
            fmt3(x.claimant.f1),
            x.claims.pred.to_string(),
            x.claims.gold.to_string(),
        ]);
    }
    let mut text = format!(
        "{t}\nstance accuracy over matched claims: {}\n\n{a}\n{} articles",
        fmt3(s.stance_accuracy),
        s.articles
    );
    if !s.missing.is_empty() {
        text.push_str(&format!("; no predicted file for: {}", s.missing.join(", ")));
    }
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::claim::{ActorsFile, ArticleMeta, Claim, ClaimFile};
    use crate::store::Loaded;
    use std::path::PathBuf;

    fn file(id: &str, claims: Vec<Claim>) -> Loaded {
        let mut f = ClaimFile::new(ArticleMeta {
            id: id.into(),
            title: None,
            published: None,
            source: None,
            url: None,
            text: None,
        });
        f.claims = claims;
        Loaded {
            path: PathBuf::from(format!("{id}.yaml")),
            file: f,
        }
    }

    fn claim(id: &str, who: &str, stance: Stance, content: &str, rebuts: &[&str]) -> Claim {
        let mut c = Claim::new(id, who, stance, content);
        c.rebuts = rebuts.iter().map(|s| s.to_string()).collect();
        c
    }

    fn actors() -> Actors {
        let f: ActorsFile = serde_yaml::from_str(
            "schema: claimtrack-actors/1\nactors:\n  - name: Afghanistan\n    aliases: [Islamic Emirate]\n",
        )
        .unwrap();
        Actors::new(&f)
    }

    #[test]
    fn scores_matching_claimants_stance_links_and_contested() {
        let gold = Store::from_files(
            vec![file(
                "a",
                vec![
                    claim(
                        "c1",
                        "Pakistan",
                        Stance::Asserts,
                        "militants operate from Afghan soil",
                        &[],
                    ),
                    claim(
                        "c2",
                        "Afghanistan",
                        Stance::Denies,
                        "militants operate from Afghan soil",
                        &["c1"],
                    ),
                    claim(
                        "c3",
                        "Pakistan",
                        Stance::Asserts,
                        "the border will reopen on Monday",
                        &[],
                    ),
                ],
            )],
            actors(),
        );
        let pred = Store::from_files(
            vec![file(
                "a",
                vec![
                    claim(
                        "c1",
                        "Pakistan",
                        Stance::Asserts,
                        "militants operate from Afghan soil",
                        &[],
                    ),
                    claim(
                        "c2",
                        "Islamic Emirate",
                        Stance::Denies,
                        "that militants operate from Afghan soil",
                        &["c1"],
                    ),
                    claim("c3", "traders", Stance::Denies, "prices went up", &[]),
                ],
            )],
            Actors::default(),
        );
        let s = score(&gold, &pred);
        assert_eq!((s.claims.correct_pred, s.claims.pred, s.claims.gold), (2, 3, 3));
        assert_eq!(s.claimant.correct_pred, 2, "alias resolves through gold actors");
        assert_eq!(s.stance_accuracy, 1.0);
        assert_eq!((s.denies.correct_pred, s.denies.pred, s.denies.gold), (1, 2, 1));
        assert_eq!(s.links.f1, 1.0);
        assert_eq!(s.contest_links.f1, 1.0);
        assert_eq!(s.contested.f1, 1.0);
        assert!(s.missing.is_empty());
        assert!(s.contest_errors.is_empty());
    }

    #[test]
    fn a_content_written_twice_matches_the_claim_of_the_same_claimant() {
        // The denial repeats the accusation's words and comes first; the
        // accusation alone is extracted, and it is the accuser's claim.
        let gold = Store::from_files(
            vec![file(
                "a",
                vec![
                    claim(
                        "c1",
                        "Afghanistan",
                        Stance::Denies,
                        "militants operate from Afghan soil",
                        &["c2"],
                    ),
                    claim(
                        "c2",
                        "Pakistan",
                        Stance::Asserts,
                        "militants operate from Afghan soil",
                        &[],
                    ),
                ],
            )],
            actors(),
        );
        let pred = Store::from_files(
            vec![file(
                "a",
                vec![claim(
                    "c1",
                    "Pakistan",
                    Stance::Asserts,
                    "militants operate from Afghan soil",
                    &[],
                )],
            )],
            Actors::default(),
        );
        let s = score(&gold, &pred);
        assert_eq!((s.claims.correct_pred, s.claimant.correct_pred), (1, 1));
        assert_eq!(s.stance_accuracy, 1.0);
    }

    #[test]
    fn contest_errors_name_the_missed_and_the_wrong_links_with_their_partners() {
        let three = |rebuts: &[&str], on_c3: &[&str]| {
            vec![file(
                "a",
                vec![
                    claim(
                        "c1",
                        "Pakistan",
                        Stance::Asserts,
                        "militants operate from Afghan soil",
                        &[],
                    ),
                    claim(
                        "c2",
                        "Afghanistan",
                        Stance::Denies,
                        "militants operate from Afghan soil",
                        rebuts,
                    ),
                    claim(
                        "c3",
                        "Afghanistan",
                        Stance::Asserts,
                        "the border will reopen on Monday",
                        on_c3,
                    ),
                ],
            )]
        };
        let gold = Store::from_files(three(&["c1"], &[]), actors());
        let pred = Store::from_files(three(&[], &["c1"]), actors());
        let s = score(&gold, &pred);
        let got: Vec<(&str, &str, &str, Option<&str>)> = s
            .contest_errors
            .iter()
            .map(|e| {
                (
                    e.error,
                    e.from.claim.as_str(),
                    e.to.claim.as_str(),
                    e.from.matched.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "missed",
                    "a#c2",
                    "a#c1",
                    Some("a#c2 [Afghanistan] militants operate from Afghan soil")
                ),
                (
                    "wrong",
                    "a#c3",
                    "a#c1",
                    Some("a#c3 [Afghanistan] the border will reopen on Monday")
                ),
            ]
        );
        assert_eq!(
            s.contest_errors.len(),
            (s.contest_links.gold - s.contest_links.correct_gold)
                + (s.contest_links.pred - s.contest_links.correct_pred)
        );
    }

    #[test]
    fn missing_prediction_counts_every_claim_missed() {
        let gold = Store::from_files(
            vec![file("a", vec![claim("c1", "X", Stance::Asserts, "one two three", &[])])],
            Actors::default(),
        );
        let pred = Store::from_files(vec![], Actors::default());
        let s = score(&gold, &pred);
        assert_eq!(s.missing, ["a"]);
        assert_eq!(s.claims.recall, 0.0);
        assert_eq!(s.claims.gold, 1);
    }
}
