//! `claimtrack diff` of 1,000 × 1,000 generated claim files (10,000 claims a
//! side, `support/diffgen.rs`) within the bars of issue #17: under 2 s and
//! 200 MB peak resident memory. Ignored by default: it means something only
//! on a release build and a machine that is not busy with other work.
//!
//! `cargo test --release --test diff_scale -- --ignored --nocapture`

#[path = "support/diffgen.rs"]
mod diffgen;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Peak resident memory of the children waited for so far, in bytes.
#[allow(unsafe_code, reason = "getrusage has no safe wrapper in std")]
fn children_peak_rss() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; `usage` outlives the call.
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) }, 0);
    // Linux reports kilobytes.
    u64::try_from(usage.ru_maxrss).unwrap() * 1024
}

#[test]
#[ignore = "timing: run on a release build of a quiet machine"]
fn diff_of_1000_by_1000_files_under_2_s_and_200_mb() {
    if cfg!(debug_assertions) {
        panic!("run with --release: a debug build says nothing about the bars");
    }
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = diffgen::write_pair(tmp.path());
    let start = Instant::now();
    let status = Command::new(assert_cmd::cargo::cargo_bin("claimtrack"))
        .arg("diff")
        .args([&old, &new])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    let wall = start.elapsed();
    assert!(status.success());
    let rss = children_peak_rss();
    println!("diff 1000 x 1000 files: {wall:.2?}, peak RSS {} MB", rss >> 20);
    assert!(wall < Duration::from_secs(2), "{wall:?}");
    assert!(rss < 200 << 20, "{rss} bytes");
}
