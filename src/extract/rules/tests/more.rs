//! The rule patterns on sentences of the corpora, continued.

use super::*;

#[test]
fn a_second_verb_after_and_has_the_first_verbs_speaker() {
    let a = find_in("Afghan officials rejected the allegation and said the militants came from Pakistan.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[0].1.as_str(), a[0].2.as_str()),
        ("rejected the allegation", "the allegation")
    );
    assert_eq!(
        (a[1].0.as_str(), a[1].1.as_str(), a[1].2.as_str()),
        ("Afghan officials", "said", "the militants came from Pakistan")
    );
    let a = find_in("Pakistan's military did not confirm the strikes but said it had targeted hideouts.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("Pakistan's military", "it had targeted hideouts")
    );
    // No cue before "and": the sentence's subject speaks.
    let a = find_in("The mayor visited the site on Monday and said the bridge would reopen soon.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("The mayor", "the bridge would reopen soon")
    );
}

#[test]
fn the_one_quoted_as_saying_speaks() {
    let a = find_in("State media quoted Information Minister Attaullah Tarar as saying that Pakistan would respond.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].2.as_str()),
        (
            "Information Minister Attaullah Tarar",
            "quoted … as saying",
            "Pakistan would respond"
        )
    );
    let a = find_in("He was quoted as saying Pakistan would respond.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("He", "Pakistan would respond"));
    let a = find_in("Khawaja Asif was quoted by Reuters as saying that Pakistan would respond.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("Khawaja Asif", "Pakistan would respond")
    );
    let a = find_in("As per the ISPR, the terrorists were involved in attacks.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("the ISPR", "the terrorists were involved in attacks")
    );
}

#[test]
fn possessors_claim_and_with_clauses_and_dates_after_an_appositive() {
    let lex = Lexicon::with_learned("").unwrap();
    let text = "The Taliban, which seized power in 2021, on Wednesday denied Pakistan's claim that militants used Afghan soil.";
    let a = find(text, 0, &lex, None);
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (&text[a[0].source.clone()], a[0].stance),
        ("The Taliban", Stance::Denies)
    );
    assert_eq!(
        (
            &text[a[1].source.clone()],
            a[1].cue_text.as_str(),
            &text[a[1].content.clone()]
        ),
        ("Pakistan's", "claim", "militants used Afghan soil")
    );
    assert!(find_in("Kabul's claims over the attack surprised no one.").is_empty());
    let a = find_in("Kabul rejected Pakistan's claim of militant sanctuaries.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[1].0.as_str(), a[1].2.as_str()),
        ("Pakistan's", "militant sanctuaries")
    );
    let a = find_in(
        "The department urged calm, with spokesman Matthew Miller telling reporters that Washington was watching.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("spokesman Matthew Miller", "Washington was watching")
    );
    let a = find_in(
        "Traders are losing money, with Shakirullah Safi, head of the chamber, estimating daily losses at $500,000.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("Shakirullah Safi", "daily losses at $500,000")
    );
}

#[test]
fn a_second_verb_after_a_comma_and_a_contrasting_speaker_end_the_content() {
    let a = find_in("Kabul rejects Islamabad's accusations, says the border clash was provoked.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].2, "Islamabad's accusations");
    assert_eq!(
        (a[1].0.as_str(), a[1].2.as_str()),
        ("Kabul", "the border clash was provoked")
    );
    let a = find_in("Islamabad maintains that the fence is on its side, while Kabul insists the line is no border.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[0].2.as_str(), a[1].0.as_str()),
        ("the fence is on its side", "Kabul")
    );
}

#[test]
fn told_skips_its_addressee_and_relative_pronouns_are_no_sources() {
    for (text, content) in [
        (
            "Jaiswal told reporters there had been no mediation.",
            "there had been no mediation",
        ),
        ("Asif told Geo News the talks had failed.", "the talks had failed"),
        ("He told the BBC it would not happen.", "it would not happen"),
        ("She told Pakistan to stop the attacks.", "Pakistan to stop the attacks"),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].2, content);
    }
    let a = find_in("Trump claimed credit for the ceasefire, which India disputes.");
    assert_eq!(a.last().map(|x| x.0.as_str()), Some("India"), "{a:?}");
}

#[test]
fn semicolons_and_second_verbs_end_a_content_and_relative_clauses_are_skipped() {
    let a = find_in("Taliban say airstrikes killed civilians; Islamabad says it hit militant hideouts");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[0].2.as_str(), a[1].0.as_str()),
        ("airstrikes killed civilians", "Islamabad")
    );
    let a = find_in("The government said airstrikes killed ten civilians on Monday, and vowed to retaliate.");
    assert_eq!(a[0].2, "airstrikes killed ten civilians on Monday", "{a:?}");
    let a = find_in(
        "Pakistan did not comment, but an official in Islamabad, who spoke on condition of anonymity, said the strikes hit hideouts.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("an official in Islamabad", "the strikes hit hideouts")
    );
}

#[test]
fn the_name_before_a_relative_pronoun_speaks() {
    let lex = Lexicon::with_learned("").unwrap();
    let text = "Ties grew with the Balochistan Liberation Army (BLA), which claimed responsibility for the attack.";
    let a = find(text, 0, &lex, None);
    assert_eq!(a.len(), 1, "{a:?}");
    let name = a[0].antecedent.clone().map(|r| &text[r]);
    assert_eq!(
        (&text[a[0].source.clone()], name, &text[a[0].content.clone()]),
        (
            "which",
            Some("the Balochistan Liberation Army (BLA)"),
            "responsibility for the attack"
        )
    );
    let a = find_in("Smith, who said the plan would fail, left the party.");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("who", "the plan would fail"),
        "{a:?}"
    );
}

#[test]
fn a_modal_and_its_verb_are_no_source() {
    let a = find_in("This team will review disputed construction activities near the border.");
    assert!(a.iter().all(|x| !x.0.contains("will")), "{a:?}");
}

#[test]
fn a_pronoun_before_the_cue_is_the_whole_source() {
    for text in [
        "Asked about it on Monday, he said taxes would rise.",
        "Yesterday he said taxes would rise.",
    ] {
        // (The first also has the question put to him.)
        let a = find_in(text);
        let said = a.last().expect("an attribution");
        assert_eq!((said.0.as_str(), said.2.as_str()), ("he", "taxes would rise"), "{a:?}");
        assert!(a.len() == 1 || a[0].1 == "Asked about", "{a:?}");
    }
}

#[test]
fn inverted_source_may_open_with_a_title_in_lower_case() {
    for (text, source) in [
        (
            "“I fundamentally disagree,” said retired Army Lt. Gen. Mick Bednarek, who served in Iraq.",
            "retired Army Lt. Gen. Mick Bednarek",
        ),
        ("“It works,” said former Gov. Jim Hodges.", "former Gov. Jim Hodges"),
        ("“It is close,” said pollster Ann Selzer.", "pollster Ann Selzer"),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].0, source);
    }
    // "said little" names nobody; a preposition before capitals is no
    // title ("said in New York").
    assert!(find_in("“It works,” said little to anyone.").is_empty());
    assert!(
        find_in("“It works,” said in New York.")
            .iter()
            .all(|a| !a.0.starts_with("in "))
    );
}

#[test]
fn inverted_source_stops_before_an_appositive() {
    let a = find_in("“Security has evaporated,” said Jo Coelbart, a retired Belgian general.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("Jo Coelbart", "Security has evaporated")
    );
    for (text, source) in [
        ("“It had no goal,” said one Democratic source.", "one Democratic source"),
        ("“It had no goal,” said 12 senators.", "12 senators"),
    ] {
        let a = find_in(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!((a[0].0.as_str(), a[0].2.as_str()), (source, "It had no goal"));
    }
}

#[test]
fn noun_homographs_need_a_clause_or_a_subject() {
    assert!(find_in("Voters in several swing states worry about jobs and wages.").is_empty());
    let a = find_in("Islamabad claims the deal violates bilateral agreements.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "Islamabad");
}

#[test]
fn colon_at_sentence_end_takes_the_next_paragraph() {
    let a = find_in("Limbaugh added:\n“This reeks of a cover-up, plain and simple.”\n");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].2, "This reeks of a cover-up, plain and simple");
}

#[test]
fn participle_without_an_earlier_cue_takes_the_subject() {
    let a = find_in("Meanwhile, it attacked Trump, saying he has offended Hispanics.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("it", "he has offended Hispanics"));
}

#[test]
fn quotation_resumes_inside_the_sentence() {
    let a = find_in("“Every time you say that,” she said, “you give ammunition to them.” Then she left.");
    assert_eq!(a[0].2, "Every time you say that", "{a:?}");
    assert_eq!(a[0].3, ["you give ammunition to them"]);
    let b = find_in("“A fine plan,” he said. “Not at all,” she replied.");
    assert!(b[0].3.is_empty(), "{b:?}");
}

#[test]
fn sources_lose_adjuncts_and_keep_parentheses() {
    let a = find_in("Sanders on Tuesday said the plan would fail.");
    assert_eq!(a[0].0, "Sanders", "{a:?}");
    let a = find_in("“We will win,” said Rep. Stephen Lynch (D-Mass.).");
    assert_eq!(a[0].0, "Rep. Stephen Lynch (D-Mass.)", "{a:?}");
}

#[test]
fn a_headline_label_names_its_speaker_unless_it_is_a_kicker_or_dateline() {
    let labelled = |title: &str| {
        let text = format!("{title}\n\nThe story follows.\n");
        let lex = Lexicon::with_learned("").unwrap();
        find(&text, 0, &lex, None)
            .into_iter()
            .filter(|a| a.cue_text == ":")
            .map(|a| text[a.source].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        labelled("Lynch: No outside influence on FBI probe into Clinton emails."),
        ["Lynch"]
    );
    assert_eq!(labelled("Pakistan: Afghan soil used for attacks"), ["Pakistan"]);
    // A quotation after the colon: a longer label, the name after "from".
    assert_eq!(
        labelled("Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’"),
        ["Elizabeth Warren Hammers Wells Fargo CEO"]
    );
    assert_eq!(
        labelled("A lesson from Loretta Lynch: 'Be the voice that people hear.'"),
        ["Loretta Lynch"]
    );
    assert!(labelled("The Latest: ‘We will win,’ a rally hears").is_empty());
    assert!(labelled("Trump Says: ‘I Will Win’").is_empty());
    assert!(labelled("A long and winding road to the top of the hill: ‘Never.’").is_empty());
    for (title, source) in [
        (
            "Judicial Watch: State Department Hid Key Email For Years.",
            "Judicial Watch",
        ),
        ("NY Daily News: Attacks Highlight Threat Posed by NRA.", "NY Daily News"),
        (
            "Clinton camp: Trump’s rhetoric threatens national security.",
            "Clinton camp",
        ),
        (
            "McCain Challenger Kelli Ward: Impeach AG Lynch.",
            "McCain Challenger Kelli Ward",
        ),
        (
            "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.",
            "Roger Stone",
        ),
        (
            "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.",
            "Clinton",
        ),
        (
            "Former AG Mukasey at RNC: Clinton email scandal disqualifies her.",
            "Former AG Mukasey",
        ),
    ] {
        assert_eq!(labelled(title), [source], "{title}");
    }
    assert!(labelled("Trump Says Clinton Is Wrong: Report").is_empty());
    assert!(labelled("Breaking News: Latest Primary Has Big Impact").is_empty());
    assert!(labelled("The Latest: Trump delivers defense of ‘New York values.’").is_empty());
    assert!(labelled("Breaking: Latest Primary Has Big Impact On Clinton Campaign").is_empty());
    assert!(labelled("ISLAMABAD: The foreign office said talks would resume.").is_empty());
    for line in [
        "Updated: March 3, 2025 at 10:45 pm",
        "Photo: Police guard the gate at Torkham",
        "Explained: Why the border closed",
    ] {
        assert!(labelled(line).is_empty(), "{line}");
    }
}

#[test]
fn title_case_headlines_have_cues_and_only_speech_verbs_invert() {
    let a = find_in("Afghanistan Denies Role in Train Attack, Urges Pakistan on Security");
    assert_eq!((a[0].0.as_str(), a[0].1.as_str()), ("Afghanistan", "Denies"), "{a:?}");
    // "…, Urges Pakistan" is not an inverted "…, said X": Pakistan is the object.
    assert!(a.iter().all(|x| x.0 != "Pakistan"), "{a:?}");
}

#[test]
fn prepositional_phrases_are_not_sources() {
    let a = find_in("In a statement posted on X, the ministry said the border would reopen.");
    assert!(a.iter().all(|x| !x.0.starts_with("In ")), "{a:?}");
}

#[test]
fn sources_lose_leading_adverbs() {
    let a = find_in("Perhaps Mr. Smith said the plan failed badly.");
    assert_eq!(a[0].0, "Mr. Smith", "{a:?}");
}

#[test]
fn names_with_capitalised_cue_words_are_not_cues() {
    assert!(find_in("The United States Says Program will start next year in Ohio.").is_empty());
}

#[test]
fn progressive_cues_keep_their_auxiliary_and_passives_are_no_cues() {
    let a = find_in("The union is insisting that the plant stay open.");
    assert_eq!(a[0].1, "is insisting", "{a:?}");
    // A passive fits no pattern; assembled loosely, its source follows "by".
    let lex = Lexicon::with_learned("").unwrap();
    let text = "The plant was claimed by the city in a ruling.";
    let b = find(text, 0, &lex, None);
    assert!(b.iter().all(|x| x.loose), "{b:?}");
    assert_eq!(&text[b[0].source.clone()], "the city", "{b:?}");
}

#[test]
fn a_quotation_inside_the_clause_before_the_source_is_not_its_content() {
    let a = find_in("On the broadcast of “Fox News Sunday,” Gov. Mike Pence said his running mate was joking.");
    assert_eq!(a[0].2, "his running mate was joking", "{a:?}");
    let b = find_in("As a phone rang, the announcer said, “Who do you want answering the phone?”");
    assert_eq!(b[0].2, "Who do you want answering the phone?", "{b:?}");
}

#[test]
fn a_fronted_phrase_or_a_trailing_date_does_not_move_the_content() {
    let a = find_in("During his years in office, Mr. Obama said, a majority of Americans have come to believe it.");
    assert_eq!(a[0].2, "a majority of Americans have come to believe it", "{a:?}");
    let b = find_in("The remark is an insult to all of us, top lawmakers said Friday afternoon, as they bristled.");
    assert_eq!(b[0].2, "The remark is an insult to all of us", "{b:?}");
}

#[test]
fn quotation_resumes_after_an_appositive_or_a_date() {
    let a = find_in(
        "“This is a disgusting day,” said Rep. Butterfield, head of the caucus. “He is a fraud. He had no proof.”",
    );
    assert_eq!(a[0].3, ["He is a fraud. He had no proof"], "{a:?}");
    let b = find_in(
        "“It is a dog whistle,” Rep. Moore said Friday. “If indeed he is not legitimate, how can you feel good?”",
    );
    assert_eq!(
        b[0].3,
        ["If indeed he is not legitimate, how can you feel good?"],
        "{b:?}"
    );
}

#[test]
fn a_name_and_its_appositive_speak_the_clause_after_the_cue() {
    let a = find_in("Erin Murphy, a former aide who went to Burma, said McConnell's trip was more important.");
    assert_eq!(a[0].0, "Erin Murphy", "{a:?}");
    assert_eq!(a[0].2, "McConnell's trip was more important", "{a:?}");
}

#[test]
fn signed_quotations_and_speaker_labels() {
    let a =
        find_in("Voices\n\n“He represents our greatest shame.” ― Sonya Herridge “He is a bully.” ― Veronica Cruz\n");
    let got: Vec<(&str, &str)> = a.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Sonya Herridge", "He represents our greatest shame"),
            ("Veronica Cruz", "He is a bully")
        ]
    );
    let t = "Transcript\n\n\"WALLACE: Will she be there tomorrow?\n\"PENCE: She will not be attending the debate.\n";
    let b = find_in(t);
    assert_eq!(b[0].0, "WALLACE", "{b:?}");
    assert_eq!(b[1].2, "She will not be attending the debate", "{b:?}");
    let c = find_in(
        "Pence: Flowers Won’t Be at Debate, Trump Was Mocking Clinton\n\nKabul: Afghanistan denied any role.\n",
    );
    assert_eq!((c[0].0.as_str(), c[0].1.as_str()), ("Pence", ":"), "{c:?}");
    assert!(c.iter().all(|x| x.0 != "Kabul"), "a dateline is no speaker: {c:?}");
}

#[test]
fn a_noun_phrase_object_ends_before_the_clause_after_it() {
    let a = find_in("Mr. King cited RT as an example, which receives some government funding.");
    assert_eq!(a[0].2, "RT as an example", "{a:?}");
    let b = find_in("Ms. Wahl cited the resignation and has since left the network.");
    assert_eq!(b[0].2, "the resignation", "{b:?}");
    let c = find_in("Pakistan insisted that the militants, which it named, had crossed the border.");
    assert_eq!(
        c[0].2, "the militants, which it named, had crossed the border",
        "a clause stays whole: {c:?}"
    );
}

#[test]
fn a_quotation_opened_by_one_word_resumes_after_the_cue() {
    let a = find_in("“That,” he added, “promises to make life a lot harder.”");
    assert_eq!((a[0].0.as_str(), a[0].2.as_str()), ("he", "That"), "{a:?}");
    assert_eq!(a[0].3, ["promises to make life a lot harder"], "{a:?}");
}

#[test]
fn according_to_ends_before_the_next_clause() {
    let a = find_in("The top 1 percent paid a quarter, according to the budget office, and the rest paid less.");
    assert_eq!(
        (a[0].0.as_str(), a[0].2.as_str()),
        ("the budget office", "The top 1 percent paid a quarter"),
        "{a:?}"
    );
}

#[test]
fn reviewed_cues_outside_every_pattern_are_assembled_loosely() {
    let lex = Lexicon::with_learned("").unwrap();
    let text = "The man who said it would work has left.";
    let a = find(text, 0, &lex, None);
    let said = a.iter().find(|x| x.cue_text == "said").expect("said");
    assert!(said.loose, "{a:?}");
    assert_eq!(&text[said.source.clone()], "who");
    // A noun ("a claim that …") is never a loose cue.
    let b = find("There is a claim that taxes rose in the past year.", 0, &lex, None);
    assert!(b.iter().all(|x| !x.loose), "{b:?}");
}

#[test]
fn cues_keep_their_adverbs_and_negated_contractions_are_no_assertions() {
    let a = find_in("Gingrich cynically dismissed that the city was a suburb.");
    assert_eq!(a[0].1, "cynically dismissed", "{a:?}");
    let b = find_in("The senator is also insisting that the bill fails.");
    assert_eq!(b[0].1, "is also insisting", "{b:?}");
    let lex = Lexicon::with_learned("").unwrap();
    let text = "The senator didn't say that the bill fails.";
    let c = find(text, 0, &lex, None);
    assert!(c.iter().all(|x| x.loose), "a negated cue makes no assertion: {c:?}");
    assert_eq!(c[0].cue_text, "didn't say", "{c:?}");
}

#[test]
fn a_fronted_phrase_before_the_subject_is_no_part_of_the_source() {
    for (text, source) in [
        ("Reluctantly, Brafman said he had come to the conclusion.", "Brafman"),
        (
            "During a town hall meeting in Cedar Rapids, Iowa, Rubio told reporters that the law was bad.",
            "Rubio",
        ),
        ("Five years earlier, Bloomberg said he would not run.", "Bloomberg"),
        (
            "Pointing to one big change in staffing, Walsh noted that Ohio had one staffer.",
            "Walsh",
        ),
        (
            "Back in 1999, Mr. Trump praised his skills, telling CNBC that he wished he could be like that.",
            "Mr. Trump",
        ),
        ("Trump, Sexton said, has created a strange campaign.", "Sexton"),
    ] {
        let a = find_in(text);
        assert!(a.iter().any(|x| x.0 == source), "{text}: {a:?}");
        assert!(a.iter().all(|x| !x.0.contains(',')), "{text}: {a:?}");
    }
    // A list, an aside and a number keep their commas or lose the aside.
    for (text, source) in [
        (
            "Ethiopian officials, however, insisted that the dam was safe.",
            "Ethiopian officials",
        ),
        ("Some 367,491 people said the vote was fair.", "Some 367,491 people"),
        (
            "Stacy Baker of Columbia, South Carolina says the vote was fair.",
            "Stacy Baker of Columbia, South Carolina",
        ),
    ] {
        let a = find_in(text);
        assert_eq!(a.first().map(|x| x.0.as_str()), Some(source), "{text}: {a:?}");
    }
}

#[test]
fn a_participle_after_a_clause_has_the_clauses_subject() {
    for (text, source) in [
        (
            "The town released a statement Wednesday saying the comments were based on opinion.",
            "The town",
        ),
        (
            "The president left no doubt of his commitment, saying that nobody was more qualified.",
            "The president",
        ),
        (
            "The Vermont senator emailed supporters saying the struggle continues.",
            "The Vermont senator",
        ),
        (
            "Rubio's campaign sent out a press release saying Murphy owes Florida an explanation.",
            "Rubio's campaign",
        ),
    ] {
        let a = find_in(text);
        assert_eq!(a.first().map(|x| x.0.as_str()), Some(source), "{text}: {a:?}");
    }
}

#[test]
fn a_share_and_an_aside_for_example_in_a_source() {
    let a = find_in("Nine in 10 Democratic voters say she could win.");
    assert_eq!(
        a.first().map(|x| x.0.as_str()),
        Some("Nine in 10 Democratic voters"),
        "{a:?}"
    );
    let a = find_in("Cement makers, for instance, argue that imports grew.");
    assert_eq!(a.first().map(|x| x.0.as_str()), Some("Cement makers"), "{a:?}");
}

#[test]
fn a_coordinated_subject_is_one_source() {
    for (text, source) in [
        (
            "Trump and his attorneys have said the company would return.",
            "Trump and his attorneys",
        ),
        ("He and Brafman had said the deal was done.", "He and Brafman"),
        (
            "Mr. Peck and Mr. Mahaney said Alphabet was the likely buyer.",
            "Mr. Peck and Mr. Mahaney",
        ),
        // A clause before "and" is no part of the next subject.
        (
            "Pashinyan said the troops crossed the border and Baku said that they did not.",
            "Baku",
        ),
    ] {
        let a = find_in(text);
        assert_eq!(a.last().map(|x| x.0.as_str()), Some(source), "{text}: {a:?}");
    }
}
