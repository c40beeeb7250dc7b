//! What differs between the OpenAPI versions a document is written in: OpenAPI 3.1
//! schemas are JSON Schema 2020-12; OpenAPI 3.0 schemas are an older subset without
//! `null` as a type and with a single `example` instead of the `examples` list.

use serde_json::{Map, Value as Json, json};

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
    pub fn constant(self, ty: &str, value: Json) -> Map<String, Json> {
        into_map(json!({ "type": ty, "enum": [value] }))
    }

    /// A schema that admits only `null`: `type: "null"` in 3.1; in 3.0, which has no
    /// null type, a nullable type whose only value is `null`.
    pub fn null(self) -> Map<String, Json> {
        let schema = match self.0 {
            OpenApiVersion::V3_1 => json!({ "type": "null" }),
            OpenApiVersion::V3_0 => json!({ "type": "string", "nullable": true, "enum": [null] }),
        };
        into_map(schema)
    }

    /// Adds an example value to a schema: `examples: [value]` in 3.1, `example: value`
    /// in 3.0 (whose schemas have no `examples`).
    pub fn add_example(self, schema: &mut Map<String, Json>, value: Json) {
        match self.0 {
            OpenApiVersion::V3_1 => schema.insert("examples".into(), json!([value])),
            OpenApiVersion::V3_0 => schema.insert("example".into(), value),
        };
    }
}

/// The members of a JSON object value; other values give an empty map.
pub(crate) fn into_map(value: Json) -> Map<String, Json> {
    match value {
        Json::Object(map) => map,
        _ => Map::new(),
    }
}
