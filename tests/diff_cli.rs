//! `claimtrack diff` and `claimtrack history` as a user runs them.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const ACTORS: &str = "schema: claimtrack-actors/1
actors:
  - name: Pakistan
    aliases: [Islamabad, Pakistani officials]
  - name: Afghanistan
    aliases: [Kabul, Afghan officials]
  - name: Abdul Qahar Balkhi
    member_of: Afghanistan
";

const OLD: &str = "schema: claimtrack/1
article:
  id: 2025-03-11-old
  published: 2025-03-11
claims:
  - id: c1
    claimant: Pakistan
    stance: asserts
    content: militants operate from Afghan soil
  - id: c2
    claimant: Afghanistan
    stance: asserts
    content: the Torkham crossing will reopen on Monday
  - id: c3
    claimant: Pakistan
    stance: asserts
    content: India had a hand in the train hijacking
  - id: c4
    claimant: United Nations
    stance: asserts
    content: millions of people are at risk of hunger
";

/// A claim file a person edited: comments everywhere, odd quoting and
/// spacing, a block list. `diff --write` must leave all of it alone.
const NEW: &str = "# Reviewed by hand on 2025-03-12.   Odd   spacing   stays.
schema: claimtrack/1 # format
article:
  id: 2025-03-12-new     # the file stem
  title: 'Kabul: \"baseless\"'
  published: 2025-03-12
claims:
  # Pakistan again, in other words.
  - id: c1
    claimant: Islamabad
    stance: asserts
    content: \"terrorists use Afghan territory\"   # quoted on purpose
    note: |
      a block note
      on two lines
  - id: 'c2'
    claimant: Afghanistan
    stance: denies
    content: militants operate from Afghan soil


  - id: c3   # same side, other voice
    claimant: Abdul Qahar Balkhi
    stance: asserts
    content: the Torkham crossing would reopen on Monday
  - id: c4
    claimant: Pakistan
    stance: denies
    content: India had a hand in the train hijacking
  - id: c5
    claimant: Shakirullah Safi
    stance: asserts
    content: perishable goods were at risk
    supports:
      - c1
# end of file
";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).unwrap();
    std::fs::write(claims.join("actors.yaml"), ACTORS).unwrap();
    std::fs::write(claims.join("2025-03-11-old.yaml"), OLD).unwrap();
    std::fs::write(claims.join("2025-03-12-new.yaml"), NEW).unwrap();
    dir
}

fn claimtrack(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("claimtrack").unwrap();
    cmd.current_dir(dir);
    cmd
}

#[test]
fn diff_prints_the_groups() {
    let dir = setup();
    claimtrack(dir.path())
        .args(["diff", "claims/2025-03-11-old.yaml", "claims/2025-03-12-new.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "repeated (1)\n  2025-03-11-old#c1 ~ 2025-03-12-new#c1",
        ))
        .stdout(predicate::str::contains(
            "echoed (1)\n  2025-03-11-old#c2 ~ 2025-03-12-new#c3",
        ))
        .stdout(predicate::str::contains("new (1)\n  2025-03-12-new#c5"))
        .stdout(predicate::str::contains(
            "newly contested (1)\n  2025-03-12-new#c2 rebuts 2025-03-11-old#c1",
        ))
        .stdout(predicate::str::contains(
            "changed position (1)\n  2025-03-11-old#c3 ~ 2025-03-12-new#c4",
        ))
        .stdout(predicate::str::contains("not repeated (1)\n  2025-03-11-old#c4"));
}

#[test]
fn diff_json_has_the_documented_structure() {
    let dir = setup();
    let out = claimtrack(dir.path())
        .args([
            "diff",
            "--format",
            "json",
            "claims/2025-03-11-old.yaml",
            "claims/2025-03-12-new.yaml",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["repeated"][0]["old"], "2025-03-11-old#c1");
    assert_eq!(j["repeated"][0]["new"], "2025-03-12-new#c1");
    assert!(j["repeated"][0]["similarity"].as_f64().unwrap() > 0.5);
    assert_eq!(j["echoed"][0]["new"], "2025-03-12-new#c3");
    assert_eq!(j["new"], serde_json::json!(["2025-03-12-new#c5"]));
    assert_eq!(
        j["newly_contested"],
        serde_json::json!([{
            "old": "2025-03-11-old#c1",
            "new": "2025-03-12-new#c2",
            "relation": "rebuts",
            "similarity": 1.0,
            "why": {
                "claimants": "other sides: Pakistan / Afghanistan",
                "polarity": "old asserts, new denies (stance denies)",
                "shared_terms": ["afghanistan", "militant", "oper", "soil"]
            }
        }])
    );
    assert_eq!(j["repeated"][0]["why"]["claimants"], "same claimant");
    assert_eq!(j["changed_position"][0]["old"], "2025-03-11-old#c3");
    assert_eq!(j["not_repeated"], serde_json::json!(["2025-03-11-old#c4"]));
}

#[test]
fn diff_write_adds_links_and_keeps_every_other_byte() {
    let dir = setup();
    let new_path = dir.path().join("claims/2025-03-12-new.yaml");
    claimtrack(dir.path())
        .args([
            "diff",
            "--write",
            "claims/2025-03-11-old.yaml",
            "claims/2025-03-12-new.yaml",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 links added"));
    let expected = NEW
        .replace(
            "    note: |\n      a block note\n      on two lines\n",
            "    same_as: [2025-03-11-old#c1]\n    note: |\n      a block note\n      on two lines\n",
        )
        .replace(
            "    content: militants operate from Afghan soil\n\n\n",
            "    content: militants operate from Afghan soil\n    rebuts: [2025-03-11-old#c1]\n\n\n",
        );
    assert_eq!(std::fs::read_to_string(&new_path).unwrap(), expected);
    // The edited directory is still valid, references resolved.
    claimtrack(dir.path()).args(["check", "claims"]).assert().success();
    // Running it again adds nothing and changes nothing.
    claimtrack(dir.path())
        .args([
            "diff",
            "--write",
            "claims/2025-03-11-old.yaml",
            "claims/2025-03-12-new.yaml",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to record"));
    assert_eq!(std::fs::read_to_string(&new_path).unwrap(), expected);
}

#[test]
fn diff_of_an_article_text_extracts_it() {
    let dir = setup();
    std::fs::write(
        dir.path().join("later.txt"),
        "Islamabad said militants operate from Afghan soil. Kabul rejected the claim.\n",
    )
    .unwrap();
    let out = claimtrack(dir.path())
        .args(["diff", "--format", "json", "claims/2025-03-11-old.yaml", "later.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["repeated"][0]["old"], "2025-03-11-old#c1", "{j}");
    assert!(j["repeated"][0]["new"].as_str().unwrap().starts_with("later#"));
    // Links cannot be written into an article text.
    claimtrack(dir.path())
        .args(["diff", "--write", "claims/2025-03-11-old.yaml", "later.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--write needs NEW to be a claim file"));
}

#[test]
fn diff_of_directories() {
    let dir = setup();
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::rename(
        dir.path().join("claims/2025-03-11-old.yaml"),
        other.join("2025-03-11-old.yaml"),
    )
    .unwrap();
    claimtrack(dir.path())
        .args(["diff", "other", "claims"])
        .assert()
        .success()
        .stdout(predicate::str::contains("repeated (1)"));
}

#[test]
fn bad_input_names_the_file_and_place() {
    let dir = setup();
    std::fs::write(
        dir.path().join("claims/2025-03-12-new.yaml"),
        NEW.replace("stance: denies", "stance: maybe"),
    )
    .unwrap();
    claimtrack(dir.path())
        .args(["diff", "claims/2025-03-11-old.yaml", "claims/2025-03-12-new.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("2025-03-12-new.yaml:"))
        .stderr(predicate::str::contains("stance"));
    let before = std::fs::read_to_string(dir.path().join("claims/2025-03-12-new.yaml")).unwrap();
    claimtrack(dir.path())
        .args([
            "diff",
            "--write",
            "claims/2025-03-11-old.yaml",
            "claims/2025-03-12-new.yaml",
        ])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claims/2025-03-12-new.yaml")).unwrap(),
        before,
        "a file with problems is never written"
    );
    claimtrack(dir.path())
        .args(["diff", "claims/2025-03-11-old.yaml", "missing.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.yaml"));
}

#[test]
fn history_by_reference_and_by_words() {
    let dir = setup();
    claimtrack(dir.path())
        .args(["history", "2025-03-11-old#c1", "claims"])
        .assert()
        .success()
        .stdout(predicate::str::contains("History of 2025-03-11-old#c1"))
        .stdout(predicate::str::contains("2025-03-11  claim"))
        .stdout(predicate::str::contains(
            "2025-03-12  repeated         2025-03-12-new#c1",
        ))
        .stdout(predicate::str::contains(
            "2025-03-12  rebutted         2025-03-12-new#c2",
        ))
        .stdout(predicate::str::contains(
            "2025-03-12  supported        2025-03-12-new#c5",
        ));
    let out = claimtrack(dir.path())
        .args([
            "history",
            "--format",
            "json",
            "militants operate from Afghan soil",
            "claims",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let roles: Vec<(&str, &str)> = j["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["claim"].as_str().unwrap(), a["role"].as_str().unwrap()))
        .collect();
    assert_eq!(j["claim"], roles[0].0);
    assert!(roles.contains(&("2025-03-12-new#c1", "repeated")), "{roles:?}");
    claimtrack(dir.path())
        .args(["history", "2025-03-11-old#c9", "claims"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("names no claim"));
}

/// The README's diff example is the real output of the real command on the
/// files in `tests/fixtures/diff-example/`, run from the repository's root.
#[test]
fn readme_diff_example_is_the_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let start = "```console\n$ claimtrack diff tests/fixtures/diff-example/";
    let block = &readme[readme.find(start).expect("README has the diff example") + "```console\n".len()..];
    let block = &block[..block.find("```\n").unwrap()];
    let (command, expected) = block.split_once('\n').unwrap();
    let args: Vec<&str> = command.strip_prefix("$ claimtrack ").unwrap().split(' ').collect();
    let out = Command::cargo_bin("claimtrack")
        .unwrap()
        .current_dir(root)
        .args(&args)
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), expected);
}
