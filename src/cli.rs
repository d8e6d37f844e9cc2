//! Command-line definitions (clap) and the glue from arguments to the
//! library: reading inputs, writing outputs, exit codes. 0: ok; 1: invalid
//! input or findings; 2: usage (clap's own exit status).

use anyhow::{Context, Result, bail};
use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::batch;
use claimtrack::check;
use claimtrack::claim::ActorsFile;
use claimtrack::dispute::{Briefing, Query, Sort};
use claimtrack::eval::{self, brat};
use claimtrack::extract;
use claimtrack::fmt;
use claimtrack::report::{self, By, Format, Style};
use claimtrack::store::{self, Store};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "cli_actors.rs"]
mod actors_cmd;
#[path = "cli_diff.rs"]
mod diff_cmd;
#[path = "cli_link.rs"]
mod link_cmd;
#[path = "cli_review.rs"]
mod review_cmd;

/// Extract, keep, compare and report attributed claims in news about disputes.
#[derive(Debug, Parser)]
#[command(name = "claimtrack", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    /// When to colour output: auto (a terminal without NO_COLOR, or
    /// CLICOLOR_FORCE set), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    color: ColorArg,
    #[command(subcommand)]
    command: Command,
}

/// Shown after `--help`: a working day in six lines.
const EXAMPLES: &str = "\
Examples:
  claimtrack extract article.txt                print one article's claim file
  claimtrack extract articles/ -o claims/ --skip-existing
                                                extract only the new articles
  claimtrack review claims/                     accept, fix or reject new claims
  claimtrack check claims/                      validate every file
  claimtrack actors claims/ --write             scaffold actors.yaml
  claimtrack report claims/ --since 2025-03-01  the contested claims since March

train and eval (last) are for developers of the extractor.";

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for report::ColorChoice {
    fn from(c: ColorArg) -> Self {
        match c {
            ColorArg::Auto => report::ColorChoice::Auto,
            ColorArg::Always => report::ColorChoice::Always,
            ColorArg::Never => report::ColorChoice::Never,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find the attributed claims of articles and write claim files.
    ///
    /// With one input and no -o, prints the claim file on stdout. With -o DIR
    /// writes DIR/ID.yaml per article (ID: the file stem), and never replaces
    /// an existing file unless --force.
    Extract(ExtractOpts),
    /// Propose the rebuts, counters and supports links a claims directory
    /// lacks, within each article and across articles published within a
    /// week of each other, with the learned linker.
    ///
    /// Links already in the files are kept and never proposed again. With
    /// --write, adds the proposals to the claim files in place, keeping
    /// comments, order and every untouched line.
    Link {
        /// Claims directories or files (default: claims/).
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
    },
    /// Validate claim files and actors files; print every problem as
    /// path:line:column: message.
    Check {
        /// Claim files, actors files or directories (default: claims/).
        paths: Vec<PathBuf>,
    },
    /// Put claim files in canonical form: key order, indentation, claims in
    /// id order. Comments are kept; a file already canonical is not touched.
    Fmt {
        /// Claim files or directories (default: claims/).
        paths: Vec<PathBuf>,
        /// Change nothing: list the files that would change, exit 1 if any.
        #[arg(long)]
        check: bool,
    },
    /// Print the JSON Schema of claim files and actors files (for editors).
    Schema,
    /// Report the contested claims of a claims directory: one block per
    /// dispute, most contested first, or one row per actor with --by actor.
    ///
    /// Filters combine (all must hold) and select claims; a block is shown
    /// when its claim or one of its responses is selected.
    Report(ReportArgs),
    /// Compare the claims of NEW with those of OLD: repeated, echoed (same
    /// side, other voice), new, newly contested, changed position, not
    /// repeated.
    ///
    /// OLD and NEW are each a claim file, a directory of claim files, or an
    /// article text (extracted on the fly). With --write, records in NEW's
    /// claim files `same_as` for repeated claims and `rebuts`/`counters` for
    /// newly contested ones, editing them in place without disturbing
    /// anything else.
    Diff {
        /// The earlier claims.
        old: PathBuf,
        /// The later claims.
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
    },
    /// Every appearance of a claim's assertion across a claims directory,
    /// in date order, with who repeated, rebutted, countered or supported it.
    History {
        /// ARTICLE-ID#CLAIM-ID, or words of the claim's content.
        #[arg(value_name = "REF")]
        reference: String,
        /// Claims directories or files (default: claims/).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DataFormat::Terminal)]
        format: DataFormat,
        /// Similarity (0 to 1) two contents need to count as the same
        /// proposition.
        #[arg(long, value_name = "X", default_value_t = claimtrack::matching::DEFAULT_THRESHOLD)]
        threshold: f64,
    },
    /// Step through the claims nobody has reviewed yet, one screen each:
    /// accept, edit the claimant, stance or content, reject or skip, with
    /// single keys. Each decision is written to the claim file at once,
    /// keeping comments and every untouched line.
    Review(review_cmd::ReviewArgs),
    /// List the claimants of a claims directory with their counts and the
    /// actor each resolves to, and suggest actors for the unresolved ones.
    ///
    /// With --write, adds the suggestions to actors.yaml (creating it when
    /// absent, appending to it otherwise, never changing what is there).
    Actors(actors_cmd::ActorsArgs),
    /// Print a shell completion script: `claimtrack completions bash >
    /// ~/.local/share/bash-completion/completions/claimtrack`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `claimtrack man > claimtrack.1`.
    Man,
    /// Learn the cue model from a BRAT-annotated corpus (--corpus: DIR/attributions/ID.ann
    /// beside DIR/text/ID.txt, as PolNeAR is laid out), or the linker from
    /// reference claim files (--links: a claims directory whose files name
    /// their article texts in `text`).
    #[command(group(clap::ArgGroup::new("source").required(true).args(["corpus", "links"])))]
    Train {
        /// BRAT corpus directory (trains the cue model).
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// Reference claims directory (trains the linker).
        #[arg(long, value_name = "DIR")]
        links: Option<PathBuf>,
        /// Model file to write.
        #[arg(short, long, value_name = "MODEL")]
        output: PathBuf,
        /// Replace the model file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Score extraction against annotated corpora.
    #[command(subcommand)]
    Eval(EvalCommand),
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
    /// Also say on stderr what share of the claims shown a person has
    /// reviewed (the HTML footer always says it).
    #[arg(long)]
    reviewed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    /// A claim file (YAML); with -o, one file per article.
    Yaml,
    /// JSON Lines: one claim file as a JSON object per line.
    Jsonl,
    /// BRAT standoff: one PolNeAR-style .ann per article (code-point
    /// offsets); with -o, DIR/ID.ann.
    Brat,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Measure extraction speed on one thread: reads every .txt of TEXT_DIR
    /// into memory, then times claim extraction alone (no file output).
    Bench {
        /// Directory of article texts.
        #[arg(long, value_name = "TEXT_DIR")]
        text: PathBuf,
        /// Passes over the texts (the fastest is reported).
        #[arg(long, default_value_t = 3)]
        repeat: u32,
        /// Cue model written by `claimtrack train` (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Extract every article of TEXT_DIR and score cue, source, content and
    /// attributions against the BRAT gold of ANN_DIR (ID.ann beside ID.txt).
    Spans {
        /// Directory of gold .ann files.
        #[arg(long, value_name = "ANN_DIR")]
        gold: PathBuf,
        /// Directory of the article texts (ID.txt).
        #[arg(long, value_name = "TEXT_DIR")]
        text: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Cue model written by `claimtrack train` (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Leave one dispute out: for each dispute of a reference corpus, train
    /// the linker on the others, then score extraction from its articles
    /// and `link` on its reference claims (links removed).
    ///
    /// CORPUS holds claims/ (reference claim files whose `text` points at
    /// each article, and actors.yaml) and MANIFEST.tsv (columns id and
    /// cluster), as ../shared/corpus/news-dev does.
    Lodo {
        /// The corpus directory.
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Cue model written by `claimtrack train` (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Score `diff`'s repeated pairs against the reference `same_as` links
    /// of a corpus (transitive closure), over the ordered article pairs of
    /// each dispute, leave one dispute out: each dispute is scored at the
    /// threshold calibrated on the others. Laid out as for `eval lodo`.
    Diff {
        /// The corpus directory.
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
        /// Diff the claims extracted from the articles (with the corpus's
        /// actors.yaml) instead of the reference claim files.
        #[arg(long)]
        extracted: bool,
        /// Calibrate thresholds on the best F-beta: 1 is F1, 0.5 weighs
        /// precision twice as much as recall.
        #[arg(long, value_name = "B", default_value_t = 1.0, value_parser = positive)]
        beta: f64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Cue model written by `claimtrack train` (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Score predicted claim files against reference claim files (paired by
    /// article id; claimants resolved through the reference actors.yaml).
    Claims {
        /// Reference claims directory (with actors.yaml).
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Predicted claims directory.
        #[arg(long, value_name = "DIR")]
        pred: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EvalFormat {
    /// A readable table.
    Table,
    /// JSON.
    Json,
}

/// Output formats of `diff` and `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DataFormat {
    /// Grouped text for the terminal.
    Terminal,
    /// JSON, claims named ARTICLE-ID#CLAIM-ID.
    Json,
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
    let color = report::ColorChoice::from(cli.color);
    match cli.command {
        Command::Review(args) => review_cmd::run_review(&args, color),
        Command::Actors(args) => actors_cmd::run_actors(&args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "claimtrack", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract(opts) => run_extract(&opts),
        Command::Train {
            corpus,
            links,
            output,
            force,
        } => match (corpus, links) {
            (Some(corpus), _) => run_train(&corpus, &output, force),
            (None, Some(links)) => run_train_links(&links, &output, force),
            (None, None) => unreachable!("clap requires --corpus or --links"),
        },
        Command::Link {
            paths,
            format,
            write,
            linker,
        } => link_cmd::run_link(
            &default_paths(paths),
            format == DataFormat::Json,
            write,
            linker.as_deref(),
        ),
        Command::Eval(cmd) => run_eval(cmd),
        Command::Check { paths } => run_check(&default_paths(paths)),
        Command::Fmt { paths, check } => run_fmt(&default_paths(paths), check),
        Command::Schema => {
            let mut out = std::io::stdout().lock();
            out.write_all(claimtrack::schema::JSON_SCHEMA.as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report(args) => run_report(args, color),
        Command::Diff {
            old,
            new,
            format,
            write,
            threshold,
            actors,
        } => diff_cmd::run_diff(
            &old,
            &new,
            format == DataFormat::Json,
            write,
            threshold,
            actors.as_deref(),
        ),
        Command::History {
            reference,
            paths,
            format,
            threshold,
        } => diff_cmd::run_history(&reference, &default_paths(paths), format == DataFormat::Json, threshold),
    }
}

/// The claims of `paths`, or None after printing every problem that keeps
/// them from loading (the caller exits 1).
fn load_or_report(paths: &[PathBuf]) -> Option<Store> {
    match Store::load(paths) {
        Ok(s) => Some(s),
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "claimtrack: {}; fix them first (see claimtrack check)",
                plural(diags.len(), "problem")
            );
            None
        }
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

/// The extract command's options.
#[derive(Debug, clap::Args)]
struct ExtractOpts {
    /// Article text files (.txt), JSON Lines files (.jsonl, one article
    /// per line: id, title, published, source, url, text), directories of
    /// them (searched recursively), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Directory to write one claim file per article into.
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Replace claim files that already exist.
    #[arg(long, conflicts_with = "skip_existing")]
    force: bool,
    /// With -o: extract only the articles that have no claim file yet.
    #[arg(long, requires = "output")]
    skip_existing: bool,
    /// Publication date of the one article given (over its marker or file name).
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<chrono::NaiveDate>,
    /// Publisher of the one article given.
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Where the one article given was read.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Actors file for resolving claimants (default: DIR/actors.yaml with -o).
    #[arg(long, value_name = "FILE")]
    actors: Option<PathBuf>,
    /// Output format on stdout: one YAML claim file, or one JSON object per
    /// article per line, streamed in input order.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Yaml)]
    format: ExtractFormat,
    /// Worker threads (default: all cores). Output is the same for any value.
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Cue model written by `claimtrack train` (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

/// Articles, and bytes of their text, read ahead of the output at most:
/// memory stays bounded whatever the input size.
const WINDOW: batch::Window = batch::Window {
    articles: 512,
    bytes: 16 << 20,
};

fn run_extract(o: &ExtractOpts) -> Result<ExitCode> {
    let output = o.output.as_deref();
    let actors_path = o.actors.clone().or_else(|| {
        let p = output?.join("actors.yaml");
        p.exists().then_some(p)
    });
    let actors = match &actors_path {
        Some(p) => load_actors(p)?,
        None => Actors::default(),
    };
    let model = load_model(o.model.as_deref())?;
    let model: &extract::Model = &model;
    let inputs = batch::expand(&o.inputs, &mut |p| {
        let level = if p.warning { "warning: " } else { "" };
        eprintln!("claimtrack: {level}{}: {}", p.path.display(), p.message);
    })?;
    let overrides = o.published.is_some() || o.source.is_some() || o.url.is_some();
    if overrides && !matches!(inputs.as_slice(), [batch::Input::Text(_) | batch::Input::Stdin]) {
        eprintln!("claimtrack: --published, --source and --url describe one article: give one text file or -");
        return Ok(ExitCode::from(2));
    }
    if output.is_none() && o.format != ExtractFormat::Jsonl && inputs.len() != 1 {
        bail!(
            "{} inputs given: use -o DIR to write one claim file per article, or --format jsonl",
            inputs.len()
        );
    }
    if let Some(dir) = output {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
        // The schema the files' modeline points at; an existing one is kept.
        let schema = dir.join(claimtrack::schema::FILE_NAME);
        match store::write_atomic(&schema, claimtrack::schema::JSON_SCHEMA, false) {
            Ok(()) | Err(store::WriteError::Exists(_)) => {}
            Err(e) => eprintln!("claimtrack: warning: {e}"),
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(o.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let progress = Progress::new(&inputs, o.quiet);
    let mut failed = false;
    let mut yaml_docs = 0usize;
    let mut stdout = std::io::stdout().lock();
    let mut write_err: Option<std::io::Error> = None;
    let mut skipped = 0usize;
    let stdout_dir = stdout_file_dir();
    let work = |mut article: Article| {
        let ext = if o.format == ExtractFormat::Brat { "ann" } else { "yaml" };
        let target = output.map(|d| d.join(format!("{}.{ext}", article.id)));
        if o.skip_existing && target.as_ref().is_some_and(|t| t.exists()) {
            return None;
        }
        article.published = o.published.or(article.published);
        article.source = o.source.clone().or(article.source);
        article.url = o.url.clone().or(article.url);
        Some(extract_one(
            &article,
            &actors,
            target,
            stdout_dir.as_deref(),
            model,
            o.format,
        ))
    };
    batch::run_ordered(&pool, &inputs, WINDOW, work, |item| {
        let (article_words, article_bytes, target, rendered, claims) = match item {
            Ok(Some(x)) => x,
            Ok(None) => {
                skipped += 1;
                return;
            }
            Err(e) => {
                progress.println(&format!("claimtrack: {e}"));
                failed = true;
                return;
            }
        };
        progress.advance(article_bytes, article_words);
        if write_err.is_some() {
            return;
        }
        let written = match (&target, o.format) {
            (Some(t), _) => {
                match store::write_atomic(t, &rendered, o.force) {
                    Ok(()) => {
                        if !o.quiet && !progress.visible() {
                            eprintln!("wrote {} ({})", t.display(), plural(claims, "claim"));
                        }
                    }
                    Err(e) => {
                        progress.println(&format!("claimtrack: {e}"));
                        failed = true;
                    }
                }
                Ok(())
            }
            (None, ExtractFormat::Jsonl) => writeln!(stdout, "{rendered}"),
            (None, ExtractFormat::Brat) => write!(stdout, "{rendered}"),
            (None, ExtractFormat::Yaml) => {
                yaml_docs += 1;
                let sep = if yaml_docs > 1 { "---\n" } else { "" };
                write!(stdout, "{sep}{rendered}")
            }
        };
        if let Err(e) = written {
            write_err = Some(e);
        }
    })?;
    progress.finish();
    if skipped > 0 && !o.quiet {
        eprintln!(
            "skipped {} with a claim file already (--skip-existing)",
            plural(skipped, "article")
        );
    }
    if let Some(e) = write_err
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e).context("cannot write to stdout");
    }
    stdout.flush().ok();
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Extracts one article and renders it in the one form that is written (a
/// YAML claim file, a JSON line or BRAT standoff): (words, bytes, target
/// file, rendered, claims).
fn extract_one(
    article: &Article,
    actors: &Actors,
    target: Option<PathBuf>,
    stdout_dir: Option<&Path>,
    model: &extract::Model,
    format: ExtractFormat,
) -> (usize, usize, Option<PathBuf>, String, usize) {
    // `text` is relative to where the claim file lands: its directory, the
    // directory of the file stdout is redirected to, else the current one.
    let text_path = article.path.as_ref().map(|src| {
        let dir = match &target {
            Some(t) => t.parent().unwrap_or(Path::new(".")),
            None => stdout_dir.unwrap_or(Path::new(".")),
        };
        relative_path(src, dir)
    });
    let file = extract::extract_with(article, actors, text_path, model);
    let origin = article
        .path
        .as_ref()
        .map_or_else(|| "stdin".to_string(), |p| p.display().to_string());
    let header = [
        claimtrack::schema::modeline(),
        format!("Extracted by claimtrack {} from {origin}.", env!("CARGO_PKG_VERSION")),
        "Review before relying on it: correct claimants, contents and links by hand.".to_string(),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rendered = match (&target, format) {
        (_, ExtractFormat::Brat) => {
            let atts = extract::span_attributions(article, model);
            brat::to_ann(&article.text, &brat::from_extracted(&article.text, &atts))
        }
        (None, ExtractFormat::Jsonl) => serde_json::to_string(&file).expect("a claim file always serialises"),
        _ => file.to_yaml(&header),
    };
    let words = article.body().split_whitespace().count();
    (words, article.text.len(), target, rendered, file.claims.len())
}

/// A progress bar on stderr when stderr is a terminal: articles done,
/// words per second, time left.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    words: std::cell::Cell<usize>,
    articles: std::cell::Cell<usize>,
    started: std::time::Instant,
}

impl Progress {
    fn new(inputs: &[batch::Input], quiet: bool) -> Progress {
        let show = !quiet && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let total: Option<u64> = inputs.iter().map(batch::Input::size).sum();
            let bar = match total {
                Some(t) => indicatif::ProgressBar::new(t),
                None => indicatif::ProgressBar::new_spinner(),
            };
            let style = indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} eta {eta} {msg}",
            )
            .expect("a valid template");
            bar.set_style(style);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar
        });
        Progress {
            bar,
            words: 0.into(),
            articles: 0.into(),
            started: std::time::Instant::now(),
        }
    }

    fn visible(&self) -> bool {
        self.bar.is_some()
    }

    fn advance(&self, bytes: usize, words: usize) {
        self.words.set(self.words.get() + words);
        self.articles.set(self.articles.get() + 1);
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} articles, {:.0} words/s",
                self.articles.get(),
                self.words.get() as f64 / secs
            ));
        }
    }

    fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The model of `--model FILE`, or the built-in one.
fn load_model(path: Option<&Path>) -> Result<std::borrow::Cow<'static, extract::Model>> {
    match path {
        None => Ok(std::borrow::Cow::Borrowed(extract::Model::builtin())),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read model", p.display()))?;
            let model = extract::Model::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            Ok(std::borrow::Cow::Owned(model))
        }
    }
}

fn run_train(corpus: &Path, output: &Path, force: bool) -> Result<ExitCode> {
    let docs = eval::read_span_corpus(&corpus.join("attributions"), &corpus.join("text"), |_| Vec::new())?;
    let input: Vec<(&str, usize, &brat::Document)> =
        docs.iter().map(|d| (d.text.as_str(), d.body_start, &d.gold)).collect();
    let model = extract::Model::train(&input).map_err(|e| anyhow::anyhow!("training failed: {e}"))?;
    store::write_atomic(output, &model, force)?;
    eprintln!(
        "wrote {} ({} bytes, trained on {} documents)",
        output.display(),
        model.len(),
        docs.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_train_links(claims: &Path, output: &Path, force: bool) -> Result<ExitCode> {
    let store = match Store::load(&[claims.to_path_buf()]) {
        Ok(s) => s,
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            bail!(
                "{}: {}; fix them first (see claimtrack check)",
                claims.display(),
                plural(diags.len(), "problem")
            );
        }
    };
    let files: Vec<usize> = (0..store.files.len()).collect();
    let linker = claimtrack::linking::train(&store, &files, extract::Model::builtin())
        .map_err(|e| anyhow::anyhow!("training failed: {e}"))?;
    let bytes = linker.to_bytes();
    store::write_atomic(output, &bytes, force)?;
    let claims_n: usize = store.files.iter().map(|l| l.file.claims.len()).sum();
    eprintln!(
        "wrote {} ({} bytes, trained on {} claim files, {} claims)",
        output.display(),
        bytes.len(),
        store.files.len(),
        claims_n
    );
    Ok(ExitCode::SUCCESS)
}

fn run_eval(cmd: EvalCommand) -> Result<ExitCode> {
    let text = match cmd {
        EvalCommand::Bench { text, repeat, model } => {
            let model = load_model(model.as_deref())?;
            let mut articles = Vec::new();
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&text)
                .with_context(|| format!("{}: cannot read directory", text.display()))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                articles.push(Article::from_file(&p)?);
            }
            let words: usize = articles.iter().map(|a| a.text.split_whitespace().count()).sum();
            let actors = Actors::default();
            let mut best = f64::INFINITY;
            let mut claims = 0;
            for _ in 0..repeat.max(1) {
                let start = std::time::Instant::now();
                claims = articles
                    .iter()
                    .map(|a| extract::extract_with(a, &actors, None, &model).claims.len())
                    .sum::<usize>();
                best = best.min(start.elapsed().as_secs_f64());
            }
            let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            format!(
                "{} articles, {words} words, {claims} claims in {best:.3} s on one thread: {:.0} words/s ({cores} cores on this machine)\n",
                articles.len(),
                words as f64 / best
            )
        }
        EvalCommand::Spans {
            gold,
            text,
            format,
            model,
        } => {
            let model = load_model(model.as_deref())?;
            let docs = eval::read_span_corpus(&gold, &text, |a| {
                brat::from_extracted(&a.text, &extract::span_attributions(a, &model))
            })?;
            let s = eval::spans::score(&docs);
            match format {
                EvalFormat::Table => eval::spans::render(&s),
                EvalFormat::Json => serde_json::to_string_pretty(&s)? + "\n",
            }
        }
        EvalCommand::Lodo { corpus, format, model } => {
            let model = load_model(model.as_deref())?;
            let l = eval::lodo::run(&corpus, &model).map_err(|e| anyhow::anyhow!("{}: {e}", corpus.display()))?;
            match format {
                EvalFormat::Table => eval::lodo::render(&l),
                EvalFormat::Json => serde_json::to_string_pretty(&l)? + "\n",
            }
        }
        EvalCommand::Diff {
            corpus,
            extracted,
            beta,
            format,
            model,
        } => {
            let model = load_model(model.as_deref())?;
            let source = if extracted {
                eval::diff::Source::Extracted
            } else {
                eval::diff::Source::Reference
            };
            let e = eval::diff::run(&corpus, source, &model, beta)
                .map_err(|e| anyhow::anyhow!("{}: {e}", corpus.display()))?;
            match format {
                EvalFormat::Table => eval::diff::render(&e),
                EvalFormat::Json => serde_json::to_string_pretty(&e)? + "\n",
            }
        }
        EvalCommand::Claims { gold, pred, format } => {
            let load = |p: &Path| {
                Store::load(&[p.to_path_buf()]).map_err(|diags| {
                    for d in &diags {
                        eprintln!("{d}");
                    }
                    anyhow::anyhow!("{}: {} in the claim files", p.display(), plural(diags.len(), "problem"))
                })
            };
            let s = eval::claims::score(&load(&gold)?, &load(&pred)?);
            match format {
                EvalFormat::Table => eval::claims::render(&s),
                EvalFormat::Json => serde_json::to_string_pretty(&s)? + "\n",
            }
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The directory of the regular file stdout is redirected to
/// (`extract a.txt > claims/a.yaml`), where the system tells it; None for a
/// terminal or a pipe.
fn stdout_file_dir() -> Option<PathBuf> {
    let meta = std::fs::metadata("/dev/stdout").ok()?;
    if !meta.is_file() {
        return None;
    }
    let file = std::fs::read_link("/proc/self/fd/1").ok()?;
    file.parent().map(Path::to_path_buf)
}

/// `n word` or `n words`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `path` relative to `base` when they share more than the root, else
/// `path` made absolute (`/tmp/a.txt` stays so from `/work/claims`).
fn relative_path(path: &Path, base: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (p, b) = (abs(path), abs(base));
    let pc: Vec<_> = p.components().collect();
    let bc: Vec<_> = b.components().collect();
    let common = pc.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let root_only = pc.first().is_some_and(|c| matches!(c, std::path::Component::RootDir)) && common <= 1;
    if common == 0 || root_only {
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

fn run_fmt(paths: &[PathBuf], check_only: bool) -> Result<ExitCode> {
    let report = check::check_paths(paths);
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

fn run_report(args: ReportArgs, color: report::ColorChoice) -> Result<ExitCode> {
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
    let Some(store) = load_or_report(&paths) else {
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

/// A positive finite number (clap rejects anything else: exit status 2).
fn positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => Ok(x),
        _ => Err(format!("`{s}` is not a positive number")),
    }
}
