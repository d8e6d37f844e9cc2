//! `claimtrack fmt`: put claim files in canonical form ([`claimtrack::fmt`]),
//! or with `--check` list those that are not.

use super::plural;
use anyhow::{Context, Result};
use claimtrack::{check, fmt, store};
use std::path::PathBuf;
use std::process::ExitCode;

/// The fmt command's options.
#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Claim files or directories (default: claims/).
    paths: Vec<PathBuf>,
    /// Change nothing: list the files that would change, exit 1 if any.
    #[arg(long)]
    check: bool,
}

/// Formats (or checks) every valid claim file of the paths.
pub fn run(args: &FmtArgs) -> Result<ExitCode> {
    let paths = super::default_paths(&args.paths);
    let check_only = args.check;
    let report = check::check_paths(&paths);
    let mut failed = false;
    for d in report.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{d}");
        failed = true;
    }
    let mut changed = 0;
    for f in &report.files {
        let check::Checked::Claims(path, file) = f else {
            continue;
        };
        let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
        match fmt::format(&text, file) {
            Ok(fmt::Outcome::Unchanged) => {}
            Ok(fmt::Outcome::Changed(new)) => {
                changed += 1;
                if check_only {
                    println!("{}", path.display());
                } else {
                    match store::rewrite(path, text.as_bytes(), new.as_bytes()) {
                        Ok(()) => eprintln!("formatted {}", path.display()),
                        Err(e) => {
                            eprintln!("claimtrack: {e}");
                            failed = true;
                        }
                    }
                }
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed = true;
            }
        }
    }
    if check_only && changed > 0 {
        eprintln!("{} would be reformatted (run claimtrack fmt)", plural(changed, "file"));
        failed = true;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
