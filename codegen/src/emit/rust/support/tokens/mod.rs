//! The tokens of the private `errcat_support` module: the generic machinery every
//! catalog's `Error` shares. Each `Error` exposes its parameters as an array of borrowed
//! `Arg`s (or mutable `Slot`s) through one `match`; everything else (the message,
//! `Debug`, equality, hashing, the wire members, parsing, examples) is one function here
//! reading per-code data from static tables. Per-code functions are what make large
//! catalogs slow to compile, so there are as few as possible.
//!
//! The module is the same for every catalog, so errcat-codegen's build script formats it
//! once with prettyplease (both forms: with and without the perfect hash) and the
//! generator copies that text; this file is compiled by the build script only.

mod args;
mod compare;
mod message;
mod slots;
mod uris;

use proc_macro2::TokenStream;
use quote::quote;

/// The support module; with `hash`, also `mod perfect_hash`, which lookups of more keys
/// than a `match` serves need.
pub(crate) fn module(hash: bool) -> TokenStream {
    let spec = spec_items();
    let args = args::items();
    let slots = slots::items();
    let compare = compare::items();
    let text = message::items();
    let uris = uris::items();
    let uri = uri_module();
    let hash = hash.then(perfect_hash_module);
    quote! {
        /// The generic machinery the generated errors share.
        #[allow(dead_code)]
        mod errcat_support {
            #spec
            #args
            #slots
            #compare
            #text
            #uris
            #uri
            #hash
        }
    }
}

/// `mod perfect_hash`: the tokens of `perfect_hash.rs`'s own source, so the generated
/// lookups hash exactly as the generator did when it placed their keys.
fn perfect_hash_module() -> TokenStream {
    let items: TokenStream = include_str!("../perfect_hash.rs")
        .parse()
        .expect("perfect_hash.rs is valid Rust, since errcat-codegen compiles it");
    quote! {
        pub(crate) mod perfect_hash {
            #items
        }
    }
}

/// `mod uri`: the tokens of `uri.rs`'s own source, so the generated parser refuses
/// exactly the values of type `uri` the generator's checker refuses.
fn uri_module() -> TokenStream {
    let items: TokenStream = include_str!("../uri.rs")
        .parse()
        .expect("uri.rs is valid Rust, since errcat-codegen compiles it");
    quote! {
        pub(crate) mod uri {
            #items
        }
    }
}

/// `Spec`, `Piece` and `Example`: the static data describing one error's parameters.
fn spec_items() -> TokenStream {
    quote! {
        /// What the generic functions need to know about one error.
        pub(crate) struct Spec {
            /// The Rust variant name.
            pub(crate) variant: &'static str,
            /// The Rust field name of each parameter.
            pub(crate) fields: &'static [&'static str],
            /// The wire name of each parameter.
            pub(crate) keys: &'static [&'static str],
            /// The message template.
            pub(crate) template: &'static [Piece],
            /// The example value of each parameter.
            pub(crate) example: &'static [Example],
        }

        /// A piece of a message template.
        pub(crate) enum Piece {
            /// Literal text.
            Text(&'static str),
            /// The parameter at this index.
            Param(usize),
        }

        /// A parameter's example value, as static data.
        pub(crate) enum Example {
            /// A string.
            Text(&'static str),
            /// An integer.
            Integer(i64),
            /// A boolean.
            Boolean(bool),
            /// A list of strings.
            List(&'static [&'static str]),
            /// Any other value, as JSON text.
            Json(&'static str),
            /// No value (an optional parameter left out).
            Absent,
        }

        impl Example {
            /// The value as an owned value.
            pub(crate) fn value(&self) -> ::core::option::Option<Value> {
                ::core::option::Option::Some(match self {
                    Self::Text(text) => Value::Text((*text).to_owned()),
                    Self::Integer(value) => Value::Integer(*value),
                    Self::Boolean(value) => Value::Boolean(*value),
                    Self::List(items) => {
                        Value::List(items.iter().map(|item| (*item).to_owned()).collect())
                    }
                    // The generator wrote this text from a JSON value.
                    Self::Json(text) => Value::Json(::serde_json::from_str(text).ok()?),
                    Self::Absent => return ::core::option::Option::None,
                })
            }
        }
    }
}
