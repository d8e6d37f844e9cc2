//! The docs that promise things stay true.

use std::path::Path;

/// docs/claim-file.md is the shared format contract plus a one-line note.
#[test]
fn claim_file_doc_matches_the_shared_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/design/claim-file.md");
    let Ok(contract) = std::fs::read_to_string(&shared) else {
        eprintln!(
            "skipped: {} is absent (a user's clone has no ../shared)",
            shared.display()
        );
        return;
    };
    let ours = std::fs::read_to_string(root.join("docs/claim-file.md")).unwrap();
    let body = ours.split_once("\n\n").map(|(_, b)| b).unwrap();
    assert_eq!(
        body, contract,
        "docs/claim-file.md is out of sync with ../shared/design/claim-file.md"
    );
}
