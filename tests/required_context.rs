//! A catalog whose every response carries context members (`required: true`): the
//! fixture `vault` (`codegen/tests/fixtures/required`), RFC 9457 problems with a required
//! `instance` and request id. A reply is made with its context (`Reply::new`); its axum
//! and actix glue send the members, and a body without one is refused.

use errcat_fixtures::required::vault::{self, Context, Error, ParseError, Reply};
use serde_json::json;

fn context() -> Context {
    Context {
        instance: "/vaults/7".to_owned(),
        request_id: "req_1".to_owned(),
    }
}

/// The body of `Error::TooManyAttempts` with the context above.
fn body() -> serde_json::Value {
    json!({
        "type": "about:blank",
        "title": "Too Many Attempts",
        "status": 429,
        "detail": "Too many unlock attempts.",
        "instance": "/vaults/7",
        "code": "too_many_attempts",
        "request_id": "req_1"
    })
}

#[test]
fn a_reply_carries_the_members_and_reads_back() {
    let reply = Reply::new(Error::TooManyAttempts, context());
    assert_eq!(reply.to_json(), body());
    let with_context = serde_json::to_value(Error::TooManyAttempts.with_context(&context()));
    assert_eq!(with_context.unwrap(), body());
    assert_eq!(Reply::from_json(&body()), Ok(reply));
}

#[test]
fn a_body_without_a_required_member_is_refused() {
    for member in ["instance", "request_id"] {
        let mut body = body();
        body.as_object_mut().unwrap().remove(member);
        assert_eq!(
            Error::from_json(&body),
            Err(ParseError::MissingContext(member))
        );
        assert!(Reply::from_json(&body).is_err());
        assert!(vault::Received::from_json(&body).is_err());
    }
}

#[cfg(feature = "axum")]
#[tokio::test]
async fn axum_sends_the_reply_with_its_context() {
    use axum::response::IntoResponse;

    let response = Reply::new(Error::TooManyAttempts, context()).into_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["retry-after"], "60");
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .expect("the body");
    let sent: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(sent, body());
}

#[cfg(feature = "actix")]
#[test]
fn actix_sends_the_reply_with_its_context() {
    use actix_web::ResponseError;
    use actix_web::body::MessageBody;

    let reply = Reply::new(Error::VaultLocked, context()).with_message("locked by admin");
    let response = reply.error_response();
    assert_eq!(response.status().as_u16(), 423);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    assert!(response.headers().get("retry-after").is_none());
    let bytes = response.into_body().try_into_bytes().expect("a full body");
    let sent: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(sent["detail"], "locked by admin");
    assert_eq!(sent["instance"], "/vaults/7");
    assert_eq!(sent["request_id"], "req_1");
}
