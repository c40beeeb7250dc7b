//! A `match` on `create_invite`'s error with an arm for `not_found`, which only
//! `accept_invite` returns.

use errcat_example_invites::errors::invites::CreateInviteError;

fn status(error: &CreateInviteError) -> u16 {
    match error {
        CreateInviteError::NotFound => 404,
        other => other.status(),
    }
}

fn main() {
    let _ = status(&CreateInviteError::Unauthorized);
}
