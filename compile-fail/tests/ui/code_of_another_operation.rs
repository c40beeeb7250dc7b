//! A handler of `create_invite` returning `not_found`, which only `accept_invite`
//! returns.

use errcat_compile_fail::invites::catalog::CreateInviteError;

fn create(email: &str) -> Result<(), CreateInviteError> {
    if email.is_empty() {
        return Err(CreateInviteError::EmailInvalid);
    }
    Err(CreateInviteError::NotFound)
}

fn main() {
    let _ = create("someone@example.com");
}
