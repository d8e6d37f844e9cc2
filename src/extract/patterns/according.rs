//! Pattern family: sources their cue delimits: "according to X, Y", "Y,
//! according to X", "as per X", "in the latest X poll".

use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::{Attribution, DELIMITED_SOURCE_MAX_WORDS};
use crate::extract::scan::SentenceScan;

impl SentenceScan<'_> {
    /// "In a CNN/ORC poll released Wednesday, Clinton led by 5 points",
    /// "Trump fell to 10 percent in the latest poll": a poll or survey
    /// named after "in" speaks (PolNeAR marks "in" as the cue); the clause
    /// after the comma, or the clause before "in", is the content. Returns
    /// where scanning resumes (after the source).
    pub(in crate::extract) fn in_poll(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        // The poll noun within a noun phrase of at most nine tokens.
        let noun = (i + 1..n.min(i + 10))
            .take_while(|&k| self.is_word(k) || self.is_punct(k, &["-", "/", "'", "’", "."]))
            .find(|&k| self.in_class(k, WordClass::POLL))?;
        if !(i + 1..noun).all(|k| !self.in_class(k, WordClass::BOUNDARY)) {
            return None;
        }
        // The noun phrase runs on to the next comma or clause ("conducted in
        // May", "of 800 likely voters"). A verb right after it makes the poll
        // part of the subject ("Most voters in the survey said …").
        let verb = |k: usize| {
            let w = self.word(k);
            self.lex.is(WordClass::FINITE, w) || self.lex.cue(w).is_some_and(|c| c.learned.is_none())
        };
        let end = (noun + 1..n)
            .find(|&k| {
                self.is_punct(k, &[",", ";", ".", ":", "(", "—", "–"])
                    || self.in_class(k, WordClass::BOUNDARY)
                    || verb(k)
            })
            .unwrap_or(n);
        if end < n && verb(end) {
            return None;
        }
        let src = self.source_range_within(i + 1..end, DELIMITED_SOURCE_MAX_WORDS)?;
        let start = self.clause_start(i);
        let content = if i == start {
            if end < n && self.is_punct(end, &[","]) {
                self.content_bytes(end + 1..n)
            } else {
                None
            }
        } else {
            let content_end = if self.is_punct(i - 1, &[","]) { i - 1 } else { i };
            self.content_bytes(start..content_end)
        };
        let pushed = self.push(
            out,
            i..i + 1,
            self.cue_words(i..i + 1),
            src,
            content,
            (Stance::Asserts, false, true),
        );
        pushed.then_some(end)
    }

    /// "According to X, Y", "Y, according to X", and South Asian English's
    /// "as per X". The cue and a comma delimit the source, so it may run to
    /// [`DELIMITED_SOURCE_MAX_WORDS`] words ("According to a 52-count civil
    /// complaint filed by the SEC and a 15-count complaint by Vermont, …").
    pub(in crate::extract) fn according(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let cue = i..i + 2;
        let start = self.clause_start(i);
        if i == start {
            let comma = (i + 2..n).find(|&k| self.is_punct(k, &[","]));
            let Some(mut c) = comma else { return false };
            let Some(mut src) = self.source_range_within(i + 2..c, DELIMITED_SOURCE_MAX_WORDS) else {
                return false;
            };
            // "According to a report by Reuters, which cited two sources,
            // Y": a relative clause set off after the source; "According to
            // the mayor, Ahmed Hussein, Y": the name in apposition speaks.
            if let Some(next) = (c + 2..n.min(c + 16)).find(|&k| self.is_punct(k, &[",", ";", "“", "”", "\""]))
                && self.is_punct(next, &[","])
            {
                if matches!(self.word(c + 1), "which" | "who" | "whose") {
                    c = next;
                } else if next - c <= 5
                    && self.capitalised_run(c + 1..next)
                    && let Some(name) = self.source_range(c + 1..next)
                {
                    src = name;
                    c = next;
                }
            }
            let content = self.content_bytes(c + 1..n);
            return self.push(
                out,
                cue,
                self.cue_words(i..i + 2),
                src,
                content,
                (Stance::Asserts, false, false),
            );
        }
        // "…, according to the CBO, and the top 10 percent paid …": the source ends before the next clause.
        let end = (i + 2..n)
            .find(|&k| {
                self.is_punct(k, &[";", "(", "—"])
                    || (self.is_punct(k, &[","]) && k + 1 < n && self.in_class(k + 1, WordClass::BOUNDARY))
            })
            .unwrap_or(n);
        // "…, according to an analysis by X, a former aide now teaching at
        // Y, whose conclusions …": a long source keeps its first phrase.
        // (Only an appositive runs on after the first comma, opened by a
        // determiner or a capital; "Sales, according to analysts, fell 12
        // percent …" goes on with its predicate.)
        let first_comma = (i + 2..end).find(|&k| self.is_punct(k, &[","])).unwrap_or(end);
        let appositive = first_comma + 1 < end && {
            let k = first_comma + 1;
            self.in_class(k, WordClass::DETERMINER) || self.toks[k].text(self.text).starts_with(char::is_uppercase)
        };
        let long = if first_comma < end && !appositive {
            None
        } else {
            self.source_range_within(i + 2..end, DELIMITED_SOURCE_MAX_WORDS)
        };
        let Some(src) = long.or_else(|| self.source_range(i + 2..first_comma)) else {
            return false;
        };
        let content_end = if i > 0 && self.is_punct(i - 1, &[","]) {
            i - 1
        } else {
            i
        };
        let content = self.content_bytes(start..content_end);
        self.push(
            out,
            cue,
            self.cue_words(i..i + 2),
            src,
            content,
            (Stance::Asserts, false, false),
        )
    }
}
