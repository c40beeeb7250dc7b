//! The fixed items of the wire body's `Serialize`: everything but the body itself.

use proc_macro2::TokenStream;
use quote::quote;

/// `Serialize` for `Error`, by `serialize_body` without a context.
pub(super) fn serialize_error() -> TokenStream {
    quote! {
        impl ::serde::Serialize for Error {
            /// Serialises the error as exactly the API's wire body, without the request
            /// context ([`Error::with_context`] adds it).
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                self.serialize_body(::core::option::Option::None, serializer)
            }
        }
    }
}

/// `Error::with_context`.
pub(super) fn with_context_fn() -> TokenStream {
    quote! {
        /// The error with the request context of this response (a request id, the
        /// RFC 9457 `instance`); it serialises as the wire body with those members.
        #[must_use]
        pub const fn with_context<'a>(&'a self, context: &'a Context) -> WithContext<'a> {
            WithContext { error: self, context }
        }
    }
}

/// `WithContext` and its `Serialize`; `required`: for a catalog with a required context
/// member, whose `serialize_body` takes the context itself.
pub(super) fn with_context(required: bool) -> TokenStream {
    let context = if required {
        quote! { self.context }
    } else {
        quote! { ::core::option::Option::Some(self.context) }
    };
    quote! {
        /// An error with the request context of its response, made by
        /// [`Error::with_context`]; serialises as the wire body with the context.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct WithContext<'a> {
            /// The error.
            pub error: &'a Error,
            /// The request context.
            pub context: &'a Context,
        }

        impl ::serde::Serialize for WithContext<'_> {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                self.error.serialize_body(#context, serializer)
            }
        }
    }
}

/// `serialize_params`: each parameter as a member of the map; absent optional ones are
/// left out, as in `wire::body`.
pub(super) fn serialize_params() -> TokenStream {
    quote! {
        impl Error {
            /// Writes the message parameters as members of the enclosing object.
            fn serialize_params<M: ::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                support::serialize_members(self.spec(), &self.params(), map)
            }
        }
    }
}
