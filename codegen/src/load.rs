//! Reading catalogs: YAML text to the raw model, with syntax and type errors turned into
//! located diagnostics. Limits keep hostile input from exhausting time or memory.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Options};

use crate::diagnostic::Diagnostic;
use crate::raw::RawCatalog;
use crate::source::{Pos, Source};

/// The largest catalog file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The deepest YAML nesting accepted.
pub const MAX_DEPTH: usize = 64;
/// The most aliases (`*name`) one catalog may use.
pub const MAX_ALIASES: usize = 1_000;
/// The most values (texts, numbers, lists, mappings) one catalog may hold once its
/// aliases are expanded. A catalog of 10,000 errors holds about 300,000, and a file of
/// [`MAX_FILE_BYTES`] without aliases a little over a million, so this stops only alias
/// bombs while bounding the memory they could take.
pub const MAX_NODES: usize = 2_000_000;
/// The stack of the thread that parses: deserializing one nesting level takes tens of
/// kilobytes in a debug build (build scripts are debug builds), so [`MAX_DEPTH`] levels
/// would overflow a 2 MiB thread stack. The memory is only reserved, not used.
const PARSE_STACK_BYTES: usize = 32 * 1024 * 1024;

/// Parses one catalog's text into the raw model.
pub(crate) fn parse(source: &Source) -> Result<RawCatalog, Box<Diagnostic>> {
    if source.text.len() > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::new(
                source,
                Pos::default(),
                format!("catalog is larger than {MAX_FILE_BYTES} bytes"),
            )
            .help("split the catalog into several files"),
        ));
    }
    if source.text.lines().all(|l| {
        let line = l.trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return Err(Box::new(
            Diagnostic::new(source, Pos::default(), "catalog is empty")
                .help("a catalog needs at least `api`, `docs`, `envelope` and `errors`"),
        ));
    }
    if let Some(pos) = first_nul(&source.text) {
        return Err(Box::new(
            Diagnostic::new(source, pos, "catalog contains a NUL character")
                .label("NUL here")
                .help("catalogs are UTF-8 text; remove the control character"),
        ));
    }
    on_big_stack(|| serde_saphyr::from_str_with_options(&source.text, options()))
        .map_err(|err| Box::new(syntax_diagnostic(source, &err)))
}

/// Runs `parse` on a thread with [`PARSE_STACK_BYTES`] of stack, whatever the caller's
/// stack is; runs it in place if no thread can be started. A panic is passed on.
fn on_big_stack<T: Send>(parse: impl Fn() -> T + Sync) -> T {
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("errcat-parse".to_owned())
            .stack_size(PARSE_STACK_BYTES)
            .spawn_scoped(scope, &parse);
        match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => parse(),
        }
    })
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 4 * MAX_NODES;
    budget.max_recorded_anchor_events = MAX_NODES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options
}

fn first_nul(text: &str) -> Option<Pos> {
    let index = text.find('\0')?;
    let before = &text[..index];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some(Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    })
}

fn syntax_diagnostic(source: &Source, err: &serde_saphyr::Error) -> Diagnostic {
    let pos = err
        .location()
        .map(|l| Pos {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            col: u32::try_from(l.column()).unwrap_or(u32::MAX),
        })
        .unwrap_or_default();
    let (message, help) = message_and_help(err);
    let diagnostic = Diagnostic::new(source, pos, message).label("here");
    match help {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    }
}

/// What to tell the catalog's author: limits and type errors in catalog terms, other
/// parser messages as they are.
fn message_and_help(err: &serde_saphyr::Error) -> (String, Option<&'static str>) {
    if let Some((message, help)) = limit_breached(err) {
        return (message, Some(help));
    }
    let message = bare_message(&err.without_snippet().to_string());
    let help = help_for(&message);
    if is_integer_error(&message) {
        return ("expected a whole number".to_owned(), help);
    }
    match in_catalog_terms(&message) {
        Some((plain, help)) => (plain.to_owned(), Some(help)),
        None => (message, help),
    }
}

/// Whether the parser complained about an integer, in its Rust type names (`invalid i64`).
fn is_integer_error(message: &str) -> bool {
    ["i64", "u16", "u32", "i32", "u64"]
        .iter()
        .any(|ty| message == format!("invalid {ty}"))
}

/// The message and help for a catalog that hit one of the parser's limits.
fn limit_breached(err: &serde_saphyr::Error) -> Option<(String, &'static str)> {
    let mut inner = err.without_snippet();
    while let serde_saphyr::Error::AliasError { error, .. } = inner {
        inner = error.without_snippet();
    }
    let serde_saphyr::Error::Budget { breach, .. } = inner else {
        return None;
    };
    Some(match breach {
        BudgetBreach::Depth { .. } => (
            format!("catalog nests deeper than {MAX_DEPTH} levels"),
            "no part of a catalog needs such depth; look for runaway `[`, `{` or indentation",
        ),
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => (
            format!("catalog uses too many aliases (at most {MAX_ALIASES}, and 10 per anchor)"),
            "write the repeated text out instead of repeating `*alias`",
        ),
        BudgetBreach::Nodes { .. } => (
            format!("catalog expands to more than {MAX_NODES} values"),
            "aliases multiply what they point at; write the values out or use fewer `*alias`",
        ),
        BudgetBreach::Events { .. } | BudgetBreach::RecordedAnchorEvents { .. } => (
            format!("catalog expands to more than {MAX_NODES} values"),
            "aliases multiply what they point at; write the values out or use fewer `*alias`",
        ),
        other => (
            format!("catalog exceeds a parser limit: {other:?}"),
            "the catalog is far larger or more repetitive than a real one; split or simplify it",
        ),
    })
}

/// The parser's message without its own location prefix or suffix and the advice
/// addressed to programmers rather than catalog authors.
fn bare_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered);
    let mut message = first.trim_start_matches("error: ");
    if let (true, Some((_, rest))) = (message.starts_with("line "), message.split_once(": ")) {
        message = rest;
    }
    if let Some((head, _)) = message.split_once(" at line ") {
        message = head;
    }
    if let Some((head, _)) = message.split_once(", set DuplicateKeyPolicy") {
        message = head;
    }
    message.trim().to_owned()
}

/// Parser messages that speak of Rust types, said in the catalog author's terms:
/// (start of the parser's message, message, help).
const IN_CATALOG_TERMS: &[(&str, &str, &str)] = &[
    (
        "invalid boolean",
        "expected `true` or `false`",
        "write `true` or `false` without quotes",
    ),
    (
        "expected string scalar",
        "expected a single value, not a list or mapping",
        "write the value after the key; quote a text that starts with `[`, `{`, `-` or `*`",
    ),
    (
        "recursion limit exceeded",
        "catalog nests too deeply",
        "no part of a catalog needs such depth; look for runaway `[`, `{` or indentation",
    ),
    (
        "cannot deserialize null into string",
        "expected a text, found nothing",
        "write the text, or remove the key if it is optional",
    ),
    (
        "expected mapping start",
        "expected a mapping of `key: value` lines",
        "indent the keys under their parent, one `key: value` per line",
    ),
    (
        "expected sequence start",
        "expected a list",
        "write one `- item` line per entry, indented under the key",
    ),
    (
        "multiple YAML documents detected",
        "a catalog is one YAML document, but this file holds several",
        "remove the `---` separator, or put each catalog in its own file",
    ),
    (
        "unexpected end of input",
        "unexpected end of the file",
        "the file looks truncated; complete the last entry",
    ),
];

fn in_catalog_terms(message: &str) -> Option<(&'static str, &'static str)> {
    IN_CATALOG_TERMS
        .iter()
        .find(|(start, _, _)| message.starts_with(start))
        .map(|(_, plain, help)| (*plain, *help))
}

fn help_for(message: &str) -> Option<&'static str> {
    if is_integer_error(message) {
        Some("write a whole number without quotes, e.g. `status: 404`")
    } else if message.contains("duplicate mapping key") {
        Some("each key may appear once per mapping; remove or rename the repeated one")
    } else if message.contains("unknown field") {
        Some("see the catalog format in the README; a misspelt key is the usual cause")
    } else if message.contains("tab") {
        Some("indent YAML with spaces, not tabs")
    } else if message.contains("missing field") {
        Some("add the field; the README lists which fields are required")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_location_and_programmer_advice() {
        assert_eq!(
            bare_message(
                "error: line 5 column 1: duplicate mapping key: api, set DuplicateKeyPolicy in Options if acceptable"
            ),
            "duplicate mapping key: api"
        );
        assert_eq!(
            bare_message("unexpected end of input at line 1, column 1"),
            "unexpected end of input"
        );
    }
}
