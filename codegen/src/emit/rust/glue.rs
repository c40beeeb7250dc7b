//! Optional HTTP glue, chosen by `RustOptions`: `http::StatusCode`, axum's
//! `IntoResponse` and actix-web's `ResponseError`. Each response carries the status, the
//! envelope's content type, the wire body and `Retry-After` where the catalog sets one.

use proc_macro2::TokenStream;
use quote::quote;

use super::RustOptions;

/// The glue impls the options ask for.
pub(super) fn emit(options: RustOptions) -> TokenStream {
    let mut out = TokenStream::new();
    if options.http {
        out.extend(http());
    }
    if options.axum {
        out.extend(axum());
    }
    if options.actix {
        out.extend(actix());
    }
    out
}

fn http() -> TokenStream {
    quote! {
        impl Code {
            /// The HTTP status as `http::StatusCode`.
            #[must_use]
            pub fn http_status(self) -> ::http::StatusCode {
                ::http::StatusCode::from_u16(self.status())
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

fn axum() -> TokenStream {
    quote! {
        impl ::axum::response::IntoResponse for Error {
            /// The error as a response: its status, `MEDIA_TYPE`, the wire body and
            /// `Retry-After` where the catalog sets one.
            fn into_response(self) -> ::axum::response::Response {
                let status = ::axum::http::StatusCode::from_u16(self.status())
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

fn actix() -> TokenStream {
    quote! {
        impl ::actix_web::ResponseError for Error {
            fn status_code(&self) -> ::actix_web::http::StatusCode {
                ::actix_web::http::StatusCode::from_u16(self.status())
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
