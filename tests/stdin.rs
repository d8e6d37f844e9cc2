//! `-` reads stdin wherever a command reads a claim file: check, report,
//! history, link, actors, fmt (stdin to stdout) and either side of diff;
//! commands that edit files in place refuse it.

use assert_cmd::Command;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn jcc_claims() -> String {
    std::fs::read_to_string(root().join("claims/2025-04-16-pakistan-afghanistan-jcc.yaml")).unwrap()
}

/// (exit code, stdout, stderr) of claimtrack ARGS with `input` on stdin,
/// run in the repository's root.
fn run(args: &[&str], input: &str) -> (i32, String, String) {
    let out = Command::cargo_bin("claimtrack")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_reads_a_claim_file_from_stdin_and_names_it_in_diagnostics() {
    let (code, out, err) = run(&["check", "-"], &jcc_claims());
    assert_eq!(code, 0);
    assert!(
        out.starts_with("ok: 1 file, 15 claims, no problems, 1 warning"),
        "{out}"
    );
    // Stdin has no directory: `text` is relative to the current one.
    assert!(
        err.starts_with("<stdin>:11:9: warning: `text` names `articles/"),
        "{err}"
    );

    let bad = jcc_claims().replacen("stance: asserts", "stance: assert", 1);
    let (code, _, err) = run(&["check", "-"], &bad);
    assert_eq!(code, 1);
    assert!(err.contains("<stdin>:") && err.contains("`stance` must be"), "{err}");
    assert!(err.contains("1 problem in 1 file checked"), "{err}");
}

#[test]
fn check_resolves_references_from_stdin_to_the_files_beside_it() {
    let other = "schema: claimtrack/1\narticle:\n  id: later\nclaims:\n  - id: c1\n    claimant: Afghanistan\n    stance: denies\n    content: these armed groups operate from within Afghan soil\n    rebuts: [2025-04-16-pakistan-afghanistan-jcc#c2]\n";
    let (code, out, err) = run(&["check", "-", "claims/"], other);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let (code, _, err) = run(&["check", "-"], other);
    assert_eq!(code, 0);
    assert!(err.contains("<stdin>:9:") && err.contains("warning"), "{err}");
}

#[test]
fn report_history_link_and_actors_read_stdin() {
    let claims = jcc_claims();
    let (code, out, _) = run(&["report", "-", "--width", "100"], &claims);
    assert_eq!(code, 0);
    assert!(
        out.contains("15 claims, 2 contested, 1 dispute, over 1 article"),
        "{out}"
    );

    let (code, out, _) = run(&["history", "2025-04-16-pakistan-afghanistan-jcc#c2", "-"], &claims);
    assert_eq!(code, 0);
    assert!(
        out.contains("these armed groups operate from within Afghan soil"),
        "{out}"
    );

    let (code, out, _) = run(&["link", "-", "--format", "json"], &claims);
    assert_eq!(code, 0);
    assert!(out.contains("\"links\""), "{out}");

    let (code, out, _) = run(&["actors", "-"], &claims);
    assert_eq!(code, 0);
    assert!(out.contains("claimant") && out.contains("Pakistan"), "{out}");
}

#[test]
fn fmt_formats_stdin_onto_stdout_and_check_says_whether_it_would() {
    let canonical = jcc_claims();
    let (code, out, err) = run(&["fmt", "-"], &canonical);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, canonical);
    let (code, out, _) = run(&["fmt", "--check", "-"], &canonical);
    assert_eq!((code, out.as_str()), (0, ""));

    // Keys out of order: formatting puts `claimant` before `stance` again.
    let shuffled = canonical.replacen(
        "    claimant: officials\n    cue: said\n",
        "    cue: said\n    claimant: officials\n",
        1,
    );
    assert_ne!(shuffled, canonical);
    let (code, out, _) = run(&["fmt", "-"], &shuffled);
    assert_eq!((code, out), (0, canonical.clone()));
    let (code, out, err) = run(&["fmt", "--check", "-"], &shuffled);
    assert_eq!((code, out.as_str()), (1, "<stdin>\n"));
    assert!(err.contains("1 file would be reformatted"), "{err}");

    let (code, _, err) = run(&["fmt", "-", "claims/"], &canonical);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn diff_takes_stdin_as_either_side_claims_or_article() {
    let (code, out, err) = run(
        &["diff", "-", "claims/2025-04-16-pakistan-afghanistan-jcc.yaml"],
        &jcc_claims(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("repeated (15)"), "{out}");

    let article =
        std::fs::read_to_string(root().join("claims/articles/2025-04-16-pakistan-afghanistan-jcc.txt")).unwrap();
    let (code, out, err) = run(
        &["diff", "claims/2025-04-16-pakistan-afghanistan-jcc.yaml", "-"],
        &article,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("repeated ("), "{out}");

    let (code, _, err) = run(&["diff", "-", "-"], "");
    assert_eq!(code, 2, "{err}");
}

#[test]
fn commands_that_edit_in_place_refuse_stdin() {
    for args in [
        &["review", "-"][..],
        &["link", "-", "--write"],
        &["actors", "-", "--write"],
        &["diff", "claims/", "-", "--write"],
    ] {
        let (code, _, err) = run(args, &jcc_claims());
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("claimtrack: -: "), "{err}");
    }
}
