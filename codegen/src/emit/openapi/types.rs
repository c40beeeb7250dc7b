//! The schemas of field types (strings to objects and free-form JSON), `null` as each
//! OpenAPI version spells it, and constants.

use serde_json::{Map, Value as Json, json};

use super::dialect::into_map;
use super::schemas::Schemas;
use crate::model::{OpenApiVersion, Param, ParamType, Scalar, UnknownMembers};

impl Schemas<'_> {
    pub(super) fn constant(&self, value: &Scalar) -> Map<String, Json> {
        match value {
            Scalar::Bool(b) => self.dialect.constant("boolean", Json::from(*b)),
            Scalar::Int(i) => self.dialect.constant("integer", Json::from(*i)),
            Scalar::Str(s) => self.dialect.constant("string", Json::from(s.clone())),
            Scalar::Null => self.dialect.null(),
            Scalar::Json(json) => {
                let ty = match json {
                    serde_json::Value::Array(_) => "array",
                    serde_json::Value::Number(_) => "number",
                    _ => "object",
                };
                self.dialect.constant(ty, json.clone())
            }
        }
    }

    pub(super) fn param(&self, param: &Param) -> Json {
        let mut out = into_map(self.type_schema(&param.ty));
        if param.nullable {
            self.make_nullable(&mut out);
        }
        if let Some(text) = &param.description {
            out.insert("description".into(), Json::from(text.clone()));
        }
        if let Some(example) = crate::wire::param_json(&param.example) {
            self.dialect.add_example(&mut out, example);
        }
        Json::Object(out)
    }

    /// The schema of a field type.
    pub(super) fn type_schema(&self, ty: &ParamType) -> Json {
        match ty {
            ParamType::String => json!({ "type": "string" }),
            ParamType::Integer => json!({ "type": "integer", "format": "int64" }),
            ParamType::Number => json!({ "type": "number", "format": "double" }),
            ParamType::Boolean => json!({ "type": "boolean" }),
            ParamType::List(item) => json!({ "type": "array", "items": self.type_schema(item) }),
            ParamType::Map(value) => {
                json!({ "type": "object", "additionalProperties": self.type_schema(value) })
            }
            ParamType::Object(object) => {
                let mut properties = Map::new();
                let mut required = Vec::new();
                for member in &object.members {
                    properties.insert(member.name.clone(), self.param(member));
                    if !member.optional || member.nullable {
                        required.push(member.name.clone());
                    }
                }
                let mut out = into_map(json!({
                    "type": "object", "required": required, "properties": properties,
                }));
                if self.catalog.envelope.unknown_members == UnknownMembers::Refuse {
                    out.insert("additionalProperties".into(), Json::Bool(false));
                }
                Json::Object(out)
            }
            ParamType::Json => json!({}),
        }
    }

    /// Lets a schema admit `null` too, as each OpenAPI version spells it.
    fn make_nullable(&self, schema: &mut Map<String, Json>) {
        match self.dialect.0 {
            OpenApiVersion::V3_0 => {
                schema.insert("nullable".into(), Json::Bool(true));
            }
            OpenApiVersion::V3_1 => {
                // Free-form JSON admits `null` already.
                if let Some(Json::String(ty)) = schema.get("type").cloned() {
                    schema.insert("type".into(), json!([ty, "null"]));
                }
            }
        }
    }
}
