//! Checks of the wire envelope: the shape of every error's JSON body.

use super::{Checker, pos};
use crate::model::{
    Attribute, ContextMember, Docs, Envelope, FieldSource, ManyStatus, Node, Scalar, UnknownMembers,
};
use crate::raw::{RawEnvelope, RawError, RawNode, RawScalar};
use serde_saphyr::Spanned;

const SOURCES: &str = "status, code, number, title, message, description, docs_url, instance, retryable, retry_after, attribute.<name>, context.<name>";

/// What the envelope's sources may name besides the error's own values.
pub(super) struct Names<'a> {
    /// The docs settings (whether docs URLs can be filled in).
    pub docs: &'a Docs,
    /// The declared attributes.
    pub attributes: &'a [Attribute],
    /// The request context.
    pub context: &'a [ContextMember],
}

/// Whether some object of the raw envelope says `params: true`.
pub(super) fn raw_has_params_object(node: &Spanned<RawNode>) -> bool {
    let mut spread = Vec::new();
    raw_params_nodes(node, &mut spread);
    !spread.is_empty()
}

/// Checks the envelope.
pub(super) fn check_envelope(
    ck: &mut Checker<'_>,
    raw: &RawEnvelope,
    names: &Names<'_>,
) -> Envelope {
    let docs = names;
    let media_type = ck
        .optional(raw.media_type.as_ref(), "media_type")
        .unwrap_or_else(|| "application/json".to_owned());
    // Visible ASCII only: the media type is sent as a `Content-Type` header value.
    let malformed = !media_type.contains('/') || !media_type.chars().all(|c| c.is_ascii_graphic());
    if let (true, Some(raw_type)) = (malformed, &raw.media_type) {
        let d = ck
            .at(pos(raw_type), format!("`{media_type}` is not a media type"))
            .label("expected `type/subtype`")
            .help("for example `application/json` or `application/problem+json`");
        ck.report(d);
    }
    let body = node(ck, &raw.body, docs);
    report_params_twice(ck, &raw.body);
    if !matches!(body, Node::Object { .. }) {
        let d = ck
            .at(pos(&raw.body), "the envelope body must be an object")
            .label("expected `fields:`")
            .help("write `body: { fields: { code: { from: code }, message: { from: message } } }`");
        ck.report(d);
    }
    let mut has_code = false;
    visit_sources(&body, &mut |s| {
        has_code |= matches!(
            s,
            FieldSource::Code
                | FieldSource::Number
                | FieldSource::Title
                | FieldSource::Attribute(_)
        );
    });
    let many = many_arrays(&body);
    if many > 1 {
        let d = ck
            .at(pos(&raw.body), "more than one array with `many: true`")
            .label("the errors of a response go in one array")
            .help("keep `many: true` on one array");
        ck.report(d);
    }
    if many > 0 {
        let mut outside = Vec::new();
        fields_outside_many(&body, &mut outside);
        for from in outside {
            let d = ck
                .at(pos(&raw.body), format!("`from: {}` outside the array of errors", source_name(from)))
                .label("a body of several errors has one value of this per error")
                .help("move it into the array's `items`; outside them go constants, the request context and `from: status` (the response's, see `many_status`)");
            ck.report(d);
        }
    }
    let many_status = self::many_status(ck, raw.many_status.as_ref(), many > 0);
    let unknown_members = unknown_members(ck, raw, &media_type);
    if !has_code {
        let d = ck
            .at(pos(&raw.body), "the envelope never carries the error's code")
            .label("clients could not tell errors apart")
            .help("add a field with `from: code` (or `from: number`, or `from: title` when titles are unique)");
        ck.report(d);
    }
    Envelope {
        media_type,
        body,
        unknown_members,
        many_status,
    }
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
        FieldSource::RetryAfter => "retry_after",
    }
}

/// The number of arrays saying `many: true`.
fn many_arrays(node: &Node) -> usize {
    match node {
        Node::Field { .. } | Node::Const { .. } => 0,
        Node::Object { fields, .. } => fields.iter().map(|(_, n)| many_arrays(n)).sum(),
        Node::Array { items, many, .. } => usize::from(*many) + many_arrays(items),
    }
}

/// `many_status`: `first`, `highest` or a status; only with a `many: true` array.
fn many_status(ck: &mut Checker<'_>, raw: Option<&Spanned<RawScalar>>, many: bool) -> ManyStatus {
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
fn unknown_members(ck: &mut Checker<'_>, raw: &RawEnvelope, media_type: &str) -> UnknownMembers {
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
                return Some(fields.iter().map(|(name, _)| name.as_str()).collect());
            }
            fields.iter().find_map(|(_, n)| params_object_members(n))
        }
        Node::Array { items, .. } => params_object_members(items),
    }
}

/// Reports every `params: true` after the first: the parameters go in one object.
fn report_params_twice(ck: &mut Checker<'_>, body: &Spanned<RawNode>) {
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

/// Calls `f` with every field source in the tree.
pub(crate) fn visit_sources(node: &Node, f: &mut impl FnMut(FieldSource)) {
    match node {
        Node::Field { from, .. } => f(*from),
        Node::Const { .. } => {}
        Node::Object { fields, .. } => fields.iter().for_each(|(_, n)| visit_sources(n, f)),
        Node::Array { items, .. } => visit_sources(items, f),
    }
}

fn node(ck: &mut Checker<'_>, raw: &Spanned<RawNode>, docs: &Names<'_>) -> Node {
    let r = &raw.value;
    let description = ck.optional(r.description.as_ref(), "field description");
    let kinds = [
        r.from.is_some(),
        r.constant.is_some(),
        r.fields.is_some(),
        r.items.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        let d = ck
            .at(pos(raw), "an envelope node needs exactly one of `from`, `const`, `fields`, `items`")
            .label("ambiguous or empty node")
            .help("`from` takes a value of the error, `const` a constant, `fields` makes an object, `items` an array");
        ck.report(d);
        return Node::Const {
            value: Scalar::Bool(false),
            description,
        };
    }
    if r.many && r.items.is_none() {
        let d = ck
            .at(pos(raw), "`many: true` only goes with `items`")
            .label("an array holds the errors")
            .help("write `errors: { items: { fields: { ... } }, many: true }`");
        ck.report(d);
    }
    if r.params && r.fields.is_none() {
        let d = ck
            .at(pos(raw), "`params: true` only goes with `fields`")
            .label("parameters become members of an object")
            .help("move `params: true` into the object that should hold the parameters");
        ck.report(d);
    }
    if let Some(from) = &r.from {
        let source = field_source(ck, from, docs);
        return Node::Field {
            from: source,
            description,
        };
    }
    if let Some(constant) = &r.constant {
        let value = match &constant.value {
            RawScalar::Bool(b) => Scalar::Bool(*b),
            RawScalar::Int(i) => Scalar::Int(*i),
            RawScalar::Str(s) => Scalar::Str(s.clone()),
            RawScalar::Null => Scalar::Null,
        };
        return Node::Const { value, description };
    }
    if let Some(items) = &r.items {
        let element = node(ck, items, docs);
        if element.is_context() {
            let d = ck
                .at(pos(items), "a request context value only goes in `fields`")
                .label("an array item cannot be left out")
                .help("make it a member of an object: `fields: { instance: { from: instance } }`");
            ck.report(d);
        }
        if r.many && has_context(&element) {
            let d = ck
                .at(pos(items), "request context inside the array of errors")
                .label("the context is given once per response")
                .help("move the context member next to the array, e.g. `request_id: { from: context.request_id }`");
            ck.report(d);
        }
        let items = Box::new(element);
        return Node::Array {
            items,
            many: r.many,
            description,
        };
    }
    let fields = r.fields.as_ref().map(|f| &f.0[..]).unwrap_or_default();
    if fields.is_empty() && !r.params {
        let d = ck
            .at(pos(raw), "an envelope object without members")
            .label("`fields: {}` sends an empty object in every body")
            .help("give it members, or `params: true` to hold the parameters; remove it if the API sends no such object");
        ck.report(d);
    }
    let mut members: Vec<(String, Node)> = Vec::new();
    for (name, child) in fields {
        if members.iter().any(|(n, _)| *n == name.value) {
            let d = ck
                .at(
                    pos(name),
                    format!("duplicate envelope field `{}`", name.value),
                )
                .label("defined twice");
            ck.report(d);
        }
        let name_text = ck.required(name, "field name");
        members.push((name_text, node(ck, child, docs)));
    }
    Node::Object {
        fields: members,
        params: r.params,
        description,
    }
}

/// Whether a context value sits somewhere in `node`.
fn has_context(node: &Node) -> bool {
    let mut found = false;
    visit_sources(node, &mut |s| found |= matches!(s, FieldSource::Context(_)));
    found
}

fn field_source(ck: &mut Checker<'_>, from: &crate::raw::Text, names: &Names<'_>) -> FieldSource {
    let docs = names.docs;
    if let Some(name) = from.value.strip_prefix("attribute.") {
        if let Some(index) = names.attributes.iter().position(|a| a.name == name) {
            return FieldSource::Attribute(index);
        }
        let d = ck
            .at(pos(from), format!("unknown attribute `{name}`"))
            .label("not declared under the catalog's `attributes`")
            .help("declare it: `attributes: { category: { type: string } }`, and set it per error");
        ck.report(d);
        return FieldSource::Code;
    }
    let context = from
        .value
        .strip_prefix("context.")
        .or((from.value == "instance").then_some("instance"));
    if let Some(name) = context {
        if let Some(index) = names.context.iter().position(|m| m.name == name) {
            return FieldSource::Context(index);
        }
        let d = ck
            .at(pos(from), format!("unknown context member `{name}`"))
            .label("not declared under the catalog's `context`")
            .help("declare it: `context: { request_id: { type: string } }`");
        ck.report(d);
        return FieldSource::Code;
    }
    let source = match from.value.as_str() {
        "status" => FieldSource::Status,
        "code" => FieldSource::Code,
        "number" => FieldSource::Number,
        "title" => FieldSource::Title,
        "message" => FieldSource::Message,
        "description" => FieldSource::Description,
        "docs_url" => FieldSource::DocsUrl,
        "retryable" => FieldSource::Retryable,
        "retry_after" => FieldSource::RetryAfter,
        other => {
            let d = ck
                .at(pos(from), format!("unknown envelope source `{other}`"))
                .label("not a value of an error")
                .help(format!("use one of: {SOURCES}"));
            ck.report(d);
            return FieldSource::Code;
        }
    };
    if source == FieldSource::DocsUrl && docs.base_url.is_none() {
        let d = ck
            .at(pos(from), "`from: docs_url` needs `docs.base_url`")
            .label("no URL to point at")
            .help("set `docs.base_url` to where the generated page is published");
        ck.report(d);
    }
    source
}
