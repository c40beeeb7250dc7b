//! The values a serialised body reads (the error, the errors around an array of several,
//! the request context) and the expression for each field source.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Catalog, FieldSource, Node};

/// What a nested part of the body reads: the error (or, around the array of several
/// errors, all of them), the request context.
pub(super) struct Parts {
    /// The error.
    pub error: bool,
    /// The errors around the array of several errors.
    pub errors: bool,
    /// The request context.
    pub context: bool,
    /// Whether the catalog has a required context member (the context is then borrowed
    /// itself, never absent).
    pub required: bool,
}

impl Parts {
    /// The wrapper struct's field types and its doc comment.
    pub(super) fn fields(&self) -> (Vec<TokenStream>, &'static str) {
        let mut fields = Vec::new();
        if self.error {
            fields.push(quote! { &'a Error });
        }
        if self.errors {
            fields.push(quote! { &'a [Error] });
        }
        if self.context {
            fields.push(context_type(self.required, &quote! { 'a }));
        }
        let doc = if fields.is_empty() {
            " A nested part of the wire body that is the same in every body."
        } else {
            " A nested part of the wire body, borrowing what it shows."
        };
        (fields, doc)
    }

    /// The statement binding `this`, `errors` and `context` from `self`, and the
    /// arguments that make the struct.
    pub(super) fn bindings(&self) -> (TokenStream, Vec<TokenStream>) {
        let mut names = Vec::new();
        if self.error {
            names.push(quote! { this });
        }
        if self.errors {
            names.push(quote! { errors });
        }
        if self.context {
            names.push(quote! { context });
        }
        let bind = if names.is_empty() {
            TokenStream::new()
        } else {
            quote! { let Self(#(#names),*) = *self; }
        };
        (bind, names)
    }
}

/// The type the serialiser takes the request context as: the context itself in a
/// catalog with a required member (every body carries it, so it cannot be absent), else
/// an `Option` of it (`None` leaves the members out).
pub(super) fn context_type(required: bool, lifetime: &TokenStream) -> TokenStream {
    if required {
        quote! { &#lifetime Context }
    } else {
        quote! { ::core::option::Option<&#lifetime Context> }
    }
}

/// `let this = self;` where the body `node` reads the error (a valid envelope always
/// does, as it holds the code or the number; nothing is bound otherwise).
pub(super) fn this_binding(node: &Node) -> TokenStream {
    if reads_error(node) {
        quote! { let this = self; }
    } else {
        TokenStream::new()
    }
}

/// Whether serialising `node` reads the error: a field other than the context, or the
/// parameters spread into an object.
pub(super) fn reads_error(node: &Node) -> bool {
    match node {
        Node::Field { from, .. } => !matches!(from, FieldSource::Context(_)),
        Node::Const { .. } => false,
        Node::Object { fields, params, .. } => {
            *params || fields.iter().any(|(_, child)| reads_error(child))
        }
        Node::Array { items, .. } => reads_error(items),
    }
}

/// Whether a context member is somewhere in `node`.
pub(super) fn reads_context(node: &Node) -> bool {
    crate::wire::sources(node)
        .iter()
        .any(|s| matches!(s, FieldSource::Context(_)))
}

/// For a member that may be left out of a body (context, attributes, `retry_after`),
/// an `Option` of its value.
pub(super) fn optional_value(catalog: &Catalog, node: &Node) -> Option<TokenStream> {
    let Node::Field { from, .. } = node else {
        return None;
    };
    match from {
        FieldSource::Context(index) => {
            let member = &catalog.context[*index];
            let field = super::ident_of(&member.ident);
            if !catalog.requires_context() {
                Some(quote! { context.and_then(|context| context.#field.as_ref()) })
            } else if member.required {
                // Always written: see `required_context_value`.
                None
            } else {
                Some(quote! { context.#field.as_ref() })
            }
        }
        FieldSource::Attribute(index) => {
            let method = super::ident_of(&catalog.attributes[*index].ident);
            Some(quote! { this.kind().#method() })
        }
        FieldSource::RetryAfter => Some(quote! { this.retry_after() }),
        FieldSource::Group => Some(quote! { this.kind().group().map(Group::as_str) }),
        _ => None,
    }
}

pub(super) fn field_value(from: FieldSource, many: bool) -> TokenStream {
    match from {
        // Around the array of several errors, the status is the response's.
        FieldSource::Status if many => quote! { &Errors::status_of(errors) },
        FieldSource::Status => quote! { &this.kind().response_status() },
        FieldSource::Code => quote! { this.code() },
        FieldSource::Number => quote! { &this.kind().number() },
        FieldSource::Title => quote! { &this.title() },
        FieldSource::Message => {
            quote! { &support::Message::of(this.spec(), this) }
        }
        // Every error has one where bodies carry it (the checker sees to that).
        FieldSource::Description => quote! { &this.kind().description() },
        FieldSource::DocsUrl => quote! { &this.docs_url() },
        FieldSource::Retryable => quote! { &this.is_retryable() },
        // Members that may be absent are written by `optional_value`; an array item
        // cannot be one (validation rejects it).
        FieldSource::Context(_)
        | FieldSource::Attribute(_)
        | FieldSource::RetryAfter
        | FieldSource::Group
        | FieldSource::Param(_) => {
            quote! { &() }
        }
    }
}

/// The value of a required context member, which every body carries (`None` for any
/// other node).
pub(super) fn required_context_value(catalog: &Catalog, node: &Node) -> Option<TokenStream> {
    let Node::Field {
        from: FieldSource::Context(index),
        ..
    } = node
    else {
        return None;
    };
    let member = &catalog.context[*index];
    let field = super::ident_of(&member.ident);
    member.required.then(|| quote! { &context.#field })
}
