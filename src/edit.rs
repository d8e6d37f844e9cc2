//! Lossless edits of a claim file a person may have written: adding
//! references (`same_as`, `rebuts`, `counters`, `supports`) to claims through
//! the YAML document itself (yaml-edit), so that comments, key order,
//! quoting and every untouched line stay byte for byte.

use crate::claim::LinkKind;
use std::str::FromStr;
use yaml_edit::{Document, Sequence, YamlNode};

/// The claim fields in the order of the format doc: a new reference list is
/// placed after the last of the fields before it that the claim has.
const FIELD_ORDER: &[&str] = &crate::claim::CLAIM_FIELDS;

/// One reference to add: to the claim `claim` (its `id`), in the list
/// `kind`, the reference `target` (`c3` or `ARTICLE-ID#c3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
    /// The `id` of the claim that gets the reference.
    pub claim: String,
    /// Which list.
    pub kind: LinkKind,
    /// The reference.
    pub target: String,
}

/// Why a claim file could not be edited.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    /// The text is not a YAML document the editor can read.
    #[error("not a YAML document the editor can read: {0}")]
    Parse(String),
    /// The file has no `claims` list of mappings.
    #[error("no `claims` list")]
    NoClaims,
    /// No claim has the id.
    #[error("no claim with id `{0}`")]
    NoClaim(String),
    /// The field is there but is not a list.
    #[error("claim `{0}`: `{1}` is not a list")]
    NotAList(String, &'static str),
}

/// Adds `links` to the claim file `text` and returns the new text. A
/// reference already in its list is not added again. Lists are extended in
/// their own style (flow `[a, b]` or block); a missing list is created as a
/// flow list at its place in the format's field order.
pub fn add_links(text: &str, links: &[NewLink]) -> Result<String, EditError> {
    let doc = Document::from_str(text).map_err(|e| EditError::Parse(e.to_string()))?;
    let root = doc.as_mapping().ok_or(EditError::NoClaims)?;
    let claims = root.get_sequence("claims").ok_or(EditError::NoClaims)?;
    for link in links {
        let claim = claims
            .values()
            .filter_map(|v| v.as_mapping().cloned())
            .find(|m| m.get("id").is_some_and(|id| scalar_text(&id) == link.claim))
            .ok_or_else(|| EditError::NoClaim(link.claim.clone()))?;
        let field = link.kind.field();
        match claim.get(field) {
            Some(node) => {
                let list = node
                    .as_sequence()
                    .ok_or_else(|| EditError::NotAList(link.claim.clone(), field))?;
                if !list.values().any(|v| scalar_text(&v) == link.target) {
                    list.push(link.target.as_str());
                }
            }
            None => {
                let list = Sequence::new_flow();
                list.push(link.target.as_str());
                let at = FIELD_ORDER
                    .iter()
                    .position(|f| *f == field)
                    .unwrap_or(FIELD_ORDER.len());
                match FIELD_ORDER[..at].iter().rev().find(|f| claim.contains_key(**f)) {
                    Some(after) => {
                        claim.insert_after(*after, field, list);
                    }
                    None => claim.set(field, list),
                }
            }
        }
    }
    Ok(doc.to_string())
}

/// Whether two readings of a claim file differ at most in their links
/// (`rebuts`, `counters`, `supports`, `same_as`): links added meanwhile by
/// another `diff --write` leave what a diff was computed from as it was.
pub fn same_claims(a: &crate::claim::ClaimFile, b: &crate::claim::ClaimFile) -> bool {
    let unlinked = |f: &crate::claim::ClaimFile| {
        let mut f = f.clone();
        for c in &mut f.claims {
            c.rebuts.clear();
            c.counters.clear();
            c.supports.clear();
            c.same_as.clear();
        }
        f
    };
    unlinked(a) == unlinked(b)
}

/// The string value of a scalar node ("c1" for `c1`, `'c1'` or `"c1"`).
fn scalar_text(node: &YamlNode) -> String {
    node.as_scalar().map_or_else(|| node.to_string(), |s| s.as_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RICH: &str = r#"# Hand-written by an analyst.   Keep   this   spacing.
schema: claimtrack/1   # the format
article:
  id: 2025-03-18-b   # the file stem
  title: 'Quoted: title'
claims:
  # The first claim.
  - id: c1
    claimant: Pakistan
    stance: asserts
    content: "militants use Afghan soil"   # double-quoted on purpose
    note: keep me
  - id: 'c2'
    claimant: Afghanistan
    stance: denies
    content: militants use Afghan soil
    rebuts: [c1]   # within the article
    confidence: 0.5

  # A claim with a block list.
  - id: c3
    claimant: Afghanistan
    stance: asserts
    content: no one can use afghan soil
    counters:
      - c1
# trailing comment
"#;

    fn link(claim: &str, kind: LinkKind, target: &str) -> NewLink {
        NewLink {
            claim: claim.into(),
            kind,
            target: target.into(),
        }
    }

    #[test]
    fn adds_links_and_keeps_every_other_byte() {
        let out = add_links(
            RICH,
            &[
                link("c1", LinkKind::SameAs, "2025-03-13-a#c1"),
                link("c2", LinkKind::Rebuts, "2025-03-13-a#c1"),
                link("c3", LinkKind::Counters, "2025-03-13-a#c4"),
                link("c3", LinkKind::SameAs, "2025-03-13-a#c5"),
            ],
        )
        .unwrap();
        let expected = RICH
            .replace(
                "    content: \"militants use Afghan soil\"   # double-quoted on purpose\n",
                "    content: \"militants use Afghan soil\"   # double-quoted on purpose\n    same_as: [2025-03-13-a#c1]\n",
            )
            .replace("    rebuts: [c1]   #", "    rebuts: [c1, 2025-03-13-a#c1]   #")
            .replace(
                "      - c1\n",
                "      - c1\n      - 2025-03-13-a#c4\n    same_as: [2025-03-13-a#c5]\n",
            );
        assert_eq!(out, expected);
        // The result is still a valid claim file with the new references.
        let file: crate::claim::ClaimFile = serde_yaml::from_str(&out).unwrap();
        assert_eq!(file.claims[0].same_as, ["2025-03-13-a#c1"]);
        assert_eq!(file.claims[1].rebuts, ["c1", "2025-03-13-a#c1"]);
        assert_eq!(file.claims[2].counters, ["c1", "2025-03-13-a#c4"]);
    }

    #[test]
    fn adding_twice_changes_nothing() {
        let once = add_links(RICH, &[link("c1", LinkKind::SameAs, "x#c1")]).unwrap();
        let twice = add_links(&once, &[link("c1", LinkKind::SameAs, "x#c1")]).unwrap();
        assert_eq!(once, twice);
    }

    #[test]
    fn unknown_claim_is_an_error() {
        let err = add_links(RICH, &[link("c9", LinkKind::SameAs, "x#c1")]).unwrap_err();
        assert_eq!(err, EditError::NoClaim("c9".into()));
    }
}
