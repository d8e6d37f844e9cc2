//! `claimtrack check`: one test per diagnostic, as a user runs it.

use assert_cmd::Command;
use std::path::Path;

const GOOD: &str = "\
schema: claimtrack/1
article:
  id: a
  published: 2025-04-16
claims:
  - id: c1
    claimant: Pakistan
    stance: asserts
    content: armed groups operate from Afghan soil
  - id: c2
    claimant: Afghanistan
    stance: denies
    content: armed groups operate from Afghan soil
    rebuts: [c1]
";

/// Writes `files` into a fresh directory and runs `check` on it.
fn check(files: &[(&str, &str)]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = Command::cargo_bin("claimtrack")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs `check` on GOOD with `from` replaced by `to` in a.yaml and returns
/// stderr, asserting exit status 1.
fn problem(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "fixture lacks {from:?}");
    let (code, stdout, stderr) = check(&[("a.yaml", &GOOD.replacen(from, to, 1))]);
    assert_eq!(code, 1, "stderr: {stderr}");
    assert!(stdout.is_empty());
    stderr
}

#[test]
fn valid_directory_prints_a_summary_and_exits_0() {
    let (code, stdout, stderr) = check(&[("a.yaml", GOOD)]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "ok: 1 file, 2 claims, no problems\n");
}

#[test]
fn bundled_claims_are_valid() {
    let out = Command::cargo_bin("claimtrack")
        .unwrap()
        .args(["check", "claims"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn unknown_field_with_suggestion() {
    let err = problem("    rebuts: [c1]", "    rebut: [c1]");
    assert!(
        err.contains("./a.yaml:14:5: unknown field `rebut` in a claim, did you mean `rebuts`?"),
        "{err}"
    );
}

#[test]
fn missing_content() {
    let err = problem(
        "    content: armed groups operate from Afghan soil\n  - id: c2",
        "  - id: c2",
    );
    assert!(
        err.contains("./a.yaml:6:5: a claim is missing the required field `content`"),
        "{err}"
    );
}

#[test]
fn bad_stance() {
    let err = problem("stance: denies", "stance: deny");
    assert!(
        err.contains("./a.yaml:12:13: `stance` must be `asserts` or `denies`, found `deny`, did you mean `denies`?"),
        "{err}"
    );
}

#[test]
fn duplicate_id() {
    let err = problem("  - id: c2", "  - id: c1");
    assert!(
        err.contains("./a.yaml:10:9: duplicate claim id `c1` (first used on line 6)"),
        "{err}"
    );
}

#[test]
fn dangling_reference_in_the_same_file() {
    let err = problem("rebuts: [c1]", "rebuts: [c7]");
    assert!(
        err.contains("./a.yaml:14:14: `rebuts` refers to `c7`, which is not a claim of this file"),
        "{err}"
    );
}

#[test]
fn references_across_files_resolve_or_are_reported() {
    let b = "schema: claimtrack/1\narticle:\n  id: b\nclaims:\n  - id: c1\n    claimant: India\n    stance: denies\n    content: x y\n    rebuts: [a#c1, a#c9, zz#c1]\n";
    let (code, _, err) = check(&[("a.yaml", GOOD), ("b.yaml", b)]);
    assert_eq!(code, 1);
    assert!(!err.contains("`a#c1`"), "{err}");
    assert!(
        err.contains("./b.yaml:9:20: `rebuts` refers to `a#c9`: article `a` has no claim `c9`"),
        "{err}"
    );
    assert!(
        err.contains("./b.yaml:9:26: warning: `rebuts` refers to `zz#c1`: no article `zz` among the checked files"),
        "{err}"
    );
}

#[test]
fn bad_date() {
    let err = problem("published: 2025-04-16", "published: 2025-13-40");
    assert!(
        err.contains("./a.yaml:4:14: `published` must be a date YYYY-MM-DD, found `2025-13-40`"),
        "{err}"
    );
}

#[test]
fn schema_missing() {
    let err = problem("schema: claimtrack/1\n", "");
    assert!(
        err.contains("./a.yaml:1:1: the file is missing the required field `schema`"),
        "{err}"
    );
}

#[test]
fn schema_unknown() {
    let err = problem("schema: claimtrack/1", "schema: claimtrack/9");
    assert!(
        err.contains("./a.yaml:1:9: unknown schema `claimtrack/9` (expected `claimtrack/1`)"),
        "{err}"
    );
}

#[test]
fn yaml_syntax_error_has_a_position() {
    let err = problem("rebuts: [c1]", "rebuts: [c1");
    assert!(err.contains("./a.yaml:15:1: did not find expected ',' or ']'"), "{err}");
}

#[test]
fn duplicate_key_points_at_the_second_key() {
    let err = problem("    stance: asserts\n", "    stance: asserts\n    stance: denies\n");
    assert!(
        err.contains("./a.yaml:9:5: duplicate key `stance` in the same mapping"),
        "{err}"
    );
}

#[test]
fn every_problem_of_every_file_at_once() {
    let bad = GOOD
        .replace("stance: denies", "stance: nope")
        .replace("rebuts: [c1]", "rebuts: [c5]");
    let (code, _, err) = check(&[
        ("a.yaml", &bad),
        ("b.yaml", "schema: claimtrack/1\narticle:\n  idd: b\n"),
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(err.contains("./b.yaml:3:3: unknown field `idd` in `article`, did you mean `id`?"));
    assert!(err.contains("./b.yaml:3:3: `article` is missing the required field `id`"));
    assert_eq!(lines[4], "4 problems in 2 files checked");
}

#[test]
fn actors_file_is_checked_too() {
    let actors = "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan\n    alias: [Islamabad]\n";
    let (code, _, err) = check(&[("actors.yaml", actors)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("./actors.yaml:4:5: unknown field `alias` in an actor, did you mean `aliases`?"),
        "{err}"
    );
}

#[test]
fn missing_path_is_an_error() {
    let out = Command::cargo_bin("claimtrack")
        .unwrap()
        .args(["check", "no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir: no such file or directory"));
}
