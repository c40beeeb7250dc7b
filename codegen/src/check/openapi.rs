//! Checks of the catalog's `openapi` settings: which versions to write and the prefix of
//! component names.

use super::{Checker, pos};
use crate::model::{OpenApi, OpenApiVersion};
use crate::names;
use crate::raw::RawOpenApi;

const VERSIONS: &str = "\"3.1.0\" or \"3.0.3\"";

/// The versions written when a catalog does not choose: both, so that tools still on
/// OpenAPI 3.0 (progenitor, older generators) read every catalog.
fn default_versions() -> Vec<OpenApiVersion> {
    vec![OpenApiVersion::V3_1, OpenApiVersion::V3_0]
}

/// Checks the settings; `name` is the catalog's module name, the default prefix's source.
pub(super) fn check_openapi(ck: &mut Checker<'_>, raw: Option<&RawOpenApi>, name: &str) -> OpenApi {
    let default_prefix = names::component_prefix(name);
    let Some(raw) = raw else {
        return OpenApi {
            versions: default_versions(),
            prefix: default_prefix,
        };
    };
    OpenApi {
        versions: versions(ck, raw),
        prefix: raw
            .prefix
            .as_ref()
            .map_or(default_prefix, |p| prefix(ck, p)),
    }
}

fn versions(ck: &mut Checker<'_>, raw: &RawOpenApi) -> Vec<OpenApiVersion> {
    let Some(list) = &raw.versions else {
        return default_versions();
    };
    if list.value.is_empty() {
        let d = ck
            .at(pos(list), "`openapi.versions` is empty")
            .label("no document would be written")
            .help(format!("list {VERSIONS}, or remove the key"));
        ck.report(d);
    }
    let mut versions = Vec::new();
    for text in &list.value {
        let version = match text.value.as_str() {
            "3.1.0" => OpenApiVersion::V3_1,
            "3.0.3" => OpenApiVersion::V3_0,
            other => {
                let d = ck
                    .at(
                        pos(text),
                        format!("unsupported OpenAPI version \"{other}\""),
                    )
                    .label("cannot be written")
                    .help(format!("use {VERSIONS}"));
                ck.report(d);
                continue;
            }
        };
        if versions.contains(&version) {
            let d = ck
                .at(
                    pos(text),
                    format!("OpenAPI version \"{}\" is listed twice", text.value),
                )
                .label("repeated");
            ck.report(d);
        } else {
            versions.push(version);
        }
    }
    if versions.is_empty() {
        versions.push(OpenApiVersion::V3_1);
    }
    versions
}

fn prefix(ck: &mut Checker<'_>, raw: &crate::raw::Text) -> String {
    let usable = raw
        .value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !usable {
        let d = ck
            .at(
                pos(raw),
                format!("`{}` cannot start OpenAPI component names", raw.value),
            )
            .label("component names hold only letters, digits, `.`, `-` and `_`")
            .help("for example `Billing`; an empty prefix gives bare names such as `Error`");
        ck.report(d);
    }
    raw.value.clone()
}
