//! The OpenAPI emitter: per catalog, one document per requested OpenAPI version holding
//! the error schemas and one response per status, examples taken from the wire
//! serialiser. The documents have no paths: services merge the components into their own
//! document (see `docs/openapi.md`).

mod codes;
mod dialect;
mod fields;
mod naming;
mod operations;
mod responses;
mod schemas;
mod status_key;
mod tree;
mod types;
mod yaml;
mod yaml_strings;

use serde_json::Value as Json;

use crate::emit::OutputFile;
use crate::emit::commonmark;
use crate::emit::doc::{Doc, Obj, json};
use crate::model::{Catalog, OpenApiVersion};
use dialect::Dialect;
use naming::Names;

/// The OpenAPI document of one catalog in one version, keys in a stable order, as a
/// serde_json value (for tests and tools; the files are written from `build`).
pub fn document(catalog: &Catalog, version: OpenApiVersion) -> Json {
    build(catalog, version, &Names::new(catalog)).to_json()
}

/// The document as the emitter's own tree, strings borrowed from `catalog`.
fn build<'a>(catalog: &'a Catalog, version: OpenApiVersion, names: &'a Names<'a>) -> Doc<'a> {
    let schemas = schemas::Schemas {
        catalog,
        dialect: Dialect(version),
        names,
    };
    // A status with one code may point at that code's schema, unless the body holds
    // several errors: then the per-code schemas describe array items, not the body.
    let per_code = schemas::per_code(catalog) && catalog.envelope.body.many_items().is_none();
    let mut responses = responses::all(catalog, names, per_code);
    operations::responses(catalog, names, per_code, &mut responses);
    let components = Obj::of([
        ("schemas", Doc::Map(schemas.all())),
        ("responses", Doc::Map(responses)),
    ]);
    let info = Obj::of([
        ("title", Doc::from(format!("{} errors", catalog.api))),
        ("version", Doc::str("1.0.0")),
        ("description", Doc::from(info_description(catalog))),
    ]);
    Doc::Map(Obj::of([
        ("openapi", Doc::str(Dialect(version).openapi())),
        ("info", Doc::Map(info)),
        ("paths", Doc::Map(operations::paths(catalog, names))),
        ("components", Doc::Map(components)),
    ]))
}

/// The document as pretty JSON text.
pub fn emit_json(catalog: &Catalog, version: OpenApiVersion) -> String {
    json_text(&build(catalog, version, &Names::new(catalog)), 0)
}

/// The document as YAML text.
pub fn emit_yaml(catalog: &Catalog, version: OpenApiVersion) -> String {
    yaml::to_string(&build(catalog, version, &Names::new(catalog)))
}

/// A document as pretty JSON with a final newline, as `serde_json::to_string_pretty`
/// writes it; `capacity` is a guess of its length.
fn json_text(document: &Doc<'_>, capacity: usize) -> String {
    let mut text = String::with_capacity(capacity);
    json::write(&mut text, document);
    text.push('\n');
    text.shrink_to_fit();
    text
}

/// A document as YAML; `capacity` is a guess of its length.
fn yaml_text(document: &Doc<'_>, capacity: usize) -> String {
    let mut text = String::with_capacity(capacity);
    yaml::write(&mut text, document);
    text.shrink_to_fit();
    text
}

/// A generous guess of the JSON text per error, to size the first file (about 2 KB a
/// code with a small body).
const JSON_BYTES_PER_ERROR: usize = 4096;

/// Every OpenAPI file of a catalog: JSON and YAML for each version it asks for; none
/// for errors that are not HTTP responses (`http: false`), which no operation answers.
pub fn files(catalog: &Catalog) -> Vec<OutputFile> {
    let mut out = Vec::new();
    each_file(catalog, |file| out.push(file));
    out
}

/// The files of [`files`], in the same order, each handed to `sink` as soon as it is
/// written: a caller that writes and drops each holds one text at a time.
pub fn each_file(catalog: &Catalog, mut sink: impl FnMut(OutputFile)) {
    if !catalog.http {
        return;
    }
    let names = Names::new(catalog);
    // The texts are sized after the last one written (the versions differ little, and
    // the YAML is shorter than the JSON), the first after the number of errors; pages
    // reserved but never written cost no memory, and each text is trimmed once written.
    let mut guess = (catalog.errors.len() + 8) * JSON_BYTES_PER_ERROR;
    for &version in &catalog.openapi.versions {
        // Built once, written in both formats.
        let document = build(catalog, version, &names);
        let stem = file_stem(catalog, version);
        let json = json_text(&document, guess);
        let json_len = json.len();
        guess = json_len + json_len / 64;
        sink(OutputFile {
            name: format!("{stem}.json"),
            content: json,
        });
        sink(OutputFile {
            name: format!("{stem}.yaml"),
            content: yaml_text(&document, json_len),
        });
    }
}

/// The file name without extension: `retrac.openapi`, or `retrac.openapi-3.0` for 3.0.
pub fn file_stem(catalog: &Catalog, version: OpenApiVersion) -> String {
    match version {
        OpenApiVersion::V3_1 => format!("{}.openapi", catalog.name),
        OpenApiVersion::V3_0 => format!("{}.openapi-3.0", catalog.name),
    }
}

/// `info.description`: the catalog's summary (or intro), then where the document
/// comes from and how to use it.
fn info_description(catalog: &Catalog) -> String {
    let mut text = String::new();
    if let Some(summary) = catalog
        .docs
        .summary
        .as_ref()
        .or(catalog.docs.intro.as_ref())
    {
        text.push_str(&commonmark::block(summary));
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "Error responses of the {} API, generated from {}. Merge `components` into the service's own document.",
        commonmark::inline(&catalog.api),
        commonmark::code_span(&catalog.source)
    ));
    text
}
