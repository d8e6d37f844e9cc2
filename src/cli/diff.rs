//! `claimtrack diff`: compare two sets of claims ([`claimtrack::diff`]),
//! print the comparison, and with `--write` record its links in NEW's claim
//! files ([`claimtrack::edit`]).

use super::{DataFormat, check_threshold};
use anyhow::{Result, bail};
use claimtrack::check::Diagnostic;
use claimtrack::diff::{self, Input, InputError};
use claimtrack::edit::NewLink;
use claimtrack::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn print_problems(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

/// Reads one side, printing claim-file diagnostics before failing.
fn read(path: &Path) -> Result<Input> {
    diff::read_input(path).map_err(|e| {
        if let InputError::Invalid(diags) = &e {
            print_problems(diags);
        }
        // One line: an article error names its file and its OS error already.
        match e {
            InputError::Invalid(_) => anyhow::anyhow!("{}: {e}", path.display()),
            _ => anyhow::anyhow!("{e}"),
        }
    })
}

/// The diff command's options.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier claims (- for stdin: a claim file, or an article text).
    old: PathBuf,
    /// The later claims (- for stdin, as OLD; not with --write).
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DataFormat::Terminal)]
    format: DataFormat,
    /// Record same_as / rebuts / counters links in NEW's claim files.
    #[arg(long)]
    write: bool,
    /// Similarity (0 to 1) two contents need to count as the same
    /// proposition.
    #[arg(long, value_name = "X", default_value_t = claimtrack::matching::DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Actors file (default: the one beside NEW, else beside OLD).
    #[arg(long, value_name = "FILE")]
    actors: Option<PathBuf>,
}

/// `claimtrack diff OLD NEW [--format json] [--write]`.
pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    let (old, new, write) = (args.old.as_path(), args.new.as_path(), args.write);
    let (json, threshold, actors) = (args.format == DataFormat::Json, args.threshold, args.actors.as_deref());
    check_threshold(threshold)?;
    if write && new.as_os_str() == "-" {
        return Ok(super::stdin_cannot_be_written("diff --write"));
    }
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        eprintln!("claimtrack: -: stdin can be OLD or NEW, not both");
        return Ok(ExitCode::from(2));
    }
    let (old_in, new_in) = (read(old)?, read(new)?);
    if write {
        if !matches!(new_in, Input::Claims(_)) {
            bail!(
                "{}: --write needs NEW to be a claim file or a claims directory",
                new.display()
            );
        }
        if !matches!(old_in, Input::Claims(_)) {
            bail!(
                "{}: --write needs OLD to be claim files, so that the references it records name claims that exist",
                old.display()
            );
        }
    }
    let actors = match actors {
        Some(p) => {
            Store::load(&[p.to_path_buf()])
                .map_err(|d| {
                    print_problems(&d);
                    anyhow::anyhow!("{}: the actors file is invalid", p.display())
                })?
                .actors
        }
        None => new_in.actors().or(old_in.actors()).cloned().unwrap_or_default(),
    };
    let (old_s, new_s) = (old_in.into_store(&actors), new_in.into_store(&actors));
    let result = diff::diff(&old_s, &new_s, &actors, threshold);
    // Streamed through one buffer: the text of a large diff runs to megabytes.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &result.to_json(&old_s, &new_s))?;
        writeln!(out)?;
    } else {
        result.write_text(&old_s, &new_s, &mut out)?;
    }
    out.flush()?;
    drop(out);
    if write {
        write_links(&result, &old_s, &new_s)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Records the diff's links in NEW's claim files, in place and atomically.
fn write_links(result: &diff::Diff, old: &Store, new: &Store) -> Result<()> {
    let new_dirs: Vec<_> = new
        .files
        .iter()
        .filter_map(|l| l.path.parent().and_then(|p| p.canonicalize().ok()))
        .collect();
    let outside = old.files.iter().any(|l| {
        l.path
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .is_none_or(|d| !new_dirs.contains(&d))
    });
    let links = result.links_to_write(old, new);
    if links.is_empty() {
        eprintln!("nothing to record");
        return Ok(());
    }
    for (file, list) in links {
        let claims = &new.files[file].file.claims;
        let edits: Vec<NewLink> = list
            .iter()
            .map(|(c, kind, target)| NewLink {
                claim: claims[*c].id.clone(),
                kind: *kind,
                target: target.clone(),
            })
            .collect();
        super::record_links(&new.files[file].path, &new.files[file].file, &edits, "diff")?;
    }
    if outside {
        eprintln!(
            "note: OLD is not in NEW's directory; `claimtrack check` resolves ARTICLE-ID#CLAIM-ID references only among the files it checks together"
        );
    }
    Ok(())
}
