//! The list layout (the Retrac page): the error format (example body and field table),
//! then per code a heading with its anchor and label, its status, problem, solution,
//! retry guidance, deprecation note, message template and fields, then its cases.

use super::Page;
use super::groups::{self, Entry};
use super::label::Label;
use super::parts;
use crate::model::Catalog;

/// The error format, then every code in catalog order, under its group's heading when the catalog has groups.
pub(super) fn body(page: &mut Page, catalog: &Catalog) {
    let label = Label::of(catalog);
    super::format::section(page, catalog);
    page.push_some(label.note().map(str::to_owned));
    for entry in groups::order(catalog) {
        let (index, depth) = match entry {
            Entry::Group(index, depth) => {
                let group = &catalog.groups[index];
                page.heading(1 + depth, &groups::heading(group));
                page.push_some(groups::about(group));
                continue;
            }
            Entry::Error(index, depth) => (index, depth),
        };
        let error = &catalog.errors[index];
        page.heading(
            1 + depth,
            &format!("{}{}", parts::anchor(error), label.text(error)),
        );
        page.push(parts::bullets(parts::facts(
            catalog, error, label, "Problem",
        )));
        page.push_some(super::fields::table(error));
        for case in &error.cases {
            parts::case(page, parts::CasePlace::UnderCode, catalog, error, case);
        }
    }
}
