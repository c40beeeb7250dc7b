//! Values as serde-saphyr types them: texts, booleans, whole numbers, free-typed
//! constants and examples, statuses and type names, and the containers around them.
//! A plain scalar whose type rests on YAML's number rules beyond plain decimals
//! (`0x1F`, `1e3`, `+5`, `.inf`, `007`) gives up, so it is never typed differently.

use serde_json::{Map, Number, Value};
use serde_saphyr::granit_parser::ScalarStyle;

use super::reader::Scalar;
use super::{Fallback, FromEvents, Read, Reader};
use crate::raw::{Ordered, RawExample, RawScalar, RawType};
use crate::raw_values::RawStatuses;
use crate::spanned::Spanned;

impl<'a> FromEvents<'a> for String {
    /// A text: any scalar but a null one.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        let scalar = reader.scalar()?;
        if scalar.is_null() {
            return Err(Fallback);
        }
        Ok(scalar.text.into_owned())
    }
}

impl<'a> FromEvents<'a> for bool {
    /// `true` or `false`, unquoted (YAML 1.2's booleans only).
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        match plain(&reader.scalar()?) {
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            _ => Err(Fallback),
        }
    }
}

impl<'a> FromEvents<'a> for i64 {
    /// A whole number written without quotes, in plain decimals.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        plain(&reader.scalar()?).and_then(decimal).ok_or(Fallback)
    }
}

impl<'a, T: FromEvents<'a>> FromEvents<'a> for Option<T> {
    /// Nothing for a null, else the value.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        if reader.take_null()? {
            return Ok(None);
        }
        T::from_events(reader).map(Some)
    }
}

impl<'a, T: FromEvents<'a>> FromEvents<'a> for Vec<T> {
    /// A sequence of values.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        let mut items = Vec::new();
        reader.sequence(|reader| {
            items.push(T::from_events(reader)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl<'a, T: FromEvents<'a>> FromEvents<'a> for Box<T> {
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        T::from_events(reader).map(Box::new)
    }
}

impl<'a, T: FromEvents<'a>> FromEvents<'a> for Spanned<T> {
    /// The value with the place its first event starts at.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        let at = reader.location()?;
        T::from_events(reader).map(|value| Spanned::at(value, at))
    }
}

impl<'a, V: FromEvents<'a>> FromEvents<'a> for Ordered<V> {
    /// A mapping in source order; a key written twice gives up.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        let mut entries: Vec<(Spanned<String>, V)> = Vec::new();
        reader.mapping(|reader, key| {
            let key = key_text(key)?;
            if entries.iter().any(|(seen, _)| seen.value == key.value) {
                return Err(Fallback);
            }
            entries.push((key, V::from_events(reader)?));
            Ok(())
        })?;
        Ok(Ordered(entries))
    }
}

impl<'a> FromEvents<'a> for RawScalar {
    /// A constant: a text, whole number, boolean, null, or a list or mapping as JSON.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        if reader.at_mapping()? || reader.at_sequence()? {
            return json(reader).map(RawScalar::Json);
        }
        Ok(match typed(reader.scalar()?)? {
            Typed::Null => RawScalar::Null,
            Typed::Bool(value) => RawScalar::Bool(value),
            Typed::Int(value) => RawScalar::Int(value),
            Typed::Float(value) => RawScalar::Json(Value::Number(finite(value)?)),
            Typed::Text(text) => RawScalar::Str(text),
        })
    }
}

impl<'a> FromEvents<'a> for RawExample {
    /// Any JSON value.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        json(reader).map(RawExample)
    }
}

impl<'a> FromEvents<'a> for RawStatuses {
    /// A status, a word (`5xx`, `none`) or a list of them.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        if reader.at_sequence()? {
            return Vec::from_events(reader).map(RawStatuses::Many);
        }
        let scalar = reader.scalar()?;
        if matches!(plain(&scalar), Some(text) if is_status_class(text)) {
            return Ok(RawStatuses::Word(scalar.text.into_owned()));
        }
        match typed(scalar)? {
            Typed::Int(value) => Ok(RawStatuses::One(value)),
            Typed::Bool(value) => Ok(RawStatuses::Other(value.to_string())),
            Typed::Float(value) => Ok(RawStatuses::Other(value.to_string())),
            Typed::Text(text) => Ok(RawStatuses::Word(text)),
            Typed::Null => Err(Fallback),
        }
    }
}

impl<'a> FromEvents<'a> for RawType {
    /// A type name alone (`integer`), or the mapping form.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
        if reader.at_mapping()? {
            return super::catalog::raw_type_mapping(reader);
        }
        match typed(reader.scalar()?)? {
            Typed::Text(ty) => Ok(RawType {
                ty,
                ..RawType::default()
            }),
            _ => Err(Fallback),
        }
    }
}

/// A scalar typed as serde-saphyr's `deserialize_any` types it, for the plain forms
/// this loader is sure of.
enum Typed {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fraction in plain decimals (`0.5`, `-12.25`).
    Float(f64),
    Text(String),
}

fn typed(scalar: Scalar<'_>) -> Read<Typed> {
    if scalar.style != ScalarStyle::Plain {
        return Ok(Typed::Text(scalar.text.into_owned()));
    }
    if scalar.is_null() {
        return Ok(Typed::Null);
    }
    let text = &*scalar.text;
    match text {
        "true" => return Ok(Typed::Bool(true)),
        "false" => return Ok(Typed::Bool(false)),
        _ => {}
    }
    if let Some(value) = decimal(text) {
        return Ok(Typed::Int(value));
    }
    if let Some(value) = fraction(text) {
        return Ok(Typed::Float(value));
    }
    if may_be_special(text) && !digits_then_words(text) {
        return Err(Fallback);
    }
    Ok(Typed::Text(scalar.text.into_owned()))
}

/// Whether a plain text may be read by YAML as something other than text (a number in
/// another notation, a boolean in another case): the loader leaves those to serde-saphyr.
fn may_be_special(text: &str) -> bool {
    let starts_like_number = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'));
    starts_like_number || text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
}

/// Whether a plain text that starts with a digit is text for sure: no number of any
/// notation YAML reads has a letter other than an exponent's `e` unless it starts with
/// `0x`, `0o` or `0b` (`4bf92f35`, `2FA`, `3 retries`); a `:` is left to serde-saphyr.
fn digits_then_words(text: &str) -> bool {
    let prefixed = ["0x", "0X", "0o", "0O", "0b", "0B"]
        .iter()
        .any(|prefix| text.starts_with(prefix));
    text.starts_with(|c: char| c.is_ascii_digit())
        && !prefixed
        && !text.contains(':')
        && text
            .chars()
            .any(|c| c.is_ascii_alphabetic() && !matches!(c, 'e' | 'E'))
}

/// A number with a fraction in plain decimals: `0.5`, `-12.25` (no exponent).
fn fraction(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, part) = digits.split_once('.')?;
    let whole_ok = whole == "0"
        || (!whole.is_empty()
            && !whole.starts_with('0')
            && whole.bytes().all(|b| b.is_ascii_digit()));
    let part_ok = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !(whole_ok && part_ok) {
        return None;
    }
    text.parse().ok()
}

/// A finite number as JSON.
fn finite(value: f64) -> Read<Number> {
    Number::from_f64(value).ok_or(Fallback)
}

/// `4xx` or `5xx` (any case): a status class, never a number.
fn is_status_class(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 3
        && matches!(bytes[0], b'1'..=b'5')
        && bytes[1..].iter().all(|b| b.eq_ignore_ascii_case(&b'x'))
}

/// The text of a plain scalar.
fn plain<'s>(scalar: &'s Scalar<'_>) -> Option<&'s str> {
    (scalar.style == ScalarStyle::Plain).then_some(&*scalar.text)
}

/// A whole number in plain decimals (`0`, `404`, `-3`), within 64 bits.
fn decimal(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain_digits = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !plain_digits || text == "-0" {
        return None;
    }
    text.parse().ok()
}

/// A mapping key as a text with its place; a null key gives up.
fn key_text(key: Scalar<'_>) -> Read<Spanned<String>> {
    if key.is_null() {
        return Err(Fallback);
    }
    Ok(Spanned::at(key.text.into_owned(), key.at))
}

/// Any value as JSON: mappings with text keys, sequences, and typed scalars.
fn json(reader: &mut Reader<'_>) -> Read<Value> {
    if reader.at_mapping()? {
        let mut object = Map::new();
        reader.mapping(|reader, key| {
            if key.is_null() || plain(&key).is_some_and(may_be_special) {
                return Err(Fallback);
            }
            let value = json(reader)?;
            match object.insert(key.text.into_owned(), value) {
                Some(_) => Err(Fallback),
                None => Ok(()),
            }
        })?;
        return Ok(Value::Object(object));
    }
    if reader.at_sequence()? {
        let mut items = Vec::new();
        reader.sequence(|reader| {
            items.push(json(reader)?);
            Ok(())
        })?;
        return Ok(Value::Array(items));
    }
    Ok(match typed(reader.scalar()?)? {
        Typed::Null => Value::Null,
        Typed::Bool(value) => Value::Bool(value),
        Typed::Int(value) => Value::Number(Number::from(value)),
        Typed::Float(value) => Value::Number(finite(value)?),
        Typed::Text(text) => Value::String(text),
    })
}
