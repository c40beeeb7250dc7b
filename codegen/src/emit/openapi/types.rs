//! The schemas of field types (strings to objects and free-form JSON), `null` as each
//! OpenAPI version spells it, and constants.

use super::schemas::Schemas;
use crate::emit::doc::{Doc, Obj};
use crate::model::{OpenApiVersion, Param, ParamType, Scalar, UnknownMembers};

impl<'a> Schemas<'a> {
    /// The schema allowing only `value`.
    pub(super) fn constant(&self, value: &'a Scalar) -> Obj<'a> {
        match value {
            Scalar::Bool(b) => self.dialect.constant("boolean", Doc::Bool(*b)),
            Scalar::Int(i) => self.dialect.constant("integer", Doc::from(*i)),
            Scalar::Str(s) => self.dialect.constant("string", Doc::str(s)),
            Scalar::Null => self.dialect.null(),
            Scalar::Json(json) => {
                let ty = match json {
                    serde_json::Value::Array(_) => "array",
                    serde_json::Value::Number(_) => "number",
                    _ => "object",
                };
                self.dialect.constant(ty, Doc::from_json(json))
            }
        }
    }

    /// The schema of a parameter: its type, nullability, description and example.
    pub(super) fn param(&self, param: &'a Param) -> Doc<'a> {
        let mut out = self.type_schema(&param.ty).into_obj();
        if param.nullable {
            self.make_nullable(&mut out);
        }
        if let Some(text) = &param.description {
            out.insert(
                "description",
                Doc::Str(crate::emit::commonmark::block(text)),
            );
        }
        if let Some(example) = crate::wire::param_json(&param.example) {
            self.dialect.add_example(&mut out, Doc::from(example));
        }
        Doc::Map(out)
    }

    /// The schema of a field type.
    pub(super) fn type_schema(&self, ty: &'a ParamType) -> Doc<'a> {
        let typed = |name: &'a str| ("type", Doc::str(name));
        let obj = match ty {
            ParamType::String => Obj::of([typed("string")]),
            ParamType::Uri => Obj::of([typed("string"), ("format", Doc::str("uri"))]),
            ParamType::Integer => Obj::of([typed("integer"), ("format", Doc::str("int64"))]),
            ParamType::Number => Obj::of([typed("number"), ("format", Doc::str("double"))]),
            ParamType::Boolean => Obj::of([typed("boolean")]),
            ParamType::List(item) => Obj::of([typed("array"), ("items", self.type_schema(item))]),
            ParamType::Map(value) => Obj::of([
                typed("object"),
                ("additionalProperties", self.type_schema(value)),
            ]),
            ParamType::Object(object) => {
                let mut properties = Obj::new();
                let mut required = Vec::new();
                for member in &object.members {
                    properties.insert(member.name.as_str(), self.param(member));
                    if !member.optional || member.nullable {
                        required.push(Doc::str(&member.name));
                    }
                }
                // OpenAPI 3.0 refuses an empty `required`; leaving it out says the same.
                let mut out = Obj::of([typed("object")]);
                if !required.is_empty() {
                    out.insert("required", Doc::List(required));
                }
                out.insert("properties", Doc::Map(properties));
                if self.catalog.envelope.unknown_members == UnknownMembers::Refuse {
                    out.insert("additionalProperties", Doc::Bool(false));
                }
                out
            }
            ParamType::Json => Obj::new(),
        };
        Doc::Map(obj)
    }

    /// Lets a schema admit `null` too, as each OpenAPI version spells it.
    fn make_nullable(&self, schema: &mut Obj<'a>) {
        match self.dialect.0 {
            OpenApiVersion::V3_0 => {
                schema.insert("nullable", Doc::Bool(true));
            }
            OpenApiVersion::V3_1 => {
                // Free-form JSON admits `null` already.
                if let Some(Doc::Str(ty)) = schema.get("type").cloned() {
                    schema.insert("type", Doc::List(vec![Doc::Str(ty), Doc::str("null")]));
                }
            }
        }
    }
}
