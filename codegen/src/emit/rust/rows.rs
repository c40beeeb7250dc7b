//! The table writer: the per-error lists of the generated module (enum variants, static
//! tables, `match` arms), which make up most of its size, are written as text, one entry
//! per line, instead of going through `syn` and prettyplease with the rest.
//!
//! The largest lists' entries are written as text by [`super::text`] from `proc_macro2`
//! literals and the identifiers of [`crate::names`]; the smaller ones (attribute and
//! group tables, the `params()` arms, one per list of field types) are built with
//! `quote!` and printed by [`super::print`], which writes the same text. Where a list goes,
//! the module's tokens hold a placeholder, an identifier `__errcat_rows_N` that no catalog
//! can produce (the names the checker derives never start with `_`): as an item or
//! statement `__errcat_rows_N!();`, as an enum variant `__errcat_rows_N,`, as a `match`
//! arm `__errcat_rows_N => {}`. Prettyplease prints each at the start of its own line, where
//! no text of a catalog can stand (that is only ever inside a literal or after `///`),
//! and [`Rows::splice`] puts the list there at the placeholder's indent. A fixed block
//! (items the same for every catalog, formatted when errcat-codegen was built: see
//! [`super::fixed`]) goes in the same way, its text at the placeholder's indent.

use std::cell::RefCell;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{fixed::Fixed, print};

/// The prefix of every placeholder.
const PLACEHOLDER: &str = "__errcat_rows_";

/// The lists of one emitted file, in the order they were registered.
#[derive(Default)]
pub(super) struct Rows {
    blocks: RefCell<Vec<Block>>,
}

/// One list: lines before its entries (doc, `static NAME: TYPE = [`), the entries,
/// lines after (`];`); or a fixed block's formatted text.
#[derive(Default)]
struct Block {
    head: Vec<String>,
    entries: Vec<String>,
    tail: Vec<String>,
    fixed: &'static str,
}

/// One entry of a list: its doc lines, then its tokens, then (for a variant with
/// fields) its fields in braces, one per line.
pub(super) struct Entry {
    /// Lines of text, each written as `///` and the line.
    pub doc: Vec<String>,
    /// The entry's line (see [`super::text`]); with fields, the part before the brace.
    pub line: String,
    /// The fields, each an entry of its own, ending in a comma.
    pub fields: Vec<Entry>,
}

impl Entry {
    /// The entry's lines, at `indent`.
    fn write(&self, indent: &str, lines: &mut Vec<String>) {
        lines.extend(
            self.doc
                .iter()
                .map(|line| format!("{indent}{}", doc_line(line))),
        );
        let line = &self.line;
        if self.fields.is_empty() {
            lines.push(format!("{indent}{line}"));
            return;
        }
        lines.push(format!("{indent}{line} {{"));
        let inner = format!("{indent}    ");
        self.fields
            .iter()
            .for_each(|field| field.write(&inner, lines));
        lines.push(format!("{indent}}},"));
    }
}

impl Rows {
    /// An array item (`static` or `const`), one element per line: `head` is the item up
    /// to its `=`, e.g. `static CODES: [&str; 5usize] =`, and `elements` are its values.
    pub(super) fn array(
        &self,
        doc: &str,
        head: TokenStream,
        elements: impl IntoIterator<Item = TokenStream>,
    ) -> TokenStream {
        self.array_text(doc, head, elements.into_iter().map(print::line))
    }

    /// [`Rows::array`] of elements written as text (see [`super::text`]).
    pub(super) fn array_text(
        &self,
        doc: &str,
        head: TokenStream,
        elements: impl IntoIterator<Item = String>,
    ) -> TokenStream {
        let entries = elements
            .into_iter()
            .map(|mut element| {
                element.push(',');
                element
            })
            .collect();
        let head = vec![doc_line(doc), print::line(head) + " ["];
        self.item(head, entries, vec!["];".to_owned()])
    }

    /// Enum variants, each with its doc lines and fields, at the placeholder's place.
    pub(super) fn lines(&self, entries: impl IntoIterator<Item = Entry>) -> TokenStream {
        let mut lines = Vec::new();
        for entry in entries {
            entry.write("", &mut lines);
        }
        let ident = self.register(Vec::new(), lines, Vec::new());
        quote! { #ident, }
    }

    /// `match` arms at the placeholder's place.
    pub(super) fn arms(&self, arms: impl IntoIterator<Item = TokenStream>) -> TokenStream {
        self.arms_text(arms.into_iter().map(print::line))
    }

    /// [`Rows::arms`] written as text (see [`super::text`]).
    pub(super) fn arms_text(&self, arms: impl IntoIterator<Item = String>) -> TokenStream {
        let ident = self.register(Vec::new(), arms.into_iter().collect(), Vec::new());
        quote! { #ident => {} }
    }

    /// A fixed block's items (see [`super::fixed`]) at the placeholder's place, an item
    /// of the module or of an `impl`, where the block's text goes at the placeholder's
    /// indent.
    pub(super) fn fixed(&self, block: Fixed) -> TokenStream {
        let ident = self.push(Block {
            fixed: block.text(),
            ..Block::default()
        });
        quote! { #ident!(); }
    }

    fn item(&self, head: Vec<String>, entries: Vec<String>, tail: Vec<String>) -> TokenStream {
        let ident = self.register(head, entries, tail);
        quote! { #ident!(); }
    }

    fn register(&self, head: Vec<String>, entries: Vec<String>, tail: Vec<String>) -> Ident {
        self.push(Block {
            head,
            entries,
            tail,
            fixed: "",
        })
    }

    fn push(&self, block: Block) -> Ident {
        let mut blocks = self.blocks.borrow_mut();
        let ident = Ident::new(&format!("{PLACEHOLDER}{}", blocks.len()), Span::call_site());
        blocks.push(block);
        ident
    }

    /// Appends the formatted module with every placeholder line replaced by its list: the head
    /// and tail at the placeholder's indent, the entries four spaces further in. Each
    /// list is dropped once written, so the text is not held twice.
    pub(super) fn splice(&self, formatted: &str, out: &mut String) {
        let mut blocks = self.blocks.borrow_mut();
        let extra: usize = blocks
            .iter()
            .flat_map(|b| b.head.iter().chain(&b.entries).chain(&b.tail))
            .map(|line| line.len() + 16)
            .sum::<usize>()
            + blocks.iter().map(|b| b.fixed.len() * 2).sum::<usize>();
        out.reserve(formatted.len() + extra);
        for line in formatted.lines() {
            match placeholder(line).and_then(|index| blocks.get_mut(index)) {
                Some(block) => write_block(std::mem::take(block), &line[..indent_of(line)], out),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
}

/// The index of the list a line stands for, when the line is a placeholder.
fn placeholder(line: &str) -> Option<usize> {
    let rest = line.trim_start().strip_prefix(PLACEHOLDER)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let index = rest[..digits].parse().ok()?;
    matches!(&rest[digits..], "!();" | "," | " => {}").then_some(index)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn write_block(block: Block, indent: &str, out: &mut String) {
    let mut push = |indent: &str, extra: &str, line: &str| {
        out.push_str(indent);
        out.push_str(extra);
        out.push_str(line);
        out.push('\n');
    };
    let inner = if block.head.is_empty() { "" } else { "    " };
    // A fixed block's blank lines stay blank, as prettyplease writes them.
    for line in block.fixed.lines() {
        push(if line.is_empty() { "" } else { indent }, "", line);
    }
    block.head.iter().for_each(|line| push(indent, "", line));
    block
        .entries
        .iter()
        .for_each(|line| push(indent, inner, line));
    block.tail.iter().for_each(|line| push(indent, "", line));
}

/// A doc line as `///` comment text; the text is made safe by [`super::doc_safe`].
fn doc_line(line: &str) -> String {
    let safe = super::doc_safe(line);
    if safe.is_empty() {
        "///".to_owned()
    } else {
        format!("/// {safe}")
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{Entry, Rows};

    #[test]
    fn splices_each_list_at_its_placeholder_and_the_result_parses() {
        let rows = Rows::default();
        let table = rows.array(
            "Codes.",
            quote! { static CODES: [&str; 2usize] = },
            [quote! { "a" }, quote! { "b" }],
        );
        let variants = rows.lines([Entry {
            doc: vec!["First.".to_owned(), String::new()],
            line: "A".to_owned(),
            fields: vec![Entry {
                doc: vec!["The x.".to_owned()],
                line: "x: u8,".to_owned(),
                fields: Vec::new(),
            }],
        }]);
        let arms = rows.arms([quote! { Code::A => 1, }]);
        let file = quote! {
            #table
            pub enum Code { #variants }
            fn one(code: Code) -> u8 { match code { #arms } }
        };
        let formatted = prettyplease::unparse(&syn::parse2(file).expect("placeholders parse"));
        let mut spliced = String::new();
        rows.splice(&formatted, &mut spliced);
        assert!(spliced.contains("static CODES: [&str; 2usize] = [\n    \"a\",\n    \"b\",\n];"));
        assert!(spliced.contains(
            "    /// First.\n    ///\n    A {\n        /// The x.\n        x: u8,\n    },\n"
        ));
        assert!(spliced.contains("        Code::A => 1,\n"));
        assert!(!spliced.contains("__errcat_rows_"));
        syn::parse_file(&spliced).expect("the spliced file parses");
    }
}
