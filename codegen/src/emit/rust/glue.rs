//! Optional HTTP glue, chosen by `RustOptions`: `http::StatusCode`, axum's
//! `IntoResponse` and actix-web's `ResponseError`, fixed blocks each (written in
//! `fixed/tokens/glue.rs`). `Delayed`, an error with the delay of one response
//! (`Error::with_retry_after`), is always there; its glue sends that delay instead.

use proc_macro2::TokenStream;

use super::{RustOptions, fixed::Fixed, rows::Rows};

/// The glue impls the options ask for; `reply`: for `Reply` too (an envelope holding
/// one error).
pub(super) fn emit(options: RustOptions, reply: bool, rows: &Rows) -> TokenStream {
    let mut out = rows.fixed(Fixed::Delayed);
    for (wanted, block) in [
        (options.http, Fixed::Http),
        (options.axum, Fixed::Axum),
        (options.actix, Fixed::Actix),
        (options.axum && reply, Fixed::ReplyAxum),
        (options.actix && reply, Fixed::ReplyActix),
    ] {
        if wanted {
            out.extend(rows.fixed(block));
        }
    }
    out
}
