//! Every claim of a diff is accounted for: each claim of OLD in exactly one
//! of repeated / echoed / changed position / newly contested / not
//! repeated, each claim of NEW in exactly one of repeated / echoed /
//! changed position / newly contested / new, whatever the claims.

use claimtrack::actors::Actors;
use claimtrack::claim::{Actor, ActorsFile, ArticleMeta, Claim, ClaimFile, Stance};
use claimtrack::diff;
use claimtrack::store::{Loaded, Store};
use proptest::prelude::*;
use std::path::PathBuf;

const WORDS: &[&str] = &[
    "militants",
    "operate",
    "from",
    "Afghan",
    "soil",
    "attack",
    "border",
    "crossing",
    "Pakistan",
    "Taliban",
    "killed",
    "not",
    "forces",
    "clash",
    "Kabul",
    "thirty",
    "30",
    "soldiers",
    "Zelensky",
    "Zelenskyy",
    "denied",
    "its",
];
const WHO: &[&str] = &[
    "Pakistan",
    "Afghanistan",
    "Zabiullah Mujahid",
    "Kabul",
    "United Nations",
];

fn actors() -> Actors {
    Actors::new(&ActorsFile {
        schema: claimtrack::claim::ACTORS_SCHEMA.into(),
        actors: vec![
            Actor {
                name: "Afghanistan".into(),
                aliases: vec!["Kabul".into()],
                ..Actor::default()
            },
            Actor {
                name: "Zabiullah Mujahid".into(),
                member_of: Some("Afghanistan".into()),
                ..Actor::default()
            },
        ],
    })
}

/// A claim: claimant, stance, content words, and a counters link to an
/// earlier claim of the file or of OLD.
type Spec = (usize, bool, Vec<usize>, Option<usize>);

fn claims() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(
        (
            0..WHO.len(),
            any::<bool>(),
            prop::collection::vec(0..WORDS.len(), 1..7),
            prop::option::of(0..8usize),
        ),
        0..8,
    )
}

fn store(id: &str, specs: &[Spec], other: &str) -> Store {
    let mut f = ClaimFile::new(ArticleMeta {
        id: id.into(),
        ..ArticleMeta::default()
    });
    for (k, (who, denies, words, link)) in specs.iter().enumerate() {
        let content: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let stance = if *denies { Stance::Denies } else { Stance::Asserts };
        let mut c = Claim::new(format!("c{}", k + 1), WHO[*who], stance, content.join(" "));
        if let Some(l) = link {
            c.counters = vec![if l % 2 == 0 {
                format!("c{}", l / 2 + 1)
            } else {
                format!("{other}#c{}", l / 2 + 1)
            }];
        }
        f.claims.push(c);
    }
    Store::from_files(
        vec![Loaded {
            path: PathBuf::from(format!("{id}.yaml")),
            file: f,
        }],
        actors(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn every_claim_in_exactly_one_section(old in claims(), new in claims(), t in 0.2f64..0.8) {
        let (o, n) = (store("a", &old, "b"), store("b", &new, "a"));
        let d = diff::diff(&o, &n, &actors(), t);
        prop_assert!(d.unaccounted(&o, &n).is_empty(), "{:?}", d.unaccounted(&o, &n));
        // Each contest once.
        let mut contests: Vec<_> = d.newly_contested.iter().map(|c| (c.old, c.new)).collect();
        let all = contests.len();
        contests.sort();
        contests.dedup();
        prop_assert_eq!(contests.len(), all, "{:?}", d.newly_contested);
    }
}
