//! Per-code data and the only per-variant code besides `kind()`: `params()` and
//! `params_mut()` lend an error's fields as arrays of the support module's `Arg`/`Slot`,
//! `SPECS` holds each error's field names, wire names, template and example values, and
//! `blank()` makes each variant with empty fields, to be filled when building errors.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{field_ident, rows::Rows, text::Line, variant_ident};
use crate::model::{Catalog, ErrorDef, Param, ParamType, Piece, Value};

/// The largest number of parameters any error of the catalog has.
pub(super) fn width(catalog: &Catalog) -> usize {
    catalog
        .errors
        .iter()
        .map(|e| e.params.len())
        .max()
        .unwrap_or(0)
}

/// `SPECS`, `params()`, `params_mut()` and `blank()`.
pub(super) fn emit(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let count = catalog.errors.len();
    let width = width(catalog);
    // One small static per error: a single large static holding every spec with its
    // slices type-checks in time quadratic in the number of errors.
    let specs = rows.array_text(
        "Each error's parameters and message template, indexed by `Code`.",
        quote! { static SPECS: [&support::Spec; #count] = },
        catalog.errors.iter().map(|e| {
            let line = Line::new().code("{ static SPEC: support::Spec = ");
            spec(line, e).code("; &SPEC }").finish()
        }),
    );
    let blanks = rows.arms_text(catalog.errors.iter().map(|e| {
        let line = Line::new().code("Code::").code(&e.variant).code(" => ");
        blank(line, e).code(",").finish()
    }));
    let groups = same_fields(catalog);
    let shared = rows.arms(groups.iter().map(|group| lend(group, width, false)));
    let mutable = rows.arms(groups.iter().map(|group| lend(group, width, true)));
    quote! {
        #specs

        impl Error {
            /// The error's parameters, borrowed, in catalog order.
            fn params(&self) -> [support::Arg<'_>; #width] {
                match self { #shared }
            }

            /// The error's parameters, mutably borrowed, in catalog order.
            fn params_mut(&mut self) -> [support::Slot<'_>; #width] {
                match self { #mutable }
            }

            /// The error of `code` with empty parameters, to be filled. (A derived
            /// `Clone` of a static table of these compiles far slower than this.)
            fn blank(code: Code) -> Self {
                match code { #blanks }
            }

            /// What the generic support functions need to know about this error.
            fn spec(&self) -> &'static support::Spec {
                SPECS[self.kind() as usize]
            }
        }
    }
}

/// `line` and the error's `Spec` expression.
fn spec(line: Line, error: &ErrorDef) -> Line {
    let params = &error.params;
    line.code("support::Spec { variant: ")
        .string(&error.variant)
        .code(", fields: &[")
        .strings(params.iter().map(|p| p.ident.as_str()))
        .code("], keys: &[")
        .strings(params.iter().map(|p| p.name.as_str()))
        .code("], template: &[")
        .list(&error.message.pieces, |line, piece| match piece {
            Piece::Text(text) => line.code("support::Piece::Text(").string(text).code(")"),
            Piece::Param(index) => line
                .code("support::Piece::Param(")
                .literal(&Literal::usize_unsuffixed(*index))
                .code(")"),
        })
        .code("], example: &[")
        .list(params, |line, p| example(line, &p.example))
        .code("], }")
}

/// `line` and a parameter's example value as the support module's `Example`.
fn example(line: Line, value: &Value) -> Line {
    let line = line.code("support::Example::");
    match value {
        Value::String(text) => line.code("Text(").string(text).code(")"),
        Value::Integer(number) => line
            .code("Integer(")
            .literal(&Literal::i64_unsuffixed(*number))
            .code(")"),
        Value::Boolean(flag) => line.code("Boolean(").boolean(*flag).code(")"),
        Value::StringList(items) => line
            .code("List(&[")
            .strings(items.iter().map(String::as_str))
            .code("])"),
        Value::Json(json) => line.code("Json(").string(&json.to_string()).code(")"),
        Value::Absent => line.code("Absent"),
    }
}

/// `line` and the variant with every field empty, as a constant expression.
fn blank(line: Line, error: &ErrorDef) -> Line {
    let line = line.code("Error::").code(&error.variant);
    if error.params.is_empty() {
        return line;
    }
    line.code(" { ")
        .list(&error.params, |line, p| {
            line.code(&p.ident)
                .code(": ")
                .code(&super::print::line(empty_value(p)))
        })
        .code(" }")
}

fn empty_value(param: &Param) -> TokenStream {
    if param.optional {
        return quote! { ::core::option::Option::None };
    }
    empty_of(&param.ty)
}

/// The empty value of a type: filled before anyone reads it.
fn empty_of(ty: &ParamType) -> TokenStream {
    match ty {
        ParamType::String | ParamType::Uri => quote! { ::std::string::String::new() },
        ParamType::Integer => quote! { 0 },
        ParamType::Number => quote! { 0.0 },
        ParamType::Boolean => quote! { false },
        ParamType::List(_) => quote! { ::std::vec::Vec::new() },
        ParamType::Map(_) => quote! { ::std::collections::BTreeMap::new() },
        ParamType::Object(object) => {
            let name = proc_macro2::Ident::new(&object.name, proc_macro2::Span::call_site());
            let fields = object.members.iter().map(|m| {
                let ident = field_ident(m);
                let empty = empty_value(m);
                quote! { #ident: #empty }
            });
            quote! { #name { #(#fields),* } }
        }
        ParamType::Json => quote! { ::serde_json::Value::Null },
    }
}

/// The errors grouped by the types of their fields (in order), in catalog order of each
/// group's first error: errors whose fields have the same Rust types share one `match`
/// arm, which binds the fields by position. The key is the Rust type, not only the
/// `Arg` variant: `Any` lends objects, maps and JSON alike, but one binding of an arm's
/// alternatives has one type (two errors' `detail` objects are two structs).
fn same_fields(catalog: &Catalog) -> Vec<Vec<&ErrorDef>> {
    same_fields_of(&catalog.errors)
}

/// [`same_fields`] of some of the catalog's errors (an operation's), in their order.
pub(super) fn same_fields_of<'a>(
    errors: impl IntoIterator<Item = &'a ErrorDef>,
) -> Vec<Vec<&'a ErrorDef>> {
    let mut index: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<&ErrorDef>> = Vec::new();
    for error in errors {
        let key = error
            .params
            .iter()
            .map(|p| format!("{} {}", arg_variant(p), super::field_type(p)))
            .collect();
        let next = groups.len();
        let at = *index.entry(key).or_insert(next);
        if at == next {
            groups.push(Vec::new());
        }
        groups[at].push(error);
    }
    groups
}

/// The `match` arm lending the fields of a group of errors whose fields have the same
/// types as `Arg`s (or `Slot`s), padded to `width`. Each field is bound to a local
/// named by its position, so one arm serves variants with different field names.
pub(super) fn lend(group: &[&ErrorDef], width: usize, mutable: bool) -> TokenStream {
    let params = &group[0].params;
    let kind = if mutable {
        quote! { Slot }
    } else {
        quote! { Arg }
    };
    let items = params.iter().enumerate().map(|(index, p)| {
        let local = position(index);
        let variant = arg_variant(p);
        quote! { support::#kind::#variant(#local) }
    });
    let padding = (params.len()..width).map(|_| quote! { support::#kind::Unused });
    let patterns = group.iter().map(|error| {
        let name = variant_ident(&error.variant);
        if error.params.is_empty() {
            return quote! { Self::#name };
        }
        let bindings = error.params.iter().enumerate().map(|(index, p)| {
            let field = field_ident(p);
            let local = position(index);
            quote! { #field: #local }
        });
        quote! { Self::#name { #(#bindings),* } }
    });
    quote! { #(#patterns)|* => [#(#items,)* #(#padding),*], }
}

/// The local a field at `index` is bound to.
fn position(index: usize) -> proc_macro2::Ident {
    quote::format_ident!("field_{index}")
}

/// The `Arg`/`Slot` variant for a parameter's type.
fn arg_variant(param: &Param) -> proc_macro2::Ident {
    let base = match &param.ty {
        _ if param.nullable => "NullableAny",
        ParamType::String | ParamType::Uri => "Text",
        ParamType::Integer => "Integer",
        ParamType::Boolean => "Boolean",
        ty if ty.is_string_list() => "List",
        _ if param.optional => "OptionalAny",
        _ => "Any",
    };
    let name = if param.optional && param.ty.is_plain() && !param.nullable {
        format!("Optional{base}")
    } else {
        base.to_owned()
    };
    proc_macro2::Ident::new(&name, proc_macro2::Span::call_site())
}
