//! Pattern family: a reporting verb of the lexicon and the many shapes of
//! sentence around it. Each shape is one pattern; [`VERB_PATTERNS`] is the
//! order they are tried in, and the first that fits decides.

use super::{content_first, inverted, participle, pointing};
use crate::claim::Stance;
use crate::extract::lexicon::Cue;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::{Attribution, antecedent};
use crate::extract::scan::SentenceScan;

/// The reporting verb a pattern is tried on: the cue's head token `i`, the
/// first token `cs` of the cue (with its auxiliaries), the sentence's
/// length `n` in tokens, the lexicon entry and its stance, accusation and
/// evidence flags.
#[derive(Clone, Copy)]
pub(super) struct VerbCue<'c> {
    pub(super) i: usize,
    pub(super) cs: usize,
    pub(super) n: usize,
    pub(super) cue: &'c Cue,
    pub(super) kind: (Stance, bool, bool),
}

/// A verb pattern: `None` when the sentence does not have its shape, else
/// whether it added an attribution (a pattern that fits and finds no source
/// or content still decides: later patterns are not tried).
type VerbPattern = fn(&SentenceScan<'_>, &VerbCue<'_>, &mut Vec<Attribution>) -> Option<bool>;

/// The verb patterns, in the order they are tried. The order is the logic
/// where two shapes overlap: participles and second verbs before the
/// pointing denial, the inverted source before content first, and the
/// plain subject–verb pattern, which fits any verb with a source before it,
/// last.
const VERB_PATTERNS: &[VerbPattern] = &[
    participle::with_speaker,
    participle::fronted_participle,
    participle::participle_continues,
    participle::second_verb_after_and,
    colon_next_paragraph,
    only_source_and_cue,
    pointing::pointing_denial,
    inverted::inverted,
    content_first::content_then_source,
    relative_pronoun,
    participle::second_verb_after_comma,
    subject_verb,
];

impl SentenceScan<'_> {
    /// A reporting verb of the lexicon: the first of [`VERB_PATTERNS`] that
    /// fits decides.
    pub(in crate::extract) fn verb(&self, i: usize, cue: &Cue, out: &mut Vec<Attribution>) -> bool {
        let Some(cs) = self.cue_start(i) else { return false };
        // ("ERINA said, citing the ministry, that …": an aside that an
        // earlier cue of the sentence skipped to its content.)
        let at = self.span(i..i + 1);
        if out[self.first..]
            .iter()
            .any(|a| a.cue.end <= at.start && at.end <= a.content.start && a.source.end <= at.start)
        {
            return false;
        }
        let v = VerbCue {
            i,
            cs,
            n: self.toks.len(),
            cue,
            kind: (cue.stance, cue.accuse, cue.evidence),
        };
        VERB_PATTERNS.iter().find_map(|p| p(self, &v, out)).unwrap_or(false)
    }
}

/// "Limbaugh added:" and the quotation in the next paragraph.
pub(super) fn colon_next_paragraph(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, n, kind, .. } = *v;
    let cue_text = s.cue_words(cs..i + 1);
    if i + 1 < n && s.is_punct(i + 1, &[":"]) && s.words_in(i + 2..n) == 0 {
        let Some(src) = s.source_before(cs) else {
            return Some(false);
        };
        let content = s.next_paragraph().and_then(|r| s.quote_trimmed(r));
        return Some(s.push(out, cs..i + 1, cue_text, src, content, kind));
    }
    None
}

/// "“… the missing emails.” Trump said.": a sentence of only its
/// source and cue after a quotation that closed the sentence before;
/// the quotation is the content.
pub(super) fn only_source_and_cue(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, n, kind, .. } = *v;
    let cue_text = s.cue_words(cs..i + 1);
    if (i + 1..n).all(|k| !s.is_word(k))
        && let Some(src) = s.source_before(cs)
        && src.start == 0
        && let Some(content) = s.quotation_before_sentence()
    {
        return Some(s.push(out, cs..i + 1, cue_text, src, Some(content), kind));
    }
    None
}

/// "… the Balochistan Liberation Army (BLA), which claimed
/// responsibility …": the name before the relative pronoun speaks.
pub(super) fn relative_pronoun(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, kind, .. } = *v;
    if cs >= 3
        && matches!(s.word(cs - 1), "which" | "who")
        && s.is_punct(cs - 2, &[","])
        && let Some(name) = s.name_before(cs - 2)
    {
        let ce = s.cue_end(i);
        let mut range = s.object_range(ce);
        // The relative clause ends at its comma: "Smith, who said A, left".
        if let Some(c) = (range.start..range.end).find(|&k| s.is_punct(k, &[","])) {
            range.end = c;
        }
        let content = s.content_bytes(range);
        let pushed = s.push(out, cs..ce, s.cue_words(cs..ce), cs - 1..cs, content, kind);
        if pushed && let Some(last) = out.last_mut() {
            last.antecedent = Some(s.span(name));
        }
        return Some(pushed);
    }
    None
}

/// "X said (that) Y", "X called for Y"; "Pakistan's claim that Y": the
/// possessor claims.
pub(super) fn subject_verb(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue {
        i, cs, n, kind, cue, ..
    } = *v;
    // ("rejected Taliban claims of …": a name before a noun cue owns it.)
    let possessor = s.possessor(cs).or_else(|| {
        if cue.noun && !s.word(i).ends_with("ed") {
            s.name_owning(cs)
        } else {
            None
        }
    });
    let Some(src) = possessor.clone().or_else(|| s.source_before(cs)) else {
        return Some(false);
    };
    let ce = s.cue_end(i);
    // "Pakistan's claim of militant sanctuaries": the claim is what follows "of".
    let of = possessor.is_some() && ce < n && matches!(s.word(ce), "of" | "about");
    // "Islamabad's claims over the attack": a noun whose content is not
    // said ("that", "of", "about", a colon) reports no claim.
    if possessor.is_some() && cue.noun && !of && !(ce < n && (s.word(ce) == "that" || s.is_punct(ce, &[":"]))) {
        return Some(false);
    }
    let from = if cue.lemma == "tell" {
        s.after_addressee(ce)
    } else {
        ce + usize::from(of)
    };
    let mut range = s.content_after(from);
    if !s.in_class(i, WordClass::INVERTED) {
        range.end = s.object_end(range.clone());
    }
    if cue.stance == Stance::Asserts
        && let Some(pushed) = s.said_baseless(cs..ce, range.clone(), src.clone(), out)
    {
        return Some(pushed);
    }
    // "The military denied responsibility, saying …": a denial of one
    // word of blame denies the claim of another speaker just reported.
    if cue.stance == Stance::Denies
        && s.words_in(range.clone()) == 1
        && BLAME_NOUNS.contains(&s.word(range.start))
        && let Some(earlier) = antecedent(out, s.text, &s.span(src.clone()))
    {
        return Some(pointing::push_pointing_back(
            s,
            out,
            cs..ce,
            s.cue_words(cs..range.start + 1),
            src,
            earlier,
            kind,
        ));
    }
    let content = s.content_bytes(range);
    Some(s.push(out, cs..ce, s.cue_words(cs..ce), src, content, kind))
}

/// Nouns of blame a denial may take alone ("denied responsibility").
const BLAME_NOUNS: &[&str] = &["responsibility", "involvement", "wrongdoing", "culpability", "blame"];
