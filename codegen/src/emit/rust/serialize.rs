//! The wire body's `serde::Serialize`, emitted from the same envelope tree that `wire.rs`
//! evaluates for docs and OpenAPI. Nested objects and arrays become small borrowing
//! wrapper structs, the message is written with `format_args!`, so serialising to a
//! writer allocates nothing. An envelope with an RFC 9457 `instance` member also gets
//! `Error::with_instance`, whose result serialises the body with that member.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Catalog, FieldSource, Node, Scalar};

/// `MEDIA_TYPE`, `impl Serialize for Error` and its helpers.
pub(super) fn emit(catalog: &Catalog) -> TokenStream {
    let instance = has_instance(&catalog.envelope.body);
    let mut emitter = Emitter {
        items: Vec::new(),
        next: 0,
        spreads_params: false,
        instance,
    };
    let body = emitter.body(&catalog.envelope.body);
    let items = &emitter.items;
    let params = if emitter.spreads_params {
        params_fn()
    } else {
        TokenStream::new()
    };
    let media_type = &catalog.envelope.media_type;
    let serialize = if instance {
        with_instance(&body)
    } else {
        serialize_error(&quote! { let this = self; #body })
    };
    quote! {
        /// The content type of error bodies.
        pub const MEDIA_TYPE: &str = #media_type;

        #serialize

        #(#items)*
        #params
    }
}

/// `impl Serialize for Error` with `statements` as the body of `serialize`.
fn serialize_error(statements: &TokenStream) -> TokenStream {
    quote! {
        impl ::serde::Serialize for Error {
            /// Serialises the error as exactly the API's wire body (without `instance`,
            /// where the envelope has one).
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #statements
            }
        }
    }
}

/// `Serialize` for an envelope with an `instance` member: `Error` leaves it out,
/// `WithInstance` (from `Error::with_instance`) writes it.
fn with_instance(body: &TokenStream) -> TokenStream {
    let serialize =
        serialize_error(&quote! { self.serialize_body(::core::option::Option::None, serializer) });
    quote! {
        #serialize

        impl Error {
            /// The error with the URI reference of this occurrence (RFC 9457
            /// `instance`), e.g. the request path; it serialises as the wire body with
            /// the `instance` member.
            #[must_use]
            pub const fn with_instance<'a>(&'a self, instance: &'a str) -> WithInstance<'a> {
                WithInstance { error: self, instance }
            }

            /// Serialises the wire body, with `instance` when given.
            fn serialize_body<S: ::serde::Serializer>(
                &self,
                instance: ::core::option::Option<&str>,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                let this = self;
                #body
            }
        }

        /// An error with the URI reference of this occurrence of it, made by
        /// [`Error::with_instance`]; serialises as the wire body with `instance`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct WithInstance<'a> {
            /// The error.
            pub error: &'a Error,
            /// The URI reference of this occurrence.
            pub instance: &'a str,
        }

        impl ::serde::Serialize for WithInstance<'_> {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                self.error.serialize_body(::core::option::Option::Some(self.instance), serializer)
            }
        }
    }
}

struct Emitter {
    items: Vec<TokenStream>,
    next: usize,
    spreads_params: bool,
    /// Whether the envelope has an `instance` member.
    instance: bool,
}

impl Emitter {
    /// Statements serialising `node` of `this` into `serializer`.
    fn body(&mut self, node: &Node) -> TokenStream {
        match node {
            Node::Object { fields, params, .. } => {
                self.spreads_params |= *params;
                // Parameters and the instance may be left out: then the length is unknown.
                let len = if *params || fields.iter().any(|(_, child)| child.is_instance()) {
                    quote! { ::core::option::Option::None }
                } else {
                    let n = fields.len();
                    quote! { ::core::option::Option::Some(#n) }
                };
                let entries = fields.iter().map(|(name, child)| {
                    if child.is_instance() {
                        return quote! {
                            if let ::core::option::Option::Some(instance) = instance {
                                ::serde::ser::SerializeMap::serialize_entry(&mut map, #name, instance)?;
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
        match node {
            Node::Field { from, .. } => field_value(*from),
            Node::Const { value, .. } => match value {
                Scalar::Bool(b) => quote! { &#b },
                Scalar::Int(i) => {
                    let lit = Literal::i64_suffixed(*i);
                    quote! { &#lit }
                }
                Scalar::Str(s) => quote! { #s },
            },
            Node::Object { .. } | Node::Array { .. } if self.instance && has_instance(node) => {
                self.next += 1;
                let name = format_ident!("Body{}", self.next);
                let body = self.body(node);
                self.items.push(quote! {
                    /// A nested part of the wire body, borrowing the error and the
                    /// instance.
                    struct #name<'a>(&'a Error, ::core::option::Option<&'a str>);

                    impl ::serde::Serialize for #name<'_> {
                        fn serialize<S: ::serde::Serializer>(
                            &self,
                            serializer: S,
                        ) -> ::core::result::Result<S::Ok, S::Error> {
                            let Self(this, instance) = *self;
                            #body
                        }
                    }
                });
                quote! { &#name(this, instance) }
            }
            Node::Object { .. } | Node::Array { .. } => {
                self.next += 1;
                let name = format_ident!("Body{}", self.next);
                let body = self.body(node);
                self.items.push(quote! {
                    /// A nested part of the wire body, borrowing the error.
                    struct #name<'a>(&'a Error);

                    impl ::serde::Serialize for #name<'_> {
                        fn serialize<S: ::serde::Serializer>(
                            &self,
                            serializer: S,
                        ) -> ::core::result::Result<S::Ok, S::Error> {
                            let this = self.0;
                            #body
                        }
                    }
                });
                quote! { &#name(this) }
            }
        }
    }
}

/// Whether the `instance` field is somewhere in `node`.
fn has_instance(node: &Node) -> bool {
    crate::wire::sources(node).contains(&FieldSource::Instance)
}

fn field_value(from: FieldSource) -> TokenStream {
    match from {
        FieldSource::Status => quote! { &this.status() },
        FieldSource::Code => quote! { this.code() },
        FieldSource::Number => quote! { &this.kind().number() },
        FieldSource::Title => quote! { this.title() },
        FieldSource::Message => quote! { &::core::format_args!("{this}") },
        FieldSource::Description => quote! { this.kind().description() },
        FieldSource::DocsUrl => quote! { &this.docs_url() },
        // Only reached for an array item, which validation rejects.
        FieldSource::Instance => quote! { &instance },
    }
}

/// `serialize_params`: each parameter as a member of the map; absent optional ones are
/// left out, as in `wire::body`.
fn params_fn() -> TokenStream {
    quote! {
        impl Error {
            /// Writes the message parameters as members of the enclosing object.
            fn serialize_params<M: ::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                super::errcat_support::serialize_members(self.spec(), &self.params(), map)
            }
        }
    }
}
