//! Tests of the diff.

use super::*;
use crate::claim::{Actor, ActorsFile, ArticleMeta, Claim, ClaimFile, Stance};
use crate::store::Loaded;
use std::path::PathBuf;

fn store(id: &str, claims: Vec<Claim>) -> Store {
    let mut f = ClaimFile::new(ArticleMeta {
        id: id.into(),
        ..ArticleMeta::default()
    });
    f.claims = claims;
    Store::from_files(
        vec![Loaded {
            path: PathBuf::from(format!("{id}.yaml")),
            file: f,
        }],
        Actors::default(),
    )
}

fn actors() -> Actors {
    Actors::new(&ActorsFile {
        schema: crate::claim::ACTORS_SCHEMA.into(),
        actors: vec![Actor {
            name: "Abdul Qahar Balkhi".into(),
            member_of: Some("Afghanistan".into()),
            ..Actor::default()
        }],
    })
}

#[test]
fn groups_repeated_echoed_contested_changed_new_dropped() {
    let a = Stance::Asserts;
    let d = Stance::Denies;
    let old = store(
        "a",
        vec![
            Claim::new("c1", "Pakistan", a, "militants operate from Afghan soil"),
            Claim::new("c2", "Afghanistan", a, "the border crossing will reopen on Monday"),
            Claim::new("c3", "Pakistan", a, "India had a hand in the train hijacking"),
            Claim::new("c4", "United Nations", a, "millions of people are at risk of hunger"),
            Claim::new("c5", "Pakistan", a, "trade through Torkham fell sharply in February"),
        ],
    );
    let mut counter = Claim::new("c6", "Afghanistan", a, "ISKP fighters enter Afghanistan from Pakistan");
    counter.counters = vec!["a#c1".into()];
    let new = store(
        "b",
        vec![
            Claim::new(
                "c1",
                "Pakistan",
                a,
                "trade through Torkham has fallen sharply in February",
            ),
            Claim::new("c2", "Afghanistan", d, "militants operate from Afghan soil"),
            Claim::new(
                "c3",
                "Abdul Qahar Balkhi",
                a,
                "the border crossing would reopen on Monday",
            ),
            Claim::new("c4", "Pakistan", d, "India had a hand in the train hijacking"),
            Claim::new("c5", "Safi", a, "perishable goods were at risk"),
            counter,
        ],
    );
    let diff = diff(&old, &new, &actors(), matching::DEFAULT_THRESHOLD);
    let j = serde_json::to_value(diff.to_json(&old, &new)).unwrap();
    assert_eq!(j["repeated"][0]["old"], "a#c5");
    assert_eq!(j["repeated"][0]["new"], "b#c1");
    assert_eq!(j["repeated"][0]["why"]["claimants"], "same claimant");
    assert_eq!(j["repeated"].as_array().unwrap().len(), 1, "{j}");
    assert!(diff.unaccounted(&old, &new).is_empty(), "{j}");
    assert_eq!(j["echoed"][0]["why"]["claimants"], "same side: Afghanistan");
    assert_eq!(
        j["changed_position"][0]["why"]["polarity"],
        "old asserts, new denies (stance denies)"
    );
    let shared = j["changed_position"][0]["why"]["shared_terms"].as_array().unwrap();
    assert!(shared.contains(&serde_json::json!("india")), "{j}");
    assert_eq!(j["echoed"][0]["old"], "a#c2");
    assert_eq!(j["echoed"][0]["new"], "b#c3");
    assert_eq!(j["changed_position"][0]["old"], "a#c3");
    assert_eq!(j["changed_position"][0]["new"], "b#c4");
    let contested: Vec<(String, String, String)> = j["newly_contested"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["old"].to_string(), c["new"].to_string(), c["relation"].to_string()))
        .collect();
    assert!(
        contested.contains(&("\"a#c1\"".into(), "\"b#c2\"".into(), "\"rebuts\"".into())),
        "{j}"
    );
    assert!(
        contested.contains(&("\"a#c1\"".into(), "\"b#c6\"".into(), "\"counters\"".into())),
        "{j}"
    );
    assert_eq!(j["new"], serde_json::json!(["b#c5"]), "b#c6 only contests");
    assert_eq!(j["not_repeated"], serde_json::json!(["a#c4"]));

    let links = diff.links_to_write(&old, &new);
    let links = &links[&0];
    assert!(links.contains(&(0, LinkKind::SameAs, "a#c5".into())));
    assert!(links.contains(&(1, LinkKind::Rebuts, "a#c1".into())));
    assert!(!links.iter().any(|l| l.0 == 5), "b#c6 records its counters already");
}

#[test]
fn other_words_for_the_same_assertion_are_a_repeat() {
    let old = store(
        "a",
        vec![Claim::new(
            "c1",
            "Pakistan",
            Stance::Asserts,
            "these armed groups operate from within Afghan soil",
        )],
    );
    let new = store(
        "b",
        vec![Claim::new(
            "c1",
            "Pakistan",
            Stance::Asserts,
            "the TTP uses Afghan territory to attack Pakistan",
        )],
    );
    let diff = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    assert_eq!(diff.repeated.len(), 1, "{diff:?}");
}

/// An OLD claim that NEW both repeats and rebuts is `repeated`; the
/// rebuttal is `newly contested` with it as target. A headline that the
/// body says again is in the body claim's pair as its restatement, and
/// contested with it.
#[test]
fn repeats_come_first_and_every_claim_has_one_section() {
    let a = Stance::Asserts;
    let old = store(
        "a",
        vec![
            Claim::new("c1", "Pakistan", a, "militants operate from Afghan soil"),
            Claim::new(
                "c2",
                "Pakistan",
                a,
                "militants operate from Afghan soil, Islamabad says",
            ),
        ],
    );
    let new = store(
        "b",
        vec![
            Claim::new("c1", "Pakistan", a, "militants operate from Afghan territory"),
            Claim::new(
                "c2",
                "Afghanistan",
                Stance::Denies,
                "militants operate from Afghan soil",
            ),
        ],
    );
    let d = diff(&old, &new, &actors(), matching::DEFAULT_THRESHOLD);
    let ids: Vec<(String, String)> = d
        .repeated
        .iter()
        .map(|p| (old.full_id(p.old), new.full_id(p.new)))
        .collect();
    assert_eq!(ids, [("a#c2".into(), "b#c1".into())]);
    assert_eq!(d.repeated[0].old_restated, [(0, 0)]);
    let json = serde_json::to_value(d.to_json(&old, &new)).unwrap();
    assert_eq!(json["repeated"][0]["restated"], serde_json::json!(["a#c1"]));
    let contested: Vec<_> = d.newly_contested.iter().map(|c| (c.old, c.new)).collect();
    assert_eq!(contested, [((0, 0), (0, 1)), ((0, 1), (0, 1))]);
    assert!(d.new.is_empty() && d.not_repeated.is_empty());
    assert!(d.unaccounted(&old, &new).is_empty());
}

/// Only an opening claim (headline, standfirst) restates a later one, and
/// only the same claimant's with the same polarity: two body claims that
/// A short opening claim inside a long body claim is not said again by
/// it: the body says much more (weighted Dice under 0.9 × the threshold),
/// and another article that says just the short claim repeats it.
#[test]
fn an_opening_claim_inside_a_long_quote_is_not_a_restatement() {
    let a = Stance::Asserts;
    let old = store(
        "a",
        vec![Claim::new(
            "c1",
            "Azerbaijan",
            a,
            "its troops were responding to large-scale provocations by the Armenian military",
        )],
    );
    let quote = "Armenia's continued policy of military adventurism and revanchism, intensive shelling of \
                 the positions of the Azerbaijani army in the Kelbajar and Lachin directions during the last \
                 month and the large-scale provocations it carried out today are the main reasons for the \
                 escalation of the conflict";
    let new = store(
        "b",
        vec![
            Claim::new("c1", "Azerbaijan", a, "Armenia of large-scale provocation"),
            Claim::new("c2", "Azerbaijan", a, quote),
        ],
    );
    let pair = |t: f64| {
        let d = diff(&old, &new, &Actors::default(), t);
        assert!(d.unaccounted(&old, &new).is_empty());
        d.repeated
            .iter()
            .map(|p| (p.old.1, p.new.1, p.new_restated.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(pair(matching::DEFAULT_THRESHOLD), [(0, 0, vec![])]);
    // Said again in as many words, the opening claim is still a restatement.
    let new = store(
        "b",
        vec![
            Claim::new("c1", "Azerbaijan", a, "Armenia of large-scale provocation"),
            Claim::new("c2", "Azerbaijan", a, "Armenia's large-scale provocation today"),
        ],
    );
    let d = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    assert!(d.repeated.iter().all(|p| p.new.1 != 0), "{:?}", d.repeated);
}

/// say alike things are two claims, and another claimant's is another.
#[test]
fn only_an_opening_claim_restates_the_body() {
    let a = Stance::Asserts;
    let old = store(
        "a",
        vec![
            Claim::new("c1", "Afghanistan", a, "a border guard was killed in the skirmish"),
            Claim::new("c2", "Pakistan", a, "militants operate from Afghan soil"),
            Claim::new(
                "c3",
                "Pakistan",
                a,
                "militants operate from Afghan soil, Islamabad says",
            ),
            Claim::new(
                "c4",
                "Pakistan",
                a,
                "militants operate from Afghan soil, officials added",
            ),
            Claim::new("c5", "Afghanistan", a, "one border guard was killed in the skirmish"),
        ],
    );
    let new = store(
        "b",
        vec![
            Claim::new("c1", "Pakistan", a, "militants operate from Afghan territory"),
            Claim::new("c2", "Afghanistan", a, "one border guard was killed in a skirmish"),
        ],
    );
    let d = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    let pairs: Vec<_> = d
        .repeated
        .iter()
        .map(|p| (p.old.1, p.new.1, p.old_restated.clone()))
        .collect();
    // c2 opens the article and restates a later claim; c3 and c4 are both
    // body claims (c4 joins the pair of c3, saying it as well); c1
    // restates c5.
    assert!(
        pairs.iter().any(|(o, n, r)| *o == 4 && *n == 1 && r == &[(0, 0)]),
        "{pairs:?}"
    );
    assert!(pairs.iter().all(|(o, _, _)| *o != 0 && *o != 1), "{pairs:?}");
    assert!(pairs.iter().any(|(o, n, _)| *o == 2 && *n == 0), "{pairs:?}");
    assert!(pairs.iter().any(|(o, n, _)| *o == 3 && *n == 0), "{pairs:?}");
    assert!(d.unaccounted(&old, &new).is_empty());
}

/// A demand is neither the opposite nor a repeat of an assertion; it
/// repeats a demand.
#[test]
fn a_demand_is_not_an_assertion() {
    let a = Stance::Asserts;
    let mut demand = Claim::new(
        "c2",
        "Pakistan",
        a,
        "for Kabul to prevent Afghan soil from being used to launch cross-border attacks",
    );
    demand.cue = Some("reiterated their demand".into());
    let old = store(
        "a",
        vec![
            Claim::new(
                "c1",
                "Pakistan",
                a,
                "the Taliban is not preventing cross-border attacks from Afghan soil",
            ),
            demand,
        ],
    );
    let mut urged = Claim::new(
        "c1",
        "Pakistan",
        a,
        "Kabul to prevent cross-border attacks from Afghan soil",
    );
    urged.cue = Some("urged".into());
    let new = store("b", vec![urged]);
    assert!(is_demand(old.claim((0, 1))) && is_demand(new.claim((0, 0))));
    assert!(!is_demand(old.claim((0, 0))));
    let d = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    assert!(d.changed_position.is_empty(), "{d:?}");
    let pairs: Vec<_> = d.repeated.iter().map(|p| (p.old, p.new)).collect();
    assert_eq!(pairs, [((0, 1), (0, 0))]);
    assert_eq!(d.not_repeated, [(0, 0)]);
    let we_urge = Claim::new("c3", "Afghanistan", a, "We urge Pakistan to focus on its security");
    assert!(is_demand(&we_urge));
    let calls = Claim::new("c4", "Pakistan", a, "intercepted calls provided concrete evidence");
    assert!(!is_demand(&calls), "a telephone call is no demand");
}

#[test]
fn a_denial_is_never_a_repeat() {
    let old = store(
        "a",
        vec![Claim::new(
            "c1",
            "Pakistan",
            Stance::Asserts,
            "militants operate from Afghan soil",
        )],
    );
    let new = store(
        "b",
        vec![Claim::new(
            "c1",
            "Pakistan",
            Stance::Asserts,
            "Kabul denied that militants operate from Afghan soil",
        )],
    );
    let diff = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    assert!(diff.repeated.is_empty());
    assert_eq!(diff.changed_position.len(), 1);
}

#[test]
fn a_contest_is_listed_once() {
    let a = Stance::Asserts;
    let old = store(
        "a",
        vec![
            Claim::new(
                "c1",
                "Pakistan",
                a,
                "Afghan authorities harbour members of the banned TTP",
            ),
            Claim::new("c2", "Afghanistan", a, "the border crossing will reopen on Monday"),
        ],
    );
    let new = store(
        "b",
        vec![
            Claim::new(
                "c1",
                "Afghanistan",
                Stance::Denies,
                "Afghan authorities harbour members of the banned TTP",
            ),
            Claim::new("c2", "Afghanistan", a, "the border crossing will reopen on Monday"),
        ],
    );
    let d = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    assert_eq!(d.newly_contested.len(), 1, "{:?}", d.newly_contested);
    assert!(d.unaccounted(&old, &new).is_empty());
}

/// A claim joins a pair already made only when it says the pair's
/// assertion nearly as well: two body claims that say one thing are both
/// repeated, a claim that shares only a phrase with it is not.
#[test]
fn a_join_must_come_near_its_pairs_similarity() {
    let a = Stance::Asserts;
    let fill = |id: &str, content: &str| Claim::new(id, "Azerbaijan", a, content);
    let old = store(
        "a",
        vec![
            fill("c1", "the ceasefire brokered by Moscow held until dawn"),
            fill("c2", "shops in the capital reopened"),
            fill(
                "c3",
                "its troops were responding to large-scale provocations by the Armenian military",
            ),
            fill(
                "c4",
                "its soldiers were responding to large-scale provocations by the Armenian military",
            ),
            fill(
                "c5",
                "Fifty Azerbaijani servicemen died as a result of Armenia's large-scale provocation",
            ),
        ],
    );
    let new = store(
        "b",
        vec![fill(
            "c1",
            "its troops were responding to large-scale provocations by the Armenian military",
        )],
    );
    let d = diff(&old, &new, &Actors::default(), 0.3);
    let repeated: Vec<&str> = d.repeated.iter().map(|p| old.claim(p.old).id.as_str()).collect();
    assert_eq!(repeated, ["c3", "c4"], "{:?}", d.repeated);
    assert!(d.not_repeated.contains(&(0, 4)), "c5 shares only the provocation");
    assert!(d.unaccounted(&old, &new).is_empty());
}

/// A negation in a sentence the other claim shares nothing with does not
/// make a repeat a change of position.
#[test]
fn a_negation_in_another_sentence_is_not_a_change_of_position() {
    let a = Stance::Asserts;
    let who = "Volodymyr Zelensky";
    let old = store(
        "a",
        vec![Claim::new(
            "c1",
            who,
            a,
            "The inhuman Russians are not changing their methods. Without the strength or courage to stand up to us on the battlefield, they are cynically destroying the civilian population",
        )],
    );
    let new = store(
        "b",
        vec![Claim::new(
            "c1",
            who,
            a,
            "Lacking the strength and courage to stand up to us on the battlefield, they are cynically destroying the civilian population",
        )],
    );
    let d = diff(&old, &new, &Actors::default(), matching::DEFAULT_THRESHOLD);
    assert_eq!(d.repeated.len(), 1, "{d:?}");
    assert!(d.changed_position.is_empty());
    assert_eq!(d.repeated[0].why.polarity, None);
}
