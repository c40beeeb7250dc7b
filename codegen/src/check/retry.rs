//! Checks of an error's retry policy, and the policy of an error that states none.

use super::{Checker, pos};
use crate::model::{Envelope, ErrorDef, FieldSource, Retry, RetryStatement};
use crate::raw::{RawRetry, Text};
use crate::spanned::Spanned;

/// The retry policy HTTP's semantics give a status, for `defaults: { retry:
/// from_status }`: throttling (429) and an unavailable server (503) come with the delay
/// to wait in `Retry-After`, so honour it; a timeout (408), a request sent too early
/// (425) and a server or gateway failure (500, 502, 504) are transient, so retry with
/// backoff; anything else (other 4xx, 501 Not Implemented, ...) fails again unchanged.
/// `None` without a status: the semantics need one.
pub(super) fn from_status(status: Option<u16>) -> Option<Retry> {
    Some(match status? {
        429 | 503 => Retry::Throttled { typical: None },
        408 | 425 | 500 | 502 | 504 => Retry::Backoff,
        _ => Retry::Never,
    })
}

/// Reports each error that states no retry policy where the body carries `from:
/// retryable`: the body would have to send an answer the API never gave.
pub(super) fn stated_where_sent(ck: &mut Checker<'_>, envelope: &Envelope, errors: &[ErrorDef]) {
    if !crate::wire::sources(&envelope.body).contains(&FieldSource::Retryable) {
        return;
    }
    for error in errors.iter().filter(|e| e.retry.policy.is_none()) {
        let d = ck
            .at(
                error.at,
                format!(
                    "error \"{}\" states no retry policy, but its body carries `retryable`",
                    error.code
                ),
            )
            .label("no `retry: { policy }` here or in its group")
            .help("state the policy the API gives, e.g. `retry: { policy: never }`, or derive every unstated one from its status with `defaults: { retry: from_status }`");
        ck.report(d);
    }
}

/// Whether a `defaults: { retry }` of the catalog or of a group asks for policies
/// derived from statuses, for `whose` errors (`each error`, `each of the group's errors`);
/// any other value is reported.
pub(super) fn derives_from_status(ck: &mut Checker<'_>, raw: Option<&Text>, whose: &str) -> bool {
    let Some(raw) = raw else { return false };
    if raw.value == "from_status" {
        return true;
    }
    let d = ck
        .at(pos(raw), format!("unknown retry default `{}`", raw.value))
        .label("expected `from_status`")
        .help(format!("`defaults: {{ retry: from_status }}` gives {whose} without `retry` the policy HTTP's semantics of its status give, labelled as derived; leave it out to state only what the API says"));
    ck.report(d);
    false
}

/// What an error's own `retry` states (policy, advice or both); a mistake is reported
/// and the policy left out.
pub(super) fn retry(ck: &mut Checker<'_>, spanned: &Spanned<RawRetry>) -> RetryStatement {
    let raw = &spanned.value;
    let note = raw
        .advice
        .as_ref()
        .and_then(|a| ck.optional(Some(a), "retry advice"));
    let Some(policy_text) = &raw.policy else {
        if note.is_none() {
            let d = ck
                .at(pos(spanned), "`retry` states neither a policy nor advice")
                .label("expected `policy` or `advice`")
                .help("add `policy: backoff` (or `never`, `throttled`, `after`, `conditional`), or the API's own words as `advice: \"…\"`");
            ck.report(d);
        }
        refuse_seconds(ck, raw, "");
        refuse_when(ck, raw, "");
        return RetryStatement {
            policy: None,
            derived: false,
            note,
        };
    };
    let policy = policy(ck, raw, policy_text);
    RetryStatement {
        policy,
        derived: false,
        note,
    }
}

/// The policy `text` names, with its delay or condition; `None` on a mistake (reported).
fn policy(ck: &mut Checker<'_>, raw: &RawRetry, text: &Text) -> Option<Retry> {
    let policy = text.value.as_str();
    let ok = match policy {
        "never" | "backoff" => refuse_seconds(ck, raw, policy) & refuse_when(ck, raw, policy),
        "throttled" | "after" => refuse_when(ck, raw, policy),
        "conditional" => refuse_seconds(ck, raw, policy),
        other => {
            let d = ck
                .at(pos(text), format!("unknown retry policy `{other}`"))
                .label("expected `never`, `backoff`, `throttled`, `after` or `conditional`")
                .help("`backoff`: retry with exponential backoff; `throttled`: honour Retry-After; `after`: wait `after_seconds` unless the response says otherwise; `conditional`: retry only `when` something changed; `never`: fix the request first");
            ck.report(d);
            return None;
        }
    };
    let retry = match policy {
        "never" => Some(Retry::Never),
        "backoff" => Some(Retry::Backoff),
        "throttled" => typical(ck, raw),
        "after" => after(ck, raw, text),
        _ => conditional(ck, raw, text),
    };
    retry.filter(|_| ok)
}

/// `throttled`, with the typical delay when the catalog gives one.
fn typical(ck: &mut Checker<'_>, raw: &RawRetry) -> Option<Retry> {
    match &raw.after_seconds {
        None => Some(Retry::Throttled { typical: None }),
        Some(s) => seconds(ck, s).map(|s| Retry::Throttled { typical: Some(s) }),
    }
}

/// `after`, which needs its default delay.
fn after(ck: &mut Checker<'_>, raw: &RawRetry, policy: &Text) -> Option<Retry> {
    if let Some(s) = &raw.after_seconds {
        return seconds(ck, s).map(Retry::After);
    }
    let d = ck
        .at(pos(policy), "retry policy `after` needs `after_seconds`")
        .label("how long should clients wait?")
        .help("add `after_seconds: 60`; it becomes the Retry-After header unless the service sends another delay");
    ck.report(d);
    None
}

/// `conditional`, which needs the condition as text.
fn conditional(ck: &mut Checker<'_>, raw: &RawRetry, policy: &Text) -> Option<Retry> {
    let Some(when) = &raw.when else {
        let d = ck
            .at(pos(policy), "retry policy `conditional` needs `when`")
            .label("retry only after what?")
            .help("add e.g. `when: after changing the idempotency key`; the docs say \"retry only <when>\"");
        ck.report(d);
        return None;
    };
    let text = when.value.trim().trim_end_matches('.').trim_end();
    if text.is_empty() {
        let d = ck
            .at(pos(when), "`when` is empty")
            .label("state the change a retry needs")
            .help("e.g. `when: after the next midnight UTC`");
        ck.report(d);
        return None;
    }
    Some(Retry::Conditional(text.to_owned()))
}

/// A delay in whole seconds, at least 1.
fn seconds(ck: &mut Checker<'_>, s: &Spanned<i64>) -> Option<u32> {
    match u32::try_from(s.value) {
        Ok(secs) if secs > 0 => Some(secs),
        _ => {
            let d = ck
                .at(pos(s), format!("after_seconds {} is out of range", s.value))
                .label("expected a positive number of seconds")
                .help("Retry-After takes a whole number of seconds, at least 1");
            ck.report(d);
            None
        }
    }
}

/// Reports `after_seconds` on a policy without a delay; whether there was none.
fn refuse_seconds(ck: &mut Checker<'_>, raw: &RawRetry, policy: &str) -> bool {
    let Some(s) = &raw.after_seconds else {
        return true;
    };
    let message = format!(
        "`after_seconds` only goes with policy `after` or `throttled`{}",
        not(policy)
    );
    let d = ck
        .at(pos(s), message)
        .label("not used by this policy")
        .help("remove `after_seconds` or set `policy: after`");
    ck.report(d);
    false
}

/// Reports `when` on a policy other than `conditional`; whether there was none.
fn refuse_when(ck: &mut Checker<'_>, raw: &RawRetry, policy: &str) -> bool {
    let Some(when): Option<&Text> = raw.when.as_ref() else {
        return true;
    };
    let message = format!("`when` only goes with policy `conditional`{}", not(policy));
    let d = ck
        .at(pos(when), message)
        .label("not used by this policy")
        .help("remove `when` or set `policy: conditional`");
    ck.report(d);
    false
}

/// `, not `never`` after a rule naming the policies a key goes with; nothing where
/// there is no policy.
fn not(policy: &str) -> String {
    if policy.is_empty() {
        ", and this `retry` has none".to_owned()
    } else {
        format!(", not `{policy}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_status_follows_http_semantics() {
        for throttled in [429, 503] {
            assert_eq!(
                from_status(Some(throttled)),
                Some(Retry::Throttled { typical: None })
            );
        }
        for transient in [408, 425, 500, 502, 504] {
            assert_eq!(
                from_status(Some(transient)),
                Some(Retry::Backoff),
                "{transient}"
            );
        }
        for permanent in [400, 401, 404, 409, 422, 501, 505, 511] {
            assert_eq!(
                from_status(Some(permanent)),
                Some(Retry::Never),
                "{permanent}"
            );
        }
        assert_eq!(from_status(None), None, "no status, nothing to derive");
    }
}
