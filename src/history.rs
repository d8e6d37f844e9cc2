//! A claim's history across a claims directory: every appearance of the
//! same assertion (found by [`crate::matching`] and by the files' own
//! `same_as` links), with who repeated, echoed, supported, rebutted or
//! countered it, in date order.

use crate::actors::Actors;
use crate::claim::{LinkKind, Stance};
use crate::matching::{self, Index, Prepared, Vocabulary};
use crate::store::{ClaimAt, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How an appearance relates to the claim the history is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The claim asked about.
    Claim,
    /// The same assertion by the same claimant.
    Repeated,
    /// The same assertion by another voice of the same side.
    Echoed,
    /// The same assertion by another side, or a claim recorded as
    /// supporting one of the appearances.
    Supported,
    /// A denial of the assertion by another claimant, or a claim recorded
    /// as rebutting one of the appearances.
    Rebutted,
    /// A claim recorded as countering one of the appearances.
    Countered,
    /// The claimant now says the opposite.
    ChangedPosition,
}

impl Role {
    /// The word used in the terminal.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Role::Claim => "claim",
            Role::Repeated => "repeated",
            Role::Echoed => "echoed",
            Role::Supported => "supported",
            Role::Rebutted => "rebutted",
            Role::Countered => "countered",
            Role::ChangedPosition => "changed position",
        }
    }
}

/// One appearance of the assertion.
#[derive(Debug, Clone, PartialEq)]
pub struct Appearance {
    /// Where.
    pub at: ClaimAt,
    /// The article's date, by the one rule of [`crate::article::article_date`].
    pub date: Option<NaiveDate>,
    /// How it relates to the claim asked about.
    pub role: Role,
    /// Content similarity to the claim asked about (absent for claims found
    /// only through links).
    pub similarity: Option<f64>,
}

/// Why a history could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HistoryError {
    /// `ARTICLE-ID#CLAIM-ID` that names no claim.
    #[error("`{0}` names no claim of the directory")]
    UnknownRef(String),
    /// Words that match no claim.
    #[error("no claim of the directory matches `{0}`")]
    NoMatch(String),
}

/// Everything the history needs about the directory's claims.
struct Prepped {
    at: Vec<ClaimAt>,
    pos: BTreeMap<ClaimAt, usize>,
    prepared: Vec<Prepared>,
}

fn prep(store: &Store, actors: &Actors) -> Prepped {
    let at: Vec<ClaimAt> = store.all().collect();
    let features: Vec<_> = at
        .iter()
        .map(|&a| matching::features_in(store.claim(a), actors))
        .collect();
    let vocab = Vocabulary::with_variants(&features);
    Prepped {
        pos: at.iter().enumerate().map(|(i, &a)| (a, i)).collect(),
        prepared: features.iter().map(|f| vocab.prepare(f)).collect(),
        at,
    }
}

/// Finds the claim a user means: `ARTICLE-ID#CLAIM-ID`, or words of its
/// content (the claim whose content is most like them).
pub fn find(store: &Store, query: &str) -> Result<ClaimAt, HistoryError> {
    if let Some((article, id)) = query.split_once('#')
        && !article.contains(char::is_whitespace)
        && !id.contains(char::is_whitespace)
    {
        let file = store.files.iter().position(|l| l.file.article.id == article);
        return file
            .and_then(|f| store.resolve(f, query))
            .ok_or_else(|| HistoryError::UnknownRef(query.to_string()));
    }
    let at: Vec<ClaimAt> = store.all().collect();
    let query_features = matching::content_features_in(query, Stance::Asserts, &store.actors);
    let features: Vec<_> = at
        .iter()
        .map(|&a| matching::features_in(store.claim(a), &store.actors))
        .collect();
    let vocab = Vocabulary::with_variants(features.iter().chain(std::iter::once(&query_features)));
    let prepared: Vec<Prepared> = features.iter().map(|x| vocab.prepare(x)).collect();
    Index::new(&prepared)
        .search(&vocab.prepare(&query_features), f64::MIN_POSITIVE)
        .first()
        .map(|&(i, _)| at[i])
        .ok_or_else(|| HistoryError::NoMatch(query.to_string()))
}

/// The history of the claim at `target`: every appearance of its assertion
/// in `store` (similarity at or above `threshold`, or joined by `same_as`),
/// and every claim recorded as rebutting, countering or supporting one of
/// them, in date order (then article id, then file order).
pub fn history(store: &Store, actors: &Actors, target: ClaimAt, threshold: f64) -> Vec<Appearance> {
    let p = prep(store, actors);
    let index = Index::new(&p.prepared);
    let t = p.pos[&target];
    let canonical = |name: &str| actors.get(name).map_or_else(|| name.to_string(), |a| a.name.clone());
    let t_who = canonical(&store.claim(target).claimant);
    let t_side = actors.side(&t_who);
    let t_positive = p.prepared[t].positive;

    // The assertion's appearances: similar contents, and same_as links both ways.
    let mut members: BTreeMap<usize, Option<f64>> = BTreeMap::new();
    for (i, sim) in index.search(&p.prepared[t], threshold) {
        members.insert(i, Some(sim));
    }
    members.insert(t, Some(1.0));
    let mut same_as: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, &at) in p.at.iter().enumerate() {
        for r in &store.claim(at).same_as {
            if let Some(j) = store.resolve(at.0, r).and_then(|x| p.pos.get(&x)) {
                same_as.entry(i).or_default().insert(*j);
                same_as.entry(*j).or_default().insert(i);
            }
        }
    }
    let mut queue: Vec<usize> = members.keys().copied().collect();
    while let Some(i) = queue.pop() {
        for &j in same_as.get(&i).into_iter().flatten() {
            if let std::collections::btree_map::Entry::Vacant(e) = members.entry(j) {
                e.insert(None);
                queue.push(j);
            }
        }
    }

    let mut out: BTreeMap<usize, Appearance> = BTreeMap::new();
    for (&i, &similarity) in &members {
        let at = p.at[i];
        let who = canonical(&store.claim(at).claimant);
        let same_polarity = p.prepared[i].positive == t_positive;
        let role = match (i == t, same_polarity, who == t_who) {
            (true, _, _) => Role::Claim,
            (false, true, true) => Role::Repeated,
            (false, true, false) if actors.side(&who) == t_side => Role::Echoed,
            (false, true, false) => Role::Supported,
            (false, false, true) => Role::ChangedPosition,
            (false, false, false) => Role::Rebutted,
        };
        out.insert(
            i,
            Appearance {
                at,
                date: crate::dispute::date(store, at),
                role,
                similarity,
            },
        );
    }
    // Claims recorded as responding to an appearance.
    for (i, &at) in p.at.iter().enumerate() {
        if out.contains_key(&i) {
            continue;
        }
        let claim = store.claim(at);
        let role = [
            (LinkKind::Rebuts, Role::Rebutted),
            (LinkKind::Counters, Role::Countered),
            (LinkKind::Supports, Role::Supported),
        ]
        .into_iter()
        .find(|(kind, _)| {
            claim
                .links(*kind)
                .iter()
                .filter_map(|r| store.resolve(at.0, r).and_then(|x| p.pos.get(&x)))
                .any(|j| members.contains_key(j))
        });
        if let Some((_, role)) = role {
            out.insert(
                i,
                Appearance {
                    at,
                    date: crate::dispute::date(store, at),
                    role,
                    similarity: None,
                },
            );
        }
    }
    let mut list: Vec<Appearance> = out.into_values().collect();
    list.sort_by(|a, b| {
        (a.date, &store.files[a.at.0].file.article.id, a.at).cmp(&(b.date, &store.files[b.at.0].file.article.id, b.at))
    });
    list
}

/// The JSON form of a history.
#[derive(Debug, Serialize)]
pub struct HistoryJson {
    /// The claim asked about, `ARTICLE-ID#CLAIM-ID`.
    pub claim: String,
    /// Every appearance, in date order.
    pub appearances: Vec<AppearanceJson>,
}

/// One appearance in JSON.
#[derive(Debug, Serialize)]
pub struct AppearanceJson {
    /// `ARTICLE-ID#CLAIM-ID`.
    pub claim: String,
    /// `YYYY-MM-DD`, or null when unknown.
    pub date: Option<NaiveDate>,
    /// Publisher, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Canonical claimant.
    pub claimant: String,
    /// `asserts` or `denies`.
    pub stance: Stance,
    /// How it relates to the claim asked about.
    pub role: Role,
    /// Content similarity, two decimals; absent when found through links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The content as recorded.
    pub content: String,
}

/// The JSON document of a history.
pub fn to_json(store: &Store, target: ClaimAt, list: &[Appearance]) -> HistoryJson {
    HistoryJson {
        claim: store.full_id(target),
        appearances: list
            .iter()
            .map(|a| {
                let c = store.claim(a.at);
                AppearanceJson {
                    claim: store.full_id(a.at),
                    date: a.date,
                    source: store.files[a.at.0].file.article.source.clone(),
                    claimant: c.claimant.clone(),
                    stance: c.stance,
                    role: a.role,
                    similarity: a.similarity.map(|s| (s * 100.0).round() / 100.0),
                    content: c.content.clone(),
                }
            })
            .collect(),
    }
}

/// The history as plain text lines for the terminal.
pub fn render(store: &Store, target: ClaimAt, list: &[Appearance]) -> String {
    use std::fmt::Write as _;
    // Every text from a file is cleaned as in `report`: no escape sequence,
    // carriage return or bidi control reaches the terminal.
    let clean = crate::sanitize::clean;
    let t = store.claim(target);
    let mut out = format!(
        "History of {}: {} {} \"{}\"\n",
        clean(&store.full_id(target)),
        clean(&t.claimant),
        t.stance.as_str(),
        clean(&t.content)
    );
    for a in list {
        let c = store.claim(a.at);
        let date = a.date.map_or_else(|| "----------".to_string(), |d| d.to_string());
        let sim = a.similarity.map_or_else(String::new, |s| format!(" ({s:.2})"));
        let _ = writeln!(
            out,
            "{date}  {:<16} {}{sim}\n            {} {}: {}",
            a.role.as_str(),
            clean(&store.full_id(a.at)),
            clean(&c.claimant),
            c.stance.as_str(),
            clean(&c.content)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{ArticleMeta, Claim, ClaimFile};
    use crate::store::Loaded;
    use std::path::PathBuf;

    fn file(id: &str, claims: Vec<Claim>) -> Loaded {
        let mut f = ClaimFile::new(ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        });
        f.claims = claims;
        Loaded {
            path: PathBuf::from(format!("{id}.yaml")),
            file: f,
        }
    }

    #[test]
    fn appearances_in_date_order_with_roles() {
        let a = Stance::Asserts;
        let mut counter = Claim::new("c2", "Afghanistan", a, "ISKP fighters enter Afghanistan from Pakistan");
        counter.counters = vec!["2025-03-01-a#c1".into()];
        let store = Store::from_files(
            vec![
                file(
                    "2025-03-05-c",
                    vec![Claim::new("c1", "Pakistan", a, "terrorists use Afghan territory")],
                ),
                file(
                    "2025-03-01-a",
                    vec![Claim::new("c1", "Pakistan", a, "militants operate from Afghan soil")],
                ),
                file(
                    "2025-03-03-b",
                    vec![
                        Claim::new(
                            "c1",
                            "Afghanistan",
                            Stance::Denies,
                            "militants operate from Afghan soil",
                        ),
                        counter,
                        Claim::new("c3", "Safi", a, "perishable goods were at risk"),
                    ],
                ),
            ],
            Actors::default(),
        );
        let target = find(&store, "2025-03-01-a#c1").unwrap();
        let list = history(&store, &Actors::default(), target, matching::DEFAULT_THRESHOLD);
        let got: Vec<(String, Role)> = list.iter().map(|a| (store.full_id(a.at), a.role)).collect();
        assert_eq!(
            got,
            [
                ("2025-03-01-a#c1".to_string(), Role::Claim),
                ("2025-03-03-b#c1".to_string(), Role::Rebutted),
                ("2025-03-03-b#c2".to_string(), Role::Countered),
                ("2025-03-05-c#c1".to_string(), Role::Repeated),
            ]
        );
        assert_eq!(find(&store, "perishable goods").unwrap(), (2, 2));
        assert!(matches!(find(&store, "x#c9"), Err(HistoryError::UnknownRef(_))));
        assert!(matches!(find(&store, "zebra crossing"), Err(HistoryError::NoMatch(_))));
    }
}
