//! Who speaks in a claims directory: every claimant with its number of
//! claims and the actor of `actors.yaml` it resolves to, and for those no
//! actor covers, suggested actors that merge the names one side goes by
//! (variants of a name, a surname, a name with a title, a capital for its
//! state). `claimtrack actors` prints it; `--write` adds the suggestions to
//! `actors.yaml` (see [`extend_actors_file`]); `check` warns on a claimant
//! that is one typo away from an actor ([`Actors::did_you_mean`]).

use crate::actors::{Actors, normalise};
use crate::store::Store;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One claimant name as the claim files write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimant {
    /// The `claimant` value.
    pub name: String,
    /// Claims that carry it.
    pub claims: usize,
    /// The actor of the actors file it resolves to, if any.
    pub actor: Option<String>,
}

/// An actor to add, or aliases to add to an actor of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The actor's canonical name.
    pub name: String,
    /// Whether the actors file has it already (then only aliases are new).
    pub exists: bool,
    /// Claimant names to record as its aliases, with why each belongs.
    pub aliases: Vec<(String, &'static str)>,
}

/// The claimants of a store, most claims first, and the suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    /// Every claimant name, most claims first, then by name.
    pub claimants: Vec<Claimant>,
    /// Suggested actors for the unresolved claimants.
    pub suggestions: Vec<Suggestion>,
    /// Unresolved claimants that look like a misspelt actor: (claimant,
    /// actor). Those are for fixing in the claim files, not for actors.yaml.
    pub typos: Vec<(String, String)>,
}

/// Titles and offices that may stand before a name ("Spokesman Zabiullah
/// Mujahid") or after a group's name ("Taliban authorities").
const TITLES: &[&str] = &[
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "prime minister",
    "president",
    "ambassador",
    "envoy",
    "general",
    "gen.",
    "dr.",
    "mr.",
    "ms.",
    "mrs.",
    "mullah",
    "sheikh",
];

/// Words after a group's or state's name that make it speak as a body.
const BODIES: &[&str] = &[
    "authorities",
    "officials",
    "government",
    "administration",
    "leadership",
    "spokesman",
    "spokesperson",
    "forces",
    "military",
];

/// Lists the claimants of `store` and suggests actors for the unresolved.
pub fn survey(store: &Store) -> Roster {
    let actors = &store.actors;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &store.files {
        for c in &l.file.claims {
            *counts.entry(c.claimant.as_str()).or_default() += 1;
        }
    }
    let mut claimants: Vec<Claimant> = counts
        .into_iter()
        .map(|(name, claims)| Claimant {
            name: name.to_string(),
            claims,
            actor: actors.resolved(name),
        })
        .collect();
    claimants.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.name.cmp(&b.name)));
    let typos: Vec<(String, String)> = claimants
        .iter()
        .filter_map(|c| Some((c.name.clone(), actors.did_you_mean(&c.name)?.to_string())))
        .collect();
    let suggestions = suggest(actors, &claimants, &typos);
    Roster {
        claimants,
        suggestions,
        typos,
    }
}

/// The name without a leading title ("Spokesman Zabiullah Mujahid" →
/// "zabiullah mujahid"), normalised; None when it has none.
fn without_title(norm: &str) -> Option<&str> {
    TITLES
        .iter()
        .filter_map(|t| norm.strip_prefix(t)?.strip_prefix(' '))
        .find(|rest| !rest.is_empty())
}

/// The group a body speaks for ("taliban authorities" → "taliban").
fn without_body(norm: &str) -> Option<&str> {
    BODIES
        .iter()
        .filter_map(|b| norm.strip_suffix(b)?.strip_suffix(' '))
        .find(|rest| !rest.is_empty())
}

fn suggest(actors: &Actors, claimants: &[Claimant], typos: &[(String, String)]) -> Vec<Suggestion> {
    let unresolved: Vec<&Claimant> = claimants
        .iter()
        .filter(|c| c.actor.is_none() && !typos.iter().any(|(t, _)| *t == c.name))
        .collect();
    // Every name that could head a suggestion: the actors of the file and
    // the claimants, by normalised form.
    let mut heads: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for a in actors.all() {
        heads.insert(normalise(&a.name), (a.name.clone(), true));
    }
    for c in claimants {
        heads.entry(normalise(&c.name)).or_insert((c.name.clone(), false));
    }
    let mut out: BTreeMap<String, Suggestion> = BTreeMap::new();
    let mut add = |head: &(String, bool), alias: &str, why: &'static str| {
        let s = out.entry(head.0.clone()).or_insert_with(|| Suggestion {
            name: head.0.clone(),
            exists: head.1,
            aliases: Vec::new(),
        });
        if !s.aliases.iter().any(|(a, _)| a == alias) {
            s.aliases.push((alias.to_string(), why));
        }
    };
    for c in &unresolved {
        let norm = normalise(&c.name);
        let head = |key: &str| heads.get(key).filter(|h| normalise(&h.0) != norm || h.0 != c.name);
        // The same name written another way ("the Taliban", "TALIBAN").
        if let Some(h) = heads.get(&norm).filter(|h| h.0 != c.name) {
            add(h, &c.name, "the same name written another way");
            continue;
        }
        if let Some(h) = without_title(&norm).and_then(head) {
            add(h, &c.name, "the name with a title");
            continue;
        }
        if let Some(h) = without_body(&norm).and_then(head) {
            add(h, &c.name, "a body speaking for it");
            continue;
        }
        if let Some(&(_, state)) = crate::actors::CAPITALS.iter().find(|(cap, _)| *cap == norm) {
            let h = heads
                .get(&normalise(state))
                .cloned()
                .unwrap_or((state.to_string(), false));
            add(&h, &c.name, "its capital");
            continue;
        }
        // A surname alone ("Balkhi") for the full name of another claimant
        // ("Abdul Qahar Balkhi"), when only one full name ends so.
        if !norm.contains(' ') {
            let longer: Vec<&(String, bool)> = heads
                .iter()
                .filter(|(k, _)| k.rsplit(' ').next() == Some(norm.as_str()) && k.contains(' '))
                .map(|(_, h)| h)
                .collect();
            if let [h] = longer.as_slice() {
                add(h, &c.name, "a surname");
                continue;
            }
        }
    }
    // The heads of suggestions that are themselves unresolved claimants
    // with nothing to merge still need an actor: every unresolved claimant
    // ends up named, as an actor or as an alias.
    let aliased: Vec<String> = out
        .values()
        .flat_map(|s| s.aliases.iter().map(|(a, _)| a.clone()))
        .collect();
    for c in unresolved {
        if !aliased.contains(&c.name) && !out.contains_key(&c.name) {
            out.insert(
                c.name.clone(),
                Suggestion {
                    name: c.name.clone(),
                    exists: false,
                    aliases: Vec::new(),
                },
            );
        }
    }
    out.into_values().collect()
}

/// Renders suggestions as entries of an actors file's `actors:` list, each
/// line indented by `indent`.
pub(crate) fn actor_entries(suggestions: &[&Suggestion], indent: &str) -> String {
    let mut out = String::new();
    for s in suggestions {
        let _ = writeln!(out, "{indent}- name: {}", crate::claim::scalar(&s.name));
        if !s.aliases.is_empty() {
            let aliases: Vec<String> = s.aliases.iter().map(|(a, _)| crate::claim::scalar(a)).collect();
            let _ = writeln!(out, "{indent}  aliases: [{}]", aliases.join(", "));
        }
    }
    out
}

/// Why an actors file could not be extended.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtendError {
    /// The file's layout is not one the tool can append to without risk.
    #[error("cannot add to it safely ({0}); add the suggested actors by hand")]
    Layout(String),
}

/// A new actors file holding `suggestions`.
pub fn new_actors_file(suggestions: &[Suggestion]) -> String {
    let all: Vec<&Suggestion> = suggestions.iter().collect();
    format!(
        "# Written by claimtrack actors --write: check names, add kind and member_of.\nschema: {}\nactors:\n{}",
        crate::claim::ACTORS_SCHEMA,
        actor_entries(&all, "  ")
    )
}

/// `text` (an actors file) with `suggestions` added, losslessly: aliases are
/// appended to the lists of actors it has (yaml-edit keeps everything
/// else), and new actors are appended after its last line. The result is
/// read back and must hold every actor it held plus the new ones.
pub fn extend_actors_file(text: &str, suggestions: &[Suggestion]) -> Result<String, ExtendError> {
    use std::str::FromStr;
    use yaml_edit::{Document, Sequence};
    let layout = |m: &str| ExtendError::Layout(m.to_string());
    let doc = Document::from_str(text).map_err(|e| layout(&e.to_string()))?;
    let root = doc.as_mapping().ok_or_else(|| layout("not a mapping"))?;
    let list = root.get_sequence("actors").ok_or_else(|| layout("no `actors` list"))?;
    for s in suggestions.iter().filter(|s| s.exists) {
        let actor = list
            .values()
            .filter_map(|v| v.as_mapping().cloned())
            .find(|m| {
                m.get("name")
                    .is_some_and(|n| n.as_scalar().is_some_and(|x| x.as_string() == s.name))
            })
            .ok_or_else(|| layout(&format!("no actor named `{}`", s.name)))?;
        match actor.get("aliases") {
            Some(node) => {
                let aliases = node.as_sequence().ok_or_else(|| layout("`aliases` is not a list"))?;
                for (a, _) in &s.aliases {
                    aliases.push(a.as_str());
                }
            }
            None => {
                let aliases = Sequence::new_flow();
                for (a, _) in &s.aliases {
                    aliases.push(a.as_str());
                }
                actor.insert_after("name", "aliases", aliases);
            }
        }
    }
    let mut out = doc.to_string();
    let new: Vec<&Suggestion> = suggestions.iter().filter(|s| !s.exists).collect();
    if !new.is_empty() {
        // Appending is safe when `actors` is the last key, as a block list.
        let last_key = text
            .lines()
            .rfind(|l| !l.starts_with([' ', '#', '-']) && !l.trim().is_empty());
        if last_key.is_none_or(|l| l.trim_end() != "actors:") {
            return Err(layout("`actors:` is not its last key, as a block list"));
        }
        let indent = text
            .lines()
            .find_map(|l| {
                l.strip_suffix(l.trim_start())
                    .filter(|_| l.trim_start().starts_with("- "))
            })
            .unwrap_or("  ");
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&actor_entries(&new, indent));
    }
    let before: crate::claim::ActorsFile = serde_yaml::from_str(text).map_err(|e| layout(&e.to_string()))?;
    let after: crate::claim::ActorsFile =
        serde_yaml::from_str(&out).map_err(|e| layout(&format!("the result does not read back: {e}")))?;
    let aliases = |f: &crate::claim::ActorsFile| f.actors.iter().map(|a| a.aliases.len()).sum::<usize>();
    let added_aliases: usize = suggestions.iter().filter(|s| s.exists).map(|s| s.aliases.len()).sum();
    if after.actors.len() != before.actors.len() + new.len() || aliases(&after) < aliases(&before) + added_aliases {
        return Err(layout("the result does not read back as intended"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Actor, ActorsFile, ArticleMeta, Claim, ClaimFile, Stance};
    use crate::store::Loaded;

    fn store(claimants: &[&str], actors: &[&str]) -> Store {
        let mut f = ClaimFile::new(ArticleMeta {
            id: "a".into(),
            ..ArticleMeta::default()
        });
        for (i, c) in claimants.iter().enumerate() {
            f.claims.push(Claim::new(format!("c{i}"), *c, Stance::Asserts, "x"));
        }
        let file = ActorsFile {
            schema: crate::claim::ACTORS_SCHEMA.into(),
            actors: actors
                .iter()
                .map(|n| Actor {
                    name: n.to_string(),
                    ..Actor::default()
                })
                .collect(),
        };
        Store::from_files(
            vec![Loaded {
                path: "a.yaml".into(),
                file: f,
            }],
            Actors::new(&file),
        )
    }

    #[test]
    fn claimants_are_counted_and_resolved() {
        let r = survey(&store(&["Pakistan", "Pakistan", "Balkhi"], &["Pakistan"]));
        assert_eq!(r.claimants[0].name, "Pakistan");
        assert_eq!(r.claimants[0].claims, 2);
        assert_eq!(r.claimants[0].actor.as_deref(), Some("Pakistan"));
        assert_eq!(r.claimants[1].actor, None);
    }

    #[test]
    fn the_issues_fragments_are_merged() {
        let r = survey(&store(
            &[
                "Kabul",
                "Islamabad",
                "Taliban",
                "Taliban authorities",
                "Balkhi",
                "Abdul Qahar Balkhi",
                "Spokesman Zabiullah Mujahid",
                "Zabiullah Mujahid",
            ],
            &["Pakistan"],
        ));
        let find = |n: &str| r.suggestions.iter().find(|s| s.name == n).unwrap();
        let aliases = |n: &str| find(n).aliases.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>();
        // The built-in table reads a capital as its state: "Islamabad"
        // resolves to the file's Pakistan and needs no alias.
        let islamabad = r.claimants.iter().find(|c| c.name == "Islamabad").unwrap();
        assert_eq!(islamabad.actor.as_deref(), Some("Pakistan"));
        assert!(r.suggestions.iter().all(|s| s.name != "Pakistan"));
        assert_eq!(aliases("Afghanistan"), ["Kabul"]);
        assert!(!find("Afghanistan").exists);
        assert_eq!(aliases("Taliban"), ["Taliban authorities"]);
        assert_eq!(aliases("Abdul Qahar Balkhi"), ["Balkhi"]);
        assert_eq!(aliases("Zabiullah Mujahid"), ["Spokesman Zabiullah Mujahid"]);
    }

    #[test]
    fn a_near_miss_of_an_actor_is_named() {
        let s = store(&["Pakstan"], &["Pakistan", "Afghanistan"]);
        assert_eq!(s.actors.did_you_mean("Pakstan"), Some("Pakistan"));
        let r = survey(&s);
        assert_eq!(r.typos, [("Pakstan".to_string(), "Pakistan".to_string())]);
        assert!(r.suggestions.is_empty(), "a typo is no new actor");
        assert_eq!(s.actors.did_you_mean("Pakistan"), None);
        assert_eq!(
            s.actors.did_you_mean("Pakistani officials"),
            None,
            "resolves by demonym"
        );
        assert_eq!(s.actors.did_you_mean("India"), None);
    }

    #[test]
    fn extending_keeps_every_byte_and_adds() {
        let text = "# who is who\nschema: claimtrack-actors/1   # keep\nactors:\n  - name: Pakistan\n    kind: state   # a state\n    aliases: [Islamabad]\n  - name: India\n";
        let s = vec![
            Suggestion {
                name: "Pakistan".into(),
                exists: true,
                aliases: vec![("Pakistani Foreign Office".into(), "x")],
            },
            Suggestion {
                name: "India".into(),
                exists: true,
                aliases: vec![("New Delhi".into(), "x")],
            },
            Suggestion {
                name: "Afghanistan".into(),
                exists: false,
                aliases: vec![("Kabul".into(), "x")],
            },
        ];
        let out = extend_actors_file(text, &s).unwrap();
        assert!(out.starts_with("# who is who\nschema: claimtrack-actors/1   # keep\nactors:\n  - name: Pakistan\n    kind: state   # a state\n"), "{out}");
        let f: ActorsFile = serde_yaml::from_str(&out).unwrap();
        assert_eq!(f.actors[0].aliases, ["Islamabad", "Pakistani Foreign Office"]);
        assert_eq!(f.actors[1].aliases, ["New Delhi"]);
        assert_eq!(f.actors[2].name, "Afghanistan");
        assert_eq!(f.actors[2].aliases, ["Kabul"]);
    }

    #[test]
    fn a_layout_it_cannot_append_to_is_refused() {
        let text = "actors:\n  - name: India\nschema: claimtrack-actors/1\n";
        let s = vec![Suggestion {
            name: "Nepal".into(),
            exists: false,
            aliases: vec![],
        }];
        assert!(extend_actors_file(text, &s).is_err());
    }
}
