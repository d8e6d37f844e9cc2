//! Pattern family: two sides that blame each other ("Armenia and
//! Azerbaijan blame each other for clashes …", "… have traded blame for
//! border battles"): one accusation per side, the same content, as claim
//! files record them.

use crate::claim::Stance;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

/// Verbs made reciprocal by "each other" / "one another".
const BLAME: &[&str] = &["blame", "blamed", "blaming", "accuse", "accused", "accusing"];
/// Verbs made reciprocal by what is traded ("traded blame").
const TRADE: &[&str] = &["trade", "traded", "trading", "swap", "swapped", "exchange", "exchanged"];
/// What two sides trade when they accuse each other.
const TRADED: &[&str] = &["blame", "accusations", "charges", "allegations"];

/// Whether the words from `i` on (`word(i)`, `word(i + 1)`, …) make a
/// reciprocal accusation; the index past it.
fn reciprocal_object<'w>(i: usize, word: impl Fn(usize) -> &'w str) -> Option<usize> {
    if BLAME.contains(&word(i)) && matches!((word(i + 1), word(i + 2)), ("each", "other") | ("one", "another")) {
        Some(i + 3)
    } else if TRADE.contains(&word(i)) && TRADED.contains(&word(i + 1)) {
        Some(i + 2)
    } else {
        None
    }
}

/// Whether a claim's cue is a reciprocal accusation ("blame each other
/// for", "have traded blame for"). The pattern below writes one claim per
/// side with the same cue and content; the second counters the first.
pub(in crate::extract) fn is_reciprocal_cue(cue: &str) -> bool {
    let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
    let word = |k: usize| words.get(k).map_or("", String::as_str);
    // ("Each side blamed the other for": see `each_side_apart`.)
    (0..words.len()).any(|i| {
        reciprocal_object(i, word).is_some()
            || (BLAME.contains(&word(i)) && (word(i + 1), word(i + 2)) == ("the", "other"))
    })
}

impl SentenceScan<'_> {
    /// A reciprocal accusation at token `i` whose subject is two names
    /// joined by "and": an attribution for each, the cue running to the
    /// preposition ("blame each other for"), the content to the end of its
    /// clause. Returns where scanning resumes.
    pub(in crate::extract) fn reciprocal(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let word = |k: usize| if k < n { self.word(k) } else { "" };
        // The object that makes the verb reciprocal, and where it ends.
        let object_end = reciprocal_object(i, word)?;
        // ("blamed each other on Wednesday for …": a time between, before
        // what is blamed; "traded accusations on Sunday over the
        // collision" names only a topic.)
        let prep = (object_end..object_end + 3)
            .find(|&k| !(matches!(word(k), "on" | "again" | "overnight") || crate::text::TIME_WORDS.contains(&word(k))))
            .unwrap_or(object_end);
        let topic = prep == object_end && word(prep) == "over";
        if !(matches!(word(prep), "for" | "of") || topic) {
            return None;
        }
        let content_start = prep + 1;
        let content_end = (content_start..n)
            .find(|&k| self.is_punct(k, &[",", ";", ".", ":", "—", "–"]))
            .unwrap_or(n);
        if self.words_in(content_start..content_end) == 0 {
            return None;
        }
        let cs = self.cue_start(i)?;
        let start = self.clause_start(cs);
        let and = (start..cs).find(|&k| word(k) == "and")?;
        // Each side a name ("Armenia", "the Philippines").
        let name = |r: std::ops::Range<usize>| {
            let r = if r.start < r.end && word(r.start) == "the" {
                r.start + 1..r.end
            } else {
                r
            };
            !r.is_empty() && r.len() <= 4 && (r.start..r.end).all(|k| self.is_word(k)) && self.capitalised_run(r)
        };
        if !name(start..and) || !name(and + 1..cs) {
            return None;
        }
        let cue = cs..content_start;
        let content = self.span(content_start..content_end);
        for source in [start..and, and + 1..cs] {
            self.push(
                out,
                cue.clone(),
                self.cue_words(cue.clone()),
                source,
                Some((content.clone(), false)),
                (Stance::Asserts, true, false),
            );
        }
        Some(content_end)
    }
}
