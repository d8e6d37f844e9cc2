//! Verb pattern: content first, then source and cue ("…, officials said on
//! Wednesday.", "“…,” she said of the vote").

use super::verb::VerbCue;
use crate::extract::lexicon::WordClass;
use crate::extract::rules::Attribution;
use crate::extract::scan::SentenceScan;

/// "…, officials said on Wednesday.", "“…,” she said of the vote" (content first)
pub(super) fn content_then_source(s: &SentenceScan<'_>, v: &VerbCue<'_>, out: &mut Vec<Attribution>) -> Option<bool> {
    let VerbCue {
        i, cs, n, kind, cue, ..
    } = *v;
    let cue_text = s.cue_words(cs..i + 1);
    let mut boundary = (0..cs).rev().find(|&k| s.is_punct(k, &[",", "”", "\""]));
    // "“…,” Captain Bill Urban, a spokesman for U.S. Central Command,
    // said": the name before its appositive, after the quotation.
    let mut src_end = cs;
    if let Some(q) = boundary
        && q + 1 == cs
        && s.is_punct(q, &[","])
        && let Some(close) = (q.saturating_sub(16)..q).rev().find(|&k| s.is_punct(k, &["”", "\""]))
        && close > 0
        && s.is_punct(close - 1, &[","])
        && (close + 1..q).all(|k| s.is_word(k) || s.is_punct(k, &[",", ".", "'", "’", "-"]))
        && let [comma] = (close + 1..q).filter(|&k| s.is_punct(k, &[","])).collect::<Vec<_>>()[..]
        && s.capitalised_run(close + 1..comma)
    {
        boundary = Some(close);
        src_end = comma;
    }
    if let Some(q) = boundary
        && s.content_first(q, i, &cue.lemma)
    {
        let src_start = q + 1;
        if let Some(src) = s.source_range(src_start..src_end)
            && s.words_in(src.clone()) <= 10
        {
            let cend = if s.is_punct(q, &[","]) { q } else { q + 1 };
            let quote_next = (i + 1..n)
                .find(|&k| !s.is_punct(k, &[",", ".", ":"]))
                .is_none_or(|k| s.is_punct(k, &["“", "\""]));
            // "DuVernay said she felt A, “B,” she said. “C.”": the clause
            // before the cue holds an earlier attribution, and the
            // quotation before the cue opened after it. Its content
            // keeps the words it holds, and this one has the quotation
            // that resumes after the cue, if any; else the words after
            // the earlier attribution.
            let clause = s.toks[s.clause_start(cend).min(cend)].start;
            let opened = s
                .is_punct(q, &["”", "\""])
                .then(|| (0..q).rev().find(|&k| s.is_punct(k, &["“", "\""])))
                .flatten()
                .map(|k| s.toks[k].start);
            // ("Allegations by Kyiv that A are “untrue,” the ministry
            // said": an allegation the clause opens with is its subject.)
            let allegation = |p: usize| {
                s.text[out[p].cue.clone()]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| s.lex.is(WordClass::ACCUSATION, &w.to_lowercase()))
            };
            if let Some(p) = s.previous_in_sentence(out)
                && out[p].cue.start >= clause
                && !allegation(p)
                && opened.is_some_and(|o| out[p].cue.end <= o)
            {
                let last = s.toks[cend - 1].start;
                let held = std::iter::once(&out[p].content)
                    .chain(&out[p].more)
                    .any(|r| r.contains(&last));
                let content = if held {
                    // The earlier content ends where this source begins.
                    let end = s.toks[cend - 1].end;
                    if out[p].content.start < end && out[p].content.end > end {
                        out[p].content.end = end;
                    }
                    let from = if quote_next { i + 1 } else { n };
                    s.quote_resumed(from).map(|r| (r, true))
                } else {
                    let after = out[p].cue.end.max(out[p].source.end);
                    let from = (0..cend)
                        .find(|&k| s.toks[k].start >= after && !s.is_punct(k, &[","]))
                        .unwrap_or(cend);
                    s.content_bytes(from..cend)
                };
                return Some(s.push(out, cs..i + 1, cue_text, src, content, kind));
            }
            // "The museum, he said, celebrated his heroes": the clause goes on after the cue.
            let goes_on = i + 2 < n
                && s.is_punct(q, &[","])
                && s.is_punct(i + 1, &[","])
                && s.is_word(i + 2)
                && !s.word(i + 2).ends_with("ing")
                && !s.in_class(i + 2, WordClass::ADJUNCT)
                && !(i + 2..n).any(|k| s.is_punct(k, &["“", "\"", "”"]));
            let mut content = s.content_bytes(s.clause_start(cend)..cend);
            if content.is_none() && quote_next && !s.is_punct(q, &[","]) {
                // "“That,” he added, “promises …”": one word opens the quotation.
                content = s.opening_word(s.clause_start(cend)..cend);
            }
            // (Not a connective: "If, as I've suggested, he …".)
            let function_word = |k: usize| {
                [
                    WordClass::BOUNDARY,
                    WordClass::CONNECTIVE,
                    WordClass::PREPOSITION,
                    WordClass::ADJUNCT,
                ]
                .iter()
                .any(|&c| s.in_class(k, c))
            };
            if content.is_none()
                && goes_on
                && s.words_in(s.clause_start(cend)..cend) == 1
                && s.is_word(cend - 1)
                && !function_word(cend - 1)
            {
                // "Iraq, he said, had documented …": a subject of one word.
                content = Some((s.span(cend - 1..cend), false));
            }
            let pushed = s.push(out, cs..i + 1, cue_text, src, content, kind);
            if pushed
                && goes_on
                && let Some((rest, _)) = s.content_bytes(s.content_after(i + 2))
                && let Some(last) = out.last_mut()
            {
                last.more.push(rest);
            }
            if pushed && !s.is_punct(q, &[","]) {
                if quote_next {
                    s.resume_quote(i + 1, out);
                } else if !(i + 1..n).any(|k| s.is_punct(k, &["“", "\""])) {
                    // "“A,” she said Friday. “B.”"
                    s.resume_quote(n, out);
                }
            }
            return Some(pushed);
        }
    }
    None
}
