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

use super::lexicon::{Cue, Lexicon};
use super::tagger::{self, Tagger};
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
    /// A denial that points at the attribution it answers: usually an
    /// earlier one, or one the article reports after it ("X denied the
    /// allegations … Pakistan had claimed …").
    pub points_back: Option<usize>,
    /// A participle clause continuing this earlier attribution ("…, maintaining that …").
    pub continues: Option<usize>,
    /// The cue is an accusation or a competing claim.
    pub accuse: bool,
    /// The cue offers evidence.
    pub evidence: bool,
    /// The source is a pronoun ("he added").
    pub pronoun: bool,
    /// Further content: a quotation that resumes after the cue.
    pub more: Vec<Range<usize>>,
    /// For a cue learned from annotated text rather than reviewed: the
    /// share of its training occurrences that were cues (0 for a cue only
    /// the tagger proposed).
    pub learned: Option<f32>,
    /// The tagger's score of the cue head, when a tagger ran.
    pub cue_score: Option<f32>,
    /// A denial of "the allegations", "the accusations": it answers an
    /// accusation, possibly one the article reports later.
    pub answers_accusation: bool,
    /// Assembled loosely around a cue the tagger is sure of where no
    /// pattern held (see [`LOOSE_THRESHOLD`]).
    pub loose: bool,
    /// For a relative pronoun as the source ("…, which claimed"), the name
    /// it stands for: the claimant of the claim. The span output keeps the
    /// pronoun, as PolNeAR annotates it.
    pub antecedent: Option<Range<usize>>,
    /// For a denial of someone's claims, who made them: "rejected
    /// Islamabad's allegations", "the allegations made by Pakistan's
    /// military spokesperson".
    pub accused: Option<Range<usize>>,
    /// A question put to someone ("Asked whether …, she said"): annotated
    /// corpora mark it as an attribution, but it claims nothing.
    pub question: bool,
}

/// Tagger score above which a learned or proposed cue that fits no pattern
/// still gets an attribution, assembled loosely: the nearest subject or
/// relative pronoun before it, the rest of its clause after it. The filter
/// then judges it.
pub const LOOSE_THRESHOLD: f32 = 0.0;
/// Most words of a source its cue delimits ("according to …,", "in the
/// latest … poll").
const DELIMITED_SOURCE_MAX_WORDS: usize = 25;

/// How far back (bytes) a quotation's opening mark is looked for.
const QUOTE_LOOKBACK: usize = 2 * crate::text::MAX_SENTENCE_BYTES;

/// Finds the attributions of a text, in text order of their cues, with
/// the cue lexicon `lex`.
/// With a tagger, words outside the reviewed lexicon are cues when it scores
/// them above `threshold`.
pub(crate) fn find(text: &str, body_start: usize, lex: &Lexicon, tagger: Option<(&Tagger, f32)>) -> Vec<Attribution> {
    let paragraphs = text::paragraphs(text, body_start);
    let transcript = paragraphs.iter().filter(|p| speaker_label(&text[(*p).clone()])).count() >= 2;
    let mut out: Vec<Attribution> = Vec::new();
    let mut last_paragraph = None;
    for sentence in text::sentences(text, body_start) {
        let para = paragraphs[sentence.paragraph].clone();
        let mut scan = SentenceScan::new(text, &sentence, para, lex);
        // A speaker's label opens a transcript's paragraph ("PENCE: Well, …")
        // or a headline ("Pence: Flowers Won't Be at Debate").
        let opens_paragraph = last_paragraph != Some(sentence.paragraph);
        last_paragraph = Some(sentence.paragraph);
        if opens_paragraph
            && ((transcript && speaker_label(&text[sentence.range.clone()]))
                || (sentence.paragraph == 0 && paragraphs.len() > 1 && scan.headline()))
        {
            scan.label(&mut out);
        }
        scan.run(&mut out, tagger);
    }
    repoint_forward(&mut out);
    out
}

/// Whether a paragraph opens with a speaker's label in capitals, as
/// transcripts do: "PENCE: …", "\"WALLACE: …".
fn speaker_label(paragraph: &str) -> bool {
    let p = paragraph.trim_start_matches(['"', '“']);
    let Some((label, rest)) = p.split_once(':') else {
        return false;
    };
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && label.len() <= 30
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
        && rest.split_whitespace().count() >= 2
}

/// A denial of "the allegations" whose antecedent is no accusation answers
/// the first accusation the article reports after it, if there is one
/// ("Kabul rejected the allegations … Pakistan's military had claimed that
/// …"): it copies that claim's content instead.
fn repoint_forward(out: &mut [Attribution]) {
    for k in 0..out.len() {
        if !out[k].answers_accusation || out[k].points_back.is_some_and(|p| out[p].accuse) {
            continue;
        }
        if let Some(j) = (k + 1..out.len()).find(|&j| out[j].accuse && out[j].stance == Stance::Asserts) {
            out[k].points_back = Some(j);
            out[k].content = out[j].content.clone();
            out[k].quoted = out[j].quoted;
        }
    }
}

/// The claim a denial points back at: the last assertion found so far whose
/// cue is sure enough to make a claim (else the last attribution).
pub(super) fn antecedent(out: &[Attribution], text: &str, speaker: &Range<usize>) -> Option<usize> {
    let name = |r: &Range<usize>| text[r.clone()].trim().to_lowercase();
    // A pronoun speaks for the last one named.
    // (A question put to someone is no claim to deny nor a speaker.)
    let mut who = name(speaker);
    if matches!(who.as_str(), "he" | "she" | "it" | "they" | "we")
        && let Some(last) = out.iter().rfind(|a| !a.question)
    {
        who = name(&last.source);
    }
    let claim = |a: &Attribution| a.learned.is_none_or(|s| s >= super::CLAIM_MIN_LEARNED_SHARE);
    out.iter()
        .rposition(|a| !a.question && a.stance == Stance::Asserts && claim(a) && name(&a.source) != who)
        .or_else(|| out.iter().rposition(|a| !a.question && name(&a.source) != who))
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

    fn run(&mut self, out: &mut Vec<Attribution>, tagger: Option<(&Tagger, f32)>) {
        self.first = out.len();
        let threshold = tagger.map_or(0.0, |(_, t)| t);
        let scores = tagger.map(|(t, _)| {
            t.scores(
                &tagger::Sentence {
                    text: self.text,
                    toks: &self.toks,
                    low: &self.low,
                },
                self.lex,
            )
        });
        // A denial of "Kabul's claims" has read up to here: "claims" is no cue.
        let mut resume = 0;
        for i in 0..self.toks.len() {
            if i < resume {
                continue;
            }
            if self.is_punct(i, &["―", "—", "–"]) {
                self.byline(i, out);
            } else if matches!(self.low[i].as_str(), "according" | "as")
                && self
                    .low
                    .get(i + 1)
                    .is_some_and(|w| w == if self.low[i] == "as" { "per" } else { "to" })
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
            } else if let Some(end) = self.quoted_as_saying(i, out) {
                resume = end;
            } else if self.lex.is("accusation", &self.low[i])
                && let Some(end) = self.nominal_allegation(i, out)
            {
                resume = end;
            } else if (self.lex.is("qualify", &self.low[i])
                || self.lex.cue(&self.low[i]).is_some_and(|c| c.stance == Stance::Denies))
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
                let noun_use = cue.noun || (i > 0 && self.lex.is("determiner", self.word(i - 1)));
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

    /// A speaker's label at the start of the sentence ("PENCE: Well, …"):
    /// the label is the source, the colon the cue and the rest of the
    /// paragraph the content.
    fn label(&self, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let mut start = usize::from(n > 0 && self.is_punct(0, &["“", "\""]));
        // "EXCLUSIVE – Roger Stone: …": a kicker and a dash before the label.
        if start + 2 < n && self.lex.is("kicker", self.word(start)) && self.is_punct(start + 1, &["–", "—", "-"]) {
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
                self.is_punct(k, &["."]) || (self.is_word(k) && (capital(k) || self.lex.is("label_noun", self.word(k))))
            })
            && (start..end).all(|k| self.lex.cue(self.word(k)).is_none_or(|c| c.learned.is_some()));
        // "The Latest:", "Breaking News:", "Watch:": a kicker names nobody.
        let kicker = (start..end).all(|k| {
            !self.is_word(k) || self.lex.is("kicker", self.word(k)) || self.lex.is("determiner", self.word(k))
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
            && (start..end).all(|k| self.lex.cue(self.word(k)).is_none_or(|c| c.learned.is_some()));
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
    fn byline(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
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

    /// The cue at token `i`: a reviewed lexicon entry; else, with a tagger,
    /// a word it scores above `threshold` as a cue head (a plain assertion, its learned share
    /// from the cue table or 0); else a learned form of the cue table.
    fn cue_at(&self, i: usize, scores: Option<&[Option<f32>]>, threshold: f32) -> Option<Cue> {
        let entry = self.lex.cue(&self.low[i]);
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
                lemma: self.low[i].clone(),
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
    fn appeal(&self, i: usize) -> bool {
        matches!(self.word(i), "call" | "calls" | "called" | "calling")
            && self.low.get(i + 1).is_some_and(|w| w == "on")
            && self.low.get(i + 2).is_some_and(|w| !self.lex.is("time", w))
            && (i + 3..self.toks.len().min(i + 10))
                .take_while(|&k| self.is_word(k))
                .any(|k| self.word(k) == "to")
    }

    /// What makes a noun-verb homograph a cue: a clause follows ("claims
    /// that", "states:", "claims, “…”"), a name or pronoun precedes
    /// ("Islamabad claims", "he claims"), it is a progressive ("is
    /// warning voters") or it follows a quotation ("“…,” reported Reuters").
    fn clause_follows(&self, i: usize) -> bool {
        let clause =
            i + 1 < self.toks.len() && (self.word(i + 1) == "that" || self.is_punct(i + 1, &[":", ",", "“", "\""]));
        // "Trump is warning voters that …": a progressive is a verb.
        let progressive = i > 0
            && self.word(i).ends_with("ing")
            && matches!(
                self.word(i - 1),
                "is" | "are" | "was" | "were" | "am" | "been" | "'s" | "'re"
            );
        let subject = i > 0
            && (self.lex.is("pronoun", self.word(i - 1))
                || self.toks[i - 1]
                    .text(self.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase));
        // "“…,” reported Reuters": a verb inverted after a quotation.
        let inverted = i > 1 && self.is_punct(i - 1, &["”", "\""]) && self.is_punct(i - 2, &[","]);
        // "denied claims that …", "rejected reports that …": the object of
        // a speech verb, not a verb of its own.
        let object = i > 0 && self.lex.cue(self.word(i - 1)).is_some_and(|c| !c.noun);
        (clause || subject || progressive || inverted) && !object
    }

    /// Whether no noun phrase follows the verb at `i` (past adverbs and
    /// time words): a clause ("that", a quotation, a colon, a comma, a
    /// pronoun or a name opening one) or the end of the clause ("…, he
    /// maintained.").
    fn no_object_follows(&self, i: usize) -> bool {
        let n = self.toks.len();
        let k = (i + 1..n)
            .find(|&k| !self.lex.is("time", self.word(k)) && !self.word(k).ends_with("ly"))
            .unwrap_or(n);
        k == n
            || !self.is_word(k)
            || self.word(k) == "that"
            || self.lex.is("pronoun", self.word(k))
            || self.toks[k].text(self.text).starts_with(char::is_uppercase)
    }

    /// A headline in title case ("Afghanistan Denies Role in Attack"): most
    /// of its words are capitalised.
    fn title_case(&self) -> bool {
        let words: Vec<&str> = (0..self.toks.len())
            .filter(|&k| self.is_word(k))
            .map(|k| self.toks[k].text(self.text))
            .collect();
        let capitals = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        words.len() >= 3 && capitals * 10 >= words.len() * 7
    }

    /// A headline: in title case, quoting someone ("Sanders: Clinton
    /// needs to 'get away from …'"), or one short line after a label that
    /// is no dateline in capitals ("Lynch: No outside influence on FBI
    /// probe"; not "ISLAMABAD: The foreign office said …").
    fn headline(&self) -> bool {
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
    fn capitalised_inside(&self, i: usize) -> bool {
        i > 0
            && !self.title_case()
            && !self.is_punct(i - 1, &["“", "\"", ":", "(", "—", "–"])
            && self.toks[i]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
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
        // "Taliban say A; Islamabad says B": a semicolon starts a clause.
        let mut s = (0..limit)
            .rev()
            .find(|&k| self.is_punct(k, &[";"]))
            .map_or(0, |k| k + 1);
        // Dateline: capitalised words then ":" or a dash, within five tokens;
        // "YEREVAN, Sept 14 (Reuters) -": a place, a date and an agency.
        let agency = (limit > 4 && self.is_punct(1, &[","]) && self.is_word(0))
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
        } else if let Some(k) = (0..limit.min(6)).find(|&k| self.is_punct(k, &[":", "—", "–"])) {
            let all_names = (0..k).all(|j| {
                self.is_punct(j, &[","])
                    || self.toks[j]
                        .text(self.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            });
            // ("Byrne — who stood at the door — said" is no dateline: a
            // lower-case word after the dash and a second dash.)
            let appositive = self.is_punct(k, &["—", "–"])
                && k + 1 < limit
                && self.toks[k + 1].text(self.text).starts_with(char::is_lowercase)
                && (k + 1..limit).any(|j| self.is_punct(j, &["—", "–"]));
            if k > 0 && all_names && !appositive {
                s = s.max(k + 1);
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
            // A fronted phrase up to its comma: seven tokens, twelve after a
            // preposition ("In a widely read column in the day before the
            // debate, …"), never over a quotation mark.
            let reach = if s < limit && self.lex.is("preposition", self.word(s)) {
                12
            } else {
                7
            };
            // ("Citing a theory, Trump said …": a participle of a cue opening
            // the sentence is a fronted phrase too; not "Beijing, which …".)
            let participle = s < limit
                && self.word(s).ends_with("ing")
                && self.lex.cue(self.word(s)).is_some()
                && (0..s).all(|k| !self.is_word(k));
            if s < limit
                && (self.lex.is("connective", self.word(s)) || participle)
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

    /// The last attribution of this sentence, if any.
    fn previous_in_sentence(&self, out: &[Attribution]) -> Option<usize> {
        // (A question put to someone has no speaker to pass on: "Asked
        // about the talks, Mujahid, the spokesman, said …".)
        (self.first..out.len()).rev().find(|&k| !out[k].question)
    }

    /// Extends the cue backwards over auxiliaries and adverbs ("has
    /// categorically denied"); `None` when the cue is negated, passive or an
    /// infinitive.
    fn cue_start(&self, i: usize) -> Option<usize> {
        let be = |w: &str| matches!(w, "is" | "was" | "were" | "are" | "am" | "be" | "been" | "'s" | "'re");
        // The "is" of a progressive ("is also encouraging") belongs to the cue.
        let progressive = self.word(i).ends_with("ing");
        let s = self.auxiliaries_before(i, |w| progressive && be(w) && w != "'s");
        if s > 0 {
            let prev = self.word(s - 1);
            // A passive, an infinitive or a noun: no cue of an attribution.
            if be(prev) || matches!(prev, "to" | "being") || self.lex.is("determiner", prev) {
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
    fn auxiliaries_before(&self, i: usize, also: impl Fn(&str) -> bool) -> usize {
        let mut s = i;
        while s > 0 {
            let w = self.word(s - 1);
            let lower = self.toks[s - 1].text(self.text).starts_with(char::is_lowercase);
            let adverb = lower && w.len() > 4 && w.ends_with("ly");
            if !(self.lex.is("aux", w) || w.ends_with("n't") || adverb || also(w)) {
                break;
            }
            s -= 1;
        }
        s
    }

    /// Where a cue in the infinitive starting at `cs` starts when the verb
    /// or adjective that takes it belongs to it ("continues to insist",
    /// "was able to tout", "went on to say"), with its auxiliaries and the
    /// words `also` accepts; `cs` itself otherwise.
    fn catenative_before(&self, cs: usize, also: impl Fn(&str) -> bool) -> usize {
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
        let noun = k > 0 && self.lex.is("determiner", self.word(k - 1));
        if lower && !noun && self.lex.is("catenative", self.word(k)) && (k == cs - 1 || self.lex.is("go", self.word(k)))
        {
            self.auxiliaries_before(k, also)
        } else {
            cs
        }
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
        let verb_after_and = |k: usize| {
            matches!(self.word(k), "and" | "but")
                && self
                    .low
                    .get(k + 1)
                    .is_some_and(|w| self.lex.cue(w).is_some() || self.lex.is("finite", w))
        };
        let window = (from..n.min(from + 9))
            .find(|&k| self.word(k) == "that" || self.is_punct(k, &[",", ";"]) || verb_after_and(k));
        // ("told reporters the attack showed that …": a verb before "that"
        // makes the clause the content.)
        // ("said he's unconvinced that …": a subject pronoun opens the
        // content's own clause.)
        let subject_pronoun = from < n && matches!(self.word(from), "he" | "she" | "they" | "we" | "i");
        if let Some(k) = window
            && self.word(k) == "that"
            && !subject_pronoun
            && (from..k).all(|j| {
                !self.lex.is("finite", self.word(j)) && self.lex.cue(self.word(j)).is_none_or(|c| c.learned.is_some())
            })
        {
            s = k + 1;
        }
        if s < n && self.is_punct(s, &[":", ","]) {
            s += 1;
        }
        // "said, adding that …": the participle starts another attribution.
        if s < n && self.word(s).ends_with("ing") && self.lex.cue(self.word(s)).is_some() {
            return s..s;
        }
        let reviewed_cue_after =
            |k: usize| (k..n).any(|j| self.lex.cue(self.word(j)).is_some_and(|c| c.learned.is_none()));
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
                    .find(|&j| !self.lex.is("aux", self.word(j)) || self.lex.is("finite", self.word(j)))
                    .is_some_and(reviewed_verb)
            };
            if matches!(self.word(k), "and" | "but") && verb_after() {
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
            let capital_after = k + 1 < n && self.toks[k + 1].text(self.text).starts_with(char::is_uppercase);
            if self.is_punct(k, &[";"]) && (reviewed_cue_after(k + 1) || capital_after) {
                e = k;
                break;
            }
            if self.is_punct(k, &[",", "–", "—", ";"]) && k + 1 < n {
                let w = self.word(k + 1);
                let pointer = self.lex.is("determiner", w)
                    && (k + 2 < n
                        && self.lex.is("pointer", self.word(k + 2))
                        && self.word(k + 2).starts_with(['c', 'a']));
                // "…, charges Ukraine rejects": a bare accusation noun and a denial.
                let denied_charge = self.lex.is("accusation", w)
                    && (k + 2..n.min(k + 6))
                        .any(|j| self.lex.cue(self.word(j)).is_some_and(|c| c.stance == Stance::Denies));
                let pointer = pointer || denied_charge;
                let participle = w.ends_with("ing") && self.lex.cue(w).is_some();
                // "…, while Kabul insists …": another speaker's clause.
                let contrast = matches!(w, "while" | "whereas") && reviewed_cue_after(k + 2);
                if pointer || participle || contrast {
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
                s += body.len() - body.trim_start().len();
            }
        }
        (e > s).then_some((s..e, quoted))
    }

    /// A source token range: trimmed of punctuation; `None` if empty or too
    /// long (over 12 words).
    fn source_range(&self, r: Range<usize>) -> Option<Range<usize>> {
        self.source_range_within(r, 12)
    }

    /// [`Self::source_range`] with at most `max_words` words: a source that
    /// its cue delimits ("according to …,") may be longer.
    fn source_range_within(&self, mut r: Range<usize>, max_words: usize) -> Option<Range<usize>> {
        // "Ah, friends once more: Ted Cruz": the name after a colon or dash.
        if let Some(k) = (r.start..r.end)
            .rev()
            .find(|&k| self.is_punct(k, &[":", "—", "–", "―"]))
        {
            r.start = k + 1;
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
                && !self.lex.is("adjunct", self.word(k + 1));
            (lower && self.lex.is("after_source", self.word(k)) && !place)
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
            self.lex.is("source_lead", w)
                || self.lex.is("source_lead_adverb", w)
                || (lower && (self.lex.is("aux", w) || w.ends_with("ly")))
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
            && (c + 1..r.end).all(|k| self.lex.is("aside", self.word(k)))
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
        let preposition = r.start < r.end && self.lex.is("preposition", self.word(r.start));
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
    fn source_before(&self, cue_start: usize) -> Option<Range<usize>> {
        let Some(r) = self.source_before_any(cue_start) else {
            return self.name_after_fronted_phrase(cue_start);
        };
        // "Yesterday he", "Asked about it, she": a pronoun right before the
        // cue is the whole subject (not in "Smith and he").
        let last = r.end - 1;
        if r.len() > 1 && self.lex.is("pronoun", self.word(last)) && !matches!(self.word(last - 1), "and" | "or") {
            return Some(last..r.end);
        }
        Some(r)
    }

    /// "In a Bloomberg interview Trump declared": after a prepositional
    /// phrase fronted without a comma, the name or pronoun right before the
    /// cue, when a time word or a lower-case word of the phrase (not a
    /// determiner or a preposition) precedes it ("On Monday Trump said").
    fn name_after_fronted_phrase(&self, cue_start: usize) -> Option<Range<usize>> {
        let start = self.clause_start(cue_start);
        if start + 2 >= cue_start
            || !self.lex.is("preposition", self.word(start))
            || (start..cue_start).any(|k| !self.is_word(k))
        {
            return None;
        }
        let capital = |k: usize| self.toks[k].text(self.text).starts_with(char::is_uppercase);
        let mut b = cue_start - 1;
        if !self.lex.is("pronoun", self.word(b)) {
            while b > start + 1 && capital(b - 1) && !self.lex.is("time", self.word(b - 1)) {
                b -= 1;
            }
        }
        let before = self.word(b - 1);
        let ends_phrase = self.lex.is("time", before)
            || (!capital(b - 1) && !self.lex.is("determiner", before) && !self.lex.is("preposition", before));
        ((capital(b) || self.lex.is("pronoun", self.word(b))) && ends_phrase).then_some(b..cue_start)
    }

    /// The first token of a dash ("—", "–" or "--") that ends right before
    /// token `k`.
    fn dash_ending(&self, k: usize) -> Option<usize> {
        if k >= 1 && self.is_punct(k - 1, &["—", "–", "―"]) {
            return Some(k - 1);
        }
        (k >= 2 && self.is_punct(k - 1, &["-"]) && self.is_punct(k - 2, &["-"])).then(|| k - 2)
    }

    /// [`Self::source_before`] before a trailing pronoun is singled out.
    fn source_before_any(&self, cue_start: usize) -> Option<Range<usize>> {
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
                .find(|&k| self.is_punct(k, &[",", ";"]) || self.lex.is("boundary", self.word(k)))
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
                .all(|k| self.lex.is("time", self.word(k)) || self.word(k).starts_with(|c: char| c.is_ascii_digit()))
        {
            return self.source_before_any(c + 1);
        }
        if self.words_in(start..cue_start) <= 8
            && !(start..cue_start).any(|k| self.lex.is("boundary", self.word(k)) && k > start)
        {
            // A prepositional phrase fronted with no connective is no
            // source: "Despite the sheen, officials said" has its subject
            // after the comma. (Any other range that is no source, such as
            // an open quotation, has none.)
            match self.source_range(start..cue_start) {
                Some(r) => return Some(r),
                None if !self.lex.is("preposition", self.word(start)) => return None,
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
            .find(|&k| self.is_punct(k, &[",", ";", ":", "(", ")", "”", "\""]) || self.lex.is("boundary", self.word(k)))
            .map_or(start, |k| k + 1);
        // "X, the Y (Z), had claimed": the subject before its appositive.
        if self.words_in(cut..cue_start) == 0
            && cue_start > 0
            && self.is_punct(cue_start - 1, &[","])
            && let Some(first) = (start..cue_start - 1).find(|&k| self.is_punct(k, &[","]))
        {
            let r = self.source_range(start..first)?;
            return (self.words_in(r.clone()) <= 8).then_some(r);
        }
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
        let learned = self.lex.cue(self.word(cue.end - 1)).and_then(|c| c.learned);
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

    fn cue_words(&self, r: Range<usize>) -> String {
        self.text[self.span(r)].to_string()
    }

    /// "Asked whether …, she said", "he said when asked about …", "Clinton
    /// was asked (by a reporter) if …": a question put to someone, in the
    /// passive. The one who asks is named after "by" or not at all; the
    /// question runs from its opening word ("whether", "about", "to" …) to
    /// the end of its clause. "about" right after "asked" is part of the cue,
    /// as PolNeAR marks it. Returns where scanning resumes.
    fn asked(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
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
            self.lex.is("question", w)
                || (w == "to" && k + 1 < n && self.is_word(k + 1) && !self.lex.is("determiner", self.word(k + 1)))
        };
        // Adjuncts ("on Monday", "during a January debate") and "by" the one
        // who asks may come before the question opens.
        let q = (i + 1..n.min(i + 12))
            .take_while(|&k| self.is_word(k) && !self.lex.is("finite", self.word(k)))
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
                        .is_some_and(|w| self.lex.cue(w).is_some() || self.lex.is("finite", w));
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

    /// "State media quoted the minister as saying (that) …": the one quoted
    /// speaks; "he was quoted as saying …" too. Returns where scanning
    /// resumes (after "saying").
    fn quoted_as_saying(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        if !matches!(self.word(i), "quoted" | "quotes" | "quoting") {
            return None;
        }
        let as_at = (i + 1..n.min(i + 14)).find(|&k| self.word(k) == "as")?;
        if self.low.get(as_at + 1).is_none_or(|w| w != "saying") {
            return None;
        }
        let cs = self.auxiliaries_before(i, |w| matches!(w, "is" | "was" | "were" | "are" | "been"));
        // "quoted the minister as saying"; "was quoted (by Reuters) as saying".
        let src = if as_at > i + 1 && self.word(i + 1) != "by" {
            self.source_range(i + 1..as_at)?
        } else {
            self.source_before(cs)?
        };
        let content = self.content_bytes(self.content_after(as_at + 2));
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

    /// "In a CNN/ORC poll released Wednesday, Clinton led by 5 points",
    /// "Trump fell to 10 percent in the latest poll": a poll or survey
    /// named after "in" speaks (PolNeAR marks "in" as the cue); the clause
    /// after the comma, or the clause before "in", is the content. Returns
    /// where scanning resumes (after the source).
    fn in_poll(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        // The poll noun within a noun phrase of at most nine tokens.
        let noun = (i + 1..n.min(i + 10))
            .take_while(|&k| self.is_word(k) || self.is_punct(k, &["-", "/", "'", "’", "."]))
            .find(|&k| self.lex.is("poll", self.word(k)))?;
        if !(i + 1..noun).all(|k| !self.lex.is("boundary", self.word(k))) {
            return None;
        }
        // The noun phrase runs on to the next comma or clause ("conducted in
        // May", "of 800 likely voters"). A verb right after it makes the poll
        // part of the subject ("Most voters in the survey said …").
        let verb = |k: usize| {
            let w = self.word(k);
            self.lex.is("finite", w) || self.lex.cue(w).is_some_and(|c| c.learned.is_none())
        };
        let end = (noun + 1..n)
            .find(|&k| {
                self.is_punct(k, &[",", ";", ".", ":", "(", "—", "–"])
                    || self.lex.is("boundary", self.word(k))
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
    fn according(&self, i: usize, out: &mut Vec<Attribution>) -> bool {
        let n = self.toks.len();
        let cue = i..i + 2;
        let start = self.clause_start(i);
        if i == start {
            let comma = (i + 2..n).find(|&k| self.is_punct(k, &[","]));
            let Some(c) = comma else { return false };
            let Some(src) = self.source_range_within(i + 2..c, DELIMITED_SOURCE_MAX_WORDS) else {
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
        // "…, according to the CBO, and the top 10 percent paid …": the source ends before the next clause.
        let end = (i + 2..n)
            .find(|&k| {
                self.is_punct(k, &[";", "(", "—"])
                    || (self.is_punct(k, &[","]) && k + 1 < n && self.lex.is("boundary", self.word(k + 1)))
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
            self.lex.is("determiner", self.word(k)) || self.toks[k].text(self.text).starts_with(char::is_uppercase)
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

    /// "X labelled these claims (as) baseless", "X said the claims are
    /// baseless", "X rejected the allegations": a denial that points back.
    fn qualified_denial(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let cs = self.cue_start(i)?;
        let mut k = i + 1;
        // "the", "such", "Islamabad’s": a determiner or a possessive name
        // (but "that" in "called that baseless" is the pointer).
        let object_at = k;
        // "the Indian statement", "Kabul's latest claims": up to two
        // modifiers before the pointer noun.
        if k < n && (self.lex.is("determiner", self.word(k)) || self.word(k).ends_with("'s")) {
            let noun = |j: usize| {
                self.lex.is("pointer", self.word(j))
                    && !self.lex.is("determiner", self.word(j))
                    && !self.lex.is("pronoun", self.word(j))
            };
            if let Some(p) = (k + 1..n.min(k + 4))
                .take_while(|&j| self.is_word(j) && !self.lex.is("boundary", self.word(j)))
                .find(|&j| noun(j))
            {
                k = p;
            }
        }
        if !(k < n && self.lex.is("pointer", self.word(k))) {
            return None;
        }
        let pointer_at = k;
        k += 1;
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
        let neg = (k..n.min(k + 9))
            .take_while(|&j| {
                !self.is_punct(j, &[".", ";"]) && (self.word(j) == "as" || !self.lex.is("boundary", self.word(j)))
            })
            .find(|&j| self.lex.is("negative", self.word(j)));
        let is_denial_verb = self.lex.cue(self.word(i)).is_some_and(|c| c.stance == Stance::Denies);
        // "rejected the allegation." or "… and said …": the clause ends.
        let end_of_clause = k >= n
            || self.is_punct(k, &[".", ",", ";"])
            || (matches!(self.word(k), "and" | "but")
                && self
                    .low
                    .get(k + 1)
                    .is_some_and(|w| self.lex.cue(w).is_some() || self.lex.is("finite", w)));
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
        let complement = object_end > pointer_at + 1 && matches!(self.word(pointer_at + 1), "of" | "about" | "over");
        let (pointed, accusation) = self.denied_claim(out, pointer_at, &src);
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
        // "Islamabad’s allegations", "… made by X": whose claims are denied.
        out[last].accused = match made_by {
            Some(by) if by + 1 < k => Some(self.span(by + 1..k)),
            _ => (object_at < pointer_at && self.low[object_at].ends_with("'s"))
                .then(|| self.span(object_at..object_at + 1)),
        };
        Some(cue_end)
    }

    /// The subject at the start of the clause before `limit`: capitalised
    /// words, determiners and "of", or a pronoun ("It", "the Clinton
    /// campaign").
    fn subject(&self, limit: usize) -> Option<Range<usize>> {
        let s = self.clause_start(limit);
        let mut e = s;
        while e < limit && e < s + 8 {
            let w = self.word(e);
            if self.lex.is("pronoun", w) {
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
            if !(capital || self.lex.is("determiner", w) || w == "of") {
                break;
            }
            e += 1;
        }
        // "Several environmental groups granted …", "Two Democratic
        // speechwriters implored …": a quantifier opens the subject.
        if e == s && self.lex.is("quantifier", self.word(s)) {
            e += 1;
        }
        let led = self.lex.is("quantifier", self.word(s));
        // "The mayor visited …", "Pakistan's military did …": a determiner's
        // or a possessive's noun, up to the verb (a word
        // in -ed, a cue, an auxiliary).
        if e > s && (led || self.lex.is("determiner", self.word(e - 1)) || self.word(e - 1).ends_with("'s")) {
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
                && !["determiner", "preposition", "boundary", "connective", "pronoun"]
                    .iter()
                    .any(|l| self.lex.is(l, self.word(c + 1)))
            {
                return self.source_range(s..e);
            }
        }
        let next_is_word = e < limit && self.is_word(e);
        if next_is_word { self.source_range(s..e) } else { None }
    }

    /// The quotation that ends the sentence before this one in its
    /// paragraph ("“… emails.”"), without its marks.
    fn quotation_before_sentence(&self) -> Option<(Range<usize>, bool)> {
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

    /// Whether every token of `r` is capitalised or punctuation (a name:
    /// "Mrs. Clinton", "Rick Scott").
    fn capitalised_run(&self, r: Range<usize>) -> bool {
        r.into_iter().all(|k| {
            self.toks[k]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
        })
    }

    /// "Citing an unfounded theory, Trump said …", "Bemoaning the system,
    /// Trump accused …": the participle at `i` opens the sentence; its
    /// object up to the comma is the content and the subject after the
    /// comma (up to its verb) the source. Not "Speaking to reporters, …":
    /// the object may not open with a preposition. Returns the cue's end,
    /// the source and the content's tokens.
    fn fronted_participle(&self, i: usize) -> Option<(usize, Range<usize>, Range<usize>)> {
        let n = self.toks.len();
        let ce = self.cue_end(i);
        if ce >= n || !self.is_word(ce) || self.lex.is("preposition", self.word(ce)) {
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

    /// Whether `w` reads as a verb where a subject ends: a word in -ed, a
    /// cue, an auxiliary or a finite verb.
    fn verb_like(&self, w: &str) -> bool {
        w.ends_with("ed") || self.lex.cue(w).is_some() || self.lex.is("aux", w) || self.lex.is("finite", w)
    }

    /// The byte range of the paragraph after this sentence's paragraph.
    fn next_paragraph(&self) -> Option<Range<usize>> {
        let rest = &self.text[self.para.end..];
        let line = rest
            .split_inclusive('\n')
            .find(|l| !l.trim().is_empty() && l.trim() != "\"")?;
        let at = self.para.end + (line.as_ptr() as usize - rest.as_ptr() as usize);
        text::trim_range(self.text, at..at + line.len())
    }

    /// A byte range trimmed of trailing punctuation and outer quote marks.
    fn quote_trimmed(&self, r: Range<usize>) -> Option<(Range<usize>, bool)> {
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
    fn content_first(&self, q: usize, i: usize, lemma: &str) -> bool {
        let n = self.toks.len();
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
            && self.lex.is("preposition", self.word(self.clause_start(q)))
            && !self.word(i + 2).ends_with("ing")
            && !self.lex.is("adjunct", self.word(i + 2))
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
            && self.lex.is("adjunct", first_word)
            && (i + 1..c).all(|k| self.word(k) != "that")
            && !(c + 1 < n && self.is_punct(c + 1, &["“", "\""]))
        {
            return true;
        }
        if (i + 1..n).any(|k| self.word(k) == "that") || tail_words > 6 {
            return false;
        }
        self.lex.is("adjunct", first_word) || (lemma == "tell" && tail_words <= 3)
    }

    /// A quotation of one word ("“That,”") as quoted content.
    fn opening_word(&self, r: Range<usize>) -> Option<(Range<usize>, bool)> {
        if self.words_in(r.clone()) != 1 || !self.is_punct(r.start, &["“", "\""]) {
            return None;
        }
        let k = (r.start..r.end).find(|&k| self.is_word(k))?;
        Some((self.toks[k].start..self.toks[k].end, true))
    }

    /// Whether the quotation closed at token `q` opened at the start of its
    /// clause ("“…,” said X"), not inside it ("on “Fox News Sunday,” X said").
    fn quotation_opens_clause(&self, q: usize) -> bool {
        let Some(open) = (0..q).rev().find(|&k| self.is_punct(k, &["“", "\""])) else {
            // The quotation opened in an earlier sentence.
            return true;
        };
        (self.clause_start(open)..open).all(|k| !self.is_word(k))
    }

    /// A loose attribution around the cue at `i` ("who saw Kaine speak",
    /// "is expected to win", "did not immediately respond to requests"):
    /// the cue with its auxiliaries, "to" and negation; the relative
    /// pronoun, subject or clause before it as the source; the rest of the
    /// clause (else the clause before) as the content.
    fn loose(&self, i: usize, cue: &Cue, out: &mut Vec<Attribution>) -> bool {
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
                .find(|&k| self.is_punct(k, &[",", ";", "."]) || self.lex.is("boundary", self.word(k)))
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
    fn push_loose(
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

    /// Whether the clause before token `limit` opens with a name followed
    /// by a comma ("Erin Murphy, a former aide …,"): a subject and its
    /// appositive.
    fn name_then_comma(&self, limit: usize) -> bool {
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

    /// A quotation that resumes after the cue ("“A,” he said. “B.”", "“A,”
    /// he said, “B.”"): the next quotation, when it starts right after token
    /// `from` (only punctuation between) and ends its paragraph or a
    /// sentence, becomes more content of the last attribution.
    fn resume_quote(&self, from: usize, out: &mut [Attribution]) {
        if let Some(r) = self.quote_resumed(from)
            && let Some(last) = out.last_mut()
        {
            last.more.push(r);
        }
    }

    /// The quotation that resumes after token `from` (past commas and
    /// periods) and ends its paragraph or a sentence of its own.
    fn quote_resumed(&self, from: usize) -> Option<Range<usize>> {
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

    /// A reporting verb of the lexicon.
    fn verb(&self, i: usize, cue: &Cue, out: &mut Vec<Attribution>) -> bool {
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

    /// The earlier claim a denial of the pointer at `pointer_at` by the
    /// speaker `src` answers, and whether the pointer names an accusation:
    /// allegations and accusations answer the last accusation, other
    /// pointers someone else's last claim.
    fn denied_claim(&self, out: &[Attribution], pointer_at: usize, src: &Range<usize>) -> (Option<usize>, bool) {
        let accusation = self.lex.is("accusation", self.word(pointer_at));
        let accused = out.iter().rposition(|a| a.accuse && a.stance == Stance::Asserts);
        let claim = accused
            .filter(|_| accusation)
            .or_else(|| antecedent(out, self.text, &self.span(src.clone())));
        (claim, accusation)
    }

    /// "The ministry said the claims made by Pakistan are “baseless”": a
    /// denial of the claims (pointing back, as in `qualified_denial`), not
    /// an assertion about them. None when the content is not of that shape.
    fn said_baseless(
        &self,
        cue: Range<usize>,
        content: Range<usize>,
        src: Range<usize>,
        out: &mut Vec<Attribution>,
    ) -> Option<bool> {
        let mut k = content.start;
        if k < content.end && self.lex.is("determiner", self.word(k)) {
            k += 1;
        }
        let pointer_at = (k..content.end.min(k + 3))
            .take_while(|&j| self.is_word(j))
            .find(|&j| self.lex.is("pointer", self.word(j)) && !self.lex.is("determiner", self.word(j)))?;
        // "made by Pakistan", "of Indian involvement", "against him": the pointer's complement.
        let copula = (pointer_at + 1..content.end.min(pointer_at + 8))
            .take_while(|&j| !self.is_punct(j, &[",", ";"]) && self.word(j) != "that")
            .find(|&j| matches!(self.word(j), "is" | "are" | "was" | "were" | "remain" | "remains"))?;
        let neg = (copula + 1..content.end.min(copula + 5))
            .take_while(|&j| !self.is_punct(j, &[",", ";", "."]) || self.is_punct(j, &["“", "\""]))
            .find(|&j| self.lex.is("negative", self.word(j)))?;
        let (antecedent, accusation) = self.denied_claim(out, pointer_at, &src);
        let denied = match antecedent {
            Some(a) => (out[a].content.clone(), out[a].quoted),
            None => (self.span(content.start..copula), false),
        };
        let cue_text = format!(
            "{} … {}",
            self.cue_words(cue.clone()),
            self.cue_words(copula..neg + 1).replace(['“', '”', '"'], "")
        );
        let pushed = self.push(out, cue, cue_text, src, Some(denied), (Stance::Denies, false, false));
        let last = out.len() - 1;
        out[last].points_back = antecedent;
        out[last].answers_accusation = accusation;
        Some(pushed)
    }

    /// "… heightened by allegations from Islamabad that the Taliban is not
    /// preventing attacks", "amid claims by Kabul that …": the one named
    /// after "by" or "from" accuses; the clause after "that" is the content.
    /// (After a denial verb, [`Self::qualified_denial`] has read the phrase.)
    fn nominal_allegation(&self, i: usize, out: &mut Vec<Attribution>) -> Option<usize> {
        let n = self.toks.len();
        let by = if matches!(
            self.low.get(i + 1).map(String::as_str),
            Some("made" | "levelled" | "leveled")
        ) {
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
        let content = self.content_bytes(self.content_after(that))?;
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
    fn denied_allegation(
        &self,
        cs: usize,
        i: usize,
        pointer_at: usize,
        made_by: Option<usize>,
        that: usize,
        out: &mut Vec<Attribution>,
    ) -> Option<usize> {
        let by = made_by?;
        if !self.lex.is("accusation", self.word(pointer_at)) {
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

    /// Where the content of "told" starts after its addressee ("told
    /// reporters there had been …", "told Dawn the talks …", "told the BBC
    /// it …"); `from` when no addressee is there or "that" follows it (which
    /// `content_after` skips itself).
    fn after_addressee(&self, from: usize) -> usize {
        let n = self.toks.len();
        let capital = |k: usize| self.toks[k].text(self.text).starts_with(char::is_uppercase);
        let mut k = from;
        if k < n && self.lex.is("addressee", self.word(k)) {
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
        let clause = k < n && self.is_word(k) && !matches!(self.word(k), "to" | "of" | "about" | "that" | "in" | "on");
        if clause && self.words_in(k..n) >= 3 { k } else { from }
    }

    /// The name that ends right before `end`: capitalised words, "of",
    /// "the" and a parenthesised abbreviation ("the Balochistan Liberation
    /// Army (BLA)"); else a noun phrase opened by a determiner ("the Saudi
    /// government").
    fn name_before(&self, end: usize) -> Option<Range<usize>> {
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
                self.is_word(k) && !self.lex.is("preposition", self.word(k)) && !self.verb_like(self.word(k))
            })
            .find(|&k| self.lex.is("determiner", self.word(k)) && self.word(k) != "that" && k + 1 < end)?;
        self.source_range(det..end)
    }

    /// The comma that opens a relative clause (", who …", ", which …")
    /// closed by the comma at `comma`.
    fn relative_clause_before(&self, comma: usize) -> Option<usize> {
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
    fn possessor(&self, cs: usize) -> Option<Range<usize>> {
        let owner = self.word(cs.checked_sub(1)?).strip_suffix("'s")?;
        if owner.is_empty() || self.lex.is("pronoun", owner) || matches!(owner, "that" | "there" | "what" | "who") {
            return None;
        }
        let mut start = cs - 1;
        while start > 0 {
            let w = self.toks[start - 1].text(self.text);
            if !(w.starts_with(char::is_uppercase) || self.lex.is("determiner", self.word(start - 1))) {
                break;
            }
            start -= 1;
        }
        self.source_range(start..cs)
    }

    /// The content after a cue ending at `from`, up to the end of its object
    /// ([`Self::content_after`], [`Self::object_end`]), as token range.
    fn object_range(&self, from: usize) -> Range<usize> {
        let mut range = self.content_after(from);
        range.end = self.object_end(range.clone());
        range
    }

    /// Where a cue with its head at `i` ends: after a particle that closes it
    /// ("called for").
    fn cue_end(&self, i: usize) -> usize {
        if i + 1 < self.toks.len() && (self.lex.particle(self.word(i), self.word(i + 1)) || self.appeal(i)) {
            i + 2
        } else {
            i + 1
        }
    }

    /// Pushes an attribution that continues the earlier attribution `prev`
    /// of the sentence with another cue: same source ("…, maintaining that
    /// …", "… and said …"). False without content.
    fn continue_previous(
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

    /// Where the object of a cue that takes a noun phrase ends ("likened RT
    /// to the BBC, which receives …", "invoked the rising seas to thrill …",
    /// "declined that assignment and has since left"): before a clause that
    /// follows it. A clause (after "that", a quotation, a
    /// finite verb) is kept whole.
    fn object_end(&self, r: Range<usize>) -> usize {
        if r.is_empty() || self.word(r.start) == "that" || self.is_punct(r.start, &["“", "\"", ":"]) {
            return r.end;
        }
        for k in r.start + 1..r.end {
            let w = self.word(k);
            if self.lex.is("finite", w) {
                return r.end;
            }
            let next = self.low.get(k + 1).map_or("", String::as_str);
            let clause_after_comma = self.is_punct(k, &[",", ";", "—", "–", "--"])
                && (self.lex.is("boundary", next)
                    || self.lex.is("adjunct", next)
                    || next.ends_with("ing")
                    || next == "especially"
                    || self.lex.cue(next).is_some_and(|c| c.learned.is_none()));
            let verb_after_and =
                matches!(w, "and" | "but") && (self.lex.cue(next).is_some() || self.lex.is("finite", next));
            if clause_after_comma || verb_after_and || self.is_punct(k, &[";"]) {
                return k;
            }
        }
        r.end
    }
}

#[cfg(test)]
impl Attribution {
    /// A plain assertion over the first occurrences of `source`, `cue` and
    /// `content` in `text`, for tests.
    pub(crate) fn example(text: &str, source: &str, cue: &str, content: &str) -> Attribution {
        let r = |s: &str| {
            let k = text.find(s).expect("the words are in the text");
            k..k + s.len()
        };
        Attribution {
            cue: r(cue),
            cue_text: cue.into(),
            source: r(source),
            content: r(content),
            stance: Stance::Asserts,
            quoted: false,
            points_back: None,
            continues: None,
            accuse: false,
            evidence: false,
            pronoun: false,
            more: Vec::new(),
            learned: None,
            cue_score: None,
            answers_accusation: false,
            antecedent: None,
            accused: None,
            loose: false,
            question: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_in(text: &str) -> Vec<(String, String, String, Vec<String>)> {
        let lex = Lexicon::with_learned("called\t9\t10\n").unwrap();
        find(text, 0, &lex, None)
            .into_iter()
            .map(|a| {
                (
                    text[a.source].to_string(),
                    a.cue_text,
                    text[a.content].to_string(),
                    a.more.iter().map(|r| text[r.clone()].to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn an_earlier_attribution_keeps_the_clause_before_a_later_cue() {
        let a =
            find_in("Lee said she felt the law was flawed because “nobody reads it,” she said. “We had no context.”");
        let got: Vec<(&str, &str, &str)> = a.iter().map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Lee", "said", "she felt the law was flawed because “nobody reads it,”"),
                ("she", "said", "We had no context")
            ]
        );
        // A cue inside the quotation keeps the old reading: the quotation is the content.
        let b = find_in("“We have urged them to act,” he stated.");
        assert!(
            b.iter().any(|x| x.0 == "he" && x.2 == "We have urged them to act"),
            "{b:?}"
        );
    }

    #[test]
    fn long_sources_of_according_to_and_a_verb_inverted_after_a_quotation() {
        let a = find_in(
            "Some Americans would pay more, according to an analysis by Lily Batchelder, a former tax aide now teaching at New York University, whose conclusions were seconded by others.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].0,
            "an analysis by Lily Batchelder, a former tax aide now teaching at New York University"
        );
        let a = find_in(
            "According to a civil complaint filed by the federal Securities and Exchange Commission and a second complaint by Vermont, the developers ran a scheme.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].2, "the developers ran a scheme");
        let a = find_in("Polls moved. This is “the same advantage she has held all month,” reported Reuters.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Reuters", "reported"));
    }

    #[test]
    fn a_pronoun_inside_a_closed_quotation_points_back_at_nothing() {
        let a = find_in("He said storms were coming.\n\n“The problem is that it is not a catastrophe,” he said.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[1].0.as_str(), a[1].2.as_str()),
            ("he", "The problem is that it is not a catastrophe")
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_has_the_subject_after_the_comma() {
        let a =
            find_in("Claiming the criticism is designed to pressure moderators, Trump told Fox that they are biased.");
        let got: Vec<(&str, &str, &str)> = a.iter().map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Trump", "Claiming", "the criticism is designed to pressure moderators"),
                ("Trump", "told", "they are biased")
            ]
        );
        // "Speaking to reporters": a preposition opens no object.
        let a = find_in("Speaking to reporters, Trump said the wall would be built.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Trump", "said"));
    }

    #[test]
    fn a_relative_clause_after_a_noun_phrase_and_a_second_verb_after_adverbs() {
        let a =
            find_in("The bill included members of the Saudi government, which has strongly denied any involvement.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("which", "has strongly denied"));
        let lex = Lexicon::with_learned("").unwrap();
        let text = "The bill included members of the Saudi government, which has strongly denied any involvement.";
        let atts = find(text, 0, &lex, None);
        assert_eq!(
            atts[0].antecedent.clone().map(|r| &text[r]),
            Some("the Saudi government")
        );
        // The first verb's content ends before "but also contended".
        let a = find_in("Officials said the talks failed but also contended that talks would resume.");
        let got: Vec<(&str, &str)> = a.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [("said", "the talks failed"), ("also contended", "talks would resume")]
        );
    }

    #[test]
    fn a_fronted_infinitive_before_an_inserted_cue() {
        for text in [
            "But to prevent problems, he said, local officials should be vigilant.",
            "To be safe, he said, local officials should be vigilant.",
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{text}: {a:?}");
            assert_eq!(
                (a[0].0.as_str(), a[0].2.as_str()),
                ("he", "local officials should be vigilant")
            );
        }
    }

    #[test]
    fn review_cases_of_the_sixth_session() {
        // A poll inside the subject is no source of "in".
        let a = find_in("Most voters in the survey said that taxes were too high.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].1, "said", "{a:?}");
        // A name in -ing opening the sentence is no fronted participle.
        let a = find_in("Beijing, which claims Taiwan as its own, said the drills were routine.");
        assert!(a.iter().any(|x| x.0 == "Beijing" && x.1 == "said"), "{a:?}");
        // "first lady" keeps its "first".
        let a = find_in("At the rally, first lady Melania Trump said the campaign was strong.");
        assert_eq!(a[0].0, "first lady Melania Trump", "{a:?}");
        // A verb after the comma ends an "according to" source.
        let a =
            find_in("Quarterly sales, according to analysts, fell 12 percent to $4.1 billion, the lowest since 2009.");
        assert_eq!(a[0].0, "analysts", "{a:?}");
        // A relative clause after a clause names no noun phrase.
        let lex = Lexicon::with_learned("").unwrap();
        let text = "The panel interviewed witnesses, who said the fire started at night.";
        let atts = find(text, 0, &lex, None);
        assert!(
            atts.iter()
                .all(|a| a.antecedent.clone().is_none_or(|r| !text[r].contains("interviewed"))),
            "{atts:?}"
        );
    }

    #[test]
    fn subjects_after_a_fronted_phrase_a_title_or_an_appositive() {
        let said = |text: &str| -> (String, String) {
            let a = find_in(text);
            let x = a
                .iter()
                .find(|x| x.1.ends_with("said"))
                .unwrap_or_else(|| panic!("{a:?}"));
            (x.0.clone(), x.2.clone())
        };
        // A phrase fronted with no connective.
        assert_eq!(
            said("Despite the negative sheen, local officials said they welcome the attention."),
            ("local officials".into(), "they welcome the attention".into())
        );
        assert_eq!(
            said("Of Sanders, McCaskill said voters would find it hard.").0,
            "McCaskill"
        );
        // A subject pronoun opens the content; no object is skipped to "that".
        assert_eq!(
            said("By now, Sexton said he is unconvinced that Trump believes it."),
            ("Sexton".into(), "he is unconvinced that Trump believes it".into())
        );
        // An abbreviated title, and a name with its appositive before "and said".
        assert_eq!(
            said("Mrs. Clinton smiled and said she would not run.").0,
            "Mrs. Clinton"
        );
        assert_eq!(
            said("Gary Emineth, a former state party chairman, became a delegate and said he is leaning toward Trump.")
                .0,
            "Gary Emineth"
        );
    }

    #[test]
    fn a_sentence_of_only_source_and_cue_after_a_closed_quotation() {
        let a = find_in("He spoke. \u{201c}Russia, I hope you find the emails.\u{201d} Trump said.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            ("Trump", "said", "Russia, I hope you find the emails")
        );
        // No quotation before it: nothing to attribute.
        assert!(find_in("He spoke. Trump said.").is_empty());
    }

    #[test]
    fn a_question_put_to_someone_in_the_passive() {
        let a = find_in("Asked whether he would endorse Trump, Ryan said he was not ready.");
        assert_eq!(a[0].0, "");
        assert_eq!(
            (a[0].1.as_str(), a[0].2.as_str()),
            ("Asked", "whether he would endorse Trump")
        );
        assert!(a.iter().any(|x| x.1 == "said" && x.2 == "he was not ready"), "{a:?}");
        let a = find_in("\u{201c}It is fine,\u{201d} she said when asked about the merger.");
        assert!(
            a.iter()
                .any(|x| x.0.is_empty() && x.1 == "asked about" && x.2 == "the merger"),
            "{a:?}"
        );
        let a = find_in("Clinton was asked on Monday by a reporter if that remains her view.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            ("a reporter", "was asked", "if that remains her view")
        );
        let a = find_in("Asked by Stephanopoulos to respond to the criticism, Carson laughed.");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("Stephanopoulos", "to respond to the criticism")
        );
        // A second verb ends the question and takes the subject.
        let a = find_in("Trump was asked about the wall and said it would be built.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!((a[0].1.as_str(), a[0].2.as_str()), ("was asked about", "the wall"));
        assert_eq!((a[1].0.as_str(), a[1].2.as_str()), ("Trump", "it would be built"));
        // Active "asked" with its subject, and a passive with no question.
        assert!(
            find_in("Reporters asked whether he would run.")
                .iter()
                .all(|x| x.1 != "asked")
        );
        assert!(find_in("He was asked to the party.").is_empty());
    }

    #[test]
    fn a_poll_named_after_in_speaks() {
        let a = find_in("In a national USA TODAY/Suffolk University Poll, most voters were scared.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            (
                "a national USA TODAY/Suffolk University Poll",
                "In",
                "most voters were scared"
            )
        );
        let a = find_in("But he fell to 10 percent in the latest CNN/ORC poll released Wednesday, a collapse.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("the latest CNN/ORC poll released Wednesday", "he fell to 10 percent")
        );
        assert!(find_in("He works in polling for a living.").is_empty());
        assert!(find_in("He spent years in the city before the polls opened.").is_empty());
    }

    #[test]
    fn a_quantifier_or_a_long_fronted_phrase_before_the_subject_of_a_participle() {
        for (text, source) in [
            (
                "In August, several environmental groups granted Mr. Clarke an extension, saying his capital was low.",
                "several environmental groups",
            ),
            (
                "In a widely read column in the day before the debate, Two speechwriters implored her to act, arguing that it agitated Trump.",
                "Two speechwriters",
            ),
            (
                "The film ― which weaves together the voices of historians ― explains that the law failed.",
                "The film ― which weaves together the voices of historians",
            ),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{text}: {a:?}");
            assert_eq!(a[0].0, source, "{text}");
        }
    }

    #[test]
    fn adverbs_and_verbs_taking_an_infinitive_belong_to_the_cue() {
        for (text, source, cue) in [
            ("Clinton now says she opposes the deal.", "Clinton", "now says"),
            ("She still insists that the deal is bad.", "She", "still insists"),
            (
                "The nominee continues to insist that he will release the returns.",
                "The nominee",
                "continues to insist",
            ),
            ("Mook was able to say that Trump lies.", "Mook", "was able to say"),
            (
                "Sanders went on to say that the country spent too much.",
                "Sanders",
                "went on to say",
            ),
            // A progressive of a noun-verb homograph is a verb.
            (
                "Trump is warning voters that a victory would bring scandal.",
                "Trump",
                "is warning",
            ),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{text}: {a:?}");
            assert_eq!((a[0].0.as_str(), a[0].1.as_str()), (source, cue), "{text}");
        }
        // "to" after a noun or a name is no infinitive of the cue.
        let a = find_in("The plan to insist that taxes rise failed.");
        assert!(a.iter().all(|x| !x.1.starts_with("plan")), "{a:?}");
    }

    #[test]
    fn a_parenthesis_before_the_cue_and_a_fronted_phrase_without_a_comma() {
        let a = find_in("On the broadcast of “Fox News Sunday,” Gov. Mike Pence (R-IN) said his running mate joked.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, "Gov. Mike Pence (R-IN)");
        for (text, source) in [
            (
                "In a Bloomberg interview Trump said the alliance was obsolete.",
                "Trump",
            ),
            ("On Monday Trump said the war was over.", "Trump"),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(a[0].0, source, "{text}");
        }
    }

    #[test]
    fn a_connective_after_the_subject_is_no_part_of_it() {
        for text in [
            "Ethiopian officials, however, insisted that their forces had not crossed the border.",
            "Ethiopian officials, for their part, insisted that their forces had not crossed the border.",
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(a[0].0, "Ethiopian officials");
        }
    }

    #[test]
    fn a_call_on_someone_to_act_is_an_appeal() {
        let a = find_in("The ministry called on Ethiopia to withdraw its troops from Sudanese land.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            (
                "The ministry",
                "called on",
                "Ethiopia to withdraw its troops from Sudanese land"
            )
        );
        for text in [
            "The minister called on Monday.",
            "The minister called on Monday to ask for help.",
        ] {
            assert!(find_in(text).iter().all(|a| a.1 != "called on"), "{text}");
        }
    }

    #[test]
    fn pointing_denials_with_a_qualifier_or_a_bare_charge() {
        let lex = Lexicon::with_learned("").unwrap();
        let text = "Russia's defence ministry said that drones had struck the plant, a claim Kyiv dismissed as “disinformation”. Russian officials have accused Kyiv of targeting nuclear sites, charges Ukraine rejects.";
        let a = find(text, 0, &lex, None);
        let got: Vec<(&str, Stance, &str)> = a
            .iter()
            .map(|x| (&text[x.source.clone()], x.stance, &text[x.content.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Russia's defence ministry",
                    Stance::Asserts,
                    "drones had struck the plant"
                ),
                ("Kyiv", Stance::Denies, "drones had struck the plant"),
                ("Russian officials", Stance::Asserts, "Kyiv of targeting nuclear sites"),
                ("Ukraine", Stance::Denies, "Kyiv of targeting nuclear sites"),
            ]
        );
    }

    #[test]
    fn a_verb_before_that_keeps_the_clause_and_a_semicolon_ends_it() {
        let a = find_in("Peskov told reporters the attack showed that Kyiv could not be trusted.");
        assert_eq!(a[0].2, "the attack showed that Kyiv could not be trusted", "{a:?}");
        let b = find_in("Russia says Ukraine attacked the plant; Kyiv calls it disinformation.");
        assert_eq!(b[0].2, "Ukraine attacked the plant", "{b:?}");
    }

    #[test]
    fn an_agency_dateline_is_no_part_of_the_source() {
        for text in [
            "YEREVAN, Sept 14 (Reuters) - Armenia's defence ministry said Azerbaijani forces had shelled three villages.",
            "ISLAMABAD, March 3 (AP) — The foreign office said talks would resume.",
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert!(
                ["Armenia's defence ministry", "The foreign office"].contains(&a[0].0.as_str()),
                "{a:?}"
            );
        }
    }

    #[test]
    fn allegations_by_or_from_someone_that_are_their_claims() {
        let a = find_in(
            "Tensions were heightened by allegations from Islamabad that the Taliban is not preventing attacks.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            ("Islamabad", "allegations from", "the Taliban is not preventing attacks")
        );
        let b = find_in("It came amid claims made by Kabul that Pakistani jets struck a market.");
        assert_eq!(b[0].0, "Kabul", "{b:?}");
        assert_eq!(b[0].2, "Pakistani jets struck a market");
        // No "that" clause: no claim is reported.
        assert!(find_in("The allegations from Islamabad were discussed at length.").is_empty());
    }

    #[test]
    fn quotation_then_a_dash_and_the_name() {
        for text in [
            "“Maybe we can build a wall around him.” ― Steve Quinlan.",
            "”Maybe we can build a wall around him.” ― Steve Quinlan.",
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(
                (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
                ("Steve Quinlan", "―", "Maybe we can build a wall around him")
            );
        }
    }

    #[test]
    fn maintain_is_a_speech_verb_only_before_a_clause() {
        for text in [
            "Pakistan maintains that armed groups operate from Afghan soil.",
            "Pakistan maintained on Monday that armed groups operate from Afghan soil.",
            "Armed groups operate from Afghan soil, Pakistan maintains.",
            "Pakistan maintains Kabul shelters armed groups.",
        ] {
            assert!(find_in(text).iter().any(|a| a.1.contains("maintain")), "{text}");
        }
        for text in [
            "The attackers maintained direct communication with their handlers in Afghanistan.",
            "Clinton maintained a narrow lead in the polls.",
        ] {
            assert!(find_in(text).iter().all(|a| !a.1.contains("maintain")), "{text}");
        }
    }

    #[test]
    fn subject_with_an_appositive_between_dashes() {
        for (text, source) in [
            (
                "Kall -- co-editor of Debating The Donald, a book about debates -- said the candidate made announcements.",
                "Kall -- co-editor of Debating The Donald, a book about debates",
            ),
            (
                "Byrne — who stood at the door, by all accounts — said the president was absent.",
                "Byrne — who stood at the door, by all accounts",
            ),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(a[0].0, source);
        }
    }

    #[test]
    fn quotation_before_source_with_a_tail_after_the_cue() {
        let a = find_in("“It’s finished,” she said of the election, in which she was sure Trump would win.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("she", "It’s finished"));
    }

    #[test]
    fn object_after_the_cue_is_content_not_a_tail() {
        let a = find_in("At a fundraiser in New York, Clinton called half of his supporters “deplorables.”");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, "Clinton");
        assert!(a[0].2.starts_with("half of his supporters"), "{a:?}");
    }

    #[test]
    fn quotation_resumes_after_the_cue() {
        let a = find_in("“Coal isn't the villain,” he said. “The villain is excess carbon dioxide.”\nNext paragraph.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].2, "Coal isn't the villain");
        assert_eq!(a[0].3, ["The villain is excess carbon dioxide"]);
    }

    #[test]
    fn participle_after_the_cue_is_not_its_content() {
        let a = find_in(
            "“The day that was abrogated was the day this became personal,” he said, adding he would never vote for her.",
        );
        assert_eq!(
            a[0].2, "The day that was abrogated was the day this became personal",
            "{a:?}"
        );
        assert!(a.iter().all(|x| !x.2.starts_with("adding")), "{a:?}");
    }

    #[test]
    fn denials_of_a_claim_point_back_or_name_what_they_deny() {
        let text = "Pakistan maintains that armed groups operate from Afghan soil. Afghan officials deny it. \
                    The Taliban claim militants enter from Balochistan. Pakistani officials call that baseless.";
        let lex = Lexicon::with_learned("").unwrap();
        let a = find(text, 0, &lex, None);
        assert_eq!(a.len(), 4, "{a:?}");
        assert_eq!((a[1].stance, a[1].points_back), (Stance::Denies, Some(0)));
        assert_eq!((a[3].stance, a[3].points_back), (Stance::Denies, Some(2)));
        assert_eq!(a[3].cue_text, "call … baseless");
        // No earlier claim: the denial names what it denies, and "claims" is no cue of its own.
        let a = find_in("The army rejected Kabul's claims as baseless.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].1.as_str(), a[0].2.as_str()),
            ("rejected … as baseless", "Kabul's claims")
        );
        assert!(find_in("He denied it.").is_empty());
        // A denial answers someone else's claim, named with modifiers.
        let a = find_in(
            "The Indian army said troops had fired first. The ISPR said Indian forces had started it. \
             It called the Indian statement “a pack of lies”.",
        );
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(
            (a[2].1.as_str(), a[2].2.as_str()),
            ("called … a pack of lies", "troops had fired first")
        );
        // "said the claims … are baseless" denies them.
        let text = "Pakistan accused India of backing the attack. The ministry said the claims made by Pakistan are “baseless”.";
        let a = find(text, 0, &lex, None);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[1].stance, a[1].points_back, a[1].cue_text.as_str()),
            (Stance::Denies, Some(0), "said … are baseless")
        );
        let a = find_in("Kabul said the reports were completely false.");
        assert_eq!(
            (a[0].1.as_str(), a[0].2.as_str()),
            ("said … were completely false", "the reports")
        );
        // "claims of X" say what is denied, even after another claim.
        let a = find_in(
            "Kabul said jets bombed homes. India dismissed Pakistan's claims of Indian involvement as “baseless and absurd”.",
        );
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[1].1.as_str(), a[1].2.as_str()),
            ("dismissed … as baseless", "Pakistan's claims of Indian involvement")
        );
    }

    #[test]
    fn a_second_verb_after_and_has_the_first_verbs_speaker() {
        let a = find_in("Afghan officials rejected the allegation and said the militants came from Pakistan.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[0].1.as_str(), a[0].2.as_str()),
            ("rejected the allegation", "the allegation")
        );
        assert_eq!(
            (a[1].0.as_str(), a[1].1.as_str(), a[1].2.as_str()),
            ("Afghan officials", "said", "the militants came from Pakistan")
        );
        let a = find_in("Pakistan's military did not confirm the strikes but said it had targeted hideouts.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("Pakistan's military", "it had targeted hideouts")
        );
        // No cue before "and": the sentence's subject speaks.
        let a = find_in("The mayor visited the site on Monday and said the bridge would reopen soon.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("The mayor", "the bridge would reopen soon")
        );
    }

    #[test]
    fn the_one_quoted_as_saying_speaks() {
        let a =
            find_in("State media quoted Information Minister Attaullah Tarar as saying that Pakistan would respond.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            (
                "Information Minister Attaullah Tarar",
                "quoted … as saying",
                "Pakistan would respond"
            )
        );
        let a = find_in("He was quoted as saying Pakistan would respond.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("He", "Pakistan would respond"));
        let a = find_in("Khawaja Asif was quoted by Reuters as saying that Pakistan would respond.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("Khawaja Asif", "Pakistan would respond")
        );
        let a = find_in("As per the ISPR, the terrorists were involved in attacks.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("the ISPR", "the terrorists were involved in attacks")
        );
    }

    #[test]
    fn possessors_claim_and_with_clauses_and_dates_after_an_appositive() {
        let lex = Lexicon::with_learned("").unwrap();
        let text = "The Taliban, which seized power in 2021, on Wednesday denied Pakistan's claim that militants used Afghan soil.";
        let a = find(text, 0, &lex, None);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (&text[a[0].source.clone()], a[0].stance),
            ("The Taliban", Stance::Denies)
        );
        assert_eq!(
            (
                &text[a[1].source.clone()],
                a[1].cue_text.as_str(),
                &text[a[1].content.clone()]
            ),
            ("Pakistan's", "claim", "militants used Afghan soil")
        );
        assert!(find_in("Kabul's claims over the attack surprised no one.").is_empty());
        let a = find_in("Kabul rejected Pakistan's claim of militant sanctuaries.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[1].0.as_str(), a[1].2.as_str()),
            ("Pakistan's", "militant sanctuaries")
        );
        let a = find_in(
            "The department urged calm, with spokesman Matthew Miller telling reporters that Washington was watching.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("spokesman Matthew Miller", "Washington was watching")
        );
        let a = find_in(
            "Traders are losing money, with Shakirullah Safi, head of the chamber, estimating daily losses at $500,000.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("Shakirullah Safi", "daily losses at $500,000")
        );
    }

    #[test]
    fn a_second_verb_after_a_comma_and_a_contrasting_speaker_end_the_content() {
        let a = find_in("Kabul rejects Islamabad's accusations, says the border clash was provoked.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].2, "Islamabad's accusations");
        assert_eq!(
            (a[1].0.as_str(), a[1].2.as_str()),
            ("Kabul", "the border clash was provoked")
        );
        let a =
            find_in("Islamabad maintains that the fence is on its side, while Kabul insists the line is no border.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[0].2.as_str(), a[1].0.as_str()),
            ("the fence is on its side", "Kabul")
        );
    }

    #[test]
    fn told_skips_its_addressee_and_relative_pronouns_are_no_sources() {
        for (text, content) in [
            (
                "Jaiswal told reporters there had been no mediation.",
                "there had been no mediation",
            ),
            ("Asif told Geo News the talks had failed.", "the talks had failed"),
            ("He told the BBC it would not happen.", "it would not happen"),
            ("She told Pakistan to stop the attacks.", "Pakistan to stop the attacks"),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(a[0].2, content);
        }
        let a = find_in("Trump claimed credit for the ceasefire, which India disputes.");
        assert_eq!(a.last().map(|x| x.0.as_str()), Some("India"), "{a:?}");
    }

    #[test]
    fn semicolons_and_second_verbs_end_a_content_and_relative_clauses_are_skipped() {
        let a = find_in("Taliban say airstrikes killed civilians; Islamabad says it hit militant hideouts");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            (a[0].2.as_str(), a[1].0.as_str()),
            ("airstrikes killed civilians", "Islamabad")
        );
        let a = find_in("The government said airstrikes killed ten civilians on Monday, and vowed to retaliate.");
        assert_eq!(a[0].2, "airstrikes killed ten civilians on Monday", "{a:?}");
        let a = find_in(
            "Pakistan did not comment, but an official in Islamabad, who spoke on condition of anonymity, said the strikes hit hideouts.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("an official in Islamabad", "the strikes hit hideouts")
        );
    }

    #[test]
    fn the_name_before_a_relative_pronoun_speaks() {
        let lex = Lexicon::with_learned("").unwrap();
        let text = "Ties grew with the Balochistan Liberation Army (BLA), which claimed responsibility for the attack.";
        let a = find(text, 0, &lex, None);
        assert_eq!(a.len(), 1, "{a:?}");
        let name = a[0].antecedent.clone().map(|r| &text[r]);
        assert_eq!(
            (&text[a[0].source.clone()], name, &text[a[0].content.clone()]),
            (
                "which",
                Some("the Balochistan Liberation Army (BLA)"),
                "responsibility for the attack"
            )
        );
        let a = find_in("Smith, who said the plan would fail, left the party.");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("who", "the plan would fail"),
            "{a:?}"
        );
    }

    #[test]
    fn a_modal_and_its_verb_are_no_source() {
        let a = find_in("This team will review disputed construction activities near the border.");
        assert!(a.iter().all(|x| !x.0.contains("will")), "{a:?}");
    }

    #[test]
    fn a_pronoun_before_the_cue_is_the_whole_source() {
        for text in [
            "Asked about it on Monday, he said taxes would rise.",
            "Yesterday he said taxes would rise.",
        ] {
            // (The first also has the question put to him.)
            let a = find_in(text);
            let said = a.last().expect("an attribution");
            assert_eq!((said.0.as_str(), said.2.as_str()), ("he", "taxes would rise"), "{a:?}");
            assert!(a.len() == 1 || a[0].1 == "Asked about", "{a:?}");
        }
    }

    #[test]
    fn inverted_source_may_open_with_a_title_in_lower_case() {
        for (text, source) in [
            (
                "“I fundamentally disagree,” said retired Army Lt. Gen. Mick Bednarek, who served in Iraq.",
                "retired Army Lt. Gen. Mick Bednarek",
            ),
            ("“It works,” said former Gov. Jim Hodges.", "former Gov. Jim Hodges"),
            ("“It is close,” said pollster Ann Selzer.", "pollster Ann Selzer"),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(a[0].0, source);
        }
        // "said little" names nobody; a preposition before capitals is no
        // title ("said in New York").
        assert!(find_in("“It works,” said little to anyone.").is_empty());
        assert!(
            find_in("“It works,” said in New York.")
                .iter()
                .all(|a| !a.0.starts_with("in "))
        );
    }

    #[test]
    fn inverted_source_stops_before_an_appositive() {
        let a = find_in("“Security has evaporated,” said Jo Coelbart, a retired Belgian general.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("Jo Coelbart", "Security has evaporated")
        );
        for (text, source) in [
            ("“It had no goal,” said one Democratic source.", "one Democratic source"),
            ("“It had no goal,” said 12 senators.", "12 senators"),
        ] {
            let a = find_in(text);
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!((a[0].0.as_str(), a[0].2.as_str()), (source, "It had no goal"));
        }
    }

    #[test]
    fn noun_homographs_need_a_clause_or_a_subject() {
        assert!(find_in("Voters in several swing states worry about jobs and wages.").is_empty());
        let a = find_in("Islamabad claims the deal violates bilateral agreements.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, "Islamabad");
    }

    #[test]
    fn colon_at_sentence_end_takes_the_next_paragraph() {
        let a = find_in("Limbaugh added:\n“This reeks of a cover-up, plain and simple.”\n");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].2, "This reeks of a cover-up, plain and simple");
    }

    #[test]
    fn participle_without_an_earlier_cue_takes_the_subject() {
        let a = find_in("Meanwhile, it attacked Trump, saying he has offended Hispanics.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("it", "he has offended Hispanics"));
    }

    #[test]
    fn quotation_resumes_inside_the_sentence() {
        let a = find_in("“Every time you say that,” she said, “you give ammunition to them.” Then she left.");
        assert_eq!(a[0].2, "Every time you say that", "{a:?}");
        assert_eq!(a[0].3, ["you give ammunition to them"]);
        let b = find_in("“A fine plan,” he said. “Not at all,” she replied.");
        assert!(b[0].3.is_empty(), "{b:?}");
    }

    #[test]
    fn sources_lose_adjuncts_and_keep_parentheses() {
        let a = find_in("Sanders on Tuesday said the plan would fail.");
        assert_eq!(a[0].0, "Sanders", "{a:?}");
        let a = find_in("“We will win,” said Rep. Stephen Lynch (D-Mass.).");
        assert_eq!(a[0].0, "Rep. Stephen Lynch (D-Mass.)", "{a:?}");
    }

    #[test]
    fn a_headline_label_names_its_speaker_unless_it_is_a_kicker_or_dateline() {
        let labelled = |title: &str| {
            let text = format!("{title}\n\nThe story follows.\n");
            let lex = Lexicon::with_learned("").unwrap();
            find(&text, 0, &lex, None)
                .into_iter()
                .filter(|a| a.cue_text == ":")
                .map(|a| text[a.source].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labelled("Lynch: No outside influence on FBI probe into Clinton emails."),
            ["Lynch"]
        );
        assert_eq!(labelled("Pakistan: Afghan soil used for attacks"), ["Pakistan"]);
        // A quotation after the colon: a longer label, the name after "from".
        assert_eq!(
            labelled("Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’"),
            ["Elizabeth Warren Hammers Wells Fargo CEO"]
        );
        assert_eq!(
            labelled("A lesson from Loretta Lynch: 'Be the voice that people hear.'"),
            ["Loretta Lynch"]
        );
        assert!(labelled("The Latest: ‘We will win,’ a rally hears").is_empty());
        assert!(labelled("Trump Says: ‘I Will Win’").is_empty());
        assert!(labelled("A long and winding road to the top of the hill: ‘Never.’").is_empty());
        for (title, source) in [
            (
                "Judicial Watch: State Department Hid Key Email For Years.",
                "Judicial Watch",
            ),
            ("NY Daily News: Attacks Highlight Threat Posed by NRA.", "NY Daily News"),
            (
                "Clinton camp: Trump’s rhetoric threatens national security.",
                "Clinton camp",
            ),
            (
                "McCain Challenger Kelli Ward: Impeach AG Lynch.",
                "McCain Challenger Kelli Ward",
            ),
            (
                "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.",
                "Roger Stone",
            ),
            (
                "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.",
                "Clinton",
            ),
            (
                "Former AG Mukasey at RNC: Clinton email scandal disqualifies her.",
                "Former AG Mukasey",
            ),
        ] {
            assert_eq!(labelled(title), [source], "{title}");
        }
        assert!(labelled("Trump Says Clinton Is Wrong: Report").is_empty());
        assert!(labelled("Breaking News: Latest Primary Has Big Impact").is_empty());
        assert!(labelled("The Latest: Trump delivers defense of ‘New York values.’").is_empty());
        assert!(labelled("Breaking: Latest Primary Has Big Impact On Clinton Campaign").is_empty());
        assert!(labelled("ISLAMABAD: The foreign office said talks would resume.").is_empty());
        for line in [
            "Updated: March 3, 2025 at 10:45 pm",
            "Photo: Police guard the gate at Torkham",
            "Explained: Why the border closed",
        ] {
            assert!(labelled(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn title_case_headlines_have_cues_and_only_speech_verbs_invert() {
        let a = find_in("Afghanistan Denies Role in Train Attack, Urges Pakistan on Security");
        assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Afghanistan", "Denies"), "{a:?}");
        // "…, Urges Pakistan" is not an inverted "…, said X": Pakistan is the object.
        assert!(a.iter().all(|x| x.0 != "Pakistan"), "{a:?}");
    }

    #[test]
    fn prepositional_phrases_are_not_sources() {
        let a = find_in("In a statement posted on X, the ministry said the border would reopen.");
        assert!(a.iter().all(|x| !x.0.starts_with("In ")), "{a:?}");
    }

    #[test]
    fn sources_lose_leading_adverbs() {
        let a = find_in("Perhaps Mr. Smith said the plan failed badly.");
        assert_eq!(a[0].0, "Mr. Smith", "{a:?}");
    }

    #[test]
    fn names_with_capitalised_cue_words_are_not_cues() {
        assert!(find_in("The United States Says Program will start next year in Ohio.").is_empty());
    }

    #[test]
    fn progressive_cues_keep_their_auxiliary_and_passives_are_no_cues() {
        let a = find_in("The union is insisting that the plant stay open.");
        assert_eq!(a[0].1, "is insisting", "{a:?}");
        // A passive fits no pattern; assembled loosely, its source follows "by".
        let lex = Lexicon::with_learned("").unwrap();
        let text = "The plant was claimed by the city in a ruling.";
        let b = find(text, 0, &lex, None);
        assert!(b.iter().all(|x| x.loose), "{b:?}");
        assert_eq!(&text[b[0].source.clone()], "the city", "{b:?}");
    }

    #[test]
    fn a_quotation_inside_the_clause_before_the_source_is_not_its_content() {
        let a = find_in("On the broadcast of “Fox News Sunday,” Gov. Mike Pence said his running mate was joking.");
        assert_eq!(a[0].2, "his running mate was joking", "{a:?}");
        let b = find_in("As a phone rang, the announcer said, “Who do you want answering the phone?”");
        assert_eq!(b[0].2, "Who do you want answering the phone?", "{b:?}");
    }

    #[test]
    fn a_fronted_phrase_or_a_trailing_date_does_not_move_the_content() {
        let a = find_in("During his years in office, Mr. Obama said, a majority of Americans have come to believe it.");
        assert_eq!(a[0].2, "a majority of Americans have come to believe it", "{a:?}");
        let b = find_in("The remark is an insult to all of us, top lawmakers said Friday afternoon, as they bristled.");
        assert_eq!(b[0].2, "The remark is an insult to all of us", "{b:?}");
    }

    #[test]
    fn quotation_resumes_after_an_appositive_or_a_date() {
        let a = find_in(
            "“This is a disgusting day,” said Rep. Butterfield, head of the caucus. “He is a fraud. He had no proof.”",
        );
        assert_eq!(a[0].3, ["He is a fraud. He had no proof"], "{a:?}");
        let b = find_in(
            "“It is a dog whistle,” Rep. Moore said Friday. “If indeed he is not legitimate, how can you feel good?”",
        );
        assert_eq!(
            b[0].3,
            ["If indeed he is not legitimate, how can you feel good?"],
            "{b:?}"
        );
    }

    #[test]
    fn a_name_and_its_appositive_speak_the_clause_after_the_cue() {
        let a = find_in("Erin Murphy, a former aide who went to Burma, said McConnell's trip was more important.");
        assert_eq!(a[0].0, "Erin Murphy", "{a:?}");
        assert_eq!(a[0].2, "McConnell's trip was more important", "{a:?}");
    }

    #[test]
    fn signed_quotations_and_speaker_labels() {
        let a = find_in(
            "Voices\n\n“He represents our greatest shame.” ― Sonya Herridge “He is a bully.” ― Veronica Cruz\n",
        );
        let got: Vec<(&str, &str)> = a.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Sonya Herridge", "He represents our greatest shame"),
                ("Veronica Cruz", "He is a bully")
            ]
        );
        let t =
            "Transcript\n\n\"WALLACE: Will she be there tomorrow?\n\"PENCE: She will not be attending the debate.\n";
        let b = find_in(t);
        assert_eq!(b[0].0, "WALLACE", "{b:?}");
        assert_eq!(b[1].2, "She will not be attending the debate", "{b:?}");
        let c = find_in(
            "Pence: Flowers Won’t Be at Debate, Trump Was Mocking Clinton\n\nKabul: Afghanistan denied any role.\n",
        );
        assert_eq!((c[0].0.as_str(), c[0].1.as_str()), ("Pence", ":"), "{c:?}");
        assert!(c.iter().all(|x| x.0 != "Kabul"), "a dateline is no speaker: {c:?}");
    }

    #[test]
    fn a_noun_phrase_object_ends_before_the_clause_after_it() {
        let a = find_in("Mr. King cited RT as an example, which receives some government funding.");
        assert_eq!(a[0].2, "RT as an example", "{a:?}");
        let b = find_in("Ms. Wahl cited the resignation and has since left the network.");
        assert_eq!(b[0].2, "the resignation", "{b:?}");
        let c = find_in("Pakistan insisted that the militants, which it named, had crossed the border.");
        assert_eq!(
            c[0].2, "the militants, which it named, had crossed the border",
            "a clause stays whole: {c:?}"
        );
    }

    #[test]
    fn a_quotation_opened_by_one_word_resumes_after_the_cue() {
        let a = find_in("“That,” he added, “promises to make life a lot harder.”");
        assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("he", "That"), "{a:?}");
        assert_eq!(a[0].3, ["promises to make life a lot harder"], "{a:?}");
    }

    #[test]
    fn according_to_ends_before_the_next_clause() {
        let a = find_in("The top 1 percent paid a quarter, according to the budget office, and the rest paid less.");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("the budget office", "The top 1 percent paid a quarter"),
            "{a:?}"
        );
    }

    #[test]
    fn reviewed_cues_outside_every_pattern_are_assembled_loosely() {
        let lex = Lexicon::with_learned("").unwrap();
        let text = "The man who said it would work has left.";
        let a = find(text, 0, &lex, None);
        let said = a.iter().find(|x| x.cue_text == "said").expect("said");
        assert!(said.loose, "{a:?}");
        assert_eq!(&text[said.source.clone()], "who");
        // A noun ("a claim that …") is never a loose cue.
        let b = find("There is a claim that taxes rose in the past year.", 0, &lex, None);
        assert!(b.iter().all(|x| !x.loose), "{b:?}");
    }

    #[test]
    fn cues_keep_their_adverbs_and_negated_contractions_are_no_assertions() {
        let a = find_in("Gingrich cynically dismissed that the city was a suburb.");
        assert_eq!(a[0].1, "cynically dismissed", "{a:?}");
        let b = find_in("The senator is also insisting that the bill fails.");
        assert_eq!(b[0].1, "is also insisting", "{b:?}");
        let lex = Lexicon::with_learned("").unwrap();
        let text = "The senator didn't say that the bill fails.";
        let c = find(text, 0, &lex, None);
        assert!(c.iter().all(|x| x.loose), "a negated cue makes no assertion: {c:?}");
        assert_eq!(c[0].cue_text, "didn't say", "{c:?}");
    }
}
