//! Retry policies: what a client may do after an error, and the one sentence of advice
//! the docs, the OpenAPI descriptions and the Rust docs give for each; and what a
//! catalog states about an error's retrying, which may be nothing.

/// When and how a client may retry an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retry {
    /// Do not retry without changing the request.
    Never,
    /// A transient failure: retry with exponential backoff.
    Backoff,
    /// Throttled: wait as long as the `Retry-After` the server sends says (set per
    /// response by the service), backing off when there is none. `typical` is the delay
    /// clients usually see, for the docs only: it is not sent.
    Throttled {
        /// The usual delay in seconds, if the catalog gives one.
        typical: Option<u32>,
    },
    /// Retry after a delay the server sends as `Retry-After`: these seconds unless the
    /// service gives another delay for one response.
    After(u32),
    /// Do not retry unchanged; retry only once the stated condition holds. The text
    /// completes "retry only …": `after changing the idempotency key`.
    Conditional(String),
}

impl Retry {
    /// What a client should do about retrying, in one sentence: the same words in the
    /// docs and in OpenAPI's code descriptions.
    pub fn advice(&self) -> String {
        match self {
            Self::Never => "Do not retry unchanged: fix the request first.".to_owned(),
            Self::Backoff => "Retry with exponential backoff.".to_owned(),
            Self::Throttled { typical } => {
                let usual = typical
                    .map(|s| format!(" (typically {})", seconds(s)))
                    .unwrap_or_default();
                format!(
                    "Wait as long as the `Retry-After` header says{usual}, then retry; \
                     without the header, retry with exponential backoff."
                )
            }
            Self::After(s) => format!(
                "Retry after the delay in the `Retry-After` header (by default {}).",
                seconds(*s)
            ),
            Self::Conditional(when) => format!("Do not retry unchanged: retry only {when}."),
        }
    }

    /// Whether a client may send the same request again, after a delay or with
    /// backoff; `false` for `Never` and `Conditional`, which need a change first.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Backoff | Self::Throttled { .. } | Self::After(_)
        )
    }

    /// The seconds sent as `Retry-After` when the service gives none for a response:
    /// the delay of `After`, `None` for every other policy.
    pub fn default_seconds(&self) -> Option<u32> {
        match self {
            Self::After(s) => Some(*s),
            _ => None,
        }
    }

    /// Whether the server may send a `Retry-After` header with this error.
    pub fn sends_retry_after(&self) -> bool {
        matches!(self, Self::Throttled { .. } | Self::After(_))
    }

    /// The policy's name in the catalog: `never`, `backoff`, `throttled`, `after` or
    /// `conditional`.
    pub fn policy(&self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::Backoff => "backoff",
            Self::Throttled { .. } => "throttled",
            Self::After(_) => "after",
            Self::Conditional(_) => "conditional",
        }
    }
}

/// What a catalog says about retrying one error: a policy, free-text advice, both or
/// neither. Nothing stated is a fact too: every output then says nothing about
/// retrying, rather than a default that would read as the API's word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RetryStatement {
    /// The policy, stated by the error or its group, or derived from its status under
    /// `defaults: { retry: from_status }`; `None` when nothing says it.
    pub policy: Option<Retry>,
    /// Whether `policy` is derived from the HTTP status rather than stated.
    pub derived: bool,
    /// Advice in the catalog's own words (`retry: { advice: "…" }`), shown as written.
    pub note: Option<String>,
}

impl RetryStatement {
    /// A policy the catalog states.
    #[must_use]
    pub fn stated(policy: Retry) -> Self {
        Self {
            policy: Some(policy),
            ..Self::default()
        }
    }

    /// What the docs and OpenAPI say about retrying, in sentences: the policy's advice
    /// (labelled where it is derived from the status) and the catalog's own advice;
    /// `None` when nothing is stated.
    pub fn advice(&self) -> Option<String> {
        self.advice_with(str::to_owned)
    }

    /// [`Self::advice`] with the catalog's prose in it (a condition, the advice in the
    /// API's own words) passed through `escape`, for an output with its own escaping.
    pub fn advice_with(&self, escape: impl Fn(&str) -> String) -> Option<String> {
        let policy = self.policy.as_ref().map(|policy| match policy {
            Retry::Conditional(when) => Retry::Conditional(escape(when)),
            other => other.clone(),
        });
        let note = self.note.as_deref().map(&escape);
        let policy = policy.as_ref().map(|policy| {
            if self.derived {
                format!(
                    "{} (Derived from the HTTP status; the API does not state it.)",
                    policy.advice()
                )
            } else {
                policy.advice()
            }
        });
        let note = note.map(|note| {
            let end = if note.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            format!("{note}{end}")
        });
        match (policy, note) {
            (Some(policy), Some(note)) => Some(format!("{policy} {note}")),
            (one, other) => one.or(other),
        }
    }

    /// Whether a client may send the same request again: `None` where no policy is
    /// stated or derived (advice in words alone does not say).
    pub fn is_retryable(&self) -> Option<bool> {
        self.policy.as_ref().map(Retry::is_retryable)
    }

    /// The seconds sent as `Retry-After` when the service gives none for a response.
    pub fn default_seconds(&self) -> Option<u32> {
        self.policy.as_ref().and_then(Retry::default_seconds)
    }

    /// Whether the server may send a `Retry-After` header with this error.
    pub fn sends_retry_after(&self) -> bool {
        self.policy.as_ref().is_some_and(Retry::sends_retry_after)
    }
}

/// `1 second`, `30 seconds`.
fn seconds(count: u32) -> String {
    let unit = if count == 1 { "second" } else { "seconds" };
    format!("{count} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_policies_without_a_change_are_retryable() {
        assert!(Retry::Backoff.is_retryable());
        assert!(Retry::Throttled { typical: None }.is_retryable());
        assert!(Retry::After(5).is_retryable());
        assert!(!Retry::Never.is_retryable());
        assert!(!Retry::Conditional("after midnight".into()).is_retryable());
    }

    #[test]
    fn advice_names_the_condition_and_the_delays() {
        let when = Retry::Conditional("after the next midnight UTC".into());
        assert_eq!(
            when.advice(),
            "Do not retry unchanged: retry only after the next midnight UTC."
        );
        assert!(
            Retry::Throttled { typical: Some(1) }
                .advice()
                .contains("(typically 1 second),")
        );
        assert!(Retry::After(30).advice().contains("by default 30 seconds"));
    }

    #[test]
    fn nothing_stated_gives_no_advice_and_no_answer() {
        let unstated = RetryStatement::default();
        assert_eq!(unstated.advice(), None);
        assert_eq!(unstated.is_retryable(), None);
        assert!(!unstated.sends_retry_after());
        let words = RetryStatement {
            note: Some("Retry with the flag set".into()),
            ..RetryStatement::default()
        };
        assert_eq!(words.advice().as_deref(), Some("Retry with the flag set."));
        assert_eq!(words.is_retryable(), None, "words alone do not answer");
    }

    #[test]
    fn a_derived_policy_says_so() {
        let derived = RetryStatement {
            policy: Some(Retry::Backoff),
            derived: true,
            note: None,
        };
        let advice = derived.advice().unwrap();
        assert!(advice.contains("Derived from the HTTP status"), "{advice}");
        assert_eq!(derived.is_retryable(), Some(true));
    }
}
