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

use super::lexicon::{Cue, Folded, Lexicon};
use super::train::learnable;
use crate::claim::Stance;
use crate::corpus::brat::Document;
use crate::extract::lexicon::WordClass;
use crate::text::{self, CharIndex, Token};
use std::rc::Rc;

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

/// One sentence prepared for tagging: its tokens, their lower-case forms
/// and word lists.
pub struct Sentence<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Tokens of the sentence.
    pub toks: &'a [Token],
    /// Lower-case forms (’ folded to ').
    pub low: &'a [&'a str],
    /// The word lists of each token ([`Lexicon::classes`]).
    pub cls: &'a [WordClass],
    /// The cue entry of each token ([`Lexicon::cue`]).
    pub cues: &'a [Option<&'a Cue>],
}

/// What the features of a sentence's tokens read of every token, worked out
/// once per sentence: a token is the word of one feature set and the
/// neighbour of four others, so each shape and cue entry was looked up
/// five to seven times.
struct Context {
    /// Whether each token is inside a quotation ([`quote_state`]).
    quoted: Vec<bool>,
    /// The shape of each token, a code of [`SHAPES`] ([`shape`]).
    shapes: Vec<u8>,
    /// What each token's form gives the features ([`Form`]), shared with
    /// the thread's table rather than copied (a `Form` is 17 words).
    forms: Vec<Rc<Form>>,
    /// How many tokens are cues of the reviewed lexicon.
    reviewed: usize,
    /// The last word ([`last_word`]).
    last: Option<usize>,
}

impl Context {
    fn new(s: &Sentence) -> Context {
        Context {
            quoted: quote_state(s.low),
            shapes: s.toks.iter().map(|t| shape(t.text(s.text))).collect(),
            forms: Form::all(s.low),
            reviewed: s.cues.iter().filter(|c| reviewed(**c)).count(),
            last: last_word(s.low),
        }
    }
}

/// What a lower-case form gives the features of a token, as the word and
/// as a neighbour: the hashes of the features that read only the form,
/// and the hash states of those that start with it. News repeats its
/// words, so each form is hashed once per thread ([`Form::all`]) rather
/// than some twenty times per token; the features then hash only what
/// follows the form (a neighbour, a shape).
#[derive(Debug, Clone, Copy)]
struct Form {
    /// Whether a word of this form may be a cue head ([`candidate`]).
    candidate: bool,
    /// Template 1, the word.
    word: u64,
    /// Templates 2 and 3, its last three and two letters.
    suffix3: u64,
    suffix2: u64,
    /// Template 12 after the word (the next word follows).
    word_next: Fnv,
    /// Template 14, the word quoted ("q") and not ("-").
    word_quoted: [u64; 2],
    /// Template 21, the crude stem.
    stem: u64,
    /// Template 22 after the stem (the next word follows).
    stem_next: Fnv,
    /// Template 25, the stem with a subject ("subj") and without ("-").
    stem_subject: [u64; 2],
    /// Templates 5, 6, 7 and 8: the form as the word before, after, two
    /// before and two after.
    prev: u64,
    next: u64,
    before2: u64,
    after2: u64,
    /// Templates 11 and 23 after the form as the word before (the word,
    /// the next token's shape follow).
    prev_word: Fnv,
    prev_shape: Fnv,
}

/// Most forms [`Form::all`] remembers per thread before it starts over.
const FORMS_MAX: usize = 1 << 16;

impl Form {
    fn new(word: &str) -> Form {
        let suffix = |k: usize| word.char_indices().rev().nth(k - 1).map_or(word, |(b, _)| &word[b..]);
        let stem = word
            .strip_suffix("ing")
            .or_else(|| word.strip_suffix("ed"))
            .or_else(|| word.strip_suffix("es"))
            .or_else(|| word.strip_suffix('s'))
            .unwrap_or(word);
        let word_after = |t: u8| Fnv::new(t).part(word);
        let stem_after = Fnv::new(25).part(stem);
        Form {
            candidate: candidate(word),
            word: hash(1, &[word]),
            suffix3: hash(2, &[suffix(3)]),
            suffix2: hash(3, &[suffix(2)]),
            word_next: word_after(12),
            word_quoted: ["q", "-"].map(|q| word_after(14).part(q).get()),
            stem: hash(21, &[stem]),
            stem_next: Fnv::new(22).part(stem),
            stem_subject: ["subj", "-"].map(|x| stem_after.part(x).get()),
            prev: hash(5, &[word]),
            next: hash(6, &[word]),
            before2: hash(7, &[word]),
            after2: hash(8, &[word]),
            prev_word: word_after(11),
            prev_shape: word_after(23),
        }
    }

    /// The forms of a sentence's lower-case tokens, through the thread's
    /// table of forms already seen.
    fn all(low: &[&str]) -> Vec<Rc<Form>> {
        thread_local! {
            static FORMS: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Rc<Form>>> = Default::default();
        }
        FORMS.with_borrow_mut(|forms| {
            low.iter()
                .map(|&w| {
                    if let Some(f) = forms.get(w) {
                        return Rc::clone(f);
                    }
                    if forms.len() >= FORMS_MAX {
                        forms.clear();
                    }
                    let f = Rc::new(Form::new(w));
                    forms.insert(w.into(), Rc::clone(&f));
                    f
                })
                .collect()
        })
    }
}

/// The forms of the words before the first and after the last token.
static START: std::sync::LazyLock<Form> = std::sync::LazyLock::new(|| Form::new("<s>"));
static END: std::sync::LazyLock<Form> = std::sync::LazyLock::new(|| Form::new("</s>"));

/// The shapes of tokens ([`shape`]), and "edge" for a neighbour beyond
/// the sentence.
const SHAPES: [&str; 11] = ["AA", "Aa", "aa", "9", "open", "close", ",", ":", ".", "p", "edge"];
/// The code of "Aa" and of "edge" in [`SHAPES`].
const CAPITALISED: u8 = 1;
const EDGE: u8 = 10;

/// The shape of a token, a code of [`SHAPES`]: capitalised, all capitals,
/// lower case, a digit, or which punctuation.
fn shape(t: &str) -> u8 {
    let first = t.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        if t.chars().all(|c| !c.is_lowercase()) {
            0
        } else {
            CAPITALISED
        }
    } else if first.is_lowercase() {
        2
    } else if first.is_numeric() {
        3
    } else {
        match first {
            '“' | '"' | '‘' => 4,
            '”' | '’' => 5,
            ',' => 6,
            ':' => 7,
            '.' | '!' | '?' => 8,
            _ => 9,
        }
    }
}

/// The hash of template `template` over each shape alone.
const fn by_shape(template: u8) -> [u64; SHAPES.len()] {
    let mut out = [0; SHAPES.len()];
    let mut k = 0;
    while k < SHAPES.len() {
        out[k] = fixed(template, &[SHAPES[k]]);
        k += 1;
    }
    out
}

impl Sentence<'_> {
    /// Feature hashes of token `i`.
    fn features(&self, i: usize, cx: &Context) -> [u64; FEATURES] {
        let n = self.low.len();
        let w = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                self.low[j as usize]
            }
        };
        let form = |k: isize| -> &Form {
            let j = i as isize + k;
            if j < 0 {
                &START
            } else if j as usize >= n {
                &END
            } else {
                &cx.forms[j as usize]
            }
        };
        let shape = |k: isize| -> usize {
            let j = i as isize + k;
            usize::from(if j < 0 || j as usize >= n {
                EDGE
            } else {
                cx.shapes[j as usize]
            })
        };
        let cue = self.cues[i];
        let word = w(0);
        let me = form(0);
        let next = w(1);
        // (Features of a few fixed values are hashed at compile time.)
        const POSITION: [u64; 3] = [fixed(15, &["first"]), fixed(15, &["last"]), fixed(15, &["mid"])];
        let position = if i == 0 {
            0
        } else if cx.last.is_none_or(|l| l <= i) {
            1
        } else {
            2
        };
        const LEXICAL_HASH: [u64; 3] = [fixed(16, &["denies"]), fixed(16, &["asserts"]), fixed(16, &["none"])];
        // (Template 17 before the next word.)
        const LEXICAL_NEXT: [Fnv; 3] = [
            Fnv::after(17, &["denies"]),
            Fnv::after(17, &["asserts"]),
            Fnv::after(17, &["none"]),
        ];
        let lexical = match cue {
            Some(c) if c.learned.is_none() => match c.stance {
                Stance::Denies => 0,
                Stance::Asserts => 1,
            },
            _ => 2,
        };
        let clause = matches!(next, "that" | ":" | "“" | "\"") || (next == "," && matches!(w(2), "“" | "\""));
        // The learned share of the form in the cue table, in tenths (0 to
        // 10), or none (11).
        const SHARE: [u64; 12] = {
            const TENTHS: [&str; 12] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "none"];
            let mut out = [0; 12];
            let mut k = 0;
            while k < 12 {
                out[k] = fixed(20, &[TENTHS[k]]);
                k += 1;
            }
            out
        };
        let share = cue
            .and_then(|c| c.learned)
            .map_or(11, |x| ((x * 10.0) as usize).min(10));
        // A subject to the left (a name or pronoun within three tokens) and
        // "that" within four to the right: the frame of a reporting verb.
        let subject = (1..=3).any(|k| {
            let j = i as isize - k;
            j > 0 && (shape(-k) == usize::from(CAPITALISED) || self.cls[j as usize].has(WordClass::PRONOUN))
        });
        let that = (1..=4).any(|k| w(k) == "that");
        const FRAME: [[u64; 2]; 2] = [
            [fixed(24, &["subj", "that"]), fixed(24, &["subj", "-"])],
            [fixed(24, &["-", "that"]), fixed(24, &["-", "-"])],
        ];
        let other_cue = cx.reviewed > usize::from(reviewed(cue));
        const QUOTED: [u64; 2] = [fixed(13, &["q"]), fixed(13, &["-"])];
        const CLAUSE: [u64; 2] = [fixed(18, &["clause"]), fixed(18, &["-"])];
        const OTHER: [u64; 2] = [fixed(26, &["other"]), fixed(26, &["-"])];
        const SHAPE: [u64; SHAPES.len()] = by_shape(4);
        const SHAPE_BEFORE: [u64; SHAPES.len()] = by_shape(9);
        const SHAPE_AFTER: [u64; SHAPES.len()] = by_shape(10);
        // (Template 19 before the word.)
        const SHAPE_WORD: [Fnv; SHAPES.len()] = {
            let mut out = [Fnv::after(19, &[]); SHAPES.len()];
            let mut k = 0;
            while k < SHAPES.len() {
                out[k] = Fnv::after(19, &[SHAPES[k]]);
                k += 1;
            }
            out
        };
        // (What reads only forms comes from [`Form`]; the list is in
        // template order, as the weights were trained.)
        [
            fixed(0, &["bias"]),
            me.word,
            me.suffix3,
            me.suffix2,
            SHAPE[shape(0)],
            form(-1).prev,
            form(1).next,
            form(-2).before2,
            form(2).after2,
            SHAPE_BEFORE[shape(-1)],
            SHAPE_AFTER[shape(1)],
            form(-1).prev_word.part(word).get(),
            me.word_next.part(next).get(),
            QUOTED[usize::from(!cx.quoted[i])],
            me.word_quoted[usize::from(!cx.quoted[i])],
            POSITION[position],
            LEXICAL_HASH[lexical],
            LEXICAL_NEXT[lexical].part(next).get(),
            CLAUSE[usize::from(!clause)],
            SHAPE_WORD[shape(-1)].part(word).get(),
            SHARE[share],
            me.stem,
            me.stem_next.part(next).get(),
            form(-1).prev_shape.part(SHAPES[shape(1)]).get(),
            FRAME[usize::from(!subject)][usize::from(!that)],
            me.stem_subject[usize::from(!subject)],
            OTHER[usize::from(!other_cue)],
        ]
    }
}

/// Number of features of a token ([`Sentence::features`]).
const FEATURES: usize = 27;

use super::weights::{Fnv, feature_hash as hash, fixed};

/// Whether a cue entry is of the reviewed lexicon.
fn reviewed(cue: Option<&Cue>) -> bool {
    cue.is_some_and(|c| c.learned.is_none())
}

/// The last token of a sentence that opens with a letter or digit, found
/// once per sentence (asking, for each token, whether any follows was
/// quadratic).
fn last_word(low: &[&str]) -> Option<usize> {
    low.iter()
        .rposition(|w| w.chars().next().is_some_and(char::is_alphanumeric))
}

/// Whether each token is inside a quotation (after an opening mark that
/// has not been closed, or an odd number of straight quotes).
fn quote_state(low: &[&str]) -> Vec<bool> {
    let mut depth = 0i32;
    let mut straight = false;
    low.iter()
        .map(|w| {
            match *w {
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
    pub fn scores(&self, s: &Sentence) -> Vec<Option<f32>> {
        let cx = Context::new(s);
        // (As an array, a masked index needs no bounds check.)
        let weights: &[f32; DIM] = self.weights.as_slice().try_into().expect("a tagger has DIM weights");
        (0..s.low.len())
            .map(|i| {
                if !cx.forms[i].candidate {
                    return None;
                }
                let feats = s.features(i, &cx);
                Some(feats.iter().map(|&f| weights[(f as usize) & (DIM - 1)]).sum())
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
    for (text, body_start, doc) in docs {
        let ix = CharIndex::new(text);
        let cues = doc.spans("Cue");
        for sentence in text::sentences(text, *body_start) {
            let toks = text::tokens(text, sentence.range.clone());
            let folded = Folded::new(text, &toks);
            let low: Vec<&str> = folded.iter().collect();
            let (cls, entries): (Vec<WordClass>, Vec<Option<&Cue>>) = low.iter().map(|w| lex.word(w)).unzip();
            let heads = cue_heads(&toks, &low, &ix, &cues, lex);
            let s = Sentence {
                text,
                toks: &toks,
                low: &low,
                cls: &cls,
                cues: &entries,
            };
            let cx = Context::new(&s);
            for (i, w) in low.iter().enumerate() {
                if !candidate(w) {
                    continue;
                }
                let feats = s.features(i, &cx);
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
    low: &[&str],
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
            let to = if next(k + 1) && low[k + 1] == "on" && lex.is(WordClass::GO, low[k]) {
                k + 2
            } else {
                k + 1
            };
            lex.is(WordClass::CATENATIVE, low[k]) && next(to) && low[to] == "to" && next(to + 1)
        };
        let head = (0..toks.len()).find(|&k| inside(k) && candidate(low[k]) && !takes_infinitive(k));
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
            let folded = Folded::new(text, &toks);
            let low: Vec<&str> = folded.iter().collect();
            let cues = vec![vec![start..start + cue.len()]];
            let heads = cue_heads(&toks, &low, &CharIndex::new(text), &cues, &lex);
            assert_eq!(heads.len(), 1, "{text}");
            assert_eq!(toks[heads[0]].text(text), head, "{text}");
        }
    }

    /// The features as [`Sentence::features`] made them before [`Form`]:
    /// every feature hashed whole from its strings.
    fn by_strings(s: &Sentence, i: usize, cx: &Context) -> [u64; FEATURES] {
        let this = s;
        let n = this.low.len();
        let w = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                this.low[j as usize]
            }
        };
        let shape = |k: isize| -> &'static str {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                return "edge";
            }
            SHAPES[usize::from(cx.shapes[j as usize])]
        };
        let quoted = if cx.quoted[i] { "q" } else { "-" };
        let cue = this.cues[i];
        let word = w(0);
        let (prev, next) = (w(-1), w(1));
        let suffix = |k: usize| word.char_indices().rev().nth(k - 1).map_or(word, |(b, _)| &word[b..]);
        let position = if i == 0 {
            "first"
        } else if cx.last.is_none_or(|l| l <= i) {
            "last"
        } else {
            "mid"
        };
        let lexical = match cue {
            Some(c) if c.learned.is_none() => match c.stance {
                Stance::Denies => "denies",
                Stance::Asserts => "asserts",
            },
            _ => "none",
        };
        let clause = matches!(next, "that" | ":" | "“" | "\"") || (next == "," && matches!(w(2), "“" | "\""));
        // The learned share of the form in the cue table, in tenths.
        const TENTHS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
        let share = cue
            .and_then(|c| c.learned)
            .map_or("none", |x| TENTHS[((x * 10.0) as usize).min(10)]);
        let stem = word
            .strip_suffix("ing")
            .or_else(|| word.strip_suffix("ed"))
            .or_else(|| word.strip_suffix("es"))
            .or_else(|| word.strip_suffix('s'))
            .unwrap_or(word);
        // A subject to the left (a name or pronoun within three tokens) and
        // "that" within four to the right: the frame of a reporting verb.
        let subject = (1..=3).any(|k| {
            let j = i as isize - k;
            j > 0 && (shape(-k) == "Aa" || this.cls[j as usize].has(WordClass::PRONOUN))
        });
        let subject = if subject { "subj" } else { "-" };
        let that = if (1..=4).any(|k| w(k) == "that") { "that" } else { "-" };
        let other_cue = cx.reviewed > usize::from(reviewed(cue));
        [
            hash(0, &["bias"]),
            hash(1, &[word]),
            hash(2, &[suffix(3)]),
            hash(3, &[suffix(2)]),
            hash(4, &[shape(0)]),
            hash(5, &[prev]),
            hash(6, &[next]),
            hash(7, &[w(-2)]),
            hash(8, &[w(2)]),
            hash(9, &[shape(-1)]),
            hash(10, &[shape(1)]),
            hash(11, &[prev, word]),
            hash(12, &[word, next]),
            hash(13, &[quoted]),
            hash(14, &[word, quoted]),
            hash(15, &[position]),
            hash(16, &[lexical]),
            hash(17, &[lexical, next]),
            hash(18, &[if clause { "clause" } else { "-" }]),
            hash(19, &[shape(-1), word]),
            hash(20, &[share]),
            hash(21, &[stem]),
            hash(22, &[stem, next]),
            hash(23, &[prev, shape(1)]),
            hash(24, &[subject, that]),
            hash(25, &[stem, subject]),
            hash(26, &[if other_cue { "other" } else { "-" }]),
        ]
    }

    #[test]
    fn features_from_forms_are_those_hashed_from_strings() {
        let lex = Lexicon::with_learned("").unwrap();
        let text = "“We did not,” she said. Kabul’s officials denied that militants operate, saying: \"No.\" \
                    Ms. O'Neil, 55, insists that ÉTATS-UNIS rejected it. Reports say so";
        // Twice: the second time every form comes from the table.
        let mut compared = 0;
        for _ in 0..2 {
            for sentence in text::sentences(text, 0) {
                let toks = text::tokens(text, sentence.range.clone());
                let folded = Folded::new(text, &toks);
                let low: Vec<&str> = folded.iter().collect();
                let (cls, cues): (Vec<WordClass>, Vec<Option<&Cue>>) = low.iter().map(|w| lex.word(w)).unzip();
                let s = Sentence {
                    text,
                    toks: &toks,
                    low: &low,
                    cls: &cls,
                    cues: &cues,
                };
                let cx = Context::new(&s);
                for i in 0..low.len() {
                    compared += 1;
                    assert_eq!(cx.forms[i].candidate, candidate(low[i]), "{}", low[i]);
                    assert_eq!(s.features(i, &cx), by_strings(&s, i, &cx), "{} in {low:?}", low[i]);
                }
            }
        }
        assert!(compared > 60, "{compared}");
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
        let folded = Folded::new(probe, &toks);
        let low: Vec<&str> = folded.iter().collect();
        let (cls, cues): (Vec<WordClass>, Vec<Option<&Cue>>) = low.iter().map(|w| lex.word(w)).unzip();
        let scores = t.scores(&Sentence {
            text: probe,
            toks: &toks,
            low: &low,
            cls: &cls,
            cues: &cues,
        });
        assert!(scores[1].unwrap() > 0.0, "{scores:?}");
        assert!(scores[3].is_none(), "function words are not candidates");
        assert!(Tagger::from_bytes(&[0; 8]).is_err());
    }
}
