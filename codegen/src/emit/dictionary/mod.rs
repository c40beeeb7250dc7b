//! The machine-readable dictionary of a catalog, `<name>.errors.json`: every code with
//! its number, group, status, texts, retry policy, fields with their types, example
//! body and docs URL, for integrators' SDK scripts and support tools. Its JSON Schema,
//! `errors.schema.json`, is written beside it.

mod fields;

use serde_json::{Map, Value as Json, json};

use crate::model::{Catalog, ErrorDef, Retry};
use crate::wire;

/// The file name of the dictionaries' JSON Schema.
pub const SCHEMA_FILE: &str = "errors.schema.json";

/// The dictionary's format version; it changes only when a member changes meaning.
const FORMAT: u32 = 1;

/// The dictionary of `catalog` as pretty JSON text.
pub fn emit(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(&dictionary(catalog)).unwrap_or_default();
    text.push('\n');
    text
}

/// The dictionary of `catalog` as JSON: the published contract the breaking-change
/// guard compares a catalog with.
pub fn value(catalog: &Catalog) -> Json {
    dictionary(catalog)
}

/// The JSON Schema every dictionary satisfies, as pretty JSON text.
pub fn schema() -> String {
    let mut text = include_str!("errors.schema.json").to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn dictionary(catalog: &Catalog) -> Json {
    let mut members = Vec::new();
    fields::envelope(&catalog.envelope.body, "", catalog, &mut members);
    let retired: Vec<Json> = catalog
        .retired
        .iter()
        .map(|r| json!({ "code": r.code, "number": r.number, "reason": r.reason }))
        .collect();
    let groups: Vec<Json> = catalog
        .groups
        .iter()
        .map(|g| {
            json!({
                "name": g.name,
                "title": g.title,
                "description": g.description,
                "parent": g.parent.map(|p| catalog.groups[p].name.clone()),
                "range": g.range.map(|(from, to)| json!({ "from": from, "to": to })),
            })
        })
        .collect();
    let errors: Vec<Json> = catalog.errors.iter().map(|e| error(catalog, e)).collect();
    let mut dictionary = json!({
        "$schema": format!("./{SCHEMA_FILE}"),
        "format": FORMAT,
        "api": catalog.api,
        "media_type": catalog.envelope.media_type,
        "unique_codes": if catalog.codes_per_group { "group" } else { "catalog" },
        "envelope": members,
        "groups": groups,
        // Moved in below: `json!` would copy every error's entry.
        "errors": null,
        "retired": retired,
        "contract": {
            "version": catalog.contract_version,
            "accepted": catalog
                .accepted
                .iter()
                .map(|(rule, code)| json!({ "rule": rule, "code": code }))
                .collect::<Vec<_>>(),
        },
    });
    if let Some(slot) = dictionary.get_mut("errors") {
        *slot = Json::Array(errors);
    }
    dictionary
}

fn error(catalog: &Catalog, error: &ErrorDef) -> Json {
    let causes: Vec<Json> = error
        .cases
        .iter()
        .map(|c| json!({ "title": c.title, "causes": c.causes, "note": c.note }))
        .collect();
    let mut out = Map::new();
    out.insert("code".into(), Json::from(error.code.clone()));
    out.insert("number".into(), json!(error.number));
    out.insert(
        "group".into(),
        json!(error.group.map(|g| catalog.groups[g].name.clone())),
    );
    out.insert("status".into(), Json::from(error.status));
    out.insert(
        "statuses".into(),
        json!(error.statuses().collect::<Vec<_>>()),
    );
    out.insert("title".into(), Json::from(error.title.clone()));
    out.insert("description".into(), Json::from(error.description.clone()));
    out.insert("solutions".into(), json!(error.solutions));
    out.insert("cases".into(), Json::from(causes));
    out.insert("explanation".into(), json!(error.explanation));
    out.insert("causes".into(), json!(error.causes));
    let links: Vec<Json> = error
        .links
        .iter()
        .map(|l| json!({ "title": l.title, "url": l.url }))
        .collect();
    out.insert("links".into(), Json::from(links));
    out.insert("retry".into(), retry(&error.retry));
    out.insert("message".into(), Json::from(error.message_template()));
    out.insert("fields".into(), fields::fields(&error.params));
    out.insert("example".into(), wire::example_body(catalog, error));
    out.insert("docs_url".into(), json!(catalog.docs_url(error)));
    let page = catalog.docs.pages.then(|| crate::model::code_page(error));
    out.insert("page".into(), json!(page));
    out.insert("deprecated".into(), json!(error.deprecated));
    out.insert("sunset".into(), json!(error.sunset));
    Json::Object(out)
}

fn retry(retry: &Retry) -> Json {
    json!({
        "policy": retry.policy(),
        "retryable": retry.is_retryable(),
        "after_seconds": retry.default_seconds(),
        "advice": retry.advice(),
    })
}
