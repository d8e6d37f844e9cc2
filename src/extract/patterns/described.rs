//! Pattern family: a speaker's name for something, inside a clause of
//! another ("in response to what it described as repeated violations of
//! its airspace", "in what officials called a hate crime", "the strike,
//! which they described as limited"): the speaker asserts the description.

use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

/// Verbs that name what something is.
const NAMING: &[&str] = &[
    "called",
    "described",
    "termed",
    "labelled",
    "labeled",
    "branded",
    "characterised",
    "characterized",
    "dubbed",
];

/// Words after "called" that make it another verb ("called on", "called
/// for").
const PARTICLES: &[&str] = &["on", "for", "off", "up", "upon", "in", "out", "back", "to", "at", "by"];

impl SentenceScan<'_> {
    /// "what X called A" or "…, which X called A" at token `i` ("what",
    /// "which"): X is the source, the verb (and "as") the cue, A to the end
    /// of its clause (or its closing quotation mark) the content. Returns
    /// where scanning resumes.
    pub(in crate::extract) fn what_described(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let which = match self.word(i) {
            "what" => false,
            "which" => true,
            _ => return None,
        };
        // The speaker: a few words, then the verb ("what are called" names
        // nobody).
        let verb = (i + 1..n.min(i + 7))
            .take_while(|&k| self.is_word(k) && !self.in_class(k, WordClass::FINITE))
            .find(|&k| k > i + 1 && NAMING.contains(&self.word(k)))?;
        let source = self.source_range(i + 1..verb)?;
        let as_follows = verb + 1 < n && self.word(verb + 1) == "as";
        // ("which Pakistan called on to act", "which it described in
        // detail": no description unless "as" or a name follows.)
        if which
            && !as_follows
            && (self.word(verb) == "described" || (verb + 1 < n && PARTICLES.contains(&self.word(verb + 1))))
        {
            return None;
        }
        let cue_end = if as_follows { verb + 2 } else { verb + 1 };
        let quoted = cue_end < n && self.is_punct(cue_end, &["“", "\""]);
        let content_end = if quoted {
            (cue_end + 1..n)
                .find(|&k| self.is_punct(k, &["”", "\""]))
                .map(|k| k + 1)?
        } else {
            (cue_end..n)
                .find(|&k| self.is_punct(k, &[",", ";", ".", ":", "—", "–", "(", "“", "\""]))
                .unwrap_or(n)
        };
        if self.words_in(cue_end..content_end) == 0 {
            return None;
        }
        let content = self.content_bytes(cue_end..content_end);
        let pushed = self.push(
            out,
            verb..cue_end,
            self.cue_words(verb..cue_end),
            source,
            content,
            (Stance::Asserts, false, false),
        );
        if pushed && let Some(a) = out.last_mut() {
            // (A pattern of its own, not a learned cue's guess.)
            a.learned = None;
        }
        Some(content_end)
    }
}
