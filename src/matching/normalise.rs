//! Normalising a content for matching across articles: the reporting frame
//! left out, actor names and demonyms as one term, number words as figures,
//! and spelling variants of names found.

use crate::actors::Actors;
use crate::terms;
use std::collections::{BTreeSet, HashMap};

/// Words of a reporting frame: what comes before "that" in "to have found
/// clear evidence that X", "said it was clear that X", "denied that X".
const FRAME_WORDS: &[&str] = &[
    "to",
    "have",
    "has",
    "had",
    "having",
    "found",
    "find",
    "finds",
    "clear",
    "clearly",
    "evidence",
    "proof",
    "concrete",
    "credible",
    "strong",
    "irrefutable",
    "there",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "it",
    "its",
    "said",
    "says",
    "say",
    "claimed",
    "claims",
    "claim",
    "believe",
    "believes",
    "believed",
    "shown",
    "show",
    "shows",
    "showed",
    "confirmed",
    "confirms",
    "indicated",
    "indicates",
    "indications",
    "reported",
    "reports",
    "information",
    "intelligence",
    "suggests",
    "suggested",
    "seems",
    "appears",
    "noted",
    "stressed",
    "insisted",
    "alleged",
    "allegedly",
    "also",
    "already",
    "now",
    "again",
    "denied",
    "denies",
    "deny",
    "rejected",
    "rejects",
    "categorically",
];

/// Nouns of a frame that "of" closes as "that" does ("evidence of X").
const FRAME_NOUNS: &[&str] = &["evidence", "proof", "indications", "information", "intelligence"];

/// Number words and the figures they stand for ("one" is left: it is as
/// often a pronoun as a figure).
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// A number word as digits: "thirty" → 30, "twenty-three" → 23.
fn figure(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let one = |x: &str| NUMBER_WORDS.iter().find(|(n, _)| *n == x).map(|&(_, v)| v);
    match w.split_once('-') {
        Some((tens, unit)) => {
            let (t, u) = (one(tens)?, one(unit).or((unit == "one").then_some(1))?);
            (t >= 20 && t % 10 == 0 && u < 10).then_some(t + u)
        }
        None => one(&w),
    }
}

/// Where the proposition starts: after a short reporting frame closed by
/// "that" (or "of" after a noun such as "evidence"), when every word before
/// it is a frame word or a name; else at the first word.
fn frame_end(words: &[&str]) -> usize {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    for (k, w) in words.iter().enumerate().take(8) {
        let b = bare(w);
        let closes = b == "that" || (b == "of" && k > 0 && FRAME_NOUNS.contains(&bare(words[k - 1]).as_str()));
        if closes {
            return k + 1;
        }
        let name = w.chars().next().is_some_and(char::is_uppercase) && k > 0;
        if !FRAME_WORDS.contains(&b.as_str()) && !name {
            return 0;
        }
    }
    0
}

/// Reporting verbs that close an attribution inside a content ("…, RIA
/// reported"; "…, which local authorities said had killed 39 people").
const REPORTING: &[&str] = &[
    "said", "says", "reported", "reports", "added", "told", "noted", "stated",
];

/// Dashes that set off a dateline or an aside.
fn is_dash(w: &str) -> bool {
    matches!(w, "--" | "—" | "–")
}

/// The words of a content that carry its proposition, without what the
/// extraction of a sentence leaves at its edges: a dateline ("Manila,
/// Philippines -- …"), an opening time ("Friday it did not …", "on Monday
/// …"), an aside after a dash ("… -- the deadliest since 2020"), and a
/// closing attribution to another source ("…, RIA reported"; "…, which
/// local authorities said had killed at least 39 people"). Reviewed claim
/// files rarely have them; raw extractions often do, and two reports of one
/// claim then share fewer words.
fn edges(words: &[&str]) -> (usize, usize) {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let capital = |w: &str| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase)
    };
    let mut start = 0;
    // A dateline: capitalised words with a comma, then a dash.
    if let Some(k) = words.iter().take(5).position(|w| is_dash(w))
        && k > 1
        && words[..k].iter().all(|w| capital(w))
        && words[..k - 1].iter().any(|w| w.ends_with(','))
    {
        start = k + 1;
    }
    if words.get(start).is_some_and(|w| bare(w) == "on")
        && words
            .get(start + 1)
            .is_some_and(|w| crate::text::TIME_WORDS.contains(&bare(w).as_str()))
    {
        start += 2;
    } else if words
        .get(start)
        .is_some_and(|w| crate::text::TIME_WORDS.contains(&bare(w).as_str()))
    {
        start += 1;
    }
    let mut end = words.len();
    // One dash sets off a closing aside; two enclose a parenthesis.
    let dashes: Vec<usize> = (start..words.len()).filter(|&k| is_dash(words[k])).collect();
    if let [k] = dashes[..]
        && k >= start + 3
    {
        end = k;
    }
    if let Some(k) = words[start..end].iter().rposition(|w| w.ends_with(',')) {
        let tail: Vec<String> = words[start + k + 1..end].iter().map(|w| bare(w)).collect();
        let reported = |t: &[String]| t.iter().any(|w| REPORTING.contains(&w.as_str()));
        let attribution = (tail.len() <= 4 && tail.last().is_some_and(|w| REPORTING.contains(&w.as_str())))
            || tail.first().is_some_and(|w| w == "according")
            || (tail.first().is_some_and(|w| w == "which" || w == "who") && reported(&tail));
        // (After at least three words of the proposition.)
        if attribution && k >= 3 {
            end = start + k + 1;
        }
    }
    if start >= end {
        return (0, words.len());
    }
    (start, end)
}

/// The content with its frame left out, each actor it names replaced by one
/// token (the canonical name, spaces out), and number words as digits; and
/// the tokens, each with whether it names a side (an actor that speaks for
/// no other and is no person: a state, an organisation, an armed group).
/// Only phrases with a capitalised word are looked up: names are
/// capitalised, and lower-case aliases ("the ministry", "local
/// authorities") are too vague inside a content.
pub(super) fn normalise(content: &str, actors: &Actors, speaker: Option<&str>) -> (String, Vec<(String, bool)>) {
    let all: Vec<&str> = content.split_whitespace().collect();
    let (from, to) = edges(&all);
    let mut words: Vec<&str> = all[from..to].to_vec();
    if let Some(last) = words.last_mut() {
        *last = last.trim_end_matches(',');
    }
    let capital: Vec<bool> = words
        .iter()
        .map(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut named = Vec::new();
    let start = frame_end(&words);
    let is_side =
        |name: &str| actors.side(name) == name && actors.get(name).is_none_or(|a| a.kind.as_deref() != Some("person"));
    let mut i = start;
    while i < words.len() {
        let bare = words[i].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if let Some(who) = speaker
            && (matches!(bare.as_str(), "its" | "our" | "we") || (i == start && bare == "it"))
        {
            let token: String = who.chars().filter(|c| c.is_alphanumeric()).collect();
            let trail = &words[i][words[i].trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
            out.push(format!("{token}{trail}"));
            named.push((token, is_side(who)));
            i += 1;
            continue;
        }
        let hit = (i + 1..=(i + 5).min(words.len())).rev().find_map(|end| {
            if !capital[i..end].iter().any(|&c| c) {
                return None;
            }
            actors.named(&words[i..end].join(" ")).map(|n| (end, n))
        });
        if let Some((end, name)) = hit {
            let last = words[end - 1];
            let trail = &last[last.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
            let token: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
            out.push(format!("{token}{trail}"));
            named.push((token, is_side(&name)));
            i = end;
            continue;
        }
        match figure(words[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '-')) {
            Some(n) => out.push(n.to_string()),
            None => out.push(words[i].to_string()),
        }
        i += 1;
    }
    (out.join(" "), named)
}

/// Terms of the capitalised words of a content (names: "Jaffar Express",
/// "Afghan", "Tehreek-e-Taliban Pakistan") and of the name groups of the
/// synonym table written in lower case ("afghan soil").
pub(super) fn entity_terms(content: &str) -> BTreeSet<String> {
    let mut runs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in content.split_whitespace() {
        let core = crate::text::trim_to_alphanumeric(word);
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if capital {
            current.push(core);
        } else if !current.is_empty() {
            runs.push(current.join(" "));
            current.clear();
        }
        if core.chars().next().is_some_and(char::is_lowercase) && terms::is_name(core) {
            runs.push(core.to_string());
        }
        if word.ends_with([',', '.', ';', ':', '"', '”', ')']) && !current.is_empty() {
            runs.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        runs.push(current.join(" "));
    }
    let mut out = BTreeSet::new();
    for r in &runs {
        terms::with_terms(r, |t| out.extend(t.stems.iter().cloned()));
    }
    out
}

/// Groups of entity terms that are spelling variants of one name: the same
/// first letter and at most one edit apart (two for names of eight letters
/// or more; an edit is an insertion, deletion, substitution or swap of
/// letters), joined transitively. Only names of five letters or more: short
/// ones differ by one letter too often ("Iran", "Iraq"). Candidates are
/// found through shared deletion variants (one deletion, two for the long
/// names), never by comparing every pair.
pub fn variants<'a>(entities: impl Iterator<Item = &'a String>) -> Vec<Vec<String>> {
    let names: Vec<&String> = entities
        .filter(|e| e.chars().count() >= 5 && e.chars().all(char::is_alphabetic))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let chars: Vec<char> = n.chars().collect();
        let mut own: BTreeSet<String> = BTreeSet::new();
        own.insert((*n).clone());
        for a in 0..chars.len() {
            let one: Vec<char> = [&chars[..a], &chars[a + 1..]].concat();
            if chars.len() >= 8 {
                for b in a..one.len() {
                    own.insert([&one[..b], &one[b + 1..]].concat().into_iter().collect());
                }
            }
            own.insert(one.into_iter().collect());
        }
        for k in own {
            keys.entry(k).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for list in keys.values().filter(|l| l.len() > 1) {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                let (a, b) = (names[i], names[j]);
                let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
                if a.chars().next() == b.chars().next() && strsim::damerau_levenshtein(a, b) <= limit {
                    let (x, y) = (root(&mut parent, i), root(&mut parent, j));
                    parent[x] = y;
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push((*name).clone());
    }
    let mut out: Vec<Vec<String>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(content: &str) -> String {
        let words: Vec<&str> = content.split_whitespace().collect();
        let (from, to) = edges(&words);
        words[from..to].join(" ")
    }

    #[test]
    fn what_extraction_leaves_at_the_edges_is_left_out() {
        // Raw extractions of news-dev claims whose reviewed contents are the
        // part kept.
        assert_eq!(
            kept("Friday it did not launch an attack on a train station in eastern Ukraine"),
            "it did not launch an attack on a train station in eastern Ukraine"
        );
        assert_eq!(
            kept("Manila, Philippines -- Manila summoned Beijing's ambassador on Monday"),
            "Manila summoned Beijing's ambassador on Monday"
        );
        assert_eq!(
            kept("the missile was similar to one that hit Donetsk on March 14, killing 17 people, RIA reported"),
            "the missile was similar to one that hit Donetsk on March 14, killing 17 people,"
        );
        assert_eq!(
            kept(
                "it did not launch any attack on a station in Kramatorsk, which local authorities said had killed 39 people"
            ),
            "it did not launch any attack on a station in Kramatorsk,"
        );
        assert_eq!(
            kept("at least 49 of its soldiers were killed in the fighting -- the deadliest since 2020"),
            "at least 49 of its soldiers were killed in the fighting"
        );
        assert_eq!(
            kept("on Monday the crossing will reopen, according to local officials"),
            "the crossing will reopen,"
        );
    }

    #[test]
    fn a_content_without_such_edges_is_kept_whole() {
        for c in [
            "Taliban forces opened fire, prompting Pakistani personnel to retaliate",
            "the border crossing will reopen on Monday",
            "Monday",
            "it said, which is false",
            "Pakistan -- not Afghanistan -- hosts the camps",
            "the militants, who entered from Afghanistan, were killed",
        ] {
            assert_eq!(kept(c), c, "{c}");
        }
    }

    #[test]
    fn the_edges_leave_the_normalised_content() {
        let (text, _) = normalise(
            "Friday it did not launch an attack on a train station, RIA reported",
            &Actors::default(),
            None,
        );
        assert_eq!(text, "it did not launch an attack on a train station");
    }
}
