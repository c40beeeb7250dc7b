//! The parsing API of a module: `from_json` and `from_json_with_context`, or for
//! envelopes holding several errors `Errors::from_json`, and reading the request context.

use proc_macro2::TokenStream;
use quote::quote;

use super::parse::{Step, Target, find, lookup};
use crate::model::{Catalog, FieldSource, Node};

/// `from_json` and `from_json_with_context` for an envelope holding one error; `http`
/// says whether errors have statuses (any of which a body's status member may hold).
pub(super) fn single_parse(http: bool) -> TokenStream {
    let statuses = if http {
        quote! { error.kind().statuses() }
    } else {
        quote! { &[] }
    };
    quote! {
        impl Error {
            /// Reads a received wire body back into the typed error.
            ///
            /// # Errors
            /// When the body names no error of this API, a field cannot be read, or a
            /// member disagrees with the error it names.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                Self::from_json_with_context(body).map(|(error, _)| error)
            }

            /// Reads a received wire body back into the typed error and the request
            /// context it carries.
            ///
            /// # Errors
            /// As [`Error::from_json`].
            pub fn from_json_with_context(
                body: &::serde_json::Value,
            ) -> ::core::result::Result<(Self, Context), ParseError> {
                let error = Self::read(body)?;
                let context = Context::read(body)?;
                let expected = ::serde_json::to_value(error.with_context(&context))
                    .map_err(|_| ParseError::Mismatch)?;
                let statuses: (&[&[support::Step]], &[u16]) = (STATUS, #statuses);
                if !support::same_body(&expected, body, ALLOW_UNKNOWN, FREE, statuses) {
                    return ::core::result::Result::Err(ParseError::Mismatch);
                }
                Ok((error, context))
            }
        }
    }
}

/// `Errors::from_json` and `Error::from_json` for an envelope holding several errors.
pub(super) fn many_parse() -> TokenStream {
    quote! {
        impl Errors {
            /// Reads a received wire body back into its errors and request context.
            ///
            /// # Errors
            /// When an item names no error of this API, a field cannot be read, or a
            /// member disagrees with the error it names.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                let items = support::many_items(body, MANY)
                    .filter(|items| !items.is_empty())
                    .ok_or(ParseError::Mismatch)?;
                let errors = items.iter().map(Error::read).collect::<::core::result::Result<_, _>>()?;
                let read = Self { errors, context: Context::read(body)? };
                let expected = ::serde_json::to_value(&read).map_err(|_| ParseError::Mismatch)?;
                let statuses: (&[&[support::Step]], &[u16]) = (STATUS, &[]);
                if !support::same_body(&expected, body, ALLOW_UNKNOWN, FREE, statuses) {
                    return ::core::result::Result::Err(ParseError::Mismatch);
                }
                Ok(read)
            }
        }

        impl Error {
            /// Reads a received wire body holding exactly one error.
            ///
            /// # Errors
            /// As [`Errors::from_json`], and when the body holds several errors.
            pub fn from_json(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                let mut read = Errors::from_json(body)?;
                match read.errors.len() {
                    1 => read.errors.pop().ok_or(ParseError::Mismatch),
                    _ => ::core::result::Result::Err(ParseError::Mismatch),
                }
            }
        }
    }
}

/// The body of `Context::read`: each member read where the envelope puts it.
pub(super) fn read_context(catalog: &Catalog, paths: &[(Target, Vec<Step>)]) -> TokenStream {
    let fields = catalog.context.iter().enumerate().map(|(index, member)| {
        let ident = super::ident_of(&member.ident);
        let name = &member.name;
        let value = match find(paths, Target::Field(FieldSource::Context(index))) {
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
