//! Hardening II (issue 18): each test is one case of the issue, and failed
//! on the code before its fix.

use assert_cmd::Command;
use std::path::Path;

fn claimtrack() -> Command {
    Command::cargo_bin("claimtrack").unwrap()
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every entry under `dir`, relative, sorted (hidden ones too).
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            out.push(p.strip_prefix(dir).unwrap().display().to_string());
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

const SAID: &str = "Pakistan maintains that armed groups operate from Afghan soil.";

fn jsonl_line(id: &str) -> String {
    format!("{}\n", serde_json::json!({ "id": id, "text": SAID }))
}

/// Issue 18.1: a JSON Lines id never becomes a path outside `-o`, nor a
/// hidden file, a sub-folder or the actors file; each is refused naming
/// the file and line.
#[test]
fn jsonl_ids_never_become_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let victim = tmp.path().join("victim");
    std::fs::create_dir(&victim).unwrap();
    std::fs::write(victim.join("config.yaml"), "precious\n").unwrap();
    let abs = tmp.path().join("abs");
    let bad = [
        "../victim/config".to_string(),
        format!("{}/x", abs.display()),
        "a/b".into(),
        "actors".into(),
        ".hidden".into(),
        "..".into(),
        String::new(),
        "a\\b".into(),
    ];
    let mut input: String = bad.iter().map(|id| jsonl_line(id)).collect();
    input.push_str(&jsonl_line("fine"));
    let src = tmp.path().join("in.jsonl");
    std::fs::write(&src, input).unwrap();
    let out = tmp.path().join("out");
    let (code, _, stderr) = run(claimtrack()
        .args(["extract", "--force", "--quiet", "-o"])
        .arg(&out)
        .arg(&src));
    assert_eq!(code, 1, "{stderr}");
    for line in 1..=bad.len() {
        assert!(
            stderr.contains(&format!("{}:{line}: article id", src.display())),
            "line {line} refused with file and line: {stderr}"
        );
    }
    assert_eq!(tree(&out), ["claimtrack.schema.json", "fine.yaml"]);
    assert_eq!(std::fs::read_to_string(victim.join("config.yaml")).unwrap(), "precious\n");
    assert!(!abs.exists());
    // Without -o too: the id would be wrong in any claim file.
    let (code, stdout, stderr) = run(claimtrack()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin(jsonl_line("../x")));
    assert_eq!((code, stdout.as_str()), (1, ""), "{stderr}");
    assert!(stderr.contains("<stdin>:1: article id `../x` holds a path separator"), "{stderr}");
}

/// Issue 18.1: a text file named `actors.txt` or `.x.txt` has no id either.
#[test]
fn file_stems_that_are_not_plain_names_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    for name in ["actors.txt", ".x.txt"] {
        let src = tmp.path().join(name);
        std::fs::write(&src, SAID).unwrap();
        let (code, _, stderr) = run(claimtrack().args(["extract", "--quiet", "-o"]).arg(&out).arg(&src));
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(&format!("{}: article id", src.display())), "{stderr}");
    }
    assert_eq!(tree(&out), ["claimtrack.schema.json"]);
}
