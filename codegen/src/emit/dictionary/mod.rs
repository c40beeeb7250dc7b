//! The machine-readable dictionary of a catalog, `<name>.errors.json`: every code with
//! its number, group, status, texts, retry policy, fields with their types, example
//! body and docs URL, for integrators' SDK scripts and support tools. Its JSON Schema,
//! `errors.schema.json`, is written beside it.

mod fields;

use serde_json::Value as Json;

use crate::emit::doc::{Doc, Obj, json};
use crate::model::{Catalog, ErrorDef, Retry, RetryStatement, UnknownMembers};
use crate::wire;

/// The file name of the dictionaries' JSON Schema.
pub const SCHEMA_FILE: &str = "errors.schema.json";

/// The dictionary's format version; it changes only when a member changes meaning.
const FORMAT: u32 = 1;

/// The dictionary of `catalog` as pretty JSON text.
pub fn emit(catalog: &Catalog) -> String {
    // About 1.5 KB per error; the text is trimmed once written.
    let mut text = String::with_capacity(4096 + 1536 * catalog.errors.len());
    json::write(&mut text, &dictionary(catalog));
    text.push('\n');
    text.shrink_to_fit();
    text
}

/// The dictionary of `catalog` as JSON: the published contract the breaking-change
/// guard compares a catalog with.
pub fn value(catalog: &Catalog) -> Json {
    dictionary(catalog).to_json()
}

/// The JSON Schema every dictionary satisfies, as pretty JSON text.
pub fn schema() -> String {
    let mut text = include_str!("errors.schema.json").to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn dictionary(catalog: &Catalog) -> Doc<'_> {
    let mut members = Vec::new();
    fields::envelope(&catalog.envelope.body, "", catalog, &mut members);
    let retired: Vec<Doc<'_>> = catalog
        .retired
        .iter()
        .map(|r| {
            Obj::of([
                ("code", Doc::str(&r.code)),
                ("number", Doc::from(r.number)),
                ("reason", Doc::from(r.reason.as_deref())),
            ])
            .into()
        })
        .collect();
    let groups: Vec<Doc<'_>> = catalog.groups.iter().map(|g| group(catalog, g)).collect();
    let errors: Vec<Doc<'_>> = catalog.errors.iter().map(|e| error(catalog, e)).collect();
    let unique = if catalog.codes_per_group {
        "group"
    } else {
        "catalog"
    };
    let unknown = match catalog.envelope.unknown_members {
        UnknownMembers::Allow => "allow",
        UnknownMembers::Refuse => "refuse",
    };
    let accepted: Vec<Doc<'_>> = catalog
        .accepted
        .iter()
        .map(|a| {
            Obj::of([
                ("rule", Doc::str(&a.rule)),
                ("code", Doc::str(&a.code)),
                ("group", Doc::from(a.group.as_deref())),
            ])
            .into()
        })
        .collect();
    let contract = Obj::of([
        ("version", Doc::from(catalog.contract_version)),
        ("accepted", Doc::List(accepted)),
    ]);
    let mut out = Obj::of([
        ("$schema", Doc::from(format!("./{SCHEMA_FILE}"))),
        ("format", Doc::from(FORMAT)),
        ("api", Doc::str(&catalog.api)),
        ("media_type", Doc::str(&catalog.envelope.media_type)),
        ("unique_codes", Doc::str(unique)),
        ("unknown_members", Doc::str(unknown)),
        ("envelope", Doc::List(members)),
        ("groups", Doc::List(groups)),
        ("errors", Doc::List(errors)),
        ("retired", Doc::List(retired)),
        ("contract", contract.into()),
    ]);
    if !catalog.operations.is_empty() {
        let operations = catalog.operations.iter().map(|o| operation(catalog, o));
        out.push("operations", Doc::List(operations.collect()));
    }
    out.into()
}

/// One operation: its id, route, summary and the errors it returns, each named as the
/// catalog names it (`group.code` where codes repeat across groups).
fn operation<'a>(catalog: &'a Catalog, operation: &'a crate::model::Operation) -> Doc<'a> {
    let errors = operation.errors.iter().map(|&index| {
        let error = &catalog.errors[index];
        match error.group {
            Some(group) if catalog.codes_per_group => {
                Doc::from(format!("{}.{}", catalog.groups[group].name, error.code))
            }
            _ => Doc::str(&error.code),
        }
    });
    Obj::of([
        ("id", Doc::str(&operation.id)),
        ("method", Doc::from(operation.method.as_deref())),
        ("path", Doc::from(operation.path.as_deref())),
        ("summary", Doc::from(operation.summary.as_deref())),
        ("errors", Doc::List(errors.collect())),
    ])
    .into()
}

fn group<'a>(catalog: &'a Catalog, group: &'a crate::model::Group) -> Doc<'a> {
    let parent = group.parent.map(|p| Doc::str(&catalog.groups[p].name));
    let range = group
        .range
        .map(|(from, to)| Doc::from(Obj::of([("from", Doc::from(from)), ("to", Doc::from(to))])));
    Obj::of([
        ("name", Doc::str(&group.name)),
        ("title", Doc::from(group.title.as_deref())),
        ("description", Doc::from(group.description.as_deref())),
        ("parent", Doc::from(parent)),
        ("range", Doc::from(range)),
    ])
    .into()
}

fn error<'a>(catalog: &'a Catalog, error: &'a ErrorDef) -> Doc<'a> {
    let strings = |items: &'a [String]| Doc::List(items.iter().map(|s| Doc::str(s)).collect());
    let cases: Vec<Doc<'a>> = error
        .cases
        .iter()
        .map(|c| {
            Obj::of([
                ("title", Doc::str(&c.title)),
                ("causes", strings(&c.causes)),
                ("note", Doc::from(c.note.as_deref())),
            ])
            .into()
        })
        .collect();
    let links: Vec<Doc<'a>> = error
        .links
        .iter()
        .map(|l| Obj::of([("title", Doc::str(&l.title)), ("url", Doc::str(&l.url))]).into())
        .collect();
    let group = error.group.map(|g| Doc::str(&catalog.groups[g].name));
    let statuses: Vec<Doc<'a>> = error.statuses().map(Doc::from).collect();
    let page = catalog.docs.pages.then(|| crate::model::code_page(error));
    let mut out = Obj::with_capacity(21);
    out.push("code", Doc::str(&error.code));
    out.push("number", Doc::from(error.number));
    out.push("group", Doc::from(group));
    out.push("status", Doc::from(error.status));
    out.push("statuses", Doc::List(statuses));
    if let Some(open) = error.open_status {
        out.push("open_status", Doc::from(open.written()));
    }
    out.push("title", Doc::from(error.title.as_deref()));
    out.push("description", Doc::from(error.description.as_deref()));
    out.push("solutions", strings(&error.solutions));
    out.push("cases", Doc::List(cases));
    out.push("explanation", Doc::from(error.explanation.as_deref()));
    out.push("causes", strings(&error.causes));
    out.push("links", Doc::List(links));
    out.push("retry", retry(&error.retry));
    out.push("message", Doc::from(error.message_template()));
    out.push("fields", fields::fields(&error.params));
    out.push("example", Doc::from(wire::example_body(catalog, error)));
    out.push("docs_url", Doc::from(catalog.docs_url(error)));
    out.push("page", Doc::from(page));
    out.push("deprecated", Doc::from(error.deprecated.as_deref()));
    out.push("sunset", Doc::from(error.sunset.as_deref()));
    out.into()
}

/// What the catalog states about retrying: `null` members where it states nothing.
fn retry(retry: &RetryStatement) -> Doc<'_> {
    Obj::of([
        (
            "policy",
            Doc::from(retry.policy.as_ref().map(Retry::policy)),
        ),
        ("retryable", Doc::from(retry.is_retryable())),
        ("derived", Doc::from(retry.derived)),
        ("after_seconds", Doc::from(retry.default_seconds())),
        ("advice", Doc::from(retry.advice())),
        ("note", Doc::from(retry.note.as_deref())),
    ])
    .into()
}
