//! `Code::from_group_code`, where codes are unique per group only (`unique_codes:
//! group`): the group picks the set of codes to look in, and each set is looked up as
//! `from_code` is in other catalogs (see [`super::lookup`]).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::lookup::{StringLookup, string_lookup};
use super::rows::Rows;
use crate::model::Catalog;

/// `from_group_code`, where codes are unique per group only: a `match` on the group
/// picks the lookup among that group's codes (the codes in no group being one more
/// set), each a `match` or, past `MATCH_MAX` codes, a perfect hash table.
pub(super) fn group_code_lookup(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let sets = std::iter::once(None).chain((0..catalog.groups.len()).map(Some));
    let mut arms = TokenStream::new();
    let mut helpers = TokenStream::new();
    for (set, group) in sets.enumerate() {
        let codes = catalog
            .errors
            .iter()
            .enumerate()
            .filter(|(_, e)| e.group == group)
            .map(|(index, e)| (e.code.as_str(), e.variant.as_str(), index));
        let keys: Vec<_> = codes.collect();
        if keys.is_empty() {
            continue;
        }
        let helper = format_ident!("from_code_in_set_{set}");
        let (pattern, doc) = match group {
            None => (
                quote! { ::core::option::Option::None },
                "The code in no group with this wire code, found in a perfect hash table."
                    .to_owned(),
            ),
            Some(at) => {
                let name = &catalog.groups[at].name;
                let literal = Literal::string(name);
                (
                    quote! { ::core::option::Option::Some(#literal) },
                    format!(
                        "The code of group `{name}` with this wire code, found in a perfect \
                         hash table."
                    ),
                )
            }
        };
        arms.extend(quote! { #pattern => Self::#helper(code), });
        let lookup = StringLookup {
            name: quote! { #helper },
            public: false,
            method: quote! { as_str },
            doc: &doc,
            codes: catalog.errors.len(),
        };
        helpers.extend(string_lookup(rows, &lookup, keys.into_iter()));
    }
    quote! {
        /// The code with this wire code in this group (`None` for codes in no group):
        /// codes are unique per group in this API, so both tell it apart. A `match`
        /// on the group, then the group's codes by a `match` or a perfect hash table.
        #[must_use]
        pub fn from_group_code(
            group: ::core::option::Option<&str>,
            code: &str,
        ) -> ::core::option::Option<Self> {
            match group {
                #arms
                _ => ::core::option::Option::None,
            }
        }
        #helpers
    }
}
