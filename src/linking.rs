//! Links across a claims directory with the learned linker of
//! [`crate::extract::linker`]: proposing the links a store lacks
//! (`claimtrack link`), and training the linker from reference claim files
//! (`claimtrack train --links`).
//!
//! Training sees each reference article twice: as its reference claims
//! (so that `link` learns hand-written files) and as the extractor's claims
//! of its text, each labelled with the reference link between the reference
//! claims they match (content Dice ≥ 0.5, as `eval claims` matches), so that
//! extraction learns the claims it will really link, with the rules'
//! proposals as hints.

use crate::actors::Actors;
use crate::article::Article;
use crate::claim::{Claim, LinkKind};
use crate::corpus::match_claims;
use crate::extract::linker::{self, At, Doc, Hints, Label, Linker, Proposal};
use crate::extract::{self, Model};
use crate::store::{ClaimAt, Store};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::PathBuf;

/// The date of an article for pairing articles of one event (the rule
/// lives with the articles).
pub use crate::article::article_date;

/// The linker's view of some files of a store.
fn docs<'a>(store: &'a Store, files: &[usize]) -> Vec<Doc<'a>> {
    files
        .iter()
        .map(|&f| {
            let file = &store.files[f].file;
            Doc {
                claims: &file.claims,
                date: article_date(&file.article.id, file.article.published),
                hints: None,
            }
        })
        .collect()
}

/// A link proposed for a store, by claim location.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The answering claim.
    pub from: ClaimAt,
    /// The claim it answers.
    pub to: ClaimAt,
    /// Which link.
    pub kind: LinkKind,
    /// The model's probability.
    pub score: f32,
}

/// The links the linker proposes among the claims of a store that are not
/// there yet (in either direction, of any kind), ordered by claim.
pub fn suggest(store: &Store, linker: &Linker) -> Vec<Suggestion> {
    let files: Vec<usize> = (0..store.files.len()).collect();
    let proposals = linker::propose(&docs(store, &files), &store.actors, linker);
    let mut present: std::collections::HashSet<(ClaimAt, ClaimAt)> = std::collections::HashSet::new();
    for at in store.all() {
        for kind in LinkKind::ALL {
            for r in store.claim(at).links(kind) {
                if let Some(to) = store.resolve(at.0, r) {
                    present.insert((at, to));
                    present.insert((to, at));
                }
            }
        }
    }
    proposals
        .into_iter()
        .filter(|p| !present.contains(&(p.from, p.to)))
        .map(|p| Suggestion {
            from: p.from,
            to: p.to,
            kind: p.kind,
            score: p.score,
        })
        .collect()
}

/// The reference label of every ordered pair of claims of a store.
fn reference_labels(store: &Store) -> HashMap<(ClaimAt, ClaimAt), Label> {
    let mut out = HashMap::new();
    for at in store.all() {
        for kind in [LinkKind::Rebuts, LinkKind::Counters, LinkKind::Supports] {
            for r in store.claim(at).links(kind) {
                if let Some(to) = store.resolve(at.0, r) {
                    let label = if kind == LinkKind::Supports {
                        Label::Support
                    } else {
                        Label::Contest
                    };
                    out.insert((at, to), label);
                }
            }
        }
    }
    out
}

/// The article text of a reference claim file (its `text` field, relative
/// to the file).
pub fn article_of(store: &Store, file: usize) -> Result<Article, String> {
    let loaded = &store.files[file];
    let text = loaded
        .file
        .article
        .text
        .as_ref()
        .ok_or_else(|| format!("{}: no `text` field: the article is needed", loaded.path.display()))?;
    let path: PathBuf = loaded.path.parent().unwrap_or(std::path::Path::new(".")).join(text);
    let mut article = Article::from_file(&path).map_err(|e| e.to_string())?;
    article.id.clone_from(&loaded.file.article.id);
    if article.published.is_none() {
        article.published = article_date(&loaded.file.article.id, loaded.file.article.published);
    }
    Ok(article)
}

/// The extractor's claims of some reference files' articles, before
/// linking, with the rules' hints and the map from each extracted claim to
/// the reference claim it matches.
#[derive(Clone)]
pub struct Extracted {
    /// The reference file of each article.
    pub files: Vec<usize>,
    /// Per article: extracted claims.
    pub claims: Vec<Vec<Claim>>,
    /// Per article: the rules' hints.
    pub hints: Vec<Vec<Hints>>,
    /// Per article: extracted claim -> reference claim.
    pub matched: Vec<HashMap<usize, usize>>,
    /// Per article: its date.
    pub dates: Vec<Option<NaiveDate>>,
    /// Per article: its id.
    pub article_ids: Vec<String>,
}

/// Extracts the articles of reference `files` with `model` and the store's
/// actors, and matches the claims to the reference claims.
pub fn extract_reference(store: &Store, files: &[usize], model: &Model) -> Result<Extracted, String> {
    let mut out = Extracted {
        files: files.to_vec(),
        claims: Vec::new(),
        hints: Vec::new(),
        matched: Vec::new(),
        dates: Vec::new(),
        article_ids: Vec::new(),
    };
    for &f in files {
        let article = article_of(store, f)?;
        let (claims, hints) = extract::claims_with_hints(&article, &store.actors, model);
        let gold = &store.files[f].file.claims;
        out.matched
            .push(match_claims(&store.actors, &claims, gold).into_iter().collect());
        out.claims.push(claims);
        out.hints.push(hints);
        out.dates.push(article.published);
        out.article_ids.push(article.id);
    }
    Ok(out)
}

impl Extracted {
    fn docs(&self) -> Vec<Doc<'_>> {
        (0..self.files.len())
            .map(|k| Doc {
                claims: &self.claims[k],
                date: self.dates[k],
                hints: Some(&self.hints[k]),
            })
            .collect()
    }

    /// Links the extracted claims (within and across the articles) and
    /// returns them per article.
    pub fn link(mut self, actors: &Actors, linker: &Linker) -> Vec<Vec<Claim>> {
        let proposals = linker::propose(&self.docs(), actors, linker);
        apply_across(&mut self.claims, &self.article_ids, &proposals);
        self.claims
    }
}

/// Writes proposals into per-article claim lists, naming claims of other
/// articles `ARTICLE-ID#cN`.
pub fn apply_across(claims: &mut [Vec<Claim>], article_ids: &[String], proposals: &[Proposal]) {
    for p in proposals {
        let target = &claims[p.to.0][p.to.1].id;
        let id = if p.to.0 == p.from.0 {
            target.clone()
        } else {
            format!("{}#{target}", article_ids[p.to.0])
        };
        let list = claims[p.from.0][p.from.1].links_mut(p.kind);
        if !list.contains(&id) {
            list.push(id);
        }
    }
}

/// Trains a linker on reference `files` of a store: their reference claims
/// and the claims `model` extracts from their articles.
pub fn train(store: &Store, files: &[usize], model: &Model) -> Result<Linker, String> {
    Ok(linker::train(&examples(store, files, model)?, linker::L2))
}

/// The labelled pairs [`train`] learns from, for training with other
/// penalties.
pub fn examples(store: &Store, files: &[usize], model: &Model) -> Result<Vec<(Vec<usize>, Label)>, String> {
    let labels = reference_labels(store);
    let mut examples = linker::examples(&docs(store, files), &store.actors, |from: At, to: At| {
        let from = (files[from.0], from.1);
        let to = (files[to.0], to.1);
        labels.get(&(from, to)).copied().unwrap_or(Label::None)
    });
    let ex = extract_reference(store, files, model)?;
    examples.extend(linker::examples(&ex.docs(), &store.actors, |from: At, to: At| {
        let gold = |at: At| ex.matched[at.0].get(&at.1).map(|&c| (files[at.0], c));
        match (gold(from), gold(to)) {
            (Some(a), Some(b)) => labels.get(&(a, b)).copied().unwrap_or(Label::None),
            _ => Label::None,
        }
    }));
    Ok(examples)
}
