//! Hostile text in a catalog (`tests/good/hostile.yaml`) comes out exactly as written:
//! in the Rust (which compiles without warnings), in OpenAPI JSON and YAML (which parse
//! back to the same strings), and in Markdown (which is built).

mod common;

use common::{clippy_generated_rust, compile_guarded, string_literals};
use errcat_codegen::model::Piece;
use errcat_codegen::{Builder, Catalog, Source, emit};
use std::path::Path;

fn hostile() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good/hostile.yaml");
    let text = std::fs::read_to_string(path).expect("hostile.yaml");
    let mut catalogs = compile_guarded(
        "hostile",
        vec![Source::new("tests/good/hostile.yaml", text)],
    )
    .unwrap_or_else(|d| panic!("hostile.yaml must compile:\n{d}"));
    catalogs.pop().expect("one catalog")
}

/// The texts the generated Rust carries as data (doc comments are escaped for rustdoc,
/// so they are not compared): codes, titles and the literal parts of messages.
fn data_texts(catalog: &Catalog) -> Vec<String> {
    let mut texts = Vec::new();
    for error in &catalog.errors {
        texts.push(error.code.clone());
        texts.extend(error.title.clone());
        for piece in &error.message.pieces {
            if let Piece::Text(text) = piece {
                texts.push(text.clone());
            }
        }
    }
    texts
}

#[test]
fn rust_carries_the_exact_strings_and_compiles() {
    let catalog = hostile();
    let rust = emit::rust::emit(std::slice::from_ref(&catalog));
    let literals = string_literals(&rust);
    for text in data_texts(&catalog) {
        assert!(literals.contains(&text), "the generated Rust lost {text:?}");
    }
    for error in &catalog.errors {
        assert!(
            literals.contains(&error.code),
            "code {:?} is a literal",
            error.code
        );
        if let Some(title) = &error.title {
            assert!(literals.contains(title), "title {title:?} is a literal");
        }
    }
    assert!(
        literals
            .iter()
            .any(|l| l == " is bad: {0} {} \"{value}\" \\ end, lone\rCR \u{7}bell")
    );
    clippy_generated_rust("hostile_rust", &rust);
}

#[test]
fn openapi_json_and_yaml_hold_the_exact_strings() {
    let catalog = hostile();
    let files = emit::openapi::files(&catalog);
    assert!(!files.is_empty());
    for json_file in files.iter().filter(|f| f.name.ends_with(".json")) {
        let json: serde_json::Value = serde_json::from_str(&json_file.content)
            .unwrap_or_else(|e| panic!("{} parses: {e}", json_file.name));
        let yaml_name = json_file.name.replace(".json", ".yaml");
        let yaml_file = files
            .iter()
            .find(|f| f.name == yaml_name)
            .expect("YAML twin");
        let yaml: serde_json::Value = serde_saphyr::from_str(&yaml_file.content)
            .unwrap_or_else(|e| panic!("{yaml_name} parses: {e}"));
        assert_eq!(
            json, yaml,
            "{} and {yaml_name} say the same",
            json_file.name
        );
        let mut strings = Vec::new();
        collect_strings(&json, &mut strings);
        let title = catalog.errors[0].title.as_deref();
        for text in [catalog.api.as_str()].into_iter().chain(title) {
            assert!(
                strings.iter().any(|s| s.contains(text)),
                "{} lost {text:?}",
                json_file.name
            );
        }
        let constant = "const \"value\" \\ */ #[x] {0}";
        assert!(
            strings.iter().any(|s| s == constant),
            "{} lost the constant",
            json_file.name
        );
        assert!(
            strings.iter().any(|s| s == "weird \"key\" </x>"),
            "{} lost the envelope key",
            json_file.name
        );
    }
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                out.push(key.clone());
                collect_strings(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_output_is_built() {
    let generated = Builder::new().generate(&[hostile()]);
    assert_eq!(
        generated.docs.len(),
        7,
        "Markdown, OpenAPI 3.1 and 3.0.3 in JSON and YAML, the dictionary and its schema"
    );
    for file in &generated.docs {
        assert!(
            file.name.starts_with("hostile.")
                || file.name == errcat_codegen::emit::dictionary::SCHEMA_FILE,
            "{} is named after the catalog",
            file.name
        );
        assert!(!file.content.trim().is_empty(), "{} has content", file.name);
    }
}
