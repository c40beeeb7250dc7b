//! The HTTP glue each cargo feature turns on: `http_status()` (feature `http`) and
//! actix-web's `ResponseError` (feature `actix`); axum's `IntoResponse` is exercised over
//! real connections in `tests/serve.rs`.

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
    assert_eq!(header("retry-after").as_deref(), Some("60"));
    assert_eq!(header("content-type").as_deref(), Some("application/json"));

    let conflict = reten::Error::Conflict;
    let response = conflict.error_response();
    assert_eq!(response.status().as_u16(), 409);
    assert!(response.headers().get("retry-after").is_none());
    let body = response.into_body().try_into_bytes().expect("a full body");
    let parsed: reten::Error = serde_json::from_slice(&body).expect("the wire body");
    assert_eq!(parsed, conflict);
}
