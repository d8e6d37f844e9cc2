//! Content words of a claim for comparing claims: stems (Snowball), stop
//! words out, a reviewed synonym and name table folded in, negation noted.
//! Used to link claims within an article and to match them across articles.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The comparable terms of one content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Terms {
    /// Canonical stems, without stop words.
    pub stems: BTreeSet<String>,
    /// The content carries a negation ("not", "no one", "never").
    pub negated: bool,
}

struct Tables {
    stop: HashSet<&'static str>,
    /// lower-case word or phrase -> canonical term
    synonyms: HashMap<String, String>,
    /// longest phrase length in words
    max_phrase: usize,
    /// first words of the phrases of two words or more: only a word among
    /// them starts a phrase lookup, so most words cost one lookup, not one
    /// joined string per phrase length
    phrase_starts: HashSet<String>,
    /// canonical terms of the name groups (states, places, armed groups)
    names: HashSet<String>,
    /// canonical term -> the broader term it also counts as (TTP -> militant)
    implies: HashMap<String, String>,
    stemmer: Stemmer,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let stop = include_str!("stopwords.txt").split_whitespace().collect();
        let mut synonyms = HashMap::default();
        let mut max_phrase = 1;
        let mut names = HashSet::default();
        let mut in_names = false;
        let mut implies = HashMap::default();
        let mut phrase_starts = HashSet::default();
        for line in include_str!("synonyms.tsv").lines() {
            if line.starts_with(NAMES_MARKER) {
                in_names = true;
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (line, broader) = match line.split_once(" > ") {
                Some((group, broader)) => (group, Some(broader.trim())),
                None => (line, None),
            };
            let words: Vec<&str> = line.split('|').map(str::trim).collect();
            if let Some(b) = broader {
                implies.insert(words[0].to_string(), b.to_string());
            }
            if in_names {
                names.insert(words[0].to_string());
            }
            for w in &words {
                max_phrase = max_phrase.max(w.split(' ').count());
                if let Some((first, _)) = w.split_once(' ') {
                    phrase_starts.insert(first.to_string());
                }
                synonyms.insert(w.to_string(), words[0].to_string());
            }
        }
        Tables {
            stop,
            synonyms,
            max_phrase,
            phrase_starts,
            names,
            implies,
            stemmer: Stemmer::create(Algorithm::English),
        }
    })
}

/// The comment line of `synonyms.tsv` after which the groups are names.
const NAMES_MARKER: &str = "# names:";

/// Whether a single word belongs to a name group of the synonym table
/// ("afghan", "islamabad", "ttp"), whatever its case.
pub(crate) fn is_name(word: &str) -> bool {
    let t = tables();
    let named = |w: &str| t.synonyms.get(w).is_some_and(|canon| t.names.contains(canon));
    // (Asked of every lower-case word of every content: one in lower case
    // already is looked up as it is.)
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        named(word)
    } else {
        named(&word.to_lowercase())
    }
}

/// Whether a word negates what it is in (a `match` rather than a scan of a
/// list: asked of every word of every content).
fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "nobody" | "none" | "nothing" | "neither" | "nor" | "n't" | "cannot"
    ) || w.ends_with("n't")
}

/// Most stems [`stem`] remembers per thread before it starts over.
const STEM_MEMO_MAX: usize = 1 << 16;

/// The Snowball stem of `word`, remembered per thread: stemming was a tenth
/// of extraction's instructions, and news repeats its words.
fn stem(t: &Tables, word: &str) -> String {
    thread_local! {
        static MEMO: RefCell<HashMap<String, String>> = RefCell::default();
    }
    MEMO.with_borrow_mut(|memo| {
        if let Some(s) = memo.get(word) {
            return s.clone();
        }
        if memo.len() >= STEM_MEMO_MAX {
            memo.clear();
        }
        let s = t.stemmer.stem(word).into_owned();
        memo.insert(word.to_string(), s.clone());
        s
    })
}

/// Most contents [`terms`] remembers per thread before it starts over.
const TERMS_MEMO_MAX: usize = 1 << 12;

/// The terms of a content string, remembered per thread: extraction asks
/// for each claim's terms twice (the rules' links, then the learned
/// linker's features), and a clone costs a fraction of making them.
pub(crate) fn terms(content: &str) -> Terms {
    with_terms(content, Terms::clone)
}

/// `f` of the terms of a content, borrowed from the per-thread memo of
/// [`terms`]: a caller that needs a few of them copies only those.
pub(crate) fn with_terms<R>(content: &str, f: impl FnOnce(&Terms) -> R) -> R {
    thread_local! {
        static MEMO: RefCell<HashMap<String, Terms>> = RefCell::default();
    }
    MEMO.with_borrow_mut(|memo| {
        if let Some(t) = memo.get(content) {
            return f(t);
        }
        if memo.len() >= TERMS_MEMO_MAX {
            memo.clear();
        }
        let t = make_terms(content);
        let r = f(&t);
        memo.insert(content.to_string(), t);
        r
    })
}

fn make_terms(content: &str) -> Terms {
    let t = tables();
    let low = lower_words(content);
    let words: Vec<&str> = low.1.iter().map(|r| &low.0[r.clone()]).collect();
    let mut out = Terms::default();
    let mut phrase = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(t.max_phrase);
    let mut i = 0;
    'outer: while i < words.len() {
        if t.phrase_starts.contains(words[i]) {
            // The longest phrase once; shorter ones are its prefixes.
            phrase.clear();
            ends.clear();
            for w in &words[i..(i + t.max_phrase).min(words.len())] {
                if !phrase.is_empty() {
                    phrase.push(' ');
                }
                phrase.push_str(w);
                ends.push(phrase.len());
            }
            for len in (2..=ends.len()).rev() {
                if let Some(canon) = t.synonyms.get(&phrase[..ends[len - 1]]) {
                    out.insert(t, canon);
                    i += len;
                    continue 'outer;
                }
            }
        }
        let w = words[i];
        i += 1;
        if is_negation(w) {
            out.negated = true;
            continue;
        }
        if let Some(canon) = t.synonyms.get(w) {
            out.insert(t, canon);
            continue;
        }
        // Hyphenated names ("Pak-Afghan") count as their parts too.
        if w.contains('-') && !t.synonyms.contains_key(w) {
            for part in w.split('-').filter(|p| !p.is_empty()) {
                if let Some(canon) = t.synonyms.get(part) {
                    out.insert(t, canon);
                } else if !t.stop.contains(part) && part.len() > 1 {
                    out.stems.insert(stem(t, part));
                }
            }
            continue;
        }
        if t.stop.contains(w) || w.len() < 2 {
            continue;
        }
        out.stems.insert(stem(t, w));
    }
    out
}

/// The words of a content, lower case (’ made '), without a final "'s" and
/// without hyphens and apostrophes around them: one buffer and the ranges
/// of the words in it, not a `String` per word.
fn lower_words(content: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut buf = String::with_capacity(content.len());
    let mut ranges = Vec::new();
    let inside = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    // (An ASCII content is split a byte at a time: the same words.)
    let words: &mut dyn Iterator<Item = &str> = if content.is_ascii() {
        &mut content.as_bytes().split(|&b| !inside(char::from(b))).scan(0, |at, w| {
            let word = &content[*at..*at + w.len()];
            *at += w.len() + 1;
            Some(word)
        })
    } else {
        &mut content.split(|c: char| !inside(c))
    };
    for w in words {
        if w.is_empty() {
            continue;
        }
        let start = buf.len();
        if w.is_ascii() {
            buf.push_str(w);
            buf[start..].make_ascii_lowercase();
        } else {
            buf.push_str(&w.to_lowercase().replace('’', "'"));
        }
        if buf[start..].ends_with("'s") {
            buf.truncate(buf.len() - 2);
        }
        let word = &buf[start..];
        let trimmed = word.trim_start_matches(['-', '\'']);
        let from = start + word.len() - trimmed.len();
        let to = from + trimmed.trim_end_matches(['-', '\'']).len();
        if from < to {
            ranges.push(from..to);
        } else {
            buf.truncate(start);
        }
    }
    (buf, ranges)
}

impl Terms {
    /// Adds a canonical term of the synonym table, and the broader term it
    /// also counts as.
    fn insert(&mut self, t: &Tables, canon: &str) {
        self.stems.insert(canon.to_string());
        if let Some(b) = t.implies.get(canon) {
            self.stems.insert(b.clone());
        }
    }

    /// Number of shared terms.
    pub(crate) fn shared(&self, other: &Terms) -> usize {
        self.stems.intersection(&other.stems).count()
    }

    /// Number of shared terms that are not names of states, places or armed
    /// groups: what two claims say, not only whom they are about.
    pub(crate) fn shared_beyond_names(&self, other: &Terms) -> usize {
        let names = &tables().names;
        self.stems
            .intersection(&other.stems)
            .filter(|s| !names.contains(s.as_str()))
            .count()
    }

    /// Shared terms over the smaller set (0 when either is empty).
    pub(crate) fn overlap(&self, other: &Terms) -> f64 {
        let m = self.stems.len().min(other.stems.len());
        if m == 0 {
            0.0
        } else {
            self.shared(other) as f64 / m as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_and_stems_fold_together() {
        let a = terms("these armed groups operate from within Afghan soil");
        let b = terms("the terrorists use Afghanistan's territory");
        assert!(a.stems.contains("militant"));
        assert!(b.stems.contains("militant"));
        assert_eq!(a.shared(&b), 3, "{a:?} {b:?}");
        assert!(!a.negated);
    }

    #[test]
    fn negation_is_noted_not_counted() {
        let t = terms("no one can use afghan soil against any country");
        assert!(t.negated);
        assert!(!t.stems.contains("no"));
    }

    #[test]
    fn armed_groups_count_as_militants() {
        let t = terms("the TTP uses Afghan territory to attack Pakistan");
        assert!(t.stems.contains("ttp") && t.stems.contains("militant"), "{t:?}");
        // The spellings news uses for the TTP are one name.
        for spelling in [
            "Tehreek-i-Taliban Pakistan",
            "Tehrik-i-Taliban Pakistan",
            "Tehreek-e-Taliban Pakistan",
        ] {
            assert!(terms(spelling).stems.contains("ttp"), "{spelling}");
        }
    }

    #[test]
    fn words_are_lowered_and_trimmed_as_one_string_each_was() {
        // (The second is ASCII, split a byte at a time.)
        for content in [
            "Kabul’s -Pak-Afghan- 'quoted' ÉTATS-Unis’s 's ' -- Ms. O'NEIL'S ΣΟΦΟΣ x-’s",
            "Kabul's -Pak-Afghan- 'quoted'  ETATS-Unis's 's ' -- Ms. O'NEIL'S, x-'s 12.5% a/b ",
        ] {
            lower_words_as_split(content);
        }
    }

    fn lower_words_as_split(content: &str) {
        let each: Vec<String> = content
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut w = w.to_lowercase().replace('’', "'");
                if w.ends_with("'s") {
                    w.truncate(w.len() - 2);
                }
                w.trim_matches(['-', '\'']).to_string()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let (buf, ranges) = lower_words(content);
        let words: Vec<&str> = ranges.iter().map(|r| &buf[r.clone()]).collect();
        assert_eq!(words, each, "{content:?}");
    }

    #[test]
    fn name_groups_are_known() {
        assert!(is_name("Afghan") && is_name("islamabad") && is_name("TTP"));
        assert!(!is_name("soil") && !is_name("militants"));
    }

    #[test]
    fn the_words_news_uses_for_one_act_of_war_are_one_term() {
        // A denial rarely repeats the accusation's verb: "did not launch an
        // attack on the station" answers "the strike on the station".
        let strike = terms("a missile strike on the railway station");
        let attack = terms("it did not launch an attack on a railway station");
        assert_eq!(strike.shared(&attack), 3, "{strike:?} {attack:?}");
        for (a, b) in [
            ("shelling", "attacks"),
            ("provocations", "provoked"),
            ("servicemen", "troops"),
            ("airspace", "territory"),
            ("casualties", "killed"),
            ("battles", "clashes"),
        ] {
            assert_eq!(terms(a).shared(&terms(b)), 1, "{a} / {b}");
        }
        // "Hit" is left out: news hits targets, records and sanctions alike.
        assert_eq!(terms("prices hit a record").shared(&terms("an attack on prices")), 1);
    }

    #[test]
    fn british_and_american_spellings_are_one_term() {
        let a = terms("the Taliban harbours militants and fired large-calibre rifles");
        let b = terms("the Taliban harbored militants and fired large-caliber guns");
        assert_eq!(a.stems, b.stems);
        assert_eq!(terms("dangerous manoeuvres").stems, terms("dangerous maneuvers").stems);
    }

    #[test]
    fn conflict_paraphrases_are_one_term() {
        // News calls one weapon a rocket or a missile, and a gun a rifle.
        assert_eq!(terms("a rocket attack").stems, terms("a missile attack").stems);
        let a = terms("rockets and large-caliber guns");
        let b = terms("missiles and large-calibre rifles");
        assert_eq!(a.stems, b.stems);
        assert!(a.stems.contains("missile") && a.stems.contains("weapon"), "{a:?}");
    }

    #[test]
    fn hyphenated_names_split() {
        let t = terms("a major hurdle in Pak-Afghan relationship");
        assert!(t.stems.contains("pakistan") && t.stems.contains("afghanistan"), "{t:?}");
    }
}
