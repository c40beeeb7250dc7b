//! The private `errcat_support` module, emitted once per generated file: the generic
//! machinery every catalog's `Error` shares. Each `Error` exposes its parameters as an
//! array of borrowed [`Arg`]s (or mutable `Slot`s) through one `match`; everything else
//! (the message, `Debug`, equality, hashing, the wire members, parsing, examples) is one
//! function here reading per-code data from static tables. Per-code functions are what
//! make large catalogs slow to compile, so there are as few as possible.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Catalog;

/// The support module, or nothing when there are no catalogs.
pub(super) fn module(catalogs: &[Catalog]) -> TokenStream {
    if catalogs.is_empty() {
        return TokenStream::new();
    }
    let spec = spec_items();
    let args = arg_items();
    let slots = slot_items();
    let text = text_items();
    quote! {
        /// The generic machinery the generated errors share.
        #[allow(dead_code)]
        mod errcat_support {
            #spec
            #args
            #slots
            #text
        }
    }
}

/// `Spec`, `Piece` and `Example`: the static data describing one error's parameters.
fn spec_items() -> TokenStream {
    quote! {
        /// What the generic functions need to know about one error.
        pub(crate) struct Spec {
            /// The Rust variant name.
            pub(crate) variant: &'static str,
            /// The Rust field name of each parameter.
            pub(crate) fields: &'static [&'static str],
            /// The wire name of each parameter.
            pub(crate) keys: &'static [&'static str],
            /// The message template.
            pub(crate) template: &'static [Piece],
            /// The example value of each parameter.
            pub(crate) example: &'static [Example],
        }

        /// A piece of a message template.
        pub(crate) enum Piece {
            /// Literal text.
            Text(&'static str),
            /// The parameter at this index.
            Param(usize),
        }

        /// A parameter's example value, as static data.
        pub(crate) enum Example {
            /// A string.
            Text(&'static str),
            /// An integer.
            Integer(i64),
            /// A boolean.
            Boolean(bool),
            /// A list of strings.
            List(&'static [&'static str]),
            /// No value (an optional parameter left out).
            Absent,
        }

        impl Example {
            /// The value as an owned value.
            pub(crate) fn value(&self) -> ::core::option::Option<Value> {
                ::core::option::Option::Some(match self {
                    Self::Text(text) => Value::Text((*text).to_owned()),
                    Self::Integer(value) => Value::Integer(*value),
                    Self::Boolean(value) => Value::Boolean(*value),
                    Self::List(items) => {
                        Value::List(items.iter().map(|item| (*item).to_owned()).collect())
                    }
                    Self::Absent => return ::core::option::Option::None,
                })
            }
        }
    }
}

/// `Arg`: a borrowed parameter, and the functions reading errors through it.
fn arg_items() -> TokenStream {
    quote! {
        /// One parameter of an error, borrowed with its type. Arrays of these are padded
        /// with `Unused` up to the catalog's largest parameter count.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
            /// Padding after the error's last parameter.
            Unused,
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
                    _ => Ok(()),
                }
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
                )
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

/// `Slot` and `Value`: filling a blank error's parameters from examples or bodies.
fn slot_items() -> TokenStream {
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
                    Self::Unused => ::core::option::Option::None,
                }
            }
        }

        impl Slot<'_> {
            /// Stores a copy of `arg` if it has the parameter's type.
            fn copy_from(self, arg: &Arg<'_>) {
                match (self, *arg) {
                    (Self::Text(slot), Arg::Text(value)) => slot.clone_from(value),
                    (Self::Integer(slot), Arg::Integer(value)) => *slot = *value,
                    (Self::Boolean(slot), Arg::Boolean(value)) => *slot = *value,
                    (Self::List(slot), Arg::List(value)) => slot.clone_from(value),
                    (Self::OptionalText(slot), Arg::OptionalText(value)) => {
                        slot.clone_from(value);
                    }
                    (Self::OptionalInteger(slot), Arg::OptionalInteger(value)) => *slot = *value,
                    (Self::OptionalBoolean(slot), Arg::OptionalBoolean(value)) => *slot = *value,
                    (Self::OptionalList(slot), Arg::OptionalList(value)) => {
                        slot.clone_from(value);
                    }
                    _ => {}
                }
            }
        }

        /// Copies an error's parameters into a blank error of the same code (`Clone`).
        pub(crate) fn copy_params<'a>(args: &[Arg<'_>], slots: impl IntoIterator<Item = Slot<'a>>) {
            for (arg, slot) in args.iter().zip(slots) {
                slot.copy_from(arg);
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
        /// wire name of the first required parameter that is missing or malformed. An
        /// optional parameter that is missing or malformed is left absent.
        pub(crate) fn fill_members<'a>(
            spec: &Spec,
            slots: impl IntoIterator<Item = Slot<'a>>,
            object: ::core::option::Option<&::serde_json::Value>,
        ) -> ::core::result::Result<(), &'static str> {
            for (slot, key) in slots.into_iter().zip(spec.keys) {
                let value = object.and_then(|object| object.get(key)).and_then(|json| slot.read_json(json));
                let optional = slot.is_optional();
                if !slot.put(value) && !optional {
                    return ::core::result::Result::Err(key);
                }
            }
            Ok(())
        }
    }
}

/// Recovering parameters from a message by matching its template.
fn text_items() -> TokenStream {
    quote! {
        /// Why a message could not be read back.
        pub(crate) enum MessageError {
            /// The message does not match the template.
            Mismatch,
            /// The text a required parameter took is not of its type (its wire name).
            Param(&'static str),
        }

        /// Fills a blank error's parameters from the texts they took in `message`.
        pub(crate) fn fill_message<'a>(
            spec: &Spec,
            slots: impl IntoIterator<Item = Slot<'a>>,
            message: ::core::option::Option<&str>,
        ) -> ::core::result::Result<(), MessageError> {
            let mut found = ::std::vec![::core::option::Option::None; spec.keys.len()];
            let message = message.ok_or(MessageError::Mismatch)?;
            if !matches(spec.template, message, &mut found) {
                return ::core::result::Result::Err(MessageError::Mismatch);
            }
            for ((slot, key), text) in slots.into_iter().zip(spec.keys).zip(found) {
                let value = text.and_then(|text| slot.read_text(text));
                let optional = slot.is_optional();
                if !slot.put(value) && !optional {
                    return ::core::result::Result::Err(MessageError::Param(key));
                }
            }
            Ok(())
        }

        /// Whether `text` matches `pieces`, recording the text each parameter took.
        fn matches<'a>(
            pieces: &[Piece],
            text: &'a str,
            found: &mut [::core::option::Option<&'a str>],
        ) -> bool {
            match pieces.split_first() {
                None => text.is_empty(),
                Some((Piece::Text(literal), rest)) => text
                    .strip_prefix(literal)
                    .is_some_and(|after| matches(rest, after, found)),
                Some((Piece::Param(index), rest)) => {
                    if let Some(earlier) = found[*index] {
                        return text
                            .strip_prefix(earlier)
                            .is_some_and(|after| matches(rest, after, found));
                    }
                    for end in (0..=text.len()).filter(|end| text.is_char_boundary(*end)) {
                        found[*index] = ::core::option::Option::Some(&text[..end]);
                        if matches(rest, &text[end..], found) {
                            return true;
                        }
                    }
                    found[*index] = ::core::option::Option::None;
                    false
                }
            }
        }
    }
}
