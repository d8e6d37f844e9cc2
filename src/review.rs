//! Lossless edits for `claimtrack review`: marking a claim reviewed (with
//! the corrections a person made to its claimant, stance or content) and
//! removing a rejected claim with the references to it, through the YAML
//! document itself (yaml-edit), so that comments, order, quoting and every
//! untouched line stay byte for byte.

use crate::claim::{ClaimFile, Stance};
use crate::edit::EditError;
use std::str::FromStr;
use yaml_edit::{Document, Mapping, YamlNode};

/// What a person changed in a claim before accepting it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// A corrected claimant.
    pub claimant: Option<String>,
    /// A corrected stance.
    pub stance: Option<Stance>,
    /// A corrected content.
    pub content: Option<String>,
}

impl Changes {
    /// Whether anything was changed.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// The claim `id` of `text` accepted: `changes` applied and `reviewed: true`
/// set. A corrected content drops the claim's `span`, which pointed at the
/// old words.
pub fn accept(text: &str, id: &str, changes: &Changes) -> Result<String, EditError> {
    let doc = parse(text)?;
    let claim = find(&doc, id)?;
    if let Some(c) = &changes.claimant {
        claim.set("claimant", c.as_str());
    }
    if let Some(s) = changes.stance {
        claim.set("stance", s.as_str());
    }
    if let Some(c) = &changes.content {
        claim.set("content", c.as_str());
        claim.remove("span");
    }
    if claim.contains_key("reviewed") {
        claim.set("reviewed", true);
    } else {
        // At its place in the format's field order.
        let fields = &crate::claim::CLAIM_FIELDS;
        let at = fields.iter().position(|f| *f == "reviewed").unwrap_or(fields.len());
        match fields[..at].iter().rev().find(|f| claim.contains_key(**f)) {
            Some(after) => {
                claim.insert_after(*after, "reviewed", true);
            }
            None => claim.set("reviewed", true),
        }
    }
    let out = doc.to_string();
    read_back(&out, id, changes)?;
    Ok(out)
}

/// `text` without the claim `id`, and without the references to it in the
/// same file (`id`) or to `targets` (`ARTICLE#id`, as other files name it).
pub fn reject(text: &str, id: &str) -> Result<String, EditError> {
    let doc = parse(text)?;
    let claims = doc
        .as_mapping()
        .and_then(|m| m.get_sequence("claims"))
        .ok_or(EditError::NoClaims)?;
    let index = claims
        .values()
        .position(|v| v.as_mapping().is_some_and(|m| id_of(m) == id))
        .ok_or_else(|| EditError::NoClaim(id.to_string()))?;
    claims.remove(index);
    drop_references(&doc, &[id])?;
    Ok(doc.to_string())
}

/// `text` without the references `targets` (`ARTICLE#cN`) in its claims'
/// link lists; a list left empty is removed.
pub fn drop_references_to(text: &str, targets: &[&str]) -> Result<String, EditError> {
    let doc = parse(text)?;
    drop_references(&doc, targets)?;
    Ok(doc.to_string())
}

fn drop_references(doc: &Document, targets: &[&str]) -> Result<(), EditError> {
    let claims = doc
        .as_mapping()
        .and_then(|m| m.get_sequence("claims"))
        .ok_or(EditError::NoClaims)?;
    for claim in claims.values().filter_map(|v| v.as_mapping().cloned()) {
        for kind in crate::claim::LinkKind::ALL {
            let Some(node) = claim.get(kind.field()) else { continue };
            let Some(list) = node.as_sequence() else { continue };
            while let Some(i) = list.values().position(|v| targets.contains(&scalar_text(&v).as_str())) {
                list.remove(i);
            }
            if list.is_empty() {
                claim.remove(kind.field());
            }
        }
    }
    Ok(())
}

fn parse(text: &str) -> Result<Document, EditError> {
    Document::from_str(text).map_err(|e| EditError::Parse(e.to_string()))
}

fn find(doc: &Document, id: &str) -> Result<Mapping, EditError> {
    doc.as_mapping()
        .and_then(|m| m.get_sequence("claims"))
        .ok_or(EditError::NoClaims)?
        .values()
        .filter_map(|v| v.as_mapping().cloned())
        .find(|m| id_of(m) == id)
        .ok_or_else(|| EditError::NoClaim(id.to_string()))
}

fn id_of(m: &Mapping) -> String {
    m.get("id").map(|v| scalar_text(&v)).unwrap_or_default()
}

fn scalar_text(node: &YamlNode) -> String {
    node.as_scalar().map_or_else(|| node.to_string(), |s| s.as_string())
}

/// The edited text must read back with exactly the values set.
fn read_back(out: &str, id: &str, changes: &Changes) -> Result<(), EditError> {
    let file: ClaimFile = serde_yaml::from_str(out).map_err(|e| EditError::Parse(e.to_string()))?;
    let c = file
        .claims
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::NoClaim(id.to_string()))?;
    let same = changes.claimant.as_ref().is_none_or(|x| *x == c.claimant)
        && changes.stance.is_none_or(|s| s == c.stance)
        && changes.content.as_ref().is_none_or(|x| *x == c.content)
        && c.reviewed == Some(true);
    if same {
        Ok(())
    } else {
        Err(EditError::Parse("the edit did not read back as written".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# by hand   keep\nschema: claimtrack/1\narticle:\n  id: a\nclaims:\n  - id: c1   # first\n    claimant: Pakstan\n    stance: asserts\n    content: militants cross\n    span: [3, 18]\n    confidence: 0.62\n  - id: c2\n    claimant: Afghanistan\n    stance: denies\n    content: militants cross\n    rebuts: [c1, b#c4]\n";

    #[test]
    fn accepting_marks_reviewed_and_keeps_the_rest() {
        let out = accept(FILE, "c2", &Changes::default()).unwrap();
        assert_eq!(out, FILE.replace("b#c4]\n", "b#c4]\n    reviewed: true\n"));
    }

    #[test]
    fn corrections_are_written_and_a_stale_span_goes() {
        let changes = Changes {
            claimant: Some("Pakistan".into()),
            stance: Some(Stance::Denies),
            content: Some("talks #Torkham: at 10:00".into()),
        };
        let out = accept(FILE, "c1", &changes).unwrap();
        assert!(out.starts_with("# by hand   keep\n"));
        assert!(out.contains("  - id: c1   # first\n"), "{out}");
        assert!(out.contains("    confidence: 0.62\n    reviewed: true\n"), "{out}");
        assert!(!out.contains("span: [3, 18]"));
        let f: ClaimFile = serde_yaml::from_str(&out).unwrap();
        assert_eq!(f.claims[0].claimant, "Pakistan");
        assert_eq!(f.claims[0].content, "talks #Torkham: at 10:00");
        assert_eq!(f.claims[0].stance, Stance::Denies);
    }

    #[test]
    fn rejecting_removes_the_claim_and_references_to_it() {
        let out = reject(FILE, "c1").unwrap();
        let f: ClaimFile = serde_yaml::from_str(&out).unwrap();
        assert_eq!(f.claims.len(), 1);
        assert_eq!(f.claims[0].rebuts, ["b#c4"]);
        assert!(out.starts_with("# by hand   keep\n"));
        let out = drop_references_to(&out, &["b#c4"]).unwrap();
        let f: ClaimFile = serde_yaml::from_str(&out).unwrap();
        assert!(f.claims[0].rebuts.is_empty());
        assert!(!out.contains("rebuts"), "{out}");
    }
}
