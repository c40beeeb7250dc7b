//! Errors per operation in the generated Rust: a crate using the enums of the catalogs
//! in `tests/operations/` (typed fields, a status class, a deprecated code, a default
//! delay, an operation returning every error and one returning none; an envelope
//! holding several errors) is built with every HTTP glue and run. Each enum converts
//! to `Error` and back, gives back an error of a code it does not hold, writes, compares
//! and serialises as `Error` does, reads bodies of its own codes only, and answers
//! through axum and actix-web as `Error` does. The compile-fail side (a handler cannot
//! return a code of another operation) is in the `errcat-compile-fail` crate.

mod common;

use errcat_codegen::emit::rust::{RustOptions, emit_with};

/// The driver: every assertion runs in the scratch binary, which prints `ok` at the end.
const MAIN: &str = r#"
use shop::{AuditError, Code, Error, ParseError, PingError, PlaceOrderError};

fn place(fail: bool) -> Result<(), PlaceOrderError> {
    if fail {
        return Err(PlaceOrderError::OutOfStock { sku: "A-1".into(), left: 2, price: 9.5, note: None });
    }
    Ok(())
}

fn conversions() {
    let error = place(true).unwrap_err();
    assert!(place(false).is_ok());
    assert_eq!((error.code(), error.kind(), error.status()), ("out_of_stock", Code::OutOfStock, Some(409)));
    assert_eq!(Code::from(&error), Code::OutOfStock);
    let wide = Error::from(error.clone());
    assert_eq!(wide, Error::OutOfStock { sku: "A-1".into(), left: 2, price: 9.5, note: None });
    assert_eq!(error.to_string(), "only 2 of A-1 left");
    assert_eq!(error.to_string(), wide.to_string());
    assert_eq!(format!("{error:?}"), format!("{wide:?}"));
    assert_eq!(PlaceOrderError::try_from(wide), Ok(error.clone()));
    // A code the operation does not return is given back as it was.
    assert_eq!(PlaceOrderError::try_from(Error::NotFound), Err(Error::NotFound));
    assert_eq!(PlaceOrderError::CODES, [Code::OutOfStock, Code::CardDeclined, Code::Throttled]);
    for code in Code::ALL {
        let example = Error::example(code);
        let narrowed = PlaceOrderError::try_from(example.clone());
        assert_eq!(narrowed.is_ok(), PlaceOrderError::CODES.contains(&code), "{code}");
        // `audit` returns every error: each converts there and back unchanged.
        let audit = AuditError::try_from(example.clone()).expect("audit returns every code");
        assert_eq!((audit.kind(), audit.to_string()), (code, example.to_string()));
        assert_eq!(Error::from(audit), example);
        // `ping` returns none.
        assert_eq!(PingError::try_from(example.clone()), Err(example));
    }
    assert!(PingError::CODES.is_empty());
    let set: std::collections::HashSet<PlaceOrderError> = [error.clone(), error.clone(), PlaceOrderError::Throttled].into();
    assert_eq!(set.len(), 2);
    assert_ne!(error, PlaceOrderError::OutOfStock { sku: "A-1".into(), left: 3, price: 9.5, note: None });
    // A status class has no status to state, as `Error::status` says.
    assert_eq!(AuditError::UpstreamFailed.status(), None);
    #[allow(deprecated)]
    let old = AuditError::OldCart;
    assert_eq!(old.status(), Error::from(old.clone()).status());
    let delayed = PlaceOrderError::Throttled.with_retry_after(5);
    assert_eq!((delayed.error, delayed.seconds), (Error::Throttled, 5));
}

fn bodies() {
    let error = PlaceOrderError::CardDeclined { count: 1, checks: vec![shop::CardDeclinedChecks { name: "cvc".into(), reason: None }] };
    let body = serde_json::to_value(&error).unwrap();
    assert_eq!(body, serde_json::to_value(Error::from(error.clone())).unwrap());
    assert_eq!(body["code"], "card_declined");
    assert_eq!(PlaceOrderError::from_json(&body), Ok(error.clone()));
    assert_eq!(serde_json::from_value::<PlaceOrderError>(body.clone()).unwrap(), error);
    let (read, _context) = PlaceOrderError::from_json_with_context(&body).unwrap();
    assert_eq!(read, error);
    // A body of an error of another operation reads as `Error`, not as this one's.
    let other = serde_json::to_value(Error::NotFound).unwrap();
    assert_eq!(Error::from_json(&other), Ok(Error::NotFound));
    assert_eq!(PlaceOrderError::from_json(&other), Err(ParseError::UnknownError));
    assert!(serde_json::from_value::<PlaceOrderError>(other).is_err());
    // A malformed body of its own code fails as `Error::from_json` says.
    let bad = serde_json::json!({"code": "card_declined", "message": "1 checks failed", "count": "one"});
    assert_eq!(PlaceOrderError::from_json(&bad), Err(Error::from_json(&bad).unwrap_err()));
    assert_ne!(Error::from_json(&bad).unwrap_err(), ParseError::UnknownError);
    // An envelope holding several errors: a body holding one of the operation's.
    let one = serde_json::json!({"errors": [{"code": "tag_invalid", "message": "invalid tag"}]});
    assert_eq!(tags::TagItemError::from_json(&one), Ok(tags::TagItemError::TagInvalid));
    let foreign = serde_json::json!({"errors": [{"code": "too_many_tags", "message": ""}]});
    assert_eq!(tags::Error::from_json(&foreign), Ok(tags::Error::TooManyTags));
    assert_eq!(tags::TagItemError::from_json(&foreign), Err(tags::ParseError::UnknownError));
}

fn glue() {
    let response = axum::response::IntoResponse::into_response(PlaceOrderError::Throttled);
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(response.headers()["content-type"], shop::MEDIA_TYPE);
    let class = axum::response::IntoResponse::into_response(AuditError::UpstreamFailed);
    assert_eq!(class.status().as_u16(), 500);
    let error = PlaceOrderError::Throttled;
    assert_eq!(actix_web::ResponseError::status_code(&error).as_u16(), 429);
    let response = actix_web::ResponseError::error_response(&error);
    assert_eq!(response.headers().get("retry-after").unwrap(), "30");
    assert_eq!(error.http_status(), http::StatusCode::TOO_MANY_REQUESTS);
}

fn main() {
    conversions();
    bodies();
    glue();
    println!("ok");
}
"#;

#[test]
fn operation_enums_convert_compare_parse_and_answer_as_error_does() {
    let catalogs = common::catalogs_in("tests/operations");
    assert_eq!(catalogs.len(), 2);
    let options = RustOptions {
        http: true,
        axum: true,
        actix: true,
        non_exhaustive: false,
    };
    let mut source = String::from("#![deny(warnings)]\n");
    source.push_str(&emit_with(&catalogs, options));
    source.push_str(MAIN);
    let output = common::run_generated_binary_with_glue("operations_driver", &source);
    assert!(
        output.status.success() && output.stdout == b"ok\n",
        "the per-operation enums do not behave as Error does:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// With `non_exhaustive`, each operation's enum is marked too (a release that adds an
/// error to an operation is then semver-compatible), and the code passes clippy.
#[test]
fn non_exhaustive_marks_operation_enums_and_passes_clippy() {
    let catalogs = common::catalogs_in("tests/operations");
    let options = RustOptions {
        non_exhaustive: true,
        ..RustOptions::default()
    };
    let rust = emit_with(&catalogs, options);
    for name in ["PlaceOrderError", "AuditError", "PingError", "TagItemError"] {
        let marked = format!("#[non_exhaustive]\n    #[derive(Clone)]\n    pub enum {name} {{");
        assert!(rust.contains(&marked), "{name} is not non-exhaustive");
    }
    common::clippy_generated_rust("operations_clippy", &rust);
}
