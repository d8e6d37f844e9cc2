//! Pattern family: a question put to someone ("Asked whether …, she
//! said"), "X quoted Y as saying" and the other passives that name the
//! speaker after "by" ("It was claimed by Indian officials that …").

use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

impl SentenceScan<'_> {
    /// "Asked whether …, she said", "he said when asked about …", "Clinton
    /// was asked (by a reporter) if …": a question put to someone, in the
    /// passive. The one who asks is named after "by" or not at all; the
    /// question runs from its opening word ("whether", "about", "to" …) to
    /// the end of its clause. "about" right after "asked" is part of the cue,
    /// as PolNeAR marks it. Returns where scanning resumes.
    pub(in crate::extract) fn asked(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let be = |w: &str| matches!(w, "is" | "was" | "were" | "are" | "been" | "being" | "be");
        let cs = self.auxiliaries_before(i, be);
        let passive = cs < i && (cs..i).any(|k| be(self.word(k)));
        let opening = i == 0 || matches!(self.word(i - 1), "when" | "after" | "once" | "if" | "as");
        if !(passive || opening) {
            return None;
        }
        let opener = |k: usize| {
            let w = self.word(k);
            self.lex.is(WordClass::QUESTION, w)
                || (w == "to" && k + 1 < n && self.is_word(k + 1) && !self.in_class(k + 1, WordClass::DETERMINER))
        };
        // Adjuncts ("on Monday", "during a January debate") and "by" the one
        // who asks may come before the question opens.
        let q = (i + 1..n.min(i + 12))
            .take_while(|&k| self.is_word(k) && !self.in_class(k, WordClass::FINITE))
            .find(|&k| opener(k))?;
        let by = (i + 1..q).find(|&k| self.word(k) == "by");
        let source = match by {
            Some(b) => self.source_range(b + 1..q)?,
            None => i + 1..i + 1,
        };
        let about_in_cue = q == i + 1 && self.word(q) == "about";
        let cue_end = if about_in_cue { q + 1 } else { i + 1 };
        let from = if about_in_cue { q + 1 } else { q };
        // The question ends at the first clause mark outside a quotation.
        let mut open = false;
        let end = (from..n)
            .find(|&k| {
                if self.is_punct(k, &["“", "”", "\""]) {
                    open = if self.is_punct(k, &["\""]) {
                        !open
                    } else {
                        self.word(k) == "“"
                    };
                    return false;
                }
                // ("was asked about the wall and said …": a second verb
                // is no part of the question.)
                let verb_after = matches!(self.word(k), "and" | "but")
                    && self
                        .low
                        .get(k + 1)
                        .is_some_and(|w| self.lex.cue(w).is_some() || self.lex.is(WordClass::FINITE, w));
                !open && k > from && (self.is_punct(k, &[",", ";", ":", "—", "–", "(", ".", "?"]) || verb_after)
            })
            .unwrap_or(n);
        let content = self.content_bytes(from..end);
        if !self.push(
            out,
            cs..cue_end,
            self.cue_words(cs..cue_end),
            source,
            content,
            (Stance::Asserts, false, false),
        ) {
            return None;
        }
        let last = out.len() - 1;
        out[last].question = true;
        Some(cue_end)
    }

    /// "It was claimed by Indian officials that …", "it has been alleged
    /// by the opposition that …": a reporting verb in the passive, its
    /// subject the empty "it", the speaker after "by". Returns where
    /// scanning resumes (the "that").
    pub(in crate::extract) fn passive_by(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        if self.low.get(i + 1).is_none_or(|&w| w != "by") || !(self.word(i).ends_with("ed") || self.word(i) == "said") {
            return None;
        }
        let cue = self.lex.cue(self.word(i))?;
        let auxiliary = |w: &str| matches!(w, "is" | "was" | "were" | "are" | "been" | "has" | "had" | "have");
        // ("It was further stated by …")
        let cs = self.auxiliaries_before(i, |w| auxiliary(w) || matches!(w, "further" | "also"));
        if cs == 0 || self.word(cs - 1) != "it" || !(cs..i).any(|k| auxiliary(self.word(k))) {
            return None;
        }
        let that = (i + 2..n.min(i + 14)).find(|&k| self.word(k) == "that")?;
        let src = self.source_range(i + 2..that)?;
        let content = self.content_bytes(self.content_after(that + 1));
        let cue_text = self.cue_words(cs..i + 2);
        self.push(
            out,
            cs..i + 2,
            cue_text,
            src,
            content,
            (cue.stance, cue.accuse, cue.evidence),
        )
        .then_some(that + 1)
    }

    /// "State media quoted the minister as saying (that) …": the one quoted
    /// speaks; "he was quoted as saying …" too. Returns where scanning
    /// resumes (after "saying").
    pub(in crate::extract) fn quoted_as_saying(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        if !matches!(self.word(i), "quoted" | "quotes" | "quoting") {
            return None;
        }
        let as_at = (i + 1..n.min(i + 22)).find(|&k| self.word(k) == "as")?;
        if self.low.get(as_at + 1).is_none_or(|&w| w != "saying") {
            return None;
        }
        let cs = self.auxiliaries_before(i, |w| matches!(w, "is" | "was" | "were" | "are" | "been"));
        // "quoted the minister as saying"; "was quoted (by Reuters) as saying".
        let src = if as_at > i + 1 && self.word(i + 1) != "by" {
            // ("quoted Kim Yo Jong, the leader's sister, as saying": the
            // name before the apposition.)
            let apposition = (i + 2..as_at).find(|&k| self.is_punct(k, &[","]));
            let object_end = apposition.filter(|_| self.is_punct(as_at - 1, &[","])).unwrap_or(as_at);
            self.source_range(i + 1..object_end)?
        } else {
            self.source_before(cs)?
        };
        // ("“No such incident took place,” an officer was quoted as saying
        // by a news agency": the quotation before is what was said.)
        let by_outlet_only = self.word(as_at + 2) == "by"
            && (as_at + 3..n).all(|k| self.is_word(k) || self.is_punct(k, &[".", "'", "’"]));
        let fronted = (by_outlet_only && self.is_punct(0, &["“", "\""]))
            .then(|| (1..cs).find(|&k| self.is_punct(k, &["”", "\""])))
            .flatten()
            .filter(|&close| close > 1 && self.is_punct(close - 1, &[","]));
        let content = match fronted {
            Some(close) => self.content_bytes(1..close - 1).map(|(r, _)| (r, true)),
            None => self.content_bytes(self.content_after(as_at + 2)),
        };
        let cue_text = format!("{} … as saying", self.cue_words(cs..i + 1));
        if !self.push(out, cs..i + 1, cue_text, src, content, (Stance::Asserts, false, false)) {
            return None;
        }
        // A reviewed pattern, whatever the cue table says of "quoted".
        let last = out.len() - 1;
        out[last].learned = None;
        // "quoted him as saying": the pronoun's speaker is the last one named.
        let object = self.text[out[last].source.clone()].to_lowercase();
        out[last].pronoun |= matches!(object.as_str(), "him" | "her" | "them");
        Some(as_at + 2)
    }
}
