//! The OpenAPI emitter: per catalog, one document per requested OpenAPI version holding
//! the error schemas and one response per status, examples taken from the wire
//! serialiser. The documents have no paths: services merge the components into their own
//! document (see `docs/openapi.md`).

mod codes;
mod dialect;
mod responses;
mod schemas;
mod tree;
mod types;
mod yaml;

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json, json};

use crate::builder::OutputFile;
use crate::model::{Catalog, ErrorDef, OpenApiVersion};
use crate::names;
use dialect::Dialect;

/// The OpenAPI document of one catalog in one version, keys in a stable order.
pub fn document(catalog: &Catalog, version: OpenApiVersion) -> Json {
    let names = Names::new(catalog);
    let schemas = schemas::Schemas {
        catalog,
        dialect: Dialect(version),
        names: &names,
    };
    // A status with one code may point at that code's schema, unless the body holds
    // several errors: then the per-code schemas describe array items, not the body.
    let per_code = schemas::per_code(catalog) && catalog.envelope.body.many_items().is_none();
    // The large maps are moved in: `json!` would copy them (it serialises each value).
    let mut components = Map::new();
    components.insert("schemas".into(), Json::Object(schemas.all()));
    components.insert(
        "responses".into(),
        Json::Object(responses::all(catalog, &names, per_code)),
    );
    let mut document = match json!({
        "openapi": Dialect(version).openapi(),
        "info": {
            "title": format!("{} errors", catalog.api),
            "version": "1.0.0",
            "description": info_description(catalog),
        },
        "paths": {},
    }) {
        Json::Object(map) => map,
        _ => Map::new(),
    };
    document.insert("components".into(), Json::Object(components));
    Json::Object(document)
}

/// The document as pretty JSON text.
pub fn emit_json(catalog: &Catalog, version: OpenApiVersion) -> String {
    json_text(&document(catalog, version))
}

/// The document as YAML text.
pub fn emit_yaml(catalog: &Catalog, version: OpenApiVersion) -> String {
    yaml_text(&document(catalog, version))
}

/// A document as pretty JSON with a final newline.
fn json_text(document: &Json) -> String {
    let mut text = serde_json::to_string_pretty(document).unwrap_or_default();
    text.push('\n');
    text
}

/// A document as block YAML, written by the dedicated writer in `yaml.rs`.
fn yaml_text(document: &Json) -> String {
    yaml::to_string(document)
}

/// Every OpenAPI file of a catalog: JSON and YAML for each version it asks for; none
/// for errors that are not HTTP responses (`http: false`), which no operation answers.
pub fn files(catalog: &Catalog) -> Vec<OutputFile> {
    let mut out = Vec::new();
    if !catalog.http {
        return out;
    }
    for &version in &catalog.openapi.versions {
        // Built once, written in both formats.
        let document = document(catalog, version);
        let stem = file_stem(catalog, version);
        out.push(OutputFile {
            name: format!("{stem}.json"),
            content: json_text(&document),
        });
        out.push(OutputFile {
            name: format!("{stem}.yaml"),
            content: yaml_text(&document),
        });
    }
    out
}

/// The file name without extension: `retrac.openapi`, or `retrac.openapi-3.0` for 3.0.
pub fn file_stem(catalog: &Catalog, version: OpenApiVersion) -> String {
    match version {
        OpenApiVersion::V3_1 => format!("{}.openapi", catalog.name),
        OpenApiVersion::V3_0 => format!("{}.openapi-3.0", catalog.name),
    }
}

fn info_description(catalog: &Catalog) -> String {
    let mut text = String::new();
    if let Some(summary) = catalog
        .docs
        .summary
        .as_ref()
        .or(catalog.docs.intro.as_ref())
    {
        text.push_str(summary);
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "Error responses of the {} API, generated from {}. Merge `components` into the service's own document.",
        catalog.api, catalog.source
    ));
    text
}

/// The statuses the catalog uses, ascending, each once.
fn statuses(catalog: &Catalog) -> Vec<u16> {
    let mut statuses: Vec<u16> = catalog.errors.iter().flat_map(ErrorDef::statuses).collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses
}

/// Component names, all starting with the catalog's prefix and saying `Error` once
/// (`names::component_stem`, `names::error_schema_suffix`).
pub(crate) struct Names {
    prefix: String,
    /// The prefix with `Error`: `RetracError`.
    stem: String,
    /// Every variant of the catalog, for `error_schema_suffix`.
    variants: BTreeSet<String>,
}

impl Names {
    /// The component names of `catalog`.
    fn new(catalog: &Catalog) -> Self {
        let prefix = catalog.openapi.prefix.clone();
        Self {
            stem: names::component_stem(&prefix),
            prefix,
            variants: catalog.errors.iter().map(|e| e.variant.clone()).collect(),
        }
    }

    /// The envelope schema: `RetracError`.
    fn envelope(&self) -> String {
        self.stem.clone()
    }

    /// The enum of codes: `RetracErrorCode`.
    fn code_enum(&self) -> String {
        format!("{}Code", self.stem)
    }

    /// One code's schema: `RetracNotFoundError`; `RetracValidationError` for the variant
    /// `ValidationError`.
    fn per_code(&self, error: &ErrorDef) -> String {
        let suffix = names::error_schema_suffix(&error.variant, |v| self.variants.contains(v));
        format!("{}{suffix}", self.prefix)
    }

    /// The reference text to one code's schema.
    fn per_code_ref(&self, error: &ErrorDef) -> String {
        format!("#/components/schemas/{}", self.per_code(error))
    }

    /// The response of a status: `RetracError404`.
    fn response(&self, status: u16) -> String {
        format!("{}{status}", self.stem)
    }

    /// A `$ref` to a schema.
    fn reference(&self, schema: &str) -> Json {
        let mut out = Map::new();
        out.insert(
            "$ref".into(),
            Json::from(format!("#/components/schemas/{schema}")),
        );
        Json::Object(out)
    }
}
