//! Writes the generated OLD and NEW directories of `benches/diff.rs` (1,000
//! claim files each) into DIR, for timing the CLI on them:
//!
//! ```text
//! cargo run --release --example diffgen -- /tmp/dg
//! /usr/bin/time -v target/release/claimtrack diff /tmp/dg/old /tmp/dg/new > /dev/null
//! ```

#[path = "../tests/support/diffgen.rs"]
mod diffgen;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: diffgen DIR");
        std::process::exit(2);
    };
    let (old, new) = diffgen::write_pair(std::path::Path::new(&dir));
    println!("{}\n{}", old.display(), new.display());
}
