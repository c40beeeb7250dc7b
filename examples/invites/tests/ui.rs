//! What the Invites service's generated types refuse to compile, each case with rustc's report checked in
//! beside it (`tests/ui/<case>.stderr`; `TRYBUILD=overwrite` rewrites them):
//!
//! - `code_of_another_operation`: a handler declared to return `CreateInviteError`
//!   cannot return `not_found`, an error of `accept_invite` only;
//! - `catalog_error_into_operation_error`: nor can it pass on a catalog `Error` with
//!   `?`, as only `TryFrom` narrows an `Error` to an operation's;
//! - `match_on_code_of_another_operation`: a `match` on an operation's error has no arm
//!   for a code the operation does not return.

#[test]
fn operation_errors_refuse_codes_outside_their_set() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
