//! Hand-written readers for the catalog's free-typed values (envelope constants, types
//! written as a name or a mapping, and examples), so that a wrong value gets a message
//! in the author's terms, not serde's "did not match any variant of untagged enum".
//! Examples are read as JSON and checked against their field's type by the checker.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;

use crate::raw::{RawExample, RawScalar, RawType};
use crate::spanned::Spanned;

/// Reads an optional field whose `null` must be seen (serde's `Option` would make it
/// absent): a present key always gives `Some`.
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// The message for a whole number outside the 64-bit range.
fn out_of_range<E: de::Error>(value: impl fmt::Display) -> E {
    E::custom(format_args!(
        "the whole number {value} is out of range: numbers go from {} to {}",
        i64::MIN,
        i64::MAX
    ))
}

/// A whole number as the catalog's schema admits one: written without quotes. The
/// YAML reader would otherwise read the text `"404"` into a number where a number is
/// expected, though the schema (and so every editor) refuses it.
struct Whole(i64);

struct WholeVisitor;

impl Visitor<'_> for WholeVisitor {
    type Value = Whole;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Whole, E> {
        Ok(Whole(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Whole, E> {
        i64::try_from(v).map(Whole).map_err(|_| out_of_range(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Whole, E> {
        i64::try_from(v).map(Whole).map_err(|_| out_of_range(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Whole, E> {
        i64::try_from(v).map(Whole).map_err(|_| out_of_range(v))
    }

    /// A number with a fraction, or a whole one beyond 64 bits (which the reader gives
    /// as a float, so its digits are not repeated: the float's would differ).
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Whole, E> {
        if v.fract() == 0.0 {
            Err(E::custom(format_args!(
                "a whole number out of range: numbers go from {} to {}",
                i64::MIN,
                i64::MAX
            )))
        } else {
            Err(not_whole(v))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Whole, E> {
        Err(E::custom(format_args!(
            "expected a whole number, found the text {v:?}"
        )))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Whole, E> {
        Err(E::custom(format_args!(
            "expected a whole number, found `{v}`"
        )))
    }
}

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeVisitor)
    }
}

/// Reads a whole number written without quotes, with its place (see [`Whole`]).
pub(crate) fn whole<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Spanned<i64>, D::Error> {
    let spanned = crate::spanned::Spanned::<Whole>::deserialize(deserializer)?;
    Ok(crate::spanned::Spanned::new(
        spanned.value.0,
        spanned.referenced,
        spanned.defined,
    ))
}

/// Reads an optional whole number written without quotes, with its place.
pub(crate) fn optional_whole<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Spanned<i64>>, D::Error> {
    let spanned = Option::<Spanned<Whole>>::deserialize(deserializer)?;
    Ok(spanned.map(|s| crate::spanned::Spanned::new(s.value.0, s.referenced, s.defined)))
}

/// The message for a number with a fraction, or one too large for 64 bits (which the
/// parser reads as a fraction).
fn not_whole<E: de::Error>(value: f64) -> E {
    if value.fract() == 0.0 {
        out_of_range(value)
    } else {
        E::custom(format_args!(
            "expected a whole number, found {value}: numbers with a fraction are not supported"
        ))
    }
}

/// The visits a text, a whole number or a boolean gets, for a value type with `Bool`,
/// `Int` and `Str` variants: one definition for constants and examples alike.
macro_rules! scalar_visits {
    ($ty:ident) => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<$ty, E> {
            Ok($ty::Bool(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
            Ok($ty::Int(v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
            i64::try_from(v).map($ty::Int).map_err(|_| out_of_range(v))
        }

        fn visit_i128<E: de::Error>(self, v: i128) -> Result<$ty, E> {
            i64::try_from(v).map($ty::Int).map_err(|_| out_of_range(v))
        }

        fn visit_u128<E: de::Error>(self, v: u128) -> Result<$ty, E> {
            i64::try_from(v).map($ty::Int).map_err(|_| out_of_range(v))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
            Ok($ty::Str(v.to_owned()))
        }
    };
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = RawScalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, a whole number, `true`/`false`, `null`, a list or a mapping")
    }

    scalar_visits!(RawScalar);

    fn visit_unit<E: de::Error>(self) -> Result<RawScalar, E> {
        Ok(RawScalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<RawScalar, E> {
        Ok(RawScalar::Null)
    }

    /// A number with a fraction is a JSON number like any other constant.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawScalar, E> {
        serde_json::Number::from_f64(v)
            .map(|n| RawScalar::Json(serde_json::Value::Number(n)))
            .ok_or_else(|| not_whole(v))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawScalar, A::Error> {
        let value = serde_json::Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        Ok(RawScalar::Json(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawScalar, A::Error> {
        let value = serde_json::Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(RawScalar::Json(value))
    }
}

impl<'de> Deserialize<'de> for RawScalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

impl<'de> Deserialize<'de> for RawExample {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(RawExample)
    }
}

/// Reads a type: a name alone (`items: integer`) or the mapping form.
struct TypeVisitor;

impl<'de> Visitor<'de> for TypeVisitor {
    type Value = RawType;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a type name or a mapping with `type`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawType, E> {
        Ok(RawType {
            ty: v.to_owned(),
            ..RawType::default()
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawType, A::Error> {
        RawType::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl<'de> Deserialize<'de> for RawType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TypeVisitor)
    }
}

/// An error's `status`: one status, or the list of every status the API sends it with
/// (`status: [400, 422]`), each with its place.
#[derive(Debug)]
pub(crate) enum RawStatuses {
    /// `status: 404`.
    One(i64),
    /// `status: [400, 422]`: each item as written, reported at its place by the checker.
    Many(Vec<Spanned<RawStatuses>>),
    /// A word (`5xx`, `none`, `four`), as written: a class or `none`, else reported.
    Word(String),
    /// Anything else, as written (`404.5`): the checker reports it at its place.
    Other(String),
}

impl<'de> Deserialize<'de> for RawStatuses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StatusesVisitor)
    }
}

struct StatusesVisitor;

impl<'de> Visitor<'de> for StatusesVisitor {
    type Value = RawStatuses;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an HTTP status such as 404, or a list of them such as [400, 422]")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawStatuses, E> {
        Ok(RawStatuses::One(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawStatuses, E> {
        i64::try_from(value)
            .map(RawStatuses::One)
            .map_err(|_| out_of_range(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawStatuses, E> {
        Ok(RawStatuses::Word(value.to_owned()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawStatuses, E> {
        Ok(RawStatuses::Other(value.to_string()))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<RawStatuses, E> {
        Ok(RawStatuses::Other(value.to_string()))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawStatuses, A::Error> {
        let mut all = Vec::new();
        while let Some(status) = seq.next_element()? {
            all.push(status);
        }
        Ok(RawStatuses::Many(all))
    }
}
