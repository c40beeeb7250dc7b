//! Validating bodies against generated OpenAPI documents with a JSON Schema validator,
//! shared by the schema tests and the body cases.

#![allow(dead_code)]

use errcat_codegen::Catalog;
use serde_json::Value as Json;

/// The envelope's component name, which the responses' names extend with the status:
/// the prefix and `Error`, as docs/openapi.md says, `Error` not repeated when the prefix
/// ends with it.
pub fn stem(catalog: &Catalog) -> String {
    let prefix = &catalog.openapi.prefix;
    if prefix.ends_with("Error") {
        prefix.clone()
    } else {
        format!("{prefix}Error")
    }
}

/// OpenAPI 3.0's `nullable: true` said in JSON Schema, as 3.0 tools read it: `null` joins
/// the schema's `type`. (3.1 documents are JSON Schema already and hold no `nullable`.)
pub fn nullable_as_json_schema(value: &mut Json) {
    match value {
        Json::Object(map) => {
            if map.remove("nullable") == Some(Json::Bool(true))
                && let Some(Json::String(ty)) = map.get("type").cloned()
            {
                map.insert("type".into(), serde_json::json!([ty, "null"]));
            }
            map.values_mut().for_each(nullable_as_json_schema);
        }
        Json::Array(items) => items.iter_mut().for_each(nullable_as_json_schema),
        _ => {}
    }
}

/// A validator for the schema at `pointer` (`#/components/schemas/X`) of `document`.
/// Formats are asserted (`format: uri` refuses text that is no absolute URI), as the
/// generated parser refuses such values; unknown formats (`int64`) are ignored.
pub fn validator(document: &Json, pointer: &str) -> jsonschema::Validator {
    let mut root = document.clone();
    nullable_as_json_schema(&mut root);
    root["$ref"] = Json::from(pointer);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{pointer} compiles: {e}"))
}
