//! Paragraphs, sentences and tokens. Every piece keeps its byte range into
//! the article text; character (code point) offsets are derived once through
//! [`CharIndex`].

use std::ops::Range;

/// One sentence: its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range, trimmed of surrounding white space.
    pub range: Range<usize>,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

/// `word` without what is not a letter or digit at either end; a word
/// that starts and ends with an ASCII letter or digit (most) is returned
/// without decoding its characters.
pub(crate) fn trim_to_alphanumeric(word: &str) -> &str {
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric) && b.last().is_some_and(u8::is_ascii_alphanumeric) {
        return word;
    }
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// How many words `split_whitespace` finds in `s`: eight ASCII bytes at a
/// time, each other character decoded (extraction counts the words of
/// every article and of every judged content).
pub fn word_count(s: &str) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    // Whether the byte before `i` is white space (or `i` is 0), as the high
    // bit of a byte.
    let mut after_space = 0x80u64;
    let (mut words, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && chunk.is_ascii()
        {
            let mut x = [0; 8];
            x.copy_from_slice(chunk);
            let x = u64::from_le_bytes(x);
            // Per byte, the high bit: a space (0x20), or 9 to 13 (tab to
            // carriage return): every byte is below 0x80, so the sums
            // carry into no other byte.
            let t = x ^ (0x20 * LOW);
            let not_blank = ((t & !HIGH) + !HIGH) | t;
            let at_least_9 = x + (0x80 - 9) * LOW;
            let at_least_14 = x + (0x80 - 14) * LOW;
            let space = (!not_blank | (at_least_9 & !at_least_14)) & HIGH;
            let starts = !space & HIGH & ((space << 8) | after_space);
            words += starts.count_ones() as usize;
            after_space = (space >> 56) & 0x80;
            i += 8;
            continue;
        }
        let (space, len) = match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (c.is_whitespace(), c.len_utf8()),
            None => (false, 1),
        };
        words += usize::from(after_space != 0 && !space);
        after_space = if space { 0x80 } else { 0 };
        i += len;
    }
    words
}

/// Splits `text[start..]` into sentences with `sentencex`, keeping byte
/// ranges into the whole `text`. Paragraph breaks (blank lines, or single
/// newlines between lines) always end a sentence.
pub fn sentences(text: &str, start: usize) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for (paragraph, line) in paragraphs(text, start).into_iter().enumerate() {
        let chunk = &text[line.clone()];
        let first = out.len();
        for b in sentencex::get_sentence_boundaries("en", chunk) {
            let s = line.start + b.start_byte;
            let e = line.start + b.end_byte;
            if let Some(r) = trim_range(text, s..e) {
                if out.len() > first
                    && let Some(prev) = out.last_mut()
                    && (attribution_tail(&text[prev.range.clone()], &text[r.clone()])
                        || cut_in_name(&text[prev.range.clone()], &text[r.clone()]))
                {
                    prev.range.end = r.end;
                    continue;
                }
                for piece in pieces(text, r).into_iter().flat_map(|p| at_quoted_restart(text, p)) {
                    out.push(Sentence {
                        range: piece,
                        paragraph,
                    });
                }
            }
        }
    }
    out
}

/// Whether `next` is the attribution that closes a quotation ending `prev`
/// in a question or exclamation mark: "“Why now?” Senator Jones said."
/// The splitter ends a sentence at "?”" before a capital; a short sentence
/// after it (at most six words, ending in a period) belongs to it.
fn attribution_tail(prev: &str, next: &str) -> bool {
    let closes = ["?”", "!”", "?\"", "!\""].iter().any(|q| prev.ends_with(q));
    // (Words counted only after a quoted question: asked of every sentence.)
    closes
        && next.ends_with('.')
        && prev.len() + next.len() < MAX_SENTENCE_BYTES
        && next.split_whitespace().count() <= 6
}

/// Whether the splitter cut a name in two: `prev` ends with the title
/// "Ms." (sentencex reads it as the degree "MS." after a lower-case word:
/// "he met Ms. | Moore") or with the first initial of a party-state tag
/// ("Sen. Kelly Ayotte, R-N. | H., said"), and `next` opens with a capital
/// (the joined sentence stays under [`MAX_SENTENCE_BYTES`]).
fn cut_in_name(prev: &str, next: &str) -> bool {
    let last = prev
        .rsplit(|c: char| c.is_whitespace() || "(“\"'‘".contains(c))
        .next()
        .unwrap_or("");
    let tag = last.len() == 4
        && last.ends_with('.')
        && last.as_bytes()[1] == b'-'
        && last.bytes().filter(|b| b.is_ascii_uppercase()).count() == 2;
    (last == "Ms." || tag)
        && next.starts_with(|c: char| c.is_uppercase())
        && prev.len() + next.len() < MAX_SENTENCE_BYTES
}

/// `range` cut where a lone capital and a period end a sentence before a
/// quotation ("in a post on X. “No one is allowed …,” he wrote"):
/// sentencex reads the capital as a name's initial, but an initial is
/// followed by a name, not by an opening quotation mark.
fn at_quoted_restart(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    if !(s.contains(". “") || s.contains(". \"")) {
        return vec![range];
    }
    let mut out = Vec::new();
    let mut start = range.start;
    for (k, _) in s.match_indices(". ") {
        let b = s.as_bytes();
        let lone_capital = k >= 2 && b[k - 1].is_ascii_uppercase() && b[k - 2].is_ascii_whitespace();
        let opens = s[k + 2..].starts_with(['“', '"']) && s[k + 2..].chars().nth(1).is_some_and(char::is_alphanumeric);
        if lone_capital && opens {
            out.push(start..range.start + k + 1);
            start = range.start + k + 2;
        }
    }
    out.push(start..range.end);
    out
}

/// Longest sentence scanned as one, in bytes (about 600 words; news
/// sentences are far shorter). A longer run of text without a sentence end
/// (a 50 MB single line) is cut into pieces of at most this length at white
/// space, which keeps extraction linear in the length of the text.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4000;

/// Shortest piece an endless run is cut into at a clause boundary that is
/// not followed by a capital (see [`pieces`]).
const MIN_CLAUSE_BYTES: usize = 200;

/// `range` in pieces of at most [`MAX_SENTENCE_BYTES`]. A run that long has
/// no sentence end (a 50 MB line joined by commas): it is first cut at
/// clause boundaries (`, ` or `; ` before a capital, or after at least
/// [`MIN_CLAUSE_BYTES`]), so that a claim's content ends with its clause
/// instead of running to the end of a 4,000-byte piece (which made the
/// output 49 times the input, and linking those contents most of the
/// time); what is still too long is cut at white space.
fn pieces(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if range.len() <= MAX_SENTENCE_BYTES {
        return vec![range];
    }
    let mut out = Vec::new();
    let mut start = range.start;
    for (k, _) in text[range.clone()].match_indices([',', ';']) {
        let at = range.start + k + 1;
        let Some(next) = text[at..range.end].strip_prefix(' ') else {
            continue;
        };
        if next.starts_with(char::is_uppercase) || at - start >= MIN_CLAUSE_BYTES {
            out.extend(at_white_space(text, start..at));
            start = at;
        }
    }
    out.extend(at_white_space(text, start..range.end));
    out
}

/// `range` cut at white space into pieces of at most [`MAX_SENTENCE_BYTES`]
/// (a piece with no white space in it is cut at a character boundary).
fn at_white_space(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
            .map_or(limit, |k| start + k);
        if let Some(r) = trim_range(text, start..cut) {
            out.push(r);
        }
        start = cut;
    }
    if let Some(r) = trim_range(text, start..range.end) {
        out.push(r);
    }
    out
}

/// The non-blank lines of `text[start..]` as byte ranges. News text puts one
/// paragraph on a line; a headline is a line of its own.
pub(crate) fn paragraphs(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        let r = pos..pos + line.len();
        pos += line.len();
        if let Some(t) = trim_range(text, r) {
            out.push(t);
        }
    }
    out
}

/// `range` without leading and trailing white space; `None` when nothing is left.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return None;
    }
    Some(range.start + lead..range.end - trail)
}

/// A word or punctuation mark with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Splits `text[range]` into tokens: runs of letters and digits (with inner
/// apostrophes, hyphens, periods and slashes, as in "U.S.", "Pak-Afghan",
/// "Dawn.com", "don't") and single punctuation characters.
pub(crate) fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    // The character at byte `p` (a char boundary), without decoding ASCII;
    // walking the text this way spares the vector of all its characters.
    let at = |p: usize| -> Option<char> {
        match bytes.get(p) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => s[p..].chars().next(),
            None => None,
        }
    };
    // (About one token per five bytes of news text: room for a sentence
    // without regrowing, and no more than that up front for a huge range.)
    let mut out = Vec::with_capacity((s.len() / 4 + 1).min(1024));
    let mut b = 0;
    while let Some(c) = at(b) {
        if c.is_whitespace() {
            b += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = b + c.len_utf8();
            loop {
                // (A run of ASCII letters and digits without decoding.)
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some(cj) = at(end) else { break };
                if cj.is_alphanumeric() {
                    end += cj.len_utf8();
                } else if is_joiner(cj)
                    && let Some(ck) = at(end + cj.len_utf8())
                    && ck.is_alphanumeric()
                {
                    end += cj.len_utf8() + ck.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: range.start + b,
                end: range.start + end,
            });
            b = end;
        } else {
            out.push(Token {
                start: range.start + b,
                end: range.start + b + c.len_utf8(),
            });
            b += c.len_utf8();
        }
    }
    out
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '/' | '&')
}

/// Maps byte offsets of one text to character (code point) offsets.
#[derive(Debug, Clone)]
pub(crate) struct CharIndex {
    /// Byte offsets of non-ASCII characters and the char offset at each.
    multi: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Builds the index for `text` in one pass.
    pub(crate) fn new(text: &str) -> Self {
        let mut multi = Vec::new();
        let mut extra = 0;
        let bytes = text.as_bytes();
        let mut b = 0;
        while b < bytes.len() {
            // (Eight ASCII bytes at a time: most of a news text.)
            if let Some(chunk) = bytes.get(b..b + 8)
                && chunk.is_ascii()
            {
                b += 8;
                continue;
            }
            // The length of the character that starts at `b`, from its
            // first byte (`b` is always a char boundary).
            let n = match bytes[b] {
                0..0x80 => 1,
                0xc0..0xe0 => 2,
                0xe0..0xf0 => 3,
                _ => 4,
            };
            if n > 1 {
                extra += n - 1;
                multi.push((b + n, extra));
            }
            b += n;
        }
        CharIndex { multi }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub(crate) fn char_offset(&self, byte: usize) -> usize {
        let k = self.multi.partition_point(|&(b, _)| b <= byte);
        let extra = if k == 0 { 0 } else { self.multi[k - 1].1 };
        byte - extra
    }
}

/// Words that say when something was said, not what: left out where they
/// open a content ("Friday it did not launch …", "on Monday …"), with a
/// leading "on".
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_survive_abbreviations_and_keep_ranges() {
        let t = "Mr. Smith said the U.S. would act. Officials denied it.\n\nNew paragraph here.";
        let s = sentences(t, 0);
        let texts: Vec<&str> = s.iter().map(|s| &t[s.range.clone()]).collect();
        assert_eq!(
            texts,
            [
                "Mr. Smith said the U.S. would act.",
                "Officials denied it.",
                "New paragraph here."
            ]
        );
        assert_eq!(s[2].paragraph, 1);
    }

    #[test]
    fn joined_names_keep_sentences_bounded() {
        let t = "she met Ms. Lee and ".repeat(600);
        let s = sentences(&t, 0);
        assert!(s.len() > 1);
        assert!(
            s.iter().all(|s| s.range.len() <= 2 * MAX_SENTENCE_BYTES),
            "a sentence grew unbounded"
        );
    }

    #[test]
    fn a_lone_capital_before_a_quotation_ends_a_sentence() {
        let t = "He called it a lie in a post on X. “No one is allowed to do that,” he wrote. J. R. Smith agreed.";
        let s: Vec<&str> = sentences(t, 0).iter().map(|s| &t[s.range.clone()]).collect();
        assert_eq!(
            s,
            [
                "He called it a lie in a post on X.",
                "“No one is allowed to do that,” he wrote.",
                "J. R. Smith agreed."
            ]
        );
    }

    #[test]
    fn a_title_or_party_tag_does_not_end_a_sentence() {
        let t = "He met him. “It is magic,” Ms. Moore said. Sen. Kelly Ayotte, R-N.H., \
                 refunded it.";
        let s: Vec<&str> = sentences(t, 0).iter().map(|s| &t[s.range.clone()]).collect();
        assert_eq!(
            s,
            [
                "He met him.",
                "“It is magic,” Ms. Moore said.",
                "Sen. Kelly Ayotte, R-N.H., refunded it."
            ]
        );
    }

    #[test]
    fn a_short_attribution_after_a_quoted_question_stays_with_it() {
        let t = "“Why now?” Senator Jo Smith said. “We waited.” Then “Why?” The vote came late in the day.";
        let s: Vec<&str> = sentences(t, 0).iter().map(|s| &t[s.range.clone()]).collect();
        assert_eq!(
            s,
            [
                "“Why now?” Senator Jo Smith said.",
                "“We waited.”",
                "Then “Why?”",
                "The vote came late in the day."
            ]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_white_space() {
        let word = "wörd ";
        let text = word.repeat(3 * MAX_SENTENCE_BYTES / word.len());
        let got = sentences(&text, 0);
        assert!(got.len() >= 3, "{}", got.len());
        for s in &got {
            assert!(s.range.len() <= MAX_SENTENCE_BYTES);
            let piece = &text[s.range.clone()];
            assert!(piece.starts_with("wörd") && piece.ends_with("wörd"));
        }
        let solid = "é".repeat(MAX_SENTENCE_BYTES);
        let got = sentences(&solid, 0);
        assert_eq!(got.iter().map(|s| s.range.len()).sum::<usize>(), solid.len());
    }

    #[test]
    fn endless_runs_are_cut_at_clauses() {
        let text = "Officials said that the border was closed, ".repeat(200);
        let got = sentences(&text, 0);
        assert_eq!(got.len(), 200, "one piece per clause");
        assert!(got.iter().all(|s| text[s.range.clone()].starts_with("Officials said")));
        let lower = "officials said that the border was closed, ".repeat(200);
        for s in sentences(&lower, 0) {
            assert!(s.range.len() < MIN_CLAUSE_BYTES + 50, "{}", s.range.len());
        }
    }

    #[test]
    fn tokens_keep_inner_punctuation() {
        let t = "Pak-Afghan ties, Dawn.com said: “no”.";
        let toks: Vec<&str> = tokens(t, 0..t.len()).iter().map(|k| k.text(t)).collect();
        assert_eq!(
            toks,
            ["Pak-Afghan", "ties", ",", "Dawn.com", "said", ":", "“", "no", "”", "."]
        );
    }

    /// The tokeniser as it was before it walked bytes: over a vector of
    /// the characters.
    fn tokens_by_chars(text: &str, range: Range<usize>) -> Vec<Token> {
        let s = &text[range.clone()];
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
            } else if c.is_alphanumeric() {
                let mut j = i + 1;
                while j < chars.len() {
                    if chars[j].1.is_alphanumeric() {
                        j += 1;
                    } else if is_joiner(chars[j].1) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let end = chars.get(j).map_or(s.len(), |c| c.0);
                out.push(Token {
                    start: range.start + b,
                    end: range.start + end,
                });
                i = j;
            } else {
                out.push(Token {
                    start: range.start + b,
                    end: range.start + b + c.len_utf8(),
                });
                i += 1;
            }
        }
        out
    }

    #[test]
    fn tokens_walking_bytes_equal_tokens_over_characters() {
        for t in [
            "Pak-Afghan ties, Dawn.com said: “no”.",
            "Kabul’s İstanbul-based ΣΟΦΟΣ\u{b}said\u{a0}‘don't’ -x x- a’ ’b 3.5% U.S. R&D a/ /b ..",
            "señor’s naïve café—“déjà vu”…\t\r\n日本語のテキスト 12,000",
            "",
            "’",
            "a",
        ] {
            for start in t.char_indices().map(|(b, _)| b).chain([t.len()]) {
                assert_eq!(
                    tokens(t, start..t.len()),
                    tokens_by_chars(t, start..t.len()),
                    "{t:?} from {start}"
                );
            }
        }
    }

    #[test]
    fn char_offsets_of_every_boundary_count_code_points() {
        for t in [
            "a’b “c” d",
            "",
            "abcdefghijklmnop",
            "abcdefg’hijklmnop日本語12345678𝄞x",
            "é",
        ] {
            let ix = CharIndex::new(t);
            for (k, (b, _)) in t.char_indices().chain([(t.len(), ' ')]).enumerate() {
                assert_eq!(ix.char_offset(b), k, "{t:?} at {b}");
            }
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in [
            "",
            " ",
            "a",
            " two  words ",
            "x\u{b}y\u{c}z\r\n\tw\u{1f}v",
            "“Kabul’s” \u{a0}ÉTATS\u{3000}Unis\u{2028}x\u{85}y 日本語 ",
            "eight by eight, in runs of ASCII: seven\t\u{b}words\n\n\r\u{c} ",
            "        ",
            "aaaaaaaa bbbbbbb\u{1f}ccccccc\u{0}\u{7f}d’eeeeeeeeeeeeeeeee fff",
        ] {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn char_offsets_count_code_points() {
        let t = "a’b “c” d";
        let ix = CharIndex::new(t);
        let d = t.find('d').unwrap();
        assert_eq!(ix.char_offset(d), t[..d].chars().count());
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(t.len()), t.chars().count());
    }
}
