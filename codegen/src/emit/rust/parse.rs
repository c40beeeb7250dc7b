//! Reading a received body back into the typed error: the error is identified by the
//! envelope's code, number or title field (in that order of preference), and its
//! parameters are read from the members the envelope spreads them into or, failing that,
//! recovered from the message by matching its template.

use proc_macro2::TokenStream;
use quote::quote;

use super::fixed::Fixed;
use super::parse_api::{many_path, read_context, support_path};
use super::rows::Rows;
use crate::model::{Catalog, FieldSource, Identity, Node, UnknownMembers};

/// Where a value sits in the body.
#[derive(Debug, Clone)]
pub(super) enum Step {
    Key(String),
    Index,
}

/// What a path leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// A member taken from the error.
    Field(FieldSource),
    /// The object holding the parameters as members.
    Params,
    /// A member bodies may leave out (listed beside its `Field`).
    Optional,
}

/// `ParseError`, `Error::from_json`, `from_json_with_context`, `impl Deserialize for
/// Error` and, for envelopes holding several errors, `Errors::from_json`.
pub(super) fn emit(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let body = &catalog.envelope.body;
    let item = body.many_items();
    let mut paths = Vec::new();
    collect_paths(item.unwrap_or(body), &mut Vec::new(), &mut paths);
    let identify = identify(catalog, &paths);
    let build = build(catalog, &paths, &identify);
    let mut whole = Vec::new();
    collect_paths(body, &mut Vec::new(), &mut whole);
    let context = read_context(catalog, &whole);
    let free = whole
        .iter()
        .filter(|(target, _)| *target == Target::Field(FieldSource::Message))
        .map(|(_, path)| support_path(path));
    let optional = whole
        .iter()
        .filter(|(target, _)| *target == Target::Optional)
        .map(|(_, path)| support_path(path));
    // The member a body names its error by, for telling an unknown one's name.
    let named_by = match catalog.envelope.identity {
        Identity::Code => [FieldSource::Code, FieldSource::Number]
            .into_iter()
            .find(|source| find(&paths, Target::Field(*source)).is_some()),
        Identity::Attribute(index) => Some(FieldSource::Attribute(index)),
        Identity::Title => Some(FieldSource::Title),
        Identity::Status => None,
    };
    let identity = named_by
        .and_then(|source| find(&paths, Target::Field(source)))
        .filter(|_| item.is_none())
        .map(support_path)
        .into_iter();
    let allow = catalog.envelope.unknown_members == UnknownMembers::Allow;
    // An error sent with several statuses may carry any of them (one error per body).
    let status = whole
        .iter()
        .filter(|(target, _)| item.is_none() && *target == Target::Field(FieldSource::Status))
        .map(|(_, path)| support_path(path));
    let compare = quote! {
        /// Where a body carries the status, which may be any of its error's statuses.
        const STATUS: &[&[support::Step]] = &[#(#status),*];

        /// Where a body may differ from the one its error serialises to: the message
        /// (errors are told apart by their codes, whatever their messages say).
        const FREE: &[&[support::Step]] = &[#(#free),*];

        /// Where a body may leave a member out (`optional: true`).
        const OPTIONAL: &[&[support::Step]] = &[#(#optional),*];

        /// Whether members the envelope does not name are ignored (else refused).
        const ALLOW_UNKNOWN: bool = #allow;
    };
    let top = if item.is_some() {
        let mut path = Vec::new();
        many_path(body, &mut path);
        let path = support_path(&path);
        let parse = rows.fixed(Fixed::ManyParse);
        quote! {
            /// Where the array of several errors sits in a body.
            const MANY: &[support::Step] = #path;
            #parse
        }
    } else {
        rows.fixed(if catalog.http {
            Fixed::SingleParse
        } else {
            Fixed::SingleParseWithoutStatus
        })
    };
    // One response's own message and status: for one error per body, of an HTTP API.
    let reply = (item.is_none() && catalog.http).then(|| {
        let block = rows.fixed(if catalog.requires_context() {
            Fixed::ReplyRequired
        } else {
            Fixed::Reply
        });
        quote! {
            /// Where a body names its error (its code, number, attribute or title).
            const IDENTITY: &[&[support::Step]] = &[#(#identity),*];

            #block
        }
    });
    let uris = super::uris::table(catalog, rows);
    let parse_error = rows.fixed(if catalog.requires_context() {
        Fixed::ParseErrorRequired
    } else {
        Fixed::ParseError
    });
    let deserialize = rows.fixed(Fixed::Deserialize);
    quote! {
        #parse_error

        #compare

        #uris

        impl Error {
            /// Reads one error from `body` (a whole body, or an item of the array of
            /// several errors): its code, then its fields.
            fn read(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                #build
            }
        }

        impl Context {
            /// Reads the request context members of a body.
            #[allow(clippy::unnecessary_wraps)] // infallible for a catalog without context
            fn read(body: &::serde_json::Value) -> ::core::result::Result<Self, ParseError> {
                #context
            }
        }

        #top

        #deserialize

        #reply
    }
}

fn collect_paths(node: &Node, prefix: &mut Vec<Step>, out: &mut Vec<(Target, Vec<Step>)>) {
    match node {
        Node::Field { from, optional, .. } => {
            out.push((Target::Field(*from), prefix.clone()));
            if *optional {
                out.push((Target::Optional, prefix.clone()));
            }
        }
        Node::Const { .. } => {}
        Node::Object { fields, params, .. } => {
            if *params {
                out.push((Target::Params, prefix.clone()));
            }
            for (name, child) in fields {
                prefix.push(Step::Key(name.clone()));
                collect_paths(child, prefix, out);
                prefix.pop();
            }
        }
        Node::Array { items, .. } => {
            prefix.push(Step::Index);
            collect_paths(items, prefix, out);
            prefix.pop();
        }
    }
}

pub(super) fn find(paths: &[(Target, Vec<Step>)], target: Target) -> Option<&[Step]> {
    paths
        .iter()
        .find(|(t, _)| *t == target)
        .map(|(_, p)| p.as_slice())
}

/// `Option<&Value>` at `path` of `body`.
pub(super) fn lookup(path: &[Step]) -> TokenStream {
    let steps = path.iter().map(|step| match step {
        Step::Key(key) => quote! { .and_then(|v| v.get(#key)) },
        Step::Index => quote! { .and_then(|v| v.get(0)) },
    });
    quote! { ::core::option::Option::Some(body) #(#steps)* }
}

/// An expression giving the `Code`, or returning `ParseError::UnknownError`.
fn identify(catalog: &Catalog, paths: &[(Target, Vec<Step>)]) -> TokenStream {
    let mut tries = Vec::new();
    let group = find(paths, Target::Field(FieldSource::Group)).map(lookup);
    match (find(paths, Target::Field(FieldSource::Code)), group) {
        // Codes unique per group: the group member and the code tell errors apart.
        (Some(path), Some(group)) if catalog.codes_per_group => {
            let at = lookup(path);
            tries.push(quote! {
                #at.and_then(::serde_json::Value::as_str).and_then(|code| {
                    Code::from_group_code(#group.and_then(::serde_json::Value::as_str), code)
                })
            });
        }
        (Some(path), _) => {
            let at = lookup(path);
            tries.push(
                quote! { #at.and_then(::serde_json::Value::as_str).and_then(Code::from_code) },
            );
        }
        (None, _) => {}
    }
    if let Some(path) = find(paths, Target::Field(FieldSource::Number)) {
        let at = lookup(path);
        tries
            .push(quote! { #at.and_then(::serde_json::Value::as_i64).and_then(Code::from_number) });
    }
    // Otherwise the member the checker chose and proved unique: an attribute (an
    // RFC 9457 type URI) or the title.
    let attribute = |wanted: usize| {
        paths.iter().find_map(|(target, path)| match target {
            Target::Field(FieldSource::Attribute(index)) if *index == wanted => Some(path),
            _ => None,
        })
    };
    match catalog.envelope.identity {
        Identity::Code => {}
        Identity::Attribute(index) => {
            if let Some(path) = attribute(index) {
                tries.push(attribute_lookup(catalog, index, path));
            }
        }
        Identity::Status => {
            if let Some(path) = find(paths, Target::Field(FieldSource::Status)) {
                let at = lookup(path);
                tries.push(quote! {
                    #at.and_then(::serde_json::Value::as_u64).and_then(|status| {
                        Code::ALL.iter().copied().find(|code| u64::from(code.response_status()) == status)
                    })
                });
            }
        }
        Identity::Title => {
            if let Some(path) = find(paths, Target::Field(FieldSource::Title)) {
                let at = lookup(path);
                tries.push(
                    quote! { #at.and_then(::serde_json::Value::as_str).and_then(Code::from_title) },
                );
            }
        }
    }
    let (first, rest) = tries.split_first().map_or_else(
        || (quote! { ::core::option::Option::<Code>::None }, &[][..]),
        |(first, rest)| (first.clone(), rest),
    );
    quote! {
        #first #(.or_else(|| #rest))* .ok_or(ParseError::UnknownError)?
    }
}

/// The code whose attribute `index` has the value at `path`.
fn attribute_lookup(catalog: &Catalog, index: usize, path: &[Step]) -> TokenStream {
    let at = lookup(path);
    let method = super::ident_of(&catalog.attributes[index].ident);
    let read = match catalog.attributes[index].ty {
        crate::model::ParamType::Integer => quote! { as_i64 },
        crate::model::ParamType::Boolean => quote! { as_bool },
        _ => quote! { as_str },
    };
    quote! {
        #at.and_then(::serde_json::Value::#read)
            .and_then(|value| Code::ALL.iter().copied().find(|code| code.#method() == ::core::option::Option::Some(value)))
    }
}

/// The body of `from_json`: identify the error, then fill a blank of it with the
/// parameters read from `body`, by the support module's generic functions.
fn build(catalog: &Catalog, paths: &[(Target, Vec<Step>)], identify: &TokenStream) -> TokenStream {
    if catalog.errors.iter().all(|e| e.params.is_empty()) {
        return quote! { let code = #identify; Ok(Self::blank(code)) };
    }
    let fill = if let Some(path) = find(paths, Target::Params) {
        let at = lookup(path);
        quote! {
            support::fill_members(spec, error.params_mut(), #at)
                .map_err(ParseError::Param)?;
        }
    } else {
        let path = find(paths, Target::Field(FieldSource::Message)).unwrap_or_default();
        let at = lookup(path);
        quote! {
            let message = #at.and_then(::serde_json::Value::as_str);
            support::fill_message(spec, error.params_mut(), message).map_err(
                |error| match error {
                    support::MessageError::Mismatch => ParseError::Message,
                    support::MessageError::Param(key) => ParseError::Param(key),
                },
            )?;
        }
    };
    let uris = super::uris::check(catalog);
    quote! {
        let code = #identify;
        let spec = SPECS[code as usize];
        let mut error = Self::blank(code);
        #fill
        #uris
        Ok(error)
    }
}
