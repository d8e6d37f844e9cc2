//! One date for an article everywhere (issue #17, item 4): `history` and
//! `report` date an article by the rule of `claimtrack::article::article_date`
//! (`published`, else the date the id starts with, and no date for an id
//! such as `2025-03-031-x`, which does not start with a date).

use assert_cmd::Command;
use claimtrack::article::article_date;
use serde_json::Value;
use std::collections::BTreeMap;

const FILES: &[(&str, &str)] = &[
    // `published` wins over the date in the id.
    (
        "2025-03-01-first",
        "  published: 2025-03-02\nclaims:\n  - id: c1\n    claimant: Pakistan\n    stance: asserts\n    content: militants operate from Afghan soil\n",
    ),
    // No `published`: the date the id starts with.
    (
        "2025-03-05-second",
        "claims:\n  - id: c1\n    claimant: Afghanistan\n    stance: denies\n    content: militants operate from Afghan soil\n    rebuts: [2025-03-01-first#c1]\n",
    ),
    // Starts with digits that are not a date followed by a separator.
    (
        "2025-03-031-third",
        "claims:\n  - id: c1\n    claimant: Pakistan\n    stance: asserts\n    content: terrorists operate from Afghan territory\n",
    ),
];

fn expected() -> BTreeMap<String, Option<String>> {
    FILES
        .iter()
        .map(|(id, text)| {
            let published = text
                .strip_prefix("  published: ")
                .map(|t| chrono::NaiveDate::parse_from_str(&t[..10], "%Y-%m-%d").unwrap());
            (id.to_string(), article_date(id, published).map(|d| d.to_string()))
        })
        .collect()
}

fn json(args: &[&str]) -> Value {
    let out = Command::cargo_bin("claimtrack").unwrap().args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn history_and_report_date_articles_alike() {
    let dir = tempfile::tempdir().unwrap();
    for (id, rest) in FILES {
        let text = format!("schema: claimtrack/1\narticle:\n  id: {id}\n{rest}");
        std::fs::write(dir.path().join(format!("{id}.yaml")), text).unwrap();
    }
    let want = expected();
    assert_eq!(want["2025-03-01-first"].as_deref(), Some("2025-03-02"));
    assert_eq!(want["2025-03-05-second"].as_deref(), Some("2025-03-05"));
    assert_eq!(want["2025-03-031-third"], None);
    let d = dir.path().to_str().unwrap();

    let history = json(&["history", "2025-03-01-first#c1", d, "--format", "json"]);
    let appearances = history["appearances"].as_array().unwrap();
    assert_eq!(appearances.len(), 3, "{history}");
    for a in appearances {
        let article = a["claim"].as_str().unwrap().split('#').next().unwrap();
        assert_eq!(a["date"].as_str(), want[article].as_deref(), "history: {a}");
    }

    let report = json(&["report", d, "--all", "--format", "json"]);
    for a in report["articles"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        assert_eq!(a["published"].as_str(), want[id].as_deref(), "report article: {a}");
    }
    let mut claims = 0;
    for dispute in report["disputes"].as_array().unwrap() {
        for c in dispute["claims"].as_array().unwrap() {
            let c = c.as_object().unwrap();
            assert_eq!(
                c["date"].as_str(),
                want[c["article"].as_str().unwrap()].as_deref(),
                "report claim: {c:?}"
            );
            claims += 1;
        }
    }
    assert!(claims > 0, "{report}");
}
