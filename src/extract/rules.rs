//! The rule-based attribution finder: cue, source and content around each
//! cue of the lexicon, for the common patterns of news prose.
//!
//! | pattern | example |
//! |---|---|
//! | source cue (that) content | Pakistan maintains that armed groups operate … |
//! | content, source cue | …, officials said on Wednesday. |
//! | content, cue source | …, said the minister. |
//! | according to source, content / content, according to source | |
//! | a claim that source denied | …, a claim that Afghan officials have denied |
//! | , cue-ing (that) content | …, maintaining that no one can use … |
//! | source labelled these claims (as) baseless | Pakistani officials have labelled these claims as baseless. |
//! | source denied/rejected the allegations | (points back at the claim it answers) |

use super::lexicon::Lexicon;
use crate::claim::Stance;
use crate::text::{self, Sentence, Token};
use std::ops::Range;

/// One attribution found in the text. Ranges are byte ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The cue words.
    pub cue: Range<usize>,
    /// The cue as recorded in the claim file ("labelled … as baseless").
    pub cue_text: String,
    /// The words naming the source.
    pub source: Range<usize>,
    /// The content as it stands in the text (without outer quote marks);
    /// for a denial that points back, the content of the claim it denies.
    pub content: Range<usize>,
    /// Asserts or denies.
    pub stance: Stance,
    /// Content is a direct quotation.
    pub quoted: bool,
    /// A denial that points back at this earlier attribution.
    pub points_back: Option<usize>,
    /// A participle clause continuing this earlier attribution ("…, maintaining that …").
    pub continues: Option<usize>,
    /// The cue is an accusation or a competing claim.
    pub accuse: bool,
    /// The cue offers evidence.
    pub evidence: bool,
    /// The source is a pronoun ("he added").
    pub pronoun: bool,
}

/// How far back (bytes) a quotation's opening mark is looked for.
const QUOTE_LOOKBACK: usize = 2 * crate::text::MAX_SENTENCE_BYTES;

/// Finds the attributions of a text, in text order of their cues.
pub fn find(text: &str, body_start: usize) -> Vec<Attribution> {
    let lex = Lexicon::get();
    let paragraphs = text::paragraphs(text, body_start);
    let mut out: Vec<Attribution> = Vec::new();
    for sentence in text::sentences(text, body_start) {
        let para = paragraphs[sentence.paragraph].clone();
        SentenceScan::new(text, &sentence, para, lex).run(&mut out);
    }
    out
}

struct SentenceScan<'a> {
    text: &'a str,
    para: Range<usize>,
    toks: Vec<Token>,
    low: Vec<String>,
    lex: &'a Lexicon,
    /// Index in the output of the first attribution of this sentence.
    first: usize,
}

impl<'a> SentenceScan<'a> {
    fn new(text: &'a str, sentence: &Sentence, para: Range<usize>, lex: &'a Lexicon) -> Self {
        let toks = text::tokens(text, sentence.range.clone());
        let low = toks
            .iter()
            .map(|t| t.text(text).to_lowercase().replace('’', "'"))
            .collect();
        SentenceScan {
            text,
            para,
            toks,
            low,
            lex,
            first: 0,
        }
    }

    fn run(&mut self, out: &mut Vec<Attribution>) {
        self.first = out.len();
        for i in 0..self.toks.len() {
            if self.low[i] == "according" && self.low.get(i + 1).is_some_and(|w| w == "to") {
                self.according(i, out);
            } else if self.lex.is("qualify", &self.low[i]) && self.qualified_denial(i, out) {
                continue;
            } else if self.lex.cue(&self.low[i]).is_some() {
                self.verb(i, out);
            }
        }
    }

    fn word(&self, i: usize) -> &str {
        &self.low[i]
    }

    fn is_word(&self, i: usize) -> bool {
        self.low[i].chars().next().is_some_and(char::is_alphanumeric)
    }

    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.low[i].as_str())
    }

    fn span(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.toks.get(r.start).map_or(self.text.len(), |t| t.start);
            return at..at;
        }
        self.toks[r.start].start..self.toks[r.end - 1].end
    }

    /// Token index where the sentence's own words start: after a dateline
    /// ("KABUL, AFGHANISTAN —", "Kabul:") and leading connectives ("But",
    /// "In a separate development,").
    fn clause_start(&self, limit: usize) -> usize {
        let mut s = 0;
        // Dateline: capitalised words then ":" or a dash, within five tokens.
        if let Some(k) = (0..limit.min(6)).find(|&k| self.is_punct(k, &[":", "—", "–"])) {
            let all_names = (0..k).all(|j| {
                self.is_punct(j, &[","])
                    || self.toks[j]
                        .text(self.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            });
            if k > 0 && all_names {
                s = k + 1;
            }
        }
        loop {
            let before = s;
            if s < limit && self.lex.is("lead", self.word(s)) {
                s += 1;
                if s < limit && self.is_punct(s, &[","]) {
                    s += 1;
                }
            }
            if s < limit
                && self.lex.is("connective", self.word(s))
                && let Some(c) = (s + 1..limit.min(s + 7)).find(|&k| self.is_punct(k, &[","]))
            {
                s = c + 1;
            }
            if s == before {
                return s;
            }
        }
    }

    /// The last attribution of this sentence, if any.
    fn previous_in_sentence(&self, out: &[Attribution]) -> Option<usize> {
        (out.len() > self.first).then(|| out.len() - 1)
    }

    /// Extends the cue backwards over auxiliaries and adverbs ("has
    /// categorically denied"); `None` when the cue is negated, passive or an
    /// infinitive.
    fn cue_start(&self, i: usize) -> Option<usize> {
        if i > 0 {
            let prev = self.word(i - 1);
            if matches!(prev, "to" | "is" | "was" | "were" | "are" | "be" | "been" | "being")
                || self.lex.is("determiner", prev)
            {
                return None;
            }
        }
        let mut s = i;
        while s > 0 && self.lex.is("aux", self.word(s - 1)) {
            s -= 1;
        }
        if (s..i).any(|k| matches!(self.word(k), "not" | "never")) {
            return None;
        }
        Some(s)
    }

    /// Word tokens of `range`.
    fn words_in(&self, range: Range<usize>) -> usize {
        range.filter(|&k| self.is_word(k)).count()
    }

    /// Content after a cue: skips an object before "that" ("told Dawn.com
    /// last month that …") and ends before a trailing clause that belongs to
    /// another attribution ("…, a claim that …", "…, maintaining that …").
    fn content_after(&self, from: usize) -> Range<usize> {
        let n = self.toks.len();
        let mut s = from;
        let window = (from..n.min(from + 9)).find(|&k| self.word(k) == "that" || self.is_punct(k, &[",", ";"]));
        if let Some(k) = window
            && self.word(k) == "that"
        {
            s = k + 1;
        }
        if s < n && self.is_punct(s, &[":", ","]) {
            s += 1;
        }
        let mut e = n;
        for k in s + 1..n {
            if self.is_punct(k, &[","]) && k + 1 < n {
                let w = self.word(k + 1);
                let pointer = self.lex.is("determiner", w)
                    && (k + 2 < n
                        && self.lex.is("pointer", self.word(k + 2))
                        && self.word(k + 2).starts_with(['c', 'a']));
                let participle = w.ends_with("ing") && self.lex.cue(w).is_some();
                if pointer || participle {
                    e = k;
                    break;
                }
            }
        }
        s..e
    }

    /// The byte range of a content token range, trimmed of punctuation and
    /// outer quote marks; extended back to the opening quote when the
    /// quotation began in an earlier sentence. Returns (range, quoted).
    fn content_bytes(&self, r: Range<usize>) -> Option<(Range<usize>, bool)> {
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
            }
        }
        (e > s).then_some((s..e, quoted))
    }

    /// A source token range: trimmed of punctuation; `None` if empty or too long.
    fn source_range(&self, mut r: Range<usize>) -> Option<Range<usize>> {
        while r.start < r.end && !self.is_word(r.start) && !self.is_punct(r.start, &["“", "\""]) {
            r.start += 1;
        }
        while r.end > r.start && !self.is_word(r.end - 1) {
            r.end -= 1;
        }
        let words = self.words_in(r.clone());
        (words > 0 && words <= 12).then_some(r)
    }

    /// The source before a cue: from the clause start, cut at the last
    /// clause boundary when the subject is long.
    fn source_before(&self, cue_start: usize) -> Option<Range<usize>> {
        let start = self.clause_start(cue_start);
        if start >= cue_start {
            return None;
        }
        if self.words_in(start..cue_start) <= 8
            && !(start..cue_start).any(|k| self.lex.is("boundary", self.word(k)) && k > start)
        {
            return self.source_range(start..cue_start);
        }
        let cut = (start..cue_start)
            .rev()
            .find(|&k| self.is_punct(k, &[",", ";", ":", "(", ")", "”", "\""]) || self.lex.is("boundary", self.word(k)))
            .map_or(start, |k| k + 1);
        let r = self.source_range(cut..cue_start)?;
        (self.words_in(r.clone()) <= 8).then_some(r)
    }

    fn push(
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
        let source_b = self.span(source);
        let pronoun = self.lex.is("pronoun", &self.text[source_b.clone()].to_lowercase());
        out.push(Attribution {
            cue: self.span(cue),
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
        });
        true
    }

    fn cue_words(&self, r: Range<usize>) -> String {
        self.text[self.span(r)].to_string()
    }

    /// "according to X, Y" and "Y, according to X".
    fn according(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let cue = i..i + 2;
        let start = self.clause_start(i);
        if i == start {
            let comma = (i + 2..n).find(|&k| self.is_punct(k, &[","]));
            let Some(c) = comma else { return false };
            let Some(src) = self.source_range(i + 2..c) else {
                return false;
            };
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
        let end = (i + 2..n).find(|&k| self.is_punct(k, &[";", "(", "—"])).unwrap_or(n);
        let Some(src) = self.source_range(i + 2..end) else {
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

    /// "X labelled these claims (as) baseless", "X said the claims are
    /// baseless", "X rejected the allegations": a denial that points back.
    fn qualified_denial(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let Some(cs) = self.cue_start(i) else { return false };
        let mut k = i + 1;
        if k < n && self.lex.is("determiner", self.word(k)) {
            k += 1;
        }
        if !(k < n && self.lex.is("pointer", self.word(k))) {
            return false;
        }
        let pointer_at = k;
        k += 1;
        // "rejected the allegations that Y": the content follows.
        if k < n && self.word(k) == "that" {
            return false;
        }
        let neg = (k..n.min(k + 5)).find(|&j| self.lex.is("negative", self.word(j)));
        let is_denial_verb = self.lex.cue(self.word(i)).is_some_and(|c| c.stance == Stance::Denies);
        let end_of_clause = k >= n || self.is_punct(k, &[".", ",", ";"]);
        let cue_end = match neg {
            Some(j) => j + 1,
            None if is_denial_verb && end_of_clause => pointer_at + 1,
            None => return false,
        };
        let Some(src) = self.source_before(cs) else {
            return false;
        };
        let Some(antecedent) = out.len().checked_sub(1) else {
            return false;
        };
        let cue_text = match neg {
            Some(j) => format!(
                "{} … {}",
                self.cue_words(cs..i + 1),
                self.cue_words(pointer_at + 1..j + 1).trim_start_matches(['“', '"'])
            ),
            None => self.cue_words(cs..cue_end),
        };
        let content = out[antecedent].content.clone();
        let pushed = self.push(
            out,
            cs..cue_end,
            cue_text,
            src,
            Some((content, out[antecedent].quoted)),
            (Stance::Denies, false, false),
        );
        if pushed {
            let last = out.len() - 1;
            out[last].points_back = Some(antecedent);
            out[last].cue = self.span(cs..i + 1);
        }
        pushed
    }

    /// A reporting verb of the lexicon.
    fn verb(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
        let lex = self.lex;
        let cue = lex.cue(self.word(i)).expect("caller checked").clone();
        let Some(cs) = self.cue_start(i) else { return false };
        let n = self.toks.len();
        let kind = (cue.stance, cue.accuse, cue.evidence);
        let cue_text = self.cue_words(cs..i + 1);

        // "…, maintaining that …": continues the previous attribution.
        if self.word(i).ends_with("ing") && cs > 0 && self.is_punct(cs - 1, &[","]) {
            let Some(prev) = self.previous_in_sentence(out) else {
                return false;
            };
            let content = self.content_bytes(self.content_after(i + 1));
            let source = out[prev].source.clone();
            let pushed = content.is_some();
            if let Some((content, quoted)) = content {
                out.push(Attribution {
                    cue: self.span(cs..i + 1),
                    cue_text,
                    source,
                    content,
                    stance: cue.stance,
                    quoted,
                    points_back: None,
                    continues: Some(prev),
                    accuse: cue.accuse,
                    evidence: cue.evidence,
                    pronoun: out[prev].pronoun,
                });
            }
            return pushed;
        }

        // "…, a claim that Afghan officials have denied": points back.
        let after_is_end = i + 1 >= n || self.is_punct(i + 1, &[",", ".", ";"]);
        if after_is_end {
            let pointer = (cs.saturating_sub(10)..cs).rev().find(|&k| {
                self.lex.is("pointer", self.word(k)) && k > 0 && self.lex.is("determiner", self.word(k - 1))
            });
            if let Some(p) = pointer {
                let src_start = if self.word(p + 1) == "that" || self.word(p + 1) == "which" {
                    p + 2
                } else {
                    p + 1
                };
                if let (Some(src), Some(antecedent)) = (self.source_range(src_start..cs), out.len().checked_sub(1)) {
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

        // "…, said the minister." (inverted)
        if cs > 0 && self.is_punct(cs - 1, &[",", "”", "\""]) && i + 1 < n {
            let end = (i + 1..n).find(|&k| self.is_punct(k, &[",", ".", ";"])).unwrap_or(n);
            let first = self.toks[i + 1].text(self.text);
            let named = first.chars().next().is_some_and(char::is_uppercase) || lex.is("determiner", self.word(i + 1));
            if named
                && end > i + 1
                && self.words_in(i + 1..end) <= 10
                && (end..n).all(|k| !self.is_word(k))
                && let Some(src) = self.source_range(i + 1..end)
            {
                let cend = if self.is_punct(cs - 1, &[","]) { cs - 1 } else { cs };
                let content = self.content_bytes(self.clause_start(cend)..cend);
                return self.push(out, cs..i + 1, cue_text, src, content, kind);
            }
        }

        // "…, officials said on Wednesday." (content first)
        let tail_words = self.words_in(i + 1..n);
        let has_that = (i + 1..n).any(|k| self.word(k) == "that");
        if !has_that && tail_words <= 6 {
            let boundary = (0..cs).rev().find(|&k| self.is_punct(k, &[",", "”", "\""]));
            if let Some(q) = boundary {
                let src_start = q + 1;
                if let Some(src) = self.source_range(src_start..cs)
                    && self.words_in(src.clone()) <= 10
                {
                    let cend = if self.is_punct(q, &[","]) { q } else { q + 1 };
                    let content = self.content_bytes(self.clause_start(cend)..cend);
                    return self.push(out, cs..i + 1, cue_text, src, content, kind);
                }
            }
        }

        // "X said (that) Y"
        let Some(src) = self.source_before(cs) else {
            return false;
        };
        let content = self.content_bytes(self.content_after(i + 1));
        self.push(out, cs..i + 1, cue_text, src, content, kind)
    }
}
