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
        Source::new("catalog/shop.yml", base),
    ];
    let diagnostics = compile_guarded("pair", sources).expect_err("one module twice");
    assert_located("pair", "catalog/shop.yml", &diagnostics);
    snapshot("gen_same_module", &diagnostics.to_string());
}

#[test]
fn file_names_that_cannot_name_a_module() {
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let cases = [
        ("9lives", "catalog/9lives.yaml"),
        ("self", "catalog/self.yaml"),
        ("errcat_support", "catalog/errcat_support.yaml"),
        ("kebab", "catalog/my-api.yaml"),
        ("spaces", "catalog/Shop API.yaml"),
        ("camel", "catalog/ShopApi.yml"),
        ("two_dots", "catalog/shop.v2.yaml"),
        ("replacement_char", "catalog/caf\u{fffd}.yaml"),
    ];
    for (case, name) in cases {
        let rendered = diagnose(Source::new(name, base.clone()));
        snapshot(&format!("gen_module_name_{case}"), &rendered);
    }
}

#[test]
fn a_non_utf8_file_name_is_reported_not_converted() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-file-name");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("catalog")).unwrap();
    let base = fs::read_to_string(manifest_dir().join("tests/good/base.yaml")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    fs::write(dir.join("catalog").join(name), base).unwrap();
    let sources = Builder::new()
        .read_sources(&dir)
        .expect("readable")
        .expect("the content is UTF-8");
    let rendered = diagnose(sources.into_iter().next().expect("one catalog"));
    assert!(rendered.contains("is not snake case"), "{rendered}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sparse-huge");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("catalog")).unwrap();
    // A sparse 2 GiB file: reading it whole would take seconds and 2 GiB of memory.
    let file = fs::File::create(dir.join("catalog/huge.yaml")).unwrap();
    file.set_len(2 * 1024 * 1024 * 1024).unwrap();
    let diagnostics = Builder::new()
        .read_sources(&dir)
        .expect("the folder is readable")
        .expect_err("too large");
    assert_located("huge", "catalog/huge.yaml", &diagnostics);
    snapshot("gen_huge_file", &diagnostics.to_string());
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_named_and_the_others_still_read() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("unreadable");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("catalog")).unwrap();
    // Tests may run as root, whom no permission stops; reading offset 0 of a process's
    // memory fails for anyone.
    std::os::unix::fs::symlink("/proc/self/mem", dir.join("catalog/a_memory.yaml")).unwrap();
    fs::write(dir.join("catalog/b_latin1.yaml"), b"api: Caf\xe9\n").unwrap();
    let diagnostics = Builder::new()
        .read_sources(&dir)
        .expect("the folder is readable")
        .expect_err("unreadable");
    let rendered = diagnostics.to_string();
    assert_eq!(
        diagnostics.0.len(),
        2,
        "both files are reported:\n{rendered}"
    );
    assert!(
        rendered.contains("cannot read catalog `catalog/a_memory.yaml`"),
        "{rendered}"
    );
    assert!(
        rendered.contains("--> catalog/b_latin1.yaml:1:9"),
        "{rendered}"
    );
}
