//! The shipped JSON Schema for catalogs (catalog/catalog.schema.json), which editors use
//! to validate and complete catalogs, accepts the shipped catalogs and rejects mistakes.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("catalog/catalog.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("test YAML parses")
}

#[test]
fn shipped_catalogs_satisfy_the_schema() {
    let validator = validator();
    for name in ["retrac", "reten"] {
        let path = root().join(format!("catalog/{name}.yaml"));
        let catalog = yaml(&std::fs::read_to_string(path).unwrap());
        let problems: Vec<String> = validator
            .iter_errors(&catalog)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{name}.yaml: {problems:#?}");
    }
}

#[test]
fn every_body_case_catalog_satisfies_the_schema() {
    let validator = validator();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies");
    let mut checked = 0;
    for entry in std::fs::read_dir(cases).unwrap() {
        let path = entry.unwrap().path().join("catalog.yaml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let problems: Vec<String> = validator
            .iter_errors(&yaml(&text))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        checked += 1;
    }
    assert!(checked >= 12);
}

#[test]
fn schema_rejects_the_usual_mistakes() {
    let validator = validator();
    let good = "api: A\ndocs: {title: T}\nenvelope: {body: {fields: {code: {from: code}}}}\nerrors:\n  - {code: a, status: 404, title: T, description: D, solution: S}\n";
    assert!(validator.is_valid(&yaml(good)));
    let mistakes = [
        (
            "unknown field",
            good.replace("title: T}", "title: T, colour: red}"),
        ),
        ("status 700", good.replace("404", "700")),
        (
            "pages not a boolean",
            good.replace("title: T}", "title: T, pages: maybe}"),
        ),
        (
            "empty text",
            good.replace("description: D", "description: ''"),
        ),
        ("unknown source", good.replace("from: code", "from: codes")),
        ("code with spaces", good.replace("code: a,", "code: 'a b',")),
        (
            "solution and solutions",
            good.replace("solution: S", "solution: S, solutions: [T]"),
        ),
    ];
    assert!(validator.is_valid(&yaml(&good.replace("title: T}", "title: T, pages: true}"))));
    // Optional since errors may have no solution or description (`require` asks for
    // them).
    assert!(validator.is_valid(&yaml(&good.replace(", solution: S", ""))));
    assert!(validator.is_valid(&yaml(&good.replace(", description: D", ""))));
    for (what, text) in mistakes {
        assert!(!validator.is_valid(&yaml(&text)), "schema accepts {what}");
    }
}

/// The retry policies the schema admits are exactly those the checker accepts.
#[test]
fn schema_admits_the_retry_policies_the_checker_accepts() {
    let validator = validator();
    let base = "api: A\ndocs: {title: T}\nenvelope: {body: {fields: {code: {from: code}}}}\nerrors:\n  - {code: a, status: 429, title: T, description: D, solution: S, retry: RETRY}\n";
    let catalog = |retry: &str| base.replace("RETRY", retry);
    let accepted = [
        "{policy: never}",
        "{policy: backoff}",
        "{policy: throttled}",
        "{policy: throttled, after_seconds: 30}",
        "{policy: after, after_seconds: 30}",
        "{policy: conditional, when: after changing the idempotency key}",
    ];
    for retry in accepted {
        let text = catalog(retry);
        assert!(validator.is_valid(&yaml(&text)), "schema refuses {retry}");
        let source = errcat_codegen::Source::new("a.yaml", text);
        assert!(
            errcat_codegen::compile(&[source]).is_ok(),
            "checker refuses {retry}"
        );
    }
    let refused = [
        "{policy: sometimes}",
        "{policy: never, after_seconds: 3}",
        "{policy: backoff, when: later}",
        "{policy: throttled, after_seconds: 0}",
        "{policy: throttled, when: later}",
        "{policy: after}",
        "{policy: after, after_seconds: 3, when: later}",
        "{policy: conditional}",
        "{policy: conditional, when: ' . '}",
        "{policy: conditional, when: later, after_seconds: 3}",
    ];
    for retry in refused {
        let text = catalog(retry);
        assert!(!validator.is_valid(&yaml(&text)), "schema accepts {retry}");
        let source = errcat_codegen::Source::new("a.yaml", text);
        assert!(
            errcat_codegen::compile(&[source]).is_err(),
            "checker accepts {retry}"
        );
    }
}

/// `required` is a boolean of context members only: the schema and the parser admit it
/// there and refuse it elsewhere, or as anything but a boolean.
#[test]
fn schema_admits_required_where_the_parser_does() {
    let validator = validator();
    let base = "api: A\ndocs: {title: T}\ncontext: {request_id: {type: string, REQ}}\nenvelope: {body: {fields: {code: {from: code, NODE}, request_id: {from: context.request_id}, message: {from: message}}}}\nerrors:\n  - {code: a, status: 404, title: T, description: D, solution: S, message: 'x {p}', params: [{name: p, type: string, PARAM}]}\n";
    let catalog = |req: &str, node: &str, param: &str| {
        base.replace("REQ", req)
            .replace("NODE", node)
            .replace("PARAM", param)
    };
    let accepted = [
        catalog("required: true", "description: C", "example: e"),
        catalog("required: false", "description: C", "example: e"),
    ];
    for text in accepted {
        assert!(validator.is_valid(&yaml(&text)), "schema refuses {text}");
        let source = errcat_codegen::Source::new("a.yaml", text.clone());
        assert!(
            errcat_codegen::compile(&[source]).is_ok(),
            "checker refuses {text}"
        );
    }
    let refused = [
        catalog("required: 'yes'", "description: C", "example: e"),
        catalog("required: 1", "description: C", "example: e"),
        catalog("required: null", "description: C", "example: e"),
        catalog("required: true", "required: true", "example: e"),
        catalog("required: true", "description: C", "required: true"),
    ];
    for text in refused {
        assert!(!validator.is_valid(&yaml(&text)), "schema accepts {text}");
        let source = errcat_codegen::Source::new("a.yaml", text.clone());
        assert!(
            errcat_codegen::compile(&[source]).is_err(),
            "parser accepts {text}"
        );
    }
}

/// A group's `defaults` the schema admits are exactly those the checker accepts.
#[test]
fn schema_admits_the_group_defaults_the_checker_accepts() {
    let validator = validator();
    let base = "api: A\ndocs: {title: T}\nenvelope: {body: {fields: {code: {from: code}}}}\ngroups:\n  - {name: auth, defaults: DEFAULTS}\nerrors:\n  - {code: a, group: auth, status: 429, title: T, description: D, solution: S}\n";
    let catalog = |defaults: &str| base.replace("DEFAULTS", defaults);
    for (defaults, accepted) in [
        ("{retry: from_status}", true),
        ("{}", true),
        ("{retry: by_status}", false),
        ("{retry: true}", false),
        ("{status: 400}", false),
        ("{retry: from_status, status: 400}", false),
    ] {
        let text = catalog(defaults);
        let source = errcat_codegen::Source::new("a.yaml", text.clone());
        assert_eq!(
            validator.is_valid(&yaml(&text)),
            accepted,
            "schema on {defaults}"
        );
        assert_eq!(
            errcat_codegen::compile(&[source]).is_ok(),
            accepted,
            "checker on {defaults}"
        );
    }
}
