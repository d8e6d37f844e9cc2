//! `claimtrack history`: every appearance of one claim's assertion across a
//! claims directory ([`claimtrack::history`]).

use super::{DataFormat, check_threshold};
use anyhow::Result;
use claimtrack::history;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The history command's options.
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// ARTICLE-ID#CLAIM-ID, or words of the claim's content.
    #[arg(value_name = "REF")]
    reference: String,
    /// Claims directories or files (default: claims/); - reads one claim
    /// file from stdin.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DataFormat::Terminal)]
    format: DataFormat,
    /// Similarity (0 to 1) two contents need to count as the same
    /// proposition.
    #[arg(long, value_name = "X", default_value_t = claimtrack::matching::DEFAULT_THRESHOLD)]
    threshold: f64,
}

/// `claimtrack history REF [PATHS] [--format json]`.
pub fn run(args: &HistoryArgs) -> Result<ExitCode> {
    check_threshold(args.threshold)?;
    let Some(store) = super::load_or_report(&super::default_paths(&args.paths)) else {
        return Ok(ExitCode::from(1));
    };
    let target = match history::find(&store, &args.reference) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("claimtrack: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let list = history::history(&store, &store.actors, target, args.threshold);
    let text = if args.format == DataFormat::Json {
        serde_json::to_string_pretty(&history::to_json(&store, target, &list))? + "\n"
    } else {
        history::render(&store, target, &list)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
