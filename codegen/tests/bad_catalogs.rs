//! The bad-catalog corpus: every `tests/bad/*.yaml` (a mutation of `tests/good/base.yaml`)
//! must fail with located diagnostics naming the file, never panic or hang, and render
//! exactly as its snapshot in `tests/bad/snapshots/`. Inputs a file cannot hold (NUL,
//! invalid UTF-8, 20 MB, 5,000-deep nesting) are built here. Update snapshots with
//! `INSTA_UPDATE=always cargo test -p errcat-codegen --test bad_catalogs` and review them.

mod common;

use common::{assert_located, compile_guarded};
use errcat_codegen::{Builder, MAX_FILE_BYTES, Source};
use std::fs;
use std::path::Path;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compiles one source and returns its rendered diagnostics, checking they are located.
fn diagnose(source: Source) -> String {
    let name = source.name.clone();
    match compile_guarded(&name, vec![source]) {
        Ok(_) => panic!("{name} compiled, but it is a bad catalog"),
        Err(diagnostics) => {
            assert_located(&name, &name, &diagnostics);
            diagnostics.to_string()
        }
    }
}

fn snapshot(name: &str, rendered: &str) {
    insta::with_settings!({
        snapshot_path => manifest_dir().join("tests/bad/snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, rendered);
    });
}

#[test]
fn the_base_catalog_is_valid() {
    let text = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let result = compile_guarded("base", vec![Source::new("tests/good/base.yaml", text)]);
    result.unwrap_or_else(|d| panic!("the base of the corpus must be valid:\n{d}"));
}

#[test]
fn every_corpus_file_fails_with_its_snapshot() {
    let sources = Builder::new()
        .catalog_dir("tests/bad")
        .read_sources(manifest_dir())
        .expect("tests/bad is readable")
        .expect("corpus files are UTF-8");
    assert!(sources.len() >= 40, "the corpus holds at least 40 catalogs");
    for source in sources {
        let stem = source.stem().to_owned();
        snapshot(&stem, &diagnose(source));
    }
}

#[test]
fn nul_byte() {
    let text = "api: Shop\ndocs:\n  title: Shop\u{0} errors\n";
    snapshot("gen_nul_byte", &diagnose(Source::new("bad/nul.yaml", text)));
}

#[test]
fn invalid_utf8_through_the_builder() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-utf8");
    fs::create_dir_all(dir.join("catalog")).unwrap();
    let mut bytes = b"api: Shop\ndocs:\n  title: Caf".to_vec();
    bytes.extend_from_slice(b"\xe9 errors\n");
    fs::write(dir.join("catalog/latin1.yaml"), bytes).unwrap();
    let diagnostics = Builder::new()
        .read_sources(&dir)
        .expect("readable")
        .expect_err("not UTF-8");
    assert_located("latin1", "catalog/latin1.yaml", &diagnostics);
    snapshot("gen_invalid_utf8", &diagnostics.to_string());
}

#[test]
fn twenty_megabyte_string() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let huge = "x".repeat(20 * 1024 * 1024);
    let text = base.replace("title: Not Found", &format!("title: {huge}"));
    assert!(text.len() > MAX_FILE_BYTES);
    snapshot(
        "gen_20mb_string",
        &diagnose(Source::new("bad/huge.yaml", text)),
    );
}

#[test]
fn string_just_under_the_size_limit() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let long = "x".repeat(MAX_FILE_BYTES - base.len() - 16);
    let text = base.replace(
        "description: The item",
        &format!("description: {long} The item"),
    );
    let source = Source::new("bad/long.yaml", text);
    let catalogs = compile_guarded("long", vec![source]).expect("a long text is fine");
    let generated = Builder::new().generate(&catalogs);
    assert!(generated.rust.content.contains(&long));
}

#[test]
fn nesting_5000_deep_in_flow_style() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let deep = format!("{}sku{}", "[".repeat(5000), "]".repeat(5000));
    let text = base.replace("example: sku-1", &format!("example: {deep}"));
    snapshot(
        "gen_deep_flow",
        &diagnose(Source::new("bad/deep_flow.yaml", text)),
    );
}

#[test]
fn nesting_5000_deep_in_block_style() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let deep = format!("\n          {}sku", "- ".repeat(5000));
    let text = base.replace("example: sku-1", &format!("example:{deep}"));
    snapshot(
        "gen_deep_block",
        &diagnose(Source::new("bad/deep_block.yaml", text)),
    );
}

#[test]
fn nesting_5000_deep_in_the_envelope() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let deep = format!(
        "{}{{ from: code }}{}",
        "{ items: ".repeat(5000),
        " }".repeat(5000)
    );
    let text = base.replace(
        "      code:\n        from: code",
        &format!("      code: {deep}"),
    );
    snapshot(
        "gen_deep_envelope",
        &diagnose(Source::new("bad/deep_envelope.yaml", text)),
    );
}

#[test]
fn two_catalogs_making_one_module() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let sources = vec![
        Source::new("catalog/shop.yaml", base.clone()),
        Source::new("catalog/Shop.yml", base),
    ];
    let diagnostics = compile_guarded("pair", sources).expect_err("one module twice");
    assert_located("pair", "catalog/Shop.yml", &diagnostics);
    snapshot("gen_same_module", &diagnostics.to_string());
}

#[test]
fn file_names_that_cannot_name_a_module() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    for name in ["catalog/9lives.yaml", "catalog/self.yaml"] {
        let rendered = diagnose(Source::new(name, base.clone()));
        let stem = name.trim_start_matches("catalog/").replace(".yaml", "");
        snapshot(&format!("gen_module_name_{stem}"), &rendered);
    }
}
