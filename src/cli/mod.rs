//! Command-line definitions (clap) and the glue from arguments to the
//! library: reading inputs, writing outputs, exit codes. 0: ok; 1: invalid
//! input or findings; 2: usage (clap's own exit status). One file per
//! command; this one holds the command list and what several share.

use anyhow::{Context, Result, bail};
use claimtrack::edit::{self, NewLink};
use claimtrack::report::ColorChoice;
use claimtrack::store::{self, Store};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod actors;
mod check;
mod completions;
mod diff;
mod eval;
mod extract;
mod fmt;
mod history;
mod link;
mod man;
mod report;
mod review;
mod schema;
mod train;

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

impl From<ColorArg> for ColorChoice {
    fn from(c: ColorArg) -> Self {
        match c {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
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
    Extract(extract::ExtractArgs),
    /// Propose the rebuts, counters and supports links a claims directory
    /// lacks, within each article and across articles published within a
    /// week of each other, with the learned linker.
    ///
    /// Links already in the files are kept and never proposed again. With
    /// --write, adds the proposals to the claim files in place, keeping
    /// comments, order and every untouched line.
    Link(link::LinkArgs),
    /// Validate claim files and actors files; print every problem as
    /// path:line:column: message.
    Check(check::CheckArgs),
    /// Put claim files in canonical form: key order, indentation, claims in
    /// id order. Comments are kept; a file already canonical is not touched.
    Fmt(fmt::FmtArgs),
    /// Print the JSON Schema of claim files and actors files (for editors).
    Schema,
    /// Report the contested claims of a claims directory: one block per
    /// dispute, most contested first, or one row per actor with --by actor.
    ///
    /// Filters combine (all must hold) and select claims; a block is shown
    /// when its claim or one of its responses is selected.
    Report(report::ReportArgs),
    /// Compare the claims of NEW with those of OLD: repeated, echoed (same
    /// side, other voice), new, newly contested, changed position, not
    /// repeated.
    ///
    /// OLD and NEW are each a claim file, a directory of claim files, or an
    /// article text (extracted on the fly). With --write, records in NEW's
    /// claim files `same_as` for repeated claims and `rebuts`/`counters` for
    /// newly contested ones, editing them in place without disturbing
    /// anything else.
    Diff(diff::DiffArgs),
    /// Every appearance of a claim's assertion across a claims directory,
    /// in date order, with who repeated, rebutted, countered or supported it.
    History(history::HistoryArgs),
    /// Step through the claims nobody has reviewed yet, one screen each:
    /// accept, edit the claimant, stance or content, reject or skip, with
    /// single keys. Each decision is written to the claim file at once,
    /// keeping comments and every untouched line.
    Review(review::ReviewArgs),
    /// List the claimants of a claims directory with their counts and the
    /// actor each resolves to, and suggest actors for the unresolved ones.
    ///
    /// With --write, adds the suggestions to actors.yaml (creating it when
    /// absent, appending to it otherwise, never changing what is there).
    Actors(actors::ActorsArgs),
    /// Print a shell completion script: `claimtrack completions bash >
    /// ~/.local/share/bash-completion/completions/claimtrack`.
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff): `claimtrack man > claimtrack.1`.
    Man,
    /// Learn the cue model from a BRAT-annotated corpus (--corpus: DIR/attributions/ID.ann
    /// beside DIR/text/ID.txt, as PolNeAR is laid out), or the linker from
    /// reference claim files (--links: a claims directory whose files name
    /// their article texts in `text`).
    Train(train::TrainArgs),
    /// Score extraction against annotated corpora.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
}

/// Output formats of `link`, `diff` and `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DataFormat {
    /// Grouped text for the terminal.
    Terminal,
    /// JSON, claims named ARTICLE-ID#CLAIM-ID.
    Json,
}

/// Parses the command line and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let color = ColorChoice::from(cli.color);
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Link(args) => link::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Schema => schema::run(),
        Command::Report(args) => report::run(args, color),
        Command::Diff(args) => diff::run(&args),
        Command::History(args) => history::run(&args),
        Command::Review(args) => review::run(&args, color),
        Command::Actors(args) => actors::run(&args),
        Command::Completions(args) => completions::run(&args, &mut Cli::command()),
        Command::Man => man::run(Cli::command()),
        Command::Train(args) => train::run(&args),
        Command::Eval(cmd) => eval::run(cmd),
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

/// The paths given, or `claims/` when none is.
fn default_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("claims")]
    } else {
        paths.to_vec()
    }
}

/// `--threshold` of `diff` and `history`: a similarity, so within 0 and 1.
fn check_threshold(threshold: f64) -> Result<()> {
    if !(0.0..=1.0).contains(&threshold) {
        bail!("--threshold {threshold}: must be between 0 and 1");
    }
    Ok(())
}

/// Whether `-` (stdin) is among `paths`.
fn names_stdin(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| p.as_os_str() == "-")
}

/// Says that `command` edits files in place, which stdin is not; the usage
/// error's exit status.
fn stdin_cannot_be_written(command: &str) -> ExitCode {
    eprintln!("claimtrack: -: {command} edits claim files in place; give files, not stdin");
    ExitCode::from(2)
}

/// `n word` or `n words`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The model of `--model FILE`, or the built-in one.
fn load_model(path: Option<&Path>) -> Result<std::borrow::Cow<'static, claimtrack::extract::Model>> {
    match path {
        None => Ok(std::borrow::Cow::Borrowed(claimtrack::extract::Model::builtin())),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read model", p.display()))?;
            let model =
                claimtrack::extract::Model::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            Ok(std::borrow::Cow::Owned(model))
        }
    }
}

/// Adds `edits` to the claim file at `path`, which `command` read as
/// `read`: edited in place and replaced under the directory's lock, so a
/// concurrent claimtrack writer waits and its edits are read here, not lost;
/// refused when the file changed otherwise since it was read.
fn record_links(path: &Path, read: &claimtrack::claim::ClaimFile, edits: &[NewLink], command: &str) -> Result<()> {
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
        eprintln!("wrote {} ({} added)", path.display(), plural(edits.len(), "link"));
    }
    Ok(())
}
