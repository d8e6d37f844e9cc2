//! `claimtrack link`: proposals within and across articles, JSON output,
//! and `--write` that adds links losslessly and only once.

use assert_cmd::Command;
use std::path::Path;

fn copy_fixture(dir: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/link");
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
}

fn link(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("claimtrack")
        .unwrap()
        .arg("link")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn proposes_the_denial_of_an_accusation_as_json() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let out = link(dir.path(), &["--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let links = v["links"].as_array().unwrap();
    assert!(
        links.iter().any(|l| l["from"] == "2025-03-01-accusation#c2"
            && l["kind"] == "rebuts"
            && l["to"] == "2025-03-01-accusation#c1"),
        "{v}"
    );
    for l in links {
        let score = l["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{l}");
        assert_ne!(l["from"], l["to"], "{l}");
    }
}

#[test]
fn write_adds_links_keeping_comments_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let path = dir.path().join("2025-03-01-accusation.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = link(dir.path(), &["--write"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("    rebuts: [c1]\n"), "{after}");
    assert!(after.starts_with("# A hand-written file"), "{after}");
    let added: Vec<&str> = after.lines().filter(|l| !before.lines().any(|b| b == *l)).collect();
    assert_eq!(added, ["    rebuts: [c1]"], "only the link is added:\n{after}");

    // Everything proposed is now there: a second run proposes and changes nothing.
    let listed = link(dir.path(), &[]);
    assert_eq!(String::from_utf8_lossy(&listed.stdout), "no new links\n");
    let again = link(dir.path(), &["--write"]);
    assert!(again.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
    let check = Command::cargo_bin("claimtrack")
        .unwrap()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}

#[test]
fn a_hand_written_link_is_kept_and_not_proposed_again() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let p = dir.path().join("2025-03-01-accusation.yaml");
    let text = std::fs::read_to_string(&p).unwrap() + "    counters: [c1]\n";
    std::fs::write(&p, &text).unwrap();
    let out = link(dir.path(), &["--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !v["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["from"] == "2025-03-01-accusation#c2" && l["to"] == "2025-03-01-accusation#c1"),
        "{v}"
    );
}

#[test]
fn invalid_claim_files_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "schema: claimtrack/1\narticle: [\n").unwrap();
    let out = link(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.yaml:"), "{err}");
}
