//! The parts of a module's parsing API that depend on its envelope: reading the request
//! context and the paths of members (`from_json` and the rest are fixed blocks, written
//! in `fixed/tokens/parse.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::parse::{Step, Target, find, lookup};
use crate::model::{Catalog, ContextMember, FieldSource, Node, ParamType};

/// The body of `Context::read`: each member read where the envelope puts it (one of
/// type `uri` refused unless it is an absolute URI, a required one refused when absent).
pub(super) fn read_context(catalog: &Catalog, paths: &[(Target, Vec<Step>)]) -> TokenStream {
    let fields = catalog.context.iter().enumerate().map(|(index, member)| {
        let ident = super::ident_of(&member.ident);
        let name = &member.name;
        let path = find(paths, Target::Field(FieldSource::Context(index)));
        if let (true, Some(path)) = (member.required, path) {
            return required_member(member, path);
        }
        let value = match path {
            Some(path) if member.ty == ParamType::Uri => {
                let at = lookup(path);
                quote! {
                    match #at {
                        ::core::option::Option::None => ::core::option::Option::None,
                        ::core::option::Option::Some(json) => ::core::option::Option::Some(
                            support::read_uri(json).ok_or(ParseError::Context(#name))?,
                        ),
                    }
                }
            }
            Some(path) => {
                let at = lookup(path);
                quote! {
                    match #at {
                        ::core::option::Option::None => ::core::option::Option::None,
                        ::core::option::Option::Some(json) => ::core::option::Option::Some(
                            ::serde::Deserialize::deserialize(json).map_err(|_| ParseError::Context(#name))?,
                        ),
                    }
                }
            }
            None => quote! { ::core::option::Option::None },
        };
        quote! { #ident: #value, }
    });
    let unused = catalog.context.is_empty().then(|| quote! { let _ = body; });
    quote! {
        #unused
        Ok(Self { #(#fields)* })
    }
}

/// A required member read: `ParseError::MissingContext` when the body lacks it (the
/// checker sees that the envelope places it).
fn required_member(member: &ContextMember, path: &[Step]) -> TokenStream {
    let ident = super::ident_of(&member.ident);
    let name = &member.name;
    let at = lookup(path);
    let read = if member.ty == ParamType::Uri {
        quote! { support::read_uri(json).ok_or(ParseError::Context(#name))? }
    } else {
        quote! { ::serde::Deserialize::deserialize(json).map_err(|_| ParseError::Context(#name))? }
    };
    quote! {
        #ident: match #at {
            ::core::option::Option::None => return ::core::result::Result::Err(ParseError::MissingContext(#name)),
            ::core::option::Option::Some(json) => #read,
        },
    }
}

/// A path as the support module's `Step`s.
pub(super) fn support_path(path: &[Step]) -> TokenStream {
    let steps = path.iter().map(|step| match step {
        Step::Key(key) => quote! { support::Step::Key(#key) },
        Step::Index => quote! { support::Step::Each },
    });
    quote! { &[#(#steps),*] }
}

/// The path of the array holding several errors.
pub(super) fn many_path(node: &Node, out: &mut Vec<Step>) -> bool {
    match node {
        Node::Field { .. } | Node::Const { .. } => false,
        Node::Object { fields, .. } => fields.iter().any(|(name, child)| {
            out.push(Step::Key(name.clone()));
            let found = many_path(child, out);
            if !found {
                out.pop();
            }
            found
        }),
        Node::Array { items, many, .. } => {
            *many || {
                out.push(Step::Index);
                let found = many_path(items, out);
                if !found {
                    out.pop();
                }
                found
            }
        }
    }
}
