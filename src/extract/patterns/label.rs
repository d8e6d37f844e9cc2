//! Pattern family: a speaker's label ("PENCE: …", a headline "Pence: …")
//! and a quotation signed after a dash ("“…” ― Carlos Raúl").

use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

impl SentenceScan<'_> {
    /// A speaker's label at the start of the sentence ("PENCE: Well, …"):
    /// the label is the source, the colon the cue and the rest of the
    /// paragraph the content.
    pub(in crate::extract) fn label(&self, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let mut start = usize::from(n > 0 && self.is_punct(0, &["“", "\""]));
        // "EXCLUSIVE – Roger Stone: …": a kicker and a dash before the label.
        if start + 2 < n && self.in_class(start, WordClass::KICKER) && self.is_punct(start + 1, &["–", "—", "-"]) {
            start += 2;
        }
        let Some(colon) = (start..n.min(start + 9)).find(|&k| self.is_punct(k, &[":"])) else {
            return false;
        };
        let capital = |k: usize| self.toks[k].text(self.text).starts_with(char::is_uppercase);
        // "Clinton to Planned Parenthood:", "CNN President On Trump:": the
        // speaker is the name before the preposition.
        let end = (start + 1..colon)
            .find(|&k| matches!(self.word(k), "to" | "on" | "at") && k + 1 < colon && capital(k + 1))
            .unwrap_or(colon);
        // Capitalised words ("Judicial Watch", "McCain Challenger Kelli
        // Ward"), "." of initials, and nouns that follow a name ("Clinton
        // camp", "WSJ editorial"); no cue word ("Trump Says …:").
        let named = capital(start)
            && (start..end).all(|k| {
                self.is_punct(k, &["."]) || (self.is_word(k) && (capital(k) || self.in_class(k, WordClass::LABEL_NOUN)))
            })
            && (start..end).all(|k| self.cues[k].is_none_or(|c| c.learned.is_some()));
        // "The Latest:", "Breaking News:", "Watch:": a kicker names nobody.
        let kicker = (start..end).all(|k| {
            !self.is_word(k) || self.in_class(k, WordClass::KICKER) || self.in_class(k, WordClass::DETERMINER)
        });
        // "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be …’", "A
        // lesson from Loretta Lynch: 'Be the voice …'": a quotation after
        // the colon makes a longer label, of any words, the speaker (the
        // name after "from").
        let quote_follows = colon + 1 < n && self.is_punct(colon + 1, &["‘", "“", "'", "\""]);
        let (start, end) = match (start + 1..end).find(|&k| self.word(k) == "from" && k + 1 < end && capital(k + 1)) {
            Some(k) if quote_follows => (k + 1, end),
            _ => (start, end),
        };
        // (No reviewed cue in it either: "Trump Says: ‘…’" is "Trump" and
        // "Says".)
        let long_label = quote_follows
            && capital(start)
            && self.words_in(start..end) <= 8
            && (start..end).all(|k| self.cues[k].is_none_or(|c| c.learned.is_some()));
        if colon == start || kicker || !(long_label || (named && self.words_in(start..end) <= 4)) {
            return false;
        }
        let cue = colon..colon + 1;
        let content = self.quote_trimmed(self.toks[colon].end..self.para.end);
        let cue_text = self.cue_words(cue.clone());
        self.push(out, cue, cue_text, start..end, content, (Stance::Asserts, false, false))
    }

    /// A quotation signed after a dash ("“…” ― Carlos Raúl"): the name
    /// up to the next quotation or the end of the sentence is its source.
    pub(in crate::extract) fn byline(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        // The quotation may end the previous sentence.
        let before = self.text[self.para.start.min(self.toks[i].start)..self.toks[i].start].trim_end();
        let Some(close) = before.strip_suffix(['”', '"']) else {
            return false;
        };
        // (A paragraph may open its quotation with a closing mark: ”Fear. …”)
        let Some(open) = close.rfind(['“', '"']).or_else(|| close.starts_with('”').then_some(0)) else {
            return false;
        };
        let at = self.para.start.min(self.toks[i].start);
        let end = (i + 1..n).find(|&k| self.is_punct(k, &["“", "\""])).unwrap_or(n);
        let name = (i + 1..end).all(|k| {
            !self.is_word(k)
                || self.toks[k]
                    .text(self.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        });
        let words = self.words_in(i + 1..end);
        if !name || words == 0 || words > 6 {
            return false;
        }
        let Some(src) = self.source_range(i + 1..end) else {
            return false;
        };
        let content = self.quote_trimmed(at + open..at + close.len());
        let cue_text = self.cue_words(i..i + 1);
        self.push(out, i..i + 1, cue_text, src, content, (Stance::Asserts, false, false))
    }
}
