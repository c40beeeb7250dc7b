//! Checks of an error's retry policy, and the policy of an error that states none.

use super::{Checker, pos};
use crate::model::Retry;
use crate::raw::{RawRetry, Text};
use serde_saphyr::Spanned;

/// The retry policy of an error that states none, as HTTP's semantics of its status say:
/// throttling (429) and an unavailable server (503) come with the delay to wait in
/// `Retry-After`, so honour it; a timeout (408), a request sent too early (425) and a
/// server or gateway failure (500, 502, 504) are transient, so retry with backoff;
/// anything else (other 4xx, 501 Not Implemented, 505 HTTP Version Not Supported, ...)
/// fails again unchanged.
pub(super) fn default_retry(status: Option<u16>) -> Retry {
    let Some(status) = status else {
        return Retry::Never; // not an HTTP response: no status to go by
    };
    match status {
        429 | 503 => Retry::Throttled { typical: None },
        408 | 425 | 500 | 502 | 504 => Retry::Backoff,
        _ => Retry::Never,
    }
}

/// The policy an error states, or its status's default; a mistake is reported and the
/// error gets `Never`.
pub(super) fn retry(ck: &mut Checker<'_>, raw: Option<&RawRetry>, status: Option<u16>) -> Retry {
    let Some(raw) = raw else {
        return default_retry(status);
    };
    let policy = raw.policy.value.as_str();
    let ok = match policy {
        "never" | "backoff" => refuse_seconds(ck, raw) & refuse_when(ck, raw),
        "throttled" => refuse_when(ck, raw),
        "after" => refuse_when(ck, raw),
        "conditional" => refuse_seconds(ck, raw),
        other => {
            let d = ck
                .at(pos(&raw.policy), format!("unknown retry policy `{other}`"))
                .label("expected `never`, `backoff`, `throttled`, `after` or `conditional`")
                .help("`backoff`: retry with exponential backoff; `throttled`: honour Retry-After; `after`: wait `after_seconds` unless the response says otherwise; `conditional`: retry only `when` something changed; `never`: fix the request first");
            ck.report(d);
            return Retry::Never;
        }
    };
    let retry = match policy {
        "never" => Some(Retry::Never),
        "backoff" => Some(Retry::Backoff),
        "throttled" => typical(ck, raw),
        "after" => after(ck, raw),
        _ => conditional(ck, raw),
    };
    retry.filter(|_| ok).unwrap_or(Retry::Never)
}

/// `throttled`, with the typical delay when the catalog gives one.
fn typical(ck: &mut Checker<'_>, raw: &RawRetry) -> Option<Retry> {
    match &raw.after_seconds {
        None => Some(Retry::Throttled { typical: None }),
        Some(s) => seconds(ck, s).map(|s| Retry::Throttled { typical: Some(s) }),
    }
}

/// `after`, which needs its default delay.
fn after(ck: &mut Checker<'_>, raw: &RawRetry) -> Option<Retry> {
    if let Some(s) = &raw.after_seconds {
        return seconds(ck, s).map(Retry::After);
    }
    let d = ck
        .at(pos(&raw.policy), "retry policy `after` needs `after_seconds`")
        .label("how long should clients wait?")
        .help("add `after_seconds: 60`; it becomes the Retry-After header unless the service sends another delay");
    ck.report(d);
    None
}

/// `conditional`, which needs the condition as text.
fn conditional(ck: &mut Checker<'_>, raw: &RawRetry) -> Option<Retry> {
    let Some(when) = &raw.when else {
        let d = ck
            .at(pos(&raw.policy), "retry policy `conditional` needs `when`")
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
fn refuse_seconds(ck: &mut Checker<'_>, raw: &RawRetry) -> bool {
    let Some(s) = &raw.after_seconds else {
        return true;
    };
    let message = format!(
        "`after_seconds` only goes with policy `after` or `throttled`, not `{}`",
        raw.policy.value
    );
    let d = ck
        .at(pos(s), message)
        .label("not used by this policy")
        .help("remove `after_seconds` or set `policy: after`");
    ck.report(d);
    false
}

/// Reports `when` on a policy other than `conditional`; whether there was none.
fn refuse_when(ck: &mut Checker<'_>, raw: &RawRetry) -> bool {
    let Some(when): Option<&Text> = raw.when.as_ref() else {
        return true;
    };
    let message = format!(
        "`when` only goes with policy `conditional`, not `{}`",
        raw.policy.value
    );
    let d = ck
        .at(pos(when), message)
        .label("not used by this policy")
        .help("remove `when` or set `policy: conditional`");
    ck.report(d);
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_retry_follows_the_status() {
        for throttled in [429, 503] {
            assert_eq!(
                default_retry(Some(throttled)),
                Retry::Throttled { typical: None }
            );
        }
        for transient in [408, 425, 500, 502, 504] {
            assert_eq!(
                default_retry(Some(transient)),
                Retry::Backoff,
                "{transient}"
            );
        }
        for permanent in [400, 401, 404, 409, 422, 501, 505, 511] {
            assert_eq!(default_retry(Some(permanent)), Retry::Never, "{permanent}");
        }
        assert_eq!(
            default_retry(None),
            Retry::Never,
            "no status, no default retry"
        );
    }
}
