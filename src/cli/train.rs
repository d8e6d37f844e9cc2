//! `claimtrack train`: learn the cue model from a BRAT corpus or the linker
//! from reference claim files (for developers of the extractor).

use super::plural;
use anyhow::{Result, bail};
use claimtrack::corpus::brat;
use claimtrack::eval;
use claimtrack::extract;
use claimtrack::store::{self, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The train command's options.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["corpus", "links"])))]
pub struct TrainArgs {
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
}

/// Trains what the arguments name and writes it.
pub fn run(args: &TrainArgs) -> Result<ExitCode> {
    match (&args.corpus, &args.links) {
        (Some(corpus), _) => run_train(corpus, &args.output, args.force),
        (None, Some(links)) => run_train_links(links, &args.output, args.force),
        (None, None) => unreachable!("clap requires --corpus or --links"),
    }
}

fn run_train(corpus: &Path, output: &Path, force: bool) -> Result<ExitCode> {
    let docs = eval::read_span_corpus(&corpus.join("attributions"), &corpus.join("text"), |_| Vec::new())?;
    let input: Vec<(&str, usize, &brat::Document)> =
        docs.iter().map(|d| (d.text.as_str(), d.body_start, &d.gold)).collect();
    let model =
        extract::Model::train(&input).map_err(|e| anyhow::anyhow!("{}: training failed: {e}", corpus.display()))?;
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
        .map_err(|e| anyhow::anyhow!("{}: training failed: {e}", claims.display()))?;
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
