//! The raw form of a catalog's operations: each route's errors, and the errors every
//! operation may return, as written.

use crate::spanned::Spanned;
use serde::Deserialize;

use crate::raw::{RawScalar, Text};

/// One operation of the API: an id, where it is served, and the errors it returns.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOperation {
    pub id: Text,
    #[serde(default)]
    pub method: Option<Text>,
    #[serde(default)]
    pub path: Option<Text>,
    #[serde(default)]
    pub summary: Option<Text>,
    /// The codes it returns (a number for an error known by its number only).
    #[serde(default)]
    pub errors: Vec<Spanned<RawScalar>>,
    /// Whole groups whose errors (and their subgroups') it returns.
    #[serde(default)]
    pub groups: Vec<Text>,
}

/// The errors every operation may return (authentication, rate limits), declared once.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEveryOperation {
    #[serde(default)]
    pub errors: Vec<Spanned<RawScalar>>,
    #[serde(default)]
    pub groups: Vec<Text>,
}
