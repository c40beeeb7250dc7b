//! An error's fields in the dictionary: name, type (nested for lists, maps and objects),
//! presence, whether the message shows it, and description.

use serde_json::{Value as Json, json};

use crate::model::{Param, ParamType};

/// The fields as a list of objects, in declaration order.
pub(super) fn fields(params: &[Param]) -> Json {
    Json::from(params.iter().map(field).collect::<Vec<_>>())
}

fn field(param: &Param) -> Json {
    let presence = if param.nullable {
        "nullable"
    } else if param.optional {
        "optional"
    } else {
        "required"
    };
    json!({
        "name": param.name,
        "type": type_json(&param.ty),
        "presence": presence,
        "in_message": param.in_message,
        "description": param.description,
    })
}

/// A type: `{"kind": "string"}`, `{"kind": "list", "items": ...}`,
/// `{"kind": "map", "values": ...}` or `{"kind": "object", "members": [...]}`.
fn type_json(ty: &ParamType) -> Json {
    match ty {
        ParamType::String => json!({ "kind": "string" }),
        ParamType::Integer => json!({ "kind": "integer" }),
        ParamType::Number => json!({ "kind": "number" }),
        ParamType::Boolean => json!({ "kind": "boolean" }),
        ParamType::Json => json!({ "kind": "json" }),
        ParamType::List(item) => json!({ "kind": "list", "items": type_json(item) }),
        ParamType::Map(value) => json!({ "kind": "map", "values": type_json(value) }),
        ParamType::Object(object) => {
            json!({ "kind": "object", "members": fields(&object.members) })
        }
    }
}
