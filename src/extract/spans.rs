//! Extracted attributions as BRAT spans in PolNeAR's conventions, for
//! `--format brat`, `eval spans` and the filter's training.

// A span is a Vec of ranges (fragments); a one-fragment span is the usual case.
#![allow(clippy::single_range_in_vec_init)]

use super::Attribution;
use crate::corpus::brat::{SpanAttribution, polnear_content, polnear_cue};
use crate::text::CharIndex;
use std::ops::Range;

/// Converts extracted attributions (byte ranges) to character spans; a
/// quotation that resumes after the cue is a further fragment of the content.
/// Denials that point back at an earlier claim keep only cue and source:
/// their content is a copy of the earlier claim's.
pub fn from_extracted(text: &str, atts: &[Attribution]) -> Vec<SpanAttribution> {
    let ix = CharIndex::new(text);
    let chars = |r: &Range<usize>| vec![ix.char_offset(r.start)..ix.char_offset(r.end)];
    atts.iter()
        .map(|a| {
            let cue = polnear_cue(text, a.cue.clone());
            // A source that ends in the clitic the cue now opens with ("He’s").
            let source = if a.source.end <= a.cue.start {
                a.source.start..a.source.end.min(cue.start.max(a.source.start))
            } else {
                a.source.clone()
            };
            SpanAttribution {
                cue: Some(chars(&cue)),
                source: (!source.is_empty()).then(|| chars(&source)),
                contents: if a.points_back.is_some() {
                    Vec::new()
                } else {
                    let pieces = std::iter::once(&a.content).chain(&a.more);
                    vec![pieces.flat_map(|r| chars(&polnear_content(text, r.clone()))).collect()]
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::brat::Fragments;

    #[test]
    fn the_source_gives_up_the_clitic_the_cue_opens_with() {
        let t = "He’s claiming that taxes rise.";
        let a = Attribution::example(t, "He’s", "claiming", "taxes rise");
        let s = &from_extracted(t, &[a])[0];
        let chars: Vec<char> = t.chars().collect();
        let text = |f: &Fragments| {
            f.iter()
                .map(|r| chars[r.clone()].iter().collect::<String>())
                .collect::<String>()
        };
        assert_eq!(text(s.source.as_ref().unwrap()), "He");
        assert_eq!(text(s.cue.as_ref().unwrap()), "’s claiming");
    }
}
