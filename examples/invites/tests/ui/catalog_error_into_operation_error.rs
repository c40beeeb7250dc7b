//! A handler of `create_invite` passing on a catalog `Error` from a helper with `?`:
//! the helper could return any code, so no `From` makes it an operation's error.

use errcat_example_invites::errors::invites::{CreateInviteError, Error};

fn lookup(id: &str) -> Result<(), Error> {
    if id.is_empty() {
        return Err(Error::NotFound);
    }
    Ok(())
}

fn create(id: &str) -> Result<(), CreateInviteError> {
    lookup(id)?;
    Ok(())
}

fn main() {
    let _ = create("invite-1");
}
