//! Generates the types of the envelope fixtures (`codegen/tests/fixtures/ok`) into
//! `OUT_DIR/fixtures.rs`, for the `parse` target.

fn main() {
    errcat_codegen::Builder::new()
        .catalog_dir("../codegen/tests/fixtures/ok")
        .rust_file("fixtures.rs")
        .run_in_build_script();
}
