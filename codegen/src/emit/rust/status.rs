//! `Code`'s statuses: the `STATUSES` table, `status()`, `statuses()`, `admits_status()`
//! and `response_status()`. In a catalog where every error lists its statuses,
//! `status()` is a `u16`; where some error is sent with any status of a class
//! (`status: 5xx`) or with none of its own (`status: none`), it is an `Option`, since
//! such an error has no status to state.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{rows::Rows, text::Line, variant_ident};
use crate::model::{Catalog, ErrorDef, OpenStatus};

/// The `STATUSES` table (0 for an error without a status of its own).
pub(super) fn table(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let count = catalog.errors.len();
    let head = quote! { static STATUSES: [u16; #count] = };
    let doc = if catalog.has_open_statuses() {
        "Each error's HTTP status (its first), 0 for one without a status of its own, indexed by `Code`."
    } else {
        "Each error's HTTP status, indexed by `Code`."
    };
    let status = |e: &ErrorDef| {
        let status = e.status.unwrap_or_default();
        Line::new().literal(&Literal::u16_suffixed(status)).finish()
    };
    rows.array_text(doc, head, catalog.errors.iter().map(status))
}

/// The status accessors of `Code`, inside `impl Code`.
pub(super) fn accessors(catalog: &Catalog) -> TokenStream {
    let statuses = statuses(catalog);
    let open = catalog.has_open_statuses();
    let status = if open {
        quote! {
            /// The HTTP status code (the first, for an error sent with several);
            /// `None` for an error sent with any status of a class (`status: 5xx`) or
            /// without a status of its own (`status: none`).
            #[must_use]
            pub const fn status(self) -> ::core::option::Option<u16> {
                match STATUSES[self as usize] {
                    0 => ::core::option::Option::None,
                    status => ::core::option::Option::Some(status),
                }
            }
        }
    } else {
        quote! {
            /// The HTTP status code (the first, for an error sent with several).
            #[must_use]
            pub const fn status(self) -> u16 { STATUSES[self as usize] }
        }
    };
    let admits = admits(catalog);
    let response = response(catalog);
    quote! {
        #status
        /// Every status the catalog lists for this error, `status()` first (none for
        /// an error sent with any status of a class, or without one of its own).
        #[must_use]
        pub const fn statuses(self) -> &'static [u16] {
            #statuses
        }
        /// Whether a response of this error may carry `status`: one of `statuses()`,
        /// or any of the class the catalog gives (`status: 5xx`).
        #[must_use]
        pub fn admits_status(self, status: u16) -> bool {
            #admits
        }
        #response
    }
}

/// The body of `statuses()`: one slice of the table, or a match where errors are sent
/// with several statuses or with none of their own.
fn statuses(catalog: &Catalog) -> TokenStream {
    let arms: Vec<TokenStream> = catalog
        .errors
        .iter()
        .filter(|e| !e.more_statuses.is_empty() || e.open_status.is_some())
        .map(|e| {
            let name = variant_ident(&e.variant);
            let all = e.statuses();
            quote! { Self::#name => &[#(#all),*], }
        })
        .collect();
    let one = quote! { ::core::slice::from_ref(&STATUSES[self as usize]) };
    // No `_` arm where every error has an arm: it would be an unreachable pattern.
    if arms.is_empty() {
        one
    } else if arms.len() == catalog.errors.len() {
        quote! { match self { #(#arms)* } }
    } else {
        quote! { match self { #(#arms)* _ => #one } }
    }
}

/// The body of `admits_status()`.
fn admits(catalog: &Catalog) -> TokenStream {
    let listed = quote! { self.statuses().contains(&status) };
    let mut covered = 0;
    let classes: Vec<TokenStream> = [4u16, 5]
        .into_iter()
        .filter_map(|class| {
            let names = with_open(catalog, OpenStatus::Class(class));
            covered += names.len();
            (!names.is_empty()).then(|| quote! { #(Self::#names)|* => status / 100 == #class, })
        })
        .collect();
    // No `_` arm where every error has an arm: it would be an unreachable pattern.
    let rest = (covered < catalog.errors.len()).then(|| quote! { _ => #listed });
    if classes.is_empty() {
        listed
    } else {
        quote! { match self { #(#classes)* #rest } }
    }
}

/// `response_status()`: the status a response gets where none is chosen for it.
fn response(catalog: &Catalog) -> TokenStream {
    if !catalog.has_open_statuses() {
        return quote! {
            /// The status a response of this error has where none is chosen for it
            /// (`Reply::with_status`): `status()`. The HTTP glue sends it.
            #[must_use]
            pub const fn response_status(self) -> u16 { self.status() }
        };
    }
    let arms = [(4u16, 400u16), (5, 500)]
        .into_iter()
        .filter_map(|(class, generic)| {
            let names = with_open(catalog, OpenStatus::Class(class));
            (!names.is_empty()).then(|| quote! { #(Self::#names)|* => #generic, })
        });
    let unstated = with_open(catalog, OpenStatus::Unstated);
    let unstated = (!unstated.is_empty()).then(|| quote! { #(Self::#unstated)|* => 500, });
    let open = catalog.errors.iter().filter(|e| e.open_status.is_some());
    let rest =
        (open.count() < catalog.errors.len()).then(|| quote! { _ => STATUSES[self as usize], });
    quote! {
        /// The status a response of this error has where none is chosen for it
        /// (`Reply::with_status`), which the HTTP glue sends: `status()`; derived for
        /// an error without a status of its own: the class's generic status (400 or
        /// 500, as HTTP treats any status of a class it does not know) for
        /// `status: 4xx` or `5xx`, and 500 for `status: none`, which the catalog does
        /// not send as a response of its own.
        #[must_use]
        pub const fn response_status(self) -> u16 {
            match self {
                #(#arms)*
                #unstated
                #rest
            }
        }
    }
}

/// The variants of the errors with this open status.
fn with_open(catalog: &Catalog, open: OpenStatus) -> Vec<proc_macro2::Ident> {
    catalog
        .errors
        .iter()
        .filter(|e| e.open_status == Some(open))
        .map(|e| variant_ident(&e.variant))
        .collect()
}
