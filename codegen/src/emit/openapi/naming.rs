//! Component names, all starting with the catalog's prefix and saying `Error` once
//! (`names::component_stem`, `names::error_schema_suffix`). The names and references
//! of the per-code schemas are made once per catalog and borrowed by every document.

use std::collections::BTreeSet;

use super::doc::{Doc, Obj};
use crate::model::{Catalog, ErrorDef};
use crate::names;

/// The component names of one catalog.
pub(crate) struct Names {
    /// The prefix with `Error`: `RetracError`.
    stem: String,
    /// Per error of the catalog, in order: its schema's name, `RetracNotFoundError`.
    per_code: Vec<String>,
    /// Per error of the catalog, in order: the reference text to its schema.
    per_code_ref: Vec<String>,
    /// The address of the catalog's first error, from which [`Names::index`] finds an
    /// error's place.
    first: usize,
}

impl Names {
    /// The component names of `catalog`.
    pub(super) fn new(catalog: &Catalog) -> Self {
        let prefix = &catalog.openapi.prefix;
        let variants: BTreeSet<&str> = catalog.errors.iter().map(|e| e.variant.as_str()).collect();
        let per_code: Vec<String> = catalog
            .errors
            .iter()
            .map(|error| {
                let suffix = names::error_schema_suffix(&error.variant, |v| variants.contains(v));
                format!("{prefix}{suffix}")
            })
            .collect();
        Self {
            stem: names::component_stem(prefix),
            per_code_ref: per_code.iter().map(|name| schema_ref(name)).collect(),
            per_code,
            first: catalog.errors.as_ptr().addr(),
        }
    }

    /// The place of `error` in the catalog's errors, from its address: every error the
    /// emitter names is an element of that slice (a foreign one panics on the lookup).
    fn index(&self, error: &ErrorDef) -> usize {
        let offset = std::ptr::from_ref(error).addr().wrapping_sub(self.first);
        offset / std::mem::size_of::<ErrorDef>()
    }

    /// The envelope schema: `RetracError`.
    pub(super) fn envelope(&self) -> String {
        self.stem.clone()
    }

    /// The enum of codes: `RetracErrorCode`.
    pub(super) fn code_enum(&self) -> String {
        format!("{}Code", self.stem)
    }

    /// One code's schema: `RetracNotFoundError`; `RetracValidationError` for the variant
    /// `ValidationError`.
    pub(super) fn per_code(&self, error: &ErrorDef) -> &str {
        &self.per_code[self.index(error)]
    }

    /// The reference text to one code's schema.
    pub(super) fn per_code_ref(&self, error: &ErrorDef) -> &str {
        &self.per_code_ref[self.index(error)]
    }

    /// A `$ref` to one code's schema, its text borrowed.
    pub(super) fn per_code_reference(&self, error: &ErrorDef) -> Doc<'_> {
        Doc::Map(Obj::of([("$ref", Doc::str(self.per_code_ref(error)))]))
    }

    /// The response of a status: `RetracError404`.
    pub(super) fn response(&self, status: u16) -> String {
        format!("{}{status}", self.stem)
    }

    /// A `$ref` to a schema.
    pub(super) fn reference<'a>(&self, schema: &str) -> Doc<'a> {
        Doc::Map(Obj::of([("$ref", Doc::from(schema_ref(schema)))]))
    }
}

/// The reference text to a schema of `components.schemas`.
fn schema_ref(schema: &str) -> String {
    format!("#/components/schemas/{schema}")
}
