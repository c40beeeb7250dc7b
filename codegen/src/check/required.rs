//! Checks of context members marked `required: true`: every body must carry them, so the
//! envelope must place each one, and never as a member that `optional: true` lets a body
//! leave out.

use crate::spanned::Spanned;

use super::{Checker, pos};
use crate::model::ContextMember;
use crate::raw::{Ordered, RawContextMember, RawNode, Text};

/// Reports a required context member that no node of the envelope places, and a node
/// placing a required one with `optional: true`.
pub(super) fn check_required(
    ck: &mut Checker<'_>,
    raw: Option<&Ordered<Spanned<RawContextMember>>>,
    body: &Spanned<RawNode>,
    context: &[ContextMember],
) {
    let mut placed: Vec<&Text> = Vec::new();
    sources(body, &mut placed);
    for from in &placed {
        let name = context_name(&from.value);
        if context
            .iter()
            .any(|m| m.required && Some(m.name.as_str()) == name)
        {
            optional_placement(ck, body, from);
        }
    }
    for (name, member) in raw.map(|o| &o.0[..]).unwrap_or_default() {
        let Some(required) = member.value.required.as_ref().filter(|r| r.value) else {
            continue;
        };
        if placed
            .iter()
            .any(|from| context_name(&from.value) == Some(name.value.as_str()))
        {
            continue;
        }
        let d = ck
            .at(
                pos(required),
                format!(
                    "context member `{}` is required, but no body carries it",
                    name.value
                ),
            )
            .label("every body must carry this member")
            .help(format!(
                "place it in the envelope, e.g. `{0}: {{ from: context.{0} }}`, or drop `required: true`",
                name.value
            ));
        ck.report(d);
    }
}

/// The context member a `from:` names: `context.<name>`, or `instance`.
fn context_name(from: &str) -> Option<&str> {
    from.strip_prefix("context.")
        .or((from == "instance").then_some("instance"))
}

/// Every `from:` of the envelope tree, in tree order.
fn sources<'a>(node: &'a Spanned<RawNode>, out: &mut Vec<&'a Text>) {
    let r = &node.value;
    if let Some(from) = &r.from {
        out.push(from);
    }
    for (_, child) in r.fields.as_ref().map(|f| &f.0[..]).unwrap_or_default() {
        sources(child, out);
    }
    if let Some(items) = &r.items {
        sources(items, out);
    }
}

/// Reports `from` when its node says `optional: true`.
fn optional_placement(ck: &mut Checker<'_>, node: &Spanned<RawNode>, from: &Text) {
    let r = &node.value;
    if r.optional && r.from.as_ref().is_some_and(|f| std::ptr::eq(f, from)) {
        let d = ck
            .at(
                pos(from),
                "a required context member cannot be an optional member",
            )
            .label("`required: true` says every body carries it")
            .help("drop `optional: true` here, or `required: true` from the context member");
        ck.report(d);
        return;
    }
    for (_, child) in r.fields.as_ref().map(|f| &f.0[..]).unwrap_or_default() {
        optional_placement(ck, child, from);
    }
    if let Some(items) = &r.items {
        optional_placement(ck, items, from);
    }
}
