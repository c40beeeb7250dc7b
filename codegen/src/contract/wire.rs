//! The body a client's parser checks. The generated parser identifies an error, reads
//! its fields and the message, serialises the error it read and compares that with the
//! body it received: every other member (title, description, type URI, group, retry
//! members, constants) must hold exactly the value the previous version sent, and, where
//! the envelope refuses unknown members, no member may appear that it did not send. So
//! a change of any such member in an error's example body breaks the previous parser.

use std::collections::{HashMap, HashSet};

use serde_json::Value as Json;

use super::Change;

/// The rule a changed or missing checked member breaks.
pub const VALUE_RULE: &str = "BODY_VALUE_NO_CHANGE";

/// The rule a member the previous parser refuses breaks.
pub const ADDED_RULE: &str = "BODY_MEMBER_NO_ADD";

/// What the previous parser does with a published body: which member holds what, and
/// whether members it does not know are refused.
pub(super) struct Reader<'a> {
    /// Each member's path (`error.code`, `errors[].title`) and what it holds (`title`,
    /// `const`, `fields` for an object holding the fields).
    members: HashMap<&'a str, &'a str>,
    /// Members the new envelope no longer has, or has anew: reported once for the
    /// whole body, not for each error.
    envelope_changed: HashSet<&'a str>,
    refuses_unknown: bool,
}

impl<'a> Reader<'a> {
    /// The reader of the published `record`, comparing it with the record `new`; a
    /// record that does not say what its parser does with unknown members is taken to
    /// refuse them (the stricter reading).
    pub(super) fn of(record: &'a Json, new: &'a Json) -> Self {
        let members: HashMap<&str, &str> = envelope(record).collect();
        let now: HashMap<&str, &str> = envelope(new).collect();
        let envelope_changed = members
            .iter()
            .filter(|(path, from)| now.get(*path) != Some(from))
            .chain(now.iter().filter(|(path, _)| !members.contains_key(*path)))
            .map(|(path, _)| *path)
            .collect();
        Self {
            members,
            envelope_changed,
            refuses_unknown: refuses_unknown(record),
        }
    }

    /// The changes of one error's example body, `before` (published) to `after`, that
    /// the previous parser would refuse or read as another error.
    pub(super) fn changes(&self, code: &str, before: &Json, after: &Json) -> Vec<Change> {
        let mut out = Vec::new();
        let mut path = String::new();
        self.compare(code, before, after, &mut path, &mut out);
        out
    }

    /// Whether the member at `path` holds a request context member, which the previous
    /// parser reads as context whether or not a body has it.
    fn is_context(&self, path: &str) -> bool {
        self.members
            .get(path)
            .is_some_and(|from| from.starts_with("context."))
    }

    fn compare(
        &self,
        code: &str,
        before: &Json,
        after: &Json,
        path: &mut String,
        out: &mut Vec<Change>,
    ) {
        match self.members.get(path.as_str()).copied() {
            // Checked elsewhere (status, number, code rules), read per response
            // (message, context), or read as the error's fields (their own rules).
            Some("status" | "number" | "code" | "message") => return,
            Some(from) if from.starts_with("context.") => return,
            Some(from) if from != "fields" => {
                if before != after {
                    out.push(value_changed(code, path, from, before, after));
                }
                return;
            }
            _ => {}
        }
        let holds_fields = self.members.get(path.as_str()) == Some(&"fields");
        match (before, after) {
            (Json::Object(was), Json::Object(now)) => {
                for (key, old) in was {
                    let mark = enter(path, key);
                    let is_field = holds_fields && !self.members.contains_key(path.as_str());
                    match now.get(key) {
                        // A context member's presence is the envelope's rule, not the
                        // error's (`required: true` puts its example in every body).
                        _ if is_field
                            || self.envelope_changed.contains(path.as_str())
                            || self.is_context(path) => {}
                        Some(new) => self.compare(code, old, new, path, out),
                        None => out.push(missing(code, path, self.members.get(path.as_str()), old)),
                    }
                    path.truncate(mark);
                }
                if self.refuses_unknown {
                    for key in now.keys().filter(|key| !was.contains_key(*key)) {
                        let mark = enter(path, key);
                        if !self.envelope_changed.contains(path.as_str()) && !self.is_context(path)
                        {
                            out.push(added(code, path));
                        }
                        path.truncate(mark);
                    }
                }
            }
            (Json::Array(was), Json::Array(now)) if was.len() == now.len() => {
                let mark = path.len();
                path.push_str("[]");
                for (old, new) in was.iter().zip(now) {
                    self.compare(code, old, new, path, out);
                }
                path.truncate(mark);
            }
            _ if before != after => out.push(value_changed(code, path, "member", before, after)),
            _ => {}
        }
    }
}

/// Each member of a record's envelope: its path and what it holds.
fn envelope(record: &Json) -> impl Iterator<Item = (&str, &str)> {
    record["envelope"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|m| {
            let path = m["path"].as_str().unwrap_or_default();
            (path, m["from"].as_str().unwrap_or_default())
        })
}

/// Whether the parser of `record` refuses members it does not know.
pub(super) fn refuses_unknown(record: &Json) -> bool {
    record["unknown_members"] != "allow"
}

/// The members of the `new` envelope that the previous parser refuses: members it
/// does not know, where it refuses unknown members.
pub(super) fn envelope_additions(old: &Json, new: &Json) -> Vec<Change> {
    if !refuses_unknown(old) {
        return Vec::new();
    }
    let known: HashSet<&str> = envelope(old).map(|(path, _)| path).collect();
    envelope(new)
        .filter(|(path, _)| !known.contains(path))
        .map(|(path, from)| {
            Change::breaking(
                ADDED_RULE,
                "",
                format!("the body member `{path}` ({from}) is new, and the previous parser refuses members it does not know (`unknown_members: refuse`)"),
            )
        })
        .collect()
}

/// Appends `.key` (or `key` at the top) to `path`; returns the length to truncate to.
fn enter(path: &mut String, key: &str) -> usize {
    let mark = path.len();
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
    mark
}

fn value_changed(code: &str, path: &str, from: &str, before: &Json, after: &Json) -> Change {
    Change::breaking(
        VALUE_RULE,
        code,
        format!("the body member `{path}` ({from}) of `{code}` changed from {before} to {after}"),
    )
}

fn missing(code: &str, path: &str, from: Option<&&str>, before: &Json) -> Change {
    let from = from.map_or("member", |f| f);
    Change::breaking(
        VALUE_RULE,
        code,
        format!("the body member `{path}` ({from}, {before}) of `{code}` is no longer sent"),
    )
}

fn added(code: &str, path: &str) -> Change {
    Change::breaking(
        ADDED_RULE,
        code,
        format!(
            "the body member `{path}` of `{code}` is sent now, and the previous parser refuses members it does not know (`unknown_members: refuse`)"
        ),
    )
}
