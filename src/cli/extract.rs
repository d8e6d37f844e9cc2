//! `claimtrack extract`: articles in, claim files out, in parallel and in
//! input order ([`claimtrack::batch`]), with a progress bar on a terminal.

use super::{load_model, plural};
use anyhow::{Context, Result, bail};
use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::batch;
use claimtrack::check;
use claimtrack::claim::ActorsFile;
use claimtrack::corpus::brat;
use claimtrack::extract;
use claimtrack::store;
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

/// The extract command's options.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
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

/// Extracts every input, to stdout or one file per article.
pub fn run(o: &ExtractArgs) -> Result<ExitCode> {
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
        return Err(e).context("stdout: cannot write");
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
            brat::to_ann(&article.text, &extract::spans::from_extracted(&article.text, &atts))
        }
        (None, ExtractFormat::Jsonl) => serde_json::to_string(&file).expect("a claim file always serialises"),
        _ => file.to_yaml(&header),
    };
    let words = claimtrack::text::word_count(article.body());
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

/// The actors file of `--actors` (or beside -o), refused when invalid:
/// claimants would otherwise resolve differently than `check` says.
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
