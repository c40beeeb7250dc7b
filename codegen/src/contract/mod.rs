//! The breaking-change guard: a catalog compared with its published contract, the
//! dictionary (`<catalog>.errors.json`) the last build wrote. Each change clients
//! would break on is an error with a stable rule id, unless the catalog accepts it
//! (`contract: { accept: [{ rule, code }] }`); changes that alter what clients do
//! without breaking parsing are warnings; everything else is compatible, and the build
//! then writes the new contract.

mod compare;
mod guard;
mod version;

pub use compare::{Change, changes};
pub use guard::{guard, guard_published};
pub use version::{is_accepted, version_of};

/// One rule of the guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable id, as diagnostics and `accept` name it.
    pub id: &'static str,
    /// Whether breaking it fails the build (else it is a warning).
    pub breaking: bool,
    /// Whether a catalog may accept breaking it (`contract: { accept: [...] }`).
    pub acceptable: bool,
    /// Why it matters to integrators.
    pub reason: &'static str,
}

/// Every rule, in the order changes are reported.
pub const RULES: &[Rule] = &[
    Rule {
        id: "ERROR_CODE_NO_DELETE",
        breaking: true,
        acceptable: true,
        reason: "clients switch on the code; a code that disappears leaves their branch dead and the error unknown (deprecate it, then list it under `retired`)",
    },
    Rule {
        id: "ERROR_STATUS_NO_CHANGE",
        breaking: true,
        acceptable: true,
        reason: "clients route on the status before they read the body",
    },
    Rule {
        id: "ERROR_NUMBER_NO_CHANGE",
        breaking: true,
        acceptable: true,
        reason: "clients that know errors by number would read another error",
    },
    Rule {
        id: "FIELD_NO_DELETE",
        breaking: true,
        acceptable: true,
        reason: "clients that read the field find it missing",
    },
    Rule {
        id: "FIELD_TYPE_NO_CHANGE",
        breaking: true,
        acceptable: true,
        reason: "clients parse the field as its old type",
    },
    Rule {
        id: "FIELD_PRESENCE_NO_CHANGE",
        breaking: true,
        acceptable: true,
        reason: "clients rely on a field being always sent, left out or sent as null",
    },
    Rule {
        id: "ENVELOPE_MEMBER_NO_DELETE",
        breaking: true,
        acceptable: true,
        reason: "clients read the body by its members' names; a removed or renamed member is missing to them",
    },
    Rule {
        id: "MEDIA_TYPE_NO_CHANGE",
        breaking: true,
        acceptable: true,
        reason: "clients choose their parser by the content type",
    },
    Rule {
        id: "RETIRED_CODE_NO_DELETE",
        breaking: true,
        acceptable: true,
        reason: "a retired code is reserved for good; unlisting it would let it be reused",
    },
    Rule {
        id: "ERROR_RETRY_CHANGED",
        breaking: false,
        acceptable: true,
        reason: "clients retry, or stop retrying, differently; parsing still works",
    },
    Rule {
        id: version::BUMP_RULE,
        breaking: true,
        acceptable: false,
        reason: "a break accepted on purpose needs a contract version above the published one, so integrators see which version breaks",
    },
    Rule {
        id: version::DECREASE_RULE,
        breaking: true,
        acceptable: false,
        reason: "versions only go up: a lower one would name an older contract",
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
