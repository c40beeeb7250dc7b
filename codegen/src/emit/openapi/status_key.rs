//! The statuses OpenAPI responses are keyed by: one status (`404`), or a class
//! (`5XX`, as OpenAPI writes a range) for the errors a catalog sends with any status
//! of it. Errors without a status of their own (`status: none`) have no response.

use std::fmt;

use crate::model::{Catalog, ErrorDef, OpenStatus};

/// The status of one response of `components.responses`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ResponseStatus {
    /// One status: `404`.
    One(u16),
    /// Any status of a class (4 or 5): `5XX`.
    Class(u16),
}

impl ResponseStatus {
    /// Whether `error` is sent with this status.
    pub(super) fn has(self, error: &ErrorDef) -> bool {
        match self {
            Self::One(status) => error.has_status(status),
            Self::Class(class) => error.open_status == Some(OpenStatus::Class(class)),
        }
    }

    /// The order of responses: by status, a class after the statuses of its hundred.
    fn order(self) -> (u16, bool, u16) {
        match self {
            Self::One(status) => (status / 100, false, status),
            Self::Class(class) => (class, true, 0),
        }
    }
}

impl fmt::Display for ResponseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::One(status) => write!(f, "{status}"),
            Self::Class(class) => write!(f, "{class}XX"),
        }
    }
}

/// The statuses the catalog's responses use, in order, each once.
pub(super) fn response_statuses(catalog: &Catalog) -> Vec<ResponseStatus> {
    let mut out: Vec<ResponseStatus> = catalog
        .errors
        .iter()
        .flat_map(|e| {
            let class = match e.open_status {
                Some(OpenStatus::Class(class)) => Some(ResponseStatus::Class(class)),
                _ => None,
            };
            e.statuses().map(ResponseStatus::One).chain(class)
        })
        .collect();
    out.sort_unstable_by_key(|status| status.order());
    out.dedup();
    out
}

/// The statuses one error is listed with, as the OpenAPI status member admits them.
pub(super) fn class_bounds(error: &ErrorDef) -> Option<(u16, u16)> {
    match error.open_status {
        Some(OpenStatus::Class(class)) => Some((class * 100, class * 100 + 99)),
        _ => None,
    }
}
