//! Command-line definitions (clap) and the glue from arguments to the
//! library: reading inputs, writing outputs, exit codes. 0: ok; 1: invalid
//! input or findings; 2: usage (clap's own exit status).

use anyhow::{Context, Result, bail};
use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::check;
use claimtrack::claim::ActorsFile;
use claimtrack::eval::{self, brat};
use claimtrack::report::{self, Format, Style};
use claimtrack::store::{self, Store};
use claimtrack::{dispute, extract};
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
        /// Output format: claim files (yaml) or BRAT standoff (brat: one
        /// PolNeAR-style ID.ann per article, code-point offsets).
        #[arg(long, value_enum, default_value_t = ExtractFormat::Yaml)]
        format: ExtractFormat,
        /// Cue model written by `claimtrack train` (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Learn the cue model from a BRAT-annotated corpus (DIR/attributions/ID.ann
    /// beside DIR/text/ID.txt, as PolNeAR is laid out).
    Train {
        /// Corpus directory.
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
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
    /// Validate claim files and actors files; print every problem as
    /// path:line:column: message.
    Check {
        /// Claim files, actors files or directories (default: claims/).
        paths: Vec<PathBuf>,
    },
    /// Print the contested-claim table of a claims directory.
    Report {
        /// Claims directories or files (default: claims/).
        paths: Vec<PathBuf>,
        /// List every claim, not only contested ones.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Terminal)]
        format: FormatArg,
        /// Table width in columns (default: the terminal's width).
        #[arg(long, value_name = "COLUMNS")]
        width: Option<u16>,
    },
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
enum ExtractFormat {
    /// Claim files (YAML).
    Yaml,
    /// BRAT standoff (.ann).
    Brat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EvalFormat {
    /// A readable table.
    Table,
    /// JSON.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Tables for the terminal.
    Terminal,
    /// Markdown tables.
    Markdown,
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
            format,
            model,
        } => run_extract(
            &inputs,
            output.as_deref(),
            force,
            actors.as_deref(),
            format,
            &*load_model(model.as_deref())?,
        ),
        Command::Train { corpus, output, force } => run_train(&corpus, &output, force),
        Command::Eval(cmd) => run_eval(cmd),
        Command::Check { paths } => run_check(&default_paths(paths)),
        Command::Report {
            paths,
            all,
            format,
            width,
        } => run_report(&default_paths(paths), all, format, width),
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

fn run_extract(
    inputs: &[PathBuf],
    output: Option<&Path>,
    force: bool,
    actors: Option<&Path>,
    format: ExtractFormat,
    model: &extract::Model,
) -> Result<ExitCode> {
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
        let ext = match format {
            ExtractFormat::Yaml => "yaml",
            ExtractFormat::Brat => "ann",
        };
        let target = output.map(|d| d.join(format!("{}.{ext}", article.id)));
        let text_path = match (&article.path, &target) {
            (Some(src), Some(t)) => Some(relative_path(src, t.parent().unwrap_or(Path::new(".")))),
            (Some(src), None) => Some(src.display().to_string()),
            _ => None,
        };
        if format == ExtractFormat::Brat {
            let atts = extract::attributions(&article, model);
            let ann = brat::to_ann(&article.text, &brat::from_extracted(&article.text, &atts));
            failed |= !emit(target.as_deref(), &ann, force, atts.len())?;
            continue;
        }
        let file = extract::extract_with(&article, &actors, text_path, model);
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
        failed |= !emit(target.as_deref(), &yaml, force, file.claims.len())?;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Writes `data` to `target` atomically (reporting on stderr) or to stdout;
/// false when the file could not be written.
fn emit(target: Option<&Path>, data: &str, force: bool, claims: usize) -> Result<bool> {
    match target {
        Some(t) => match store::write_atomic(t, data, force) {
            Ok(()) => {
                eprintln!("wrote {} ({claims} claims)", t.display());
                Ok(true)
            }
            Err(e) => {
                eprintln!("claimtrack: {e}");
                Ok(false)
            }
        },
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(data.as_bytes())?;
            out.flush()?;
            Ok(true)
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

fn run_eval(cmd: EvalCommand) -> Result<ExitCode> {
    let text = match cmd {
        EvalCommand::Bench { text, repeat, model } => {
            let model = load_model(model.as_deref())?;
            let mut articles = Vec::new();
            for p in article_inputs(&[text])? {
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
                brat::from_extracted(&a.text, &extract::attributions(a, &model))
            })?;
            let s = eval::spans::score(&docs);
            match format {
                EvalFormat::Table => eval::spans::render(&s),
                EvalFormat::Json => serde_json::to_string_pretty(&s)? + "\n",
            }
        }
        EvalCommand::Claims { gold, pred, format } => {
            let load = |p: &Path| {
                Store::load(&[p.to_path_buf()]).map_err(|diags| {
                    for d in &diags {
                        eprintln!("{d}");
                    }
                    anyhow::anyhow!("{}: {} problems in the claim files", p.display(), diags.len())
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

fn run_report(paths: &[PathBuf], all: bool, format: FormatArg, width: Option<u16>) -> Result<ExitCode> {
    let store = match Store::load(paths) {
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
    let model = dispute::build(&store, all);
    let tty = std::io::stdout().is_terminal();
    let style = Style {
        width: width.or_else(|| tty.then(terminal_width).flatten()),
        color: tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let format = match format {
        FormatArg::Terminal => Format::Terminal,
        FormatArg::Markdown => Format::Markdown,
    };
    let text = report::render(&store, &model, format, style);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The terminal's width, or `COLUMNS`.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| comfy_table::Table::new().width())
}
