//! The `Error` enum: one variant per code with typed parameter fields, documented from the
//! catalog; `kind()` maps it to its `Code` (the one `match` the accessors share), the
//! accessors delegate to the code's tables, and `Display` renders the message template.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{doc_lines, field_ident, field_type, variant_ident};
use crate::model::{Catalog, ErrorDef, Param, ParamType, Piece, Retry, Value};

/// The `Error` enum and its impls.
pub(super) fn emit(catalog: &Catalog) -> TokenStream {
    let variants = catalog.errors.iter().map(|e| variant(catalog, e));
    let kind_arms = catalog.errors.iter().map(|e| {
        let name = variant_ident(&e.variant);
        quote! { Self::#name { .. } => Code::#name, }
    });
    let count = catalog.errors.len();
    let writers = catalog.errors.iter().map(display_writer);
    let examples = catalog.errors.iter().map(example_fn);
    quote! {
        /// Every error this API returns, one variant per code, with its message
        /// parameters. `Display` renders the message sent in bodies.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum Error {
            #(#variants)*
        }

        impl Error {
            /// This error's code, which carries all per-code metadata.
            #[must_use]
            pub const fn kind(&self) -> Code {
                match self { #(#kind_arms)* }
            }
            /// The wire code, e.g. `"not_found"`.
            #[must_use]
            pub const fn code(&self) -> &'static str { self.kind().as_str() }
            /// The HTTP status code.
            #[must_use]
            pub const fn status(&self) -> u16 { self.kind().status() }
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
            /// Whether a client may retry the request unchanged (after a delay).
            #[must_use]
            pub const fn is_retryable(&self) -> bool { self.kind().is_retryable() }
            /// Seconds to wait before retrying (`Retry-After`), when the catalog says so.
            #[must_use]
            pub const fn retry_after(&self) -> ::core::option::Option<u32> {
                self.kind().retry_after()
            }
            /// The error with the catalog's example parameter values, as the docs show it.
            #[must_use]
            pub fn example(code: Code) -> Self {
                /// Each error's example, indexed by `Code`: small functions rather than
                /// one large `match`, which compiles slowly in large catalogs.
                static EXAMPLES: [fn() -> Error; #count] = [#(#examples),*];
                EXAMPLES[code as usize]()
            }
        }

        impl ::core::convert::From<&Error> for Code {
            fn from(error: &Error) -> Self { error.kind() }
        }

        impl ::core::fmt::Display for Error {
            // Each writer matches its own variant; with one variant the match is irrefutable.
            #[allow(irrefutable_let_patterns)]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                /// Writes one error's message.
                type WriteFn = fn(&Error, &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
                /// Each error's message writer, indexed by `Code`.
                static WRITERS: [WriteFn; #count] = [#(#writers),*];
                WRITERS[self.kind() as usize](self, f)
            }
        }

        impl ::std::error::Error for Error {}
    }
}

/// The docs of an error, shared by its `Code` and `Error` variants.
pub(super) fn error_doc(catalog: &Catalog, error: &ErrorDef) -> String {
    let mut doc = format!(
        "**{}**: HTTP {}, code `{}`.\n\n{}\n\nSolution: {}",
        escape(&error.title),
        error.status,
        error.code,
        escape(&error.description),
        escape(&error.solution)
    );
    if let Some(number) = error.number {
        doc.push_str(&format!("\n\nNumeric code: `{number}`."));
    }
    match error.retry {
        Retry::Never => {}
        Retry::Backoff => doc.push_str("\n\nRetry with exponential backoff."),
        Retry::After(seconds) => {
            doc.push_str(&format!(
                "\n\nRetry after {seconds} seconds (`Retry-After`)."
            ));
        }
    }
    if let Some(reason) = &error.deprecated {
        doc.push_str(&format!("\n\nDeprecated: {}", escape(reason)));
    }
    if let Some(url) = catalog.docs_url(error) {
        doc.push_str(&format!("\n\nDocs: <{url}>"));
    }
    doc
}

/// Catalog prose as Markdown text: characters rustdoc would read as links, HTML or
/// emphasis are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']' | '<' | '>' | '*' | '`' | '_' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn variant(catalog: &Catalog, error: &ErrorDef) -> TokenStream {
    let name = variant_ident(&error.variant);
    let doc = doc_lines(&error_doc(catalog, error));
    if error.params.is_empty() {
        return quote! { #doc #name, };
    }
    let fields = error.params.iter().map(|p| {
        let ident = field_ident(p);
        let ty = field_type(p);
        let doc = doc_lines(&param_doc(p));
        quote! { #doc #ident: #ty, }
    });
    quote! { #doc #name { #(#fields)* }, }
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

/// A non-capturing closure writing the message of `error`'s variant.
fn display_writer(error: &ErrorDef) -> TokenStream {
    if error.params.is_empty() {
        let text: String = error.message.render(&[]);
        return quote! { |_, f| f.write_str(#text) };
    }
    let name = variant_ident(&error.variant);
    let bindings = error.params.iter().enumerate().map(|(i, p)| {
        let field = field_ident(p);
        let local = binding(i);
        quote! { #field: #local }
    });
    let writes = error.message.pieces.iter().map(|piece| match piece {
        Piece::Text(text) => quote! { f.write_str(#text)?; },
        Piece::Param(index) => write_param(&error.params[*index], &binding(*index)),
    });
    quote! {
        |error, f| {
            if let Error::#name { #(#bindings,)* } = error { #(#writes)* }
            Ok(())
        }
    }
}

/// The local a parameter is bound to in `Display`: numbered, so no parameter name can
/// clash with the formatter `f` or with another local.
fn binding(index: usize) -> Ident {
    format_ident!("value_{index}")
}

fn write_param(param: &Param, local: &Ident) -> TokenStream {
    let write_one = |value: TokenStream| match param.ty {
        ParamType::StringList => quote! {
            for (i, item) in #value.iter().enumerate() {
                if i > 0 { f.write_str(", ")?; }
                f.write_str(item)?;
            }
        },
        _ => quote! { ::core::fmt::Display::fmt(#value, f)?; },
    };
    if param.optional {
        let write = write_one(quote! { value });
        quote! { if let Some(value) = #local { #write } }
    } else {
        write_one(quote! { #local })
    }
}

/// A non-capturing closure making `error`'s variant with the example values.
fn example_fn(error: &ErrorDef) -> TokenStream {
    let name = variant_ident(&error.variant);
    if error.params.is_empty() {
        return quote! { || Error::#name };
    }
    let fields = error.params.iter().map(|p| {
        let ident = field_ident(p);
        let value = value_tokens(&p.example, p.optional);
        quote! { #ident: #value, }
    });
    quote! { || Error::#name { #(#fields)* } }
}

/// A parameter value as a Rust expression of the field's type.
fn value_tokens(value: &Value, optional: bool) -> TokenStream {
    let plain = match value {
        Value::String(s) => quote! { ::std::string::String::from(#s) },
        Value::Integer(i) => quote! { #i },
        Value::Boolean(b) => quote! { #b },
        Value::StringList(items) => {
            quote! { ::std::vec![#(::std::string::String::from(#items)),*] }
        }
        Value::Absent => return quote! { ::core::option::Option::None },
    };
    if optional {
        quote! { ::core::option::Option::Some(#plain) }
    } else {
        plain
    }
}
