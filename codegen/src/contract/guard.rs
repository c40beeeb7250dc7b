//! The guard `cargo build` runs: each breaking change not accepted by the catalog is a
//! diagnostic at the code's line, naming the rule; warnings are printed apart.

use std::fs;
use std::path::Path;

use serde_json::Value as Json;

use super::{Change, changes, is_accepted, rule, version_of};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Catalog;
use crate::source::{Pos, Source};

/// Compares each catalog with its published contract in `docs_dir` (the dictionary the
/// last build wrote, if there is one): breaking changes fail the build, warnings are
/// printed, and a catalog that passes gets its new contract written with the docs.
pub fn guard_published(
    catalogs: &[Catalog],
    sources: &[Source],
    docs_dir: &Path,
) -> Result<(), String> {
    let mut errors = Diagnostics::default();
    for catalog in catalogs {
        let Some(source) = sources.iter().find(|s| s.name == catalog.source) else {
            continue;
        };
        let path = docs_dir.join(format!("{}.errors.json", catalog.name));
        let Ok(text) = fs::read_to_string(&path) else {
            continue; // nothing published yet
        };
        let Ok(record) = serde_json::from_str::<serde_json::Value>(&text) else {
            println!(
                "cargo::warning={} is not JSON; it is written anew",
                path.display()
            );
            continue;
        };
        let (found, warnings) = guard(catalog, source, &record);
        for warning in warnings {
            println!("cargo::warning={warning}");
        }
        errors.0.extend(found.0);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.cargo_error_lines())
    }
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
            diagnostic(source, &change, id, rule.reason)
        } else {
            version_diagnostic(source, &change, id, rule.reason, version_of(record))
        });
    }
    (errors, warnings)
}

fn diagnostic(source: &Source, change: &Change, id: &str, reason: &str) -> Diagnostic {
    let pos = code_pos(source, &change.code);
    let accept = if change.code.is_empty() {
        format!("contract: {{ accept: [{{ rule: {id}, code: \"\" }}] }}")
    } else {
        format!(
            "contract: {{ accept: [{{ rule: {id}, code: {} }}] }}",
            change.code
        )
    };
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
    source: &Source,
    change: &Change,
    id: &str,
    reason: &str,
    published: u64,
) -> Diagnostic {
    let lines: Vec<&str> = source.text.lines().collect();
    let pos = lines
        .iter()
        .position(|l| l.starts_with("contract:"))
        .map(|index| at(lines[index], index))
        .unwrap_or_else(|| code_pos(source, &change.code));
    Diagnostic::new(
        source,
        pos,
        format!("breaking change [{id}]: {}", change.what),
    )
    .label(format!("the published contract is version {published}"))
    .note(format!("{id}: {reason}"))
    .help(format!(
        "set `contract: {{ version: {} }}` beside the accepted breaks",
        published + 1
    ))
}

/// The line where `code` is written (`code: x` or, for an error known by number only,
/// `number: x`); the `errors:` key when no error has it (a removed code).
fn code_pos(source: &Source, code: &str) -> Pos {
    let lines: Vec<&str> = source.text.lines().collect();
    let find = |key: &str| {
        lines.iter().enumerate().find_map(|(index, line)| {
            let rest = line.trim_start().trim_start_matches("- ").trim_start();
            let value = rest
                .strip_prefix(key)?
                .trim()
                .trim_matches(|c| c == '"' || c == '\'');
            let value = value.split(['#', ',', '}']).next()?.trim();
            (!code.is_empty() && value == code).then(|| at(line, index))
        })
    };
    find("code:")
        .or_else(|| find("number:"))
        .or_else(|| {
            let index = lines.iter().position(|l| l.starts_with("errors:"))?;
            Some(at(lines[index], index))
        })
        .unwrap_or_default()
}

fn at(line: &str, index: usize) -> Pos {
    let col = line.len() - line.trim_start().len() + 1;
    Pos {
        line: u32::try_from(index + 1).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(1),
    }
}
