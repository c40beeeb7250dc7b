//! The guard's promise as a property: random catalogs, each edited at random; whenever
//! the guard calls an edit compatible, the previous catalog's generated parser reads
//! every example body of the new catalog back as the same error. The old parsers are
//! compiled once, in one scratch binary holding every case's old catalog.

mod common;

use std::fmt::Write as _;

use common::run_generated_binary;
use errcat_codegen::{Builder, Source, compile, contract, emit};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// How many random (catalog, edit) cases one run tries.
const CASES: usize = 40;

/// What a body's envelope holds beside the identifying member and the message.
#[derive(Debug, Clone)]
struct Envelope {
    /// 0: the code identifies; 1: the title does; 2: the number does.
    identify: u8,
    allow_unknown: bool,
    description: bool,
    docs_url: bool,
    retryable: bool,
    retry_after: bool,
    kind: bool,
    group: bool,
    constant: Option<u8>,
    details: bool,
}

#[derive(Debug, Clone)]
struct Error {
    word: u8,
    group: Option<bool>,
    status: u16,
    title: u8,
    description: u8,
    message: u8,
    kind: Option<u8>,
    /// 0: none, 1: never, 2: backoff, 3..: after that many seconds.
    retry: u8,
    /// A field `f` of this type (0: string, 1: integer), optional or not.
    field: Option<(u8, bool)>,
}

#[derive(Debug, Clone)]
struct Catalog {
    envelope: Envelope,
    base: u8,
    errors: Vec<Error>,
}

/// One random edit of a catalog.
#[derive(Debug, Clone)]
enum Edit {
    Title(usize, u8),
    Description(usize, u8),
    Message(usize, u8),
    Status(usize, u16),
    Kind(usize, Option<u8>),
    Retry(usize, u8),
    Group(usize, Option<bool>),
    Field(usize, Option<(u8, bool)>),
    Remove(usize),
    Add(Error),
    Constant(Option<u8>),
    BaseUrl(u8),
    AllowUnknown(bool),
    DescriptionMember(bool),
}

fn envelope() -> impl Strategy<Value = Envelope> {
    (
        (0u8..3, any::<bool>(), any::<bool>(), any::<bool>()),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        (prop::option::of(0u8..3), any::<bool>()),
    )
        .prop_map(
            |(
                (identify, allow_unknown, description, docs_url),
                (retryable, retry_after, kind, group),
                (constant, details),
            )| {
                Envelope {
                    identify,
                    allow_unknown,
                    description,
                    docs_url,
                    retryable,
                    retry_after,
                    kind,
                    group,
                    constant,
                    details,
                }
            },
        )
}

fn error() -> impl Strategy<Value = Error> {
    (
        (
            0u8..12,
            prop::option::of(any::<bool>()),
            prop::sample::select(vec![400u16, 404, 409, 429, 500, 503]),
        ),
        (0u8..4, 0u8..3, 0u8..3, prop::option::of(0u8..3)),
        (0u8..5, prop::option::of((0u8..2, any::<bool>()))),
    )
        .prop_map(
            |((word, group, status), (title, description, message, kind), (retry, field))| Error {
                word,
                group,
                status,
                title,
                description,
                message,
                kind,
                retry,
                field,
            },
        )
}

fn catalog() -> impl Strategy<Value = Catalog> {
    (envelope(), 0u8..2, prop::collection::vec(error(), 1..5)).prop_map(
        |(envelope, base, errors)| Catalog {
            envelope,
            base,
            errors,
        },
    )
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0usize..5;
    prop_oneof![
        (at.clone(), 0u8..4).prop_map(|(i, t)| Edit::Title(i, t)),
        (at.clone(), 0u8..3).prop_map(|(i, d)| Edit::Description(i, d)),
        (at.clone(), 0u8..3).prop_map(|(i, m)| Edit::Message(i, m)),
        (at.clone(), prop::sample::select(vec![400u16, 404, 500]))
            .prop_map(|(i, s)| Edit::Status(i, s)),
        (at.clone(), prop::option::of(0u8..3)).prop_map(|(i, k)| Edit::Kind(i, k)),
        (at.clone(), 0u8..5).prop_map(|(i, r)| Edit::Retry(i, r)),
        (at.clone(), prop::option::of(any::<bool>())).prop_map(|(i, g)| Edit::Group(i, g)),
        (at.clone(), prop::option::of((0u8..2, any::<bool>())))
            .prop_map(|(i, f)| Edit::Field(i, f)),
        at.prop_map(Edit::Remove),
        error().prop_map(Edit::Add),
        prop::option::of(0u8..3).prop_map(Edit::Constant),
        (0u8..2).prop_map(Edit::BaseUrl),
        any::<bool>().prop_map(Edit::AllowUnknown),
        any::<bool>().prop_map(Edit::DescriptionMember),
    ]
}

fn apply(mut c: Catalog, edit: &Edit) -> Catalog {
    let n = c.errors.len();
    match edit.clone() {
        Edit::Title(i, t) => c.errors[i % n].title = t,
        Edit::Description(i, d) => c.errors[i % n].description = d,
        Edit::Message(i, m) => c.errors[i % n].message = m,
        Edit::Status(i, s) => c.errors[i % n].status = s,
        Edit::Kind(i, k) => c.errors[i % n].kind = k,
        Edit::Retry(i, r) => c.errors[i % n].retry = r,
        Edit::Group(i, g) => c.errors[i % n].group = g,
        Edit::Field(i, f) => c.errors[i % n].field = f,
        Edit::Remove(i) => {
            if n > 1 {
                c.errors.remove(i % n);
            }
        }
        Edit::Add(e) => c.errors.push(e),
        Edit::Constant(k) => c.envelope.constant = k,
        Edit::BaseUrl(b) => c.base = b,
        Edit::AllowUnknown(a) => c.envelope.allow_unknown = a,
        Edit::DescriptionMember(d) => c.envelope.description = d,
    }
    c
}

const TITLES: [&str; 4] = ["Unauthorized", "Unauthenticated", "Not Found", "Gone"];

fn yaml(c: &Catalog) -> String {
    let e = &c.envelope;
    let mut y = format!(
        "api: Prop\ndocs:\n  title: Prop errors\n  base_url: https://docs{}.example.com/errors\n",
        c.base
    );
    y.push_str("attributes:\n  kind: { type: string }\n");
    y.push_str("groups:\n  - { name: alpha, title: Alpha }\n  - { name: beta, title: Beta }\n");
    y.push_str("envelope:\n");
    let unknown = if e.allow_unknown { "allow" } else { "refuse" };
    let _ = writeln!(y, "  unknown_members: {unknown}");
    y.push_str("  body:\n    fields:\n");
    let id = [
        "code: { from: code }",
        "error: { from: title }",
        "code: { from: number }",
    ];
    let _ = writeln!(y, "      {}", id[usize::from(e.identify)]);
    y.push_str("      message: { from: message }\n");
    let members = [
        (e.description, "description: { from: description }"),
        (e.docs_url, "docs: { from: docs_url }"),
        (e.retryable, "retryable: { from: retryable }"),
        (e.retry_after, "retry_after: { from: retry_after }"),
        (e.kind, "kind: { from: attribute.kind }"),
        (e.group, "group: { from: group }"),
        (e.details, "details: { fields: {}, params: true }"),
    ];
    for (on, member) in members {
        if on {
            let _ = writeln!(y, "      {member}");
        }
    }
    if let Some(k) = e.constant {
        let _ = writeln!(y, "      v: {{ const: v{k} }}");
    }
    y.push_str("errors:\n");
    let mut seen = std::collections::HashSet::new();
    for (i, error) in c.errors.iter().enumerate() {
        // A word used twice is another error: its code and number stay apart.
        let word = if seen.insert(error.word) {
            format!("e{}", error.word)
        } else {
            format!("e{}_{i}", error.word)
        };
        error_yaml(&mut y, &word, error);
    }
    y
}

fn error_yaml(y: &mut String, word: &str, e: &Error) {
    let number = 1000 + word.bytes().fold(0u32, |n, b| n * 31 % 8000 + u32::from(b));
    let _ = writeln!(
        y,
        "  - code: {word}\n    number: {number}\n    status: {}",
        e.status
    );
    let _ = writeln!(y, "    title: {} {word}", TITLES[usize::from(e.title)]);
    let _ = writeln!(
        y,
        "    description: Description {} of {word}.",
        e.description
    );
    if let Some(group) = e.group {
        let _ = writeln!(y, "    group: {}", if group { "alpha" } else { "beta" });
    }
    match e.field {
        Some((ty, optional)) => {
            let _ = writeln!(y, "    message: \"Message {} with {{f}}\"", e.message);
            let ty = ["string", "integer"][usize::from(ty)];
            let _ = writeln!(
                y,
                "    params:\n      - {{ name: f, type: {ty}, optional: {optional} }}"
            );
        }
        None => {
            let _ = writeln!(y, "    message: Message {} of {word}", e.message);
        }
    }
    if let Some(k) = e.kind {
        let _ = writeln!(
            y,
            "    attributes: {{ kind: \"https://errors.example.com/k{k}\" }}"
        );
    }
    match e.retry {
        0 => {}
        1 => y.push_str("    retry: { policy: never }\n"),
        2 => y.push_str("    retry: { policy: backoff }\n"),
        seconds => {
            let _ = writeln!(
                y,
                "    retry: {{ policy: after, after_seconds: {} }}",
                u32::from(seconds) * 10
            );
        }
    }
}

/// A case the guard passed: the old catalog's module, and each new example body with
/// the code it must be read as.
struct Passed {
    module: String,
    bodies: Vec<(String, String)>,
}

#[test]
fn every_edit_the_guard_passes_is_read_by_the_previous_parser() {
    let mut runner = TestRunner::deterministic();
    let strategy = (catalog(), prop::collection::vec(edit(), 1..3));
    let (mut olds, mut passed, mut breaking, mut refused) = (Vec::new(), Vec::new(), 0, 0);
    for case in 0..CASES {
        let (base, edits) = strategy.new_tree(&mut runner).expect("a value").current();
        let old_source = Source::new(format!("catalog/old_{case}.yaml"), yaml(&base));
        let Ok(old) = compile(std::slice::from_ref(&old_source)) else {
            refused += 1;
            continue;
        };
        let edited = edits.iter().fold(base, apply);
        let new_source = Source::new(format!("catalog/old_{case}.yaml"), yaml(&edited));
        let Ok(new) = compile(std::slice::from_ref(&new_source)) else {
            refused += 1;
            continue;
        };
        let record = emit::dictionary::value(&old[0]);
        let (errors, _) = contract::guard(&new[0], &new_source, &record);
        if !errors.is_empty() {
            breaking += 1;
            continue;
        }
        let new_record = emit::dictionary::value(&new[0]);
        let known: Vec<&str> = old[0].errors.iter().map(|e| e.code.as_str()).collect();
        let bodies = new_record["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .filter(|e| known.contains(&e["code"].as_str().unwrap_or_default()))
            .map(|e| {
                (
                    e["example"].to_string(),
                    e["code"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        passed.push(Passed {
            module: old[0].name.clone(),
            bodies,
        });
        olds.push(old.into_iter().next().expect("one catalog"));
    }
    assert!(
        passed.len() >= 8,
        "too few compatible edits: {}",
        passed.len()
    );
    assert!(breaking >= 8, "too few breaking edits: {breaking}");
    assert!(refused < CASES / 2, "too many catalogs refused: {refused}");
    let rust = Builder::new().generate(&olds).rust.content;
    let output = run_generated_binary("guard_property", &driver(&rust, &passed), &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the previous parser refused a body the guard passed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let total: usize = passed.iter().map(|p| p.bodies.len()).sum();
    assert!(stdout.contains(&format!("read {total} bodies")), "{stdout}");
}

/// The scratch binary: the old modules, and a main reading each new body with its old
/// module's parser.
fn driver(rust: &str, passed: &[Passed]) -> String {
    let mut main =
        format!("{rust}\n\nfn main() {{\n    let mut failed = 0;\n    let mut read = 0;\n");
    for case in passed {
        for (body, code) in &case.bodies {
            let _ = writeln!(
                main,
                "    read += 1;\n    let body: ::serde_json::Value = ::serde_json::from_str({body:?}).unwrap();\n    match {}::Error::from_json(&body) {{\n        Ok(e) if e.code() == {code:?} => {{}}\n        other => {{ failed += 1; println!(\"{}: {{}} read as {{:?}}\", body, other.map(|e| e.code())); }}\n    }}",
                case.module, case.module
            );
        }
    }
    main.push_str("    println!(\"read {read} bodies\");\n    std::process::exit(if failed == 0 { 0 } else { 1 });\n}\n");
    main
}
