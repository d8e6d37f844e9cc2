//! The glue of `claimtrack diff` and `claimtrack history`: reading the
//! inputs, printing, writing links. The logic is in the library
//! ([`claimtrack::diff`], [`claimtrack::history`], [`claimtrack::edit`]).

use anyhow::{Context, Result, bail};
use claimtrack::actors::Actors;
use claimtrack::check::Diagnostic;
use claimtrack::diff::{self, Input, InputError};
use claimtrack::edit::{self, NewLink};
use claimtrack::history;
use claimtrack::store::{self, Store};
use std::io::Write;
use std::path::Path;
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
        anyhow::Error::new(e).context(format!("{}: cannot read", path.display()))
    })
}

fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn check_threshold(threshold: f64) -> Result<()> {
    if !(0.0..=1.0).contains(&threshold) {
        bail!("--threshold {threshold}: must be between 0 and 1");
    }
    Ok(())
}

/// `claimtrack diff OLD NEW [--format json] [--write]`.
pub fn run_diff(
    old: &Path,
    new: &Path,
    json: bool,
    write: bool,
    threshold: f64,
    actors: Option<&Path>,
) -> Result<ExitCode> {
    check_threshold(threshold)?;
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
        record_links(&new.files[file].path, &new.files[file].file, &edits, "diff")?;
    }
    if outside {
        eprintln!(
            "note: OLD is not in NEW's directory; `claimtrack check` resolves ARTICLE-ID#CLAIM-ID references only among the files it checks together"
        );
    }
    Ok(())
}

/// Adds `edits` to the claim file at `path`, which `command` read as
/// `read`: edited in place and replaced under the directory's lock, so a
/// concurrent claimtrack writer waits and its edits are read here, not lost;
/// refused when the file changed otherwise since it was read.
pub fn record_links(path: &Path, read: &claimtrack::claim::ClaimFile, edits: &[NewLink], command: &str) -> Result<()> {
    let rewrite = store::Rewrite::begin(path)?;
    let text = String::from_utf8(rewrite.read()?).with_context(|| format!("{}: cannot read", path.display()))?;
    let now = serde_yaml::from_str::<claimtrack::claim::ClaimFile>(&text).ok();
    if !now.is_some_and(|now| edit::same_claims(&now, read)) {
        bail!(
            "{}: changed since the {command} read it (other than its links); left as it is now: run the {command} again",
            path.display()
        );
    }
    let edited = edit::add_links(&text, edits).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    // Never write what would not read back as a claim file.
    serde_yaml::from_str::<claimtrack::claim::ClaimFile>(&edited).map_err(|e| {
        anyhow::anyhow!(
            "{}: the edit would not read back ({e}); file left as it was",
            path.display()
        )
    })?;
    if edited != text {
        rewrite.commit(text.as_bytes(), edited.as_bytes())?;
        eprintln!("wrote {} ({} links added)", path.display(), edits.len());
    }
    Ok(())
}

/// `claimtrack history REF [PATHS] [--format json]`.
pub fn run_history(reference: &str, paths: &[std::path::PathBuf], json: bool, threshold: f64) -> Result<ExitCode> {
    check_threshold(threshold)?;
    let store = match Store::load(paths) {
        Ok(s) => s,
        Err(diags) => {
            print_problems(&diags);
            eprintln!(
                "claimtrack: {} problems; fix them first (see claimtrack check)",
                diags.len()
            );
            return Ok(ExitCode::from(1));
        }
    };
    let target = match history::find(&store, reference) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("claimtrack: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let actors: &Actors = &store.actors;
    let list = history::history(&store, actors, target, threshold);
    if json {
        print(&(serde_json::to_string_pretty(&history::to_json(&store, target, &list))? + "\n"))?;
    } else {
        print(&history::render(&store, target, &list))?;
    }
    Ok(ExitCode::SUCCESS)
}
