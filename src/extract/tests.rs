//! Extraction of claims end to end: claimants, denials, links.

use super::*;
use crate::claim::Stance;
use std::path::Path;

fn run(text: &str) -> Vec<Claim> {
    let a = Article::from_bytes(text.as_bytes(), Some("t".into()), Path::new("t.txt")).unwrap();
    extract(&a, &Actors::default(), None).claims
}

/// The claims of `text` with the actors file `actors_yaml`.
fn run_with(actors_yaml: &str, text: &str) -> Vec<Claim> {
    let file: crate::claim::ActorsFile = serde_yaml::from_str(actors_yaml).unwrap();
    let a = Article::from_bytes(text.as_bytes(), Some("t".into()), Path::new("t.txt")).unwrap();
    extract(&a, &Actors::new(&file), None).claims
}

/// The claims of `text` with the links the rules propose (the hints
/// the learned linker weighs), not the linker's decisions.
fn rule_links(actors_yaml: &str, text: &str) -> Vec<Claim> {
    let file: crate::claim::ActorsFile = serde_yaml::from_str(actors_yaml).unwrap();
    let a = Article::from_bytes(text.as_bytes(), Some("t".into()), Path::new("t.txt")).unwrap();
    let (mut claims, hints) = claims_with_hints(&a, &Actors::new(&file), Model::builtin());
    for (k, hs) in hints.iter().enumerate() {
        for &(j, kind) in hs {
            let id = claims[j].id.clone();
            claims[k].links_mut(kind).push(id);
        }
    }
    claims
}

/// Each claim as (claimant, stance, content).
fn who_says(c: &[Claim]) -> Vec<(&str, Stance, &str)> {
    c.iter()
        .map(|x| (x.claimant.as_str(), x.stance, x.content.as_str()))
        .collect()
}

#[test]
fn a_news_agency_speaks_for_no_institution_named_after_it() {
    let c = run(
        "Pakistan said that its posts came under fire. Heavy fighting broke out overnight, Anadolu Agency reported. The army said that several camps were destroyed.",
    );
    let army = c
        .iter()
        .find(|x| x.mention.as_deref() == Some("The army"))
        .expect("the army's claim");
    assert_eq!(army.claimant, "Pakistan", "{c:#?}");
    assert!(is_outlet("Anadolu Agency") && is_outlet("RIA") && !is_outlet("Pakistan"));
}

#[test]
fn the_ministry_is_the_one_the_article_named_before_the_actors_file_alias() {
    // One actors file for many disputes: "the ministry" was Russia's in one.
    let actors = "schema: claimtrack-actors/1\nactors:\n  - name: Russia\n    aliases: [the ministry, Russian Defence Ministry]\n";
    let c = run_with(
        actors,
        "Armenia's defence ministry said that its positions were shelled. According to the ministry, the strikes hit three villages.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["Armenia", "Armenia"], "{c:#?}");
    // Named nowhere before, it is what the actors file says.
    let c = run_with(actors, "The ministry said that the strike hit a depot.");
    assert_eq!(c[0].claimant, "Russia", "{c:#?}");
}

#[test]
fn an_official_of_no_named_state_speaks_for_the_dateline() {
    let c = run(
        "Talks stall\n\nMANILA, Philippines -- Manila summoned the envoy on Monday, a foreign ministry official said.",
    );
    assert_eq!(c[0].claimant, "Philippines", "{c:#?}");
    assert_eq!(c[0].mention.as_deref(), Some("a foreign ministry official"));
    // Without a dateline it stays unnamed.
    let c = run("Manila summoned the envoy on Monday, a foreign ministry official said.");
    assert_eq!(c[0].claimant, "a foreign ministry official", "{c:#?}");
}

#[test]
fn its_is_the_side_the_sentence_before_names_when_that_holds_no_claim() {
    let c = run_with(
        "schema: claimtrack-actors/1\nactors:\n  - name: Philippines\n    aliases: [Manila]\n",
        "China said there had been a slight collision. Manila responded by condemning the manoeuvres. It has also summoned the ambassador, its foreign ministry said.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["China", "Philippines"], "{c:#?}");
    // A claim in the sentence before: its speaker is the antecedent.
    let c = run("Pakistan said that its posts came under fire. It said that two soldiers were hurt.");
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["Pakistan", "Pakistan"], "{c:#?}");
}

#[test]
fn the_statement_is_its_issuers_when_the_sentence_before_issued_it() {
    let actors = "schema: claimtrack-actors/1\nactors:\n  - name: Azerbaijan\n    aliases: [Baku]\n  - name: Armenia\n";
    let c = run_with(
        actors,
        "Armenia said that its positions were shelled. Baku issued a statement on Monday. The statement said Armenian troops had fired first.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["Armenia", "Azerbaijan"], "{c:#?}");
    // Said in a claim just before, the statement is that claim's.
    let c = run_with(
        actors,
        "Baku said in a statement that Armenian troops had fired first. The statement said two soldiers were hurt.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["Azerbaijan", "Azerbaijan"], "{c:#?}");
}

#[test]
fn the_official_is_the_one_described_so_before_and_a_sentence_may_place_officials() {
    let c = run(
        "A senior Pakistani official said that the claims were exaggerated. The official said that Pakistan would respond.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["Pakistan", "Pakistan"], "{c:#?}");
    // The dateline says Kabul; the sentence says where the officials spoke.
    let c = run_with(
        "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan\n    aliases: [Islamabad]\n",
        "Border clashes\n\nKABUL — Fighting went on. In Islamabad, officials said that the Taliban opened fire.",
    );
    assert_eq!(c[0].claimant, "Pakistan", "{c:#?}");
}

#[test]
fn two_sides_that_blame_each_other_make_a_claim_each() {
    let c = run("Armenia and Azerbaijan have traded blame for border battles, the bloodiest combat since 2020.");
    let got: Vec<(&str, &str, Option<&str>)> = c
        .iter()
        .map(|x| (x.claimant.as_str(), x.content.as_str(), x.cue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Armenia", "border battles", Some("have traded blame for")),
            ("Azerbaijan", "border battles", Some("have traded blame for"))
        ],
        "{c:#?}"
    );
    // Unnamed sides make no claim: who blamed whom is not said.
    assert!(run("The countries have traded blame over the incidents.").is_empty());
}

#[test]
fn an_outlet_that_reports_a_claim_makes_none_of_its_own() {
    let c = run("Reuters reported that the Afghan foreign ministry said no militants were present.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(
        (c[0].claimant.as_str(), c[0].content.as_str()),
        ("Afghanistan", "no militants were present")
    );
}

#[test]
fn a_bare_title_a_spelling_and_a_pronoun_after_an_outlet_find_their_speaker() {
    let c = run(
        "Defence Minister Khawaja Asif said that the border would stay closed. The defence minister said that talks had failed. Taliban spokesman Zabihullah Mujahid said that 58 soldiers were killed. Zabiullah Mujahid said that 20 posts were captured. Anadolu Agency reported that fighting continued. He said the posts were empty.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(
        who,
        [
            "Khawaja Asif",
            "Khawaja Asif",
            "Zabihullah Mujahid",
            "Zabihullah Mujahid",
            "Anadolu Agency",
            "Zabihullah Mujahid"
        ],
        "{c:#?}"
    );
    // Different people stay apart.
    let c = run("Imran Khan said the vote was rigged. Imran Shah said the vote was fair.");
    assert_eq!(c[1].claimant, "Imran Shah", "{c:#?}");
}

#[test]
fn no_truth_in_reports_is_a_denial_of_what_they_report() {
    let c = run("The Kremlin said there is no truth in the reports that its forces struck the station.");
    assert_eq!(
        (c[0].stance, c[0].content.as_str()),
        (Stance::Denies, "its forces struck the station"),
        "{c:#?}"
    );
    let c = run("The ministry said it is not true that the talks failed.");
    assert_eq!(
        (c[0].stance, c[0].content.as_str()),
        (Stance::Denies, "the talks failed")
    );
    assert_eq!(
        denial_frame_len("there is no truth in "),
        0,
        "a frame with nothing after it"
    );
}

#[test]
fn no_truth_in_quotation_marks_and_in_these_claims_are_denials() {
    let c = run("Aleksandar Vucic said there is \"no truth\" in claims that Belgrade armed the group.");
    assert_eq!(
        (c[0].stance, c[0].content.as_str()),
        (Stance::Denies, "Belgrade armed the group"),
        "{c:#?}"
    );
    // "these claims" answers the claim of the other side before it.
    let c = run(
        "Guyana said Venezuelan troops had crossed the border. \"There is no truth in these claims,\" Venezuela's foreign ministry said.",
    );
    assert_eq!(
        who_says(&c),
        [
            ("Guyana", Stance::Asserts, "Venezuelan troops had crossed the border"),
            ("Venezuela", Stance::Denies, "Venezuelan troops had crossed the border")
        ],
        "{c:#?}"
    );
    assert!(bare_denied_noun("these claims"));
    assert!(!bare_denied_noun("these claims of fraud"));
}

#[test]
fn a_participle_that_asserts_after_a_pointer_is_a_claim_not_a_qualifier() {
    // ("lie" is a qualifier in "called it a lie", a verb here.)
    let c = run("Venezuela slammed the statement by Guyana, saying the oil blocks lie in disputed waters.");
    assert_eq!(
        who_says(&c),
        [("Venezuela", Stance::Asserts, "the oil blocks lie in disputed waters")],
        "{c:#?}"
    );
    let c = run("Guyana said the troops crossed. Caracas rejected the claim, calling it \"a lie\".");
    assert_eq!(c[1].cue.as_deref(), Some("rejected … , calling it a lie"), "{c:#?}");
}

#[test]
fn a_bare_surname_is_the_person_named_in_full_before() {
    let c = run(
        "Serbian President Aleksandar Vucic said the army was ready. Vucic said the talks had failed. Mr. Vucic added that the border was closed.",
    );
    let who: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(who, ["Aleksandar Vucic"; 3], "{c:#?}");
    // A family name written first; a full name the text gave without a
    // claim of that person.
    let c = run(
        "Chinese foreign ministry spokesperson Mao Ning said the shoal was Chinese. Mao said the boats had no permission.",
    );
    assert_eq!(c[1].claimant, "Mao Ning", "{c:#?}");
    let c = run(
        "Bayramov spoke with Russian Foreign Minister Sergei Lavrov on Tuesday. Lavrov said both sides must avoid conflict.",
    );
    assert_eq!(c[0].claimant, "Sergei Lavrov", "{c:#?}");
    let c = run("Spokesman Gan Yu said the vessels trespassed. \"It was dangerous,\" Yu added.");
    assert_eq!(c[1].claimant, "Gan Yu", "{c:#?}");
    // A state is no surname: "Sudan" after "South Sudan" stays Sudan.
    let c = run("South Sudan said the border was calm. Sudan said its troops stayed home.");
    assert_eq!(c[1].claimant, "Sudan", "{c:#?}");
}

#[test]
fn a_denied_claim_that_is_the_claim_denied() {
    let c = run(
        "Kabul denied claims that militants crossed the border. Moscow rejected reports that its jets flew over the town.",
    );
    let contents: Vec<(&str, Stance)> = c.iter().map(|x| (x.content.as_str(), x.stance)).collect();
    assert_eq!(
        contents,
        [
            ("militants crossed the border", Stance::Denies),
            ("its jets flew over the town", Stance::Denies)
        ],
        "{c:#?}"
    );
    assert_eq!(denied_object_len("the claims that x"), "the claims that ".len());
    assert_eq!(denied_object_len("claims made earlier"), 0);
    assert_eq!(denied_object_len("theé claims that"), 0, "no panic inside a character");
}

#[test]
fn builtin_model_loads_with_tagger_and_bare_tables_load_without() {
    assert!(Model::builtin().tagger.is_some());
    let m = Model::parse(b"# table\nquipped\t3\t4\n").unwrap();
    assert!(m.tagger.is_none());
    assert!(Model::parse(b"claimtrack-model/1\n\x05\x00").is_err());
    assert!(Model::parse(b"\xff\xfe").is_err());
}

#[test]
fn source_cue_that_content() {
    let c = run("Pakistan maintains that armed groups operate from Afghan soil.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].claimant, "Pakistan");
    assert_eq!(c[0].cue.as_deref(), Some("maintains"));
    assert_eq!(c[0].content, "armed groups operate from Afghan soil");
    assert_eq!(c[0].stance, Stance::Asserts);
}

#[test]
fn a_question_put_to_someone_is_no_claim() {
    let c = run("Asked whether Kabul would reopen the border, the minister said it would reopen next week.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].content, "it would reopen next week");
    // It passes on no speaker, and a denial does not point back at it.
    let c = run("Asked about the talks, Zabihullah Mujahid, the Taliban spokesman, said the border would reopen.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(c[0].claimant.starts_with("Zabihullah Mujahid"), "{c:#?}");
    let c = run("Trump was asked about the wall and said it would be built.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(
        (c[0].claimant.as_str(), c[0].content.as_str()),
        ("Trump", "it would be built"),
        "{c:#?}"
    );
    let c =
        run("Pakistan said Kabul harboured militants. Asked about the accusation on Monday, Mujahid denied the claim.");
    let denial = c.iter().find(|c| c.stance == Stance::Denies).expect("a denial");
    assert_eq!(denial.content, "Kabul harboured militants", "{c:#?}");
}

#[test]
fn a_name_inside_an_open_quotation_is_no_source() {
    let c = run("\u{201c}Look, the minister said the border would reopen, but it did not,\u{201d} he added.");
    assert!(c.iter().all(|c| c.mention.as_deref() != Some("the minister")), "{c:#?}");
}

#[test]
fn content_first_then_source() {
    let c = run("The talks will resume in Kabul next week, Afghan officials said on Wednesday.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].claimant, "Afghanistan");
    assert_eq!(c[0].mention.as_deref(), Some("Afghan officials"));
    assert_eq!(c[0].content, "The talks will resume in Kabul next week");
}

#[test]
fn according_to_at_either_end() {
    let c =
        run("According to the ministry, the border will reopen. The border will close, according to local traders.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].content, "the border will reopen");
    assert_eq!(c[0].claimant, "ministry");
    assert_eq!(c[1].content, "The border will close");
    assert_eq!(c[1].claimant, "local traders");
}

#[test]
fn denial_pointing_back_copies_content_and_rebuts() {
    let c = run(
        "Pakistan maintains that these groups operate from Afghan soil, a claim that Afghan officials have denied, maintaining that no one can use Afghan soil against any country.",
    );
    assert_eq!(c.len(), 3, "{c:#?}");
    assert_eq!(c[1].stance, Stance::Denies);
    assert_eq!(c[1].content, c[0].content);
    assert_eq!(c[1].claimant, "Afghanistan");
    assert_eq!(c[1].rebuts, ["c1"]);
    assert_eq!(c[2].claimant, "Afghanistan");
    assert_eq!(c[2].content, "no one can use Afghan soil against any country");
    assert_eq!(c[2].rebuts, ["c1"]);
}

#[test]
fn labelled_baseless_is_a_denial_of_the_previous_claim() {
    let c = run(
        "The Afghan Taliban claim that militants enter Afghanistan from Balochistan. Pakistani officials have labelled these claims as baseless.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].claimant, "Pakistan");
    assert_eq!(c[1].stance, Stance::Denies);
    assert_eq!(c[1].cue.as_deref(), Some("have labelled … as baseless"));
    assert_eq!(c[1].content, c[0].content);
    assert_eq!(c[1].rebuts, ["c1"]);
}

#[test]
fn denials_of_pointed_claims_copy_the_claim() {
    let c = run(
        "Pakistan alleged that the terrorists were based in Afghanistan. The Taliban swiftly rejected Islamabad’s allegations as “baseless.” Kabul has consistently denied such claims.",
    );
    assert_eq!(c.len(), 3, "{c:#?}");
    for d in &c[1..] {
        assert_eq!(d.stance, Stance::Denies);
        assert_eq!(d.content, c[0].content);
        assert_eq!(d.rebuts, ["c1"]);
    }
    assert_eq!(c[1].cue.as_deref(), Some("swiftly rejected … as baseless"));
}

#[test]
fn a_dash_ends_content_before_a_pointing_denial() {
    let c = run("Pakistan said it faces attacks from Afghan soil – a charge the Taliban government denies.");
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].content, "it faces attacks from Afghan soil");
    assert_eq!(c[1].rebuts, ["c1"]);
}

#[test]
fn rejected_allegations_answer_the_accusation() {
    let c = run(
        "Pakistan alleged that militants were trained in Afghanistan. The army said all hostages were freed. Kabul rejected the allegations made by Pakistan’s military spokesperson.",
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(d.content, "militants were trained in Afghanistan", "{c:#?}");
    assert_eq!(d.rebuts, ["c1"]);
}

#[test]
fn rejected_allegations_rebut_every_accusation_of_that_side_since_the_last_denial() {
    let text = "Pakistan alleged that militants were trained in Afghanistan. Shafqat Ali Khan claimed that calls linked the attackers to Kabul. The army said all hostages were freed. Kabul rejected Islamabad’s allegations as baseless.";
    let c = rule_links(
        "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan\n    aliases: [Islamabad, Shafqat Ali Khan]\n",
        text,
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(d.rebuts, ["c2", "c1"], "{c:#?}");
}

#[test]
fn a_quotation_opening_with_a_denial_is_a_denial_and_a_competing_claim() {
    let actors = "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan\n    aliases: [Islamabad]\n  - name: India\n    aliases: [Randhir Jaiswal]\n";
    let c = run_with(
        actors,
        "Pakistan alleged that India had a hand in the train attack. “We strongly reject the baseless allegations made by Pakistan. The whole world knows where the epicentre of terrorism lies,” said Randhir Jaiswal.",
    );
    let got = who_says(&c);
    assert_eq!(
        got,
        [
            ("Pakistan", Stance::Asserts, "India had a hand in the train attack"),
            ("India", Stance::Denies, "India had a hand in the train attack"),
            (
                "India",
                Stance::Asserts,
                "The whole world knows where the epicentre of terrorism lies"
            ),
        ],
        "{c:#?}"
    );
    assert_eq!(
        (c[1].rebuts.as_slice(), c[2].counters.as_slice()),
        (&["c1".to_string()][..], &["c1".to_string()][..])
    );

    // A denial that names what it denies keeps those words; one reported
    // before the accusation answers the accusation that follows (the
    // rules propose it; the linker weighs it with the rest).
    let c = rule_links(
        actors,
        "“We categorically reject the accusations linking the attack to Afghanistan. We urge Pakistan to focus on its own security,” Balkhi said. Pakistan had earlier claimed that the attackers were trained in Afghanistan.",
    );
    assert_eq!(c[0].stance, Stance::Denies, "{c:#?}");
    assert_eq!(c[0].content, "linking the attack to Afghanistan");
    assert_eq!(c[0].rebuts, ["c3"], "{c:#?}");
    assert_eq!(c[1].content, "We urge Pakistan to focus on its own security");
    assert_eq!(c[1].counters, ["c3"]);

    // "These are baseless fabrications": a denial of what was alleged.
    let c = run(
        "Baku has long accused Yerevan of planting mines. “These are baseless fabrications. Yerevan handed over the maps of the minefields,” Ani Badalyan said.",
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(
        (d.content.as_str(), d.rebuts.as_slice()),
        ("Yerevan of planting mines", &["c1".to_string()][..]),
        "{c:#?}"
    );
    assert!(
        c.iter()
            .any(|x| x.content == "Yerevan handed over the maps of the minefields"),
        "{c:#?}"
    );

    // "All statements … about X are … untrue": a denial of X, however long
    // the subject; "is not false" stays an assertion.
    let c = run(
        "The ministry said: “All statements by representatives of the regime about the 'rocket attack' allegedly carried out by Russia on April 8 at the station are a provocation and are absolutely untrue.”",
    );
    assert_eq!(
        (c[0].stance, c[0].content.as_str()),
        (
            Stance::Denies,
            "the 'rocket attack' allegedly carried out by Russia on April 8 at the station"
        ),
        "{c:#?}"
    );
    let c = run("The ministry said: “All statements about the attack are not false.”");
    assert!(c.iter().all(|x| x.stance == Stance::Asserts), "{c:#?}");

    // An allegation and its denial in one sentence: the allegation ends
    // where the sentence calls it untrue, quoted or not, and the speaker
    // denies it.
    for text in [
        "Allegations by the Ukrainian side that Russia carried out the attack are “provocation and absolutely untrue,” the ministry said in a statement.",
        "Allegations by the Ukrainian side that Russia carried out the attack are provocation and absolutely untrue, the ministry said in a statement.",
    ] {
        let c = run(text);
        let got: Vec<(&str, Stance, &str)> = c
            .iter()
            .map(|x| {
                (
                    x.mention.as_deref().unwrap_or(&x.claimant),
                    x.stance,
                    x.content.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("the Ukrainian side", Stance::Asserts, "Russia carried out the attack"),
                ("the ministry", Stance::Denies, "Russia carried out the attack"),
            ],
            "{text}"
        );
    }

    // "We deny that …": the clause is what is denied, not an earlier claim.
    let c = run(
        "Smith said the weather was fine on Sunday. “We deny that we paid anyone for the report. The report is accurate and it stands,” said Jones.",
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(d.content, "we paid anyone for the report", "{c:#?}");

    // A quotation that opens with something else stays whole.
    let c = run("“The talks went well, and we reject any delay,” Smith said.");
    let smith = c.iter().find(|x| x.claimant == "Smith").expect("Smith's claim");
    assert_eq!(
        (smith.stance, smith.content.as_str()),
        (Stance::Asserts, "The talks went well, and we reject any delay"),
        "{c:#?}"
    );
}

#[test]
fn after_its_denial_a_claimant_naming_the_accuser_counters() {
    let c = run(
        "Pakistan alleged that India had a hand in the train attack. India rejected the allegations. India said Pakistan must look inwards instead of blaming others. India said the monsoon came early.",
    );
    let inwards = c
        .iter()
        .find(|x| x.content.contains("inwards"))
        .expect("the counter-claim");
    assert_eq!(inwards.counters, ["c1"], "{c:#?}");
    let monsoon = c
        .iter()
        .find(|x| x.content.contains("monsoon"))
        .expect("the other claim");
    assert!(monsoon.counters.is_empty(), "{c:#?}");
}

#[test]
fn a_claim_continuing_a_denial_counters_unless_it_negates() {
    let c = rule_links(
        "schema: claimtrack-actors/1\nactors: []\n",
        "Pakistan claimed that militants crossed from Afghanistan. Kabul denied that militants crossed from Afghanistan, urging Islamabad to focus on its internal security. Kabul rejected the claim, saying no militant operates from its soil.",
    );
    let urging = c.iter().find(|x| x.cue.as_deref() == Some("urging")).expect("urging");
    assert_eq!(
        (urging.counters.as_slice(), urging.rebuts.is_empty()),
        (&["c1".to_string()][..], true),
        "{c:#?}"
    );
    let saying = c.iter().find(|x| x.cue.as_deref() == Some("saying")).expect("saying");
    assert!(saying.counters.is_empty() && !saying.rebuts.is_empty(), "{c:#?}");
}

#[test]
fn a_denial_of_someones_allegations_copies_the_one_they_made_themselves() {
    let text = "Pakistan's Foreign Office has alleged that the hijackers were in contact with handlers in Afghanistan. Shafqat Ali Khan claimed that intercepted calls proved the link. The Taliban rejected Islamabad's allegations as baseless.";
    let c = run_with(
        "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan\n    aliases: [Islamabad, Pakistan's Foreign Office]\n  - name: Shafqat Ali Khan\n    member_of: Pakistan\n",
        text,
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(
        d.content, "the hijackers were in contact with handlers in Afghanistan",
        "{c:#?}"
    );
    assert_eq!(d.rebuts, ["c1", "c2"]);
    // Without a possessor the denial answers the last accusation, as before.
    let c = run(&text.replace("Islamabad's allegations", "the allegations"));
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(d.content, "intercepted calls proved the link", "{c:#?}");
}

#[test]
fn evidence_cited_inside_a_claim_is_part_of_it() {
    let c = run(
        "The army claimed that intelligence reports confirmed the involvement of groups based abroad. Later, satellite images confirmed the damage.",
    );
    let got: Vec<(&str, &str)> = c.iter().map(|x| (x.claimant.as_str(), x.content.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                "army",
                "intelligence reports confirmed the involvement of groups based abroad"
            ),
            ("satellite images", "the damage")
        ],
        "{c:#?}"
    );
}

#[test]
fn according_to_a_statement_after_a_claim_frames_it() {
    let c = run("The agency said its inspectors had seen no damage, according to a statement.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].claimant, "agency");
    let c = run("Militants crossed the border at night, according to Pakistani officials.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].claimant, "Pakistan");
    // Before the claim, "according to" names who said it.
    let c = run("According to the ministry, the attackers said they had trained abroad.");
    assert!(c.iter().any(|x| x.claimant == "ministry"), "{c:#?}");
}

#[test]
fn the_quoted_speakers_own_we_is_part_of_the_quotation() {
    let c = run(
        "“The terrorists had safe havens in Afghanistan, and we have repeatedly urged Kabul to stop them,” he stated. We believe the talks will fail, the editors wrote.",
    );
    let cues: Vec<&str> = c.iter().filter_map(|x| x.cue.as_deref()).collect();
    assert!(
        cues.contains(&"stated") && !cues.contains(&"have repeatedly urged"),
        "{c:#?}"
    );
}

#[test]
fn a_denial_answers_another_sides_claim_not_its_own() {
    let text = "The ISPR said that militants had crossed over from Afghanistan. The Afghan foreign ministry said Pakistan should look into its own security lapses. Zabihullah Mujahid described the ISPR statement as unfounded.";
    let c = run_with(
        "schema: claimtrack-actors/1\nactors:\n  - name: Pakistan\n    aliases: [ISPR]\n  - name: Afghanistan\n    aliases: [Afghan foreign ministry]\n  - name: Zabihullah Mujahid\n    kind: person\n    member_of: Afghanistan\n",
        text,
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    assert_eq!(
        (d.content.as_str(), d.rebuts.as_slice()),
        ("militants had crossed over from Afghanistan", &["c1".to_string()][..]),
        "{c:#?}"
    );
}

#[test]
fn rejected_allegations_with_that_deny_what_follows() {
    let c = run(
        "India has strongly rejected the allegations made by the foreign office that India had a hand in the attack.",
    );
    // The denial, and the allegation it denies as the accuser's claim.
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].stance, Stance::Denies);
    assert_eq!(c[0].content, "India had a hand in the attack");
    assert_eq!(c[0].rebuts, ["c2"]);
    assert_eq!(
        (c[1].claimant.as_str(), c[1].cue.as_deref(), c[1].stance),
        ("foreign office", Some("allegations made by"), Stance::Asserts)
    );
    assert_eq!(c[1].content, c[0].content);
    // Without "made by X" there is no accuser to name: the denial alone.
    let c = run("India rejected the allegations that India had a hand in the attack.");
    assert_eq!(c.len(), 1, "{c:#?}");
}

#[test]
fn participle_after_and_continues_the_attribution() {
    let c = run(
        "The Taliban dismissed the accusations, maintaining that no group operates from Afghanistan and denying any involvement in the assault.",
    );
    let last = c.last().unwrap();
    assert_eq!(last.stance, Stance::Denies, "{c:#?}");
    assert_eq!(last.content, "any involvement in the assault");
}

#[test]
fn a_denial_of_allegations_can_answer_a_later_accusation() {
    let c = run(
        "Kabul said the border would reopen soon. Kabul rejected the allegations made by the spokesman. Pakistan’s military media wing, the Inter-Services Public Relations (ISPR), had earlier claimed in a press release that militants from Afghanistan staged the attack.",
    );
    let d = c.iter().find(|x| x.stance == Stance::Denies).expect("a denial");
    let accusation = c
        .iter()
        .find(|x| x.cue.as_deref() == Some("had earlier claimed"))
        .expect("the accusation");
    assert_eq!(d.content, "militants from Afghanistan staged the attack", "{c:#?}");
    assert_eq!(d.rebuts, std::slice::from_ref(&accusation.id));
    assert_eq!(
        accusation.claimant, "Pakistan’s military media wing",
        "the subject before its appositive"
    );
}

#[test]
fn its_official_and_the_statement_speak_for_the_one_named_before() {
    for (text, mention, claimant) in [
        (
            "India denied losing any aircraft, and its foreign secretary said the strikes hit only camps.",
            "its foreign secretary",
            "India",
        ),
        (
            "Pakistan's foreign office said talks would resume. The statement said Kabul must act first.",
            "The statement",
            "Pakistan",
        ),
    ] {
        let c = run(text);
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(
            (c[1].claimant.as_str(), c[1].mention.as_deref()),
            (claimant, Some(mention))
        );
    }
}

#[test]
fn the_ministry_or_the_military_speaks_for_the_one_named_with_that_word() {
    let text = "Sudan's foreign ministry said the troops crossed the border. Legesse Tulu said the claim was old. The ministry said talks would resume. The military said the area was calm.";
    let c = run_with(
        "schema: claimtrack-actors/1\nactors:\n  - name: Sudan\n    kind: state\n  - name: Legesse Tulu\n    kind: person\n",
        text,
    );
    let by_cue: Vec<(&str, &str)> = c.iter().map(|x| (x.claimant.as_str(), x.content.as_str())).collect();
    assert_eq!(by_cue[2], ("Sudan", "talks would resume"), "{c:#?}");
    // No claim so named: the last claimant that is no known person.
    assert_eq!(by_cue[3].0, "Sudan", "{c:#?}");
    // Whole words: "paramilitary" names no military.
    let c = run_with(
        "schema: claimtrack-actors/1\nactors:\n  - name: Sudan\n    kind: state\n",
        "The paramilitary Rapid Support Forces said the city had fallen. Sudan said talks would resume. The military said the area was calm.",
    );
    assert_eq!(c.last().map(|x| x.claimant.as_str()), Some("Sudan"), "{c:#?}");
}

#[test]
fn the_group_speaks_for_the_last_claimant_that_is_no_person() {
    use crate::claim::{Actor, ActorsFile};
    let actors = Actors::new(&ActorsFile {
        schema: crate::claim::ACTORS_SCHEMA.into(),
        actors: vec![
            Actor {
                name: "Afghanistan".into(),
                kind: Some("state".into()),
                aliases: vec!["Taliban".into()],
                member_of: None,
            },
            Actor {
                name: "Zabiullah Mujahid".into(),
                kind: Some("person".into()),
                aliases: vec![],
                member_of: Some("Afghanistan".into()),
            },
        ],
    });
    let text = "Pakistani officials accused the Taliban of building checkpoints, a claim the Taliban denied. Spokesman Zabiullah Mujahid said the post was legal. The group insisted it was only building a post on Afghan soil.";
    let a = Article::from_bytes(text.as_bytes(), Some("t".into()), Path::new("t.txt")).unwrap();
    let c = extract(&a, &actors, None).claims;
    let last = c.last().unwrap();
    assert_eq!(
        (last.claimant.as_str(), last.mention.as_deref()),
        ("Afghanistan", Some("The group")),
        "{c:#?}"
    );
}

#[test]
fn sharing_only_names_is_no_link() {
    let c = run(
        "Turkey said Pakistan and Afghanistan agreed to extend a ceasefire. The Taliban denied that Afghan soil is used for attacks on Pakistan.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].stance, Stance::Denies);
    assert!(c[1].rebuts.is_empty(), "{c:#?}");
}

#[test]
fn doubled_apostrophes_quote_like_quotation_marks() {
    let text = "''That's Mexico's vulnerability,'' said Luis Rubio, who heads a research center.";
    let c = run(text);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].claimant, "Luis Rubio");
    assert_eq!(c[0].content, "That's Mexico's vulnerability");
}

#[test]
fn negative_assertion_is_not_a_denial() {
    let c = run("The ministry said it had not closed the crossing.");
    assert_eq!(c[0].stance, Stance::Asserts);
}

#[test]
fn pronoun_source_takes_the_last_claimant() {
    let c = run(
        "Head of the jirga, Syed Kazmi told Dawn.com that the JCC would meet. Both sides have agreed to stop construction, he added.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].claimant, "Syed Kazmi");
    assert_eq!(c[0].content, "the JCC would meet");
    assert_eq!(c[1].claimant, "Syed Kazmi");
    assert_eq!(c[1].mention.as_deref(), Some("he"));
}

#[test]
fn quotation_over_two_sentences() {
    let c = run("“The delegation arrived. The meeting is being held after a long gap,” according to Sadiq's X.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].quoted, Some(true));
    assert_eq!(
        c[0].content,
        "The delegation arrived. The meeting is being held after a long gap"
    );
}

#[test]
fn spans_are_code_point_offsets_of_content() {
    let text = "“Quote” aside, Pakistan’s office said that the envoy had reached Kabul.";
    let c = run(text);
    let [s, e] = c[0].span.unwrap();
    let got: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(got, c[0].content);
}

#[test]
fn a_quantity_is_no_fronted_phrase_and_a_reported_relative_clause_ends_a_content() {
    // "At least 39 people, …": the content keeps its subject.
    let c = run(
        "At least 39 people, including four children, were killed in the attack, spokesman Artem Dekhtyarenko said.",
    );
    assert_eq!(
        c[0].content, "At least 39 people, including four children, were killed in the attack",
        "{c:#?}"
    );
    // ", which local authorities said …" reports another speaker: the
    // ministry's content ends before it, and the authorities have their own.
    let c = run(
        "The ministry said it did not launch any attack on the station, which local authorities said had killed at least 39 people.",
    );
    assert_eq!(c[0].content, "it did not launch any attack on the station", "{c:#?}");
    assert!(c.iter().any(|x| x.claimant == "local authorities"), "{c:#?}");
}

#[test]
fn a_noun_like_cue_before_a_bare_clause_and_a_fronted_participle() {
    // "reported" is also a noun: a cue before a clause without "that"
    // when a subject precedes it, not in "the reports of clashes were …".
    let c = run("Contradicting this, Pakistan’s military reported 23 of its soldiers were killed and 29 injured.");
    let got: Vec<(Option<&str>, &str)> = c.iter().map(|x| (x.mention.as_deref(), x.content.as_str())).collect();
    assert_eq!(
        got,
        [(
            Some("Pakistan’s military"),
            "23 of its soldiers were killed and 29 injured"
        )],
        "{c:#?}"
    );
    assert!(run("The reports of clashes were denied by the army.").is_empty());
}

#[test]
fn underscored_is_a_cue_and_a_noting_clause_is_not_its_content() {
    let c = run(
        "Responding to these claims, the official underscored the army's strong record in countering militants, while noting that the Taliban harbored such groups.",
    );
    assert_eq!(
        (c[0].cue.as_deref(), c[0].content.as_str()),
        (Some("underscored"), "the army's strong record in countering militants"),
        "{c:#?}"
    );
}

#[test]
fn a_participle_after_a_closed_quotation_or_while_or_before_a_colon_speaks_too() {
    // "“…,” adding that …": the quotation ends the first content, with its
    // closing mark; the participle is the same speaker's.
    let c = run(
        r#"China stressed that "the operation was lawful," adding that the responsibility lay with the other side."#,
    );
    let got: Vec<(&str, &str)> = c
        .iter()
        .map(|x| (x.cue.as_deref().unwrap_or(""), x.content.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("stressed", "the operation was lawful"),
            ("adding", "the responsibility lay with the other side")
        ],
        "{c:#?}"
    );
    // ", while noting that …" continues the attribution before it.
    let c = run("The army said two soldiers were killed, while noting that the attack had been repelled.");
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        (c[1].claimant.as_str(), c[1].content.as_str()),
        ("army", "the attack had been repelled")
    );
    // "… saying: “…”" without a comma: the quotation is not the accusation's.
    let c = run(
        r#"The ministry accused Kyiv of carrying out the attack saying: "The purpose was to stop the evacuation.""#,
    );
    let got: Vec<(&str, &str)> = c
        .iter()
        .map(|x| (x.cue.as_deref().unwrap_or(""), x.content.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("accused", "Kyiv of carrying out the attack"),
            ("saying", "The purpose was to stop the evacuation")
        ],
        "{c:#?}"
    );
}

#[test]
fn an_accusation_noun_with_its_possessor_and_a_relative_denial_of_it() {
    // "X's accusations that A, which Y denies": X asserts A, Y denies A.
    let c = run("Ties are strained by Islamabad's accusations that the Taliban harbors militants, which Kabul denies.");
    let got: Vec<(&str, &str, &str)> = c
        .iter()
        .map(|x| (x.claimant.as_str(), x.cue.as_deref().unwrap_or(""), x.content.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Pakistan", "accusations", "the Taliban harbors militants"),
            ("Afghanistan", "denies", "the Taliban harbors militants")
        ],
        "{c:#?}"
    );
    assert_eq!(c[1].stance, crate::claim::Stance::Denies);
    // A pointer without a clause after it is no accusation of its own.
    assert!(
        run("The minister rejected the allegations.")
            .iter()
            .all(|x| x.cue.as_deref() != Some("allegations"))
    );
}

#[test]
fn a_denial_of_a_named_sides_claims_denies_what_they_say() {
    // "rejected Taliban claims of A": the Taliban assert A (a name before
    // a noun cue owns it) and the denial denies A, not "Taliban claims of A";
    // ", terming …" names what was said and is no part of it.
    let c = run(
        "Pakistan categorically rejected Taliban claims of significant casualties among its forces, terming the reports false.",
    );
    let got = who_says(&c);
    assert_eq!(
        got,
        [
            ("Pakistan", Stance::Denies, "significant casualties among its forces"),
            ("Taliban", Stance::Asserts, "significant casualties among its forces")
        ],
        "{c:#?}"
    );
    // A passive denial ends the claim it denies.
    let c = run("Kabul's claim that Pakistan shelters the group was rejected by Islamabad.");
    assert_eq!(c[0].content, "Pakistan shelters the group", "{c:#?}");
}

#[test]
fn exaggerated_is_a_label_of_falsehood_and_a_title_with_its_name_set_off_speaks() {
    let c = run(
        "Mujahid said 58 soldiers were killed. A senior official dismissed these assertions as “exaggerated and far from reality.”",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        (c[1].stance, c[1].content.as_str()),
        (Stance::Denies, "58 soldiers were killed")
    );
    // "Title, Name, said A": the name set off after a title is no content
    // before an inverted "said …".
    let c = run("The government’s chief spokesman, Zabihullah Mujahid, said Afghan forces captured 25 army posts.");
    assert_eq!(
        (c[0].mention.as_deref(), c[0].content.as_str()),
        (
            Some("The government’s chief spokesman, Zabihullah Mujahid"),
            "Afghan forces captured 25 army posts"
        ),
        "{c:#?}"
    );
}

#[test]
fn a_temporal_clause_reporting_another_speaker_ends_the_content() {
    let c = run(
        "The Azerbaijani Defense Ministry has said it lost 50 troops in overnight clashes after Yerevan said that at least 49 of its soldiers were killed.",
    );
    assert_eq!(
        who_says(&c),
        [
            ("Azerbaijan", Stance::Asserts, "it lost 50 troops in overnight clashes"),
            ("Armenia", Stance::Asserts, "at least 49 of its soldiers were killed"),
        ],
        "{c:#?}"
    );
    // A temporal clause without a speaker of its own stays in the claim.
    let c = run("The ministry said the shelling began after troops crossed the border.");
    assert_eq!(
        c[0].content, "the shelling began after troops crossed the border",
        "{c:#?}"
    );
}

#[test]
fn a_dateline_with_an_agency_in_brackets_is_no_part_of_the_subject() {
    let c = run(
        "MANILA (Reuters) – The Philippines repeated its call for China to stop provocative actions, warning that its attempts to block resupply missions could have disastrous results.",
    );
    assert_eq!(
        who_says(&c),
        [(
            "Philippines",
            Stance::Asserts,
            "its attempts to block resupply missions could have disastrous results"
        )],
        "{c:#?}"
    );
}

#[test]
fn a_quotation_resumed_after_the_cue_is_a_claim_of_its_own() {
    let c = run(
        "“They are cynically destroying the civilian population,” the Ukrainian president said on social media. “This is an evil without limits.”",
    );
    let who = who_says(&c);
    assert_eq!(who.len(), 2, "{c:#?}");
    assert_eq!(who[0].2, "They are cynically destroying the civilian population");
    assert_eq!(who[1], (who[0].0, Stance::Asserts, "This is an evil without limits"));
    assert_eq!(c[1].quoted, Some(true));
    // A denial's resumed quotation asserts what the speaker goes on to say.
    let c = run("“We reject these claims,” the spokesman denied. “Our forces were not there.”");
    assert_eq!(c.last().map(|x| x.stance), Some(Stance::Asserts), "{c:#?}");
    // A clause that goes on after the cue without quotation marks stays one claim.
    let c = run("The museum, he said, celebrated the heroes of the war.");
    assert_eq!(c.len(), 1, "{c:#?}");
}

#[test]
fn what_a_speaker_called_something_is_its_claim() {
    let c = run(
        "The Taliban said its forces carried out retaliatory strikes in response to what it described as repeated violations of Afghanistan's territory and airspace.",
    );
    let who = who_says(&c);
    assert_eq!(
        who[1],
        (
            "Taliban",
            Stance::Asserts,
            "repeated violations of Afghanistan's territory and airspace"
        ),
        "{c:#?}"
    );
    assert_eq!(c[1].cue.as_deref(), Some("described as"));
    let c = run("The gunman used a rifle in what officials called a hate crime.");
    assert_eq!(who_says(&c), [("officials", Stance::Asserts, "a hate crime")], "{c:#?}");
    // "what are called …" names nobody.
    assert!(run("They favor what are called progressive taxes.").is_empty());
}

#[test]
fn what_a_speaker_called_something_after_which_is_its_claim_not_the_sentence_before() {
    let c = run("Two U.S. officials said Israel was behind the strike, which they described as limited in scope.");
    let who = who_says(&c);
    assert_eq!(who.len(), 2, "{c:#?}");
    assert_eq!(who[1].2, "limited in scope", "{c:#?}");
    assert_eq!(c[1].cue.as_deref(), Some("described as"));
    // "which X called on …" is another verb.
    let c = run("The minister signed the order, which Pakistan called on India to respect.");
    assert!(c.iter().all(|c| c.cue.as_deref() != Some("called as")), "{c:#?}");
}

#[test]
fn the_latter_is_the_party_the_claim_before_accuses() {
    let c = run("Pakistan accuses Afghanistan of harbouring militants, which the latter denies.");
    let who = who_says(&c);
    assert_eq!(who.len(), 2, "{c:#?}");
    assert_eq!(who[1].0, "Afghanistan", "{c:#?}");
    assert_eq!(who[1].1, Stance::Denies);
    assert_eq!(c[1].mention.as_deref(), Some("the latter"));
}

#[test]
fn each_that_clause_of_one_verb_is_a_claim_with_its_stance() {
    let c = run(
        "Mujahid said 30 Pakistani soldiers were wounded, and that all official borders are under the control of Afghan forces.",
    );
    let who = who_says(&c);
    assert_eq!(
        who,
        [
            ("Mujahid", Stance::Asserts, "30 Pakistani soldiers were wounded"),
            (
                "Mujahid",
                Stance::Asserts,
                "all official borders are under the control of Afghan forces"
            ),
        ],
        "{c:#?}"
    );
    let c = run("Kabul denied that its forces fired first and that any post was lost.");
    assert_eq!(c.len(), 2, "{c:#?}");
    assert!(c.iter().all(|x| x.stance == Stance::Denies), "{c:#?}");
}

#[test]
fn a_source_set_inside_its_clause_leaves_the_claim_the_whole_clause() {
    // The span output keeps the pieces apart; a claim's content is one
    // stretch of text, so it runs on past the source.
    let c = run("The strike, officials said, killed four people in the town.");
    assert_eq!(
        who_says(&c),
        [(
            "officials",
            Stance::Asserts,
            "The strike, officials said, killed four people in the town"
        )],
        "{c:#?}"
    );
}

#[test]
fn a_relative_that_after_an_infinitive_stays_in_the_content() {
    let c = run("Washington urged both sides to refrain from actions that could inflame tensions.");
    assert_eq!(
        c[0].content, "both sides to refrain from actions that could inflame tensions",
        "{c:#?}"
    );
    // A "to" of an adjunct or an addressee is no infinitive.
    let c = run("The minister said in a letter to lawmakers that the border would stay closed.");
    assert_eq!(c[0].content, "the border would stay closed", "{c:#?}");
    let c = run("The minister told reporters on his way to Kabul that the talks had failed.");
    assert_eq!(c[0].content, "the talks had failed", "{c:#?}");
}

#[test]
fn a_dateline_of_two_words_or_a_hyphen_is_no_part_of_the_source() {
    for text in [
        "NEW DELHI (AP) - India's army said that Chinese troops crossed the border.",
        "NEW DELHI, Dec 13 (Reuters) - India's army said that Chinese troops crossed the border.",
    ] {
        let c = run(text);
        assert_eq!(
            (c[0].claimant.as_str(), c[0].mention.as_deref()),
            ("India", Some("India's army")),
            "{c:#?}"
        );
    }
}

#[test]
fn nothing_but_lies_qualifies_a_denial() {
    let c = run(
        "India said Chinese troops crossed the border. Beijing has dismissed such reports as \"nothing but lies\".",
    );
    assert_eq!(
        who_says(&c),
        [
            ("India", Stance::Asserts, "Chinese troops crossed the border"),
            ("China", Stance::Denies, "Chinese troops crossed the border")
        ],
        "{c:#?}"
    );
}

#[test]
fn a_rejected_or_falsified_statement_of_another_side_denies_what_it_said() {
    let text = "China slams US statement on collision with Philippine boat\n\nBEIJING: China’s foreign ministry on Monday said a US statement in which Washington sided with the Philippines “disregarded the facts”. In a statement on Sunday, the US State Department said China’s coast guard had violated international law.";
    let c = run(text);
    let us = "China’s coast guard had violated international law";
    assert_eq!(
        who_says(&c),
        [
            ("China", Stance::Denies, us),
            ("China", Stance::Denies, us),
            ("US State Department", Stance::Asserts, us),
        ],
        "{c:#?}"
    );
    assert_eq!(c[1].cue.as_deref(), Some("said … disregarded the facts"));
    // Welcomed, or not said to be false, the statement is what is said.
    let c = run(&text
        .replace("slams", "welcomes")
        .replace("“disregarded the facts”", "was timely"));
    assert!(c.iter().all(|x| x.stance == Stance::Asserts), "{c:#?}");
    assert_eq!(
        c[0].content,
        "a US statement in which Washington sided with the Philippines was timely"
    );
    // "Pakistan's claims that A": the content is given.
    let c = run("Islamabad said militants crossed over. Kabul rejected Pakistan's claims that it shelters militants.");
    assert_eq!(c[1].content, "it shelters militants", "{c:#?}");
}

#[test]
fn a_cue_inside_a_quotation_does_not_take_the_quotation_for_its_content() {
    let c = run(
        "Mao Ning told reporters that the United States “issued a statement in violation of international law, groundlessly attacking and accusing China’s legitimate rights”.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].claimant, "Mao Ning");
}

#[test]
fn an_accusation_the_group_dismissed_as_motivated_is_its_denial() {
    let c = run(
        "The RSF said it had not entered the hospital. The United States has accused both sides of committing war crimes, an accusation the group dismissed as politically motivated.",
    );
    let war_crimes = "both sides of committing war crimes";
    assert_eq!(
        who_says(&c)[2],
        ("RSF", Stance::Denies, war_crimes),
        "\"the group\" is no state, and the \"as\" phrase ends the clause: {c:#?}"
    );
}

#[test]
fn such_accusations_point_back_not_at_a_later_accusation() {
    let c = run(
        "A senior army officer said the paramilitaries were using civilians as human shields. The RSF has repeatedly denied such accusations. The United States has accused both sides of committing war crimes.",
    );
    assert_eq!(c[1].stance, Stance::Denies, "{c:#?}");
    assert_eq!(c[1].content, "the paramilitaries were using civilians as human shields");
}

#[test]
fn a_wire_dateline_with_a_date_names_the_side_of_an_unnamed_official() {
    let c = run(
        "Sudan army blames RSF\n\nKHARTOUM, June 9 (AFP) - A senior army officer said the paramilitaries were using civilians as human shields.",
    );
    assert_eq!(c[0].claimant, "Sudan", "{c:#?}");
}

#[test]
fn claims_labelled_false_end_before_the_label() {
    let c = run(
        "He dismissed Cambodian claims that Thai jets had dropped bombs on a road as “completely false”. The Cambodian foreign ministry said Thailand had used cluster munitions. A Thai government spokesman said the claim was groundless.",
    );
    let bombs = "Thai jets had dropped bombs on a road";
    assert!(
        c.iter().any(|x| x.claimant == "Cambodia" && x.content == bombs),
        "{c:#?}"
    );
    assert_eq!(c[0].content, bombs);
    // "the claim": the one just reported, though an accusation came before.
    let last = c.last().unwrap();
    assert_eq!(
        (last.stance, last.content.as_str()),
        (Stance::Denies, "Thailand had used cluster munitions")
    );
}

#[test]
fn found_on_a_probe_of_the_gaza_hospital_blast() {
    let text = "Israel and Hamas trade blame over hospital blast\n\nGAZA, Oct 18 (Reuters) - Hamas and Israel blamed each other on Wednesday for a blast that killed hundreds of people. The Gaza health ministry said an Israeli air strike had hit the hospital. The Israeli military denied responsibility, saying the blast was caused by a rocket misfired by Islamic Jihad. Islamic Jihad rejected the Israeli account. Its spokesman, Daoud Shehab, said the claim was a lie. U.S. President Joe Biden said the blast appeared to have been carried out by \"the other team\", citing data from the Pentagon. Palestinian officials dismissed the U.S. assessment.";
    let c = run(text);
    let said = |who: &str, stance: Stance| c.iter().filter(|x| x.claimant == who && x.stance == stance).count();
    // "blamed each other on Wednesday for": one accusation per side.
    assert!(
        c.iter()
            .any(|x| x.claimant == "Hamas" && x.content == "a blast that killed hundreds of people"),
        "{c:#?}"
    );
    // "denied responsibility": a denial of the claim just reported.
    let strike = "an Israeli air strike had hit the hospital";
    assert!(
        c.iter()
            .any(|x| x.claimant == "Israel" && x.stance == Stance::Denies && x.content == strike),
        "{c:#?}"
    );
    // "Its spokesman, Daoud Shehab": the person named speaks.
    assert_eq!(said("Daoud Shehab", Stance::Denies), 1, "{c:#?}");
    // "…, citing data": Biden cites, not a speaker made of his clause.
    assert!(
        c.iter()
            .any(|x| x.claimant == "Joe Biden" && x.content == "data from the Pentagon"),
        "{c:#?}"
    );
    // "dismissed the U.S. assessment": a denial of what Biden said.
    let last = c.last().unwrap();
    assert_eq!(last.stance, Stance::Denies);
    assert!(last.content.starts_with("the blast appeared"), "{c:#?}");
}

#[test]
fn a_title_with_its_office_before_a_name() {
    let c = run(
        "U.S. Secretary of State Antony Blinken said the talks failed. Minister of Foreign Affairs Wang Yi said they went well.",
    );
    assert_eq!(c[0].claimant, "Antony Blinken");
    assert_eq!(c[1].claimant, "Wang Yi");
}

#[test]
fn a_day_or_an_adjunct_after_the_cue_is_no_content() {
    let c = run(
        "North Korea said on Wednesday it had flown hundreds of balloons into the South. The Joint Chiefs of Staff said about 260 balloons had been found. Kim Yo Jong said in a statement carried by state news agency KCNA that the balloons were gifts.",
    );
    let contents: Vec<&str> = c.iter().map(|x| x.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "it had flown hundreds of balloons into the South",
            "about 260 balloons had been found",
            "the balloons were gifts",
        ]
    );
}

#[test]
fn the_army_statement_is_the_army_s() {
    let c = run(
        "The Indian army said in a statement that its soldiers were killed. \"Troops have disengaged,\" the army statement said.",
    );
    assert_eq!(c[1].mention.as_deref(), Some("the army statement"), "{c:#?}");
    assert_eq!(c[1].claimant, c[0].claimant);
}

#[test]
fn a_source_never_holds_another_claim_s_cue() {
    // "disputed" is an adjective here, and "posted" describes the statement.
    let c = run("Guyana accuses Venezuela of planning to annex disputed region\n\nGil rejected the accusation.");
    assert!(c.iter().all(|x| x.cue.as_deref() != Some("disputed")), "{c:#?}");
    let c = run(
        "\"Georgetown serves ExxonMobil,\" Gil said in a statement posted on social media, adding that Georgetown had violated international law.",
    );
    assert_eq!(
        who_says(&c),
        [
            ("Gil", Stance::Asserts, "Georgetown serves ExxonMobil"),
            ("Gil", Stance::Asserts, "Georgetown had violated international law"),
        ],
        "{c:#?}"
    );
}

#[test]
fn the_narrator_s_time_clause_ends_a_content() {
    let c = run(
        "Guyana's president accused Venezuela of preparing to annex the region, a day after Maduro ordered the oil company to grant licences.",
    );
    assert_eq!(c[0].content, "Venezuela of preparing to annex the region", "{c:#?}");
}

#[test]
fn the_claim_dismissed_is_a_claim_not_an_appeal() {
    let c = run(
        "The command said that sovereignty over the valley has always belonged to China. Its spokesman, Zhang Shuili, urged India to restrain its troops.\n\nIndian officials dismissed the claim as untenable.",
    );
    assert_eq!(
        who_says(&c)[2],
        (
            "India",
            Stance::Denies,
            "sovereignty over the valley has always belonged to China"
        ),
        "{c:#?}"
    );
}

#[test]
fn a_quotation_s_speaker_may_have_an_appositive_before_the_cue() {
    let c = run(
        "\"This was an unprovoked attack on a surveillance asset,\" Captain Bill Urban, a spokesman for U.S. Central Command, said in a statement.",
    );
    assert_eq!(
        who_says(&c),
        [(
            "Bill Urban",
            Stance::Asserts,
            "This was an unprovoked attack on a surveillance asset"
        )],
        "{c:#?}"
    );
}

#[test]
fn a_list_of_states_calls_on_another() {
    let c = run("The United States, France and Britain called on Rwanda to withdraw its forces.");
    assert_eq!(
        who_says(&c),
        [(
            "United States, France and Britain",
            Stance::Asserts,
            "Rwanda to withdraw its forces"
        )],
        "{c:#?}"
    );
}

#[test]
fn what_a_report_found_is_its_issuer_s_claim() {
    let c = run(
        "A report by U.N. experts last year found that Rwandan soldiers were fighting alongside the M23. Police found the bodies of three men.",
    );
    assert_eq!(
        who_says(&c),
        [(
            "U.N. experts",
            Stance::Asserts,
            "Rwandan soldiers were fighting alongside the M23"
        )],
        "{c:#?}"
    );
}

#[test]
fn told_reporters_and_a_colon_open_the_quotation() {
    let c = run("Trump told reporters on Friday: \"You'll soon find out what we do.\"");
    assert_eq!(c[0].content, "You'll soon find out what we do", "{c:#?}");
}

#[test]
fn a_headline_s_second_verb_has_the_first_one_s_subject() {
    let c = run("Iran shoots down U.S. drone, says it violated its airspace\n\nThe drone fell into the sea.");
    assert_eq!(c[0].claimant, "Iran", "{c:#?}");
}

#[test]
fn a_request_for_anonymity_is_no_claim() {
    let c = run("A Hezbollah official, who asked not to be named, told Reuters the group was not behind the attack.");
    assert_eq!(
        who_says(&c),
        [("Hezbollah", Stance::Asserts, "the group was not behind the attack")],
        "{c:#?}"
    );
}

#[test]
fn a_dateline_of_two_places_is_no_part_of_the_source() {
    let c = run(
        "China says it expelled a destroyer\n\nBEIJING/TAIPEI (Reuters) - China's military said on Saturday it had tracked and warned away a U.S. Navy destroyer.",
    );
    assert_eq!(c[1].mention.as_deref(), Some("China's military"), "{c:#?}");
    // "had tracked and warned away": two participles of one auxiliary, one claim.
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].content, "it had tracked and warned away a U.S. Navy destroyer");
}

#[test]
fn a_spokesman_asked_about_something_says_what_follows() {
    let c = run(
        "A Chinese foreign ministry spokesman, asked about the transit at a daily news briefing, said China firmly opposed provocations by any country.",
    );
    assert_eq!(
        who_says(&c),
        [(
            "China",
            Stance::Asserts,
            "China firmly opposed provocations by any country"
        )],
        "{c:#?}"
    );
}

#[test]
fn a_state_s_security_service_speaks_for_it() {
    let c = run(
        "Russia's FSB security service said its border guards had seized three vessels. The service said three sailors were hurt.",
    );
    assert_eq!(c[0].claimant, "Russia", "{c:#?}");
    assert_eq!(c[1].claimant, "Russia", "{c:#?}");
}

#[test]
fn a_pronoun_after_a_sentence_that_names_a_person_and_reports_no_claim_is_that_person() {
    let c = run(
        "Ministry spokeswoman Maly Socheata said Thailand launched the attack first. \
         Thailand's acting prime minister, Phumtham Wechayachai, rejected that account. \
         “Cambodia started it,” he told reporters.",
    );
    let quote = c
        .iter()
        .find(|c| c.content == "Cambodia started it")
        .expect("the quotation is a claim");
    assert_eq!(quote.claimant, "Phumtham Wechayachai");
    // A place named after a preposition is no speaker, so the pronoun
    // keeps the claimant before it.
    let c = run(
        "Ministry spokeswoman Maly Socheata said Thailand launched the attack first. \
         Fighting spread to the Ta Muen Thom temple. “We only responded,” she said.",
    );
    let quote = c
        .iter()
        .find(|c| c.content == "We only responded")
        .expect("the quotation is a claim");
    assert_eq!(quote.claimant, "Maly Socheata");
}

#[test]
fn an_account_or_an_explanation_rejected_is_the_claim_before_denied() {
    let c = run(
        "Belarus said some drones had strayed off course because of electronic jamming. \
         Polish officials dismissed that explanation, saying the drones had flown in from several directions.",
    );
    let denial = c.iter().find(|c| c.stance == Stance::Denies).expect("a denial");
    assert_eq!(denial.claimant, "Poland");
    assert_eq!(
        denial.content,
        "some drones had strayed off course because of electronic jamming"
    );
    let c = run("Cambodia said Thai troops fired first. Thailand's foreign minister rejected that account.");
    assert!(
        c.iter()
            .any(|c| c.stance == Stance::Denies && c.content == "Thai troops fired first"),
        "{c:#?}"
    );
}

#[test]
fn a_secretary_general_is_a_title_before_the_name() {
    let c = run("NATO Secretary-General Mark Rutte said the alliance's air defences had worked.");
    assert_eq!(c[0].claimant, "Mark Rutte");
}

#[test]
fn a_pointer_with_its_complement_labelled_false_denies_what_the_complement_says() {
    // Not an accusation that a later sentence reads, nor the denial before.
    let c = run("Pakistan said it had shot down five Indian aircraft. \
         A senior Indian government source said the claim of downed jets was \"misinformation\". \
         Islamabad has denied any role in the attack. \
         Pakistan's information minister, Attaullah Tarar, said India's claims about militant camps were false.");
    let denied: Vec<&str> = c
        .iter()
        .filter(|c| c.stance == Stance::Denies)
        .map(|c| c.content.as_str())
        .collect();
    assert_eq!(
        denied,
        [
            "the claim of downed jets",
            "any role in the attack",
            "India's claims about militant camps"
        ]
    );
}

#[test]
fn such_reports_labelled_false_answer_the_last_claim_of_another_speaker() {
    // Reports are no allegations: not the last accusation but the last
    // claim of someone else.
    let c = run(
        "Sudan's military accused the Rapid Support Forces of shelling the hospital. \
         Local activists said RSF fighters had stormed the hospital after the shelling. \
         The RSF has denied abusing civilians in the city and says such reports are fabricated by the army.",
    );
    let last = c.last().unwrap();
    assert_eq!(last.stance, Stance::Denies);
    assert_eq!(last.content, "RSF fighters had stormed the hospital after the shelling");
}

#[test]
fn a_finding_the_group_rejected_ends_the_claim_and_is_denied_by_the_group() {
    let c = run("The RSF said its fighters returned fire. \
         U.S. officials said last year that the RSF had committed genocide in Darfur, a finding the group has rejected.");
    assert_eq!(c[1].content, "the RSF had committed genocide in Darfur");
    assert_eq!(c[2].stance, Stance::Denies);
    assert_eq!(c[2].claimant, "RSF");
    assert_eq!(c[2].content, c[1].content);
}

#[test]
fn a_claim_withheld_is_no_claim() {
    let c = run(
        "President Vladimir Putin apologised to Aliyev but stopped short of saying that Russia had shot the plane down. \
         Peskov declined to say whether Russian air defences were active. \
         The Kremlin said it would be wrong to make any hypotheses.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].content, "it would be wrong to make any hypotheses");
}

#[test]
fn a_states_authority_or_council_speaks_for_it_and_so_does_the_authority_after_it() {
    let c = run("Russia's aviation authority said the plane diverted because of fog. \
         Iran's Supreme National Security Council said it would respond. \
         The authority said the crew had chosen to land in Aktau.");
    let who: Vec<&str> = c.iter().map(|c| c.claimant.as_str()).collect();
    assert_eq!(who, ["Russia", "Iran", "Russia"]);
}

#[test]
fn the_accusation_rejected_after_a_headline_that_names_no_side_is_the_one_naming_the_denier() {
    let c = run("Israel and Hamas trade blame over deadly Gaza hospital blast\n\n\
         The Israeli military said the blast was caused by a rocket misfired by the Palestinian Islamic Jihad militant group. \
         Islamic Jihad rejected the accusation. \
         Hamas said the Israeli story was \"a complete lie\".");
    let israeli = "the blast was caused by a rocket misfired by the Palestinian Islamic Jihad militant group";
    let denials: Vec<(&str, &str)> = c
        .iter()
        .filter(|c| c.stance == Stance::Denies)
        .map(|c| (c.claimant.as_str(), c.content.as_str()))
        .collect();
    assert_eq!(denials, [("Islamic Jihad", israeli), ("Hamas", israeli)]);
}

#[test]
fn a_headline_clause_after_a_semicolon_is_no_content_and_a_claim_called_false_is_denied() {
    let c = run(
        "Russia blames Britain for Nord Stream blasts; London calls claim false\n\n\
         MOSCOW (AFP) - Russia on Saturday accused British navy personnel of blowing up the Nord Stream gas pipelines, \
         a claim London dismissed as an \"invented story\".",
    );
    assert!(c.iter().all(|c| !c.content.starts_with(';')), "{c:#?}");
    let denials: Vec<&str> = c
        .iter()
        .filter(|c| c.stance == Stance::Denies)
        .map(|c| c.claimant.as_str())
        .collect();
    assert_eq!(denials, ["United Kingdom", "United Kingdom"]);
}

#[test]
fn it_is_false_that_denies_the_clause_after_that() {
    let c = run("Peskov said Russia had evidence. \
         Secretary of State Antony Blinken said it was \"absolutely false\" that Washington had been behind the sabotage.");
    assert_eq!(c[1].stance, Stance::Denies);
    assert_eq!(c[1].content, "Washington had been behind the sabotage");
}

#[test]
fn a_states_ministry_of_something_speaks_for_it() {
    let c = run("Britain's Ministry of Defence said the story was invented. \
         The Russian Ministry of Foreign Affairs said it would respond.");
    let who: Vec<&str> = c.iter().map(|c| c.claimant.as_str()).collect();
    assert_eq!(who, ["United Kingdom", "Russia"]);
}

#[test]
fn whom_a_described_speaker_told_is_no_speaker() {
    let c = run(
        "\"The UAE is not a party to the conflict,\" Reem Ketait, a UAE foreign ministry official, told the court.",
    );
    assert_eq!(
        who_says(&c),
        [("Reem Ketait", Stance::Asserts, "The UAE is not a party to the conflict")]
    );
}

#[test]
fn no_source_ends_in_a_preposition_nor_a_content_inside_an_open_quotation() {
    // Nor is recalling envoys a claim; "its" is the side its own sentence
    // opens with.
    let c = run("Mali said the drone was shot down over its territory. \
         Algeria responded by recalling its own envoys, and its foreign ministry said Mali was trying to blame Algeria. \
         Army chief Abdel Fattah al-Burhan said the military would not negotiate with \"militias backed by foreign states\".");
    let who: Vec<&str> = c.iter().map(|c| c.claimant.as_str()).collect();
    assert_eq!(who, ["Mali", "Algeria", "Abdel Fattah al-Burhan"]);
    assert_eq!(c[1].content, "Mali was trying to blame Algeria");
}

#[test]
fn a_long_title_then_the_name_set_off_is_the_named_person() {
    let c = run(
        "Sudan's representative to the International Court of Justice, Muawia Osman, told judges that the UAE had armed the RSF.",
    );
    assert_eq!(c[0].claimant, "Muawia Osman");
}

#[test]
fn the_statement_of_an_office_is_its_holders_however_named_after() {
    let c = run(
        "Canadian Prime Minister Justin Trudeau said agents of India were tied to the murder. \
         Trudeau said the killing violated Canada's sovereignty. \
         India's foreign ministry said it had seen and rejected the statement of the Canadian prime minister. \
         Canadian Foreign Minister Melanie Joly said Ottawa had expelled an Indian diplomat.",
    );
    let denial = c.iter().find(|c| c.stance == Stance::Denies).unwrap();
    assert_eq!(denial.claimant, "India");
    assert_eq!(denial.content, "the killing violated Canada's sovereignty");
}

#[test]
fn these_allegations_answer_the_nearest_claim_naming_the_denier_not_one_read_inside_a_quotation() {
    let c = run("Mali said the drone was shot down over its territory. \
         \"This is a hostile act, premeditated by the Algerian regime,\" the statement said. \
         It said the drone had been on a mission against \"terrorist groups\" claiming attacks in the region. \
         \"Algeria categorically rejects these baseless allegations,\" the ministry said.");
    let last = c.last().unwrap();
    assert_eq!((last.claimant.as_str(), last.stance), ("Algeria", Stance::Denies));
    assert_eq!(
        last.content,
        "This is a hostile act, premeditated by the Algerian regime"
    );
    assert_eq!(c.len(), 4, "{c:#?}");
}

#[test]
fn a_side_that_names_itself_denying_in_a_quotation_is_the_speakers_denial() {
    let c = run("Ukraine said Russia had hit the station. \
         \"Russia categorically denies any involvement in the strike,\" Peskov told reporters.");
    assert_eq!(c[1].claimant, "Peskov");
    assert_eq!(c[1].stance, Stance::Denies);
    assert_eq!(c[1].content, "any involvement in the strike");
    // Read with its own subject already, the quotation makes no second claim.
    let c = run("India said Pakistan backed the attack. \
         \"Pakistan strongly rejects the baseless allegations made by India,\" the foreign office said.");
    assert_eq!(
        who_says(&c)[1..],
        [("Pakistan", Stance::Denies, "Pakistan backed the attack")]
    );
}

#[test]
fn a_reported_report_ends_before_the_comma_of_its_reporter() {
    let c = run("The United States told Iran that it had no involvement in the strike, a U.S. official said.");
    let told = c.iter().find(|c| c.cue.as_deref() == Some("told")).unwrap();
    assert_eq!(told.content, "it had no involvement in the strike");
    // A reporter who goes on is no aside.
    let c = run(
        "The United States told Iran that it had no involvement in the strike, a U.S. official said, \
         adding that talks would go on.",
    );
    let told = c.iter().find(|c| c.cue.as_deref() == Some("told")).unwrap();
    assert_eq!(told.content, "it had no involvement in the strike");
}

#[test]
fn the_group_is_no_plural_description() {
    let c = run("The Houthis claimed the attack. \
         Shipping companies say the ships have no link to Israel. \
         The group says it acts in solidarity with Gaza.");
    assert_eq!(c[2].claimant, "Houthis");
}

#[test]
fn a_states_office_speaks_for_it_whatever_else_its_name_holds() {
    let c = run("Taiwan's defence ministry said it had spotted balloons. \
         China's Taiwan Affairs Office dismissed the reports as \"hype\".");
    assert_eq!(who_says(&c)[1], ("China", Stance::Denies, "it had spotted balloons"));
}

#[test]
fn a_nouns_relative_clause_is_part_of_the_object_not_the_content() {
    let c = run("Kurti blamed Serbia for an explosion that damaged a canal. \
         Somalia rejected an agreement that will give Ethiopia access to a port. \
         He said in a statement that was posted online that the talks had failed.");
    let contents: Vec<&str> = c.iter().map(|c| c.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "Serbia for an explosion that damaged a canal",
            "an agreement that will give Ethiopia access to a port",
            "the talks had failed"
        ]
    );
}

#[test]
fn an_accusation_rejected_at_a_time_or_place_points_back() {
    for when in ["within hours", "on Saturday", "in a televised address"] {
        let c = run(&format!(
            "Kurti blamed Serbia for the explosion. Vucic rejected the accusation {when}."
        ));
        assert_eq!(c[1].stance, Stance::Denies);
        assert_eq!(c[1].content, c[0].content, "{when}");
    }
}

#[test]
fn an_aside_set_off_by_commas_is_part_of_the_report_it_interrupts() {
    let c = run("Kurti spoke at the site. \
         Kurti said the attack was carried out by professionals who, he alleged, were directed by Belgrade.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(
        c[0].content,
        "the attack was carried out by professionals who, he alleged, were directed by Belgrade"
    );
}

#[test]
fn a_cabinet_and_a_presidency_speak_for_their_state() {
    let c = run("Somalia's cabinet said the deal was void. The cabinet said it would act.");
    assert_eq!(c[0].claimant, "Somalia");
    assert_eq!(c[1].claimant, "Somalia");
}

#[test]
fn claims_spread_by_a_side_labelled_false_deny_that_sides_claim() {
    let c = run("Israel and the UN trade blame over aid. \
         Azerbaijan's defence ministry said Armenian forces had fired on its positions. \
         \"The claims spread by the Azerbaijani side are false,\" ministry spokeswoman Aram Torosyan wrote on Facebook.");
    let last = c.last().unwrap();
    assert_eq!(last.stance, Stance::Denies);
    assert_eq!(last.content, "Armenian forces had fired on its positions");
}

#[test]
fn a_name_before_its_description_is_the_speaker_and_dotted_initials_are_one_name() {
    let c = run(
        "Hikmet Hajiyev, an aide to President Ilham Aliyev, said Azerbaijan remained committed to peace. \
         The UN said aid was blocked. The U.N. said it was too dangerous.",
    );
    let who: Vec<&str> = c.iter().map(|c| c.claimant.as_str()).collect();
    assert_eq!(who, ["Hikmet Hajiyev", "UN", "UN"]);
}

#[test]
fn a_dateline_with_a_date_after_a_headline_is_no_part_of_the_subject() {
    let c = run(
        "Pakistan recalls ambassador after Iranian strike\n\nISLAMABAD, Jan 17 — Pakistan recalled its ambassador from Tehran on Wednesday and said an Iranian strike had killed two children.",
    );
    assert_eq!(
        who_says(&c),
        [("Pakistan", Stance::Asserts, "an Iranian strike had killed two children")]
    );
}

#[test]
fn a_report_named_after_a_preposition_or_a_concession_makes_no_claim() {
    // "in reports that": a noun; the denial is the official's.
    let c = run("There is no truth in reports that Pakistani jets entered Iranian airspace, a military official said.");
    assert_eq!(
        who_says(&c),
        [(
            "a military official",
            Stance::Denies,
            "Pakistani jets entered Iranian airspace"
        )]
    );
    // "whatever it claimed" reports nothing.
    let c = run("Kim Yo Jong said Seoul's military was responsible, whatever it claimed.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].claimant, "Kim Yo Jong");
    // A noun cue after a preposition with its source after it still is one.
    let c = run("The clash came amid allegations from Pakistan that the Taliban shelter militants.");
    assert_eq!(
        who_says(&c),
        [("Pakistan", Stance::Asserts, "the Taliban shelter militants")]
    );
}

#[test]
fn it_after_a_fronted_phrase_is_the_subject_of_its_sentence_and_no_person() {
    let c = run(
        "Iranian Foreign Minister Hossein Amir-Abdollahian said the strikes targeted only terrorists. Two days later, Pakistan struck what it described as militant hideouts inside Iran.",
    );
    assert_eq!(c[1].claimant, "Pakistan", "{c:#?}");
}

#[test]
fn the_group_is_the_group_named_before() {
    let c = run(
        "Iranian media said the Guards had struck two bases of the militant group Jaish al-Adl in Baluchistan. The group, which Tehran lists as a terrorist organisation, has claimed several attacks on Iranian forces.",
    );
    assert_eq!(c[1].claimant, "Jaish al-Adl", "{c:#?}");
}

#[test]
fn a_states_agency_speaks_for_it_and_its_news_agency_does_not() {
    let c = run("China's customs agency said the ban was needed. China's state news agency said the water was dirty.");
    assert_eq!(c[0].claimant, "China");
    assert_ne!(c[1].claimant, "China");
}

#[test]
fn the_north_is_the_state_the_article_names_north() {
    let c = run(
        "North Korea accused South Korea of flying drones. North Korean leader Kim Jong Un was angry. The North's foreign ministry said the drones had been detected over Pyongyang. The South's military said it had fired warning shots.",
    );
    let names: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(names, ["North Korea", "North Korea", "South Korea"], "{c:#?}");
}

#[test]
fn an_institution_is_no_person_named_after_its_title() {
    let c = run(
        "Beijing said Japan was treating the ocean as its sewer. Foreign Ministry spokesperson Wang Wenbin said the report was one-sided. Wang said the review was limited. In Seoul, the government said its own analysis found no problem with the plan. Tokyo asked Beijing to protect its citizens, the foreign ministry said.",
    );
    let names: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(names[3], "South Korea", "{c:#?}");
    assert_ne!(names[4], "Wang Wenbin", "{c:#?}");
}

#[test]
fn rejecting_the_account_answers_the_claim_that_opens_with_the_denier() {
    let c = run(
        "Australia accused a Chinese fighter jet of endangering a navy helicopter. Defence Minister Richard Marles said the Chinese J-10 released the flares ahead of the helicopter. The helicopter was operating from the destroyer HMAS Hobart, the defence department said. China rejected the account.",
    );
    let last = c.last().unwrap();
    assert_eq!(
        (last.claimant.as_str(), last.stance, last.content.as_str()),
        (
            "China",
            Stance::Denies,
            "the Chinese J-10 released the flares ahead of the helicopter"
        )
    );
}

#[test]
fn a_ministry_spokesman_speaks_for_the_ministry_named_before_not_the_dateline() {
    let c = run(
        "ANKARA - Turkey's coast guard said Greek vessels pushed the migrants back. Greece's migration ministry rejected the allegation. \"The coast guard operates in full compliance with international law,\" a ministry spokesman said. He said the footage did not show a pushback.",
    );
    let names: Vec<&str> = c.iter().map(|x| x.claimant.as_str()).collect();
    assert_eq!(names, ["Turkey", "Greece", "Greece", "Greece"], "{c:#?}");
}

#[test]
fn a_group_named_after_a_description_is_no_person() {
    let c = run(
        "Turkey said Greece pushed the migrants back. Rights group Amnesty International said it had documented dozens of similar cases. The group called on the European Union to investigate.",
    );
    assert_eq!(c[2].claimant, "Amnesty International", "{c:#?}");
}

#[test]
fn a_phrasal_verb_before_a_report_noun_makes_no_source() {
    let c = run(
        "Iran said its air defences had shot down three drones. Officials played down reports that Israel had carried out a strike.",
    );
    assert!(c.iter().all(|x| !x.claimant.contains("played")), "{c:#?}");
}

#[test]
fn a_headline_denial_of_an_accusation_denies_what_it_says() {
    let c = run(
        "Turkey accuses Greece of pushing back migrant boat, Athens denies\n\nANKARA - Turkey said it had rescued 34 migrants. Greece rejected the allegation.",
    );
    let accusation = "Greece of pushing back migrant boat";
    assert_eq!(
        who_says(&c),
        [
            ("Turkey", Stance::Asserts, accusation),
            ("Greece", Stance::Denies, accusation),
            ("Turkey", Stance::Asserts, "it had rescued 34 migrants"),
            ("Greece", Stance::Denies, accusation),
        ]
    );
    assert_eq!(c[1].rebuts[0], "c1");
}

#[test]
fn a_quotation_the_source_interrupts_mid_sentence_is_one_claim() {
    let c = run("\"This is,\" the envoy said, \"an act of war.\"");
    assert_eq!(
        who_says(&c),
        [("envoy", Stance::Asserts, "This is an act of war")],
        "{c:#?}"
    );
    // (Not one stretch of the text: no span.)
    assert_eq!(c[0].span, None);
    assert_eq!(c[0].quoted, Some(true));
    // A quotation resumed after a full stop is a claim of its own.
    let c = run("\"We reject it,\" the minister said. \"Our forces were not there.\"");
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].content, "Our forces were not there");
}

#[test]
fn a_quotation_that_calls_what_was_said_false_without_a_pointer_word_denies_it() {
    for quote in [
        "The so-called ramming is categorically false",
        "What the militia is saying is nothing but lies",
        "This is nothing but a smear",
        "The so-called accusation is completely groundless and is a malicious slander",
    ] {
        let text =
            format!("Vietnam said a Chinese coast guard ship rammed and sank a fishing boat. \"{quote},\" Guo said.");
        let c = run(&text);
        assert_eq!(c.len(), 2, "{quote}: {c:#?}");
        assert_eq!(
            (c[1].claimant.as_str(), c[1].stance, c[1].content.as_str()),
            (
                "Guo",
                Stance::Denies,
                "a Chinese coast guard ship rammed and sank a fishing boat"
            ),
            "{quote}: {c:#?}"
        );
        assert_eq!(c[1].rebuts, ["c1"], "{quote}");
    }
    // "The ramming was dangerous" calls nothing false.
    let c = run(
        "Vietnam said a Chinese ship rammed a fishing boat. \"The so-called ramming was a dangerous act,\" Guo said.",
    );
    assert_eq!(c[1].stance, Stance::Asserts, "{c:#?}");
}

#[test]
fn a_figure_or_a_version_of_events_called_false_denies_the_claim_before() {
    let c = run(
        "India said Pakistani shelling killed five Indian soldiers. The spokesperson described the Indian figure of five fatalities as \"categorically false\".",
    );
    assert_eq!(c[1].stance, Stance::Denies, "{c:#?}");
    assert_eq!(c[1].content, "Pakistani shelling killed five Indian soldiers");
    let c = run("The RSF said the army bombed the market. The army rejected the RSF's version of events.");
    assert_eq!(
        who_says(&c)[1],
        ("army", Stance::Denies, "the army bombed the market"),
        "{c:#?}"
    );
    let c = run(
        "Kyrgyzstan said seven people were killed by Tajik fire. The Tajik committee said the Kyrgyz figure of seven dead was inflated.",
    );
    assert_eq!(c[1].stance, Stance::Denies, "{c:#?}");
    assert_eq!(c[1].content, "seven people were killed by Tajik fire");
    let c = run(
        "Venezuela said Colombian troops provided covering fire. Colombian Defence Minister Andres Castano dismissed the Venezuelan communique as propaganda.",
    );
    assert_eq!(c[1].content, "Colombian troops provided covering fire", "{c:#?}");
}

#[test]
fn a_phrase_of_time_after_the_auxiliary_is_no_part_of_the_speaker() {
    let c = run(
        "Congo has for years accused Rwanda of backing M23. Pakistan has on several occasions denied that it harbours militants.",
    );
    assert_eq!(c[0].claimant, "Congo", "{c:#?}");
    assert_eq!(c[1].claimant, "Pakistan", "{c:#?}");
    assert_eq!(c[1].cue.as_deref(), Some("has on several occasions denied"));
}

#[test]
fn reported_is_a_verb_with_its_subject_and_a_time_before_that() {
    let c = run(
        "The Ministry of Defence reported that troops repelled an incursion. The ministry reported on Sunday that units repelled an armed incursion.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        c[0].mention.as_deref().unwrap_or(&c[0].claimant),
        "The Ministry of Defence",
        "{c:#?}"
    );
    assert_eq!(c[1].content, "units repelled an armed incursion");
}

#[test]
fn each_side_blaming_the_other_is_one_accusation_per_side_named_before() {
    let c = run(
        "Kyrgyzstan and Tajikistan fought on their border this week.\n\nClashes broke out on Tuesday, with each side blaming the other for firing first.",
    );
    assert_eq!(
        who_says(&c),
        [
            ("Kyrgyzstan", Stance::Asserts, "firing first"),
            ("Tajikistan", Stance::Asserts, "firing first")
        ],
        "{c:#?}"
    );
    assert_eq!(c[0].cue.as_deref(), Some("blaming the other for"));
    assert_eq!(c[0].mention.as_deref(), Some("each side"));
    // Without two sides named before, the words stay the claimant.
    let c = run("Each side blamed the other for the attack.");
    assert!(c.iter().all(|c| c.claimant == "Each side"), "{c:#?}");
    // "X and Y each blaming the other": each names its side.
    let c = run(
        "A drone strike killed 41 civilians, with the army and the paramilitary Rapid Support Forces each blaming the other for the attack.",
    );
    assert_eq!(
        who_says(&c),
        [
            ("army", Stance::Asserts, "the attack"),
            ("Rapid Support Forces", Stance::Asserts, "the attack")
        ],
        "{c:#?}"
    );
}

#[test]
fn the_subject_of_issued_a_statement_saying_speaks() {
    let c = run("The ELN issued a statement saying its fighters were not involved.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].claimant, "ELN");
    assert_eq!(c[0].content, "its fighters were not involved");
}

#[test]
fn telling_a_different_story_is_no_claim_what_follows_is() {
    let c = run(
        "China said the boat rammed its ship. Hanoi tells a different story. Tajikistan told a different story, saying Kyrgyz troops fired first.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].content, "Kyrgyz troops fired first");
}

#[test]
fn a_figure_called_false_answers_the_claim_that_gave_it_and_a_side_s_communique_that_side() {
    let c = run(
        "Kyrgyzstan said seven people, including two civilians, were killed by Tajik fire. Tajikistan said four of its servicemen died. The Tajik committee said the Kyrgyz figure of seven dead was inflated.",
    );
    assert_eq!(c[2].stance, Stance::Denies, "{c:#?}");
    assert_eq!(c[2].content, c[0].content);
    let c = run(
        "The Venezuelan defence ministry said Colombian troops provided covering fire to the attackers. The Colombian defence ministry said no unit of the Colombian military had fired. Colombian Defence Minister Andres Castano dismissed the Venezuelan communique as propaganda.",
    );
    assert_eq!(c[2].stance, Stance::Denies, "{c:#?}");
    assert_eq!(c[2].content, c[0].content, "{c:#?}");
}

#[test]
fn quoted_as_saying_by_an_outlet_after_a_quotation_says_the_quotation() {
    let c = run(
        "\"No such incident took place in the Nikial sector,\" an Indian Army officer was quoted as saying by a news agency.",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].content, "No such incident took place in the Nikial sector");
    assert_eq!(c[0].claimant, "India");
}

#[test]
fn an_unnamed_official_quoted_by_a_state_s_media_speaks_for_that_state() {
    let c = run(
        "SEOUL, Jan 5 (Reuters) - Taiwan said a Chinese-crewed ship cut the cable. In January, Chinese state media quoted an unnamed maritime official as saying that Taiwan was \"weaponising ordinary accidents\".",
    );
    assert_eq!(c[1].claimant, "China", "{c:#?}");
}

#[test]
fn a_quotation_resumed_after_he_said_may_open_with_a_denial() {
    let c = run(
        "India accused Pakistan of shelling villages. \"Pakistan has always respected the ceasefire,\" the spokesperson said. \"These allegations are baseless.\"",
    );
    assert_eq!(c.len(), 3, "{c:#?}");
    assert_eq!(
        (c[2].stance, c[2].content.as_str()),
        (Stance::Denies, "Pakistan of shelling villages"),
        "{c:#?}"
    );
}

#[test]
fn a_relative_clause_without_that_has_its_speaker_and_ends_the_content_before_it() {
    let c = run(
        "China rejected Vietnam's accusation that a Chinese coast guard ship rammed and sank a fishing boat near the Paracel Islands, an incident Hanoi says left three fishermen dead.",
    );
    let hanoi = c
        .iter()
        .find(|c| c.mention.as_deref() == Some("Hanoi"))
        .expect("Hanoi's claim");
    assert_eq!(hanoi.claimant, "Vietnam", "{c:#?}");
    assert!(
        c.iter()
            .filter(|c| c.mention.as_deref() != Some("Hanoi"))
            .all(|c| c.content.ends_with("near the Paracel Islands")),
        "{c:#?}"
    );
}

#[test]
fn a_noun_cue_before_the_verb_be_is_the_subject_of_a_denial() {
    let c = run(
        "Indian officials said the militants crossed from Pakistan. Pakistan said the Indian claims were baseless.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        (c[1].stance, c[1].content.as_str()),
        (Stance::Denies, "the militants crossed from Pakistan"),
        "{c:#?}"
    );
}

#[test]
fn a_passive_names_its_speaker_after_by() {
    let who = |t: &str| {
        run(t)
            .iter()
            .map(|c| (c.mention.clone().unwrap_or(c.claimant.clone()), c.content.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        who("It was claimed by Indian officials that the militants crossed from Pakistan."),
        [(
            "Indian officials".to_string(),
            "the militants crossed from Pakistan".to_string()
        )]
    );
    assert_eq!(
        who("It has been alleged by the opposition that the vote was rigged."),
        [("the opposition".to_string(), "the vote was rigged".to_string())]
    );
    // A participle in the passive that modifies a noun is no claim.
    assert!(
        run("The uninhabited islets, controlled by Japan but claimed by China, have been a source of friction.")
            .is_empty()
    );
}

#[test]
fn a_time_phrase_fronted_without_a_comma_is_no_part_of_the_speaker() {
    for (text, mention) in [
        (
            "On Monday the ministry said the strike killed nine tourists.",
            "the ministry",
        ),
        (
            "Later on Tuesday the foreign ministry said it had summoned the ambassador.",
            "the foreign ministry",
        ),
        ("In March 2024 the government said it would act.", "the government"),
    ] {
        let c = run(text);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].mention.as_deref(), Some(mention), "{c:#?}");
    }
    // Numbers alone are no time: "12 senators".
    let c = run("“It had no goal,” said 12 senators.");
    assert_eq!(c[0].claimant, "12 senators", "{c:#?}");
}

#[test]
fn content_before_the_source_may_be_followed_by_an_adjunct_and_a_participle() {
    let c = run("No fences had been moved, she told reporters in Moscow, adding that the border was calm.");
    let who = who_says(&c);
    assert_eq!(who[0].2, "No fences had been moved", "{c:#?}");
    assert_eq!(who[1].2, "the border was calm", "{c:#?}");
    let c = run(
        "The vessel was collecting data, a Chinese embassy spokesperson said in a statement posted on its website, calling the accusation a fabrication.",
    );
    assert_eq!(who_says(&c)[0].2, "The vessel was collecting data", "{c:#?}");
    // A subject of one word, then the source between commas.
    let c = run("Iraq, he said, had documented more than 20 Turkish violations.");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        c[0].content.starts_with("Iraq") && c[0].content.ends_with("violations"),
        "{c:#?}"
    );
}

#[test]
fn an_aside_between_the_cue_and_that_is_no_content_and_no_claim() {
    for text in [
        "The state news agency ERINA said, citing the ministry of defence, that Ethiopian soldiers had shelled Eritrean positions.",
        "The ministry said, in a statement carried by TASS, that Ethiopian soldiers had shelled Eritrean positions.",
    ] {
        let c = run(text);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(
            c[0].content, "Ethiopian soldiers had shelled Eritrean positions",
            "{c:#?}"
        );
    }
    let c = run(
        "According to a report by Reuters, which cited two regional security sources, Ethiopian convoys were seen heading north.",
    );
    assert_eq!(c[0].content, "Ethiopian convoys were seen heading north", "{c:#?}");
    let c = run("According to the mayor, Ahmed Hussein, nine tourists were killed.");
    assert_eq!(
        (c[0].claimant.as_str(), c[0].content.as_str()),
        ("Ahmed Hussein", "nine tourists were killed")
    );
}

#[test]
fn the_quoted_one_speaks_past_an_apposition_and_the_subject_past_a_with_phrase() {
    let c = run(
        "State media quoted Kim Yo Jong, the powerful sister of leader Kim Jong Un, as saying that the drills were a rehearsal for invasion.",
    );
    assert_eq!(c[0].claimant, "Kim Yo Jong", "{c:#?}");
    let c = run("Algeria cut diplomatic ties with Rabat in August, accusing its neighbour of hostile actions.");
    assert_eq!(c[0].claimant, "Algeria", "{c:#?}");
    // An allegation named in the object does not speak on after a comma.
    let c = run(
        "Eritrea rejected accusations by Ethiopia that it had massed troops on the border, saying instead that Ethiopia was preparing to invade.",
    );
    assert_eq!(c.last().map(|c| c.claimant.as_str()), Some("Eritrea"), "{c:#?}");
}

#[test]
fn a_bare_title_is_the_one_named_in_apposition_not_the_prime_minister() {
    let c = run(
        "Iraqi Prime Minister Mohammed Shia al-Sudani said the strike was a violation of sovereignty. The Turkish defence minister, Yasar Guler, said the attack was carried out by the PKK. The minister added that Ankara was ready to cooperate.",
    );
    assert_eq!(c[2].claimant, "Yasar Guler", "{c:#?}");
}

#[test]
fn said_the_claims_were_baseless_and_that_b_denies_and_asserts() {
    let c = run(
        "Greece said Turkish jets violated its airspace. Turkey's defence ministry said the Greek claims were \"completely baseless\" and that its aircraft had been on routine training flights.",
    );
    let who = who_says(&c);
    assert_eq!(who.len(), 3, "{c:#?}");
    assert_eq!(
        (who[1].1, who[1].2),
        (Stance::Denies, "Turkish jets violated its airspace")
    );
    assert_eq!(
        (who[2].1, who[2].2),
        (Stance::Asserts, "its aircraft had been on routine training flights")
    );
    // A headline's "says claims “baseless”" is no assertion of those words.
    let c = run("Ankara says claims \"baseless\"\n\nGreece said Turkish jets violated its airspace.");
    assert!(c.iter().all(|c| !c.content.contains("baseless")), "{c:#?}");
}

#[test]
fn affirmed_and_countered_report_claims() {
    let c =
        run("Ali Rezaei affirmed that the drone was shot down. The ministry countered that the drones were Ukrainian.");
    assert_eq!(c.len(), 2, "{c:#?}");
}

#[test]
fn a_cue_inside_a_quotation_keeps_its_content_inside_and_a_surname_before_a_pronoun_speaks() {
    let c = run(
        "Interior Minister Gerald Darmanin said Azerbaijan was interfering. Azerbaijani deputy minister Yalchin Rafiyev said the claims were insulting. In Paris, Darmanin stood by his remarks. \"Azerbaijan is interfering, I maintain it,\" he told reporters outside the ministry.",
    );
    assert_eq!(c.len(), 3, "{c:#?}");
    assert_eq!(
        (c[2].claimant.as_str(), c[2].content.as_str()),
        ("Gerald Darmanin", "Azerbaijan is interfering, I maintain it"),
        "{c:#?}"
    );
}

#[test]
fn a_contrast_that_reports_another_speaker_ends_the_content() {
    let c = run(
        "Houthi rebels claimed Tuesday they struck an oil tanker with two ballistic missiles, but the U.S. military and the ship's operator said the vessel was undamaged.",
    );
    assert_eq!(
        c[0].content, "they struck an oil tanker with two ballistic missiles",
        "{c:#?}"
    );
    // "by contrast" is an aside, no part of the speaker; "pure invention" calls a claim false.
    let c = run(
        "Darmanin said Baku paid the separatists. Turkey's foreign ministry, by contrast, said the accusations were \"pure invention\".",
    );
    assert_eq!(c[1].mention.as_deref(), Some("Turkey's foreign ministry"), "{c:#?}");
    assert_eq!(
        (c[1].stance, c[1].content.as_str()),
        (Stance::Denies, "Baku paid the separatists")
    );
}

#[test]
fn a_denial_answers_an_accusation_reported_after_it_only_nearby() {
    let far = format!(
        "The minister said French services had documented fake news from Baku. Hikmet Hajiyev said the claims were absolutely absurd. {} Christian Tein, the leader, said the uprising owed nothing to Baku. Police accused the rioters of arson.",
        "The riots began in May over an electoral reform that would have enlarged the roll of voters in provincial elections, and they left several people dead and hundreds injured across the territory. ".repeat(3)
    );
    let c = run(&far);
    assert_eq!(
        (c[1].stance, c[1].content.as_str()),
        (Stance::Denies, "French services had documented fake news from Baku"),
        "{c:#?}"
    );
    // "all states" is no cue.
    let c = run("Rafiyev said Azerbaijan respects the territorial integrity of all states.");
    assert_eq!(c.len(), 1, "{c:#?}");
}

#[test]
fn content_before_the_source_may_end_the_sentence_with_the_occasion_or_the_outlet_told() {
    for text in [
        "The vessel was collecting data, a Chinese embassy spokesperson said in a statement posted on its website.",
        "The vessel was collecting data, the ministry told state news agency RIA Novosti.",
    ] {
        let c = run(text);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].content, "The vessel was collecting data", "{c:#?}");
    }
    // A verb that is no verb of speech, or a clause after "told", takes
    // its content after it.
    let c = run("The debate is predictable - Donald J. Trump has vowed to bring back lost mining jobs.");
    assert!(c.iter().all(|c| c.content != "The debate is predictable"), "{c:#?}");
}
