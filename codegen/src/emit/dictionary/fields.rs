//! An error's fields in the dictionary: name, type (nested for lists, maps and objects),
//! presence, whether the message shows it, and description.

use serde_json::{Value as Json, json};

use crate::model::{Catalog, FieldSource, Node, Param, ParamType};

/// The fields as a list of objects, in declaration order.
pub(super) fn fields(params: &[Param]) -> Json {
    Json::from(params.iter().map(field).collect::<Vec<_>>())
}

fn field(param: &Param) -> Json {
    let presence = if param.nullable {
        "nullable"
    } else if param.optional {
        "optional"
    } else {
        "required"
    };
    json!({
        "name": param.name,
        "type": type_json(&param.ty),
        "presence": presence,
        "in_message": param.in_message,
        "description": param.description,
    })
}

/// A type: `{"kind": "string"}`, `{"kind": "list", "items": ...}`,
/// `{"kind": "map", "values": ...}` or `{"kind": "object", "members": [...]}`.
fn type_json(ty: &ParamType) -> Json {
    match ty {
        ParamType::String => json!({ "kind": "string" }),
        ParamType::Integer => json!({ "kind": "integer" }),
        ParamType::Number => json!({ "kind": "number" }),
        ParamType::Boolean => json!({ "kind": "boolean" }),
        ParamType::Json => json!({ "kind": "json" }),
        ParamType::List(item) => json!({ "kind": "list", "items": type_json(item) }),
        ParamType::Map(value) => json!({ "kind": "map", "values": type_json(value) }),
        ParamType::Object(object) => {
            json!({ "kind": "object", "members": fields(&object.members) })
        }
    }
}

/// Each member of the envelope, by path (`error.code`, `errors[].message`), with what
/// it holds (`code`, `const`, `context.request_id`, `fields` for the object holding
/// the errors' fields).
pub(super) fn envelope(node: &Node, path: &str, catalog: &Catalog, out: &mut Vec<Json>) {
    match node {
        Node::Field { from, .. } => {
            out.push(json!({ "path": path, "from": source(*from, catalog) }))
        }
        Node::Const { .. } => out.push(json!({ "path": path, "from": "const" })),
        Node::Object { fields, params, .. } => {
            if *params {
                out.push(json!({ "path": path, "from": "fields" }));
            }
            for (name, child) in fields {
                let below = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                envelope(child, &below, catalog, out);
            }
        }
        Node::Array { items, .. } => envelope(items, &format!("{path}[]"), catalog, out),
    }
}

fn source(from: FieldSource, catalog: &Catalog) -> String {
    match from {
        FieldSource::Status => "status".to_owned(),
        FieldSource::Code => "code".to_owned(),
        FieldSource::Number => "number".to_owned(),
        FieldSource::Title => "title".to_owned(),
        FieldSource::Message => "message".to_owned(),
        FieldSource::Description => "description".to_owned(),
        FieldSource::DocsUrl => "docs_url".to_owned(),
        FieldSource::Retryable => "retryable".to_owned(),
        FieldSource::RetryAfter => "retry_after".to_owned(),
        FieldSource::Group => "group".to_owned(),
        FieldSource::Context(index) => format!("context.{}", catalog.context[index].name),
        FieldSource::Attribute(index) => format!("attribute.{}", catalog.attributes[index].name),
    }
}
