//! Generates the errors of `catalog/invites.yaml` into OUT_DIR with axum's glue, and its
//! docs, OpenAPI and dictionary into `generated/`, as a service's build script would.

fn main() {
    errcat_codegen::Builder::new()
        .catalog_dir("catalog")
        .docs_dir("generated")
        .axum(true)
        .run_in_build_script();
}
