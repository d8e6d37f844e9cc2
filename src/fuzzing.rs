//! The two entry points that fuzzing (`fuzz/`, cargo-fuzz) and the stable
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
