//! Checks of the object holding the errors' fields as members (`params: true`): there
//! is at most one, every error's fields are carried by it or the message, and no field
//! is named like a member beside it.

use super::{Checker, envelope::visit_sources, pos};
use crate::model::{Envelope, FieldSource, Node};
use crate::raw::{RawError, RawNode};
use crate::spanned::Spanned;

/// Whether some object of the raw envelope says `params: true`.
pub(super) fn raw_has_params_object(node: &Spanned<RawNode>) -> bool {
    let mut spread = Vec::new();
    raw_params_nodes(node, &mut spread);
    !spread.is_empty()
}

/// Errors with parameters need a body that carries them, in the message or as members;
/// otherwise a client could not read them back.
pub(super) fn params_carried(ck: &mut Checker<'_>, envelope: &Envelope, raw: &[RawError]) {
    let mut carried = has_params_object(&envelope.body);
    visit_sources(&envelope.body, &mut |s| {
        carried |= s == FieldSource::Message
    });
    if carried {
        return;
    }
    for param in raw.iter().filter_map(|e| e.params.first()) {
        let d = ck
            .at(
                pos(&param.name),
                format!("parameter `{}` is never sent", param.name.value),
            )
            .label("the envelope carries neither the message nor the parameters")
            .help(
                "add a field with `from: message`, or `params: true` on an object of the envelope",
            );
        ck.report(d);
    }
}

/// A parameter spread into an object beside a member of the same name would send that
/// key twice in one JSON object.
pub(super) fn params_clash(ck: &mut Checker<'_>, envelope: &Envelope, raw: &[RawError]) {
    let Some(members) = params_object_members(&envelope.body) else {
        return;
    };
    for param in raw.iter().flat_map(|e| &e.params) {
        if members.contains(&param.name.value.as_str()) {
            let d = ck
                .at(
                    pos(&param.name),
                    format!(
                        "parameter `{}` would be sent twice: the envelope object holding the parameters already has a member `{}`",
                        param.name.value, param.name.value
                    ),
                )
                .label("same key as an envelope member")
                .help("rename the parameter; its name is its key in the body");
            ck.report(d);
        }
    }
}

/// The member names of the first object with `params: true`, if there is one.
fn params_object_members(node: &Node) -> Option<Vec<&str>> {
    match node {
        Node::Field { .. } | Node::Const { .. } => None,
        Node::Object { fields, params, .. } => {
            if *params {
                // A parameter placed at its member (`from: param`) is sent there only.
                let named = fields.iter().filter(|(_, node)| !is_placed(node));
                return Some(named.map(|(name, _)| name.as_str()).collect());
            }
            fields.iter().find_map(|(_, n)| params_object_members(n))
        }
        Node::Array { items, .. } => params_object_members(items),
    }
}

/// Whether `node` places a parameter (`from: param`).
fn is_placed(node: &Node) -> bool {
    matches!(
        node,
        Node::Field {
            from: FieldSource::Param(_),
            ..
        }
    )
}

/// A member placing a parameter (`detail: { from: param }`) needs some error with a
/// parameter of that name; otherwise no body would ever carry it.
pub(super) fn placed_unknown(ck: &mut Checker<'_>, body: &Spanned<RawNode>, raw: &[RawError]) {
    let mut objects = Vec::new();
    raw_params_nodes(body, &mut objects);
    let Some(fields) = objects.first().and_then(|node| node.value.fields.as_ref()) else {
        return;
    };
    for (name, child) in &fields.0 {
        let Some(from) = child
            .value
            .from
            .as_ref()
            .filter(|from| from.value == "param")
        else {
            continue;
        };
        let known = raw
            .iter()
            .flat_map(|e| &e.params)
            .any(|param| param.name.value == name.value);
        if !known {
            let d = ck
                .at(
                    pos(from),
                    format!("no error has a parameter `{}` to place here", name.value),
                )
                .label("`from: param` sends the error's parameter named like the member")
                .help(format!(
                    "declare a parameter `{}` on the errors that send it, or drop this member",
                    name.value
                ));
            ck.report(d);
        }
    }
}

/// Reports every `params: true` after the first: the parameters go in one object.
pub(super) fn report_params_twice(ck: &mut Checker<'_>, body: &Spanned<RawNode>) {
    let mut spread = Vec::new();
    raw_params_nodes(body, &mut spread);
    if let Some((first, later)) = spread.split_first() {
        let first_line = pos(first).line;
        for node in later {
            let d = ck
                .at(pos(node), "`params: true` on a second object")
                .label("every parameter would be sent twice")
                .note(format!(
                    "the parameters already go in the object at line {first_line}"
                ))
                .help("keep `params: true` on one object only");
            ck.report(d);
        }
    }
}

/// The raw nodes with `params: true`, in document order.
fn raw_params_nodes<'a>(node: &'a Spanned<RawNode>, out: &mut Vec<&'a Spanned<RawNode>>) {
    if node.value.params {
        out.push(node);
    }
    if let Some(fields) = &node.value.fields {
        fields
            .0
            .iter()
            .for_each(|(_, child)| raw_params_nodes(child, out));
    }
    if let Some(items) = &node.value.items {
        raw_params_nodes(items, out);
    }
}

fn has_params_object(node: &Node) -> bool {
    match node {
        Node::Field { .. } | Node::Const { .. } => false,
        Node::Object { fields, params, .. } => {
            *params || fields.iter().any(|(_, n)| has_params_object(n))
        }
        Node::Array { items, .. } => has_params_object(items),
    }
}
