//! The attribution filter: an averaged perceptron that keeps or drops each
//! attribution the rules assembled, from features of the whole attribution.
//! With it the cue tagger can propose cues generously
//! ([`super::tagger::CANDIDATE_THRESHOLD`]) and the filter removes the
//! assemblies that do not hold together.
//!
//! Features: the cue head word; whether the cue is reviewed, learned (its
//! share in tenths) or proposed by the tagger only; the tagger's score
//! (rounded, clipped to ±12); the order of source, cue and content; the
//! source's first word when it is a pronoun or determiner, else its shape,
//! and its length; the content's length, whether it is quoted and whether a
//! quotation resumes after the cue; the cue word with the order and with the
//! quoting; whether the attribution was assembled loosely, alone and with
//! the cue word and the score; how the content opens ("that", "to", a
//! determiner, a pronoun, a quotation, a capital …), alone and with the cue
//! word; the source's first word or shape with the cue word (train halves'
//! cue exact F1 +0.001 and +0.002); and its [`Nesting`] among the other
//! assemblies: whether its cue lies inside another's content (alone, with
//! the cue word, its kind, its score and the kind of the other), and
//! whether its own content holds another's cue (alone, with the cue word,
//! and with whether its cue lies inside another's). PolNeAR's annotations
//! are univocal: a word belongs to at most one attribution, so a cue inside
//! a marked content is never marked (0 of 19,868 train attributions);
//! "Clinton said the report claims …" has one attribution, not two.
//!
//! In claim files only attributions of learned or tagger-proposed cues and
//! loose ones are filtered ([`filterable`]): reviewed cues in a pattern
//! (with their stances), denials that point back and participles that
//! continue an attribution carry the claim structure and are always kept.
//! In span output the filter also judges plain assertions of reviewed cues
//! ([`judged`]). It learns from every judged assembly of the training texts
//! whether annotators marked its cue (it overlaps a gold cue); one whose
//! content matches a gold attribution's under another cue is left out.

use super::lexicon::fold;
use super::rules::Attribution;
use crate::text;

/// Number of weights (hashed feature space).
pub const DIM: usize = 1 << 16;
/// Training passes.
pub const EPOCHS: usize = 10;
/// Score above which an attribution is kept (chosen on PolNeAR dev with
/// [`super::rules::LOOSE_THRESHOLD`]: -1.5, -1 and -0.5 against loose
/// thresholds -3, -2, -1 and 0 formed a plateau of attribution F1
/// 0.692–0.698; -0.5 with 0 is on it, news-dev equal).
pub const THRESHOLD: f32 = -0.5;

/// Trained weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    weights: Vec<f32>,
}

/// The weight index of a feature.
fn hash(template: u8, parts: &[&str]) -> usize {
    (super::weights::feature_hash(template, parts) as usize) & (DIM - 1)
}

fn bucket(n: usize, edges: &[usize]) -> &'static str {
    const NAMES: [&str; 6] = ["b0", "b1", "b2", "b3", "b4", "b5"];
    NAMES[edges.iter().filter(|&&e| n >= e).count().min(5)]
}

/// Where an attribution stands among the others assembled in its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Nesting {
    /// Its cue lies inside the content of another: the other's kind
    /// ("reviewed", "tagger" or the learned share in tenths).
    pub inside: Option<&'static str>,
    /// Its content holds the cue of another.
    pub holds: bool,
}

/// The [`Nesting`] of each of `atts` (one text's assemblies). Each content
/// is matched against the cues it holds through a sorted index, so the cost
/// grows with the number of attributions and of cues inside contents, not
/// with its square.
pub fn nesting(atts: &[Attribution]) -> Vec<Nesting> {
    let mut cues: Vec<(usize, usize, usize)> = atts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.cue.start, a.cue.end, i))
        .collect();
    cues.sort_unstable();
    let mut out = vec![Nesting::default(); atts.len()];
    // For each attribution whose cue another's content holds: the first such other.
    let mut holder: Vec<Option<usize>> = vec![None; atts.len()];
    for (j, b) in atts.iter().enumerate() {
        for c in std::iter::once(&b.content).chain(&b.more) {
            let from = cues.partition_point(|&(s, _, _)| s < c.start);
            for &(_, e, i) in cues[from..].iter().take_while(|&&(s, _, _)| s < c.end) {
                if i != j && e <= c.end {
                    out[j].holds = true;
                    holder[i] = Some(holder[i].map_or(j, |h| h.min(j)));
                }
            }
        }
    }
    for (n, h) in out.iter_mut().zip(holder) {
        n.inside = h.map(|j| kind(&atts[j]));
    }
    out
}

/// How the cue of `a` was found: reviewed, learned (its share in tenths)
/// or proposed by the tagger only.
fn kind(a: &Attribution) -> &'static str {
    const TENTHS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    match a.learned {
        None => "reviewed",
        Some(x) if x <= 0.0 => "tagger",
        Some(x) => TENTHS[((x * 10.0) as usize).min(10)],
    }
}

/// The feature indexes of one attribution of `text`, with its [`Nesting`].
pub fn features(text: &str, a: &Attribution, nest: &Nesting) -> Vec<usize> {
    let cue_words = &text[a.cue.clone()];
    let head = cue_words
        .split_whitespace()
        .map(fold)
        .rfind(|w| !super::train::PARTICLES.contains(&w.as_str()))
        .unwrap_or_default();
    let kind = kind(a);
    let score = a
        .cue_score
        .map_or("none".to_string(), |s| (s.round() as i32).clamp(-12, 12).to_string());
    let order = match (a.source.start < a.cue.start, a.content.start < a.cue.start) {
        (true, true) if a.source.start < a.content.start => "S C Q",
        (true, true) => "Q S C",
        (true, false) => "S C Q'",
        (false, true) => "Q C S",
        (false, false) => "C S Q",
    };
    let source = &text[a.source.clone()];
    let source_words = text::tokens(text, a.source.clone()).len();
    let first = source.split_whitespace().next().unwrap_or("").to_lowercase();
    let source_kind = match first.as_str() {
        "he" | "she" | "they" | "it" | "we" | "i" | "you" => first.as_str(),
        "the" | "a" | "an" | "this" | "these" | "his" | "her" | "their" | "its" => "det",
        _ if first.chars().next().is_some_and(char::is_uppercase) => "Name",
        _ if source.chars().next().is_some_and(char::is_uppercase) => "Name",
        _ => "lower",
    };
    let content_words = text::word_count(&text[a.content.clone()]);
    let quoted = if a.quoted { "q" } else { "-" };
    let more = if a.more.is_empty() { "-" } else { "more" };
    let loose = if a.loose { "loose" } else { "-" };
    // (Compared without allocating: the filter scores every judged assembly.)
    let first = text[a.content.clone()]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches(['“', '"']);
    let among = |words: &[&'static str]| words.iter().copied().find(|w| first.eq_ignore_ascii_case(w));
    let opening = if let Some(w) = among(&["that", "to", "whether", "if", "about", "for", "of", "on"]) {
        w
    } else if among(&["the", "a", "an", "his", "her", "their", "its", "this", "these"]).is_some() {
        "det"
    } else if among(&["he", "she", "they", "it", "we", "i", "you"]).is_some() {
        "pron"
    } else if a.quoted {
        "quote"
    } else if text[a.content.clone()].starts_with(char::is_uppercase) {
        "Cap"
    } else {
        "other"
    };
    let inside = if nest.inside.is_some() { "inside" } else { "-" };
    let holds = if nest.holds { "holds" } else { "-" };
    vec![
        hash(15, &[loose]),
        hash(16, &[loose, &head]),
        hash(17, &[loose, &score]),
        hash(0, &["bias"]),
        hash(1, &[&head]),
        hash(2, &[kind]),
        hash(3, &[&score]),
        hash(4, &[order]),
        hash(5, &[source_kind]),
        hash(6, &[bucket(source_words, &[2, 3, 5, 8])]),
        hash(7, &[bucket(content_words, &[3, 6, 12, 25, 50])]),
        hash(8, &[quoted]),
        hash(9, &[more]),
        hash(10, &[&head, order]),
        hash(11, &[&head, quoted]),
        hash(12, &[kind, order]),
        hash(13, &[&score, order]),
        hash(14, &[source_kind, order]),
        hash(18, &[inside]),
        hash(19, &[inside, &head]),
        hash(20, &[inside, kind]),
        hash(21, &[inside, &score]),
        hash(22, &[inside, nest.inside.unwrap_or("")]),
        hash(23, &[holds]),
        hash(24, &[holds, &head]),
        hash(25, &[inside, holds]),
        hash(26, &[opening]),
        hash(27, &[opening, &head]),
        hash(28, &[source_kind, &head]),
    ]
}

/// Whether the filter may drop `a` from a claim file: a learned or
/// tagger-proposed cue, or a loose assembly; not pointing back, not
/// continuing another attribution. Reviewed cues carry the claim structure.
pub fn filterable(a: &Attribution) -> bool {
    a.points_back.is_none() && a.continues.is_none() && (a.learned.is_some() || a.loose)
}

/// Whether the filter may drop `a` from the spans (and learns from it):
/// what [`filterable`] allows, and also a plain assertion of a reviewed cue
/// (no denial, accusation or answer to one). Annotators of attribution
/// corpora leave out many uses of reviewed cues ("said" of a number, "shows"
/// of a chart) that the filter learns to tell apart.
pub fn judged(a: &Attribution) -> bool {
    filterable(a)
        || (a.points_back.is_none()
            && a.continues.is_none()
            && a.stance == crate::claim::Stance::Asserts
            && !a.accuse
            && !a.answers_accusation)
}

impl Filter {
    /// The score of one attribution with its [`Nesting`] (keep when above
    /// [`THRESHOLD`]).
    pub fn score(&self, text: &str, a: &Attribution, nest: &Nesting) -> f32 {
        features(text, a, nest).iter().map(|&k| self.weights[k]).sum()
    }

    /// The weights as little-endian bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        super::weights::to_bytes(&self.weights)
    }

    /// Weights from [`Filter::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Filter, String> {
        let weights = super::weights::from_bytes(bytes, DIM, "filter")?;
        Ok(Filter { weights })
    }
}

/// Trains the filter on examples: feature indexes and whether annotators
/// marked the attribution. Deterministic (seeded orders).
pub fn train(examples: &[(Vec<usize>, bool)]) -> Filter {
    Filter {
        weights: super::weights::train_binary(examples, DIM, EPOCHS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(text: &str, source: &str, cue: &str, content: &str) -> Attribution {
        Attribution {
            learned: Some(0.0),
            cue_score: Some(-3.0),
            ..Attribution::example(text, source, cue, content)
        }
    }

    #[test]
    fn learns_to_keep_good_and_drop_bad_assemblies() {
        let t = "Smith said taxes will rise. The bridge opened near the quiet river today.";
        let good = att(t, "Smith", "said", "taxes will rise");
        let bad = att(t, "The bridge", "opened", "near the quiet river today");
        let none = Nesting::default();
        let ex = vec![(features(t, &good, &none), true), (features(t, &bad, &none), false)];
        let f = train(&ex);
        assert!(f.score(t, &good, &none) > 0.0);
        assert!(f.score(t, &bad, &none) < 0.0);
        assert_eq!(Filter::from_bytes(&f.to_bytes()).unwrap(), f);
        assert_eq!(f, train(&ex), "deterministic");
    }

    #[test]
    fn learns_from_how_the_content_opens() {
        let t = "Ann wants to win the race. Bob wants the red car.";
        let clause = att(t, "Ann", "wants", "to win the race");
        let object = att(t, "Bob", "wants", "the red car");
        let none = Nesting::default();
        let ex = vec![
            (features(t, &clause, &none), true),
            (features(t, &object, &none), false),
        ];
        let f = train(&ex);
        assert!(f.score(t, &clause, &none) > 0.0);
        assert!(f.score(t, &object, &none) < 0.0);
    }

    #[test]
    fn nesting_finds_a_cue_inside_another_content() {
        let t = "Jones said the report claims costs rose. Lee added nothing.";
        let outer = Attribution {
            learned: None,
            ..att(t, "Jones", "said", "the report claims costs rose")
        };
        let inner = att(t, "the report", "claims", "costs rose");
        let apart = att(t, "Lee", "added", "nothing");
        let n = nesting(&[outer, inner, apart]);
        assert_eq!(
            n[0],
            Nesting {
                inside: None,
                holds: true
            }
        );
        assert_eq!(
            n[1],
            Nesting {
                inside: Some("reviewed"),
                holds: false
            }
        );
        assert_eq!(n[2], Nesting::default());
    }

    #[test]
    fn learns_that_a_cue_inside_a_content_is_not_marked() {
        // The same assembly, marked alone and unmarked inside a content.
        let t = "Ann hinted that rain fell.";
        let a = att(t, "Ann", "hinted", "that rain fell");
        let inside = Nesting {
            inside: Some("reviewed"),
            holds: false,
        };
        let ex = vec![
            (features(t, &a, &Nesting::default()), true),
            (features(t, &a, &inside), false),
        ];
        let f = train(&ex);
        assert!(f.score(t, &a, &Nesting::default()) > 0.0);
        assert!(f.score(t, &a, &inside) < 0.0);
    }
}
