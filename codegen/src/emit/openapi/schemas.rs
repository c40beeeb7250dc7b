//! `components.schemas`: the envelope, the enum of codes and, when codes differ in more
//! than their values, one schema per code tied together by `oneOf`.

use std::borrow::Cow;

use super::Names;
use super::dialect::Dialect;
use crate::emit::commonmark::{block, code_span, inline};
use crate::emit::doc::{Doc, Obj};
use crate::model::{Catalog, ErrorDef, FieldSource, Node, UnknownMembers};

/// Which errors a schema describes: every error of the catalog, or exactly one.
#[derive(Clone, Copy)]
pub(super) enum Target<'a> {
    /// Every error of the catalog.
    All,
    /// This error only.
    One(&'a ErrorDef),
}

/// Builds schemas of one catalog in one dialect.
pub(super) struct Schemas<'a> {
    pub catalog: &'a Catalog,
    pub dialect: Dialect,
    pub names: &'a Names<'a>,
}

impl<'a> Schemas<'a> {
    /// Every schema of `components.schemas`, in a fixed order: envelope, code enum,
    /// then one per code (if the catalog needs them) in catalog order.
    pub fn all(&self) -> Obj<'a> {
        let mut out = Obj::with_capacity(self.catalog.errors.len() + 2);
        let body = &self.catalog.envelope.body;
        let many = body.many_items();
        let errors: Vec<&'a ErrorDef> = self.catalog.errors.iter().collect();
        let envelope = if per_code(self.catalog) && many.is_none() {
            self.union(&errors, self.envelope_description())
        } else {
            self.node(body, Target::All)
        };
        out.push(self.names.envelope(), envelope);
        if has_source(body, FieldSource::Code) {
            out.push(self.names.code_enum(), self.code_enum());
        }
        if per_code(self.catalog) {
            for error in &self.catalog.errors {
                out.push(
                    self.names.per_code(error),
                    self.one(error, many.unwrap_or(body)),
                );
            }
        }
        if many.is_none() {
            self.status_unions(&errors, &mut out);
            super::operations::unions(self, &mut out);
        }
        // Names are unique when the checker accepts the catalog; repeated ones would
        // behave as map inserts.
        out.dedup();
        out
    }

    /// Each status with several codes admits exactly its own codes: a 429 body with a
    /// 404 code fails.
    fn status_unions(&self, errors: &[&'a ErrorDef], out: &mut Obj<'a>) {
        for status in super::status_key::response_statuses(self.catalog) {
            let of_status: Vec<&'a ErrorDef> =
                errors.iter().copied().filter(|e| status.has(e)).collect();
            if of_status.len() > 1 {
                let text = format!(
                    "The body of a {status} response: one of its {} codes.",
                    of_status.len()
                );
                out.push(
                    self.names.response(status),
                    self.union(&of_status, Cow::Owned(text)),
                );
            }
        }
    }

    /// The choice of the schemas of `errors`' codes, with a discriminator where the
    /// envelope has a string member at its top that tells codes apart.
    pub(super) fn union(&self, errors: &[&'a ErrorDef], description: Cow<'a, str>) -> Doc<'a> {
        if let [only] = errors {
            return self.names.per_code_reference(only);
        }
        let one_of: Vec<Doc<'a>> = errors
            .iter()
            .map(|e| self.names.per_code_reference(e))
            .collect();
        let mut out = Obj::of([
            ("description", Doc::Str(description)),
            ("oneOf", Doc::List(one_of)),
        ]);
        if let Some((property, source)) = discriminator(self.catalog) {
            let mut mapping = Obj::with_capacity(errors.len());
            for error in errors {
                let value = if source == FieldSource::Code {
                    &error.code
                } else {
                    error.sent_title()
                };
                mapping.push(value, Doc::str(self.names.per_code_ref(error)));
            }
            mapping.dedup(); // titles may repeat: the last code of a title wins
            let discriminator = Obj::of([
                ("propertyName", Doc::str(property)),
                ("mapping", Doc::Map(mapping)),
            ]);
            out.insert("discriminator", Doc::Map(discriminator));
        }
        Doc::Map(out)
    }

    /// The items of an array holding several errors: any code's item.
    fn items(&self, items: &'a Node, target: Target<'a>) -> Doc<'a> {
        if !matches!(target, Target::All) || !per_code(self.catalog) {
            return self.node(items, target);
        }
        let one_of: Vec<Doc<'a>> = self
            .catalog
            .errors
            .iter()
            .map(|e| self.names.per_code_reference(e))
            .collect();
        Doc::Map(Obj::of([("oneOf", Doc::List(one_of))]))
    }

    /// One code's schema: `node` (the envelope, or the item of an array of several
    /// errors) with that code's values and parameters.
    fn one(&self, error: &'a ErrorDef, node: &'a Node) -> Doc<'a> {
        let mut schema = self.node(node, Target::One(error)).into_obj();
        // What renderers and generators show of a code: its meaning and retry advice,
        // and its docs entry as `externalDocs`.
        let mut head = Obj::with_capacity(3);
        if let Some(title) = &error.title {
            head.push("title", Doc::str(title));
        }
        head.push(
            "description",
            Doc::from(error.description_and_advice(|text| block(text).into_owned())),
        );
        if let Some(url) = self.catalog.docs_url(error) {
            let docs = Obj::of([
                (
                    "description",
                    Doc::from(format!("The docs of {}", code_span(&error.code))),
                ),
                ("url", Doc::from(url)),
            ]);
            head.insert("externalDocs", Doc::Map(docs));
        }
        if error.deprecated.is_some() {
            head.insert("deprecated", Doc::Bool(true));
        }
        // A swap-remove, as serde_json's map did: the last member takes its place.
        schema.remove("description");
        head.append(schema);
        Doc::Map(head)
    }

    /// The envelope's description: the body's own, or a sentence naming the API.
    fn envelope_description(&self) -> Cow<'a, str> {
        match description(&self.catalog.envelope.body) {
            Some(text) => text,
            None => Cow::Owned(format!(
                "The body of every error response of the {} API.",
                inline(&self.catalog.api)
            )),
        }
    }

    /// The schema of `node` for `target`, with the node's description.
    pub(super) fn node(&self, node: &'a Node, target: Target<'a>) -> Doc<'a> {
        let one = || Doc::from(1_u64);
        let mut out = match node {
            Node::Field { from, .. } => return self.field(*from, target, description(node)),
            Node::Const { value, .. } => self.constant(value),
            Node::Array {
                items, many: false, ..
            } => Obj::of([
                ("type", Doc::str("array")),
                ("minItems", one()),
                ("maxItems", one()),
                ("items", self.node(items, target)),
            ]),
            Node::Array {
                items, many: true, ..
            } => Obj::of([
                ("type", Doc::str("array")),
                ("minItems", one()),
                ("items", self.items(items, target)),
            ]),
            Node::Object { fields, params, .. } => self.object(fields, *params, target),
        };
        if let Some(text) = description(node) {
            out.insert("description", Doc::Str(text));
        }
        Doc::Map(out)
    }

    /// An object node: its members that the target's bodies have, the ones all of them
    /// have as `required`, and the code's parameters where the node holds them.
    fn object(&self, fields: &'a [(String, Node)], params: bool, target: Target<'a>) -> Obj<'a> {
        let mut properties = Obj::new();
        let mut required: Vec<Doc<'a>> = Vec::new();
        for (name, child) in fields {
            if let Node::Field {
                from: FieldSource::Param(_),
                ..
            } = child
            {
                // As a spread parameter, at this position: in each code's schema only.
                if let Target::One(error) = target
                    && let Some(param) = error.params.iter().find(|p| p.name == *name)
                {
                    properties.insert(name.as_str(), self.param(param));
                    if !param.optional || param.nullable {
                        required.push(Doc::str(name));
                    }
                }
                continue;
            }
            if let Some(schema) = self.member(child, target) {
                properties.insert(name.as_str(), schema);
                if self.always_sent(child, target) {
                    required.push(Doc::str(name));
                }
            }
        }
        if let (true, Target::One(error)) = (params, target) {
            let placed = &self.catalog.envelope.placed;
            for param in error.params.iter().filter(|p| !placed.contains(&p.name)) {
                properties.insert(param.name.as_str(), self.param(param));
                if !param.optional || param.nullable {
                    required.push(Doc::str(&param.name));
                }
            }
        }
        // OpenAPI 3.0 refuses an empty `required`; leaving it out says the same.
        let mut out = Obj::of([("type", Doc::str("object"))]);
        if !required.is_empty() {
            out.insert("required", Doc::List(required));
        }
        out.insert("properties", Doc::Map(properties));
        if self.catalog.envelope.unknown_members == UnknownMembers::Refuse {
            out.insert("additionalProperties", Doc::Bool(false));
        }
        out
    }

    /// A member's schema, or `None` where no body of the target has the member.
    fn member(&self, node: &'a Node, target: Target<'a>) -> Option<Doc<'a>> {
        if let (Node::Field { from, .. }, Target::One(error)) = (node, target)
            && !crate::wire::has_member(*from, error)
        {
            return None;
        }
        Some(self.node(node, target))
    }

    /// Whether every body of the target has the member.
    fn always_sent(&self, node: &Node, target: Target<'_>) -> bool {
        let Node::Field { from, optional, .. } = node else {
            return true;
        };
        if let FieldSource::Context(index) = from {
            return !*optional && self.catalog.context[*index].required;
        }
        match target {
            _ if *optional => false,
            Target::One(error) => crate::wire::has_member(*from, error),
            Target::All => self
                .catalog
                .errors
                .iter()
                .all(|e| crate::wire::has_member(*from, e)),
        }
    }
}

use super::tree::{description, discriminator, has_source};
pub(super) use super::tree::{per_code, source_description};
