//! The body cases: each folder of `tests/bodies/` holds a catalog (`catalog.yaml`) with
//! its own envelope, `bodies.json` (code to the bodies such an API sends), optionally
//! `rejected.json` (code to bodies that break the contract) and the Markdown and OpenAPI
//! the generator writes for it (`generated/`). For every body this proves: it validates
//! against the OpenAPI schema of its code's response, and the generated Rust reads it
//! into that code and serialises it back JSON-equal; every rejected body is refused by
//! both. `accepted.json` holds bodies both accept that cannot come back unchanged: a
//! message other than the template's (errors are told apart by code, whatever their
//! message says) or members an RFC 9457 client ignores. `ERRCAT_BLESS=1` rewrites the
//! checked-in outputs.

mod common;
mod schema;

use errcat_codegen::model::{OpenApiVersion, OpenStatus};
use errcat_codegen::{Builder, Catalog, compile, emit};
use serde_json::{Map, Value as Json};
use std::fs;
use std::path::{Path, PathBuf};

/// The fewest cases the harness must hold.
const MIN_CASES: usize = 12;

/// One folder of `tests/bodies/`.
struct Case {
    name: String,
    dir: PathBuf,
    catalog: Catalog,
    bodies: Map<String, Json>,
    accepted: Map<String, Json>,
    rejected: Map<String, Json>,
}

fn read_json(path: &Path) -> Map<String, Json> {
    let Ok(text) = fs::read_to_string(path) else {
        return Map::new();
    };
    match serde_json::from_str(&text) {
        Ok(Json::Object(map)) => map,
        other => panic!("{} must hold a JSON object: {other:?}", path.display()),
    }
}

fn cases() -> Vec<Case> {
    common::body_case_dirs()
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let source = common::body_case_source(&dir);
            let catalog = compile(&[source])
                .unwrap_or_else(|d| panic!("case {name} must compile:\n{d}"))
                .remove(0);
            Case {
                bodies: read_json(&dir.join("bodies.json")),
                accepted: read_json(&dir.join("accepted.json")),
                rejected: read_json(&dir.join("rejected.json")),
                name,
                dir,
                catalog,
            }
        })
        .collect()
}

#[test]
fn there_are_enough_cases_each_with_bodies() {
    let cases = cases();
    assert!(cases.len() >= MIN_CASES, "only {} body cases", cases.len());
    for case in &cases {
        assert!(!case.bodies.is_empty(), "case {} has no bodies", case.name);
        let named = case.bodies.keys().chain(case.accepted.keys());
        for code in named.chain(case.rejected.keys()) {
            assert!(
                case.catalog.errors.iter().any(|e| &e.code == code),
                "case {}: bodies.json names unknown code {code}",
                case.name
            );
        }
    }
}

#[test]
fn generated_outputs_are_checked_in() {
    let bless = std::env::var_os("ERRCAT_BLESS").is_some();
    for case in cases() {
        let generated = Builder::new().generate(std::slice::from_ref(&case.catalog));
        for file in generated.docs {
            let path = case.dir.join("generated").join(&file.name);
            if bless {
                fs::create_dir_all(path.parent().unwrap()).expect("generated folder");
                fs::write(&path, &file.content).expect("output written");
            }
            let checked_in = fs::read_to_string(&path).unwrap_or_default();
            assert!(
                checked_in == file.content,
                "{} is stale; run with ERRCAT_BLESS=1 to rewrite it",
                path.display()
            );
        }
    }
}

/// The pointer of the schema a body of `code` must satisfy: its status's response
/// (or, for bodies holding several errors and errors without a status, the envelope).
fn schema_pointer(case: &Case, code: &str) -> String {
    let stem = schema::stem(&case.catalog);
    let error = case
        .catalog
        .errors
        .iter()
        .find(|e| e.code == code)
        .expect("known code");
    // A status class is one response (`5XX`); an error without a status of its own
    // has none, so its bodies are the envelope's.
    let response = match error.open_status {
        Some(OpenStatus::Class(class)) => Some(format!("{class}XX")),
        Some(OpenStatus::Unstated) => None,
        None => error.status.map(|s| s.to_string()),
    };
    match response {
        Some(status) if case.catalog.envelope.body.many_items().is_none() => {
            let media = case.catalog.envelope.media_type.replace('/', "~1");
            format!("#/components/responses/{stem}{status}/content/{media}/schema")
        }
        _ => format!("#/components/schemas/{stem}"),
    }
}

#[test]
fn every_body_validates_against_its_codes_schema_and_no_rejected_one_does() {
    let mut checked = 0;
    // Errors that are not HTTP responses have no OpenAPI document.
    for case in cases().into_iter().filter(|c| c.catalog.http) {
        for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_0] {
            let document = emit::openapi::document(&case.catalog, version);
            for (code, bodies) in case.bodies.iter().chain(&case.accepted) {
                let validator = schema::validator(&document, &schema_pointer(&case, code));
                for body in bodies.as_array().expect("a list of bodies") {
                    let errors: Vec<String> =
                        validator.iter_errors(body).map(|e| e.to_string()).collect();
                    assert!(
                        errors.is_empty(),
                        "case {}, {code} ({version:?}): {errors:?}\n{body}",
                        case.name
                    );
                    checked += 1;
                }
            }
            for (code, bodies) in &case.rejected {
                let validator = schema::validator(&document, &schema_pointer(&case, code));
                for body in bodies.as_array().expect("a list of bodies") {
                    assert!(
                        !validator.is_valid(body),
                        "case {}, {code}: the schema admits a rejected body\n{body}",
                        case.name
                    );
                }
            }
        }
    }
    assert!(checked > 0);
}

/// The driver function of one case: reads every body back and serialises it again.
fn driver(case: &Case) -> String {
    let module = &case.name;
    let parse = if case.catalog.envelope.body.many_items().is_some() {
        format!(
            "{module}::Errors::from_json(body).map(|read| (read.errors.iter().map(|e| e.code()).collect::<Vec<_>>(), serde_json::to_value(&read).unwrap()))"
        )
    } else {
        format!(
            "{module}::Error::from_json_with_context(body).map(|(error, context)| (vec![error.code()], serde_json::to_value(error.with_context(&context)).unwrap()))"
        )
    };
    let reply = reply_check(case);
    format!(
        "fn case_{module}(bodies: &serde_json::Value, accepted: &serde_json::Value, rejected: &serde_json::Value, out: &mut Vec<String>) {{
    let read = |body: &serde_json::Value| {parse}.map_err(|e| e.to_string());
    {reply}
    for (code, list) in bodies.as_object().unwrap() {{
        for body in list.as_array().unwrap() {{
            match read(body) {{
                Ok((codes, back)) if codes.first() == Some(&code.as_str()) && same(&back, body) => {{}}
                Ok((codes, back)) => out.push(format!(\"{module}: {{body}} read as {{codes:?}}, back as {{back}}\")),
                Err(e) => out.push(format!(\"{module}: {{body}} refused: {{e}}\")),
            }}
        }}
    }}
    for (code, list) in accepted.as_object().unwrap() {{
        for body in list.as_array().unwrap() {{
            match read(body) {{
                Ok((codes, _)) if codes.first() == Some(&code.as_str()) => {{}}
                Ok((codes, _)) => out.push(format!(\"{module}: accepted body {{body}} read as {{codes:?}}\")),
                Err(e) => out.push(format!(\"{module}: accepted body {{body}} refused: {{e}}\")),
            }}
        }}
    }}
    for (_, list) in rejected.as_object().unwrap() {{
        for body in list.as_array().unwrap() {{
            if let Ok((codes, _)) = read(body) {{
                out.push(format!(\"{module}: rejected body {{body}} read as {{codes:?}}\"));
            }}
        }}
    }}
}}
"
    )
}

/// For an envelope holding one error of an HTTP API: every body and accepted body read
/// as a `Reply` serialises back to itself (the server's message and status kept), but
/// for members the envelope ignores.
fn reply_check(case: &Case) -> String {
    let catalog = &case.catalog;
    if catalog.envelope.body.many_items().is_some() || !catalog.http {
        return String::new();
    }
    let module = &case.name;
    let allow = catalog.envelope.unknown_members == errcat_codegen::model::UnknownMembers::Allow;
    format!(
        "for list in bodies.as_object().unwrap().values().chain(accepted.as_object().unwrap().values()) {{
        for body in list.as_array().unwrap() {{
            match {module}::Reply::from_json(body) {{
                // Optional members are always written: a body that left one out is within its reply.
                Ok(reply) if same(&reply.to_json(), body) || within(body, &reply.to_json()) || ({allow} && within(&reply.to_json(), body)) => {{}}
                Ok(reply) => out.push(format!(\"{module}: {{body}} as a reply serialises as {{}}\", reply.to_json())),
                Err(e) => out.push(format!(\"{module}: {{body}} refused as a reply: {{e}}\")),
            }}
        }}
    }}"
    )
}

const MAIN: &str = r#"
/// Whether `a` is `b` without some of `b`'s object members.
fn within(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| within(p, q)),
        (Value::Object(x), Value::Object(y)) => x.iter().all(|(k, v)| y.get(k).is_some_and(|w| within(v, w))),
        _ => same(a, b),
    }
}

/// JSON equality with numbers equal by value (`100` and `100.0`).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn load(dir: &str, file: &str) -> serde_json::Value {
    std::fs::read_to_string(format!("{dir}/{file}"))
        .map_or(serde_json::json!({}), |text| serde_json::from_str(&text).unwrap())
}
"#;

#[test]
fn generated_rust_reads_every_body_back_and_refuses_the_rejected() {
    let cases = cases();
    let catalogs: Vec<Catalog> = cases.iter().map(|c| c.catalog.clone()).collect();
    let mut source = String::from("#![allow(missing_docs, dead_code)]\n");
    source.push_str(&emit::rust::emit(&catalogs));
    source.push_str(MAIN);
    let mut calls = String::new();
    for case in &cases {
        source.push_str(&driver(case));
        let dir = case.dir.display().to_string();
        let name = &case.name;
        calls.push_str(&format!(
            "    case_{name}(&load({dir:?}, \"bodies.json\"), &load({dir:?}, \"accepted.json\"), &load({dir:?}, \"rejected.json\"), &mut out);\n"
        ));
    }
    source.push_str(&format!(
        "fn main() {{\n    let mut out = Vec::new();\n{calls}    for line in &out {{ println!(\"{{line}}\"); }}\n    std::process::exit(i32::from(!out.is_empty()));\n}}\n"
    ));
    let output = common::run_generated_binary("bodies_driver", &source, &[]);
    assert!(
        output.status.success(),
        "the generated Rust does not read every body back:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn generated_rust_of_every_case_passes_clippy() {
    let catalogs: Vec<Catalog> = cases().into_iter().map(|c| c.catalog).collect();
    common::clippy_generated_rust("bodies_clippy", &emit::rust::emit(&catalogs));
}

#[test]
fn every_numeric_code_appears_in_its_cases_markdown() {
    for case in cases() {
        let markdown = emit::markdown::emit(&case.catalog);
        for error in &case.catalog.errors {
            if let Some(number) = error.number {
                assert!(
                    markdown.contains(&number.to_string()),
                    "case {}: {} ({number}) is not in the docs",
                    case.name,
                    error.code
                );
            }
        }
    }
}
