//! The list layout (the Retrac page): per code a heading with its anchor, then its
//! status, problem, solution, retry guidance and deprecation note, then its cases.

use super::Page;
use super::escape::{code_span, inline};
use super::groups::{self, Entry};
use super::parts;
use crate::model::Catalog;

/// Every code in catalog order, under its group's heading when the catalog has groups.
pub(super) fn body(page: &mut Page, catalog: &Catalog) {
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
            &format!("{}{}", parts::anchor(error), code_span(&error.code)),
        );
        let mut items = vec![format!("Status: {}", error.status)];
        let own_number = error.number.filter(|n| n.to_string() != error.code);
        items.extend(own_number.map(|number| format!("Number: {number}")));
        items.extend(parts::deprecation(error));
        items.push(format!("Problem: {}", inline(&error.description)));
        match error.solutions.as_slice() {
            [] => {}
            [only] => items.push(format!("Solution: {}", inline(only))),
            many => {
                let nested: Vec<String> =
                    many.iter().map(|s| format!("  - {}", inline(s))).collect();
                items.push(format!("Solutions:\n{}", nested.join("\n")));
            }
        }
        items.push(format!("Retry: {}", parts::retry_advice(error)));
        if error.params.is_empty() {
            page.push(parts::bullets(items));
        } else {
            let template = error.message_template();
            items.push(format!("Message: {}", super::escape::code_span(&template)));
            page.push(parts::bullets(items));
            page.push(super::fields::table(error).unwrap_or_default());
        }
        for case in &error.cases {
            parts::case(page, parts::CasePlace::UnderCode, catalog, error, case);
        }
    }
}
