//! Where a source starts and ends: the words before a cue, a subject, a
//! name before a relative pronoun or after a fronted phrase, a possessor.

use crate::extract::lexicon::WordClass;
use crate::extract::scan::SentenceScan;
use std::ops::Range;

/// Nouns of events and reports that a relative clause without "that"
/// follows with its speaker's name ("an incident Hanoi says …").
const RELATIVE_HEADS: &[&str] = &[
    "incident",
    "attack",
    "strike",
    "claim",
    "report",
    "charge",
    "allegation",
    "accusation",
    "account",
    "move",
    "assertion",
    "raid",
    "operation",
];

impl SentenceScan<'_> {
    /// A source token range: trimmed of punctuation; `None` if empty or too
    /// long (over 12 words).
    pub(in crate::extract) fn source_range(&self, r: Range<usize>) -> Option<Range<usize>> {
        self.source_range_within(r, 12)
    }

    /// [`Self::source_range`] with at most `max_words` words: a source that
    /// its cue delimits ("according to …,") may be longer.
    pub(in crate::extract) fn source_range_within(
        &self,
        mut r: Range<usize>,
        max_words: usize,
    ) -> Option<Range<usize>> {
        // "Ah, friends once more: Ted Cruz": the name after a colon or dash.
        if let Some(k) = (r.start..r.end)
            .rev()
            .find(|&k| self.is_punct(k, &[":", "—", "–", "―", "-", "--"]))
        {
            r.start = k + 1;
        }
        // "On Monday the ministry", "Later on Tuesday the foreign ministry":
        // a time phrase fronted without a comma is no part of the name.
        if let Some(k) = self.after_fronted_time(r.clone()) {
            r.start = k;
        }
        // "…, an incident Hanoi says left three dead", "a report New Delhi
        // dismissed": the name of a relative clause without "that" speaks,
        // not the event or report it is about.
        if r.len() >= 3
            && matches!(self.word(r.start), "a" | "an" | "the")
            && RELATIVE_HEADS.contains(&self.word(r.start + 1))
            && self.capitalised_run(r.start + 2..r.end)
        {
            r.start += 2;
        }
        // "Sanders on Tuesday", "Trump, speaking to a group": the name
        // before a trailing adjunct or participle clause.
        if let Some(k) = (r.start + 1..r.end).find(|&k| {
            let lower = self.toks[k]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            // "office in Islamabad" keeps its place; "Sanders on Tuesday" loses its date.
            let place = k + 1 < r.end
                && self.toks[k + 1]
                    .text(self.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !self.in_class(k + 1, WordClass::ADJUNCT);
            // "Nine in 10 voters", "one in four": a share, not an adjunct.
            let number = |j: usize| {
                let w = self.word(j);
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        w,
                        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                    )
            };
            let share = self.word(k) == "in" && k + 1 < r.end && number(k - 1) && number(k + 1);
            // ("experts last year": a date.)
            let last = self.word(k) == "last" && k + 1 < r.end && self.in_class(k + 1, WordClass::TIME);
            (lower && (self.in_class(k, WordClass::AFTER_SOURCE) || last) && !place && !share)
                || (self.is_punct(k, &[","]) && k + 1 < r.end && self.word(k + 1).ends_with("ing"))
        }) {
            r.end = k;
        }
        // Leading connectives, auxiliaries and adverbs ("perhaps", "why
        // he", "has he") are not part of the name.
        let lead = |k: usize| {
            let w = self.word(k);
            let lower = self.toks[k]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            self.lex.is(WordClass::SOURCE_LEAD, w)
                || self.lex.is(WordClass::SOURCE_LEAD_ADVERB, w)
                || (lower && (self.lex.is(WordClass::AUX, w) || w.ends_with("ly")))
        };
        while r.start < r.end
            && ((!self.is_word(r.start) && !self.is_punct(r.start, &["“", "\""]))
                || (r.end - r.start > 1 && lead(r.start)))
        {
            r.start += 1;
        }
        while r.end > r.start && !self.is_word(r.end - 1) {
            // Keep the closing parenthesis of "Rep. Lynch (D-Mass.)".
            if self.is_punct(r.end - 1, &[")"]) && (r.start..r.end).any(|k| self.is_punct(k, &["("])) {
                break;
            }
            r.end -= 1;
        }
        // "Ethiopian officials, however, insisted", "Afghan officials, for
        // their part, said": an aside set off after the subject is no part
        // of it.
        if let Some(c) = (r.start + 1..r.end).rev().find(|&k| self.is_punct(k, &[","]))
            && c + 1 < r.end
            && (c + 1..r.end).all(|k| self.in_class(k, WordClass::ASIDE))
        {
            r.end = c;
        }
        // "Lynch (D-Mass.)": close the parenthesis the source opened.
        let open_paren = (r.start..r.end).rev().find(|&k| self.is_punct(k, &["(", ")"]));
        if open_paren.is_some_and(|k| self.is_punct(k, &["("]))
            && let Some(c) = (r.end..self.toks.len().min(r.end + 3)).find(|&k| self.is_punct(k, &[")"]))
        {
            r.end = c + 1;
        }
        let words = self.words_in(r.clone());
        // Words inside a quotation that is still open are not a source.
        let open_quote =
            (r.start..r.end).any(|k| self.is_punct(k, &["“"])) && !(r.start..r.end).any(|k| self.is_punct(k, &["”"]));
        // "In a statement posted on …": a prepositional phrase names no source.
        let preposition = r.start < r.end && self.in_class(r.start, WordClass::PREPOSITION);
        // "This team will review disputed …": a modal and its verb make a
        // clause, not a name.
        let modal_verb = (r.start..r.end.saturating_sub(1)).any(|k| {
            matches!(
                self.word(k),
                "will" | "would" | "could" | "should" | "can" | "may" | "might" | "must"
            ) && self.toks[k + 1].text(self.text).starts_with(char::is_lowercase)
        });
        (words > 0 && words <= max_words && !open_quote && !preposition && !modal_verb).then_some(r)
    }

    /// The source before a cue: from the clause start, cut at the last
    /// clause boundary when the subject is long.
    pub(in crate::extract) fn source_before(&self, cue_start: usize) -> Option<Range<usize>> {
        let Some(r) = self.source_before_any(cue_start) else {
            return self.name_after_fronted_phrase(cue_start);
        };
        // "Yesterday he", "Asked about it, she": a pronoun right before the
        // cue is the whole subject (not in "Smith and he").
        let last = r.end - 1;
        if r.len() > 1 && self.in_class(last, WordClass::PRONOUN) && !matches!(self.word(last - 1), "and" | "or") {
            return Some(last..r.end);
        }
        Some(r)
    }

    /// Where the words of `r` begin after a time phrase that opens it
    /// without a comma ("On Monday", "Later on Tuesday", "Early in March
    /// 2024"), when one does and words are left; None otherwise.
    fn after_fronted_time(&self, r: Range<usize>) -> Option<usize> {
        let timely = |k: usize| {
            self.in_class(k, WordClass::TIME)
                || self.word(k).starts_with(|c: char| c.is_ascii_digit())
                || (self.word(k) == "the" && k + 1 < r.end && self.in_class(k + 1, WordClass::TIME))
        };
        let end = (r.start..r.end).find(|&k| !timely(k))?;
        // A preposition alone ("In Kabul", "At the UN") names no time.
        let names_time = (r.start..end).any(|k| {
            self.in_class(k, WordClass::TIME)
                && !matches!(self.word(k), "on" | "in" | "at" | "during" | "this" | "last" | "next")
        });
        // (A comma after it, or a clause opened before it, is for the
        // callers that read commas and clauses.)
        let opens = r.start == 0 || !self.is_word(r.start - 1);
        (opens && names_time && end > r.start && self.is_word(end) && self.words_in(end..r.end) > 0).then_some(end)
    }

    /// [`Self::source_range`] of a subject right before its verb: the words
    /// after the last comma when there are any ("Reluctantly, Brafman",
    /// "Iowa, Rubio" after "In Cedar Rapids,", "Five years earlier,
    /// Bloomberg", "Trump, Sexton said, …"): what that comma ends is a
    /// fronted phrase or the content's own subject, never the speaker. (Not
    /// a list, "Smith, Jones and Brown"; "Zimmerman, 32" is a name and its
    /// age; an aside between commas is [`Self::source_range`]'s.)
    pub(in crate::extract) fn after_fronted_phrase(&self, r: Range<usize>) -> Option<Range<usize>> {
        let whole = || self.source_range(r.clone());
        let Some(c) = (r.start + 1..r.end).rev().find(|&k| self.is_punct(k, &[","])) else {
            return whole();
        };
        let after = c + 1..r.end;
        let words: Vec<usize> = after.clone().filter(|&k| self.is_word(k)).collect();
        if words.is_empty() {
            return whole();
        }
        if words
            .iter()
            .all(|&k| self.word(k).starts_with(|ch: char| ch.is_ascii_digit()))
        {
            return self.source_range(r.start..c).or_else(whole);
        }
        let lower = |k: usize| self.toks[k].text(self.text).starts_with(char::is_lowercase);
        let first = words[0];
        // Not a subject: "367,491 people", "Sept. 15, 2011", "the GOP
        // chairman, this past week", "…, said Sanders believes", "…, there is".
        let digit = |k: usize| self.word(k).starts_with(|ch: char| ch.is_ascii_digit());
        let no_subject = (digit(first) && digit(c - 1))
            || (words.len() <= 3 && self.in_class(first, WordClass::TIME))
            || (lower(first) && self.verb_like(self.word(first)))
            || self.word(first) == "there"
            || self.in_class(first, WordClass::ASIDE)
            || after.clone().any(|k| matches!(self.word(k), "and" | "or"));
        // Nor the end of one name: "Stacy Baker of Columbia, South
        // Carolina", "the snarky, anti-GOP headline", "color-coded, timed
        // tickets".
        let before: Vec<usize> = (r.start..c).filter(|&k| self.is_word(k)).collect();
        let place = (r.start..c)
            .rev()
            .find(|&k| !self.toks[k].text(self.text).starts_with(char::is_uppercase))
            .is_some_and(|k| matches!(self.word(k), "of" | "from"));
        let adjectives = before
            .iter()
            .filter(|&&k| !self.in_class(k, WordClass::DETERMINER))
            .count()
            == 1
            && before
                .iter()
                .all(|&k| lower(k) || self.in_class(k, WordClass::DETERMINER));
        let bracketed = (r.start..r.end).any(|k| self.is_punct(k, &["(", ")", "“", "”", "\""]));
        if no_subject || place || adjectives || bracketed {
            return whole();
        }
        self.source_range(after).or_else(whole)
    }

    /// "Here in Columbia, Sanders stepped up …", "Back in 1999, Mr. Trump
    /// expressed …": where the clause before `limit` starts past a fronted
    /// adverbial (a time, a place, an adverb, a participle) and its comma.
    fn past_fronted_adverbial(&self, limit: usize) -> usize {
        let s = self.clause_start(limit);
        let Some(c) = (s + 1..limit.min(s + 14)).find(|&k| self.is_punct(k, &[","])) else {
            return s;
        };
        let first = self.word(s);
        let adverbial = self.in_class(
            s,
            WordClass::PREPOSITION
                | WordClass::TIME
                | WordClass::CONNECTIVE
                | WordClass::ADJUNCT
                | WordClass::SOURCE_LEAD_ADVERB,
        ) || (first.len() > 4
            && (first.ends_with("ly") || first.ends_with("ing") || first.ends_with("ed")))
            || matches!(
                self.word(c - 1),
                "ago" | "later" | "earlier" | "afterward" | "afterwards"
            );
        let words_only = (s..c).all(|k| self.is_word(k) || self.is_punct(k, &["-", "'", "’", "."]));
        if adverbial && words_only && c + 1 < limit && self.is_word(c + 1) {
            c + 1
        } else {
            s
        }
    }

    /// "In a Bloomberg interview Trump declared": after a prepositional
    /// phrase fronted without a comma, the name or pronoun right before the
    /// cue, when a time word or a lower-case word of the phrase (not a
    /// determiner or a preposition) precedes it ("On Monday Trump said").
    pub(in crate::extract) fn name_after_fronted_phrase(&self, cue_start: usize) -> Option<Range<usize>> {
        let start = self.clause_start(cue_start);
        if start + 2 >= cue_start
            || !self.in_class(start, WordClass::PREPOSITION)
            || (start..cue_start).any(|k| !self.is_word(k))
        {
            return None;
        }
        let capital = |k: usize| self.toks[k].text(self.text).starts_with(char::is_uppercase);
        let mut b = cue_start - 1;
        if !self.in_class(b, WordClass::PRONOUN) {
            while b > start + 1 && capital(b - 1) && !self.in_class(b - 1, WordClass::TIME) {
                b -= 1;
            }
        }
        let before = self.word(b - 1);
        let ends_phrase = self.lex.is(WordClass::TIME, before)
            || (!capital(b - 1)
                && !self.lex.is(WordClass::DETERMINER, before)
                && !self.lex.is(WordClass::PREPOSITION, before));
        ((capital(b) || self.in_class(b, WordClass::PRONOUN)) && ends_phrase).then_some(b..cue_start)
    }

    /// The first token of a dash ("—", "–" or "--") that ends right before
    /// token `k`.
    pub(in crate::extract) fn dash_ending(&self, k: usize) -> Option<usize> {
        if k >= 1 && self.is_punct(k - 1, &["—", "–", "―"]) {
            return Some(k - 1);
        }
        (k >= 2 && self.is_punct(k - 1, &["-"]) && self.is_punct(k - 2, &["-"])).then(|| k - 2)
    }

    /// [`Self::source_before`] before a trailing pronoun is singled out.
    pub(in crate::extract) fn source_before_any(&self, cue_start: usize) -> Option<Range<usize>> {
        let start = self.clause_start(cue_start);
        if start >= cue_start {
            return None;
        }
        // "Kall -- co-editor of a book, out in May -- said", "Byrne — who
        // stood at the door — said": the subject and its appositive between
        // dashes, commas inside and all.
        if let Some(close) = self.dash_ending(cue_start)
            && let Some(open) = (start + 1..close)
                .rev()
                .find_map(|k| self.dash_ending(k + 1).filter(|&d| d > start))
            && let Some(subject) = self.source_range(start..open)
            && subject.end == open
            && self.words_in(subject.clone()) <= 6
        {
            return Some(subject.start..close);
        }
        // "a security official, who spoke on condition of anonymity, said":
        // the subject before the relative clause.
        if cue_start > 0
            && let Some(c) = self.relative_clause_before(cue_start - 1)
            && c > start
        {
            let from = (start..c)
                .rev()
                .find(|&k| self.is_punct(k, &[",", ";"]) || self.in_class(k, WordClass::BOUNDARY))
                .map_or(start, |k| k + 1);
            let r = self.source_range(from..c)?;
            return (self.words_in(r.clone()) <= 8).then_some(r);
        }
        // "The Taliban, which seized power in 2021, on Wednesday said": a
        // time adjunct between the comma and the cue.
        if let Some(c) = (start..cue_start).rev().find(|&k| self.is_punct(k, &[","]))
            && c + 1 < cue_start
            && c > start
            && (c + 1..cue_start)
                .all(|k| self.in_class(k, WordClass::TIME) || self.word(k).starts_with(|c: char| c.is_ascii_digit()))
        {
            return self.source_before_any(c + 1);
        }
        if self.words_in(start..cue_start) <= 8
            && !(start..cue_start).any(|k| self.in_class(k, WordClass::BOUNDARY) && k > start)
        {
            // A prepositional phrase fronted with no connective is no
            // source: "Despite the sheen, officials said" has its subject
            // after the comma. (Any other range that is no source, such as
            // an open quotation, has none.)
            match self.after_fronted_phrase(start..cue_start) {
                // "The town released a statement Wednesday saying …": a
                // participle's speaker is the subject of the verb before it
                // (a past form, no cue: "She said the tweets accusing …" is
                // a content).
                // ("Iran shoots down U.S. drone, says it …": a headline's
                // second verb has the first one's subject too.)
                Some(r) if self.word(cue_start).ends_with("ing") || self.is_punct(cue_start - 1, &[","]) => {
                    let finite = !self.word(cue_start).ends_with("ing");
                    // (A present verb has its object after it: "Ethiopian
                    // officials, however, insisted" has none.)
                    let present = |k: usize| {
                        finite && self.word(k).ends_with('s') && !self.word(k).ends_with("ss") && self.is_word(k + 1)
                    };
                    let verb = (r.start + 1..r.end)
                        .find(|&k| {
                            self.toks[k].text(self.text).starts_with(char::is_lowercase)
                                && (self.verb_like(self.word(k)) || present(k))
                        })
                        .filter(|&k| {
                            let w = self.word(k);
                            // ("The ELN issued a statement saying …": a cue
                            // whose object is the statement that speaks.)
                            let statement = matches!(self.word(k + 1), "a" | "an" | "the")
                                && matches!(
                                    self.word(k + 2),
                                    "statement" | "communique" | "communiqué" | "declaration"
                                );
                            (w.ends_with("ed") || self.in_class(k, WordClass::PAST) || present(k))
                                && (self.lex.cue(w).is_none() || statement)
                        });
                    return match verb.and_then(|v| self.subject(cue_start).filter(|s| s.end == v)) {
                        Some(s) => Some(s),
                        None => Some(r),
                    };
                }
                Some(r) => return Some(r),
                None if !self.in_class(start, WordClass::PREPOSITION) => return None,
                None => {}
            }
        }
        // A parenthesis closed right before the cue belongs to the name
        // ("Gov. Mike Pence (R-IN) said"), so the search starts before it.
        let from = if cue_start > 0
            && self.is_punct(cue_start - 1, &[")"])
            && let Some(open) = (start..cue_start - 1).rev().find(|&j| self.is_punct(j, &["(", ")"]))
            && self.is_punct(open, &["("])
        {
            open
        } else {
            cue_start
        };
        let cut = (start..from)
            .rev()
            .find(|&k| self.is_punct(k, &[",", ";", ":", "(", ")", "”", "\""]) || self.in_class(k, WordClass::BOUNDARY))
            .map_or(start, |k| k + 1);
        let cut = self.coordinated_subject(start, cut, cue_start);
        // "X, the Y (Z), had claimed": the subject before its appositive.
        if self.words_in(cut..cue_start) == 0
            && cue_start > 0
            && self.is_punct(cue_start - 1, &[","])
            && let Some(first) = (start..cue_start - 1).find(|&k| self.is_punct(k, &[","]))
        {
            // ("Sudan's representative to the International Court of
            // Justice, Muawia Osman, told judges": a long title, then the
            // name set off, which the mention keeps.)
            let name = first + 1..cue_start - 1;
            if (1..=4).contains(&self.words_in(name.clone())) && self.capitalised_run(name) {
                return self.source_range(start..cue_start - 1);
            }
            let r = self.source_range(start..first)?;
            return (self.words_in(r.clone()) <= 8).then_some(r);
        }
        let r = self.source_range(cut..cue_start)?;
        (self.words_in(r.clone()) <= 8).then_some(r)
    }

    /// "Trump and his attorneys have said", "he and Brafman had said": when
    /// the subject from `cut` follows "and" or "or", where the first of the
    /// two starts: a short name, pronoun or noun phrase with no verb, after
    /// the clause's start, a comma or a boundary word (not "Kabul said
    /// they crossed and Islamabad said").
    fn coordinated_subject(&self, start: usize, cut: usize, cue_start: usize) -> usize {
        if cut <= start + 1 || !matches!(self.word(cut - 1), "and" | "or") {
            return cut;
        }
        // ("Mr. Rubio and his advisers": the period of a title is no end.)
        let item_start = |end: usize| {
            (start..end)
                .rev()
                .find(|&k| (!self.is_word(k) && !self.is_punct(k, &["."])) || self.in_class(k, WordClass::BOUNDARY))
                .map_or(start, |k| k + 1)
        };
        let item = |from: usize, end: usize| {
            let words: Vec<usize> = (from..end).filter(|&k| self.is_word(k)).collect();
            let opens = words.first().is_some_and(|&k| {
                self.toks[k].text(self.text).starts_with(char::is_uppercase)
                    || self.in_class(k, WordClass::DETERMINER | WordClass::PRONOUN)
            });
            let verb = words
                .iter()
                .any(|&k| self.toks[k].text(self.text).starts_with(char::is_lowercase) && self.verb_like(self.word(k)));
            let preposition = words.iter().any(|&k| self.in_class(k, WordClass::PREPOSITION));
            opens && !verb && !preposition && (1..=4).contains(&words.len())
        };
        let mut from = item_start(cut - 1);
        if !item(from, cut - 1) || self.words_in(from..cue_start) > 8 {
            return cut;
        }
        // "The United States, France and Britain called on …": the items
        // before, each after a comma.
        while from > start + 1 && self.is_punct(from - 1, &[","]) {
            let before = item_start(from - 1);
            if !item(before, from - 1) || self.words_in(before..cue_start) > 8 {
                break;
            }
            from = before;
        }
        from
    }

    /// The subject at the start of the clause before `limit`: capitalised
    /// words, determiners and "of", or a pronoun ("It", "the Clinton
    /// campaign").
    pub(in crate::extract) fn subject(&self, limit: usize) -> Option<Range<usize>> {
        let s = self.past_fronted_adverbial(limit);
        let mut e = s;
        while e < limit && e < s + 8 {
            let w = self.word(e);
            if self.lex.is(WordClass::PRONOUN, w) {
                e += 1;
                break;
            }
            // The period of an abbreviated title or initial ("Mrs. Clinton",
            // "U.S. Rep.").
            if e > s
                && self.is_punct(e, &["."])
                && e + 1 < limit
                && self.toks[e + 1].text(self.text).starts_with(char::is_uppercase)
            {
                e += 1;
                continue;
            }
            let capital = self.toks[e]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if !(capital || self.lex.is(WordClass::DETERMINER, w) || w == "of") {
                break;
            }
            e += 1;
        }
        // "Several environmental groups granted …", "Two Democratic
        // speechwriters implored …": a quantifier opens the subject.
        if e == s && self.in_class(s, WordClass::QUANTIFIER) {
            e += 1;
        }
        let led = self.in_class(s, WordClass::QUANTIFIER);
        // "The mayor visited …", "Pakistan's military did …": a determiner's
        // or a possessive's noun, up to the verb (a word
        // in -ed, a cue, an auxiliary).
        // (Also past a name: "the Vermont senator", "The Trump campaign".)
        let opened = led || self.in_class(s, WordClass::DETERMINER);
        if e > s && (opened || self.in_class(e - 1, WordClass::DETERMINER) || self.word(e - 1).ends_with("'s")) {
            while e < limit && e < s + 8 && self.is_word(e) {
                let w = self.word(e);
                if self.verb_like(w) {
                    break;
                }
                e += 1;
            }
        }
        // "Gary Emineth, a former state party chairman, became a delegate
        // and said": a name and its appositive between commas.
        if e > s && e < limit && self.is_punct(e, &[","]) && self.capitalised_run(s..e) {
            let close = (e + 1..limit.min(e + 14))
                .take_while(|&k| self.is_word(k) || self.is_punct(k, &[",", "-", "'", "’", "."]))
                .find(|&k| self.is_punct(k, &[","]));
            if let Some(c) = close
                && c + 1 < limit
                && self.toks[c + 1].text(self.text).starts_with(char::is_lowercase)
                && !self.in_class(
                    c + 1,
                    WordClass::DETERMINER
                        | WordClass::PREPOSITION
                        | WordClass::BOUNDARY
                        | WordClass::CONNECTIVE
                        | WordClass::PRONOUN,
                )
            {
                return self.source_range(s..e);
            }
        }
        let next_is_word = e < limit && self.is_word(e);
        if next_is_word { self.source_range(s..e) } else { None }
    }

    /// "Citing an unfounded theory, Trump said …", "Bemoaning the system,
    /// Trump accused …": the participle at `i` opens the sentence; its
    /// object up to the comma is the content and the subject after the
    /// comma (up to its verb) the source. Not "Speaking to reporters, …":
    /// the object may not open with a preposition. Returns the cue's end,
    /// the source and the content's tokens.
    pub(in crate::extract) fn fronted_participle(&self, i: usize) -> Option<(usize, Range<usize>, Range<usize>)> {
        let n = self.toks.len();
        let ce = self.cue_end(i);
        if ce >= n || !self.is_word(ce) || self.in_class(ce, WordClass::PREPOSITION) {
            return None;
        }
        let comma = (ce..n.min(ce + 30)).find(|&k| self.is_punct(k, &[",", ";", ":"]))?;
        if !self.is_punct(comma, &[","]) || self.words_in(ce..comma) < 2 {
            return None;
        }
        let verb = (comma + 2..n.min(comma + 10)).find(|&k| self.verb_like(self.word(k)))?;
        let src = self.source_range(comma + 1..verb)?;
        (self.words_in(src.clone()) <= 6).then_some((ce, src, ce..comma))
    }

    /// The name that ends right before `end`: capitalised words, "of",
    /// "the" and a parenthesised abbreviation ("the Balochistan Liberation
    /// Army (BLA)"); else a noun phrase opened by a determiner ("the Saudi
    /// government").
    pub(in crate::extract) fn name_before(&self, end: usize) -> Option<Range<usize>> {
        let mut start = end;
        while start > 0 && end - start < 12 {
            let k = start - 1;
            let capital = self.toks[k].text(self.text).starts_with(char::is_uppercase);
            if !(capital || self.is_punct(k, &["(", ")"]) || matches!(self.word(k), "of" | "the")) {
                break;
            }
            start = k;
        }
        while start < end && self.word(start) == "of" {
            start += 1;
        }
        let named = (start..end).any(|k| self.toks[k].text(self.text).starts_with(char::is_uppercase));
        if named {
            return self.source_range(start..end);
        }
        // "the Saudi government, which …", "the ministry, which …": a noun
        // phrase opened by a determiner.
        let det = (end.saturating_sub(6)..end)
            .rev()
            .take_while(|&k| {
                self.is_word(k) && !self.in_class(k, WordClass::PREPOSITION) && !self.verb_like(self.word(k))
            })
            .find(|&k| self.in_class(k, WordClass::DETERMINER) && self.word(k) != "that" && k + 1 < end)?;
        self.source_range(det..end)
    }

    /// The comma that opens a relative clause (", who …", ", which …")
    /// closed by the comma at `comma`.
    pub(in crate::extract) fn relative_clause_before(&self, comma: usize) -> Option<usize> {
        if !self.is_punct(comma, &[","]) {
            return None;
        }
        (1..comma)
            .rev()
            .take(40)
            .find(|&k| self.is_punct(k, &[","]) && matches!(self.word(k + 1), "who" | "which" | "whose"))
    }

    /// The possessor before a noun cue at `cs` ("Pakistan's claim", "the
    /// ministry's assertion"): the words before "'s" that name it. Not a
    /// pronoun's "'s" ("he's said"), which is "is" or "has".
    /// The name before a noun cue that a verb or preposition precedes
    /// ("rejected Taliban claims of …", "by Kabul allegations that …"):
    /// it owns the noun. (At a clause's start the cue may be the verb:
    /// "The Taliban claims that …".)
    pub(in crate::extract) fn name_owning(&self, cs: usize) -> Option<Range<usize>> {
        let capital = |k: usize| self.toks[k].text(self.text).starts_with(char::is_uppercase);
        let mut start = cs;
        while start > 0 && self.is_word(start - 1) && capital(start - 1) && cs - start < 4 {
            start -= 1;
        }
        let before = start.checked_sub(1)?;
        let lower_word = self.is_word(before)
            && !capital(before)
            && !self.in_class(before, WordClass::DETERMINER)
            && !self.lex.is(WordClass::PRONOUN, self.word(before));
        (start < cs && lower_word)
            .then(|| self.source_range(start..cs))
            .flatten()
    }

    pub(in crate::extract) fn possessor(&self, cs: usize) -> Option<Range<usize>> {
        let owner = self.word(cs.checked_sub(1)?).strip_suffix("'s")?;
        if owner.is_empty()
            || self.lex.is(WordClass::PRONOUN, owner)
            || matches!(owner, "that" | "there" | "what" | "who")
        {
            return None;
        }
        let mut start = cs - 1;
        while start > 0 {
            let w = self.toks[start - 1].text(self.text);
            if !(w.starts_with(char::is_uppercase) || self.in_class(start - 1, WordClass::DETERMINER)) {
                break;
            }
            start -= 1;
        }
        self.source_range(start..cs)
    }
}
