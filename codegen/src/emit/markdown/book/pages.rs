//! The book's pages: the index, a page per code and a page per group. Each starts with
//! the generated-file marker and a level-one title, and links to the others by their
//! source paths (`codes/not_found.md`), which mdBook turns into links to the built pages.

use super::super::escape::inline;
use super::super::groups::{self, Entry};
use super::super::label::Label;
use super::super::parts::{self, CasePlace, ERROR_CODES};
use super::super::{Page, fields, format, marker};
use crate::model::{Catalog, ErrorDef, Group};

/// The heading above a code's example body.
const EXAMPLE_BODY: &str = "Example body";
/// The heading above a code's common cases.
const COMMON_CASES: &str = "Common cases";

/// The source of a code's page inside the book's `src/`: `codes/not_found.md`.
pub(super) fn code_source(error: &ErrorDef) -> String {
    format!("codes/{}.md", error.anchor)
}

/// The source of a group's page inside the book's `src/`: `groups/group-auth.md`.
pub(super) fn group_source(group: &Group) -> String {
    format!("groups/{}.md", group.anchor)
}

/// The index: title, summary, introduction, the error format, every code linked to its
/// page under its group's heading, and the recommendations.
pub(super) fn index(catalog: &Catalog) -> String {
    let label = Label::of(catalog);
    let docs = &catalog.docs;
    let mut page = Page::plain();
    page.push(marker(catalog));
    page.heading(0, &inline(&docs.title));
    for text in [&docs.summary, &docs.intro].into_iter().flatten() {
        parts::paragraphs(&mut page, text);
    }
    format::section(&mut page, catalog);
    page.heading(1, ERROR_CODES.title);
    page.push_some(label.note().map(str::to_owned));
    let mut pending = Vec::new();
    for entry in groups::order(catalog) {
        match entry {
            Entry::Error(index, _) => pending.push(listed(&catalog.errors[index], label, "")),
            Entry::Group(index, depth) => {
                flush(&mut page, &mut pending);
                let group = &catalog.groups[index];
                page.heading(
                    2 + depth,
                    &linked(&inline(group.heading()), &group_source(group)),
                );
                page.push_some(groups::about(group));
            }
        }
    }
    flush(&mut page, &mut pending);
    parts::recommendations(&mut page, catalog);
    page.finish()
}

/// A code's page: its title, the way back to the index and its groups, its facts and
/// fields as the single page shows them, its example body and its common cases.
pub(super) fn code(catalog: &Catalog, error: &ErrorDef) -> String {
    let label = Label::of(catalog);
    let mut page = Page::plain();
    page.push(marker(catalog));
    page.heading(0, &parts::code_title(error, label));
    page.push(trail(catalog, error.group));
    page.push(parts::bullets(parts::facts(
        catalog,
        error,
        label,
        "Description",
    )));
    page.push_some(fields::table(error));
    page.heading(1, EXAMPLE_BODY);
    page.push(parts::example(catalog, error));
    if !error.cases.is_empty() {
        page.heading(1, COMMON_CASES);
        for case in &error.cases {
            parts::case(&mut page, CasePlace::UnderCode, catalog, error, case);
        }
    }
    page.finish()
}

/// A group's page: its title, the way back, what it is about, its own codes and its
/// subgroups.
pub(super) fn group(catalog: &Catalog, index: usize) -> String {
    let label = Label::of(catalog);
    let group = &catalog.groups[index];
    let mut page = Page::plain();
    page.push(marker(catalog));
    page.heading(0, &inline(group.heading()));
    page.push(trail(catalog, group.parent));
    page.push_some(groups::about(group));
    let mut codes: Vec<String> = catalog
        .errors
        .iter()
        .filter(|e| e.group == Some(index))
        .map(|e| listed(e, label, "../"))
        .collect();
    flush(&mut page, &mut codes);
    let mut subgroups: Vec<String> = catalog
        .groups
        .iter()
        .filter(|g| g.parent == Some(index))
        .map(|g| linked(&inline(g.heading()), &format!("../{}", group_source(g))))
        .collect();
    if !subgroups.is_empty() {
        page.push("Subgroups:");
        flush(&mut page, &mut subgroups);
    }
    page.finish()
}

/// A link with already escaped text to a path of the book.
fn linked(text: &str, path: &str) -> String {
    format!("[{text}]({path})")
}

/// A code's line in a list of codes, linking to its page from a page `prefix` below
/// the book's root (`""` or `"../"`).
fn listed(error: &ErrorDef, label: Label, prefix: &str) -> String {
    let link = linked(
        &label.text(error),
        &format!("{prefix}{}", code_source(error)),
    );
    parts::code_line(error, label, link)
}

/// Pushes the pending lines as one bulleted list, if there are any, and empties them.
fn flush(page: &mut Page, pending: &mut Vec<String>) {
    if !pending.is_empty() {
        page.push(parts::bullets(pending.drain(..)));
    }
}

/// The way back from a page one folder below the root: the index, then the group
/// `innermost` is in and its parents, outermost first.
fn trail(catalog: &Catalog, innermost: Option<usize>) -> String {
    let mut chain = Vec::new();
    let mut next = innermost;
    while let Some(index) = next {
        let group = &catalog.groups[index];
        chain.push(linked(
            &inline(group.heading()),
            &format!("../{}", group_source(group)),
        ));
        next = group.parent;
    }
    chain.push(linked(&inline(&catalog.docs.title), "../index.md"));
    chain.reverse();
    chain.join(" › ")
}
