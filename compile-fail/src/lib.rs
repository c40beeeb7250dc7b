//! The generated Rust of the operations body case (`codegen/tests/bodies/operations`),
//! compiled for the compile-fail tests in `tests/ui/`: code that the types of the
//! generated module must refuse, each with the rustc report it gets
//! (`tests/ui/*.stderr`, checked by trybuild). Not published.

/// The Invites API of the operations body case: `invites::catalog` holds `Code`,
/// `Error` and an error enum per operation (`CreateInviteError`, ...).
pub mod invites {
    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
}
