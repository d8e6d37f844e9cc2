//! Verb pattern: the inverted source after the content ("…, said the
//! minister").

use super::verb::VerbCue;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

/// "…, said the minister." (inverted; not "…, said that …")
pub(super) fn inverted(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue { i, cs, n, kind, .. } = *v;
    let cue_text = s.cue_words(cs..i + 1);
    if cs > 0
        && s.is_punct(cs - 1, &[",", "”", "\""])
        && i + 1 < n
        && s.in_class(i, WordClass::INVERTED)
        && s.word(i + 1) != "that"
    {
        // A period inside the sentence ends an abbreviation ("Rep."), not the source.
        let last_period = |k: usize| s.is_punct(k, &["."]) && (k + 1..n).all(|j| !s.is_word(j));
        let end = (i + 1..n)
            .find(|&k| {
                s.is_punct(k, &[",", ";", "—"])
                    || last_period(k)
                    || (k > i + 1 && s.in_class(k, WordClass::AFTER_SOURCE))
            })
            .unwrap_or(n);
        let first = s.toks[i + 1].text(s.text);
        let capital = |k: usize| {
            k < end
                && s.toks[k]
                    .text(s.text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        // "said Smith", "said the minister", "said one official", "said 12
        // senators", "said former Gov. Jim Hodges", "said pollster Ann Selzer".
        let named = capital(i + 1)
            || s.in_class(i + 1, WordClass::DETERMINER)
            || s.in_class(i + 1, WordClass::QUANTIFIER)
            || s.in_class(i + 1, WordClass::TITLE_LEAD)
            || (first.chars().all(char::is_lowercase) && capital(i + 2) && capital(i + 3));
        // "Derek Mitchell, who served as …, said Clinton reached out": a
        // name and its appositive before the cue, a clause after it.
        // ("The Taliban's chief spokesman, Zabihullah Mujahid, said …": a
        // title and the name set off after it.)
        // The comma before the one that closes the subject, if the cue
        // follows a comma.
        let set_off_from = (cs > 2 && s.is_punct(cs - 1, &[","]))
            .then(|| (1..cs - 1).rev().find(|&k| s.is_punct(k, &[","])))
            .flatten();
        let name_set_off = set_off_from.is_some_and(|c| {
            (2..=5).contains(&(cs - 1 - c))
                && (c + 1..cs - 1)
                    .all(|k| s.toks[k].text(s.text).starts_with(char::is_uppercase) || s.is_punct(k, &["."]))
        });
        // ("“…,” Reem Ketait, a foreign ministry official, told the court":
        // a description set off after a name; the words after the cue are
        // whom it was told.)
        let described = set_off_from.is_some_and(|c| {
            cs - 1 - c <= 8
                && matches!(s.word(c + 1), "a" | "an" | "the")
                && s.toks[c - 1].text(s.text).starts_with(char::is_uppercase)
        });
        let appositive_before = cs > 1
            && s.is_punct(cs - 1, &[","])
            && (name_set_off
                || described
                || s.participle_set_off(cs - 1)
                || s.name_then_comma(cs - 1)
                || s.relative_clause_before(cs - 1).is_some());
        let clause_after = (i + 1..end).any(|k| s.in_class(k, WordClass::FINITE));
        if named
            && !appositive_before
            && !clause_after
            && end > i + 1
            && s.words_in(i + 1..end) <= 10
            && let Some(src) = s.source_range(i + 1..end)
        {
            let cend = if s.is_punct(cs - 1, &[","]) { cs - 1 } else { cs };
            let content = s.content_bytes(s.clause_start(cend)..cend);
            let quoted_before = s.is_punct(cs - 1, &["”", "\""]) || (cs > 1 && s.is_punct(cs - 2, &["”", "\""]));
            let pushed = s.push(out, cs..i + 1, cue_text, src, content, kind);
            // "“A,” said X, head of Y. “B.”": the quotation resumes after the sentence.
            if pushed && quoted_before && !(end..n).any(|k| s.is_punct(k, &["“", "\""])) {
                s.resume_quote(n, out);
            }
            return Some(pushed);
        }
    }
    None
}
