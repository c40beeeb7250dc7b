//! OpenAPI per operation (body case `operations`): each operation's response of a status
//! admits the bodies of exactly the codes that operation returns with that status, and
//! each routed operation's path item points at those responses.

mod common;
mod schema;

use errcat_codegen::model::OpenApiVersion;
use errcat_codegen::{Catalog, compile, emit};
use serde_json::Value as Json;
use std::path::Path;

fn case() -> (Catalog, Json) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/operations");
    let catalog = compile(&[common::body_case_source(&dir)])
        .unwrap_or_else(|d| panic!("the case builds:\n{d}"))
        .remove(0);
    let bodies = std::fs::read_to_string(dir.join("bodies.json")).expect("bodies.json");
    (
        catalog,
        serde_json::from_str(&bodies).expect("bodies are JSON"),
    )
}

/// The name OpenAPI gives an operation's response of a status: `OperationsCreateInviteError409`.
fn response_name(catalog: &Catalog, variant: &str, status: u16) -> String {
    format!("{}{variant}{status}", catalog.openapi.prefix)
}

#[test]
fn each_operation_response_admits_exactly_its_codes() {
    let (catalog, bodies) = case();
    let media = catalog.envelope.media_type.replace('/', "~1");
    let mut admitted = 0;
    let mut refused = 0;
    for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_0] {
        let document = emit::openapi::document(&catalog, version);
        for operation in &catalog.operations {
            let statuses = operation
                .errors
                .iter()
                .filter_map(|&i| catalog.errors[i].status);
            for status in statuses {
                let name = response_name(&catalog, &operation.variant, status);
                let pointer = format!("#/components/responses/{name}/content/{media}/schema");
                let validator = schema::validator(&document, &pointer);
                for (index, error) in catalog.errors.iter().enumerate() {
                    if error.status != Some(status) {
                        continue;
                    }
                    let returns = operation.returns(index);
                    for body in bodies[&error.code].as_array().expect("a list") {
                        assert_eq!(
                            validator.is_valid(body),
                            returns,
                            "{version:?} {name}: body of {} ({}returned by {})",
                            error.code,
                            if returns { "" } else { "not " },
                            operation.id
                        );
                        if returns { admitted += 1 } else { refused += 1 }
                    }
                }
            }
        }
    }
    assert!(
        admitted > 0 && refused > 0,
        "admitted {admitted}, refused {refused}"
    );
}

#[test]
fn routed_operations_are_paths_pointing_at_their_responses() {
    let (catalog, _) = case();
    let document = emit::openapi::document(&catalog, OpenApiVersion::V3_1);
    let paths = document["paths"].as_object().expect("paths");
    let routed: Vec<&str> = paths.keys().map(String::as_str).collect();
    assert_eq!(
        routed,
        ["/invites", "/invites/{id}/accept"],
        "resend_all has no route"
    );
    let accept = &paths["/invites/{id}/accept"]["post"];
    assert_eq!(accept["operationId"], "accept_invite");
    assert_eq!(accept["parameters"][0]["name"], "id");
    let statuses: Vec<&str> = accept["responses"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(statuses, ["401", "404", "410", "429"]);
    let target = accept["responses"]["404"]["$ref"].as_str().unwrap();
    let name = target.trim_start_matches("#/components/responses/");
    assert!(
        document["components"]["responses"].get(name).is_some(),
        "{target} exists"
    );
    assert!(
        document["components"]["responses"]
            .get(response_name(&catalog, "ResendAllError", 401))
            .is_some(),
        "an operation without a route still has named responses"
    );
}
