//! Reading catalogs: YAML text to the raw model, with syntax and type errors turned into
//! located diagnostics. Limits keep hostile input from exhausting time or memory.

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
    if source.text.trim().is_empty() {
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
    serde_saphyr::from_str_with_options(&source.text, options())
        .map_err(|err| Box::new(syntax_diagnostic(source, &err)))
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
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
    let mut message = bare_message(&err.without_snippet().to_string());
    let help = help_for(&message);
    if is_integer_error(&message) {
        message = "expected a whole number".to_owned();
    }
    let diagnostic = Diagnostic::new(source, pos, message).label("here");
    match help {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    }
}

/// Whether the parser complained about an integer, in its Rust type names (`invalid i64`).
fn is_integer_error(message: &str) -> bool {
    ["i64", "u16", "u32", "i32", "u64"]
        .iter()
        .any(|ty| message == format!("invalid {ty}"))
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
