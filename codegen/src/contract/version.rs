//! The contract version: a catalog that accepts breaking changes bumps it, so the
//! breaks integrators must adapt to carry a version of their own, and review sees it.
//! A record without a version is version 1.

use serde_json::Value as Json;

use super::{Change, rule};

/// The rule a break accepted without a version bump breaks.
pub const BUMP_RULE: &str = "CONTRACT_VERSION_BUMP";

/// The rule a version lower than the published one breaks.
pub const DECREASE_RULE: &str = "CONTRACT_VERSION_NO_DECREASE";

/// The contract version a record states (1 when it states none).
pub fn version_of(record: &Json) -> u64 {
    record["contract"]["version"].as_u64().unwrap_or(1)
}

/// Whether the `new` record accepts `change` (its rule, code and group are listed under
/// `contract.accepted`; an entry without a group accepts a change of no group only).
pub fn is_accepted(new: &Json, change: &Change) -> bool {
    let Some(id) = change.rule else {
        return false;
    };
    let group = change.group.as_deref();
    new["contract"]["accepted"].as_array().is_some_and(|list| {
        list.iter().any(|a| {
            a["rule"] == id && a["code"] == change.code.as_str() && a["group"].as_str() == group
        })
    })
}

/// The changes of the version itself, given the other changes from `old` to `new`:
/// a lower version breaks; breaks accepted without a higher version break; a higher
/// version is compatible.
pub fn version_changes(old: &Json, new: &Json, found: &[Change]) -> Vec<Change> {
    let (before, after) = (version_of(old), version_of(new));
    let mut out = Vec::new();
    if after < before {
        out.push(Change::breaking(
            DECREASE_RULE,
            "",
            format!("the contract version went down from {before} to {after}"),
        ));
    } else if after > before {
        out.push(Change::compatible(
            "",
            format!("the contract version went up from {before} to {after}"),
        ));
    }
    if after <= before {
        let unversioned = found.iter().filter(|change| {
            let breaking = change.rule.and_then(rule).is_some_and(|r| r.breaking);
            breaking && is_accepted(new, change)
        });
        for change in unversioned {
            let mut bump = Change::breaking(
                BUMP_RULE,
                &change.code,
                format!(
                    "a breaking change is accepted without a new contract version ({}): {}",
                    change.rule.unwrap_or_default(),
                    change.what
                ),
            );
            bump.group.clone_from(&change.group);
            out.push(bump);
        }
    }
    out
}
