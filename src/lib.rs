//! Typed errors of the Retrac and Reten APIs, generated at build time from
//! `catalog/*.yaml` by `errcat-codegen`. Each catalog becomes a module holding a `Code`
//! enum (one variant per code, with its metadata) and an `Error` enum (the code with its
//! message parameters), serialised to and parsed from the API's wire body.
//!
//! Cargo features choose the HTTP glue: `axum` (on by default) implements
//! `IntoResponse`, `actix` implements `ResponseError`, `http` adds `http_status()`.
#![deny(missing_docs)]
#![warn(clippy::pedantic)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

#[cfg(feature = "axum")]
pub mod serve;
