//! The Spark recipe of the README: `scripts/spark_extract.py` pipes the
//! partitions of a JSON Lines corpus through `claimtrack extract - --format
//! jsonl` in Spark's local mode, and its claims equal the single-process run
//! byte for byte; bad lines are reported with their line and id.
//!
//! The Spark runs take about half a minute each, so they are `#[ignore]`d:
//! `.ci/run` runs them with `cargo test --test spark -- --ignored`, with
//! `CLAIMTRACK_PYTHON` set to the Python of the virtual environment it
//! installs pyspark into. Without pyspark or Java they skip, except under
//! `CI=true`, where they fail.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/spark_extract.py");
const BIN: &str = env!("CARGO_BIN_EXE_claimtrack");

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The Python to run the script with: `CLAIMTRACK_PYTHON`, else python3.
fn python() -> String {
    std::env::var("CLAIMTRACK_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn runs(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether pyspark and a Java runtime are there; under CI their absence fails
/// the test instead of skipping it.
fn spark_available() -> bool {
    let py = python();
    let mut missing = Vec::new();
    if !runs(Command::new(&py).args(["-c", "import pyspark"])) {
        missing.push(format!(
            "pyspark for {py} (set CLAIMTRACK_PYTHON, or pip install pyspark)"
        ));
    }
    let java = std::env::var_os("JAVA_HOME").map_or_else(|| PathBuf::from("java"), |h| Path::new(&h).join("bin/java"));
    if !runs(Command::new(&java).arg("-version")) {
        missing.push(format!(
            "a Java runtime ({}; apt-get install openjdk-17-jre-headless)",
            java.display()
        ));
    }
    if missing.is_empty() {
        return true;
    }
    assert!(!in_ci(), "CI=true and missing: {}", missing.join(", "));
    eprintln!("skipped: missing {}", missing.join(", "));
    false
}

fn python_available() -> bool {
    if runs(Command::new(python()).arg("--version")) {
        return true;
    }
    assert!(!in_ci(), "CI=true and no {} to run the script with", python());
    eprintln!("skipped: no {}", python());
    false
}

fn spark_extract(dir: &Path, args: &[&str]) -> Output {
    Command::new(python())
        .arg(SCRIPT)
        .args(["--master", "local[2]", "--binary", BIN])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// `n` articles made of rotating windows of the bundled article's paragraphs.
fn article_lines(n: usize, prefix: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/claims/articles/2025-04-16-pakistan-afghanistan-jcc.txt"
    ))
    .unwrap();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    (0..n)
        .map(|i| {
            let body: Vec<&str> = (0..1 + i % 6)
                .map(|k| paragraphs[(i * 7 + k) % paragraphs.len()])
                .collect();
            serde_json::json!({
                "id": format!("{prefix}{i:04}"),
                "published": "2025-04-16",
                "source": "Dawn",
                "text": body.join("\n\n"),
            })
        })
        .collect()
}

fn single_process(args: &[&Path], extra: &[&str]) -> Output {
    Command::new(BIN)
        .args(["extract", "--quiet"])
        .args(extra)
        .args(args)
        .output()
        .unwrap()
}

/// The part files of a Spark output directory, in order.
fn part_files(out: &Path) -> Vec<PathBuf> {
    let mut parts: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("part-"))
        .collect();
    parts.sort();
    parts
}

/// Claim lines keyed by their article id (every id once).
fn by_id(jsonl: &[u8]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in String::from_utf8(jsonl.to_vec()).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["article"]["id"].as_str().unwrap().to_string();
        assert!(out.insert(id.clone(), line.to_string()).is_none(), "{id} twice");
    }
    out
}

/// `FILE:LINE` of each bad article in the single-process run's stderr.
fn single_process_errors(stderr: &[u8]) -> Vec<(String, usize)> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("claimtrack: ")?;
            let mut it = rest.splitn(3, ':');
            Some((it.next()?.to_string(), it.next()?.parse().ok()?))
        })
        .collect()
}

fn dir_contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn help_documents_every_option() {
    if !python_available() {
        return;
    }
    let out = Command::new(python()).arg(SCRIPT).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    // Each option with the text that explains it, and the sections on ids,
    // bad articles and exit status.
    for needle in [
        "INPUT",
        "OUTPUT",
        "--master URL",
        "--binary PATH",
        "--partitions N",
        "--yaml-dir DIR",
        "STEM-LINE",
        "_errors.jsonl",
        "exit status:",
        "spark-submit --master",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    let options: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("options:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    for flag in ["--master", "--binary", "--partitions", "--yaml-dir"] {
        let line = options
            .iter()
            .find(|l| l.trim_start().starts_with(flag))
            .unwrap_or_else(|| panic!("{flag} not under options:\n{help}"));
        // The help text starts on the flag's own line.
        assert!(line.split_whitespace().count() > 3, "{flag} has no help: {line}");
    }
}

#[test]
fn usage_errors_exit_2_before_spark_starts() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(python())
            .arg(SCRIPT)
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = run(&["--binary", "/nonexistent/claimtrack", "in.jsonl", "out"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--binary /nonexistent/claimtrack: no such file"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["--partitions", "0", "in.jsonl", "out"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::create_dir(dir.path().join("taken")).unwrap();
    std::fs::write(dir.path().join("taken/x.yaml"), "x").unwrap();
    let out = run(&["--binary", BIN, "--yaml-dir", "taken", "in.jsonl", "out"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yaml-dir taken: exists and is not an empty directory"));
}

#[test]
#[ignore = "starts Spark (about 30 s); .ci/run runs it with --ignored"]
fn local_spark_equals_single_process_and_reports_bad_lines() {
    if !spark_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let mut lines: Vec<String> = article_lines(300, "art-").iter().map(|v| v.to_string()).collect();
    // Articles without an id, or with a null one, are named STEM-LINE.
    for i in [0, 41, 170] {
        let mut v: serde_json::Value = serde_json::from_str(&lines[i]).unwrap();
        v.as_object_mut().unwrap().remove("id");
        lines[i] = v.to_string();
    }
    lines[99] = lines[99].replacen("\"id\":\"art-0099\"", "\"id\":null", 1);
    // Bad lines (and a blank one, which is skipped but counted), spread over
    // the partitions: (line number, id) once inserted.
    lines.insert(10, "{not json".to_string());
    lines.insert(60, String::new());
    lines.insert(120, r#"{"id": "no-text", "title": "Missing"}"#.to_string());
    lines.insert(200, r#"{"id": "blank-text", "text": "   "}"#.to_string());
    lines.insert(250, "[1, 2, 3]".to_string());
    lines.insert(280, r#"{"id": 7, "text": "The minister said so."}"#.to_string());
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let bad_lines = [
        (11, None),
        (121, Some("no-text")),
        (201, Some("blank-text")),
        (251, None),
        (281, None),
    ];

    let single = single_process(&[&input], &["--format", "jsonl"]);
    assert_eq!(single.status.code(), Some(1));
    let expected_errors: Vec<(String, usize)> = bad_lines
        .iter()
        .map(|(l, _)| (input.display().to_string(), *l))
        .collect();
    assert_eq!(single_process_errors(&single.stderr), expected_errors);
    let yaml_single = dir.path().join("yaml-single");
    let out = single_process(&[&input], &["-o", yaml_single.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));

    let started = std::time::Instant::now();
    let out = spark_extract(
        dir.path(),
        &[
            "--partitions",
            "3",
            "--yaml-dir",
            "yaml-spark",
            "articles.jsonl",
            "claims",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("spark run: {:.1} s", started.elapsed().as_secs_f64());
    assert_eq!(out.status.code(), Some(1), "{stderr}");

    // Claims: the same lines as the single-process run, sorted by id, and
    // the part files joined in order are its output byte for byte.
    let claims = dir.path().join("claims");
    let parts = part_files(&claims);
    assert_eq!(parts.len(), 3, "{parts:?}");
    let joined: Vec<u8> = parts.iter().flat_map(|p| std::fs::read(p).unwrap()).collect();
    let spark_by_id = by_id(&joined);
    let single_by_id = by_id(&single.stdout);
    assert_eq!(single_by_id.len(), 300);
    for id in ["articles-1", "articles-43", "articles-102", "articles-174"] {
        assert!(
            single_by_id.contains_key(id),
            "{id} not among {:?}",
            single_by_id.keys()
        );
    }
    assert_eq!(spark_by_id, single_by_id);
    assert!(joined == single.stdout, "same claims, but not in input order");
    // Every partition had articles.
    for p in &parts {
        assert!(std::fs::metadata(p).unwrap().len() > 0, "{} is empty", p.display());
    }

    // Bad lines: on stderr with line and id, and in _errors.jsonl.
    let input_path = input.display().to_string();
    for (line, id) in bad_lines {
        let want = match id {
            Some(id) => format!("spark_extract: {input_path}:{line} [id {id}]: "),
            None => format!("spark_extract: {input_path}:{line}: "),
        };
        assert!(stderr.contains(&want), "no {want:?} in:\n{stderr}");
    }
    assert!(
        stderr.contains("spark_extract: 305 articles in 3 partitions: 300 claim files written to claims, 5 bad"),
        "{stderr}"
    );
    let reported: Vec<serde_json::Value> = std::fs::read_to_string(claims.join("_errors.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(String, usize, Option<String>)> = reported
        .iter()
        .map(|v| {
            (
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap() as usize,
                v["id"].as_str().map(str::to_string),
            )
        })
        .collect();
    let want: Vec<(String, usize, Option<String>)> = bad_lines
        .iter()
        .map(|(l, id)| (input_path.clone(), *l, id.map(str::to_string)))
        .collect();
    assert_eq!(got, want);
    assert!(reported[1]["error"].as_str().unwrap().contains("missing field `text`"));
    assert!(reported[2]["error"].as_str().unwrap().contains("the article is empty"));

    // YAML claim files: the same files, byte for byte, as `extract -o`.
    let yaml_spark = dir_contents(&dir.path().join("yaml-spark"));
    assert_eq!(yaml_spark.len(), 300 + 1, "claim files and the schema");
    assert_eq!(yaml_spark, dir_contents(&yaml_single));
}

#[test]
#[ignore = "starts Spark (about 20 s); .ci/run runs it with --ignored"]
fn a_directory_of_files_without_ids_in_spark_default_partitions() {
    if !spark_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Two files of articles without ids: each is named after its file and
    // line, as `claimtrack extract DIR` names them.
    // A file of one article: Spark splits it in two, and one half is empty.
    for (name, n) in [("b-second.jsonl", 90), ("a-first.jsonl", 120), ("c-one.jsonl", 1)] {
        let lines: Vec<String> = article_lines(n, name)
            .into_iter()
            .map(|mut v| {
                v.as_object_mut().unwrap().remove("id");
                v.to_string()
            })
            .collect();
        std::fs::write(corpus.join(name), lines.join("\n") + "\n").unwrap();
    }
    // Hadoop's marker files are not input.
    std::fs::write(corpus.join("_SUCCESS"), "").unwrap();
    let single = single_process(&[&corpus], &["--format", "jsonl"]);
    assert!(single.status.success());
    let out = spark_extract(dir.path(), &["corpus", "claims"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("211 articles in "), "{stderr}");
    let claims = dir.path().join("claims");
    let joined: Vec<u8> = part_files(&claims)
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect();
    let ids = by_id(&joined);
    for id in ["a-first-1", "a-first-120", "b-second-1", "b-second-90", "c-one-1"] {
        assert!(ids.contains_key(id), "no {id}");
    }
    assert_eq!(ids, by_id(&single.stdout));
    assert!(joined == single.stdout, "same claims, but not in input order");
    assert_eq!(std::fs::read(claims.join("_errors.jsonl")).unwrap(), b"");
}

#[test]
#[ignore = "starts Spark twice (about 25 s); .ci/run runs it with --ignored"]
fn a_failing_or_article_dropping_claimtrack_fails_the_job_and_leaves_no_output() {
    if !spark_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = article_lines(20, "art-").iter().map(|v| v.to_string()).collect();
    std::fs::write(dir.path().join("articles.jsonl"), lines.join("\n") + "\n").unwrap();
    let stand_in = |name: &str, body: &str| {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path.to_str().unwrap().to_string()
    };
    // Stand-ins for the binary: one dies, one loses the third article of
    // each partition without a word.
    let dies = stand_in(
        "dies",
        "#!/bin/sh\n[ \"$1\" = --version ] && { echo claimtrack 0; exit 0; }\ncat >/dev/null\necho 'Error: boom' >&2\nexit 3\n",
    );
    let drops = stand_in(
        "drops",
        "#!/usr/bin/env python3\nimport json, sys\nif sys.argv[1:] == ['--version']:\n    print('claimtrack 0')\n    sys.exit()\nfor i, line in enumerate(sys.stdin):\n    if i != 2:\n        print(json.dumps({'article': {'id': json.loads(line)['id']}}))\n",
    );
    for (binary, want) in [
        (
            dies,
            "spark_extract: the Spark job failed: claimtrack (jsonl run) exited with status 3:\nError: boom",
        ),
        (
            drops,
            "spark_extract: the Spark job failed: claimtrack's output does not account for every article sent: \
             no claim file and no error for stdin lines [3]",
        ),
    ] {
        let out = Command::new(python())
            .arg(SCRIPT)
            .args(["--master", "local[2]", "--binary", &binary, "articles.jsonl", "claims"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(want), "no {want:?} in:\n{stderr}");
        assert!(!dir.path().join("claims").exists(), "a failed job left its output");
    }
}
