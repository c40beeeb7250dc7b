//! The fixed items of parsing a body back: `ParseError`, `Deserialize` and the
//! `from_json` functions over the catalog's own `read` and tables.

use proc_macro2::TokenStream;
use quote::quote;

/// `ParseError`, its `Display` and `Error`; `required`: with `MissingContext`, for a
/// catalog with a required context member.
pub(super) fn parse_error(required: bool) -> TokenStream {
    let (variant, display) = if required {
        (
            quote! {
                /// The named context member, which every body carries, is missing.
                MissingContext(&'static str),
            },
            quote! {
                Self::MissingContext(name) => write!(f, "context member `{name}` is missing"),
            },
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };
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
            /// The named context member has the wrong type.
            Context(&'static str),
            #variant
            /// A member disagrees with the error the body names (a status, title or
            /// constant of another error), is missing, or is not one the envelope has.
            Mismatch,
        }

        impl ::core::fmt::Display for ParseError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    Self::UnknownError => f.write_str("the body names no known error"),
                    Self::Param(name) => write!(f, "parameter `{name}` is missing or malformed"),
                    Self::Message => f.write_str("the message does not match the error's template"),
                    Self::Context(name) => write!(f, "context member `{name}` is malformed"),
                    #display
                    Self::Mismatch => f.write_str("a member disagrees with the error the body names"),
                }
            }
        }

        impl ::std::error::Error for ParseError {}
    }
}

/// `Deserialize` for `Error`, by `from_json`.
pub(super) fn deserialize() -> TokenStream {
    quote! {
        impl<'de> ::serde::Deserialize<'de> for Error {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let body = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_json(&body).map_err(::serde::de::Error::custom)
            }
        }
    }
}

/// `from_json` and `from_json_with_context` for an envelope holding one error; `http`
/// says whether errors have statuses (any of which a body's status member may hold).
pub(super) fn single(http: bool) -> TokenStream {
    let statuses = if http {
        quote! { ::core::option::Option::Some(&|status| error.kind().admits_status(status)) }
    } else {
        quote! { ::core::option::Option::None }
    };
    quote! {
        impl Error {
            /// Reads a received wire body back into the typed error.
            ///
            /// # Errors
            /// When the body names no error of this API, a field cannot be read, or a
            /// member disagrees with the error it names.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                Self::from_json_with_context(body).map(|(error, _)| error)
            }

            /// Reads a received wire body back into the typed error and the request
            /// context it carries.
            ///
            /// # Errors
            /// As [`Error::from_json`].
            pub fn from_json_with_context(
                body: &::serde_json::Value,
            ) -> ::core::result::Result<(Self, Context), ParseError> {
                let error = Self::read(body)?;
                let context = Context::read(body)?;
                let expected = ::serde_json::to_value(error.with_context(&context))
                    .map_err(|_| ParseError::Mismatch)?;
                let statuses: support::Statuses<'_> = (STATUS, #statuses);
                if !support::same_body(&expected, body, ALLOW_UNKNOWN, FREE, OPTIONAL, statuses) {
                    return ::core::result::Result::Err(ParseError::Mismatch);
                }
                Ok((error, context))
            }
        }
    }
}

/// `Errors::from_json` and `Error::from_json` for an envelope holding several errors.
pub(super) fn many() -> TokenStream {
    quote! {
        impl Errors {
            /// Reads a received wire body back into its errors and request context.
            ///
            /// # Errors
            /// When an item names no error of this API, a field cannot be read, or a
            /// member disagrees with the error it names.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                let items = support::many_items(body, MANY)
                    .filter(|items| !items.is_empty())
                    .ok_or(ParseError::Mismatch)?;
                let errors = items.iter().map(Error::read).collect::<::core::result::Result<_, _>>()?;
                let read = Self { errors, context: Context::read(body)? };
                let expected = ::serde_json::to_value(&read).map_err(|_| ParseError::Mismatch)?;
                let statuses: support::Statuses<'_> = (STATUS, ::core::option::Option::None);
                if !support::same_body(&expected, body, ALLOW_UNKNOWN, FREE, OPTIONAL, statuses) {
                    return ::core::result::Result::Err(ParseError::Mismatch);
                }
                Ok(read)
            }
        }

        impl Error {
            /// Reads a received wire body holding exactly one error.
            ///
            /// # Errors
            /// As [`Errors::from_json`], and when the body holds several errors.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                let mut read = Errors::from_json(body)?;
                match read.errors.len() {
                    1 => read.errors.pop().ok_or(ParseError::Mismatch),
                    _ => ::core::result::Result::Err(ParseError::Mismatch),
                }
            }
        }
    }
}
