//! Checks of an error's message template and its typed parameters.

use super::{Checker, pos, pos_within};
use crate::model::{Param, ParamType, Piece, Template, Value};
use crate::names::{self, NameError};
use crate::raw::{RawError, RawExample, RawParam};
use crate::template::{self, Part};

/// Checks the parameters and the message of one error, and that each parameter the
/// message uses is declared and each declared one is used.
pub(super) fn check_message(ck: &mut Checker<'_>, raw: &RawError) -> (Vec<Param>, Template) {
    let params: Vec<Param> = raw.params.iter().map(|p| param(ck, p)).collect();
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
    for (raw_param, _) in raw.params.iter().zip(&used).filter(|(_, used)| !**used) {
        let name = &raw_param.name.value;
        if !template::is_referable(name) {
            continue; // reported where the parameter is declared
        }
        let d = ck
            .at(
                pos(&raw_param.name),
                format!("parameter `{name}` is declared but the message never uses it"),
            )
            .label("unused parameter")
            .help(format!(
                "use `{{{name}}}` in the message, or remove the parameter"
            ));
        ck.report(d);
    }
    (params, Template { pieces })
}

fn param(ck: &mut Checker<'_>, raw: &RawParam) -> Param {
    let name = ck.required(&raw.name, "parameter name");
    let ident = match names::field(&name) {
        Ok(ident) => ident,
        Err(NameError::Keyword(ident)) => {
            let d = ck
                .at(
                    pos(&raw.name),
                    format!("parameter `{name}` becomes the Rust keyword `{ident}`"),
                )
                .label("reserved in Rust")
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
    let ty = param_type(ck, raw);
    let example = example(ck, raw, ty);
    Param {
        name,
        ident,
        ty,
        optional: raw.optional,
        description: ck.optional(raw.description.as_ref(), "parameter description"),
        example,
    }
}

fn param_type(ck: &mut Checker<'_>, raw: &RawParam) -> ParamType {
    match raw.ty.value.as_str() {
        "string" => ParamType::String,
        "integer" => ParamType::Integer,
        "boolean" => ParamType::Boolean,
        "list" => ParamType::StringList,
        other => {
            let d = ck
                .at(pos(&raw.ty), format!("unknown parameter type `{other}`"))
                .label("expected `string`, `integer`, `boolean` or `list`")
                .help("`list` is a list of strings");
            ck.report(d);
            ParamType::String
        }
    }
}

fn example(ck: &mut Checker<'_>, raw: &RawParam, ty: ParamType) -> Value {
    let Some(example) = &raw.example else {
        return if raw.optional {
            Value::Absent
        } else {
            default_example(&raw.name.value, ty)
        };
    };
    match (ty, &example.value) {
        (ParamType::String, RawExample::Str(s)) => Value::String(s.clone()),
        (ParamType::Integer, RawExample::Int(i)) => Value::Integer(*i),
        (ParamType::Boolean, RawExample::Bool(b)) => Value::Boolean(*b),
        (ParamType::StringList, RawExample::List(items)) => Value::StringList(items.clone()),
        (ParamType::String, RawExample::Int(i)) => Value::String(i.to_string()),
        _ => {
            let d = ck
                .at(
                    pos(example),
                    format!("example does not match parameter type `{}`", raw.ty.value),
                )
                .label("wrong type")
                .help("give an example of the declared type; quote numbers meant as strings");
            ck.report(d);
            default_example(&raw.name.value, ty)
        }
    }
}

/// The example used when the catalog gives none: the parameter's own name, zero, false
/// or a one-item list.
fn default_example(name: &str, ty: ParamType) -> Value {
    match ty {
        ParamType::String => Value::String(name.to_owned()),
        ParamType::Integer => Value::Integer(0),
        ParamType::Boolean => Value::Boolean(false),
        ParamType::StringList => Value::StringList(vec![name.to_owned()]),
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
