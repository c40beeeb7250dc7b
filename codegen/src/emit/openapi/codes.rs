//! The code enum of `components.schemas`: every code, with the names and texts that
//! client generators and renderers show beside each value.

use serde_json::{Value as Json, json};

use super::schemas::{Schemas, source_description};
use crate::model::{ErrorDef, FieldSource};

impl Schemas<'_> {
    /// The enum of every code, with the Rust variant names and descriptions that client
    /// generators turn into documented enum members: as a list (`x-enum-descriptions`,
    /// read by openapi-generator) and as a map from code to description
    /// (`x-enumDescriptions`, read by Redoc).
    pub(super) fn code_enum(&self) -> Json {
        let errors = &self.catalog.errors;
        let text = source_description(&self.catalog.envelope.body, FieldSource::Code);
        let described: Vec<String> = errors.iter().map(|e| self.code_description(e)).collect();
        let by_code: serde_json::Map<String, Json> = errors
            .iter()
            .zip(&described)
            .map(|(e, text)| (e.code.clone(), Json::from(text.as_str())))
            .collect();
        json!({
            "type": "string",
            "description": text.unwrap_or("The error code."),
            "enum": errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
            "x-enum-varnames": errors.iter().map(|e| e.variant.as_str()).collect::<Vec<_>>(),
            "x-enum-descriptions": described,
            "x-enumDescriptions": by_code,
        })
    }

    /// What a code's enum member says: its description, the retry advice and, when the
    /// docs are published, the link to its entry.
    fn code_description(&self, error: &ErrorDef) -> String {
        let mut text = error.description_and_advice();
        if let Some(url) = self.catalog.docs_url(error) {
            text.push_str(&format!(" Docs: {url}"));
        }
        text
    }
}
