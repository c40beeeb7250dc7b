//! Reading a received body back into the typed error: the error is identified by the
//! envelope's code, number or title field (in that order of preference), and its
//! parameters are read from the members the envelope spreads them into or, failing that,
//! recovered from the message by matching its template.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Catalog, FieldSource, Node};

/// Where a value sits in the body.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index,
}

/// What a path leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Field(FieldSource),
    Params,
}

/// `ParseError`, `Error::from_json` and `impl Deserialize for Error`.
pub(super) fn emit(catalog: &Catalog) -> TokenStream {
    let mut paths = Vec::new();
    collect_paths(&catalog.envelope.body, &mut Vec::new(), &mut paths);
    let identify = identify(&paths);
    let build = build(catalog, &paths, &identify);
    quote! {
        /// Why a received body could not be read as an error of this API.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ParseError {
            /// The body names no error of this API.
            UnknownError,
            /// The named parameter is missing or has the wrong type.
            Param(&'static str),
            /// The message does not match the error's message template.
            Message,
        }

        impl ::core::fmt::Display for ParseError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    Self::UnknownError => f.write_str("the body names no known error"),
                    Self::Param(name) => write!(f, "parameter `{name}` is missing or malformed"),
                    Self::Message => f.write_str("the message does not match the error's template"),
                }
            }
        }

        impl ::std::error::Error for ParseError {}

        impl Error {
            /// Reads a received wire body back into the typed error.
            ///
            /// # Errors
            /// When the body names no error of this API or a parameter cannot be read.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                #build
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Error {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let body = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_json(&body).map_err(::serde::de::Error::custom)
            }
        }
    }
}

fn collect_paths(node: &Node, prefix: &mut Vec<Step>, out: &mut Vec<(Target, Vec<Step>)>) {
    match node {
        Node::Field { from, .. } => out.push((Target::Field(*from), prefix.clone())),
        Node::Const { .. } => {}
        Node::Object { fields, params, .. } => {
            if *params {
                out.push((Target::Params, prefix.clone()));
            }
            for (name, child) in fields {
                prefix.push(Step::Key(name.clone()));
                collect_paths(child, prefix, out);
                prefix.pop();
            }
        }
        Node::Array { items, .. } => {
            prefix.push(Step::Index);
            collect_paths(items, prefix, out);
            prefix.pop();
        }
    }
}

fn find(paths: &[(Target, Vec<Step>)], target: Target) -> Option<&[Step]> {
    paths
        .iter()
        .find(|(t, _)| *t == target)
        .map(|(_, p)| p.as_slice())
}

/// `Option<&Value>` at `path` of `body`.
fn lookup(path: &[Step]) -> TokenStream {
    let steps = path.iter().map(|step| match step {
        Step::Key(key) => quote! { .and_then(|v| v.get(#key)) },
        Step::Index => quote! { .and_then(|v| v.get(0)) },
    });
    quote! { ::core::option::Option::Some(body) #(#steps)* }
}

/// An expression giving the `Code`, or returning `ParseError::UnknownError`.
fn identify(paths: &[(Target, Vec<Step>)]) -> TokenStream {
    let mut tries = Vec::new();
    if let Some(path) = find(paths, Target::Field(FieldSource::Code)) {
        let at = lookup(path);
        tries.push(quote! { #at.and_then(::serde_json::Value::as_str).and_then(Code::from_code) });
    }
    if let Some(path) = find(paths, Target::Field(FieldSource::Number)) {
        let at = lookup(path);
        tries
            .push(quote! { #at.and_then(::serde_json::Value::as_i64).and_then(Code::from_number) });
    }
    // Titles identify only when nothing else does (then they are unique).
    if let (true, Some(path)) = (
        tries.is_empty(),
        find(paths, Target::Field(FieldSource::Title)),
    ) {
        let at = lookup(path);
        tries.push(quote! { #at.and_then(::serde_json::Value::as_str).and_then(Code::from_title) });
    }
    let (first, rest) = tries.split_first().map_or_else(
        || (quote! { ::core::option::Option::<Code>::None }, &[][..]),
        |(first, rest)| (first.clone(), rest),
    );
    quote! {
        #first #(.or_else(|| #rest))* .ok_or(ParseError::UnknownError)?
    }
}

/// The body of `from_json`: identify the error, then fill a blank of it with the
/// parameters read from `body`, by the support module's generic functions.
fn build(catalog: &Catalog, paths: &[(Target, Vec<Step>)], identify: &TokenStream) -> TokenStream {
    if catalog.errors.iter().all(|e| e.params.is_empty()) {
        return quote! { let code = #identify; Ok(Self::example(code)) };
    }
    let fill = if let Some(path) = find(paths, Target::Params) {
        let at = lookup(path);
        quote! {
            super::errcat_support::fill_members(spec, error.params_mut(), #at)
                .map_err(ParseError::Param)?;
        }
    } else {
        let path = find(paths, Target::Field(FieldSource::Message)).unwrap_or_default();
        let at = lookup(path);
        quote! {
            let message = #at.and_then(::serde_json::Value::as_str);
            super::errcat_support::fill_message(spec, error.params_mut(), message).map_err(
                |error| match error {
                    super::errcat_support::MessageError::Mismatch => ParseError::Message,
                    super::errcat_support::MessageError::Param(key) => ParseError::Param(key),
                },
            )?;
        }
    };
    quote! {
        let code = #identify;
        let spec = SPECS[code as usize];
        let mut error = Self::blank(code);
        #fill
        Ok(error)
    }
}
