//! `Arg`, a parameter borrowed with its type, and the generic functions that read an
//! error through it: the message, `Debug` and the parameters as body members.

use proc_macro2::TokenStream;
use quote::quote;

/// `Arg`: a borrowed parameter, and the functions reading errors through it.
pub(super) fn items() -> TokenStream {
    quote! {
        /// One parameter of an error, borrowed with its type. Arrays of these are padded
        /// with `Unused` up to the catalog's largest parameter count.
        #[derive(Debug, Clone, Copy)]
        pub(crate) enum Arg<'a> {
            /// A string.
            Text(&'a ::std::string::String),
            /// An integer.
            Integer(&'a i64),
            /// A boolean.
            Boolean(&'a bool),
            /// A list of strings.
            List(&'a ::std::vec::Vec<::std::string::String>),
            /// An optional string.
            OptionalText(&'a ::core::option::Option<::std::string::String>),
            /// An optional integer.
            OptionalInteger(&'a ::core::option::Option<i64>),
            /// An optional boolean.
            OptionalBoolean(&'a ::core::option::Option<bool>),
            /// An optional list of strings.
            OptionalList(&'a ::core::option::Option<::std::vec::Vec<::std::string::String>>),
            /// A value of any other type, always sent.
            Any(&'a dyn Field),
            /// An optional value of any type, left out when absent.
            OptionalAny(&'a dyn Field),
            /// An optional value of any type, sent as `null` when absent.
            NullableAny(&'a dyn Field),
            /// Padding after the error's last parameter.
            Unused,
        }

        /// A field of a type without a fast path of its own (numbers, lists, maps,
        /// objects, JSON, nullable values), read and written through JSON.
        pub(crate) trait Field: ::core::fmt::Debug {
            /// The value as JSON (`null` for an absent optional value).
            fn to_json(&self) -> ::serde_json::Value;
            /// Stores the value read from JSON; returns whether it had the field's type.
            fn set_json(&mut self, json: &::serde_json::Value) -> bool;
        }

        impl<T> Field for T
        where
            T: ::serde::Serialize + ::serde::de::DeserializeOwned + ::core::fmt::Debug,
        {
            fn to_json(&self) -> ::serde_json::Value {
                ::serde_json::to_value(self).unwrap_or(::serde_json::Value::Null)
            }

            fn set_json(&mut self, json: &::serde_json::Value) -> bool {
                match T::deserialize(json) {
                    ::core::result::Result::Ok(value) => {
                        *self = value;
                        true
                    }
                    ::core::result::Result::Err(_) => false,
                }
            }
        }

        impl ::core::cmp::PartialEq for Arg<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.value() == other.value()
            }
        }

        impl ::core::cmp::Eq for Arg<'_> {}

        impl ::core::hash::Hash for Arg<'_> {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                match self.value() {
                    ::core::option::Option::Some(Value::Text(value)) => value.hash(state),
                    ::core::option::Option::Some(Value::Integer(value)) => value.hash(state),
                    ::core::option::Option::Some(Value::Boolean(value)) => value.hash(state),
                    ::core::option::Option::Some(Value::List(value)) => value.hash(state),
                    ::core::option::Option::Some(Value::Json(value)) => {
                        value.to_string().hash(state);
                    }
                    ::core::option::Option::None => state.write_u8(0),
                }
            }
        }

        impl Arg<'_> {
            /// The field as `Debug` shows it.
            fn as_debug(&self) -> &dyn ::core::fmt::Debug {
                match self {
                    Self::Text(value) => value,
                    Self::Integer(value) => value,
                    Self::Boolean(value) => value,
                    Self::List(value) => value,
                    Self::OptionalText(value) => value,
                    Self::OptionalInteger(value) => value,
                    Self::OptionalBoolean(value) => value,
                    Self::OptionalList(value) => value,
                    Self::Any(value) | Self::OptionalAny(value) | Self::NullableAny(value) => value,
                    Self::Unused => &(),
                }
            }

            /// Writes the value as the message shows it: lists joined with `, `, absent
            /// optional values as nothing.
            fn write(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match *self {
                    Self::Text(value) | Self::OptionalText(::core::option::Option::Some(value)) => {
                        f.write_str(value)
                    }
                    Self::Integer(value) | Self::OptionalInteger(::core::option::Option::Some(value)) => {
                        ::core::fmt::Display::fmt(value, f)
                    }
                    Self::Boolean(value) | Self::OptionalBoolean(::core::option::Option::Some(value)) => {
                        ::core::fmt::Display::fmt(value, f)
                    }
                    Self::List(items) | Self::OptionalList(::core::option::Option::Some(items)) => {
                        for (index, item) in items.iter().enumerate() {
                            if index > 0 {
                                f.write_str(", ")?;
                            }
                            f.write_str(item)?;
                        }
                        Ok(())
                    }
                    // Only numbers reach a message this way: shown as JSON writes them.
                    Self::Any(value) | Self::OptionalAny(value) | Self::NullableAny(value) => {
                        match value.to_json() {
                            ::serde_json::Value::Null => Ok(()),
                            json => ::core::fmt::Display::fmt(&json, f),
                        }
                    }
                    _ => Ok(()),
                }
            }

            /// An owned copy of the value; `None` for an absent optional value.
            fn value(&self) -> ::core::option::Option<Value> {
                use ::core::option::Option::{None, Some};
                Some(match *self {
                    Self::Text(value) | Self::OptionalText(Some(value)) => Value::Text(value.clone()),
                    Self::Integer(value) | Self::OptionalInteger(Some(value)) => Value::Integer(*value),
                    Self::Boolean(value) | Self::OptionalBoolean(Some(value)) => Value::Boolean(*value),
                    Self::List(value) | Self::OptionalList(Some(value)) => Value::List(value.clone()),
                    Self::Any(value) | Self::OptionalAny(value) | Self::NullableAny(value) => {
                        match value.to_json() {
                            ::serde_json::Value::Null if !matches!(self, Self::Any(_)) => return None,
                            json => Value::Json(json),
                        }
                    }
                    _ => return None,
                })
            }

            /// Whether the parameter is left out of bodies (an absent optional value).
            fn is_absent(&self) -> bool {
                matches!(
                    self,
                    Self::OptionalText(::core::option::Option::None)
                        | Self::OptionalInteger(::core::option::Option::None)
                        | Self::OptionalBoolean(::core::option::Option::None)
                        | Self::OptionalList(::core::option::Option::None)
                        | Self::Unused
                ) || matches!(self, Self::OptionalAny(value) if value.to_json().is_null())
            }
        }

        impl ::serde::Serialize for Arg<'_> {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self {
                    Self::Text(value) => value.serialize(serializer),
                    Self::Integer(value) => value.serialize(serializer),
                    Self::Boolean(value) => value.serialize(serializer),
                    Self::List(value) => value.serialize(serializer),
                    Self::OptionalText(value) => value.serialize(serializer),
                    Self::OptionalInteger(value) => value.serialize(serializer),
                    Self::OptionalBoolean(value) => value.serialize(serializer),
                    Self::OptionalList(value) => value.serialize(serializer),
                    Self::Any(value) | Self::OptionalAny(value) | Self::NullableAny(value) => {
                        value.to_json().serialize(serializer)
                    }
                    Self::Unused => serializer.serialize_unit(),
                }
            }
        }

        /// Writes an error's message from its template and parameters.
        pub(crate) fn write_message(
            spec: &Spec,
            args: &[Arg<'_>],
            f: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            for piece in spec.template {
                match piece {
                    Piece::Text(text) => f.write_str(text)?,
                    Piece::Param(index) => args[*index].write(f)?,
                }
            }
            Ok(())
        }

        /// An error's message as a body member: a message without parameters is its
        /// one static text, serialised as a plain string; any other is written through
        /// `Display`.
        pub(crate) struct Message<'a, T: ::core::fmt::Display> {
            /// The one text of a message without parameters.
            pub(crate) text: ::core::option::Option<&'static str>,
            /// The error, whose `Display` writes the message.
            pub(crate) error: &'a T,
        }

        impl<'a, T: ::core::fmt::Display> Message<'a, T> {
            /// The message of `error`, whose spec is `spec`.
            pub(crate) fn of(spec: &Spec, error: &'a T) -> Self {
                let text = match spec.template {
                    [] => ::core::option::Option::Some(""),
                    [Piece::Text(text)] => ::core::option::Option::Some(*text),
                    _ => ::core::option::Option::None,
                };
                Self { text, error }
            }
        }

        impl<T: ::core::fmt::Display> ::serde::Serialize for Message<'_, T> {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self.text {
                    ::core::option::Option::Some(text) => serializer.serialize_str(text),
                    ::core::option::Option::None => serializer.collect_str(self.error),
                }
            }
        }

        /// Writes an error as `#[derive(Debug)]` would.
        pub(crate) fn write_debug(
            spec: &Spec,
            args: &[Arg<'_>],
            f: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            if spec.fields.is_empty() {
                return f.write_str(spec.variant);
            }
            let mut out = f.debug_struct(spec.variant);
            for (field, arg) in spec.fields.iter().zip(args) {
                out.field(field, arg.as_debug());
            }
            out.finish()
        }

        /// Writes each present parameter as a member of the enclosing object.
        pub(crate) fn serialize_members<M: ::serde::ser::SerializeMap>(
            spec: &Spec,
            args: &[Arg<'_>],
            map: &mut M,
        ) -> ::core::result::Result<(), M::Error> {
            for (key, arg) in spec.keys.iter().zip(args) {
                if !arg.is_absent() {
                    map.serialize_entry(key, arg)?;
                }
            }
            Ok(())
        }
    }
}
