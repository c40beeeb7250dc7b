//! The OpenAPI emitter: an OpenAPI 3.1 document per catalog holding the error schemas and
//! one response per status, examples taken from the wire serialiser.

use serde_json::{Map, Value as Json, json};

use crate::model::{Catalog, FieldSource, Node, Scalar};
use crate::wire;

/// The OpenAPI document of one catalog as a JSON value, keys in a stable order.
pub fn document(catalog: &Catalog) -> Json {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": format!("{} errors", catalog.api),
            "version": "1.0.0",
            "description": format!("Error responses of the {} API, generated from {}.", catalog.api, catalog.source),
        },
        "paths": {},
        "components": {
            "schemas": { "Error": schema(&catalog.envelope.body, catalog) },
            "responses": responses(catalog),
        },
    })
}

/// The document as pretty JSON text.
pub fn emit_json(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(&document(catalog)).unwrap_or_default();
    text.push('\n');
    text
}

/// The document as YAML text.
pub fn emit_yaml(catalog: &Catalog) -> String {
    serde_saphyr::to_string(&document(catalog)).unwrap_or_default()
}

fn schema(node: &Node, catalog: &Catalog) -> Json {
    let mut out = match node {
        Node::Field { from, .. } => field_schema(*from, catalog),
        Node::Const { value, .. } => json!({ "const": scalar(value) }),
        Node::Array { items, .. } => json!({
            "type": "array", "minItems": 1, "items": schema(items, catalog)
        }),
        Node::Object { fields, .. } => {
            let mut properties = Map::new();
            for (name, child) in fields {
                properties.insert(name.clone(), schema(child, catalog));
            }
            let required: Vec<&String> = fields.iter().map(|(n, _)| n).collect();
            json!({ "type": "object", "required": required, "properties": properties })
        }
    };
    if let (Some(text), Json::Object(map)) = (description(node), &mut out) {
        map.insert("description".into(), Json::from(text));
    }
    out
}

fn field_schema(from: FieldSource, catalog: &Catalog) -> Json {
    let errors = &catalog.errors;
    match from {
        FieldSource::Status => {
            let mut statuses: Vec<u16> = errors.iter().map(|e| e.status).collect();
            statuses.sort_unstable();
            statuses.dedup();
            json!({ "type": "integer", "enum": statuses })
        }
        FieldSource::Code => {
            json!({ "type": "string", "enum": errors.iter().map(|e| &e.code).collect::<Vec<_>>() })
        }
        FieldSource::Number => {
            json!({ "type": "integer", "enum": errors.iter().filter_map(|e| e.number).collect::<Vec<_>>() })
        }
        FieldSource::DocsUrl => json!({ "type": "string", "format": "uri" }),
        FieldSource::Title | FieldSource::Message | FieldSource::Description => {
            json!({ "type": "string" })
        }
    }
}

fn responses(catalog: &Catalog) -> Json {
    let mut statuses: Vec<u16> = catalog.errors.iter().map(|e| e.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let mut out = Map::new();
    for status in statuses {
        let mut examples = Map::new();
        for error in catalog.errors.iter().filter(|e| e.status == status) {
            examples.insert(
                error.code.clone(),
                json!({ "summary": error.title, "description": error.description, "value": wire::example_body(catalog, error) }),
            );
        }
        let titles: Vec<&str> = catalog
            .errors
            .iter()
            .filter(|e| e.status == status)
            .map(|e| e.code.as_str())
            .collect();
        out.insert(
            format!("Error{status}"),
            json!({
                "description": format!("Status {status}: {}", titles.join(", ")),
                "content": { catalog.envelope.media_type.clone(): {
                    "schema": { "$ref": "#/components/schemas/Error" },
                    "examples": examples,
                } },
            }),
        );
    }
    Json::Object(out)
}

fn description(node: &Node) -> Option<&str> {
    match node {
        Node::Field { description, .. }
        | Node::Const { description, .. }
        | Node::Object { description, .. }
        | Node::Array { description, .. } => description.as_deref(),
    }
}

fn scalar(value: &Scalar) -> Json {
    match value {
        Scalar::Bool(b) => Json::from(*b),
        Scalar::Int(i) => Json::from(*i),
        Scalar::Str(s) => Json::from(s.clone()),
    }
}
