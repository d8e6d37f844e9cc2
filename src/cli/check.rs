//! `claimtrack check`: validate claim and actors files, every problem as
//! `path:line:column: message` on stderr.

use super::plural;
use anyhow::Result;
use claimtrack::check;
use std::path::PathBuf;
use std::process::ExitCode;

/// The check command's options.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Claim files, actors files or directories (default: claims/); - reads
    /// one file from stdin, checked among the other paths given.
    paths: Vec<PathBuf>,
}

/// Checks the files; exit 1 on any error (warnings alone pass).
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let paths = super::default_paths(&args.paths);
    let report = check::check_paths(&paths);
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    if errors > 0 {
        eprintln!(
            "{} in {} checked",
            plural(errors, "problem"),
            plural(report.files_read, "file")
        );
        return Ok(ExitCode::from(1));
    }
    let warn = if warnings > 0 {
        format!(", {}", plural(warnings, "warning"))
    } else {
        String::new()
    };
    println!(
        "ok: {}, {}, no problems{warn}",
        plural(report.files_read, "file"),
        plural(report.claim_count(), "claim")
    );
    Ok(ExitCode::SUCCESS)
}
