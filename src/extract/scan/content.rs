//! Where a content starts and ends: clauses, objects, quotations that
//! open before the sentence or resume after the cue.

use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::{Attribution, QUOTE_LOOKBACK};
use crate::extract::scan::SentenceScan;
use crate::text;
use std::ops::Range;

impl SentenceScan<'_> {
    /// Token index where the sentence's own words start: after a dateline
    /// ("KABUL, AFGHANISTAN —", "Kabul:") and leading connectives ("But",
    /// "In a separate development,").
    pub(in crate::extract) fn clause_start(&self, limit: usize) -> usize {
        // "Taliban say A; Islamabad says B": a semicolon starts a clause.
        let mut s = (0..limit)
            .rev()
            .find(|&k| self.is_punct(k, &[";"]))
            .map_or(0, |k| k + 1);
        // Dateline: capitalised words then ":" or a dash, within five tokens;
        // "YEREVAN, Sept 14 (Reuters) -": a place, a date and an agency.
        // ("NEW DELHI (AP) -", "NEW DELHI, Dec 13 (Reuters) -": a place of
        // two words, or in capitals without a comma.)
        let capitals = |j: usize| {
            let w = self.toks[j].text(self.text);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
        };
        let placed =
            limit > 4 && self.is_word(0) && (self.is_punct(1, &[","]) || self.is_punct(2, &[","]) || capitals(0));
        let agency = placed
            .then(|| {
                (3..limit.min(12)).find(|&k| {
                    self.is_punct(k, &["-", "—", "–"])
                        && self.is_punct(k - 1, &[")"])
                        && self.is_punct(k - 3, &["("])
                        && (0..k).all(|j| {
                            !self.is_word(j)
                                || self.toks[j]
                                    .text(self.text)
                                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        })
                })
            })
            .flatten();
        if let Some(k) = agency {
            s = s.max(k + 1);
        } else if let Some(k) = (0..limit.min(6))
            .find(|&k| self.is_punct(k, &[":", "—", "–"]) || k + 2 <= limit && self.dash_ending(k + 2) == Some(k))
        {
            // ("Manila, Philippines -- Manila summoned": "--" is two tokens.)
            let end = if self.is_punct(k, &["-"]) { k + 1 } else { k };
            // ("MANILA (Reuters) –": an agency in brackets; "ISLAMABAD, Jan
            // 17 —": a date.)
            let all_names = (0..k).all(|j| {
                self.is_punct(j, &[",", "(", ")"])
                    || self.toks[j]
                        .text(self.text)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
            // ("Byrne — who stood at the door — said" is no dateline: a
            // lower-case word after the dash and a second dash.)
            let appositive = !self.is_punct(k, &[":"])
                && end + 1 < limit
                && self.toks[end + 1].text(self.text).starts_with(char::is_lowercase)
                && (end + 1..limit)
                    .any(|j| self.is_punct(j, &["—", "–"]) || j + 2 <= limit && self.dash_ending(j + 2) == Some(j));
            if k > 0 && all_names && !appositive {
                s = s.max(end + 1);
            }
        }
        loop {
            let before = s;
            if s < limit && self.in_class(s, WordClass::LEAD) {
                s += 1;
                if s < limit && self.is_punct(s, &[","]) {
                    s += 1;
                }
            }
            // A fronted phrase up to its comma: seven tokens, twelve after a
            // preposition ("In a widely read column in the day before the
            // debate, …"), never over a quotation mark.
            let reach = if s < limit && self.in_class(s, WordClass::PREPOSITION) {
                12
            } else {
                7
            };
            // ("Citing a theory, Trump said …", "Contradicting this, the
            // military reported …": a participle opening the sentence is a
            // fronted phrase too; not "Beijing, which …".)
            let participle = s + 1 < limit
                && self.word(s).ends_with("ing")
                && self.is_word(s + 1)
                && (0..s).all(|k| !self.is_word(k));
            // ("At least 39 people, including four children, were killed":
            // a quantity, not a fronted "at".)
            let quantity = s + 1 < limit && self.word(s) == "at" && matches!(self.word(s + 1), "least" | "most");
            if s < limit
                && (self.in_class(s, WordClass::CONNECTIVE) || participle)
                && !quantity
                && let Some(c) = (s + 1..limit.min(s + reach))
                    .take_while(|&k| !self.is_punct(k, &["“", "”", "\""]))
                    .find(|&k| self.is_punct(k, &[","]))
            {
                s = c + 1;
            }
            if s == before {
                return s;
            }
        }
    }

    /// Content after a cue: skips an object before "that" ("told Dawn.com
    /// last month that …") and ends before a trailing clause that belongs to
    /// another attribution ("…, a claim that …", "…, maintaining that …").
    pub(in crate::extract) fn content_after(&self, from: usize) -> Range<usize> {
        let n = self.toks.len();
        // ("said, citing the ministry of defence, that …", "said, in a
        // statement carried by TASS, that …": an aside between commas.)
        if from < n
            && self.is_punct(from, &[","])
            && let Some(close) = (from + 1..n.min(from + 16)).find(|&k| !self.is_word(k))
            && close > from + 1
            && self.is_punct(close, &[","])
            && self.low.get(close + 1).is_some_and(|&w| w == "that")
            && (from + 1..close).all(|k| !self.in_class(k, WordClass::FINITE))
        {
            return self.content_after(close + 1);
        }
        let mut s = from;
        let verb_after_and = |k: usize| {
            matches!(self.word(k), "and" | "but")
                && self
                    .low
                    .get(k + 1)
                    .is_some_and(|w| self.lex.cue(w).is_some() || self.lex.is(WordClass::FINITE, w))
        };
        // ("said in a statement carried by state news agency KCNA that …":
        // an adjunct may run longer before "that".)
        let reach = if from < n && self.in_class(from, WordClass::PREPOSITION) {
            13
        } else {
            9
        };
        let window = (from..n.min(from + reach))
            .find(|&k| self.word(k) == "that" || self.is_punct(k, &[",", ";"]) || verb_after_and(k));
        // ("told reporters the attack showed that …": a verb before "that"
        // makes the clause the content.)
        // ("said he's unconvinced that …": a subject pronoun opens the
        // content's own clause.)
        let subject_pronoun = from < n && matches!(self.word(from), "he" | "she" | "they" | "we" | "i");
        // ("urged both sides to refrain from actions that could …": after
        // an object and an infinitive, "that" opens a relative clause of
        // the infinitive's object; "said in a letter to lawmakers that …"
        // opens with an adjunct and its "to" is a preposition.)
        let infinitive = |k: usize| {
            from < n
                && !self.in_class(from, WordClass::ADJUNCT)
                && (from + 1..k).any(|j| {
                    self.word(j) == "to"
                        && self.is_word(j + 1)
                        && self.toks[j + 1].text(self.text).starts_with(char::is_lowercase)
                        && !self.in_class(j + 1, WordClass::DETERMINER)
                        && !self.in_class(j + 1, WordClass::ADDRESSEE)
                })
        };
        // ("blamed Serbia for an explosion that damaged a canal", "rejected
        // an agreement that will give …": a noun's relative clause, whose
        // "that" a verb follows, not a subject.)
        let relative = |k: usize| {
            k > from
                && k + 1 < n
                && self.toks[k + 1].text(self.text).starts_with(char::is_lowercase)
                && (self.in_class(k + 1, WordClass::FINITE)
                    || self.in_class(k + 1, WordClass::PAST)
                    || self.word(k + 1).ends_with("ed"))
        };
        // ("said in a statement that was posted online that …": the clause
        // after the relative one.)
        let (window, before_that) = match window {
            Some(k) if self.word(k) == "that" && relative(k) => (
                (k + 1..n.min(from + reach + 4))
                    .find(|&j| self.word(j) == "that" || self.is_punct(j, &[",", ";"]) || verb_after_and(j))
                    .filter(|&j| self.word(j) == "that" && !relative(j)),
                k,
            ),
            w => (w, w.unwrap_or(from)),
        };
        if let Some(k) = window
            && self.word(k) == "that"
            && !subject_pronoun
            && !infinitive(k)
            && (from..before_that)
                .all(|j| !self.in_class(j, WordClass::FINITE) && self.cues[j].is_none_or(|c| c.learned.is_some()))
        {
            s = k + 1;
        }
        if s < n && self.is_punct(s, &[":", ","]) {
            s += 1;
        }
        // ("said on Wednesday it had flown …": when it was said.)
        if s == from && s < n {
            let day = |k: usize| k < n && text::TIME_WORDS.contains(&self.word(k));
            let skip = if self.word(s) == "on" && day(s + 1) {
                2
            } else {
                usize::from(day(s))
            };
            if skip > 0 && self.words_in(s + skip..n) >= 3 && !self.is_punct(s + skip, &[",", "."]) {
                s += skip;
            }
        }
        // "said, adding that …": the participle starts another attribution.
        if s < n && self.word(s).ends_with("ing") && self.cues[s].is_some() {
            return s..s;
        }
        let reviewed_cue_after = |k: usize| (k..n).any(|j| self.cues[j].is_some_and(|c| c.learned.is_none()));
        let mut e = n;
        for k in s..n {
            // "said A, and vowed to B", "say A; Islamabad says B": the next
            // verb or clause is an attribution of its own ("agreed, but
            // also contended …": nothing is left).
            let reviewed_verb = |j: usize| {
                self.lex
                    .cue(self.word(j))
                    .is_some_and(|c| c.learned.is_none() && !c.noun)
                    && !self.word(j).ends_with("ing")
            };
            // (Adverbs may come between: "…, but also contended …".)
            let verb_after = || {
                (k + 1..n.min(k + 4))
                    .find(|&j| !self.in_class(j, WordClass::AUX) || self.in_class(j, WordClass::FINITE))
                    .is_some_and(reviewed_verb)
            };
            if matches!(self.word(k), "and" | "but") && verb_after() && !self.shares_auxiliary(k) {
                e = if k > s && self.is_punct(k - 1, &[","]) {
                    k - 1
                } else {
                    k
                };
                break;
            }
            if k == s {
                continue;
            }
            // "Kabul's claim that A was rejected by Islamabad": the passive
            // denial is no part of the claim.
            if matches!(self.word(k), "was" | "were")
                && k + 2 < n
                && self.cues[k + 1].is_some_and(|c| c.stance == Stance::Denies)
                && self.word(k + 2) == "by"
            {
                e = k;
                break;
            }
            // "it lost 50 troops after Yerevan said that …": a temporal
            // clause that reports another speaker is the narrator's, not
            // part of the claim.
            // ("…, but the U.S. military and the ship's operator said …": a
            // contrast that reports another speaker, its subject longer.)
            let contrast = self.word(k) == "but" && self.is_punct(k - 1, &[","]);
            if (matches!(self.word(k), "after" | "before" | "as" | "while" | "whereas") || contrast)
                && (k + 2..n.min(k + if contrast { 12 } else { 7 }))
                    .take_while(|&j| !self.is_punct(j, &[",", ";", "“", "\""]))
                    .any(reviewed_verb)
            {
                e = k;
                break;
            }
            let capital_after = k + 1 < n && self.toks[k + 1].text(self.text).starts_with(char::is_uppercase);
            if self.is_punct(k, &[";"]) && (reviewed_cue_after(k + 1) || capital_after) {
                e = k;
                break;
            }
            // "…, saying: “…”": a participle that opens a quotation
            // speaks of its own, comma or not.
            if self.word(k).ends_with("ing") && self.cues[k].is_some() && k + 1 < n && self.is_punct(k + 1, &[":"]) {
                e = k;
                break;
            }
            if self.is_punct(k, &[",", "–", "—", ";"]) && k + 1 < n {
                let w = self.word(k + 1);
                // ("“… lawful,” adding that …": the quotation closes after
                // the comma; the content keeps its closing mark.)
                let closed = k + 2 < n && self.is_punct(k + 1, &["”", "\""]);
                if closed && self.word(k + 2).ends_with("ing") && self.cues[k + 2].is_some() {
                    e = k + 2;
                    break;
                }
                // ("…, a claim Islamabad denies", "…, a finding the group
                // rejects"; not "…, a report by the UN".)
                let pointer = self.lex.is(WordClass::DETERMINER, w)
                    && (k + 2 < n
                        && self.in_class(k + 2, WordClass::POINTER)
                        && !matches!(
                            self.word(k + 2),
                            "report"
                                | "reports"
                                | "statement"
                                | "statements"
                                | "remarks"
                                | "suggestion"
                                | "suggestions"
                        )
                        && !self.in_class(k + 2, WordClass::DETERMINER)
                        && !self.in_class(k + 2, WordClass::PRONOUN));
                // "…, charges Ukraine rejects": a bare accusation noun and a denial.
                let denied_charge = self.lex.is(WordClass::ACCUSATION, w)
                    && (k + 2..n.min(k + 6)).any(|j| self.cues[j].is_some_and(|c| c.stance == Stance::Denies));
                let pointer = pointer || denied_charge;
                // (", terming the reports false", ", labelling them …": a
                // participle that names what was said is no part of it.)
                let participle = (w.ends_with("ing") && self.lex.cue(w).is_some()) || self.lex.is(WordClass::NAMING, w);
                // "…, while Kabul insists …": another speaker's clause.
                let contrast = matches!(w, "while" | "whereas") && reviewed_cue_after(k + 2);
                // "…, which local authorities said had killed 39 people": a
                // relative clause that reports another speaker.
                let relative = matches!(w, "which" | "who" | "where")
                    && (k + 3..n.min(k + 8))
                        .take_while(|&j| !self.is_punct(j, &[",", ";", "“", "\""]))
                        .any(reviewed_verb);
                // "…, a day after Maduro ordered …", "…, hours before the
                // vote": when the narrator places the claim in time.
                let unit = |j: usize| {
                    j < n
                        && matches!(
                            self.word(j),
                            "day"
                                | "days"
                                | "hours"
                                | "hour"
                                | "week"
                                | "weeks"
                                | "month"
                                | "months"
                                | "shortly"
                                | "soon"
                                | "moments"
                        )
                };
                let before_after = |j: usize| j < n && matches!(self.word(j), "after" | "before");
                let timed = (unit(k + 1) && before_after(k + 2)) || (unit(k + 2) && before_after(k + 3));
                if pointer || participle || contrast || relative || timed {
                    e = k;
                    break;
                }
            }
        }
        s..e
    }

    /// Whether the comma at `comma` closes a participle set off after the
    /// subject: "A Chinese spokesman, asked about the transit at a
    /// briefing, said China …" (the subject speaks; what follows the cue
    /// is the content).
    pub(in crate::extract) fn participle_set_off(&self, comma: usize) -> bool {
        (self.clause_start(comma)..comma)
            .rev()
            .find(|&k| self.is_punct(k, &[","]))
            .is_some_and(|p| {
                p + 1 < comma
                    && matches!(
                        self.word(p + 1),
                        "asked" | "speaking" | "responding" | "writing" | "addressing"
                    )
            })
    }

    /// Whether the verb after "and" at `and` is a second participle of the
    /// auxiliary before it ("said it had tracked and warned away a
    /// destroyer"): part of the content, not the speaker's next verb.
    pub(in crate::extract) fn shares_auxiliary(&self, and: usize) -> bool {
        let have = |k: usize| matches!(self.word(k), "had" | "has" | "have");
        and >= 2
            && {
                let w = self.word(and - 1);
                w.ends_with("ed") || self.in_class(and - 1, WordClass::PAST)
            }
            && (have(and - 2) || (and >= 3 && have(and - 3) && self.in_class(and - 2, WordClass::AUX)))
    }

    /// The byte range of a content token range, trimmed of punctuation and
    /// outer quote marks; extended back to the opening quote when the
    /// quotation began in an earlier sentence. Returns (range, quoted).
    pub(in crate::extract) fn content_bytes(&self, r: Range<usize>) -> Option<(Range<usize>, bool)> {
        if self.words_in(r.clone()) < 2 {
            return None;
        }
        let b = self.span(r);
        let mut s = b.start;
        let mut e = b.end;
        let t = self.text;
        // Trailing punctuation.
        loop {
            let tail = &t[s..e];
            let trimmed = tail.trim_end_matches(['.', ',', ';', ':', ' ']);
            if trimmed.len() == tail.len() {
                break;
            }
            e = s + trimmed.len();
        }
        let close = t[s..e].ends_with(['”', '"']);
        if close {
            let opens = t[s..e].matches(['“']).count();
            let closes = t[s..e].matches(['”']).count();
            let straight = t[s..e].matches('"').count();
            let unbalanced = closes > opens || straight % 2 == 1;
            if unbalanced {
                // Look back a bounded distance, so that a huge paragraph
                // full of stray quote marks stays linear to scan.
                let mut from = s.saturating_sub(QUOTE_LOOKBACK).max(self.para.start);
                while !t.is_char_boundary(from) {
                    from += 1;
                }
                let region = &t[from..s];
                if let Some(q) = region.rfind(['“', '"']) {
                    s = from + q;
                }
            }
        }
        // Outer quote marks: the whole content is a quotation.
        let inner = &t[s..e];
        let opens = inner.starts_with(['“', '"']);
        let closes = inner.ends_with(['”', '"']);
        let mut quoted = false;
        if opens && closes && inner.chars().count() > 2 {
            let body = &inner[inner.chars().next().map_or(0, char::len_utf8)
                ..inner.len() - inner.chars().last().map_or(0, char::len_utf8)];
            if !body.contains(['“', '”', '"']) {
                s += inner.chars().next().map_or(0, char::len_utf8);
                e -= inner.chars().last().map_or(0, char::len_utf8);
                quoted = true;
                let body = &t[s..e];
                e = s + body.trim_end_matches(['.', ',', ';', ':', ' ']).len();
                s += body.len() - body.trim_start().len();
            }
        }
        (e > s).then_some((s..e, quoted))
    }

    /// The quotation that ends the sentence before this one in its
    /// paragraph ("“… emails.”"), without its marks.
    pub(in crate::extract) fn quotation_before_sentence(&self) -> Option<(Range<usize>, bool)> {
        let start = self.toks.first()?.start;
        let before = self.text.get(self.para.start..start)?.trim_end();
        let close = before.strip_suffix(['”', '"'])?;
        if !close.ends_with(['.', '!', '?']) {
            return None;
        }
        let open = close.rfind(['“', '"'])?;
        let from = self.para.start + open;
        self.quote_trimmed(from..self.para.start + close.len())
    }

    /// The byte range of the paragraph after this sentence's paragraph.
    pub(in crate::extract) fn next_paragraph(&self) -> Option<Range<usize>> {
        let rest = &self.text[self.para.end..];
        let line = rest
            .split_inclusive('\n')
            .find(|l| !l.trim().is_empty() && l.trim() != "\"")?;
        let at = self.para.end + (line.as_ptr() as usize - rest.as_ptr() as usize);
        text::trim_range(self.text, at..at + line.len())
    }

    /// A byte range trimmed of trailing punctuation and outer quote marks.
    pub(in crate::extract) fn quote_trimmed(&self, r: Range<usize>) -> Option<(Range<usize>, bool)> {
        let t = &self.text[r.clone()];
        let start_trim = t.len() - t.trim_start_matches(['“', '"', '”', ' ']).len();
        let body = t
            .trim_start_matches(['“', '"', '”', ' '])
            .trim_end_matches(['”', '"', '.', ',', ' ']);
        let quoted = start_trim > 0;
        (body.split_whitespace().count() >= 2)
            .then(|| (r.start + start_trim..r.start + start_trim + body.len(), quoted))
    }

    /// Whether the content of the cue at `i` comes before it, with the
    /// source between the boundary `q` (a comma or closing quote) and the
    /// cue: nothing or an adjunct follows the cue ("on Wednesday", "in a
    /// statement", ", adding …"), or a quotation closes right before the
    /// source.
    pub(in crate::extract) fn content_first(&self, q: usize, i: usize, lemma: &str) -> bool {
        let n = self.toks.len();
        // ("A, B and C called on Rwanda to withdraw": the appeal's content
        // follows it.)
        if self.appeal(i) {
            return false;
        }
        if self.is_punct(q, &[","]) && self.participle_set_off(q) {
            return false;
        }
        let tail_words = self.words_in(i + 1..n);
        let quote_closes = self.is_punct(q, &["”", "\""]) && self.quotation_opens_clause(q);
        // "the announcer said, “It’s 3 a.m. …”": a quotation after the cue is its content.
        if !quote_closes && i + 2 < n && self.is_punct(i + 1, &[",", ":"]) && self.is_punct(i + 2, &["“", "\""]) {
            return false;
        }
        // "During his years in office, Mr. Obama said, a majority …": a
        // fronted phrase, then the cue's clause after the comma.
        if !quote_closes
            && i + 2 < n
            && self.is_punct(i + 1, &[","])
            && self.in_class(self.clause_start(q), WordClass::PREPOSITION)
            && !self.word(i + 2).ends_with("ing")
            && !self.in_class(i + 2, WordClass::ADJUNCT)
            && self.words_in(i + 2..n) >= 4
        {
            return false;
        }
        if tail_words == 0 || (i + 1 < n && self.is_punct(i + 1, &[",", "("])) {
            return true;
        }
        let first_word = (i + 1..n).find(|&k| self.is_word(k)).map_or("", |k| self.word(k));
        if first_word == "that" {
            return false;
        }
        if quote_closes {
            return true;
        }
        // "lawmakers said Friday afternoon, as they …": a short adjunct, then a comma.
        if let Some(c) = (i + 1..n.min(i + 6)).find(|&k| self.is_punct(k, &[","]))
            && self.lex.is(WordClass::ADJUNCT, first_word)
            && (i + 1..c).all(|k| self.word(k) != "that")
            && !(c + 1 < n && self.is_punct(c + 1, &["“", "\""]))
        {
            return true;
        }
        // "…, she told reporters in Moscow, adding that …", "…, a spokesman
        // said in a statement posted on its website, calling …": the
        // addressee or an adjunct up to a comma, then a participle's clause.
        let from = if lemma == "tell" && i + 1 < n && self.in_class(i + 1, WordClass::ADDRESSEE) {
            i + 2
        } else {
            i + 1
        };
        // ("…, the ministry said in a statement posted on its website.",
        // "…, the ministry told state news agency RIA Novosti.": the same,
        // up to the sentence's end.)
        let at_end = |c: usize| (c..n).all(|k| self.is_punct(k, &[".", "!", "?", "”", "\"", "'", "’"]));
        let stop = (from..n.min(i + 14))
            .find(|&k| !self.is_word(k))
            .or((n <= i + 14).then_some(n));
        // (Only a verb of speech, and a place or occasion after it: "has
        // vowed to bring back jobs." is no content first.)
        let occasion = from < n && matches!(self.word(from), "in" | "on" | "at" | "during" | "via" | "through");
        let speech = matches!(
            lemma,
            "say" | "tell" | "add" | "state" | "write" | "report" | "announce"
        );
        if let Some(c) = stop
            && (i + 1..c).all(|k| self.word(k) != "that" && !self.in_class(k, WordClass::FINITE))
            && ((from == c || self.in_class(from, WordClass::ADJUNCT))
                && c + 1 < n
                && self.is_punct(c, &[","])
                && self.word(c + 1).ends_with("ing")
                || speech && at_end(c) && (occasion || lemma == "tell" && self.told_outlet(i + 1..c)))
        {
            return true;
        }
        if (i + 1..n).any(|k| self.word(k) == "that") || tail_words > 6 {
            return false;
        }
        self.lex.is(WordClass::ADJUNCT, first_word) || (lemma == "tell" && tail_words <= 3)
    }

    /// Whether `r`, after "told", is the one told and nothing else: a few
    /// words naming reporters or an outlet ("Reuters", "state news agency
    /// RIA Novosti"), not a clause ("his subordinates never to speak …").
    fn told_outlet(&self, r: Range<usize>) -> bool {
        let first = r.start;
        r.end > first
            && self.words_in(r) <= 6
            && (self.in_class(first, WordClass::ADDRESSEE)
                || self.toks[first].text(self.text).starts_with(char::is_uppercase)
                || matches!(self.word(first), "state" | "the" | "a" | "an"))
    }

    /// A quotation of one word ("“That,”") as quoted content.
    pub(in crate::extract) fn opening_word(&self, r: Range<usize>) -> Option<(Range<usize>, bool)> {
        if self.words_in(r.clone()) != 1 || !self.is_punct(r.start, &["“", "\""]) {
            return None;
        }
        let k = (r.start..r.end).find(|&k| self.is_word(k))?;
        Some((self.toks[k].start..self.toks[k].end, true))
    }

    /// Whether the quotation closed at token `q` opened at the start of its
    /// clause ("“…,” said X"), not inside it ("on “Fox News Sunday,” X said").
    pub(in crate::extract) fn quotation_opens_clause(&self, q: usize) -> bool {
        let Some(open) = (0..q).rev().find(|&k| self.is_punct(k, &["“", "\""])) else {
            // The quotation opened in an earlier sentence.
            return true;
        };
        (self.clause_start(open)..open).all(|k| !self.is_word(k))
    }

    /// A quotation that resumes after the cue ("“A,” he said. “B.”", "“A,”
    /// he said, “B.”"): the next quotation, when it starts right after token
    /// `from` (only punctuation between) and ends its paragraph or a
    /// sentence, becomes more content of the last attribution.
    pub(in crate::extract) fn resume_quote(&self, from: usize, out: &mut [Attribution]) {
        if let Some(r) = self.quote_resumed(from)
            && let Some(last) = out.last_mut()
        {
            last.more.push(r);
        }
    }

    /// The quotation that resumes after token `from` (past commas and
    /// periods) and ends its paragraph or a sentence of its own.
    pub(in crate::extract) fn quote_resumed(&self, from: usize) -> Option<Range<usize>> {
        let t = self.text;
        let start = self
            .toks
            .get(from)
            .map_or_else(|| self.toks.last().map_or(0, |k| k.end), |k| k.start);
        if start >= self.para.end {
            return None;
        }
        let region = &t[start..self.para.end];
        let lead = region.len() - region.trim_start_matches([',', '.', ';', ':', ' ']).len();
        let rest = &region[lead..];
        let (open, close) = match rest.chars().next() {
            Some('“') => ('“', '”'),
            Some('"') => ('"', '"'),
            _ => return None,
        };
        let body_start = start + lead + open.len_utf8();
        // (Within a sentence's length: an unclosed quotation in a long
        // paragraph is not searched to its end from every cue.)
        let mut limit = self.para.end.min(body_start + crate::text::MAX_SENTENCE_BYTES);
        while !t.is_char_boundary(limit) {
            limit -= 1;
        }
        let end = t[body_start..limit].find(close)?;
        let after = t[body_start + end + close.len_utf8()..self.para.end].trim();
        let body = &t[body_start..body_start + end];
        // The quotation ends its paragraph or a sentence of its own: not the
        // content of a following "…,” she said".
        let ends_sentence = body.trim_end().ends_with(['.', '!', '?']);
        if !(after.chars().all(|c| matches!(c, '.' | ',' | ';')) || ends_sentence) {
            return None;
        }
        if body.contains(open) || body.split_whitespace().count() < 2 {
            return None;
        }
        Some(body_start..body_start + body.trim_end_matches(['.', ',', ';', ':', ' ']).len())
    }

    /// Where the content of "told" starts after its addressee ("told
    /// reporters there had been …", "told Dawn the talks …", "told the BBC
    /// it …"); `from` when no addressee is there or "that" follows it (which
    /// `content_after` skips itself).
    pub(in crate::extract) fn after_addressee(&self, from: usize) -> usize {
        let n = self.toks.len();
        let capital = |k: usize| self.toks[k].text(self.text).starts_with(char::is_uppercase);
        let mut k = from;
        if k < n && self.in_class(k, WordClass::ADDRESSEE) {
            k += 1;
        } else {
            if k < n && self.word(k) == "the" {
                k += 1;
            }
            let run = k;
            while k < n && capital(k) {
                k += 1;
            }
            if k == run {
                return from;
            }
        }
        // ("told reporters on Friday: “…”": a colon opens the content.)
        if let Some(colon) = (k..n.min(k + 4)).find(|&j| !self.in_class(j, WordClass::TIME))
            && self.is_punct(colon, &[":"])
        {
            return colon;
        }
        let clause = k < n && self.is_word(k) && !matches!(self.word(k), "to" | "of" | "about" | "that" | "in" | "on");
        if clause && self.words_in(k..n) >= 3 { k } else { from }
    }

    /// The content after a cue ending at `from`, up to the end of its object
    /// ([`Self::content_after`], [`Self::object_end`]), as token range.
    pub(in crate::extract) fn object_range(&self, from: usize) -> Range<usize> {
        let mut range = self.content_after(from);
        range.end = self.object_end(range.clone());
        range
    }

    /// Where the object of a cue that takes a noun phrase ends ("likened RT
    /// to the BBC, which receives …", "invoked the rising seas to thrill …",
    /// "declined that assignment and has since left"): before a clause that
    /// follows it. A clause (after "that", a quotation, a
    /// finite verb) is kept whole.
    pub(in crate::extract) fn object_end(&self, r: Range<usize>) -> usize {
        if r.is_empty() || self.word(r.start) == "that" || self.is_punct(r.start, &["“", "\"", ":"]) {
            return r.end;
        }
        for k in r.start + 1..r.end {
            let w = self.word(k);
            if self.lex.is(WordClass::FINITE, w) {
                return r.end;
            }
            let next = self.low.get(k + 1).copied().unwrap_or("");
            let clause_after_comma = self.is_punct(k, &[",", ";", "—", "–", "--"])
                && (self.lex.is(WordClass::BOUNDARY, next)
                    || self.lex.is(WordClass::ADJUNCT, next)
                    || next.ends_with("ing")
                    || next == "especially"
                    || self.lex.cue(next).is_some_and(|c| c.learned.is_none()));
            let verb_after_and =
                matches!(w, "and" | "but") && (self.lex.cue(next).is_some() || self.lex.is(WordClass::FINITE, next));
            if clause_after_comma || verb_after_and || self.is_punct(k, &[";"]) {
                return k;
            }
        }
        r.end
    }
}
