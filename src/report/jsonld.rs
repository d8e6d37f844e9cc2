//! The JSON-LD printer: every shown claim (claims and responses, once each)
//! as a schema.org `Claim`, with `author` the claimant, `appearance` the
//! article (a `NewsArticle`) and `datePublished` its date, so fact-checking
//! tools can ingest them; the links the report shows between claims as
//! `rebuts`, `counters`, `supports` and `repeats` (terms of our own
//! vocabulary, declared in the context) and as schema.org's `citation`, so
//! a consumer that knows only schema.org still sees which claim answers which.

use crate::claim::LinkKind;
use crate::report::{Briefing, ClaimView};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;

/// The namespace of the relation terms (defined in docs/reports.md), in the
/// same `urn:claimtrack:` space as the claims' ids.
pub(crate) const VOCAB: &str = "urn:claimtrack:vocab:";

/// The JSON-LD term of a link.
fn term(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Rebuts => "rebuts",
        LinkKind::Counters => "counters",
        LinkKind::Supports => "supports",
        LinkKind::SameAs => "repeats",
    }
}

/// `@context`: schema.org, plus the relation terms as IRIs in [`VOCAB`].
fn context() -> Value {
    let mut terms = Map::new();
    for kind in LinkKind::ALL {
        terms.insert(
            term(kind).into(),
            json!({"@id": format!("{VOCAB}{}", term(kind)), "@type": "@id"}),
        );
    }
    json!(["https://schema.org", Value::Object(terms)])
}

/// The `@id` of a claim: `urn:claimtrack:ARTICLE-ID:CLAIM-ID`.
fn iri(c: &ClaimView) -> String {
    format!("urn:claimtrack:{}:{}", c.article, c.claim)
}

fn author(c: &ClaimView) -> Value {
    let mut a = Map::new();
    match c.claimant_kind.as_deref() {
        Some("person") => {
            a.insert("@type".into(), json!("Person"));
        }
        Some(_) => {
            a.insert("@type".into(), json!("Organization"));
        }
        None => {}
    }
    a.insert("name".into(), json!(c.claimant));
    if c.side != c.claimant {
        a.insert("memberOf".into(), json!({"@type": "Organization", "name": c.side}));
    }
    Value::Object(a)
}

fn claim(model: &Briefing, c: &ClaimView, links: Option<&BTreeMap<LinkKind, Vec<String>>>) -> Value {
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("NewsArticle"));
    appearance.insert("identifier".into(), json!(c.article));
    if let Some(a) = model.articles.iter().find(|a| a.id == c.article) {
        if let Some(t) = &a.title {
            appearance.insert("headline".into(), json!(t));
        }
        if let Some(u) = &a.url {
            appearance.insert("url".into(), json!(u));
        }
        if let Some(d) = a.published {
            appearance.insert("datePublished".into(), json!(d.to_string()));
        }
        if let Some(s) = &a.source {
            appearance.insert("publisher".into(), json!({"@type": "Organization", "name": s}));
        }
    }
    let mut v = Map::new();
    v.insert("@type".into(), json!("Claim"));
    v.insert("@id".into(), json!(iri(c)));
    v.insert("identifier".into(), json!(c.id));
    v.insert("text".into(), json!(c.content));
    v.insert("author".into(), author(c));
    if let Some(d) = c.date {
        v.insert("datePublished".into(), json!(d.to_string()));
    }
    v.insert("appearance".into(), Value::Object(appearance));
    if let Some(links) = links {
        let mut cited: Vec<&String> = Vec::new();
        for (kind, targets) in links {
            v.insert(term(*kind).into(), json!(targets));
            cited.extend(targets);
        }
        cited.sort();
        cited.dedup();
        v.insert("citation".into(), json!(cited));
    }
    Value::Object(v)
}

/// Writes the JSON-LD document (`@context` schema.org, one `@graph`).
pub(crate) fn render(model: &Briefing, out: &mut dyn Write) -> std::io::Result<()> {
    // The links the report shows: response -> kind -> claims it answers.
    let mut links: BTreeMap<&str, BTreeMap<LinkKind, Vec<String>>> = BTreeMap::new();
    for b in model.disputes.iter().flat_map(|d| &d.claims) {
        for r in &b.responses {
            let to = links.entry(r.claim.id.as_str()).or_default().entry(r.link).or_default();
            if !to.contains(&iri(&b.claim)) {
                to.push(iri(&b.claim));
            }
        }
    }
    let mut seen = HashSet::new();
    let mut graph = Vec::new();
    for d in &model.disputes {
        for b in &d.claims {
            for c in std::iter::once(&b.claim).chain(b.responses.iter().map(|r| &r.claim)) {
                if seen.insert(c.id.as_str()) {
                    graph.push(claim(model, c, links.get(c.id.as_str())));
                }
            }
        }
    }
    let doc = json!({"@context": context(), "@graph": graph});
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
