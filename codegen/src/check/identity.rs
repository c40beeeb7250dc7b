//! What tells errors apart on the wire: the code, the number, or else a title or
//! attribute (an RFC 9457 type URI) that every error holds a value of its own of.

use std::collections::HashMap;

use super::{Checker, envelope, pos};
use crate::model::{Envelope, ErrorDef, FieldSource, Identity, Scalar};
use crate::raw::RawError;

/// Decides which member identifies errors and checks that it tells every error apart,
/// and that every error has the number the envelope sends.
pub(super) fn check_identity(
    ck: &mut Checker<'_>,
    envelope: &Envelope,
    errors: &[ErrorDef],
    raw: &[RawError],
) -> Identity {
    let mut sources = Vec::new();
    envelope::visit_sources(&envelope.body, &mut |s| sources.push(s));
    let by_code = sources
        .iter()
        .any(|s| matches!(s, FieldSource::Code | FieldSource::Number));
    if sources.contains(&FieldSource::Number) {
        numbers_present(ck, errors, raw);
    }
    if sources.contains(&FieldSource::Code) {
        for raw_error in raw.iter().filter(|e| e.numeric) {
            let d = ck
                .at(
                    pos(&raw_error.code),
                    format!(
                        "error {} has no code for `from: code`",
                        raw_error.code.value
                    ),
                )
                .label("known by its number only")
                .help("give it a `code`, or send `from: number` instead of `from: code`");
            ck.report(d);
        }
    }
    if by_code {
        return Identity::Code;
    }
    let attribute = sources.iter().find_map(|s| match s {
        FieldSource::Attribute(index) => Some(*index),
        _ => None,
    });
    match attribute {
        // The title is the identity only without an identifying attribute.
        Some(index)
            if !sources.contains(&FieldSource::Title) || attribute_unique(errors, index) =>
        {
            unique(
                ck,
                errors,
                raw,
                &|e| attribute_text(e, index),
                "attribute value",
            );
            titles_for_lookup(ck, errors, raw);
            Identity::Attribute(index)
        }
        None if !sources.contains(&FieldSource::Title)
            && sources.contains(&FieldSource::Status) =>
        {
            let own_status = |e: &ErrorDef| {
                e.more_statuses
                    .is_empty()
                    .then_some(e.status)
                    .flatten()
                    .map(|s| s.to_string())
            };
            unique(ck, errors, raw, &own_status, "status");
            Identity::Status
        }
        _ => {
            unique(ck, errors, raw, &|e| e.title.clone(), "title");
            Identity::Title
        }
    }
}

fn numbers_present(ck: &mut Checker<'_>, errors: &[ErrorDef], raw: &[RawError]) {
    for (error, raw_error) in errors.iter().zip(raw) {
        if error.number.is_none() {
            let d = ck
                .at(
                    pos(&raw_error.code),
                    format!("code \"{}\" has no `number`", error.code),
                )
                .label("the envelope sends `from: number`")
                .help("give every error a `number`, or drop `from: number` from the envelope");
            ck.report(d);
        }
    }
}

/// Reports every error whose title an earlier one has, where bodies carry neither code
/// nor number: the generated `Code::from_title` then finds codes by title, and of two
/// with one title would only ever find the first.
fn titles_for_lookup(ck: &mut Checker<'_>, errors: &[ErrorDef], raw: &[RawError]) {
    // For lookup only, never iterated: reports follow the catalog's order.
    let mut first_with: HashMap<&str, &ErrorDef> = HashMap::new();
    for (error, raw_error) in errors.iter().zip(raw) {
        let Some(title) = error.title.as_deref() else {
            continue;
        };
        let first = *first_with.entry(title).or_insert(error);
        if std::ptr::eq(first, error) {
            continue;
        }
        let at = raw_error.title.as_ref().map_or(pos(&raw_error.code), pos);
        let d = ck
            .at(at, format!("duplicate title \"{title}\""))
            .label("`Code::from_title` would find only one of these codes")
            .note(format!(
                "code \"{}\" has this title too; bodies carry no code or number, so the generated `Code::from_title` looks codes up by title",
                first.code
            ))
            .help("give each error its own title, or add `from: code` to the envelope");
        ck.report(d);
    }
}

/// An attribute's value as text, for comparing errors.
fn attribute_text(error: &ErrorDef, index: usize) -> Option<String> {
    match error.attributes.get(index)?.as_ref()? {
        Scalar::Str(s) => Some(s.clone()),
        Scalar::Int(i) => Some(i.to_string()),
        Scalar::Bool(b) => Some(b.to_string()),
        Scalar::Null | Scalar::Json(_) => None,
    }
}

fn attribute_unique(errors: &[ErrorDef], index: usize) -> bool {
    let mut seen = std::collections::HashSet::new();
    errors
        .iter()
        .all(|e| attribute_text(e, index).is_some_and(|v| seen.insert(v)))
}

/// Reports every error whose `key` is missing or the same as an earlier one's.
fn unique(
    ck: &mut Checker<'_>,
    errors: &[ErrorDef],
    raw: &[RawError],
    key: &dyn Fn(&ErrorDef) -> Option<String>,
    what: &str,
) {
    let (missing, missing_help) = if what == "status" {
        (
            "is sent with several statuses, so no status tells it apart",
            "give the error one status of its own, or add `from: code` to the envelope",
        )
    } else {
        (
            "has no attribute value to be told apart by",
            "set the attribute on every error, or add `from: code` to the envelope",
        )
    };
    // For lookup only, never iterated: reports follow the catalog's order.
    let mut first_with: HashMap<String, &ErrorDef> = HashMap::new();
    for (error, raw_error) in errors.iter().zip(raw) {
        let Some(value) = key(error) else {
            if what == "title" {
                continue; // `texts::stated_where_sent` reports a title sent but not stated
            }
            let d = ck
                .at(
                    pos(&raw_error.code),
                    format!("code \"{}\" {missing}", error.code),
                )
                .label("the envelope carries no code")
                .help(missing_help);
            ck.report(d);
            continue;
        };
        let first = *first_with.entry(value.clone()).or_insert(error);
        if !std::ptr::eq(first, error) {
            let at = match what {
                "title" => raw_error.title.as_ref().map_or(pos(&raw_error.code), pos),
                _ => pos(&raw_error.code),
            };
            let d = ck
                .at(at, format!("duplicate {what} \"{value}\""))
                .label("bodies of these errors would be the same")
                .note(format!(
                    "code \"{}\" has this {what} too, and the envelope carries no code",
                    first.code
                ))
                .help(format!(
                    "give each error its own {what}, or add `from: code` to the envelope"
                ));
            ck.report(d);
        }
    }
}
