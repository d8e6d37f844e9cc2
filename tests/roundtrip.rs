//! Properties: any valid claim file written by `ClaimFile::to_yaml` and read
//! back is equal, field for field, and passes `check`; `fmt` keeps every
//! string of any valid file and is idempotent.

use chrono::NaiveDate;
use claimtrack::claim::{ArticleMeta, Claim, ClaimFile, Stance};
use proptest::prelude::*;
use std::path::Path;

/// Any text, including control characters, line breaks, quotes and YAML
/// indicators.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        specials(),
        "[ -~]{0,30}",
        prop::sample::select(vec![
            "",
            " ",
            "null",
            "~",
            "yes",
            "No",
            "0x1F",
            "1e3",
            ".inf",
            "- a",
            "? b",
            "a: b",
            "#c",
            "&a",
            "*a",
            "!tag",
            "|",
            ">",
            "'",
            "\"",
            "@x",
            "`x",
            "%x",
            "x #y",
            "a\nb",
            "a\r\nb",
            "\u{85}",
            "\u{2028}",
            "\u{feff}x",
            "\u{ffff}\r",
            "\u{fffe}",
            "\t",
            " lead",
            "trail ",
            "\u{1b}[31m",
            "\u{202e}",
            "2025-01-01",
        ])
        .prop_map(str::to_string),
    ]
}

/// Runs of the characters YAML and terminals treat specially, mixed with
/// words: line and paragraph separators beside bidi controls (issue 18.3),
/// NEL, BOM, controls, quotes, backslashes.
fn specials() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        "\u{feff}",
        "\u{202e}",
        "\u{2066}",
        "\u{200f}",
        "\u{1b}",
        "\u{9b}",
        "\u{7f}",
        "\r",
        "\n",
        "\t",
        " ",
        "\u{a0}",
        "\\",
        "\"",
        "'",
        "#",
        ": ",
        "- ",
        "x",
        "word",
        "é",
        "\u{ffff}",
        "\u{10ffff}",
    ]);
    prop::collection::vec(piece, 1..8).prop_map(|v| v.concat())
}

/// Text that `check` accepts where a value is required: not blank.
fn required() -> impl Strategy<Value = String> {
    text().prop_map(|s| if s.trim().is_empty() { format!("x{s}") } else { s })
}

fn opt(s: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    prop::option::of(s)
}

fn claim() -> impl Strategy<Value = Claim> {
    (
        (required(), opt(text()), opt(text()), any::<bool>(), required()),
        (
            prop::option::of(any::<bool>()),
            prop::option::of((0usize..10_000, 0usize..10_000)),
        ),
        (prop::option::of(0u32..=100), opt(text())),
    )
        .prop_map(
            |((claimant, mention, cue, denies, content), (quoted, span), (conf, note))| {
                let stance = if denies { Stance::Denies } else { Stance::Asserts };
                let mut c = Claim::new("", claimant, stance, content);
                c.mention = mention;
                c.cue = cue;
                c.quoted = quoted;
                c.span = span.map(|(a, b)| [a.min(b), a.max(b)]);
                c.confidence = conf.map(|x| f64::from(x) / 100.0);
                c.note = note;
                c
            },
        )
}

fn claim_file() -> impl Strategy<Value = ClaimFile> {
    (
        "[a-z0-9][a-z0-9-]{0,20}",
        (
            opt(text()),
            prop::option::of(0i32..20_000),
            opt(text()),
            opt(text()),
            opt(required()),
        ),
        prop::collection::vec((claim(), "[a-z0-9-]{1,6}"), 0..6),
        prop::collection::vec((0usize..6, 0usize..6, 0usize..4), 0..8),
    )
        .prop_map(|(id, (title, day, source, url, text), claims, links)| {
            let published = day.map(|d| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(d as u64));
            let mut f = ClaimFile::new(ArticleMeta {
                id,
                title,
                published,
                source,
                url,
                text,
            });
            f.claims = claims
                .into_iter()
                .enumerate()
                .map(|(i, (mut c, stem))| {
                    c.id = format!("{stem}-{i}");
                    c
                })
                .collect();
            let n = f.claims.len();
            for (from, to, kind) in links {
                if n < 2 || from % n == to % n {
                    continue;
                }
                let target = f.claims[to % n].id.clone();
                let c = &mut f.claims[from % n];
                let list = match kind {
                    0 => &mut c.rebuts,
                    1 => &mut c.counters,
                    2 => &mut c.supports,
                    _ => &mut c.same_as,
                };
                if !list.contains(&target) {
                    list.push(target);
                }
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn written_claim_file_reads_back_equal(file in claim_file()) {
        let yaml = file.to_yaml(&["a header", "", "with a blank line"]);
        let back: ClaimFile = serde_yaml::from_str(&yaml).map_err(|e| TestCaseError::fail(format!("{e}\n{yaml}")))?;
        prop_assert_eq!(&back, &file, "{}", yaml);
        let name = format!("{}.yaml", file.article.id);
        let report = claimtrack::check::check_bytes(Path::new(&name), yaml.as_bytes());
        let errors: Vec<String> = report.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, yaml);
    }
}

proptest! {
    // Each case formats three texts: fewer cases keep `cargo test` quick.
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// `fmt` of a valid file in any layout (libyaml's own, or canonical
    /// with a comment inside) keeps every string and is idempotent.
    #[test]
    fn fmt_keeps_every_string_and_is_idempotent(file in claim_file()) {
        let canonical = file.to_yaml(&[]);
        let libyaml = serde_yaml::to_string(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let commented = canonical.replacen("article:\n", "article: # kept\n", 1);
        for text in [canonical, libyaml, commented] {
            // Whatever the text reads as, fmt keeps.
            let Ok(read) = serde_yaml::from_str::<ClaimFile>(&text) else { continue };
            let mut sorted = read.clone();
            sorted.claims.sort_by(|a, b| claimtrack::fmt::id_order(&a.id, &b.id));
            let once = match claimtrack::fmt::format(&text, &read) {
                Ok(claimtrack::fmt::Outcome::Unchanged) => text.clone(),
                Ok(claimtrack::fmt::Outcome::Changed(t)) => t,
                // Refusing is allowed (nothing is written); losing is not.
                Err(_) => continue,
            };
            let back: ClaimFile = serde_yaml::from_str(&once).map_err(|e| TestCaseError::fail(format!("{e}\n{once}")))?;
            prop_assert_eq!(&back, &sorted, "fmt changed a value:\n{}", once);
            prop_assert_eq!(
                claimtrack::fmt::format(&once, &back),
                Ok(claimtrack::fmt::Outcome::Unchanged),
                "a second fmt changes:\n{}",
                once
            );
        }
    }
}
