//! The baseline crate's source: the same errors as a hand-written-style
//! `#[derive(thiserror::Error)]` enum with one big `match` per accessor, built with
//! `quote!` from the same validated catalog the generator compiles.

use errcat_codegen::Catalog;
use errcat_codegen::model::{ErrorDef, Param, ParamType, Piece};
use proc_macro2::TokenStream;

use crate::arms::arms;
use quote::{format_ident, quote};

/// The whole `src/lib.rs` of the baseline crate.
#[allow(dead_code)] // each bench binary that includes this module uses one of the two
pub(crate) fn source(catalog: &Catalog) -> String {
    source_with(catalog, Wire::Absent)
}

/// Whether the baseline also carries the JSON wire body, as a hand-written module that
/// serves and parses the errors would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // the compile-time bench uses only `Absent`
pub(crate) enum Wire {
    /// thiserror alone.
    Absent,
    /// thiserror and serde: the enum derives `Serialize` and `Deserialize`, tagged by
    /// its code, and `body()` gives the `{code, status, message}` body.
    Serde,
}

/// The baseline crate's `src/lib.rs`, with or without the wire body.
pub(crate) fn source_with(catalog: &Catalog, wire: Wire) -> String {
    let errors = &catalog.errors;
    let variants = errors.iter().map(|e| variant(e, wire));
    let serde = (wire == Wire::Serde).then(|| {
        quote! {
            #[derive(::serde::Serialize, ::serde::Deserialize)]
            #[serde(tag = "code")]
        }
    });
    let body = (wire == Wire::Serde).then(body_items);
    let code_arms = arms(errors, |e| {
        let code = &e.code;
        quote! { #code }
    });
    let status_arms = arms(errors, |e| {
        let status = e.status;
        quote! { #status }
    });
    let title_arms = arms(errors, |e| {
        let title = &e.title;
        quote! { #title }
    });
    let file = quote! {
        #![doc = " Hand-written-style thiserror baseline of the compile-time benchmark."]

        #[doc = " Every error this API returns, one variant per code."]
        #[derive(Debug, Clone, PartialEq, Eq, ::thiserror::Error)]
        #serde
        pub enum Error {
            #(#variants)*
        }

        impl Error {
            #[doc = " The wire code."]
            #[must_use]
            pub const fn code(&self) -> &'static str {
                match self { #(#code_arms)* }
            }
            #[doc = " The HTTP status code."]
            #[must_use]
            pub const fn status(&self) -> u16 {
                match self { #(#status_arms)* }
            }
            #[doc = " The short title."]
            #[must_use]
            pub const fn title(&self) -> &'static str {
                match self { #(#title_arms)* }
            }
        }
    };
    let file = quote! { #file #body };
    let parsed = syn::parse2::<syn::File>(file).expect("the baseline is valid Rust");
    prettyplease::unparse(&parsed)
}

/// The wire body and its builder, for [`Wire::Serde`].
fn body_items() -> TokenStream {
    quote! {
        #[doc = " The JSON body an error is sent as."]
        #[derive(Debug, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Body {
            #[doc = " The wire code."]
            pub code: String,
            #[doc = " The HTTP status code."]
            pub status: u16,
            #[doc = " The message."]
            pub message: String,
        }

        impl Error {
            #[doc = " The body this error is sent as."]
            #[must_use]
            pub fn body(&self) -> Body {
                Body {
                    code: self.code().to_owned(),
                    status: self.status(),
                    message: self.to_string(),
                }
            }
        }
    }
}

/// A variant with its doc, its `#[error(...)]` message and its typed fields.
fn variant(error: &ErrorDef, wire: Wire) -> TokenStream {
    let name = format_ident!("{}", error.variant);
    let title = error.title.as_deref().unwrap_or(&error.code);
    let doc = match &error.description {
        Some(description) => format!(" {title}: {description}"),
        None => format!(" {title}"),
    };
    let (format, args) = message_format(error);
    let fields = error.params.iter().map(|p| {
        let ident = format_ident!("{}", p.ident);
        let ty = field_type(p);
        let doc = format!(" The `{}` parameter.", p.name);
        quote! { #[doc = #doc] #ident: #ty, }
    });
    let body = if error.params.is_empty() {
        quote! {}
    } else {
        quote! { { #(#fields)* } }
    };
    let rename = (wire == Wire::Serde).then(|| {
        let code = &error.code;
        quote! { #[serde(rename = #code)] }
    });
    quote! {
        #[doc = #doc]
        #[error(#format #(, #args)*)]
        #rename
        #name #body,
    }
}

/// The format string and extra arguments of the message: plain parameters inline as
/// `{name}`, lists joined with `, ` and absent optional ones as nothing.
fn message_format(error: &ErrorDef) -> (String, Vec<TokenStream>) {
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in &error.message.pieces {
        match piece {
            Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Param(index) => {
                let param = &error.params[*index];
                match display_arg(param) {
                    Some(arg) => {
                        format.push_str("{}");
                        args.push(arg);
                    }
                    None => {
                        format.push('{');
                        format.push_str(&param.ident);
                        format.push('}');
                    }
                }
            }
        }
    }
    (format, args)
}

/// The thiserror argument for a parameter that is not `Display` itself.
fn display_arg(param: &Param) -> Option<TokenStream> {
    let ident = format_ident!("{}", param.ident);
    let list = param.ty.is_string_list();
    match (&param.ty, param.optional) {
        (_, false) if list => Some(quote! { .#ident.join(", ") }),
        (_, true) if list => {
            Some(quote! { .#ident.as_deref().map(|v| v.join(", ")).unwrap_or_default() })
        }
        (ParamType::String, true) => Some(quote! { .#ident.as_deref().unwrap_or_default() }),
        (_, true) => Some(quote! { .#ident.map(|v| v.to_string()).unwrap_or_default() }),
        (_, false) => None,
    }
}

fn field_type(param: &Param) -> TokenStream {
    // The synthesised catalogs use only these types.
    let base = match &param.ty {
        ParamType::Integer => quote! { i64 },
        ParamType::Boolean => quote! { bool },
        ty if ty.is_string_list() => quote! { Vec<String> },
        _ => quote! { String },
    };
    if param.optional {
        quote! { Option<#base> }
    } else {
        base
    }
}
