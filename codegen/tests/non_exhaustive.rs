//! `Builder::non_exhaustive`: the generated `Code` and `Error` enums of a crate published
//! to integrators are `#[non_exhaustive]`, so a release that adds a code is
//! semver-compatible; the generated code still passes clippy with warnings denied, and
//! without the option the enums stay exhaustive.

mod common;

use errcat_codegen::emit::rust::{RustOptions, emit_with};

#[test]
fn the_option_marks_code_and_error_and_the_code_passes_clippy() {
    let catalogs = common::shipped_catalogs();
    let options = RustOptions {
        non_exhaustive: true,
        ..RustOptions::default()
    };
    let rust = emit_with(&catalogs, options);
    for item in ["pub enum Code", "pub enum Error"] {
        let marked = format!("#[non_exhaustive]\n    {item}");
        assert_eq!(
            rust.matches(&marked).count(),
            catalogs.len(),
            "every catalog's {item} is non-exhaustive"
        );
    }
    common::clippy_generated_rust("non_exhaustive", &rust);

    let exhaustive = emit_with(&catalogs, RustOptions::default());
    assert!(!exhaustive.contains("#[non_exhaustive]"));
}
