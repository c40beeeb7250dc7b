//! Comparing two contracts (dictionaries as JSON): each change with its rule, or
//! compatible.

use std::collections::{HashMap, HashSet};

use serde_json::Value as Json;

/// One difference between the published contract and the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The rule it breaks (`ERROR_CODE_NO_DELETE`), or `None` when it is compatible.
    pub rule: Option<&'static str>,
    /// The code it concerns (empty for a change of the whole body).
    pub code: String,
    /// The code's group, where the published contract has codes unique per group (an
    /// accepted change names it too); `None` otherwise.
    pub group: Option<String>,
    /// What changed, in a sentence.
    pub what: String,
}

impl Change {
    pub(super) fn breaking(rule: &'static str, code: &str, what: String) -> Self {
        Self {
            rule: Some(rule),
            code: code.to_owned(),
            group: None,
            what,
        }
    }

    pub(super) fn compatible(code: &str, what: String) -> Self {
        Self {
            rule: None,
            code: code.to_owned(),
            group: None,
            what,
        }
    }

    /// The same change, of the code in `group`.
    fn in_group(mut self, group: Option<&str>) -> Self {
        self.group = group.map(str::to_owned);
        self
    }
}

/// Every change from `old` to `new`, in a fixed order: body, codes in the old order,
/// added codes, retirements.
pub fn changes(old: &Json, new: &Json) -> Vec<Change> {
    let mut out = Vec::new();
    if old["media_type"] != new["media_type"] {
        out.push(Change::breaking(
            "MEDIA_TYPE_NO_CHANGE",
            "",
            format!(
                "the media type changed from {} to {}",
                old["media_type"], new["media_type"]
            ),
        ));
    }
    // A member is known by its path and source: whether received bodies may leave it
    // out (`optional`) changes nothing the old parser reads, as every body sends it.
    for member in list(old, "envelope") {
        let same = |m: &&Json| m["path"] == member["path"] && m["from"] == member["from"];
        let now = list(new, "envelope").iter().find(same);
        if let Some(now) = now {
            if member["required"] == true && now["required"] != true {
                out.push(Change::breaking(
                    "CONTEXT_REQUIRED_NO_DROP",
                    "",
                    format!(
                        "the body member `{}` ({}) is no longer required",
                        text(member, "path"),
                        text(member, "from")
                    ),
                ));
            }
        } else {
            out.push(Change::breaking(
                "ENVELOPE_MEMBER_NO_DELETE",
                "",
                format!(
                    "the body member `{}` ({}) is gone",
                    text(member, "path"),
                    text(member, "from")
                ),
            ));
        }
    }
    out.extend(super::wire::envelope_additions(old, new));
    // Errors are matched as the published contract knows them: by group and code where
    // its codes are unique per group (whatever the new catalog says), else by code.
    let per_group = old["unique_codes"] == "group";
    let reader = super::wire::Reader::of(old, new);
    let new_errors = list(new, "errors");
    let old_errors = list(old, "errors");
    // Indexes for lookup only (never iterated): linear in the number of codes.
    let new_by_key = by_key(per_group, new_errors);
    let old_by_key = by_key(per_group, old_errors);
    let new_retired: HashSet<&str> = list(new, "retired")
        .iter()
        .map(|r| text(r, "code"))
        .collect();
    for before in old_errors {
        let code = text(before, "code");
        let group = per_group.then(|| before["group"].as_str()).flatten();
        let start = out.len();
        match new_by_key.get(&key(per_group, before)) {
            Some(after) => {
                error_changes(code, before, after, &mut out);
                out.extend(reader.changes(code, &before["example"], &after["example"]));
            }
            None => out.push(removed(code, before, new_retired.contains(code))),
        }
        for change in &mut out[start..] {
            change.group = group.map(str::to_owned);
        }
    }
    for after in new_errors {
        let code = text(after, "code");
        if !old_by_key.contains_key(&key(per_group, after)) {
            let group = per_group.then(|| after["group"].as_str()).flatten();
            out.push(Change::compatible(code, format!("new code `{code}`")).in_group(group));
        }
    }
    for retired in list(old, "retired") {
        let code = text(retired, "code");
        if !new_retired.contains(code) {
            out.push(Change::breaking(
                "RETIRED_CODE_NO_DELETE",
                code,
                format!("retired code `{code}` is no longer listed"),
            ));
        }
    }
    out.extend(super::operations::changes(old, new));
    let versions = super::version::version_changes(old, new, &out);
    out.extend(versions);
    out
}

/// A code that disappeared (`retired`: the new contract lists it as retired): retiring
/// a code deprecated in the published contract is the documented path; anything else
/// breaks clients.
fn removed(code: &str, before: &Json, retired: bool) -> Change {
    if retired && !before["deprecated"].is_null() {
        return Change::compatible(code, format!("`{code}` retired after its deprecation"));
    }
    let what = if retired {
        format!("`{code}` is retired without having been deprecated first")
    } else {
        format!("code `{code}` is gone")
    };
    Change::breaking("ERROR_CODE_NO_DELETE", code, what)
}

fn error_changes(code: &str, before: &Json, after: &Json, out: &mut Vec<Change>) {
    for (key, rule) in [
        ("status", "ERROR_STATUS_NO_CHANGE"),
        ("number", "ERROR_NUMBER_NO_CHANGE"),
    ] {
        if before[key] != after[key] {
            out.push(Change::breaking(
                rule,
                code,
                format!(
                    "the {key} of `{code}` changed from {} to {}",
                    before[key], after[key]
                ),
            ));
        }
    }
    // A status added to or dropped from an error sent with several: clients route on it.
    let (was, now) = (statuses(before), statuses(after));
    if before["status"] == after["status"] && was != now {
        out.push(Change::breaking(
            "ERROR_STATUS_NO_CHANGE",
            code,
            format!("the statuses of `{code}` changed from {was:?} to {now:?}"),
        ));
    }
    if before["retry"]["retryable"] != after["retry"]["retryable"] {
        out.push(Change::breaking(
            "ERROR_RETRY_CHANGED",
            code,
            match after["retry"]["retryable"].as_bool() {
                Some(true) => format!("`{code}` is now retryable"),
                Some(false) => format!("`{code}` is now not retryable"),
                None => format!("`{code}` no longer states a retry policy"),
            },
        ));
    }
    field_changes(code, "", &before["fields"], &after["fields"], out);
    if before["deprecated"].is_null() && !after["deprecated"].is_null() {
        out.push(Change::compatible(code, format!("`{code}` is deprecated")));
    }
}

/// Fields removed, retyped or with another presence, members of objects included.
fn field_changes(code: &str, parent: &str, before: &Json, after: &Json, out: &mut Vec<Change>) {
    let after_fields = after.as_array().map(Vec::as_slice).unwrap_or_default();
    for field in before.as_array().map(Vec::as_slice).unwrap_or_default() {
        let name = text(field, "name");
        let path = if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        };
        let Some(now) = after_fields.iter().find(|f| text(f, "name") == name) else {
            out.push(Change::breaking(
                "FIELD_NO_DELETE",
                code,
                format!("field `{path}` of `{code}` is gone"),
            ));
            continue;
        };
        if field["presence"] != now["presence"] {
            out.push(Change::breaking(
                "FIELD_PRESENCE_NO_CHANGE",
                code,
                format!(
                    "field `{path}` of `{code}` changed from {} to {}",
                    field["presence"], now["presence"]
                ),
            ));
        }
        let (old_type, new_type) = (&field["type"], &now["type"]);
        if old_type["kind"] == "object" && new_type["kind"] == "object" {
            field_changes(code, &path, &old_type["members"], &new_type["members"], out);
        } else if old_type != new_type {
            out.push(Change::breaking(
                "FIELD_TYPE_NO_CHANGE",
                code,
                format!("field `{path}` of `{code}` changed its type"),
            ));
        }
    }
    for field in after_fields {
        let name = text(field, "name");
        let known = before
            .as_array()
            .is_some_and(|b| b.iter().any(|f| text(f, "name") == name));
        if !known {
            let path = if parent.is_empty() {
                name.to_owned()
            } else {
                format!("{parent}.{name}")
            };
            let change = if field["presence"] == "required" || field["presence"] == "nullable" {
                // A member always sent that was not before is harmless to readers.
                Change::compatible(code, format!("field `{path}` added to `{code}`"))
            } else {
                Change::compatible(code, format!("optional field `{path}` added to `{code}`"))
            };
            out.push(change);
        }
    }
}

/// What an error is known by: its code, and its group where codes are unique per group.
fn key(per_group: bool, error: &Json) -> (&str, Option<&str>) {
    let group = per_group.then(|| error["group"].as_str()).flatten();
    (text(error, "code"), group)
}

/// Each error by its [`key`]; the first one where a key repeats.
fn by_key(per_group: bool, errors: &[Json]) -> HashMap<(&str, Option<&str>), &Json> {
    let mut out = HashMap::with_capacity(errors.len());
    for error in errors {
        out.entry(key(per_group, error)).or_insert(error);
    }
    out
}

fn list<'a>(value: &'a Json, key: &str) -> &'a [Json] {
    value[key].as_array().map(Vec::as_slice).unwrap_or_default()
}

fn text<'a>(value: &'a Json, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

/// Every status of a record's error: `statuses`, or `[status]` in records older than it.
fn statuses(error: &Json) -> Vec<u64> {
    match error["statuses"].as_array() {
        Some(all) => all.iter().filter_map(Json::as_u64).collect(),
        None => error["status"].as_u64().into_iter().collect(),
    }
}
