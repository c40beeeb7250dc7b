//! Table entries written straight as text: the entries of the largest per-error lists
//! (the metadata tables, `SPECS`, the enums' variants) are one line each, built from
//! fixed Rust code, identifiers the checker made with [`crate::names`] and literals made
//! by `proc_macro2::Literal` (the compiler's own escaping), without building tokens that
//! [`super::print`] would then print. The text is what the printer would write for the
//! same tokens, so the output does not depend on which way an entry was made; the
//! generated code of every fixture is compiled and snapshot in the tests.

use std::fmt::Write as _;

use proc_macro2::Literal;

/// One line of Rust being written.
#[derive(Debug, Default)]
pub(super) struct Line(String);

impl Line {
    /// An empty line.
    pub(super) fn new() -> Self {
        Self(String::with_capacity(64))
    }

    /// Fixed Rust code, or an identifier as the checker made it (`r#type` included).
    pub(super) fn code(mut self, code: &str) -> Self {
        self.0.push_str(code);
        self
    }

    /// A string literal of `text`.
    pub(super) fn string(self, text: &str) -> Self {
        self.literal(&Literal::string(text))
    }

    /// A literal (a suffixed integer, say).
    pub(super) fn literal(mut self, literal: &Literal) -> Self {
        let _ = write!(self.0, "{literal}");
        self
    }

    /// `true` or `false`.
    pub(super) fn boolean(self, value: bool) -> Self {
        self.code(if value { "true" } else { "false" })
    }

    /// Items apart by `, `, each written by `write`.
    pub(super) fn list<T>(
        mut self,
        items: impl IntoIterator<Item = T>,
        mut write: impl FnMut(Self, T) -> Self,
    ) -> Self {
        for (index, item) in items.into_iter().enumerate() {
            if index > 0 {
                self.0.push_str(", ");
            }
            self = write(self, item);
        }
        self
    }

    /// String literals apart by `, `.
    pub(super) fn strings<'a>(self, texts: impl IntoIterator<Item = &'a str>) -> Self {
        self.list(texts, Self::string)
    }

    /// The text written.
    pub(super) fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::Line;
    use crate::emit::rust::print;

    /// What the printer writes for the same tokens, which the text must match.
    #[test]
    fn lines_read_as_the_printer_writes_them() {
        let text = "say \"hi\"\n";
        let written = Line::new()
            .code("support::Spec { variant: ")
            .string(text)
            .code(", fields: &[")
            .strings(["a", "r#type"])
            .code("], keys: &[], flag: ")
            .boolean(true)
            .code(", at: ")
            .literal(&proc_macro2::Literal::usize_suffixed(3))
            .code(", }")
            .finish();
        let printed = print::line(quote! {
            support::Spec {
                variant: #text, fields: &["a", "r#type"], keys: &[], flag: true, at: 3usize,
            }
        });
        assert_eq!(written, printed);
    }
}
