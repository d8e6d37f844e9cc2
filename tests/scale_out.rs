//! The scale-out recipe of the README: GNU parallel splits a JSON Lines file
//! into blocks, each block goes through `claimtrack extract - --format jsonl`,
//! and the joined output equals the single-process run byte for byte.

use assert_cmd::Command;
use std::process::Stdio;

fn jsonl_corpus() -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/claims/articles/2025-04-16-pakistan-afghanistan-jcc.txt"
    ))
    .unwrap();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    (0..60)
        .map(|i| {
            // Each line a different article: a rotating window of paragraphs.
            let body: Vec<&str> = (0..5).map(|k| paragraphs[(i + k) % paragraphs.len()]).collect();
            let line = serde_json::json!({
                "id": format!("art-{i:03}"),
                "published": "2025-04-16",
                "source": "Dawn",
                "text": body.join("\n\n"),
            });
            format!("{line}\n")
        })
        .collect()
}

#[test]
fn gnu_parallel_pipe_equals_single_process() {
    if std::process::Command::new("parallel")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        // .ci/run installs it: in CI a skip would hide a test that never ran.
        assert!(
            std::env::var_os("CI").is_none(),
            "GNU parallel is not installed, and CI must run this test (apt-get install parallel)"
        );
        eprintln!("skipped: GNU parallel is not installed (apt-get install parallel)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, jsonl_corpus()).unwrap();
    let single = Command::cargo_bin("claimtrack")
        .unwrap()
        .args(["extract", "--format", "jsonl", "--quiet"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(single.status.success());
    let bin = env!("CARGO_BIN_EXE_claimtrack");
    let piped = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "parallel --will-cite --pipe -k -N 7 '{bin} extract - --format jsonl --quiet' < '{}'",
            input.display()
        ))
        .output()
        .unwrap();
    assert!(piped.status.success(), "{}", String::from_utf8_lossy(&piped.stderr));
    assert_eq!(String::from_utf8(single.stdout.clone()).unwrap().lines().count(), 60);
    assert_eq!(piped.stdout, single.stdout);
}

#[test]
fn output_is_identical_for_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, jsonl_corpus()).unwrap();
    let run = |jobs: &str| {
        let out = Command::cargo_bin("claimtrack")
            .unwrap()
            .args(["extract", "--format", "jsonl", "-q", "-j", jobs])
            .arg(&input)
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = run("1");
    assert_eq!(run("2"), one);
    assert_eq!(run("3"), one);
}

#[test]
fn a_bad_line_is_reported_and_the_run_goes_on_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"Officials said the border would reopen on Monday.\"}\n{\"id\": \"b\"}\n{\"id\": \"c\", \"text\": \"The ministry said the talks had ended.\"}\n",
    )
    .unwrap();
    let out = Command::cargo_bin("claimtrack")
        .unwrap()
        .args(["extract", "--format", "jsonl", "-q"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mixed.jsonl:2: not a JSON article object: missing field `text`"),
        "{stderr}"
    );
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "c"]);
}
