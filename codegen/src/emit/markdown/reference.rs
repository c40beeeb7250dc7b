//! The reference layout (the Reten page): the error format with an example body and a
//! field table, a table of codes whose rows link to each code's own section (which
//! carries the code's anchor, so a link shows the whole entry), and common errors with
//! their example bodies, causes and notes.

use super::Page;
use super::escape::inline;
use super::format::table;
use super::groups::{self, Entry};
use super::label::Label;
use super::parts::{self, COMMON_ERRORS, ERROR_CODES, ERROR_FIELDS};
use crate::model::{Catalog, ErrorDef};

/// The format, the codes and the common errors.
pub(super) fn body(page: &mut Page, catalog: &Catalog) {
    let label = Label::of(catalog);
    super::format::section(page, catalog);
    page.heading(1, ERROR_CODES.title);
    page.push_some(label.note().map(str::to_owned));
    code_tables(page, catalog, label);
    let with_fields: Vec<&ErrorDef> = catalog
        .errors
        .iter()
        .filter(|e| !e.params.is_empty())
        .collect();
    if !with_fields.is_empty() {
        page.heading(1, ERROR_FIELDS.title);
        let links: Vec<String> = with_fields
            .iter()
            .map(|e| parts::link(&label.text(e), &e.anchor))
            .collect();
        let how = if catalog.envelope.body.carries_params() {
            "These errors send fields as members of their body; each one's section shows its field table"
        } else {
            "These errors send fields in their message; each one's section shows its message template and field table"
        };
        page.push(format!("{how}: {}.", links.join(", ")));
    }
    if catalog.errors.iter().any(|e| !e.cases.is_empty()) {
        page.heading(1, COMMON_ERRORS.title);
        for error in &catalog.errors {
            for case in &error.cases {
                parts::case(page, parts::CasePlace::Apart, catalog, error, case);
            }
        }
    }
}

/// The table of codes and the codes' sections, or with groups a heading, table and
/// sections per group.
fn code_tables(page: &mut Page, catalog: &Catalog, label: Label) {
    let mut pending: Vec<(&ErrorDef, usize)> = Vec::new();
    for entry in groups::order(catalog) {
        match entry {
            Entry::Error(index, depth) => pending.push((&catalog.errors[index], depth)),
            Entry::Group(index, depth) => {
                flush(page, catalog, label, &mut pending);
                let group = &catalog.groups[index];
                page.heading(2 + depth, &groups::heading(group));
                page.push_some(groups::about(group));
            }
        }
    }
    flush(page, catalog, label, &mut pending);
}

/// The table of the pending codes, then each one's section; empties `pending`.
fn flush(page: &mut Page, catalog: &Catalog, label: Label, pending: &mut Vec<(&ErrorDef, usize)>) {
    if pending.is_empty() {
        return;
    }
    page.push(codes(pending.iter().map(|(e, _)| *e), label, catalog.http));
    for (error, depth) in pending.drain(..) {
        entry(page, catalog, label, error, depth);
    }
}

/// One code's section: a heading with its anchor, its facts, fields and example body.
fn entry(page: &mut Page, catalog: &Catalog, label: Label, error: &ErrorDef, depth: usize) {
    let title = parts::code_title(error, label);
    page.heading(2 + depth, &format!("{}{title}", parts::anchor(error)));
    let items = parts::facts(catalog, error, label, "Description");
    page.push(parts::bullets(items));
    page.push_some(super::fields::table(error));
    page.push(parts::example(catalog, error));
}

/// The table of codes: one row per code, its label linking to its section; the status
/// column only for HTTP errors, the retry column only where a code states its retrying.
fn codes<'a>(errors: impl Iterator<Item = &'a ErrorDef>, label: Label, http: bool) -> String {
    let errors: Vec<&ErrorDef> = errors.collect();
    let retry = errors.iter().any(|e| e.retry.advice().is_some());
    let rows = errors.iter().map(|error| {
        let mut description = error.description.as_deref().map(inline).unwrap_or_default();
        if let Some(note) = parts::deprecation(error) {
            description = format!("{note} {description}").trim_end().to_owned();
        }
        let mut cell = parts::link(&label.text(error), &error.anchor);
        if let (Some(number), false) = (error.number, label == Label::Number) {
            cell.push_str(&format!(" ({number})"));
        }
        let status = parts::status_text(error).into_iter();
        let advice = retry.then(|| parts::retry_advice(error).unwrap_or_default());
        status
            .chain([cell, description, solutions_cell(&error.solutions)])
            .chain(advice)
            .collect()
    });
    let headers = ["Status", label.word(), "Description", "Solution", "Retry"];
    let headers = &headers[usize::from(!http)..headers.len() - usize::from(!retry)];
    table(headers, rows.collect())
}

/// The solutions in one table cell: the one as written, or each numbered in the
/// catalog's order (`(1) ... (2) ...`), saying nothing of how they relate.
fn solutions_cell(solutions: &[String]) -> String {
    match solutions {
        [only] => inline(only),
        many => many
            .iter()
            .enumerate()
            .map(|(index, solution)| format!("({}) {}", index + 1, inline(solution)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::solutions_cell;

    #[test]
    fn several_solutions_are_numbered_in_order_without_a_word_between() {
        let one = ["Retry *later*.".to_owned()];
        assert_eq!(solutions_cell(&one), "Retry \\*later\\*.");
        let two = ["Refresh the token.".to_owned(), "Sign in again.".to_owned()];
        assert_eq!(
            solutions_cell(&two),
            "(1) Refresh the token. (2) Sign in again."
        );
        assert_eq!(solutions_cell(&[]), "");
    }
}
