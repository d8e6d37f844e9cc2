//! Every example of README.md and docs/*.md runs as a reader would run it on
//! a fresh clone, so an example that stops working fails the suite.
//!
//! - A fenced block whose first line starts with `$ ` is a transcript: each
//!   `$ COMMAND` runs with `sh` in a temporary copy of the repository's
//!   example files (claims/, tests/fixtures/, examples/), with the built
//!   `claimtrack` first on PATH, and its stdout and stderr together must be
//!   the lines under it. A line holding only `…` stands for any number of
//!   lines. `DOC_EXAMPLES=overwrite cargo test --test doc_examples`
//!   writes what the commands print into the documents instead (not where
//!   an output holds `…`): review the diff before committing it.
//! - Any other `sh`/`console` block, and any untagged block whose lines call
//!   `claimtrack`, is a recipe that needs what a clone lacks (cargo's build,
//!   GNU parallel, Spark, the corpora of ../shared; tests/scale_out.rs and
//!   tests/spark.rs run the first two): each `claimtrack` command in it must
//!   name a command that exists and only options that command has.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fenced block of a document.
struct Block {
    /// `FILE:LINE` of the opening fence.
    at: String,
    /// The line of the opening fence, counted from 0.
    fence: usize,
    /// The info string (`sh`, `console`, or empty).
    lang: String,
    lines: Vec<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and docs/*.md, in name order.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    docs.insert(0, root().join("README.md"));
    docs
}

fn blocks(path: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (n, line) in text.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(lang)) => {
                open = Some(Block {
                    at: format!("{name}:{}", n + 1),
                    fence: n,
                    lang: lang.trim().to_string(),
                    lines: Vec::new(),
                })
            }
            (Some(_), Some(_)) => out.push(open.take().unwrap()),
            (Some(b), None) => b.lines.push(line.to_string()),
            (None, None) => {}
        }
    }
    out
}

/// A copy of the files examples use, as a clone has them.
fn fresh_clone() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["claims", "tests/fixtures", "examples"] {
        copy_tree(&root().join(sub), &dir.path().join(sub));
    }
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_claimtrack"))
}

/// stdout and stderr of `command` run by `sh` in `dir`.
fn run(command: &str, dir: &Path) -> String {
    let path = format!(
        "{}:{}",
        binary().parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} 2>&1"))
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Whether `actual` is `expected`, a line `…` in `expected` standing for
/// any number of lines.
fn matches(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e.trim() == "…" => (0..=actual.len()).any(|k| matches(rest, &actual[k..])),
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a.trim_end() == e.trim_end() && matches(rest, more)),
    }
}

/// Each `$ COMMAND` of a transcript with the lines it should print and
/// the index in the block of the first of them.
fn transcript(b: &Block) -> Vec<(String, Vec<&str>, usize)> {
    let mut steps: Vec<(String, Vec<&str>, usize)> = Vec::new();
    for (i, line) in b.lines.iter().enumerate() {
        match line.strip_prefix("$ ") {
            Some(cmd) => steps.push((cmd.to_string(), Vec::new(), i + 1)),
            None => steps.last_mut().expect("a transcript starts with `$ `").1.push(line),
        }
    }
    steps
}

#[test]
fn every_transcript_prints_what_the_docs_show() {
    let overwrite = std::env::var("DOC_EXAMPLES").is_ok_and(|v| v == "overwrite");
    let mut ran = 0;
    let mut failures = Vec::new();
    for doc in documents() {
        // (first line, lines replaced, new lines) of each output to overwrite.
        let mut edits: Vec<(usize, usize, Vec<String>)> = Vec::new();
        for b in blocks(&doc)
            .iter()
            .filter(|b| b.lines.first().is_some_and(|l| l.starts_with("$ ")))
        {
            // One fresh copy per block: a block's commands may build on each other.
            let dir = fresh_clone();
            for (cmd, expected, first) in transcript(b) {
                let actual = run(&cmd, dir.path());
                let actual: Vec<&str> = actual.lines().collect();
                ran += 1;
                if overwrite && !expected.iter().any(|l| l.trim() == "…") {
                    let lines = actual.iter().map(|l| l.to_string()).collect();
                    edits.push((b.fence + 1 + first, expected.len(), lines));
                } else if !matches(&expected, &actual) {
                    failures.push(format!(
                        "{}: `{cmd}` printed\n{}\n--- the document shows\n{}",
                        b.at,
                        actual.join("\n"),
                        expected.join("\n")
                    ));
                }
            }
        }
        if !edits.is_empty() {
            let text = std::fs::read_to_string(&doc).unwrap();
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            for (at, n, new) in edits.into_iter().rev() {
                lines.splice(at..at + n, new);
            }
            std::fs::write(&doc, lines.join("\n") + "\n").unwrap();
        }
    }
    assert!(
        ran >= 15,
        "only {ran} transcript commands found: did the docs' fences change?"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The `claimtrack` commands of a recipe line (after `$ `, `|`, `&&`, `;`
/// or inside quotes), as argument lists without the program name.
fn claimtrack_calls(line: &str) -> Vec<Vec<String>> {
    let line = line.split(" #").next().unwrap();
    let mut calls = Vec::new();
    for part in line.split(['|', ';', '\'', '"']).flat_map(|p| p.split("&&")) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let Some(at) = words
            .iter()
            .position(|w| *w == "claimtrack" || w.ends_with("/claimtrack"))
        else {
            continue;
        };
        // `--binary target/release/claimtrack` names the program, not a call.
        if at > 0 && words[at - 1].starts_with("--") {
            continue;
        }
        calls.push(words[at + 1..].iter().map(|w| w.to_string()).collect());
    }
    calls
}

/// The options `claimtrack ARGS… --help` lists, or None when the command
/// does not exist.
fn options_of(command: &[String]) -> Option<String> {
    let out = Command::new(binary()).args(command).arg("--help").output().unwrap();
    out.status.success().then(|| String::from_utf8(out.stdout).unwrap())
}

#[test]
fn every_recipe_calls_commands_and_options_that_exist() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for doc in documents() {
        for b in blocks(&doc) {
            if b.lines.first().is_some_and(|l| l.starts_with("$ ")) || !matches!(b.lang.as_str(), "sh" | "console" | "")
            {
                continue;
            }
            // Lines continued with `\` are one command.
            let joined = b.lines.join("\n").replace("\\\n", " ");
            for line in joined.lines() {
                for args in claimtrack_calls(line) {
                    // The command path: words up to the first option or operand
                    // that `--help` rejects as a subcommand.
                    let mut path: Vec<String> = Vec::new();
                    for w in args.iter().take_while(|w| !w.starts_with('-')) {
                        let mut longer = path.clone();
                        longer.push(w.clone());
                        let help = options_of(&longer);
                        if help.is_none() || !w.chars().all(|c| c.is_ascii_lowercase()) {
                            break;
                        }
                        path = longer;
                    }
                    if path.is_empty() {
                        failures.push(format!("{}: `claimtrack {}`: no such command", b.at, args.join(" ")));
                        continue;
                    }
                    let help = options_of(&path).unwrap();
                    for opt in args.iter().filter(|w| w.starts_with("--")) {
                        let name = opt.split('=').next().unwrap().trim_start_matches('[');
                        let name = name.trim_end_matches(']');
                        if !help.contains(&format!("{name} ")) && !help.contains(&format!("{name}\n")) {
                            failures.push(format!(
                                "{}: `claimtrack {}` has no option {name}",
                                b.at,
                                path.join(" ")
                            ));
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 10, "only {checked} recipe commands found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_elision_matches_any_lines() {
    assert!(matches(&["a", "…", "d"], &["a", "b", "c", "d"]));
    assert!(matches(&["a", "  …"], &["a"]));
    assert!(!matches(&["a", "…", "d"], &["a", "b"]));
    assert!(!matches(&["a"], &["a", "b"]));
}
