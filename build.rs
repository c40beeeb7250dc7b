//! Generates the Retrac and Reten error types into OUT_DIR, and their docs and OpenAPI
//! documents into `generated/`, from `catalog/*.yaml`. The cargo features `http`, `axum`
//! and `actix` choose the HTTP glue in the generated code. The test fixtures' catalogs are
//! generated too (into `fixtures.rs`), so that tests compile and run their code.

fn main() {
    errcat_codegen::Builder::new()
        .catalog_dir("catalog")
        .docs_dir("generated")
        .glue_from_features()
        .run_in_build_script();
    // Test fixtures, absent from the packaged crate, which holds no tests.
    for (dir, file) in [
        ("codegen/tests/fixtures/ok", "fixtures.rs"),
        ("codegen/tests/fixtures/openapi", "fixtures_openapi.rs"),
    ] {
        if std::path::Path::new(dir).is_dir() {
            errcat_codegen::Builder::new()
                .catalog_dir(dir)
                .rust_file(file)
                .glue_from_features()
                .run_in_build_script();
        }
    }
}
