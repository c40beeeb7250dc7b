//! A pretty-JSON writer for the document tree that writes exactly what
//! `serde_json::to_string_pretty` writes for the same value: two spaces of indentation,
//! `"key": value`, `[]` and `{}` when empty, and serde_json's string escapes.

use std::fmt::Write as _;

use super::{Doc, Obj};

/// A line break and the spaces copied by [`line`].
const LINE: &str = "\n                                                                ";

/// `doc` as pretty JSON, without a final newline.
#[cfg(test)]
fn to_string_pretty(doc: &Doc<'_>) -> String {
    let mut out = String::new();
    write(&mut out, doc);
    out
}

/// Appends `doc` as pretty JSON to `out`, without a final newline.
pub(crate) fn write(out: &mut String, doc: &Doc<'_>) {
    value(out, doc, 0);
}

/// Writes `doc` whose first line is already indented; nested lines at `indent`.
fn value(out: &mut String, doc: &Doc<'_>, indent: usize) {
    match doc {
        Doc::Null => out.push_str("null"),
        Doc::Bool(true) => out.push_str("true"),
        Doc::Bool(false) => out.push_str("false"),
        Doc::Num(n) => number(out, n),
        Doc::Str(text) => string(out, text),
        Doc::List(items) => list(out, items, indent),
        Doc::Map(obj) => object(out, obj, indent),
    }
}

/// Writes an array, one item a line at `indent + 2`.
fn list(out: &mut String, items: &[Doc<'_>], indent: usize) {
    if items.is_empty() {
        out.push_str("[]");
        return;
    }
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        line(out, indent + 2);
        value(out, item, indent + 2);
    }
    line(out, indent);
    out.push(']');
}

/// Writes an object, one `"key": value` a line at `indent + 2`.
fn object(out: &mut String, obj: &Obj<'_>, indent: usize) {
    if obj.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    for (i, (key, item)) in obj.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        line(out, indent + 2);
        string(out, key);
        out.push_str(": ");
        value(out, item, indent + 2);
    }
    line(out, indent);
    out.push('}');
}

/// serde_json's escape of each byte: 0 for none, `u` for `\u00XX`, otherwise the
/// character written after the backslash.
static ESCAPES: [u8; 256] = escapes();

/// Builds [`ESCAPES`]: control characters, the quote and the backslash.
const fn escapes() -> [u8; 256] {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
}

/// Lowercase hexadecimal digits, as serde_json writes `\u00XX`.
static HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `text` quoted with serde_json's escapes; runs needing none are copied whole.
/// A plain loop over the bytes with a table, which stays fast at opt-level 0.
fn string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let escape = ESCAPES[usize::from(bytes[i])];
        if escape != 0 {
            // Every escaped byte is ASCII, so `i` is a character boundary.
            out.push_str(&text[start..i]);
            push_escape(out, escape, bytes[i]);
            start = i + 1;
        }
        i += 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Writes the escape of `byte`, whose [`ESCAPES`] entry is `escape`.
fn push_escape(out: &mut String, escape: u8, byte: u8) {
    out.push('\\');
    if escape == b'u' {
        out.push_str("u00");
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xf)]));
    } else {
        out.push(char::from(escape));
    }
}

/// Writes a line break and `indent` spaces, in one copy when the indent is usual.
fn line(out: &mut String, mut indent: usize) {
    let most = LINE.len() - 1;
    if indent <= most {
        out.push_str(&LINE[..=indent]);
        return;
    }
    out.push_str(LINE);
    indent -= most;
    while indent > most {
        out.push_str(&LINE[1..]);
        indent -= most;
    }
    out.push_str(&LINE[1..=indent]);
}

/// Writes a number as serde_json does: integers in decimal, floats by `Number`'s
/// `Display` (the same shortest round-trip form as serde_json's serialiser).
pub(crate) fn number(out: &mut String, n: &serde_json::Number) {
    if let Some(u) = n.as_u64() {
        decimal(out, u);
    } else if let Some(i) = n.as_i64() {
        out.push('-');
        decimal(out, i.unsigned_abs());
    } else {
        // Writing into a `String` cannot fail.
        let _ = write!(out, "{n}");
    }
}

/// Writes `n` in decimal without the formatting machinery.
fn decimal(out: &mut String, mut n: u64) {
    let mut digits = [0_u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Number, Value as Json, json};

    /// Writes `value` both ways and asserts the texts are equal.
    fn same_as_serde_json(value: &Json) {
        let ours = to_string_pretty(&Doc::from_json(value));
        let theirs = serde_json::to_string_pretty(value).unwrap_or_default();
        assert_eq!(ours, theirs);
    }

    /// Strings that need escapes, or look as if they might.
    const NASTY: &[&str] = &[
        "",
        "\"",
        "\\",
        "\\\"",
        "\n",
        "\r\n",
        "\t",
        "\u{8}",
        "\u{c}",
        "\u{0}",
        "\u{1}",
        "\u{1f}",
        "\u{7f}",
        "\u{80}",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}",
        "\u{ffff}",
        "é ü 中",
        "😀\n🎉",
        "</script>",
        "a\u{0}b\u{1b}[0m",
        "{}",
        "[]",
    ];

    #[test]
    fn nasty_strings_match_serde_json() {
        for &text in NASTY {
            same_as_serde_json(&json!({ text: text, "list": [text, { text: [] }] }));
        }
    }

    #[test]
    fn scalars_and_empty_containers_match_serde_json() {
        same_as_serde_json(&json!({
            "null": null, "t": true, "f": false, "int": 401, "neg": i64::MIN, "big": u64::MAX,
            "float": 1.5, "whole": 100.0, "tiny": 1e-7, "huge": 1e20, "neg_exp": -2.5e-30,
            "empty_map": {}, "empty_list": [], "nested": { "a": {}, "b": [[], {}, [[]]] },
        }));
        same_as_serde_json(&json!([]));
        same_as_serde_json(&json!({}));
        same_as_serde_json(&json!("top"));
        let deep = (0..40).fold(json!("leaf"), |inner, _| json!({ "k": [inner] }));
        same_as_serde_json(&deep);
    }

    /// Any string, biased towards characters that need escapes.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            proptest::collection::vec(
                prop_oneof![
                    (0_u32..0x80).prop_map(|c| char::from_u32(c).unwrap_or('x')),
                    Just('"'),
                    Just('\\'),
                    any::<char>(),
                ],
                0..12,
            )
            .prop_map(|chars| chars.into_iter().collect()),
        ]
    }

    /// Any JSON value a few levels deep, floats finite.
    fn value_tree() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<i64>().prop_map(Json::from),
            any::<u64>().prop_map(Json::from),
            any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Json::Number)),
            text().prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
                proptest::collection::vec((text(), inner), 0..8)
                    .prop_map(|entries| Json::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn random_trees_match_serde_json(value in value_tree()) {
            let ours = to_string_pretty(&Doc::from_json(&value));
            let theirs = serde_json::to_string_pretty(&value).unwrap_or_default();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn owned_conversion_matches_borrowed(value in value_tree()) {
            let borrowed = Doc::from_json(&value);
            prop_assert_eq!(&Doc::from(value.clone()), &borrowed);
            prop_assert_eq!(borrowed.to_json(), value);
        }
    }
}
