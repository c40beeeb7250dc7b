//! Fixed blocks: items of a catalog's module that do not depend on the catalog (its
//! traits over generic support functions, `ParseError`, the HTTP glue, ...), which were
//! most of the per-catalog cost of formatting. errcat-codegen's build script formats
//! each block once with prettyplease, at the depth where it stands, and the generator
//! copies the text where a catalog needs it (see [`super::rows::Rows::fixed`]); the
//! output is the same as formatting the block in place.

mod blocks;
// The blocks' tokens, formatted by the build script; here only to test the texts.
#[cfg(test)]
mod tokens;

pub(super) use blocks::Fixed;

// `TEXTS`: each block's formatted text, in the order of `Fixed::ALL`, its lines indented
// from the depth where it stands.
include!(concat!(env!("OUT_DIR"), "/fixed_blocks.rs"));

impl Fixed {
    /// The block's formatted text, one line per item line, without the indent of the
    /// depth where it stands.
    pub(super) fn text(self) -> &'static str {
        TEXTS[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{Fixed, TEXTS, tokens};
    use crate::emit::rust::rows::Rows;

    /// Each block's text, spliced at its placeholder, reads as prettyplease formats the
    /// block's tokens in place, inside a catalog's module (and an `impl` there).
    #[test]
    fn spliced_blocks_read_as_formatted_in_place() {
        for block in Fixed::ALL {
            let rows = Rows::default();
            let (mut placed, mut in_place) = (rows.fixed(block), tokens::tokens(block));
            if block.depth() == 2 {
                placed = quote! { impl Code { fn first() {} #placed fn last() {} } };
                in_place = quote! { impl Code { fn first() {} #in_place fn last() {} } };
            }
            let format = |items| {
                let file = quote! { pub mod catalog { struct First; #items struct Last; } };
                prettyplease::unparse(&syn::parse2(file).expect("the block parses"))
            };
            let mut spliced = String::new();
            rows.splice(&format(placed), &mut spliced);
            assert_eq!(spliced, format(in_place), "{block:?}");
        }
    }

    #[test]
    fn every_block_has_its_text_at_its_place() {
        assert_eq!(Fixed::ALL.len(), TEXTS.len());
        for (index, block) in Fixed::ALL.into_iter().enumerate() {
            assert_eq!(
                block as usize, index,
                "{block:?} is out of order in Fixed::ALL"
            );
            let text = block.text();
            assert!(text.ends_with('\n'), "{block:?} ends its last line");
            assert!(!text.starts_with(' '), "{block:?} starts at its depth");
        }
    }
}
