//! The cue tagger: an averaged perceptron that decides, token by token,
//! whether a word is the head of an attribution cue ("said", "according",
//! "denied", "called" in "called for"), from the word and its context.
//!
//! Features of token `i` (hashed into [`DIM`] weights): the word, its
//! 2- and 3-letter suffixes and shape; the words at -2, -1, +1, +2 and the
//! shapes of the neighbours; the pairs (-1, 0) and (0, +1); whether the word
//! is inside a quotation; its position in the sentence (first, last word);
//! membership and stance in the reviewed cue lexicon; whether "that", a
//! colon or a quotation follows; the form's learned share in the cue
//! table; a crude stem (-ing, -ed, -es, -s off) alone and with the next
//! word; the previous word with the next token's shape. Only content words are candidates:
//! function words, adverbs ("-ly", "now", "still") and contractions are
//! never cue heads. The label is the first candidate word of each gold cue,
//! skipping a verb that takes the cue in the infinitive ("continues to
//! insist": "insist").
//!
//! Training ([`train`]) runs [`EPOCHS`] passes over the examples in seeded
//! pseudo-random orders and averages several such runs
//! ([`super::weights::train_binary`]), so the same corpus gives the same
//! weights.

use super::lexicon::Lexicon;
use super::lexicon::fold;
use super::train::learnable;
use crate::claim::Stance;
use crate::corpus::brat::Document;
use crate::extract::lexicon::WordClass;
use crate::text::{self, CharIndex, Token};

/// Number of weights (hashed feature space).
pub const DIM: usize = 1 << 18;
/// Training passes.
pub const EPOCHS: usize = 8;
/// Score above which a word is a cue head. Below 0 because the rules that
/// assemble source and content around a cue reject many false cues
/// themselves (chosen on PolNeAR dev: -3, -1.5, 0 and 5 tried).
pub const THRESHOLD: f32 = -1.5;
/// The lower threshold used when an attribution filter
/// ([`super::filter`]) checks every assembled attribution afterwards.
pub const CANDIDATE_THRESHOLD: f32 = -8.0;

/// Trained weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    weights: Vec<f32>,
}

/// One sentence prepared for tagging: its tokens and their lower-case forms.
pub struct Sentence<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Tokens of the sentence.
    pub toks: &'a [Token],
    /// Lower-case forms (’ folded to ').
    pub low: &'a [String],
}

impl Sentence<'_> {
    /// Feature hashes of token `i` (27), written into `out`.
    /// `reviewed` is the number of reviewed-lexicon cues in the sentence
    /// ([`reviewed_cues`]), `last` its last word ([`last_word`]).
    fn features(
        &self,
        i: usize,
        lex: &Lexicon,
        quoted: bool,
        reviewed: usize,
        last: Option<usize>,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let n = self.low.len();
        let w = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                &self.low[j as usize]
            }
        };
        let shape = |k: isize| -> &'static str {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                return "edge";
            }
            let t = self.toks[j as usize].text(self.text);
            let first = t.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                if t.chars().all(|c| !c.is_lowercase()) {
                    "AA"
                } else {
                    "Aa"
                }
            } else if first.is_lowercase() {
                "aa"
            } else if first.is_numeric() {
                "9"
            } else {
                match first {
                    '“' | '"' | '‘' => "open",
                    '”' | '’' => "close",
                    ',' => ",",
                    ':' => ":",
                    '.' | '!' | '?' => ".",
                    _ => "p",
                }
            }
        };
        let word = w(0);
        let suffix = |k: usize| word.char_indices().rev().nth(k - 1).map_or(word, |(b, _)| &word[b..]);
        out.push(hash(0, &["bias"]));
        out.push(hash(1, &[word]));
        out.push(hash(2, &[suffix(3)]));
        out.push(hash(3, &[suffix(2)]));
        out.push(hash(4, &[shape(0)]));
        out.push(hash(5, &[w(-1)]));
        out.push(hash(6, &[w(1)]));
        out.push(hash(7, &[w(-2)]));
        out.push(hash(8, &[w(2)]));
        out.push(hash(9, &[shape(-1)]));
        out.push(hash(10, &[shape(1)]));
        out.push(hash(11, &[w(-1), word]));
        out.push(hash(12, &[word, w(1)]));
        out.push(hash(13, &[if quoted { "q" } else { "-" }]));
        out.push(hash(14, &[word, if quoted { "q" } else { "-" }]));
        let last_word = last.is_none_or(|l| l <= i);
        out.push(hash(
            15,
            &[if i == 0 {
                "first"
            } else if last_word {
                "last"
            } else {
                "mid"
            }],
        ));
        let lexical = match lex.cue(word) {
            Some(c) if c.learned.is_none() => match c.stance {
                Stance::Denies => "denies",
                Stance::Asserts => "asserts",
            },
            _ => "none",
        };
        out.push(hash(16, &[lexical]));
        out.push(hash(17, &[lexical, w(1)]));
        let clause = matches!(w(1), "that" | ":" | "“" | "\"") || (w(1) == "," && matches!(w(2), "“" | "\""));
        out.push(hash(18, &[if clause { "clause" } else { "-" }]));
        out.push(hash(19, &[shape(-1), word]));
        // The learned share of the form in the cue table, in tenths.
        const TENTHS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
        let share = lex
            .cue(word)
            .and_then(|c| c.learned)
            .map_or("none", |x| TENTHS[((x * 10.0) as usize).min(10)]);
        out.push(hash(20, &[share]));
        let stem = word
            .strip_suffix("ing")
            .or_else(|| word.strip_suffix("ed"))
            .or_else(|| word.strip_suffix("es"))
            .or_else(|| word.strip_suffix('s'))
            .unwrap_or(word);
        out.push(hash(21, &[stem]));
        out.push(hash(22, &[stem, w(1)]));
        out.push(hash(23, &[w(-1), shape(1)]));
        // A subject to the left (a name or pronoun within three tokens) and
        // "that" within four to the right: the frame of a reporting verb.
        let subject = (1..=3).any(|k| {
            let j = i as isize - k;
            j > 0 && (shape(-k) == "Aa" || lex.is(WordClass::PRONOUN, w(-k)))
        });
        let that = (1..=4).any(|k| w(k) == "that");
        out.push(hash(
            24,
            &[if subject { "subj" } else { "-" }, if that { "that" } else { "-" }],
        ));
        out.push(hash(25, &[stem, if subject { "subj" } else { "-" }]));
        let other_cue = reviewed > usize::from(is_reviewed(lex, word));
        out.push(hash(26, &[if other_cue { "other" } else { "-" }]));
    }
}

use super::weights::feature_hash as hash;

/// Whether lower-case `word` is a cue of the reviewed lexicon.
fn is_reviewed(lex: &Lexicon, word: &str) -> bool {
    lex.cue(word).is_some_and(|c| c.learned.is_none())
}

/// How many tokens of a sentence are cues of the reviewed lexicon: counted
/// once per sentence, not once per token.
fn reviewed_cues(low: &[String], lex: &Lexicon) -> usize {
    low.iter().filter(|w| is_reviewed(lex, w)).count()
}

/// The last token of a sentence that opens with a letter or digit, found
/// once per sentence (asking, for each token, whether any follows was
/// quadratic).
fn last_word(low: &[String]) -> Option<usize> {
    low.iter()
        .rposition(|w| w.chars().next().is_some_and(char::is_alphanumeric))
}

/// Whether each token is inside a quotation (after an opening mark that
/// has not been closed, or an odd number of straight quotes).
fn quote_state(low: &[String]) -> Vec<bool> {
    let mut depth = 0i32;
    let mut straight = false;
    low.iter()
        .map(|w| {
            match w.as_str() {
                "“" => depth += 1,
                "”" => depth = (depth - 1).max(0),
                "\"" => straight = !straight,
                _ => {}
            }
            depth > 0 || straight
        })
        .collect()
}

/// Whether token `i` may be a cue head.
pub fn candidate(low: &str) -> bool {
    learnable(low)
}

impl Tagger {
    /// Scores of every token of a sentence; `None` for tokens that are not
    /// candidates.
    pub fn scores(&self, s: &Sentence, lex: &Lexicon) -> Vec<Option<f32>> {
        let quoted = quote_state(s.low);
        let reviewed = reviewed_cues(s.low, lex);
        let last = last_word(s.low);
        let mut feats = Vec::with_capacity(24);
        (0..s.low.len())
            .map(|i| {
                if !candidate(&s.low[i]) {
                    return None;
                }
                s.features(i, lex, quoted[i], reviewed, last, &mut feats);
                Some(feats.iter().map(|&f| self.weights[(f as usize) & (DIM - 1)]).sum())
            })
            .collect()
    }

    /// The weights as little-endian bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        super::weights::to_bytes(&self.weights)
    }

    /// Weights from [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let weights = super::weights::from_bytes(bytes, DIM, "tagger")?;
        Ok(Tagger { weights })
    }
}

/// Trains the tagger on documents (text, body start, gold annotations).
pub fn train(docs: &[(&str, usize, &Document)], lex: &Lexicon) -> Tagger {
    let mut examples = Vec::new();
    let mut feats = Vec::new();
    for (text, body_start, doc) in docs {
        let ix = CharIndex::new(text);
        let cues = doc.spans("Cue");
        for sentence in text::sentences(text, *body_start) {
            let toks = text::tokens(text, sentence.range.clone());
            let low: Vec<String> = toks.iter().map(|t| fold(t.text(text))).collect();
            let heads = cue_heads(&toks, &low, &ix, &cues, lex);
            let s = Sentence {
                text,
                toks: &toks,
                low: &low,
            };
            let quoted = quote_state(&low);
            let reviewed = reviewed_cues(&low, lex);
            let last = last_word(&low);
            for i in 0..low.len() {
                if !candidate(&low[i]) {
                    continue;
                }
                s.features(i, lex, quoted[i], reviewed, last, &mut feats);
                let indexes = feats.iter().map(|&f| (f as usize) & (DIM - 1)).collect();
                examples.push((indexes, heads.contains(&i)));
            }
        }
    }
    Tagger {
        weights: super::weights::train_binary(&examples, DIM, EPOCHS),
    }
}

/// Token indexes that head a gold cue: in each cue fragment, the first
/// candidate word that does not take the cue in the infinitive
/// ("continues to insist": "insist").
fn cue_heads(
    toks: &[Token],
    low: &[String],
    ix: &CharIndex,
    cues: &[Vec<std::ops::Range<usize>>],
    lex: &Lexicon,
) -> Vec<usize> {
    let mut out = Vec::new();
    for r in cues.iter().flatten() {
        let inside = |k: usize| {
            let (s, e) = (ix.char_offset(toks[k].start), ix.char_offset(toks[k].end));
            r.start <= s && e <= r.end
        };
        // "continues to insist", "went on to say": the verb in the
        // infinitive is the head.
        let takes_infinitive = |k: usize| {
            let next = |j: usize| j < toks.len() && inside(j);
            let to = if next(k + 1) && low[k + 1] == "on" && lex.is(WordClass::GO, &low[k]) {
                k + 2
            } else {
                k + 1
            };
            lex.is(WordClass::CATENATIVE, &low[k]) && next(to) && low[to] == "to" && next(to + 1)
        };
        let head = (0..toks.len()).find(|&k| inside(k) && candidate(&low[k]) && !takes_infinitive(k));
        out.extend(head);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::brat::parse;
    use std::path::Path;

    #[test]
    fn the_head_of_a_cue_is_its_verb_not_an_adverb_or_a_verb_taking_it() {
        let lex = Lexicon::with_learned("").unwrap();
        for (text, cue, head) in [
            ("Lee now says so.", "now says", "says"),
            ("Lee continues to insist so.", "continues to insist", "insist"),
            ("Lee went on to say so.", "went on to say", "say"),
            ("Lee declined to comment.", "declined", "declined"),
        ] {
            let start = text.find(cue).unwrap();
            let toks = text::tokens(text, 0..text.len());
            let low: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
            let cues = vec![vec![start..start + cue.len()]];
            let heads = cue_heads(&toks, &low, &CharIndex::new(text), &cues, &lex);
            assert_eq!(heads.len(), 1, "{text}");
            assert_eq!(toks[heads[0]].text(text), head, "{text}");
        }
    }

    #[test]
    fn learns_a_cue_from_context_and_round_trips() {
        let text = "Ann quipped that rain fell. Bob quipped that snow fell. The quipped remark was bad. Cy quipped that it rained.";
        let ann = "T1\tCue 4 11\tquipped\nT2\tCue 32 39\tquipped\nT3\tCue 87 94\tquipped\n";
        let doc = parse(ann, Path::new("t.ann")).unwrap();
        let lex = Lexicon::with_learned("").unwrap();
        let t = train(&[(text, 0, &doc)], &lex);
        assert_eq!(t, train(&[(text, 0, &doc)], &lex), "deterministic");
        let back = Tagger::from_bytes(&t.to_bytes()).unwrap();
        assert_eq!(back, t);
        let probe = "Dan quipped that it snowed.";
        let toks = text::tokens(probe, 0..probe.len());
        let low: Vec<String> = toks.iter().map(|k| k.text(probe).to_lowercase()).collect();
        let scores = t.scores(
            &Sentence {
                text: probe,
                toks: &toks,
                low: &low,
            },
            &lex,
        );
        assert!(scores[1].unwrap() > 0.0, "{scores:?}");
        assert!(scores[3].is_none(), "function words are not candidates");
        assert!(Tagger::from_bytes(&[0; 8]).is_err());
    }
}
