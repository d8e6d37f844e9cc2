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

use super::lexicon::{Folded, Lexicon};
use super::scan::SentenceScan;
use super::tagger::Tagger;
use crate::claim::Stance;
use crate::text;
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
pub(super) const DELIMITED_SOURCE_MAX_WORDS: usize = 25;

/// How far back (bytes) a quotation's opening mark is looked for.
pub(super) const QUOTE_LOOKBACK: usize = 2 * crate::text::MAX_SENTENCE_BYTES;

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
        let toks = text::tokens(text, sentence.range.clone());
        let low = Folded::new(text, &toks);
        let mut scan = SentenceScan::new(text, toks, &low, para, lex);
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
    repoint_forward(text, &mut out);
    repoint_inner(&mut out);
    out
}

/// "…, he alleged, …": a pronoun and its cue set off by commas, an aside
/// of the report around it.
pub(super) fn is_aside(text: &str, b: &Attribution) -> bool {
    b.pronoun && text[..b.source.start].trim_end().ends_with(',') && text[b.cue.end..].trim_start().starts_with(',')
}

/// "The United States told Iran that it had no involvement, a U.S.
/// official said": the content of the inner cue ends at the comma before
/// the outer attribution, whose content holds it. (Attributions of one
/// sentence are neighbours, so only the next few are looked at.) Claim
/// files only: PolNeAR's nested contents run on (it cost 0.003 of
/// attribution F1 on PolNeAR dev).
pub(super) fn trim_reporting_tails(text: &str, out: &mut [Attribution]) {
    // "…near the Paracel Islands, an incident Hanoi says left three dead":
    // a content ends before a relative clause that holds a claim of its own.
    for k in 0..out.len() {
        for j in k + 1..out.len().min(k + 4) {
            let (a, b) = (&out[k], &out[j]);
            if !(a.content.start < b.source.start && b.content.end <= a.content.end && b.cue.start > b.source.start) {
                continue;
            }
            let head = text[a.content.start..b.source.start].trim_end();
            if let Some((before, noun)) = head.rsplit_once(',')
                && noun.split_whitespace().count() == 2
                && noun
                    .split_whitespace()
                    .next()
                    .is_some_and(|d| matches!(d, "a" | "an" | "the"))
            {
                out[k].content.end = a.content.start + before.trim_end().len();
                break;
            }
        }
    }
    for k in 0..out.len() {
        for j in (k + 1..out.len().min(k + 4)).chain(k.saturating_sub(3)..k) {
            let (a, b) = (&out[k], &out[j]);
            let first = b.source.start.min(b.cue.start);
            let outer = b.content.start <= a.cue.start && a.cue.end <= b.content.end;
            // (Not an aside: "who, he alleged, were …".)
            if !outer
                || is_aside(text, b)
                || first <= a.content.start
                || first >= a.content.end
                || b.cue.end > a.content.end
            {
                continue;
            }
            let head = text[a.content.start..first].trim_end();
            if let Some(before) = head.strip_suffix(',') {
                let end = a.content.start + before.trim_end().len();
                out[k].content.end = end;
                break;
            }
        }
    }
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
/// …"): it copies that claim's content instead. ("Such accusations" point
/// back.)
fn repoint_forward(text: &str, out: &mut [Attribution]) {
    /// How far after the denial (bytes) the accusation it answers may be
    /// reported: the next sentence or two.
    const FORWARD_REACH: usize = 400;
    for k in 0..out.len() {
        if !out[k].answers_accusation || out[k].points_back.is_some_and(|p| out[p].accuse) {
            continue;
        }
        // ("said the claim of downed jets was misinformation": a pointer
        // with its complement says what is denied.)
        if out[k].points_back.is_none() && text[out[k].content.clone()].split_whitespace().count() > 3 {
            continue;
        }
        // ("has denied such accusations": "such", "these" point back.)
        let anaphoric = out[k]
            .cue_text
            .split_whitespace()
            .any(|w| matches!(w.to_lowercase().as_str(), "such" | "these" | "those" | "this"));
        if anaphoric && out[k].points_back.is_some() {
            continue;
        }
        // (Not an accusation read inside the denial's own words: "said
        // India's claims about camps were false".)
        // (Nearby: an accusation paragraphs later is another story.)
        let after = out[k].cue.end.max(out[k].content.end);
        if let Some(j) = (k + 1..out.len())
            .take_while(|&j| out[j].cue.start < after + FORWARD_REACH)
            .find(|&j| out[j].accuse && out[j].stance == Stance::Asserts && out[j].cue.start >= after)
        {
            out[k].points_back = Some(j);
            out[k].content = out[j].content.clone();
            out[k].quoted = out[j].quoted;
        }
    }
}

/// A denial whose content opens with the accusation it rejects ("Pakistan
/// rejected Taliban claims of heavy losses", "… rejected Kabul's claims that
/// A") denies what that accusation says, and points at it.
fn repoint_inner(out: &mut [Attribution]) {
    for k in 0..out.len() {
        if out[k].stance != Stance::Denies || out[k].points_back.is_some() {
            continue;
        }
        let outer = out[k].content.clone();
        // (Only attributions whose cue is inside the content: those come
        // next, so the search stays linear in a long article.)
        let inner = (k + 1..out.len())
            .take_while(|&j| out[j].cue.start < outer.end)
            .find(|&j| {
                out[j].accuse
                    && out[j].stance == Stance::Asserts
                    && out[j].source.start >= outer.start
                    && out[j].source.start <= outer.start + 4
                    && out[j].content.start > outer.start
                    && out[j].content.start < outer.end
            });
        if let Some(j) = inner {
            out[k].points_back = Some(j);
            out[k].content = out[j].content.start..out[j].content.end.min(outer.end);
            out[k].quoted = out[j].quoted;
        }
    }
}

/// Whether a cue makes an appeal, which is no claim to deny: "urged India
/// to restrain its troops … Indian officials dismissed the claim".
pub(super) fn is_appeal(cue: &str) -> bool {
    [
        "urge",
        "demand",
        "appeal",
        "call on",
        "calls on",
        "called on",
        "calling on",
        "ask",
        "request",
    ]
    .iter()
    .any(|p| cue.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
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
    // (A loose assembly never becomes a claim to point at.)
    let claim = |a: &Attribution| {
        a.learned.is_none_or(|s| s >= super::CLAIM_MIN_LEARNED_SHARE) && !is_appeal(&a.cue_text) && !a.loose
    };
    out.iter()
        .rposition(|a| !a.question && a.stance == Stance::Asserts && claim(a) && name(&a.source) != who)
        .or_else(|| out.iter().rposition(|a| !a.question && name(&a.source) != who))
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
mod tests;
