//! Pattern family: a reporting verb of the lexicon and the many shapes of
//! sentence around it.

use crate::claim::Stance;
use crate::extract::lexicon::Cue;
use crate::extract::rules::{Attribution, antecedent};
use crate::extract::scan::SentenceScan;
use std::ops::Range;

impl SentenceScan<'_> {
    /// A reporting verb of the lexicon.
    pub(in crate::extract) fn verb(&self, i: usize, cue: &Cue, out: &mut Vec<Attribution>) -> bool {
        let lex = self.lex;
        let Some(cs) = self.cue_start(i) else { return false };
        let n = self.toks.len();
        let kind = (cue.stance, cue.accuse, cue.evidence);
        let cue_text = self.cue_words(cs..i + 1);

        // "…, with spokesman Matthew Miller telling reporters that …": the
        // one named after "with" speaks.
        // (With an appositive: "with Shakirullah Safi, head of the chamber,
        // estimating …".)
        if self.word(i).ends_with("ing")
            && let Some(w) = (cs.saturating_sub(20)..cs).rev().find(|&k| self.word(k) == "with")
            && w + 1 < cs
            && (w + 1..cs).all(|k| self.is_word(k) || self.is_punct(k, &[","]))
            && let name_end = (w + 1..cs).find(|&k| self.is_punct(k, &[","])).unwrap_or(cs)
            && (name_end == cs || self.toks[w + 1].text(self.text).starts_with(char::is_uppercase))
            && let Some(src) = self.source_range(w + 1..name_end)
        {
            let ce = self.cue_end(i);
            let content = self.content_bytes(self.object_range(ce));
            return self.push(out, cs..ce, self.cue_words(cs..ce), src, content, kind);
        }

        // "Citing an unfounded theory, Trump said …": a participle opens the
        // sentence with its object; the subject after the comma speaks.
        if self.word(i).ends_with("ing")
            && (0..cs).all(|k| !self.is_word(k))
            && let Some(r) = self.fronted_participle(i)
        {
            let (ce, src, object) = r;
            let content = self.content_bytes(object);
            return self.push(out, cs..ce, self.cue_words(cs..ce), src, content, kind);
        }

        // "…, maintaining that …": continues the previous attribution.
        let after_and = cs > 0 && self.word(cs - 1) == "and" && self.previous_in_sentence(out).is_some();
        if self.word(i).ends_with("ing") && cs > 0 && (self.is_punct(cs - 1, &[","]) || after_and) {
            // ", calling for …": a particle closes the cue.
            let ce = self.cue_end(i);
            let cue_text = self.cue_words(cs..ce);
            let Some(prev) = self.previous_in_sentence(out) else {
                // "It attacked Trump, saying …": the sentence's subject speaks.
                let Some(src) = self.subject(cs) else { return false };
                let content = self.content_bytes(self.content_after(ce));
                return self.push(out, cs..ce, cue_text, src, content, kind);
            };
            let content = self.content_bytes(self.content_after(ce));
            return self.continue_previous(out, prev, cs..ce, cue_text, content, cue);
        }

        // "Officials rejected the claim and said …", "… did not confirm it
        // but said …": the speaker of the first verb, or the sentence's
        // subject, speaks.
        if cs > 0 && matches!(self.word(cs - 1), "and" | "but") {
            let ce = self.cue_end(i);
            let content = self.content_bytes(self.object_range(ce));
            let cue_text = self.cue_words(cs..ce);
            if let Some(prev) = self.previous_in_sentence(out) {
                return self.continue_previous(out, prev, cs..ce, cue_text, content, cue);
            }
            let Some(src) = self.subject(cs) else { return false };
            return self.push(out, cs..ce, cue_text, src, content, kind);
        }

        // "Limbaugh added:" and the quotation in the next paragraph.
        if i + 1 < n && self.is_punct(i + 1, &[":"]) && self.words_in(i + 2..n) == 0 {
            let Some(src) = self.source_before(cs) else {
                return false;
            };
            let content = self.next_paragraph().and_then(|r| self.quote_trimmed(r));
            return self.push(out, cs..i + 1, cue_text, src, content, kind);
        }

        // "“… the missing emails.” Trump said.": a sentence of only its
        // source and cue after a quotation that closed the sentence before;
        // the quotation is the content.
        if (i + 1..n).all(|k| !self.is_word(k))
            && let Some(src) = self.source_before(cs)
            && src.start == 0
            && let Some(content) = self.quotation_before_sentence()
        {
            return self.push(out, cs..i + 1, cue_text, src, Some(content), kind);
        }

        // "…, a claim that Afghan officials have denied": points back.
        // (or "… as “disinformation”." after a denial)
        let qualified_end = cue.stance == Stance::Denies
            && i + 1 < n
            && self.word(i + 1) == "as"
            && (i + 2..n.min(i + 7)).any(|j| self.lex.is("negative", self.word(j)))
            && (i + 2..n)
                .take_while(|&j| !self.is_punct(j, &[",", ";"]))
                .take(6)
                .count()
                <= 5;
        let after_is_end = i + 1 >= n || self.is_punct(i + 1, &[",", ".", ";"]) || qualified_end;
        if after_is_end {
            // "a claim the Taliban denies", "…, charges Ukraine rejects".
            // (A pronoun is no pointer here, nor a word of a quotation that
            // closed before the source: "“… is that it is not …,” he said.")
            let pointer = (cs.saturating_sub(10)..cs).rev().find(|&k| {
                self.lex.is("pointer", self.word(k))
                    && k > 0
                    && !matches!(self.word(k), "it" | "them" | "this" | "that" | "these" | "those")
                    && !(k..cs).any(|j| self.is_punct(j, &["”", "\""]))
                    && (self.lex.is("determiner", self.word(k - 1))
                        || (self.lex.is("accusation", self.word(k)) && self.is_punct(k - 1, &[","])))
            });
            if let Some(p) = pointer {
                let src_start = if self.word(p + 1) == "that" || self.word(p + 1) == "which" {
                    p + 2
                } else {
                    p + 1
                };
                let src = self.source_range(src_start..cs);
                let earlier = src.clone().and_then(|r| antecedent(out, self.text, &self.span(r)));
                if let (Some(src), Some(antecedent)) = (src, earlier) {
                    let content = Some((out[antecedent].content.clone(), out[antecedent].quoted));
                    if self.push(out, cs..i + 1, cue_text, src, content, kind) {
                        let last = out.len() - 1;
                        out[last].points_back = Some(antecedent);
                        return true;
                    }
                    return false;
                }
            }
        }

        // "…, said the minister." (inverted; not "…, said that …")
        if cs > 0
            && self.is_punct(cs - 1, &[",", "”", "\""])
            && i + 1 < n
            && lex.is("inverted", self.word(i))
            && self.word(i + 1) != "that"
        {
            // A period inside the sentence ends an abbreviation ("Rep."), not the source.
            let last_period = |k: usize| self.is_punct(k, &["."]) && (k + 1..n).all(|j| !self.is_word(j));
            let end = (i + 1..n)
                .find(|&k| {
                    self.is_punct(k, &[",", ";", "—"])
                        || last_period(k)
                        || (k > i + 1 && lex.is("after_source", self.word(k)))
                })
                .unwrap_or(n);
            let first = self.toks[i + 1].text(self.text);
            let capital = |k: usize| {
                k < end
                    && self.toks[k]
                        .text(self.text)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            };
            // "said Smith", "said the minister", "said one official", "said 12
            // senators", "said former Gov. Jim Hodges", "said pollster Ann Selzer".
            let named = capital(i + 1)
                || lex.is("determiner", self.word(i + 1))
                || lex.is("quantifier", self.word(i + 1))
                || lex.is("title_lead", self.word(i + 1))
                || (first.chars().all(char::is_lowercase) && capital(i + 2) && capital(i + 3));
            // "Derek Mitchell, who served as …, said Clinton reached out": a
            // name and its appositive before the cue, a clause after it.
            let appositive_before = cs > 1
                && self.is_punct(cs - 1, &[","])
                && (self.name_then_comma(cs - 1) || self.relative_clause_before(cs - 1).is_some());
            let clause_after = (i + 1..end).any(|k| lex.is("finite", self.word(k)));
            if named
                && !appositive_before
                && !clause_after
                && end > i + 1
                && self.words_in(i + 1..end) <= 10
                && let Some(src) = self.source_range(i + 1..end)
            {
                let cend = if self.is_punct(cs - 1, &[","]) { cs - 1 } else { cs };
                let content = self.content_bytes(self.clause_start(cend)..cend);
                let quoted_before =
                    self.is_punct(cs - 1, &["”", "\""]) || (cs > 1 && self.is_punct(cs - 2, &["”", "\""]));
                let pushed = self.push(out, cs..i + 1, cue_text, src, content, kind);
                // "“A,” said X, head of Y. “B.”": the quotation resumes after the sentence.
                if pushed && quoted_before && !(end..n).any(|k| self.is_punct(k, &["“", "\""])) {
                    self.resume_quote(n, out);
                }
                return pushed;
            }
        }

        // "…, officials said on Wednesday.", "“…,” she said of the vote" (content first)
        let boundary = (0..cs).rev().find(|&k| self.is_punct(k, &[",", "”", "\""]));
        if let Some(q) = boundary
            && self.content_first(q, i, &cue.lemma)
        {
            let src_start = q + 1;
            if let Some(src) = self.source_range(src_start..cs)
                && self.words_in(src.clone()) <= 10
            {
                let cend = if self.is_punct(q, &[","]) { q } else { q + 1 };
                let quote_next = (i + 1..n)
                    .find(|&k| !self.is_punct(k, &[",", ".", ":"]))
                    .is_none_or(|k| self.is_punct(k, &["“", "\""]));
                // "DuVernay said she felt A, “B,” she said. “C.”": the clause
                // before the cue holds an earlier attribution, and the
                // quotation before the cue opened after it. Its content
                // keeps the words it holds, and this one has the quotation
                // that resumes after the cue, if any; else the words after
                // the earlier attribution.
                let clause = self.toks[self.clause_start(cend).min(cend)].start;
                let opened = self
                    .is_punct(q, &["”", "\""])
                    .then(|| (0..q).rev().find(|&k| self.is_punct(k, &["“", "\""])))
                    .flatten()
                    .map(|k| self.toks[k].start);
                if let Some(p) = self.previous_in_sentence(out)
                    && out[p].cue.start >= clause
                    && opened.is_some_and(|o| out[p].cue.end <= o)
                {
                    let last = self.toks[cend - 1].start;
                    let held = std::iter::once(&out[p].content)
                        .chain(&out[p].more)
                        .any(|r| r.contains(&last));
                    let content = if held {
                        // The earlier content ends where this source begins.
                        let end = self.toks[cend - 1].end;
                        if out[p].content.start < end && out[p].content.end > end {
                            out[p].content.end = end;
                        }
                        let from = if quote_next { i + 1 } else { n };
                        self.quote_resumed(from).map(|r| (r, true))
                    } else {
                        let after = out[p].cue.end.max(out[p].source.end);
                        let from = (0..cend)
                            .find(|&k| self.toks[k].start >= after && !self.is_punct(k, &[","]))
                            .unwrap_or(cend);
                        self.content_bytes(from..cend)
                    };
                    return self.push(out, cs..i + 1, cue_text, src, content, kind);
                }
                let mut content = self.content_bytes(self.clause_start(cend)..cend);
                if content.is_none() && quote_next && !self.is_punct(q, &[","]) {
                    // "“That,” he added, “promises …”": one word opens the quotation.
                    content = self.opening_word(self.clause_start(cend)..cend);
                }
                let pushed = self.push(out, cs..i + 1, cue_text, src, content, kind);
                // "The museum, he said, celebrated his heroes": the clause goes on after the cue.
                let goes_on = i + 2 < n
                    && self.is_punct(q, &[","])
                    && self.is_punct(i + 1, &[","])
                    && self.is_word(i + 2)
                    && !self.word(i + 2).ends_with("ing")
                    && !self.lex.is("adjunct", self.word(i + 2))
                    && !(i + 2..n).any(|k| self.is_punct(k, &["“", "\"", "”"]));
                if pushed
                    && goes_on
                    && let Some((rest, _)) = self.content_bytes(self.content_after(i + 2))
                    && let Some(last) = out.last_mut()
                {
                    last.more.push(rest);
                }
                if pushed && !self.is_punct(q, &[","]) {
                    if quote_next {
                        self.resume_quote(i + 1, out);
                    } else if !(i + 1..n).any(|k| self.is_punct(k, &["“", "\""])) {
                        // "“A,” she said Friday. “B.”"
                        self.resume_quote(n, out);
                    }
                }
                return pushed;
            }
        }

        // "X said (that) Y", "X called for Y"; "Pakistan's claim that Y": the
        // possessor claims.
        // "… the Balochistan Liberation Army (BLA), which claimed
        // responsibility …": the name before the relative pronoun speaks.
        if cs >= 3
            && matches!(self.word(cs - 1), "which" | "who")
            && self.is_punct(cs - 2, &[","])
            && let Some(name) = self.name_before(cs - 2)
        {
            let ce = self.cue_end(i);
            let mut range = self.object_range(ce);
            // The relative clause ends at its comma: "Smith, who said A, left".
            if let Some(c) = (range.start..range.end).find(|&k| self.is_punct(k, &[","])) {
                range.end = c;
            }
            let content = self.content_bytes(range);
            let pushed = self.push(out, cs..ce, self.cue_words(cs..ce), cs - 1..cs, content, kind);
            if pushed && let Some(last) = out.last_mut() {
                last.antecedent = Some(self.span(name));
            }
            return pushed;
        }

        // "Kabul rejects the accusations, says the clash was provoked": a
        // second verb after a comma has the first one's speaker.
        if cs > 0
            && self.is_punct(cs - 1, &[","])
            && let Some(prev) = self.previous_in_sentence(out)
            && self
                .source_before(cs)
                .is_some_and(|r| self.span(r).end > out[prev].cue.start)
        {
            let ce = self.cue_end(i);
            let content = self.content_bytes(self.object_range(ce));
            return self.continue_previous(out, prev, cs..ce, self.cue_words(cs..ce), content, cue);
        }
        let possessor = self.possessor(cs);
        let Some(src) = possessor.clone().or_else(|| self.source_before(cs)) else {
            return false;
        };
        let ce = self.cue_end(i);
        // "Pakistan's claim of militant sanctuaries": the claim is what follows "of".
        let of = possessor.is_some() && ce < n && matches!(self.word(ce), "of" | "about");
        // "Islamabad's claims over the attack": a noun whose content is not
        // said ("that", "of", "about", a colon) reports no claim.
        if possessor.is_some() && cue.noun && !of && !(ce < n && (self.word(ce) == "that" || self.is_punct(ce, &[":"])))
        {
            return false;
        }
        let from = if cue.lemma == "tell" {
            self.after_addressee(ce)
        } else {
            ce + usize::from(of)
        };
        let mut range = self.content_after(from);
        if !lex.is("inverted", self.word(i)) {
            range.end = self.object_end(range.clone());
        }
        if cue.stance == Stance::Asserts
            && let Some(pushed) = self.said_baseless(cs..ce, range.clone(), src.clone(), out)
        {
            return pushed;
        }
        let content = self.content_bytes(range);
        self.push(out, cs..ce, self.cue_words(cs..ce), src, content, kind)
    }

    /// Pushes an attribution that continues the earlier attribution `prev`
    /// of the sentence with another cue: same source ("…, maintaining that
    /// …", "… and said …"). False without content.
    pub(in crate::extract) fn continue_previous(
        &self,
        out: &mut Vec<Attribution>,
        prev: usize,
        cue_tokens: Range<usize>,
        cue_text: String,
        content: Option<(Range<usize>, bool)>,
        cue: &Cue,
    ) -> bool {
        let Some((content, quoted)) = content else {
            return false;
        };
        out.push(Attribution {
            cue: self.span(cue_tokens),
            cue_text,
            source: out[prev].source.clone(),
            content,
            stance: cue.stance,
            quoted,
            points_back: None,
            continues: Some(prev),
            accuse: cue.accuse,
            evidence: cue.evidence,
            pronoun: out[prev].pronoun,
            more: Vec::new(),
            learned: cue.learned,
            cue_score: None,
            answers_accusation: false,
            antecedent: None,
            accused: None,
            loose: false,
            question: false,
        });
        true
    }
}
