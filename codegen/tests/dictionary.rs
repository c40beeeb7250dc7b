//! The machine-readable dictionaries (`<catalog>.errors.json`) of the shipped catalogs
//! and of every body case validate against `errors.schema.json`, and say what the model
//! says: every code in order, its example body as the wire serialiser makes it.

mod common;

use errcat_codegen::{Builder, Catalog, Source, compile, emit, wire};
use serde_json::Value as Json;
use std::path::Path;

fn catalogs() -> Vec<Catalog> {
    let mut catalogs = common::shipped_catalogs();
    let bodies = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies");
    for entry in std::fs::read_dir(bodies).expect("body cases") {
        let dir = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(dir.join("catalog.yaml")) else {
            continue;
        };
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let source = Source::new(format!("{name}.yaml"), text);
        catalogs.extend(compile(&[source]).unwrap_or_else(|d| panic!("{name}:\n{d}")));
    }
    catalogs
}

#[test]
fn every_dictionary_validates_against_its_schema_and_matches_the_model() {
    let schema: Json = serde_json::from_str(&emit::dictionary::schema()).expect("schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("a valid 2020-12 schema");
    for catalog in catalogs() {
        let dictionary: Json =
            serde_json::from_str(&emit::dictionary::emit(&catalog)).expect("dictionary is JSON");
        let problems: Vec<String> = validator
            .iter_errors(&dictionary)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", catalog.name);
        let errors = dictionary["errors"].as_array().expect("errors");
        assert_eq!(errors.len(), catalog.errors.len());
        for (entry, error) in errors.iter().zip(&catalog.errors) {
            assert_eq!(entry["code"], error.code.as_str());
            assert_eq!(entry["example"], wire::example_body(&catalog, error));
        }
    }
}

#[test]
fn the_build_writes_a_dictionary_per_catalog_and_the_schema_once() {
    let catalogs = common::shipped_catalogs();
    let generated = Builder::new().generate(&catalogs);
    let names: Vec<&str> = generated.docs.iter().map(|f| f.name.as_str()).collect();
    for catalog in &catalogs {
        assert!(names.contains(&format!("{}.errors.json", catalog.name).as_str()));
    }
    let schemas = names
        .iter()
        .filter(|n| **n == emit::dictionary::SCHEMA_FILE)
        .count();
    assert_eq!(schemas, 1);
}

#[test]
fn envelope_members_say_optional_only_where_a_body_may_leave_them_out() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/optional_status");
    let catalog = &compile(&[common::body_case_source(&dir)]).expect("compiles")[0];
    let dictionary = emit::dictionary::value(catalog);
    let optional: Vec<(&str, &Json)> = dictionary["envelope"]
        .as_array()
        .expect("envelope")
        .iter()
        .map(|m| (m["path"].as_str().expect("path"), &m["optional"]))
        .collect();
    assert_eq!(
        optional,
        [
            ("code", &Json::Null),
            ("status", &Json::Bool(true)),
            ("message", &Json::Null)
        ],
        "only `status` is `optional: true`, the others have no such key"
    );
    for catalog in common::shipped_catalogs() {
        let dictionary = emit::dictionary::value(&catalog);
        let members = dictionary["envelope"].as_array().expect("envelope");
        assert!(
            members.iter().all(|m| m.get("optional").is_none()),
            "{}: no optional member, no key",
            catalog.name
        );
    }
}

#[test]
fn a_groups_errors_derive_their_retry_policy_and_an_ungrouped_one_states_none() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/retry_group_default");
    let catalog = &compile(&[common::body_case_source(&dir)]).expect("compiles")[0];
    let dictionary = emit::dictionary::value(catalog);
    let retry: Vec<(&str, &Json, &Json, bool)> = dictionary["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            let advice = e["retry"]["advice"].as_str().unwrap_or_default();
            let labelled = advice.contains("(Derived from the HTTP status");
            let code = e["code"].as_str().expect("code");
            (
                code,
                &e["retry"]["policy"],
                &e["retry"]["derived"],
                labelled,
            )
        })
        .collect();
    let (never, throttled, backoff) = (
        Json::from("never"),
        Json::from("throttled"),
        Json::from("backoff"),
    );
    let (yes, no) = (Json::Bool(true), Json::Bool(false));
    assert_eq!(
        retry,
        [
            ("malformed", &Json::Null, &no, false),
            ("rate_limited", &throttled, &yes, true),
            ("route_closed", &never, &yes, true),
            ("bad_gateway", &backoff, &yes, true),
        ],
        "`edge` and its subgroup derive, the error in no group states nothing"
    );
}
