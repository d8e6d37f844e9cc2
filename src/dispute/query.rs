//! What a report selects and how it orders it.

use super::date;
use crate::store::{ClaimAt, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;

/// How blocks and disputes are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Contested claims first, then the most rebutted and countered, then
    /// the oldest.
    #[default]
    Responses,
    /// Oldest claim first; claims without a date last.
    Date,
}

/// What a report selects and how it orders it. Filters select claims; a
/// block is shown when its claim or one of its responses is selected, and
/// then shown whole, so an exchange always reads complete.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Query {
    /// Claims by this actor or any actor that is `member_of` it (at any depth).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// Claims published on or after this date (claims without a date are left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// Claims published on or before this date (claims without a date are left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// Claims of this article id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Words that must all occur in the content (case-insensitive).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grep: Vec<String>,
    /// Show uncontested claims too.
    pub all: bool,
    /// Order of blocks and disputes.
    pub sort: Sort,
}

impl Query {
    /// The filters in words, for a report's header: `claimant Afghanistan`,
    /// `since 2025-03-01`, `grep "soil"`.
    pub(crate) fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(c) = &self.claimant {
            out.push(format!("claimant {c} (and its members)"));
        }
        if let Some(d) = self.since {
            out.push(format!("since {d}"));
        }
        if let Some(d) = self.until {
            out.push(format!("until {d}"));
        }
        if let Some(a) = &self.article {
            out.push(format!("article {a}"));
        }
        if !self.grep.is_empty() {
            out.push(format!("content has “{}”", self.grep.join(" ")));
        }
        out
    }

    /// Whether the filters select the claim at `at`.
    pub(crate) fn selects(&self, store: &Store, at: ClaimAt) -> bool {
        let c = store.claim(at);
        let d = date(store, at);
        if let Some(name) = &self.claimant
            && !within(store, &c.claimant, name)
        {
            return false;
        }
        if self.since.is_some_and(|s| d.is_none_or(|d| d < s)) {
            return false;
        }
        if self.until.is_some_and(|u| d.is_none_or(|d| d > u)) {
            return false;
        }
        if self
            .article
            .as_ref()
            .is_some_and(|a| *a != store.files[at.0].file.article.id)
        {
            return false;
        }
        if self.grep.is_empty() {
            return true;
        }
        let content = c.content.to_lowercase();
        self.grep.iter().all(|w| content.contains(&w.to_lowercase()))
    }
}

/// Whether `claimant` is the actor `group` or one of its members, following
/// `member_of` upwards (cycles stop where they close).
fn within(store: &Store, claimant: &str, group: &str) -> bool {
    let canon = |n: &str| store.actors.get(n).map_or_else(|| n.to_string(), |a| a.name.clone());
    let key = |n: &str| crate::actors::normalise(n);
    let target = key(&canon(group));
    let mut current = canon(claimant);
    let mut seen = HashSet::new();
    loop {
        if key(&current) == target {
            return true;
        }
        if !seen.insert(key(&current)) {
            return false;
        }
        match store.actors.get(&current).and_then(|a| a.member_of.clone()) {
            Some(parent) => current = canon(&parent),
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::claim::{Actor, ActorsFile};

    #[test]
    fn claimant_filter_takes_members_and_survives_member_of_cycles() {
        let actor = |name: &str, member_of: Option<&str>| Actor {
            name: name.into(),
            member_of: member_of.map(Into::into),
            ..Actor::default()
        };
        let actors = Actors::new(&ActorsFile {
            schema: crate::claim::ACTORS_SCHEMA.into(),
            actors: vec![
                actor("North", None),
                actor("South", None),
                actor("South Office", Some("South")),
                actor("Loop1", Some("Loop2")),
                actor("Loop2", Some("Loop1")),
            ],
        });
        let s = Store::from_files(Vec::new(), actors);
        assert!(within(&s, "South Office", "South"));
        assert!(within(&s, "south office", "SOUTH"));
        assert!(!within(&s, "South", "South Office"));
        assert!(within(&s, "Loop1", "Loop2"));
        assert!(!within(&s, "Loop1", "North"));
    }
}
