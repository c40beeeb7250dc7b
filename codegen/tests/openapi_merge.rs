//! Merging the generated components into a service's own OpenAPI document with utoipa,
//! as docs/openapi.md shows: every generated schema and response arrives unchanged, the
//! service's operations can refer to them, and prefixes keep catalogs from clashing
//! (utoipa's `merge` keeps the first component of a name and drops later ones).

use errcat_codegen::model::OpenApiVersion;
use errcat_codegen::{Source, compile, emit};
use serde_json::Value as Json;
use std::path::Path;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::{OpenApi, PathsBuilder, Ref, ResponseBuilder};

/// A generated document from generated/, parsed the way a service would load it.
fn generated(file: &str) -> OpenApi {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../generated")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("generated document exists");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("utoipa reads {file}: {e}"))
}

/// The service's own error type, which utoipa names `Error` in its document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct Error {
    /// What went wrong.
    reason: String,
}

/// The service's own document, derived the usual utoipa way.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "Inventory", version = "2.0.0"),
    components(schemas(Error))
)]
struct ServiceDoc;

/// The service's document with an operation answering with generated error responses.
fn service() -> OpenApi {
    let operation = OperationBuilder::new()
        .operation_id(Some("get_item"))
        .response("200", ResponseBuilder::new().description("The item"))
        .response("404", Ref::from_response_name("RetracError404"))
        .response("429", Ref::from_response_name("RetracError429"));
    let mut document = <ServiceDoc as utoipa::OpenApi>::openapi();
    document.paths = PathsBuilder::new()
        .path("/items/{id}", PathItem::new(HttpMethod::Get, operation))
        .build();
    document
}

fn components(document: &Json) -> [(&str, &serde_json::Map<String, Json>); 2] {
    ["schemas", "responses"].map(|kind| {
        let map = document["components"][kind]
            .as_object()
            .expect("components");
        (kind, map)
    })
}

/// What utoipa keeps of a component: everything but `required` on response headers and
/// `externalDocs` on schemas, fields its `Header` and object types do not have
/// (docs/openapi.md says so).
fn utoipa_keeps(mut item: Json) -> Json {
    // utoipa's object schema has no `externalDocs` (the per-code docs link).
    item.as_object_mut().map(|i| i.shift_remove("externalDocs"));
    if let Some(headers) = item.get_mut("headers").and_then(Json::as_object_mut) {
        for header in headers.values_mut() {
            header.as_object_mut().map(|h| h.shift_remove("required"));
        }
    }
    item
}

/// Every `$ref` in the document points at something that exists.
fn assert_refs_resolve(node: &Json, root: &Json) {
    match node {
        Json::Object(map) => {
            if let Some(Json::String(target)) = map.get("$ref") {
                let pointer = target.trim_start_matches('#');
                assert!(root.pointer(pointer).is_some(), "dangling {target}");
            }
            map.values().for_each(|v| assert_refs_resolve(v, root));
        }
        Json::Array(items) => items.iter().for_each(|v| assert_refs_resolve(v, root)),
        _ => {}
    }
}

#[test]
fn generated_components_merge_into_a_service_document_unchanged() {
    let mut merged = service();
    let files = ["retrac.openapi.json", "reten.openapi.json"];
    for file in files {
        merged.merge(generated(file));
    }
    let merged = serde_json::to_value(&merged).expect("serialises");
    assert_eq!(
        merged["info"]["title"], "Inventory",
        "the service's info stays"
    );
    assert_eq!(merged["components"]["schemas"]["Error"]["type"], "object");
    for file in files {
        let ours = serde_json::to_value(generated(file)).expect("serialises");
        let original: Json = serde_json::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../generated")
                    .join(file),
            )
            .expect("readable"),
        )
        .expect("JSON");
        for (kind, items) in components(&original) {
            for (name, item) in items {
                let item = &utoipa_keeps(item.clone());
                assert_eq!(
                    &ours["components"][kind][name], item,
                    "utoipa keeps {kind}/{name}"
                );
                assert_eq!(
                    &merged["components"][kind][name], item,
                    "merged {kind}/{name}"
                );
            }
        }
    }
    assert_refs_resolve(&merged, &merged);
}

/// Two catalogs without prefixes both name their envelope `Error`: utoipa keeps the
/// first and silently drops the second, whose responses then describe the wrong body.
/// A build holding both refuses them; with the default prefixes nothing is dropped.
#[test]
fn prefixes_keep_catalogs_from_clashing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let read = |name: &str| std::fs::read_to_string(root.join("catalog").join(name)).unwrap();
    let unprefixed = |text: String| match text.contains("\nopenapi:\n") {
        true => text.replacen("\nopenapi:\n", "\nopenapi:\n  prefix: \"\"\n", 1),
        false => text.replacen("\nerrors:\n", "\nopenapi:\n  prefix: \"\"\nerrors:\n", 1),
    };
    let sources = [
        Source::new("catalog/retrac.yaml", unprefixed(read("retrac.yaml"))),
        Source::new("catalog/reten.yaml", unprefixed(read("reten.yaml"))),
    ];
    let together = compile(&sources).expect_err("one build refuses two catalogs of one prefix");
    assert!(
        together
            .to_string()
            .contains("both name OpenAPI components `Error`")
    );
    let bare: Vec<_> = sources
        .iter()
        .flat_map(|s| compile(std::slice::from_ref(s)).expect("each compiles alone"))
        .collect();
    let document = |catalog| {
        let json = emit::openapi::document(catalog, OpenApiVersion::V3_1);
        serde_json::from_value::<OpenApi>(json).expect("utoipa reads it")
    };
    let mut merged = document(&bare[0]);
    merged.merge(document(&bare[1]));
    let merged = serde_json::to_value(&merged).expect("serialises");
    let reten = emit::openapi::document(&bare[1], OpenApiVersion::V3_1);
    assert_ne!(
        merged["components"]["schemas"]["Error"], reten["components"]["schemas"]["Error"],
        "without prefixes the second catalog's envelope is lost"
    );

    let mut prefixed = service();
    prefixed.merge(generated("retrac.openapi.json"));
    prefixed.merge(generated("reten.openapi.json"));
    let prefixed = serde_json::to_value(&prefixed).expect("serialises");
    for name in ["Error", "RetracError", "RetracErrorCode", "RetenError"] {
        assert!(
            prefixed["components"]["schemas"].get(name).is_some(),
            "{name} kept"
        );
    }
}

/// `Validation` and `ValidationError` name the same components (`ValidationError`, ...),
/// since a prefix ending in `Error` gets no second one: a build holding both refuses them.
#[test]
fn prefixes_naming_the_same_components_clash() {
    let catalog = |prefix: &str| {
        format!(
            "api: A\ndocs: {{title: A}}\nopenapi: {{prefix: {prefix}}}\nenvelope: {{body: {{fields: {{code: {{from: code}}}}}}}}\nerrors:\n  - {{code: gone, status: 410, title: Gone, description: D, solution: S}}\n"
        )
    };
    let sources = [
        Source::new("catalog/a.yaml", catalog("Validation")),
        Source::new("catalog/b.yaml", catalog("ValidationError")),
    ];
    let together = compile(&sources).expect_err("the stems clash");
    assert!(
        together
            .to_string()
            .contains("both name OpenAPI components `ValidationError`"),
        "{together}"
    );
    compile(&sources[..1]).expect("each compiles alone");
    compile(&sources[1..]).expect("each compiles alone");
}
