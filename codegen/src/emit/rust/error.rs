//! The `Error` enum: one variant per code with typed parameter fields, documented from the
//! catalog; `kind()` maps it to its `Code` (the one `match` the accessors share), the
//! accessors delegate to the code's tables, and `Display`, `Debug`, equality, hashing and
//! `example()` are generic functions of the support module over `params()`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{
    field_type,
    fixed::Fixed,
    print,
    rows::{Entry, Rows},
    text::Line,
};
use crate::emit::commonmark;
use crate::model::{Catalog, ErrorDef, Param};

/// The `Error` enum and its impls.
/// `open`: `#[non_exhaustive]`, where the options ask for it.
pub(super) fn emit(catalog: &Catalog, rows: &Rows, open: Option<&TokenStream>) -> TokenStream {
    let variants = rows.lines(catalog.errors.iter().map(|e| variant(catalog, e)));
    let status = catalog.http.then(|| {
        if catalog.has_open_statuses() {
            quote! {
                /// The HTTP status code; `None` for an error without a status of its own
                /// (see [`Code::status`]).
                #[must_use]
                pub const fn status(&self) -> ::core::option::Option<u16> { self.kind().status() }
            }
        } else {
            rows.fixed(Fixed::ErrorStatus)
        }
    });
    let accessors = rows.fixed(Fixed::ErrorAccessors);
    let traits = rows.fixed(Fixed::ErrorTraits);
    let kind_arms = rows.arms_text(catalog.errors.iter().map(|e| {
        let name = &e.variant;
        let line = Line::new().code("Self::").code(name);
        line.code(" { .. } => Code::").code(name).code(",").finish()
    }));
    // A code such as `field_error` makes the variant `FieldError`, which clippy's
    // `enum_variant_names` flags in `enum Error`; the name is the catalog's choice.
    let allow = catalog
        .errors
        .iter()
        .any(|e| e.variant.ends_with("Error"))
        .then(|| quote! { #[allow(clippy::enum_variant_names)] });
    quote! {
        /// Every error this API returns, one variant per code, with its message
        /// parameters. `Display` renders the message sent in bodies.
        ///
        /// `Clone` and `Debug` do what derives would; two errors are equal when their
        /// codes and parameters are.
        #allow
        #open
        pub enum Error {
            #variants
        }

        impl Error {
            /// This error's code, which carries all per-code metadata.
            #[must_use]
            pub const fn kind(&self) -> Code {
                match self { #kind_arms }
            }
            /// The wire code, e.g. `"not_found"`.
            #[must_use]
            pub const fn code(&self) -> &'static str { self.kind().as_str() }
            #status
            #accessors
        }

        #traits
    }
}

/// The docs of an error, shared by its `Code` and `Error` variants. Catalog text goes
/// through [`commonmark`], so rustdoc shows it as written and finds no doctest in it.
pub(super) fn error_doc(catalog: &Catalog, error: &ErrorDef) -> String {
    let statuses: Vec<String> = error.statuses().map(|s| s.to_string()).collect();
    let status = match error.open_status {
        Some(crate::model::OpenStatus::Unstated) => "no HTTP status of its own, ".to_owned(),
        Some(open) => format!("HTTP {}, ", open.written()),
        None if statuses.is_empty() => String::new(),
        None => format!("HTTP {}, ", statuses.join(" or ")),
    };
    let title = error
        .title
        .as_deref()
        .map(|title| format!("**{}**: ", commonmark::inline(title)));
    let mut doc = format!(
        "{}{status}code {}.",
        title.unwrap_or_default(),
        commonmark::code_span(&error.code),
    );
    if let Some(description) = &error.description {
        doc.push_str(&format!("\n\n{}", commonmark::block(description)));
    }
    if let Some(explanation) = &error.explanation {
        doc.push_str(&format!("\n\n{}", commonmark::block(explanation)));
    }
    for cause in &error.causes {
        doc.push_str(&format!("\n\nCause: {}", commonmark::inline(cause)));
    }
    if let Some(solutions) = error.solutions_text(commonmark::inline) {
        doc.push_str(&format!("\n\n{solutions}"));
    }
    for link in &error.links {
        doc.push_str(&format!("\n\n{}", commonmark::link(&link.title, &link.url)));
    }
    if let Some(number) = error.number {
        doc.push_str(&format!("\n\nNumeric code: `{number}`."));
    }
    if let Some(advice) = error.retry.advice_with(commonmark::inline) {
        doc.push_str(&format!("\n\n{advice}"));
    }
    if let Some(reason) = error.deprecation_note() {
        doc.push_str(&format!("\n\nDeprecated: {}", commonmark::inline(&reason)));
    }
    if let Some(url) = catalog.docs_url(error) {
        doc.push_str(&format!("\n\nDocs: {}", commonmark::link(&url, &url)));
    }
    doc
}

fn variant(catalog: &Catalog, error: &ErrorDef) -> Entry {
    let doc = lines_of(&error_doc(catalog, error));
    let line = deprecated(error).code(&error.variant);
    if error.params.is_empty() {
        return Entry {
            doc,
            line: line.code(",").finish(),
            fields: Vec::new(),
        };
    }
    let fields = error.params.iter().map(|p| Entry {
        doc: lines_of(&param_doc(p)),
        line: Line::new()
            .code(&p.ident)
            .code(": ")
            .code(&print::line(field_type(p)))
            .code(",")
            .finish(),
        fields: Vec::new(),
    });
    Entry {
        doc,
        line: line.finish(),
        fields: fields.collect(),
    }
}

/// A doc text as its lines.
fn lines_of(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// `#[deprecated]` with the catalog's reason and a space, for a deprecated error's
/// variants, as the start of their line. The generated module allows its own uses, so
/// only code naming the variant is warned.
pub(super) fn deprecated(error: &ErrorDef) -> Line {
    let line = Line::new();
    match error.deprecation_note() {
        Some(reason) => line
            .code("#[deprecated(note = ")
            .string(&reason)
            .code(")] "),
        None => line,
    }
}

/// The docs of a field: its description, else its name, and its example.
pub(super) fn param_doc(param: &Param) -> String {
    let what = param.description.as_deref().map_or_else(
        || format!("The {} parameter.", commonmark::code_span(&param.name)),
        |text| commonmark::block(text).into_owned(),
    );
    let example = crate::wire::param_json(&param.example)
        .map(|json| format!("\n\nExample: {}.", commonmark::code_span(&json.to_string())))
        .unwrap_or_default();
    format!("{what}{example}")
}
