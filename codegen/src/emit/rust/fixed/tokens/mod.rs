//! The tokens of every fixed block (see `../blocks.rs`), written with `quote!`. The
//! blocks are the same for every catalog that has them, so errcat-codegen's build
//! script formats each once with prettyplease and the generator copies the text; this
//! folder is compiled by the build script only.

mod code;
mod error;
mod glue;
mod parse;
mod reply;
mod reply_glue;
mod serialize;

use proc_macro2::TokenStream;

use super::blocks::Fixed;

/// The items of `block`.
pub(crate) fn tokens(block: Fixed) -> TokenStream {
    match block {
        Fixed::CodeDisplay => code::display(),
        Fixed::CodeFromStr => code::from_str(),
        Fixed::CodeDebugAndUnknown => code::debug_and_unknown(),
        Fixed::CodeAccessors => code::accessors(),
        Fixed::ErrorStatus => error::status(),
        Fixed::ErrorAccessors => error::accessors(),
        Fixed::ErrorTraits => error::traits(),
        Fixed::SerializeError => serialize::serialize_error(),
        Fixed::WithContextFn => serialize::with_context_fn(),
        Fixed::WithContext => serialize::with_context(false),
        Fixed::WithRequiredContext => serialize::with_context(true),
        Fixed::SerializeParams => serialize::serialize_params(),
        Fixed::ParseError => parse::parse_error(false),
        Fixed::ParseErrorRequired => parse::parse_error(true),
        Fixed::Deserialize => parse::deserialize(),
        Fixed::SingleParse => parse::single(true),
        Fixed::SingleParseWithoutStatus => parse::single(false),
        Fixed::ManyParse => parse::many(),
        Fixed::Delayed => glue::delayed(),
        Fixed::Http => glue::http(),
        Fixed::Axum => glue::axum(),
        Fixed::Actix => glue::actix(),
        Fixed::Reply => reply::reply(false),
        Fixed::ReplyRequired => reply::reply(true),
        Fixed::ReplyAxum => reply_glue::axum(),
        Fixed::ReplyActix => reply_glue::actix(),
        Fixed::ReplyActixRequired => reply_glue::actix_required(),
    }
}
