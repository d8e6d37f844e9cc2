//! `claimtrack eval`: score extraction, linking and diff against annotated
//! corpora, and time extraction (for developers of the extractor).

use super::{load_model, plural};
use anyhow::{Context, Result};
use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::eval;
use claimtrack::extract;
use claimtrack::store::Store;
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The eval subcommands.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
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
        /// Calibrate thresholds on the most recall at this precision or
        /// more (the default: 0.75, the rule of diff's built-in threshold).
        #[arg(long, value_name = "P", value_parser = unit)]
        min_precision: Option<f64>,
        /// Calibrate thresholds on the best F-beta instead: 1 is F1, 0.5
        /// weighs precision twice as much as recall.
        #[arg(long, value_name = "B", value_parser = positive, conflicts_with = "min_precision")]
        beta: Option<f64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Cue model written by `claimtrack train` (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// List each held-out dispute's errors at its threshold: the
        /// reference links `repeated` missed and its pairs the reference
        /// does not link, with both claims, similarity and sections.
        #[arg(long)]
        errors: bool,
    },
    /// How well extracted claims' `confidence` is calibrated: extract the
    /// articles of a reference corpus (laid out as for `eval lodo`), call a
    /// claim right when content, claimant and stance agree with the
    /// reference, and compare confidence with the share right, in bins;
    /// each dispute is predicted by weights fitted on the others. Prints
    /// the weights fitted on every claim, which the built-in ones should be.
    Confidence {
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

/// Output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A readable table.
    Table,
    /// JSON.
    Json,
}

impl EvalFormat {
    /// A result as a table (by `render`) or as JSON.
    fn show<T: serde::Serialize>(self, value: &T, render: fn(&T) -> String) -> Result<String> {
        Ok(match self {
            EvalFormat::Table => render(value),
            EvalFormat::Json => serde_json::to_string_pretty(value)? + "\n",
        })
    }
}

/// Runs one evaluation and prints its table or JSON.
pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
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
                extract::spans::from_extracted(&a.text, &extract::span_attributions(a, &model))
            })?;
            let s = eval::spans::score(&docs);
            format.show(&s, eval::spans::render)?
        }
        EvalCommand::Lodo { corpus, format, model } => {
            let model = load_model(model.as_deref())?;
            let l = eval::lodo::run(&corpus, &model).map_err(|e| anyhow::anyhow!("{}: {e}", corpus.display()))?;
            format.show(&l, eval::lodo::render)?
        }
        EvalCommand::Diff {
            corpus,
            extracted,
            min_precision,
            beta,
            format,
            model,
            errors,
        } => {
            let model = load_model(model.as_deref())?;
            let source = if extracted {
                eval::diff::Source::Extracted
            } else {
                eval::diff::Source::Reference
            };
            let objective = match (beta, min_precision) {
                (Some(beta), _) => eval::diff::Objective::FBeta(beta),
                (None, Some(min_precision)) => eval::diff::Objective::Recall { min_precision },
                (None, None) => eval::diff::Objective::default(),
            };
            let e = eval::diff::run(&corpus, source, &model, objective, errors)
                .map_err(|e| anyhow::anyhow!("{}: {e}", corpus.display()))?;
            format.show(&e, eval::diff::render)?
        }
        EvalCommand::Confidence { corpus, format, model } => {
            let model = load_model(model.as_deref())?;
            let c = eval::confidence::run(&corpus, &model).map_err(|e| anyhow::anyhow!("{}: {e}", corpus.display()))?;
            format.show(&c, eval::confidence::render)?
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
            format.show(&s, eval::claims::render)?
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A positive finite number (clap rejects anything else: exit status 2).
fn positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => Ok(x),
        _ => Err(format!("`{s}` is not a positive number")),
    }
}

/// A precision: a number from 0 to 1.
fn unit(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number from 0 to 1")),
    }
}
