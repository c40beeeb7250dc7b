//! The scalars of the YAML writer: whether a string can be written plain, as a literal
//! block or only double-quoted, and how long it is written. Plain loops over the bytes
//! with tables, which stay fast at opt-level 0.

use super::yaml::{MAX_IMPLICIT_KEY, pad};

/// Words a YAML 1.1 or 1.2 reader takes for a boolean or null when plain, compared
/// without regard to case.
pub(super) const SPECIAL_WORDS: &[&str] = &[
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
];

/// Punctuation a plain string may hold besides ASCII letters, digits and inner spaces.
pub(super) const PLAIN_PUNCTUATION: &[char] = &['_', '.', '/', '$', '-', '(', ')', ','];

/// Punctuation a plain string may start with besides an ASCII letter.
pub(super) const PLAIN_START: &[char] = &['_', '/', '$', '('];

/// How many characters [`string`] writes for `text`, counted only when it may be long:
/// a character takes at most ten (`\UXXXXXXXX`).
pub(super) fn written_len(text: &str) -> usize {
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

/// Writes a string on one line: plain when that is unambiguous, double-quoted otherwise.
pub(super) fn string(out: &mut String, text: &str) {
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
pub(super) fn is_plain(text: &str) -> bool {
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
pub(super) fn fits_literal(text: &str) -> bool {
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
pub(super) fn literal(out: &mut String, text: &str, indent: usize) {
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
pub(super) fn quoted(out: &mut String, text: &str) {
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
pub(super) fn escape(out: &mut String, c: char) {
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
pub(super) fn is_printable(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' | '\u{2028}' | '\u{2029}'
        ))
}
