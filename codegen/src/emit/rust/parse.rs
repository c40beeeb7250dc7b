//! Reading a received body back into the typed error: the error is identified by the
//! envelope's code, number or title field (in that order of preference), and its
//! parameters are read from the members the envelope spreads them into or, failing that,
//! recovered from the message by matching its template.

use proc_macro2::TokenStream;
use quote::quote;

use super::{field_ident, variant_ident};
use crate::model::{Catalog, ErrorDef, FieldSource, Node, Param, ParamType, Piece};

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

/// The private helpers every catalog's parser shares, emitted once per file.
pub(super) fn support_module(catalogs: &[Catalog]) -> TokenStream {
    if catalogs.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// Helpers the generated parsers share.
        #[allow(dead_code, clippy::unnecessary_wraps)]
        mod errcat_support {
            /// A piece of a message template.
            pub(crate) enum Piece {
                /// Literal text.
                Text(&'static str),
                /// The parameter at this index.
                Param(usize),
            }

            /// The text each parameter took in `message`, if it matches the template.
            pub(crate) fn captures<'a>(
                pieces: &[Piece],
                params: usize,
                message: ::core::option::Option<&'a str>,
            ) -> ::core::option::Option<::std::vec::Vec<::core::option::Option<&'a str>>> {
                let mut found = ::std::vec![::core::option::Option::None; params];
                matches(pieces, message?, &mut found).then_some(found)
            }

            /// A captured text, unless it is empty (an absent optional parameter).
            pub(crate) fn non_empty(text: ::core::option::Option<&str>) -> ::core::option::Option<&str> {
                text.filter(|text| !text.is_empty())
            }

            /// The member `key` of an object, if any.
            pub(crate) fn member<'a>(
                object: ::core::option::Option<&'a ::serde_json::Value>,
                key: &str,
            ) -> ::core::option::Option<&'a ::serde_json::Value> {
                object?.get(key)
            }

            fn matches<'a>(
                pieces: &[Piece],
                text: &'a str,
                found: &mut [::core::option::Option<&'a str>],
            ) -> bool {
                match pieces.split_first() {
                    None => text.is_empty(),
                    Some((Piece::Text(literal), rest)) => text
                        .strip_prefix(literal)
                        .is_some_and(|after| matches(rest, after, found)),
                    Some((Piece::Param(index), rest)) => {
                        if let Some(earlier) = found[*index] {
                            return text
                                .strip_prefix(earlier)
                                .is_some_and(|after| matches(rest, after, found));
                        }
                        for end in (0..=text.len()).filter(|end| text.is_char_boundary(*end)) {
                            found[*index] = ::core::option::Option::Some(&text[..end]);
                            if matches(rest, &text[end..], found) {
                                return true;
                            }
                        }
                        found[*index] = ::core::option::Option::None;
                        false
                    }
                }
            }

            pub(crate) fn text_string(text: &str) -> ::core::option::Option<::std::string::String> {
                ::core::option::Option::Some(text.to_owned())
            }
            pub(crate) fn text_integer(text: &str) -> ::core::option::Option<i64> {
                text.parse().ok()
            }
            pub(crate) fn text_boolean(text: &str) -> ::core::option::Option<bool> {
                text.parse().ok()
            }
            pub(crate) fn text_list(text: &str) -> ::core::option::Option<::std::vec::Vec<::std::string::String>> {
                ::core::option::Option::Some(if text.is_empty() {
                    ::std::vec::Vec::new()
                } else {
                    text.split(", ").map(::std::borrow::ToOwned::to_owned).collect()
                })
            }
            pub(crate) fn json_string(value: &::serde_json::Value) -> ::core::option::Option<::std::string::String> {
                value.as_str().map(::std::borrow::ToOwned::to_owned)
            }
            pub(crate) fn json_integer(value: &::serde_json::Value) -> ::core::option::Option<i64> {
                value.as_i64()
            }
            pub(crate) fn json_boolean(value: &::serde_json::Value) -> ::core::option::Option<bool> {
                value.as_bool()
            }
            pub(crate) fn json_list(value: &::serde_json::Value) -> ::core::option::Option<::std::vec::Vec<::std::string::String>> {
                value.as_array()?.iter().map(json_string).collect()
            }
        }
    }
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

/// The body of `from_json`: identify the error, then read its parameters from `body`.
fn build(catalog: &Catalog, paths: &[(Target, Vec<Step>)], identify: &TokenStream) -> TokenStream {
    if catalog.errors.iter().all(|e| e.params.is_empty()) {
        return quote! { let code = #identify; Ok(Self::example(code)) };
    }
    let (source, from_members) = if let Some(path) = find(paths, Target::Params) {
        let at = lookup(path);
        (quote! { let members = #at; }, true)
    } else {
        let path = find(paths, Target::Field(FieldSource::Message)).unwrap_or_default();
        let at = lookup(path);
        (
            quote! { let message = #at.and_then(::serde_json::Value::as_str); },
            false,
        )
    };
    let count = catalog.errors.len();
    let parsers = catalog.errors.iter().map(|e| {
        let name = variant_ident(&e.variant);
        if e.params.is_empty() {
            quote! { |_| Ok(Error::#name) }
        } else if from_members {
            members_parser(e)
        } else {
            message_parser(e)
        }
    });
    let input = if from_members {
        quote! { ::core::option::Option<&::serde_json::Value> }
    } else {
        quote! { ::core::option::Option<&str> }
    };
    let argument = if from_members {
        quote! { members }
    } else {
        quote! { message }
    };
    quote! {
        /// Reads one error's parameters.
        type ParseFn = fn(#input) -> ::core::result::Result<Error, ParseError>;
        /// Each error's parameter reader, indexed by `Code`: small functions rather
        /// than one large `match`, which compiles slowly in large catalogs.
        static PARSERS: [ParseFn; #count] = [#(#parsers),*];
        let code = #identify;
        #source
        PARSERS[code as usize](#argument)
    }
}

fn members_parser(error: &ErrorDef) -> TokenStream {
    let name = variant_ident(&error.variant);
    let fields = error.params.iter().map(|p| {
        let ident = field_ident(p);
        let key = &p.name;
        let convert = converter(p, "json");
        let required = required(p);
        quote! { #ident: super::errcat_support::member(members, #key).and_then(#convert) #required, }
    });
    quote! { |members| Ok(Error::#name { #(#fields)* }) }
}

fn message_parser(error: &ErrorDef) -> TokenStream {
    let name = variant_ident(&error.variant);
    let count = error.params.len();
    let pieces = error.message.pieces.iter().map(|piece| match piece {
        Piece::Text(text) => quote! { super::errcat_support::Piece::Text(#text) },
        Piece::Param(index) => quote! { super::errcat_support::Piece::Param(#index) },
    });
    let fields = error.params.iter().enumerate().map(|(index, p)| {
        let ident = field_ident(p);
        let convert = converter(p, "text");
        let value = if p.optional {
            quote! { super::errcat_support::non_empty(found[#index]).and_then(#convert) }
        } else {
            quote! { found[#index].and_then(#convert) }
        };
        let required = required(p);
        quote! { #ident: #value #required, }
    });
    quote! {
        |message| {
            let found = super::errcat_support::captures(&[#(#pieces),*], #count, message)
                .ok_or(ParseError::Message)?;
            Ok(Error::#name { #(#fields)* })
        }
    }
}

/// `.ok_or(ParseError::Param(..))?` for a required parameter, nothing for an optional one.
fn required(param: &Param) -> Option<TokenStream> {
    let key = &param.name;
    (!param.optional).then(|| quote! { .ok_or(ParseError::Param(#key))? })
}

/// The support helper converting a JSON member or message text to the parameter's type.
fn converter(param: &Param, from: &str) -> TokenStream {
    let ty = match param.ty {
        ParamType::String => "string",
        ParamType::Integer => "integer",
        ParamType::Boolean => "boolean",
        ParamType::StringList => "list",
    };
    let helper = quote::format_ident!("{from}_{ty}");
    quote! { super::errcat_support::#helper }
}
