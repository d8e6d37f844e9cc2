//! `claimtrack completions SHELL`: a completion script generated from the
//! command definitions (clap_complete), so it never lags behind them.

use anyhow::Result;
use std::process::ExitCode;

/// The completions command's options.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Prints the script for `args.shell`.
pub fn run(args: &CompletionsArgs, cli: &mut clap::Command) -> Result<ExitCode> {
    clap_complete::generate(args.shell, cli, "claimtrack", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
