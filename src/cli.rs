//! Command-line definitions (clap) and the glue from arguments to the
//! library: reading inputs, writing outputs, exit codes. 0: ok; 1: invalid
//! input or findings; 2: usage (clap's own exit status).

use anyhow::{Context, Result, bail};
use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::check;
use claimtrack::claim::ActorsFile;
use claimtrack::report::{self, Format, Style};
use claimtrack::store::{self, Store};
use claimtrack::{dispute, extract, fmt};
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
        } => run_extract(&inputs, output.as_deref(), force, actors.as_deref()),
        Command::Check { paths } => run_check(&default_paths(paths)),
        Command::Fmt { paths, check } => run_fmt(&default_paths(paths), check),
        Command::Schema => {
            let mut out = std::io::stdout().lock();
            out.write_all(claimtrack::schema::JSON_SCHEMA.as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
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
        // The schema the files' modeline points at; an existing one is kept.
        let schema = dir.join(claimtrack::schema::FILE_NAME);
        match store::write_atomic(&schema, claimtrack::schema::JSON_SCHEMA, false) {
            Ok(()) | Err(store::WriteError::Exists(_)) => {}
            Err(e) => eprintln!("claimtrack: warning: {e}"),
        }
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
            claimtrack::schema::modeline(),
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
                    match store::write_atomic(path, &new, true) {
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
        eprintln!("{changed} files would be reformatted (run claimtrack fmt)");
        failed = true;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
