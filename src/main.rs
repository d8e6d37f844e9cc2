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
static ALLOC: Alloc = Alloc;

/// [`mimalloc::MiMalloc`], but a block aligned to at most a word comes from
/// mimalloc's plain entry points: every mimalloc block is word-aligned, and
/// the aligned entry point `MiMalloc` always takes cost a third of the
/// instructions of extraction's allocations (callgrind).
struct Alloc;

/// The alignment every block of mimalloc has.
const WORD: usize = std::mem::size_of::<usize>();

#[allow(unsafe_code, reason = "a global allocator is unsafe to implement; see SAFETY")]
// SAFETY: each call is mimalloc's own for the layout (the plain calls only
// when the alignment is at most a word, which all of mimalloc's blocks
// have), and mimalloc frees blocks of either entry point with `mi_free`.
unsafe impl std::alloc::GlobalAlloc for Alloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as for the impl.
            unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: as for the impl.
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as for the impl.
            unsafe { libmimalloc_sys::mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as for the impl.
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: as for the impl.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as for the impl.
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: as for the impl.
            unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

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
