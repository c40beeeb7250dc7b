//! Reading parameters back from a message: the one-pass split of docs/rust.md, run on the
//! generated support module of the envelope fixtures (included at this crate's root, so
//! that the private `errcat_support` module is reachable). The work is bounded by a count
//! of the bytes the split compares or searches, not by time.

#![allow(dead_code)]

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));

use errcat_support::{Piece, split_message};
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
    let body = json!({"error": {"code": "wrong_shelves", "message": message}});
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
    let hostile = json!({"error": {"code": "wrong_shelves", "message": hostile}});
    assert_eq!(
        nested::Error::from_json(&hostile),
        Err(nested::ParseError::Message)
    );
    assert!(start.elapsed() < Duration::from_secs(30));
}
