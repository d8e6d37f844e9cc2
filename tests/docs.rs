//! The docs that promise things stay true.

use std::path::Path;

/// The field names a format doc's tables list: the first cell of each
/// table row, in backquotes.
fn table_fields(doc: &str) -> Vec<String> {
    doc.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(f, _)| f.to_string()))
        .collect()
}

/// docs/claim-file.md is the format's home: it may extend the shared
/// contract (../shared/design/claim-file.md) but must still cover every
/// field, section and guarantee of it.
#[test]
fn claim_file_doc_covers_the_shared_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/design/claim-file.md");
    let Ok(contract) = std::fs::read_to_string(&shared) else {
        // CI has ../shared beside the clone: there a missing one is a failure.
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is absent under CI=true",
            shared.display()
        );
        eprintln!(
            "skipped: {} is absent (a user's clone has no ../shared)",
            shared.display()
        );
        return;
    };
    let ours = std::fs::read_to_string(root.join("docs/claim-file.md")).unwrap();
    let our_fields = table_fields(&ours);
    let fields = table_fields(&contract);
    assert!(fields.len() >= 14, "{fields:?}");
    for f in &fields {
        assert!(our_fields.contains(f), "docs/claim-file.md lacks the field `{f}`");
    }
    for heading in contract.lines().filter(|l| l.starts_with('#')) {
        assert!(
            ours.lines().any(|l| l == heading),
            "docs/claim-file.md lacks `{heading}`"
        );
    }
    for line in contract.lines().filter(|l| l.starts_with("- ")) {
        assert!(ours.contains(line), "docs/claim-file.md lost the promise `{line}`");
    }
}

/// Every claim field the tool knows is documented.
#[test]
fn claim_file_doc_lists_every_field_the_tool_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ours = std::fs::read_to_string(root.join("docs/claim-file.md")).unwrap();
    let fields = table_fields(&ours);
    for f in claimtrack::claim::CLAIM_FIELDS {
        assert!(fields.iter().any(|x| x == f), "docs/claim-file.md lacks `{f}`");
    }
}
