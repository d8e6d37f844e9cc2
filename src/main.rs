//! The `claimtrack` binary: parses arguments and calls the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimtrack: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
