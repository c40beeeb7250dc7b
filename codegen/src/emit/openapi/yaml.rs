//! A linear writer of a document tree as block YAML, for the OpenAPI files: one pass over
//! the tree, no intermediate one. Mappings and sequences are block style with two spaces of
//! indentation (a sequence at the indentation of its key), empty ones `{}` and `[]`.
//! A string is plain only when no YAML 1.1 or 1.2 reader can take it for anything else,
//! a literal block (`|-`) when that keeps it exactly, and double-quoted otherwise, so
//! every reader gets the value back unchanged.

use serde_json::Number;

use super::yaml_strings::{fits_literal, literal, string, written_len};
use crate::emit::doc::{Doc, Obj};

/// The longest key written as an implicit key (`key: value`), in characters; YAML
/// allows 1024, and longer keys are written explicitly (`? key` and `: value`).
pub(super) const MAX_IMPLICIT_KEY: usize = 1000;

/// `value` as a YAML document ending in a newline.
pub(super) fn to_string(value: &Doc<'_>) -> String {
    let mut out = String::new();
    write(&mut out, value);
    out
}

/// Appends `value` to `out` as a YAML document ending in a newline.
pub(super) fn write(out: &mut String, value: &Doc<'_>) {
    item_value(out, value, 0);
}

/// Writes the entries of a non-empty mapping at `indent`, each `key: value`; with
/// `inline`, the first line's indentation is already written (after a `- `).
fn mapping(out: &mut String, map: &Obj<'_>, indent: usize, inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline {
            pad(out, indent);
        }
        if written_len(key) > MAX_IMPLICIT_KEY {
            explicit_entry(out, key, value, indent);
        } else {
            string(out, key);
            entry_value(out, value, indent);
        }
    }
}

/// Writes an entry whose key is too long for an implicit key: `? key`, then the value
/// after `: ` on the next line, laid out like a sequence item.
fn explicit_entry(out: &mut String, key: &str, value: &Doc<'_>, indent: usize) {
    out.push_str("? ");
    string(out, key);
    out.push('\n');
    pad(out, indent);
    out.push_str(": ");
    item_value(out, value, indent + 2);
}

/// Writes the items of a non-empty sequence at `indent`, each after `- `; `inline` as
/// for [`mapping`].
fn sequence(out: &mut String, items: &[Doc<'_>], indent: usize, inline: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline {
            pad(out, indent);
        }
        out.push_str("- ");
        item_value(out, item, indent + 2);
    }
}

/// Writes what follows a mapping key written at `indent`: the colon, then the value
/// on the same line or as a block below.
fn entry_value(out: &mut String, value: &Doc<'_>, indent: usize) {
    match value {
        Doc::Map(map) if !map.is_empty() => {
            out.push_str(":\n");
            mapping(out, map, indent + 2, false);
        }
        Doc::List(items) if !items.is_empty() => {
            out.push_str(":\n");
            sequence(out, items, indent, false);
        }
        Doc::Str(text) if fits_literal(text) => {
            out.push_str(": |-\n");
            literal(out, text, indent + 2);
        }
        scalar => {
            out.push_str(": ");
            inline_scalar(out, scalar);
            out.push('\n');
        }
    }
}

/// Writes a value whose first line starts at column `indent`, already written: a
/// sequence item's content after `- `, or the whole document at column 0.
fn item_value(out: &mut String, value: &Doc<'_>, indent: usize) {
    match value {
        Doc::Map(map) if !map.is_empty() => mapping(out, map, indent, true),
        Doc::List(items) if !items.is_empty() => sequence(out, items, indent, true),
        Doc::Str(text) if fits_literal(text) => {
            out.push_str("|-\n");
            literal(out, text, indent.max(2));
        }
        scalar => {
            inline_scalar(out, scalar);
            out.push('\n');
        }
    }
}

/// Writes a value that fits on one line: a scalar or an empty container.
fn inline_scalar(out: &mut String, value: &Doc<'_>) {
    match value {
        Doc::Null => out.push_str("null"),
        Doc::Bool(true) => out.push_str("true"),
        Doc::Bool(false) => out.push_str("false"),
        Doc::Num(n) => number(out, n),
        Doc::Str(text) => string(out, text),
        Doc::List(_) => out.push_str("[]"),
        Doc::Map(_) => out.push_str("{}"),
    }
}

/// Writes a number as serde_json prints it; a float in exponent form gets a point and
/// a signed exponent (`1.0e+20`), which YAML 1.1 needs to read it as a float.
fn number(out: &mut String, n: &Number) {
    if !n.is_f64() {
        crate::emit::doc::json::number(out, n); // integers print as they are
        return;
    }
    let text = n.to_string();
    match text.split_once('e') {
        Some((mantissa, exponent)) => {
            out.push_str(mantissa);
            if !mantissa.contains('.') {
                out.push_str(".0");
            }
            out.push('e');
            if !exponent.starts_with(['-', '+']) {
                out.push('+');
            }
            out.push_str(exponent);
        }
        _ => out.push_str(&text),
    }
}

/// Spaces copied by [`pad`].
const SPACES: &str = "                                                                ";

/// Writes `indent` spaces.
pub(super) fn pad(out: &mut String, mut indent: usize) {
    while indent > SPACES.len() {
        out.push_str(SPACES);
        indent -= SPACES.len();
    }
    out.push_str(&SPACES[..indent]);
}

#[cfg(test)]
#[path = "yaml_tests.rs"]
mod tests;
