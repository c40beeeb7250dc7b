//! Checks for envelopes that send the parameters only inside the message, which clients
//! read back by the one-pass rule of docs/rust.md: adjacent placeholders cannot be told
//! apart, and every example must read back as itself.

use super::{Checker, envelope, pos, pos_within};
use crate::model::{Envelope, ErrorDef, FieldSource, Node, Param, Value};
use crate::raw::{RawError, RawParam};
use crate::template::{self, End, Part};

/// Runs the checks when the envelope sends the message but not the parameters as members.
pub(super) fn check_read_back(
    ck: &mut Checker<'_>,
    envelope: &Envelope,
    errors: &[ErrorDef],
    raw: &[RawError],
) {
    let mut message = false;
    envelope::visit_sources(&envelope.body, &mut |s| {
        message |= s == FieldSource::Message;
    });
    if !message || carries_members(&envelope.body) {
        return;
    }
    for (error, raw_error) in errors.iter().zip(raw) {
        adjacent_placeholders(ck, raw_error);
        for (index, end) in error.message.first_uses() {
            if let (Some(param), Some(raw_param)) =
                (error.params.get(index), raw_error.params.get(index))
            {
                example_reads_back(ck, param, raw_param, end);
            }
        }
    }
}

/// Whether some object of the body spreads the parameters as members (`params: true`).
fn carries_members(node: &Node) -> bool {
    match node {
        Node::Field { .. } | Node::Const { .. } => false,
        Node::Object { fields, params, .. } => {
            *params || fields.iter().any(|(_, child)| carries_members(child))
        }
        Node::Array { items, .. } => carries_members(items),
    }
}

/// Reports `{a}{b}`: nothing in the message tells where one value ends.
fn adjacent_placeholders(ck: &mut Checker<'_>, raw: &RawError) {
    let Some(text) = raw.template_text() else {
        return; // the missing description is reported
    };
    let Ok(parts) = template::parse(&text.value) else {
        return; // reported by `check_message`
    };
    for pair in parts.windows(2) {
        if let [Part::Ref { name: first, .. }, Part::Ref { name, offset }] = pair {
            let d = ck
                .at(
                    pos_within(ck.source, text, *offset),
                    format!("placeholders `{{{first}}}` and `{{{name}}}` are adjacent"),
                )
                .label("no text between them")
                .note("the envelope sends parameters only inside the message, and a client reading it back cannot tell where one value ends and the next begins")
                .help("put text between them, or send the parameters as members with `params: true` on an object of the envelope");
            ck.report(d);
        }
    }
}

/// Reports an example that a client would read back from the message as another value.
fn example_reads_back(ck: &mut Checker<'_>, param: &Param, raw: &RawParam, end: End<'_>) {
    let text = template::value_text(&param.example);
    let Some((label, back)) = why_not_read_back(param, &text, end) else {
        return;
    };
    let (at, which) = match &raw.example {
        Some(example) => (pos(example), "the example"),
        None => (pos(&raw.name), "the default example"),
    };
    let d = ck
        .at(
            at,
            format!(
                "example of parameter `{}` would not read back from the message",
                param.name
            ),
        )
        .label(label)
        .note(format!("{which} is sent as {text:?} and read back as {back}"))
        .help("choose an example that reads back (see \"Reading a body back\" in docs/rust.md), or send the parameters as members with `params: true`");
    ck.report(d);
}

/// Why a parameter's example, sent as `text`, reads back differently (a label), and what
/// it reads back as.
fn why_not_read_back(param: &Param, text: &str, end: End<'_>) -> Option<(String, String)> {
    if let Value::StringList(items) = &param.example
        && items.iter().any(|item| item.contains(", "))
    {
        let count = text.split(", ").count();
        let label = "a list item holds \", \", which separates the items".to_owned();
        return Some((label, format!("{count} items")));
    }
    if let End::Leftmost(literal) = end {
        let kept = template::read_before(text, literal);
        if kept.len() < text.len() {
            let label = format!(
                "cut at the first {literal:?}, the text after `{{{}}}`",
                param.name
            );
            return Some((label, format!("{kept:?}")));
        }
    }
    if param.optional && text.is_empty() && param.example != Value::Absent {
        let label = "an empty text reads back as no value".to_owned();
        return Some((label, "no value (`None`)".to_owned()));
    }
    if matches!(&param.example, Value::StringList(items) if items.len() == 1 && items[0].is_empty())
    {
        let label = "one empty item renders as nothing".to_owned();
        return Some((label, "an empty list".to_owned()));
    }
    None
}
