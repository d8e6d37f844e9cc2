//! The commands as a user runs them: extract, report, exit codes.

use assert_cmd::Command;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn jcc() -> PathBuf {
    root().join("claims/articles/2025-04-16-pakistan-afghanistan-jcc.txt")
}

fn claimtrack() -> Command {
    let mut c = Command::cargo_bin("claimtrack").unwrap();
    c.env_remove("NO_COLOR").env_remove("COLUMNS");
    c
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn extract_prints_the_claim_file_of_the_example() {
    let (code, stdout, stderr) = run(claimtrack()
        .current_dir(root())
        .args(["extract", "claims/articles/2025-04-16-pakistan-afghanistan-jcc.txt"])
        .args(["--actors", "claims/actors.yaml"]));
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("extract_jcc", stdout);
}

#[test]
fn extracted_file_reads_back_equal_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(claimtrack().arg("extract").arg(jcc()).arg("-o").arg(dir.path()));
    assert_eq!(code, 0, "{stderr}");
    let path = dir.path().join("2025-04-16-pakistan-afghanistan-jcc.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let file: claimtrack::claim::ClaimFile = serde_yaml::from_str(&text).unwrap();
    // Written by the tool and read back: equal field for field, byte for byte.
    let again = file.to_yaml(&[]);
    assert!(text.ends_with(&again), "canonical writer is stable");
    let back: claimtrack::claim::ClaimFile = serde_yaml::from_str(&again).unwrap();
    assert_eq!(back, file);
    assert_eq!(file.article.published.unwrap().to_string(), "2025-04-16");
    // The text path is relative to the claim file and points at the article.
    let text_path = dir.path().join(file.article.text.as_deref().unwrap());
    assert_eq!(
        std::fs::canonicalize(text_path).unwrap(),
        std::fs::canonicalize(jcc()).unwrap()
    );
    let (code, stdout, stderr) = run(claimtrack().arg("check").arg(dir.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: 1 file, "));
}

#[test]
fn extract_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("2025-04-16-pakistan-afghanistan-jcc.yaml");
    std::fs::write(&target, "# my edits\n").unwrap();
    let (code, _, stderr) = run(claimtrack().arg("extract").arg(jcc()).arg("-o").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("already exists; not overwriting it (use --force to replace it)"),
        "{stderr}"
    );
    assert!(stderr.contains("2025-04-16-pakistan-afghanistan-jcc.yaml"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# my edits\n");
    let (code, _, _) = run(claimtrack()
        .arg("extract")
        .arg(jcc())
        .arg("-o")
        .arg(dir.path())
        .arg("--force"));
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("schema: claimtrack/1")
    );
}

#[test]
fn extract_uses_actors_file_in_the_output_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("actors.yaml"),
        "schema: claimtrack-actors/1\nactors:\n  - name: Kabul government\n    aliases: [Afghan officials]\n",
    )
    .unwrap();
    let (code, _, stderr) = run(claimtrack().arg("extract").arg(jcc()).arg("-o").arg(dir.path()));
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(dir.path().join("2025-04-16-pakistan-afghanistan-jcc.yaml")).unwrap();
    assert!(
        text.contains("claimant: Kabul government\n    mention: Afghan officials"),
        "{text}"
    );
}

#[test]
fn extract_from_stdin_names_the_article_by_date_and_title() {
    let (code, stdout, _) = run(claimtrack()
        .args(["extract", "-"])
        .write_stdin("date 2025-03-14 India rejects allegation. India has rejected the claims made by Pakistan that it had a hand in the attack, officials said."));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("  id: 2025-03-14-india-rejects-allegation\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  published: 2025-03-14\n"));
}

#[test]
fn extract_reports_a_bad_article_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xff\xfe binary").unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = run(claimtrack().arg("extract").arg(&bad).arg(jcc()).arg("-o").arg(&out));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("bad.txt: not UTF-8 text (invalid byte at line 1, column 1, offset 0)"),
        "{stderr}"
    );
    assert!(out.join("2025-04-16-pakistan-afghanistan-jcc.yaml").exists());
}

#[test]
fn report_all_lists_uncontested_claims_too() {
    let (_, contested, _) = run(claimtrack()
        .current_dir(root())
        .args(["report", "claims", "--width", "200"]));
    let (_, all, _) = run(claimtrack()
        .current_dir(root())
        .args(["report", "claims", "--all", "--width", "200"]));
    assert!(!contested.contains("Abdul Salam Jawad (Afghanistan) told"));
    assert!(
        all.contains("Abdul Salam Jawad (Afghanistan) told: “a delegation from the Afghan Ministry"),
        "{all}"
    );
}

#[test]
fn report_refuses_invalid_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.yaml"),
        "schema: claimtrack/1\narticle: {id: x}\nclaims:\n  - id: c1\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(claimtrack().arg("report").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("x.yaml:4:5: a claim is missing the required field `claimant`"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run(claimtrack().args(["report", "--format", "pdf"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'pdf'"));
    let (code, _, _) = run(claimtrack().arg("frobnicate"));
    assert_eq!(code, 2);
}

#[test]
fn several_inputs_need_an_output_directory() {
    // Two files: one named twice is one input (each file is taken once).
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::copy(jcc(), &other).unwrap();
    let (code, _, stderr) = run(claimtrack().arg("extract").arg(jcc()).arg(&other));
    assert_eq!(code, 1);
    assert!(stderr.contains("use -o DIR"), "{stderr}");
}
