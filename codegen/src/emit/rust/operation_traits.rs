//! The traits of an operation's error enum (see `operations.rs`): `Display`, `Debug`,
//! equality and hashing over its parameters as `Error`'s (so both write and compare
//! alike, without converting), `std::error::Error`, `Serialize` and `Deserialize` as
//! the catalog's `Error`, the parser `from_json`, and the HTTP glue the options ask for,
//! each sending the catalog error's response.

use proc_macro2::TokenStream;
use quote::quote;

use super::RustOptions;
use super::operations::Op;

/// The traits, the parser and the glue of one operation's enum.
pub(super) fn emit(op: &Op<'_>, glue: RustOptions) -> TokenStream {
    let name = &op.name;
    let parse = parse(op);
    // With a required context member, an error serialises only with its context (by
    // `Error::with_context` or a `Reply`), and has no glue of its own.
    let required = op.catalog.requires_context();
    let serialize = (!required).then(|| serialize(op));
    let glue = (!required).then(|| glue_impls(op, glue));
    quote! {
        impl ::core::fmt::Display for #name {
            /// The message, as the catalog's [`Error`] writes it.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                support::write_message(SPECS[self.kind() as usize], &self.params(), f)
            }
        }

        impl ::core::fmt::Debug for #name {
            /// The same text `#[derive(Debug)]` would write.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                support::write_debug(SPECS[self.kind() as usize], &self.params(), f)
            }
        }

        impl ::core::cmp::PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                self.kind() == other.kind() && self.params() == other.params()
            }
        }

        impl ::core::cmp::Eq for #name {}

        impl ::core::hash::Hash for #name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                self.kind().hash(state);
                self.params().hash(state);
            }
        }

        impl ::std::error::Error for #name {}

        #serialize

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let body = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_json(&body).map_err(::serde::de::Error::custom)
            }
        }

        #parse
        #glue
    }
}

/// `Serialize`, as the catalog's `Error`.
fn serialize(op: &Op<'_>) -> TokenStream {
    let name = &op.name;
    quote! {
        impl ::serde::Serialize for #name {
            /// Serialises the error as the catalog's [`Error`] does, as exactly the
            /// API's wire body (through a copy of its fields: serialise an `Error` to
            /// allocate nothing).
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.to_error(), serializer)
            }
        }
    }
}

/// `from_json` and, for an envelope holding one error, `from_json_with_context`.
fn parse(op: &Op<'_>) -> TokenStream {
    let name = &op.name;
    let single = op.catalog.envelope.body.many_items().is_none();
    let with_context = single.then(|| {
        quote! {
            /// Reads a body of this operation's response back, with the request context
            /// it carries, as [`Error::from_json_with_context`] does.
            ///
            /// # Errors
            /// As [`Self::from_json`].
            pub fn from_json_with_context(
                body: &::serde_json::Value,
            ) -> ::core::result::Result<(Self, Context), ParseError> {
                let (error, context) = Error::from_json_with_context(body)?;
                let error = Self::try_from(error).map_err(|_| ParseError::UnknownError)?;
                ::core::result::Result::Ok((error, context))
            }
        }
    });
    // `Received` exists for an envelope holding one error of an HTTP API.
    let received = (single && op.catalog.http).then(|| {
        quote! {
            /// Reads a body of this operation's response, keeping one that holds no
            /// error of it: [`ForOperation::Returned`] with this operation's error, or
            /// [`ForOperation::Other`] with the body as received (an error of another
            /// operation, with its message and status, or a code this build does not
            /// know, with the raw body), so a client survives codes added later.
            ///
            /// # Errors
            /// As [`Received::from_json`]: a body naming a known error that does not
            /// read as it.
            pub fn received(
                body: &::serde_json::Value,
            ) -> ::core::result::Result<ForOperation<Self>, ParseError> {
                let reply = match Received::from_json(body)? {
                    Received::Known(reply) => reply,
                    unknown => return ::core::result::Result::Ok(ForOperation::Other(unknown)),
                };
                let Reply { error, context, message, status } = reply;
                ::core::result::Result::Ok(match Self::try_from(error) {
                    ::core::result::Result::Ok(own) => ForOperation::Returned(own),
                    ::core::result::Result::Err(error) => {
                        ForOperation::Other(Received::Known(Reply { error, context, message, status }))
                    }
                })
            }
        }
    });
    quote! {
        impl #name {
            #received

            /// Reads a body of this operation's response back: as [`Error::from_json`],
            /// then as this operation's error.
            ///
            /// # Errors
            /// As [`Error::from_json`]; `ParseError::UnknownError` for a body of an error
            /// this operation does not return (`Error::from_json` reads it).
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                Self::try_from(Error::from_json(body)?).map_err(|_| ParseError::UnknownError)
            }

            #with_context
        }
    }
}

/// `http_status()`, axum's `IntoResponse` and actix-web's `ResponseError`, as the
/// options ask (none for errors that are no HTTP responses): the catalog error's.
fn glue_impls(op: &Op<'_>, glue: RustOptions) -> TokenStream {
    let name = &op.name;
    let mut out = TokenStream::new();
    if !op.catalog.http {
        return out;
    }
    if glue.http {
        out.extend(quote! {
            impl #name {
                /// The HTTP status as `http::StatusCode`.
                #[must_use]
                pub fn http_status(&self) -> ::http::StatusCode {
                    self.kind().http_status()
                }
            }
        });
    }
    if glue.axum {
        out.extend(quote! {
            impl ::axum::response::IntoResponse for #name {
                /// The catalog error's response: its status, `MEDIA_TYPE`, the wire body
                /// and `Retry-After` where the catalog sets one.
                fn into_response(self) -> ::axum::response::Response {
                    ::axum::response::IntoResponse::into_response(Error::from(self))
                }
            }
        });
    }
    if glue.actix {
        out.extend(quote! {
            impl ::actix_web::ResponseError for #name {
                fn status_code(&self) -> ::actix_web::http::StatusCode {
                    ::actix_web::http::StatusCode::from_u16(self.kind().response_status())
                        .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
                }

                /// The catalog error's response: its status, `MEDIA_TYPE`, the wire body
                /// and `Retry-After` where the catalog sets one.
                fn error_response(&self) -> ::actix_web::HttpResponse {
                    ::actix_web::ResponseError::error_response(&self.to_error())
                }
            }
        });
    }
    out
}
