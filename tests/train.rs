//! `claimtrack train` and `--model FILE` as a user runs them, on the tiny
//! BRAT corpus in tests/fixtures/train: four documents in which the made-up
//! verb "blorped" is a cue five times. The built-in model has never seen
//! it, so finding it proves the trained file is what extraction used.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const CORPUS: &str = "tests/fixtures/train";

fn claimtrack() -> Command {
    Command::cargo_bin("claimtrack").unwrap()
}

fn train(output: &Path) {
    claimtrack()
        .args(["train", "--corpus", CORPUS, "-o"])
        .arg(output)
        .assert()
        .success()
        .stderr(predicate::str::contains("trained on 4 documents"));
}

/// The claims `extract` finds in `article`, with the model file if given.
fn extract(article: &Path, model: Option<&Path>) -> String {
    let mut cmd = claimtrack();
    cmd.arg("extract");
    if let Some(m) = model {
        cmd.arg("--model").arg(m);
    }
    let out = cmd.arg(article).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn training_is_deterministic_and_the_model_loads_and_extracts() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one.model"), tmp.path().join("two.model"));
    train(&one);
    train(&two);
    let bytes = std::fs::read(&one).unwrap();
    assert_eq!(
        bytes,
        std::fs::read(&two).unwrap(),
        "two trainings gave different bytes"
    );
    assert!(bytes.starts_with(b"claimtrack-model/3\n"));
    let table = String::from_utf8_lossy(&bytes[..bytes.len().min(600)]).into_owned();
    assert!(table.contains("\nblorped\t5\t5\n"), "{table}");

    let article = tmp.path().join("a.txt");
    std::fs::write(
        &article,
        "The council blorped that the road will reopen. Ana said that the school is closed.\n",
    )
    .unwrap();
    let trained = extract(&article, Some(&one));
    assert!(trained.contains("cue: blorped"), "{trained}");
    assert!(trained.contains("content: the road will reopen"), "{trained}");
    assert!(trained.contains("content: the school is closed"), "{trained}");
    let builtin = extract(&article, None);
    assert!(
        !builtin.contains("blorped\n"),
        "the built-in model knows no such cue:\n{builtin}"
    );
    assert!(builtin.contains("content: the school is closed"), "{builtin}");
}

#[test]
fn training_never_replaces_a_model_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let model = tmp.path().join("m.model");
    std::fs::write(&model, "kept").unwrap();
    claimtrack()
        .args(["train", "--corpus", CORPUS, "-o"])
        .arg(&model)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&model).unwrap(), "kept");
    claimtrack()
        .args(["train", "--force", "--corpus", CORPUS, "-o"])
        .arg(&model)
        .assert()
        .success();
    assert!(std::fs::read(&model).unwrap().starts_with(b"claimtrack-model/3\n"));
}

#[test]
fn a_model_file_that_is_not_one_is_refused_with_its_path() {
    let tmp = tempfile::tempdir().unwrap();
    let article = tmp.path().join("a.txt");
    std::fs::write(&article, "Ana said that the school is closed.\n").unwrap();
    for (name, bytes) in [
        ("junk.model", &b"junk\n"[..]),
        ("truncated.model", &b"claimtrack-model/3\n\xff\xff"[..]),
    ] {
        let model = tmp.path().join(name);
        std::fs::write(&model, bytes).unwrap();
        claimtrack()
            .arg("extract")
            .arg("--model")
            .arg(&model)
            .arg(&article)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "claimtrack: {}: ",
                model.display()
            )));
    }
    claimtrack()
        .arg("extract")
        .arg("--model")
        .arg(tmp.path().join("missing.model"))
        .arg(&article)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read model"));
}
