//! The breaking-change guard: a catalog compared with its published contract, the
//! dictionary (`<catalog>.errors.json`) the last build wrote. Each change clients
//! would break on is an error with a stable rule id, unless the catalog accepts it
//! (`contract: { accept: [{ rule, code }] }`); changes that alter what clients do
//! without breaking parsing are warnings; everything else is compatible, and the build
//! then writes the new contract.

mod compare;
mod guard;
mod operations;
pub mod record;
mod version;
mod wire;

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

/// The rule a published dictionary without its catalog breaks.
pub const CATALOG_RULE: &str = "CATALOG_NO_DELETE";

/// Every rule, in the order changes are reported.
pub const RULES: &[Rule] = &[
    Rule {
        id: CATALOG_RULE,
        breaking: true,
        acceptable: false,
        reason: "every code of a removed API is gone for its integrators; removing the API is done on purpose, by deleting its dictionary in the same change",
    },
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
        id: "CONTEXT_REQUIRED_NO_DROP",
        breaking: true,
        acceptable: true,
        reason: "the previous version's parser refuses a body without a required context member; one that may now be left out would be refused",
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
        id: wire::VALUE_RULE,
        breaking: true,
        acceptable: true,
        reason: "the previous version's parser compares every member it does not read as a field, the message or the request context with what its error sends (the identifying title, a type URI, the group, a constant, the retry members, the description or docs URL): a changed or missing one makes it refuse the body or read another error",
    },
    Rule {
        id: wire::ADDED_RULE,
        breaking: true,
        acceptable: true,
        reason: "the previous version's parser refuses members it does not know (`unknown_members: refuse`): a member sent now that was not before makes it refuse the body",
    },
    Rule {
        id: operations::REMOVED_RULE,
        breaking: true,
        acceptable: true,
        reason: "clients call the operation and handle its errors by its error type; a removed operation leaves them calling what is gone",
    },
    Rule {
        id: operations::ADDED_RULE,
        breaking: true,
        acceptable: true,
        reason: "a client built for the operation's error set refuses a code outside it unless it reads bodies with a fallback (`Received`); removing an error from an operation is compatible",
    },
    Rule {
        id: "ERROR_RETRY_CHANGED",
        breaking: false,
        acceptable: true,
        reason: "clients retry, or stop retrying, differently; where the body carries the retry policy, the body rule breaks as well",
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
