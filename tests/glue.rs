//! The HTTP glue each cargo feature turns on: `http_status()` (feature `http`),
//! actix-web's `ResponseError` (feature `actix`) and axum's `IntoResponse` (feature
//! `axum`, also exercised over real connections in `tests/serve.rs`), for an `Error` and
//! for a `Delayed` error with the `Retry-After` of one response.

#[cfg(feature = "http")]
#[test]
fn http_status_codes_match_the_catalog() {
    use errcat_seeds::retrac;
    for code in retrac::Code::ALL {
        assert_eq!(code.http_status().as_u16(), code.status());
    }
    assert_eq!(
        retrac::Error::NotFound.http_status(),
        http::StatusCode::NOT_FOUND
    );
}

#[cfg(feature = "actix")]
#[test]
fn actix_responses_carry_status_type_body_and_retry_after() {
    use actix_web::ResponseError;
    use actix_web::body::MessageBody;
    use errcat_seeds::{reten, retrac};

    let limited = retrac::Error::RateLimitExceeded.error_response();
    assert_eq!(limited.status().as_u16(), 429);
    let header = |name: &str| {
        limited
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(header("retry-after"), None, "Retrac states no delay");
    assert_eq!(header("content-type").as_deref(), Some("application/json"));

    let conflict = reten::Error::Conflict;
    let response = conflict.error_response();
    assert_eq!(response.status().as_u16(), 409);
    assert!(response.headers().get("retry-after").is_none());
    let body = response.into_body().try_into_bytes().expect("a full body");
    let parsed: reten::Error = serde_json::from_slice(&body).expect("the wire body");
    assert_eq!(parsed, conflict);
}

#[cfg(feature = "actix")]
#[test]
fn actix_sends_the_delay_given_for_one_response() {
    use actix_web::ResponseError;
    use errcat_seeds::retrac;

    let delayed = retrac::Error::RateLimitExceeded.with_retry_after(17);
    assert_eq!(delayed.seconds, 17);
    let response = delayed.error_response();
    assert_eq!(response.status().as_u16(), 429);
    let header = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().ok());
    assert_eq!(header, Some(Some("17")));
    assert_eq!(
        response.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );
}

#[cfg(feature = "axum")]
#[test]
fn axum_sends_the_delay_of_one_response_and_none_the_catalog_does_not_state() {
    use axum::response::IntoResponse;
    use errcat_seeds::retrac;

    let retry_after = |response: axum::response::Response| {
        response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    // Retrac states no delay: without one from the service, no header.
    let default = retrac::Error::RateLimitExceeded.into_response();
    assert_eq!(retry_after(default), None);
    let delayed = retrac::Error::RateLimitExceeded.with_retry_after(5);
    let response = delayed.into_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(retry_after(response).as_deref(), Some("5"));
    let backoff = retrac::Error::InternalServerError.into_response();
    assert_eq!(retry_after(backoff), None);
}
