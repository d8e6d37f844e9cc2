//! Throughput of each stage: sentence splitting, extraction of one article,
//! extraction of the PolNeAR train texts (one and two threads, in words per
//! second), and check/report over a generated directory of 20,000 claim
//! files. Run with `cargo bench --bench pipeline`; one group with e.g.
//! `cargo bench --bench pipeline -- polnear-train`.
//!
//! - `polnear-train/extract-threads/N`: the articles in memory, extracted
//!   with `par_iter` on N threads (the extraction alone).
//! - `polnear-train/pipeline-threads/N`: what `claimtrack extract DIR
//!   --format jsonl -jN` does short of writing to stdout: files read in
//!   order, one task per article through `batch::run_ordered`, each claim
//!   file rendered as a JSON line and handed back in input order.
//! - `claims-20000/check` and `claims-20000/report`: `claimtrack check` and
//!   `claimtrack report --width 120` (terminal) over 20,000 generated claim
//!   files (300,000 claims), on all cores.
//!
//! The allocator is the binary's (mimalloc), so that the figures are the
//! command's. The corpus benchmarks read ../shared/corpus/polnear/train/text
//! when it is there and say they skipped otherwise; the other benchmarks use
//! the bundled example.

use claimtrack::actors::Actors;
use claimtrack::article::Article;
use claimtrack::batch::{self, Input, Window};
use claimtrack::store::Store;
use claimtrack::{check, extract, report, text};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> Article {
    Article::from_file(&root().join("claims/articles/2025-04-16-pakistan-afghanistan-jcc.txt")).unwrap()
}

fn words(a: &Article) -> u64 {
    a.body().split_whitespace().count() as u64
}

fn single_article(c: &mut Criterion) {
    let a = example();
    let actors = Actors::default();
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Elements(words(&a)));
    g.bench_function("sentences", |b| b.iter(|| text::sentences(&a.text, a.body_start)));
    g.bench_function("extract", |b| b.iter(|| extract::extract(&a, &actors, None)));
    g.finish();
}

fn corpus(c: &mut Criterion) {
    let dir = root().join("../shared/corpus/polnear/train/text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped corpus benchmark: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let articles: Vec<Article> = paths.iter().filter_map(|p| Article::from_file(p).ok()).collect();
    let total: u64 = articles.iter().map(words).sum();
    let actors = Actors::default();
    let mut g = c.benchmark_group("polnear-train");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.throughput(Throughput::Elements(total));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        g.bench_with_input(BenchmarkId::new("extract-threads", threads), &threads, |b, _| {
            b.iter(|| {
                pool.install(|| {
                    articles
                        .par_iter()
                        .map(|a| extract::extract(a, &actors, None).claims.len())
                        .sum::<usize>()
                })
            })
        });
    }
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Text).collect();
    let window = Window {
        articles: 512,
        bytes: 16 << 20,
    };
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        g.bench_with_input(BenchmarkId::new("pipeline-threads", threads), &threads, |b, _| {
            b.iter(|| {
                let mut bytes = 0;
                batch::run_ordered(
                    &pool,
                    &inputs,
                    window,
                    |a| serde_json::to_string(&extract::extract(&a, &actors, None)).unwrap(),
                    |line| bytes += line.unwrap().len() + 1,
                )
                .unwrap();
                bytes
            })
        });
    }
    g.finish();
}

/// Writes `n` claim files (copies of the bundled one under other ids) and
/// the actors file into `dir`.
fn generate(dir: &Path, n: usize) {
    let src = std::fs::read_to_string(root().join("claims/2025-04-16-pakistan-afghanistan-jcc.yaml")).unwrap();
    for i in 0..n {
        let id = format!("a{i:05}");
        let text = src
            .replace("id: 2025-04-16-pakistan-afghanistan-jcc", &format!("id: {id}"))
            .replace("  text: articles/2025-04-16-pakistan-afghanistan-jcc.txt\n", "");
        std::fs::write(dir.join(format!("{id}.yaml")), text).unwrap();
    }
    std::fs::copy(root().join("claims/actors.yaml"), dir.join("actors.yaml")).unwrap();
}

fn directory(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), 20_000);
    let paths = vec![tmp.path().to_path_buf()];
    let mut g = c.benchmark_group("claims-20000");
    g.sample_size(10).measurement_time(Duration::from_secs(60));
    g.bench_function("check", |b| {
        b.iter(|| {
            let r = check::check_paths(&paths);
            assert!(!r.has_errors());
            r.files_read
        })
    });
    g.bench_function("report", |b| {
        b.iter(|| {
            let store = Store::load(&paths).unwrap();
            let model = report::Briefing::new(&store, &report::Query::default());
            let style = report::Style {
                width: Some(120),
                color: false,
            };
            let mut out = Vec::new();
            report::render(&model, report::Format::Terminal, report::By::Dispute, style, &mut out).unwrap();
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, single_article, corpus, directory);
criterion_main!(benches);
