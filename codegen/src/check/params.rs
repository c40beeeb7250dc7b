//! Checks of an error's message template and its typed parameters.

use heck::ToUpperCamelCase;

use super::types::{self, TypeSpec};
use super::{Checker, pos, pos_within};
use crate::model::{Param, ParamType, Piece, Template, Value};
use crate::names::{self, NameError};
use crate::raw::{RawError, RawParam};
use crate::template::{self, Part};

/// Checks the fields and the message of one error: each field the message uses is
/// declared and can be shown in text, and each declared one is used by the message or,
/// when the envelope has a `params: true` object (`members`), sent as a member.
pub(super) fn check_message(
    ck: &mut Checker<'_>,
    raw: &RawError,
    variant: &str,
    members: bool,
) -> (Vec<Param>, Template) {
    let mut params: Vec<Param> = raw
        .params
        .iter()
        .map(|p| {
            let owner = format!("{variant}{}", p.name.value.to_upper_camel_case());
            param(ck, p, &owner)
        })
        .collect();
    report_repeated_params(ck, raw);
    let Some(text) = raw.template_text() else {
        return (params, Template::default()); // the missing description is reported
    };
    if raw.message.is_some() {
        ck.required(text, "message");
    }
    let parts = match template::parse(&text.value) {
        Ok(parts) => parts,
        Err(err) => {
            let d = ck
                .at(pos_within(ck.source, text, err.offset), err.message)
                .label("here")
                .help("write `{name}` for a parameter and `{{` or `}}` for a literal brace");
            ck.report(d);
            return (params, Template::default());
        }
    };
    let mut pieces = Vec::new();
    let mut used = vec![false; params.len()];
    for part in parts {
        match part {
            Part::Text(text) => pieces.push(Piece::Text(text)),
            Part::Ref { name, offset } => match params.iter().position(|p| p.name == name) {
                Some(index) => {
                    used[index] = true;
                    shown_in_text(ck, &params[index], &raw.params[index]);
                    pieces.push(Piece::Param(index));
                }
                None => {
                    let d = ck
                        .at(pos_within(ck.source, text, offset), format!("message uses undeclared parameter `{name}`"))
                        .label("not declared under `params`")
                        .help(format!("declare it: `params: [{{ name: {name}, type: string }}]`, or write `{{{{` for a literal brace"));
                    ck.report(d);
                }
            },
        }
    }
    for (param, used) in params.iter_mut().zip(&used) {
        param.in_message = *used;
    }
    if !members {
        report_unsent(ck, raw, &used);
    }
    (params, Template { pieces })
}

/// Fields neither the message nor (without a `params: true` object) the body carries.
fn report_unsent(ck: &mut Checker<'_>, raw: &RawError, used: &[bool]) {
    for (raw_param, _) in raw.params.iter().zip(used).filter(|(_, used)| !**used) {
        let name = &raw_param.name.value;
        if !template::is_referable(name) {
            continue; // reported where the parameter is declared
        }
        let d = ck
            .at(
                pos(&raw_param.name),
                format!("field `{name}` is declared but never sent"),
            )
            .label("neither in the message nor a member of the body")
            .help(format!(
                "use `{{{name}}}` in the message, add `params: true` to the envelope object that should hold it, or remove it"
            ));
        ck.report(d);
    }
}

/// A message shows strings, numbers, booleans and lists of strings; other values are
/// sent as members only.
fn shown_in_text(ck: &mut Checker<'_>, param: &Param, raw: &RawParam) {
    if param.ty.is_plain() || param.ty == ParamType::Number {
        return;
    }
    let d = ck
        .at(
            pos(&raw.name),
            format!(
                "field `{}` ({}) cannot be shown in the message",
                param.name,
                param.ty.describe()
            ),
        )
        .label("used in the message")
        .help("messages show strings, numbers, booleans and lists of strings; send this field as a member (`params: true`) and leave it out of the message");
    ck.report(d);
}

/// Keywords that cannot be raw identifiers (`r#self` is refused by rustc).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// Checks one field or object member; `owner` names the struct an object type becomes.
pub(super) fn param(ck: &mut Checker<'_>, raw: &RawParam, owner: &str) -> Param {
    let name = ck.required(&raw.name, "parameter name");
    let ident = match names::field(&name) {
        Ok(ident) => ident,
        // `type` on the wire is `r#type` in Rust.
        Err(NameError::Keyword(ident)) if !NOT_RAW.contains(&ident.as_str()) => {
            format!("r#{ident}")
        }
        Err(NameError::Keyword(ident)) => {
            let d = ck
                .at(
                    pos(&raw.name),
                    format!("field `{name}` becomes the Rust keyword `{ident}`"),
                )
                .label("cannot be a Rust field, even as `r#`")
                .help(format!("rename it, e.g. `{ident}_name`"));
            ck.report(d);
            ident
        }
        Err(NameError::Invalid(ident)) => {
            let d = ck
                .at(
                    pos(&raw.name),
                    format!("parameter `{name}` cannot name a Rust field"),
                )
                .label("not a Rust identifier")
                .help("parameter names start with a letter and hold letters, digits and `_`");
            ck.report(d);
            ident
        }
    };
    if !name.is_empty() && !template::is_referable(&name) && names::field(&name).is_ok() {
        let d = ck
            .at(
                pos(&raw.name),
                format!("parameter `{name}` cannot be written in a message"),
            )
            .label("`{...}` takes only letters, digits and `_`")
            .help(format!("rename it, e.g. `{ident}`"));
        ck.report(d);
    }
    let ty = types::field_type(ck, &TypeSpec::of_param(raw), owner, &mut param);
    if raw.optional && raw.nullable {
        let d = ck
            .at(pos(&raw.name), format!("field `{name}` is both `optional` and `nullable`"))
            .label("choose one")
            .help("`optional: true` leaves the member out when there is no value; `nullable: true` sends `null`");
        ck.report(d);
    }
    let optional = raw.optional || raw.nullable;
    let example = match &raw.example {
        Some(example) if raw.nullable && example.value.0.is_null() => Value::Absent,
        Some(example) => types::example(ck, &ty, example),
        None if optional => Value::Absent,
        None => types::default_example(&name, &ty),
    };
    Param {
        name,
        ident,
        ty,
        optional,
        nullable: raw.nullable,
        in_message: false,
        description: ck.optional(raw.description.as_ref(), "parameter description"),
        example,
    }
}

fn report_repeated_params(ck: &mut Checker<'_>, raw: &RawError) {
    for (i, later) in raw.params.iter().enumerate() {
        let later_ident = names::field(&later.name.value).unwrap_or_default();
        if let Some(first) = raw.params[..i]
            .iter()
            .find(|p| names::field(&p.name.value).unwrap_or_default() == later_ident)
        {
            let first_pos = pos(&first.name);
            let d = ck
                .at(
                    pos(&later.name),
                    format!("duplicate parameter `{}`", later.name.value),
                )
                .label("declared again here")
                .note(format!(
                    "first declared as `{}` at {}:{}:{}",
                    first.name.value, ck.source.name, first_pos.line, first_pos.col
                ))
                .help("parameter names must differ even after conversion to snake_case");
            ck.report(d);
        }
    }
}
