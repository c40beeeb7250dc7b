//! The guard fails closed on the shipped catalogs: a published dictionary it cannot read,
//! one whose catalog is gone and one that is missing are errors naming the file; an
//! edited Reten title breaks the wire at the code's line. Reports are snapshots under
//! tests/snapshots/published__*.snap.

use std::fs;
use std::path::{Path, PathBuf};

use errcat_codegen::contract::{self, guard_published};
use errcat_codegen::{Catalog, Source, compile, emit};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shipped catalogs' sources, `edit` applied to each text.
fn shipped(edit: impl Fn(&str, String) -> Option<String>) -> Vec<Source> {
    ["reten", "retrac"]
        .iter()
        .filter_map(|name| {
            let file = format!("catalog/{name}.yaml");
            let text = fs::read_to_string(root().join(&file)).expect("a shipped catalog");
            edit(name, text).map(|text| Source::new(file, text))
        })
        .collect()
}

/// A scratch docs folder holding the shipped dictionaries, `edit` applied to each.
fn published(test: &str, edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("published-{test}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    for name in ["reten", "retrac"] {
        let file = format!("{name}.errors.json");
        let bytes = fs::read(root().join("generated").join(&file)).expect("a dictionary");
        if let Some(bytes) = edit(name, bytes) {
            fs::write(dir.join(&file), bytes).expect("written");
        }
    }
    dir
}

/// The guard's `cargo::error=` report for `sources` against `docs`, without the prefix.
fn report(sources: &[Source], docs: &Path) -> Result<(), String> {
    let catalogs: Vec<Catalog> = compile(sources).unwrap_or_else(|d| panic!("{d}"));
    guard_published(&catalogs, sources, docs, "generated")
        .map_err(|lines| lines.replace("cargo::error=", ""))
}

fn keep(_: &str, text: String) -> Option<String> {
    Some(text)
}

#[test]
fn the_shipped_catalogs_pass_against_their_dictionaries() {
    let docs = published("clean", |_, bytes| Some(bytes));
    assert_eq!(report(&shipped(keep), &docs), Ok(()));
}

#[test]
fn an_edited_reten_title_breaks_the_wire_at_its_code() {
    let docs = published("title", |_, bytes| Some(bytes));
    let sources = shipped(|name, text| {
        Some(if name == "reten" {
            text.replacen("title: Unauthorized", "title: Unauthenticated", 1)
        } else {
            text
        })
    });
    let report = report(&sources, &docs).expect_err("a break");
    assert!(report.contains("catalog/reten.yaml:24:11"), "{report}");
    insta::assert_snapshot!("edited_reten_title", report);
}

#[test]
fn a_deleted_catalog_fails_naming_its_dictionary() {
    let docs = published("deleted", |_, bytes| Some(bytes));
    let sources = shipped(|name, text| (name != "retrac").then_some(text));
    let report = report(&sources, &docs).expect_err("a break");
    assert!(
        report.contains("--> generated/retrac.errors.json"),
        "{report}"
    );
    insta::assert_snapshot!("deleted_retrac_catalog", report);
}

#[test]
fn a_dictionary_with_conflict_markers_fails_naming_it() {
    let docs = published("conflict", |name, bytes| {
        Some(if name == "retrac" {
            let text = String::from_utf8(bytes).expect("UTF-8");
            let (head, tail) = text.split_at(text.find("\n  \"errors\"").expect("errors"));
            format!("{head}\n<<<<<<< HEAD{tail}=======\n>>>>>>> theirs\n").into_bytes()
        } else {
            bytes
        })
    });
    let report = report(&shipped(keep), &docs).expect_err("refused");
    insta::assert_snapshot!("conflicted_dictionary", report);
}

#[test]
fn a_missing_dictionary_fails_unless_the_catalog_states_it_is_unpublished() {
    let docs = published("missing", |name, bytes| (name != "retrac").then_some(bytes));
    let refused = report(&shipped(keep), &docs).expect_err("refused");
    insta::assert_snapshot!("missing_dictionary", refused);
    let unpublished = shipped(|name, text| {
        Some(if name == "retrac" {
            format!("{text}contract:\n  unpublished: true\n")
        } else {
            text
        })
    });
    assert_eq!(report(&unpublished, &docs), Ok(()));
}

#[test]
fn dictionaries_that_are_not_the_builds_own_are_refused_naming_the_file() {
    type Edit = fn(String) -> String;
    let edits: [(&str, Edit); 5] = [
        ("byte-order mark", |t| format!("\u{feff}{t}")),
        ("not JSON", |t| t[..t.len() / 2].to_owned()),
        ("errors as an object", |t| {
            t.replacen("\"errors\": [", "\"errors\": {\"x\": [", 1)
                .replacen("\n  ],\n  \"retired\"", "\n  ]},\n  \"retired\"", 1)
        }),
        ("a newer format", |t| {
            t.replacen("\"format\": 1", "\"format\": 2", 1)
        }),
        ("a code that is a number", |t| {
            t.replacen("\"code\": \"bad_request\"", "\"code\": 7", 1)
        }),
    ];
    for (what, edit) in edits {
        let docs = published("misshapen", |name, bytes| {
            let text = String::from_utf8(bytes).expect("UTF-8");
            Some(if name == "retrac" { edit(text) } else { text }.into_bytes())
        });
        let report = report(&shipped(keep), &docs).expect_err(what);
        assert!(
            report.contains("cannot read the published contract generated/retrac.errors.json"),
            "{what}: {report}"
        );
    }
}

#[test]
fn the_highest_published_version_gets_no_overflowing_advice() {
    let text = fs::read_to_string(root().join("catalog/retrac.yaml")).expect("Retrac");
    let source = Source::new("catalog/retrac.yaml", text.clone());
    let mut record = emit::dictionary::value(&compile(&[source]).expect("compiles")[0]);
    record["contract"]["version"] = serde_json::json!(u64::MAX);
    let changed = Source::new(
        "catalog/retrac.yaml",
        text.replacen(
            "  - code: conflict\n",
            "  - code: conflict\n    number: 9\n",
            1,
        ),
    );
    let catalogs = compile(std::slice::from_ref(&changed)).expect("compiles");
    let (errors, _) = contract::guard(&catalogs[0], &changed, &record);
    let report = errors.to_string();
    assert!(report.contains("CONTRACT_VERSION_NO_DECREASE"), "{report}");
    assert!(!report.contains("18446744073709551616"), "{report}");
}
