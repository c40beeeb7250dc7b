//! Component names, all starting with the catalog's prefix and saying `Error` once
//! (`names::component_stem`, `names::error_schema_suffix`). The names and references
//! of the per-code schemas are made once per catalog and borrowed by every document.

use std::collections::{BTreeSet, HashMap};

use crate::emit::doc::{Doc, Obj};
use crate::model::{Catalog, ErrorDef};
use crate::names;

/// The component names of one catalog.
pub(crate) struct Names<'c> {
    /// The prefix with `Error`: `RetracError`.
    stem: String,
    /// The prefix: `Retrac`.
    prefix: String,
    /// Per error of the catalog, in order: its schema's name, `RetracNotFoundError`.
    per_code: Vec<String>,
    /// Per error of the catalog, in order: the reference text to its schema.
    per_code_ref: Vec<String>,
    /// The place of each error in the catalog, by its variant (unique in a catalog the
    /// checker accepted). For lookup only, never iterated.
    places: HashMap<&'c str, usize>,
}

impl<'c> Names<'c> {
    /// The component names of `catalog`.
    pub(super) fn new(catalog: &'c Catalog) -> Self {
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
            prefix: prefix.clone(),
            per_code_ref: per_code.iter().map(|name| schema_ref(name)).collect(),
            per_code,
            places: (catalog.errors.iter().enumerate())
                .map(|(place, error)| (error.variant.as_str(), place))
                .collect(),
        }
    }

    /// The place of `error` in the catalog's errors, found by its variant. Every error
    /// the emitter names is one of the catalog's; another catalog's error with a variant
    /// unknown here would be a bug of the emitter, and takes the first error's names.
    fn index(&self, error: &ErrorDef) -> usize {
        self.places
            .get(error.variant.as_str())
            .copied()
            .unwrap_or(0)
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
    pub(super) fn response(&self, status: super::status_key::ResponseStatus) -> String {
        format!("{}{status}", self.stem)
    }

    /// The response of an operation at a status: `InvitesCreateInviteError409`.
    pub(super) fn operation_response(
        &self,
        variant: &str,
        status: super::status_key::ResponseStatus,
    ) -> String {
        format!("{}{variant}{status}", self.prefix)
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
