//! The glue of `claimtrack actors`: load a claims directory, list its
//! claimants ([`claimtrack::roster`]) and with `--write` add the suggested
//! actors to its actors.yaml.

use anyhow::{Context, Result};
use claimtrack::report::clean;
use claimtrack::roster::{self, Roster};
use claimtrack::store;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The actors command's options.
#[derive(Debug, clap::Args)]
pub struct ActorsArgs {
    /// Claims directory or files (default: claims/); - reads one claim file
    /// from stdin (not with --write).
    paths: Vec<PathBuf>,
    /// Add the suggested actors and aliases to actors.yaml in the (first)
    /// claims directory: created when absent, appended to otherwise.
    #[arg(long)]
    write: bool,
}

/// `claimtrack actors [PATHS] [--write]`.
pub fn run(args: &ActorsArgs) -> Result<ExitCode> {
    if args.write && super::names_stdin(&args.paths) {
        return Ok(super::stdin_cannot_be_written("actors --write"));
    }
    let paths = super::default_paths(&args.paths);
    let Some(store) = super::load_or_report(&paths) else {
        return Ok(ExitCode::from(1));
    };
    let roster = roster::survey(&store);
    let mut out = std::io::stdout().lock();
    out.write_all(render(&roster, store.actors.is_empty()).as_bytes())?;
    out.flush()?;
    if args.write && !roster.suggestions.is_empty() {
        let dir = if paths[0].is_dir() {
            paths[0].clone()
        } else {
            paths[0].parent().unwrap_or(Path::new(".")).to_path_buf()
        };
        let file = dir.join("actors.yaml");
        let text = if file.exists() {
            let old = std::fs::read_to_string(&file).with_context(|| format!("{}: cannot read", file.display()))?;
            roster::extend_actors_file(&old, &roster.suggestions)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
        } else {
            roster::new_actors_file(&roster.suggestions)
        };
        store::write_atomic(&file, &text, true)?;
        eprintln!(
            "wrote {} ({} added or extended)",
            file.display(),
            super::plural(roster.suggestions.len(), "actor")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The claimant table, then the suggestions.
fn render(roster: &Roster, no_actors_file: bool) -> String {
    let mut s = String::new();
    let width = roster
        .claimants
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = writeln!(s, "claims  {:width$}  actor", "claimant");
    for c in &roster.claimants {
        let actor = c.actor.as_deref().unwrap_or("(unresolved)");
        let _ = writeln!(s, "{:>6}  {:width$}  {}", c.claims, clean(&c.name), clean(actor));
    }
    let unresolved = roster.claimants.iter().filter(|c| c.actor.is_none()).count();
    let _ = writeln!(
        s,
        "\n{}, {} unresolved{}",
        super::plural(roster.claimants.len(), "claimant"),
        unresolved,
        if no_actors_file { " (no actors file)" } else { "" }
    );
    for (typo, actor) in &roster.typos {
        let _ = writeln!(
            s,
            "did you mean `{}` for `{}`? (fix the claim files)",
            clean(actor),
            clean(typo)
        );
    }
    if roster.suggestions.is_empty() {
        return s;
    }
    let _ = writeln!(
        s,
        "\nsuggested actors (claimtrack actors --write adds them to actors.yaml):"
    );
    for g in &roster.suggestions {
        let what = if g.exists { "add aliases to" } else { "new actor" };
        let _ = writeln!(s, "  {what} {}", clean(&g.name));
        for (alias, why) in &g.aliases {
            let _ = writeln!(s, "      {}  ({why})", clean(alias));
        }
    }
    s
}
