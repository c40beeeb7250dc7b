//! One `match` arm per error, shared by the benchmarks' hand-written baselines.

use errcat_codegen::model::ErrorDef;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `Self::Variant { .. } => value,` for each error (the pattern fits unit and struct
/// variants alike).
pub(crate) fn arms(
    errors: &[ErrorDef],
    value: impl Fn(&ErrorDef) -> TokenStream,
) -> Vec<TokenStream> {
    errors
        .iter()
        .map(|e| {
            let name = format_ident!("{}", e.variant);
            let value = value(e);
            quote! { Self::#name { .. } => #value, }
        })
        .collect()
}
