//! Every example in the generated OpenAPI documents, and every body the wire serialiser
//! makes, validates against its generated schema with a JSON Schema validator; bodies
//! that break the contract do not.

use errcat_codegen::model::{OpenApiVersion, UnknownMembers, Value};
use errcat_codegen::{Builder, Catalog, Source, compile, emit, wire};
use serde_json::{Value as Json, json};
use std::path::Path;

mod schema;
use schema::{stem, validator};

const VERSIONS: [OpenApiVersion; 2] = [OpenApiVersion::V3_1, OpenApiVersion::V3_0];

fn catalogs() -> Vec<Catalog> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut sources: Vec<Source> = Builder::new()
        .catalog_dir("catalog")
        .read_sources(&root)
        .expect("catalog folder is readable")
        .expect("catalogs are UTF-8");
    let fixtures = Builder::new()
        .catalog_dir("tests/fixtures/openapi")
        .read_sources(Path::new(env!("CARGO_MANIFEST_DIR")))
        .map_or_else(|_| Vec::new(), |s| s.expect("fixtures are UTF-8"));
    sources.extend(fixtures);
    compile(&sources).unwrap_or_else(|d| panic!("catalogs must compile:\n{d}"))
}

fn assert_valid(document: &Json, pointer: &str, body: &Json, what: &str) {
    let validator = validator(document, pointer);
    let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{what} breaks {pointer}: {errors:?}\n{body:#}"
    );
}

#[test]
fn every_response_example_matches_its_schema() {
    let mut checked = 0;
    for catalog in catalogs() {
        for version in VERSIONS {
            let document = emit::openapi::document(&catalog, version);
            let responses = document["components"]["responses"]
                .as_object()
                .expect("responses");
            for (name, response) in responses {
                for media in response["content"].as_object().expect("content").values() {
                    let pointer = media["schema"]["$ref"]
                        .as_str()
                        .expect("a schema reference");
                    for (code, example) in media["examples"].as_object().expect("examples") {
                        let what = format!("{} {name} example {code}", catalog.name);
                        assert_valid(&document, pointer, &example["value"], &what);
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(
        checked >= 2 * (11 + 5),
        "every code of both shipped catalogs, twice"
    );
}

/// The bodies a server can send for one error: with the example values, and with every
/// optional parameter left out.
fn bodies(catalog: &Catalog, error: &errcat_codegen::model::ErrorDef) -> Vec<Json> {
    let absent: Vec<Value> = error
        .params
        .iter()
        .map(|p| {
            if p.optional {
                Value::Absent
            } else {
                p.example.clone()
            }
        })
        .collect();
    vec![
        wire::example_body(catalog, error),
        wire::body(catalog, error, &absent),
    ]
}

#[test]
fn every_serialised_body_matches_the_envelope_and_its_status_response() {
    for catalog in catalogs() {
        for version in VERSIONS {
            let document = emit::openapi::document(&catalog, version);
            let envelope = format!("#/components/schemas/{}", stem(&catalog));
            for error in &catalog.errors {
                let response = &document["components"]["responses"]
                    [format!("{}{}", stem(&catalog), error.status.expect("HTTP"))];
                let media = &response["content"][catalog.envelope.media_type.as_str()];
                let pointer = media["schema"]["$ref"]
                    .as_str()
                    .expect("a schema reference");
                for body in bodies(&catalog, error) {
                    assert_valid(&document, &envelope, &body, &error.code);
                    assert_valid(&document, pointer, &body, &error.code);
                }
            }
        }
    }
}

#[test]
fn bodies_that_break_the_contract_are_rejected() {
    for catalog in catalogs() {
        for version in VERSIONS {
            let document = emit::openapi::document(&catalog, version);
            let envelope = format!("#/components/schemas/{}", stem(&catalog));
            let validator = validator(&document, &envelope);
            for error in &catalog.errors {
                let body = wire::example_body(&catalog, error);
                let mut extra = body.clone();
                extra["unexpected_member"] = json!(1);
                // RFC 9457 envelopes allow extension members, as clients ignore them.
                let refused = catalog.envelope.unknown_members == UnknownMembers::Refuse;
                assert_eq!(
                    validator.is_valid(&extra),
                    !refused,
                    "{}: extra member accepted or refused against the envelope",
                    error.code
                );
                let first = body.as_object().and_then(|m| m.keys().next().cloned());
                let mut missing = body.clone();
                missing
                    .as_object_mut()
                    .map(|m| m.shift_remove(&first.unwrap_or_default()));
                assert!(
                    !validator.is_valid(&missing),
                    "{}: missing member accepted",
                    error.code
                );
                assert!(
                    !validator.is_valid(&json!("not an object")),
                    "a string accepted"
                );
                let mut unknown = body.clone();
                let identity = [json!(error.code), json!(error.title), json!(error.number)];
                assert!(
                    replace(&mut unknown, &identity),
                    "{}: has its code",
                    error.code
                );
                assert!(
                    !validator.is_valid(&unknown),
                    "{}: unknown code accepted",
                    error.code
                );
            }
        }
    }
}

/// Replaces, anywhere in `body`, every value that names the error (its code, title or
/// number) with one that names no error; tells whether there was one.
fn replace(body: &mut Json, identity: &[Json]) -> bool {
    match body {
        Json::Object(map) => map
            .values_mut()
            .fold(false, |found, v| replace(v, identity) | found),
        Json::Array(items) => items
            .iter_mut()
            .fold(false, |found, v| replace(v, identity) | found),
        value if identity.contains(value) && !value.is_null() => {
            *value = if value.is_number() {
                json!(-1)
            } else {
                json!("no_such_error")
            };
            true
        }
        _ => false,
    }
}

#[test]
fn each_status_admits_exactly_its_own_codes() {
    let mut refused = 0;
    for catalog in catalogs() {
        for version in VERSIONS {
            let document = emit::openapi::document(&catalog, version);
            let media = catalog.envelope.media_type.replace('/', "~1");
            for status in catalog.errors.iter().filter_map(|e| e.status) {
                let pointer = format!(
                    "#/components/responses/{}{status}/content/{media}/schema",
                    stem(&catalog)
                );
                let validator = validator(&document, &pointer);
                for error in &catalog.errors {
                    let body = wire::example_body(&catalog, error);
                    assert_eq!(
                        validator.is_valid(&body),
                        error.status == Some(status),
                        "{}: the {status} response and a body of {} ({:?})",
                        catalog.name,
                        error.code,
                        error.status
                    );
                    refused += usize::from(error.status != Some(status));
                }
            }
        }
    }
    assert!(refused > 0);
}
