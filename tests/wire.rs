//! The generated Rust against the catalogs: every code of every catalog (the shipped
//! ones and the envelope fixtures) serialises to the body the docs show and parses back
//! to the same error; the Reten seed page's example bodies come out JSON-equal.

mod common;

use errcat_seeds::{reten, retrac};
use serde_json::{Value, json};

#[test]
fn retrac_bodies_match_the_docs_and_round_trip() {
    check_module!(retrac, &common::catalog("catalog", "retrac"));
}

#[test]
fn reten_bodies_match_the_docs_and_round_trip() {
    check_module!(reten, &common::catalog("catalog", "reten"));
}

/// The example bodies printed on the Reten error-handling page.
#[test]
fn reten_bodies_equal_the_seed_examples() {
    let seed = [
        (
            reten::Code::Unauthorized,
            json!({"statusCode": 401, "error": "Unauthorized", "message": "API key missing or invalid"}),
        ),
        (
            reten::Code::Forbidden,
            json!({"statusCode": 403, "error": "Forbidden", "message": "Insufficient permissions"}),
        ),
        (
            reten::Code::BadRequest,
            json!({"statusCode": 400, "error": "Bad Request", "message": "task_result.result must be a valid result type code"}),
        ),
        (
            reten::Code::Conflict,
            json!({"statusCode": 409, "error": "Conflict", "message": "Activity already has a result"}),
        ),
    ];
    for (code, body) in seed {
        let error = reten::Error::example(code);
        assert_eq!(serde_json::to_value(&error).unwrap(), body, "{code}");
        assert_eq!(reten::Error::from_json(&body), Ok(error), "{code}");
    }
}

#[test]
fn reten_recovers_parameters_from_the_message() {
    let body = json!({"statusCode": 400, "error": "Bad Request", "message": "amount must be a valid positive number"});
    let error = reten::Error::from_json(&body).unwrap();
    assert_eq!(
        error,
        reten::Error::BadRequest {
            field: "amount".into(),
            expected: "positive number".into()
        }
    );
    let wrong = json!({"statusCode": 400, "error": "Bad Request", "message": "something else"});
    assert_eq!(
        reten::Error::from_json(&wrong),
        Err(reten::ParseError::Message)
    );
}

#[test]
fn unknown_bodies_are_rejected() {
    let body = json!({"code": "teapot", "message": "I am a teapot"});
    assert_eq!(
        retrac::Error::from_json(&body),
        Err(retrac::ParseError::UnknownError)
    );
    assert!(serde_json::from_value::<retrac::Error>(Value::Null).is_err());
}

/// Retrac's page states no retry policy and no delay, so its errors answer neither.
#[test]
fn retry_hints_state_only_what_the_catalog_states() {
    for code in retrac::Code::ALL {
        let error = retrac::Error::example(code);
        assert_eq!(error.is_retryable(), None, "{code:?}");
        assert_eq!(error.retry_after(), None, "{code:?}");
    }
}

#[test]
fn serialising_to_a_writer_matches_the_value() {
    for code in retrac::Code::ALL {
        let error = retrac::Error::example(code);
        let mut out = Vec::new();
        serde_json::to_writer(&mut out, &error).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value, serde_json::to_value(&error).unwrap());
    }
}
