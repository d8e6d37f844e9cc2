//! `diff` of a directory of 1,000 claim files against another of 1,000
//! (10 claims each), generated in a temporary directory: loading both
//! directories and comparing them, and the comparison alone.
//!
//! Run with `cargo bench --bench diff`.

use claimtrack::diff;
use claimtrack::matching::DEFAULT_THRESHOLD;
use claimtrack::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use std::time::Duration;

const FILES: usize = 1_000;
const CLAIMS_PER_FILE: usize = 10;

/// A small deterministic generator (64-bit LCG), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly Zipf-distributed rank in 0..n: frequent words are frequent.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() as f64 + 1.0) / ((1u64 << 31) as f64 + 1.0);
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// Pronounceable made-up words, so the stemmer and stop-word list see
/// realistic shapes.
fn vocabulary(n: usize) -> Vec<String> {
    const ON: &[&str] = &["b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "tr"];
    const NU: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    let mut rng = Rng(7);
    (0..n)
        .map(|_| {
            let syllables = 2 + rng.below(3);
            (0..syllables)
                .map(|_| format!("{}{}", ON[rng.below(ON.len())], NU[rng.below(NU.len())]))
                .collect::<String>()
        })
        .collect()
}

const REAL: &[&str] = &[
    "militants",
    "operate",
    "from",
    "Afghan",
    "soil",
    "attack",
    "border",
    "crossing",
    "denied",
    "the",
    "Pakistan",
    "Taliban",
    "were",
    "killed",
    "not",
    "forces",
    "clash",
    "Kabul",
    "Islamabad",
    "said",
];

/// A content: a quarter of its words from a short list of words of the
/// domain (some of them stop words), the rest Zipf-distributed over the
/// made-up vocabulary. The Zipf curve starts at rank 100: in real text the
/// top of the curve is function words, which are stop words.
fn content(rng: &mut Rng, words: &[String]) -> String {
    let len = 6 + rng.below(14);
    (0..len)
        .map(|_| {
            if rng.below(4) == 0 {
                REAL[rng.below(REAL.len())].to_string()
            } else {
                words[100 + rng.zipf(words.len() - 100)].clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `FILES` claim files into `dir`. NEW files repeat (with a word
/// changed), deny or add to claims of OLD, so every group of the diff has
/// members.
fn generate(dir: &Path, prefix: &str, seed: u64, base: Option<&[(String, String)]>) -> Vec<(String, String)> {
    std::fs::create_dir_all(dir).unwrap();
    let words = vocabulary(20_000);
    let mut rng = Rng(seed);
    let mut made = Vec::new();
    for f in 0..FILES {
        let id = format!("2025-03-{:02}-{prefix}-{f:04}", 1 + f % 28);
        let mut text = format!("schema: claimtrack/1\narticle:\n  id: {id}\nclaims:\n");
        for c in 0..CLAIMS_PER_FILE {
            let (claimant, mut body, mut stance) = (
                format!("Actor {}", rng.below(50)),
                content(&mut rng, &words),
                if rng.below(5) == 0 { "denies" } else { "asserts" },
            );
            let mut claimant = claimant;
            if let Some(base) = base {
                match rng.below(3) {
                    0 => {
                        let (who, what) = &base[rng.below(base.len())];
                        claimant = who.clone();
                        body = format!("{what} {}", words[rng.below(words.len())]);
                        stance = "asserts";
                    }
                    1 => {
                        let (_, what) = &base[rng.below(base.len())];
                        body = what.clone();
                        stance = "denies";
                    }
                    _ => {}
                }
            }
            text.push_str(&format!(
                "  - id: c{}\n    claimant: {claimant}\n    stance: {stance}\n    content: {body}\n",
                c + 1
            ));
            made.push((claimant, body));
        }
        std::fs::write(dir.join(format!("{id}.yaml")), text).unwrap();
    }
    made
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let (old_dir, new_dir): (PathBuf, PathBuf) = (tmp.path().join("old"), tmp.path().join("new"));
    let old_claims = generate(&old_dir, "old", 1, None);
    generate(&new_dir, "new", 2, Some(&old_claims));
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
