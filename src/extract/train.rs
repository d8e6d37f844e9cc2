//! Learning the cue model from BRAT-annotated text (`claimtrack train`).
//!
//! The model is a table of word forms that annotators mark as attribution
//! cues: for every lower-case word form of the corpus, how often it lies
//! inside a `Cue` span and how often it occurs at all. Forms used as a cue
//! at least [`MIN_COUNT`] times and in at least [`MIN_RATIO`] of their
//! occurrences join the reviewed lexicon as plain assertion cues; function
//! words, adverbs in -ly and contractions are left out (the rules handle
//! auxiliaries and adverbs around a cue themselves). Pairs of a cue word and
//! a following particle ("called for") are learned the same way: the
//! particle is inside the cue in at least half of the times it follows the
//! cue word, at least [`MIN_COUNT`] times. Training is a count:
//! deterministic, and the output is sorted.

use super::lexicon::fold;
use crate::corpus::brat::Document;
use crate::text::{self, CharIndex};
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// Fewest cue uses for a form to be learned.
pub const MIN_COUNT: u32 = 3;
/// Least share of a form's occurrences that are cue uses.
pub const MIN_RATIO: f64 = 0.4;

/// Words never learned as cues on their own: auxiliaries, prepositions,
/// pronouns and other function words that sit inside multi-word cues
/// ("has said", "called for", "pointed to").
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "also", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "i", "in", "into",
    "is", "it", "its", "may", "me", "might", "must", "not", "of", "on", "or", "out", "over", "she", "should", "so",
    "than", "that", "the", "their", "them", "they", "this", "to", "up", "us", "was", "we", "were", "what", "which",
    "who", "will", "with", "would", "you",
];

/// Adverbs without -ly that stand before a cue's verb ("now says", "still
/// insists", "often cited"): part of the cue, never its head.
const ADVERBS: &[&str] = &[
    "again", "already", "always", "earlier", "even", "ever", "first", "further", "instead", "just", "later", "long",
    "never", "now", "often", "once", "only", "soon", "still", "then", "together", "too", "yet",
];

/// Prepositions and particles that can close a multi-word cue ("called
/// for", "pointed to", "talked about").
pub const PARTICLES: &[&str] = &[
    "to", "about", "of", "for", "on", "with", "against", "as", "out", "at", "by", "in", "over", "from", "like", "up",
    "back",
];

/// Trains the cue model from documents (text and gold annotations) and
/// returns the model file's text.
pub fn train(docs: &[(&str, &Document)]) -> String {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    // "called for": (cue word, particle) -> (particle inside the cue, cue word followed by the particle)
    let mut particles: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (text, doc) in docs {
        let ix = CharIndex::new(text);
        let cues = doc.spans("Cue");
        let toks = text::tokens(text, 0..text.len());
        let cue_of = |k: usize| {
            let (s, e) = (ix.char_offset(toks[k].start), ix.char_offset(toks[k].end));
            cues.iter().flatten().position(|r| r.start <= s && e <= r.end)
        };
        let lower = |k: usize| fold(toks[k].text(text));
        for k in 0..toks.len() {
            let word = toks[k].text(text);
            if !word.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            let in_cue = cue_of(k);
            let entry = counts.entry(lower(k)).or_default();
            entry.0 += u32::from(in_cue.is_some());
            entry.1 += 1;
            if let Some(c) = in_cue
                && k + 1 < toks.len()
                && PARTICLES.contains(&lower(k + 1).as_str())
                && learnable(&lower(k))
            {
                let entry = particles.entry(format!("{} {}", lower(k), lower(k + 1))).or_default();
                entry.0 += u32::from(cue_of(k + 1) == Some(c));
                entry.1 += 1;
            }
        }
    }
    let mut out = format!(
        "# claimtrack cue model 1: word forms learned as attribution cues from {} annotated documents\n\
         # (cue uses >= {MIN_COUNT}, share of occurrences >= {MIN_RATIO}).\n\
         # form\tcue uses\toccurrences\n",
        docs.len()
    );
    for (form, (cue, total)) in &counts {
        if learnable(form) && *cue >= MIN_COUNT && f64::from(*cue) >= MIN_RATIO * f64::from(*total) {
            let _ = writeln!(out, "{form}\t{cue}\t{total}");
        }
    }
    out.push_str("# cue word and particle: particle inside the cue, cue word followed by the particle\n");
    for (pair, (inside, total)) in &particles {
        if *inside >= MIN_COUNT && 2 * inside >= *total {
            let _ = writeln!(out, "{pair}\t{inside}\t{total}");
        }
    }
    out
}

/// A form that may be learned: a plain word, not a function word, adverb
/// or contraction.
pub fn learnable(form: &str) -> bool {
    // Asked of every token during extraction: the word lists as one hash
    // set, built once, rather than two scans of the lists.
    static EXCLUDED: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| FUNCTION_WORDS.iter().chain(ADVERBS).copied().collect());
    let plain = if form.is_ascii() {
        form.len() > 2 && form.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    } else {
        form.chars().count() > 2 && form.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    plain && !form.ends_with("ly") && !EXCLUDED.contains(form)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::brat::parse;
    use std::path::Path;

    #[test]
    fn learnable_ascii_fast_path_agrees_with_the_character_test() {
        let by_chars = |f: &str| {
            f.chars().count() > 2
                && f.chars().all(|c| c.is_alphabetic() || c == '-')
                && !f.ends_with("ly")
                && !FUNCTION_WORDS.contains(&f)
                && !ADVERBS.contains(&f)
        };
        for f in [
            "said",
            "quipped",
            "pak-afghan",
            "ab",
            "abc",
            "the",
            "now",
            "quickly",
            "don't",
            "u.s.",
            "a1b",
            "café",
            "éé",
            "ééé",
            "naïve",
            "---",
            "",
            "über-cool",
        ] {
            assert_eq!(learnable(f), by_chars(f), "{f}");
        }
    }

    #[test]
    fn learns_frequent_cue_forms_deterministically() {
        let text = "Ann quipped it. Bob quipped so. Cy quipped no. Dan has quipped. Ed ran.";
        let ann = "T1\tCue 4 11\tquipped\nT2\tCue 20 27\tquipped\nT3\tCue 35 42\tquipped\nT4\tCue 51 62\thas quipped\nT5\tCue 67 70\tran\n";
        let doc = parse(ann, Path::new("t.ann")).unwrap();
        let model = train(&[(text, &doc)]);
        assert_eq!(model, train(&[(text, &doc)]));
        let rows: Vec<&str> = model.lines().filter(|l| !l.starts_with('#')).collect();
        // "has" is a function word; "ran" is a cue only once.
        assert_eq!(rows, ["quipped\t4\t4"]);
        let text = "Al called for calm. Bo called for peace. Cy called for tea. Di called it.";
        let ann = "T1\tCue 3 13\tcalled for\nT2\tCue 23 33\tcalled for\nT3\tCue 44 54\tcalled for\n";
        let doc = parse(ann, Path::new("t.ann")).unwrap();
        let rows: Vec<String> = train(&[(text, &doc)])
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(String::from)
            .collect();
        assert_eq!(rows, ["called\t3\t4", "called for\t3\t3"]);
    }
}
