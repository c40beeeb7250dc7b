//! Optional HTTP glue, chosen by `RustOptions`: `http::StatusCode`, axum's
//! `IntoResponse` and actix-web's `ResponseError`, fixed blocks each (written in
//! `fixed/tokens/glue.rs`). `Delayed`, an error with the delay of one response
//! (`Error::with_retry_after`), is always there; its glue sends that delay instead.
//! A catalog with a required context member gets only `Reply`'s glue: an `Error` (or a
//! `Delayed`) carries no context, so a response made from it would lack the member.

use proc_macro2::TokenStream;

use super::{RustOptions, fixed::Fixed, rows::Rows};

/// The glue impls the options ask for; `reply`: for `Reply` too (an envelope holding
/// one error); `required`: the catalog has a required context member.
pub(super) fn emit(options: RustOptions, reply: bool, required: bool, rows: &Rows) -> TokenStream {
    let mut out = TokenStream::new();
    let reply_actix = if required {
        Fixed::ReplyActixRequired
    } else {
        Fixed::ReplyActix
    };
    for (wanted, block) in [
        (!required, Fixed::Delayed),
        (options.http, Fixed::Http),
        (options.axum && !required, Fixed::Axum),
        (options.actix && !required, Fixed::Actix),
        (options.axum && reply, Fixed::ReplyAxum),
        (options.actix && reply, reply_actix),
    ] {
        if wanted {
            out.extend(rows.fixed(block));
        }
    }
    out
}
