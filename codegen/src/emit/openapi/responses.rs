//! `components.responses`: one response per status the catalog uses, each code of that
//! status as a named example whose body comes from the wire serialiser.

use serde_json::{Map, Value as Json, json};

use super::Names;
use crate::model::{Catalog, ErrorDef, Retry};
use crate::wire;

/// Every response of `components.responses`, by status in ascending order.
pub(super) fn all(catalog: &Catalog, names: &Names, per_code: bool) -> Map<String, Json> {
    let mut out = Map::new();
    for status in super::statuses(catalog) {
        let errors: Vec<&ErrorDef> = catalog
            .errors
            .iter()
            .filter(|e| e.status == status)
            .collect();
        let schema = match errors.as_slice() {
            [only] if per_code => names.per_code(only),
            _ => names.envelope(),
        };
        let mut response = Map::new();
        response.insert("description".into(), Json::from(description(&errors)));
        if let Some(header) = retry_after(&errors) {
            response.insert("headers".into(), json!({ "Retry-After": header }));
        }
        let examples: Map<String, Json> = errors
            .iter()
            .map(|e| (e.code.clone(), example(catalog, e)))
            .collect();
        let media = json!({ "schema": names.reference(&schema), "examples": examples });
        response.insert(
            "content".into(),
            json!({ catalog.envelope.media_type.clone(): media }),
        );
        out.insert(names.response(status), Json::Object(response));
    }
    out
}

/// One code: its title, what it means, and the list of every code of a shared status.
fn description(errors: &[&ErrorDef]) -> String {
    match errors {
        [only] => format!("{}: {}", only.title, only.description),
        _ => {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("- `{}` {}: {}", e.code, e.title, e.description))
                .collect();
            format!("One of these errors:\n\n{}", lines.join("\n"))
        }
    }
}

/// The `Retry-After` header, when a code of this status asks clients to wait; required
/// when every code of the status does.
fn retry_after(errors: &[&ErrorDef]) -> Option<Json> {
    let seconds: Vec<u32> = errors
        .iter()
        .filter_map(|e| match e.retry {
            Retry::After(s) => Some(s),
            _ => None,
        })
        .collect();
    let first = *seconds.first()?;
    Some(json!({
        "description": "Seconds to wait before retrying the request.",
        "required": seconds.len() == errors.len(),
        "schema": { "type": "integer", "minimum": 1 },
        "example": first,
    }))
}

/// A named example: the body the server sends, and extensions for what OpenAPI has no
/// field for (retry policy, docs link, deprecation).
fn example(catalog: &Catalog, error: &ErrorDef) -> Json {
    let mut out = Map::new();
    out.insert("summary".into(), Json::from(error.title.clone()));
    let mut text = format!("{}\n\nSolution: {}", error.description, error.solution);
    if let Some(note) = &error.deprecated {
        text.push_str(&format!("\n\nDeprecated: {note}"));
    }
    out.insert("description".into(), Json::from(text));
    out.insert("value".into(), wire::example_body(catalog, error));
    out.insert("x-retryable".into(), Json::Bool(error.is_retryable()));
    if let Retry::After(seconds) = error.retry {
        out.insert("x-retry-after".into(), Json::from(seconds));
    }
    match catalog.docs_url(error) {
        Some(url) => out.insert("x-docs-url".into(), Json::from(url)),
        None => out.insert("x-docs-anchor".into(), Json::from(error.anchor.clone())),
    };
    if error.deprecated.is_some() {
        out.insert("x-deprecated".into(), Json::Bool(true));
    }
    Json::Object(out)
}
