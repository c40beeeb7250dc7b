//! A handler of `create_invite` returning `not_found`, which only `accept_invite`
//! returns.

use errcat_example_invites::errors::invites::CreateInviteError;

fn create(email: &str) -> Result<(), CreateInviteError> {
    if email.is_empty() {
        return Err(CreateInviteError::EmailInvalid { email: email.to_owned() });
    }
    Err(CreateInviteError::NotFound)
}

fn main() {
    let _ = create("someone@example.com");
}
