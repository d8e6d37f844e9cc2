//! The `claimtrack` binary: parses arguments and calls the library.

#[macro_use]
mod output;
mod cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: claim files, tokens and
/// report rows are many small allocations, often freed on another thread
/// than the one that made them; with it `report` runs 16% fewer
/// instructions (callgrind). Built without transparent huge pages
/// (`no_thp`): with them the kernel's page compaction cost `report` over
/// 20,000 files 0.6-0.8 s of system time (docs/batch.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ignore_file_size_signal();
    let code = match cli::run() {
        Ok(code) => code,
        // The reader went away (`| head`): not an error of ours.
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimtrack: {e:#}");
            ExitCode::from(1)
        }
    };
    output::flush();
    code
}

/// Past a file-size limit (`ulimit -f`) Unix kills the process with SIGXFSZ
/// before it can say anything. Ignored, the write fails with EFBIG instead,
/// and the error names the file while the previous one stays intact.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    #[allow(unsafe_code, reason = "the one call into libc; see SAFETY")]
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler
    // code and is done once, before any thread is started.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
