//! The HTTP glue's fixed items, chosen by `RustOptions`: `http::StatusCode`, axum's
//! `IntoResponse` and actix-web's `ResponseError`. Each response carries the status, the
//! envelope's content type, the wire body and `Retry-After` where the catalog sets one.
//! `Delayed`, an error with the delay of one response (`Error::with_retry_after`), is
//! always there; its glue sends that delay instead.

use proc_macro2::TokenStream;
use quote::quote;

/// axum's `IntoResponse` for `Error` and for `Delayed`.
pub(super) fn axum() -> TokenStream {
    let mut out = axum_error();
    out.extend(axum_delayed());
    out
}

/// actix-web's `ResponseError` for `Error` and for `Delayed`.
pub(super) fn actix() -> TokenStream {
    let mut out = actix_error();
    out.extend(actix_delayed());
    out
}

/// `Delayed` and `Error::with_retry_after`.
pub(super) fn delayed() -> TokenStream {
    quote! {
        /// An error with the delay the service gives this one response: the HTTP glue
        /// sends `seconds` as `Retry-After` instead of the catalog's default. The body
        /// is the error's own.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Delayed {
            /// The error sent.
            pub error: Error,
            /// The seconds to send as `Retry-After`.
            pub seconds: u32,
        }

        impl Error {
            /// This error with a `Retry-After` of `seconds` for one response, e.g. the
            /// time left in a throttled client's rate-limit window.
            #[must_use]
            pub const fn with_retry_after(self, seconds: u32) -> Delayed {
                Delayed { error: self, seconds }
            }
        }

        impl ::core::fmt::Display for Delayed {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.error, f)
            }
        }

        impl ::std::error::Error for Delayed {}
    }
}

/// axum's `IntoResponse` for `Delayed`: the error's response with its own delay.
fn axum_delayed() -> TokenStream {
    quote! {
        impl ::axum::response::IntoResponse for Delayed {
            /// The error's response, with `Retry-After: seconds`.
            fn into_response(self) -> ::axum::response::Response {
                let mut response = ::axum::response::IntoResponse::into_response(self.error);
                response.headers_mut().insert(
                    ::axum::http::header::RETRY_AFTER,
                    ::axum::http::HeaderValue::from(self.seconds),
                );
                response
            }
        }
    }
}

/// actix-web's `ResponseError` for `Delayed`: the error's response with its own delay.
fn actix_delayed() -> TokenStream {
    quote! {
        impl ::actix_web::ResponseError for Delayed {
            fn status_code(&self) -> ::actix_web::http::StatusCode {
                ::actix_web::ResponseError::status_code(&self.error)
            }

            /// The error's response, with `Retry-After: seconds`.
            fn error_response(&self) -> ::actix_web::HttpResponse {
                let mut response = ::actix_web::ResponseError::error_response(&self.error);
                response.headers_mut().insert(
                    ::actix_web::http::header::RETRY_AFTER,
                    ::actix_web::http::header::HeaderValue::from(self.seconds),
                );
                response
            }
        }
    }
}

/// `http_status()` for `Code` and `Error`.
pub(super) fn http() -> TokenStream {
    quote! {
        impl Code {
            /// The HTTP status as `http::StatusCode`.
            #[must_use]
            pub fn http_status(self) -> ::http::StatusCode {
                ::http::StatusCode::from_u16(self.response_status())
                    .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
            }
        }

        impl Error {
            /// The HTTP status as `http::StatusCode`.
            #[must_use]
            pub fn http_status(&self) -> ::http::StatusCode {
                self.kind().http_status()
            }
        }
    }
}

/// axum's `IntoResponse` for `Error`.
fn axum_error() -> TokenStream {
    quote! {
        impl ::axum::response::IntoResponse for Error {
            /// The error as a response: its status, `MEDIA_TYPE`, the wire body and
            /// `Retry-After` where the catalog sets one.
            fn into_response(self) -> ::axum::response::Response {
                let status = ::axum::http::StatusCode::from_u16(self.kind().response_status())
                    .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
                let body = ::serde_json::to_vec(&self).unwrap_or_default();
                let mut response = ::axum::response::IntoResponse::into_response((status, body));
                let headers = response.headers_mut();
                headers.insert(
                    ::axum::http::header::CONTENT_TYPE,
                    ::axum::http::HeaderValue::from_static(MEDIA_TYPE),
                );
                if let Some(seconds) = self.retry_after() {
                    headers.insert(
                        ::axum::http::header::RETRY_AFTER,
                        ::axum::http::HeaderValue::from(seconds),
                    );
                }
                response
            }
        }
    }
}

/// actix-web's `ResponseError` for `Error`.
fn actix_error() -> TokenStream {
    quote! {
        impl ::actix_web::ResponseError for Error {
            fn status_code(&self) -> ::actix_web::http::StatusCode {
                ::actix_web::http::StatusCode::from_u16(self.kind().response_status())
                    .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
            }

            /// The error as a response: its status, `MEDIA_TYPE`, the wire body and
            /// `Retry-After` where the catalog sets one.
            fn error_response(&self) -> ::actix_web::HttpResponse {
                let mut response = ::actix_web::HttpResponse::build(
                    ::actix_web::ResponseError::status_code(self),
                );
                response.content_type(MEDIA_TYPE);
                if let Some(seconds) = self.retry_after() {
                    response.insert_header((
                        ::actix_web::http::header::RETRY_AFTER,
                        seconds.to_string(),
                    ));
                }
                response.body(::serde_json::to_vec(self).unwrap_or_default())
            }
        }
    }
}
