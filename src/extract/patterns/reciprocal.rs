//! Pattern family: two sides that blame each other ("Armenia and
//! Azerbaijan blame each other for clashes …", "… have traded blame for
//! border battles"): one accusation per side, the same content, as claim
//! files record them.

use crate::claim::Stance;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

impl SentenceScan<'_> {
    /// A reciprocal accusation at token `i` whose subject is two names
    /// joined by "and": an attribution for each, the cue running to the
    /// preposition ("blame each other for"), the content to the end of its
    /// clause. Returns where scanning resumes.
    pub(in crate::extract) fn reciprocal(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let word = |k: usize| if k < n { self.word(k) } else { "" };
        // The object that makes the verb reciprocal, and where it ends.
        let object_end = match word(i) {
            "blame" | "blamed" | "blaming" | "accuse" | "accused" | "accusing" => {
                (matches!((word(i + 1), word(i + 2)), ("each", "other") | ("one", "another"))).then_some(i + 3)
            }
            "trade" | "traded" | "trading" | "swap" | "swapped" | "exchange" | "exchanged" => {
                matches!(word(i + 1), "blame" | "accusations" | "charges" | "allegations").then_some(i + 2)
            }
            _ => None,
        }?;
        if !matches!(word(object_end), "for" | "of" | "over") {
            return None;
        }
        let content_start = object_end + 1;
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
