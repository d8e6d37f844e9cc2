//! The extractor: from an [`Article`] to a [`ClaimFile`]. Finds attributions
//! (cue, source, content) with the rules of [`rules`], resolves sources to
//! claimants, and links claims within the article (rebuts, counters,
//! supports) in [`link`]. Never touches the file system.

pub mod confidence;
pub mod extent;
pub mod filter;
mod lexicon;
pub mod link;
pub mod linker;
mod patterns;
mod quoted_denial;
pub mod rules;
mod scan;
pub mod spans;
pub mod tagger;
pub mod train;
pub mod univocal;
mod weights;

use crate::actors::Actors;
use crate::article::Article;
use crate::claim::{ArticleMeta, Claim, ClaimFile, LinkKind, Stance};
use crate::text::CharIndex;
use lexicon::{Lexicon, WordClass};
pub use rules::Attribution;

/// What the extractor knows: the reviewed cue lexicon and word lists, the
/// learned cue forms and, when the model has one, the cue tagger
/// ([`tagger`]), which then decides which words outside the reviewed lexicon
/// are cues.
#[derive(Debug, Clone)]
pub struct Model {
    lex: Lexicon,
    tagger: Option<tagger::Tagger>,
    filter: Option<filter::Filter>,
    extent: Option<extent::Extent>,
    linker: linker::Linker,
}

/// First bytes of a model file written by `claimtrack train`.
pub const MODEL_MAGIC: &[u8] = b"claimtrack-model/3\n";

impl Model {
    /// The model compiled into the binary.
    pub fn builtin() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Model::parse(include_bytes!("model/claimtrack.model")).expect("the compiled-in model is valid")
        })
    }

    /// A model from the bytes of a model file: [`MODEL_MAGIC`], the length
    /// of the cue table (u32, little endian), the cue table (see [`train`]),
    /// the tagger weights, the filter weights and the cue extent weights; or
    /// a bare cue table (no tagger, no filter, no extent).
    pub fn parse(bytes: &[u8]) -> Result<Model, String> {
        let Some(rest) = bytes.strip_prefix(MODEL_MAGIC) else {
            let table = std::str::from_utf8(bytes).map_err(|e| format!("not a model file ({e})"))?;
            return Ok(Model {
                lex: Lexicon::with_learned(table)?,
                tagger: None,
                filter: None,
                extent: None,
                linker: linker::Linker::builtin().clone(),
            });
        };
        let len = rest
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or("truncated model file")?;
        let table = rest.get(4..4 + len).ok_or("truncated model file")?;
        let table = std::str::from_utf8(table).map_err(|e| format!("cue table: {e}"))?;
        let weights = &rest[4 + len..];
        let a = (tagger::DIM * 4).min(weights.len());
        let b = (a + filter::DIM * 4).min(weights.len());
        Ok(Model {
            lex: Lexicon::with_learned(table)?,
            tagger: Some(tagger::Tagger::from_bytes(&weights[..a])?),
            filter: Some(filter::Filter::from_bytes(&weights[a..b])?),
            extent: Some(extent::Extent::from_bytes(&weights[b..])?),
            linker: linker::Linker::builtin().clone(),
        })
    }

    /// Trains a model from documents (text, body start, gold annotations)
    /// and returns the model file's bytes.
    pub fn train(docs: &[(&str, usize, &crate::corpus::brat::Document)]) -> Result<Vec<u8>, String> {
        // Read texts as extraction does (see `normalise_quotes`).
        let texts: Vec<String> = docs.iter().map(|(t, _, _)| normalise_quotes(t)).collect();
        let docs: Vec<(&str, usize, &crate::corpus::brat::Document)> = docs
            .iter()
            .zip(&texts)
            .map(|((_, b, d), t)| (t.as_str(), *b, *d))
            .collect();
        let docs = &docs[..];
        let pairs: Vec<(&str, &crate::corpus::brat::Document)> = docs.iter().map(|(t, _, d)| (*t, *d)).collect();
        let table = train::train(&pairs);
        let lex = Lexicon::with_learned(&table)?;
        let tagger = tagger::train(docs, &lex);
        // The filter learns from what the rules assemble around the
        // tagger's generous cue proposals. Cross-fitted: documents of one
        // half are tagged by a tagger trained on the other half, so the
        // filter sees scores like those of unseen text.
        let half = |parity: usize| -> Vec<(&str, usize, &crate::corpus::brat::Document)> {
            docs.iter()
                .enumerate()
                .filter(|(k, _)| k % 2 == parity)
                .map(|(_, d)| *d)
                .collect()
        };
        let fold_taggers = [tagger::train(&half(1), &lex), tagger::train(&half(0), &lex)];
        let mut examples = Vec::new();
        let mut extent_examples = Vec::new();
        for (k, (text, body_start, doc)) in docs.iter().enumerate() {
            let fold = &fold_taggers[k % 2];
            let atts = rules::find(text, *body_start, &lex, Some((fold, tagger::CANDIDATE_THRESHOLD)));
            let spans = spans::from_extracted(text, &atts);
            let gold_cues = doc_byte_ranges(text, &doc.spans("Cue"));
            for a in &atts {
                extent_examples.extend(extent::examples(text, a, &gold_cues));
            }
            let chars: Vec<char> = text.chars().collect();
            let words = |a: &crate::corpus::brat::SpanAttribution| {
                let mut w = std::collections::BTreeSet::new();
                for f in a.contents.iter().flatten() {
                    let s: String = chars[f.start.min(chars.len())..f.end.min(chars.len())].iter().collect();
                    w.extend(crate::corpus::word_set(&s));
                }
                w
            };
            let pw: Vec<_> = spans.iter().map(words).collect();
            let gw: Vec<_> = doc.attributions.iter().map(words).collect();
            let matched: std::collections::HashSet<usize> = crate::corpus::match_pairs(&pw, &gw)
                .into_iter()
                .map(|(p, _)| p)
                .collect();
            let nest = filter::nesting(&atts);
            for (k, a) in atts.iter().enumerate() {
                if filter::judged(a) {
                    // Kept when annotators marked its cue. An assembly whose
                    // content they marked with another cue teaches nothing
                    // either way (labelled good, it taught the filter to keep
                    // wrong cues: train halves' cue exact F1 0.647 / 0.634,
                    // left out 0.649 / 0.635, attribution F1 equal or 0.003
                    // lower).
                    let cue_marked = gold_cues.iter().any(|g| g.start < a.cue.end && a.cue.start < g.end);
                    if matched.contains(&k) && !cue_marked {
                        continue;
                    }
                    examples.push((filter::features(text, a, &nest[k]), cue_marked));
                }
            }
        }
        let filter = filter::train(&examples);
        let extent = extent::train(&extent_examples);
        let mut out = MODEL_MAGIC.to_vec();
        out.extend((table.len() as u32).to_le_bytes());
        out.extend(table.as_bytes());
        out.extend(tagger.to_bytes());
        out.extend(filter.to_bytes());
        out.extend(extent.to_bytes());
        Ok(out)
    }
}

/// The fragments of gold spans (code-point offsets) as byte ranges of `text`.
fn doc_byte_ranges(text: &str, spans: &[crate::corpus::brat::Fragments]) -> Vec<std::ops::Range<usize>> {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let byte = |c: usize| bytes[c.min(bytes.len() - 1)];
    spans.iter().flatten().map(|r| byte(r.start)..byte(r.end)).collect()
}

/// Extracts the claims of one article with the built-in model. `text_path`
/// is recorded as the article's `text` field (relative to where the claim
/// file will live).
pub fn extract(article: &Article, actors: &Actors, text_path: Option<String>) -> ClaimFile {
    extract_with(article, actors, text_path, Model::builtin())
}

/// [`extract`] with another model.
pub fn extract_with(article: &Article, actors: &Actors, text_path: Option<String>, model: &Model) -> ClaimFile {
    // One list of attributions at a time, moved from step to step and gone
    // before linking: a 50 MB article makes over a million.
    let atts = claim_attributions(&article.text, attributions(article, model));
    let (mut claims, hints) = unlinked_claims(article, atts, actors, &model.lex, |atts, claims| {
        let features = confidence::all_features(&article.text, atts, claims, model.filter.as_ref());
        confidence::set(claims, &features);
    });
    link_one(article, &mut claims, &hints, actors, &model.linker);
    let mut file = ClaimFile::new(ArticleMeta {
        id: article.id.clone(),
        title: article.title.clone(),
        published: article.published,
        source: article.source.clone(),
        url: article.url.clone(),
        text: text_path,
    });
    file.claims = claims;
    file
}

/// What the attributions are for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Use {
    /// Claim files: every attribution of a reviewed cue stays, with the
    /// cue's head words and the whole content ("accused" Pakistan "of
    /// harbouring …").
    Claims,
    /// Attribution spans as annotated corpora mark them: the filter also
    /// judges plain assertions of reviewed cues ([`filter::judged`]), cues
    /// are as wide as annotators mark them ([`extent`]: "accusing her of",
    /// "said Friday") and a content starts after such a cue, and every word
    /// belongs to at most one attribution ([`univocal`]).
    Spans,
}

/// The attributions (cue, source, content as byte ranges) of one article
/// that make its claims, in text order.
pub fn attributions(article: &Article, model: &Model) -> Vec<Attribution> {
    with_quotes_normalised(article, |a| {
        // (Claims held apart first: a quotation resumed after "he said."
        // may open with a denial of its own.)
        quoted_denial::split(
            &a.text,
            claims_apart(&a.text, find_all(a, model, Use::Claims)),
            &model.lex,
        )
    })
}

/// The attribution spans of one article, in text order: what
/// `extract --format brat` writes and `eval spans` scores (see [`Use::Spans`]).
pub fn span_attributions(article: &Article, model: &Model) -> Vec<Attribution> {
    with_quotes_normalised(article, |a| find_all(a, model, Use::Spans))
}

fn with_quotes_normalised(article: &Article, find: impl Fn(&Article) -> Vec<Attribution>) -> Vec<Attribution> {
    if article.text.contains("''") {
        let normalised = Article {
            text: normalise_quotes(&article.text),
            ..article.clone()
        };
        return find(&normalised);
    }
    find(article)
}

/// Two apostrophes used as a quotation mark (''like this'') read as a
/// straight quote and a space: the same bytes, so every offset holds.
fn normalise_quotes(text: &str) -> String {
    text.replace("''", "\" ")
}

fn find_all(article: &Article, model: &Model, purpose: Use) -> Vec<Attribution> {
    let Some(tagger) = &model.tagger else {
        return rules::find(&article.text, article.body_start, &model.lex, None);
    };
    let Some(filter) = &model.filter else {
        return rules::find(
            &article.text,
            article.body_start,
            &model.lex,
            Some((tagger, tagger::THRESHOLD)),
        );
    };
    let atts = rules::find(
        &article.text,
        article.body_start,
        &model.lex,
        Some((tagger, tagger::CANDIDATE_THRESHOLD)),
    );
    // Claim files only: these say what is a claim, not what PolNeAR marks
    // (in spans, the source rule cost PolNeAR dev 0.001 of cue exact F1).
    let atts = if purpose == Use::Claims {
        let mut atts = sources_hold_no_cue(atts);
        let text = &article.text;
        rules::trim_reporting_tails(text, &mut atts);
        denials_of_reports(&mut atts);
        let aside = parenthetical_asides(text, &atts);
        keep(atts, |k, a| {
            !aside[k] && !asks_anonymity(&text[a.content.clone()]) && !was_asked(text, a) && !withheld(text, a)
        })
    } else {
        atts
    };
    let judged = match purpose {
        Use::Claims => filter::filterable,
        Use::Spans => filter::judged,
    };
    let nest = filter::nesting(&atts);
    // Claim files need the scores of judged attributions only; the span
    // output orders every attribution by it.
    let scores: Vec<f32> = (atts.iter().zip(&nest))
        .map(|(a, n)| {
            if purpose == Use::Spans || judged(a) {
                filter.score(&article.text, a, n)
            } else {
                f32::INFINITY
            }
        })
        .collect();
    let kept: Vec<bool> = (atts.iter().zip(&scores))
        .map(|(a, &score)| !judged(a) || score > filter::THRESHOLD)
        .collect();
    let mut atts = keep(atts, |k, _| kept[k]);
    if purpose == Use::Spans {
        if let Some(extent) = &model.extent {
            for a in &mut atts {
                extent.apply(&article.text, a);
            }
        }
        let confidence: Vec<f32> = (0..scores.len()).filter(|&k| kept[k]).map(|k| scores[k]).collect();
        let alive = univocal::resolve(&article.text, &mut atts, &confidence);
        atts = keep(atts, |k, _| alive[k]);
    }
    atts
}

/// "Turkey accuses Greece of pushing back migrant boat, Athens denies":
/// a denial whose content is a whole report before it denies what that
/// report says, and answers it. (And a denial that points back to a
/// report whose content was trimmed since denies the trimmed content.)
fn denials_of_reports(atts: &mut [Attribution]) {
    for k in 1..atts.len() {
        let (before, rest) = atts.split_at_mut(k);
        let d = &mut rest[0];
        if d.stance != Stance::Denies {
            continue;
        }
        if let Some(p) = d.points_back.filter(|&p| p < k) {
            let r = &before[p].content;
            if d.content.start == r.start && d.content.end > r.end {
                d.content.end = r.end;
            }
            continue;
        }
        if d.cue.start < d.content.end {
            continue;
        }
        if let Some(j) = (0..k).rev().take(LOOK_BACK).find(|&j| {
            let r = &before[j];
            d.content.start <= r.source.start.min(r.cue.start) && r.content.end <= d.content.end
        }) {
            d.content = before[j].content.clone();
            d.points_back = Some(j);
        }
    }
}

/// "He said the attack was carried out by professionals who, he alleged,
/// were directed by Belgrade": a pronoun and its cue set off by commas
/// inside the content of the attribution before it is an aside of the same
/// report, which makes no claim of its own. Returns which attributions are
/// such asides.
fn parenthetical_asides(text: &str, atts: &[Attribution]) -> Vec<bool> {
    let mut aside = vec![false; atts.len()];
    for k in 1..atts.len() {
        let (a, b) = (&atts[k - 1], &atts[k]);
        let inside = a.content.start < b.source.start && b.cue.end < a.content.end;
        aside[k] = inside && rules::is_aside(text, b);
    }
    aside
}

/// No source holds the reviewed cue of another attribution (a learned one
/// may be a noun: "the ministry's statement noted"): "Guyana accuses Venezuela of
/// planning to annex disputed region" has no source "Guyana accuses …" for
/// "disputed", nor "Gil said in a statement posted on social media" a
/// source "Gil said" for "posted". Such an attribution goes; a participle
/// that continued it continues the one whose cue its source held
/// ("…, adding that …" is Gil's). Cues are found through a sorted index,
/// so the cost stays near linear.
fn sources_hold_no_cue(mut atts: Vec<Attribution>) -> Vec<Attribution> {
    let mut cues: Vec<(usize, usize, usize)> = (atts.iter().enumerate())
        .map(|(k, a)| (a.cue.start, a.cue.end, k))
        .collect();
    cues.sort_unstable();
    let holder: Vec<Option<usize>> = (atts.iter().enumerate())
        .map(|(k, a)| {
            let s = &a.source;
            let from = cues.partition_point(|c| c.0 < s.start);
            cues[from..]
                .iter()
                .take_while(|c| c.0 < s.end)
                .find(|c| c.1 <= s.end && c.2 != k && atts[c.2].cue != a.cue && atts[c.2].learned.is_none())
                .map(|c| c.2)
        })
        .collect();
    if holder.iter().all(Option::is_none) {
        return atts;
    }
    let mut gone: Vec<bool> = holder.iter().map(Option::is_some).collect();
    for k in 0..atts.len() {
        if let Some(p) = atts[k].continues
            && let Some(h) = holder[p]
            && holder[h].is_none()
        {
            atts[k].continues = Some(h);
            atts[k].source = atts[h].source.clone();
            atts[k].pronoun = atts[h].pronoun;
            atts[k].antecedent = atts[h].antecedent.clone();
            gone[k] = false;
        }
    }
    keep(atts, |k, _| !gone[k])
}

/// "an official, who asked not to be named, said": a request about the
/// speaker's name, no claim.
fn asks_anonymity(content: &str) -> bool {
    if content.len() > 24 {
        return false;
    }
    let lower = content.to_lowercase();
    [
        "not to be named",
        "not to be identified",
        "not to be quoted",
        "anonymity",
    ]
    .iter()
    .any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| rest.trim_matches(['.', ',', ' ']).is_empty())
    })
}

/// "A spokesman, asked about the transit, said …": the speaker was asked;
/// what he said is the claim.
fn was_asked(text: &str, a: &Attribution) -> bool {
    a.cue_text.starts_with("asked") && a.source.end <= a.cue.start && text[a.source.end..a.cue.start].trim() == ","
}

/// "Peskov declined to say whether …", "stopped short of saying that …",
/// "without saying who fired": the speaker withheld a claim, and made none.
fn withheld(text: &str, a: &Attribution) -> bool {
    let refused = a
        .cue_text
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.starts_with("declin") || w.starts_with("refus"));
    let content = &text[a.content.clone()];
    let to_say = [
        "say ",
        "comment",
        "confirm",
        "specify",
        "elaborate",
        "disclose",
        "discuss",
        "name ",
    ]
    .iter()
    .any(|v| content.strip_prefix("to ").is_some_and(|rest| rest.starts_with(v)));
    let before = text[..a.cue.start].trim_end();
    let short_of = ["short of", "without"].iter().any(|p| {
        before.len() >= p.len()
            && before.is_char_boundary(before.len() - p.len())
            && before[before.len() - p.len()..].eq_ignore_ascii_case(p)
    });
    refused && to_say || short_of && a.cue_text.starts_with("saying")
}

/// The attributions for which `pred` holds, in place (no copy of a list
/// that may hold a million); links between attributions (`points_back`,
/// `continues`) are renumbered, and dropped when they point at a removed
/// attribution.
fn keep(mut atts: Vec<Attribution>, pred: impl Fn(usize, &Attribution) -> bool) -> Vec<Attribution> {
    let mut new_index = vec![None; atts.len()];
    let mut kept = 0;
    for (k, a) in atts.iter().enumerate() {
        if pred(k, a) {
            new_index[k] = Some(kept);
            kept += 1;
        }
    }
    // A denial whose antecedent goes answers the kept attribution that
    // reported it ("the drone was on a mission against “terrorist groups”
    // claiming attacks … “Algeria rejects these baseless allegations”"
    // denies the mission claim, not "attacks in the region").
    let mut pointed_at = vec![false; atts.len()];
    for p in atts.iter().filter_map(|a| a.points_back) {
        pointed_at[p] = true;
    }
    let reporter: Vec<Option<usize>> = (0..atts.len())
        .map(|p| {
            if new_index[p].is_some() || !pointed_at[p] {
                return None;
            }
            let cue = &atts[p].cue;
            (0..p).rev().take(LOOK_BACK).find(|&q| {
                new_index[q].is_some() && atts[q].content.start <= cue.start && cue.end <= atts[q].content.end
            })
        })
        .collect();
    for k in 0..atts.len() {
        if let Some(q) = atts[k].points_back.and_then(|p| reporter[p]) {
            atts[k].points_back = Some(q);
            atts[k].content = atts[q].content.clone();
            atts[k].quoted = atts[q].quoted;
        }
    }
    // Links may point forward ("X denied the allegations … Pakistan had
    // claimed …"), so every new index is known before any is mapped.
    let mut k = 0;
    atts.retain(|_| {
        k += 1;
        new_index[k - 1].is_some()
    });
    for a in &mut atts {
        a.points_back = a.points_back.and_then(|p| new_index[p]);
        a.continues = a.continues.and_then(|p| new_index[p]);
    }
    atts
}

/// Least share of cue uses among the training occurrences of a learned cue
/// form for its attributions to become claims. Annotated corpora count
/// wider attributions ("agreed to", "called for", "expected") than the
/// assertions a claim file records; the span output keeps them all, and
/// also the loose assemblies, which claim files leave out.
pub const CLAIM_MIN_LEARNED_SHARE: f32 = 0.75;

/// Head words of institutions that "the …" names again after the article
/// named them with their country ("Sudan's foreign ministry … The ministry
/// said", "the defence ministry", "the foreign office").
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "office",
    "military",
    "army",
    "government",
    "embassy",
    "administration",
    "delegation",
    "service",
    "authority",
    "council",
    "commission",
    "regulator",
    "cabinet",
    "presidency",
];

/// "defence ministry", "Foreign Office": up to three words that end in an
/// institution's head word and name nobody ("Taliban government" does).
fn is_institution(words: &str) -> bool {
    const OFFICES: &[&str] = &[
        "foreign", "defence", "defense", "interior", "home", "affairs", "external",
    ];
    let parts: Vec<&str> = words.split(' ').collect();
    parts.len() <= 3
        && parts
            .last()
            .is_some_and(|w| INSTITUTIONS.contains(&w.to_lowercase().as_str()))
        && parts.iter().all(|w| {
            let lower = w.to_lowercase();
            w.chars().all(char::is_alphabetic)
                && (!w.starts_with(char::is_uppercase)
                    || OFFICES.contains(&lower.as_str())
                    || INSTITUTIONS.contains(&lower.as_str()))
        })
}

/// Bytes [`sentence_start`] looks back: a sentence is never longer in
/// news, and an endless line must not make every claim scan it all.
const SENTENCE_REACH: usize = 2_000;

/// Where the sentence holding byte `at` starts: after the last ".", "!",
/// "?" or line break followed by a space before it; `None` when none is
/// within [`SENTENCE_REACH`] and the text goes on further back.
fn sentence_start(text: &str, at: usize) -> Option<usize> {
    let mut from = at.saturating_sub(SENTENCE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    before
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '\n') && before[i + 1..].starts_with(char::is_whitespace))
        .map(|(i, _)| from + i + 1)
        .or((from == 0).then_some(0))
}

/// "In Islamabad, officials accused …": the one side a fronted place
/// ("In …,", "From …,", "At …,") names right before an unnamed official.
/// (Not any side the sentence names: "India rejected the allegations made
/// by the foreign office".)
fn opening_side(text: &str, a: &Attribution, actors: &Actors) -> Option<String> {
    let at = a.source.start.min(a.content.start);
    let opening = text[sentence_start(text, at)?..at].trim();
    let place = opening
        .strip_suffix(',')
        .and_then(|o| ["In ", "From ", "At "].iter().find_map(|p| o.strip_prefix(p)))
        .filter(|p| !p.contains(','))?;
    match actors.sides_named(place).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// A claimant that is a plural description, no name ("Shipping
/// companies", "analysts", "local sources"): never "the group".
fn plural_description(claimant: &str) -> bool {
    let words: Vec<&str> = claimant.split_whitespace().collect();
    // (One capitalised word may be a name: "Houthis".)
    let described = words.len() >= 2 || claimant.starts_with(char::is_lowercase);
    described
        && words.last().is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
        && words.iter().skip(1).all(|w| w.starts_with(char::is_lowercase))
}

/// "a ministry spokesman" after "Greece's migration ministry rejected …":
/// the claimant of the last claim (within [`LOOK_BACK`], by no `person`)
/// whose mention holds the institution the mention names.
fn institution_before(mention: &str, claims: &[Claim], person: impl Fn(&Claim) -> bool) -> Option<String> {
    let lower = mention.to_lowercase();
    let institution = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| INSTITUTIONS.contains(w))?;
    claims
        .iter()
        .rev()
        .take(LOOK_BACK)
        .find(|c| !person(c) && mentioned_as(c, institution))
        .map(|c| c.claimant.clone())
}

/// Whether a claim's mention (else its claimant) holds the lower-case
/// words `phrase` as whole words: "paramilitary" is no "military".
fn mentioned_as(c: &Claim, phrase: &str) -> bool {
    let named = c.mention.as_deref().unwrap_or(&c.claimant).to_lowercase();
    let words: Vec<&str> = named.split(|ch: char| !ch.is_alphanumeric()).collect();
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// "The official", "the diplomat" after "a senior Pakistani official": the
/// claimant of the last claim (within [`LOOK_BACK`]) whose speaker was
/// described with that word.
fn described_before(mention: &str, claims: &[Claim]) -> Option<String> {
    const HEADS: &[&str] = &["official", "officer", "diplomat", "source", "commander"];
    let lower = mention.trim().to_lowercase();
    let head = lower.strip_prefix("the ").filter(|h| HEADS.contains(h))?;
    claims.iter().rev().take(LOOK_BACK).find_map(|c| {
        let said = c.mention.as_deref()?.to_lowercase();
        let last = said.split_whitespace().next_back()?;
        (last == head && said.len() > lower.len()).then(|| c.claimant.clone())
    })
}

/// The sentence before the one of `a`, when it holds no attribution of
/// `before` (those are the ones before `a`).
fn sentence_before<'t>(text: &'t str, before: &[Attribution], a: &Attribution) -> Option<&'t str> {
    let at = a.source.start.min(a.content.start);
    let start = sentence_start(text, at)?;
    let prev = sentence_start(text, start)?;
    // (Attributions come in text order: those of the two sentences are
    // the last few, and the rest need no look.)
    let reports = before
        .iter()
        .rev()
        .take(LOOK_BACK)
        .any(|b| b.source.start.max(b.content.start) >= prev);
    (!reports).then(|| &text[prev..start])
}

/// "Manila responded by condemning … It has also summoned the ambassador,
/// its foreign ministry said": "it" and "its" stand for the one side the
/// subject of their own sentence or else of the sentence before names,
/// when that sentence holds no claim before them (else the claims' own
/// speaker is the nearer antecedent).
fn subject_before(text: &str, before: &[Attribution], a: &Attribution, actors: &Actors) -> Option<String> {
    let one_side = |subject: &str| match actors.sides_named(subject).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    subject_within(text, before, a, actors)
        .and_then(one_side)
        .or_else(|| subject_side(sentence_before(text, before, a)?).and_then(one_side))
}

/// [`subject_side`], past a fronted phrase of up to five words that ends
/// in a comma when the words before it name no side ("Two days later,
/// Pakistan struck what it described as …").
fn subject_side_past_fronted<'t>(sentence: &'t str, actors: &Actors) -> Option<&'t str> {
    let subject = subject_side(sentence);
    if subject.is_some_and(|s| !actors.sides_named(s).is_empty()) {
        return subject;
    }
    let comma = sentence.find(',')?;
    let fronted = &sentence[..comma];
    ((1..=5).contains(&fronted.split_whitespace().count()) && actors.sides_named(fronted).is_empty())
        .then(|| subject_side(&sentence[comma + 1..]))
        .flatten()
        .or(subject)
}

/// "Algeria responded by recalling its envoys, and its foreign ministry
/// said": the subject that opens the pronoun's own sentence, when nothing
/// before the pronoun in it reports a claim.
fn subject_within<'t>(text: &'t str, before: &[Attribution], a: &Attribution, actors: &Actors) -> Option<&'t str> {
    let at = a.source.start.min(a.content.start);
    let start = sentence_start(text, at)?;
    let reports = before.iter().rev().take(LOOK_BACK).any(|b| b.cue.end > start);
    if reports {
        return None;
    }
    subject_side_past_fronted(&text[start..at], actors)
}

/// "the North's foreign ministry" in an article that names North Korea:
/// the mention with the state's full name ("North Korea's foreign
/// ministry"), when the text names one state after "North" (or "South",
/// "East", "West").
fn compass_state(text: &str, mention: &str, actors: &Actors) -> Option<String> {
    let rest = mention.strip_prefix("the ").or_else(|| mention.strip_prefix("The "))?;
    let point = ["North", "South", "East", "West"].into_iter().find(|p| {
        rest.strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with(['\'', '’', ' ']))
    })?;
    // ("North Korean leader" names North Korea too.)
    let mut states = text.match_indices(point).filter_map(|(i, _)| {
        let name = text[i + point.len()..]
            .strip_prefix(' ')?
            .split(|c: char| !c.is_alphabetic())
            .next()?;
        if !name.starts_with(char::is_uppercase) {
            return None;
        }
        match actors.sides_named(&format!("{point} {name}")).as_slice() {
            [one] if one.starts_with(point) => Some(one.clone()),
            _ => None,
        }
    });
    let state = states.next()?;
    states
        .all(|s| s == state)
        .then(|| format!("{state}{}", &rest[point.len()..]))
}

/// The name the text gives a group before `at` (up to 600 bytes back):
/// capitalised words after "group", "al-" and the like kept ("the
/// militant group Jaish al-Adl").
fn group_named_before(text: &str, at: usize) -> Option<String> {
    let mut from = at.saturating_sub(600);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    let after = &window[window.rfind(" group ")? + " group ".len()..];
    let name_word = |w: &str| {
        w.starts_with(char::is_uppercase)
            || w.split_once('-')
                .is_some_and(|(particle, rest)| particle.len() <= 3 && rest.starts_with(char::is_uppercase))
    };
    let mut words: Vec<&str> = Vec::new();
    for w in after.split_whitespace().take(4) {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if !name_word(bare) {
            break;
        }
        words.push(bare);
        // ("the group Hamas, Israel said": punctuation ends the name.)
        if bare.len() < w.len() {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The subject that opens `sentence`: the words before the first
/// lower-case word that is not an article or connective ("Manila
/// responded", "The Philippine military said"), at most five.
fn subject_side(sentence: &str) -> Option<&str> {
    let sentence = sentence.trim();
    let subject_end = sentence
        .split_whitespace()
        .take(6)
        .position(|w| w.starts_with(char::is_lowercase) && !matches!(w, "the" | "and" | "of"))
        .filter(|&n| n > 0 && n <= 5)?;
    let end = sentence
        .split_whitespace()
        .nth(subject_end - 1)
        .map(|w| w.as_ptr() as usize - sentence.as_ptr() as usize + w.len())?;
    Some(&sentence[..end])
}

/// "Thailand's prime minister, Phumtham Wechayachai, rejected that
/// account. “Cambodia started it,” he told reporters": the person the
/// sentence before a "he" or "she" names, when that sentence reports no
/// claim (else the pronoun's speaker is the claimant before it). The name
/// is the first run of two or more capitalised words among its first
/// dozen that is no title, names no side and follows no preposition or
/// article ("near the Ta Muen Thom temple" names a place).
fn person_before(text: &str, before: &[Attribution], a: &Attribution, actors: &Actors) -> Option<String> {
    let words: Vec<&str> = sentence_before(text, before, a)?.split_whitespace().take(12).collect();
    let capital = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.trim_end_matches(',')
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !crate::actors::is_title(w.trim_end_matches(','))
    };
    let mut k = 0;
    while k < words.len() {
        if !capital(words[k]) {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < words.len() && capital(words[k]) && (k == run_start || !words[k - 1].ends_with(',')) {
            k += 1;
        }
        // ("But Hun Manet …": a capitalised connective opens no name.)
        let run: Vec<&str> = words[run_start..k]
            .iter()
            .map(|w| w.trim_end_matches(','))
            .skip_while(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        let after_preposition = run_start > 0 && {
            let w = words[run_start - 1].to_lowercase();
            FUNCTION_WORDS.contains(&w.as_str()) || matches!(w.as_str(), "near" | "from" | "to" | "into" | "about")
        };
        if run.len() >= 2 && !after_preposition {
            let name = run.join(" ");
            if actors.sides_named(&name).is_empty() {
                return Some(actors.resolve(&name));
            }
        }
        // ("In Paris, Darmanin stood by his remarks": a surname alone, of
        // a speaker named in full before.)
        if let [surname] = run[..]
            && !after_preposition
            && let Some(full) = full_name_before(text, a.source.start.min(a.content.start), surname, actors)
        {
            return Some(actors.resolve(&full));
        }
    }
    None
}

/// The state of the article's dateline ("Manila, Philippines -- …",
/// "KABUL, AFGHANISTAN — …"), from the first lines of the body: wire copy
/// is filed from a place, and "a foreign ministry official" it quotes
/// without naming a state is that place's.
fn dateline_side(article: &Article, actors: &Actors) -> Option<String> {
    article.text[article.body_start..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .find_map(|line| {
            // A dateline opens the line: its first 120 characters will do.
            let line = line.char_indices().nth(120).map_or(line, |(i, _)| &line[..i]);
            let rest = crate::article::without_dateline(line);
            let place = &line[..line.len() - rest.len()];
            actors.sides_named(place).into_iter().next()
        })
}

/// The claims of one article before the linker decides their links, with
/// the links the rules proposed as hints (for training the linker on
/// extracted claims).
pub fn claims_with_hints(article: &Article, actors: &Actors, model: &Model) -> (Vec<Claim>, Vec<linker::Hints>) {
    let atts = claim_attributions(&article.text, attributions(article, model));
    unlinked_claims(article, atts, actors, &model.lex, |_, _| {})
}

/// The claims of one article before linking, each with the features its
/// `confidence` comes from (to calibrate it: `claimtrack eval confidence`).
pub fn claims_with_features(
    article: &Article,
    actors: &Actors,
    model: &Model,
) -> (Vec<Claim>, Vec<confidence::Features>) {
    let atts = claim_attributions(&article.text, attributions(article, model));
    let mut features = Vec::new();
    let (claims, _) = unlinked_claims(article, atts, actors, &model.lex, |atts, claims| {
        features = confidence::all_features(&article.text, atts, claims, model.filter.as_ref());
    });
    (claims, features)
}

/// Links the claims of one article with the linker.
fn link_one(
    article: &Article,
    claims: &mut [Claim],
    hints: &[linker::Hints],
    actors: &Actors,
    linker: &linker::Linker,
) {
    let docs = [linker::Doc {
        claims,
        date: article.published,
        hints: Some(hints),
    }];
    let proposals = linker::propose(&docs, actors, linker);
    linker::apply(claims, &proposals);
}

/// Turns the attributions that make claims ([`claim_attributions`]) into
/// numbered claims with resolved claimants, and the links the rules propose
/// as hints. `score` sees each claim with its attribution as found, before
/// the rules repoint denials and link.
fn unlinked_claims(
    article: &Article,
    mut atts: Vec<Attribution>,
    actors: &Actors,
    lex: &Lexicon,
    score: impl FnOnce(&[Attribution], &mut [Claim]),
) -> (Vec<Claim>, Vec<linker::Hints>) {
    let text = &article.text;
    let index = CharIndex::new(text);
    let mut claims: Vec<Claim> = Vec::with_capacity(atts.len());
    // Each claimant once, in the order first named (for spelling variants).
    let mut claimants: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    // People named after a title ("Foreign Ministry spokesperson Wang
    // Wenbin"), who speak for no "foreign ministry" after them.
    let mut titled: std::collections::HashSet<String> = std::collections::HashSet::new();
    let dateline = dateline_side(article, actors);
    for (k, a) in atts.iter().enumerate() {
        let mention = text[a.antecedent.clone().unwrap_or(a.source.clone())]
            .trim()
            .to_string();
        // "its foreign secretary", "their spokesman": speaks for the one
        // named before.
        // (Unless a name follows: "Its spokesman, Daoud Shehab" speaks
        // for himself.)
        let possessive = mention
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "its" | "their" | "Its" | "Their"))
            && !named_after_title(&actors.resolve(&mention), &mention);
        // "The statement said": the statement just reported, by its issuer.
        // "The army statement said": the army's (below, as "the army").
        let document = ["statement", "letter", "press release", "communique"]
            .iter()
            .find_map(|d| {
                let body = mention.get(4..mention.len().checked_sub(d.len())?)?;
                (mention[..4].eq_ignore_ascii_case("the ")
                    && mention[4 + body.len()..].eq_ignore_ascii_case(d)
                    && (body.is_empty() || body.ends_with(' ')))
                .then(|| body.trim_end().to_string())
            });
        let anaphoric = document
            .as_deref()
            .is_some_and(|body| body.is_empty() || !is_institution(body));
        // "The group insisted": the last claimant not known to be a person.
        let group = [
            "the group",
            "the organisation",
            "the organization",
            "the outfit",
            "the militant group",
        ]
        .iter()
        .any(|m| mention.eq_ignore_ascii_case(m));
        // "The ministry called on …", "The military confirmed …": the
        // claimant last mentioned with those words ("Armenia's defence
        // ministry"), else the actor the actors file names so, else the
        // last claimant not known to be a person. (An actors file kept for
        // many disputes says whose "the ministry" was in one of them.)
        let institution = document
            .as_deref()
            .or_else(|| {
                mention
                    .get(..4)
                    .filter(|d| d.eq_ignore_ascii_case("the "))
                    .map(|_| &mention[4..])
            })
            .filter(|rest| is_institution(rest))
            .map(str::to_lowercase);
        // A news outlet that reports a claim never speaks for "the
        // ministry" or "the group" named after it.
        // (Nor does a person named after a title, "Foreign Ministry
        // spokesperson Wang Wenbin", speak for "the foreign ministry".)
        let person = |c: &Claim| {
            actors.get(&c.claimant).and_then(|x| x.kind.as_deref()) == Some("person")
                || is_outlet(&c.claimant)
                || titled.contains(&c.claimant)
        };
        let named_so = |c: &&Claim| {
            institution
                .as_deref()
                .is_some_and(|word| mentioned_as(c, word) && !person(c))
        };
        // (A pronoun or "its" never stands for the outlet that reported the
        // claim before: "Reuters said … He said …".)
        let speaker_before = a
            .continues
            .or_else(|| (0..k).rev().find(|&j| !is_outlet(&claims[j].claimant)));
        let neuter = matches!(
            mention.split_whitespace().next().map(str::to_lowercase).as_deref(),
            Some("it" | "its" | "they" | "their")
        );
        // ("Baku issued a statement. The statement said …": its issuer.)
        let claimant = if ((a.pronoun || possessive) && neuter || anaphoric)
            && a.continues.is_none()
            && let Some(side) = subject_before(text, &atts[..k], a, actors)
        {
            side
        } else if a.pronoun
            && a.continues.is_none()
            && matches!(mention.to_lowercase().as_str(), "he" | "she")
            && let Some(name) = person_before(text, &atts[..k], a, actors)
        {
            name
        } else if a.pronoun || possessive || anaphoric {
            // ("Pakistan struck what it described as …" after a minister's
            // claim: "it" is no person.)
            let speaker = if neuter && a.continues.is_none() {
                (0..k)
                    .rev()
                    .take(LOOK_BACK)
                    .find(|&j| !person(&claims[j]))
                    .or(speaker_before)
            } else {
                speaker_before
            };
            match speaker {
                Some(prev) => claims[prev].claimant.clone(),
                None => mention.clone(),
            }
        } else if mention.eq_ignore_ascii_case("the latter")
            && let Some(side) = k.checked_sub(1).and_then(|p| other_party(&claims[p], actors))
        {
            // "Islamabad accuses the Taliban of A, which the latter
            // denies": the party the claim before names, not its claimant.
            side
        } else if let Some(prev) = titled_before(&mention, &claims) {
            // "The defence minister said": the one named with that title.
            prev
        } else if institution.is_some()
            && let Some(prev) = claims.iter().rev().take(LOOK_BACK).find(named_so)
        {
            prev.claimant.clone()
        } else if institution.is_some()
            && let Some(side) = opening_side(text, a, actors)
        {
            // "In Seoul, the government said": the fronted place's state.
            side
        } else if (group || institution.is_some() && actors.get(&actors.resolve(&mention)).is_none())
            && let Some(prev) = (0..k)
                .rev()
                // (not the one who denies this very claim: "India rejected
                // the allegations made by the foreign office that …"; and
                // "the group" is no state: "The United States accused …,
                // an accusation the group dismissed"; nor the one whose
                // claim this one denies: "The RSF said the army bombed the
                // market. The army rejected the accusation.")
                .find(|&j| {
                    !person(&claims[j])
                        && atts[j].points_back != Some(k)
                        && a.points_back
                            .is_none_or(|p| p >= k || claims[p].claimant != claims[j].claimant)
                        && !(group
                            && (Actors::names_state(&us_spelled_out(
                                claims[j].mention.as_deref().unwrap_or(&claims[j].claimant),
                            )) || plural_description(&claims[j].claimant)))
                })
        {
            claims[prev].claimant.clone()
        } else if group && let Some(name) = group_named_before(text, a.source.start) {
            // "The militant group Jaish al-Adl … The group has claimed":
            // the group named before, when no claimant was one.
            name
        } else if let Some(prev) = described_before(&mention, &claims) {
            // "A senior Pakistani official said … The official added".
            prev
        } else if actors.unnamed_official(&mention)
            && let Some(prev) = institution_before(&mention, &claims, person)
        {
            // "Greece's migration ministry rejected the allegation. … a
            // ministry spokesman said": that ministry's.
            prev
        } else if actors.unnamed_official(&mention)
            && let Some(side) = quoting_side(text, a, actors)
                .or_else(|| opening_side(text, a, actors))
                .or_else(|| dateline.clone())
        {
            side
        } else {
            let resolved =
                compass_state(text, &mention, actors).map_or_else(|| actors.resolve(&mention), |m| actors.resolve(&m));
            // "Zabiullah" after "Zabihullah Mujahid": one person.
            spelling_of(&resolved, &claimants, actors)
                .or_else(|| surname_of(&resolved, &claimants, actors))
                .or_else(|| full_name_before(text, a.source.start, &resolved, actors))
                .unwrap_or(resolved)
        };
        // "denied claims that X": what is denied is X; "said there is no
        // truth in reports that X" denies X too.
        let framed = denial_frame_len(&text[a.content.clone()]);
        let stance = if framed > 0 {
            crate::claim::Stance::Denies
        } else {
            a.stance
        };
        let content_range = match stance {
            crate::claim::Stance::Denies => {
                let start = a.content.start + framed;
                start + denied_object_len(&text[start..a.content.end])..a.content.end
            }
            crate::claim::Stance::Asserts => continued(text, a),
        };
        // (An accusation's or a denial's: "said it regards the report as
        // false" says so of its own.)
        let label = if a.accuse || stance == crate::claim::Stance::Denies {
            labelled_false_len(&text[content_range.clone()], lex)
        } else {
            0
        };
        let content_range = content_range.start..content_range.end - label;
        // (One quotation the source interrupts is one content, in the
        // speaker's words without the interruption: no one stretch of
        // text, so no span.)
        // (A denial pointing back at such a quotation denies all of it.)
        let resumed = if stance == crate::claim::Stance::Asserts && label == 0 {
            resumed_quotation(text, a)
        } else {
            a.points_back
                .filter(|&p| atts[p].content == content_range)
                .and_then(|p| resumed_quotation(text, &atts[p]))
        };
        let content = match &resumed {
            Some(r) => normalise_space(&format!("{} {}", &text[content_range.clone()], &text[r.clone()])),
            None => normalise_space(&text[content_range.clone()]),
        };
        let mut c = Claim::new(format!("c{}", k + 1), claimant, stance, content);
        if c.claimant != mention {
            c.mention = Some(mention);
        }
        c.cue = Some(normalise_space(&a.cue_text));
        if a.quoted {
            c.quoted = Some(true);
        }
        if resumed.is_none() {
            c.span = Some([
                index.char_offset(content_range.start),
                index.char_offset(content_range.end),
            ]);
        }
        // (A title right before the name: "Rights group Amnesty
        // International" is no person.)
        if c.mention.as_deref().is_some_and(|m| {
            named_after_title(&c.claimant, m)
                && m[..m.len() - c.claimant.len()]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(crate::actors::is_title)
        }) {
            titled.insert(c.claimant.clone());
        }
        if seen.insert(c.claimant.clone()) {
            claimants.push(c.claimant.clone());
        }
        claims.push(c);
    }
    score(&atts, &mut claims);
    each_side_named(text, &atts, &mut claims, actors);
    point_bare_denials(&mut atts, &mut claims, actors);
    point_statement_denials(lex, &mut atts, &mut claims, actors);
    repoint_denials(text, &mut atts, &mut claims, actors);
    link::link(&atts, &mut claims, actors);
    // The rules' links are hints to the learned linker, which decides.
    let hints = rule_hints(&mut claims);
    (claims, hints)
}

/// Takes the links the rules wrote out of the claims, as hints by index.
fn rule_hints(claims: &mut [Claim]) -> Vec<linker::Hints> {
    (0..claims.len())
        .map(|i| {
            let mut hints = Vec::new();
            for kind in [LinkKind::Rebuts, LinkKind::Counters, LinkKind::Supports] {
                let list = std::mem::take(claims[i].links_mut(kind));
                hints.extend(
                    list.iter()
                        .filter_map(|id| link::position(claims, id))
                        .map(|j| (j, kind)),
                );
            }
            hints
        })
        .collect()
}

/// The first side a claim's content names other than its claimant's: the
/// one it accuses.
fn other_party(claim: &Claim, actors: &Actors) -> Option<String> {
    let own = actors.side(&claim.claimant);
    actors.sides_named(&claim.content).into_iter().find(|s| *s != own)
}

/// How many earlier claims (or distinct claimants) a mention is compared
/// with: far more than an article names, and a bound that keeps resolution
/// linear on huge inputs.
const LOOK_BACK: usize = 200;

/// Whether `resolved`, what a mention resolves to, is a person's name the
/// mention gives after a title: two or three capitalised words ending it
/// ("Its spokesman, Daoud Shehab" -> "Daoud Shehab").
fn named_after_title(resolved: &str, mention: &str) -> bool {
    let words: Vec<&str> = resolved.split_whitespace().collect();
    resolved != mention
        && mention.ends_with(resolved)
        && (2..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// The claimant of the latest claim whose mention holds `mention`'s title
/// before a name: "the defence minister" after "Defence Minister Khawaja
/// Asif", "the President" after "President Volodymyr Zelensky".
fn titled_before(mention: &str, claims: &[Claim]) -> Option<String> {
    const TITLES: &[&str] = &[
        "minister",
        "president",
        "premier",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "governor",
        "general",
        "commander",
        "chief",
        "ambassador",
        "envoy",
        "chancellor",
        "mayor",
        "senator",
        "king",
        "emir",
    ];
    let lower = mention.trim().to_lowercase();
    let title = lower.strip_prefix("the ")?;
    let words: Vec<&str> = title.split(' ').collect();
    if words.len() > 4 || !words.last().is_some_and(|w| TITLES.contains(w)) {
        return None;
    }
    claims.iter().rev().take(LOOK_BACK).find_map(|c| {
        let said = c.mention.as_deref()?;
        let said_lower = said.to_lowercase();
        // The title as whole words ("military" is not in "paramilitary").
        // ("the minister" is not the Prime Minister.)
        let at = said_lower.match_indices(title).map(|(i, _)| i).find(|&i| {
            let before = said_lower[..i].chars().next_back();
            before.is_none_or(|ch| !ch.is_alphanumeric()) && !said_lower[..i].ends_with("prime ")
        })?;
        // The title is followed by the name the claimant is resolved to
        // ("Defence Minister Yasar Guler", "the defence minister, Yasar Guler").
        let after = said.get(at + title.len()..)?.trim_start().trim_start_matches(", ");
        (!after.is_empty() && after.starts_with(char::is_uppercase) && c.claimant.contains(after.split(' ').next()?))
            .then(|| c.claimant.clone())
    })
}

/// An earlier claimant of the article that `name` spells another way: as
/// many words, the last word the same or one or two letters apart, each
/// other word the same or one or two letters apart, and no actor of the
/// actors file by either spelling ("Zabiullah Mujahid" / "Zabihullah
/// Mujahid", "Zelensky" / "Zelenskyy").
fn spelling_of(name: &str, claimants: &[String], actors: &Actors) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &[&str]| w.iter().all(|x| x.starts_with(char::is_uppercase));
    if words.is_empty() || !capitalised(&words) || actors.get(name).is_some() {
        return None;
    }
    let close = |a: &str, b: &str| {
        a == b || (a.chars().count() >= 5 && a.chars().next() == b.chars().next() && strsim::levenshtein(a, b) <= 2)
    };
    claimants.iter().rev().take(LOOK_BACK).find_map(|other| {
        let theirs: Vec<&str> = other.split_whitespace().collect();
        (other != name
            && theirs.len() == words.len()
            && capitalised(&theirs)
            && words.iter().zip(&theirs).all(|(a, b)| close(a, b)))
        .then(|| other.clone())
    })
}

/// Whether `name` may be a bare surname: one capitalised word, not an
/// acronym of two letters ("UN"), no actor of the actors file, naming no
/// state.
fn bare_surname(name: &str, actors: &Actors) -> bool {
    let letters = name.chars().count();
    !name.contains(' ')
        && name.starts_with(char::is_uppercase)
        && (letters >= 3 || letters == 2 && !name.chars().all(char::is_uppercase))
        && actors.get(name).is_none()
        && actors.sides_named(name).is_empty()
}

/// The earlier claimant of the article that a bare surname stands for
/// ("Vucic said" after "Serbian President Aleksandar Vucic said", "Mao
/// said" after "Mao Ning"): the last one of two to four capitalised words
/// whose last word it is, else of two whose first word it is (a family
/// name written first). The full name must be a person of the actors file
/// or else unknown to it and name no state ("Sudan" is no short "South
/// Sudan").
fn surname_of(name: &str, claimants: &[String], actors: &Actors) -> Option<String> {
    if !bare_surname(name, actors) {
        return None;
    }
    let full = |other: &&String, first: bool| {
        let theirs: Vec<&str> = other.split_whitespace().collect();
        let at = if first { theirs.first() } else { theirs.last() };
        (if first {
            theirs.len() == 2
        } else {
            (2..=4).contains(&theirs.len())
        }) && at == Some(&name)
            && theirs.iter().all(|w| w.starts_with(char::is_uppercase))
            && (actors.get(other).is_none() && actors.sides_named(other).is_empty()
                || actors.get(other).and_then(|x| x.kind.as_deref()) == Some("person"))
    };
    let recent = || claimants.iter().rev().take(LOOK_BACK);
    recent()
        .find(|other| full(other, false))
        .or_else(|| recent().find(|other| full(other, true)))
        .cloned()
}

/// Whether a capitalised word is written in lower case elsewhere in
/// `text` as well: a common word ("Rival", "Committee", "Many"), no name.
fn common_word(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    text.match_indices(&lower).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Capitalised words that open a sentence or phrase, never a given name.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "and", "but", "after", "when", "while", "with", "by", "for", "of", "as", "if",
    "then",
];

/// How far before a bare surname [`full_name_before`] looks for the name
/// in full: a few paragraphs, so that the search stays linear.
const NAME_LOOK_BACK: usize = 8_000;

/// The full name a bare surname stands for when that person made no claim
/// before ("Lavrov said" after "… spoke with Russian Foreign Minister
/// Sergei Lavrov"): the last place in the text before `before` where one
/// or two capitalised words that are no title nor state precede it.
fn full_name_before(text: &str, before: usize, name: &str, actors: &Actors) -> Option<String> {
    if !bare_surname(name, actors) {
        return None;
    }
    let mut from = before.saturating_sub(NAME_LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..before];
    let mut end = window.len();
    while let Some(at) = window[..end].rfind(name) {
        end = at;
        let after = window[at + name.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let given: Vec<&str> = window[..at]
            .split_whitespace()
            .rev()
            .take(2)
            .take_while(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !crate::actors::is_title(w)
                    && !common_word(window, w)
                    && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
                    && actors.sides_named(w).is_empty()
            })
            .collect();
        if !given.is_empty() && window[..at].ends_with(' ') {
            let mut words: Vec<&str> = given.into_iter().rev().collect();
            // ("Rival Hillary Clinton": of two, a word that opens its
            // sentence may be no name.)
            if words.len() == 2 {
                let first = window[..at].rfind(words[0]).unwrap_or(0);
                let before = window[..first].trim_end();
                if before.is_empty() || before.ends_with(['.', '!', '?', '"', '”', '\n']) {
                    words.remove(0);
                }
            }
            words.push(name);
            return Some(words.join(" "));
        }
    }
    None
}

/// Words that name news outlets and wire services rather than parties to
/// a dispute ("Anadolu Agency", "state broadcaster", "RIA Novosti").
const OUTLET_WORDS: &[&str] = &[
    "agency",
    "news",
    "newspaper",
    "press",
    "broadcaster",
    "television",
    "tv",
    "radio",
    "reuters",
    "afp",
    "ap",
    "tass",
    "ria",
    "novosti",
    "xinhua",
    "anadolu",
    "interfax",
    "irna",
    "bbc",
    "cnn",
    "tolonews",
    "pajhwok",
];

/// Whether a claimant is a news outlet ([`OUTLET_WORDS`]).
fn is_outlet(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The length in bytes of a frame that makes an assertion a denial of what
/// follows it ("there is no truth in", "it is not true that"), 0 when the
/// content opens with none.
fn denial_frame_len(content: &str) -> usize {
    const FRAMES: &[&str] = &[
        "there is no truth in ",
        "there was no truth in ",
        "there is no truth to ",
        "there was no truth to ",
        "it is not true that ",
        "it was not true that ",
        "it is untrue that ",
        "it was untrue that ",
        "it is false that ",
        "it was false that ",
    ];
    // (Quotation marks inside the frame are no words of it: "there is
    // “no truth” in".)
    let after_frame = |frame: &str| {
        let mut wanted = frame.chars().peekable();
        for (at, ch) in content.char_indices() {
            if wanted.peek().is_none() {
                return Some(at);
            }
            if matches!(ch, '"' | '“' | '”') {
                continue;
            }
            if !wanted.next().is_some_and(|w| w.eq_ignore_ascii_case(&ch)) {
                return None;
            }
        }
        None
    };
    FRAMES.iter().find_map(|f| after_frame(f)).unwrap_or(0)
}

/// The length in bytes of the label that ends a content, 0 when there is
/// none: "dismissed Cambodian claims that jets had bombed a road as
/// “completely false”" labels what the claims say, which ends before "as".
fn labelled_false_len(content: &str, lex: &Lexicon) -> usize {
    let Some(at) = content.rfind(" as ") else {
        return 0;
    };
    let words: Vec<String> = content[at + 4..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    match words.as_slice() {
        [.., last] if words.len() <= 3 && lex.is(WordClass::NEGATIVE, last) => content.len() - at,
        _ => 0,
    }
}

/// Accusation nouns that name what a denial denies ("the claims that A",
/// "there is no truth in these reports").
const DENIED_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "report",
    "reports",
    "charge",
    "charges",
    "suggestion",
    "suggestions",
    "assertion",
    "assertions",
];

/// `content` without the determiner it opens with, if any.
fn without_determiner(content: &str) -> &str {
    for det in ["the ", "these ", "those ", "such ", "any ", "all "] {
        if content
            .get(..det.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(det))
        {
            return &content[det.len()..];
        }
    }
    content
}

/// Whether a denied content is no more than an accusation noun ("these
/// claims", "the reports"): the denial answers a claim made before it.
fn bare_denied_noun(content: &str) -> bool {
    let rest = without_determiner(content.trim_end_matches(['.', ',', '"', '”']));
    DENIED_NOUNS.contains(&rest.to_lowercase().as_str())
}

/// The length in bytes of an accusation noun and "that" opening a denied
/// content ("claims that", "the reports that"), 0 when there is none.
fn denied_object_len(content: &str) -> usize {
    let rest = without_determiner(content);
    let Some((noun, after)) = rest.split_once(' ') else {
        return 0;
    };
    match after.strip_prefix("that ") {
        Some(object) if DENIED_NOUNS.contains(&noun.to_lowercase().as_str()) && !object.trim().is_empty() => {
            content.len() - object.len()
        }
        _ => 0,
    }
}

/// A denial of no more than "these claims" ("said there is no truth in
/// these claims") that points at nothing answers the last claim of another
/// side before it, an accusation if there is one: it copies that content.
fn point_bare_denials(atts: &mut [Attribution], claims: &mut [Claim], actors: &Actors) {
    for k in 0..atts.len() {
        if claims[k].stance != crate::claim::Stance::Denies
            || atts[k].points_back.is_some()
            || !bare_denied_noun(&claims[k].content)
        {
            continue;
        }
        let side = actors.side(&claims[k].claimant);
        let other =
            |j: &usize| claims[*j].stance == crate::claim::Stance::Asserts && actors.side(&claims[*j].claimant) != side;
        let window = k.saturating_sub(link::LINK_WINDOW)..k;
        if let Some(j) = window
            .clone()
            .rev()
            .filter(other)
            .find(|&j| atts[j].accuse)
            .or_else(|| window.rev().find(other))
        {
            atts[k].points_back = Some(j);
            claims[k].content = claims[j].content.clone();
            claims[k].span = claims[j].span;
            claims[k].quoted = claims[j].quoted;
        }
    }
}

/// Nouns for what a side said besides those of [`DENIED_NOUNS`]: "the US
/// statement", "Manila's remarks", "the U.S. assessment".
const SAID_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "comments",
    "account",
    "version",
    "assessment",
    "narrative",
    "findings",
    "story",
];
/// Verbs that reject a statement they take as object ("slams US
/// statement"), though not what they take otherwise ("slammed the attack").
const REJECTING: &[&str] = &[
    "slam",
    "slams",
    "slammed",
    "blast",
    "blasts",
    "blasted",
    "criticise",
    "criticises",
    "criticised",
    "criticize",
    "criticizes",
    "criticized",
    "denounce",
    "denounces",
    "denounced",
    "rebuff",
    "rebuffs",
    "rebuffed",
    "lambast",
    "lambasts",
    "lambasted",
];

/// Verbs that, before "the facts" or "the truth", say a statement is false
/// ("… disregarded the facts").
const FALSIFYING: &[&str] = &[
    "disregard",
    "disregards",
    "disregarded",
    "distort",
    "distorts",
    "distorted",
    "ignore",
    "ignores",
    "ignored",
    "twist",
    "twists",
    "twisted",
    "misrepresent",
    "misrepresents",
    "misrepresented",
    "contradict",
    "contradicts",
    "contradicted",
];

/// The side whose statement a content names and the words after the
/// statement noun: "US statement on collision …" (United States), "the
/// remarks by Armenia's foreign minister" (Armenia); `None` unless one
/// side is named, and not `own`.
fn statement_of<'c>(content: &'c str, own: &str, actors: &Actors) -> Option<Statement<'c>> {
    let words: Vec<&str> = content.split_whitespace().collect();
    let first = usize::from(
        words
            .first()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the" | "this")),
    );
    let noun = (first..words.len().min(first + 4)).find(|&j| {
        let w = words[j].trim_end_matches([',', '.', '"', '”']).to_lowercase();
        SAID_NOUNS.contains(&w.as_str()) || DENIED_NOUNS.contains(&w.as_str())
    })?;
    let (named, rest) = if noun > first {
        (&words[first..noun], noun + 1)
    } else if words.get(noun + 1).is_some_and(|w| matches!(*w, "by" | "from" | "of")) {
        let end = words.len().min(noun + 6);
        (&words[noun + 2..end], end)
    } else {
        return None;
    };
    // ("Pakistan's claims that A", "claims of Indian involvement": the
    // content is given.)
    let given = words
        .get(rest)
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "that" | "of" | "about"));
    // ("the statement of the Canadian prime minister": an office, which
    // the speaker was named with.)
    let office: Vec<String> = named
        .iter()
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .filter(|w| w.chars().all(char::is_alphabetic) && w != "the" && actors.sides_named(w).is_empty())
        .collect();
    match actors.sides_named(&us_spelled_out(&named.join(" "))).as_slice() {
        [side] if side != own && !given => Some(Statement {
            side: side.clone(),
            office,
            rest: words[rest..].to_vec(),
        }),
        _ => None,
    }
}

/// What [`statement_of`] reads: whose statement, the office it names, and
/// the words after it.
struct Statement<'c> {
    side: String,
    office: Vec<String>,
    rest: Vec<&'c str>,
}

/// `text` with "US" in capitals written "United States", which
/// [`Actors::sides_named`] reads as the state ("us" it takes for the
/// pronoun): "the US State Department".
fn us_spelled_out(text: &str) -> String {
    text.split(' ')
        .map(|w| match w.trim_end_matches(['\'', '’', 's']) {
            "US" | "U.S." => "United States",
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words after a statement noun that call it false: a negative word
/// ("was baseless") or a falsifying verb before "the facts" ("disregarded
/// the facts"), as recorded in the cue.
fn falsity(lex: &Lexicon, rest: &[&str]) -> Option<String> {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    rest.iter().enumerate().find_map(|(j, w)| {
        let word = bare(w);
        if lex.is(WordClass::NEGATIVE, &word) {
            return Some(word);
        }
        let facts = rest.get(j + 2).map(|w| bare(w));
        (FALSIFYING.contains(&word.as_str())
            && rest.get(j + 1).is_some_and(|w| bare(w) == "the")
            && matches!(facts.as_deref(), Some("facts" | "truth")))
        .then(|| format!("{word} the {}", facts.unwrap_or_default()))
    })
}

/// A claim about a statement of another side that rejects it ("China slams
/// US statement on collision with Philippine boat") or calls it false
/// ("said a US statement … “disregarded the facts”") denies what that side
/// said in the article: the content of its nearest claim (within
/// [`link::LINK_WINDOW`] claims).
fn point_statement_denials(lex: &Lexicon, atts: &mut [Attribution], claims: &mut [Claim], actors: &Actors) {
    for k in 0..atts.len() {
        if atts[k].points_back.is_some() {
            continue;
        }
        let Some(Statement { side, office, rest }) =
            statement_of(&claims[k].content, &actors.side(&claims[k].claimant), actors)
        else {
            continue;
        };
        let cue = claims[k].cue.clone().unwrap_or_default();
        let rejecting = cue.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            REJECTING.contains(&w.as_str()) || lex.cue(&w).is_some_and(|c| c.stance == Stance::Denies)
        });
        let cue = match falsity(lex, &rest) {
            _ if rejecting => cue,
            Some(words) => format!("{cue} … {words}"),
            None => continue,
        };
        // (Its side by the actors file, else the one side its mention
        // names: "the US State Department".)
        // (A person who was once named with it speaks for it throughout:
        // "Canadian Prime Minister Justin Trudeau", then "Trudeau".)
        let named_with = |c: &Claim| {
            actors.side(&c.claimant) == side
                || actors.sides_named(&us_spelled_out(c.mention.as_deref().unwrap_or(&c.claimant))) == [side.as_str()]
        };
        // (Within the window the link rules look in, for the speakers and
        // what they said: linear on a huge article.)
        let window = k.saturating_sub(link::LINK_WINDOW)..claims.len().min(k + link::LINK_WINDOW);
        let mut speakers: Vec<&str> = claims[window.clone()]
            .iter()
            .filter(|c| named_with(c))
            .map(|c| c.claimant.as_str())
            .collect();
        // (The one named with the statement's office, if any was.)
        let holds_office = |c: &Claim| {
            let m = c.mention.as_deref().unwrap_or(&c.claimant).to_lowercase();
            !office.is_empty() && office.iter().all(|w| m.split_whitespace().any(|x| x == w))
        };
        let officers: Vec<&str> = claims[window.clone()]
            .iter()
            .filter(|c| speakers.contains(&c.claimant.as_str()) && holds_office(c))
            .map(|c| c.claimant.as_str())
            .collect();
        if !officers.is_empty() {
            speakers = officers;
        }
        let speaks_for = |c: &Claim| speakers.contains(&c.claimant.as_str());
        let said = |j: &usize| *j != k && claims[*j].stance == Stance::Asserts && speaks_for(&claims[*j]);
        // (What it said, before a participle going on from it: "…,
        // citing data".)
        let target = window
            .filter(said)
            .min_by_key(|&j| (atts[j].continues.is_some(), j.abs_diff(k), j < k));
        claims[k].stance = Stance::Denies;
        claims[k].cue = Some(cue);
        if let Some(j) = target {
            atts[k].points_back = Some(j);
            claims[k].content = claims[j].content.clone();
            claims[k].span = claims[j].span;
            claims[k].quoted = claims[j].quoted;
        }
    }
}

/// Re-points denials that point back at the wrong claim, copying the
/// content of the right one:
/// - "The Taliban rejected Islamabad's allegations": the last accusation
///   that actor made itself (since the previous denial), rather than a
///   later one by one of its members or spokespeople;
/// - a denial that points at a claim of its own side ("The ministry said A
///   … Mujahid described the ISPR statement as unfounded") answers the last
///   claim of another side instead, an accusation if there is one.
fn repoint_denials(text: &str, atts: &mut [Attribution], claims: &mut [Claim], actors: &Actors) {
    for k in 0..atts.len() {
        let Some(p) = atts[k].points_back else {
            continue;
        };
        let who = atts[k].accused.clone().map(|r| actors.resolve(&text[r]));
        let side = actors.side(&claims[k].claimant);
        let better = match who {
            // (Else, as "the claims spread by the Azerbaijani side", the
            // last claim of that side.)
            Some(who) if claims[p].claimant != who => (0..k)
                .rev()
                .take_while(|&j| claims[j].stance != Stance::Denies)
                .find(|&j| atts[j].accuse && claims[j].claimant == who)
                .or_else(|| {
                    (k.saturating_sub(link::LINK_WINDOW)..k).rev().find(|&j| {
                        claims[j].stance == Stance::Asserts
                            && actors.side(&claims[j].claimant) == actors.side(&who)
                            && actors.side(&claims[p].claimant) != actors.side(&who)
                    })
                }),
            _ if actors.side(&claims[p].claimant) == side => {
                let other = |j: &usize| {
                    claims[*j].stance == crate::claim::Stance::Asserts && actors.side(&claims[*j].claimant) != side
                };
                let window = k.saturating_sub(link::LINK_WINDOW)..k;
                window
                    .clone()
                    .rev()
                    .filter(other)
                    .find(|&j| atts[j].accuse)
                    .or_else(|| window.rev().find(other))
            }
            // "Islamic Jihad rejected the accusation" after a headline's
            // "trade blame over deadly Gaza hospital blast", which names
            // no side: a claim of another side that names the denier, the
            // nearest before that one ("This is a hostile act, premeditated
            // by the Algerian regime … on a mission against “terrorist
            // groups” … “Algeria rejects these allegations”"), else after it.
            // (So does "China rejected the account" after Australia's
            // accusation and a detail that names no side.)
            _ if (atts[k].answers_accusation || points_at_account(&atts[k].cue_text))
                && p < k
                && actors.sides_named(&claims[p].content).is_empty()
                && !names_speaker(&claims[p].content, &claims[k], actors) =>
            {
                let names_denier = |j: &usize| {
                    claims[*j].stance == Stance::Asserts
                        && !rules::is_appeal(&atts[*j].cue_text)
                        && actors.side(&claims[*j].claimant) != side
                        && names_speaker(&claims[*j].content, &claims[k], actors)
                };
                // (One that opens with the denier, who did what it tells,
                // before one that names it in passing: "the Chinese J-10
                // released the flares", not "Canberra had raised its
                // concerns with Beijing".)
                let opens_with_denier = |j: &usize| {
                    names_denier(j) && {
                        let opening: String = claims[*j]
                            .content
                            .split_whitespace()
                            .take(4)
                            .collect::<Vec<_>>()
                            .join(" ");
                        names_speaker(&opening, &claims[k], actors)
                    }
                };
                let before = p.saturating_sub(link::LINK_WINDOW)..p;
                before
                    .clone()
                    .rev()
                    .find(opens_with_denier)
                    .or_else(|| before.rev().find(names_denier))
                    .or_else(|| (p + 1..k).rev().find(names_denier))
            }
            _ => None,
        };
        if let Some(j) = better {
            atts[k].points_back = Some(j);
            claims[k].content = claims[j].content.clone();
            claims[k].span = claims[j].span;
            claims[k].quoted = None;
        }
    }
}

/// Whether a denial's cue ends on a word for someone's version of events
/// ("rejected the account", "dismissed the reports").
fn points_at_account(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "account" | "accounts" | "version" | "narrative" | "report" | "reports" | "claim" | "claims"
            )
        })
}

/// Whether `content` names the speaker of `claim`: its side, or the words
/// it was named with ("a rocket misfired by the Palestinian Islamic Jihad
/// group" names Islamic Jihad).
fn names_speaker(content: &str, claim: &Claim, actors: &Actors) -> bool {
    let side = actors.side(&claim.claimant);
    if actors.sides_named(content).contains(&side) {
        return true;
    }
    let lower = content.to_lowercase();
    [Some(claim.claimant.as_str()), claim.mention.as_deref()]
        .into_iter()
        .flatten()
        .map(|name| {
            name.trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_lowercase()
        })
        .filter(|name| name.len() >= 3 && !matches!(name.as_str(), "he" | "she" | "it" | "they" | "its" | "their"))
        .any(|name| {
            lower.match_indices(&name).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + name.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
        })
}

/// The attributions that make claims: those of reviewed cues and of learned
/// cues with a share of at least [`CLAIM_MIN_LEARNED_SHARE`].
fn claim_attributions(text: &str, atts: Vec<Attribution>) -> Vec<Attribution> {
    let quotations = Cover::new(atts.iter().filter(|a| a.quoted).map(|a| a.content.clone()));
    // (Questions put to someone hold no claims and frame none.)
    let contents = Cover::new(atts.iter().filter(|a| !a.question).map(|a| a.content.clone()));
    let mut cues: Vec<usize> = atts.iter().filter(|a| !a.question).map(|a| a.cue.start).collect();
    cues.sort_unstable();
    keep(atts, |_, a| {
        // "The agency said A, according to a statement": the statement is
        // where the claim was said, not a claimant of its own.
        let lower = a.cue_text.to_lowercase();
        let holds_a_cue = cues.partition_point(|&c| c < a.content.start) < cues.partition_point(|&c| c < a.content.end);
        let frames_a_claim = (lower.starts_with("according to") || lower.starts_with("as per"))
            && a.cue.start >= a.content.end
            && holds_a_cue;
        // "“…, and we have repeatedly urged Kabul to …,” he stated": the
        // quoted speaker's own "we" or "I" is part of the quotation.
        let quoted_first_person = matches!(text[a.source.clone()].trim().to_lowercase().as_str(), "we" | "i")
            && quotations.covers(a.cue.start);
        // "ISPR claimed that intelligence reports confirmed …": the evidence
        // cited is part of the claim that cites it.
        let cited_evidence = a.evidence && contents.covers(a.cue.start);
        // "Reuters reported that the ministry said …": the outlet carries
        // the ministry's claim and makes none of its own.
        let relays_a_claim = holds_a_cue && is_outlet(&text[a.source.clone()]);
        // "Hanoi tells a different story": what it tells follows.
        let another_story = matches!(
            text[a.content.clone()].trim().to_lowercase().as_str(),
            "a different story"
                | "another story"
                | "a different account"
                | "a different version"
                | "a very different story"
        );
        !a.loose
            && !another_story
            && !a.question
            && a.learned.is_none_or(|s| s >= CLAIM_MIN_LEARNED_SHARE)
            && !quoted_first_person
            && !cited_evidence
            && !frames_a_claim
            && !relays_a_claim
    })
}

/// The content of an asserting claim as worded in the text: its first
/// piece, run on to the end of the piece that continues its sentence past
/// the source ("The strike, officials said, killed four people"). A
/// claim's content is one stretch of text; the span output keeps the
/// pieces apart, as PolNeAR marks them.
fn continued(text: &str, a: &Attribution) -> std::ops::Range<usize> {
    a.more
        .iter()
        .filter(|m| {
            // (Right after the comma that closes the source: a quotation
            // resumed, "…,'' he said. ''…", is no continuation.)
            m.start >= a.content.end && {
                let gap = &text[a.content.end..m.start];
                !gap.contains('\n') && gap.trim_end().ends_with(',')
            }
        })
        .map(|m| a.content.start..m.end)
        .next()
        .unwrap_or_else(|| a.content.clone())
}

/// Claims that one attribution holds apart, as claim files record them
/// (the span output keeps one attribution):
/// - "“A,” the president said. “B.”": the quotation that resumes after the
///   cue is a claim of its own by the same speaker, asserting (a clause
///   that goes on after "he said" without quotation marks stays part of its
///   content);
/// - "said A, and that B": each complement of the verb is a claim, with
///   the verb's stance.
fn claims_apart(text: &str, atts: Vec<Attribution>) -> Vec<Attribution> {
    let atts = each_side_apart(text, atts);
    // (A quotation that goes on in the same sentence, "“This is,” he said,
    // “an act of war.”", is the rest of the first, joined to it when the
    // claim is written: see [`resumed_quotation`].)
    let opens_quotation = |joined: Option<&std::ops::Range<usize>>, r: &std::ops::Range<usize>| {
        text[..r.start].ends_with(['“', '"']) && joined != Some(r)
    };
    let seconds: Vec<_> = atts.iter().map(|a| second_complement(text, a)).collect();
    // Where each attribution lands once the claims are inserted after it,
    // to map the links between attributions.
    let mut new_index = Vec::with_capacity(atts.len());
    let mut next = 0;
    for (a, second) in atts.iter().zip(&seconds) {
        new_index.push(next);
        next += 1 + usize::from(second.is_some()) + {
            let joined = resumed_quotation(text, a);
            a.more.iter().filter(|r| opens_quotation(joined.as_ref(), r)).count()
        };
    }
    if next == atts.len() {
        return atts;
    }
    let mut out = Vec::with_capacity(next);
    for (mut a, second) in atts.into_iter().zip(seconds) {
        a.points_back = a.points_back.map(|p| new_index[p]);
        a.continues = a.continues.map(|p| new_index[p]);
        let parent = out.len();
        let second = second.map(|(first_end, second)| {
            let b = Attribution {
                content: second,
                points_back: None,
                continues: Some(parent),
                more: Vec::new(),
                ..a.clone()
            };
            a.content.end = first_end;
            b
        });
        let joined = resumed_quotation(text, &a);
        let (quotations, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut a.more)
            .into_iter()
            .partition(|r| opens_quotation(joined.as_ref(), r));
        a.more = rest;
        let resumed: Vec<Attribution> = quotations
            .into_iter()
            .map(|content| Attribution {
                content,
                quoted: true,
                // (What the speaker goes on to say: "“We reject it,” he
                // said. “Our forces were not there.”")
                stance: Stance::Asserts,
                accused: None,
                points_back: None,
                continues: Some(parent),
                more: Vec::new(),
                answers_accusation: false,
                ..a.clone()
            })
            .collect();
        out.push(a);
        out.extend(second);
        out.extend(resumed);
    }
    out
}

/// "Chinese state media quoted an unnamed official as saying": the side
/// of the outlet that quoted the official, named right before the cue.
fn quoting_side(text: &str, a: &Attribution, actors: &Actors) -> Option<String> {
    if !a.cue_text.to_lowercase().starts_with("quoted") || a.source.start < a.cue.start {
        return None;
    }
    let before = &text[..a.cue.start];
    let start = before.rfind(['.', ',', ';', '\n']).map_or(0, |p| p + 1);
    let words: Vec<&str> = before[start..].split_whitespace().collect();
    let outlet = words[words.len().saturating_sub(4)..].join(" ");
    match actors.sides_named(&outlet).as_slice() {
        [side] => Some(side.clone()),
        _ => None,
    }
}

/// Words for the two sides of a reciprocal accusation that names neither
/// ("each side blamed the other for …").
const EACH_SIDE: &[&str] = &[
    "each side",
    "both sides",
    "each",
    "both",
    "each country",
    "both countries",
    "each party",
    "both parties",
];

/// Words that open the content of "each side blamed the other for A":
/// the rest is what both sides share.
const THE_OTHER: &[&str] = &[
    "the other for ",
    "the other of ",
    "each other for ",
    "each other of ",
    "one another for ",
];

/// "Each side blamed the other for A": one accusation per side, as "Armenia
/// and Azerbaijan blame each other for A" writes them (the two sides are
/// found once the claimants are, [`each_side_named`]). The cue runs to the
/// preposition, the content after it.
fn each_side_apart(text: &str, atts: Vec<Attribution>) -> Vec<Attribution> {
    let reciprocal = |a: &Attribution| {
        let source = text[a.source.clone()].trim().to_lowercase();
        (a.stance == Stance::Asserts && (EACH_SIDE.contains(&source.as_str()) || two_named_each(&source).is_some()))
            .then(|| {
                THE_OTHER
                    .iter()
                    .find(|p| {
                        text[a.content.clone()]
                            .get(..p.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(p))
                    })
                    .map(|p| p.len())
            })
            .flatten()
    };
    if !atts.iter().any(|a| reciprocal(a).is_some()) {
        return atts;
    }
    let mut new_index = Vec::with_capacity(atts.len());
    let mut next = 0;
    for a in &atts {
        new_index.push(next);
        next += 1 + usize::from(reciprocal(a).is_some());
    }
    let mut out = Vec::with_capacity(next);
    for mut a in atts {
        a.points_back = a.points_back.map(|p| new_index[p]);
        a.continues = a.continues.map(|p| new_index[p]);
        if let Some(len) = reciprocal(&a) {
            a.cue_text = format!(
                "{} {}",
                a.cue_text,
                text[a.content.start..a.content.start + len].trim_end()
            );
            a.content.start += len;
            a.accuse = true;
            // ("the army and the RSF each blaming the other": each names
            // its side.)
            let source = &text[a.source.clone()];
            let lead = source.len() - source.trim_start().len();
            match two_named_each(&source.trim().to_lowercase()) {
                Some((first, second)) => {
                    let start = a.source.start + lead;
                    out.push(Attribution {
                        source: start..start + first.end,
                        ..a.clone()
                    });
                    a.source = start + second.start..start + second.end;
                }
                None => out.push(a.clone()),
            }
        }
        out.push(a);
    }
    out
}

/// For "the army and the RSF each", the byte ranges of the two names in
/// the (trimmed, lower-cased) source.
fn two_named_each(source: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let names = source.strip_suffix(" each")?;
    let and = names.find(" and ")?;
    (and > 0 && names.len() > and + 5 && !names[and + 5..].contains(" and ")).then(|| (0..and, and + 5..names.len()))
}

/// The two sides of each pair of claims [`each_side_apart`] wrote: the
/// first two sides the article names before them (the headline and lede
/// name the parties). Left as they are when it names fewer.
fn each_side_named(text: &str, atts: &[Attribution], claims: &mut [Claim], actors: &Actors) {
    let mut k = 0;
    while k + 1 < claims.len() {
        let pair = |c: &Claim| EACH_SIDE.contains(&c.mention.as_deref().unwrap_or(&c.claimant).to_lowercase().as_str());
        if pair(&claims[k])
            && pair(&claims[k + 1])
            && claims[k].content == claims[k + 1].content
            && atts[k].source == atts[k + 1].source
        {
            let sides = actors.sides_named(&text[..atts[k].source.start]);
            if let [first, second, ..] = sides.as_slice() {
                for (c, side) in claims[k..k + 2].iter_mut().zip([first, second]) {
                    if c.mention.is_none() {
                        c.mention = Some(c.claimant.clone());
                    }
                    c.claimant = side.clone();
                }
            }
            k += 2;
        } else {
            k += 1;
        }
    }
}

/// Whether the quotation at `r` goes on with the sentence that a quotation
/// before it began: it opens right after the comma that closes the source
/// ("“This is,” he said, “an act of war.”"), not after a full stop.
fn quotation_goes_on(text: &str, r: &std::ops::Range<usize>) -> bool {
    text[..r.start].trim_end_matches(['“', '"']).trim_end().ends_with(',')
}

/// The rest of a quoted content that the source interrupts ("“This is,”
/// he said, “an act of war.”"): the quotation resumed in the same sentence,
/// when the first piece ends with a comma inside its quotation marks.
fn resumed_quotation(text: &str, a: &Attribution) -> Option<std::ops::Range<usize>> {
    if !a.quoted || !text[a.content.end..].starts_with([',']) {
        return None;
    }
    a.more
        .iter()
        .find(|m| {
            m.start > a.content.end
                && text[..m.start].ends_with(['“', '"'])
                && quotation_goes_on(text, m)
                && !text[a.content.end..m.start].contains('\n')
        })
        .cloned()
}

/// For "A, and that B" as a content (not a quotation, not a denial that
/// points back): where A ends and B's range.
fn second_complement(text: &str, a: &Attribution) -> Option<(usize, std::ops::Range<usize>)> {
    if a.quoted || a.points_back.is_some() {
        return None;
    }
    let content = &text[a.content.clone()];
    let at = content.find(" and that ")?;
    let first_end = a.content.start + content[..at].trim_end_matches([',', ' ']).len();
    let second = a.content.start + at + " and that ".len()..a.content.end;
    (first_end > a.content.start && text[second.clone()].split_whitespace().count() >= 2).then_some((first_end, second))
}

/// Byte ranges indexed to tell whether any of them covers a position.
struct Cover {
    /// (start, end), sorted.
    ranges: Vec<(usize, usize)>,
    /// The furthest end among the ranges up to each one.
    reach: Vec<usize>,
}

impl Cover {
    fn new(ranges: impl Iterator<Item = std::ops::Range<usize>>) -> Self {
        let mut ranges: Vec<(usize, usize)> = ranges.map(|r| (r.start, r.end)).collect();
        ranges.sort_unstable();
        let reach = ranges
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = e.max(*m);
                Some(*m)
            })
            .collect();
        Cover { ranges, reach }
    }

    /// Whether some range holds byte `at`.
    fn covers(&self, at: usize) -> bool {
        self.ranges
            .partition_point(|&(s, _)| s <= at)
            .checked_sub(1)
            .is_some_and(|q| self.reach[q] > at)
    }
}

/// Folds runs of white space (line breaks inside a quotation) to one space.
fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests;
