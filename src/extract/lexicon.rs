//! The cue lexicon and word lists, compiled into the binary from the data
//! files beside this module (`cues.tsv`, `words.tsv`).

use crate::claim::Stance;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One cue word form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Dictionary form ("say" for "said").
    pub lemma: String,
    /// `denies` for denial verbs.
    pub stance: Stance,
    /// An accusation or competing claim ("claim", "allege", "accuse").
    pub accuse: bool,
    /// Offers evidence ("revealed", "confirmed").
    pub evidence: bool,
    /// Also a common noun: not a cue after a determiner.
    pub noun: bool,
}

/// The lexicon: cue forms and the named word lists.
#[derive(Debug)]
pub struct Lexicon {
    cues: HashMap<String, Cue>,
    lists: HashMap<String, HashSet<String>>,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(include_str!("cues.tsv"), include_str!("words.tsv")))
    }

    fn parse(cues_tsv: &str, words_tsv: &str) -> Lexicon {
        let mut cues = HashMap::new();
        for line in data_lines(cues_tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            let tags: Vec<&str> = f.get(3).map(|t| t.split(',').collect()).unwrap_or_default();
            let stance = if f.get(2) == Some(&"denies") {
                Stance::Denies
            } else {
                Stance::Asserts
            };
            cues.insert(
                f[0].to_string(),
                Cue {
                    lemma: f.get(1).unwrap_or(&f[0]).to_string(),
                    stance,
                    accuse: tags.contains(&"accuse"),
                    evidence: tags.contains(&"evidence"),
                    noun: tags.contains(&"noun"),
                },
            );
        }
        let mut lists = HashMap::new();
        for line in data_lines(words_tsv) {
            if let Some((name, words)) = line.split_once('\t') {
                lists.insert(name.to_string(), words.split('|').map(str::to_string).collect());
            }
        }
        Lexicon { cues, lists }
    }

    /// The cue entry of a lower-case word form.
    pub fn cue(&self, lower: &str) -> Option<&Cue> {
        self.cues.get(lower)
    }

    /// Whether lower-case `word` is in the named list of `words.tsv`.
    pub fn is(&self, list: &str, word: &str) -> bool {
        self.lists.get(list).is_some_and(|l| l.contains(word))
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
        let lex = Lexicon::get();
        assert_eq!(lex.cue("denied").unwrap().stance, Stance::Denies);
        assert_eq!(lex.cue("said").unwrap().lemma, "say");
        assert!(lex.cue("claim").unwrap().accuse);
        assert!(lex.cue("revealed").unwrap().evidence);
        assert!(lex.is("negative", "baseless"));
        assert!(lex.cue("table").is_none());
    }
}
