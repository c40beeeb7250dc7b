//! The raw model: structs that mirror the YAML catalog one to one, with spans kept so
//! that later checks can point at the exact place of a mistake. The event loader
//! ([`crate::events`]) fills them from the parser's events; for the catalogs it gives up
//! on, serde-saphyr fills them through the derives below.

use crate::spanned::{Location, Spanned};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A string with the place it was written.
pub(crate) type Text = Spanned<String>;

/// A whole catalog file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCatalog {
    pub api: Text,
    pub docs: RawDocs,
    pub envelope: RawEnvelope,
    /// The code whose body the docs show as the error format's example.
    #[serde(default)]
    pub example: Option<Text>,
    pub errors: Spanned<Vec<RawError>>,
    /// `false` for errors that are not HTTP responses (errors an SDK raises).
    #[serde(default)]
    pub http: Option<Spanned<bool>>,
    /// Where codes are unique: `catalog` (the default) or `group`.
    #[serde(default)]
    pub unique_codes: Option<Text>,
    #[serde(default)]
    pub recommendations: Vec<Text>,
    #[serde(default)]
    pub openapi: Option<RawOpenApi>,
    /// Typed values each error may set for itself.
    #[serde(default)]
    pub attributes: Option<Ordered<Spanned<RawAttribute>>>,
    /// Members the service gives per response.
    #[serde(default)]
    pub context: Option<Ordered<Spanned<RawContextMember>>>,
    /// Codes retired for good.
    #[serde(default)]
    pub retired: Vec<RawRetired>,
    /// Breaking changes the authors accept in this version of the contract.
    #[serde(default)]
    pub contract: Option<Spanned<RawContract>>,
    /// Keys every error must have (`solution`), though the format makes them optional.
    #[serde(default)]
    pub require: Vec<Text>,
    /// Groups of errors, nested, with defaults their errors inherit.
    #[serde(default)]
    pub groups: Vec<RawGroup>,
    /// What errors without a value of their own or from a group inherit.
    #[serde(default)]
    pub defaults: Option<RawDefaults>,
    /// Fields every error has, declared once: each error's own `params` follow them.
    #[serde(default)]
    pub params: Vec<RawParam>,
    /// The API's operations, each with the errors it returns.
    #[serde(default)]
    pub operations: Vec<crate::raw_operations::RawOperation>,
    /// The errors every operation may return.
    #[serde(default)]
    pub every_operation: Option<crate::raw_operations::RawEveryOperation>,
}

/// A group of errors: a class or subclass of codes, with defaults and a numeric range.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    pub name: Text,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub description: Option<Text>,
    /// One status or a list, as an error's.
    #[serde(default)]
    pub status: Option<Spanned<crate::raw_values::RawStatuses>>,
    #[serde(default)]
    pub attributes: Option<Ordered<Spanned<RawScalar>>>,
    #[serde(default)]
    pub retry: Option<Spanned<RawRetry>>,
    /// What its errors (and its subgroups') that state no retry policy derive.
    #[serde(default)]
    pub defaults: Option<RawGroupDefaults>,
    #[serde(default)]
    pub range: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub groups: Vec<RawGroup>,
}

/// A group's defaults: `retry: from_status`, as the catalog's, for its errors only.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroupDefaults {
    /// `from_status`: the group's errors that state no retry policy, nor inherit one,
    /// get the one HTTP's semantics of their status give, labelled as derived.
    #[serde(default)]
    pub retry: Option<Text>,
}

/// A code retired for good: reserved, never to be reused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRetired {
    pub code: Text,
    #[serde(default, deserialize_with = "crate::raw_values::optional_whole")]
    pub number: Option<Spanned<i64>>,
    #[serde(default)]
    pub reason: Option<Text>,
}

/// The contract's breaking changes accepted on purpose.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContract {
    /// The contract's version: raised with every set of accepted breaks.
    #[serde(default, deserialize_with = "crate::raw_values::optional_whole")]
    pub version: Option<Spanned<i64>>,
    #[serde(default)]
    pub accept: Vec<RawAccept>,
    /// Whether no contract has been published yet: the dictionary may be missing.
    #[serde(default)]
    pub unpublished: Option<Spanned<bool>>,
}

/// One accepted breaking change: the rule it breaks and the code it concerns.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAccept {
    pub rule: Text,
    pub code: Text,
    /// The code's group, where codes are unique per group.
    #[serde(default)]
    pub group: Option<Text>,
}

/// The numbers a group's errors may have: `{ from: 20000, to: 20999 }`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRange {
    #[serde(deserialize_with = "crate::raw_values::whole")]
    pub from: Spanned<i64>,
    #[serde(deserialize_with = "crate::raw_values::whole")]
    pub to: Spanned<i64>,
}

/// Catalog-wide defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefaults {
    #[serde(default, deserialize_with = "crate::raw_values::optional_whole")]
    pub status: Option<Spanned<i64>>,
    /// `from_status`: errors that state no retry policy get the one HTTP's semantics of
    /// their status give, labelled as derived.
    #[serde(default)]
    pub retry: Option<Text>,
}

/// A declared attribute: its type, meaning and the value of errors that set none.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAttribute {
    #[serde(rename = "type")]
    pub ty: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub default: Option<Spanned<RawScalar>>,
}

/// A declared member of the request context.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContextMember {
    #[serde(rename = "type")]
    pub ty: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub example: Option<Spanned<RawExample>>,
    /// Whether every body carries the member (the service always gives it). Read
    /// without `Option`'s own handling, so that `required: null` is refused.
    #[serde(default, deserialize_with = "crate::raw_values::present")]
    pub required: Option<Spanned<bool>>,
}

/// The catalog's OpenAPI settings: versions to write and the component name prefix.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOpenApi {
    #[serde(default)]
    pub versions: Option<Spanned<Vec<Text>>>,
    #[serde(default)]
    pub prefix: Option<Text>,
}

/// How the catalog's Markdown page looks.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocs {
    pub title: Text,
    #[serde(default)]
    pub layout: Option<Text>,
    #[serde(default)]
    pub site: Option<Text>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub base_url: Option<Text>,
    #[serde(default)]
    pub front_matter: bool,
    /// Whether to write a book of one page per code (for mdBook) beside the page.
    #[serde(default)]
    pub pages: bool,
}

/// The JSON body every error of the catalog is sent as.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEnvelope {
    #[serde(default)]
    pub media_type: Option<Text>,
    pub body: Spanned<RawNode>,
    /// `allow` or `refuse`.
    #[serde(default)]
    pub unknown_members: Option<Text>,
    /// `first`, `highest` or a status.
    #[serde(default)]
    pub many_status: Option<Spanned<RawScalar>>,
}

/// One node of the envelope: a value taken from the error, a constant, an object or an
/// array holding the error once. Exactly one of `from`, `const`, `fields`, `items` is set.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNode {
    #[serde(default)]
    pub from: Option<Text>,
    /// Read without `Option`'s own handling, so that `const: null` is seen.
    #[serde(
        default,
        rename = "const",
        deserialize_with = "crate::raw_values::present"
    )]
    pub constant: Option<Spanned<RawScalar>>,
    #[serde(default)]
    pub fields: Option<Ordered<Spanned<RawNode>>>,
    #[serde(default)]
    pub items: Option<Box<Spanned<RawNode>>>,
    #[serde(default)]
    pub params: bool,
    /// With `items`: the array holds every error of the response.
    #[serde(default)]
    pub many: bool,
    /// With `from`: bodies may leave the member out.
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub description: Option<Text>,
}

/// A constant in the envelope (read by [`crate::raw_values`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawScalar {
    Bool(bool),
    Int(i64),
    Str(String),
    /// `const: null`.
    Null,
    /// A list or mapping, as JSON.
    Json(serde_json::Value),
}

/// One error of the catalog.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawError {
    /// Absent for an error known by its number only (then filled from the number by
    /// [`RawError::number_as_code`]).
    #[serde(default = "unwritten")]
    pub code: Text,
    #[serde(default, deserialize_with = "crate::raw_values::optional_whole")]
    pub number: Option<Spanned<i64>>,
    /// The Rust name of an error known by its number only (default: from its title).
    #[serde(default)]
    pub name: Option<Text>,
    /// Whether the code is the number's text, the error having no code of its own.
    #[serde(skip)]
    pub numeric: bool,
    // Required, but checked by the checker, which reports every error that lacks one at
    // its own code (serde would stop at the first, pointing at a later key).
    #[serde(default)]
    pub status: Option<Spanned<crate::raw_values::RawStatuses>>,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub solution: Option<Text>,
    /// Several solutions, in the order to try them.
    #[serde(default)]
    pub solutions: Option<Spanned<Vec<Text>>>,
    #[serde(default)]
    pub message: Option<Text>,
    #[serde(default)]
    pub params: Vec<RawParam>,
    #[serde(default)]
    pub retry: Option<Spanned<RawRetry>>,
    #[serde(default)]
    pub cases: Vec<RawCase>,
    /// A longer explanation than the description.
    #[serde(default)]
    pub explanation: Option<Text>,
    /// What causes the error, one sentence each.
    #[serde(default)]
    pub causes: Vec<Text>,
    /// Further reading: `{ title, url }` each.
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    pub deprecated: Option<Text>,
    /// The day after which a deprecated error is no longer served: `2027-06-30`.
    #[serde(default)]
    pub sunset: Option<Text>,
    /// The error's values of declared attributes.
    #[serde(default)]
    pub attributes: Option<Ordered<Spanned<RawScalar>>>,
    /// The name of the (innermost) group the error belongs to.
    #[serde(default)]
    pub group: Option<Text>,
}

/// A key that was not written: empty, at no place.
fn unwritten() -> Text {
    Spanned::new(String::new(), Location::UNKNOWN, Location::UNKNOWN)
}

impl RawError {
    /// Gives an error without a code its number's text as the code, written where the
    /// number is; returns whether the error has a code now.
    pub(crate) fn number_as_code(&mut self) -> bool {
        if self.code.referenced != Location::UNKNOWN {
            return true;
        }
        let Some(number) = &self.number else {
            return false;
        };
        self.code = Spanned::new(number.value.to_string(), number.referenced, number.defined);
        self.numeric = true;
        true
    }

    /// The message template's text: the message, or the description when there is none.
    pub(crate) fn template_text(&self) -> Option<&Text> {
        self.message.as_ref().or(self.description.as_ref())
    }
}

/// A typed field of an error (a message parameter, a body member or both), or a member
/// of an object type.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParam {
    pub name: Text,
    #[serde(rename = "type")]
    pub ty: Text,
    /// With `type: list`: the items' type (default `string`).
    #[serde(default)]
    pub items: Option<Box<Spanned<RawType>>>,
    /// With `type: map`: the values' type.
    #[serde(default)]
    pub values: Option<Box<Spanned<RawType>>>,
    /// With `type: object`: the members.
    #[serde(default)]
    pub members: Option<Vec<RawParam>>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub nullable: bool,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub example: Option<Spanned<RawExample>>,
}

/// A type written where a list's items or a map's values are: a name (`integer`) or a
/// mapping with `type` and its own `items`, `values` or `members` (read by
/// [`crate::raw_values`], which takes either).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, remote = "Self")]
pub(crate) struct RawType {
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub items: Option<Box<Spanned<RawType>>>,
    #[serde(default)]
    pub values: Option<Box<Spanned<RawType>>>,
    #[serde(default)]
    pub members: Option<Vec<RawParam>>,
}

/// A parameter's example value: any JSON value, checked against the type by the
/// checker (read by [`crate::raw_values`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawExample(pub serde_json::Value);

/// When and how a client may retry an error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRetry {
    /// The policy; it may be left out where `advice` says it in words.
    #[serde(default)]
    pub policy: Option<Text>,
    /// Advice in the API's own words, shown as written.
    #[serde(default)]
    pub advice: Option<Text>,
    #[serde(default, deserialize_with = "crate::raw_values::optional_whole")]
    pub after_seconds: Option<Spanned<i64>>,
    #[serde(default)]
    pub when: Option<Text>,
}

/// A link of an error to further reading.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLink {
    pub title: Text,
    pub url: Text,
}

/// A common case of an error, as the docs' "common errors" list it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCase {
    pub title: Text,
    #[serde(default)]
    pub causes: Vec<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A YAML mapping kept in source order, keys with their places.
#[derive(Debug, Default)]
pub(crate) struct Ordered<V>(pub Vec<(Text, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for OrderedVisitor<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}
