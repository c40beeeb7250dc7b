//! Checks of an error's retry policy, and the policy of an error that states none.

use super::{Checker, pos};
use crate::model::Retry;
use crate::raw::RawRetry;

/// The retry policy of an error that states none, as HTTP's semantics of its status say:
/// a timeout (408), a request sent too early (425), throttling (429) and a server or
/// gateway failure (500, 502, 503, 504) are transient, so retry with backoff; anything
/// else (other 4xx, 501 Not Implemented, 505 HTTP Version Not Supported, ...) fails again
/// unchanged.
pub(super) fn default_retry(status: u16) -> Retry {
    match status {
        408 | 425 | 429 | 500 | 502 | 503 | 504 => Retry::Backoff,
        _ => Retry::Never,
    }
}

pub(super) fn retry(ck: &mut Checker<'_>, raw: Option<&RawRetry>, status: u16) -> Retry {
    let Some(raw) = raw else {
        return default_retry(status);
    };
    let seconds = raw.after_seconds.as_ref();
    match (raw.policy.value.as_str(), seconds) {
        ("never", None) => Retry::Never,
        ("backoff", None) => Retry::Backoff,
        ("after", Some(s)) => match u32::try_from(s.value) {
            Ok(secs) if secs > 0 => Retry::After(secs),
            _ => {
                let d = ck
                    .at(pos(s), format!("after_seconds {} is out of range", s.value))
                    .label("expected a positive number of seconds")
                    .help("Retry-After takes a whole number of seconds, at least 1");
                ck.report(d);
                Retry::Never
            }
        },
        ("after", None) => {
            let d = ck
                .at(
                    pos(&raw.policy),
                    "retry policy `after` needs `after_seconds`",
                )
                .label("how long should clients wait?")
                .help("add `after_seconds: 60`; it becomes the Retry-After header");
            ck.report(d);
            Retry::Never
        }
        ("never" | "backoff", Some(s)) => {
            let d = ck
                .at(
                    pos(s),
                    format!(
                        "`after_seconds` only goes with policy `after`, not `{}`",
                        raw.policy.value
                    ),
                )
                .label("not used by this policy")
                .help("remove `after_seconds` or set `policy: after`");
            ck.report(d);
            Retry::Never
        }
        (other, _) => {
            let d = ck
                .at(pos(&raw.policy), format!("unknown retry policy `{other}`"))
                .label("expected `never`, `backoff` or `after`")
                .help("`backoff`: retry with exponential backoff; `after`: wait `after_seconds`; `never`: fix the request first");
            ck.report(d);
            Retry::Never
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_retry_follows_the_status() {
        for transient in [408, 425, 429, 500, 502, 503, 504] {
            assert_eq!(default_retry(transient), Retry::Backoff, "{transient}");
        }
        for permanent in [400, 401, 404, 409, 422, 501, 505, 511] {
            assert_eq!(default_retry(permanent), Retry::Never, "{permanent}");
        }
    }
}
