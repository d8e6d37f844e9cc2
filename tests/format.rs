//! One format, four places that state it: the serde types (src/claim.rs),
//! the `*_FIELDS` lists that `check` and the writer use, the JSON Schema
//! (schema/claimtrack.schema.json) and docs/claim-file.md. This test fails
//! when they drift apart: the same keys in every place, and the same keys
//! required by serde, by the schema, by `check` and by the docs.

use claimtrack::claim::{
    ACTOR_FIELDS, ACTORS_FILE_FIELDS, ARTICLE_FIELDS, Actor, ActorsFile, ArticleMeta, CLAIM_FIELDS, Claim, ClaimFile,
    FILE_FIELDS,
};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

/// The fields a serde type accepts, read from its own refusal of an
/// unknown one ("unknown field `zz`, expected one of `a`, `b`"): every type
/// of the format denies unknown fields, and serde lists all it knows.
fn serde_fields<T: DeserializeOwned + std::fmt::Debug>() -> BTreeSet<String> {
    let err = serde_json::from_value::<T>(json!({"zz-not-a-field": 1}))
        .unwrap_err()
        .to_string();
    let expected = err.split_once("expected").unwrap_or_else(|| panic!("{err}")).1;
    expected.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("schema/claimtrack.schema.json")).unwrap()).unwrap()
}

/// (properties, required) of a definition of the schema.
fn schema_fields(schema: &Value, definition: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let d = &schema["definitions"][definition];
    assert_eq!(
        d["additionalProperties"], false,
        "{definition} must refuse unknown keys as serde does"
    );
    let props = d["properties"].as_object().unwrap().keys().map(String::as_str);
    let required = d["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap());
    (set(props), set(required))
}

/// A claim file and an actors file with every field, as JSON values.
fn full_claim_file() -> Value {
    json!({
        "schema": "claimtrack/1",
        "article": {
            "id": "full", "title": "T", "published": "2025-04-16", "source": "S",
            "url": "https://example.org/", "text": "full.txt"
        },
        "claims": [
            {"id": "c1", "claimant": "A", "stance": "asserts", "content": "x"},
            {
                "id": "c2", "claimant": "B", "mention": "b", "cue": "denied", "stance": "denies",
                "quoted": false, "content": "x", "span": [0, 1], "rebuts": ["c1"], "counters": ["c1"],
                "supports": ["c1"], "same_as": ["c1"], "confidence": 0.5, "reviewed": true, "note": "n"
            }
        ]
    })
}

fn full_actors_file() -> Value {
    json!({
        "schema": "claimtrack-actors/1",
        "actors": [
            {"name": "A", "kind": "state", "aliases": ["a"]},
            {"name": "B", "kind": "person", "aliases": ["b"], "member_of": "A"}
        ]
    })
}

/// The object at `path` (keys and array indices) inside `v`.
fn at<'v>(v: &'v mut Value, path: &[&str]) -> &'v mut serde_json::Map<String, Value> {
    let mut v = v;
    for p in path {
        v = match p.parse::<usize>() {
            Ok(i) => &mut v[i],
            Err(_) => &mut v[*p],
        };
    }
    v.as_object_mut().unwrap()
}

#[test]
fn serde_types_field_lists_and_schema_name_the_same_keys() {
    let schema = schema();
    let cases: [(&str, BTreeSet<String>, BTreeSet<String>); 5] = [
        ("claimFile", serde_fields::<ClaimFile>(), set(FILE_FIELDS)),
        ("article", serde_fields::<ArticleMeta>(), set(ARTICLE_FIELDS)),
        ("claim", serde_fields::<Claim>(), set(CLAIM_FIELDS)),
        ("actorsFile", serde_fields::<ActorsFile>(), set(ACTORS_FILE_FIELDS)),
        ("actor", serde_fields::<Actor>(), set(ACTOR_FIELDS)),
    ];
    for (definition, serde, list) in cases {
        assert!(serde.len() >= 2, "{definition}: {serde:?}");
        assert_eq!(serde, list, "{definition}: serde type vs *_FIELDS");
        assert_eq!(
            schema_fields(&schema, definition).0,
            list,
            "{definition}: schema vs *_FIELDS"
        );
    }
}

/// For each key of a full file: dropping it breaks the file for serde, for
/// the schema and for `check` exactly when the schema lists it as required.
#[test]
fn serde_schema_and_check_require_the_same_keys() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let cases: [(Value, &str, &[&str], &str); 5] = [
        (full_claim_file(), "claimFile", &[], "full.yaml"),
        (full_claim_file(), "article", &["article"], "full.yaml"),
        (full_claim_file(), "claim", &["claims", "1"], "full.yaml"),
        (full_actors_file(), "actorsFile", &[], "actors.yaml"),
        (full_actors_file(), "actor", &["actors", "1"], "actors.yaml"),
    ];
    for (full, definition, path, file) in cases {
        assert!(validator.is_valid(&full), "{definition}: the full file is valid");
        let (props, required) = schema_fields(&schema, definition);
        let actors = file == "actors.yaml";
        for key in &props {
            let mut v = full.clone();
            assert!(
                at(&mut v, path).remove(key).is_some(),
                "{definition}: the full file has `{key}`"
            );
            let serde_ok = if actors {
                serde_json::from_value::<ActorsFile>(v.clone()).is_ok()
            } else {
                serde_json::from_value::<ClaimFile>(v.clone()).is_ok()
            };
            let yaml = serde_yaml::to_string(&v).unwrap();
            let report = claimtrack::check::check_bytes(Path::new(file), yaml.as_bytes());
            let must = required.contains(key);
            assert_eq!(
                !serde_ok, must,
                "{definition}.{key}: serde requires it iff the schema does"
            );
            assert_eq!(!validator.is_valid(&v), must, "{definition}.{key}: the schema");
            assert_eq!(
                report.has_errors(),
                must,
                "{definition}.{key}: check requires it iff the schema does: {:?}",
                report.diagnostics
            );
        }
    }
}

/// The docs' claim table lists every claim key once, with "yes" in its
/// Required column exactly for the keys the schema requires; the docs'
/// example files use every key of the file, article and actor blocks.
#[test]
fn the_claim_file_doc_states_the_same_format() {
    let doc = std::fs::read_to_string(root().join("docs/claim-file.md")).unwrap();
    let schema = schema();
    let rows: Vec<(String, String)> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (field, rest) = l.split_once('`')?;
            let required = rest.split('|').nth(1)?.trim().to_string();
            Some((field.to_string(), required))
        })
        .collect();
    let fields: Vec<&str> = rows.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        set(fields.iter().copied()),
        set(CLAIM_FIELDS),
        "docs/claim-file.md claim table"
    );
    assert_eq!(fields.len(), CLAIM_FIELDS.len(), "each claim key once: {fields:?}");
    let yes = rows.iter().filter(|(_, r)| r == "yes").map(|(f, _)| f.as_str());
    assert_eq!(
        set(yes),
        schema_fields(&schema, "claim").1,
        "the table's Required column"
    );

    let examples: Vec<serde_yaml::Value> = doc
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split_once("```").map(|(y, _)| serde_yaml::from_str(y).unwrap()))
        .collect();
    let keys = |v: &serde_yaml::Value| -> BTreeSet<String> {
        v.as_mapping()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap().to_string())
            .collect()
    };
    let claim_file = examples
        .iter()
        .find(|e| e["schema"].as_str() == Some("claimtrack/1"))
        .expect("an example claim file");
    assert_eq!(keys(claim_file), set(FILE_FIELDS), "the example claim file");
    assert_eq!(
        keys(&claim_file["article"]),
        set(ARTICLE_FIELDS),
        "the example article block"
    );
    let actors = examples
        .iter()
        .find(|e| e["schema"].as_str() == Some("claimtrack-actors/1"))
        .expect("an example actors file");
    assert_eq!(keys(actors), set(ACTORS_FILE_FIELDS), "the example actors file");
    let actor_keys: BTreeSet<String> = actors["actors"].as_sequence().unwrap().iter().flat_map(keys).collect();
    assert_eq!(actor_keys, set(ACTOR_FIELDS), "the example actors");
    // Both examples are files the tool accepts.
    for (e, file) in [
        (claim_file, "2025-04-16-pakistan-afghanistan-jcc.yaml"),
        (actors, "actors.yaml"),
    ] {
        let yaml = serde_yaml::to_string(e).unwrap();
        let report = claimtrack::check::check_bytes(Path::new(file), yaml.as_bytes());
        assert!(!report.has_errors(), "{file}: {:?}", report.diagnostics);
    }
}
