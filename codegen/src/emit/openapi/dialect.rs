//! What differs between the OpenAPI versions a document is written in: OpenAPI 3.1
//! schemas are JSON Schema 2020-12; OpenAPI 3.0 schemas are an older subset without
//! `null` as a type and with a single `example` instead of the `examples` list.

use crate::emit::doc::{Doc, Obj};
use crate::model::OpenApiVersion;

/// Writes the version-dependent parts of schemas.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dialect(pub OpenApiVersion);

impl Dialect {
    /// The `openapi` field of the document.
    pub fn openapi(self) -> &'static str {
        match self.0 {
            OpenApiVersion::V3_1 => "3.1.0",
            OpenApiVersion::V3_0 => "3.0.3",
        }
    }

    /// A schema that allows only `value`, of JSON type `ty`: a one-value `enum` in both
    /// versions. It means what 3.1's `const` means, but 3.0 has no `const`, and tools
    /// that rebuild documents (utoipa among them) drop `const` and keep `enum`.
    pub fn constant<'a>(self, ty: &'a str, value: Doc<'a>) -> Obj<'a> {
        Obj::of([("type", Doc::str(ty)), ("enum", Doc::List(vec![value]))])
    }

    /// A schema that admits only `null`: `type: "null"` in 3.1; in 3.0, which has no
    /// null type, a nullable type whose only value is `null`.
    pub fn null<'a>(self) -> Obj<'a> {
        match self.0 {
            OpenApiVersion::V3_1 => Obj::of([("type", Doc::str("null"))]),
            OpenApiVersion::V3_0 => Obj::of([
                ("type", Doc::str("string")),
                ("nullable", Doc::Bool(true)),
                ("enum", Doc::List(vec![Doc::Null])),
            ]),
        }
    }

    /// Adds an example value to a schema: `examples: [value]` in 3.1, `example: value`
    /// in 3.0 (whose schemas have no `examples`).
    pub fn add_example<'a>(self, schema: &mut Obj<'a>, value: Doc<'a>) {
        match self.0 {
            OpenApiVersion::V3_1 => schema.insert("examples", Doc::List(vec![value])),
            OpenApiVersion::V3_0 => schema.insert("example", value),
        }
    }
}
