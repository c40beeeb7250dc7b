//! Pieces both layouts use: paragraphs, contents, anchors, retry guidance, deprecation
//! notes, common cases with their example bodies, and recommendations.

use super::Page;
use super::escape::{attribute, code_span, inline, json_block, link as link_to};
use super::label::Label;
use crate::model::{Case, Catalog, ErrorDef, FieldSource, Layout};
use crate::wire;

/// A section heading of fixed English text, linked from the contents by its slug.
pub(super) struct Section {
    /// The heading text.
    pub(super) title: &'static str,
    /// The heading's id as renderers make it: lower case, spaces as `-`.
    pub(super) slug: &'static str,
}

/// The table of contents.
pub(super) const CONTENTS: Section = Section {
    title: "Contents",
    slug: "contents",
};
/// The error format: the example body and the field table.
pub(super) const ERROR_FORMAT: Section = Section {
    title: "Error format",
    slug: "error-format",
};
/// The reference layout's table of codes.
pub(super) const ERROR_CODES: Section = Section {
    title: "Error codes",
    slug: "error-codes",
};
/// The reference layout's fields of each error that has some.
pub(super) const ERROR_FIELDS: Section = Section {
    title: "Error fields",
    slug: "error-fields",
};
/// The reference layout's common cases.
pub(super) const COMMON_ERRORS: Section = Section {
    title: "Common errors and diagnostics",
    slug: "common-errors-and-diagnostics",
};
/// General advice.
pub(super) const RECOMMENDATIONS: Section = Section {
    title: "Recommendations",
    slug: "recommendations",
};

/// Catalog text as paragraphs: blank lines in the text separate them.
pub(super) fn paragraphs(page: &mut Page, text: &str) {
    for paragraph in super::escape::paragraphs(text) {
        page.push(paragraph);
    }
}

/// A bulleted list of already escaped items.
pub(super) fn bullets(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .map(|item| format!("- {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The HTML anchor an error's docs URL points at.
pub(super) fn anchor(error: &ErrorDef) -> String {
    format!("<a id=\"{}\"></a>", attribute(&error.anchor))
}

/// A link to `#target` with already escaped text.
pub(super) fn link(text: &str, target: &str) -> String {
    format!("[{text}](#{target})")
}

/// The table of contents: the sections and every code.
pub(super) fn contents(page: &mut Page, catalog: &Catalog) {
    let mut lines = Vec::new();
    let label = Label::of(catalog);
    let codes = super::groups::order(catalog)
        .into_iter()
        .map(|entry| match entry {
            super::groups::Entry::Group(index, depth) => {
                let group = &catalog.groups[index];
                (depth, link(&inline(group.heading()), &group.anchor))
            }
            super::groups::Entry::Error(index, depth) => {
                (depth, contents_entry(&catalog.errors[index], label))
            }
        });
    match catalog.docs.layout {
        Layout::List => {
            lines.push(format!("- {}", section_link(&ERROR_FORMAT)));
            lines.extend(codes.map(|(depth, entry)| format!("{}- {entry}", "  ".repeat(depth))))
        }
        Layout::Reference => {
            lines.push(format!("- {}", section_link(&ERROR_FORMAT)));
            lines.push(format!("- {}", section_link(&ERROR_CODES)));
            lines.extend(codes.map(|(depth, entry)| format!("  {}- {entry}", "  ".repeat(depth))));
            if catalog.errors.iter().any(|e| !e.params.is_empty()) {
                lines.push(format!("- {}", section_link(&ERROR_FIELDS)));
            }
            if catalog.errors.iter().any(|e| !e.cases.is_empty()) {
                lines.push(format!("- {}", section_link(&COMMON_ERRORS)));
            }
        }
    }
    if !catalog.operations.is_empty() {
        lines.push(format!(
            "- {}",
            section_link(&super::operations::OPERATIONS)
        ));
    }
    if !catalog.recommendations.is_empty() {
        lines.push(format!("- {}", section_link(&RECOMMENDATIONS)));
    }
    page.heading(1, CONTENTS.title);
    page.push(lines.join("\n"));
}

fn section_link(section: &Section) -> String {
    link(section.title, section.slug)
}

/// A code's line in the contents: its label as a link to its section, its number,
/// status and title.
fn contents_entry(error: &ErrorDef, label: Label) -> String {
    code_line(error, label, link(&label.text(error), &error.anchor))
}

/// A code's line in a list of codes: `linked` (its label as a link), then its number,
/// status and title (the title once, when it is the label) and whether it is deprecated.
pub(super) fn code_line(error: &ErrorDef, label: Label, linked: String) -> String {
    let mut entry = linked;
    if let Some(number) = own_number(error, label) {
        entry.push_str(&format!(" ({number})"));
    }
    match (label, status_text(error)) {
        (Label::Title, Some(status)) => entry.push_str(&format!(": {status}")),
        (Label::Title, None) => {}
        _ => entry.extend(status_title(error).map(|text| format!(": {text}"))),
    }
    if error.deprecated.is_some() {
        entry.push_str(" (deprecated)");
    }
    entry
}

/// Every status of the error (`400, 422`), or its class (`5xx`) or `none` as the
/// catalog writes them; `None` for an error that is no HTTP response.
pub(super) fn status_text(error: &ErrorDef) -> Option<String> {
    if let Some(open) = error.open_status {
        return Some(open.written());
    }
    let all: Vec<String> = error.statuses().map(|s| s.to_string()).collect();
    (!all.is_empty()).then(|| all.join(", "))
}

/// The status and the escaped title (`404 Not Found`), each where the catalog states
/// it; `None` for an error with neither.
pub(super) fn status_title(error: &ErrorDef) -> Option<String> {
    let title = error.title.as_deref().map(inline);
    match (status_text(error), title) {
        (Some(status), Some(title)) => Some(format!("{status} {title}")),
        (Some(only), None) | (None, Some(only)) => Some(only),
        (None, None) => None,
    }
}

/// The error's number when the docs show it beside the label: it has one, the label is
/// not the number, and the number is not the code itself.
fn own_number(error: &ErrorDef, label: Label) -> Option<i64> {
    let number = error.number.filter(|n| n.to_string() != error.code)?;
    (label != Label::Number).then_some(number)
}

/// The title of a code's own section or page, escaped: its status and title, after its
/// label unless the label is the title (`401 Unauthorized`, `` `not_found` — 404 Not
/// Found ``).
pub(super) fn code_title(error: &ErrorDef, label: Label) -> String {
    match (label, status_title(error)) {
        (Label::Title, Some(text)) => text,
        (_, Some(text)) => format!("{} — {text}", label.text(error)),
        (_, None) => label.text(error),
    }
}

/// The facts of one code as escaped list items: status, number, deprecation, the
/// description under `described` (`Problem`, `Description`), solutions, retry advice,
/// and the message template when the error has fields, or when the body carries the
/// message and it says more than the description.
pub(super) fn facts(
    catalog: &Catalog,
    error: &ErrorDef,
    label: Label,
    described: &str,
) -> Vec<String> {
    let mut items: Vec<String> = status_text(error)
        .map(|s| format!("Status: {s}"))
        .into_iter()
        .collect();
    items.extend(own_number(error, label).map(|number| format!("Number: {number}")));
    items.extend(super::operations::returned_by(catalog, error));
    items.extend(deprecation(error));
    items.extend(
        error
            .description
            .iter()
            .map(|d| format!("{described}: {}", inline(d))),
    );
    items.extend(
        error
            .explanation
            .iter()
            .map(|e| format!("Explanation: {}", inline(e))),
    );
    items.extend(nested("Causes", error.causes.iter().map(|c| inline(c))));
    match error.solutions.as_slice() {
        [] => {}
        [only] => items.push(format!("Solution: {}", inline(only))),
        many => {
            let nested: Vec<String> = many.iter().map(|s| format!("  - {}", inline(s))).collect();
            items.push(format!("Solutions:\n{}", nested.join("\n")));
        }
    }
    if let Some(advice) = retry_advice(error) {
        items.push(format!("Retry: {advice}"));
    }
    let links = error.links.iter().map(|l| link_to(&l.title, &l.url));
    items.extend(nested("Links", links));
    let template = error.message_template();
    let sends_message = wire::sources(&catalog.envelope.body).contains(&FieldSource::Message);
    if sends_message
        && (!error.params.is_empty() || error.description.as_deref() != Some(template.as_str()))
    {
        items.push(format!("Message: {}", code_span(&template)));
    }
    items
}

/// `Causes:` and a nested item each; nothing for none.
fn nested(title: &str, items: impl Iterator<Item = String>) -> Option<String> {
    let lines: Vec<String> = items.map(|item| format!("  - {item}")).collect();
    (!lines.is_empty()).then(|| format!("{title}:\n{}", lines.join("\n")))
}

/// What a client should do about retrying, where the catalog states anything, with
/// the catalog's prose in it escaped like the other texts.
pub(super) fn retry_advice(error: &ErrorDef) -> Option<String> {
    error.retry.advice_with(inline)
}

/// The deprecation note of an error, escaped, if it is deprecated.
pub(super) fn deprecation(error: &ErrorDef) -> Option<String> {
    error
        .deprecation_note()
        .map(|note| format!("Deprecated: {}", inline(&note)))
}

/// An error's example body as a JSON code block, from the wire serialiser.
pub(super) fn example(catalog: &Catalog, error: &ErrorDef) -> String {
    json_block(&wire::example_text(catalog, error))
}

/// Where a case is shown: under its code's own section, or apart from it (then the
/// case links back to its code, since several codes may share a status).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CasePlace {
    /// Under the code's section.
    UnderCode,
    /// In a section of its own.
    Apart,
}

/// One common case: a heading, the error's example body, causes and a note.
pub(super) fn case(
    page: &mut Page,
    place: CasePlace,
    catalog: &Catalog,
    error: &ErrorDef,
    case: &Case,
) {
    let heading = match status_text(error) {
        Some(status) => format!("{status} — {}", inline(&case.title)),
        None => inline(&case.title),
    };
    page.heading(2, &heading);
    if place == CasePlace::Apart {
        let label = Label::of(catalog);
        page.push(format!(
            "{}: {}",
            label.word(),
            link(&label.text(error), &error.anchor)
        ));
    }
    page.push(example(catalog, error));
    if !case.causes.is_empty() {
        page.push("Possible causes:");
        page.push(bullets(case.causes.iter().map(|c| inline(c))));
    }
    if let Some(note) = &case.note {
        paragraphs(page, note);
    }
}

/// The recommendations section, if the catalog has any.
pub(super) fn recommendations(page: &mut Page, catalog: &Catalog) {
    if catalog.recommendations.is_empty() {
        return;
    }
    page.heading(1, RECOMMENDATIONS.title);
    page.push(bullets(catalog.recommendations.iter().map(|r| inline(r))));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Validation keeps codes off these anchors, so the list it uses must be complete.
    #[test]
    fn every_section_slug_is_reserved_from_codes() {
        for section in [
            CONTENTS,
            ERROR_FORMAT,
            ERROR_CODES,
            ERROR_FIELDS,
            COMMON_ERRORS,
            RECOMMENDATIONS,
        ] {
            assert!(crate::names::DOCS_SECTION_ANCHORS.contains(&section.slug));
            assert_eq!(section.slug, section.title.to_lowercase().replace(' ', "-"));
        }
    }
}
