//! `Slot`, a parameter mutably borrowed with its type, and the generic functions that fill
//! a blank error through it: from another error (`Clone`), the examples or a body's
//! members (from a message: `message.rs`).

use proc_macro2::TokenStream;
use quote::quote;

/// `Slot` and `Value`: filling a blank error's parameters from examples or bodies.
pub(super) fn items() -> TokenStream {
    quote! {
        /// One parameter of an error, mutably borrowed with its type; arrays of these are
        /// padded with `Unused` like those of `Arg`.
        pub(crate) enum Slot<'a> {
            /// A string.
            Text(&'a mut ::std::string::String),
            /// An integer.
            Integer(&'a mut i64),
            /// A boolean.
            Boolean(&'a mut bool),
            /// A list of strings.
            List(&'a mut ::std::vec::Vec<::std::string::String>),
            /// An optional string.
            OptionalText(&'a mut ::core::option::Option<::std::string::String>),
            /// An optional integer.
            OptionalInteger(&'a mut ::core::option::Option<i64>),
            /// An optional boolean.
            OptionalBoolean(&'a mut ::core::option::Option<bool>),
            /// An optional list of strings.
            OptionalList(&'a mut ::core::option::Option<::std::vec::Vec<::std::string::String>>),
            /// A value of any other type, always sent.
            Any(&'a mut dyn Field),
            /// An optional value of any type, left out when absent.
            OptionalAny(&'a mut dyn Field),
            /// An optional value of any type, sent as `null` when absent.
            NullableAny(&'a mut dyn Field),
            /// Padding after the error's last parameter.
            Unused,
        }

        /// An owned parameter value read from a body or an example.
        pub(crate) enum Value {
            /// A string.
            Text(::std::string::String),
            /// An integer.
            Integer(i64),
            /// A boolean.
            Boolean(bool),
            /// A list of strings.
            List(::std::vec::Vec<::std::string::String>),
            /// Any other value, as JSON.
            Json(::serde_json::Value),
        }

        impl ::core::cmp::PartialEq for Value {
            fn eq(&self, other: &Self) -> bool {
                match (self, other) {
                    (Self::Text(a), Self::Text(b)) => a == b,
                    (Self::Integer(a), Self::Integer(b)) => a == b,
                    (Self::Boolean(a), Self::Boolean(b)) => a == b,
                    (Self::List(a), Self::List(b)) => a == b,
                    (Self::Json(a), Self::Json(b)) => a == b,
                    _ => false,
                }
            }
        }

        impl Slot<'_> {
            /// Whether the parameter may be left out.
            fn is_optional(&self) -> bool {
                matches!(
                    self,
                    Self::OptionalText(_)
                        | Self::OptionalInteger(_)
                        | Self::OptionalBoolean(_)
                        | Self::OptionalList(_)
                        | Self::OptionalAny(_)
                        | Self::NullableAny(_)
                )
            }

            /// Stores `value` if it has the parameter's type; `None` leaves an optional
            /// parameter absent. Returns whether the parameter now holds a valid value.
            fn put(self, value: ::core::option::Option<Value>) -> bool {
                use ::core::option::Option::{None, Some};
                match (self, value) {
                    (Self::Text(slot), Some(Value::Text(value))) => *slot = value,
                    (Self::Integer(slot), Some(Value::Integer(value))) => *slot = value,
                    (Self::Boolean(slot), Some(Value::Boolean(value))) => *slot = value,
                    (Self::List(slot), Some(Value::List(value))) => *slot = value,
                    (Self::OptionalText(slot), Some(Value::Text(value))) => *slot = Some(value),
                    (Self::OptionalInteger(slot), Some(Value::Integer(value))) => *slot = Some(value),
                    (Self::OptionalBoolean(slot), Some(Value::Boolean(value))) => *slot = Some(value),
                    (Self::OptionalList(slot), Some(Value::List(value))) => *slot = Some(value),
                    (Self::Any(slot) | Self::OptionalAny(slot) | Self::NullableAny(slot), Some(Value::Json(value))) => {
                        return slot.set_json(&value);
                    }
                    (Self::OptionalAny(slot) | Self::NullableAny(slot), None) => {
                        return slot.set_json(&::serde_json::Value::Null);
                    }
                    (slot, None) => return slot.is_optional(),
                    _ => return false,
                }
                true
            }

            /// Reads the parameter from a JSON member of the body.
            fn read_json(&self, json: &::serde_json::Value) -> ::core::option::Option<Value> {
                match self {
                    Self::Text(_) | Self::OptionalText(_) => json.as_str().map(|text| Value::Text(text.to_owned())),
                    Self::Integer(_) | Self::OptionalInteger(_) => json.as_i64().map(Value::Integer),
                    Self::Boolean(_) | Self::OptionalBoolean(_) => json.as_bool().map(Value::Boolean),
                    Self::List(_) | Self::OptionalList(_) => json
                        .as_array()?
                        .iter()
                        .map(|item| item.as_str().map(::std::borrow::ToOwned::to_owned))
                        .collect::<::core::option::Option<_>>()
                        .map(Value::List),
                    // `null` is an absent value of a nullable field only.
                    Self::Any(_) | Self::OptionalAny(_) if json.is_null() => ::core::option::Option::None,
                    Self::NullableAny(_) if json.is_null() => ::core::option::Option::None,
                    Self::Any(_) | Self::OptionalAny(_) | Self::NullableAny(_) => {
                        ::core::option::Option::Some(Value::Json(json.clone()))
                    }
                    Self::Unused => ::core::option::Option::None,
                }
            }

            /// Reads the parameter from the text it took in a message; an optional
            /// parameter that took no text is absent.
            fn read_text(&self, text: &str) -> ::core::option::Option<Value> {
                if text.is_empty() && self.is_optional() {
                    return ::core::option::Option::None;
                }
                match self {
                    Self::Text(_) | Self::OptionalText(_) => ::core::option::Option::Some(Value::Text(text.to_owned())),
                    Self::Integer(_) | Self::OptionalInteger(_) => text.parse().ok().map(Value::Integer),
                    Self::Boolean(_) | Self::OptionalBoolean(_) => text.parse().ok().map(Value::Boolean),
                    Self::List(_) | Self::OptionalList(_) => ::core::option::Option::Some(Value::List(
                        if text.is_empty() {
                            ::std::vec::Vec::new()
                        } else {
                            text.split(", ").map(::std::borrow::ToOwned::to_owned).collect()
                        },
                    )),
                    // Only numbers reach a message this way: read as JSON.
                    Self::Any(_) | Self::OptionalAny(_) | Self::NullableAny(_) => {
                        ::serde_json::from_str(text).ok().map(Value::Json)
                    }
                    Self::Unused => ::core::option::Option::None,
                }
            }
        }

        /// Copies an error's parameters into a blank error of the same code (`Clone`).
        pub(crate) fn copy_params<'a>(args: &[Arg<'_>], slots: impl IntoIterator<Item = Slot<'a>>) {
            for (arg, slot) in args.iter().zip(slots) {
                // Both sides come from errors of the same code, so the types match.
                let _copied = slot.put(arg.value());
            }
        }

        /// Fills a blank error's parameters with the example values.
        pub(crate) fn fill_example<'a>(spec: &Spec, slots: impl IntoIterator<Item = Slot<'a>>) {
            for (slot, example) in slots.into_iter().zip(spec.example) {
                // The generator checked each example against its parameter's type.
                let _filled = slot.put(example.value());
            }
        }

        /// Fills a blank error's parameters from the members of `object`; returns the
        /// wire name of the first parameter that is malformed, or missing though
        /// required or nullable (a nullable member is always sent), as the schemas say.
        pub(crate) fn fill_members<'a>(
            spec: &Spec,
            slots: impl IntoIterator<Item = Slot<'a>>,
            object: ::core::option::Option<&::serde_json::Value>,
        ) -> ::core::result::Result<(), &'static str> {
            for (slot, key) in slots.into_iter().zip(spec.keys) {
                let member = object.and_then(|object| object.get(key));
                let filled = match member {
                    ::core::option::Option::None => {
                        !matches!(slot, Slot::NullableAny(_)) && slot.put(::core::option::Option::None)
                    }
                    ::core::option::Option::Some(json) => match slot.read_json(json) {
                        ::core::option::Option::None => {
                            json.is_null() && matches!(slot, Slot::NullableAny(_)) && slot.put(::core::option::Option::None)
                        }
                        value => slot.put(value),
                    },
                };
                if !filled {
                    return ::core::result::Result::Err(key);
                }
            }
            Ok(())
        }
    }
}
