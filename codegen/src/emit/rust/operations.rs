//! Errors per operation: for each operation of the catalog, an enum holding exactly the
//! errors it returns (`CreateInviteError`), whose variants mirror `Error`'s, with the
//! same names, fields, field types and docs. A handler declared to return it cannot
//! return another code: the variant does not exist. `From` and `TryFrom` convert to and
//! from `Error`; the accessors and traits delegate to `Code` and the support module
//! (see `operation_traits.rs`). Catalogs without operations get nothing.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{RustOptions, doc_lines, field_ident, field_type, operation_traits, variant_ident};
use crate::emit::commonmark;
use crate::model::{Catalog, ErrorDef, Operation};

/// One operation as the emitter sees it: its model, its errors and its enum's name.
pub(super) struct Op<'a> {
    /// The catalog.
    pub catalog: &'a Catalog,
    /// The operation.
    pub operation: &'a Operation,
    /// Its errors, in catalog order.
    pub errors: Vec<&'a ErrorDef>,
    /// The ident of its enum.
    pub name: Ident,
}

impl Op<'_> {
    /// `match <scrutinee> { arms }`, or `match *self {}` for an operation that returns
    /// no error (its enum is uninhabited, and a `&` of it is not matched by no arm).
    pub(super) fn matching(&self, scrutinee: TokenStream, arms: &[TokenStream]) -> TokenStream {
        if self.errors.is_empty() {
            quote! { match *self {} }
        } else {
            quote! { match #scrutinee { #(#arms)* } }
        }
    }
}

/// Every operation's enum and impls; nothing for a catalog without operations.
/// `glue`: the HTTP glue options (none for errors that are no HTTP responses); `open`:
/// `#[non_exhaustive]`, where the options ask for it.
pub(super) fn emit(
    catalog: &Catalog,
    glue: RustOptions,
    open: Option<&TokenStream>,
) -> TokenStream {
    let items = catalog.operations.iter().map(|operation| {
        let op = Op {
            catalog,
            operation,
            errors: operation
                .errors
                .iter()
                .map(|&i| &catalog.errors[i])
                .collect(),
            name: Ident::new(&operation.variant, Span::call_site()),
        };
        let definition = definition(&op, open);
        let accessors = accessors(&op);
        let conversions = conversions(&op);
        let traits = operation_traits::emit(&op, glue);
        quote! { #definition #accessors #conversions #traits }
    });
    let single = catalog.envelope.body.many_items().is_none();
    let fallback = (!catalog.operations.is_empty() && single && catalog.http).then(|| {
        quote! {
            /// A body read for one operation (`CreateInviteError::received`): its error,
            /// or the body as received where it holds none of that operation's errors.
            #[derive(Debug, Clone, PartialEq)]
            pub enum ForOperation<E> {
                /// An error the operation returns.
                Returned(E),
                /// An error of another operation, or a code this build does not know.
                Other(Received),
            }
        }
    });
    quote! { #(#items)* #fallback }
}

/// The enum: one variant per error the operation returns, as `Error`'s.
fn definition(op: &Op<'_>, open: Option<&TokenStream>) -> TokenStream {
    let doc = doc_lines(&enum_doc(op.operation));
    let name = &op.name;
    let variants = op.errors.iter().map(|error| {
        let doc = doc_lines(&super::error::error_doc(op.catalog, error));
        let deprecated = error
            .deprecation_note()
            .map(|note| quote! { #[deprecated(note = #note)] });
        let variant = variant_ident(&error.variant);
        if error.params.is_empty() {
            return quote! { #doc #deprecated #variant, };
        }
        let fields = error.params.iter().map(|p| {
            let doc = doc_lines(&super::error::param_doc(p));
            let (field, ty) = (field_ident(p), field_type(p));
            quote! { #doc #field: #ty, }
        });
        quote! { #doc #deprecated #variant { #(#fields)* }, }
    });
    quote! {
        #doc
        // The variants are the catalog's codes, which may share a prefix or end in
        // `Error`.
        #[allow(clippy::enum_variant_names)]
        #open
        #[derive(Clone)]
        pub enum #name {
            #(#variants)*
        }
    }
}

/// The enum's docs: the operation, its route and summary, and what the enum is for.
fn enum_doc(operation: &Operation) -> String {
    let route = match (&operation.method, &operation.path) {
        (Some(method), Some(path)) => format!(
            " ({})",
            commonmark::code_span(&format!("{} {path}", method.to_ascii_uppercase()))
        ),
        _ => String::new(),
    };
    let mut doc = format!(
        "The errors operation {}{route} returns.",
        commonmark::code_span(&operation.id)
    );
    if let Some(summary) = &operation.summary {
        let end = if summary.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        doc.push_str(&format!("\n\n{}{end}", commonmark::inline(summary)));
    }
    doc.push_str(
        "\n\nOne variant per error, with the same name and fields as [`Error`]'s, so a\n\
         handler declared to return this type cannot return another code.\n\
         `Error::from` converts it to the catalog's error, `try_from` back.",
    );
    doc
}

/// `CODES`, `kind()`, `code()`, the status accessors and `params()`.
fn accessors(op: &Op<'_>) -> TokenStream {
    let name = &op.name;
    let codes = op.errors.iter().map(|e| variant_ident(&e.variant));
    let kinds: Vec<TokenStream> = op
        .errors
        .iter()
        .map(|e| {
            let variant = variant_ident(&e.variant);
            quote! { Self::#variant { .. } => Code::#variant, }
        })
        .collect();
    let kind = op.matching(quote! { self }, &kinds);
    let status = op.catalog.http.then(|| {
        let ty = if op.catalog.has_open_statuses() {
            quote! { ::core::option::Option<u16> }
        } else {
            quote! { u16 }
        };
        // With a required context member an error alone is no response: no `Delayed`.
        let delayed = (!op.catalog.requires_context()).then(|| {
            quote! {
                /// This error with a `Retry-After` of `seconds` for one response, as
                /// [`Error::with_retry_after`].
                #[must_use]
                pub fn with_retry_after(self, seconds: u32) -> Delayed {
                    Error::from(self).with_retry_after(seconds)
                }
            }
        });
        quote! {
            /// The HTTP status code, as [`Error::status`] gives it.
            #[must_use]
            pub const fn status(&self) -> #ty { self.kind().status() }

            #delayed
        }
    });
    let width = op.errors.iter().map(|e| e.params.len()).max().unwrap_or(0);
    let length = proc_macro2::Literal::usize_unsuffixed(width);
    let lent: Vec<TokenStream> = super::params::same_fields_of(op.errors.iter().copied())
        .iter()
        .map(|group| super::params::lend(group, width, false))
        .collect();
    let params = op.matching(quote! { self }, &lent);
    // An uninhabited enum's `self.clone()` would be an unreachable expression.
    let to_error = if op.errors.is_empty() {
        quote! { match *self {} }
    } else {
        quote! { Error::from(self.clone()) }
    };
    quote! {
        impl #name {
            /// Every code this operation returns, in catalog order.
            pub const CODES: &'static [Code] = &[#(Code::#codes),*];

            /// This error's code, which carries all per-code metadata.
            #[must_use]
            pub const fn kind(&self) -> Code { #kind }

            /// The wire code, e.g. `"not_found"`.
            #[must_use]
            pub const fn code(&self) -> &'static str { self.kind().as_str() }

            #status

            /// The error's parameters, borrowed, in catalog order (as `Error`'s).
            fn params(&self) -> [support::Arg<'_>; #length] { #params }

            /// The catalog's error of the same code, with a copy of the fields
            /// (`Error::from` takes the error instead, without copying).
            #[must_use]
            pub fn to_error(&self) -> Error { #to_error }
        }
    }
}

/// `From<op> for Error`, `TryFrom<Error> for op` and `From<&op> for Code`.
fn conversions(op: &Op<'_>) -> TokenStream {
    let name = &op.name;
    let (to, from): (Vec<TokenStream>, Vec<TokenStream>) = op
        .errors
        .iter()
        .map(|error| {
            let variant = variant_ident(&error.variant);
            let fields: Vec<Ident> = error.params.iter().map(field_ident).collect();
            let pattern = if fields.is_empty() {
                quote! { #variant }
            } else {
                quote! { #variant { #(#fields),* } }
            };
            (
                quote! { #name::#pattern => Self::#pattern, },
                quote! { Error::#pattern => ::core::result::Result::Ok(Self::#pattern), },
            )
        })
        .unzip();
    let into_error = if op.errors.is_empty() {
        quote! { match error {} }
    } else {
        quote! { match error { #(#to)* } }
    };
    // No `_` arm where the operation returns every error: it would be unreachable.
    let try_from = if op.errors.is_empty() {
        quote! { ::core::result::Result::Err(error) }
    } else if op.errors.len() == op.catalog.errors.len() {
        quote! { match error { #(#from)* } }
    } else {
        quote! { match error { #(#from)* other => ::core::result::Result::Err(other), } }
    };
    quote! {
        impl ::core::convert::From<#name> for Error {
            /// The catalog's error of the same code, with the same fields.
            fn from(error: #name) -> Self { #into_error }
        }

        impl ::core::convert::TryFrom<Error> for #name {
            type Error = Error;

            /// The operation's error of the same code; the error itself, given back,
            /// when the operation does not return its code.
            fn try_from(error: Error) -> ::core::result::Result<Self, Error> { #try_from }
        }

        impl ::core::convert::From<&#name> for Code {
            fn from(error: &#name) -> Self { error.kind() }
        }
    }
}
