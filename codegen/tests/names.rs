//! Catalogs whose names come close to colliding but do not (`tests/names/`): each
//! passes the checker, and their generated Rust, batched into one crate, passes
//! `clippy -D warnings`. The collisions themselves are refused in `tests/bad/`. Then
//! random catalogs built from names that often collide: whatever the checker accepts
//! compiles without a warning.

mod common;

use common::{assert_located, catalogs_in, clippy_generated_rust, compile_guarded};
use errcat_codegen::{Source, emit};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::fmt::Write as _;

#[test]
fn near_collisions_compile_without_warnings() {
    let catalogs = catalogs_in("tests/names");
    assert!(catalogs.len() >= 2, "tests/names holds its catalogs");
    clippy_generated_rust("near_names", &emit::rust::emit(&catalogs));
}

/// One random error: number-only or with a code, in a group or none, with one or
/// several statuses and fields whose names repeat across errors.
#[derive(Debug, Clone)]
struct ErrorSpec {
    /// A code from [`CODES`], or `None` for an error known by its number only.
    code: Option<usize>,
    /// For a number-only error: its title from [`TITLES`], and whether it has a `name`.
    title: usize,
    named: bool,
    /// A group from [`GROUPS`], if the catalog declares that many.
    group: Option<usize>,
    /// One status, or a list of two; or, with the last `true`, any status of the
    /// first's class (`status: 5xx`).
    statuses: (u16, bool, bool),
    /// Each field: its name from [`FIELDS`] and its type from [`TYPES`].
    params: Vec<(usize, usize)>,
}

/// Codes whose variants and anchors come close: group-qualified, they meet ungrouped
/// codes (`storage` + `not_found` and `storage_not_found`), and case and separators.
const CODES: &[&str] = &[
    "not_found",
    "found",
    "storage_not_found",
    "not-found",
    "gone",
    "Gone",
    "quota_exceeded",
];
const TITLES: &[&str] = &["Not found", "Gone", "Too many requests"];
const GROUPS: &[&str] = &["storage", "storage_not", "billing"];
/// Attribute names, some of them names `Code` has already.
const ATTRIBUTES: &[&str] = &[
    "category",
    "status",
    "kind",
    "is_public",
    "from_region",
    "title",
    "errorKind",
    "error_kind",
    "severity",
];
const FIELDS: &[&str] = &["detail", "items", "id"];
/// Operation ids, some of whose enums meet the module's own types (`parse` makes
/// `ParseError`) or each other.
const OPERATIONS: &[&str] = &["create", "parse", "read", "read_all", "for_operation"];
/// Field types: scalars, lists, objects (nested in a list too), maps and JSON.
const TYPES: &[&str] = &[
    "type: string",
    "type: integer",
    "type: list",
    "type: list, items: { type: object, members: [{ name: y, type: integer }] }",
    "type: object, members: [{ name: x, type: string }]",
    "type: object, members: [{ name: z, type: boolean, optional: true }]",
    "type: json",
    "type: map, values: string",
];

fn error_spec() -> impl Strategy<Value = ErrorSpec> {
    (
        prop::option::weighted(0.8, 0..CODES.len()),
        (0..TITLES.len(), any::<bool>()),
        prop::option::of(0..GROUPS.len()),
        (400u16..600, any::<bool>(), prop::bool::weighted(0.2)),
        prop::collection::vec((0..FIELDS.len(), 0..TYPES.len()), 0..3),
    )
        .prop_map(
            |(code, (title, named), group, statuses, params)| ErrorSpec {
                code,
                title,
                named,
                group,
                statuses,
                params,
            },
        )
}

/// Random operations: an id from [`OPERATIONS`] and the errors it returns, by place.
fn operations() -> impl Strategy<Value = Vec<(usize, Vec<usize>)>> {
    prop::collection::vec(
        (0..OPERATIONS.len(), prop::collection::vec(0..6usize, 0..3)),
        0..3,
    )
}

/// A random catalog: codes unique per catalog or per group, up to three groups,
/// attributes, number-only errors, objects and lists, status classes, a required
/// request id, operations; many are refused.
fn catalog_yaml() -> impl Strategy<Value = String> {
    (
        (any::<bool>(), prop::bool::weighted(0.3)),
        0..=GROUPS.len(),
        prop::collection::vec(0..ATTRIBUTES.len(), 0..3),
        prop::collection::vec(error_spec(), 1..6),
        operations(),
    )
        .prop_map(
            |((per_group, required), groups, attributes, errors, operations)| {
                let mut yaml = String::from("api: Random\ndocs:\n  title: Random errors\n");
                yaml.push_str("  pages: true\n  base_url: https://docs.example.invalid/e\n");
                if per_group {
                    yaml.push_str("unique_codes: group\n");
                }
                if groups > 0 {
                    yaml.push_str("groups:\n");
                    for name in &GROUPS[..groups] {
                        let _ = writeln!(yaml, "  - name: {name}");
                    }
                }
                if !attributes.is_empty() {
                    yaml.push_str("attributes:\n");
                    for &a in &attributes {
                        let _ = writeln!(yaml, "  {}: {{ type: string }}", ATTRIBUTES[a]);
                    }
                }
                if required {
                    yaml.push_str("context:\n  request_id: { type: string, required: true }\n");
                }
                operations_yaml(&mut yaml, &operations, &errors, (per_group, groups));
                yaml.push_str("envelope:\n  body:\n    fields:\n");
                if required {
                    yaml.push_str("      request_id: { from: context.request_id }\n");
                }
                yaml.push_str("      number: { from: number }\n      message: { from: message }\n");
                yaml.push_str("      details: { fields: {}, params: true }\n");
                if errors.iter().all(|e| e.code.is_some()) {
                    yaml.push_str("      code: { from: code }\n");
                }
                if groups > 0 {
                    yaml.push_str("      group: { from: group }\n");
                }
                yaml.push_str("errors:\n");
                for (index, error) in errors.iter().enumerate() {
                    error_yaml(&mut yaml, index, error, groups);
                }
                yaml
            },
        )
}

/// The operations, each naming its errors as the catalog knows them (code, number, or
/// `group.code` where codes are unique per group); places past the last error are
/// left out.
fn operations_yaml(
    yaml: &mut String,
    operations: &[(usize, Vec<usize>)],
    errors: &[ErrorSpec],
    (per_group, groups): (bool, usize),
) {
    if operations.is_empty() {
        return;
    }
    yaml.push_str("operations:\n");
    for (id, returned) in operations {
        let names: Vec<String> = returned
            .iter()
            .filter_map(|&place| errors.get(place).map(|e| (place, e)))
            .map(
                |(place, e)| match (e.code, e.group.filter(|g| *g < groups)) {
                    (Some(code), Some(group)) if per_group => {
                        format!("{}.{}", GROUPS[group], CODES[code])
                    }
                    (Some(code), _) => format!("\"{}\"", CODES[code]),
                    (None, _) => (100 + place).to_string(),
                },
            )
            .collect();
        let _ = writeln!(
            yaml,
            "  - id: {}\n    errors: [{}]",
            OPERATIONS[*id],
            names.join(", ")
        );
    }
}

fn error_yaml(yaml: &mut String, index: usize, e: &ErrorSpec, groups: usize) {
    match e.code {
        Some(code) => {
            let _ = writeln!(
                yaml,
                "  - code: {}\n    number: {}",
                CODES[code],
                100 + index
            );
        }
        None => {
            let _ = writeln!(yaml, "  - number: {}", 100 + index);
            let _ = writeln!(yaml, "    title: {}", TITLES[e.title]);
            if e.named {
                let _ = writeln!(yaml, "    name: Named{index}");
            }
        }
    }
    if let Some(group) = e.group.filter(|g| *g < groups) {
        let _ = writeln!(yaml, "    group: {}", GROUPS[group]);
    }
    let (status, several, class) = e.statuses;
    if class {
        let _ = writeln!(yaml, "    status: {}xx", status / 100);
    } else if several {
        let _ = writeln!(
            yaml,
            "    status: [{status}, {}]",
            if status == 422 { 400 } else { 422 }
        );
    } else {
        let _ = writeln!(yaml, "    status: {status}");
    }
    let _ = writeln!(yaml, "    description: Error {index}.");
    if !e.params.is_empty() {
        yaml.push_str("    params:\n");
        let mut seen = Vec::new();
        for &(name, ty) in &e.params {
            if !seen.contains(&name) {
                seen.push(name);
                let _ = writeln!(yaml, "      - {{ name: {}, {} }}", FIELDS[name], TYPES[ty]);
            }
        }
    }
}

/// Random catalogs the checker accepts compile under `clippy -D warnings`, one crate
/// for the batch; the ones it refuses are refused with located diagnostics.
#[test]
fn random_catalogs_the_checker_accepts_compile_without_warnings() {
    let mut runner = TestRunner::deterministic();
    let strategy = catalog_yaml();
    let mut accepted = Vec::new();
    let mut refused = 0;
    for i in 0..96 {
        if accepted.len() == 24 {
            break;
        }
        let yaml = strategy.new_tree(&mut runner).expect("a value").current();
        let name = format!("catalog/random_{i}.yaml");
        match compile_guarded(&name, vec![Source::new(name.clone(), yaml.clone())]) {
            Ok(catalogs) => accepted.extend(catalogs),
            Err(diagnostics) => {
                assert_located(&name, &name, &diagnostics);
                refused += 1;
            }
        }
    }
    assert!(
        accepted.len() >= 16 && refused >= 8,
        "the strategy should give both kinds: {} accepted, {refused} refused",
        accepted.len()
    );
    let with = |what: &dyn Fn(&errcat_codegen::Catalog) -> bool| {
        accepted.iter().filter(|c| what(c)).count()
    };
    let routed = with(&|c| !c.operations.is_empty());
    let required = with(&|c| c.requires_context());
    let open = with(&|c| c.has_open_statuses());
    assert!(
        routed > 0 && required > 0 && open > 0,
        "accepted catalogs with operations {routed}, a required member {required}, a status class {open}"
    );
    clippy_generated_rust("random_names", &emit::rust::emit(&accepted));
}
