//! Property tests: random valid catalogs (written as YAML text, hostile characters
//! included) compile, generate the same bytes twice and whatever the folder order, give
//! OpenAPI JSON and YAML that parse to the same value, and Rust that passes clippy (one
//! scratch crate holding a batch of catalogs per test run).

mod common;

use common::{clippy_generated_rust, compile_guarded};
use errcat_codegen::{Builder, Generated, Source};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Characters texts are drawn from: plain ones and those that break naive generators.
const ALPHABET: &[char] = &[
    'a', 'b', 'Z', '0', '9', ' ', ' ', '"', '\'', '\\', '{', '}', '*', '/', '#', '[', ']', '|',
    '<', '>', '`', '&', ':', '-', '\n', '\t', 'é', '漢', '🦀', '\u{200F}', '\u{202E}',
];

/// A non-empty text: a letter, then up to 15 characters of the alphabet.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..16)
        .prop_map(|chars| std::iter::once('T').chain(chars).collect())
}

/// A YAML double-quoted scalar: JSON string syntax is valid YAML.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

#[derive(Debug, Clone)]
struct ErrorSpec {
    word: String,
    status: u16,
    title: String,
    description: String,
    solution: String,
    /// Literal text before each parameter, then after the last.
    texts: Vec<String>,
    params: Vec<(u8, bool)>,
    retry: u8,
}

fn error_spec() -> impl Strategy<Value = ErrorSpec> {
    (
        "[a-z]{1,8}",
        400u16..600,
        (text(), text(), text()),
        prop::collection::vec((0u8..4, any::<bool>()), 0..4),
        prop::collection::vec(text(), 4),
        0u8..6,
    )
        .prop_map(
            |(word, status, (title, description, solution), params, texts, retry)| ErrorSpec {
                word,
                status,
                title,
                description,
                solution,
                texts,
                params,
                retry,
            },
        )
}

fn catalog_yaml() -> impl Strategy<Value = String> {
    (
        text(),
        text(),
        any::<bool>(),
        prop::collection::vec(error_spec(), 1..5),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(api, title, list, errors, recommendations)| {
            let mut yaml = format!(
                "api: {}\ndocs:\n  title: {}\n",
                quoted(&api),
                quoted(&title)
            );
            let layout = if list { "list" } else { "reference" };
            let _ = writeln!(yaml, "  layout: {layout}");
            yaml.push_str("envelope:\n  body:\n    fields:\n      code: { from: code }\n");
            yaml.push_str("      message: { from: message }\n      status: { from: status }\n");
            yaml.push_str("      details: { fields: {}, params: true }\nerrors:\n");
            for (i, error) in errors.iter().enumerate() {
                error_yaml(&mut yaml, i, error);
            }
            if !recommendations.is_empty() {
                yaml.push_str("recommendations:\n");
                for r in &recommendations {
                    let _ = writeln!(yaml, "  - {}", quoted(r));
                }
            }
            yaml
        })
}

fn error_yaml(yaml: &mut String, index: usize, e: &ErrorSpec) {
    let _ = writeln!(yaml, "  - code: {}_{index}", e.word);
    let _ = writeln!(yaml, "    number: {}", 1000 + index);
    let _ = writeln!(yaml, "    status: {}", e.status);
    let _ = writeln!(yaml, "    title: {}", quoted(&e.title));
    let _ = writeln!(yaml, "    description: {}", quoted(&e.description));
    let _ = writeln!(yaml, "    solution: {}", quoted(&e.solution));
    let escape = |t: &str| t.replace('{', "{{").replace('}', "}}");
    let mut message = escape(&e.texts[0]);
    for (i, text) in e.texts.iter().enumerate().skip(1).take(e.params.len()) {
        let _ = write!(message, "{{p{}}}{}", i - 1, escape(text));
    }
    let _ = writeln!(yaml, "    message: {}", quoted(&message));
    if !e.params.is_empty() {
        yaml.push_str("    params:\n");
        for (i, (ty, optional)) in e.params.iter().enumerate() {
            let ty = ["string", "integer", "boolean", "list"][usize::from(*ty)];
            let _ = writeln!(
                yaml,
                "      - {{ name: p{i}, type: {ty}, optional: {optional} }}"
            );
        }
    }
    let retry = match e.retry {
        0 => "",
        1 => "    retry: { policy: never }\n",
        2 => "    retry: { policy: backoff }\n",
        3 => "    retry: { policy: after, after_seconds: 30 }\n",
        4 => "    retry: { policy: throttled, after_seconds: 5 }\n",
        _ => "    retry: { policy: conditional, when: after changing the key }\n",
    };
    yaml.push_str(retry);
}

fn generate(sources: Vec<Source>) -> Generated {
    let shown: String = sources.iter().map(|s| s.text.clone()).collect();
    let catalogs = compile_guarded("random", sources)
        .unwrap_or_else(|d| panic!("a valid random catalog fails:\n{d}\n{shown}"));
    Builder::new().generate(&catalogs)
}

fn check_openapi(generated: &Generated) {
    for json_file in generated.docs.iter().filter(|f| f.name.ends_with(".json")) {
        let json: serde_json::Value = serde_json::from_str(&json_file.content)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", json_file.name));
        let yaml_name = json_file.name.replace(".json", ".yaml");
        if let Some(yaml_file) = generated.docs.iter().find(|f| f.name == yaml_name) {
            let yaml: serde_json::Value = serde_saphyr::from_str(&yaml_file.content)
                .unwrap_or_else(|e| panic!("{yaml_name} is not YAML: {e}"));
            assert_eq!(json, yaml, "{} and {yaml_name} differ", json_file.name);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_catalogs_compile_the_same_twice(yaml in catalog_yaml()) {
        let source = Source::new("catalog/random.yaml", yaml);
        let first = generate(vec![source.clone()]);
        prop_assert_eq!(&generate(vec![source]), &first);
        check_openapi(&first);
    }

    #[test]
    fn folder_order_does_not_matter(
        yamls in prop::collection::vec(catalog_yaml(), 2..4),
        order in Just(()).prop_perturb(|(), mut rng| rng.random::<u64>()),
    ) {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("properties-order");
        let names: Vec<String> = (0..yamls.len()).map(|i| format!("m{i}.yaml")).collect();
        let read = |rotation: usize| {
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("catalog")).unwrap();
            for k in 0..yamls.len() {
                let i = (k + rotation) % yamls.len();
                fs::write(dir.join("catalog").join(&names[i]), &yamls[i]).unwrap();
            }
            Builder::new().read_sources(&dir).unwrap().unwrap()
        };
        let rotation = usize::try_from(order % 7).unwrap_or(0);
        let first = generate(read(0));
        prop_assert_eq!(generate(read(rotation)), first);
    }
}

#[test]
fn a_batch_of_random_catalogs_passes_clippy() {
    let mut runner = TestRunner::deterministic();
    let strategy = catalog_yaml();
    let sources: Vec<Source> = (0..12)
        .map(|i| {
            let yaml = strategy.new_tree(&mut runner).expect("a value").current();
            Source::new(format!("catalog/random_{i}.yaml"), yaml)
        })
        .collect();
    let generated = generate(sources);
    clippy_generated_rust("random_catalogs", &generated.rust.content);
}
