//! Text from files made safe to print. A leaf module: claim files, checks,
//! diffs and reports all print text a stranger wrote, and none of them
//! should need the report to do it.

/// Text from a file made safe for a terminal: control characters
/// (escape sequences, bidi overrides) become visible placeholders.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// Unicode characters that reorder how text displays (embeddings,
/// overrides, isolates and directional marks): the "Trojan Source" set.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(clean("a\x1b[31mb\u{202e}c\nd"), "a\u{fffd}[31mb\u{fffd}c\u{fffd}d");
    }

    #[test]
    fn bidi_controls_are_the_trojan_source_set() {
        for c in [
            '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            assert!(is_bidi_control(c), "{:?}", c);
        }
        for c in ['a', '\u{200d}', '\u{2070}', '\u{202f}'] {
            assert!(!is_bidi_control(c), "{:?}", c);
        }
    }
}
