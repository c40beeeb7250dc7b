//! Generates the operations body case (`codegen/tests/bodies/operations`) into OUT_DIR,
//! without HTTP glue: its module is `catalog`, after the file's name.

fn main() {
    errcat_codegen::Builder::new()
        .catalog_dir("../codegen/tests/bodies/operations")
        .run_in_build_script();
}
