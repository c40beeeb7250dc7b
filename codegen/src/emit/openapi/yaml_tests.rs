//! Tests of the YAML writer: documents read back unchanged, the layout of the OpenAPI
//! files, and the byte loops against the plain definitions they replace.

use super::*;
use crate::emit::openapi::yaml_strings::{fits_literal, is_plain, quoted};
use serde_json::{Value as Json, json};

/// Writes `value`, reads it back with serde_saphyr and asserts it is unchanged.
fn round_trip(value: &Json) -> String {
    let text = to_string(&Doc::from_json(value));
    let back: Json = serde_saphyr::from_str(&text)
        .unwrap_or_else(|e| panic!("written YAML does not parse: {e}\n{text}"));
    assert_eq!(&back, value, "read back differs:\n{text}");
    text
}

/// Strings that look like something else, as keys and as values.
#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    "400", "yes", "Yes", "NO", "null", "Null", "~", "y", "N", "on", "OFF", "true",
    "False", "", " lead", "trail ", "a: b", "a:b", "#x", "a #x", "- x", "-x", "-",
    "multi\nline", "two\n\nparagraphs", "\nleading break", "final break\n",
    " space\nfirst", "tab\tx", "tab\nline\tx", "trail \nx", "cr\r\nlf", "\u{7f}",
    "\u{85}", "\u{85}a\nb", "\u{a0}", "\u{2028}", "\u{2029}", "\u{feff}bom", "\u{fffe}",
    "\u{ffff}", "\u{0}nul", "\u{1b}[0m", "é ü 中", "emoji 😀\nline 🎉", "😀",
    "say \"hi\"", "back\\slash", "\\\"", "'single'", "1.0.0", "0x1F", "0o17", "1e3",
    ".5", ".inf", ".NaN", "-.inf", "+1", "1_000", "12:30:00", "2024-01-01", "<<", "=",
    "&anchor", "*alias", "!tag", "%YAML", "@at", "`tick`", "{a}", "[a]", "|", ">",
    "?", "? x", "---", "...", "a,b", "$ref", "/path", "(x)", "Bad Request",
];

#[test]
fn hostile_strings_come_back_as_values_and_keys() {
    for &text in HOSTILE {
        round_trip(&json!({ "value": text }));
        round_trip(&json!({ text: "key" }));
        round_trip(&json!([text, { text: [text] }]));
        round_trip(&json!(text));
    }
}

#[test]
fn scalars_and_empty_containers_come_back() {
    round_trip(&json!({
        "null": null, "t": true, "f": false, "int": 401, "neg": -7, "big": u64::MAX,
        "float": 1.5, "whole": 100.0, "tiny": 1e-7, "huge": 1e20, "neg_exp": -2.5e-30,
        "empty_map": {}, "empty_list": [], "nested": { "a": {}, "b": [[], {}, [[]]] },
    }));
    let long = json!({
        "k".repeat(2000): "v".repeat(5000), "k: \n".repeat(500): 1, "\u{1}".repeat(200): {},
        "x".repeat(1001): { "a": [1, "two\nlines"] }, "y".repeat(1001): ["a", ["b"]],
        "z".repeat(1001): "two\nlines", "é".repeat(999): null,
    });
    assert!(round_trip(&long).starts_with("? kkk"));
    round_trip(&json!([long, [{ "k".repeat(1001): [] }]]));
    round_trip(&json!([]));
    round_trip(&json!({}));
    round_trip(&json!([[1, [2, {"a": [3]}]], [{"b": {"c": []}}]]));
}

#[test]
fn layout_matches_the_openapi_files() {
    let value = json!({
        "openapi": "3.1.0",
        "paths": {},
        "oneOf": [{ "$ref": "#/x", "title": "T" }, "plain"],
        "info": { "description": "line one\n\nline three", "codes": [401] },
    });
    let expected = "openapi: \"3.1.0\"\npaths: {}\noneOf:\n- $ref: \"#/x\"\n  title: T\n\
        - plain\ninfo:\n  description: |-\n    line one\n\n    line three\n  codes:\n  - 401\n";
    assert_eq!(round_trip(&value), expected);
}

#[test]
fn quoting_is_chosen_per_string() {
    let list = json!(["Not Found", "1.0.0", "yes", "a\tb", "\u{85}", "é"]);
    let text = to_string(&Doc::from_json(&list));
    assert_eq!(
        text,
        "- Not Found\n- \"1.0.0\"\n- \"yes\"\n- \"a\\tb\"\n- \"\\x85\"\n- \"é\"\n"
    );
}

#[test]
fn key_order_is_kept() {
    let text = round_trip(&json!({ "zeta": 1, "alpha": 2, "mid": 3 }));
    assert_eq!(text, "zeta: 1\nalpha: 2\nmid: 3\n");
}

/// The plain definitions the byte loops of the writer replace, to compare against.
mod reference {
    use crate::emit::openapi::yaml_strings::{
        PLAIN_PUNCTUATION, PLAIN_START, SPECIAL_WORDS, escape, is_printable,
    };

    pub fn is_plain(text: &str) -> bool {
        let Some(first) = text.chars().next() else {
            return false;
        };
        (first.is_ascii_alphabetic() || PLAIN_START.contains(&first))
            && !text.ends_with(' ')
            && text.bytes().all(|b| {
                b.is_ascii_alphanumeric() || b == b' ' || PLAIN_PUNCTUATION.contains(&char::from(b))
            })
            && (text.len() > 5 || !SPECIAL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)))
    }

    pub fn fits_literal(text: &str) -> bool {
        text.contains('\n')
            && !text.starts_with([' ', '\n'])
            && !text.ends_with('\n')
            && text
                .chars()
                .all(|c| c == '\n' || (c != '\t' && c != '\r' && is_printable(c)))
            && text.split('\n').all(|line| !line.ends_with(' '))
    }

    pub fn quoted(text: &str) -> String {
        let mut out = String::from('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if is_printable(c) => out.push(c),
                c => escape(&mut out, c),
            }
        }
        out.push('"');
        out
    }
}

/// Any string, biased towards what the writer treats specially.
fn text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let special = prop_oneof![
        Just(' '),
        Just('\n'),
        Just('\t'),
        Just('\r'),
        Just('"'),
        Just('\\'),
        Just(':'),
        Just('\u{7f}'),
        Just('\u{85}'),
        Just('\u{a0}'),
        Just('\u{2028}'),
        Just('\u{feff}'),
        Just('\u{fffe}'),
        Just('é'),
        Just('😀'),
        Just('a'),
        Just('_'),
        Just('-'),
        Just('1'),
    ];
    let chars = prop_oneof![
        special,
        any::<char>(),
        (0_u32..0x80).prop_map(|c| char::from_u32(c).unwrap_or('x'))
    ];
    prop_oneof![
        proptest::collection::vec(chars, 0..16).prop_map(|c| c.into_iter().collect()),
        any::<String>(),
        proptest::sample::select(HOSTILE).prop_map(str::to_owned),
    ]
}

proptest::proptest! {
    #[test]
    fn byte_loops_match_their_definitions(text in text()) {
        proptest::prop_assert_eq!(is_plain(&text), reference::is_plain(&text));
        proptest::prop_assert_eq!(fits_literal(&text), reference::fits_literal(&text));
        let mut out = String::new();
        quoted(&mut out, &text);
        proptest::prop_assert_eq!(out, reference::quoted(&text));
    }
}
