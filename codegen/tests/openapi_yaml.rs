//! The OpenAPI YAML files read back exactly: for every catalog the tests compile (the
//! shipped ones, `tests/good`, the fixtures and the body cases), each YAML file parsed
//! with serde_saphyr equals the document it was written from, and its JSON twin.

mod common;

use common::test_catalogs;
use errcat_codegen::model::OpenApiVersion;
use errcat_codegen::{Catalog, Source, compile, emit};
use serde_json::Value as Json;

/// One source compiled; panics with the report if it does not compile.
fn compiled(source: Source) -> Vec<Catalog> {
    compile(std::slice::from_ref(&source))
        .unwrap_or_else(|d| panic!("{} must compile:\n{d}", source.name))
}

/// The catalog of every body case (`tests/bodies/*/catalog.yaml`).
fn body_cases() -> Vec<Catalog> {
    common::body_case_dirs()
        .iter()
        .flat_map(|dir| compiled(common::body_case_source(dir)))
        .collect()
}

/// Every catalog the codegen tests compile.
fn every_catalog() -> Vec<Catalog> {
    let mut all = test_catalogs();
    all.extend(body_cases());
    all
}

/// Asserts that `yaml` parses back into `document`.
fn assert_reads_back(what: &str, yaml: &str, document: &Json) {
    let back: Json = serde_saphyr::from_str(yaml)
        .unwrap_or_else(|e| panic!("{what}: written YAML does not parse: {e}"));
    assert!(&back == document, "{what}: YAML reads back differently");
}

#[test]
fn every_openapi_yaml_reads_back_as_its_document() {
    let catalogs = every_catalog();
    assert!(catalogs.len() > 30, "every catalog: {}", catalogs.len());
    let mut checked = 0;
    for catalog in &catalogs {
        for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_0] {
            let document = emit::openapi::document(catalog, version);
            let what = format!("{} ({version:?})", catalog.name);
            assert_reads_back(
                &what,
                &emit::openapi::emit_yaml(catalog, version),
                &document,
            );
            checked += 1;
        }
    }
    assert!(checked > 60);
}

#[test]
fn every_yaml_file_equals_its_json_twin() {
    for catalog in every_catalog() {
        let files = emit::openapi::files(&catalog);
        for yaml in files.iter().filter(|f| f.name.ends_with(".yaml")) {
            let twin = yaml.name.replace(".yaml", ".json");
            let json = files.iter().find(|f| f.name == twin).expect("JSON twin");
            let document: Json = serde_json::from_str(&json.content).expect("JSON parses");
            assert_reads_back(&yaml.name, &yaml.content, &document);
        }
    }
}
