//! The `Error` enum: one variant per code with typed parameter fields, documented from the
//! catalog; `kind()` maps it to its `Code` (the one `match` the accessors share), the
//! accessors delegate to the code's tables, and `Display`, `Debug`, equality, hashing and
//! `example()` are generic functions of the support module over `params()`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{
    field_type, print,
    rows::{Entry, Rows},
    text::Line,
};
use crate::model::{Catalog, ErrorDef, Param, Retry};

/// The `Error` enum and its impls.
pub(super) fn emit(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let variants = rows.lines(catalog.errors.iter().map(|e| variant(catalog, e)));
    let status = catalog.http.then(|| {
        quote! {
            /// The HTTP status code.
            #[must_use]
            pub const fn status(&self) -> u16 { self.kind().status() }
        }
    });
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
            /// The short title, e.g. `"Not Found"`.
            #[must_use]
            pub const fn title(&self) -> &'static str { self.kind().title() }
            /// The anchor of the error's section in the docs page.
            #[must_use]
            pub const fn anchor(&self) -> &'static str { self.kind().anchor() }
            /// The URL of the error's section in the published docs, if declared.
            #[must_use]
            pub const fn docs_url(&self) -> ::core::option::Option<&'static str> {
                self.kind().docs_url()
            }
            /// Whether a client may retry the request unchanged (after a delay or with
            /// backoff); `false` where a retry needs a change first.
            #[must_use]
            pub const fn is_retryable(&self) -> bool { self.kind().is_retryable() }
            /// The seconds sent as `Retry-After` by default (`retry: { policy: after }`);
            /// `with_retry_after` gives one response another delay.
            #[must_use]
            pub const fn retry_after(&self) -> ::core::option::Option<u32> {
                self.kind().retry_after()
            }
            /// The error with the catalog's example parameter values, as the docs show it.
            #[must_use]
            pub fn example(code: Code) -> Self {
                let mut error = Self::blank(code);
                support::fill_example(SPECS[code as usize], error.params_mut());
                error
            }
        }

        impl ::core::convert::From<&Error> for Code {
            fn from(error: &Error) -> Self { error.kind() }
        }

        impl ::core::fmt::Display for Error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                support::write_message(self.spec(), &self.params(), f)
            }
        }

        impl ::core::fmt::Debug for Error {
            /// The same text `#[derive(Debug)]` would write.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                support::write_debug(self.spec(), &self.params(), f)
            }
        }

        impl ::core::clone::Clone for Error {
            fn clone(&self) -> Self {
                let mut copy = Self::blank(self.kind());
                support::copy_params(&self.params(), copy.params_mut());
                copy
            }
        }

        impl ::core::cmp::PartialEq for Error {
            fn eq(&self, other: &Self) -> bool {
                self.kind() == other.kind() && self.params() == other.params()
            }
        }

        impl ::core::cmp::Eq for Error {}

        impl ::core::hash::Hash for Error {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                self.kind().hash(state);
                self.params().hash(state);
            }
        }

        impl ::std::error::Error for Error {}
    }
}

/// The docs of an error, shared by its `Code` and `Error` variants.
pub(super) fn error_doc(catalog: &Catalog, error: &ErrorDef) -> String {
    let statuses: Vec<String> = error.statuses().map(|s| s.to_string()).collect();
    let status = if statuses.is_empty() {
        String::new()
    } else {
        format!("HTTP {}, ", statuses.join(" or "))
    };
    let mut doc = format!(
        "**{}**: {status}code `{}`.\n\n{}",
        escape(&error.title),
        error.code,
        escape(&error.description),
    );
    if let Some(explanation) = &error.explanation {
        doc.push_str(&format!("\n\n{}", escape(explanation)));
    }
    for cause in &error.causes {
        doc.push_str(&format!("\n\nCause: {}", escape(cause)));
    }
    if let Some(solutions) = error.solutions_text() {
        doc.push_str(&format!("\n\n{}", escape(&solutions)));
    }
    for link in &error.links {
        doc.push_str(&format!("\n\n{}: <{}>", escape(&link.title), link.url));
    }
    if let Some(number) = error.number {
        doc.push_str(&format!("\n\nNumeric code: `{number}`."));
    }
    match &error.retry {
        Retry::Never => {}
        Retry::Conditional(when) => doc.push_str(&format!(
            "\n\nDo not retry unchanged: retry only {}.",
            escape(when)
        )),
        retry => doc.push_str(&format!("\n\n{}", retry.advice())),
    }
    if let Some(reason) = error.deprecation_note() {
        doc.push_str(&format!("\n\nDeprecated: {}", escape(&reason)));
    }
    if let Some(url) = catalog.docs_url(error) {
        doc.push_str(&format!("\n\nDocs: <{url}>"));
    }
    doc
}

/// The characters [`escape`] escapes.
static MARKUP: [bool; 256] = crate::emit::byte_set(b"\\[]<>*`_#");

/// Catalog prose as Markdown text: characters rustdoc would read as links, HTML or
/// emphasis are escaped.
fn escape(text: &str) -> String {
    if !text.bytes().any(|b| MARKUP[usize::from(b)]) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() && MARKUP[c as usize] {
            out.push('\\');
        }
        out.push(c);
    }
    out
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

fn param_doc(param: &Param) -> String {
    let what = param
        .description
        .as_deref()
        .map_or_else(|| format!("The `{}` parameter.", param.name), escape);
    let example = crate::wire::param_json(&param.example)
        .map(|json| format!("\n\nExample: `{json}`."))
        .unwrap_or_default();
    format!("{what}{example}")
}
