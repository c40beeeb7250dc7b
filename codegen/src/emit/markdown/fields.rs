//! What the docs say about one error's fields: its message template and a table of its
//! fields (wire name, JSON type with optional or nullable, description), an object's
//! members under their parent as `details.fields`.

use super::escape::{code_span, inline};
use crate::model::{ErrorDef, Param, ParamType};

/// The table of an error's fields, or nothing for an error without any.
pub(super) fn table(error: &ErrorDef) -> Option<String> {
    if error.params.is_empty() {
        return None;
    }
    let mut lines = vec![
        "| Field | Type | Description |".to_owned(),
        "| --- | --- | --- |".to_owned(),
    ];
    for param in &error.params {
        for row in rows(param, "") {
            lines.push(format!(
                "| {} | {} | {} |",
                code_span(&row.path),
                row.ty,
                inline(&row.description)
            ));
        }
    }
    Some(lines.join("\n"))
}

/// One row of a field table.
pub(super) struct Row {
    /// The member's path: `details.fields`, `violations[].field`.
    pub path: String,
    /// Its JSON type and presence.
    pub ty: String,
    /// What it holds, as the catalog says (unescaped).
    pub description: String,
}

/// The row of `param` and the rows of its members, named by their path below `parent`.
pub(super) fn rows(param: &Param, parent: &str) -> Vec<Row> {
    let mut out = Vec::new();
    rows_of(param, parent, &mut out);
    out
}

fn rows_of(param: &Param, parent: &str, rows: &mut Vec<Row>) {
    let path = if parent.is_empty() {
        param.name.clone()
    } else {
        format!("{parent}.{}", param.name)
    };
    rows.push(Row {
        path: path.clone(),
        ty: type_text(param),
        description: param.description.clone().unwrap_or_default(),
    });
    if let Some(members) = members(&param.ty) {
        let below = match param.ty {
            ParamType::List(_) => format!("{path}[]"),
            ParamType::Map(_) => format!("{path}.*"),
            _ => path,
        };
        for member in members {
            rows_of(member, &below, rows);
        }
    }
}

/// The members of an object type, or of the objects a list or map holds.
fn members(ty: &ParamType) -> Option<&[Param]> {
    match ty {
        ParamType::Object(object) => Some(&object.members),
        ParamType::List(inner) | ParamType::Map(inner) => members(inner),
        _ => None,
    }
}

/// A field's JSON type with its presence: `integer`, `array of strings, optional`.
pub(super) fn type_text(param: &Param) -> String {
    let base = json_type(&param.ty);
    if param.nullable {
        format!("{base}, nullable")
    } else if param.optional {
        format!("{base}, optional")
    } else {
        base
    }
}

/// A type as JSON names it (integers are numbers, as the docs always said; a URI is a
/// string, named as such).
pub(super) fn json_type(ty: &ParamType) -> String {
    match ty {
        ParamType::String => "string".to_owned(),
        ParamType::Uri => "string (URI)".to_owned(),
        ParamType::Integer | ParamType::Number => "number".to_owned(),
        ParamType::Boolean => "boolean".to_owned(),
        ParamType::List(item) => format!("array of {}", plural(item)),
        ParamType::Map(value) => format!("object of {}", plural(value)),
        ParamType::Object(_) => "object".to_owned(),
        ParamType::Json => "any JSON".to_owned(),
    }
}

fn plural(ty: &ParamType) -> String {
    match ty {
        ParamType::Json => "JSON values".to_owned(),
        ParamType::Uri => "strings (URIs)".to_owned(),
        ParamType::List(_) | ParamType::Map(_) => format!("({})", json_type(ty)),
        _ => format!("{}s", json_type(ty)),
    }
}
