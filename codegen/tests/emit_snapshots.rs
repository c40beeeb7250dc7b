//! Snapshot tests of every emitter on the two shipped catalogs. Update snapshots with
//! `INSTA_UPDATE=always cargo test -p errcat-codegen --test emit_snapshots` and review the diff.

mod common;

use errcat_codegen::{Builder, Source, compile, emit};
use std::path::Path;

use common::{clippy_generated_rust, shipped_catalog as catalog, shipped_catalogs as shipped};

#[test]
fn rust_of_both_catalogs() {
    insta::assert_snapshot!("rust", emit::rust::emit(&shipped()));
}

/// The envelope fixtures (RFC 9457, nested fields and constants, an array with numeric
/// codes, nested objects reading only the instance or constants) with every HTTP glue on.
/// The errcat-fixtures crate (`fixtures/`) compiles this same code with
/// `--all-features`, and the root crate's tests/fixtures.rs runs it.
#[test]
fn rust_of_the_envelope_fixtures_with_all_glue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources: Vec<Source> = Builder::new()
        .catalog_dir("tests/fixtures/ok")
        .read_sources(root)
        .expect("fixture folder is readable")
        .expect("fixtures are UTF-8");
    let catalogs = compile(&sources).unwrap_or_else(|d| panic!("fixtures must compile:\n{d}"));
    let options = emit::rust::RustOptions {
        http: true,
        axum: true,
        actix: true,
        non_exhaustive: false,
    };
    insta::assert_snapshot!("rust_fixtures", emit::rust::emit_with(&catalogs, options));
}

/// The envelope fixtures' Rust compiles under `clippy -D warnings`: every envelope shape
/// they hold (nested objects reading only the instance or constants among them) is free
/// of unused bindings.
#[test]
fn rust_of_the_envelope_fixtures_passes_clippy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    for dir in ["tests/fixtures/ok", "tests/fixtures/openapi"] {
        let read = Builder::new().catalog_dir(dir).read_sources(root);
        sources.extend(read.expect("fixture folder is readable").expect("UTF-8"));
    }
    let catalogs = compile(&sources).unwrap_or_else(|d| panic!("fixtures must compile:\n{d}"));
    clippy_generated_rust("envelope_fixtures", &emit::rust::emit(&catalogs));
}

#[test]
fn markdown_pages() {
    for name in ["retrac", "reten"] {
        insta::assert_snapshot!(
            format!("markdown_{name}"),
            emit::markdown::emit(&catalog(name))
        );
    }
}

/// A book's files as one text: each file's path as a header, then its content.
fn book_text(catalog: &errcat_codegen::Catalog) -> String {
    let files = emit::markdown::book::files(catalog);
    let parts: Vec<String> = files
        .into_iter()
        .map(|(path, content)| format!("==> {path} <==\n{content}"))
        .collect();
    parts.join("\n")
}

/// The shipped Retrac book, and the book of the numeric codes in nested groups (the
/// `groups_numeric` body case with `pages: true`): group pages and a nested sidebar.
#[test]
fn book_pages() {
    insta::assert_snapshot!("book_retrac", book_text(&catalog("retrac")));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = "tests/bodies/groups_numeric/catalog.yaml";
    let yaml = std::fs::read_to_string(root.join(path)).expect("body case catalog");
    let yaml = yaml.replace(
        "  title: Ledger Errors\n",
        "  title: Ledger Errors\n  pages: true\n",
    );
    let catalogs = compile(&[Source::new(path, yaml)]).unwrap_or_else(|d| panic!("{d}"));
    assert!(catalogs[0].docs.pages);
    insta::assert_snapshot!("book_groups_numeric", book_text(&catalogs[0]));
}

#[test]
fn openapi_documents() {
    for name in ["retrac", "reten"] {
        for file in emit::openapi::files(&catalog(name)) {
            let snapshot = format!("openapi_{}", file.name.replace(['.', '-'], "_"));
            insta::assert_snapshot!(snapshot, file.content);
        }
    }
}

#[test]
fn generated_folder_matches_the_emitters() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let generated = Builder::new().generate(&shipped());
    for file in generated.docs {
        let on_disk = std::fs::read_to_string(root.join("generated").join(&file.name))
            .unwrap_or_else(|e| {
                panic!("generated/{} is missing ({e}); run cargo build", file.name)
            });
        assert_eq!(
            on_disk, file.content,
            "generated/{} is stale; run cargo build",
            file.name
        );
    }
}

/// The Rust of the operations body case (an enum per operation, with its conversions,
/// parser and every HTTP glue).
#[test]
fn rust_of_the_operations_case_with_all_glue() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/operations");
    let source = common::body_case_source(&dir);
    let catalogs = compile(&[source]).unwrap_or_else(|d| panic!("{d}"));
    let options = emit::rust::RustOptions {
        http: true,
        axum: true,
        actix: true,
        non_exhaustive: false,
    };
    let rust = emit::rust::emit_with(&catalogs, options);
    assert!(rust.contains("pub enum CreateInviteError {"));
    insta::assert_snapshot!("rust_operations", rust);
}
