//! The rule patterns on sentences of the corpora and the review sessions.

use super::*;

mod more;

fn find_in(text: &str) -> Vec<(String, String, String, Vec<String>)> {
    let lex = Lexicon::with_learned("called\t9\t10\n").unwrap();
    find(text, 0, &lex, None)
        .into_iter()
        .map(|a| {
            (
                text[a.source].to_string(),
                a.cue_text,
                text[a.content].to_string(),
                a.more.iter().map(|r| text[r.clone()].to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn an_earlier_attribution_keeps_the_clause_before_a_later_cue() {
    let a = find_in("Lee said she felt the law was flawed because “nobody reads it,” she said. “We had no context.”");
    let got: Vec<(&str, &str, &str)> = a.iter().map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Lee", "said", "she felt the law was flawed because “nobody reads it,”"),
            ("she", "said", "We had no context")
        ]
    );
    // A cue inside the quotation keeps the old reading: the quotation is the content.
    let b = find_in("“We have urged them to act,” he stated.");
    assert!(
        b.iter().any(|x| x.0 == "he" && x.2 == "We have urged them to act"),
        "{b:?}"
    );
}

#[test]
fn long_sources_of_according_to_and_a_verb_inverted_after_a_quotation() {
    let a = find_in(
        "Some Americans would pay more, according to an analysis by Lily Batchelder, a former tax aide now teaching at New York University, whose conclusions were seconded by others.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].0,
        "an analysis by Lily Batchelder, a former tax aide now teaching at New York University"
    );
    let a = find_in(
        "According to a civil complaint filed by the federal Securities and Exchange Commission and a second complaint by Vermont, the developers ran a scheme.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].2, "the developers ran a scheme");
    let a = find_in("Polls moved. This is “the same advantage she has held all month,” reported Reuters.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Reuters", "reported"));
}

#[test]
fn a_pronoun_inside_a_closed_quotation_points_back_at_nothing() {
    let a = find_in("He said storms were coming.\n\n“The problem is that it is not a catastrophe,” he said.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[1].0.as_str(), a[1].2.as_str()),
        ("he", "The problem is that it is not a catastrophe")
    );
}

#[test]
fn a_participle_opening_the_sentence_has_the_subject_after_the_comma() {
    let a = find_in("Claiming the criticism is designed to pressure moderators, Trump told Fox that they are biased.");
    let got: Vec<(&str, &str, &str)> = a.iter().map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Trump", "Claiming", "the criticism is designed to pressure moderators"),
            ("Trump", "told", "they are biased")
        ]
    );
    // "Speaking to reporters": a preposition opens no object.
    let a = find_in("Speaking to reporters, Trump said the wall would be built.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Trump", "said"));
}

#[test]
fn a_relative_clause_after_a_noun_phrase_and_a_second_verb_after_adverbs() {
    let a = find_in("The bill included members of the Saudi government, which has strongly denied any involvement.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("which", "has strongly denied"));
    let lex = Lexicon::with_learned("").unwrap();
    let text = "The bill included members of the Saudi government, which has strongly denied any involvement.";
    let atts = find(text, 0, &lex, None);
    assert_eq!(
        atts[0].antecedent.clone().map(|r| &text[r]),
        Some("the Saudi government")
    );
    // The first verb's content ends before "but also contended".
    let a = find_in("Officials said the talks failed but also contended that talks would resume.");
    let got: Vec<(&str, &str)> = a.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [("said", "the talks failed"), ("also contended", "talks would resume")]
    );
}

#[test]
fn a_fronted_infinitive_before_an_inserted_cue() {
    for text in [
        "But to prevent problems, he said, local officials should be vigilant.",
        "To be safe, he said, local officials should be vigilant.",
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("he", "local officials should be vigilant")
        );
    }
}

#[test]
fn review_cases_of_the_sixth_session() {
    // A poll inside the subject is no source of "in".
    let a = find_in("Most voters in the survey said that taxes were too high.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1, "said", "{a:?}");
    // A name in -ing opening the sentence is no fronted participle.
    let a = find_in("Beijing, which claims Taiwan as its own, said the drills were routine.");
    assert!(a.iter().any(|x| x.0 == "Beijing" && x.1 == "said"), "{a:?}");
    // "first lady" keeps its "first".
    let a = find_in("At the rally, first lady Melania Trump said the campaign was strong.");
    assert_eq!(a[0].0, "first lady Melania Trump", "{a:?}");
    // A verb after the comma ends an "according to" source.
    let a = find_in("Quarterly sales, according to analysts, fell 12 percent to $4.1 billion, the lowest since 2009.");
    assert_eq!(a[0].0, "analysts", "{a:?}");
    // A relative clause after a clause names no noun phrase.
    let lex = Lexicon::with_learned("").unwrap();
    let text = "The panel interviewed witnesses, who said the fire started at night.";
    let atts = find(text, 0, &lex, None);
    assert!(
        atts.iter()
            .all(|a| a.antecedent.clone().is_none_or(|r| !text[r].contains("interviewed"))),
        "{atts:?}"
    );
}

#[test]
fn subjects_after_a_fronted_phrase_a_title_or_an_appositive() {
    let said = |text: &str| -> (String, String) {
        let a = find_in(text);
        let x = a
            .iter()
            .find(|x| x.1.ends_with("said"))
            .unwrap_or_else(|| panic!("{a:?}"));
        (x.0.clone(), x.2.clone())
    };
    // A phrase fronted with no connective.
    assert_eq!(
        said("Despite the negative sheen, local officials said they welcome the attention."),
        ("local officials".into(), "they welcome the attention".into())
    );
    assert_eq!(
        said("Of Sanders, McCaskill said voters would find it hard.").0,
        "McCaskill"
    );
    // A subject pronoun opens the content; no object is skipped to "that".
    assert_eq!(
        said("By now, Sexton said he is unconvinced that Trump believes it."),
        ("Sexton".into(), "he is unconvinced that Trump believes it".into())
    );
    // An abbreviated title, and a name with its appositive before "and said".
    assert_eq!(
        said("Mrs. Clinton smiled and said she would not run.").0,
        "Mrs. Clinton"
    );
    assert_eq!(
        said("Gary Emineth, a former state party chairman, became a delegate and said he is leaning toward Trump.").0,
        "Gary Emineth"
    );
}

#[test]
fn a_sentence_of_only_source_and_cue_after_a_closed_quotation() {
    let a = find_in("He spoke. \u{201c}Russia, I hope you find the emails.\u{201d} Trump said.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
        ("Trump", "said", "Russia, I hope you find the emails")
    );
    // No quotation before it: nothing to attribute.
    assert!(find_in("He spoke. Trump said.").is_empty());
}

#[test]
fn a_question_put_to_someone_in_the_passive() {
    let a = find_in("Asked whether he would endorse Trump, Ryan said he was not ready.");
    assert_eq!(a[0].0, "");
    assert_eq!(
        (a[0].1.as_str(), a[0].2.as_str()),
        ("Asked", "whether he would endorse Trump")
    );
    assert!(a.iter().any(|x| x.1 == "said" && x.2 == "he was not ready"), "{a:?}");
    let a = find_in("\u{201c}It is fine,\u{201d} she said when asked about the merger.");
    assert!(
        a.iter()
            .any(|x| x.0.is_empty() && x.1 == "asked about" && x.2 == "the merger"),
        "{a:?}"
    );
    let a = find_in("Clinton was asked on Monday by a reporter if that remains her view.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
        ("a reporter", "was asked", "if that remains her view")
    );
    let a = find_in("Asked by Stephanopoulos to respond to the criticism, Carson laughed.");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("Stephanopoulos", "to respond to the criticism")
    );
    // A second verb ends the question and takes the subject.
    let a = find_in("Trump was asked about the wall and said it would be built.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!((a[0].1.as_str(), a[0].2.as_str()), ("was asked about", "the wall"));
    assert_eq!((a[1].0.as_str(), a[1].2.as_str()), ("Trump", "it would be built"));
    // Active "asked" with its subject, and a passive with no question.
    assert!(
        find_in("Reporters asked whether he would run.")
            .iter()
            .all(|x| x.1 != "asked")
    );
    assert!(find_in("He was asked to the party.").is_empty());
}

#[test]
fn a_poll_named_after_in_speaks() {
    let a = find_in("In a national USA TODAY/Suffolk University Poll, most voters were scared.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
        (
            "a national USA TODAY/Suffolk University Poll",
            "In",
            "most voters were scared"
        )
    );
    let a = find_in("But he fell to 10 percent in the latest CNN/ORC poll released Wednesday, a collapse.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("the latest CNN/ORC poll released Wednesday", "he fell to 10 percent")
    );
    assert!(find_in("He works in polling for a living.").is_empty());
    assert!(find_in("He spent years in the city before the polls opened.").is_empty());
}

#[test]
fn a_quantifier_or_a_long_fronted_phrase_before_the_subject_of_a_participle() {
    for (text, source) in [
        (
            "In August, several environmental groups granted Mr. Clarke an extension, saying his capital was low.",
            "several environmental groups",
        ),
        (
            "In a widely read column in the day before the debate, Two speechwriters implored her to act, arguing that it agitated Trump.",
            "Two speechwriters",
        ),
        (
            "The film ― which weaves together the voices of historians ― explains that the law failed.",
            "The film ― which weaves together the voices of historians",
        ),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].0, source, "{text}");
    }
}

#[test]
fn adverbs_and_verbs_taking_an_infinitive_belong_to_the_cue() {
    for (text, source, cue) in [
        ("Clinton now says she opposes the deal.", "Clinton", "now says"),
        ("She still insists that the deal is bad.", "She", "still insists"),
        (
            "The nominee continues to insist that he will release the returns.",
            "The nominee",
            "continues to insist",
        ),
        ("Mook was able to say that Trump lies.", "Mook", "was able to say"),
        (
            "Sanders went on to say that the country spent too much.",
            "Sanders",
            "went on to say",
        ),
        // A progressive of a noun-verb homograph is a verb.
        (
            "Trump is warning voters that a victory would bring scandal.",
            "Trump",
            "is warning",
        ),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!((a[0].0.as_str(), a[0].1.as_str()), (source, cue), "{text}");
    }
    // "to" after a noun or a name is no infinitive of the cue.
    let a = find_in("The plan to insist that taxes rise failed.");
    assert!(a.iter().all(|x| !x.1.starts_with("plan")), "{a:?}");
}

#[test]
fn a_parenthesis_before_the_cue_and_a_fronted_phrase_without_a_comma() {
    let a = find_in("On the broadcast of “Fox News Sunday,” Gov. Mike Pence (R-IN) said his running mate joked.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "Gov. Mike Pence (R-IN)");
    for (text, source) in [
        (
            "In a Bloomberg interview Trump said the alliance was obsolete.",
            "Trump",
        ),
        ("On Monday Trump said the war was over.", "Trump"),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, source, "{text}");
    }
}

#[test]
fn a_connective_after_the_subject_is_no_part_of_it() {
    for text in [
        "Ethiopian officials, however, insisted that their forces had not crossed the border.",
        "Ethiopian officials, for their part, insisted that their forces had not crossed the border.",
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, "Ethiopian officials");
    }
}

#[test]
fn a_call_on_someone_to_act_is_an_appeal() {
    let a = find_in("The ministry called on Ethiopia to withdraw its troops from Sudanese land.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
        (
            "The ministry",
            "called on",
            "Ethiopia to withdraw its troops from Sudanese land"
        )
    );
    for text in [
        "The minister called on Monday.",
        "The minister called on Monday to ask for help.",
    ] {
        assert!(find_in(text).iter().all(|a| a.1 != "called on"), "{text}");
    }
}

#[test]
fn pointing_denials_with_a_qualifier_or_a_bare_charge() {
    let lex = Lexicon::with_learned("").unwrap();
    let text = "Russia's defence ministry said that drones had struck the plant, a claim Kyiv dismissed as “disinformation”. Russian officials have accused Kyiv of targeting nuclear sites, charges Ukraine rejects.";
    let a = find(text, 0, &lex, None);
    let got: Vec<(&str, Stance, &str)> = a
        .iter()
        .map(|x| (&text[x.source.clone()], x.stance, &text[x.content.clone()]))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Russia's defence ministry",
                Stance::Asserts,
                "drones had struck the plant"
            ),
            ("Kyiv", Stance::Denies, "drones had struck the plant"),
            ("Russian officials", Stance::Asserts, "Kyiv of targeting nuclear sites"),
            ("Ukraine", Stance::Denies, "Kyiv of targeting nuclear sites"),
        ]
    );
}

#[test]
fn a_verb_before_that_keeps_the_clause_and_a_semicolon_ends_it() {
    let a = find_in("Peskov told reporters the attack showed that Kyiv could not be trusted.");
    assert_eq!(a[0].2, "the attack showed that Kyiv could not be trusted", "{a:?}");
    let b = find_in("Russia says Ukraine attacked the plant; Kyiv calls it disinformation.");
    assert_eq!(b[0].2, "Ukraine attacked the plant", "{b:?}");
}

#[test]
fn an_agency_dateline_is_no_part_of_the_source() {
    for text in [
        "YEREVAN, Sept 14 (Reuters) - Armenia's defence ministry said Azerbaijani forces had shelled three villages.",
        "ISLAMABAD, March 3 (AP) — The foreign office said talks would resume.",
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(
            ["Armenia's defence ministry", "The foreign office"].contains(&a[0].0.as_str()),
            "{a:?}"
        );
    }
}

#[test]
fn a_double_hyphen_dateline_is_no_part_of_the_content() {
    let a = find_in(
        "Manila, Philippines -- Manila summoned Beijing's ambassador on Monday, a foreign ministry official said.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].2, "Manila summoned Beijing's ambassador on Monday");
    // An appositive between two double hyphens is no dateline.
    let a = find_in("Kall -- co-editor of a book, out in May -- said the deal was close.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "Kall -- co-editor of a book, out in May");
}

#[test]
fn a_participle_before_its_noun_is_no_cue() {
    let a = find_in("The Philippine boat and a Chinese ship collided in disputed waters of the South China Sea.");
    assert!(a.is_empty(), "{a:?}");
    let a = find_in("Manila disputed the account of the collision.");
    assert_eq!(a.len(), 1, "{a:?}");
}

#[test]
fn allegations_by_or_from_someone_that_are_their_claims() {
    let a =
        find_in("Tensions were heightened by allegations from Islamabad that the Taliban is not preventing attacks.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
        ("Islamabad", "allegations from", "the Taliban is not preventing attacks")
    );
    let b = find_in("It came amid claims made by Kabul that Pakistani jets struck a market.");
    assert_eq!(b[0].0, "Kabul", "{b:?}");
    assert_eq!(b[0].2, "Pakistani jets struck a market");
    // No "that" clause: no claim is reported.
    assert!(find_in("The allegations from Islamabad were discussed at length.").is_empty());
}

#[test]
fn quotation_then_a_dash_and_the_name() {
    for text in [
        "“Maybe we can build a wall around him.” ― Steve Quinlan.",
        "”Maybe we can build a wall around him.” ― Steve Quinlan.",
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
            ("Steve Quinlan", "―", "Maybe we can build a wall around him")
        );
    }
}

#[test]
fn maintain_is_a_speech_verb_only_before_a_clause() {
    for text in [
        "Pakistan maintains that armed groups operate from Afghan soil.",
        "Pakistan maintained on Monday that armed groups operate from Afghan soil.",
        "Armed groups operate from Afghan soil, Pakistan maintains.",
        "Pakistan maintains Kabul shelters armed groups.",
    ] {
        assert!(find_in(text).iter().any(|a| a.1.contains("maintain")), "{text}");
    }
    for text in [
        "The attackers maintained direct communication with their handlers in Afghanistan.",
        "Clinton maintained a narrow lead in the polls.",
    ] {
        assert!(find_in(text).iter().all(|a| !a.1.contains("maintain")), "{text}");
    }
}

#[test]
fn subject_with_an_appositive_between_dashes() {
    for (text, source) in [
        (
            "Kall -- co-editor of Debating The Donald, a book about debates -- said the candidate made announcements.",
            "Kall -- co-editor of Debating The Donald, a book about debates",
        ),
        (
            "Byrne — who stood at the door, by all accounts — said the president was absent.",
            "Byrne — who stood at the door, by all accounts",
        ),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, source);
    }
}

#[test]
fn quotation_before_source_with_a_tail_after_the_cue() {
    let a = find_in("“It’s finished,” she said of the election, in which she was sure Trump would win.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("she", "It’s finished"));
}

#[test]
fn object_after_the_cue_is_content_not_a_tail() {
    let a = find_in("At a fundraiser in New York, Clinton called half of his supporters “deplorables.”");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "Clinton");
    assert!(a[0].2.starts_with("half of his supporters"), "{a:?}");
}

#[test]
fn quotation_resumes_after_the_cue() {
    let a = find_in("“Coal isn't the villain,” he said. “The villain is excess carbon dioxide.”\nNext paragraph.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].2, "Coal isn't the villain");
    assert_eq!(a[0].3, ["The villain is excess carbon dioxide"]);
}

#[test]
fn participle_after_the_cue_is_not_its_content() {
    let a = find_in(
        "“The day that was abrogated was the day this became personal,” he said, adding he would never vote for her.",
    );
    assert_eq!(
        a[0].2, "The day that was abrogated was the day this became personal",
        "{a:?}"
    );
    assert!(a.iter().all(|x| !x.2.starts_with("adding")), "{a:?}");
}

#[test]
fn denials_of_a_claim_point_back_or_name_what_they_deny() {
    let text = "Pakistan maintains that armed groups operate from Afghan soil. Afghan officials deny it. \
                The Taliban claim militants enter from Balochistan. Pakistani officials call that baseless.";
    let lex = Lexicon::with_learned("").unwrap();
    let a = find(text, 0, &lex, None);
    assert_eq!(a.len(), 4, "{a:?}");
    assert_eq!((a[1].stance, a[1].points_back), (Stance::Denies, Some(0)));
    assert_eq!((a[3].stance, a[3].points_back), (Stance::Denies, Some(2)));
    assert_eq!(a[3].cue_text, "call … baseless");
    // No earlier claim: the denial names what it denies, and "claims" is no cue of its own.
    let a = find_in("The army rejected Kabul's claims as baseless.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].1.as_str(), a[0].2.as_str()),
        ("rejected … as baseless", "Kabul's claims")
    );
    assert!(find_in("He denied it.").is_empty());
    // A denial answers someone else's claim, named with modifiers.
    let a = find_in(
        "The Indian army said troops had fired first. The ISPR said Indian forces had started it. \
         It called the Indian statement “a pack of lies”.",
    );
    assert_eq!(a.len(), 3, "{a:?}");
    assert_eq!(
        (a[2].1.as_str(), a[2].2.as_str()),
        ("called … a pack of lies", "troops had fired first")
    );
    // "said the claims … are baseless" denies them.
    let text =
        "Pakistan accused India of backing the attack. The ministry said the claims made by Pakistan are “baseless”.";
    let a = find(text, 0, &lex, None);
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[1].stance, a[1].points_back, a[1].cue_text.as_str()),
        (Stance::Denies, Some(0), "said … are baseless")
    );
    let a = find_in("Kabul said the reports were completely false.");
    assert_eq!(
        (a[0].1.as_str(), a[0].2.as_str()),
        ("said … were completely false", "the reports")
    );
    // "claims of X" say what is denied, even after another claim.
    let a = find_in(
        "Kabul said jets bombed homes. India dismissed Pakistan's claims of Indian involvement as “baseless and absurd”.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[1].1.as_str(), a[1].2.as_str()),
        ("dismissed … as baseless", "Pakistan's claims of Indian involvement")
    );
}
