//! `check_uris` and `read_uri`: a received value of type `uri` is refused unless it is
//! an absolute URI (the rule of `uri.rs`, which the checker applies to examples), so the
//! parser admits what the schemas' `format: uri` admits.

use proc_macro2::TokenStream;
use quote::quote;

/// `Within`, `Uris`, `check_uris`, `uris_at` and `read_uri`.
pub(super) fn items() -> TokenStream {
    quote! {
        /// One step from a parameter's value towards a URI in it.
        pub(crate) enum Within {
            /// The member of this name of an object.
            Member(&'static str),
            /// Every item of a list.
            Item,
            /// Every value of a map.
            Value,
        }

        /// The parameters of one error that hold URIs: each one's index and the paths
        /// from its value to its URIs (an empty path: the value is a URI).
        pub(crate) type Uris = &'static [(usize, &'static [&'static [Within]])];

        /// Checks that every URI of an error's parameters is an absolute URI; returns
        /// the wire name of the first parameter holding one that is not.
        pub(crate) fn check_uris(
            spec: &Spec,
            args: &[Arg<'_>],
            uris: Uris,
        ) -> ::core::result::Result<(), &'static str> {
            for &(index, paths) in uris {
                let json = ::serde_json::to_value(args[index]).unwrap_or(::serde_json::Value::Null);
                if !paths.iter().all(|path| uris_at(&json, path)) {
                    return ::core::result::Result::Err(spec.keys[index]);
                }
            }
            Ok(())
        }

        /// Whether every value at `path` of `json` is an absolute URI (`null`, an absent
        /// optional value, and absent members pass).
        pub(crate) fn uris_at(json: &::serde_json::Value, path: &[Within]) -> bool {
            match path.split_first() {
                ::core::option::Option::None => {
                    json.is_null() || json.as_str().is_some_and(uri::is_absolute_uri)
                }
                ::core::option::Option::Some((Within::Member(key), rest)) => {
                    json.get(key).is_none_or(|member| uris_at(member, rest))
                }
                ::core::option::Option::Some((Within::Item, rest)) => json
                    .as_array()
                    .is_none_or(|items| items.iter().all(|item| uris_at(item, rest))),
                ::core::option::Option::Some((Within::Value, rest)) => json
                    .as_object()
                    .is_none_or(|map| map.values().all(|value| uris_at(value, rest))),
            }
        }

        /// A received member of type `uri`: its text when it is an absolute URI.
        pub(crate) fn read_uri(json: &::serde_json::Value) -> ::core::option::Option<::std::string::String> {
            json.as_str()
                .filter(|text| uri::is_absolute_uri(text))
                .map(::std::borrow::ToOwned::to_owned)
        }
    }
}
