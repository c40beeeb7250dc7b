//! Checks of retired codes (reserved for good: an error may not take one, nor its
//! number) and of the breaking changes a catalog accepts (each names a known rule).

use std::collections::HashMap;

use super::{Checker, pos};
use crate::contract::RULES;
use crate::model::{Accepted, Retired};
use crate::raw::{RawContract, RawError, RawRetired};

/// The retired codes; reports every error that reuses one or its number.
pub(super) fn check_retired(
    ck: &mut Checker<'_>,
    raw: &[RawRetired],
    errors: &[RawError],
) -> Vec<Retired> {
    let retired: Vec<Retired> = raw
        .iter()
        .map(|r| Retired {
            code: ck.required(&r.code, "retired code"),
            number: r.number.as_ref().map(|n| n.value),
            reason: ck.optional(r.reason.as_ref(), "retirement reason"),
        })
        .collect();
    // For lookup only, never iterated.
    let by_code: HashMap<&str, &Retired> = retired.iter().map(|r| (r.code.as_str(), r)).collect();
    let by_number: HashMap<i64, &Retired> = retired
        .iter()
        .filter_map(|r| Some((r.number?, r)))
        .collect();
    for error in errors {
        let reused = by_code
            .get(error.code.value.as_str())
            .or_else(|| error.number.as_ref().and_then(|n| by_number.get(&n.value)));
        if let Some(old) = reused {
            let d = ck
                .at(
                    pos(&error.code),
                    format!(
                        "error \"{}\" reuses retired code \"{}\"",
                        error.code.value, old.code
                    ),
                )
                .label("[RETIRED_CODE_REUSED] a retired code and its number stay unused")
                .note("clients that still handle the old meaning would misread the new error")
                .help("choose another code and number");
            ck.report(d);
        }
    }
    retired
}

/// The accepted breaking changes; reports any that names no rule. A group is not
/// checked against the catalog's: a change may concern a group that is gone.
pub(super) fn check_accepted(ck: &mut Checker<'_>, raw: Option<&RawContract>) -> Vec<Accepted> {
    let accept = raw.map(|c| &c.accept[..]).unwrap_or_default();
    accept
        .iter()
        .map(|a| {
            let known = RULES.iter().find(|r| r.id == a.rule.value);
            if known.is_some_and(|r| !r.acceptable) {
                let d = ck
                    .at(
                        pos(&a.rule),
                        format!("`{}` cannot be accepted", a.rule.value),
                    )
                    .label("this rule guards the contract version itself")
                    .help("raise `contract: { version }` above the published version instead");
                ck.report(d);
            } else if known.is_none() {
                let ids: Vec<&str> = RULES
                    .iter()
                    .filter(|r| r.breaking && r.acceptable)
                    .map(|r| r.id)
                    .collect();
                let d = ck
                    .at(
                        pos(&a.rule),
                        format!("unknown contract rule `{}`", a.rule.value),
                    )
                    .label("no rule has this id")
                    .help(format!("breaking rules: {}", ids.join(", ")));
                ck.report(d);
            }
            Accepted {
                rule: a.rule.value.clone(),
                code: a.code.value.clone(),
                group: a.group.as_ref().map(|g| g.value.clone()),
            }
        })
        .collect()
}

/// Whether the catalog states it has no published contract yet.
pub(super) fn check_unpublished(raw: Option<&RawContract>) -> bool {
    raw.and_then(|c| c.unpublished.as_ref())
        .is_some_and(|u| u.value)
}

/// The contract version: a whole number from 1, 1 when the catalog states none.
pub(super) fn check_version(ck: &mut Checker<'_>, raw: Option<&RawContract>) -> u64 {
    let Some(version) = raw.and_then(|c| c.version.as_ref()) else {
        return 1;
    };
    match u64::try_from(version.value) {
        Ok(number) if number >= 1 => number,
        _ => {
            let d = ck
                .at(
                    pos(version),
                    format!("contract version {} is below 1", version.value),
                )
                .label("versions count from 1")
                .help("raise the version by one with each set of accepted breaking changes");
            ck.report(d);
            1
        }
    }
}
