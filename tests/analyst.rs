//! An analyst's working day (issue 19): dates, incremental extraction,
//! conventions (completions, man page, colours, help, errors), actors,
//! confidence and review.

use assert_cmd::Command;
use std::path::Path;

fn claimtrack() -> Command {
    let mut c = Command::cargo_bin("claimtrack").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
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

const ARTICLE: &str = "Pakistan said militants operate from Afghan soil. Afghan officials denied the claim.\n";

/// `dir/arts/NAME` holding `text`.
fn article(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir.join("arts")).unwrap();
    std::fs::write(dir.join("arts").join(name), text).unwrap();
}

#[test]
fn a_dated_file_name_gives_published() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "2025-03-03-x.txt", ARTICLE);
    let (code, out, err) = run(claimtrack()
        .current_dir(dir.path())
        .args(["extract", "arts/2025-03-03-x.txt"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\n  published: 2025-03-03\n"), "{out}");
    // Extracted claims carry a confidence and no `reviewed`.
    assert!(out.contains("    confidence: "), "{out}");
    assert!(!out.contains("reviewed"), "{out}");
}

#[test]
fn published_source_and_url_describe_one_article() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "x.txt", ARTICLE);
    let (code, out, err) = run(claimtrack().current_dir(dir.path()).args([
        "extract",
        "arts/x.txt",
        "--published",
        "2025-04-01",
        "--source",
        "Dawn",
        "--url",
        "https://example.org/x",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("  published: 2025-04-01\n  source: Dawn\n  url: https://example.org/x\n"),
        "{out}"
    );
    article(dir.path(), "y.txt", ARTICLE);
    let (code, _, err) = run(claimtrack()
        .current_dir(dir.path())
        .args(["extract", "arts", "-o", "claims", "--source", "Dawn"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("claimtrack: --published, --source and --url describe one article"),
        "{err}"
    );
}

#[test]
fn skip_existing_extracts_only_new_articles() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "2025-03-03-a.txt", ARTICLE);
    let (code, _, err) = run(claimtrack()
        .current_dir(dir.path())
        .args(["extract", "arts", "-o", "claims"]));
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read(dir.path().join("claims/2025-03-03-a.yaml")).unwrap();
    article(dir.path(), "2025-03-04-b.txt", ARTICLE);
    let (code, _, err) =
        run(claimtrack()
            .current_dir(dir.path())
            .args(["extract", "arts", "-o", "claims", "--skip-existing"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote claims/2025-03-04-b.yaml (2 claims)"), "{err}");
    assert!(err.contains("skipped 1 article with a claim file already"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("claims/2025-03-03-a.yaml")).unwrap(),
        before
    );
    let yaml: Vec<_> = std::fs::read_dir(dir.path().join("claims"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "yaml"))
        .collect();
    assert_eq!(yaml.len(), 2);
    let b = std::fs::read_to_string(dir.path().join("claims/2025-03-04-b.yaml")).unwrap();
    assert!(b.contains("  text: ../arts/2025-03-04-b.txt\n"), "{b}");
}

#[test]
fn text_is_relative_to_the_file_stdout_is_redirected_to() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.txt", ARTICLE);
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let target = std::fs::File::create(dir.path().join("claims/a.yaml")).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimtrack"))
        .current_dir(dir.path())
        .args(["extract", "arts/a.txt"])
        .stdout(target)
        .status()
        .unwrap();
    assert!(status.success());
    let written = std::fs::read_to_string(dir.path().join("claims/a.yaml")).unwrap();
    assert!(written.contains("  text: ../arts/a.txt\n"), "{written}");
    // On a pipe: relative to the current directory.
    let (_, out, _) = run(claimtrack().current_dir(dir.path()).args(["extract", "arts/a.txt"]));
    assert!(out.contains("  text: arts/a.txt\n"), "{out}");
    let (code, _, err) = run(claimtrack().current_dir(dir.path()).args(["check", "claims/a.yaml"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn completions_and_man_page() {
    let (code, out, _) = run(claimtrack().args(["completions", "bash"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("complete -F _claimtrack"),
        "{}",
        &out[..200.min(out.len())]
    );
    assert!(out.contains("review"));
    let (code, out, _) = run(claimtrack().args(["completions", "zsh"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("#compdef claimtrack"));
    let (code, out, _) = run(claimtrack().arg("man"));
    assert_eq!(code, 0);
    assert!(out.contains(".TH claimtrack 1"), "{}", &out[..200.min(out.len())]);
    assert!(out.contains("completions"));
}

#[test]
fn help_has_examples_and_user_commands_first() {
    let (code, out, _) = run(claimtrack().arg("--help"));
    assert_eq!(code, 0);
    assert!(out.contains("Examples:\n  claimtrack extract article.txt"), "{out}");
    let at = |cmd: &str| {
        out.find(&format!("\n  {cmd} "))
            .unwrap_or_else(|| panic!("{cmd} in {out}"))
    };
    for user in ["extract", "review", "check", "actors", "report", "diff"] {
        assert!(
            at(user) < at("train") && at(user) < at("eval"),
            "{user} after train/eval:\n{out}"
        );
    }
    assert!(out.contains("--color <WHEN>"));
}

#[test]
fn colours_follow_color_no_color_and_clicolor_force() {
    let root = env!("CARGO_MANIFEST_DIR");
    let report = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = claimtrack();
        c.current_dir(root).args(["report", "claims/"]).args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        run(&mut c).1.contains('\x1b')
    };
    assert!(!report(&[], &[]), "piped: no colour");
    assert!(report(&["--color", "always"], &[]));
    assert!(report(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!report(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!report(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
}

#[test]
fn columns_is_honoured_when_piped() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (_, wide, _) = run(claimtrack().current_dir(root).args(["report", "claims/"]));
    let (_, narrow, _) = run(claimtrack()
        .current_dir(root)
        .env("COLUMNS", "80")
        .args(["report", "claims/"]));
    let widest = |s: &str| s.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest(&narrow) <= 80, "{narrow}");
    assert!(widest(&wide) > 80);
}

#[test]
fn one_error_style_and_right_plurals() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(claimtrack().current_dir(dir.path()).args(["extract", "missing.txt"]));
    assert_eq!(code, 1);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
    assert!(err.starts_with("claimtrack: missing.txt: "), "{err}");
    std::fs::write(
        dir.path().join("a.yaml"),
        "schema: claimtrack/1\narticle:\n  id: a\nclaims:\n  - id: c1\n    claimant: X\n    stance: deny\n    content: y\n",
    )
    .unwrap();
    let (code, _, err) = run(claimtrack().current_dir(dir.path()).args(["check", "a.yaml"]));
    assert_eq!(code, 1);
    assert!(err.ends_with("1 problem in 1 file checked\n"), "{err}");
}

#[test]
fn undated_articles_left_out_by_a_date_filter_are_named() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "2025-03-03-a.txt", ARTICLE);
    article(dir.path(), "undated.txt", ARTICLE);
    let (code, _, err) = run(claimtrack()
        .current_dir(dir.path())
        .args(["extract", "arts", "-o", "claims"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(claimtrack()
        .current_dir(dir.path())
        .args(["report", "claims", "--since", "2025-01-01"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 article without a date: undated"), "{err}");
}

/// A claims directory with an actors file that knows Pakistan, and a claim
/// of `Pakstan`.
fn with_typo(dir: &Path) {
    article(dir, "2025-03-03-a.txt", ARTICLE);
    let (code, _, err) = run(claimtrack().current_dir(dir).args(["extract", "arts", "-o", "claims"]));
    assert_eq!(code, 0, "{err}");
    let p = dir.join("claims/2025-03-03-a.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("claimant: Pakistan", "claimant: Pakstan")).unwrap();
    std::fs::write(
        dir.join("claims/actors.yaml"),
        "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan   # kept\n    kind: state\n",
    )
    .unwrap();
}

#[test]
fn check_warns_on_a_claimant_close_to_an_actor() {
    let dir = tempfile::tempdir().unwrap();
    with_typo(dir.path());
    for target in ["claims", "claims/2025-03-03-a.yaml"] {
        let (code, out, err) = run(claimtrack().current_dir(dir.path()).args(["check", target]));
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("warning: claimant `Pakstan` is no actor of the actors file; did you mean `Pakistan`?"),
            "{err}"
        );
        assert!(out.contains("1 warning"), "{out}");
    }
}

#[test]
fn actors_lists_unresolved_claimants_and_writes_losslessly() {
    let dir = tempfile::tempdir().unwrap();
    with_typo(dir.path());
    let (code, out, err) = run(claimtrack().current_dir(dir.path()).args(["actors", "claims"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Afghanistan  (unresolved)"), "{out}");
    assert!(out.contains("did you mean `Pakistan` for `Pakstan`?"), "{out}");
    assert!(out.contains("new actor Afghanistan"), "{out}");
    let (code, _, err) = run(claimtrack()
        .current_dir(dir.path())
        .args(["actors", "claims", "--write"]));
    assert_eq!(code, 0, "{err}");
    let actors = std::fs::read_to_string(dir.path().join("claims/actors.yaml")).unwrap();
    assert_eq!(
        actors,
        "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan   # kept\n    kind: state\n  - name: Afghanistan\n"
    );
    let (_, out, _) = run(claimtrack().current_dir(dir.path()).args(["actors", "claims"]));
    assert!(out.contains("Afghanistan  Afghanistan"), "{out}");
}

/// Runs `claimtrack review` in tmux, typing `keys` one by one as the
/// screens come. Under CI=true a missing tmux fails the test.
fn review_in_tmux(dir: &Path, keys: &[&str]) -> Option<String> {
    if std::process::Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is missing; .ci/run installs it"
        );
        eprintln!("skipped: tmux is missing (apt-get install tmux)");
        return None;
    }
    let socket = dir.join("tmux.sock");
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(args)
            .output()
            .unwrap()
    };
    let bin = assert_cmd::cargo::cargo_bin("claimtrack");
    let log = dir.join("review.log");
    let script = format!(
        "cd '{}' && NO_COLOR=1 '{}' review claims 2>'{}'; echo exit=$? >>'{}'; sleep 30",
        dir.display(),
        bin.display(),
        log.display(),
        log.display()
    );
    tmux(&["new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", &script]);
    let screen = || String::from_utf8(tmux(&["capture-pane", "-p"]).stdout).unwrap();
    let wait_for = |what: &str| {
        for _ in 0..100 {
            if screen().contains(what) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("never saw {what:?} on:\n{}", screen());
    };
    for key in keys {
        wait_for("[a]ccept");
        tmux(&["send-keys", key]);
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    for _ in 0..100 {
        if std::fs::read_to_string(&log).is_ok_and(|l| l.contains("exit=")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    tmux(&["kill-server"]);
    Some(std::fs::read_to_string(&log).unwrap())
}

#[test]
fn review_accepts_corrects_and_rejects_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    with_typo(dir.path());
    let file = dir.path().join("claims/2025-03-03-a.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    assert!(before.contains("  - id: c1\n    claimant: Pakstan\n"), "{before}");
    // c1: correct the claimant (clear the line, type), accept; c2: reject.
    let Some(log) = review_in_tmux(dir.path(), &["c", "C-u", "Pakistan", "Enter", "a", "r", "y"]) else {
        return;
    };
    assert!(
        log.contains("accepted 0, corrected 1, rejected 1, skipped 0; 0 left to review"),
        "{log}"
    );
    assert!(log.contains("exit=0"), "{log}");
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains("    claimant: Pakistan\n"), "{after}");
    assert!(after.contains("    reviewed: true\n"), "{after}");
    assert!(!after.contains("id: c2"), "{after}");
    // The header comments survive.
    assert!(after.starts_with("# yaml-language-server"), "{after}");
    let (code, _, err) = run(claimtrack().current_dir(dir.path()).args(["check", "claims"]));
    assert_eq!(code, 0, "{err}");
    let (_, _, err) = run(claimtrack().current_dir(dir.path()).args(["review", "claims"]));
    assert!(err.contains("nothing to review"), "{err}");
}
