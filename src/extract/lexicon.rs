//! The cue lexicon and word lists, compiled into the binary from the data
//! files beside this module (`cues.tsv`, `words.tsv`), plus the cue forms
//! learned from annotated text (see [`super::train`]).

use crate::claim::Stance;
use crate::text::Token;
use rustc_hash::FxHashMap as HashMap;

/// One cue word form.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Dictionary form ("say" for "said").
    pub lemma: String,
    /// `denies` for denial verbs.
    pub stance: Stance,
    /// An accusation or competing claim ("claim", "allege", "accuse").
    pub accuse: bool,
    /// Offers evidence ("revealed", "confirmed").
    pub evidence: bool,
    /// Also a common noun: a cue only when a clause follows or a name or
    /// pronoun precedes ("claims that", "he claims").
    pub noun: bool,
    /// A speech verb only before a clause or after its content, not before
    /// a noun phrase ("maintains that …", not "maintained direct
    /// communication").
    pub clause: bool,
    /// For a form learned from annotated text: the share of its training
    /// occurrences that were cues (`None` for reviewed entries).
    pub learned: Option<f32>,
}

/// The word lists of `words.tsv` a word belongs to, one bit per list; the
/// constants (`WordClass::AUX`, …) are generated from the file by
/// `build.rs`, so naming a list the file lacks does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordClass(u32);

include!(concat!(env!("OUT_DIR"), "/word_class.rs"));

impl std::ops::BitOr for WordClass {
    type Output = WordClass;
    fn bitor(self, other: WordClass) -> WordClass {
        WordClass(self.0 | other.0)
    }
}

impl WordClass {
    /// Whether the word is in any list of `class`.
    pub fn has(self, class: WordClass) -> bool {
        self.0 & class.0 != 0
    }
}

/// What the lexicon knows of one word form.
#[derive(Debug, Clone, Default)]
struct Word {
    /// The lists of `words.tsv` it is in.
    classes: WordClass,
    /// Its cue entry, if it is a cue form.
    cue: Option<Cue>,
}

/// The lexicon: cue forms and the word lists.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every cue form and every word of `words.tsv`: one map, so that a
    /// token's lists and cue entry take one look-up ([`Lexicon::word`]).
    words: HashMap<String, Word>,
    /// "called for": learned particles that close a cue, by cue word.
    particles: HashMap<String, Vec<String>>,
}

impl Lexicon {
    /// The reviewed lexicon plus the learned cue forms of a model file
    /// (`form<TAB>cue count<TAB>occurrences` lines; a form of two words is a
    /// cue word and the particle that closes it). Reviewed entries keep
    /// their stance and tags; learned forms are plain assertions.
    pub fn with_learned(model: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::parse(include_str!("cues.tsv"), include_str!("words.tsv"));
        for (n, line) in model.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let counts = match (f.get(1).map(|x| x.parse::<u32>()), f.get(2).map(|x| x.parse::<u32>())) {
                (Some(Ok(c)), Some(Ok(t))) if f.len() == 3 && c <= t && t > 0 => Some(c as f32 / t as f32),
                _ => None,
            };
            let Some(share) = counts.filter(|_| !f[0].is_empty() && f[0] == f[0].to_lowercase()) else {
                return Err(format!(
                    "line {}: expected lower-case FORM<TAB>CUE-COUNT<TAB>OCCURRENCES, found {line:?}",
                    n + 1
                ));
            };
            if let Some((word, particle)) = f[0].split_once(' ') {
                let closing = lex.particles.entry(word.to_string()).or_default();
                if !closing.iter().any(|p| p == particle) {
                    closing.push(particle.to_string());
                }
                continue;
            }
            lex.words
                .entry(f[0].to_string())
                .or_default()
                .cue
                .get_or_insert_with(|| Cue {
                    lemma: f[0].to_string(),
                    stance: Stance::Asserts,
                    accuse: false,
                    evidence: false,
                    noun: false,
                    clause: false,
                    learned: Some(share),
                });
        }
        Ok(lex)
    }

    fn parse(cues_tsv: &str, words_tsv: &str) -> Lexicon {
        let mut words: HashMap<String, Word> = HashMap::default();
        for line in data_lines(cues_tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            let tags: Vec<&str> = f.get(3).map(|t| t.split(',').collect()).unwrap_or_default();
            let stance = if f.get(2) == Some(&"denies") {
                Stance::Denies
            } else {
                Stance::Asserts
            };
            words.entry(f[0].to_string()).or_default().cue = Some(Cue {
                lemma: f.get(1).unwrap_or(&f[0]).to_string(),
                stance,
                accuse: tags.contains(&"accuse"),
                evidence: tags.contains(&"evidence"),
                noun: tags.contains(&"noun"),
                clause: tags.contains(&"clause"),
                learned: None,
            });
        }
        for line in data_lines(words_tsv) {
            if let Some((name, list)) = line.split_once('\t') {
                // (build.rs made one constant per list name of this file.)
                let class = WordClass::NAMED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(WordClass::default(), |&(_, c)| c);
                for w in list.split('|') {
                    let c = &mut words.entry(w.to_string()).or_default().classes;
                    *c = *c | class;
                }
            }
        }
        Lexicon {
            words,
            particles: HashMap::default(),
        }
    }

    /// The cue entry of a lower-case word form.
    pub fn cue(&self, lower: &str) -> Option<&Cue> {
        self.words.get(lower).and_then(|w| w.cue.as_ref())
    }

    /// Whether the cue word `word` takes `next` into the cue ("called for").
    pub fn particle(&self, word: &str, next: &str) -> bool {
        self.particles.get(word).is_some_and(|ps| ps.iter().any(|p| p == next))
    }

    /// The lists of `words.tsv` lower-case `word` is in and its cue entry,
    /// in one look-up.
    pub fn word(&self, word: &str) -> (WordClass, Option<&Cue>) {
        self.words
            .get(word)
            .map_or((WordClass::default(), None), |w| (w.classes, w.cue.as_ref()))
    }

    /// The lists of `words.tsv` lower-case `word` is in.
    pub fn classes(&self, word: &str) -> WordClass {
        self.words.get(word).map_or(WordClass::default(), |w| w.classes)
    }

    /// Whether lower-case `word` is in a list of `class`.
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        self.classes(word).has(class)
    }
}

/// A word as the lexicon and the patterns compare it: lower case, with a
/// typographic apostrophe made straight ("Kabul’s" → "kabul's"). One
/// allocation, as it runs for every token.
pub(crate) fn fold(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.contains('’') {
        w = w.replace('’', "'");
    }
    w
}

/// The folded forms ([`fold`]) of a sentence's tokens, kept in one buffer:
/// one allocation per sentence instead of one `String` per token. The
/// buffer starts with the sentence's text lower-cased in place (ASCII
/// only, in one pass), where each ASCII token (most of them) finds its
/// form; another token's form is folded after it.
/// Users hold the forms as `&str`s ([`Folded::iter`]): slicing the buffer
/// at every look-up cost more than the allocations it saves.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    buf: String,
    /// Where each form is in `buf`.
    spans: Vec<(usize, usize)>,
}

impl Folded {
    /// The folded forms of `toks` in `text`.
    pub(crate) fn new(text: &str, toks: &[Token]) -> Folded {
        let from = toks.iter().map(|t| t.start).min().unwrap_or(0);
        let to = toks.iter().map(|t| t.end).max().unwrap_or(0);
        let mut buf = String::with_capacity(to - from + 16);
        buf.push_str(&text[from..to]);
        buf.make_ascii_lowercase();
        let mut spans = Vec::with_capacity(toks.len());
        for t in toks {
            if text.as_bytes()[t.start..t.end].is_ascii() {
                spans.push((t.start - from, t.end - from));
                continue;
            }
            let word = t.text(text);
            let start = buf.len();
            if word.contains('Σ') {
                // (Lower case of a capital sigma depends on its neighbours.)
                buf.push_str(&fold(word));
            } else {
                // What `fold` does, a character at a time, without a String
                // per quotation mark or curly apostrophe.
                for c in word.chars() {
                    match c {
                        '’' => buf.push('\''),
                        // (Quotation marks and dashes: General Punctuation
                        // has no case, and needs no look-up in the tables.)
                        '\u{2000}'..='\u{206f}' => buf.push(c),
                        _ => buf.extend(c.to_lowercase()),
                    }
                }
            }
            spans.push((start, buf.len()));
        }
        Folded { buf, spans }
    }

    /// The forms in token order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(s, e)| &self.buf[s..e])
    }
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_with_stances_and_tags() {
        let lex = Lexicon::with_learned("").unwrap();
        assert_eq!(lex.cue("denied").unwrap().stance, Stance::Denies);
        assert_eq!(lex.cue("said").unwrap().lemma, "say");
        assert!(lex.cue("claim").unwrap().accuse);
        assert!(lex.cue("revealed").unwrap().evidence);
        assert!(lex.is(WordClass::NEGATIVE, "baseless"));
        assert!(lex.cue("table").is_none());
    }

    #[test]
    fn folded_forms_equal_fold_of_each_token() {
        let text = "Kabul’s SPOKESMAN Said: «Ήταν» İstanbul ΣΟΦΟΣ ὈΔΥΣΣΕΎΣ ǅemal “I’M”—‘ok’… don't";
        let toks = crate::text::tokens(text, 0..text.len());
        let folded = Folded::new(text, &toks);
        let each: Vec<String> = toks.iter().map(|t| fold(t.text(text))).collect();
        assert_eq!(folded.iter().collect::<Vec<_>>(), each);
        assert_eq!(folded.iter().next(), Some("kabul's"));
        assert!(Folded::new(text, &[]).iter().next().is_none());
    }

    #[test]
    fn learned_forms_join_without_overriding_reviewed_entries() {
        let lex = Lexicon::with_learned("# model\ndenied\t5\t6\nquipped\t3\t3\n").unwrap();
        assert_eq!(lex.cue("denied").unwrap().stance, Stance::Denies);
        assert_eq!(lex.cue("quipped").unwrap().stance, Stance::Asserts);
        assert_eq!(lex.cue("quipped").unwrap().learned, Some(1.0));
        assert_eq!(lex.cue("denied").unwrap().learned, None);
        let lex = Lexicon::with_learned("called for\t5\t6\n").unwrap();
        assert!(lex.particle("called", "for") && !lex.particle("called", "on"));
        let err = Lexicon::with_learned("Said\t1\t2\n").unwrap_err();
        assert!(err.starts_with("line 1: expected"), "{err}");
    }
}
