//! Verb patterns: participles and second verbs ("…, maintaining that …",
//! "Citing …, Trump said", "with X telling …", "… and said …", "…, says …"),
//! which take their speaker from elsewhere in the sentence.

use super::verb::VerbCue;
use crate::extract::lexicon::Cue;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;
use std::ops::Range;

/// "…, with spokesman Matthew Miller telling reporters that …": the
/// one named after "with" speaks.
/// (With an appositive: "with Shakirullah Safi, head of the chamber,
/// estimating …".)
pub(super) fn with_speaker(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, kind, .. } = *v;
    if s.word(i).ends_with("ing")
        && let Some(w) = (cs.saturating_sub(20)..cs).rev().find(|&k| s.word(k) == "with")
        && w + 1 < cs
        && (w + 1..cs).all(|k| s.is_word(k) || s.is_punct(k, &[","]))
        && let name_end = (w + 1..cs).find(|&k| s.is_punct(k, &[","])).unwrap_or(cs)
        && (name_end == cs || s.toks[w + 1].text(s.text).starts_with(char::is_uppercase))
        // ("cut ties with Rabat in August, accusing …": a comma that only
        // closes the phrase after "with" leaves the subject to speak.)
        && name_end + 1 != cs
        && let Some(src) = s.source_range(w + 1..name_end)
    {
        let ce = s.cue_end(i);
        let content = s.content_bytes(s.object_range(ce));
        return Some(s.push(out, cs..ce, s.cue_words(cs..ce), src, content, kind));
    }
    None
}

/// "Citing an unfounded theory, Trump said …": a participle opens the
/// sentence with its object; the subject after the comma speaks.
pub(super) fn fronted_participle(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, kind, .. } = *v;
    if s.word(i).ends_with("ing")
        && (0..cs).all(|k| !s.is_word(k))
        && let Some(r) = s.fronted_participle(i)
    {
        let (ce, src, object) = r;
        let content = s.content_bytes(object);
        return Some(s.push(out, cs..ce, s.cue_words(cs..ce), src, content, kind));
    }
    None
}

/// "…, maintaining that …": continues the previous attribution.
pub(super) fn participle_continues(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, kind, cue, .. } = *v;
    let after_and = cs > 0 && s.word(cs - 1) == "and" && s.previous_in_sentence(out).is_some();
    // "…, while noting that …", "“…,” adding that …", "… saying: “…”".
    let after_comma =
        |k: usize| s.is_punct(k, &[","]) || (k > 0 && s.is_punct(k - 1, &[","]) && s.is_punct(k, &["”", "\""]));
    // (", calling for …": a particle closes the cue.)
    let ce = s.cue_end(i);
    let joined = cs > 0
        && (after_comma(cs - 1)
            || (cs > 1 && s.word(cs - 1) == "while" && after_comma(cs - 2))
            || (ce < s.toks.len() && s.is_punct(ce, &[":"]) && s.previous_in_sentence(out).is_some()));
    if s.word(i).ends_with("ing") && (joined || after_and) {
        let cue_text = s.cue_words(cs..ce);
        let Some(prev) = s.previous_outer_in_sentence(out) else {
            // "It attacked Trump, saying …": the sentence's subject speaks.
            let Some(src) = s.subject(cs) else { return Some(false) };
            let content = s.content_bytes(s.content_after(ce));
            return Some(s.push(out, cs..ce, cue_text, src, content, kind));
        };
        let content = s.content_bytes(s.content_after(ce));
        return Some(s.continue_previous(out, prev, cs..ce, cue_text, content, cue));
    }
    None
}

/// "Officials rejected the claim and said …", "… did not confirm it
/// but said …": the speaker of the first verb, or the sentence's
/// subject, speaks.
pub(super) fn second_verb_after_and(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, kind, cue, .. } = *v;
    if cs > 0 && matches!(s.word(cs - 1), "and" | "but") {
        if s.shares_auxiliary(cs - 1) {
            return Some(false);
        }
        let ce = s.cue_end(i);
        let content = s.content_bytes(s.object_range(ce));
        let cue_text = s.cue_words(cs..ce);
        if let Some(prev) = s.previous_in_sentence(out) {
            return Some(s.continue_previous(out, prev, cs..ce, cue_text, content, cue));
        }
        let Some(src) = s.subject(cs) else { return Some(false) };
        return Some(s.push(out, cs..ce, cue_text, src, content, kind));
    }
    None
}

/// "Kabul rejects the accusations, says the clash was provoked": a
/// second verb after a comma has the first one's speaker.
pub(super) fn second_verb_after_comma(
    s: &SentenceScan<'_>,
    v: &VerbCue<'_>,
    out: &mut Vec<Attribution>,
) -> Option<bool> {
    let VerbCue { i, cs, cue, .. } = *v;
    if cs > 0
        && s.is_punct(cs - 1, &[","])
        && let Some(prev) = s.previous_in_sentence(out)
        && s.source_before(cs).is_some_and(|r| s.span(r).end > out[prev].cue.start)
    {
        let ce = s.cue_end(i);
        let content = s.content_bytes(s.object_range(ce));
        return Some(s.continue_previous(out, prev, cs..ce, s.cue_words(cs..ce), content, cue));
    }
    None
}

impl SentenceScan<'_> {
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
        let cue_b = self.span(cue_tokens);
        if self.holds_own_cue(&content, &cue_b) {
            return false;
        }
        out.push(Attribution {
            cue: cue_b,
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
