//! `Reply`: what one response says beside the catalog is kept. A body with the server's
//! own message reads back and serialises to the same body; a server gives one response
//! its own message or one of the error's statuses, and nothing else.

use errcat_seeds::{reten, retrac};
use serde_json::json;

#[test]
fn a_retrac_body_with_the_servers_message_serialises_back_to_itself() {
    let body = json!({"code": "bad_request", "message": "name is missing"});
    let reply = retrac::Reply::from_json(&body).expect("a Retrac body");
    assert_eq!(reply.error, retrac::Error::BadRequest);
    assert_eq!(reply.message.as_deref(), Some("name is missing"));
    assert_eq!(reply.to_string(), "name is missing");
    assert_eq!(serde_json::to_value(&reply).unwrap(), body);
    let parsed: retrac::Reply = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(parsed, reply);
    // The error alone is the catalog's: its own message.
    assert_ne!(serde_json::to_value(&reply.error).unwrap(), body);
}

#[test]
fn a_body_with_the_catalogs_message_keeps_no_message_of_its_own() {
    let body = serde_json::to_value(retrac::Error::NotFound).unwrap();
    let reply = retrac::Reply::from_json(&body).unwrap();
    assert_eq!(reply.message, None);
    assert_eq!(reply.status, None);
    assert_eq!(reply.to_json(), body);
}

#[test]
fn a_server_sends_its_own_message() {
    let reply = retrac::Error::BadRequest
        .reply()
        .with_message("name is missing");
    assert_eq!(
        reply.to_json(),
        json!({"code": "bad_request", "message": "name is missing"})
    );
    assert_eq!(reply.status(), 400);
}

#[test]
fn a_status_the_catalog_does_not_list_for_the_error_is_refused() {
    let reply = retrac::Error::BadRequest.reply();
    assert_eq!(reply.clone().with_status(418), None);
    let same = reply.with_status(400).expect("the error's own status");
    assert_eq!(same.status(), 400);
}

#[test]
fn every_reten_seed_body_reads_back_as_sent() {
    for body in [
        json!({"statusCode": 401, "error": "Unauthorized", "message": "API key missing or invalid"}),
        json!({"statusCode": 403, "error": "Forbidden", "message": "Insufficient permissions"}),
        json!({"statusCode": 409, "error": "Conflict", "message": "Activity already has a result"}),
        json!({"statusCode": 400, "error": "Bad Request", "message": "amount must be a valid positive number"}),
    ] {
        let reply = reten::Reply::from_json(&body).expect("a Reten body");
        assert_eq!(reply.to_json(), body);
        assert_eq!(reply.status(), reply.error.status());
    }
}

#[cfg(feature = "axum")]
#[tokio::test]
async fn axum_sends_a_reply_with_its_status_and_body() {
    use axum::response::IntoResponse;

    let reply = retrac::Error::BadRequest
        .reply()
        .with_message("name is missing");
    let response = reply.into_response();
    assert_eq!(response.status().as_u16(), 400);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/json"
    );
    let body = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .expect("the body");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body,
        json!({"code": "bad_request", "message": "name is missing"})
    );
}

#[test]
fn a_code_added_after_this_build_reads_as_unknown_and_is_kept_whole() {
    let body = json!({"code": "quota_exceeded", "message": "Monthly quota used up"});
    match retrac::Received::from_json(&body).expect("any error body reads") {
        retrac::Received::Unknown {
            code,
            status,
            body: kept,
        } => {
            assert_eq!(code.as_deref(), Some("quota_exceeded"));
            assert_eq!(status, None, "Retrac bodies carry no status");
            assert_eq!(kept, body);
        }
        known => panic!("read as {known:?}"),
    }
    // Reten names its errors by title and carries the status.
    let body = json!({"statusCode": 418, "error": "Teapot", "message": "Short and stout"});
    let received: reten::Received = serde_json::from_value(body).unwrap();
    assert!(matches!(
        received,
        reten::Received::Unknown { ref code, status: Some(418), .. } if code.as_deref() == Some("Teapot")
    ));
    assert_eq!(received.status(), Some(418));
}

#[test]
fn a_known_code_reads_as_its_reply_and_a_malformed_one_is_still_refused() {
    let body = json!({"code": "bad_request", "message": "name is missing"});
    let received = retrac::Received::from_json(&body).unwrap();
    let retrac::Received::Known(reply) = received else {
        panic!("a known code")
    };
    assert_eq!(reply.to_json(), body);
    // A known code whose body disagrees with it is an error, never "unknown".
    let wrong =
        json!({"statusCode": 404, "error": "Conflict", "message": "Activity already has a result"});
    assert_eq!(
        reten::Received::from_json(&wrong),
        Err(reten::ParseError::Mismatch)
    );
}

#[cfg(feature = "actix")]
#[test]
fn actix_sends_a_reply_with_its_status_and_body() {
    use actix_web::ResponseError;
    use actix_web::body::MessageBody;

    let reply = retrac::Error::BadRequest
        .reply()
        .with_message("name is missing");
    let response = reply.error_response();
    assert_eq!(response.status().as_u16(), 400);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/json"
    );
    let body = response.into_body().try_into_bytes().expect("a full body");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body,
        json!({"code": "bad_request", "message": "name is missing"})
    );
}
