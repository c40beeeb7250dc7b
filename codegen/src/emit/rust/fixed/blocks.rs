//! The names of the fixed blocks: items of the generated module that are the same for
//! every catalog that has them. Compiled into errcat-codegen (which picks the blocks a
//! catalog needs) and into its build script (which formats each one, see `tokens/`).

/// One block of generated items, the same text in every catalog that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fixed {
    /// `Display` for `Code`: the wire code.
    CodeDisplay,
    /// `FromStr` for `Code`, by `from_code` (catalogs whose codes are unique).
    CodeFromStr,
    /// `Debug` for `Code`, and `UnknownCode` with its `Display` and `Error`.
    CodeDebugAndUnknown,
    /// `Code`'s accessors of its metadata tables after the status (`title()` to
    /// `retry_after()`), inside `impl Code`.
    CodeAccessors,
    /// `Error::status()`, inside `impl Error` (catalogs of HTTP errors).
    ErrorStatus,
    /// `Error`'s accessors after the status (`title()` to `example()`), inside
    /// `impl Error`.
    ErrorAccessors,
    /// `From<&Error> for Code`, `Display`, `Debug`, `Clone`, `PartialEq`, `Eq`, `Hash`
    /// and `std::error::Error` for `Error`.
    ErrorTraits,
    /// `Serialize` for `Error` (an envelope holding one error).
    SerializeError,
    /// `Error::with_context`, inside `impl Error` (an envelope holding one error).
    WithContextFn,
    /// `WithContext` and its `Serialize` (an envelope holding one error).
    WithContext,
    /// `Error::serialize_params`, for envelopes that spread the parameters as members.
    SerializeParams,
    /// `ParseError` with its `Display` and `Error`.
    ParseError,
    /// `Deserialize` for `Error`, by `from_json`.
    Deserialize,
    /// `from_json` and `from_json_with_context` for an envelope holding one error of
    /// an HTTP API (the body's status may be any of the error's statuses).
    SingleParse,
    /// The same for errors without a status.
    SingleParseWithoutStatus,
    /// `Errors::from_json` and `Error::from_json` for an envelope holding several.
    ManyParse,
    /// `Delayed` and `Error::with_retry_after`.
    Delayed,
    /// `http_status()` for `Code` and `Error` (the `http` option).
    Http,
    /// axum's `IntoResponse` for `Error` and `Delayed` (the `axum` option).
    Axum,
    /// actix-web's `ResponseError` for `Error` and `Delayed` (the `actix` option).
    Actix,
    /// `Reply`, one response with its own message, status and context (an envelope
    /// holding one error of an HTTP API).
    Reply,
    /// axum's `IntoResponse` for `Reply`.
    ReplyAxum,
    /// actix-web's `ResponseError` for `Reply`.
    ReplyActix,
    /// `ParseError` with `MissingContext`, for a catalog with a required context member.
    ParseErrorRequired,
    /// `WithContext` and its `Serialize`, for a catalog with a required context member
    /// (`serialize_body` then takes the context itself, not an `Option`).
    WithRequiredContext,
    /// `Reply` made by `Reply::new(error, context)` instead of `Error::reply()`, for a
    /// catalog with a required context member.
    ReplyRequired,
    /// actix-web's `ResponseError` for `Reply` that builds the response itself (`Error`
    /// has no `ResponseError` in a catalog with a required context member).
    ReplyActixRequired,
}

impl Fixed {
    /// Every block, in the order of the build script's table of their texts.
    // The build script formats every block; the crate only picks them.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) const ALL: [Self; 27] = [
        Self::CodeDisplay,
        Self::CodeFromStr,
        Self::CodeDebugAndUnknown,
        Self::CodeAccessors,
        Self::ErrorStatus,
        Self::ErrorAccessors,
        Self::ErrorTraits,
        Self::SerializeError,
        Self::WithContextFn,
        Self::WithContext,
        Self::SerializeParams,
        Self::ParseError,
        Self::Deserialize,
        Self::SingleParse,
        Self::SingleParseWithoutStatus,
        Self::ManyParse,
        Self::Delayed,
        Self::Http,
        Self::Axum,
        Self::Actix,
        Self::Reply,
        Self::ReplyAxum,
        Self::ReplyActix,
        Self::ParseErrorRequired,
        Self::WithRequiredContext,
        Self::ReplyRequired,
        Self::ReplyActixRequired,
    ];

    /// How deep the block's items sit in the generated file: 1 for items of a catalog's
    /// module, 2 for items of an `impl` there. The block is formatted at that depth, so
    /// prettyplease breaks its lines as it would in place.
    // Only the build script formats blocks.
    #[allow(dead_code)]
    pub(crate) const fn depth(self) -> usize {
        match self {
            Self::CodeAccessors
            | Self::ErrorStatus
            | Self::ErrorAccessors
            | Self::WithContextFn => 2,
            _ => 1,
        }
    }
}
