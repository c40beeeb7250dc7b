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
    errcat_codegen::Builder::new()
        .catalog_dir("codegen/tests/fixtures/ok")
        .rust_file("fixtures.rs")
        .glue_from_features()
        .run_in_build_script();
}
