//! `claimtrack eval` and `extract --format brat` as a user runs them, on the
//! small fixtures in tests/fixtures/eval (no shared corpus needed).

use assert_cmd::Command;
use predicates::prelude::*;

const FIX: &str = "tests/fixtures/eval";

fn claimtrack() -> Command {
    Command::cargo_bin("claimtrack").unwrap()
}

#[test]
fn eval_spans_prints_table_and_json() {
    claimtrack()
        .args(["eval", "spans", "--gold"])
        .arg(format!("{FIX}/ann"))
        .arg("--text")
        .arg(format!("{FIX}/text"))
        .assert()
        .success()
        .stdout(predicate::str::contains("attribution+source").and(predicate::str::contains("1 documents")));
    let out = claimtrack()
        .args(["eval", "spans", "--format", "json", "--gold"])
        .arg(format!("{FIX}/ann"))
        .arg("--text")
        .arg(format!("{FIX}/text"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["attribution"]["gold"], 2);
    assert_eq!(v["attribution"]["f1"], 1.0, "{v}");
    assert_eq!(v["attribution_source"]["f1"], 1.0, "{v}");
}

#[test]
fn extract_brat_writes_polnear_style_ann() {
    let dir = tempfile::tempdir().unwrap();
    claimtrack()
        .args(["extract", "--format", "brat", "-o"])
        .arg(dir.path())
        .arg(format!("{FIX}/text/a.txt"))
        .assert()
        .success();
    let ann = std::fs::read_to_string(dir.path().join("a.ann")).unwrap();
    assert!(ann.contains("\tSource 0 5\tSmith\n"), "{ann}");
    assert!(ann.contains("\tCue 53 57\ttold\n"), "{ann}");
    assert!(ann.lines().filter(|l| l.starts_with('E')).count() == 2, "{ann}");
}

#[test]
fn eval_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.ann"), "T1\tCue 4 2\tsaid\n").unwrap();
    std::fs::write(dir.path().join("x.txt"), "text").unwrap();
    claimtrack()
        .args(["eval", "spans", "--gold"])
        .arg(dir.path())
        .arg("--text")
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("x.ann:1: T1: bad offsets"));
}
