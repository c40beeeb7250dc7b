//! Operations: each one's id, route and errors, checked. A code or group named that
//! does not exist is reported at its place (with the nearest name), so is an id or a
//! Rust enum name used twice; the errors an operation returns are its own, its groups'
//! and every operation's, in catalog order.

use std::collections::HashMap;

use crate::spanned::Spanned;
use heck::ToUpperCamelCase;

use super::{Checker, pos, types::RESERVED_TYPES, types::object_names};
use crate::model::{ErrorDef, Group, Operation};
use crate::names;
use crate::raw::{RawScalar, Text};
use crate::raw_operations::{RawEveryOperation, RawOperation};

/// The HTTP methods an operation may name, as OpenAPI keys them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What operations are checked against: the catalog's errors and groups.
pub(super) struct Known<'a> {
    /// The errors, in catalog order.
    pub errors: &'a [ErrorDef],
    /// The groups.
    pub groups: &'a [Group],
    /// Whether codes repeat across groups (`unique_codes: group`): then an operation
    /// names an error `group.code`.
    pub per_group: bool,
}

/// The checked operations, in catalog order.
pub(super) fn check_operations(
    ck: &mut Checker<'_>,
    raw: &[RawOperation],
    every: Option<&RawEveryOperation>,
    known: &Known<'_>,
) -> Vec<Operation> {
    let common = every.map_or_else(Vec::new, |e| errors_of(ck, &e.errors, &e.groups, known));
    let mut seen: HashMap<String, &Text> = HashMap::new();
    let mut objects = Vec::new();
    for param in known.errors.iter().flat_map(|e| &e.params) {
        object_names(&param.ty, &mut objects);
    }
    let mut out = Vec::with_capacity(raw.len());
    for operation in raw {
        let id = operation_id(ck, &operation.id);
        let variant = format!("{}Error", id.to_upper_camel_case());
        let first = *seen.entry(variant.clone()).or_insert(&operation.id);
        if !std::ptr::eq(first, &operation.id) {
            let message = if first.value == operation.id.value {
                format!("operation `{}` is declared twice", operation.id.value)
            } else {
                format!(
                    "operation `{}` makes the same enum as `{}`",
                    operation.id.value, first.value
                )
            };
            let d = ck
                .at(pos(&operation.id), message)
                .label("its error enum would be declared twice")
                .note(format!(
                    "`{}` at line {} has the enum `{variant}` too",
                    first.value,
                    pos(first).line
                ))
                .help("give each operation an id of its own");
            ck.report(d);
        } else if RESERVED_TYPES.contains(&variant.as_str()) {
            let d = ck
                .at(
                    pos(&operation.id),
                    format!("operation `{id}` would name its enum `{variant}`"),
                )
                .label("a type of the generated module has this name")
                .help("rename the operation");
            ck.report(d);
        } else if objects.contains(&variant) {
            let d = ck
                .at(
                    pos(&operation.id),
                    format!("operation `{id}` would name its enum `{variant}`"),
                )
                .label("an object field's struct has this name (its code and field)")
                .help("rename the operation or the field");
            ck.report(d);
        }
        let (method, path) = route(ck, operation);
        let mut errors = errors_of(ck, &operation.errors, &operation.groups, known);
        errors.extend(&common);
        errors.sort_unstable();
        errors.dedup();
        out.push(Operation {
            anchor: format!("operation-{}", names::anchor(&id)),
            id,
            method,
            path,
            summary: operation
                .summary
                .as_ref()
                .map(|s| ck.required(s, "operation summary")),
            errors,
            variant,
        });
    }
    out
}

/// An operation's id: snake case, as its enum's name and anchor are made from it.
fn operation_id(ck: &mut Checker<'_>, raw: &Text) -> String {
    let id = ck.required(raw, "operation id");
    let snake = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !snake {
        let d = ck
            .at(pos(raw), format!("operation id `{id}` is not snake case"))
            .label("expected lower-case letters, digits and `_`, starting with a letter")
            .help("write the id as `create_invite`; its Rust enum is `CreateInviteError`");
        ck.report(d);
    }
    id
}

/// The method and path, both given or neither; the method one of HTTP's, in lower case.
fn route(ck: &mut Checker<'_>, raw: &RawOperation) -> (Option<String>, Option<String>) {
    match (&raw.method, &raw.path) {
        (Some(method), Some(path)) => {
            let lower = method.value.to_ascii_lowercase();
            let named = METHODS.contains(&lower.as_str())
                && (method.value == lower || method.value == lower.to_ascii_uppercase());
            if !named {
                let d = ck
                    .at(
                        pos(method),
                        format!("`{}` is not an HTTP method", method.value),
                    )
                    .label("expected GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH or TRACE")
                    .help("write the method in upper or lower case, e.g. `method: POST`");
                ck.report(d);
            }
            if !path.value.starts_with('/') {
                let d = ck
                    .at(
                        pos(path),
                        format!("path `{}` does not start with `/`", path.value),
                    )
                    .label("expected a path template such as `/invites/{id}`")
                    .help("write the path as OpenAPI does, relative to the server's URL");
                ck.report(d);
            }
            (Some(lower), Some(path.value.clone()))
        }
        (None, None) => (None, None),
        (Some(one), None) | (None, Some(one)) => {
            let d = ck
                .at(pos(one), format!("operation `{}` has a method or a path, not both", raw.id.value))
                .label("a route needs both")
                .help("give `method` and `path` together, or neither for an operation known by its id alone");
            ck.report(d);
            (None, None)
        }
    }
}

/// The indexes of the errors named by codes and groups, each reported where it names
/// nothing.
fn errors_of(
    ck: &mut Checker<'_>,
    codes: &[Spanned<RawScalar>],
    groups: &[Text],
    known: &Known<'_>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for code in codes {
        let written = match &code.value {
            RawScalar::Str(text) => text.clone(),
            RawScalar::Int(number) => number.to_string(),
            _ => String::new(),
        };
        let found = known.errors.iter().position(|e| key(e, known) == written);
        match found {
            Some(index) => out.push(index),
            None => {
                let names = known.errors.iter().map(|e| key(e, known));
                unknown(ck, pos(code), &written, "error", names.collect());
            }
        }
    }
    for group in groups {
        let Some(index) = known.groups.iter().position(|g| g.name == group.value) else {
            let names = known.groups.iter().map(|g| g.name.clone()).collect();
            unknown(ck, pos(group), &group.value, "group", names);
            continue;
        };
        let members = known
            .errors
            .iter()
            .enumerate()
            .filter(|(_, e)| in_group(e, index, known));
        out.extend(members.map(|(i, _)| i));
    }
    out
}

/// How an operation names an error: its code, or `group.code` where codes repeat
/// across groups.
fn key(error: &ErrorDef, known: &Known<'_>) -> String {
    match error.group {
        Some(group) if known.per_group => format!("{}.{}", known.groups[group].name, error.code),
        _ => error.code.clone(),
    }
}

/// Whether `error` is in the group at `index`, or in one of its subgroups.
fn in_group(error: &ErrorDef, index: usize, known: &Known<'_>) -> bool {
    let mut group = error.group;
    while let Some(current) = group {
        if current == index {
            return true;
        }
        group = known.groups[current].parent;
    }
    false
}

/// Reports a name that is no error or group of the catalog, with the nearest one.
fn unknown(
    ck: &mut Checker<'_>,
    at: crate::source::Pos,
    written: &str,
    what: &str,
    names: Vec<String>,
) {
    let nearest = names
        .iter()
        .map(|name| (crate::parser_messages::edit_distance(written, name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.len())
        .min();
    let help = match nearest {
        Some((_, name)) => format!("did you mean `{name}`?"),
        None => format!(
            "name {} the catalog declares",
            if what == "error" {
                "an error"
            } else {
                "a group"
            }
        ),
    };
    let d = ck
        .at(at, format!("no {what} `{written}` in this catalog"))
        .label(format!("an operation returns only the catalog's {what}s"))
        .help(help);
    ck.report(d);
}
