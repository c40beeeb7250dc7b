//! Catalogs that look unusual but are valid: every `tests/good/*.yaml`, and the shipped
//! catalogs saved with CRLF line ends and/or a byte-order mark, which must give exactly
//! the output of the plain files.

mod common;

use common::compile_guarded;
use errcat_codegen::{Builder, Generated, MAX_ERRORS, Source};
use std::path::Path;

fn read_dir(dir: &str) -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Builder::new()
        .catalog_dir(dir)
        .read_sources(root)
        .expect("folder is readable")
        .expect("files are UTF-8")
}

fn generate(what: &str, sources: Vec<Source>) -> Generated {
    let catalogs =
        compile_guarded(what, sources).unwrap_or_else(|d| panic!("{what} must compile:\n{d}"));
    Builder::new().generate(&catalogs)
}

#[test]
fn every_good_catalog_compiles() {
    let sources = read_dir("tests/good");
    assert!(sources.len() >= 4);
    for source in sources {
        let name = source.name.clone();
        let generated = generate(&name, vec![source]);
        assert!(generated.rust.content.contains("pub mod"));
    }
}

#[test]
fn crlf_and_bom_give_the_same_output() {
    let mut plain = read_dir("../catalog");
    plain.extend(read_dir("tests/good").into_iter().take(1));
    let expected = generate("plain", plain.clone());
    type Change = fn(&str) -> String;
    let variants: [(&str, Change); 3] = [
        ("crlf", |t| t.replace('\n', "\r\n")),
        ("bom", |t| format!("\u{feff}{t}")),
        ("crlf+bom", |t| {
            format!("\u{feff}{}", t.replace('\n', "\r\n"))
        }),
    ];
    for (what, change) in variants {
        let changed = plain
            .iter()
            .map(|s| {
                let bytes = change(&s.text).into_bytes();
                Source::from_bytes(s.name.clone(), bytes).expect("still UTF-8")
            })
            .collect();
        assert_eq!(
            generate(what, changed),
            expected,
            "{what} changes the output"
        );
    }
}

/// The compile-time benchmark's catalog generator, reused to make a large catalog.
#[allow(dead_code)] // the benchmark's other naming goes unused here
#[path = "../benches/compile_time/catalog.rs"]
mod synthesised;

#[test]
fn a_catalog_of_the_most_errors_allowed_passes_every_limit() {
    let text = synthesised::yaml_with(MAX_ERRORS, synthesised::Names::Shared);
    assert!(text.len() < errcat_codegen::MAX_FILE_BYTES);
    let catalogs = compile_guarded("MAX_ERRORS errors", vec![Source::new("large.yaml", text)])
        .unwrap_or_else(|d| panic!("a large catalog must compile:\n{d}"));
    assert_eq!(catalogs[0].errors.len(), MAX_ERRORS);
}

#[test]
fn one_error_more_is_refused_with_the_limit() {
    let mut text = String::from(
        "api: Big\ndocs: {title: Big}\nenvelope: {body: {fields: {code: {from: code}}}}\nerrors:\n",
    );
    for i in 0..=MAX_ERRORS {
        text.push_str(&format!(
            "  - {{code: e{i}, status: 400, title: T{i}, description: D, solution: S}}\n"
        ));
    }
    let diagnostics = compile_guarded("too many errors", vec![Source::new("big.yaml", text)])
        .expect_err("over the limit");
    let rendered = diagnostics.to_string();
    assert_eq!(diagnostics.0.len(), 1, "{rendered}");
    let expected = format!(
        "catalog has {} errors, more than the {MAX_ERRORS}",
        MAX_ERRORS + 1
    );
    assert!(rendered.contains(&expected), "{rendered}");
    assert!(rendered.contains("--> big.yaml:5:3"), "{rendered}");
}

/// A registry's shape: 2,000 numeric codes in 30 subclasses of 10 classes, each group
/// with its range, the status coming from the class.
fn grouped_registry() -> String {
    let mut text = String::from(
        "api: Registry\ndocs: {title: Registry Errors}\nenvelope: {body: {fields: {code: {from: number}, message: {from: message}}}}\ngroups:\n",
    );
    for class in 0..10 {
        let base = 10_000 * (class + 1);
        text.push_str(&format!(
            "  - name: class_{class}\n    status: {}\n    range: {{from: {base}, to: {}}}\n    groups:\n",
            400 + class,
            base + 9_999
        ));
        for sub in 0..3 {
            let low = base + 1_000 * sub;
            text.push_str(&format!(
                "      - {{name: class_{class}_{sub}, range: {{from: {low}, to: {}}}}}\n",
                low + 999
            ));
        }
    }
    text.push_str("errors:\n");
    for i in 0..2_000 {
        let (class, sub, n) = (i % 10, (i / 10) % 3, i / 30);
        let number = 10_000 * (class + 1) + 1_000 * sub + n;
        text.push_str(&format!(
            "  - {{number: {number}, name: E{number}, group: class_{class}_{sub}, title: Error {number}, description: D{number}.}}\n"
        ));
    }
    text
}

#[test]
fn two_thousand_codes_in_thirty_subclasses_build_with_docs_by_group() {
    let source = Source::new("registry.yaml", grouped_registry());
    let catalogs = compile_guarded("grouped registry", vec![source])
        .unwrap_or_else(|d| panic!("the grouped registry must compile:\n{d}"));
    let catalog = &catalogs[0];
    assert_eq!((catalog.errors.len(), catalog.groups.len()), (2_000, 40));
    assert!(
        catalog
            .errors
            .iter()
            .all(|e| e.status == Some(400 + (e.number.unwrap() / 10_000 - 1) as u16))
    );
    let markdown = errcat_codegen::emit::markdown::emit(catalog);
    for group in &catalog.groups {
        assert!(
            markdown.contains(&format!("(#{})", group.anchor)),
            "{} not in the contents",
            group.name
        );
    }
    for error in &catalog.errors {
        assert!(markdown.contains(&error.number.unwrap().to_string()));
    }
}
