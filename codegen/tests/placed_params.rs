//! Parameters placed among the members (`detail: { from: param }`): the generated Rust
//! writes every member in the order the catalog writes them, exactly as the body cases
//! `tests/bodies/problem_detail_param` (one error per body) and
//! `tests/bodies/many_placed_param` (inside a `many: true` item) list their bodies (key
//! order included, which the body harness, comparing JSON values, does not see), and
//! their example bodies are the docs' and OpenAPI's (`wire::example_text`) to the byte.

mod common;

use errcat_codegen::{compile, emit, wire};
use serde_json::Value as Json;
use std::fs;
use std::path::Path;

/// The body case of RFC 9457 `{type, title, status, detail, instance}`.
const CASE: &str = "problem_detail_param";

/// The body case of `{errors: [{code, detail, message}, ...]}`.
const MANY_CASE: &str = "many_placed_param";

/// The scratch program: each body read back (by `read`, which gives what to serialise)
/// and serialised again, then the example body of every code, one compact JSON text a
/// line.
fn program(case: &str, read: &str, rust: &str, bodies: &[String]) -> String {
    format!(
        "#![allow(missing_docs, dead_code)]\n{rust}\n\
         const BODIES: &[&str] = &{bodies:?};\n\
         fn main() {{\n\
             for text in BODIES {{\n\
                 let body: serde_json::Value = serde_json::from_str(text).unwrap();\n\
                 println!(\"{{}}\", {read});\n\
             }}\n\
             for code in {case}::Code::ALL {{\n\
                 println!(\"{{}}\", serde_json::to_string(&{case}::Error::example(code)).unwrap());\n\
             }}\n\
         }}\n"
    )
}

#[test]
fn the_rust_writes_members_in_the_catalogs_order_as_wire_does() {
    let read = format!(
        "{{ let (error, context) = {CASE}::Error::from_json_with_context(&body).unwrap(); \
         serde_json::to_string(&error.with_context(&context)).unwrap() }}"
    );
    let (catalog, bodies, examples) = round_trip(CASE, &read);
    // The placed `detail` sits between `status` and `instance`, the spread `balance`
    // after the members; the docs show the same order.
    assert!(bodies[0].starts_with(r#"{"type":"#));
    let text = wire::example_text(&catalog, &catalog.errors[0]);
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(at("status") < at("detail") && at("detail") < at("balance"));
    let server_error = &examples[2];
    assert!(!server_error.contains("detail"), "{server_error}");
}

#[test]
fn the_rust_writes_members_of_each_item_in_the_catalogs_order_as_wire_does() {
    let read =
        format!("serde_json::to_string(&{MANY_CASE}::Errors::from_json(&body).unwrap()).unwrap()");
    let (catalog, bodies, examples) = round_trip(MANY_CASE, &read);
    // In each item the placed `detail` sits between `code` and `message`, the spread
    // `line` after the members; the docs show the same order.
    assert!(bodies[0].starts_with(r#"{"errors":[{"code":"QUANTITY_INVALID","detail":"#));
    let text = wire::example_text(&catalog, &catalog.errors[0]);
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(at("code") < at("detail") && at("detail") < at("message"));
    assert!(at("message") < at("line"));
    let stock_out = &examples[2];
    assert!(!stock_out.contains("detail"), "{stock_out}");
}

/// Compiles the body case, runs its bodies through `read` and prints its examples;
/// asserts that the program printed every body and every example as listed (to the
/// byte) and returns the catalog, the bodies and the examples.
fn round_trip(case: &str, read: &str) -> (errcat_codegen::Catalog, Vec<String>, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bodies")
        .join(case);
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
    let program = program(case, read, &rust, &bodies);
    let output = common::run_generated_binary(&format!("placed_{case}"), &program, &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let expected: Vec<&str> = bodies.iter().chain(&examples).map(String::as_str).collect();
    assert_eq!(lines, expected);
    (catalog, bodies, examples)
}
