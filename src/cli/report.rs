//! `claimtrack report`: the contested claims of a claims directory in six
//! formats ([`claimtrack::report`]), filtered by [`Query`].

use super::plural;
use anyhow::{Context, Result};
use claimtrack::report::{self, By, Format, Style};
use claimtrack::report::{Briefing, Query, Sort};
use claimtrack::store::{self, Store};
use clap::ValueEnum;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The report command's options.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Claims directories or files (default: claims/); - reads one claim
    /// file from stdin (`extract a.txt | claimtrack report -`).
    paths: Vec<PathBuf>,
    /// List every claim, not only contested ones.
    #[arg(long)]
    all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Terminal)]
    format: FormatArg,
    /// One block per dispute, or one row per actor rolled up to its side.
    #[arg(long, value_enum, default_value_t = ByArg::Dispute)]
    by: ByArg,
    /// Only claims by this actor or its members (member_of, at any depth).
    #[arg(long, value_name = "NAME")]
    claimant: Option<String>,
    /// Only claims published on or after this date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<chrono::NaiveDate>,
    /// Only claims published on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    until: Option<chrono::NaiveDate>,
    /// Only claims of this article id.
    #[arg(long, value_name = "ID")]
    article: Option<String>,
    /// Only claims whose content has all these words (case-insensitive).
    #[arg(long, value_name = "WORDS")]
    grep: Option<String>,
    /// Order of disputes and blocks.
    #[arg(long, value_enum, default_value_t = SortArg::Responses)]
    sort: SortArg,
    /// Table width in columns (default: the terminal's width).
    #[arg(long, value_name = "COLUMNS")]
    width: Option<u16>,
    /// Write the report to FILE (atomically, replacing it) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also say on stderr what share of the claims shown a person has
    /// reviewed (the HTML footer always says it).
    #[arg(long)]
    reviewed: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Tables for the terminal.
    Terminal,
    /// Markdown tables.
    Markdown,
    /// One row per (claim, response) pair, for spreadsheets.
    Csv,
    /// The report model as JSON (docs/report.schema.json).
    Json,
    /// One self-contained HTML page.
    Html,
    /// schema.org Claim objects (JSON-LD).
    Jsonld,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ByArg {
    /// One block per contested claim, grouped by dispute.
    Dispute,
    /// One row per actor, rolled up to its side.
    Actor,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortArg {
    /// Most rebutted and countered first.
    Responses,
    /// Oldest first.
    Date,
}

/// Loads the claims, selects and renders them.
pub fn run(args: ReportArgs, color: report::ColorChoice) -> Result<ExitCode> {
    let format = match args.format {
        FormatArg::Terminal => Format::Terminal,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
        FormatArg::Html => Format::Html,
        FormatArg::Jsonld => Format::JsonLd,
    };
    let by = match args.by {
        ByArg::Dispute => By::Dispute,
        ByArg::Actor => By::Actor,
    };
    if by == By::Actor && matches!(format, Format::Json | Format::Html | Format::JsonLd) {
        eprintln!("claimtrack: {}", report::Error::Unsupported(format.name()));
        return Ok(ExitCode::from(2));
    }
    let paths = super::default_paths(&args.paths);
    let Some(store) = super::load_or_report(&paths) else {
        return Ok(ExitCode::from(1));
    };
    let query = Query {
        claimant: args.claimant,
        since: args.since,
        until: args.until,
        article: args.article,
        grep: args
            .grep
            .map(|g| g.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
        all: args.all,
        sort: match args.sort {
            SortArg::Responses => Sort::Responses,
            SortArg::Date => Sort::Date,
        },
    };
    undated_left_out(&store, &query);
    let model = Briefing::new(&store, &query);
    if args.reviewed {
        eprintln!("{}", report::reviewed_share(&model));
    }
    if !matches!(format, Format::Terminal | Format::Markdown)
        && let Some(msg) = report::nothing_to_show(&model)
    {
        eprintln!("claimtrack: {msg}");
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let style = Style::detect(
        args.width,
        color.enabled(to_terminal, |k| std::env::var_os(k)),
        terminal_width,
    );
    if let Some(path) = &args.output {
        let mut buf = Vec::new();
        report::render(&model, format, by, style, &mut buf)?;
        let text = String::from_utf8(buf).context("the report is not UTF-8")?;
        store::write_atomic(path, &text, true)?;
        eprintln!("wrote {}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    // Large writes: a big report is not sent line by line.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match report::render(&model, format, by, style, &mut out) {
        // The reader went away (`| head`): not an error of ours.
        Err(report::Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

/// Names on stderr the articles a date filter leaves out because they have
/// no date, so that none disappears silently.
fn undated_left_out(store: &Store, query: &Query) {
    if query.since.is_none() && query.until.is_none() {
        return;
    }
    let undated: Vec<&str> = store
        .files
        .iter()
        .map(|l| &l.file.article)
        .filter(|a| claimtrack::article::article_date(&a.id, a.published).is_none())
        .map(|a| a.id.as_str())
        .collect();
    if !undated.is_empty() {
        eprintln!(
            "claimtrack: left out by the date filter, {} without a date: {}",
            plural(undated.len(), "article"),
            undated.join(", ")
        );
    }
}

/// `COLUMNS` (also when piped), else the terminal's width.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| comfy_table::Table::new().width())
        .filter(|&w| w > 0)
}
