//! A worked example of errcat with operations: the Invites service's errors come from
//! `catalog/invites.yaml`, which says which operation returns which error. Its handlers
//! (`service`) return the per-operation error types, so a handler cannot return an
//! error its operation does not list (`tests/ui/` shows what rustc says), and its client
//! test (`tests/client.rs`) reads the bodies back with them.

/// The generated module: `invites::Code`, `invites::Error`, and per operation
/// `invites::CreateInviteError` and `invites::AcceptInviteError`.
pub mod errors {
    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
}

pub mod service;
