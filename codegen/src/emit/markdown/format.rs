//! The error format section both layouts show: the example body and the table of the
//! body's members, with the message parameters sent as members.

use std::collections::HashMap;

use super::Page;
use super::escape::inline;
use super::label::Label;
use super::parts::{self, ERROR_FORMAT};
use crate::model::{Catalog, FieldSource, Node, Param, Scalar};

/// The error format: its heading, the example body and the field table.
pub(super) fn section(page: &mut Page, catalog: &Catalog) {
    page.heading(1, ERROR_FORMAT.title);
    page.push(format!(
        "Errors are sent as `{}`, for example:",
        catalog.envelope.media_type
    ));
    page.push(parts::example(catalog, &catalog.errors[catalog.example]));
    let mut rows = Vec::new();
    let found = sent_params(catalog);
    fields(catalog, &found, &catalog.envelope.body, "", &mut rows);
    params(catalog, &found, &mut rows);
    page.push(table(&["Field", "Type", "Description"], rows));
}

/// The parameters sent as members, each name once in order of first use, with the
/// errors that send it (by place in the catalog).
type Found<'a> = Vec<(&'a Param, Vec<usize>)>;

/// Rows for every member of the body, named by their path (`errors[].code`); a placed
/// parameter (`from: param`) gets its rows at its member.
fn fields(
    catalog: &Catalog,
    found: &Found<'_>,
    node: &Node,
    path: &str,
    rows: &mut Vec<Vec<String>>,
) {
    match node {
        Node::Object {
            fields: members, ..
        } => {
            for (name, child) in members {
                if let Node::Field {
                    from: FieldSource::Param(_),
                    ..
                } = child
                {
                    let placed = found.iter().filter(|(param, _)| param.name == *name);
                    placed
                        .for_each(|(param, places)| param_rows(catalog, param, places, path, rows));
                    continue;
                }
                let child_path = join(path, name);
                rows.push(row(
                    &child_path,
                    &json_type(catalog, child),
                    &description(catalog, child),
                ));
                if matches!(child, Node::Object { .. } | Node::Array { .. }) {
                    fields(catalog, found, child, &child_path, rows);
                }
            }
        }
        Node::Array { items, .. } => fields(catalog, found, items, &format!("{path}[]"), rows),
        Node::Field { .. } | Node::Const { .. } => {}
    }
}

/// Rows for the message parameters spread after the body's members, each once, in
/// order of first use, with the codes that send it.
fn params(catalog: &Catalog, found: &Found<'_>, rows: &mut Vec<Vec<String>>) {
    let Some(path) = params_path(&catalog.envelope.body, "") else {
        return;
    };
    let placed = &catalog.envelope.placed;
    for (param, places) in found.iter().filter(|(p, _)| !placed.contains(&p.name)) {
        param_rows(catalog, param, places, &path, rows);
    }
}

/// The parameters sent as members: each name once, in order of first use, with the
/// codes that send it.
fn sent_params(catalog: &Catalog) -> Found<'_> {
    // One pass, the index for lookup only.
    let mut found: Found<'_> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (place, error) in catalog.errors.iter().enumerate() {
        for param in &error.params {
            let at = *index.entry(&param.name).or_insert_with(|| {
                found.push((param, Vec::new()));
                found.len() - 1
            });
            // Each error once per name, in catalog order.
            let users = &mut found[at].1;
            if users.last() != Some(&place) {
                users.push(place);
            }
        }
    }
    found
}

/// The rows of one parameter sent as a member of the object at `path`, the first
/// saying which codes send it.
fn param_rows(
    catalog: &Catalog,
    param: &Param,
    places: &[usize],
    path: &str,
    rows: &mut Vec<Vec<String>>,
) {
    let label = Label::of(catalog);
    let users: Vec<String> = places
        .iter()
        .map(|place| label.text(&catalog.errors[*place]))
        .collect();
    let mut nested = super::fields::rows(param, path).into_iter();
    if let Some(first) = nested.next() {
        let text = format!("{} (sent with: {})", first.description, users.join(", "));
        rows.push(row(&first.path, &first.ty, text.trim()));
    }
    rows.extend(nested.map(|r| row(&r.path, &r.ty, &r.description)));
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

/// `path.name`, or `name` at the top.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// A table row of a member: its escaped path, type and description.
fn row(name: &str, ty: &str, description: &str) -> Vec<String> {
    vec![inline(name), ty.to_owned(), inline(description)]
}

/// A GFM table of already escaped cells; an empty cell is one space wide, so the
/// table keeps the compact style linters expect.
pub(super) fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let line = |cells: &[String]| {
        let mut line = String::from("|");
        for cell in cells {
            if !cell.is_empty() {
                line.push(' ');
                line.push_str(cell);
            }
            line.push_str(" |");
        }
        line
    };
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let rule: Vec<String> = header.iter().map(|_| "---".to_owned()).collect();
    let mut lines = vec![line(&header), line(&rule)];
    lines.extend(rows.iter().map(|cells| line(cells)));
    lines.join("\n")
}

/// A member's JSON type, with `optional` when some errors leave it out.
fn json_type(catalog: &Catalog, node: &Node) -> String {
    let sometimes = |has: &dyn Fn(&crate::model::ErrorDef) -> bool| {
        if catalog.errors.iter().all(has) {
            ""
        } else {
            ", optional"
        }
    };
    match node {
        Node::Field {
            from,
            optional: true,
            ..
        } if !matches!(from, FieldSource::Context(_)) => {
            let bare = Node::Field {
                from: *from,
                description: None,
                optional: false,
            };
            let ty = json_type(catalog, &bare);
            if ty.ends_with(", optional") {
                ty
            } else {
                format!("{ty}, optional")
            }
        }
        Node::Field { from, .. } => match from {
            FieldSource::Status | FieldSource::Number => "number".to_owned(),
            FieldSource::Retryable => "boolean".to_owned(),
            FieldSource::Context(index) => {
                let member = &catalog.context[*index];
                let presence = if member.required {
                    "always sent"
                } else {
                    "optional"
                };
                format!("{}, {presence}", super::fields::json_type(&member.ty))
            }
            FieldSource::Attribute(index) => format!(
                "{}{}",
                super::fields::json_type(&catalog.attributes[*index].ty),
                sometimes(&|e| e.attributes[*index].is_some())
            ),
            FieldSource::Group => format!("string{}", sometimes(&|e| e.group.is_some())),
            FieldSource::RetryAfter => {
                format!(
                    "number{}",
                    sometimes(&|e| crate::wire::retry_after(e).is_some())
                )
            }
            _ => "string".to_owned(),
        },
        Node::Const { value, .. } => match value {
            Scalar::Bool(_) => "boolean",
            Scalar::Int(_) => "number",
            Scalar::Str(_) => "string",
            Scalar::Null => "null",
            Scalar::Json(json) if json.is_array() => "array",
            Scalar::Json(json) if json.is_number() => "number",
            Scalar::Json(_) => "object",
        }
        .to_owned(),
        Node::Object { .. } => "object".to_owned(),
        Node::Array { .. } => "array".to_owned(),
    }
}

/// A member's description: the envelope's, else the context member's or attribute's;
/// then a context member's example, where it has one.
fn description(catalog: &Catalog, node: &Node) -> String {
    let own = match node {
        Node::Field { description, .. }
        | Node::Const { description, .. }
        | Node::Object { description, .. }
        | Node::Array { description, .. } => description.clone(),
    };
    let (declared, example) = match node {
        Node::Field {
            from: FieldSource::Context(index),
            ..
        } => {
            let member = &catalog.context[*index];
            let example =
                crate::wire::param_json(&member.example).map(|json| format!("Example: {json}."));
            (member.description.clone(), example)
        }
        Node::Field {
            from: FieldSource::Attribute(index),
            ..
        } => (catalog.attributes[*index].description.clone(), None),
        _ => (None, None),
    };
    match (own.or(declared), example) {
        (Some(text), Some(example)) => format!("{} {example}", crate::model::sentence(&text)),
        (text, example) => text.or(example).unwrap_or_default(),
    }
}
