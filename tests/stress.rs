//! A bounded stress test on stable Rust against the two fuzzing entry points
//! (`claimtrack::fuzzing`): mutated articles through extraction, mutated
//! claim files through `check`. Seeds are the bundled examples and the
//! regression inputs in `tests/regressions/`, which also run on their own.
//!
//! Runs `CLAIMTRACK_STRESS_SECS` seconds per target (default 3) and prints
//! how many inputs it tried; a failing input is written to the system temp
//! directory (its path is printed) and belongs in `tests/regressions/`.

use claimtrack::fuzzing;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// xorshift64*: reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that matter to YAML and to the extractor.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "\n",
    "\r\n",
    "\t",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "\u{feff}",
    "\0",
    "\u{1b}[2J",
    "\u{202e}",
    "“",
    "”",
    "’",
    "said",
    "denied",
    "according to",
    " that ",
    "claims:\n",
    "  - id: c1\n",
    "rebuts: [c1]",
    "same_as: [x#c1]",
    "stance: denies",
    "span: [1, 2]",
    "confidence: 2",
    "published: 2025-13-45",
    "\u{e9}",
    "\u{ffff}",
    "\u{10ffff}",
    "0x",
    "~",
    "null",
    "?",
    "%YAML 1.2\n",
    "<<: ",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, t.iter().copied());
            }
            3 if !input.is_empty() => {
                let end = (at + rng.below(64)).min(input.len());
                input.drain(at.min(end)..end);
            }
            4 if !input.is_empty() => {
                let s = rng.below(input.len());
                let e = (s + rng.below(256)).min(input.len());
                let piece = input[s..e].to_vec();
                input.splice(at..at, piece);
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                let s = rng.below(other.len());
                let e = (s + rng.below(512)).min(other.len());
                input.splice(at..at, other[s..e].iter().copied());
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let end = (at + t.len()).min(input.len());
                input.splice(at..end, t.iter().copied());
            }
        }
    }
    input.truncate(16 * 1024);
}

fn stress(name: &str, seeds: Vec<Vec<u8>>, target: fn(&[u8])) {
    let secs = std::env::var("CLAIMTRACK_STRESS_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seed = std::env::var("CLAIMTRACK_STRESS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_c1a1_u64);
    let mut rng = Rng(seed);
    let start = Instant::now();
    let mut runs = 0u64;
    let mut input = Vec::new();
    while start.elapsed() < Duration::from_secs(secs) {
        if runs.is_multiple_of(32) {
            input = seeds[rng.below(seeds.len())].clone();
        }
        mutate(&mut rng, &seeds, &mut input);
        let attempt = input.clone();
        if std::panic::catch_unwind(|| target(&attempt)).is_err() {
            let path = std::env::temp_dir().join(format!("claimtrack-{name}-crash-{runs}"));
            std::fs::write(&path, &attempt).unwrap();
            panic!("{name}: input {runs} failed; saved to {}", path.display());
        }
        runs += 1;
    }
    eprintln!(
        "{name}: {runs} inputs in {:?}, no failure (seed {seed})",
        start.elapsed()
    );
    assert!(runs > 0);
}

fn article_seeds() -> Vec<Vec<u8>> {
    let mut s = files(&root().join("claims/articles"), "txt");
    s.extend(files(&root().join("tests/regressions"), "txt"));
    s.push(b"Pakistan maintains that armed groups operate from Afghan soil, a claim Afghan officials denied.".to_vec());
    s
}

fn claim_seeds() -> Vec<Vec<u8>> {
    let mut s = files(&root().join("claims"), "yaml");
    s.extend(files(&root().join("tests/regressions"), "yaml"));
    s
}

/// JSON Lines: the example articles as lines, ids that try to be paths,
/// and the JSON Lines regression inputs.
fn jsonl_seeds() -> Vec<Vec<u8>> {
    let mut lines: Vec<String> = article_seeds()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let text = String::from_utf8_lossy(a).chars().take(2000).collect::<String>();
            serde_json::json!({"id": format!("a{i}"), "title": "T", "published": "2025-04-16", "text": text})
                .to_string()
        })
        .collect();
    for id in ["../x", "/abs", ".h", "actors", "", "a/b"] {
        lines.push(serde_json::json!({"id": id, "text": "Officials said the border was closed."}).to_string());
    }
    let mut s: Vec<Vec<u8>> = lines.iter().map(|l| format!("{l}\n").into_bytes()).collect();
    s.push(lines.join("\n").into_bytes());
    s.extend(files(&root().join("tests/regressions"), "jsonl"));
    s
}

#[test]
fn regression_inputs_pass() {
    for input in files(&root().join("tests/regressions"), "txt") {
        fuzzing::extract_article(&input);
    }
    for input in files(&root().join("tests/regressions"), "yaml") {
        fuzzing::check_claim_file(&input);
        fuzzing::fmt_claim_file(&input);
    }
    for input in jsonl_seeds() {
        fuzzing::read_jsonl(&input);
    }
    for input in article_seeds() {
        fuzzing::extract_article(&input);
    }
    for input in claim_seeds() {
        fuzzing::check_claim_file(&input);
    }
}

#[test]
fn stress_extract_article() {
    stress("extract_article", article_seeds(), fuzzing::extract_article);
}

#[test]
fn stress_check_claim_file() {
    stress("check_claim_file", claim_seeds(), fuzzing::check_claim_file);
}

#[test]
fn stress_fmt_claim_file() {
    stress("fmt_claim_file", claim_seeds(), fuzzing::fmt_claim_file);
}

#[test]
fn stress_read_jsonl() {
    stress("read_jsonl", jsonl_seeds(), fuzzing::read_jsonl);
}
