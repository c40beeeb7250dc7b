//! The reference layout (the Reten page): the error format with an example body and a
//! field table, a table of codes whose rows carry the codes' anchors, and common
//! errors with their example bodies, causes and notes.

use super::Page;
use super::escape::inline;
use super::parts::{self, COMMON_ERRORS, ERROR_CODES, ERROR_FORMAT};
use crate::model::{Catalog, FieldSource, Node, Param, ParamType, Scalar};

/// The format, the codes and the common errors.
pub(super) fn body(page: &mut Page, catalog: &Catalog) {
    page.heading(1, ERROR_FORMAT.title);
    page.push(parts::example(catalog, &catalog.errors[catalog.example]));
    let mut rows = Vec::new();
    fields(&catalog.envelope.body, "", &mut rows);
    params(catalog, &mut rows);
    page.push(table(&["Field", "Type", "Description"], rows));
    page.heading(1, ERROR_CODES.title);
    page.push(codes(catalog));
    if catalog.errors.iter().any(|e| !e.cases.is_empty()) {
        page.heading(1, COMMON_ERRORS.title);
        for error in &catalog.errors {
            for case in &error.cases {
                parts::case(page, parts::CasePlace::Apart, catalog, error, case);
            }
        }
    }
}

/// The table of codes: one row per code, its anchor in the code cell.
fn codes(catalog: &Catalog) -> String {
    let rows = catalog.errors.iter().map(|error| {
        let mut description = inline(&error.description);
        if let Some(note) = parts::deprecation(error) {
            description = format!("{note} {description}");
        }
        vec![
            error.status.to_string(),
            format!("{}{}", parts::anchor(error), inline(&error.title)),
            description,
            inline(&error.solution),
            parts::retry_advice(error),
        ]
    });
    table(
        &["Status", "Code", "Description", "Solution", "Retry"],
        rows.collect(),
    )
}

/// Rows for every member of the body, named by their path (`errors[].code`).
fn fields(node: &Node, path: &str, rows: &mut Vec<Vec<String>>) {
    match node {
        Node::Object { fields, .. } => {
            for (name, child) in fields {
                let child_path = join(path, name);
                rows.push(row(&child_path, json_type(child), description(child)));
                fields_below(child, &child_path, rows);
            }
        }
        Node::Array { items, .. } => fields(items, &format!("{path}[]"), rows),
        Node::Field { .. } | Node::Const { .. } => {}
    }
}

fn fields_below(node: &Node, path: &str, rows: &mut Vec<Vec<String>>) {
    if matches!(node, Node::Object { .. } | Node::Array { .. }) {
        fields(node, path, rows);
    }
}

/// Rows for the message parameters sent as body members, each once, in order of first
/// use, with the codes that send it.
fn params(catalog: &Catalog, rows: &mut Vec<Vec<String>>) {
    let Some(path) = params_path(&catalog.envelope.body, "") else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for error in &catalog.errors {
        for param in &error.params {
            if seen.contains(&param.name.as_str()) {
                continue;
            }
            seen.push(&param.name);
            let users: Vec<&str> = catalog
                .errors
                .iter()
                .filter(|e| e.params.iter().any(|p| p.name == param.name))
                .map(|e| e.code.as_str())
                .collect();
            let about = param.description.as_deref().unwrap_or("");
            let text = format!("{about} (sent with: {})", users.join(", "));
            let name = join(&path, &param.name);
            rows.push(row(&name, &param_type(param), text.trim()));
        }
    }
}

/// The path of the object that carries the message parameters, if one does.
fn params_path(node: &Node, path: &str) -> Option<String> {
    match node {
        Node::Object { params: true, .. } => Some(path.to_owned()),
        Node::Object { fields, .. } => fields
            .iter()
            .find_map(|(name, child)| params_path(child, &join(path, name))),
        Node::Array { items, .. } => params_path(items, &format!("{path}[]")),
        Node::Field { .. } | Node::Const { .. } => None,
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn row(name: &str, ty: &str, description: &str) -> Vec<String> {
    vec![inline(name), ty.to_owned(), inline(description)]
}

/// A GFM table of already escaped cells.
fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let rule: Vec<String> = header.iter().map(|_| "---".to_owned()).collect();
    let mut lines = vec![line(&header), line(&rule)];
    lines.extend(rows.iter().map(|cells| line(cells)));
    lines.join("\n")
}

fn json_type(node: &Node) -> &'static str {
    match node {
        Node::Field { from, .. } => match from {
            FieldSource::Status | FieldSource::Number => "number",
            FieldSource::Context(_) => "string, optional",
            FieldSource::Retryable => "boolean",
            FieldSource::RetryAfter => "number, optional",
            FieldSource::Attribute(_) => "string",
            _ => "string",
        },
        Node::Const { value, .. } => match value {
            Scalar::Bool(_) => "boolean",
            Scalar::Int(_) => "number",
            Scalar::Str(_) => "string",
            Scalar::Null => "null",
        },
        Node::Object { .. } => "object",
        Node::Array { .. } => "array",
    }
}

fn param_type(param: &Param) -> String {
    let base = json_type_name(&param.ty);
    if param.nullable {
        format!("{base}, nullable")
    } else if param.optional {
        format!("{base}, optional")
    } else {
        base
    }
}

/// A field type as JSON names it: integers are numbers, lists arrays.
fn json_type_name(ty: &ParamType) -> String {
    match ty {
        ParamType::String => "string".to_owned(),
        ParamType::Integer | ParamType::Number => "number".to_owned(),
        ParamType::Boolean => "boolean".to_owned(),
        ParamType::List(item) => format!("array of {}s", json_type_name(item)),
        ParamType::Map(value) => format!("object of {}s", json_type_name(value)),
        ParamType::Object(_) | ParamType::Json => "object".to_owned(),
    }
}

fn description(node: &Node) -> &str {
    match node {
        Node::Field { description, .. }
        | Node::Const { description, .. }
        | Node::Object { description, .. }
        | Node::Array { description, .. } => description.as_deref().unwrap_or(""),
    }
}
