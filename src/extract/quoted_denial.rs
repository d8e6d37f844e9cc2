//! Claim files only: a content (most often a quotation) that opens with
//! the speaker's own denial ("We reject …", or "These are baseless
//! fabrications") holds two claims. "“We strongly reject the baseless allegations made by
//! Pakistan. The whole world knows where the epicentre of terrorism lies,”
//! said Jaiswal" is a denial, which answers the accusation it names or the
//! last one reported, and a competing claim (the rest of the quotation),
//! which continues the denial (see [`super::link`]).
//!
//! The span output keeps the quotation whole: PolNeAR marks one attribution
//! per cue.

use super::lexicon::Folded;
use super::lexicon::Lexicon;
use super::link;
use super::rules::{self, Attribution};
use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::text::{self, Token};
use std::ops::Range;

/// Splits every asserted attribution whose content opens with a denial in
/// the first person ("We categorically reject …", "I deny …") or calls what
/// was said false ("These are baseless fabrications") into the denial and
/// the rest; links between attributions are renumbered.
pub fn split(text: &str, atts: Vec<Attribution>, lex: &Lexicon) -> Vec<Attribution> {
    let atts = restated(text, atts, lex);
    // The splits first, each read from the attributions as found; then the
    // attributions are moved, not copied (a huge article has a million),
    // and not at all when nothing splits.
    let mut splits = Vec::new();
    for (k, a) in atts.iter().enumerate() {
        let opening = (a.stance == Stance::Asserts)
            .then(|| opening_denial(text, a.content.clone(), a.quoted, lex))
            .flatten();
        if let Some((denial, rest)) = opening.and_then(|d| parts(text, &atts, k, d)) {
            splits.push((k, denial, rest));
        }
    }
    if splits.is_empty() {
        return atts;
    }
    let mut splits = splits.into_iter().peekable();
    let mut out: Vec<Attribution> = Vec::with_capacity(atts.len() + splits.len());
    // Position in `out` of each input attribution (its rest, when split).
    let mut moved = Vec::with_capacity(atts.len());
    // For each output attribution, whether its links still use input indexes.
    let mut old_links = Vec::with_capacity(atts.len());
    for (k, a) in atts.into_iter().enumerate() {
        let Some((_, denial, rest)) = splits.next_if(|(j, _, _)| *j == k) else {
            moved.push(out.len());
            out.push(a);
            old_links.push(true);
            continue;
        };
        let at = out.len();
        out.push(denial);
        old_links.push(true);
        match rest {
            Some(mut rest) => {
                rest.continues = Some(at);
                moved.push(out.len());
                out.push(rest);
                old_links.push(false);
            }
            None => moved.push(at),
        }
    }
    for (a, old) in out.iter_mut().zip(old_links) {
        if old {
            a.points_back = a.points_back.map(|p| moved[p]);
            a.continues = a.continues.map(|p| moved[p]);
        }
    }
    out
}

/// "“Pakistan strongly rejects the allegations made by India,” the
/// foreign office said": the quotation opens with a denial already read
/// with its own subject (a side that names itself), so the quotation says
/// nothing more but its rest, which continues that denial; with no rest it
/// goes.
fn restated(text: &str, mut atts: Vec<Attribution>, lex: &Lexicon) -> Vec<Attribution> {
    let mut gone = Vec::new();
    for k in 0..atts.len() {
        let a = &atts[k];
        if a.stance != Stance::Asserts || !a.quoted {
            continue;
        }
        // (The neighbours are looked at first: most quotations hold no
        // denial of their own, and need no tokenising here.)
        let inside = |j: &usize| {
            *j != k
                && atts[*j].stance == Stance::Denies
                && a.content.start < atts[*j].cue.start
                && atts[*j].cue.end <= a.content.end
        };
        let Some(j) = (k.saturating_sub(3)..atts.len().min(k + 4)).find(inside) else {
            continue;
        };
        let Some(d) = opening_denial(text, a.content.clone(), true, lex)
            .filter(|d| d.named && atts[j].cue.start <= d.verb && d.verb < atts[j].cue.end)
        else {
            continue;
        };
        match d.rest {
            Some(rest) => {
                atts[k].content = rest;
                atts[k].continues = Some(j);
            }
            None => gone.push(k),
        }
    }
    if gone.is_empty() {
        return atts;
    }
    super::keep(atts, |k, _| !gone.contains(&k))
}

/// The denial that opens `atts[k]` and the claim of the rest of its
/// content, if any (links still by input index); `None` when the denial
/// neither names what it denies nor has a claim to answer.
fn parts(text: &str, atts: &[Attribution], k: usize, d: Opening) -> Option<(Attribution, Option<Attribution>)> {
    let a = &atts[k];
    // The accusation it answers, when it names allegations: the last one
    // of another speaker, else the first one reported after it. ("Such
    // reports are fabricated" answers the last claim of another speaker,
    // an accusation or not.)
    let speaker = text[a.source.clone()].trim().to_lowercase();
    let other_accusation = |e: &Attribution| {
        e.accuse && e.stance == Stance::Asserts && text[e.source.clone()].trim().to_lowercase() != speaker
    };
    let lo = k.saturating_sub(link::LINK_WINDOW);
    let hi = atts.len().min(k + 1 + link::LINK_WINDOW);
    let accusation = d
        .pointer_accuses
        .then(|| {
            atts[lo..k]
                .iter()
                .rposition(other_accusation)
                .map(|j| lo + j)
                .or_else(|| atts[k + 1..hi].iter().position(other_accusation).map(|j| k + 1 + j))
        })
        .flatten();
    let mut denial = a.clone();
    denial.stance = Stance::Denies;
    denial.accuse = false;
    denial.evidence = false;
    denial.quoted = false;
    denial.more.clear();
    denial.answers_accusation = d.pointer_accuses;
    // (Whose claim it answers matters only when it names no content.)
    denial.accused = d.made_by.clone().filter(|_| d.denied.is_none());
    match d.denied {
        // "… accusations linking the attack to Afghanistan": what it names
        // (without an accusation to point at, links go by shared words).
        Some(r) => {
            denial.content = r;
            denial.points_back = accusation.filter(|_| d.points);
        }
        // "We reject these allegations": the claim it answers, else the
        // last claim of another speaker.
        None if d.points => {
            let p = accusation.or_else(|| rules::antecedent(&atts[lo..k], text, &a.source).map(|j| lo + j))?;
            denial.content = atts[p].content.clone();
            denial.points_back = Some(p);
        }
        None => return None,
    }
    let mut rest = a.clone();
    rest.points_back = None;
    match d.rest {
        Some(r) => rest.content = r,
        None if !a.more.is_empty() => rest.content = rest.more.remove(0),
        None => return Some((denial, None)),
    }
    Some((denial, Some(rest)))
}

/// A denial opening a content: what it denies, if it names it, and the
/// rest of the content after it, if any.
struct Opening {
    /// Where the denial's verb (or false word) starts, in bytes.
    verb: usize,
    /// Whether its subject is a side's name ("Russia categorically
    /// denies"), not "we" or "I".
    named: bool,
    /// Who made what it denies ("the claims spread by the Azerbaijani
    /// side"), in bytes.
    made_by: Option<Range<usize>>,
    /// "… allegations linking the attack to Afghanistan": the words from
    /// "linking" (after "that"); "We deny any involvement": the object.
    denied: Option<Range<usize>>,
    /// Whether the denial points at something said ("these claims", "the
    /// allegations"), so it answers an earlier (or later) claim.
    points: bool,
    /// Whether the denial names an allegation or accusation (it then
    /// answers every accusation of that side since the last denial).
    pointer_accuses: bool,
    /// The content after the denial's sentence or clause.
    rest: Option<Range<usize>>,
}

/// Bytes of a content read for its opening denial.
const PREFIX: usize = 600;

/// Adverbs between the pronoun and the denial verb beyond those in -ly.
const INTENSIFIERS: [&str; 4] = ["also", "once", "again", "firmly"];

fn opening_denial(text: &str, content: Range<usize>, quoted: bool, lex: &Lexicon) -> Option<Opening> {
    // Most contents open otherwise: look at the first word before tokenising.
    let first_word = text[content.clone()]
        .trim_start_matches(['“', '"', ' '])
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()?;
    let opening = first_word.to_lowercase();
    // ("“Russia categorically denies any involvement,” Peskov said": a
    // side that names itself in its own words.)
    let self_named = quoted && first_word.starts_with(char::is_uppercase);
    if !(matches!(opening.as_str(), "we" | "i" | "all")
        || self_named
        || lex.is(WordClass::POINTER, &opening)
        || lex.is(WordClass::DETERMINER, &opening))
    {
        return None;
    }
    // The denial is the first sentence: a bounded prefix holds it.
    let mut prefix_end = content.end.min(content.start + PREFIX);
    while !text.is_char_boundary(prefix_end) {
        prefix_end -= 1;
    }
    let toks = text::tokens(text, content.start..prefix_end);
    let folded = Folded::new(text, &toks);
    let low: Vec<&str> = folded.iter().collect();
    let word = |k: usize| low.get(k).copied().unwrap_or("");
    let first = usize::from(matches!(word(0), "“" | "\""));
    // The subject: "we", "I", or the capitalised words of a side's name.
    let capital = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text(text).starts_with(char::is_uppercase))
    };
    let subject_end = if matches!(word(first), "we" | "i") {
        Some(first + 1)
    } else if self_named {
        (first..first + 3).find(|&j| !capital(j)).filter(|&j| j > first)
    } else {
        None
    };
    let named = subject_end.is_some() && !matches!(word(first), "we" | "i");
    let (k, labelled) = match subject_end.and_then(|end| denial_verb(&word, end, lex)) {
        Some(k) => (k, None),
        None => {
            let l = labelled_false(&word, first, lex)?;
            (l.false_word, Some((l.alleged, l.head)))
        }
    };
    // The denial ends at its sentence, a semicolon or "& / and" before the
    // next verb ("…, & urge Pakistani side to …").
    let end = match (k + 1..toks.len())
        .find(|&j| matches!(word(j), "." | ";" | "!" | "?" | "&") || (word(j) == "and" && j > 0 && word(j - 1) == ","))
    {
        Some(e) => e,
        None if prefix_end == content.end => toks.len(),
        None => return None,
    };
    // "We deny that we paid anyone": "that" opens the clause denied.
    if labelled.is_none() && word(k + 1) == "that" && k + 2 < end {
        return Some(Opening {
            verb: toks[k].start,
            named,
            made_by: None,
            denied: span(text, &toks[k + 2..end]),
            points: false,
            pointer_accuses: false,
            rest: rest_after(text, &toks, &word, end, content.end),
        });
    }
    let pointer = if let Some((_, head)) = labelled {
        (first..k).find(|&j| lex.is(WordClass::POINTER, word(j))).or(Some(head))
    } else {
        (k + 1..end).find(|&j| lex.is(WordClass::ACCUSATION, word(j)) || lex.is(WordClass::POINTER, word(j)))
    };
    let denied = match pointer {
        // "Allegations that Russia carried out the attack are untrue":
        // what they allege; "It is false that …": the clause; "These are
        // baseless fabrications": what they answer.
        _ if let Some((alleged, _)) = labelled => match alleged {
            Some((a, b)) => span(text, &toks[a..b]),
            None => (word(k + 1) == "that").then(|| span(text, &toks[k + 2..end])).flatten(),
        },
        // "… the accusations linking the attack to Afghanistan", "… the
        // claim that …": the words that say what was alleged.
        Some(p) => (p + 1..end)
            .find(|&j| matches!(word(j), "that" | "linking" | "blaming" | "accusing"))
            .and_then(|j| span(text, &toks[if word(j) == "that" { j + 1 } else { j }..end])),
        // "We deny any involvement in the attack": its object.
        None => span(text, &toks[k + 1..end]),
    };
    // "The claims spread by the Azerbaijani side are false", "the
    // allegations made by Pakistan": whose claims are denied.
    let made_by = pointer.and_then(|p| {
        let by = (p + 1..(p + 3).min(toks.len())).find(|&j| word(j) == "by")?;
        let stop = (by + 1..toks.len())
            .find(|&j| {
                j == k
                    || matches!(
                        word(j),
                        "that" | "about" | "of" | "is" | "are" | "was" | "were" | "as" | "linking" | "," | "." | ";"
                    )
            })
            .unwrap_or(toks.len());
        span(text, &toks[by + 1..stop])
    });
    Some(Opening {
        verb: toks[k].start,
        named: named && labelled.is_none(),
        made_by,
        denied,
        points: pointer.is_some(),
        pointer_accuses: pointer.is_some_and(|p| lex.is(WordClass::ACCUSATION, word(p))),
        rest: rest_after(text, &toks, &word, end, content.end),
    })
}

/// The content after the denial that ends at token `end`, if it holds at
/// least three words.
fn rest_after<'w>(
    text: &str,
    toks: &[Token],
    word: &impl Fn(usize) -> &'w str,
    end: usize,
    content_end: usize,
) -> Option<Range<usize>> {
    (end..toks.len())
        .find(|&j| !matches!(word(j), "." | ";" | "!" | "?" | "&" | "and" | ","))
        .map(|j| toks[j].start..trim_end(text, toks[j].start..content_end))
        .filter(|r| text[r.clone()].split_whitespace().count() >= 3)
}

/// "We (categorically) reject …", "I deny …": the index of the denial
/// verb after the first-person subject at `first`.
fn denial_verb<'w>(word: &impl Fn(usize) -> &'w str, subject_end: usize, lex: &Lexicon) -> Option<usize> {
    let mut k = subject_end;
    while word(k).ends_with("ly") || INTENSIFIERS.contains(&word(k)) {
        k += 1;
    }
    lex.cue(word(k))
        .filter(|c| c.stance == Stance::Denies && c.learned.is_none())
        .map(|_| k)
}

/// "These are baseless fabrications", "The allegations are totally
/// false", "All statements by the regime about the attack are a
/// provocation and absolutely untrue": a pointer (after determiners),
/// perhaps with a complement that says whose or about what, labelled false
/// by a copula. The index of the false word, and the words of the
/// complement that say what was alleged ("about …", "that …") if any.
fn labelled_false<'w>(word: &impl Fn(usize) -> &'w str, first: usize, lex: &Lexicon) -> Option<Labelled> {
    let det = |j: usize| lex.is(WordClass::DETERMINER, word(j)) || word(j) == "all";
    let mut j = first;
    while j < first + 4 && det(j) {
        j += 1;
    }
    // "The allegations", "Allegations", or a pointing determiner alone
    // ("These"); "the so-called ramming": the other side's word for it;
    // "What the militia is saying": what someone says.
    let head = if word(j) == "so-called" && word(j + 1).chars().all(char::is_alphanumeric) {
        j + 1
    } else if lex.is(WordClass::POINTER, word(j)) {
        j
    } else if j > first && lex.is(WordClass::POINTER, word(j - 1)) {
        j - 1
    } else if j == first && word(j) == "what" {
        (j + 2..j + 6)
            .take_while(|&k| !matches!(word(k), "" | "," | "." | ";"))
            .find(|&k| {
                matches!(
                    word(k),
                    "saying"
                        | "says"
                        | "say"
                        | "said"
                        | "claims"
                        | "claiming"
                        | "alleges"
                        | "alleging"
                        | "claimed"
                        | "alleged"
                )
            })?
    } else {
        return None;
    };
    let after = head + 1;
    let copula = if matches!(word(after), "is" | "are" | "was" | "were") {
        after
    } else if COMPLEMENT.contains(&word(after)) {
        // The first copula of the sentence that labels what precedes it.
        (after + 1..after + LONGEST_SUBJECT)
            .take_while(|&j| !matches!(word(j), "" | "," | "." | ";" | ":" | "!" | "?"))
            .find(|&j| labels_false(word, j, lex).is_some())?
    } else {
        return None;
    };
    let false_word = labels_false(word, copula, lex)?;
    let alleged = (after..copula)
        .find(|&j| matches!(word(j), "that" | "about"))
        .map(|j| (j + 1, copula))
        .filter(|(a, b)| b > a);
    Some(Labelled {
        false_word,
        alleged,
        head,
    })
}

/// A labelled-false opening: the false word, the token range of what the
/// subject says was alleged, and the subject's head ("allegations",
/// "ramming" in "the so-called ramming", "saying" in "what they are
/// saying"), which points at what was said.
struct Labelled {
    false_word: usize,
    alleged: Option<(usize, usize)>,
    head: usize,
}

/// Words that open a complement of a pointer noun: whose it is or what it
/// is about ("allegations by Kyiv that …", "statements about …").
const COMPLEMENT: [&str; 14] = [
    "by",
    "of",
    "about",
    "from",
    "made",
    "that",
    "linking",
    "regarding",
    "concerning",
    "spread",
    "levelled",
    "leveled",
    "circulated",
    "voiced",
];

/// Most words from a pointer to the copula that labels it false.
const LONGEST_SUBJECT: usize = 60;

/// The false word when the copula at `copula` labels its subject false:
/// "… are “a provocation and absolutely untrue”", "is totally false". Only
/// quote marks, articles, adverbs, nouns and "and" may come between, no
/// other punctuation and no negation ("is not false").
pub(in crate::extract) fn labels_false<'w>(
    word: &impl Fn(usize) -> &'w str,
    copula: usize,
    lex: &Lexicon,
) -> Option<usize> {
    if !matches!(word(copula), "is" | "are" | "was" | "were") {
        return None;
    }
    (copula + 1..copula + 8)
        .take_while(|&j| {
            // ("is nothing but lies": "but" means "only" there.)
            let only = word(j) == "but" && word(j - 1) == "nothing";
            only || !matches!(
                word(j),
                "" | "," | "." | ";" | ":" | "!" | "?" | "not" | "never" | "that" | "but" | "because"
            )
        })
        .find(|&j| lex.is(WordClass::NEGATIVE, word(j)))
}

/// The byte range from the first to the last of `toks`, if any.
fn span(text: &str, toks: &[Token]) -> Option<Range<usize>> {
    let first = toks.first()?;
    let last = toks.last()?;
    let r = first.start..last.end;
    Some(r.start..trim_end(text, r))
}

/// The end of `r` without trailing punctuation and closing quotation marks.
fn trim_end(text: &str, r: Range<usize>) -> usize {
    r.start
        + text[r]
            .trim_end_matches(['.', ',', ';', ':', ' ', '”', '"', '!', '?'])
            .len()
}
