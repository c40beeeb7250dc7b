//! Parameters placed among the members (`detail: { from: param }`): the generated Rust
//! writes every member in the order the catalog writes them, exactly as the body case
//! `tests/bodies/problem_detail_param` lists its bodies (key order included, which the
//! body harness, comparing JSON values, does not see), and its example bodies are the
//! docs' and OpenAPI's (`wire::example_text`) to the byte.

mod common;

use errcat_codegen::{compile, emit, wire};
use serde_json::Value as Json;
use std::fs;
use std::path::Path;

/// The body case of RFC 9457 `{type, title, status, detail, instance}`.
const CASE: &str = "problem_detail_param";

/// The scratch program: each body read back and serialised again, then the example
/// body of every code, one compact JSON text a line.
fn program(rust: &str, bodies: &[String]) -> String {
    format!(
        "#![allow(missing_docs, dead_code)]\n{rust}\n\
         const BODIES: &[&str] = &{bodies:?};\n\
         fn main() {{\n\
             for text in BODIES {{\n\
                 let body: serde_json::Value = serde_json::from_str(text).unwrap();\n\
                 let (error, context) = {CASE}::Error::from_json_with_context(&body).unwrap();\n\
                 println!(\"{{}}\", serde_json::to_string(&error.with_context(&context)).unwrap());\n\
             }}\n\
             for code in {CASE}::Code::ALL {{\n\
                 println!(\"{{}}\", serde_json::to_string(&{CASE}::Error::example(code)).unwrap());\n\
             }}\n\
         }}\n"
    )
}

#[test]
fn the_rust_writes_members_in_the_catalogs_order_as_wire_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bodies")
        .join(CASE);
    let catalog = compile(&[common::body_case_source(&dir)])
        .expect("the case compiles")
        .remove(0);
    let listed = fs::read_to_string(dir.join("bodies.json")).expect("bodies.json");
    // serde_json keeps the file's key order here (`preserve_order`).
    let listed: serde_json::Map<String, Json> = serde_json::from_str(&listed).unwrap();
    let bodies: Vec<String> = listed
        .values()
        .flat_map(|list| list.as_array().unwrap().iter().map(Json::to_string))
        .collect();
    let examples: Vec<String> = catalog
        .errors
        .iter()
        .map(|error| wire::example_body(&catalog, error).to_string())
        .collect();
    let rust = emit::rust::emit(std::slice::from_ref(&catalog));
    let output = common::run_generated_binary("placed_params", &program(&rust, &bodies), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let expected: Vec<&str> = bodies.iter().chain(&examples).map(String::as_str).collect();
    assert_eq!(lines, expected);
    // The placed `detail` sits between `status` and `instance`, the spread `balance`
    // after the members; the docs show the same order.
    assert!(bodies[0].starts_with(r#"{"type":"#));
    let text = wire::example_text(&catalog, &catalog.errors[0]);
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(at("status") < at("detail") && at("detail") < at("balance"));
    let server_error = &examples[2];
    assert!(!server_error.contains("detail"), "{server_error}");
}
