//! Catalog text for Markdown that tools write themselves (the `errcat changelog`, a
//! project's own pages): the escaping the generated pages use, so that catalog text
//! renders exactly as written and never becomes HTML, a link, emphasis, a code block or
//! an mdBook directive (`{{#include}}`).
//!
//! ```
//! use errcat_codegen::markdown_text::{code_span, inline};
//!
//! assert_eq!(inline("Not Found"), "Not Found");
//! assert_eq!(inline("<b>x</b> [a](b)"), "\\<b>x\\</b> \\[a\\](b)");
//! assert_eq!(code_span("not_found"), "`not_found`");
//! ```

use crate::emit::commonmark;

/// Catalog text as inline Markdown that renders literally in a paragraph, a list item, a
/// heading, a link text or a table cell. Runs of whitespace, newlines included, become
/// one space (as HTML shows them anyway); ordinary text comes back unchanged.
pub fn inline(text: &str) -> String {
    commonmark::inline(text)
}

/// Catalog text (a code) as a code span that renders literally: a longer fence where it
/// holds backticks. Text holding `{{`, which mdBook would read as a directive even in a
/// code span, is written as [`inline`] text instead. Not for table cells, where a `|`
/// would still end the cell: use [`inline`] there.
pub fn code_span(text: &str) -> String {
    commonmark::code_span(text)
}
