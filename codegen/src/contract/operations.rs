//! The contract of operations: which operation returns which error. Removing an
//! operation and adding an error to one break clients (a client generated for the
//! operation, without a fallback, refuses the new code); removing an error from an
//! operation, or adding an operation, is compatible.

use serde_json::Value as Json;

use super::compare::Change;

/// The rule an operation removed breaks.
pub(super) const REMOVED_RULE: &str = "OPERATION_NO_DELETE";

/// The rule an error added to an operation breaks.
pub(super) const ADDED_RULE: &str = "OPERATION_ERROR_NO_ADD";

/// Every change of the operations from `old` to `new`: the old ones in order, then the
/// added ones. A contract published before operations existed has none to compare.
pub(super) fn changes(old: &Json, new: &Json) -> Vec<Change> {
    let (Some(before), after) = (old["operations"].as_array(), list(new)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for operation in before {
        let id = text(operation, "id");
        let Some(now) = after.iter().find(|o| text(o, "id") == id) else {
            out.push(Change::breaking(
                REMOVED_RULE,
                id,
                format!("operation `{id}` is gone"),
            ));
            continue;
        };
        let (was, is) = (codes(operation), codes(now));
        for code in is.iter().filter(|c| !was.contains(c)) {
            out.push(Change::breaking(
                ADDED_RULE,
                code,
                format!("operation `{id}` now returns `{code}`"),
            ));
        }
        for code in was.iter().filter(|c| !is.contains(c)) {
            out.push(Change::compatible(
                code,
                format!("operation `{id}` no longer returns `{code}`"),
            ));
        }
    }
    for operation in &after {
        let id = text(operation, "id");
        if !before.iter().any(|o| text(o, "id") == id) {
            out.push(Change::compatible(id, format!("new operation `{id}`")));
        }
    }
    out
}

fn list(contract: &Json) -> Vec<&Json> {
    contract["operations"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn codes(operation: &Json) -> Vec<&str> {
    operation["errors"]
        .as_array()
        .map(|a| a.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default()
}

fn text<'a>(value: &'a Json, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}
