//! The wire body's `serde::Serialize`, emitted from the same envelope tree that `wire.rs`
//! evaluates for docs and OpenAPI. Nested objects and arrays become small borrowing
//! wrapper structs, and the message is its static text or is written through `Display`,
//! so serialising to a writer allocates nothing. An envelope with an RFC 9457 `instance` member also gets
//! `Error::with_instance`, whose result serialises the body with that member.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::fixed::Fixed;
use super::rows::Rows;
use super::values::{
    Parts, context_type, field_value, optional_value, reads_context, reads_error,
    required_context_value, this_binding,
};
use crate::model::{Catalog, FieldSource, Node, Scalar};

/// `MEDIA_TYPE`, `impl Serialize for Error`, `WithContext` and, for an envelope holding
/// several errors, `Errors`.
pub(super) fn emit(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let envelope = &catalog.envelope.body;
    let many = envelope.many_items().is_some();
    let mut emitter = Emitter {
        catalog,
        items: Vec::new(),
        next: 0,
        spreads_params: false,
        many,
        in_items: false,
    };
    let body = emitter.body(envelope);
    let items = &emitter.items;
    let placed = &catalog.envelope.placed;
    let params = emitter.spreads_params.then(|| {
        if placed.is_empty() {
            rows.fixed(Fixed::SerializeParams)
        } else {
            super::placed::serialize_params(placed)
        }
    });
    let media_type = &catalog.envelope.media_type;
    let serialize = if many {
        super::extras::many(catalog, &body)
    } else {
        single(catalog, &body, rows)
    };
    quote! {
        /// The content type of error bodies.
        pub const MEDIA_TYPE: &str = #media_type;

        #serialize

        #(#items)*
        #params
    }
}

/// `Serialize` for an envelope holding one error: `Error` alone, or with the request
/// context (from `Error::with_context`). Where a context member is required, only with
/// the context: `Error` alone does not serialise, as its body would lack the member.
fn single(catalog: &Catalog, body: &TokenStream, rows: &Rows) -> TokenStream {
    let node = &catalog.envelope.body;
    let required = catalog.requires_context();
    let bind = this_binding(node);
    let context = if reads_context(node) {
        quote! { context }
    } else {
        quote! { _context }
    };
    let context_type = context_type(required, &TokenStream::new());
    let serialize = (!required).then(|| rows.fixed(Fixed::SerializeError));
    let with_context_fn = rows.fixed(Fixed::WithContextFn);
    let with_context = rows.fixed(if required {
        Fixed::WithRequiredContext
    } else {
        Fixed::WithContext
    });
    quote! {
        #serialize

        impl Error {
            #with_context_fn

            /// Serialises the wire body, with the context's members when given.
            fn serialize_body<S: ::serde::Serializer>(
                &self,
                #context: #context_type,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #bind
                #body
            }
        }

        #with_context
    }
}

struct Emitter<'a> {
    catalog: &'a Catalog,
    items: Vec<TokenStream>,
    next: usize,
    spreads_params: bool,
    /// Whether the envelope holds several errors (the array then iterates `errors`).
    many: bool,
    /// Whether the node being emitted is inside the items of that array.
    in_items: bool,
}

impl Emitter<'_> {
    /// Statements serialising `node` of `this` into `serializer`.
    fn body(&mut self, node: &Node) -> TokenStream {
        match node {
            Node::Object { fields, params, .. } => {
                self.spreads_params |= *params;
                // Parameters and context may be left out: then the length is unknown.
                let len = if *params
                    || fields
                        .iter()
                        .any(|(_, child)| optional_value(self.catalog, child).is_some())
                {
                    quote! { ::core::option::Option::None }
                } else {
                    let n = fields.len();
                    quote! { ::core::option::Option::Some(#n) }
                };
                let entries = fields.iter().map(|(name, child)| {
                    if let Node::Field { from: FieldSource::Param(_), .. } = child {
                        return quote! { this.serialize_placed(#name, &mut map)?; };
                    }
                    if let Some(optional) = optional_value(self.catalog, child) {
                        return quote! {
                            if let ::core::option::Option::Some(value) = #optional {
                                ::serde::ser::SerializeMap::serialize_entry(&mut map, #name, &value)?;
                            }
                        };
                    }
                    let value = self.value(child);
                    quote! { ::serde::ser::SerializeMap::serialize_entry(&mut map, #name, #value)?; }
                }).collect::<Vec<_>>();
                let spread = params.then(|| quote! { this.serialize_params(&mut map)?; });
                quote! {
                    let mut map = ::serde::Serializer::serialize_map(serializer, #len)?;
                    #(#entries)*
                    #spread
                    ::serde::ser::SerializeMap::end(map)
                }
            }
            Node::Array {
                items, many: true, ..
            } if self.many => {
                self.in_items = true;
                let value = self.value(items);
                self.in_items = false;
                quote! {
                    let mut seq = ::serde::Serializer::serialize_seq(serializer, ::core::option::Option::Some(errors.len()))?;
                    for this in errors {
                        ::serde::ser::SerializeSeq::serialize_element(&mut seq, #value)?;
                    }
                    ::serde::ser::SerializeSeq::end(seq)
                }
            }
            Node::Array { items, .. } => {
                let value = self.value(items);
                quote! {
                    let mut seq = ::serde::Serializer::serialize_seq(serializer, ::core::option::Option::Some(1))?;
                    ::serde::ser::SerializeSeq::serialize_element(&mut seq, #value)?;
                    ::serde::ser::SerializeSeq::end(seq)
                }
            }
            Node::Field { .. } | Node::Const { .. } => {
                let value = self.value(node);
                quote! { ::serde::Serialize::serialize(#value, serializer) }
            }
        }
    }

    /// An expression borrowing something that serialises as `node` of `this`.
    fn value(&mut self, node: &Node) -> TokenStream {
        if let Some(value) = required_context_value(self.catalog, node) {
            return value;
        }
        match node {
            Node::Field { from, .. } => field_value(*from, self.many && !self.in_items),
            Node::Const { value, .. } => match value {
                Scalar::Bool(b) => quote! { &#b },
                Scalar::Int(i) => {
                    let lit = Literal::i64_suffixed(*i);
                    quote! { &#lit }
                }
                Scalar::Str(s) => quote! { #s },
                // `()` serialises as JSON `null`.
                Scalar::Null => quote! { &() },
                Scalar::Json(json) => self.json_constant(json),
            },
            Node::Object { .. } | Node::Array { .. } => self.nested(node),
        }
    }

    /// A wrapper struct serialising the nested `node`, holding only what it reads (the
    /// error, the instance, both or neither, so no binding goes unused); returns the
    /// expression borrowing one.
    /// A JSON array or object constant: a static parsed once from its JSON text on first
    /// use; returns the expression borrowing it.
    fn json_constant(&mut self, json: &serde_json::Value) -> TokenStream {
        self.next += 1;
        let name = format_ident!("CONSTANT_{}", self.next);
        let text = json.to_string();
        self.items.push(quote! {
            /// A constant of the wire body, parsed from the JSON text the generator wrote.
            static #name: ::std::sync::LazyLock<::serde_json::Value> =
                ::std::sync::LazyLock::new(|| ::serde_json::from_str(#text).unwrap_or_default());
        });
        quote! { &*#name }
    }

    fn nested(&mut self, node: &Node) -> TokenStream {
        self.next += 1;
        let name = format_ident!("Body{}", self.next);
        let body = self.body(node);
        let outside = self.many && !self.in_items;
        let parts = Parts {
            error: reads_error(node) && !outside,
            errors: outside && (node.many_items().is_some() || reads_error(node)),
            context: reads_context(node),
            required: self.catalog.requires_context(),
        };
        let (fields, doc) = parts.fields();
        let (bind, args) = parts.bindings();
        let generics = (!fields.is_empty()).then(|| quote! { <'a> });
        let elided = (!fields.is_empty()).then(|| quote! { <'_> });
        let shape = if fields.is_empty() {
            quote! { ; }
        } else {
            quote! { (#(#fields),*); }
        };
        self.items.push(quote! {
            #[doc = #doc]
            struct #name #generics #shape

            impl ::serde::Serialize for #name #elided {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    #bind
                    #body
                }
            }
        });
        if args.is_empty() {
            quote! { &#name }
        } else {
            quote! { &#name(#(#args),*) }
        }
    }
}
