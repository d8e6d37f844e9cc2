//! The one writer behind every line the binary prints. `println!` and
//! `eprintln!` are shadowed here (for `cli` and every module
//! under it, including commands added later), so that no output can panic:
//! the standard macros panic (exit 101) when the stream fails. A reader
//! that went away (`| head`, EPIPE) ends the run quietly with exit 0, as
//! `report` always did; any other write error (a full disk, `> /dev/full`)
//! is said on stderr and ends the run with exit 1.

use std::io::Write;

/// Writes a line to stdout through the one writer; see the module doc.
macro_rules! println {
    () => { $crate::output::stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Writes a line to stderr through the one writer; see the module doc.
macro_rules! eprintln {
    () => { $crate::output::stderr(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::stderr(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Writes to stdout, or ends the run as the module doc says.
pub fn stdout(args: std::fmt::Arguments<'_>) {
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        failed("stdout", &e);
    }
}

/// Writes to stderr, or ends the run as the module doc says.
pub fn stderr(args: std::fmt::Arguments<'_>) {
    if let Err(e) = std::io::stderr().lock().write_fmt(args) {
        failed("stderr", &e);
    }
}

/// Flushes stdout before the process exits (the standard library would
/// drop an error there silently).
pub fn flush() {
    if let Err(e) = std::io::stdout().lock().flush() {
        failed("stdout", &e);
    }
}

/// Whether an error is the reader of our output going away.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Ends the run after a failed write to `stream`. Called only between
/// whole-file writes: no temporary file is pending, so exiting at once
/// leaves nothing behind.
fn failed(stream: &str, e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    if stream != "stderr" {
        let _ = writeln!(std::io::stderr(), "claimtrack: {stream}: cannot write: {e}");
    }
    std::process::exit(1);
}
