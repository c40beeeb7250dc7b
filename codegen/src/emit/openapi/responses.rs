//! `components.responses`: one response per status the catalog uses, its schema
//! admitting exactly the codes of that status, each code as a named example whose body
//! comes from the wire serialiser.

use super::Names;
use super::status_key::response_statuses;
use crate::emit::commonmark::{block, code_span, inline};
use crate::emit::doc::{Doc, Obj};
use crate::model::{Catalog, ErrorDef, Retry};
use crate::wire;

/// Every response of `components.responses`, by status in ascending order.
pub(super) fn all<'a>(catalog: &'a Catalog, names: &'a Names<'a>, per_code: bool) -> Obj<'a> {
    let statuses = response_statuses(catalog);
    let mut out = Obj::with_capacity(statuses.len());
    for status in statuses {
        let errors: Vec<&'a ErrorDef> = catalog.errors.iter().filter(|e| status.has(e)).collect();
        // Exactly the codes of this status: the code's own schema, or the choice of
        // them (a body holding several errors has one schema for all).
        let schema = match errors.as_slice() {
            _ if !per_code => names.reference(&names.envelope()),
            [only] => names.per_code_reference(only),
            _ => names.reference(&names.response(status)),
        };
        out.push(names.response(status), response(catalog, &errors, schema));
    }
    out // one response name per status, each status once
}

/// The response of `errors` (all of one status), its body admitting `schema`: their
/// description, `Retry-After` where they set one, each as a named example, and
/// `x-errors`.
pub(super) fn response<'a>(
    catalog: &'a Catalog,
    errors: &[&'a ErrorDef],
    schema: Doc<'a>,
) -> Doc<'a> {
    let media = Obj::of([
        ("schema", schema),
        ("examples", Doc::Map(examples(catalog, errors))),
    ]);
    let mut content = Obj::with_capacity(1);
    content.push(catalog.envelope.media_type.as_str(), Doc::Map(media));
    let mut response = Obj::of([("description", Doc::from(description(errors)))]);
    if let Some(header) = retry_after(errors) {
        response.insert("headers", Doc::Map(Obj::of([("Retry-After", header)])));
    }
    response.insert("content", Doc::Map(content));
    response.insert("x-errors", Doc::Map(extensions(catalog, errors)));
    Doc::Map(response)
}

/// The named examples of a status, by code. A code in two groups (`unique_codes:
/// group`) is one entry: at its first position, with its last error's example.
fn examples<'a>(catalog: &'a Catalog, errors: &[&'a ErrorDef]) -> Obj<'a> {
    let mut out = Obj::with_capacity(errors.len());
    for error in errors {
        out.push(error.code.as_str(), example(catalog, error));
    }
    out.dedup();
    out
}

/// One code: its title, what it means, and the list of every code of a shared status.
fn description(errors: &[&ErrorDef]) -> String {
    match errors {
        [only] => match (&only.title, &only.description) {
            (Some(title), Some(description)) => {
                format!("{}: {}", inline(title), block(description))
            }
            (Some(title), None) => inline(title),
            (None, Some(description)) => block(description).into_owned(),
            (None, None) => code_span(&only.code),
        },
        _ => {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| {
                    let code = code_span(&e.code);
                    let title = e.title.as_deref().map(|t| format!(" {}", inline(t)));
                    let title = title.unwrap_or_default();
                    match &e.description {
                        Some(description) => format!("- {code}{title}: {}", inline(description)),
                        None => format!("- {code}{title}"),
                    }
                })
                .collect();
            format!("One of these errors:\n\n{}", lines.join("\n"))
        }
    }
}

/// The `Retry-After` header, when a code of this status asks clients to wait; required
/// when every code of the status does.
fn retry_after<'a>(errors: &[&ErrorDef]) -> Option<Doc<'a>> {
    let seconds: Vec<u32> = errors
        .iter()
        .filter_map(|e| match e.retry.policy {
            Some(Retry::After(s) | Retry::Throttled { typical: Some(s) }) => Some(s),
            _ => None,
        })
        .collect();
    if !errors.iter().any(|e| e.retry.sends_retry_after()) {
        return None;
    }
    let always = errors.iter().all(|e| e.retry.default_seconds().is_some());
    let schema = Obj::of([("type", Doc::str("integer")), ("minimum", Doc::from(1_u64))]);
    let mut header = Obj::of([
        (
            "description",
            Doc::str("Seconds to wait before retrying the request."),
        ),
        ("required", Doc::Bool(always)),
        ("schema", Doc::Map(schema)),
    ]);
    if let Some(first) = seconds.first() {
        header.insert("example", Doc::from(*first));
    }
    Some(Doc::Map(header))
}

/// A named example: the code's title (its code without one), what it means and what to do, and the body the
/// server sends.
fn example<'a>(catalog: &'a Catalog, error: &'a ErrorDef) -> Doc<'a> {
    let mut paragraphs: Vec<String> = error
        .description
        .iter()
        .map(|d| block(d).into_owned())
        .collect();
    paragraphs.extend(error.solutions_text(inline));
    if let Some(note) = error.deprecation_note() {
        paragraphs.push(format!("Deprecated: {}", inline(&note)));
    }
    let text = paragraphs.join("\n\n");
    Doc::Map(Obj::of([
        (
            "summary",
            Doc::str(error.title.as_deref().unwrap_or(&error.code)),
        ),
        ("description", Doc::from(text)),
        ("value", Doc::from(wire::example_body(catalog, error))),
    ]))
}

/// `x-errors`: per code, what OpenAPI has no field for (retry policy, docs link,
/// deprecation). On the response rather than the examples, because tools that rebuild
/// documents (utoipa among them) keep a response's extensions but drop an example's.
/// A code in two groups is one entry, as in [`examples`].
fn extensions<'a>(catalog: &'a Catalog, errors: &[&'a ErrorDef]) -> Obj<'a> {
    let mut out = Obj::with_capacity(errors.len());
    for error in errors {
        out.push(error.code.as_str(), Doc::Map(retry_facts(catalog, error)));
    }
    out.dedup();
    out
}

/// One code's entry of `x-errors`.
fn retry_facts<'a>(catalog: &'a Catalog, error: &'a ErrorDef) -> Obj<'a> {
    // Only what the catalog states (or derives where it asks to, said so): an error
    // with nothing stated has no retry entries.
    let mut info = Obj::with_capacity(4);
    if let Some(policy) = &error.retry.policy {
        info.insert("retryable", Doc::Bool(policy.is_retryable()));
        info.insert("retry", Doc::str(policy.policy()));
        if error.retry.derived {
            info.insert("retryDerivedFromStatus", Doc::Bool(true));
        }
    }
    match &error.retry.policy {
        Some(Retry::After(seconds)) => info.insert("retryAfterSeconds", Doc::from(*seconds)),
        Some(Retry::Throttled {
            typical: Some(seconds),
        }) => info.insert("typicalRetryAfterSeconds", Doc::from(*seconds)),
        Some(Retry::Conditional(when)) => info.insert("retryWhen", Doc::str(when)),
        _ => {}
    }
    if let Some(note) = &error.retry.note {
        info.insert("retryAdvice", Doc::str(note));
    }
    match catalog.docs_url(error) {
        Some(url) => info.insert("docsUrl", Doc::from(url)),
        None => info.insert("docsAnchor", Doc::str(&error.anchor)),
    }
    if let Some(note) = &error.deprecated {
        info.insert("deprecated", Doc::str(note));
    }
    if let Some(day) = &error.sunset {
        info.insert("sunset", Doc::str(day));
    }
    info
}
