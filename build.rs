//! Compiles the word lists of `src/extract/words.tsv` into the constants of
//! `WordClass` (one bit per list), so a list named in the code that the
//! file lacks is a compile error rather than a silent `false`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let src = "src/extract/words.tsv";
    println!("cargo::rerun-if-changed={src}");
    let tsv = std::fs::read_to_string(src).expect("src/extract/words.tsv is readable");
    let names: Vec<&str> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(name, _)| name))
        .collect();
    assert!(
        names.len() <= 32,
        "words.tsv has {} lists; WordClass holds 32",
        names.len()
    );
    let mut out = String::from("impl WordClass {\n");
    for (bit, name) in names.iter().enumerate() {
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "words.tsv: list name {name:?} is not lower_snake_case"
        );
        writeln!(out, "    /// The `{name}` list of words.tsv.").unwrap();
        writeln!(
            out,
            "    pub const {}: WordClass = WordClass(1 << {bit});",
            name.to_uppercase()
        )
        .unwrap();
    }
    out.push_str("    /// Every list by its name in words.tsv.\n    const NAMED: &[(&str, WordClass)] = &[\n");
    for name in &names {
        writeln!(out, "        ({name:?}, WordClass::{}),", name.to_uppercase()).unwrap();
    }
    out.push_str("    ];\n}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("word_class.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
