//! The `Group` enum of a catalog with groups: each group's name, title, parent and
//! codes (its subgroups' too) from static tables, and `Code::group()`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::commonmark;

use super::{doc_lines, rows::Rows, variant_ident};
use crate::model::Catalog;

/// `Group` and `Code::group()`, or nothing for a catalog without groups.
pub(super) fn emit(catalog: &Catalog, rows: &Rows) -> TokenStream {
    if catalog.groups.is_empty() {
        return TokenStream::new();
    }
    let count = catalog.groups.len();
    let variant = |index: usize| format_ident!("{}", catalog.groups[index].variant);
    let variants = catalog.groups.iter().enumerate().map(|(index, group)| {
        let mut text = match &group.title {
            Some(title) => format!(
                "{} ({})",
                commonmark::inline(title),
                commonmark::code_span(&group.name)
            ),
            None => commonmark::code_span(&group.name),
        };
        if let Some(description) = &group.description {
            text.push_str(&format!("\n\n{}", commonmark::block(description)));
        }
        if let Some((from, to)) = group.range {
            text.push_str(&format!("\n\nNumbers {from} to {to}."));
        }
        let doc = doc_lines(&text);
        let name = variant(index);
        quote! { #doc #name, }
    });
    let all = (0..count).map(|i| {
        let name = variant(i);
        quote! { Self::#name }
    });
    let names = catalog.groups.iter().map(|g| &g.name);
    let titles = catalog.groups.iter().map(|g| match &g.title {
        Some(title) => quote! { ::core::option::Option::Some(#title) },
        None => quote! { ::core::option::Option::None },
    });
    let parents = catalog.groups.iter().map(|g| match g.parent {
        Some(parent) => {
            let name = variant(parent);
            quote! { ::core::option::Option::Some(Group::#name) }
        }
        None => quote! { ::core::option::Option::None },
    });
    // Each error joins its group and every enclosing one: linear in errors × depth.
    let mut members: Vec<Vec<TokenStream>> = vec![Vec::new(); count];
    for error in &catalog.errors {
        let name = variant_ident(&error.variant);
        for group in std::iter::successors(error.group, |g| catalog.groups[*g].parent) {
            members[group].push(quote! { Code::#name });
        }
    }
    let codes = members.iter().map(|codes| quote! { &[#(#codes),*] });
    let error_count = catalog.errors.len();
    let of_codes = rows.array(
        "Each error's innermost group, indexed by `Code`.",
        quote! { static CODE_GROUPS: [::core::option::Option<Group>; #error_count] = },
        catalog.errors.iter().map(|e| match e.group {
            Some(group) => {
                let name = variant(group);
                quote! { ::core::option::Option::Some(Group::#name) }
            }
            None => quote! { ::core::option::Option::None },
        }),
    );
    quote! {
        /// The groups of errors, parents before their subgroups.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Group {
            #(#variants)*
        }

        static GROUP_NAMES: [&str; #count] = [#(#names),*];
        static GROUP_TITLES: [::core::option::Option<&str>; #count] = [#(#titles),*];
        static GROUP_PARENTS: [::core::option::Option<Group>; #count] = [#(#parents),*];
        static GROUP_CODES: [&[Code]; #count] = [#(#codes),*];
        #of_codes

        impl Group {
            /// Every group, parents before their subgroups.
            pub const ALL: [Self; #count] = [#(#all),*];

            /// The group's name, as the catalog and bodies write it.
            #[must_use]
            pub const fn as_str(self) -> &'static str { GROUP_NAMES[self as usize] }
            /// The group's title, as the docs show it; `None` where the catalog gives none.
            #[must_use]
            pub const fn title(self) -> ::core::option::Option<&'static str> { GROUP_TITLES[self as usize] }
            /// The group this one is a subgroup of.
            #[must_use]
            pub const fn parent(self) -> ::core::option::Option<Self> { GROUP_PARENTS[self as usize] }
            /// The codes of the group and of its subgroups, in catalog order.
            #[must_use]
            pub const fn codes(self) -> &'static [Code] { GROUP_CODES[self as usize] }
        }

        impl Code {
            /// The innermost group of the code, if it is in one.
            #[must_use]
            pub const fn group(self) -> ::core::option::Option<Group> { CODE_GROUPS[self as usize] }
        }
    }
}
