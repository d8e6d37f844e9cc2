//! Pattern family: denials that point back at a claim ("a claim X denied",
//! "X denied the allegations", "X labelled these claims (as) baseless",
//! "dismissed as baseless").

use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::quoted_denial;
use crate::extract::rules::{Attribution, antecedent};
use crate::extract::scan::SentenceScan;
use std::ops::Range;

impl SentenceScan<'_> {
    /// "X labelled these claims (as) baseless", "X said the claims are
    /// baseless", "X rejected the allegations": a denial that points back.
    pub(in crate::extract) fn qualified_denial(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let cs = self.cue_start(i)?;
        let mut k = i + 1;
        // "the", "such", "Islamabad’s": a determiner or a possessive name
        // (but "that" in "called that baseless" is the pointer).
        let object_at = k;
        // "the Indian statement", "Kabul's latest claims": up to two
        // modifiers before the pointer noun.
        if k < n && (self.in_class(k, WordClass::DETERMINER) || self.word(k).ends_with("'s")) {
            let noun = |j: usize| {
                self.in_class(j, WordClass::POINTER)
                    && !self.in_class(j, WordClass::DETERMINER)
                    && !self.in_class(j, WordClass::PRONOUN)
            };
            if let Some(p) = (k + 1..n.min(k + 4))
                .take_while(|&j| self.is_word(j) && !self.in_class(j, WordClass::BOUNDARY))
                .find(|&j| noun(j))
            {
                k = p;
            }
        }
        if !(k < n && self.in_class(k, WordClass::POINTER)) {
            return None;
        }
        let pointer_at = k;
        k += 1;
        // "the ISPR's version of events", "the Indian figure of five
        // fatalities": what the pointer names, not what is denied.
        if self.names_figures(pointer_at) && k < n && self.word(k) == "of" {
            k = (k + 1..n.min(k + 6))
                .find(|&j| !self.is_word(j) || matches!(self.word(j), "as" | "and" | "but"))
                .unwrap_or(n.min(k + 6));
        }
        // "the allegations made by Pakistan's military spokesperson": who
        // made them is part of the pointer, not the content.
        if k < n && matches!(self.word(k), "made" | "levelled" | "leveled" | "raised") {
            k += 1;
        }
        let mut made_by = None;
        if k < n && matches!(self.word(k), "by" | "from") {
            made_by = Some(k);
            k = (k..n)
                .find(|&j| self.word(j) == "that" || self.word(j) == "as" || self.is_punct(j, &[".", ",", ";"]))
                .unwrap_or(n);
        }
        // "rejected the allegations (made by X) that Y": the content follows.
        if k < n && self.word(k) == "that" {
            return self.denied_allegation(cs, i, pointer_at, made_by, k, out);
        }
        // "… claims (of Indian involvement) as “baseless”": the qualifier
        // follows the pointer or its complement.
        // (", saying the oil blocks lie in …": a reviewed participle that
        // asserts opens a claim of its own, which holds no qualifier; ",
        // calling it nonsense" is the qualifier.)
        let saying = |j: usize| {
            self.is_punct(j, &[","])
                && j + 1 < n
                && self.word(j + 1).ends_with("ing")
                && self
                    .lex
                    .cue(self.low[j + 1])
                    .is_some_and(|c| c.stance == Stance::Asserts && c.learned.is_none())
        };
        let neg = (k..n.min(k + 9))
            .take_while(|&j| {
                // ("as “nothing but lies”": "but" means "only" there.)
                let only = self.word(j) == "but" && j > 0 && self.word(j - 1) == "nothing";
                !self.is_punct(j, &[".", ";"])
                    && !saying(j)
                    && (self.word(j) == "as" || only || !self.in_class(j, WordClass::BOUNDARY))
            })
            .find(|&j| self.in_class(j, WordClass::NEGATIVE));
        let is_denial_verb = self.cues[i].is_some_and(|c| c.stance == Stance::Denies);
        // "rejected the allegation." or "… and said …": the clause ends.
        let ends_at = |k: usize| {
            k >= n
                || self.is_punct(k, &[".", ",", ";"])
                || (matches!(self.word(k), "and" | "but")
                    && self
                        .low
                        .get(k + 1)
                        .is_some_and(|w| self.lex.cue(w).is_some() || self.lex.is(WordClass::FINITE, w)))
        };
        // ("rejected the accusation within hours", "… on Saturday", "… in a
        // televised address": when or where, then the clause ends.)
        let adjunct_then_end = k < n
            && (self.in_class(k, WordClass::TIME) || matches!(self.word(k), "within" | "in" | "during" | "at"))
            && (k + 1..n.min(k + 6)).find(|&j| ends_at(j)).is_some_and(|e| {
                (k..e).all(|j| !self.in_class(j, WordClass::FINITE) && !matches!(self.word(j), "that" | "of" | "as"))
            });
        let end_of_clause = ends_at(k) || adjunct_then_end;
        let cue_end = match neg {
            Some(j) => j + 1,
            None if is_denial_verb && end_of_clause => pointer_at + 1,
            None => return None,
        };
        let src = self.source_before(cs)?;
        // "“We reject the baseless allegations,” said X": a quoted speaker's
        // own denial is part of X's quotation, not a claim of its own.
        if src.len() == 1 && matches!(self.word(src.start), "we" | "i") {
            return None;
        }
        // The object runs up to "as" or the qualifier: "Pakistan's claims
        // of Indian involvement as baseless".
        let object_end = neg.map_or(pointer_at + 1, |j| {
            (pointer_at + 1..j)
                .find(|&x| self.word(x) == "as" || self.is_punct(x, &["“", "\"", ","]))
                .unwrap_or(j)
        });
        // "claims of X" say what is denied; otherwise allegations and
        // accusations answer the last accusation, other pointers the last claim.
        let complement = self.complement_before(pointer_at, object_end);
        let (pointed, accusation) = self.denied_claim(out, pointer_at, &src);
        // ("the figure of five Indian fatalities": the claim that gave it.)
        let pointed = self.figure_given(out, pointer_at, object_end).or(pointed);
        let antecedent = if complement { None } else { pointed };
        let cue_text = match neg {
            Some(j) => format!(
                "{} … {}",
                self.cue_words(cs..i + 1),
                self.cue_words(object_end.max(pointer_at + 1)..j + 1)
                    .replace(['“', '”', '"'], "")
            ),
            None => self.cue_words(cs..cue_end),
        };
        // Without an earlier claim to point back at, what is denied is the
        // object itself.
        let content = match antecedent {
            Some(a) => (out[a].content.clone(), out[a].quoted),
            None if self.words_in(object_at..object_end) >= 2 => (self.span(object_at..object_end), false),
            None => return None,
        };
        if !self.push(
            out,
            cs..cue_end,
            cue_text,
            src,
            Some(content),
            (Stance::Denies, false, false),
        ) {
            return None;
        }
        let last = out.len() - 1;
        out[last].points_back = antecedent;
        out[last].cue = self.span(cs..i + 1);
        out[last].answers_accusation = accusation;
        // "Islamabad’s allegations", "the Venezuelan communique", "… made
        // by X": whose claims are denied.
        out[last].accused = match made_by {
            Some(by) if by + 1 < k => Some(self.span(by + 1..k)),
            _ => (object_at..pointer_at)
                .find(|&j| {
                    self.low[j].ends_with("'s")
                        || (self.is_word(j)
                            && !self.in_class(j, WordClass::DETERMINER)
                            && self.toks[j].text(self.text).starts_with(char::is_uppercase))
                })
                .map(|j| self.span(j..j + 1)),
        };
        Some(cue_end)
    }

    /// Whether the pointer at `pointer_at` takes a complement that ends
    /// before `end` ("claims of Indian involvement", "claims about militant
    /// camps"): then the complement, not an earlier claim, is what is denied.
    fn complement_before(&self, pointer_at: usize, end: usize) -> bool {
        end > pointer_at + 1
            && matches!(self.word(pointer_at + 1), "of" | "about" | "over")
            && !self.names_figures(pointer_at)
    }

    /// The last claim whose content gives the number that the figure at
    /// `pointer_at` names before `end` ("the Pakistani figure of five Indian
    /// fatalities" answers "at least five Indian soldiers were killed").
    fn figure_given(&self, out: &[Attribution], pointer_at: usize, end: usize) -> Option<usize> {
        if !matches!(self.word(pointer_at), "figure" | "figures" | "toll" | "tally") {
            return None;
        }
        let number = (pointer_at + 1..end).find(|&j| {
            self.word(j).starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    self.word(j),
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                )
        })?;
        let number = self.word(number);
        out.iter().rposition(|a| {
            self.text[a.content.clone()].split_whitespace().any(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .eq_ignore_ascii_case(number)
            })
        })
    }

    /// Whether the pointer at `pointer_at` is a figure or a telling ("the
    /// figure of five dead", "the version of events"), whose "of" names it
    /// rather than saying what was alleged ("claims of Indian involvement").
    fn names_figures(&self, pointer_at: usize) -> bool {
        matches!(
            self.word(pointer_at),
            "figure" | "figures" | "toll" | "tally" | "version" | "account" | "accounts"
        )
    }

    /// The earlier claim a denial of the pointer at `pointer_at` by the
    /// speaker `src` answers, and whether the pointer names an accusation:
    /// allegations and accusations answer the last accusation, other
    /// pointers someone else's last claim.
    pub(in crate::extract) fn denied_claim(
        &self,
        out: &[Attribution],
        pointer_at: usize,
        src: &Range<usize>,
    ) -> (Option<usize>, bool) {
        let accusation = self.in_class(pointer_at, WordClass::ACCUSATION);
        let accused = out.iter().rposition(|a| a.accuse && a.stance == Stance::Asserts);
        // ("said the claim was groundless": the one just reported, an
        // accusation or not.)
        let prefer_accusation = accusation && self.word(pointer_at) != "claim";
        let claim = accused
            .filter(|_| prefer_accusation)
            .or_else(|| antecedent(out, self.text, &self.span(src.clone())));
        (claim, accusation)
    }

    /// "The ministry said the claims made by Pakistan are “baseless”": a
    /// denial of the claims (pointing back, as in `qualified_denial`), not
    /// an assertion about them. None when the content is not of that shape.
    pub(in crate::extract) fn said_baseless(
        &self,
        cue: Range<usize>,
        content: Range<usize>,
        src: Range<usize>,
        out: &mut Vec<Attribution>,
    ) -> Option<bool> {
        let mut k = content.start;
        if k < content.end && self.in_class(k, WordClass::DETERMINER) {
            k += 1;
        }
        let pointer_at = (k..content.end.min(k + 3))
            .take_while(|&j| self.is_word(j))
            .find(|&j| self.in_class(j, WordClass::POINTER) && !self.in_class(j, WordClass::DETERMINER))?;
        // "made by Pakistan", "of Indian involvement", "against him": the pointer's complement.
        // ("Ankara says claims “baseless”": a headline drops the copula.)
        let headline_label = (pointer_at + 1..content.end)
            .find(|&j| self.is_word(j))
            .filter(|&j| self.in_class(j, WordClass::NEGATIVE) && self.words_in(j + 1..content.end) == 0);
        let copula = match headline_label {
            Some(j) => j,
            None => (pointer_at + 1..content.end.min(pointer_at + 8))
                .take_while(|&j| !self.is_punct(j, &[",", ";"]) && self.word(j) != "that")
                .find(|&j| matches!(self.word(j), "is" | "are" | "was" | "were" | "remain" | "remains"))?,
        };
        let neg = (copula + usize::from(headline_label.is_none())..content.end.min(copula + 5))
            .take_while(|&j| !self.is_punct(j, &[",", ";", "."]) || self.is_punct(j, &["“", "\""]))
            .find(|&j| self.in_class(j, WordClass::NEGATIVE))?;
        // "said it was “absolutely false” that Washington had been behind
        // the sabotage": what is denied is the clause after "that".
        let that = (neg + 1..content.end.min(neg + 3))
            .find(|&j| self.is_word(j))
            .filter(|&j| self.word(pointer_at) == "it" && self.word(j) == "that" && j + 1 < content.end);
        let (pointed, accusation) = self.denied_claim(out, pointer_at, &src);
        // ("the figure of five Indian fatalities": the claim that gave it.)
        let pointed = self.figure_given(out, pointer_at, copula).or(pointed);
        // "said India's claims about militant camps were false": the
        // complement says what is denied, as in `qualified_denial`.
        let complement = self.complement_before(pointer_at, copula);
        let antecedent = if complement || that.is_some() { None } else { pointed };
        let denied = match (antecedent, that) {
            (_, Some(t)) => {
                let mut end = content.end;
                while end > t + 2 && self.is_punct(end - 1, &[".", ",", ";"]) {
                    end -= 1;
                }
                (self.span(t + 1..end), false)
            }
            (Some(a), None) => (out[a].content.clone(), out[a].quoted),
            (None, None) => (self.span(content.start..copula), false),
        };
        let cue_text = format!(
            "{} … {}",
            self.cue_words(cue.clone()),
            self.cue_words(copula..neg + 1).replace(['“', '”', '"'], "")
        );
        let pushed = self.push(
            out,
            cue.clone(),
            cue_text,
            src.clone(),
            Some(denied),
            (Stance::Denies, false, false),
        );
        if !pushed {
            return Some(false);
        }
        let last = out.len() - 1;
        out[last].points_back = antecedent;
        out[last].answers_accusation = accusation;
        // "said the claims were “baseless” and that its aircraft had been
        // on routine flights": the second complement is asserted.
        if that.is_none()
            && let Some(and) = (neg + 1..content.end).find(|&j| self.word(j) == "and" && self.word(j + 1) == "that")
            && self.push(
                out,
                cue.clone(),
                self.cue_words(cue),
                src,
                self.content_bytes(and + 2..content.end),
                (Stance::Asserts, false, false),
            )
        {
            out.last_mut().expect("just pushed").continues = Some(last);
        }
        Some(true)
    }

    /// "… heightened by allegations from Islamabad that the Taliban is not
    /// preventing attacks", "amid claims by Kabul that …": the one named
    /// after "by" or "from" accuses; the clause after "that" is the content.
    /// (After a denial verb, [`Self::qualified_denial`] has read the phrase.)
    pub(in crate::extract) fn nominal_allegation(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let by = if matches!(self.low.get(i + 1).copied(), Some("made" | "levelled" | "leveled")) {
            i + 2
        } else {
            i + 1
        };
        if by >= n || !matches!(self.word(by), "by" | "from") {
            return None;
        }
        let that = (by + 1..n.min(by + 10)).find(|&k| self.word(k) == "that")?;
        if (by + 1..that).any(|k| !self.is_word(k) && !self.is_punct(k, &["’", "'", "."])) {
            return None;
        }
        let accuser = self.source_range(by + 1..that)?;
        // "Allegations by Kyiv that Russia struck are untrue, the ministry
        // said": what is alleged ends where the sentence labels it false.
        let mut r = self.content_after(that);
        let word = |j: usize| self.low.get(j).copied().unwrap_or("");
        if let Some(copula) = r
            .clone()
            .find(|&k| quoted_denial::labels_false(&word, k, self.lex).is_some())
        {
            r.end = copula;
        }
        let content = self.content_bytes(r)?;
        let cue_text = self.cue_words(i..by + 1);
        self.push(
            out,
            i..by + 1,
            cue_text,
            accuser,
            Some(content),
            (Stance::Asserts, true, false),
        )
        .then_some(that)
    }

    /// "India rejected the allegations made by the Pakistan foreign office
    /// that India had a hand in …": the denial, and the allegation it denies
    /// as a claim of its own (cue "allegations made by", source X), which the
    /// denial points at. Without "made by X" the denial alone is left to the
    /// verb patterns (None).
    pub(in crate::extract) fn denied_allegation(
        &self,
        cs: usize,
        i: usize,
        pointer_at: usize,
        made_by: Option<usize>,
        that: usize,
        out: &mut Vec<Attribution>,
    ) -> Option<usize> {
        let by = made_by?;
        if !self.in_class(pointer_at, WordClass::ACCUSATION) {
            return None;
        }
        let accuser = self.source_range(by + 1..that)?;
        let denier = self.source_before(cs)?;
        let content = self.content_bytes(self.content_after(that))?;
        let cue_text = self.cue_words(cs..pointer_at + 1);
        self.push(
            out,
            cs..i + 1,
            cue_text,
            denier,
            Some(content.clone()),
            (Stance::Denies, false, false),
        );
        let denial = out.len() - 1;
        let allegation = self.cue_words(pointer_at..by + 1);
        self.push(
            out,
            pointer_at..by + 1,
            allegation,
            accuser,
            Some(content),
            (Stance::Asserts, true, false),
        );
        out[denial].points_back = Some(denial + 1);
        out[denial + 1].learned = None;
        out[denial].learned = None;
        Some(that)
    }
}
