//! The OpenAPI files are written from the emitter's own tree by its own JSON writer:
//! for every shipped, good and fixture catalog and both versions, the JSON file is
//! exactly what `serde_json::to_string_pretty` writes for the document, and the texts of
//! `files`, `emit_json` and `emit_yaml` agree.

mod common;

use common::test_catalogs;
use errcat_codegen::emit;
use errcat_codegen::model::OpenApiVersion;

#[test]
fn json_files_are_what_serde_json_writes_for_the_document() {
    let mut checked = 0;
    for catalog in test_catalogs().iter().filter(|c| c.http) {
        let files = emit::openapi::files(catalog);
        for &version in &catalog.openapi.versions {
            let stem = emit::openapi::file_stem(catalog, version);
            let text = |ext: &str| {
                let name = format!("{stem}.{ext}");
                let file = files.iter().find(|f| f.name == name);
                file.unwrap_or_else(|| panic!("{name} is written"))
                    .content
                    .clone()
            };
            let document = emit::openapi::document(catalog, version);
            let expected = serde_json::to_string_pretty(&document).expect("serialises") + "\n";
            assert!(
                text("json") == expected,
                "{stem}.json differs from serde_json's"
            );
            assert!(emit::openapi::emit_json(catalog, version) == expected);
            assert!(emit::openapi::emit_yaml(catalog, version) == text("yaml"));
            checked += 1;
        }
    }
    assert!(checked > 20, "checked {checked} documents");
}

#[test]
fn documents_keep_their_top_level_keys_in_order() {
    // `document` converts the tree: an object with the fixed top-level keys in order.
    for catalog in test_catalogs().iter().filter(|c| c.http) {
        for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_0] {
            let document = emit::openapi::document(catalog, version);
            let keys: Vec<&str> = document
                .as_object()
                .expect("an object")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys, ["openapi", "info", "paths", "components"]);
        }
    }
}
