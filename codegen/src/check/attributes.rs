//! Checks of the catalog's declared attributes (typed values each error sets for
//! itself), each error's values of them, and the request context.

use crate::spanned::Spanned;

use super::types;
use super::{Checker, pos};
use crate::emit::rust::support::uri::is_absolute_uri;
use crate::model::{Attribute, ContextMember, ParamType, Scalar, Value};
use crate::names::{self, NameError};
use crate::raw::{Ordered, RawAttribute, RawContextMember, RawError, RawNode, RawScalar, Text};

/// The description of the context member `from: instance` declares when the catalog
/// does not.
const INSTANCE: &str = "The URI reference of this occurrence of the error (RFC 9457 `instance`), e.g. the request path";

/// Checks the declared attributes.
pub(super) fn check_attributes(
    ck: &mut Checker<'_>,
    raw: Option<&Ordered<Spanned<RawAttribute>>>,
) -> Vec<Attribute> {
    let entries = raw.map(|o| &o.0[..]).unwrap_or_default();
    let mut out: Vec<Attribute> = Vec::with_capacity(entries.len());
    let mut firsts: Vec<&Text> = Vec::with_capacity(entries.len());
    for (name, attribute) in entries {
        let ty = scalar_type(ck, &attribute.value.ty, false);
        if let Some(default) = &attribute.value.default {
            scalar_value(ck, &ty, default);
        }
        let ident = ident(ck, name);
        if names::is_code_method(&ident) {
            method_clash(ck, name, &ident);
        }
        if let Some(first) = out.iter().position(|a| a.ident == ident) {
            same_ident(ck, name, firsts[first], &ident, "attribute");
        }
        firsts.push(name);
        out.push(Attribute {
            ident,
            name: name.value.clone(),
            ty,
            description: ck.optional(
                attribute.value.description.as_ref(),
                "attribute description",
            ),
        });
    }
    out
}

/// Reports an attribute whose accessor on `Code` would take the name of one of
/// `Code`'s own methods.
fn method_clash(ck: &mut Checker<'_>, name: &Text, ident: &str) {
    let d = ck
        .at(
            pos(name),
            format!(
                "attribute `{}` would be the method `Code::{ident}()`, a name the generated `Code` has already",
                name.value
            ),
        )
        .label("an attribute's accessor is a method of `Code` named after it")
        .help(format!(
            "rename the attribute, e.g. `{}_value`; `Code` has methods such as `as_str`, `status`, `title`, `description`, `docs_url`, `group` and `is_retryable`, the lookups `from_...` and its traits' (`fmt`, `clone`, `cmp`, ...)",
            name.value
        ));
    ck.report(d);
}

/// Reports a `what` (attribute, context member) whose Rust name an earlier one has.
fn same_ident(ck: &mut Checker<'_>, name: &Text, first: &Text, ident: &str, what: &str) {
    let at = pos(first);
    let d = ck
        .at(
            pos(name),
            format!(
                "{what} `{}` has the Rust name `{ident}` of `{}`",
                name.value, first.value
            ),
        )
        .label("Rust name used again here")
        .note(format!(
            "`{}` is declared at {}:{}:{}",
            first.value, ck.source.name, at.line, at.col
        ))
        .help("names that differ only in case or separators make one Rust name; rename one");
    ck.report(d);
}

/// Each attribute's value for one error: its own, the attribute's default, or none.
pub(super) fn error_values(
    ck: &mut Checker<'_>,
    declared: &[Attribute],
    raw_declared: Option<&Ordered<Spanned<RawAttribute>>>,
    raw: &RawError,
    inherited: &dyn Fn(&str) -> Option<Scalar>,
) -> Vec<Option<Scalar>> {
    let defaults = raw_declared.map(|o| &o.0[..]).unwrap_or_default();
    let mut values: Vec<Option<Scalar>> = declared
        .iter()
        .zip(defaults)
        .map(|(attribute, (_, raw))| {
            let default = raw.value.default.as_ref().map(|d| to_scalar(&d.value));
            inherited(&attribute.name).or(default)
        })
        .collect();
    let given = raw.attributes.as_ref();
    set_values(ck, declared, given, &mut values);
    values
}

/// Checks a group's attribute values against the declarations; returns them in
/// declaration order (`None` where the group sets none).
pub(super) fn group_values(
    ck: &mut Checker<'_>,
    declared: &[Attribute],
    given: Option<&Ordered<Spanned<RawScalar>>>,
) -> Vec<Option<Scalar>> {
    let mut values = vec![None; declared.len()];
    set_values(ck, declared, given, &mut values);
    values
}

/// Stores each value of `given` at its attribute's index, reporting unknown names and
/// values of the wrong type.
fn set_values(
    ck: &mut Checker<'_>,
    declared: &[Attribute],
    given: Option<&Ordered<Spanned<RawScalar>>>,
    values: &mut [Option<Scalar>],
) {
    for (name, value) in given.map(|o| &o.0[..]).unwrap_or_default() {
        match declared.iter().position(|a| a.name == name.value) {
            Some(index) => {
                if scalar_value(ck, &declared[index].ty, value) {
                    values[index] = Some(to_scalar(&value.value));
                }
            }
            None => {
                let known: Vec<&str> = declared.iter().map(|a| a.name.as_str()).collect();
                let d = ck
                    .at(pos(name), format!("unknown attribute `{}`", name.value))
                    .label("not declared under the catalog's `attributes`")
                    .help(if known.is_empty() {
                        "declare it at the top level: `attributes: { category: { type: string } }`"
                            .to_owned()
                    } else {
                        format!("declared attributes: {}", known.join(", "))
                    });
                ck.report(d);
            }
        }
    }
}

/// Checks the request context; a body with `from: instance` (`uses_instance`) gets the
/// RFC 9457 member `instance` when the catalog does not declare it.
pub(super) fn check_context(
    ck: &mut Checker<'_>,
    raw: Option<&Ordered<Spanned<RawContextMember>>>,
    uses_instance: bool,
) -> Vec<ContextMember> {
    let entries = raw.map(|o| &o.0[..]).unwrap_or_default();
    let mut out: Vec<ContextMember> = Vec::with_capacity(entries.len() + 1);
    let mut firsts: Vec<&Text> = Vec::with_capacity(entries.len());
    for (name, member) in entries {
        let ty = scalar_type(ck, &member.value.ty, true);
        let ident = ident(ck, name);
        if let Some(first) = out.iter().position(|m| m.ident == ident) {
            same_ident(ck, name, firsts[first], &ident, "context member");
        }
        firsts.push(name);
        let example = match &member.value.example {
            Some(example) => types::example(ck, &ty, example),
            None => types::default_example(&name.value, &ty),
        };
        out.push(ContextMember {
            ident,
            name: name.value.clone(),
            ty,
            description: ck.optional(member.value.description.as_ref(), "context description"),
            example,
            required: member.value.required.as_ref().is_some_and(|r| r.value),
        });
    }
    if uses_instance && !out.iter().any(|m| m.name == "instance") {
        if let Some(at) = out.iter().position(|m| m.ident == "instance") {
            let d = ck
                .at(
                    pos(firsts[at]),
                    format!(
                        "context member `{}` has the Rust name `instance`",
                        firsts[at].value
                    ),
                )
                .label("the RFC 9457 member `instance` has this Rust name")
                .note("`from: instance` adds the context member `instance`")
                .help("name the member `instance` to declare it yourself, or rename it");
            ck.report(d);
        }
        out.push(ContextMember {
            name: "instance".to_owned(),
            ident: "instance".to_owned(),
            ty: ParamType::String,
            description: Some(INSTANCE.to_owned()),
            example: Value::String("/instance".to_owned()),
            required: false,
        });
    }
    out
}

/// Whether some node of the raw envelope says `from: instance`.
pub(super) fn uses_instance(node: &Spanned<RawNode>) -> bool {
    let r = &node.value;
    r.from.as_ref().is_some_and(|f| f.value == "instance")
        || r.fields
            .as_ref()
            .is_some_and(|f| f.0.iter().any(|(_, child)| uses_instance(child)))
        || r.items.as_deref().is_some_and(uses_instance)
}

fn ident(ck: &mut Checker<'_>, name: &Text) -> String {
    match names::field(&name.value) {
        Ok(ident) => ident,
        Err(NameError::Keyword(ident)) if !matches!(ident.as_str(), "self" | "super" | "crate") => {
            format!("r#{ident}")
        }
        Err(NameError::Keyword(ident) | NameError::Invalid(ident)) => {
            let d = ck
                .at(
                    pos(name),
                    format!("`{}` cannot name a Rust item", name.value),
                )
                .label("not a Rust identifier")
                .help("names start with a letter and hold letters, digits and `_`");
            ck.report(d);
            ident
        }
    }
}

/// An attribute's type (`string`, `uri`, `integer`, `boolean`) or a context member's,
/// which may also be a `number`.
fn scalar_type(ck: &mut Checker<'_>, raw: &Text, number: bool) -> ParamType {
    match raw.value.as_str() {
        "string" => ParamType::String,
        "uri" => ParamType::Uri,
        "integer" => ParamType::Integer,
        "boolean" => ParamType::Boolean,
        "number" if number => ParamType::Number,
        other => {
            let expected = if number {
                "`string`, `uri`, `integer`, `number` or `boolean`"
            } else {
                "`string`, `uri`, `integer` or `boolean`"
            };
            let d = ck
                .at(pos(raw), format!("unknown type `{other}`"))
                .label(format!("expected {expected}"));
            ck.report(d);
            ParamType::String
        }
    }
}

/// Whether `value` is of `ty`; reported otherwise.
fn scalar_value(ck: &mut Checker<'_>, ty: &ParamType, value: &Spanned<RawScalar>) -> bool {
    if let (ParamType::Uri, RawScalar::Str(text)) = (ty, &value.value) {
        return uri_value(ck, text, value);
    }
    let fits = matches!(
        (ty, &value.value),
        (ParamType::String, RawScalar::Str(_))
            | (ParamType::Integer, RawScalar::Int(_))
            | (ParamType::Boolean, RawScalar::Bool(_))
    );
    if !fits {
        let d = ck
            .at(
                pos(value),
                format!("value does not match the type `{}`", ty.describe()),
            )
            .label("wrong type")
            .help(mismatch_help(ty, &value.value));
        ck.report(d);
    }
    fits
}

/// Whether the text of an attribute of type `uri` is an absolute URI; reported otherwise.
fn uri_value(ck: &mut Checker<'_>, text: &str, value: &Spanned<RawScalar>) -> bool {
    let fits = is_absolute_uri(text);
    if !fits {
        let d = ck
            .at(pos(value), "value does not match the type `uri`")
            .label(format!(
                "{} is not an absolute URI",
                serde_json::Value::from(text)
            ))
            .help(types::URI_HELP);
        ck.report(d);
    }
    fits
}

/// What to write instead of `found` where `ty` is declared: the advice fits what was
/// written (YAML reads `3` as a number and `"3"` as text; `true`/`false` unquoted as
/// booleans, everything else, `yes` and `no` included, as text).
fn mismatch_help(ty: &ParamType, found: &RawScalar) -> &'static str {
    match (ty, found) {
        (ParamType::String, RawScalar::Int(_) | RawScalar::Json(_)) => {
            "quote the value to make it text, e.g. `\"3\"`"
        }
        (ParamType::String, RawScalar::Bool(_)) => {
            "quote the value to make it text, e.g. `\"true\"`"
        }
        (ParamType::Integer, RawScalar::Str(_)) => "write a whole number without quotes, e.g. `3`",
        (ParamType::Boolean, RawScalar::Str(_)) => "write `true` or `false`, without quotes",
        (ParamType::Uri, RawScalar::Int(_) | RawScalar::Bool(_) | RawScalar::Json(_)) => {
            "write an absolute URI, e.g. `https://example.com/probs/out-of-credit` or `about:blank`"
        }
        (_, RawScalar::Null) => "give a value; `null` is no value of a declared type",
        _ => "give a value of the attribute's declared type",
    }
}

fn to_scalar(raw: &RawScalar) -> Scalar {
    match raw {
        RawScalar::Bool(b) => Scalar::Bool(*b),
        RawScalar::Int(i) => Scalar::Int(*i),
        RawScalar::Str(s) => Scalar::Str(s.clone()),
        RawScalar::Null => Scalar::Null,
        RawScalar::Json(json) => Scalar::Json(json.clone()),
    }
}
