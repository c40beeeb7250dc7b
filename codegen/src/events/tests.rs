//! The event loader against serde-saphyr: on every catalog of the repository, and on
//! those catalogs mutated at random, the event loader either gives up or reads exactly
//! the model serde-saphyr reads (values and places alike).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;

use crate::source::Source;

/// Every catalog in the repository: shipped, examples, test cases and fuzz seeds.
fn repository_catalogs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for dir in [
        "catalog",
        "codegen/tests",
        "examples",
        "fixtures",
        "fuzz/seeds",
    ] {
        collect(&root.join(dir), &mut found);
    }
    found.sort();
    found
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if matches!(name.to_str(), Some("generated" | "target" | "node_modules")) {
            continue;
        }
        if path.is_dir() {
            collect(&path, found);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            found.push(path);
        }
    }
}

/// Whether the two loaders agree on `text` (see [`crate::loaders::agree`]); returns
/// whether the event loader read it.
fn agree(name: &str, text: &str) -> bool {
    let source = Source::new(name, text.to_owned());
    crate::loaders::agree(&source).unwrap_or_else(|| {
        panic!("the event loader read {name}, which serde-saphyr refuses:\n{text}")
    })
}

#[test]
fn every_repository_catalog_is_read_alike() {
    let catalogs = repository_catalogs();
    assert!(catalogs.len() > 200, "found {} catalogs", catalogs.len());
    let mut read = 0;
    for path in &catalogs {
        let text = fs::read_to_string(path).unwrap_or_default();
        if agree(&path.display().to_string(), &text) {
            read += 1;
        }
    }
    // Most are read by the event loader: the rest are mistakes, aliases or tags.
    assert!(
        read * 2 > catalogs.len(),
        "{read} of {} read",
        catalogs.len()
    );
}

#[test]
fn the_shipped_catalogs_are_read_by_the_event_loader() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for name in [
        "catalog/retrac.yaml",
        "catalog/reten.yaml",
        "examples/invites/catalog/invites.yaml",
    ] {
        let text = fs::read_to_string(root.join(name)).expect("the catalog is there");
        assert!(agree(name, &text), "the event loader gave up on {name}");
    }
}

/// Texts that YAML may type as something else, or that break a line's structure.
const TOKENS: &[&str] = &[
    "404",
    "0x1F",
    "0o17",
    "1e3",
    "+5",
    "-3",
    "-0",
    ".inf",
    ".NaN",
    "007",
    "1_000",
    "3.5",
    "yes",
    "No",
    "True",
    "FALSE",
    "true",
    "null",
    "~",
    "",
    "5xx",
    "4XX",
    "none",
    "a: b",
    "# c",
    "- x",
    "'q'",
    "\"d\\tq\"",
    "|\n  block",
    ">-\n  folded",
    "[1, 2]",
    "{a: 1}",
    "&a x",
    "*a",
    "!!str 5",
    "<<: {}",
    "2027-06-30",
    "é",
    "\"\\u00e9\"",
    "{{#include x}}",
    "4bf92f",
    "2FA",
    "0x1g",
    "1e5x",
    "12:30",
    "0.5",
    "-12.25",
    "1.",
    "01.5",
    "1.5e3",
];

/// One change to a catalog's text.
#[derive(Debug, Clone)]
enum Mutation {
    /// The value after the first `: ` of a line becomes a token.
    Value(usize, usize),
    /// The value after the k-th `: ` of a line, up to the next `,` or `}`, becomes a
    /// token (a flow mapping's member).
    Inline(usize, usize, usize),
    /// A line is removed.
    Remove(usize),
    /// A line is written twice.
    Repeat(usize),
    /// A line is indented two more spaces.
    Indent(usize),
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for mutation in mutations {
        if lines.is_empty() {
            break;
        }
        let len = lines.len();
        match *mutation {
            Mutation::Value(line, token) => {
                let line = &mut lines[line % len];
                if let Some(colon) = line.find(": ") {
                    line.truncate(colon + 2);
                    line.push_str(TOKENS[token % TOKENS.len()]);
                }
            }
            Mutation::Inline(line, nth, token) => {
                let line = &mut lines[line % len];
                let colons: Vec<usize> = line.match_indices(": ").map(|(at, _)| at + 2).collect();
                if let Some(&start) = colons.get(nth % colons.len().max(1)) {
                    let end = line[start..]
                        .find([',', '}'])
                        .map_or(line.len(), |at| start + at);
                    line.replace_range(start..end, TOKENS[token % TOKENS.len()]);
                }
            }
            Mutation::Remove(line) => {
                lines.remove(line % len);
            }
            Mutation::Repeat(line) => {
                let copy = lines[line % len].clone();
                lines.insert(line % len, copy);
            }
            Mutation::Indent(line) => lines[line % len].insert_str(0, "  "),
        }
    }
    lines.join("\n") + "\n"
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(l, t)| Mutation::Value(l, t)),
        4 => (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(l, n, t)| Mutation::Inline(l, n, t)),
        1 => any::<usize>().prop_map(Mutation::Remove),
        1 => any::<usize>().prop_map(Mutation::Repeat),
        1 => any::<usize>().prop_map(Mutation::Indent),
    ]
}

/// Small catalogs to mutate: the body cases' catalogs and the good cases.
fn seeds() -> &'static [(String, String)] {
    static SEEDS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        repository_catalogs()
            .into_iter()
            .filter(|path| {
                let path = path.to_string_lossy();
                path.contains("/bodies/") || path.contains("/good/")
            })
            .filter_map(|path| Some((path.display().to_string(), fs::read_to_string(&path).ok()?)))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_mutated_catalog_is_read_alike_or_left_to_serde_saphyr(
        seed in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let seeds = seeds();
        let (name, text) = &seeds[seed % seeds.len()];
        agree(name, &mutate(text, &mutations));
    }
}

/// Edits of the small valid catalog that spell the same kind of catalog otherwise:
/// what is written, and what it is written as.
const RESPELLINGS: &[(&str, &str)] = &[
    ("api: Shop", "\"api\": Shop"),
    ("api: Shop", "'api': 'Shop'"),
    ("api: Shop", "? api\n: Shop"),
    (
        "    title: Not Found",
        "    title: |-\n      Not\n      Found",
    ),
    ("    title: Not Found", "    title: |+\n      Not Found\n\n"),
    (
        "    title: Not Found",
        "    title: >\n      Not\n      Found\n",
    ),
    ("    title: Not Found", "    title: Not\n      Found"),
    (
        "    title: Not Found",
        "    title: \"Not\\x20Found\\\n      again\"",
    ),
    ("    number: 1001", "    number: 1001 # a comment"),
    ("    status: 404", "    status: [404, 410]"),
    ("    status: 404", "    status: [ 404 , # c\n      410 ]"),
    ("    status: 404", "    status: 4xx"),
    ("    status: 404", "    status: \"404\""),
    (
        "        example: sku-1",
        "        example: {a: [1, -2, 0.5], b: null, c: ~}",
    ),
    ("        example: sku-1", "        example: 2FA"),
    ("        example: sku-1", "        example: 1e3"),
    ("        example: sku-1", "        example: -0.0"),
    (
        "      code:\n        from: code",
        "      code: { from: code }",
    ),
    (
        "      code:\n        from: code",
        "      \"code\": {\"from\": \"code\"}",
    ),
    ("    retry:\n", "    retry:   \n"),
    (
        "  title: Shop errors",
        "  title: Shop errors\n  front_matter: true",
    ),
    (
        "  title: Shop errors",
        "  title: Shop errors\n  front_matter: True",
    ),
    ("\n", "\r\n"),
];

/// YAML's other spellings of the same catalog: quoted and explicit keys, document
/// markers, block scalars with each chomping, flow collections, comments, CRLF, a BOM.
#[test]
fn other_spellings_are_read_alike() {
    let base = include_str!("../../tests/good/base.yaml");
    let mut spellings: Vec<(String, String)> = [
        ("---", format!("---\n{base}")),
        ("--- ...", format!("---\n{base}...\n")),
        ("%YAML", format!("%YAML 1.2\n---\n{base}")),
        ("BOM", format!("\u{feff}{base}")),
    ]
    .into_iter()
    .map(|(label, text)| (label.to_owned(), text))
    .collect();
    for (written, respelt) in RESPELLINGS {
        assert!(base.contains(written), "{written:?} is in base.yaml");
        spellings.push((respelt.to_string(), base.replace(written, respelt)));
    }
    let left: Vec<&str> = spellings
        .iter()
        .filter(|(label, text)| !agree(label, text))
        .map(|(label, _)| label.as_str())
        .collect();
    // Left to serde-saphyr: a `%YAML` directive, `1e3` (a float in YAML's notation) and
    // `True` (a boolean only in YAML 1.1).
    assert_eq!(
        left,
        [
            "%YAML",
            "        example: 1e3",
            "  title: Shop errors\n  front_matter: True"
        ]
    );
}
