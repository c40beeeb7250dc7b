//! The operations section: each operation with its route, summary and the errors it
//! returns (linked to their sections), and the "Returned by" line of each code.

use super::Page;
use super::escape::{attribute, code_span, inline};
use super::label::Label;
use super::parts::{self, Section};
use crate::model::{Catalog, ErrorDef, Operation};

/// The section listing every operation.
pub(super) const OPERATIONS: Section = Section {
    title: "Operations",
    slug: "operations",
};

/// Every operation with its errors; nothing for a catalog without operations.
pub(super) fn section(page: &mut Page, catalog: &Catalog) {
    if catalog.operations.is_empty() {
        return;
    }
    let label = Label::of(catalog);
    page.heading(1, OPERATIONS.title);
    for operation in &catalog.operations {
        page.heading(
            2,
            &format!(
                "<a id=\"{}\"></a>{}",
                attribute(&operation.anchor),
                code_span(&operation.id)
            ),
        );
        page.push_some(about(operation));
        let lines = operation.errors.iter().map(|&index| {
            let error = &catalog.errors[index];
            let linked = parts::link(&label.text(error), &error.anchor);
            parts::code_line(error, label, linked)
        });
        page.push(parts::bullets(lines));
    }
}

/// The operation's route and summary, where the catalog gives them.
fn about(operation: &Operation) -> Option<String> {
    let route = match (&operation.method, &operation.path) {
        (Some(method), Some(path)) => Some(code_span(&format!(
            "{} {path}",
            method.to_ascii_uppercase()
        ))),
        _ => None,
    };
    let summary = operation.summary.as_deref().map(inline);
    match (route, summary) {
        (Some(route), Some(summary)) => Some(format!("{route}: {summary}")),
        (one, other) => one.or(other),
    }
}

/// The operations that return `error`, as a list item of its facts (`Returned by:
/// `create_invite`, `accept_invite``); `None` in a catalog without operations.
pub(super) fn returned_by(catalog: &Catalog, error: &ErrorDef) -> Option<String> {
    if catalog.operations.is_empty() {
        return None;
    }
    let index = catalog.errors.iter().position(|e| std::ptr::eq(e, error))?;
    let ids: Vec<String> = catalog
        .returned_by(index)
        .map(|operation| code_span(&operation.id))
        .collect();
    Some(if ids.is_empty() {
        "Returned by: no operation the catalog lists".to_owned()
    } else {
        format!("Returned by: {}", ids.join(", "))
    })
}
