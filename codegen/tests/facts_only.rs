//! The catalog of the "no invented facts" issue (body case `facts_only`): number-only
//! errors that share titles, with no descriptions, names, solutions or retry advice,
//! one without a title and one sent with any 5xx, builds; its outputs state only what it
//! says (OpenAPI requires the `required: true` request id, not the optional status).

mod common;

use errcat_codegen::model::OpenApiVersion;
use errcat_codegen::{Catalog, compile, emit};
use serde_json::Value as Json;
use std::path::Path;

fn catalog() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/facts_only");
    compile(&[common::body_case_source(&dir)])
        .unwrap_or_else(|d| panic!("the catalog builds with no diagnostic:\n{d}"))
        .remove(0)
}

/// Every output an integrator reads, as text: the Markdown page and both OpenAPI
/// documents.
fn readable_outputs(catalog: &Catalog) -> Vec<(String, String)> {
    let mut out = vec![("markdown".to_owned(), emit::markdown::emit(catalog))];
    for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_0] {
        let text = emit::openapi::emit_json(catalog, version);
        out.push((format!("openapi {version:?}"), text));
    }
    out
}

#[test]
fn no_output_says_anything_about_retrying() {
    let catalog = catalog();
    for (name, text) in readable_outputs(&catalog) {
        let lower = text.to_lowercase();
        for word in [
            "retry",
            "retries",
            "retrying",
            "retry-after",
            "backoff",
            "seconds",
        ] {
            assert!(
                !lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| w == word),
                "{name} says {word:?}:\n{text}"
            );
        }
    }
}

#[test]
fn no_title_is_made_up_and_shared_titles_name_variants_with_their_numbers() {
    let catalog = catalog();
    let variants: Vec<&str> = catalog.errors.iter().map(|e| e.variant.as_str()).collect();
    assert_eq!(
        variants,
        [
            "InvalidRequest40001",
            "InvalidRequest40002",
            "E40003",
            "UpstreamFailure"
        ]
    );
    let untitled = &catalog.errors[2];
    assert_eq!(untitled.title, None);
    let dictionary: Json = serde_json::from_str(&emit::dictionary::emit(&catalog)).unwrap();
    assert_eq!(dictionary["errors"][2]["title"], Json::Null);
    let page = emit::markdown::emit(&catalog);
    assert!(page.contains("40003 — 400\n"), "{page}");
}

#[test]
fn openapi_lists_the_5xx_error_under_5xx_and_types_the_uri_and_the_optional_status() {
    let catalog = catalog();
    for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_0] {
        let document = emit::openapi::document(&catalog, version);
        let responses = &document["components"]["responses"];
        let keys: Vec<&String> = responses.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["FactsOnlyError400", "FactsOnlyError5XX"],
            "{version:?}"
        );
        let schemas = document["components"]["schemas"].as_object().unwrap();
        let per_code: Vec<&Json> = schemas
            .iter()
            .filter(|(name, _)| name.starts_with("FactsOnly") && name.ends_with("Error"))
            .filter(|(name, _)| *name != "FactsOnlyError")
            .map(|(_, schema)| schema)
            .collect();
        assert_eq!(per_code.len(), 4, "{version:?}: one schema per code");
        for schema in per_code {
            let required: Vec<&str> = schema["required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            assert!(!required.contains(&"status"), "{version:?}: {schema}");
            assert!(required.contains(&"request_id"), "{version:?}: {schema}");
            assert!(required.contains(&"code"), "{version:?}: {schema}");
            assert_eq!(schema["properties"]["type"]["format"], "uri", "{version:?}");
            assert!(schema.get("x-retry").is_none());
        }
    }
}
