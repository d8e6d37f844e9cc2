//! The glue of `claimtrack link`: load a claims directory, ask the learned
//! linker for the links it lacks, print them, and with `--write` add them
//! to the claim files losslessly ([`claimtrack::edit`]).

use super::DataFormat;
use anyhow::{Context, Result};
use claimtrack::edit::NewLink;
use claimtrack::extract::linker::Linker;
use claimtrack::linking::{self, Suggestion};
use claimtrack::report::clean;
use claimtrack::store::Store;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The link command's options.
#[derive(Debug, clap::Args)]
pub struct LinkArgs {
    /// Claims directories or files (default: claims/); - reads one claim
    /// file from stdin (not with --write).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DataFormat::Terminal)]
    format: DataFormat,
    /// Add the proposed links to the claim files.
    #[arg(long)]
    write: bool,
    /// Linker written by `claimtrack train --links` (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    linker: Option<PathBuf>,
}

/// `claimtrack link [PATHS] [--format json] [--write] [--linker FILE]`.
pub fn run(args: &LinkArgs) -> Result<ExitCode> {
    let (json, write) = (args.format == DataFormat::Json, args.write);
    if write && super::names_stdin(&args.paths) {
        return Ok(super::stdin_cannot_be_written("link --write"));
    }
    let Some(store) = super::load_or_report(&super::default_paths(&args.paths)) else {
        return Ok(ExitCode::from(1));
    };
    let owned;
    let linker = match &args.linker {
        None => Linker::builtin(),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read linker", p.display()))?;
            owned = Linker::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            &owned
        }
    };
    let found = linking::suggest(&store, linker);
    let text = if json {
        serde_json::to_string_pretty(&to_json(&store, &found))? + "\n"
    } else {
        render(&store, &found)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    if write {
        write_links(&store, &found)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The reference to `to` as written in `from`'s file.
fn reference(store: &Store, s: &Suggestion) -> String {
    let target = &store.claim(s.to).id;
    if s.to.0 == s.from.0 {
        target.clone()
    } else {
        format!("{}#{target}", store.files[s.to.0].file.article.id)
    }
}

fn to_json(store: &Store, found: &[Suggestion]) -> serde_json::Value {
    let links: Vec<serde_json::Value> = found
        .iter()
        .map(|s| {
            serde_json::json!({
                "from": store.full_id(s.from),
                "kind": s.kind.field(),
                "to": store.full_id(s.to),
                "score": (f64::from(s.score) * 1000.0).round() / 1000.0,
            })
        })
        .collect();
    serde_json::json!({ "links": links })
}

fn render(store: &Store, found: &[Suggestion]) -> String {
    if found.is_empty() {
        return "no new links\n".to_string();
    }
    let said = |at| {
        let c = store.claim(at);
        format!("{} {}: {}", clean(&c.claimant), c.stance.as_str(), clean(&c.content))
    };
    let mut out = String::new();
    for s in found {
        out.push_str(&format!(
            "{} {} {}  score {:.2}\n    {}\n    {}\n",
            clean(&store.full_id(s.from)),
            s.kind.field(),
            clean(&store.full_id(s.to)),
            s.score,
            said(s.from),
            said(s.to)
        ));
    }
    let n = found.len();
    out.push_str(&format!("{n} new link{}\n", if n == 1 { "" } else { "s" }));
    out
}

/// Adds the suggestions to their claim files, each edited in place under
/// the directory's lock (see [`super::record_links`]).
fn write_links(store: &Store, found: &[Suggestion]) -> Result<()> {
    let mut by_file: BTreeMap<usize, Vec<NewLink>> = BTreeMap::new();
    for s in found {
        by_file.entry(s.from.0).or_default().push(NewLink {
            claim: store.claim(s.from).id.clone(),
            kind: s.kind,
            target: reference(store, s),
        });
    }
    for (file, edits) in by_file {
        let loaded = &store.files[file];
        super::record_links(&loaded.path, &loaded.file, &edits, "link")?;
    }
    Ok(())
}
