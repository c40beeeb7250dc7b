//! Where the parameters of each error hold values of type `uri`: the `URIS` table the
//! generated `Error::read` checks them by (see the support module's `check_uris`).
//! Catalogs without such parameters get neither the table nor the check.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rows::Rows;
use crate::model::{Catalog, ErrorDef, ParamType};

/// One step from a value towards a URI in it, as the support module's `Within`.
enum Within<'a> {
    Member(&'a str),
    Item,
    Value,
}

/// Whether some error of `catalog` has a parameter holding a URI.
pub(super) fn any(catalog: &Catalog) -> bool {
    catalog
        .errors
        .iter()
        .any(|e| e.params.iter().any(|p| p.ty.has_uri()))
}

/// `static URIS`, each error's parameters holding URIs, indexed by `Code`; nothing when
/// no error has one.
pub(super) fn table(catalog: &Catalog, rows: &Rows) -> Option<TokenStream> {
    if !any(catalog) {
        return None;
    }
    let count = catalog.errors.len();
    Some(rows.array(
        "Where each error's parameters hold URIs, indexed by `Code`: checked when reading.",
        quote! { static URIS: [support::Uris; #count] = },
        catalog.errors.iter().map(of_error),
    ))
}

/// The check of a read error's URIs (`error` and `spec` in scope); nothing when no
/// error has a parameter holding one.
pub(super) fn check(catalog: &Catalog) -> Option<TokenStream> {
    any(catalog).then(|| {
        quote! {
            support::check_uris(spec, &error.params(), URIS[code as usize])
                .map_err(ParseError::Param)?;
        }
    })
}

/// One error's entry: `&[(index, &[path, ...]), ...]`.
fn of_error(error: &ErrorDef) -> TokenStream {
    let entries = error
        .params
        .iter()
        .enumerate()
        .filter_map(|(index, param)| {
            let mut found = Vec::new();
            paths(&param.ty, &mut Vec::new(), &mut found);
            if found.is_empty() {
                return None;
            }
            let index = Literal::usize_unsuffixed(index);
            let paths = found.iter().map(|path| path_tokens(path));
            Some(quote! { (#index, &[#(#paths),*]) })
        });
    quote! { &[#(#entries),*] }
}

/// Every path from a value of `ty` to a URI in it, after `prefix`.
fn paths<'a>(ty: &'a ParamType, prefix: &mut Vec<Within<'a>>, out: &mut Vec<Vec<TokenStream>>) {
    match ty {
        ParamType::Uri => out.push(prefix.iter().map(step_tokens).collect()),
        ParamType::List(item) => nested(item, Within::Item, prefix, out),
        ParamType::Map(value) => nested(value, Within::Value, prefix, out),
        ParamType::Object(object) => {
            for member in &object.members {
                nested(&member.ty, Within::Member(&member.name), prefix, out);
            }
        }
        _ => {}
    }
}

/// [`paths`] of `ty` one `step` further.
fn nested<'a>(
    ty: &'a ParamType,
    step: Within<'a>,
    prefix: &mut Vec<Within<'a>>,
    out: &mut Vec<Vec<TokenStream>>,
) {
    prefix.push(step);
    paths(ty, prefix, out);
    prefix.pop();
}

fn step_tokens(step: &Within<'_>) -> TokenStream {
    match step {
        Within::Member(name) => quote! { support::Within::Member(#name) },
        Within::Item => quote! { support::Within::Item },
        Within::Value => quote! { support::Within::Value },
    }
}

fn path_tokens(path: &[TokenStream]) -> TokenStream {
    quote! { &[#(#path),*] }
}
