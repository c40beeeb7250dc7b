//! Checks of envelopes holding several errors in one body (`many: true`), and of the
//! envelope's settings for them and for unknown members.

use super::{Checker, envelope, pos};
use crate::model::{FieldSource, ManyStatus, Node, UnknownMembers};
use crate::raw::{RawEnvelope, RawNode, RawScalar};
use crate::spanned::Spanned;

/// Reports each of the error's own values outside the array of errors.
pub(super) fn report_outside(ck: &mut Checker<'_>, raw: &Spanned<RawNode>, body: &Node) {
    let mut outside = Vec::new();
    fields_outside_many(body, &mut outside);
    for from in outside {
        let d = ck
            .at(pos(raw), format!("`from: {}` outside the array of errors", source_name(from)))
            .label("a body of several errors has one value of this per error")
            .help("move it into the array's `items`; outside them go constants, the request context and `from: status` (the response's, see `many_status`)");
        ck.report(d);
    }
}

/// Whether a context value sits somewhere in `node`.
pub(super) fn has_context(node: &Node) -> bool {
    let mut found = false;
    envelope::visit_sources(node, &mut |s| found |= matches!(s, FieldSource::Context(_)));
    found
}

/// The error's own values outside the items of the `many: true` array, where a body of
/// several errors has no single value for them.
fn fields_outside_many(node: &Node, out: &mut Vec<FieldSource>) {
    match node {
        Node::Field { from, .. } => {
            if !matches!(from, FieldSource::Status | FieldSource::Context(_)) {
                out.push(*from);
            }
        }
        Node::Const { .. } => {}
        Node::Object { fields, .. } => fields.iter().for_each(|(_, n)| fields_outside_many(n, out)),
        Node::Array { items, many, .. } => {
            if !*many {
                fields_outside_many(items, out);
            }
        }
    }
}

/// How a source is written in a catalog, for messages.
fn source_name(from: FieldSource) -> &'static str {
    match from {
        FieldSource::Status => "status",
        FieldSource::Code => "code",
        FieldSource::Number => "number",
        FieldSource::Title => "title",
        FieldSource::Message => "message",
        FieldSource::Description => "description",
        FieldSource::DocsUrl => "docs_url",
        FieldSource::Context(_) => "context.<name>",
        FieldSource::Attribute(_) => "attribute.<name>",
        FieldSource::Retryable => "retryable",
        FieldSource::Group => "group",
        FieldSource::RetryAfter => "retry_after",
        FieldSource::Param(_) => "param",
    }
}

/// The number of arrays saying `many: true`.
pub(super) fn many_arrays(node: &Node) -> usize {
    match node {
        Node::Field { .. } | Node::Const { .. } => 0,
        Node::Object { fields, .. } => fields.iter().map(|(_, n)| many_arrays(n)).sum(),
        Node::Array { items, many, .. } => usize::from(*many) + many_arrays(items),
    }
}

/// `many_status`: `first`, `highest` or a status; only with a `many: true` array.
pub(super) fn many_status(
    ck: &mut Checker<'_>,
    raw: Option<&Spanned<RawScalar>>,
    many: bool,
) -> ManyStatus {
    let Some(raw) = raw else {
        return ManyStatus::First;
    };
    if !many {
        let d = ck
            .at(pos(raw), "`many_status` without a `many: true` array")
            .label("every body holds one error")
            .help("remove it, or say `many: true` on the array holding the errors");
        ck.report(d);
    }
    match &raw.value {
        RawScalar::Str(s) if s == "first" => ManyStatus::First,
        RawScalar::Str(s) if s == "highest" => ManyStatus::Highest,
        RawScalar::Int(n) if (400..=599).contains(n) => {
            ManyStatus::Fixed(u16::try_from(*n).unwrap_or(400))
        }
        _ => {
            let d = ck
                .at(pos(raw), "unknown `many_status`")
                .label("expected `first`, `highest` or a status from 400 to 599")
                .help("`first` answers with the first error's status, `highest` with the highest");
            ck.report(d);
            ManyStatus::First
        }
    }
}

/// `unknown_members`: `allow` or `refuse`; RFC 9457 bodies allow them by default.
pub(super) fn unknown_members(
    ck: &mut Checker<'_>,
    raw: &RawEnvelope,
    media_type: &str,
) -> UnknownMembers {
    match raw.unknown_members.as_ref().map(|t| t.value.as_str()) {
        None if media_type == "application/problem+json" => UnknownMembers::Allow,
        None | Some("refuse") => UnknownMembers::Refuse,
        Some("allow") => UnknownMembers::Allow,
        Some(other) => {
            let d = ck
                .at(
                    pos(raw.unknown_members.as_ref().expect("matched Some")),
                    format!("unknown `unknown_members` value `{other}`"),
                )
                .label("expected `allow` or `refuse`");
            ck.report(d);
            UnknownMembers::Refuse
        }
    }
}
