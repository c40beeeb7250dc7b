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
    // Absent from the packaged crate, which holds no tests.
    let fixtures = "codegen/tests/fixtures/ok";
    if std::path::Path::new(fixtures).is_dir() {
        errcat_codegen::Builder::new()
            .catalog_dir(fixtures)
            .rust_file("fixtures.rs")
            .glue_from_features()
            .run_in_build_script();
    }
}
