//! The private `errcat_support` module, emitted once per generated file ahead of the
//! catalogs' modules: the generic machinery every catalog's `Error` shares (see
//! `tokens/mod.rs`, where it is written with `quote!`). It does not depend on the
//! catalogs, so errcat-codegen's build script formats it with prettyplease when the
//! crate is built, and generation only copies the text: formatting it on every run was
//! most of the fixed cost of generating a small catalog.

pub(super) mod perfect_hash;
pub(crate) mod uri;
#[cfg(test)]
mod uri_tests;

use crate::model::Catalog;

/// The formatted support module without the perfect hash.
const PLAIN: &str = include_str!(concat!(env!("OUT_DIR"), "/errcat_support.rs"));

/// The formatted support module with `mod perfect_hash`.
const WITH_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/errcat_support_hash.rs"));

/// The support module's text, or nothing when there are no catalogs. Only catalogs with
/// more keys than a `match` serves look codes up by hash, so only they bring the hash.
pub(super) fn text(catalogs: &[Catalog]) -> &'static str {
    if catalogs.is_empty() {
        return "";
    }
    let hash = catalogs
        .iter()
        .any(|c| c.errors.len() > super::lookup::MATCH_MAX);
    if hash { WITH_HASH } else { PLAIN }
}
