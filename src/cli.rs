//! Command-line definitions (clap) and the glue from arguments to the
//! library: reading inputs, writing outputs, exit codes. 0: ok; 1: invalid
//! input or findings; 2: usage (clap's own exit status).

use anyhow::{Context, Result, bail};
use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::check;
use claimtrack::claim::ActorsFile;
use claimtrack::dispute::{Briefing, Query, Sort};
use claimtrack::extract;
use claimtrack::report::{self, By, Format, Style};
use claimtrack::store::{self, Store};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Extract, keep, compare and report attributed claims in news about disputes.
#[derive(Debug, Parser)]
#[command(name = "claimtrack", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find the attributed claims of articles and write claim files.
    ///
    /// With one input and no -o, prints the claim file on stdout. With -o DIR
    /// writes DIR/ID.yaml per article (ID: the file stem), and never replaces
    /// an existing file unless --force.
    Extract {
        /// Article text files (.txt), directories of them, or - for stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Directory to write one claim file per article into.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Replace claim files that already exist.
        #[arg(long)]
        force: bool,
        /// Actors file for resolving claimants (default: DIR/actors.yaml with -o).
        #[arg(long, value_name = "FILE")]
        actors: Option<PathBuf>,
    },
    /// Validate claim files and actors files; print every problem as
    /// path:line:column: message.
    Check {
        /// Claim files, actors files or directories (default: claims/).
        paths: Vec<PathBuf>,
    },
    /// Report the contested claims of a claims directory: one block per
    /// dispute, most contested first, or one row per actor with --by actor.
    ///
    /// Filters combine (all must hold) and select claims; a block is shown
    /// when its claim or one of its responses is selected.
    Report(ReportArgs),
}

#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// Claims directories or files (default: claims/).
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

/// Parses the command line and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            inputs,
            output,
            force,
            actors,
        } => run_extract(&inputs, output.as_deref(), force, actors.as_deref()),
        Command::Check { paths } => run_check(&default_paths(paths)),
        Command::Report(args) => run_report(args),
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("claims")]
    } else {
        paths
    }
}

fn load_actors(path: &Path) -> Result<Actors> {
    let report = check::check_paths(&[path.to_path_buf()]);
    if report.has_errors() {
        for d in &report.diagnostics {
            eprintln!("{d}");
        }
        bail!("{}: the actors file is invalid", path.display());
    }
    let mut file = ActorsFile::default();
    for f in report.files {
        if let check::Checked::Actors(_, a) = f {
            file.actors.extend(a.actors);
        }
    }
    Ok(Actors::new(&file))
}

/// Expands inputs: files as given, directories to their `.txt` files.
fn article_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{}: cannot read directory", p.display()))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn run_extract(inputs: &[PathBuf], output: Option<&Path>, force: bool, actors: Option<&Path>) -> Result<ExitCode> {
    let actors_path = actors.map(Path::to_path_buf).or_else(|| {
        let p = output?.join("actors.yaml");
        p.exists().then_some(p)
    });
    let actors = match &actors_path {
        Some(p) => load_actors(p)?,
        None => Actors::default(),
    };
    let files = article_inputs(inputs)?;
    if output.is_none() && files.len() != 1 {
        bail!(
            "{} articles given: use -o DIR to write one claim file per article",
            files.len()
        );
    }
    if let Some(dir) = output {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
    }
    let mut failed = false;
    for input in &files {
        let article = if input.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).context("cannot read stdin")?;
            Article::from_bytes(&buf, None, Path::new("<stdin>"))
        } else {
            Article::from_file(input)
        };
        let article = match article {
            Ok(a) => a,
            Err(e) => {
                eprintln!("claimtrack: {e}");
                failed = true;
                continue;
            }
        };
        let target = output.map(|d| d.join(format!("{}.yaml", article.id)));
        let text_path = match (&article.path, &target) {
            (Some(src), Some(t)) => Some(relative_path(src, t.parent().unwrap_or(Path::new(".")))),
            (Some(src), None) => Some(src.display().to_string()),
            _ => None,
        };
        let file = extract::extract(&article, &actors, text_path);
        let origin = article
            .path
            .as_ref()
            .map_or("stdin".to_string(), |p| p.display().to_string());
        let header = [
            format!("Extracted by claimtrack {} from {origin}.", env!("CARGO_PKG_VERSION")),
            "Review before relying on it: correct claimants, contents and links by hand.".to_string(),
        ];
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let yaml = file.to_yaml(&header);
        match target {
            Some(t) => match store::write_atomic(&t, &yaml, force) {
                Ok(()) => eprintln!("wrote {} ({} claims)", t.display(), file.claims.len()),
                Err(e) => {
                    eprintln!("claimtrack: {e}");
                    failed = true;
                }
            },
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(yaml.as_bytes())?;
                out.flush()?;
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `path` relative to `base` when both are on the same root, else `path`
/// made absolute.
fn relative_path(path: &Path, base: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (p, b) = (abs(path), abs(base));
    let pc: Vec<_> = p.components().collect();
    let bc: Vec<_> = b.components().collect();
    let common = pc.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return p.display().to_string();
    }
    let mut rel = PathBuf::new();
    for _ in common..bc.len() {
        rel.push("..");
    }
    for c in &pc[common..] {
        rel.push(c);
    }
    rel.display().to_string()
}

fn run_check(paths: &[PathBuf]) -> Result<ExitCode> {
    let report = check::check_paths(paths);
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    if errors > 0 {
        eprintln!("{errors} problems in {} files checked", report.files_read);
        return Ok(ExitCode::from(1));
    }
    let warn = if warnings > 0 {
        format!(", {warnings} warnings")
    } else {
        String::new()
    };
    println!(
        "ok: {} files, {} claims, no problems{warn}",
        report.files_read,
        report.claim_count()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_report(args: ReportArgs) -> Result<ExitCode> {
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
    let paths = default_paths(args.paths);
    let store = match Store::load(&paths) {
        Ok(s) => s,
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "claimtrack: {} problems; fix them first (see claimtrack check)",
                diags.len()
            );
            return Ok(ExitCode::from(1));
        }
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
    let model = Briefing::new(&store, &query);
    if !matches!(format, Format::Terminal | Format::Markdown)
        && let Some(msg) = report::nothing_to_show(&model)
    {
        eprintln!("claimtrack: {msg}");
    }
    let no_color = std::env::var_os("NO_COLOR");
    let style = Style::detect(
        args.width,
        args.output.is_none() && std::io::stdout().is_terminal(),
        no_color.as_deref(),
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
    let mut out = std::io::stdout().lock();
    match report::render(&model, format, by, style, &mut out) {
        // The reader went away (`| head`): not an error of ours.
        Err(report::Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

/// The terminal's width, or `COLUMNS`.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| comfy_table::Table::new().width())
        .filter(|&w| w > 0)
}
