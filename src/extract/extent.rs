//! The cue extent: an averaged perceptron that decides, word by word, how
//! far a cue reaches on each side of its head word. The rules find the head
//! ("said", "accused", "according") and a first guess of the cue's words;
//! annotators also count words around it that no fixed rule captures well:
//! an object and a preposition before the content ("accusing her of"), a
//! particle the content would otherwise open with ("lashed out at"), a time
//! or place adjunct ("said Friday", "said in an interview"), an adverb or
//! auxiliary before the head ("now says", "have long debated"), and they
//! leave out some the rules take in ("then said").
//!
//! From the head, the model steps outward one word at a time, left and then
//! right, and takes the next word while its score is positive. A step never
//! crosses punctuation, a line break or the source, never enters the
//! content on the left, and on the right enters the content only at its
//! start, leaving at least one content word.
//!
//! Features of a step: the side; the word (lower case) and its class
//! (pronoun, determiner, preposition or particle, time word, capitalised,
//! -ly, -ing, -ed, other); whether the rules had it in the cue; the head
//! word with the word and with that decision; the distance from the head;
//! the word one further out and the pair; the word one further in (the
//! last one taken); whether the step enters the content, and whether the
//! content begins right after the word; whether the content comes before
//! the cue, with the word; and the phrase the word opens up to the next
//! boundary (punctuation, the source, the content or the paragraph's
//! edge): its length and that boundary, with the word and with its class,
//! so "said in a statement," and "said in a statement that" can differ
//! (train halves' cue exact F1 +0.002 and +0.001).

use super::lexicon::fold;
use super::rules::Attribution;
use super::train::PARTICLES;
use crate::text::{self, Token};
use std::ops::Range;

/// Number of weights (hashed feature space).
pub const DIM: usize = 1 << 16;
/// Training passes.
pub const EPOCHS: usize = 10;
/// Score above which a step takes the word. Chosen on the two halves of
/// PolNeAR train (trained on one, scored on the other): cue exact F1 at
/// thresholds 0, 2 and 4 was 0.600, 0.604, 0.607 (A on B) and 0.592,
/// 0.598, 0.598 (B on A), against 0.602 and 0.589 without the model.
/// Re-measured with the boundary features: 2, 3, 4, 5 and 6 gave 0.654,
/// 0.654, 0.656, 0.655, 0.654 (A on B) and 0.642, 0.641, 0.642, 0.641,
/// 0.640 (B on A).
pub const THRESHOLD: f32 = 4.0;
/// Most words a cue reaches on either side of its head.
pub const REACH: usize = 6;
/// Bytes of text on either side of a cue that its frame reads: far more
/// than [`REACH`] words and the word beyond.
const WINDOW: usize = 400;

/// Trained weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Extent {
    weights: Vec<f32>,
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

/// One cue in its paragraph: the tokens and what lies where.
struct Frame<'t> {
    text: &'t str,
    toks: Vec<Token>,
    head: usize,
    rule: Range<usize>,
    source: Range<usize>,
    content: Range<usize>,
    more: &'t [Range<usize>],
    content_first: bool,
}

fn lower(word: &str) -> String {
    fold(word)
}

fn class(word: &str, low: &str) -> &'static str {
    const PRONOUNS: &[&str] = &[
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "me",
        "himself",
        "herself",
        "themselves",
        "itself",
    ];
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "his", "its", "their", "our",
    ];
    const TIME: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "tomorrow",
        "morning",
        "afternoon",
        "evening",
        "night",
        "week",
        "weekend",
        "month",
        "year",
        "last",
        "earlier",
        "later",
        "recently",
        "ago",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if PRONOUNS.contains(&low) {
        "pron"
    } else if DETERMINERS.contains(&low) {
        "det"
    } else if PARTICLES.contains(&low) {
        "prep"
    } else if TIME.contains(&low) {
        "time"
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        "Cap"
    } else if low.ends_with("ly") {
        "ly"
    } else if low.ends_with("ing") {
        "ing"
    } else if low.ends_with("ed") {
        "ed"
    } else {
        "w"
    }
}

fn overlaps(t: &Token, r: &Range<usize>) -> bool {
    t.start < r.end && r.start < t.end
}

impl<'t> Frame<'t> {
    /// The frame of `a`, or `None` when its cue has no word token.
    fn new(text: &'t str, a: &'t Attribution) -> Option<Frame<'t>> {
        // The paragraph around the cue, at most WINDOW bytes on either side
        // (cut at white space), so that a long paragraph costs no more.
        let mut lo = a.cue.start.saturating_sub(WINDOW);
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (a.cue.end + WINDOW).min(text.len());
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        let before = &text[lo..a.cue.start];
        let para_start = match before.rfind('\n') {
            Some(k) => lo + k + 1,
            None if lo == 0 => 0,
            None => {
                let space = before.char_indices().find(|(_, c)| c.is_whitespace());
                lo + space.map_or(before.len(), |(k, c)| k + c.len_utf8())
            }
        };
        let after = &text[a.cue.end..hi];
        let para_end = match after.find('\n') {
            Some(k) => a.cue.end + k,
            None if hi == text.len() => hi,
            None => a.cue.end + after.rfind(char::is_whitespace).unwrap_or(0),
        };
        let toks = text::tokens(text, para_start..para_end);
        let in_cue: Vec<usize> = (0..toks.len())
            .filter(|&k| a.cue.start <= toks[k].start && toks[k].end <= a.cue.end)
            .collect();
        let word = |k: &usize| toks[*k].text(text).chars().next().is_some_and(char::is_alphanumeric);
        let head = in_cue
            .iter()
            .rev()
            .find(|k| word(k) && !PARTICLES.contains(&lower(toks[**k].text(text)).as_str()))
            .or_else(|| in_cue.iter().rev().find(|k| word(k)))
            .copied()?;
        Some(Frame {
            text,
            toks,
            head,
            rule: a.cue.clone(),
            source: a.source.clone(),
            content: a.content.clone(),
            more: &a.more,
            content_first: a.content.start < a.cue.start,
        })
    }

    fn word(&self, k: usize) -> &'t str {
        self.toks[k].text(self.text)
    }

    /// Whether the token `k` may be taken on `side`.
    fn open(&self, k: usize, side: Side) -> bool {
        let t = &self.toks[k];
        if !self.word(k).chars().next().is_some_and(char::is_alphanumeric)
            || overlaps(t, &self.source)
            || self.more.iter().any(|m| overlaps(t, m))
        {
            return false;
        }
        if !overlaps(t, &self.content) {
            return true;
        }
        // Only into a content that follows (steps are contiguous, so from its
        // start), leaving a word of it.
        side == Side::Right
            && !self.content_first
            && self.toks[k + 1..]
                .iter()
                .any(|n| n.end <= self.content.end && n.text(self.text).chars().any(char::is_alphanumeric))
    }

    /// The feature indexes of taking token `k` on `side`, `k` being `dist`
    /// words from the head.
    fn features(&self, k: usize, side: Side, dist: usize) -> Vec<usize> {
        const DIST: [&str; 7] = ["0", "1", "2", "3", "4", "5", "6"];
        let s = if side == Side::Left { "L" } else { "R" };
        let w = lower(self.word(k));
        let c = class(self.word(k), &w);
        let head = lower(self.word(self.head));
        let rule = if overlaps(&self.toks[k], &self.rule) {
            "rule"
        } else {
            "-"
        };
        let d = DIST[dist.min(6)];
        let (out, inn) = match side {
            Side::Left => (k.checked_sub(1), k + 1),
            Side::Right => (Some(k + 1).filter(|&n| n < self.toks.len()), k - 1),
        };
        let out = out.map_or(String::from("<edge>"), |n| lower(self.word(n)));
        let inn = lower(self.word(inn));
        let enters = if overlaps(&self.toks[k], &self.content) {
            "enters"
        } else {
            "-"
        };
        let before_content = if side == Side::Right
            && self.toks.get(k + 1).is_some_and(|n| n.start >= self.content.start)
            && self.toks[k].end <= self.content.start
        {
            "next"
        } else {
            "-"
        };
        let order = if self.content_first { "QC" } else { "CQ" };
        // The phrase this word opens, up to the next boundary (punctuation,
        // the source, the content or the edge): "in a statement," and "in
        // a statement that" differ only there.
        let free = |j: usize| {
            self.word(j).chars().next().is_some_and(char::is_alphanumeric)
                && !overlaps(&self.toks[j], &self.source)
                && !overlaps(&self.toks[j], &self.content)
        };
        let (edge, rem) = match side {
            Side::Left => {
                let b = (0..k).rev().find(|&j| !free(j));
                (b, k - b.map_or(0, |b| b + 1))
            }
            Side::Right => {
                let b = (k + 1..self.toks.len()).find(|&j| !free(j));
                (b, b.unwrap_or(self.toks.len()) - k - 1)
            }
        };
        let edge = edge.map_or(String::from("<edge>"), |b| {
            if overlaps(&self.toks[b], &self.content) {
                String::from("<content>")
            } else if overlaps(&self.toks[b], &self.source) {
                String::from("<source>")
            } else {
                lower(self.word(b))
            }
        });
        let rem = DIST[rem.min(6)];
        vec![
            hash(18, &[s, &w, rem]),
            hash(19, &[s, &w, &edge]),
            hash(20, &[s, c, rem, &edge]),
            hash(0, &[s]),
            hash(1, &[s, &w]),
            hash(2, &[s, c]),
            hash(3, &[s, rule]),
            hash(4, &[s, &head, &w]),
            hash(5, &[s, &head, rule]),
            hash(6, &[s, d]),
            hash(7, &[s, c, d]),
            hash(8, &[s, &out]),
            hash(9, &[s, &w, &out]),
            hash(10, &[s, &inn, &w]),
            hash(11, &[s, enters]),
            hash(12, &[s, enters, c]),
            hash(13, &[s, before_content, c]),
            hash(14, &[s, before_content, &w]),
            hash(15, &[s, order, &w]),
            hash(16, &[s, order, c]),
            hash(17, &[s, rule, c]),
        ]
    }

    /// The tokens to try on `side`, outward from the head.
    fn steps(&self, side: Side) -> Vec<usize> {
        let range: Vec<usize> = match side {
            Side::Left => (self.head.saturating_sub(REACH)..self.head).rev().collect(),
            Side::Right => (self.head + 1..(self.head + 1 + REACH).min(self.toks.len())).collect(),
        };
        range.into_iter().take_while(|&k| self.open(k, side)).collect()
    }

    /// Walks outward on `side` while `take` says so; the last token taken.
    fn walk(&self, side: Side, mut take: impl FnMut(usize, Vec<usize>) -> bool) -> usize {
        let mut last = self.head;
        for (d, k) in self.steps(side).into_iter().enumerate() {
            if !take(k, self.features(k, side, d + 1)) {
                break;
            }
            last = k;
        }
        last
    }
}

/// The weight index of a feature.
fn hash(template: u8, parts: &[&str]) -> usize {
    (super::weights::feature_hash(template, parts) as usize) & (DIM - 1)
}

impl Extent {
    /// Sets the cue of `a` (in `text`) to the words the model takes around
    /// its head; a content that the cue now opens with starts after it.
    /// Cues written differently from their words ("labelled … as baseless")
    /// are left alone.
    pub fn apply(&self, text: &str, a: &mut Attribution) {
        if !a.cue_text.split_whitespace().eq(text[a.cue.clone()].split_whitespace()) {
            return;
        }
        let Some(frame) = Frame::new(text, a) else {
            return;
        };
        let score = |feats: Vec<usize>| feats.iter().map(|&k| self.weights[k]).sum::<f32>() > THRESHOLD;
        let first = frame.walk(Side::Left, |_, f| score(f));
        let last = frame.walk(Side::Right, |_, f| score(f));
        let cue = frame.toks[first].start..frame.toks[last].end;
        if cue.end > a.content.start && a.content.start >= a.cue.end {
            let next = frame
                .toks
                .iter()
                .find(|t| t.start >= cue.end)
                .map_or(cue.end, |t| t.start);
            a.content.start = next.min(a.content.end);
        }
        a.cue_text = text[cue.clone()].to_string();
        a.cue = cue;
    }

    /// The weights as little-endian bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        super::weights::to_bytes(&self.weights)
    }

    /// Weights from [`Extent::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Extent, String> {
        let weights = super::weights::from_bytes(bytes, DIM, "cue extent")?;
        Ok(Extent { weights })
    }
}

/// The training examples of one attribution of `text`: each step outward
/// from its head with whether the gold cue fragment holding the head
/// (`gold`, byte ranges) also holds that word. Walking stops after the first
/// word outside. None when no gold cue holds the head.
pub fn examples(text: &str, a: &Attribution, gold: &[Range<usize>]) -> Vec<(Vec<usize>, bool)> {
    let mut out = Vec::new();
    let Some(frame) = Frame::new(text, a) else {
        return out;
    };
    let head = frame.toks[frame.head];
    let Some(g) = gold.iter().find(|g| g.start <= head.start && head.end <= g.end) else {
        return out;
    };
    for side in [Side::Left, Side::Right] {
        frame.walk(side, |k, feats| {
            let inside = g.start <= frame.toks[k].start && frame.toks[k].end <= g.end;
            out.push((feats, inside));
            inside
        });
    }
    out
}

/// Trains the model on examples from [`examples`]. Deterministic.
pub fn train(examples: &[(Vec<usize>, bool)]) -> Extent {
    Extent {
        weights: super::weights::train_binary(examples, DIM, EPOCHS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(text: &str, source: &str, cue: &str, content: &str) -> Attribution {
        Attribution::example(text, source, cue, content)
    }

    fn range(text: &str, s: &str) -> Range<usize> {
        let k = text.find(s).unwrap();
        k..k + s.len()
    }

    #[test]
    fn steps_stop_at_the_source_punctuation_and_the_last_content_word() {
        let t = "Yesterday, Smith now accused her of lying.";
        let a = att(t, "Smith", "accused", "her of lying");
        let f = Frame::new(t, &a).unwrap();
        let words = |side| f.steps(side).iter().map(|&k| f.word(k)).collect::<Vec<_>>();
        assert_eq!(words(Side::Left), ["now"]);
        assert_eq!(words(Side::Right), ["her", "of"]);
        let t = "“Taxes will rise,” Smith said on Friday in Boston.";
        let a = att(t, "Smith", "said", "Taxes will rise");
        let f = Frame::new(t, &a).unwrap();
        assert_eq!(f.steps(Side::Left), Vec::<usize>::new());
        assert_eq!(f.steps(Side::Right).len(), 4);
    }

    #[test]
    fn a_long_paragraph_frames_only_the_words_around_the_cue() {
        // Filler of two-byte letters and no-break spaces on both sides.
        let filler = "é\u{a0}".repeat(300);
        let t = format!("{filler}Yesterday, Smith now accused her of lying. {filler}");
        let a = att(&t, "Smith", "accused", "her of lying");
        let f = Frame::new(&t, &a).unwrap();
        assert!(f.toks.len() < 500, "{} tokens", f.toks.len());
        let words = |side| f.steps(side).iter().map(|&k| f.word(k)).collect::<Vec<_>>();
        assert_eq!(words(Side::Left), ["now"]);
        assert_eq!(words(Side::Right), ["her", "of"]);
    }

    #[test]
    fn learns_where_annotators_end_a_cue_and_moves_the_content() {
        let mut ex = Vec::new();
        let t = "Smith accused her of lying. Jones said Friday that taxes rise. Lee then said taxes fall.";
        let accused = att(t, "Smith", "accused", "her of lying");
        let said = att(t, "Jones", "said", "that taxes rise");
        let then = att(t, "Lee", "then said", "taxes fall");
        let gold = [
            range(t, "accused her of"),
            range(t, "said Friday"),
            range(t, "said taxes").start..range(t, "said taxes").start + 4,
        ];
        for _ in 0..3 {
            for a in [&accused, &said, &then] {
                ex.extend(examples(t, a, &gold));
            }
        }
        assert!(!ex.is_empty());
        let m = train(&ex);
        assert_eq!(m, train(&ex), "deterministic");
        assert_eq!(Extent::from_bytes(&m.to_bytes()).unwrap(), m);
        let mut a = accused.clone();
        m.apply(t, &mut a);
        assert_eq!(
            (a.cue_text.as_str(), &t[a.content.clone()]),
            ("accused her of", "lying")
        );
        let mut a = said.clone();
        m.apply(t, &mut a);
        assert_eq!(a.cue_text, "said Friday");
        let mut a = then.clone();
        m.apply(t, &mut a);
        assert_eq!((a.cue_text.as_str(), &t[a.cue.clone()]), ("said", "said"));
    }
}
