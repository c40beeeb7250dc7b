//! `Error`'s fixed items: accessors delegating to its code, and its traits over the
//! support module's generic functions.

use proc_macro2::TokenStream;
use quote::quote;

/// `Error::status()`.
pub(super) fn status() -> TokenStream {
    quote! {
        /// The HTTP status code.
        #[must_use]
        pub const fn status(&self) -> u16 { self.kind().status() }
    }
}

/// `Error`'s accessors from `title()` to `example()`.
pub(super) fn accessors() -> TokenStream {
    quote! {
        /// The short title, e.g. `"Not Found"`; `None` where the catalog gives none.
        #[must_use]
        pub const fn title(&self) -> ::core::option::Option<&'static str> { self.kind().title() }
        /// The anchor of the error's section in the docs page.
        #[must_use]
        pub const fn anchor(&self) -> &'static str { self.kind().anchor() }
        /// The URL of the error's section in the published docs, if declared.
        #[must_use]
        pub const fn docs_url(&self) -> ::core::option::Option<&'static str> {
            self.kind().docs_url()
        }
        /// Whether a client may retry the request unchanged (after a delay or with
        /// backoff): `Some(false)` where a retry needs a change first, `None` where the
        /// catalog states no retry policy.
        #[must_use]
        pub const fn is_retryable(&self) -> ::core::option::Option<bool> {
            self.kind().is_retryable()
        }
        /// The seconds sent as `Retry-After` by default (`retry: { policy: after }`);
        /// `with_retry_after` gives one response another delay.
        #[must_use]
        pub const fn retry_after(&self) -> ::core::option::Option<u32> {
            self.kind().retry_after()
        }
        /// The error with the catalog's example parameter values, as the docs show it.
        #[must_use]
        pub fn example(code: Code) -> Self {
            let mut error = Self::blank(code);
            support::fill_example(SPECS[code as usize], error.params_mut());
            error
        }
    }
}

/// `From<&Error> for Code` and `Error`'s traits.
pub(super) fn traits() -> TokenStream {
    quote! {
        impl ::core::convert::From<&Error> for Code {
            fn from(error: &Error) -> Self { error.kind() }
        }

        impl ::core::fmt::Display for Error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                support::write_message(self.spec(), &self.params(), f)
            }
        }

        impl ::core::fmt::Debug for Error {
            /// The same text `#[derive(Debug)]` would write.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                support::write_debug(self.spec(), &self.params(), f)
            }
        }

        impl ::core::clone::Clone for Error {
            fn clone(&self) -> Self {
                let mut copy = Self::blank(self.kind());
                support::copy_params(&self.params(), copy.params_mut());
                copy
            }
        }

        impl ::core::cmp::PartialEq for Error {
            fn eq(&self, other: &Self) -> bool {
                self.kind() == other.kind() && self.params() == other.params()
            }
        }

        impl ::core::cmp::Eq for Error {}

        impl ::core::hash::Hash for Error {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                self.kind().hash(state);
                self.params().hash(state);
            }
        }

        impl ::std::error::Error for Error {}
    }
}
