//! `Reply`: one error response as it was sent or received, for an envelope holding one
//! error of an HTTP API. It keeps what a response may say beside the catalog: the
//! message the server wrote and the status it chose among the error's, with the request
//! context; a body read as a `Reply` serialises back to itself. Its HTTP glue
//! (`reply_glue.rs`) sends that status.

use proc_macro2::TokenStream;
use quote::quote;

/// `Reply`, `Error::reply` (`Reply::new` where `required`: a catalog with a required
/// context member, whose replies cannot be made without a context), its builders,
/// `from_json`, `to_json` and traits, and `Received`.
pub(super) fn reply(required: bool) -> TokenStream {
    let mut out = reply_type(if required { new() } else { error_reply() });
    out.extend(reply_wire());
    out.extend(received());
    out
}

/// `Received`: a body read as an error this build knows, or kept whole when it names
/// one the API added later, so a client survives new codes.
fn received() -> TokenStream {
    quote! {
        /// A received error body: an error this build knows, or one it does not (a code
        /// the API added after this build), kept whole. Reading bodies as `Received`
        /// keeps a client working when the API adds a code, which the contract guard
        /// counts as a compatible change.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Received {
            /// An error of the catalog, with what its body carried.
            Known(Reply),
            /// A body naming no error this build knows.
            Unknown {
                /// What the body names the error by (its code, number or title), as text,
                /// where the body has that member.
                code: ::core::option::Option<::std::string::String>,
                /// The status the body carries, where it carries one.
                status: ::core::option::Option<u16>,
                /// The body as received.
                body: ::serde_json::Value,
            },
        }

        impl Received {
            /// Reads a received body: [`Reply::from_json`], or `Unknown` where the body
            /// names no error of this build.
            ///
            /// # Errors
            /// When the body names a known error but does not read as it (a field of the
            /// wrong type, a member that disagrees): [`ParseError`] except `UnknownError`.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                match Reply::from_json(body) {
                    Ok(reply) => Ok(Self::Known(reply)),
                    Err(ParseError::UnknownError) => {
                        let code = IDENTITY
                            .iter()
                            .find_map(|path| support::value_at(body, path))
                            .and_then(|value| match value {
                                ::serde_json::Value::String(text) => ::core::option::Option::Some(text.clone()),
                                ::serde_json::Value::Number(number) => ::core::option::Option::Some(number.to_string()),
                                _ => ::core::option::Option::None,
                            });
                        let status = STATUS
                            .first()
                            .and_then(|path| support::value_at(body, path))
                            .and_then(::serde_json::Value::as_u64)
                            .and_then(|status| u16::try_from(status).ok());
                        Ok(Self::Unknown { code, status, body: body.clone() })
                    }
                    Err(other) => Err(other),
                }
            }

            /// The status of the response: the known error's, or the one an unknown body
            /// carries.
            #[must_use]
            pub fn status(&self) -> ::core::option::Option<u16> {
                match self {
                    Self::Known(reply) => ::core::option::Option::Some(reply.status()),
                    Self::Unknown { status, .. } => *status,
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Received {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let body = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_json(&body).map_err(::serde::de::Error::custom)
            }
        }
    }
}

/// `Error::reply`, a reply with an empty context.
fn error_reply() -> TokenStream {
    quote! {
        impl Error {
            /// This error as one response, to give it a message, status or context of
            /// its own.
            #[must_use]
            pub fn reply(self) -> Reply {
                Reply {
                    error: self,
                    context: Context::default(),
                    message: ::core::option::Option::None,
                    status: ::core::option::Option::None,
                }
            }
        }
    }
}

/// `Reply::new`, a reply with the context every response of the catalog carries.
fn new() -> TokenStream {
    quote! {
        impl Reply {
            /// This error as one response with the request context of that response
            /// (which holds the members every body carries), to give it a message or
            /// status of its own.
            #[must_use]
            pub const fn new(error: Error, context: Context) -> Self {
                Self {
                    error,
                    context,
                    message: ::core::option::Option::None,
                    status: ::core::option::Option::None,
                }
            }
        }
    }
}

/// `Reply` with its builders and `Display`; `made`: how a reply is made from an error.
fn reply_type(made: TokenStream) -> TokenStream {
    quote! {
        /// One error response as sent or received: the error, the request context, and
        /// the message and status this response has where they are not the catalog's
        /// (`None`: the error's own). [`Reply::from_json`] keeps what a body carried, so
        /// serialising the reply gives that body back.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Reply {
            /// The error.
            pub error: Error,
            /// The request context of the response.
            pub context: Context,
            /// The message sent instead of the one the error's template writes.
            pub message: ::core::option::Option<::std::string::String>,
            /// The status sent instead of the error's `response_status()`, one it admits.
            pub status: ::core::option::Option<u16>,
        }

        #made

        impl Reply {
            /// The reply with this message in place of the template's.
            #[must_use]
            pub fn with_message(mut self, message: impl ::core::convert::Into<::std::string::String>) -> Self {
                self.message = ::core::option::Option::Some(message.into());
                self
            }

            /// The reply with this status, or `None` when the catalog does not admit it
            /// for the error (one of its statuses, or of its class).
            #[must_use]
            pub fn with_status(mut self, status: u16) -> ::core::option::Option<Self> {
                if !self.error.kind().admits_status(status) {
                    return ::core::option::Option::None;
                }
                self.status = ::core::option::Option::Some(status);
                ::core::option::Option::Some(self)
            }

            /// The reply with the request context of its response.
            #[must_use]
            pub fn with_context(mut self, context: Context) -> Self {
                self.context = context;
                self
            }

            /// The status of this response.
            #[must_use]
            pub fn status(&self) -> u16 {
                self.status.unwrap_or_else(|| self.error.kind().response_status())
            }
        }

        impl ::core::fmt::Display for Reply {
            /// The message of this response.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match &self.message {
                    ::core::option::Option::Some(message) => f.write_str(message),
                    ::core::option::Option::None => ::core::fmt::Display::fmt(&self.error, f),
                }
            }
        }

        impl ::std::error::Error for Reply {}
    }
}

fn reply_wire() -> TokenStream {
    quote! {
        impl Reply {
            /// Reads a received body as [`Error::from_json_with_context`] does, keeping
            /// the message and status it carried where they are not the error's own.
            ///
            /// # Errors
            /// As [`Error::from_json`].
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                let (error, context) = Error::from_json_with_context(body)?;
                let message = FREE
                    .first()
                    .and_then(|path| support::value_at(body, path))
                    .and_then(::serde_json::Value::as_str)
                    .filter(|message| *message != error.to_string())
                    .map(::std::borrow::ToOwned::to_owned);
                let status = STATUS
                    .first()
                    .and_then(|path| support::value_at(body, path))
                    .and_then(::serde_json::Value::as_u64)
                    .and_then(|status| u16::try_from(status).ok())
                    .filter(|status| *status != error.kind().response_status());
                Ok(Self { error, context, message, status })
            }

            /// The wire body of this response: the error's, with this response's
            /// message, status and context.
            #[must_use]
            pub fn to_json(&self) -> ::serde_json::Value {
                let mut body = ::serde_json::to_value(self.error.with_context(&self.context))
                    .unwrap_or_default();
                if let ::core::option::Option::Some(message) = &self.message {
                    for path in FREE {
                        support::set_at(&mut body, path, ::serde_json::Value::from(message.as_str()));
                    }
                }
                if let ::core::option::Option::Some(status) = self.status {
                    for path in STATUS {
                        support::set_at(&mut body, path, ::serde_json::Value::from(status));
                    }
                }
                body
            }
        }

        impl ::serde::Serialize for Reply {
            /// Serialises [`Reply::to_json`].
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.to_json(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Reply {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let body = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_json(&body).map_err(::serde::de::Error::custom)
            }
        }
    }
}
