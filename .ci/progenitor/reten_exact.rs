// Compiled as a test of the crate progenitor generates from Reten's 3.0 document
// (.ci/progenitor/check.sh): each status's error type takes only its own body.
use reten_errors::types::*;

#[test]
fn status_types_admit_only_their_bodies() {
    let ok: RetenNotFoundError =
        serde_json::from_str(r#"{"statusCode":404,"error":"Not Found","message":"x"}"#).unwrap();
    assert_eq!(ok.message, "x");
    // A 404 body's title with another status, and another status's title.
    assert!(
        serde_json::from_str::<RetenNotFoundError>(
            r#"{"statusCode":409,"error":"Not Found","message":"x"}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<RetenNotFoundError>(
            r#"{"statusCode":404,"error":"Conflict","message":"x"}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<RetenConflictError>(
            r#"{"statusCode":404,"error":"Not Found","message":"x"}"#
        )
        .is_err()
    );
    let e: RetenError =
        serde_json::from_str(r#"{"statusCode":409,"error":"Conflict","message":"x"}"#).unwrap();
    assert!(matches!(e, RetenError::ConflictError(_)));
}
