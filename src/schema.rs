//! The JSON Schema of the claim file and the actors file, for editors:
//! `claimtrack schema` prints it, `extract -o DIR` puts it beside the claim
//! files, and every file `extract` writes starts with a modeline pointing at
//! it, so that VS Code (and any editor using yaml-language-server) validates
//! and completes fields while a person types. `check` stays the authority
//! (references between files are beyond a schema).

/// The schema (JSON Schema draft-07), covering both kinds of file: an
/// actors file by its `schema: claimtrack-actors/1`, a claim file otherwise.
pub const JSON_SCHEMA: &str = include_str!("../schema/claimtrack.schema.json");

/// The file name the schema is written under, beside the claim files.
pub const FILE_NAME: &str = "claimtrack.schema.json";

/// The first line of a file written by the tool, without the leading `# `:
/// tells yaml-language-server where the schema is (relative to the file).
pub fn modeline() -> String {
    format!("yaml-language-server: $schema={FILE_NAME}")
}
