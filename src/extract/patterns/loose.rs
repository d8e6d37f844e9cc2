//! Pattern family: an attribution assembled loosely around a cue the
//! tagger is sure of where no other pattern held.

use crate::extract::lexicon::Cue;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;
use std::ops::Range;

impl SentenceScan<'_> {
    /// A loose attribution around the cue at `i` ("who saw Kaine speak",
    /// "is expected to win", "did not immediately respond to requests"):
    /// the cue with its auxiliaries, "to" and negation; the relative
    /// pronoun, subject or clause before it as the source; the rest of the
    /// clause (else the clause before) as the content.
    pub(in crate::extract) fn loose(&self, i: usize, cue: &Cue, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let cs = self.auxiliaries_before(i, |w| {
            matches!(
                w,
                "is" | "was" | "were" | "are" | "am" | "be" | "been" | "being" | "to" | "'s" | "'re" | "'ve"
            )
        });
        let cs = self.catenative_before(cs, |w| {
            matches!(
                w,
                "is" | "was" | "were" | "are" | "am" | "be" | "been" | "being" | "'s" | "'re" | "'ve"
            )
        });
        let ce = self.cue_end(i);
        // "“American Skin” was written by Springsteen": a passive names its
        // source after "by" and its content before.
        let passive = (cs..i).any(|k| matches!(self.word(k), "is" | "was" | "were" | "are" | "be" | "been"))
            && ce < n
            && self.word(ce) == "by";
        if passive {
            let end = (ce + 1..n)
                .find(|&k| self.is_punct(k, &[",", ";", "."]) || self.in_class(k, WordClass::BOUNDARY))
                .unwrap_or(n);
            if let Some(src) = self.source_range(ce + 1..end) {
                let content = self.content_bytes(self.clause_start(cs)..cs);
                return self.push_loose(out, cs..ce, cue, src, content);
            }
        }
        let relative = cs > 0 && matches!(self.word(cs - 1), "who" | "which" | "that");
        // "Cruz exhorted Republicans to … and said he was …": the sentence's subject.
        let coordinated = cs > 0 && self.word(cs - 1) == "and";
        let source = if relative {
            Some(cs - 1..cs)
        } else if coordinated {
            self.subject(cs)
        } else {
            self.source_before(cs).or_else(|| self.subject(cs))
        };
        // "“…,” Scott Pruitt, the attorney general of Oklahoma, one of the
        // states suing, said at an event.": a long source after a quotation.
        let quote = (0..cs).rev().find(|&k| self.is_punct(k, &["”", "\""]));
        if let Some(q) = quote
            && q + 1 < cs
            && self.content_first(q, i, &cue.lemma)
        {
            let name_end = (q + 1..cs).find(|&k| self.is_punct(k, &[","])).unwrap_or(cs);
            if let Some(src) = self.source_range(q + 1..name_end) {
                let content = self.content_bytes(self.clause_start(q + 1)..q + 1);
                return self.push_loose(out, cs..ce, cue, src, content);
            }
        }
        let Some(src) = source else { return false };
        let content = self
            .content_bytes(self.object_range(ce))
            .or_else(|| self.content_bytes(self.clause_start(src.start)..src.start));
        self.push_loose(out, cs..ce, cue, src, content)
    }

    /// Pushes an attribution of the loose assembly (see [`Self::loose`]).
    pub(in crate::extract) fn push_loose(
        &self,
        out: &mut Vec<Attribution>,
        cue_range: Range<usize>,
        cue: &Cue,
        src: Range<usize>,
        content: Option<(Range<usize>, bool)>,
    ) -> bool {
        let kind = (cue.stance, cue.accuse, cue.evidence);
        let pushed = self.push(out, cue_range.clone(), self.cue_words(cue_range), src, content, kind);
        if pushed && let Some(last) = out.last_mut() {
            last.loose = true;
        }
        pushed
    }
}
