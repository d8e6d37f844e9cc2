//! `claimtrack fmt` keeps every comment and leaves canonical files alone;
//! `claimtrack schema` describes the files the tool writes and the bundled
//! examples; extracted files point editors at the schema.

use assert_cmd::Command;
use std::path::Path;

fn claimtrack() -> Command {
    Command::cargo_bin("claimtrack").unwrap()
}

const MESSY: &str = "# Reviewed by hand.
schema: claimtrack/1
claims:
  - id: c2
    content: militants enter from Balochistan   # as worded
    claimant: Afghanistan
    stance: asserts
  # c1 was checked twice
  - stance: denies
    id: c1
    claimant: Pakistan
    content: militants enter from Balochistan
article:
  title: Talks
  id: messy
";

fn copy_bundled(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    for e in std::fs::read_dir(&from).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "yaml") {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn fmt_check_lists_files_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_bundled(dir.path());
    let messy = dir.path().join("messy.yaml");
    std::fs::write(&messy, MESSY).unwrap();
    let assert = claimtrack().args(["fmt", "--check"]).arg(dir.path()).assert().code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert_eq!(
        stdout.trim(),
        messy.display().to_string(),
        "only the messy file is listed"
    );
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY);
}

#[test]
fn fmt_reorders_keeping_every_comment_and_leaves_canonical_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    copy_bundled(dir.path());
    let bundled = dir.path().join("2025-04-16-pakistan-afghanistan-jcc.yaml");
    let before = std::fs::read(&bundled).unwrap();
    let mtime = std::fs::metadata(&bundled).unwrap().modified().unwrap();
    let messy = dir.path().join("messy.yaml");
    std::fs::write(&messy, MESSY).unwrap();
    claimtrack().arg("fmt").arg(dir.path()).assert().success();
    assert_eq!(std::fs::read(&bundled).unwrap(), before, "canonical file untouched");
    assert_eq!(
        std::fs::metadata(&bundled).unwrap().modified().unwrap(),
        mtime,
        "not even rewritten"
    );
    let out = std::fs::read_to_string(&messy).unwrap();
    for comment in ["# Reviewed by hand.", "# as worded", "# c1 was checked twice"] {
        assert!(out.contains(comment), "`{comment}` kept:\n{out}");
    }
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} in\n{out}"));
    assert!(
        at("schema:") < at("article:") && at("article:") < at("claims:"),
        "{out}"
    );
    assert!(at("id: messy") < at("title: Talks"), "{out}");
    assert!(at("id: c1") < at("id: c2"), "claims in id order:\n{out}");
    assert!(
        at("# c1 was checked twice") < at("id: c1"),
        "a comment moves with its claim:\n{out}"
    );
    // Formatting is idempotent and the result is valid.
    claimtrack().args(["fmt", "--check"]).arg(dir.path()).assert().success();
    claimtrack().arg("check").arg(dir.path()).assert().success();
}

#[test]
fn fmt_refuses_invalid_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "schema: claimtrack/1\narticle:\n  id: bad\nclaims:\n  - id: c1\n").unwrap();
    claimtrack().arg("fmt").arg(&bad).assert().code(1);
    assert!(std::fs::read_to_string(&bad).unwrap().ends_with("  - id: c1\n"));
}

/// A YAML file as the JSON value a schema validator sees.
fn as_json(path: &Path) -> serde_json::Value {
    let v: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::to_value(v).unwrap()
}

fn validator() -> jsonschema::Validator {
    let out = claimtrack().arg("schema").output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

#[test]
fn bundled_files_validate_against_the_schema() {
    let v = validator();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "yaml") {
            let json = as_json(&e.path());
            let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", e.path().display());
            n += 1;
        }
    }
    assert!(n >= 2, "claim file and actors file checked");
}

#[test]
fn schema_rejects_what_check_rejects() {
    let v = validator();
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "typo",
            "schema: claimtrack/1\narticle:\n  id: typo\nclaims:\n  - id: c1\n    claimant: P\n    stance: denys\n    content: x y\n",
        ),
        (
            "field",
            "schema: claimtrack/1\narticle:\n  id: field\nclaims:\n  - id: c1\n    claimant: P\n    stance: denies\n    content: x y\n    rebut: [c2]\n",
        ),
        (
            "missing",
            "schema: claimtrack/1\narticle:\n  id: missing\nclaims:\n  - id: c1\n    claimant: P\n    stance: denies\n",
        ),
        (
            "actor",
            "schema: claimtrack-actors/1\nactors:\n  - name: P\n    alias: [Q]\n",
        ),
    ] {
        let p = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&p, text).unwrap();
        assert!(!v.is_valid(&as_json(&p)), "{name} passes the schema");
        claimtrack().arg("check").arg(&p).assert().code(1);
    }
}

#[test]
fn extracted_files_point_at_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.txt");
    std::fs::write(&src, "Pakistan maintains that armed groups operate from Afghan soil.\n").unwrap();
    let out = dir.path().join("claims");
    claimtrack()
        .args(["extract", "-o"])
        .arg(&out)
        .arg(&src)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("a.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=claimtrack.schema.json\n"),
        "{text}"
    );
    let schema = std::fs::read_to_string(out.join("claimtrack.schema.json")).unwrap();
    assert_eq!(schema, claimtrack::schema::JSON_SCHEMA);
    assert!(validator().is_valid(&as_json(&out.join("a.yaml"))));
    claimtrack().arg("check").arg(&out).assert().success();
}
