//! Hostile article text (HTML, entities, terminal escape sequences, C1
//! controls, bidi overrides) comes out inert: escaped in the claim file,
//! stripped from terminal output, escaped in Markdown.

use assert_cmd::Command;

fn claimtrack() -> Command {
    Command::cargo_bin("claimtrack").unwrap()
}

const HOSTILE: &str = "Pakistan maintains that <script>alert(1)</script> &lt;b&gt; militants \u{1b}]0;pwned\u{7} \u{1b}[2J cross \u{9b}31m the \u{202e}redrob\u{202c} border \u{2066}daily\u{2069}.\n\
Afghan officials denied that <script>alert(1)</script> &lt;b&gt; militants \u{1b}]0;pwned\u{7} \u{1b}[2J cross \u{9b}31m the \u{202e}redrob\u{202c} border \u{2066}daily\u{2069}.\n";

/// No escape, C1 or bidi control character in `s`.
fn assert_inert(what: &str, s: &str) {
    for c in s.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}');
        assert!(!bad, "{what} holds U+{:04X}:\n{s}", c as u32);
    }
}

fn extracted() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.txt"), HOSTILE).unwrap();
    let out = dir.path().join("claims");
    claimtrack()
        .args(["extract", "-o"])
        .arg(&out)
        .arg(dir.path().join("evil.txt"))
        .assert()
        .success();
    let yaml = std::fs::read_to_string(out.join("evil.yaml")).unwrap();
    (dir, yaml)
}

#[test]
fn claim_file_escapes_controls_and_reads_back_the_same_text() {
    let (_dir, yaml) = extracted();
    assert_inert("the claim file", &yaml);
    assert!(yaml.contains("\\u202e"), "bidi override written as an escape:\n{yaml}");
    let file: claimtrack::claim::ClaimFile = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(file.claims.len(), 2, "{yaml}");
    let content = &file.claims[0].content;
    for piece in ["<script>alert(1)</script>", "&lt;b&gt;", "\u{1b}[2J", "\u{202e}redrob"] {
        assert!(content.contains(piece), "`{piece}` kept as data: {content:?}");
    }
    assert_eq!(file.claims[1].rebuts, ["c1"]);
}

#[test]
fn terminal_report_is_inert() {
    let (dir, _) = extracted();
    let out = claimtrack()
        .args(["report", "--all", "--format", "terminal"])
        .arg(dir.path().join("claims"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_inert("the terminal report", &text);
    assert!(text.contains("<script>alert(1)</script>"), "shown as text:\n{text}");
}

#[test]
fn markdown_report_is_inert() {
    let (dir, _) = extracted();
    let out = claimtrack()
        .args(["report", "--all", "--format", "markdown"])
        .arg(dir.path().join("claims"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_inert("the markdown report", &text);
    assert!(!text.replace("\\<", "").contains('<'), "no raw HTML:\n{text}");
    assert!(text.contains("\\<script\\>alert(1)\\</script\\>"), "{text}");
    assert!(
        text.contains("\\&lt;b\\&gt;"),
        "entities not decoded by a renderer:\n{text}"
    );
}

#[test]
fn check_messages_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("evil.yaml");
    std::fs::write(
        &p,
        "schema: claimtrack/1\narticle:\n  id: evil\nclaims:\n  - id: c1\n    claimant: P\n    stance: \"\\e[2J\\u202e\"\n    content: x y\n    \"\\e]0;pwned\\a\": 1\n",
    )
    .unwrap();
    let out = claimtrack().arg("check").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_inert("check's messages", &stderr);
    assert!(stderr.contains("unknown field"), "{stderr}");
    assert!(stderr.contains("`stance` must be"), "{stderr}");
}

#[test]
fn a_path_with_a_line_break_cannot_break_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("evil\nschema: x.txt");
    std::fs::write(&src, "Pakistan maintains that armed groups operate from Afghan soil.\n").unwrap();
    let out = claimtrack().arg("extract").arg(&src).output().unwrap();
    assert!(out.status.success());
    let yaml = String::from_utf8(out.stdout).unwrap();
    let file: claimtrack::claim::ClaimFile = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(file.schema, "claimtrack/1");
    assert_eq!(file.article.text.as_deref(), src.to_str());
}
