// Compiled as a test of the crate progenitor generates from Retrac's 3.0 document
// (.ci/progenitor/check.sh): each status's error type takes only its own codes, and a
// 403 deserialises into the variant of its code.
use retrac_errors::types::*;

#[test]
fn status_types_admit_only_their_codes() {
    let ok: RetracRateLimitExceededError =
        serde_json::from_str(r#"{"code":"rate_limit_exceeded","message":"x"}"#).unwrap();
    assert_eq!(ok.message, "x");
    assert!(
        serde_json::from_str::<RetracRateLimitExceededError>(
            r#"{"code":"not_found","message":"x"}"#
        )
        .is_err()
    );
    let b: RetracError403 =
        serde_json::from_str(r#"{"code":"exceeded_limit","message":"x"}"#).unwrap();
    assert!(matches!(b, RetracError403::ExceededLimitError(_)));
    let b: RetracError403 = serde_json::from_str(r#"{"code":"forbidden","message":"x"}"#).unwrap();
    assert!(matches!(b, RetracError403::ForbiddenError(_)));
    assert!(
        serde_json::from_str::<RetracError403>(r#"{"code":"conflict","message":"x"}"#).is_err()
    );
    assert!(
        serde_json::from_str::<RetracError409>(r#"{"code":"forbidden","message":"x"}"#).is_err()
    );
    let e: RetracError =
        serde_json::from_str(r#"{"code":"invite_expired","message":"x"}"#).unwrap();
    assert!(matches!(e, RetracError::InviteExpiredError(_)));
    assert!(
        serde_json::from_str::<RetracRateLimitExceededError>(
            r#"{"code":"rate_limit_exceeded","message":"x","hint":"y"}"#
        )
        .is_err()
    );
}
