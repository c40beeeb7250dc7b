//! Generates the Retrac and Reten error types into OUT_DIR, and their docs and OpenAPI
//! documents into `generated/`, from `catalog/*.yaml`.

fn main() {
    errcat_codegen::Builder::new()
        .catalog_dir("catalog")
        .docs_dir("generated")
        .run_in_build_script();
}
