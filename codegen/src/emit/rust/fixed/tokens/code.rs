//! `Code`'s fixed items: its traits, `UnknownCode`, and the accessors of its tables.

use proc_macro2::TokenStream;
use quote::quote;

/// `Display` for `Code`.
pub(super) fn display() -> TokenStream {
    quote! {
        impl ::core::fmt::Display for Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// `FromStr` for `Code`.
pub(super) fn from_str() -> TokenStream {
    quote! {
        impl ::core::str::FromStr for Code {
            type Err = UnknownCode;
            fn from_str(code: &str) -> ::core::result::Result<Self, UnknownCode> {
                Self::from_code(code).ok_or(UnknownCode)
            }
        }
    }
}

/// `Debug` for `Code`, and `UnknownCode`.
pub(super) fn debug_and_unknown() -> TokenStream {
    quote! {
        impl ::core::fmt::Debug for Code {
            /// The variant name, as `#[derive(Debug)]` would write it (a derive is a
            /// large `match`, slow to compile in large catalogs).
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(SPECS[*self as usize].variant)
            }
        }

        /// A string that is not the code of any error of this API.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct UnknownCode;

        impl ::core::fmt::Display for UnknownCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("unknown error code")
            }
        }

        impl ::std::error::Error for UnknownCode {}
    }
}

/// The accessors of `Code`'s tables from `title()` to `retry_after()`.
pub(super) fn accessors() -> TokenStream {
    quote! {
        /// The short title, e.g. `"Not Found"`; `None` where the catalog gives none.
        #[must_use]
        pub const fn title(self) -> ::core::option::Option<&'static str> {
            let text = TITLES[self as usize];
            if text.is_empty() { ::core::option::Option::None } else { ::core::option::Option::Some(text) }
        }
        /// What the error means, from the catalog; `None` where it does not say.
        #[must_use]
        pub const fn description(self) -> ::core::option::Option<&'static str> {
            let text = DESCRIPTIONS[self as usize];
            if text.is_empty() { ::core::option::Option::None } else { ::core::option::Option::Some(text) }
        }
        /// What a client may do about it, from the catalog, in order (none when
        /// the catalog says nothing).
        pub fn solutions(self) -> impl ::core::iter::Iterator<Item = &'static str> {
            SOLUTIONS[self as usize].split('\0').filter(|solution| !solution.is_empty())
        }
        /// The anchor of the error's section in the docs page.
        #[must_use]
        pub const fn anchor(self) -> &'static str { ANCHORS[self as usize] }
        /// Whether a client may retry the request unchanged (after a delay or with
        /// backoff): `Some(false)` where a retry needs a change first, `None` where the
        /// catalog states no retry policy (the API says nothing, so neither does this).
        #[must_use]
        pub const fn is_retryable(self) -> ::core::option::Option<bool> {
            RETRYABLE[self as usize]
        }
        /// How many seconds a client should wait before retrying, sent as
        /// `Retry-After` by default (`retry: { policy: after }`); a service may give
        /// one response another delay.
        #[must_use]
        pub const fn retry_after(self) -> ::core::option::Option<u32> {
            RETRY_AFTER[self as usize]
        }
    }
}
