//! What goes beside `Code` and `Error`: the request `Context`, each declared
//! attribute's accessor on `Code`, the structs of object fields, and `Errors` for
//! envelopes that hold several errors in one body.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use std::borrow::Cow;

use crate::emit::commonmark;

use super::{doc_lines, field_ident, field_type, ident_of, rows::Rows, rust_type};
use crate::model::{Catalog, ManyStatus, ObjectType, Param, ParamType, Scalar};

/// `Context`, the attribute accessors and the object structs.
pub(super) fn emit(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let context = context(catalog);
    let attributes = catalog
        .attributes
        .iter()
        .enumerate()
        .map(|(index, attribute)| {
            let method = ident_of(&attribute.ident);
            let table = format_ident!("ATTRIBUTE_{index}");
            let count = catalog.errors.len();
            let (ty, values) = attribute_values(catalog, index, &attribute.ty);
            let doc = doc_lines(&format!(
                "The error's {}{}; `None` for errors that set none.",
                commonmark::code_span(&attribute.name),
                attribute
                    .description
                    .as_deref()
                    .map(|d| format!(": {}", commonmark::inline(d)))
                    .unwrap_or_default()
            ));
            let values = rows.array(
                &format!("Each error's `{}`, indexed by `Code`.", attribute.name),
                quote! { static #table: [::core::option::Option<#ty>; #count] = },
                values,
            );
            quote! {
                #values

                impl Code {
                    #doc
                    #[must_use]
                    pub const fn #method(self) -> ::core::option::Option<#ty> {
                        #table[self as usize]
                    }
                }
            }
        });
    let mut objects = Vec::new();
    for error in &catalog.errors {
        collect_objects(&error.params, &mut objects);
    }
    let structs = objects.iter().map(|o| object_struct(catalog, o));
    quote! {
        #context
        #(#attributes)*
        #(#structs)*
    }
}

fn context(catalog: &Catalog) -> TokenStream {
    let fields = catalog.context.iter().map(|member| {
        let ident = ident_of(&member.ident);
        let ty = rust_type(&member.ty);
        let doc = doc_lines(&format!(
            "{}{}",
            commonmark::code_span(&member.name),
            member
                .description
                .as_deref()
                .map(|d| format!(": {}", commonmark::inline(d)))
                .unwrap_or_default()
        ));
        if member.required {
            quote! { #doc pub #ident: #ty, }
        } else {
            quote! { #doc pub #ident: ::core::option::Option<#ty>, }
        }
    });
    if catalog.requires_context() {
        // No `Default`: a default value would be sent as if the service had given it.
        return quote! {
            /// The request context of one response: the members the service gives per
            /// response. Every body carries the members that are not an `Option`; the
            /// others are left out when `None`.
            #[derive(Debug, Clone, PartialEq)]
            pub struct Context {
                #(#fields)*
            }
        };
    }
    quote! {
        /// The request context of one response: the members the service gives per
        /// response (none for this catalog when empty), each left out when `None`.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct Context {
            #(#fields)*
        }
    }
}

/// The Rust type of an attribute's values and each error's value, in catalog order.
fn attribute_values(
    catalog: &Catalog,
    index: usize,
    ty: &ParamType,
) -> (TokenStream, Vec<TokenStream>) {
    let rust = match ty {
        ParamType::Integer => quote! { i64 },
        ParamType::Boolean => quote! { bool },
        _ => quote! { &'static str },
    };
    let values = catalog
        .errors
        .iter()
        .map(|error| match &error.attributes[index] {
            Some(Scalar::Str(s)) => quote! { ::core::option::Option::Some(#s) },
            Some(Scalar::Int(i)) => {
                let lit = Literal::i64_suffixed(*i);
                quote! { ::core::option::Option::Some(#lit) }
            }
            Some(Scalar::Bool(b)) => quote! { ::core::option::Option::Some(#b) },
            Some(Scalar::Null | Scalar::Json(_)) | None => quote! { ::core::option::Option::None },
        })
        .collect();
    (rust, values)
}

/// Every object type of `params`, nested ones after their parents.
fn collect_objects<'a>(params: &'a [Param], out: &mut Vec<&'a ObjectType>) {
    for param in params {
        collect_type(&param.ty, out);
    }
}

fn collect_type<'a>(ty: &'a ParamType, out: &mut Vec<&'a ObjectType>) {
    match ty {
        ParamType::Object(object) => {
            out.push(object);
            collect_objects(&object.members, out);
        }
        ParamType::List(inner) | ParamType::Map(inner) => collect_type(inner, out),
        _ => {}
    }
}

/// A struct with serde's derives for an object field: optional members are left out
/// when absent, nullable ones sent as `null`.
fn object_struct(catalog: &Catalog, object: &ObjectType) -> TokenStream {
    let name = format_ident!("{}", object.name);
    let fields = object.members.iter().map(|member| {
        let ident = field_ident(member);
        let ty = field_type(member);
        let wire = &member.name;
        let doc = doc_lines(
            &member
                .description
                .as_deref()
                .map_or(Cow::Borrowed("A member of the object."), commonmark::block),
        );
        let skip = (member.optional && !member.nullable).then(|| {
            quote! { #[serde(default, skip_serializing_if = "::core::option::Option::is_none")] }
        });
        quote! {
            #doc
            #[serde(rename = #wire)]
            #skip
            pub #ident: #ty,
        }
    });
    let deny = (catalog.envelope.unknown_members == crate::model::UnknownMembers::Refuse)
        .then(|| quote! { #[serde(deny_unknown_fields)] });
    let doc = format!(" The object sent as `{}`.", object.name);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #deny
        pub struct #name {
            #(#fields)*
        }
    }
}

/// `Errors`, the body of a response with several errors, and its `Serialize`; `body`
/// serialises `errors` with `context`.
/// Where a context member is required, `Errors` has no `Default` and `Error` alone does
/// not serialise (its body would lack the member).
pub(super) fn many(catalog: &Catalog, body: &TokenStream) -> TokenStream {
    let status = catalog
        .http
        .then(|| many_status(catalog.envelope.many_status));
    let required = catalog.requires_context();
    let derives = if required {
        quote! { #[derive(Debug, Clone, PartialEq)] }
    } else {
        quote! { #[derive(Debug, Clone, Default, PartialEq)] }
    };
    let context_type = super::values::context_type(required, &TokenStream::new());
    let context = if required {
        quote! { &self.context }
    } else {
        quote! { ::core::option::Option::Some(&self.context) }
    };
    let error = (!required).then(|| {
        quote! {
            impl ::serde::Serialize for Error {
                /// Serialises the error as the wire body of a response with this one error.
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    Errors::serialize_body(::core::slice::from_ref(self), ::core::option::Option::None, serializer)
                }
            }
        }
    });
    quote! {
        /// The errors of one response and its request context: the wire body holds
        /// them all.
        #derives
        pub struct Errors {
            /// The errors, in the order they are sent.
            pub errors: ::std::vec::Vec<Error>,
            /// The request context of the response.
            pub context: Context,
        }

        impl Errors {
            #status

            /// Serialises the wire body of `errors`, with the context when given.
            #[allow(unused_variables)]
            fn serialize_body<S: ::serde::Serializer>(
                errors: &[Error],
                context: #context_type,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #body
            }
        }

        impl ::serde::Serialize for Errors {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                Self::serialize_body(&self.errors, #context, serializer)
            }
        }

        #error
    }
}

/// `Errors::status()`, the response's status chosen from its errors as the catalog says
/// (HTTP catalogs only).
fn many_status(rule: ManyStatus) -> TokenStream {
    let status = match rule {
        ManyStatus::First => {
            quote! { errors.first().map_or(0, |error| error.kind().response_status()) }
        }
        ManyStatus::Highest => {
            quote! { errors.iter().map(|error| error.kind().response_status()).max().unwrap_or(0) }
        }
        ManyStatus::Fixed(status) => quote! { { let _ = errors; #status } },
    };
    quote! {
        /// The response's status, chosen from the errors as the catalog says.
        #[must_use]
        pub fn status(&self) -> u16 {
            Self::status_of(&self.errors)
        }

        fn status_of(errors: &[Error]) -> u16 {
            #status
        }
    }
}
