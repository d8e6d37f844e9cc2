//! The entry points that fuzzing (`fuzz/`, cargo-fuzz) and the stable
//! stress test (`tests/stress.rs`) drive, with the properties they check.
//! Each function panics when a property fails, which is what a fuzzer
//! reports as a crash.

use crate::actors::Actors;
use crate::article::Article;
use crate::check::{self, Checked};
use crate::claim::ClaimFile;
use crate::extract;
use std::path::Path;

/// Any bytes as an article: reading and extracting never panic; the claim
/// file written reads back equal and passes `check` without errors.
pub fn extract_article(data: &[u8]) {
    let Ok(article) = Article::from_bytes(data, Some("fuzz".to_string()), Path::new("fuzz.txt")) else {
        return;
    };
    let file = extract::extract(&article, &Actors::default(), None);
    round_trip(&file);
}

/// Any bytes as a claim file: `check` never panics; a file it accepts,
/// written in canonical form, reads back equal and is accepted again.
pub fn check_claim_file(data: &[u8]) {
    let report = check::check_bytes(Path::new("fuzz.yaml"), data);
    for f in &report.files {
        if let Checked::Claims(_, file) = f {
            round_trip(file);
        }
    }
}

/// Any bytes as a claim file to format: a file `check` accepts is either
/// left alone, refused, or formatted into text that reads back as the same
/// claims (in id order) and that a second `fmt` leaves unchanged.
pub fn fmt_claim_file(data: &[u8]) {
    let report = check::check_bytes(Path::new("fuzz.yaml"), data);
    let Some(Checked::Claims(_, file)) = report.files.first() else {
        return;
    };
    let text = std::str::from_utf8(data).expect("check accepted it, so it is UTF-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(crate::fmt::Outcome::Changed(once)) = crate::fmt::format(text, file) else {
        return;
    };
    let back: ClaimFile =
        serde_yaml::from_str(&once).unwrap_or_else(|e| panic!("formatted file does not parse: {e}\n{once}"));
    let mut sorted = file.clone();
    sorted.claims.sort_by(|a, b| crate::fmt::id_order(&a.id, &b.id));
    assert_eq!(back, sorted, "formatted file reads back different:\n{once}");
    assert_eq!(
        crate::fmt::format(&once, &back),
        Ok(crate::fmt::Outcome::Unchanged),
        "a second fmt changes the file:\n{once}"
    );
}

/// Any bytes as JSON Lines input: reading never panics, every article it
/// yields has an id that is a plain file name (no path, never hidden), and
/// extracting it writes a claim file that reads back equal.
pub fn read_jsonl(data: &[u8]) {
    let mut articles = Vec::new();
    let _ = crate::batch::read_jsonl(data, Path::new("fuzz.jsonl"), &mut |item| {
        if let Ok(a) = item {
            articles.push(a);
        }
    });
    for article in articles {
        assert!(
            crate::article::unsafe_id(&article.id).is_none(),
            "unsafe id accepted: {:?}",
            article.id
        );
        let file = extract::extract(&article, &Actors::default(), None);
        round_trip(&file);
    }
}

fn round_trip(file: &ClaimFile) {
    let yaml = file.to_yaml(&["fuzz"]);
    let back: ClaimFile =
        serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("written file does not parse: {e}\n{yaml}"));
    assert_eq!(&back, file, "written file reads back different:\n{yaml}");
    let report = check::check_bytes(Path::new(&format!("{}.yaml", file.article.id)), yaml.as_bytes());
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "written file fails check: {errors:?}\n{yaml}");
}
