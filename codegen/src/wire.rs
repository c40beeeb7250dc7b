//! The wire body: how one error becomes its JSON body. Example bodies in the docs and in
//! OpenAPI come from here, and the generated Rust's serialiser is emitted from the same
//! envelope tree; a test proves the two give equal bodies for every code.

use serde_json::{Map, Value as Json};

use crate::model::{Catalog, ErrorDef, FieldSource, Node, Scalar, Value};

/// The body `error` is sent as, with `values` for its parameters (in parameter order).
pub fn body(catalog: &Catalog, error: &ErrorDef, values: &[Value]) -> Json {
    render(&catalog.envelope.body, catalog, error, values)
}

/// The body `error` is sent as with its example parameter values.
pub fn example_body(catalog: &Catalog, error: &ErrorDef) -> Json {
    body(catalog, error, &error.example_values())
}

/// The same body as pretty JSON text with a two-space indent, as docs show it.
pub fn example_text(catalog: &Catalog, error: &ErrorDef) -> String {
    serde_json::to_string_pretty(&example_body(catalog, error)).unwrap_or_default()
}

fn render(node: &Node, catalog: &Catalog, error: &ErrorDef, values: &[Value]) -> Json {
    match node {
        Node::Field { from, .. } => field(*from, catalog, error, values),
        Node::Const { value, .. } => scalar(value),
        Node::Object { fields, params, .. } => {
            let mut map = Map::new();
            for (name, child) in fields {
                let json = if let Node::Field {
                    from: FieldSource::Param(_),
                    ..
                } = child
                {
                    let mut found = error.params.iter().zip(values);
                    found
                        .find(|(param, _)| param.name == *name)
                        .and_then(|(param, value)| param_member(param, value))
                } else {
                    member(child, catalog, error, values)
                };
                if let Some(json) = json {
                    map.insert(name.clone(), json);
                }
            }
            if *params {
                let placed = &catalog.envelope.placed;
                for (param, value) in error.params.iter().zip(values) {
                    if placed.contains(&param.name) {
                        continue; // sent at its own member, above
                    }
                    if let Some(json) = param_member(param, value) {
                        map.insert(param.name.clone(), json);
                    }
                }
            }
            Json::Object(map)
        }
        Node::Array { items, .. } => Json::Array(vec![render(items, catalog, error, values)]),
    }
}

/// A parameter's value as a member of the object holding the parameters: `None` (left
/// out) where an optional one is absent, `null` where a nullable one is.
fn param_member(param: &crate::model::Param, value: &Value) -> Option<Json> {
    match param_json(value) {
        Some(json) => Some(json),
        None if param.nullable => Some(Json::Null),
        None => None,
    }
}

/// A member's value, or `None` where the member is left out: a context value (given
/// per response, not by the error) or a value this error does not have. A required
/// context member is in every body: its example stands for the value.
fn member(node: &Node, catalog: &Catalog, error: &ErrorDef, values: &[Value]) -> Option<Json> {
    match node {
        Node::Field { from, .. } => match from {
            FieldSource::Context(index) => context_example(catalog, *index),
            from if !has_member(*from, error) => None,
            _ => Some(field(*from, catalog, error, values)),
        },
        _ => Some(render(node, catalog, error, values)),
    }
}

/// The fixed delay before retrying, where the error's policy has one.
pub fn retry_after(error: &ErrorDef) -> Option<u32> {
    error.retry.default_seconds()
}

fn field(from: FieldSource, catalog: &Catalog, error: &ErrorDef, values: &[Value]) -> Json {
    match from {
        FieldSource::Status => Json::from(error.response_status()),
        FieldSource::Code => Json::from(error.code.clone()),
        FieldSource::Number => error.number.map_or(Json::Null, Json::from),
        FieldSource::Title => Json::from(error.sent_title()),
        FieldSource::Message => Json::from(error.message.render(values)),
        FieldSource::Description => Json::from(error.description.clone()),
        FieldSource::DocsUrl => catalog.docs_url(error).map_or(Json::Null, Json::from),
        FieldSource::Retryable => Json::from(error.is_retryable()),
        FieldSource::Group => error
            .group
            .map_or(Json::Null, |g| Json::from(catalog.groups[g].name.clone())),
        FieldSource::RetryAfter => retry_after(error).map_or(Json::Null, Json::from),
        FieldSource::Attribute(index) => {
            error.attributes[index].as_ref().map_or(Json::Null, scalar)
        }
        FieldSource::Context(index) => context_example(catalog, index).unwrap_or_default(),
        // Written by `render`, which knows the member's name.
        FieldSource::Param(_) => Json::Null,
    }
}

/// The example value of a required context member; `None` for an optional one.
fn context_example(catalog: &Catalog, index: usize) -> Option<Json> {
    let member = &catalog.context[index];
    member
        .required
        .then(|| param_json(&member.example))
        .flatten()
}

/// Whether the body of `error` has the member taking its value from `from` (context
/// members only when given, which a schema cannot know).
pub fn has_member(from: FieldSource, error: &ErrorDef) -> bool {
    match from {
        FieldSource::Attribute(index) => error.attributes[index].is_some(),
        FieldSource::RetryAfter => retry_after(error).is_some(),
        FieldSource::Group => error.group.is_some(),
        _ => true,
    }
}

/// A constant as JSON.
pub fn scalar(value: &Scalar) -> Json {
    match value {
        Scalar::Bool(b) => Json::from(*b),
        Scalar::Int(i) => Json::from(*i),
        Scalar::Str(s) => Json::from(s.clone()),
        Scalar::Null => Json::Null,
        Scalar::Json(json) => json.clone(),
    }
}

/// A parameter value as a JSON member; absent optional values are left out.
pub fn param_json(value: &Value) -> Option<Json> {
    match value {
        Value::String(s) => Some(Json::from(s.clone())),
        Value::Integer(i) => Some(Json::from(*i)),
        Value::Boolean(b) => Some(Json::from(*b)),
        Value::StringList(items) => Some(Json::from(items.clone())),
        Value::Json(json) => Some(json.clone()),
        Value::Absent => None,
    }
}

/// Every field source of an envelope tree, in tree order.
pub fn sources(node: &Node) -> Vec<FieldSource> {
    match node {
        Node::Field { from, .. } => vec![*from],
        Node::Const { .. } => Vec::new(),
        Node::Object { fields, .. } => fields.iter().flat_map(|(_, n)| sources(n)).collect(),
        Node::Array { items, .. } => sources(items),
    }
}
