//! The rules of a claim file: its article, its claims, their stances,
//! spans and links, each problem at the key or value it is about.

use super::file::{ARTICLE_KEYS, CLAIM_FILE_KEYS, CLAIM_KEYS, LINK_KEYS, kind_of, nearest, scalar_text, value_of};
use super::refs::PendingRef;
use super::{FileCheck, Seg, Severity};
use crate::claim::CLAIM_SCHEMA;
use serde_yaml::Value;
use std::collections::HashMap;
use std::path::Path;

impl FileCheck<'_> {
    pub(super) fn claim_file(&mut self, root: &Value) {
        let map = root.as_mapping().expect("checked by caller");
        self.unknown_keys(map, CLAIM_FILE_KEYS, &[], "the claim file");
        self.schema(map, CLAIM_SCHEMA);
        let mut article_id = String::new();
        if self.require(map, "article", &[], "the claim file") {
            let at = [Seg::key("article")];
            match value_of(map, "article").and_then(Value::as_mapping) {
                None => self.error(&at, false, "`article` must be a mapping (id, title, …)".to_string()),
                Some(a) => {
                    self.unknown_keys(a, ARTICLE_KEYS, &at, "`article`");
                    if self.require(a, "id", &at, "`article`") {
                        article_id = self.string(a, "id", &at, true).unwrap_or_default().to_string();
                        self.id_matches_stem(&article_id);
                    }
                    for k in ["title", "source", "url"] {
                        self.string(a, k, &at, false);
                    }
                    if let Some(t) = self.string(a, "text", &at, true) {
                        self.text_exists(t);
                    }
                    if let Some(d) = value_of(a, "published") {
                        self.date(d, &[Seg::key("article"), Seg::key("published")]);
                    }
                }
            }
        }
        let Some(claims) = value_of(map, "claims") else { return };
        let at = [Seg::key("claims")];
        let Some(seq) = claims.as_sequence() else {
            if !claims.is_null() {
                self.error(
                    &at,
                    false,
                    format!("`claims` must be a list, found {}", kind_of(claims)),
                );
            }
            return;
        };
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, c) in seq.iter().enumerate() {
            let at = [Seg::key("claims"), Seg::Index(i)];
            let Some(m) = c.as_mapping() else {
                self.error(
                    &at,
                    false,
                    format!("a claim must be a mapping (id, claimant, …), found {}", kind_of(c)),
                );
                continue;
            };
            self.claim(m, &at, &article_id, &mut ids);
        }
        self.claim_ids = Some((article_id, ids.into_keys().collect()));
    }

    /// `text:` is relative to the claim file; a missing article is worth a
    /// warning (the claims stay valid) but not an error.
    pub(super) fn text_exists(&mut self, text: &str) {
        let base = self.path.parent().unwrap_or(Path::new(""));
        if !base.join(text).exists() {
            let at = self.pos(&[Seg::key("article"), Seg::key("text")], false);
            self.push(
                at,
                Severity::Warning,
                format!("`text` names `{text}`, which does not exist (paths are relative to this file)"),
            );
        }
    }

    pub(super) fn id_matches_stem(&mut self, id: &str) {
        if self.path == Path::new(super::STDIN) {
            return;
        }
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if !id.is_empty() && stem != id {
            let at = self.pos(&[Seg::key("article"), Seg::key("id")], false);
            self.push(
                at,
                Severity::Warning,
                format!("article id `{id}` differs from the file name `{stem}`"),
            );
        }
    }

    pub(super) fn date(&mut self, v: &Value, at: &[Seg]) {
        let ok = v
            .as_str()
            .is_some_and(|s| s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok());
        if !ok {
            let shown = scalar_text(v);
            self.error(
                at,
                false,
                format!("`published` must be a date YYYY-MM-DD, found `{shown}`"),
            );
        }
    }

    pub(super) fn claim(
        &mut self,
        m: &serde_yaml::Mapping,
        at: &[Seg],
        article: &str,
        ids: &mut HashMap<String, usize>,
    ) {
        let what = "a claim";
        let claim_index = match at.last() {
            Some(Seg::Index(i)) => *i,
            _ => 0,
        };
        self.unknown_keys(m, CLAIM_KEYS, at, what);
        for k in ["id", "claimant", "stance", "content"] {
            self.require(m, k, at, what);
        }
        let with = |k: &str| {
            let mut p = at.to_vec();
            p.push(Seg::key(k));
            p
        };
        let mut own_id = None;
        if let Some(id) = self.string(m, "id", at, true) {
            if !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.error(
                    &with("id"),
                    false,
                    format!("claim id `{id}` may use only a-z, 0-9 and `-`"),
                );
            }
            if let Some(first) = ids.get(id) {
                let first = self.pos(&[Seg::key("claims"), Seg::Index(*first)], false).0;
                self.error(
                    &with("id"),
                    false,
                    format!("duplicate claim id `{id}` (first used on line {first})"),
                );
            } else {
                ids.insert(id.to_string(), claim_index);
            }
            own_id = Some(id.to_string());
        }
        self.string(m, "claimant", at, true);
        self.string(m, "content", at, true);
        for k in ["mention", "cue", "note"] {
            self.string(m, k, at, false);
        }
        if let Some(v) = value_of(m, "stance") {
            match v.as_str() {
                Some("asserts" | "denies") => {}
                _ => {
                    let shown = scalar_text(v);
                    let hint = nearest(&shown, &["asserts", "denies"])
                        .map(|s| format!(", did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.error(
                        &with("stance"),
                        false,
                        format!("`stance` must be `asserts` or `denies`, found `{shown}`{hint}"),
                    );
                }
            }
        }
        if let Some(v) = value_of(m, "quoted")
            && !v.is_bool()
        {
            self.error(
                &with("quoted"),
                false,
                format!("`quoted` must be true or false, found `{}`", scalar_text(v)),
            );
        }
        if let Some(v) = value_of(m, "confidence")
            && !v.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))
        {
            self.error(
                &with("confidence"),
                false,
                format!("`confidence` must be a number from 0 to 1, found `{}`", scalar_text(v)),
            );
        }
        if let Some(v) = value_of(m, "reviewed")
            && !v.is_bool()
        {
            self.error(
                &with("reviewed"),
                false,
                format!("`reviewed` must be true or false, found `{}`", scalar_text(v)),
            );
        }
        if let Some(v) = value_of(m, "span") {
            let nums: Option<Vec<u64>> = v.as_sequence().map(|s| s.iter().filter_map(Value::as_u64).collect());
            let ok = matches!(&nums, Some(n) if n.len() == 2 && v.as_sequence().is_some_and(|s| s.len() == 2) && n[0] <= n[1]);
            if !ok {
                self.error(
                    &with("span"),
                    false,
                    "`span` must be [start, end] with 0 <= start <= end".to_string(),
                );
            }
        }
        for &field in LINK_KEYS {
            let Some(v) = value_of(m, field) else { continue };
            let Some(items) = v.as_sequence() else {
                self.error(
                    &with(field),
                    false,
                    format!("`{field}` must be a list of claim references, found {}", kind_of(v)),
                );
                continue;
            };
            for (j, item) in items.iter().enumerate() {
                let mut p = with(field);
                p.push(Seg::Index(j));
                let Some(target) = item.as_str() else {
                    self.error(
                        &p,
                        false,
                        format!("`{field}` entries must be claim ids, found {}", kind_of(item)),
                    );
                    continue;
                };
                if own_id.as_deref() == Some(target)
                    || target == format!("{article}#{}", own_id.as_deref().unwrap_or(""))
                {
                    self.error(&p, false, format!("`{field}` refers to the claim itself"));
                    continue;
                }
                self.refs.push(PendingRef {
                    path: self.path.to_path_buf(),
                    article: article.to_string(),
                    field,
                    target: target.to_string(),
                    segs: p,
                });
            }
        }
    }
}
