//! Checks of the wire envelope: the shape of every error's JSON body.

use super::{Checker, many, pos};
use crate::model::{Attribute, ContextMember, Docs, Envelope, FieldSource, Identity, Node, Scalar};
use crate::raw::{RawEnvelope, RawNode, RawScalar};
use crate::spanned::Spanned;

const SOURCES: &str = "status, code, number, title, message, description, docs_url, instance, retryable, retry_after, param, attribute.<name>, context.<name>";

/// What the envelope's sources may name besides the error's own values.
pub(super) struct Names<'a> {
    /// The docs settings (whether docs URLs can be filled in).
    pub docs: &'a Docs,
    /// The declared attributes.
    pub attributes: &'a [Attribute],
    /// The request context.
    pub context: &'a [ContextMember],
    /// Whether the catalog has groups.
    pub groups: bool,
    /// Whether the errors are HTTP responses (else no member can carry a status).
    pub http: bool,
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
    let mut placed = Vec::new();
    let body = node(ck, &raw.body, docs, &mut placed, None);
    super::members::report_params_twice(ck, &raw.body);
    if !matches!(body, Node::Object { .. }) {
        let d = ck
            .at(pos(&raw.body), "the envelope body must be an object")
            .label("expected `fields:`")
            .help("write `body: { fields: { code: { from: code }, message: { from: message } } }`");
        ck.report(d);
    }
    let mut has_code = false;
    // With one error per body, a status that each error has alone identifies it too.
    let single = body.many_items().is_none();
    visit_sources(&body, &mut |s| {
        has_code |= matches!(
            s,
            FieldSource::Code
                | FieldSource::Number
                | FieldSource::Title
                | FieldSource::Attribute(_)
        ) || (single && s == FieldSource::Status);
    });
    let many = many::many_arrays(&body);
    if many > 1 {
        let d = ck
            .at(pos(&raw.body), "more than one array with `many: true`")
            .label("the errors of a response go in one array")
            .help("keep `many: true` on one array");
        ck.report(d);
    }
    if many > 0 {
        many::report_outside(ck, &raw.body, &body);
    }
    let many_status = many::many_status(ck, raw.many_status.as_ref(), many > 0);
    if let (Some(raw_status), false) = (&raw.many_status, names.http) {
        let d = ck
            .at(
                pos(raw_status),
                "`many_status` in a catalog of errors that are not HTTP responses",
            )
            .label("`http: false` errors have no status")
            .help("drop `many_status`");
        ck.report(d);
    }
    let unknown_members = many::unknown_members(ck, raw, &media_type);
    if !has_code {
        let d = ck
            .at(pos(&raw.body), "the envelope never carries the error's code")
            .label("clients could not tell errors apart")
            .help("add a field with `from: code` (or `from: number`, or `from: title` when titles are unique, or `from: status` when each error has a status of its own)");
        ck.report(d);
    }
    Envelope {
        media_type,
        body,
        unknown_members,
        many_status,
        // Decided once the errors are known, by `identity::check_identity`.
        identity: Identity::Code,
        placed,
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

/// The node `raw`; `key` is its member name where it is a member of the object holding
/// the parameters (`params: true`), the only place `from: param` may stand, and
/// `placed` collects the names of the parameters placed so.
fn node(
    ck: &mut Checker<'_>,
    raw: &Spanned<RawNode>,
    docs: &Names<'_>,
    placed: &mut Vec<String>,
    key: Option<&str>,
) -> Node {
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
    if r.optional && r.from.is_none() {
        let d = ck
            .at(pos(raw), "`optional: true` only goes with `from`")
            .label("only a member taken from the error may be left out")
            .help("move `optional: true` to a `from:` member");
        ck.report(d);
    }
    if let Some(from) = &r.from {
        let source = if from.value == "param" {
            param_source(ck, from, placed, key)
        } else {
            field_source(ck, from, docs)
        };
        if r.optional && matches!(source, FieldSource::Code | FieldSource::Number) {
            let d = ck
                .at(
                    pos(from),
                    "the member that names the error cannot be optional",
                )
                .label("a body without it names no error")
                .help("drop `optional: true`: clients find the error by this member");
            ck.report(d);
        }
        if r.optional && matches!(source, FieldSource::Param(_)) {
            let d = ck
                .at(pos(from), "`optional: true` on a placed parameter")
                .label("whether the member may be left out is the parameter's own")
                .help("drop `optional: true` here; declare the parameter `optional: true` instead");
            ck.report(d);
        }
        return Node::Field {
            from: source,
            description,
            optional: r.optional,
        };
    }
    if let Some(constant) = &r.constant {
        let value = match &constant.value {
            RawScalar::Bool(b) => Scalar::Bool(*b),
            RawScalar::Int(i) => Scalar::Int(*i),
            RawScalar::Str(s) => Scalar::Str(s.clone()),
            RawScalar::Null => Scalar::Null,
            RawScalar::Json(json) => Scalar::Json(json.clone()),
        };
        return Node::Const { value, description };
    }
    if let Some(items) = &r.items {
        let element = node(ck, items, docs, placed, None);
        if element.is_context() {
            let d = ck
                .at(pos(items), "a request context value only goes in `fields`")
                .label("an array item cannot be left out")
                .help("make it a member of an object: `fields: { instance: { from: instance } }`");
            ck.report(d);
        }
        if r.many && many::has_context(&element) {
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
        let key = r.params.then_some(name_text.as_str());
        let child = node(ck, child, docs, placed, key);
        members.push((name_text, child));
    }
    Node::Object {
        fields: members,
        params: r.params,
        description,
    }
}

/// `from: param` as the member `key` of the object holding the parameters: the
/// parameter of that name, placed at this position; elsewhere a mistake.
fn param_source(
    ck: &mut Checker<'_>,
    from: &crate::raw::Text,
    placed: &mut Vec<String>,
    key: Option<&str>,
) -> FieldSource {
    let Some(key) = key else {
        let d = ck
            .at(pos(from), "`from: param` outside the object holding the parameters")
            .label("a parameter is placed among the members of the `params: true` object")
            .help("move this member into the object with `params: true`, or add `params: true` to this member's object");
        ck.report(d);
        return FieldSource::Code;
    };
    placed.push(key.to_owned());
    FieldSource::Param(placed.len() - 1)
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
        "group" => FieldSource::Group,
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
    if source == FieldSource::Status && !names.http {
        let d = ck
            .at(
                pos(from),
                "`from: status` in a catalog of errors that are not HTTP responses",
            )
            .label("`http: false` errors have no status")
            .help(
                "drop this member, or drop `http: false` if the API sends these errors over HTTP",
            );
        ck.report(d);
    }
    if source == FieldSource::Group && !names.groups {
        let d = ck
            .at(pos(from), "`from: group` in a catalog without groups")
            .label("no error has a group")
            .help("declare `groups` and give errors a `group`, or drop this member");
        ck.report(d);
    }
    if source == FieldSource::DocsUrl && docs.base_url.is_none() {
        let d = ck
            .at(pos(from), "`from: docs_url` needs `docs.base_url`")
            .label("no URL to point at")
            .help("set `docs.base_url` to where the generated page is published");
        ck.report(d);
    }
    source
}
