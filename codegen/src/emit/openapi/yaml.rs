//! A linear writer of a document tree as block YAML, for the OpenAPI files: one pass over
//! the tree, no intermediate one. Mappings and sequences are block style with two spaces of
//! indentation (a sequence at the indentation of its key), empty ones `{}` and `[]`.
//! A string is plain only when no YAML 1.1 or 1.2 reader can take it for anything else,
//! a literal block (`|-`) when that keeps it exactly, and double-quoted otherwise, so
//! every reader gets the value back unchanged.

use serde_json::Number;

use super::doc::{Doc, Obj};

/// Words a YAML 1.1 or 1.2 reader takes for a boolean or null when plain, compared
/// without regard to case.
const SPECIAL_WORDS: &[&str] = &[
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
];

/// Punctuation a plain string may hold besides ASCII letters, digits and inner spaces.
const PLAIN_PUNCTUATION: &[char] = &['_', '.', '/', '$', '-', '(', ')', ','];

/// Punctuation a plain string may start with besides an ASCII letter.
const PLAIN_START: &[char] = &['_', '/', '$', '('];

/// The longest key written as an implicit key (`key: value`), in characters; YAML
/// allows 1024, and longer keys are written explicitly (`? key` and `: value`).
const MAX_IMPLICIT_KEY: usize = 1000;

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

/// How many characters [`string`] writes for `text`, counted only when it may be long:
/// a character takes at most ten (`\UXXXXXXXX`).
fn written_len(text: &str) -> usize {
    if text.len() * 10 + 2 <= MAX_IMPLICIT_KEY {
        return text.len();
    }
    if is_plain(text) {
        return text.chars().count();
    }
    2 + text.chars().map(escaped_len).sum::<usize>()
}

/// How many characters [`quoted`] writes for `c`.
fn escaped_len(c: char) -> usize {
    match c {
        '"' | '\\' | '\n' | '\t' | '\r' => 2,
        c if is_printable(c) => 1,
        c if u32::from(c) <= 0xFF => 4,
        c if u32::from(c) <= 0xFFFF => 6,
        _ => 10,
    }
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
        super::json::number(out, n); // integers print as they are
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

/// Writes a string on one line: plain when that is unambiguous, double-quoted otherwise.
fn string(out: &mut String, text: &str) {
    if is_plain(text) {
        out.push_str(text);
    } else {
        quoted(out, text);
    }
}

/// Whether `text` reads back as this same string when written plain, in YAML 1.1 and
/// 1.2: a conservative allow-list of characters, starting with a letter or one of
/// [`PLAIN_START`], no trailing space, and not a special word. A plain loop over the
/// bytes with a table, which stays fast at opt-level 0.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || PLAIN_START.contains(&char::from(first))) || last == b' ' {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !PLAIN_BYTES[usize::from(bytes[i])] {
            return false;
        }
        i += 1;
    }
    text.len() > 5 || !SPECIAL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text))
}

/// The bytes a plain string may hold: ASCII letters, digits, the space and
/// [`PLAIN_PUNCTUATION`].
static PLAIN_BYTES: [bool; 256] = plain_bytes();

/// Builds [`PLAIN_BYTES`].
const fn plain_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte == b' ' as usize;
        byte += 1;
    }
    let mut i = 0;
    while i < PLAIN_PUNCTUATION.len() {
        table[PLAIN_PUNCTUATION[i] as usize] = true;
        i += 1;
    }
    table
}

/// Whether a literal block (`|-`) keeps `text` exactly: several lines, no final line
/// break, only printable characters without tab or carriage return, a first line that
/// is neither empty nor starts with a space, and no line ending in a space. One plain
/// loop over the bytes (the descriptions of shared statuses run to megabytes), which
/// stays fast at opt-level 0.
fn fits_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if first == b' ' || first == b'\n' || last == b'\n' || last == b' ' || !has_line_break(bytes) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'\n' {
            // Not the first byte, so there is a previous one.
            if bytes[i - 1] == b' ' {
                return false;
            }
            i += 1;
        } else if byte < 0x80 {
            if byte < 0x20 || byte == 0x7f {
                return false; // tab, carriage return and the other control characters
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            if !is_printable(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Whether `bytes` hold a line feed: most strings have none, and this loop is the
/// cheapest way to say so at opt-level 0.
fn has_line_break(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            return true;
        }
        i += 1;
    }
    false
}

/// Writes the lines of `text` at `indent`, empty lines without indentation.
fn literal(out: &mut String, text: &str, indent: usize) {
    for line in text.split('\n') {
        if !line.is_empty() {
            pad(out, indent);
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// Writes `text` double-quoted, escaping quotes, backslashes and every character
/// [`is_printable`] refuses; runs that need no escape are copied whole. Printable ASCII
/// is passed over byte by byte, other characters decoded one at a time.
fn quoted(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if QUOTE_FREE[usize::from(byte)] {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let width = c.len_utf8();
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            c if is_printable(c) => {
                i += width;
                continue;
            }
            _ => "",
        };
        out.push_str(&text[start..i]);
        i += width;
        start = i;
        if escaped.is_empty() {
            escape(out, c);
        } else {
            out.push_str(escaped);
        }
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// The bytes [`quoted`] copies as they are: printable ASCII but the quote and the
/// backslash.
static QUOTE_FREE: [bool; 256] = quote_free();

/// Builds [`QUOTE_FREE`].
const fn quote_free() -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0x20;
    while byte < 0x7f {
        table[byte] = byte != b'"' as usize && byte != b'\\' as usize;
        byte += 1;
    }
    table
}

/// Writes the numeric escape of `c`: `\xXX`, `\uXXXX` or `\UXXXXXXXX`.
fn escape(out: &mut String, c: char) {
    let code = u32::from(c);
    let text = match code {
        0..=0xFF => format!("\\x{code:02X}"),
        0x100..=0xFFFF => format!("\\u{code:04X}"),
        _ => format!("\\U{code:08X}"),
    };
    out.push_str(&text);
}

/// Whether `c` may stand unescaped in a YAML document read by a 1.1 or 1.2 reader:
/// not a control character (C0, DEL, C1 including NEL), not a byte-order mark or
/// noncharacter U+FFFE/U+FFFF, and not the line or paragraph separator.
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' | '\u{2028}' | '\u{2029}'
        ))
}

/// Spaces copied by [`pad`].
const SPACES: &str = "                                                                ";

/// Writes `indent` spaces.
fn pad(out: &mut String, mut indent: usize) {
    while indent > SPACES.len() {
        out.push_str(SPACES);
        indent -= SPACES.len();
    }
    out.push_str(&SPACES[..indent]);
}

#[cfg(test)]
#[path = "yaml_tests.rs"]
mod tests;
