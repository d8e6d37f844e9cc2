//! `claimtrack schema`: the JSON Schema of claim and actors files, for
//! editors.

use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

/// Prints the schema.
pub fn run() -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(claimtrack::schema::JSON_SCHEMA.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
