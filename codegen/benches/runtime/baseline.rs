//! The hand-written baseline of the runtime benchmark: what a developer would write for
//! a catalog of parameterless errors (one `match` per accessor and for the lookup, a
//! `#[derive(Serialize)]` body struct), built with `quote!` from the validated catalog.

use errcat_codegen::Catalog;
use errcat_codegen::model::{ErrorDef, Piece};
use proc_macro2::TokenStream;

use crate::arms::arms;
use quote::{format_ident, quote};

/// The module `hand`, holding the baseline of `catalog` (whose errors have no
/// parameters, as the Retrac API's do).
pub(crate) fn module(catalog: &Catalog) -> TokenStream {
    let errors = &catalog.errors;
    let variants = errors.iter().map(|e| format_ident!("{}", e.variant));
    let lookup_arms = errors.iter().map(|e| {
        let (code, name) = (&e.code, format_ident!("{}", e.variant));
        quote! { #code => ::core::option::Option::Some(Self::#name), }
    });
    let code_arms = arms(errors, |e| {
        let code = &e.code;
        quote! { #code }
    });
    let status_arms = arms(errors, |e| {
        let status = e.status;
        quote! { #status }
    });
    let message_arms = arms(errors, |e| {
        let message = message(e);
        quote! { #message }
    });
    quote! {
        /// The hand-written baseline.
        pub mod hand {
            /// Every error, one variant per code.
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub enum Error { #(#variants,)* }

            /// The JSON body, as a hand-written serde struct.
            #[derive(::serde::Serialize)]
            pub struct Body {
                /// The wire code.
                pub code: &'static str,
                /// The message.
                pub message: &'static str,
            }

            impl Error {
                /// The error with this wire code.
                #[must_use]
                pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                    match code { #(#lookup_arms)* _ => ::core::option::Option::None }
                }
                /// The wire code.
                #[must_use]
                pub const fn code(self) -> &'static str { match self { #(#code_arms)* } }
                /// The HTTP status.
                #[must_use]
                pub const fn status(self) -> u16 { match self { #(#status_arms)* } }
                /// The message.
                #[must_use]
                pub const fn message(self) -> &'static str { match self { #(#message_arms)* } }
                /// The body.
                #[must_use]
                pub const fn body(self) -> Body {
                    Body { code: self.code(), message: self.message() }
                }
            }
        }
    }
}

/// The message of a parameterless error: its template's text.
fn message(error: &ErrorDef) -> String {
    let pieces = error.message.pieces.iter();
    pieces
        .map(|piece| match piece {
            Piece::Text(text) => text.as_str(),
            Piece::Param(_) => panic!("the baseline takes errors without parameters"),
        })
        .collect()
}
