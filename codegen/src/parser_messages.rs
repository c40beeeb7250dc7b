//! The parser's errors in the catalog author's terms: limits named with their values,
//! serde's Rust-type wording replaced, and help that says what to do.

use serde_saphyr::budget::BudgetBreach;

use crate::load::{MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_DEPTH, MAX_NODES};

/// What to tell the catalog's author: limits and type errors in catalog terms, other
/// parser messages as they are.
pub(crate) fn message_and_help(err: &serde_saphyr::Error) -> (String, Option<String>) {
    if let Some((message, help)) = limit_breached(err) {
        return (message, Some(help.to_owned()));
    }
    let message = bare_message(&err.without_snippet().to_string());
    if let Some(misplaced) = misplaced_required(&message) {
        return misplaced;
    }
    let help = help_for(&message);
    if is_integer_error(&message) {
        return ("expected a whole number".to_owned(), help);
    }
    match in_catalog_terms(&message) {
        Some((plain, help)) => (plain.to_owned(), Some(help.to_owned())),
        None => (expected_first(&message).unwrap_or(message), help),
    }
}

/// The message and help for `required` written where only a context member takes it:
/// on an envelope node, a field or any other part (known by the keys serde expected).
fn misplaced_required(message: &str) -> Option<(String, Option<String>)> {
    let expected = message.strip_prefix("unknown field `required`")?;
    let (place, help) = if expected.contains("`from`") || expected.contains(" from,") {
        (
            "an envelope member",
            "an envelope member is in every body unless it says `optional: true`; to require a request context member, write `required: true` on it under the catalog's `context`",
        )
    } else if expected.contains("nullable") {
        (
            "a field",
            "a field is always sent unless it says `optional: true` or `nullable: true`; drop `required`",
        )
    } else {
        (
            "this part of a catalog",
            "drop `required`; a member declared under the catalog's `context` may say `required: true`",
        )
    };
    Some((
        format!("`required` is only for context members, not for {place}"),
        Some(help.to_owned()),
    ))
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
    if matches!(inner, serde_saphyr::Error::AliasReplayLimitExceeded { .. }) {
        return Some(alias_expansion_breached());
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
        BudgetBreach::Events { .. } => (
            format!("catalog expands to more than {MAX_NODES} values"),
            "aliases multiply what they point at; write the values out or use fewer `*alias`",
        ),
        BudgetBreach::RecordedAnchorEvents { .. } => alias_expansion_breached(),
        other => (
            format!("catalog exceeds a parser limit: {other:?}"),
            "the catalog is far larger or more repetitive than a real one; split or simplify it",
        ),
    })
}

/// The message and help for aliases that expand to more than [`MAX_ALIAS_EXPANSION`].
fn alias_expansion_breached() -> (String, &'static str) {
    (
        format!("aliases in this catalog expand to more than {MAX_ALIAS_EXPANSION} values"),
        "aliases of aliases multiply what they point at; write the values out instead",
    )
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
        "this key takes one value, written after it (a text that itself starts with `[` or `{` is quoted)",
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

/// serde's `invalid type: FOUND, expected WHAT` said the other way round, what is
/// wanted first: `expected WHAT, found FOUND`.
fn expected_first(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.split_once(", expected ")?;
    let found = match found {
        "map" => "a mapping",
        "sequence" => "a list",
        "unit value" => "nothing (`null`)",
        other => other,
    };
    Some(format!("expected {expected}, found {found}"))
}

fn in_catalog_terms(message: &str) -> Option<(&'static str, &'static str)> {
    IN_CATALOG_TERMS
        .iter()
        .find(|(start, _, _)| message.starts_with(start))
        .map(|(_, plain, help)| (*plain, *help))
}

fn help_for(message: &str) -> Option<String> {
    let help = if is_integer_error(message) || message.starts_with("expected a whole number") {
        "write a whole number without quotes, e.g. `status: 404`"
    } else if message.contains("duplicate mapping key") {
        "each key may appear once per mapping; remove or rename the repeated one"
    } else if message.contains("unknown field") {
        return Some(unknown_key_help(message));
    } else if message.contains("tab") {
        "indent YAML with spaces, not tabs"
    } else if message.contains("missing field") {
        "add the key; docs/catalog-format.md lists which keys are required"
    } else {
        return None;
    };
    Some(help.to_owned())
}

/// Help for a key the catalog format does not have: the nearest allowed key when one is
/// a likely misspelling, else where the keys are documented.
fn unknown_key_help(message: &str) -> String {
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next().unwrap_or_default();
    let nearest = quoted
        .map(|key| (edit_distance(unknown, key), key))
        .filter(|(distance, key)| *distance <= 2 && *distance < key.len())
        .min();
    match nearest {
        Some((_, key)) => format!("did you mean `{key}`?"),
        None => {
            "this part of a catalog has no such key; docs/catalog-format.md lists the keys it takes"
                .to_owned()
        }
    }
}

/// The number of single-character insertions, deletions and substitutions that turn `a`
/// into `b` (both short keys).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_near_keys() {
        let near = "unknown field `titel`, expected one of `code`, `title`, `status`";
        assert_eq!(unknown_key_help(near), "did you mean `title`?");
        let far = "unknown field `colour`, expected one of `code`, `title`, `status`";
        assert!(unknown_key_help(far).contains("no such key"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

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
