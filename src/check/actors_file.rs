//! The rules of an actors file: names, aliases, kinds and `member_of`.

use super::file::{ACTOR_KEYS, ACTORS_FILE_KEYS, kind_of, value_of};
use super::{FileCheck, Seg, Severity};
use crate::claim::ACTORS_SCHEMA;
use serde_yaml::Value;
use std::collections::HashMap;

impl FileCheck<'_> {
    pub(super) fn actors_file(&mut self, root: &Value) {
        let map = root.as_mapping().expect("checked by caller");
        self.unknown_keys(map, ACTORS_FILE_KEYS, &[], "the actors file");
        self.schema(map, ACTORS_SCHEMA);
        let Some(actors) = value_of(map, "actors") else { return };
        let Some(seq) = actors.as_sequence() else {
            self.error(
                &[Seg::key("actors")],
                false,
                format!("`actors` must be a list, found {}", kind_of(actors)),
            );
            return;
        };
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut members: Vec<(Vec<Seg>, String)> = Vec::new();
        for (i, a) in seq.iter().enumerate() {
            let at = vec![Seg::key("actors"), Seg::Index(i)];
            let Some(m) = a.as_mapping() else {
                self.error(
                    &at,
                    false,
                    format!("an actor must be a mapping (name, kind, …), found {}", kind_of(a)),
                );
                continue;
            };
            self.unknown_keys(m, ACTOR_KEYS, &at, "an actor");
            if self.require(m, "name", &at, "an actor")
                && let Some(name) = self.string(m, "name", &at, true)
            {
                let mut p = at.clone();
                p.push(Seg::key("name"));
                if let Some(first) = names.get(&name.to_lowercase()) {
                    let first = self.pos(&[Seg::key("actors"), Seg::Index(*first)], false).0;
                    self.error(&p, false, format!("duplicate actor `{name}` (first on line {first})"));
                } else {
                    names.insert(name.to_lowercase(), i);
                }
            }
            self.string(m, "kind", &at, false);
            if let Some(parent) = self.string(m, "member_of", &at, true) {
                let mut p = at.clone();
                p.push(Seg::key("member_of"));
                members.push((p, parent.to_string()));
            }
            if let Some(v) = value_of(m, "aliases") {
                let mut p = at.clone();
                p.push(Seg::key("aliases"));
                if !v.as_sequence().is_some_and(|s| s.iter().all(Value::is_string)) {
                    self.error(&p, false, "`aliases` must be a list of names".to_string());
                }
            }
        }
        for (p, parent) in members {
            if !names.contains_key(&parent.to_lowercase()) {
                let at = self.pos(&p, false);
                self.push(
                    at,
                    Severity::Warning,
                    format!("`member_of` names `{parent}`, which is not an actor of this file"),
                );
            }
        }
    }
}
