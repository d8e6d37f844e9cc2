//! `diff` of a directory of 1,000 claim files against another of 1,000
//! (10 claims each, `tests/support/diffgen.rs`), generated in a temporary
//! directory: loading both directories, comparing them, the comparison
//! alone, and all of it with the text output written.
//!
//! Run with `cargo bench --bench diff`.

use claimtrack::diff;
use claimtrack::matching::DEFAULT_THRESHOLD;
use claimtrack::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

#[path = "../tests/support/diffgen.rs"]
mod diffgen;

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let (old_dir, new_dir) = diffgen::write_pair(tmp.path());
    let load = |p: &Path| Store::load(&[p.to_path_buf()]).expect("generated files are valid");

    let mut group = c.benchmark_group("diff 1000 x 1000 files");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("load both directories", |b| b.iter(|| (load(&old_dir), load(&new_dir))));
    group.bench_function("load both directories and compare", |b| {
        b.iter(|| {
            let (old, new) = (load(&old_dir), load(&new_dir));
            diff::diff(&old, &new, &old.actors, DEFAULT_THRESHOLD)
        })
    });
    let (old, new) = (load(&old_dir), load(&new_dir));
    group.bench_function("compare loaded directories", |b| {
        b.iter(|| diff::diff(&old, &new, &old.actors, DEFAULT_THRESHOLD))
    });
    // What `claimtrack diff OLD NEW > FILE` does: load, compare, write the
    // text (5.5 MB) through a buffer.
    group.bench_function("load, compare and write the text", |b| {
        b.iter(|| {
            let (old, new) = (load(&old_dir), load(&new_dir));
            let d = diff::diff(&old, &new, &old.actors, DEFAULT_THRESHOLD);
            let mut out = std::io::BufWriter::new(std::io::sink());
            d.write_text(&old, &new, &mut out).unwrap();
        })
    });
    group.finish();
    let d = diff::diff(&old, &new, &old.actors, DEFAULT_THRESHOLD);
    eprintln!(
        "claims: {} old, {} new; repeated {}, echoed {}, new {}, newly contested {}, changed position {}, not repeated {}",
        old.all().count(),
        new.all().count(),
        d.repeated.len(),
        d.echoed.len(),
        d.new.len(),
        d.newly_contested.len(),
        d.changed_position.len(),
        d.not_repeated.len()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
