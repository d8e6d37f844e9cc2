//! Two directories of 1,000 generated claim files each (10 claims a file),
//! OLD and NEW, for measuring `diff` at scale: shared by `benches/diff.rs`,
//! `examples/diffgen.rs` (writes them for the CLI) and `tests/diff_scale.rs`
//! through `#[path]`, so every measurement diffs the same files.

use std::path::{Path, PathBuf};

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

/// Writes OLD into `dir/old` and NEW into `dir/new` and returns both paths.
/// NEW repeats (with a word added), denies or adds to OLD's claims.
pub fn write_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let (old, new) = (dir.join("old"), dir.join("new"));
    let old_claims = generate(&old, "old", 1, None);
    generate(&new, "new", 2, Some(&old_claims));
    (old, new)
}
