//! Fields every error has, declared once at the top of a catalog (`params:`, e.g. an
//! optional `detail` every body may carry): each error gets them before its own, so
//! they are checked, typed, documented and sent exactly as its own fields are.

use std::collections::HashSet;

use super::{Checker, params, pos};
use crate::diagnostic::Diagnostic;
use crate::raw::{RawError, RawParam};

/// Gives every error the catalog's shared fields, ahead of its own; `true` when it did.
/// They must be sent as members (`spread`: the envelope has a `params: true` object),
/// since no one message uses them all; a shared field with a mistake is reported once
/// and given to no error.
pub(super) fn share_params(
    ck: &mut Checker<'_>,
    errors: &mut [RawError],
    shared: &[RawParam],
    spread: bool,
) -> bool {
    if shared.is_empty() {
        return false;
    }
    let before = ck.found.len();
    for param in shared {
        params::param(ck, param, "Shared");
    }
    if !spread {
        never_sent(ck, shared);
        return false;
    }
    if ck.found.len() > before {
        return false;
    }
    for error in errors.iter_mut() {
        error.params.splice(0..0, shared.iter().cloned());
    }
    true
}

/// Reports each shared field of a catalog whose envelope sends no fields as members.
fn never_sent(ck: &mut Checker<'_>, shared: &[RawParam]) {
    for param in shared {
        let d = ck
            .at(
                pos(&param.name),
                format!("shared field `{}` is never sent", param.name.value),
            )
            .label("a field every error has is a member of the body")
            .help("add `params: true` to the envelope object that carries the fields");
        ck.report(d);
    }
}

/// Drops every diagnostic that repeats an earlier one: a mistake the shared fields make
/// beside one error's own (a clash with an envelope member) is found once per error,
/// at the same place.
pub(super) fn drop_repeats(found: &mut Vec<Diagnostic>) {
    // For lookup only: the order kept is the order found.
    let mut seen: HashSet<(u32, u32, String)> = HashSet::new();
    found.retain(|d| seen.insert((d.pos.line, d.pos.col, d.message.clone())));
}
