//! A catalog with a required context member (`context: { request_id: { required: true } }`,
//! the body case `tests/bodies/required_request_id`): its generated Rust writes the member
//! into every body it can serialise, refuses to serialise an error without a context (the
//! code does not compile), and its parser refuses a body without the member.

mod common;

use errcat_codegen::emit::rust::{RustOptions, emit, emit_with};
use errcat_codegen::{Catalog, compile};
use std::path::Path;

/// The body case's catalog, compiled.
fn catalog() -> Vec<Catalog> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/required_request_id");
    compile(&[common::body_case_source(&dir)]).expect("the body case compiles")
}

#[test]
fn only_the_ways_with_a_context_are_emitted() {
    let all_glue = RustOptions {
        http: true,
        axum: true,
        actix: true,
        non_exhaustive: false,
    };
    let rust = emit_with(&catalog(), all_glue);
    for absent in [
        "impl ::serde::Serialize for Error ",
        "pub fn reply(self)",
        "Context::default()",
        "#[derive(Debug, Clone, Default, PartialEq)]\n    pub struct Context",
        "impl ::axum::response::IntoResponse for Error ",
        "impl ::actix_web::ResponseError for Error ",
        "pub struct Delayed",
        "::core::option::Option::None, serializer",
    ] {
        assert!(!rust.contains(absent), "`{absent}` is emitted:\n{rust}");
    }
    for present in [
        "pub request_id: ::std::string::String,",
        "pub trace_id: ::core::option::Option<::std::string::String>,",
        "pub const fn new(error: Error, context: Context) -> Self",
        "pub const fn with_context<'a>(",
        "MissingContext(&'static str)",
        "impl ::axum::response::IntoResponse for Reply ",
        "impl ::actix_web::ResponseError for Reply ",
    ] {
        assert!(rust.contains(present), "`{present}` is missing:\n{rust}");
    }
}

/// The driver: writes bodies with the context and reads bodies without the member.
const DRIVER: &str = r#"
use required_request_id::{Context, Error, ParseError, Reply};

fn main() {
    let error = Error::OrderNotFound { id: "ord_1".to_owned() };
    let context = Context { request_id: "req_1".to_owned(), trace_id: None };
    let body = serde_json::to_value(error.with_context(&context)).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"code": "order_not_found", "message": "order ord_1 not found", "meta": {"request_id": "req_1"}})
    );
    let reply = Reply::new(error.clone(), context.clone()).with_message("no such order");
    assert_eq!(reply.to_json()["meta"]["request_id"], "req_1");
    assert_eq!(Error::from_json_with_context(&body), Ok((error.clone(), context)));

    let missing = serde_json::json!({"code": "order_not_found", "message": "order ord_1 not found", "meta": {"trace_id": "t"}});
    let refused = Err(ParseError::MissingContext("request_id"));
    assert_eq!(Error::from_json_with_context(&missing).map(|(e, _)| e), refused);
    assert_eq!(Error::from_json(&missing), refused);
    assert_eq!(Reply::from_json(&missing).map(|r| r.error), refused);
    assert_eq!(
        ParseError::MissingContext("request_id").to_string(),
        "context member `request_id` is missing"
    );
    println!("ok");
}
"#;

#[test]
fn the_serialiser_writes_the_member_and_the_parser_refuses_a_body_without_it() {
    let source = format!("{}\n{DRIVER}", emit(&catalog()));
    let output = common::run_generated_binary("required_context", &source, &[]);
    assert!(
        output.status.success() && output.stdout == b"ok\n",
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_error_without_a_context_does_not_serialise() {
    let main = "fn main() {\n    let _ = serde_json::to_value(required_request_id::Error::RateLimited);\n}\n";
    let source = format!("{}\n{main}", emit(&catalog()));
    let output = common::run_generated_binary("required_context_refused", &source, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "an Error alone serialised");
    assert!(
        stderr.contains(
            "the trait bound `required_request_id::Error: serde::Serialize` is not satisfied"
        ),
        "{stderr}"
    );
}
