//! `claimtrack fmt`: put claim files in canonical form ([`claimtrack::fmt`]),
//! or with `--check` list those that are not.

use super::plural;
use anyhow::{Context, Result};
use claimtrack::{check, fmt, store};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The fmt command's options.
#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Claim files or directories (default: claims/), or - to format stdin
    /// onto stdout.
    paths: Vec<PathBuf>,
    /// Change nothing: list the files that would change, exit 1 if any.
    #[arg(long)]
    check: bool,
}

/// Formats (or checks) every valid claim file of the paths.
pub fn run(args: &FmtArgs) -> Result<ExitCode> {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            eprintln!("claimtrack: -: fmt reads stdin alone (it prints the formatted file on stdout)");
            return Ok(ExitCode::from(2));
        }
        return stdin(args.check);
    }
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
                eprintln!("claimtrack: {}: {e}", path.display());
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

/// `fmt -`: the claim file of stdin, formatted, on stdout; with `--check`,
/// nothing printed but exit 1 when formatting would change it.
fn stdin(check_only: bool) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(check::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: cannot read", check::STDIN))?;
    let report = check::check_bytes(Path::new(check::STDIN), &bytes);
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    let file = report.files.iter().find_map(|f| match f {
        check::Checked::Claims(_, file) => Some(file),
        check::Checked::Actors(..) => None,
    });
    let (Some(file), true) = (file, errors.is_empty()) else {
        for d in &errors {
            eprintln!("{d}");
        }
        eprintln!(
            "claimtrack: {}: not a valid claim file; nothing formatted",
            check::STDIN
        );
        return Ok(ExitCode::from(1));
    };
    let text = String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8", check::STDIN))?;
    let new = match fmt::format(&text, file) {
        Ok(fmt::Outcome::Unchanged) => text,
        Ok(fmt::Outcome::Changed(_)) if check_only => {
            println!("{}", check::STDIN);
            eprintln!("1 file would be reformatted (run claimtrack fmt)");
            return Ok(ExitCode::from(1));
        }
        Ok(fmt::Outcome::Changed(new)) => new,
        Err(e) => anyhow::bail!("{}: {e}", check::STDIN),
    };
    if !check_only {
        let mut out = std::io::stdout().lock();
        out.write_all(new.as_bytes())?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
