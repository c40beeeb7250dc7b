//! Typed errors of the Retrac and Reten APIs, generated at build time from
//! `catalog/*.yaml` by `errcat-codegen`. Each catalog becomes a module holding an `Error`
//! enum with one variant per code.

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
