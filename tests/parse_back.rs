//! Reading parameters back: the one-pass split of docs/rust.md, run on the generated code
//! of the envelope fixtures (the `errcat-fixtures` crate). The split lives in the private
//! `errcat_support` module, the same in every generated file: this test includes the
//! shipped catalogs' file at its root to reach it. The work on 1 MiB messages is bounded
//! by a count of the bytes the split compares or searches, not by time; random values of
//! every parameter type round-trip through a members-carrying envelope (`problem`) and
//! through message-only ones (`nested`, `array`), where they avoid the separators the
//! rule needs; and the checker rejects exactly the examples the split would read back
//! differently.

#![allow(dead_code)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

use errcat_fixtures::{array, nested, problem};
use errcat_support::{Piece, split_message};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use serde_json::json;
use std::time::{Duration, Instant};

/// `{a} and {b}.`
const TWO: &[Piece] = &[
    Piece::Param(0),
    Piece::Text(" and "),
    Piece::Param(1),
    Piece::Text("."),
];

/// One mebibyte.
const MIB: usize = 1 << 20;

/// Splits `message` along `pieces`: the texts of the parameters, or `None` on a mismatch,
/// and the bytes the split compared or searched.
fn split<'a>(pieces: &[Piece], params: usize, message: &'a str) -> (Option<Vec<&'a str>>, usize) {
    let mut found = vec![None; params];
    let mut scanned = 0;
    let matched = split_message(pieces, message, &mut found, &mut scanned);
    let texts = matched.then(|| found.into_iter().map(Option::unwrap_or_default).collect());
    (texts, scanned)
}

/// Asserts the bound the split promises: at most twice the message plus the literals.
fn assert_linear(scanned: usize, message: &str) {
    let literals = " and ".len() + ".".len();
    assert!(
        scanned <= 2 * message.len() + literals,
        "{scanned} bytes scanned for a message of {}",
        message.len()
    );
}

#[test]
fn a_mebibyte_message_splits_in_one_linear_pass() {
    let start = Instant::now();
    let matching = format!(
        "{} and {}.",
        "x and ".repeat(MIB / 12),
        "y.".repeat(MIB / 4)
    );
    let (texts, scanned) = split(TWO, 2, &matching);
    let texts = texts.expect("the message matches");
    assert_eq!(texts[0], "x");
    assert_eq!(texts[1].len(), matching.len() - "x and .".len());
    assert_linear(scanned, &matching);
    // Inputs that made the backtracking matcher try every split: no final `.`, a
    // separator everywhere, no separator at all.
    let hostile = [
        " and ".repeat(MIB / 5),
        format!("{}!", "a and b.".repeat(MIB / 8)),
        "a".repeat(MIB),
    ];
    for message in &hostile {
        let (texts, scanned) = split(TWO, 2, message);
        assert_eq!(texts, None);
        assert_linear(scanned, message);
    }
    // Only a guard against a hang; the bound above is what the test proves.
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_mebibyte_body_parses_back_through_the_generated_parser() {
    let start = Instant::now();
    let shelves = vec!["A1"; MIB / 4].join(", ");
    let message = format!("Item {} is on {shelves}, not ", "Z".repeat(MIB));
    let mut body = full_body();
    body["error"]["message"] = json!(message);
    let error = nested::Error::from_json(&body).expect("parses");
    let nested::Error::WrongShelves {
        sku,
        shelves,
        wanted,
    } = error
    else {
        panic!("wrong error: {error:?}");
    };
    assert_eq!(sku.len(), MIB);
    assert_eq!(shelves.len(), MIB / 4);
    assert_eq!(wanted, None);
    let hostile = format!("Item {}", " is on".repeat(MIB / 6));
    let mut body = full_body();
    body["error"]["message"] = json!(hostile);
    let hostile = body;
    assert_eq!(
        nested::Error::from_json(&hostile),
        Err(nested::ParseError::Message)
    );
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn values_holding_a_separator_split_as_the_docs_say() {
    // `{a} ends at the first " and "; `{b}`, before the final ".", takes all up to it.
    assert_eq!(
        split(TWO, 2, "x and y and z.").0,
        Some(vec!["x", "y and z"])
    );
    assert_eq!(split(TWO, 2, "x and y.z.").0, Some(vec!["x", "y.z"]));
    assert_eq!(split(TWO, 2, "x and y").0, None);
    // A parameter followed directly by another takes nothing (the checker rejects these
    // messages unless the parameters are members); a repeated one must repeat its text.
    let adjacent = [Piece::Param(0), Piece::Param(1), Piece::Text("!")];
    assert_eq!(split(&adjacent, 2, "ab!").0, Some(vec!["", "ab"]));
    let repeated = [Piece::Param(0), Piece::Text("="), Piece::Param(0)];
    assert_eq!(split(&repeated, 1, "a=a").0, Some(vec!["a"]));
    assert_eq!(split(&repeated, 1, "a=b").0, None);
    // Through the generated parser: a text holding the literal after its placeholder and
    // a list item holding `, ` come back split as the rule says.
    let sent = nested::Error::WrongShelves {
        sku: "Z is on X".into(),
        shelves: vec!["A1, B2".into()],
        wanted: None,
    };
    let back = nested::Error::from_json(&serde_json::to_value(&sent).unwrap());
    let expected = nested::Error::WrongShelves {
        sku: "Z".into(),
        shelves: vec!["X is on A1".into(), "B2".into()],
        wanted: None,
    };
    assert_eq!(back, Ok(expected));
    // The parameter before the final literal may hold that literal.
    let counter = array::Error::CounterMissing {
        counter: "x does not exist".into(),
    };
    let back = array::Error::from_json(&serde_json::to_value(&counter).unwrap());
    assert_eq!(back, Ok(counter));
}

/// Characters values are drawn from: plain, escaped in JSON, multi-byte, and those of the
/// fixtures' separators (`:`, `,`, `]`, `.`, space, `=`).
const ANY: &str = "aZ09 .:,;]=[|{}\"\\\n\té漢🦀\u{0}";

/// A text of up to 11 characters of [`ANY`] without those of `avoid`.
fn text(avoid: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = ANY.chars().filter(|c| !avoid.contains(*c)).collect();
    vec(prop::sample::select(chars), 0..12).prop_map(String::from_iter)
}

/// A text that is not empty (an empty one reads back as an absent optional value).
fn filled(avoid: &'static str) -> impl Strategy<Value = String> {
    text(avoid).prop_filter("empty", |t| !t.is_empty())
}

/// A list of texts, but not one empty item (which renders like an empty list).
fn list(avoid: &'static str) -> impl Strategy<Value = Vec<String>> {
    vec(text(avoid), 0..4).prop_filter("one empty item", |items| items != &[""])
}

/// Serialises `error` to JSON text and parses it back with the module's parser.
macro_rules! assert_round_trip {
    ($module:ident, $error:expr) => {{
        let error = $error;
        let text = serde_json::to_string(&error).expect("serialises");
        let back: Result<$module::Error, _> = serde_json::from_str(&text);
        prop_assert_eq!(back.map_err(|e| e.to_string()), Ok(error), "body {}", text);
    }};
}

proptest! {
    #[test]
    fn members_carry_any_value_of_every_type(
        owner in any::<String>(),
        used in any::<i64>(),
        tags in vec(any::<String>(), 0..4),
        frozen in any::<bool>(),
        cap in of(any::<i64>()),
        strict in of(any::<bool>()),
        extra in of(vec(any::<String>(), 0..4)),
        note in of(any::<String>()),
    ) {
        assert_round_trip!(problem, problem::Error::QuotaReport {
            owner, used, tags, frozen, cap, strict, extra, note,
        });
    }

    #[test]
    fn messages_carry_values_that_avoid_their_separators(
        label in text(":"),
        count in any::<i64>(),
        tags in list(",]"),
        sealed in any::<bool>(),
        limit in of(any::<i64>()),
        strict in of(any::<bool>()),
        extra in of(list(",]").prop_filter("empty", |items| !items.is_empty())),
        note in of(filled("")),
    ) {
        assert_round_trip!(nested, nested::Error::CrateReport {
            label, count, tags, sealed, limit, strict, extra, note,
        });
    }

    #[test]
    fn messages_carry_texts_lists_and_absent_values(
        sku in text(" "),
        shelves in list(","),
        wanted in of(filled("")),
        depot in any::<i64>(),
        counter in text(""),
        suffixed in any::<bool>(),
    ) {
        assert_round_trip!(nested, nested::Error::WrongShelves { sku: sku.clone(), shelves, wanted });
        assert_round_trip!(nested, nested::Error::MissingItem { sku, depot });
        // Before the final literal, anything goes, that literal included.
        let counter = if suffixed { format!("{counter} does not exist") } else { counter };
        assert_round_trip!(array, array::Error::CounterMissing { counter });
    }
}

/// Literals a parameter can be followed by, some overlapping themselves (`aa`, `a a`).
const LITERALS: &[&str] = &[" and ", ", ", "aa", "a a", "-", "é"];

/// A message-only catalog whose one error says `{a}<literal>{b}.`, with `a`'s example.
fn catalog_with_example(literal: &str, example: &str) -> String {
    let example = serde_json::to_string(example).expect("a string serialises");
    format!(
        "api: T\ndocs: {{ title: T }}\nenvelope:\n  body:\n    fields:\n      code: {{ from: code }}\n      message: {{ from: message }}\nerrors:\n  - code: e\n    status: 400\n    title: E\n    description: D.\n    solution: S.\n    message: \"{{a}}{literal}{{b}}.\"\n    params:\n      - {{ name: a, type: string, example: {example} }}\n      - {{ name: b, type: string, example: z }}\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The checker rejects exactly the examples that the generated split reads back
    /// differently: both follow the same rule.
    #[test]
    fn the_checker_and_the_split_agree(
        literal in prop::sample::select(LITERALS),
        example in vec(prop::sample::select(vec!['a', ' ', ',', 'n', 'd', '-', 'é']), 0..8)
            .prop_map(String::from_iter),
    ) {
        let leaked: &'static str = Box::leak(literal.to_owned().into_boxed_str());
        let pieces = [Piece::Param(0), Piece::Text(leaked), Piece::Param(1), Piece::Text(".")];
        let message = format!("{example}{literal}z.");
        let (texts, _) = split(&pieces, 2, &message);
        let reads_back = texts.is_some_and(|texts| texts == [example.as_str(), "z"]);
        let source = errcat_codegen::Source::new("catalog/t.yaml", catalog_with_example(literal, &example));
        let checked = errcat_codegen::compile(&[source]);
        prop_assert_eq!(checked.is_ok(), reads_back, "{:?}", checked.err().map(|d| d.to_string()));
    }
}

/// A whole `wrong_shelves` body of the nested fixture, whose message the tests replace:
/// the parser reads only complete bodies, as the schemas admit only those.
fn full_body() -> serde_json::Value {
    serde_json::to_value(nested::Error::example(nested::Code::WrongShelves)).expect("serialises")
}
