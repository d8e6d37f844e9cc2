//! One sentence under scan: its tokens, their lower-cased forms, and the
//! word-level tests and helpers every pattern shares (where a cue starts
//! and ends, how many words a range holds, adding an attribution). The
//! order in which patterns are tried is [`SentenceScan::run`].

mod content;
mod source;

use crate::claim::Stance;
use crate::extract::lexicon::Cue;
use crate::extract::lexicon::{Folded, Lexicon, WordClass};
use crate::extract::rules::{Attribution, LOOSE_THRESHOLD};
use crate::extract::tagger::{self, Tagger};
use crate::text::Token;
use std::ops::Range;

pub(in crate::extract) struct SentenceScan<'a> {
    pub(in crate::extract) text: &'a str,
    pub(in crate::extract) para: Range<usize>,
    pub(in crate::extract) toks: Vec<Token>,
    pub(in crate::extract) low: Vec<&'a str>,
    /// The word lists each token is in, looked up once per sentence.
    pub(in crate::extract) cls: Vec<WordClass>,
    /// The cue entry of each token, looked up once per sentence.
    pub(in crate::extract) cues: Vec<Option<&'a Cue>>,
    /// Whether each token opens with a letter or digit ([`SentenceScan::is_word`]).
    words: Vec<bool>,
    pub(in crate::extract) lex: &'a Lexicon,
    /// Whether the sentence is in title case ([`SentenceScan::title_case`]),
    /// worked out the first time a cue asks.
    title: std::cell::OnceCell<bool>,
    /// Index in the output of the first attribution of this sentence.
    pub(in crate::extract) first: usize,
}

impl<'a> SentenceScan<'a> {
    /// The scan of the tokens `toks` with their folded forms `low`.
    pub(in crate::extract) fn new(
        text: &'a str,
        toks: Vec<Token>,
        low: &'a Folded,
        para: Range<usize>,
        lex: &'a Lexicon,
    ) -> Self {
        let low: Vec<&str> = low.iter().collect();
        let (cls, cues) = low.iter().map(|w| lex.word(w)).unzip();
        let words = low
            .iter()
            .map(|w| w.chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        SentenceScan {
            text,
            para,
            toks,
            low,
            cls,
            cues,
            words,
            lex,
            title: std::cell::OnceCell::new(),
            first: 0,
        }
    }

    pub(in crate::extract) fn run(&mut self, out: &mut Vec<Attribution>, tagger: Option<(&Tagger, f32)>) {
        self.first = out.len();
        let threshold = tagger.map_or(0.0, |(_, t)| t);
        let scores = tagger.map(|(t, _)| {
            t.scores(&tagger::Sentence {
                text: self.text,
                toks: &self.toks,
                low: &self.low,
                cls: &self.cls,
                cues: &self.cues,
            })
        });
        // A denial of "Kabul's claims" has read up to here: "claims" is no cue.
        let mut resume = 0;
        for i in 0..self.toks.len() {
            if i < resume {
                continue;
            }
            if self.is_punct(i, &["―", "—", "–"]) {
                self.byline(i, out);
            } else if matches!(self.low[i], "according" | "as")
                && self
                    .low
                    .get(i + 1)
                    .is_some_and(|&w| w == if self.low[i] == "as" { "per" } else { "to" })
            {
                self.according(i, out);
            } else if self.low[i] == "in"
                && let Some(end) = self.in_poll(i, out)
            {
                resume = end;
            } else if self.low[i] == "asked"
                && let Some(end) = self.asked(i, out)
            {
                resume = end;
            } else if matches!(self.low[i], "what" | "which")
                && let Some(end) = self.what_described(i, out)
            {
                resume = end;
            } else if let Some(end) = self.reciprocal(i, out) {
                resume = end;
            } else if let Some(end) = self.passive_by(i, out) {
                resume = end;
            } else if let Some(end) = self.quoted_as_saying(i, out) {
                resume = end;
            } else if self.attributive(i) {
                // "in disputed waters": no cue.
            } else if self.in_class(i, WordClass::ACCUSATION)
                && let Some(end) = self.nominal_allegation(i, out)
            {
                resume = end;
            } else if (self.in_class(i, WordClass::QUALIFY) || self.cues[i].is_some_and(|c| c.stance == Stance::Denies))
                && let Some(end) = self.qualified_denial(i, out)
            {
                resume = end;
                continue;
            } else if let Some(cue) = self.cue_at(i, scores.as_deref(), threshold) {
                let before = out.len();
                let shaped = (!cue.noun || self.clause_follows(i))
                    && (!cue.clause || self.no_object_follows(i))
                    && !self.capitalised_inside(i);
                if shaped {
                    self.verb(i, &cue, out);
                }
                let score = scores.as_ref().and_then(|s| s[i]);
                let sure = cue.learned.is_none() || score.is_some_and(|x| x > LOOSE_THRESHOLD);
                let noun_use = cue.noun || (i > 0 && self.in_class(i - 1, WordClass::DETERMINER));
                if shaped && !noun_use && out.len() == before && sure {
                    self.loose(i, &cue, out);
                }
                for a in &mut out[before..] {
                    a.learned = cue.learned;
                    a.cue_score = score;
                }
            }
        }
    }

    /// The cue at token `i`: a reviewed lexicon entry; else, with a tagger,
    /// a word it scores above `threshold` as a cue head (a plain assertion, its learned share
    /// from the cue table or 0); else a learned form of the cue table.
    pub(in crate::extract) fn cue_at(&self, i: usize, scores: Option<&[Option<f32>]>, threshold: f32) -> Option<Cue> {
        let entry = self.cues[i];
        if let Some(c) = entry.filter(|c| c.learned.is_none()) {
            return Some(c.clone());
        }
        if self.appeal(i) {
            return Some(Cue {
                lemma: "call on".to_string(),
                stance: Stance::Asserts,
                accuse: false,
                evidence: false,
                noun: false,
                clause: false,
                learned: None,
            });
        }
        match scores {
            Some(s) => s[i].filter(|&x| x > threshold).map(|_| Cue {
                lemma: self.low[i].to_string(),
                stance: Stance::Asserts,
                accuse: false,
                evidence: false,
                noun: false,
                clause: false,
                learned: Some(entry.and_then(|c| c.learned).unwrap_or(0.0)),
            }),
            None => entry.cloned(),
        }
    }

    /// "called on Ethiopia to withdraw its troops", "calls on all sides to
    /// …": an appeal, a claim about what another should do.
    pub(in crate::extract) fn appeal(&self, i: usize) -> bool {
        matches!(self.word(i), "call" | "calls" | "called" | "calling")
            && self.low.get(i + 1).is_some_and(|&w| w == "on")
            && self.low.get(i + 2).is_some_and(|w| !self.lex.is(WordClass::TIME, w))
            && (i + 3..self.toks.len().min(i + 10))
                .take_while(|&k| self.is_word(k))
                .any(|k| self.word(k) == "to")
    }

    /// What makes a noun-verb homograph a cue: a clause follows ("claims
    /// that", "states:", "claims, “…”"), a name or pronoun precedes
    /// ("Islamabad claims", "he claims"), it is a progressive ("is
    /// warning voters") or it follows a quotation ("“…,” reported Reuters").
    pub(in crate::extract) fn clause_follows(&self, i: usize) -> bool {
        // ("reported on Sunday that …": a time between.)
        let timed = (i + 1..self.toks.len().min(i + 5))
            .find(|&k| {
                !(self.in_class(k, WordClass::TIME) || matches!(self.word(k), "on" | "last" | "this" | "earlier"))
            })
            .is_some_and(|k| k > i + 1 && self.word(k) == "that");
        let clause = timed
            || i + 1 < self.toks.len() && (self.word(i + 1) == "that" || self.is_punct(i + 1, &[":", ",", "“", "\""]));
        // "Trump is warning voters that …": a progressive is a verb.
        let progressive = i > 0
            && self.word(i).ends_with("ing")
            && matches!(
                self.word(i - 1),
                "is" | "are" | "was" | "were" | "am" | "been" | "'s" | "'re"
            );
        let subject = i > 0
            && (self.in_class(i - 1, WordClass::PRONOUN)
                || self.toks[i - 1]
                    .text(self.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase));
        // "“…,” reported Reuters": a verb inverted after a quotation.
        let inverted = i > 1 && self.is_punct(i - 1, &["”", "\""]) && self.is_punct(i - 2, &[","]);
        // "denied claims that …", "rejected reports that …": the object of
        // a speech verb, not a verb of its own.
        let object = i > 0 && self.cues[i - 1].is_some_and(|c| !c.noun);
        // "Pakistan's military reported 23 of its soldiers were killed": a
        // clause without "that" (a finite verb within a few words) after a
        // word that is no determiner or preposition, so not "the reports of
        // clashes were …".
        let n = self.toks.len();
        let bare_clause = i > 0
            && self.is_word(i - 1)
            && !self.in_class(i - 1, WordClass::DETERMINER)
            && !self.in_class(i - 1, WordClass::PREPOSITION)
            && i + 1 < n
            && self.is_word(i + 1)
            && !self.in_class(i + 1, WordClass::PREPOSITION)
            && (i + 2..n.min(i + 7))
                .take_while(|&k| self.is_word(k))
                .any(|k| self.in_class(k, WordClass::FINITE));
        (clause || subject || progressive || inverted || bare_clause) && !object
    }

    /// Whether no noun phrase follows the verb at `i` (past adverbs and
    /// time words): a clause ("that", a quotation, a colon, a comma, a
    /// pronoun or a name opening one) or the end of the clause ("…, he
    /// maintained.").
    pub(in crate::extract) fn no_object_follows(&self, i: usize) -> bool {
        let n = self.toks.len();
        let k = (i + 1..n)
            .find(|&k| !self.in_class(k, WordClass::TIME) && !self.word(k).ends_with("ly"))
            .unwrap_or(n);
        k == n
            || !self.is_word(k)
            || self.word(k) == "that"
            || self.in_class(k, WordClass::PRONOUN)
            || self.toks[k].text(self.text).starts_with(char::is_uppercase)
    }

    /// A headline in title case ("Afghanistan Denies Role in Attack"): most
    /// of its words are capitalised.
    pub(in crate::extract) fn title_case(&self) -> bool {
        *self.title.get_or_init(|| {
            let words = self.words_in(0..self.toks.len());
            let capitals = (0..self.toks.len())
                .filter(|&k| self.is_word(k))
                .filter(|&k| {
                    self.toks[k]
                        .text(self.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                })
                .count();
            words >= 3 && capitals * 10 >= words * 7
        })
    }

    /// A headline: in title case, quoting someone ("Sanders: Clinton
    /// needs to 'get away from …'"), or one short line after a label that
    /// is no dateline in capitals ("Lynch: No outside influence on FBI
    /// probe"; not "ISLAMABAD: The foreign office said …").
    pub(in crate::extract) fn headline(&self) -> bool {
        let line = &self.text[self.span(0..self.toks.len())];
        let short =
            self.para.end <= self.toks.last().map_or(0, |t| t.end) + 2 && self.words_in(0..self.toks.len()) <= 20;
        let capitals = line
            .split(':')
            .next()
            .is_some_and(|l| !l.chars().any(char::is_lowercase));
        self.title_case() || line.contains(['‘', '“', '\'', '"']) || (short && !capitals)
    }

    /// A capitalised word after the first ("United States", "Fox News
    /// Reports"): part of a name, not a cue.
    pub(in crate::extract) fn capitalised_inside(&self, i: usize) -> bool {
        i > 0
            && !self.title_case()
            && !self.is_punct(i - 1, &["“", "\"", ":", "(", "—", "–"])
            && self.toks[i]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// "in disputed waters", "the alleged attack": a participle after a
    /// preposition or determiner and before a word is an adjective, no
    /// reporting verb.
    fn attributive(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.toks.len()
            && self.low[i].ends_with("ed")
            && (self.in_class(i - 1, WordClass::DETERMINER) || self.in_class(i - 1, WordClass::PREPOSITION))
            && self.is_word(i + 1)
            && !matches!(self.low[i + 1], "that" | "to" | "by" | "on" | "in" | "as")
    }

    pub(in crate::extract) fn word(&self, i: usize) -> &str {
        self.low[i]
    }

    /// Whether token `i` is in a word list of `class`.
    pub(in crate::extract) fn in_class(&self, i: usize, class: WordClass) -> bool {
        self.cls[i].has(class)
    }

    pub(in crate::extract) fn is_word(&self, i: usize) -> bool {
        self.words[i]
    }

    pub(in crate::extract) fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.low[i])
    }

    pub(in crate::extract) fn span(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.toks.get(r.start).map_or(self.text.len(), |t| t.start);
            return at..at;
        }
        self.toks[r.start].start..self.toks[r.end - 1].end
    }

    /// The last attribution of this sentence, if any.
    pub(in crate::extract) fn previous_in_sentence(&self, out: &[Attribution]) -> Option<usize> {
        // (A question put to someone has no speaker to pass on: "Asked
        // about the talks, Mujahid, the spokesman, said …".)
        (self.first..out.len()).rev().find(|&k| !out[k].question)
    }

    /// The last attribution of the sentence but those of learned cues
    /// inside another's content: "X said the blast appeared to be A, citing
    /// B" goes on with "said", not with "appeared". (A reviewed cue there
    /// speaks: "Islamabad says A, but Kabul denies the charge, saying B".)
    pub(in crate::extract) fn previous_outer_in_sentence(&self, out: &[Attribution]) -> Option<usize> {
        let inside = |k: usize| {
            out[k].learned.is_some()
                && (self.first..out.len())
                    .any(|j| j != k && out[j].content.start <= out[k].cue.start && out[k].cue.end <= out[j].content.end)
        };
        // ("Eritrea rejected accusations by Ethiopia that A, saying B":
        // the allegation the verb's object names does not speak on.)
        let named_in_object = |k: usize| {
            out[k].source.start > out[k].cue.start && (self.first..k).any(|j| out[j].cue.end <= out[k].cue.start)
        };
        let inside = |k: usize| inside(k) || named_in_object(k);
        (self.first..out.len()).rev().find(|&k| !out[k].question && !inside(k))
    }

    /// Extends the cue backwards over auxiliaries and adverbs ("has
    /// categorically denied"); `None` when the cue is negated, passive or an
    /// infinitive.
    pub(in crate::extract) fn cue_start(&self, i: usize) -> Option<usize> {
        let be = |w: &str| matches!(w, "is" | "was" | "were" | "are" | "am" | "be" | "been" | "'s" | "'re");
        // The "is" of a progressive ("is also encouraging") belongs to the cue.
        let progressive = self.word(i).ends_with("ing");
        let s = self.auxiliaries_before(i, |w| progressive && be(w) && w != "'s");
        // "the Indian claims were baseless": a cue after a determiner and
        // an adjective, the verb "be" after it, is the subject's noun (not
        // in "the attack that Islamabad alleges was orchestrated …").
        if i >= 2
            && i + 1 < self.toks.len()
            && matches!(self.word(i + 1), "is" | "was" | "were" | "are")
            && self.in_class(i - 2, WordClass::DETERMINER)
            && self.word(i - 2) != "that"
            && self.is_word(i - 1)
        {
            return None;
        }
        // "the islets, controlled by Japan but claimed by China": a passive
        // participle (an empty "it" before it is `passive_by`'s).
        if i + 1 < self.toks.len()
            && self.word(i + 1) == "by"
            && (self.word(i).ends_with("ed") || self.word(i) == "said")
        {
            return None;
        }
        if s > 0 {
            let prev = self.word(s - 1);
            // A passive, an infinitive or a noun: no cue of an attribution.
            if be(prev) || matches!(prev, "to" | "being") || self.lex.is(WordClass::DETERMINER, prev) {
                return None;
            }
            // ("the integrity of all states": a quantity of a noun.)
            let noun = self.lex.cue(self.word(i)).is_some_and(|c| c.noun);
            if noun && (prev == "all" || self.lex.is(WordClass::QUANTIFIER, prev)) {
                return None;
            }
        }
        if (s..i).any(|k| matches!(self.word(k), "not" | "never") || self.word(k).ends_with("n't")) {
            return None;
        }
        Some(s)
    }

    /// Where a cue at `i` starts when it takes the auxiliaries, contracted
    /// negations and -ly adverbs before it ("has categorically", "didn't",
    /// "cynically"), and the words `also` accepts.
    pub(in crate::extract) fn auxiliaries_before(&self, i: usize, also: impl Fn(&str) -> bool) -> usize {
        let mut s = i;
        while s > 0 {
            let w = self.word(s - 1);
            let lower = self.toks[s - 1].text(self.text).starts_with(char::is_lowercase);
            let adverb = lower && w.len() > 4 && w.ends_with("ly");
            if self.lex.is(WordClass::AUX, w) || w.ends_with("n't") || adverb || also(w) {
                s -= 1;
            } else if let Some(len) = self.time_phrase_before(s) {
                // "Congo has for years accused": the phrase is the cue's.
                s -= len;
            } else {
                break;
            }
        }
        s
    }

    /// The length of a phrase of time that ends right before token `s` and
    /// follows an auxiliary ("has for years", "had in the past", "has on
    /// several occasions"), if there is one.
    fn time_phrase_before(&self, s: usize) -> Option<usize> {
        const PHRASES: &[&[&str]] = &[
            &["for", "years"],
            &["for", "decades"],
            &["for", "months"],
            &["for", "weeks"],
            &["for", "some", "time"],
            &["in", "the", "past"],
            &["in", "recent", "years"],
            &["in", "recent", "months"],
            &["in", "recent", "weeks"],
            &["in", "recent", "days"],
            &["on", "several", "occasions"],
            &["on", "previous", "occasions"],
            &["over", "the", "years"],
            &["since", "then"],
        ];
        PHRASES
            .iter()
            .find(|p| {
                s > p.len()
                    && p.iter().enumerate().all(|(k, w)| self.word(s - p.len() + k) == *w)
                    && matches!(self.word(s - p.len() - 1), "has" | "have" | "had")
            })
            .map(|p| p.len())
    }

    /// Where a cue in the infinitive starting at `cs` starts when the verb
    /// or adjective that takes it belongs to it ("continues to insist",
    /// "was able to tout", "went on to say"), with its auxiliaries and the
    /// words `also` accepts; `cs` itself otherwise.
    pub(in crate::extract) fn catenative_before(&self, cs: usize, also: impl Fn(&str) -> bool) -> usize {
        if cs == 0 || self.word(cs) != "to" {
            return cs;
        }
        let k = if self.word(cs - 1) == "on" && cs > 1 {
            cs - 2
        } else {
            cs - 1
        };
        let lower = self.toks[k].text(self.text).starts_with(char::is_lowercase);
        // ("the plan to …": a noun after a determiner.)
        let noun = k > 0 && self.in_class(k - 1, WordClass::DETERMINER);
        if lower && !noun && self.in_class(k, WordClass::CATENATIVE) && (k == cs - 1 || self.in_class(k, WordClass::GO))
        {
            self.auxiliaries_before(k, also)
        } else {
            cs
        }
    }

    /// Word tokens of `range`.
    pub(in crate::extract) fn words_in(&self, range: Range<usize>) -> usize {
        range.filter(|&k| self.is_word(k)).count()
    }

    pub(in crate::extract) fn push(
        &self,
        out: &mut Vec<Attribution>,
        cue: Range<usize>,
        cue_text: String,
        source: Range<usize>,
        content: Option<(Range<usize>, bool)>,
        (stance, accuse, evidence): (Stance, bool, bool),
    ) -> bool {
        let Some((content, quoted)) = content else {
            return false;
        };
        let cue_b = self.span(cue.clone());
        // ("“Azerbaijan is interfering, I maintain it,” he told reporters":
        // a cue inside a quotation has its content inside it too.)
        if let Some(first) = self.toks.first() {
            let before = &self.text[first.start.min(cue_b.start)..cue_b.start];
            // (The closing mark of the kind that opened: a stray straight
            // mark before a transcript's "PENCE:" closes at no curly one.)
            let closing = if before.matches('“').count() > before.matches('”').count() {
                Some('”')
            } else {
                (before.matches('"').count() % 2 == 1).then_some('"')
            };
            if let Some(mark) = closing
                && let Some(close) = self.text[cue_b.end..].find(mark)
                && content.end > cue_b.end + close
            {
                return false;
            }
        }
        // ("Russia blames Britain for Nord Stream blasts; London calls …":
        // what follows a clause's end is no content of a cue before it.)
        if self.holds_own_cue(&content, &cue_b) || self.text[content.clone()].starts_with(';') {
            return false;
        }
        // No source ends in a preposition ("Algeria responded by recalling
        // its envoys"), and no content stops inside a quotation the cue
        // stands in ("… with “militias backed by foreign states”").
        if source.end > source.start && self.in_class(source.end - 1, WordClass::PREPOSITION)
            || self.opens_quotation(&content)
            || source.end <= cue.start && self.noun_after_preposition(&cue)
            || source.end > source.start
                && (matches!(self.word(source.start), "whatever" | "whoever" | "whichever" | "however")
                    // ("officials played down reports that": a phrasal
                    // verb's particle ends no name.)
                    || matches!(self.word(source.end - 1), "down" | "up" | "off" | "out" | "away"))
        {
            return false;
        }
        // ("“Algeria categorically rejects …”": the quotation mark opens
        // the content, not the name.)
        let mut source = source;
        while source.end > source.start + 1 && self.is_punct(source.start, &["“", "\""]) {
            source.start += 1;
        }
        let source_b = self.span(source);
        let pronoun = self
            .lex
            .is(WordClass::PRONOUN, &self.text[source_b.clone()].to_lowercase());
        let learned = self.cues[cue.end - 1].and_then(|c| c.learned);
        out.push(Attribution {
            cue: cue_b,
            cue_text,
            source: source_b,
            content,
            stance,
            quoted,
            points_back: None,
            continues: None,
            accuse,
            evidence,
            pronoun,
            more: Vec::new(),
            learned,
            cue_score: None,
            answers_accusation: false,
            antecedent: None,
            accused: None,
            loose: false,
            question: false,
        });
        true
    }

    /// Whether the cue is a noun after a preposition ("There is no truth in
    /// reports that …"): a finite verb never follows one, and a participle
    /// after "by" or an infinitive after "to" is a verb ("responded by
    /// saying", "declined to say").
    fn noun_after_preposition(&self, cue: &Range<usize>) -> bool {
        cue.start > 0
            && self.in_class(cue.start - 1, WordClass::PREPOSITION)
            && self.word(cue.start - 1) != "to"
            && !self.word(cue.start).ends_with("ing")
    }

    /// Whether a content holds its own cue: the cue stood inside a
    /// quotation, which became the content ("the United States “issued a
    /// statement …, attacking and accusing China’s …”").
    pub(in crate::extract) fn holds_own_cue(&self, content: &Range<usize>, cue: &Range<usize>) -> bool {
        content.start <= cue.start && cue.end <= content.end
    }

    /// Whether a content ends on a quotation mark that opens: the cue
    /// after it is quoted words, not a report.
    fn opens_quotation(&self, content: &Range<usize>) -> bool {
        let c = self.text[content.clone()].trim_end();
        c.ends_with('“') || c.ends_with('"') && c.matches('"').count() % 2 == 1
    }

    pub(in crate::extract) fn cue_words(&self, r: Range<usize>) -> String {
        self.text[self.span(r)].to_string()
    }

    /// Whether every token of `r` is capitalised or punctuation (a name:
    /// "Mrs. Clinton", "Rick Scott").
    pub(in crate::extract) fn capitalised_run(&self, r: Range<usize>) -> bool {
        r.into_iter().all(|k| {
            self.toks[k]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
        })
    }

    /// Whether `w` reads as a verb where a subject ends: a word in -ed, an
    /// irregular past form, a cue, an auxiliary or a finite verb.
    pub(in crate::extract) fn verb_like(&self, w: &str) -> bool {
        w.ends_with("ed")
            || self.lex.cue(w).is_some()
            || self.lex.is(WordClass::AUX | WordClass::FINITE | WordClass::PAST, w)
    }

    /// Whether the clause before token `limit` opens with a name followed
    /// by a comma ("Erin Murphy, a former aide …,"): a subject and its
    /// appositive.
    pub(in crate::extract) fn name_then_comma(&self, limit: usize) -> bool {
        let s = self.clause_start(limit);
        let Some(c) = (s..limit).find(|&k| self.is_punct(k, &[","])) else {
            return false;
        };
        let capital = |k: usize| {
            self.toks[k]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        c > s && c - s <= 5 && (s..c).all(|k| capital(k) || self.is_punct(k, &[".", "-"]))
    }

    /// Where a cue with its head at `i` ends: after a particle that closes it
    /// ("called for").
    pub(in crate::extract) fn cue_end(&self, i: usize) -> usize {
        // ("said about 260 balloons": "about" a number is no particle.)
        let number = |k: usize| {
            k < self.toks.len()
                && (self.word(k).starts_with(|c: char| c.is_ascii_digit()) || self.in_class(k, WordClass::QUANTIFIER))
        };
        if i + 1 < self.toks.len()
            && (self.lex.particle(self.word(i), self.word(i + 1)) && !number(i + 2) || self.appeal(i))
        {
            i + 2
        } else {
            i + 1
        }
    }
}
