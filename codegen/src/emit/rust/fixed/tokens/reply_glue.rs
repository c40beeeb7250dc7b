//! `Reply`'s HTTP glue: axum's `IntoResponse` and actix-web's `ResponseError`, which send
//! the reply's status and body.

use proc_macro2::TokenStream;
use quote::quote;

/// axum's `IntoResponse` for `Reply`: the error's response with this reply's status
/// and body.
pub(super) fn axum() -> TokenStream {
    quote! {
        impl ::axum::response::IntoResponse for Reply {
            /// The reply as a response: its status, `MEDIA_TYPE`, its body and
            /// `Retry-After` where the catalog sets one.
            fn into_response(self) -> ::axum::response::Response {
                let status = ::axum::http::StatusCode::from_u16(self.status())
                    .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
                let body = ::serde_json::to_vec(&self.to_json()).unwrap_or_default();
                let mut response = ::axum::response::IntoResponse::into_response((status, body));
                let headers = response.headers_mut();
                headers.insert(
                    ::axum::http::header::CONTENT_TYPE,
                    ::axum::http::HeaderValue::from_static(MEDIA_TYPE),
                );
                if let Some(seconds) = self.error.retry_after() {
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

/// actix-web's `ResponseError` for `Reply`.
pub(super) fn actix() -> TokenStream {
    quote! {
        impl ::actix_web::ResponseError for Reply {
            fn status_code(&self) -> ::actix_web::http::StatusCode {
                ::actix_web::http::StatusCode::from_u16(self.status())
                    .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
            }

            /// The error's response (`MEDIA_TYPE`, `Retry-After` where the catalog sets
            /// one) with this reply's status and body.
            fn error_response(&self) -> ::actix_web::HttpResponse {
                let body = ::serde_json::to_vec(&self.to_json()).unwrap_or_default();
                let mut response = ::actix_web::ResponseError::error_response(&self.error)
                    .set_body(::actix_web::body::BoxBody::new(body));
                *response.status_mut() = ::actix_web::ResponseError::status_code(self);
                response
            }
        }
    }
}

/// actix-web's `ResponseError` for `Reply` in a catalog with a required context member,
/// where `Error` has none: the reply's status, `MEDIA_TYPE`, `Retry-After` where the
/// catalog sets one, and the reply's body.
pub(super) fn actix_required() -> TokenStream {
    quote! {
        impl ::actix_web::ResponseError for Reply {
            fn status_code(&self) -> ::actix_web::http::StatusCode {
                ::actix_web::http::StatusCode::from_u16(self.status())
                    .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
            }

            /// The reply as a response: its status, `MEDIA_TYPE`, its body and
            /// `Retry-After` where the catalog sets one.
            fn error_response(&self) -> ::actix_web::HttpResponse {
                let mut response = ::actix_web::HttpResponse::build(
                    ::actix_web::ResponseError::status_code(self),
                );
                response.content_type(MEDIA_TYPE);
                if let Some(seconds) = self.error.retry_after() {
                    response.insert_header((
                        ::actix_web::http::header::RETRY_AFTER,
                        seconds.to_string(),
                    ));
                }
                response.body(::serde_json::to_vec(&self.to_json()).unwrap_or_default())
            }
        }
    }
}
