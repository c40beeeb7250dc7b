//! An error's fields in the dictionary: name, type (nested for lists, maps and objects),
//! presence, whether the message shows it, and description.

use crate::emit::doc::{Doc, Obj};
use crate::model::{Catalog, FieldSource, Node, Param, ParamType};

/// The fields as a list of objects, in declaration order.
pub(super) fn fields(params: &[Param]) -> Doc<'_> {
    Doc::List(params.iter().map(field).collect())
}

fn field(param: &Param) -> Doc<'_> {
    let presence = if param.nullable {
        "nullable"
    } else if param.optional {
        "optional"
    } else {
        "required"
    };
    Obj::of([
        ("name", Doc::str(&param.name)),
        ("type", type_doc(&param.ty)),
        ("presence", Doc::str(presence)),
        ("in_message", Doc::from(param.in_message)),
        ("description", Doc::from(param.description.as_deref())),
    ])
    .into()
}

/// A type: `{"kind": "string"}`, `{"kind": "list", "items": ...}`,
/// `{"kind": "map", "values": ...}` or `{"kind": "object", "members": [...]}`.
fn type_doc(ty: &ParamType) -> Doc<'_> {
    let kind = |kind: &'static str| Obj::of([("kind", Doc::str(kind))]);
    let obj = match ty {
        ParamType::String => kind("string"),
        ParamType::Uri => kind("uri"),
        ParamType::Integer => kind("integer"),
        ParamType::Number => kind("number"),
        ParamType::Boolean => kind("boolean"),
        ParamType::Json => kind("json"),
        ParamType::List(item) => Obj::of([("kind", Doc::str("list")), ("items", type_doc(item))]),
        ParamType::Map(value) => Obj::of([("kind", Doc::str("map")), ("values", type_doc(value))]),
        ParamType::Object(object) => Obj::of([
            ("kind", Doc::str("object")),
            ("members", fields(&object.members)),
        ]),
    };
    obj.into()
}

/// Each member of the envelope, by path (`error.code`, `errors[].message`), with what
/// it holds (`code`, `const`, `context.request_id`, `fields` for the object holding
/// the errors' fields), and `optional: true` for a member a received body may leave out
/// (the key is absent otherwise, so dictionaries without such members are unchanged);
/// a required context member says `"required": true`.
pub(super) fn envelope(node: &Node, path: &str, catalog: &Catalog, out: &mut Vec<Doc<'_>>) {
    let member = |from: String| -> Obj<'static> {
        Obj::of([
            ("path", Doc::from(path.to_owned())),
            ("from", Doc::from(from)),
        ])
    };
    match node {
        Node::Field { from, optional, .. } => {
            let mut entry = member(source(*from, catalog));
            if *optional {
                entry.insert("optional", Doc::Bool(true));
            }
            if let FieldSource::Context(index) = from
                && catalog.context[*index].required
            {
                entry.insert("required", Doc::Bool(true));
            }
            out.push(entry.into());
        }
        Node::Const { .. } => out.push(member("const".to_owned()).into()),
        Node::Object { fields, params, .. } => {
            if *params {
                out.push(member("fields".to_owned()).into());
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
        FieldSource::Param(_) => "param".to_owned(),
    }
}
