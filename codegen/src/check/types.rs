//! Checks of field types (`string` to `object` and `json`, nested through `items`,
//! `values` and `members`) and of examples against them.

use crate::spanned::Spanned;
use heck::ToUpperCamelCase;
use serde_json::Value as Json;

use super::{Checker, pos};
use std::collections::HashMap;

use crate::emit::rust::support::uri::is_absolute_uri;
use crate::model::{ErrorDef, ObjectType, Param, ParamType, Value};
use crate::raw::{RawError, RawExample, RawParam, RawType};
use crate::source::Pos;

const TYPES: &str =
    "`string`, `uri`, `integer`, `number`, `boolean`, `list`, `map`, `object` or `json`";

/// What to write for a value of type `uri`, for the help of a refused one.
pub(super) const URI_HELP: &str = "a `uri` is an absolute URI: a scheme such as `https:`, `urn:` or `about:`, then no spaces or other characters a URI cannot hold (percent-encode them: `%20`), e.g. `https://example.com/probs/out-of-credit`, `about:blank` or `urn:isbn:0451450523`";

/// A type as written: its name and what goes with it, wherever it was written.
pub(super) struct TypeSpec<'a> {
    /// The type's name.
    pub name: &'a str,
    /// Where the name was written.
    pub at: Pos,
    /// A list's items.
    pub items: Option<&'a Spanned<RawType>>,
    /// A map's values.
    pub values: Option<&'a Spanned<RawType>>,
    /// An object's members.
    pub members: Option<&'a [RawParam]>,
}

impl<'a> TypeSpec<'a> {
    /// The type of a field or member.
    pub(super) fn of_param(raw: &'a RawParam) -> Self {
        Self {
            name: &raw.ty.value,
            at: pos(&raw.ty),
            items: raw.items.as_deref(),
            values: raw.values.as_deref(),
            members: raw.members.as_deref(),
        }
    }

    fn of_type(raw: &'a Spanned<RawType>) -> Self {
        Self {
            name: &raw.value.ty,
            at: pos(raw),
            items: raw.value.items.as_deref(),
            values: raw.value.values.as_deref(),
            members: raw.value.members.as_deref(),
        }
    }
}

/// Checks a type; `owner` names the Rust struct an object type becomes
/// (`ValidationFailedDetails`), and `member` reads an object's members.
pub(super) fn field_type(
    ck: &mut Checker<'_>,
    spec: &TypeSpec<'_>,
    owner: &str,
    member: &mut dyn FnMut(&mut Checker<'_>, &RawParam, &str) -> Param,
) -> ParamType {
    let ty = match spec.name {
        "string" => ParamType::String,
        "uri" => ParamType::Uri,
        "integer" => ParamType::Integer,
        "number" => ParamType::Number,
        "boolean" => ParamType::Boolean,
        "json" => ParamType::Json,
        "list" => {
            let item = spec.items.map_or(ParamType::String, |raw| {
                field_type(ck, &TypeSpec::of_type(raw), owner, member)
            });
            ParamType::List(Box::new(item))
        }
        "map" => {
            let Some(raw) = spec.values else {
                let d = ck
                    .at(spec.at, "a `map` needs the type of its values")
                    .label("no `values`")
                    .help("add e.g. `values: string`, or `values: { type: list, items: string }`");
                ck.report(d);
                return ParamType::Map(Box::new(ParamType::String));
            };
            ParamType::Map(Box::new(field_type(
                ck,
                &TypeSpec::of_type(raw),
                owner,
                member,
            )))
        }
        "object" => ParamType::Object(object(ck, spec, owner, member)),
        other => {
            let d = ck
                .at(spec.at, format!("unknown type `{other}`"))
                .label(format!("expected {TYPES}"))
                .help("`list` takes `items` (default `string`), `map` takes `values`, `object` takes `members`");
            ck.report(d);
            ParamType::String
        }
    };
    misplaced_keys(ck, spec);
    ty
}

fn object(
    ck: &mut Checker<'_>,
    spec: &TypeSpec<'_>,
    owner: &str,
    member: &mut dyn FnMut(&mut Checker<'_>, &RawParam, &str) -> Param,
) -> ObjectType {
    let raw_members = spec.members.unwrap_or_default();
    if raw_members.is_empty() {
        let d = ck
            .at(spec.at, "an `object` needs its `members`")
            .label("no members")
            .help("list them like fields: `members: [{ name: email, type: string }]`, or use `type: json` for free-form JSON");
        ck.report(d);
    }
    let members = raw_members
        .iter()
        .map(|raw| {
            let nested = format!("{owner}{}", raw.name.value.to_upper_camel_case());
            member(ck, raw, &nested)
        })
        .collect();
    ObjectType {
        name: owner.to_owned(),
        members,
    }
}

/// `items`, `values` or `members` beside a type that takes none of them.
fn misplaced_keys(ck: &mut Checker<'_>, spec: &TypeSpec<'_>) {
    let keys = [
        ("items", spec.items.is_some(), "list"),
        ("values", spec.values.is_some(), "map"),
        ("members", spec.members.is_some(), "object"),
    ];
    for (key, present, owner) in keys {
        if present && spec.name != owner {
            let d = ck
                .at(spec.at, format!("`{key}` goes with `type: {owner}` only"))
                .label(format!("this is `{}`", spec.name))
                .help(format!("remove `{key}`, or make the type `{owner}`"));
            ck.report(d);
        }
    }
}

/// The example checked against the type, as the model holds it.
pub(super) fn example(ck: &mut Checker<'_>, ty: &ParamType, raw: &Spanned<RawExample>) -> Value {
    let json = &raw.value.0;
    if let Err(mismatch) = conforms(ty, json) {
        let help = if mismatch.uri {
            URI_HELP
        } else {
            "give an example of the declared type; quote numbers meant as strings"
        };
        let d = ck
            .at(
                pos(raw),
                format!("example does not match the type `{}`", ty.describe()),
            )
            .label(mismatch.label)
            .help(help);
        ck.report(d);
        return default_example("example", ty);
    }
    match (ty, json) {
        (ParamType::String | ParamType::Uri, Json::String(s)) => Value::String(s.clone()),
        // A bare number where a string is expected is the number's text (`sku: 12`).
        (ParamType::String, Json::Number(n)) => Value::String(n.to_string()),
        (ParamType::Integer, Json::Number(n)) => Value::Integer(n.as_i64().unwrap_or_default()),
        (ParamType::Boolean, Json::Bool(b)) => Value::Boolean(*b),
        (ty, Json::Array(items)) if ty.is_string_list() => Value::StringList(
            items
                .iter()
                .map(|item| item.as_str().unwrap_or_default().to_owned())
                .collect(),
        ),
        (_, json) => Value::Json(json.clone()),
    }
}

/// Why a value is not of its type.
struct Mismatch {
    /// What is wrong, for the label.
    label: String,
    /// Whether it is text that is no absolute URI where a `uri` is declared.
    uri: bool,
}

impl From<String> for Mismatch {
    fn from(label: String) -> Self {
        Self { label, uri: false }
    }
}

/// Whether `json` is a value of `ty`; otherwise what is wrong.
fn conforms(ty: &ParamType, json: &Json) -> Result<(), Mismatch> {
    let fits = match (ty, json) {
        (ParamType::String, Json::String(_)) | (ParamType::Json, _) => true,
        (ParamType::Uri, Json::String(text)) => return uri(text),
        (ParamType::String | ParamType::Number, Json::Number(n)) => {
            n.is_f64() || n.as_i64().is_some()
        }
        (ParamType::Integer, Json::Number(n)) => n.as_i64().is_some(),
        (ParamType::Boolean, Json::Bool(_)) => true,
        (ParamType::List(item), Json::Array(items)) => {
            return items.iter().try_for_each(|i| conforms(item, i));
        }
        (ParamType::Map(value), Json::Object(map)) => {
            return map.values().try_for_each(|v| conforms(value, v));
        }
        (ParamType::Object(object), Json::Object(map)) => return object_conforms(object, map),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(format!("expected {}, found `{json}`", ty.describe()).into())
    }
}

/// Whether `text` is an absolute URI, the value of a `uri`.
fn uri(text: &str) -> Result<(), Mismatch> {
    if is_absolute_uri(text) {
        return Ok(());
    }
    Err(Mismatch {
        label: format!("{} is not an absolute URI", Json::from(text)),
        uri: true,
    })
}

fn object_conforms(
    object: &ObjectType,
    map: &serde_json::Map<String, Json>,
) -> Result<(), Mismatch> {
    for member in &object.members {
        match map.get(&member.name) {
            None if member.optional && !member.nullable => {}
            None => return Err(format!("member `{}` is missing", member.name).into()),
            Some(Json::Null) if member.nullable => {}
            Some(value) => conforms(&member.ty, value)?,
        }
    }
    match map
        .keys()
        .find(|k| !object.members.iter().any(|m| &m.name == *k))
    {
        Some(extra) => Err(format!("`{extra}` is not a member of {}", object.name).into()),
        None => Ok(()),
    }
}

/// The example used when the catalog gives none: the field's own name (for a `uri`, in
/// the `urn:example:` namespace RFC 6963 keeps for examples), zero, false, a one-item
/// list, or the smallest value of a structured type.
pub(super) fn default_example(name: &str, ty: &ParamType) -> Value {
    match ty {
        ParamType::String => Value::String(name.to_owned()),
        ParamType::Uri => Value::String(example_uri(name)),
        ParamType::Integer => Value::Integer(0),
        ParamType::Boolean => Value::Boolean(false),
        ty if ty.is_string_list() => Value::StringList(vec![name.to_owned()]),
        ty => Value::Json(default_json(name, ty)),
    }
}

fn default_json(name: &str, ty: &ParamType) -> Json {
    match ty {
        ParamType::String => Json::from(name),
        ParamType::Uri => Json::from(example_uri(name)),
        ParamType::Integer => Json::from(0),
        ParamType::Number => Json::from(0.5),
        ParamType::Boolean => Json::from(false),
        ParamType::List(item) => Json::Array(vec![default_json(name, item)]),
        ParamType::Map(value) => {
            let mut map = serde_json::Map::new();
            map.insert(name.to_owned(), default_json(name, value));
            Json::Object(map)
        }
        ParamType::Object(object) => {
            let mut map = serde_json::Map::new();
            for member in object.members.iter().filter(|m| !m.optional || m.nullable) {
                let value = match &member.example {
                    Value::Absent => Json::Null,
                    value => crate::wire::param_json(value).unwrap_or(Json::Null),
                };
                map.insert(member.name.clone(), value);
            }
            Json::Object(map)
        }
        ParamType::Json => Json::Object(serde_json::Map::new()),
    }
}

/// The example URI of a field without one: `urn:example:instance`.
fn example_uri(name: &str) -> String {
    format!("urn:example:{name}")
}

/// Names the generated module gives its own items, which object types may not take.
pub(super) const RESERVED_TYPES: &[&str] = &[
    "Reply",
    "ForOperation",
    "Received",
    "Code",
    "Error",
    "Errors",
    "Context",
    "ParseError",
    "WithContext",
    "Delayed",
    "Group",
    "UnknownCode",
];

/// Each object type becomes a struct named after its error and field: two may not get
/// the same name (`AB` + `c` and `A` + `b_c`), nor one of the module's own.
pub(super) fn object_names_unique(ck: &mut Checker<'_>, errors: &[ErrorDef], raw: &[RawError]) {
    let mut first: HashMap<String, String> = HashMap::new();
    for (error, raw_error) in errors.iter().zip(raw) {
        let mut names = Vec::new();
        for param in &error.params {
            object_names(&param.ty, &mut names);
        }
        for name in names {
            let clash = if RESERVED_TYPES.contains(&name.as_str()) {
                Some("a type of the generated module".to_owned())
            } else {
                first
                    .insert(name.clone(), error.code.clone())
                    .map(|code| format!("an object type of code \"{code}\""))
            };
            if let Some(other) = clash {
                let d = ck
                    .at(
                        pos(&raw_error.code),
                        format!("an object field of \"{}\" becomes the struct `{name}`, already {other}", error.code),
                    )
                    .label("struct names come from the code and the field")
                    .help("rename the field");
                ck.report(d);
            }
        }
    }
}

/// The struct names of the object types in `ty`, nested ones too.
pub(super) fn object_names(ty: &ParamType, out: &mut Vec<String>) {
    match ty {
        ParamType::Object(object) => {
            out.push(object.name.clone());
            object.members.iter().for_each(|m| object_names(&m.ty, out));
        }
        ParamType::List(inner) | ParamType::Map(inner) => object_names(inner, out),
        _ => {}
    }
}
