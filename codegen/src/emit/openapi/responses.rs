//! `components.responses`: one response per status the catalog uses, its schema
//! admitting exactly the codes of that status, each code as a named example whose body
//! comes from the wire serialiser.

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
            .filter(|e| e.has_status(status))
            .collect();
        // Exactly the codes of this status: the code's own schema, or the choice of
        // them (a body holding several errors has one schema for all).
        let schema = match errors.as_slice() {
            _ if !per_code => names.envelope(),
            [only] => names.per_code(only),
            _ => names.response(status),
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
        // Moved in, not through `json!`, which would copy the examples.
        let mut media = Map::new();
        media.insert("schema".into(), names.reference(&schema));
        media.insert("examples".into(), Json::Object(examples));
        let mut content = Map::new();
        content.insert(catalog.envelope.media_type.clone(), Json::Object(media));
        response.insert("content".into(), Json::Object(content));
        response.insert("x-errors".into(), extensions(catalog, &errors));
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
            Retry::After(s) | Retry::Throttled { typical: Some(s) } => Some(s),
            _ => None,
        })
        .collect();
    if !errors.iter().any(|e| e.retry.sends_retry_after()) {
        return None;
    }
    let always = errors.iter().all(|e| e.retry.default_seconds().is_some());
    let mut header = json!({
        "description": "Seconds to wait before retrying the request.",
        "required": always,
        "schema": { "type": "integer", "minimum": 1 },
    });
    if let Some(first) = seconds.first() {
        header["example"] = Json::from(*first);
    }
    Some(header)
}

/// A named example: the code's title, what it means and what to do, and the body the
/// server sends.
fn example(catalog: &Catalog, error: &ErrorDef) -> Json {
    let mut text = error.description.clone();
    if let Some(solutions) = error.solutions_text() {
        text.push_str(&format!("\n\n{solutions}"));
    }
    if let Some(note) = error.deprecation_note() {
        text.push_str(&format!("\n\nDeprecated: {note}"));
    }
    json!({
        "summary": error.title,
        "description": text,
        "value": wire::example_body(catalog, error),
    })
}

/// `x-errors`: per code, what OpenAPI has no field for (retry policy, docs link,
/// deprecation). On the response rather than the examples, because tools that rebuild
/// documents (utoipa among them) keep a response's extensions but drop an example's.
fn extensions(catalog: &Catalog, errors: &[&ErrorDef]) -> Json {
    let mut out = Map::new();
    for error in errors {
        let mut info = Map::new();
        info.insert("retryable".into(), Json::Bool(error.is_retryable()));
        info.insert("retry".into(), Json::from(error.retry.policy()));
        match &error.retry {
            Retry::After(seconds) => {
                info.insert("retryAfterSeconds".into(), Json::from(*seconds));
            }
            Retry::Throttled {
                typical: Some(seconds),
            } => {
                info.insert("typicalRetryAfterSeconds".into(), Json::from(*seconds));
            }
            Retry::Conditional(when) => {
                info.insert("retryWhen".into(), Json::from(when.clone()));
            }
            _ => {}
        }
        match catalog.docs_url(error) {
            Some(url) => info.insert("docsUrl".into(), Json::from(url)),
            None => info.insert("docsAnchor".into(), Json::from(error.anchor.clone())),
        };
        if let Some(note) = &error.deprecated {
            info.insert("deprecated".into(), Json::from(note.clone()));
        }
        if let Some(day) = &error.sunset {
            info.insert("sunset".into(), Json::from(day.clone()));
        }
        out.insert(error.code.clone(), Json::Object(info));
    }
    Json::Object(out)
}
