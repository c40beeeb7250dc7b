//! Snapshots of the OpenAPI documents of the fixture catalogs in tests/fixtures/openapi,
//! which use what the shipped catalogs do not: parameters in the body (one schema per
//! code), RFC 9457 media type, deprecation, Retry-After, arrays, constants, numbers,
//! prefixes and OpenAPI 3.0.3. CI validates these snapshots' documents with the same
//! tools as generated/ (.ci/steps/40-openapi-validate.sh).

use errcat_codegen::{Builder, compile, emit};
use std::path::Path;

#[test]
fn fixture_documents() {
    let sources = Builder::new()
        .catalog_dir("tests/fixtures/openapi")
        .read_sources(Path::new(env!("CARGO_MANIFEST_DIR")))
        .expect("fixture folder is readable")
        .expect("fixtures are UTF-8");
    let catalogs = compile(&sources).unwrap_or_else(|d| panic!("fixtures must compile:\n{d}"));
    assert_eq!(catalogs.len(), 3, "every fixture");
    for catalog in &catalogs {
        for file in emit::openapi::files(catalog) {
            insta::assert_snapshot!(file.name.replace(['.', '-'], "_"), file.content);
        }
    }
}
