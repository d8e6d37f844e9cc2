//! Verb pattern: a denial after its pointer ("…, a claim that Afghan
//! officials have denied"), which points back at the claim it denies.

use super::verb::VerbCue;
use crate::claim::Stance;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::{Attribution, antecedent};
use crate::extract::scan::SentenceScan;

/// "…, a claim that Afghan officials have denied": points back.
/// (or "… as “disinformation”.", "… as politically motivated." after a denial)
pub(super) fn pointing_denial(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue {
        i, cs, n, kind, cue, ..
    } = *v;
    let cue_text = s.cue_words(cs..i + 1);
    // (A denial verb's "as" phrase ends the clause too: "an accusation the
    // group dismissed as politically motivated".)
    let qualified_end = cue.stance == Stance::Denies
        && i + 1 < n
        && s.word(i + 1) == "as"
        && (i + 2..n)
            .take_while(|&j| !s.is_punct(j, &[",", ";"]))
            .filter(|&j| s.is_word(j))
            .take(6)
            .count()
            <= 5;
    let after_is_end = i + 1 >= n || s.is_punct(i + 1, &[",", ".", ";"]) || qualified_end;
    if after_is_end {
        // "a claim the Taliban denies", "…, charges Ukraine rejects".
        // (A pronoun is no pointer here, nor a word of a quotation that
        // closed before the source: "“… is that it is not …,” he said.")
        let pointer = (cs.saturating_sub(10)..cs).rev().find(|&k| {
            s.in_class(k, WordClass::POINTER)
                && k > 0
                && !matches!(s.word(k), "it" | "them" | "this" | "that" | "these" | "those")
                && !(k..cs).any(|j| s.is_punct(j, &["”", "\""]))
                && (s.in_class(k - 1, WordClass::DETERMINER)
                    || (s.in_class(k, WordClass::ACCUSATION) && s.is_punct(k - 1, &[","])))
        });
        // "Islamabad's accusations that A, which the Taliban denies": the
        // relative pronoun points at the attribution whose content ends
        // at its comma.
        let which = (cs.saturating_sub(6)..cs)
            .rev()
            .find(|&k| k >= 2 && s.word(k) == "which" && s.is_punct(k - 1, &[","]));
        if pointer.is_none()
            && let Some(w) = which
            && let Some(prev) = s.previous_in_sentence(out)
            && out[prev].content.end <= s.toks[w - 1].start
            && (0..w - 1).all(|k| s.toks[k].start < out[prev].content.end || !s.is_word(k))
            && let Some(src) = s.source_range(w + 1..cs)
        {
            return Some(push_pointing_back(s, out, cs..i + 1, cue_text, src, prev, kind));
        }
        if let Some(p) = pointer {
            let src_start = if s.word(p + 1) == "that" || s.word(p + 1) == "which" {
                p + 2
            } else {
                p + 1
            };
            let src = s.source_range(src_start..cs);
            let earlier = src.clone().and_then(|r| antecedent(out, s.text, &s.span(r)));
            if let (Some(src), Some(antecedent)) = (src, earlier) {
                return Some(push_pointing_back(s, out, cs..i + 1, cue_text, src, antecedent, kind));
            }
        }
    }
    None
}

/// Pushes a denial that repeats the content of the attribution
/// `antecedent` and points back at it; false when it was not pushed.
pub(super) fn push_pointing_back(
    s: &SentenceScan<'_>,
    out: &mut Vec<Attribution>,
    cue: std::ops::Range<usize>,
    cue_text: String,
    src: std::ops::Range<usize>,
    antecedent: usize,
    kind: (Stance, bool, bool),
) -> bool {
    let content = Some((out[antecedent].content.clone(), out[antecedent].quoted));
    let pushed = s.push(out, cue, cue_text, src, content, kind);
    if pushed && let Some(last) = out.last_mut() {
        last.points_back = Some(antecedent);
    }
    pushed
}
