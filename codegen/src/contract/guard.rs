//! The guard `cargo build` runs: each breaking change not accepted by the catalog is a
//! diagnostic at the code's line, naming the rule; warnings are printed apart.

use std::fs;
use std::io;
use std::path::Path;

use serde_json::Value as Json;

use super::{CATALOG_RULE, Change, changes, is_accepted, record, rule, version_of};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Catalog;
use crate::source::{Pos, Source};

/// Compares each catalog with its published contract in `docs_dir` (shown in
/// diagnostics as `shown_dir`, the folder as configured): breaking changes fail the
/// build, warnings are printed. Fails closed: a dictionary that cannot be read, a
/// dictionary whose catalog is gone, and a missing dictionary of a catalog that does
/// not state `contract: { unpublished: true }` are errors naming the file.
///
/// # Errors
/// The `cargo::error=` lines of every problem found.
pub fn guard_published(
    catalogs: &[Catalog],
    sources: &[Source],
    docs_dir: &Path,
    shown_dir: &str,
) -> Result<(), String> {
    let mut errors = Diagnostics::default();
    let shown = |name: &str| {
        let dir = shown_dir.trim_end_matches('/');
        if dir.is_empty() || dir == "." {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        }
    };
    match orphans(catalogs, docs_dir) {
        Ok(names) => {
            for name in names {
                errors.push(orphan(&shown(&dictionary_file(&name)), &name));
            }
        }
        Err(e) => errors.push(*record::io_error(&shown(""), &e)),
    }
    for catalog in catalogs {
        let Some(source) = sources.iter().find(|s| s.name == catalog.source) else {
            continue;
        };
        let file = dictionary_file(&catalog.name);
        let path = docs_dir.join(&file);
        let record = match fs::read(&path) {
            Ok(bytes) => record::parse(&shown(&file), bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if !catalog.unpublished {
                    errors.push(missing(source, &shown(&file)));
                }
                continue;
            }
            Err(e) => Err(record::io_error(&shown(&file), &e)),
        };
        let record = match record {
            Ok(record) => record,
            Err(d) => {
                errors.push(*d);
                continue;
            }
        };
        if catalog.unpublished {
            println!(
                "cargo::warning={}: `contract: {{ unpublished: true }}`, but {} is published and guarded; remove the key",
                source.name,
                shown(&file)
            );
        }
        let (found, warnings) = guard(catalog, source, &record);
        for warning in warnings {
            println!("cargo::warning={warning}");
        }
        errors.0.extend(found.0);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.sort();
        Err(errors.cargo_error_lines())
    }
}

/// The dictionary file of the catalog `name`.
fn dictionary_file(name: &str) -> String {
    format!("{name}{DICTIONARY_SUFFIX}")
}

/// How dictionary files end.
const DICTIONARY_SUFFIX: &str = ".errors.json";

/// The catalog names of the dictionaries in `docs_dir` that no catalog has, sorted.
fn orphans(catalogs: &[Catalog], docs_dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(docs_dir)? {
        let name = entry?.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(stem) = name.strip_suffix(DICTIONARY_SUFFIX) else {
            continue;
        };
        if !catalogs.iter().any(|c| c.name == stem) {
            out.push(stem.to_owned());
        }
    }
    out.sort();
    Ok(out)
}

/// A published dictionary whose catalog is gone (deleted or renamed).
fn orphan(file: &str, name: &str) -> Diagnostic {
    let source = Source::new(file, String::new());
    let rule = CATALOG_RULE;
    Diagnostic::new(
        &source,
        Pos::default(),
        format!("breaking change [{rule}]: {file} is the published contract of the catalog `{name}`, and no catalog is named so"),
    )
    .note(format!("{rule}: {}", super::rule(rule).map_or("", |r| r.reason)))
    .help(format!(
        "restore (or rename back) the catalog `{name}`; to remove the API on purpose, delete {file} and the rest of its generated files in the same change, so that review sees it"
    ))
}

/// A catalog whose published dictionary is missing.
fn missing(source: &Source, file: &str) -> Diagnostic {
    Diagnostic::new(
        source,
        Pos { line: 1, col: 1 },
        format!("the published contract {file} is missing"),
    )
    .label("this catalog's contract is guarded against that dictionary")
    .note("a missing dictionary is never taken as \"nothing published\": restore it from the published revision")
    .help(format!(
        "if this API has never been published, say so with `contract: {{ unpublished: true }}`; the build then writes {file}"
    ))
}

/// The diagnostics (breaking changes) and warnings of `catalog` against its published
/// contract `record`.
pub fn guard(catalog: &Catalog, source: &Source, record: &Json) -> (Diagnostics, Vec<String>) {
    let new = crate::emit::dictionary::value(catalog);
    let mut errors = Diagnostics::default();
    let mut warnings = Vec::new();
    for change in changes(record, &new) {
        let Some(id) = change.rule else { continue };
        let Some(rule) = rule(id) else { continue };
        if is_accepted(&new, &change) {
            continue;
        }
        if !rule.breaking {
            warnings.push(format!("{}: [{id}] {}", source.name, change.what));
            continue;
        }
        errors.push(if rule.acceptable {
            diagnostic(catalog, source, &change, id, rule.reason)
        } else {
            version_diagnostic(
                catalog,
                source,
                &change,
                id,
                rule.reason,
                version_of(record),
            )
        });
    }
    (errors, warnings)
}

fn diagnostic(
    catalog: &Catalog,
    source: &Source,
    change: &Change,
    id: &str,
    reason: &str,
) -> Diagnostic {
    let pos = change_pos(catalog, change);
    let code = if change.code.is_empty() {
        "\"\"".to_owned()
    } else {
        change.code.clone()
    };
    let group = change
        .group
        .as_ref()
        .map(|g| format!(", group: {g}"))
        .unwrap_or_default();
    let accept = format!("contract: {{ accept: [{{ rule: {id}, code: {code}{group} }}] }}");
    Diagnostic::new(
        source,
        pos,
        format!("breaking change [{id}]: {}", change.what),
    )
    .label("the published contract (generated/<catalog>.errors.json) says otherwise")
    .note(format!("{id}: {reason}"))
    .help(format!(
        "undo the change, or accept it on purpose with `{accept}` so that review sees it"
    ))
}

/// A change of the contract version (not acceptable): at the catalog's `contract:`.
fn version_diagnostic(
    catalog: &Catalog,
    source: &Source,
    change: &Change,
    id: &str,
    reason: &str,
    published: u64,
) -> Diagnostic {
    let pos = catalog
        .at
        .contract
        .unwrap_or_else(|| change_pos(catalog, change));
    Diagnostic::new(
        source,
        pos,
        format!("breaking change [{id}]: {}", change.what),
    )
    .label(format!("the published contract is version {published}"))
    .note(format!("{id}: {reason}"))
    .help(match published.checked_add(1).filter(|v| i64::try_from(*v).is_ok()) {
        Some(next) => format!("set `contract: {{ version: {next} }}` beside the accepted breaks"),
        None => format!(
            "the published version {published} is the highest a catalog can state; restore the published dictionary, whose version is out of range"
        ),
    })
}

/// Where the error a change concerns is written in the new catalog (matched by code, and
/// by group where the change names one); the `errors:` list for a code no longer there
/// and for a change of the whole body.
fn change_pos(catalog: &Catalog, change: &Change) -> Pos {
    let group_of = |e: &crate::model::ErrorDef| {
        let group = e.group.and_then(|g| catalog.groups.get(g))?;
        Some(group.name.as_str())
    };
    catalog
        .errors
        .iter()
        .find(|e| {
            e.code == change.code
                && (change.group.is_none() || group_of(e) == change.group.as_deref())
        })
        .map_or(catalog.at.errors, |e| e.at)
}
