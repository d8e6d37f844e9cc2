//! `claimtrack man`: the man page (roff) generated from the command
//! definitions (clap_mangen).

use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

/// Prints the page.
pub fn run(cli: clap::Command) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(cli).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
