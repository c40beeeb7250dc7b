//! The `Code` enum: one fieldless variant per error, its metadata in static tables indexed
//! by the discriminant (no `match` per accessor, which is what keeps large catalogs quick
//! to compile); the lookups by code, number and title are in [`super::lookup`].

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::{
    error::{deprecated, error_doc},
    fixed::Fixed,
    rows::{Entry, Rows},
    text::Line,
};
use crate::model::Catalog;

/// The `Code` enum, its tables, accessors and lookups.
pub(super) fn emit(catalog: &Catalog, rows: &Rows, open: Option<&TokenStream>) -> TokenStream {
    let count = catalog.errors.len();
    let variants = rows.lines(catalog.errors.iter().map(|e| Entry {
        doc: error_doc(catalog, e).lines().map(str::to_owned).collect(),
        line: deprecated(e).code(&e.variant).code(",").finish(),
        fields: Vec::new(),
    }));
    let all = rows.array_text(
        "Every code, in catalog order.",
        quote! { pub const ALL: [Self; #count] = },
        catalog
            .errors
            .iter()
            .map(|e| Line::new().code("Self::").code(&e.variant).finish()),
    );
    let tables = metadata_tables(catalog, rows);
    let accessors = optional_accessors(catalog, rows);
    let lookups = super::lookup::lookups(catalog, rows);
    // Where codes repeat (unique per group), a code alone names no one `Code`.
    let from_str = (!catalog.codes_per_group).then(|| rows.fixed(Fixed::CodeFromStr));
    let code_accessors = rows.fixed(Fixed::CodeAccessors);
    let display = rows.fixed(Fixed::CodeDisplay);
    let debug = rows.fixed(Fixed::CodeDebugAndUnknown);
    let status = catalog.http.then(|| super::status::accessors(catalog));
    quote! {
        /// The code of each error: a small `Copy` value whose metadata comes from static
        /// tables, with no allocation.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #open
        pub enum Code {
            #variants
        }

        #tables

        impl Code {
            #all

            /// The wire code, e.g. `"not_found"`.
            #[must_use]
            pub const fn as_str(self) -> &'static str { CODES[self as usize] }
            #status
            #code_accessors
            #accessors
            #lookups
        }

        #display
        #from_str
        #debug
    }
}

fn metadata_tables(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let count = catalog.errors.len();
    let errors = &catalog.errors;
    let strings = |doc: &str, name: &str, texts: &mut dyn Iterator<Item = &str>| {
        let name = Ident::new(name, Span::call_site());
        let head = quote! { static #name: [&str; #count] = };
        rows.array_text(
            doc,
            head,
            texts.map(|text| Line::new().string(text).finish()),
        )
    };
    let statuses = catalog.http.then(|| super::status::table(catalog, rows));
    let codes = strings(
        "Each error's wire code, indexed by `Code`.",
        "CODES",
        &mut errors.iter().map(|e| e.code.as_str()),
    );
    let titles = strings(
        "Each error's title, empty where the catalog gives none, indexed by `Code`.",
        "TITLES",
        &mut errors
            .iter()
            .map(|e| e.title.as_deref().unwrap_or_default()),
    );
    // Empty where the catalog gives none (a description it gives is never empty).
    let descriptions = strings(
        "Each error's description, empty where the catalog gives none, indexed by `Code`.",
        "DESCRIPTIONS",
        &mut errors
            .iter()
            .map(|e| e.description.as_deref().unwrap_or_default()),
    );
    // One text per error, solutions apart by NUL (which the checker keeps out of
    // them): one static of strings, not one of slices, which compiles far slower.
    let solutions: Vec<String> = errors.iter().map(|e| e.solutions.join("\0")).collect();
    let solutions = strings(
        "Each error's solutions apart by NUL, indexed by `Code`.",
        "SOLUTIONS",
        &mut solutions.iter().map(String::as_str),
    );
    let anchors = strings(
        "Each error's docs anchor, indexed by `Code`.",
        "ANCHORS",
        &mut errors.iter().map(|e| e.anchor.as_str()),
    );
    let retryable = rows.array_text(
        "Whether each error may be retried (`None`: the catalog states no policy), indexed by `Code`.",
        quote! { static RETRYABLE: [::core::option::Option<bool>; #count] = },
        errors.iter().map(|e| match e.is_retryable() {
            Some(answer) => Line::new()
                .code("::core::option::Option::Some(")
                .boolean(answer)
                .code(")")
                .finish(),
            None => Line::new().code("::core::option::Option::None").finish(),
        }),
    );
    let after = rows.array_text(
        "Each error's `Retry-After` seconds, indexed by `Code`.",
        quote! { static RETRY_AFTER: [::core::option::Option<u32>; #count] = },
        errors
            .iter()
            .map(|e| option(e.retry.default_seconds().map(Literal::u32_suffixed)).finish()),
    );
    quote! { #codes #statuses #titles #descriptions #solutions #anchors #retryable #after }
}

/// `docs_url()` and `number()`, with their tables where the catalog has the data.
fn optional_accessors(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let count = catalog.errors.len();
    let docs_url = if catalog.docs.base_url.is_some() {
        let urls = catalog.errors.iter().filter_map(|e| catalog.docs_url(e));
        let table = rows.array_text(
            "Each error's docs URL, indexed by `Code`.",
            quote! { static DOCS_URLS: [&str; #count] = },
            urls.map(|url| Line::new().string(&url).finish()),
        );
        quote! {
            #table
            ::core::option::Option::Some(DOCS_URLS[self as usize])
        }
    } else {
        quote! { ::core::option::Option::None }
    };
    let allow = if catalog.docs.base_url.is_some() {
        quote! { #[allow(clippy::unnecessary_wraps)] }
    } else {
        quote! { #[allow(clippy::unnecessary_wraps, clippy::unused_self)] }
    };
    let number = if catalog.errors.iter().any(|e| e.number.is_some()) {
        let numbers = rows.array_text(
            "Each error's numeric code, indexed by `Code`.",
            quote! { static NUMBERS: [::core::option::Option<i64>; #count] = },
            catalog
                .errors
                .iter()
                .map(|e| option(e.number.map(Literal::i64_unsuffixed)).finish()),
        );
        quote! {
            /// The error's numeric code, where it has one.
            #[must_use]
            pub const fn number(self) -> ::core::option::Option<i64> {
                #numbers
                NUMBERS[self as usize]
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        /// The URL of the error's section in the published docs, when the catalog
        /// declares where the docs live.
        #[must_use]
        #allow
        pub const fn docs_url(self) -> ::core::option::Option<&'static str> {
            #docs_url
        }
        #number
    }
}

/// `::core::option::Option::Some(value)` or `::core::option::Option::None`.
fn option(value: Option<Literal>) -> Line {
    match value {
        Some(value) => Line::new()
            .code("::core::option::Option::Some(")
            .literal(&value)
            .code(")"),
        None => Line::new().code("::core::option::Option::None"),
    }
}
