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
        with_instance(&catalog.envelope.body, &body)
    } else {
        let bind = this_binding(&catalog.envelope.body);
        serialize_error(&quote! { #bind #body })
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
fn with_instance(node: &Node, body: &TokenStream) -> TokenStream {
    let bind = this_binding(node);
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
                #bind
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
                // `()` serialises as JSON `null`.
                Scalar::Null => quote! { &() },
            },
            Node::Object { .. } | Node::Array { .. } => self.nested(node),
        }
    }

    /// A wrapper struct serialising the nested `node`, holding only what it reads (the
    /// error, the instance, both or neither, so no binding goes unused); returns the
    /// expression borrowing one.
    fn nested(&mut self, node: &Node) -> TokenStream {
        self.next += 1;
        let name = format_ident!("Body{}", self.next);
        let body = self.body(node);
        let parts = Parts {
            error: reads_error(node),
            instance: self.instance && has_instance(node),
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

/// What a nested part of the body reads: the error, the instance.
struct Parts {
    error: bool,
    instance: bool,
}

impl Parts {
    /// The wrapper struct's field types and its doc comment.
    fn fields(&self) -> (Vec<TokenStream>, &'static str) {
        let mut fields = Vec::new();
        if self.error {
            fields.push(quote! { &'a Error });
        }
        if self.instance {
            fields.push(quote! { ::core::option::Option<&'a str> });
        }
        let doc = match (self.error, self.instance) {
            (true, true) => {
                " A nested part of the wire body, borrowing the error and the instance."
            }
            (true, false) => " A nested part of the wire body, borrowing the error.",
            (false, true) => " A nested part of the wire body, borrowing the instance.",
            (false, false) => " A nested part of the wire body that is the same in every body.",
        };
        (fields, doc)
    }

    /// The statement binding `this` and `instance` from `self`, and the arguments that
    /// make the struct.
    fn bindings(&self) -> (TokenStream, Vec<TokenStream>) {
        match (self.error, self.instance) {
            (true, true) => (
                quote! { let Self(this, instance) = *self; },
                vec![quote! { this }, quote! { instance }],
            ),
            (true, false) => (quote! { let this = self.0; }, vec![quote! { this }]),
            (false, true) => (quote! { let instance = self.0; }, vec![quote! { instance }]),
            (false, false) => (TokenStream::new(), Vec::new()),
        }
    }
}

/// `let this = self;` where the body `node` reads the error (a valid envelope always
/// does, as it holds the code or the number; nothing is bound otherwise).
fn this_binding(node: &Node) -> TokenStream {
    if reads_error(node) {
        quote! { let this = self; }
    } else {
        TokenStream::new()
    }
}

/// Whether serialising `node` reads the error: a field other than `instance`, or the
/// parameters spread into an object.
fn reads_error(node: &Node) -> bool {
    match node {
        Node::Field { from, .. } => *from != FieldSource::Instance,
        Node::Const { .. } => false,
        Node::Object { fields, params, .. } => {
            *params || fields.iter().any(|(_, child)| reads_error(child))
        }
        Node::Array { items, .. } => reads_error(items),
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
