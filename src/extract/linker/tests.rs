use super::*;

fn claim(id: &str, who: &str, stance: Stance, content: &str) -> Claim {
    Claim::new(id, who, stance, content)
}

/// An accusation, its denial, and a claim that answers nothing.
fn article() -> Vec<Claim> {
    let mut deny = claim(
        "c2",
        "Afghanistan",
        Stance::Denies,
        "militants operate from Afghan soil",
    );
    deny.cue = Some("denied".into());
    vec![
        claim("c1", "Pakistan", Stance::Asserts, "militants operate from Afghan soil"),
        deny,
        claim(
            "c3",
            "Pakistan",
            Stance::Asserts,
            "the border will reopen on Monday for traders",
        ),
    ]
}

fn label(from: At, to: At) -> Label {
    if from == (0, 1) && to == (0, 0) {
        Label::Contest
    } else {
        Label::None
    }
}

#[test]
fn training_is_deterministic_and_the_bytes_round_trip() {
    let claims = article();
    let docs = [Doc {
        claims: &claims,
        date: None,
        hints: None,
    }];
    let ex = examples(&docs, &Actors::default(), label);
    assert_eq!(ex.len(), 6, "every ordered pair of three claims");
    let a = train(&ex, L2);
    let b = train(&ex, L2);
    assert_eq!(a, b);
    assert_eq!(Linker::parse(&a.to_bytes()).unwrap(), a);
    assert!(Linker::parse(b"claimtrack-linker/1\nshort").is_err());
    assert!(Linker::parse(b"not a linker").is_err());
}

#[test]
fn a_trained_linker_proposes_what_it_learned_and_nothing_else() {
    let claims = article();
    let docs = [Doc {
        claims: &claims,
        date: None,
        hints: None,
    }];
    let linker = train(&examples(&docs, &Actors::default(), label), L2);
    let found = propose(&docs, &Actors::default(), &linker);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].from, found[0].to, found[0].kind),
        ((0, 1), (0, 0), LinkKind::Rebuts)
    );
    let mut claims = claims.clone();
    apply(&mut claims, &found);
    apply(&mut claims, &found);
    assert_eq!(claims[1].rebuts, ["c1"], "applied once, however often");
}

#[test]
fn articles_a_week_apart_are_paired_and_those_further_apart_are_not() {
    let a = article();
    let b = vec![claim(
        "c1",
        "Afghanistan",
        Stance::Denies,
        "militants operate from Afghan soil",
    )];
    let day = |d: u32| NaiveDate::from_ymd_opt(2025, 3, d);
    let docs = [
        Doc {
            claims: &a,
            date: day(1),
            hints: None,
        },
        Doc {
            claims: &b,
            date: day(5),
            hints: None,
        },
    ];
    let lex = &super::super::Model::builtin().lex;
    let g = Graph::new(&docs, &Actors::default(), lex);
    assert!(g.pairs().iter().any(|(from, to, _)| *from == (1, 0) && *to == (0, 0)));
    let far = [
        docs[0],
        Doc {
            date: day(20),
            ..docs[1]
        },
    ];
    let g = Graph::new(&far, &Actors::default(), lex);
    assert!(!g.pairs().iter().any(|(from, to, _)| from.0 != to.0));
}

#[test]
fn a_content_leads_with_its_subject_its_speaker_or_a_passive_agent() {
    let actors = Actors::default();
    let lex = &super::super::Model::builtin().lex;
    let lead = |content: &str| lead(&actors, lex, content, "Russia");
    assert_eq!(
        lead("Pakistani forces initiated the clash").as_deref(),
        Some("Pakistan")
    );
    assert_eq!(lead("it did not launch an attack").as_deref(), Some("Russia"));
    assert_eq!(lead("Friday it did not launch an attack").as_deref(), Some("Russia"));
    assert_eq!(
        lead("the station was hit by Russian forces using missiles").as_deref(),
        Some("Russia")
    );
    assert_eq!(lead("the border will reopen on Monday"), None);
}

#[test]
fn a_feature_hashes_as_the_shared_feature_hash_does() {
    let mut f: Vec<usize> = Vec::new();
    f.add(T::Bias, &[]);
    f.add(T::Place, &[1, 9]);
    f.add(T::Quoted, &[0, 1, 0]);
    f.add(T::Rulesim, &[4, 1, 7]);
    let expect = [
        vec!["bias"],
        vec!["place", "other", "afterb2"],
        vec!["quoted", "same", "-", "q"],
        vec!["rulesim", "same_as", "other", "b7"],
    ]
    .map(|parts| super::super::weights::feature_hash(0, &parts) as usize & (DIM - 1));
    assert_eq!(f, expect);
    // The enum names the templates in their order.
    assert_eq!(TEMPLATES[T::Accusedcue as usize].0, "accusedcue");
    assert_eq!(T::Rulesim as usize + 1, TEMPLATES.len());
}

#[test]
fn a_sum_below_the_floor_is_below_the_threshold() {
    for t in CALIBRATION_GRID
        .into_iter()
        .chain([THRESHOLD, EXTRACTED_THRESHOLD, REVIEWED_THRESHOLD])
    {
        let f = floor(t);
        assert!((sigmoid(f) as f32) < t, "{t}");
        assert!(proposed(f - 0.001, t, f).is_none(), "{t}");
        assert_eq!(proposed(0.0, t, f), Some(0.5));
    }
}

#[test]
fn cue_classes_come_from_the_lexicon() {
    let lex = &super::super::Model::builtin().lex;
    let class = |cue| CUE[usize::from(cue_class(lex, cue))];
    assert_eq!(class(Some("have denied")), "deny");
    assert_eq!(class(Some("accused")), "accuse");
    assert_eq!(class(Some("said")), "say");
    assert_eq!(class(Some("labelled … as baseless")), "deny");
    assert_eq!(class(None), "none");
}

#[test]
fn the_second_side_of_a_reciprocal_accusation_counters_the_first_whatever_the_weights() {
    let twin = |id: &str, who: &str, cue: &str| {
        let mut c = claim(id, who, Stance::Asserts, "clashes along their border");
        c.cue = Some(cue.into());
        c
    };
    let mut claims = article();
    claims.extend([
        twin("c4", "Armenia", "blame each other for"),
        twin("c5", "Azerbaijan", "blame each other for"),
        // Two sides saying the same thing together contest nothing.
        twin("c6", "Armenia", "said"),
        twin("c7", "Azerbaijan", "said"),
    ]);
    let docs = [Doc {
        claims: &claims,
        date: None,
        hints: None,
    }];
    let contests = |linker: &Linker| -> Vec<(At, At, f32)> {
        propose(&docs, &Actors::default(), linker)
            .into_iter()
            .filter(|p| p.kind != LinkKind::Supports)
            .map(|p| (p.from, p.to, p.score))
            .collect()
    };
    // A linker that learned that nothing is contested still proposes the pair.
    let never = train(&examples(&docs, &Actors::default(), |_, _| Label::None), L2);
    assert_eq!(contests(&never), [((0, 4), (0, 3), 1.0)]);
    // One that learned that alike claims of two sides contest each other
    // proposes more, but neither side of the pair contests anything else.
    let alike = train(
        &examples(&docs, &Actors::default(), |from, to| {
            if from.1 >= 3 && to.1 >= 3 && from.1 != to.1 {
                Label::Contest
            } else {
                Label::None
            }
        }),
        L2,
    );
    let found = contests(&alike);
    assert!(found.len() > 1, "{found:?}");
    let from_pair: Vec<_> = found.iter().filter(|(from, _, _)| matches!(from.1, 3 | 4)).collect();
    assert_eq!(from_pair, [&((0, 4), (0, 3), 1.0)]);
}

#[test]
fn two_denials_of_the_same_words_never_contest_each_other() {
    let mut claims = article();
    let mut again = claims[1].clone();
    again.id = "c4".into();
    again.claimant = "Taliban".into();
    again.cue = Some("rejected".into());
    claims.push(again);
    let docs = [Doc {
        claims: &claims,
        date: None,
        hints: None,
    }];
    // A linker taught that every pair of two sides is a contest still
    // proposes none between the two denials.
    let linker = train(
        &examples(&docs, &Actors::default(), |from, to| {
            if claims[from.1].claimant == claims[to.1].claimant {
                Label::None
            } else {
                Label::Contest
            }
        }),
        L2,
    );
    let found: Vec<(At, At)> = propose(&docs, &Actors::default(), &linker)
        .into_iter()
        .filter(|p| p.kind != LinkKind::Supports)
        .map(|p| (p.from, p.to))
        .collect();
    assert!(found.contains(&((0, 3), (0, 0))), "{found:?}");
    assert!(
        !found.contains(&((0, 3), (0, 1))) && !found.contains(&((0, 1), (0, 3))),
        "{found:?}"
    );
}

#[test]
fn reciprocal_cues_are_recognised_by_their_words() {
    use super::super::patterns::is_reciprocal_cue;
    assert!(is_reciprocal_cue("blame each other for"));
    assert!(is_reciprocal_cue("have traded blame for"));
    assert!(is_reciprocal_cue("Accused one another of"));
    assert!(!is_reciprocal_cue("blamed"));
    assert!(!is_reciprocal_cue("said each"));
}

#[test]
fn a_person_the_actors_file_does_not_know_takes_the_side_their_mention_names() {
    let mut makolo = claim("c1", "Yolande Makolo", Stance::Asserts, "Kinshasa is to blame");
    makolo.mention = Some("Rwandan government spokeswoman Yolande Makolo".into());
    let mut envoy = claim("c2", "Ubaid Nizamani", Stance::Asserts, "talks went well");
    envoy.mention = Some("Pakistan's ambassador to Afghanistan Ubaid Nizamani".into());
    let mut congo = claim("c3", "Congo", Stance::Asserts, "Rwanda sent troops");
    congo.mention = Some("Congo's government".into());
    let claims = vec![makolo, envoy, congo];
    let docs = [Doc {
        claims: &claims,
        date: None,
        hints: None,
    }];
    let sides = Actors::default().mention_sides(docs.iter().flat_map(|d| d.claims));
    assert_eq!(sides.get("Yolande Makolo").map(String::as_str), Some("Rwanda"));
    // Two sides named: neither is taken; a state is its own side already.
    assert_eq!(sides.get("Ubaid Nizamani"), None);
    assert_eq!(sides.get("Congo"), None);
}
