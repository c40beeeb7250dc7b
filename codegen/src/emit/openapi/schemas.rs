//! `components.schemas`: the envelope, the enum of codes and, when codes differ in more
//! than their values, one schema per code tied together by `oneOf`.

use serde_json::{Map, Value as Json, json};

use super::Names;
use super::dialect::{Dialect, into_map};
use crate::model::{Catalog, ErrorDef, FieldSource, Node, Scalar, UnknownMembers};

/// Which errors a schema describes: every error of the catalog, or exactly one.
#[derive(Clone, Copy)]
enum Target<'a> {
    All,
    One(&'a ErrorDef),
}

/// Builds schemas of one catalog in one dialect.
pub(super) struct Schemas<'a> {
    pub catalog: &'a Catalog,
    pub dialect: Dialect,
    pub names: &'a Names,
}

impl Schemas<'_> {
    /// Every schema of `components.schemas`, in a fixed order: envelope, code enum,
    /// then one per code (if the catalog needs them) in catalog order.
    pub fn all(&self) -> Map<String, Json> {
        let mut out = Map::new();
        let body = &self.catalog.envelope.body;
        let many = body.many_items();
        let errors: Vec<&ErrorDef> = self.catalog.errors.iter().collect();
        let envelope = if per_code(self.catalog) && many.is_none() {
            self.union(&errors, &self.envelope_description())
        } else {
            self.node(body, Target::All)
        };
        out.insert(self.names.envelope(), envelope);
        if has_source(body, FieldSource::Code) {
            out.insert(self.names.code_enum(), self.code_enum());
        }
        if per_code(self.catalog) {
            for error in &self.catalog.errors {
                out.insert(
                    self.names.per_code(error),
                    self.one(error, many.unwrap_or(body)),
                );
            }
        }
        if many.is_none() {
            // Each status admits exactly its own codes: a 429 body with a 404 code fails.
            for status in super::statuses(self.catalog) {
                let of_status: Vec<&ErrorDef> = errors
                    .iter()
                    .copied()
                    .filter(|e| e.has_status(status))
                    .collect();
                if of_status.len() > 1 {
                    let text = format!(
                        "The body of a {status} response: one of its {} codes.",
                        of_status.len()
                    );
                    out.insert(self.names.response(status), self.union(&of_status, &text));
                }
            }
        }
        out
    }

    /// The choice of the schemas of `errors`' codes, with a discriminator where the
    /// envelope has a string member at its top that tells codes apart.
    fn union(&self, errors: &[&ErrorDef], description: &str) -> Json {
        if let [only] = errors {
            return self.names.reference(&self.names.per_code(only));
        }
        let one_of: Vec<Json> = errors
            .iter()
            .map(|e| self.names.reference(&self.names.per_code(e)))
            .collect();
        let mut out = Map::new();
        out.insert("description".into(), Json::from(description));
        out.insert("oneOf".into(), Json::from(one_of));
        if let Some((property, source)) = discriminator(self.catalog) {
            let mut mapping = Map::new();
            for error in errors {
                let value = if source == FieldSource::Code {
                    &error.code
                } else {
                    &error.title
                };
                mapping.insert(value.clone(), Json::from(self.names.per_code_ref(error)));
            }
            let mut discriminator = Map::new();
            discriminator.insert("propertyName".into(), Json::from(property));
            discriminator.insert("mapping".into(), Json::Object(mapping));
            out.insert("discriminator".into(), Json::Object(discriminator));
        }
        Json::Object(out)
    }

    /// The items of an array holding several errors: any code's item.
    fn items(&self, items: &Node, target: Target<'_>) -> Json {
        if !matches!(target, Target::All) || !per_code(self.catalog) {
            return self.node(items, target);
        }
        let one_of: Vec<Json> = self
            .catalog
            .errors
            .iter()
            .map(|e| self.names.reference(&self.names.per_code(e)))
            .collect();
        let mut out = Map::new();
        out.insert("oneOf".into(), Json::Array(one_of));
        Json::Object(out)
    }

    /// One code's schema: `node` (the envelope, or the item of an array of several
    /// errors) with that code's values and parameters.
    fn one(&self, error: &ErrorDef, node: &Node) -> Json {
        let mut schema = into_map(self.node(node, Target::One(error)));
        let mut head = Map::new();
        head.insert("title".into(), Json::from(error.title.clone()));
        // What renderers and generators show of a code: its meaning and retry advice,
        // and its docs entry as `externalDocs`.
        let text = error.description_and_advice();
        head.insert("description".into(), Json::from(text));
        if let Some(url) = self.catalog.docs_url(error) {
            head.insert(
                "externalDocs".into(),
                json!({ "description": format!("The docs of `{}`", error.code), "url": url }),
            );
        }
        if error.deprecated.is_some() {
            head.insert("deprecated".into(), Json::Bool(true));
        }
        schema.remove("description");
        head.append(&mut schema);
        Json::Object(head)
    }

    fn envelope_description(&self) -> String {
        description(&self.catalog.envelope.body).map_or_else(
            || {
                format!(
                    "The body of every error response of the {} API.",
                    self.catalog.api
                )
            },
            str::to_owned,
        )
    }

    fn node(&self, node: &Node, target: Target<'_>) -> Json {
        let mut out = match node {
            Node::Field { from, .. } => return self.field(*from, target, description(node)),
            Node::Const { value, .. } => self.constant(value),
            Node::Array {
                items, many: false, ..
            } => into_map(json!({
                "type": "array", "minItems": 1, "maxItems": 1, "items": self.node(items, target)
            })),
            Node::Array {
                items, many: true, ..
            } => into_map(json!({
                "type": "array", "minItems": 1, "items": self.items(items, target)
            })),
            Node::Object { fields, params, .. } => self.object(fields, *params, target),
        };
        if let Some(text) = description(node) {
            out.insert("description".into(), Json::from(text));
        }
        Json::Object(out)
    }

    fn object(
        &self,
        fields: &[(String, Node)],
        params: bool,
        target: Target<'_>,
    ) -> Map<String, Json> {
        let mut properties = Map::new();
        let mut required: Vec<&str> = Vec::new();
        for (name, child) in fields {
            if let Some(schema) = self.member(child, target) {
                properties.insert(name.clone(), schema);
                if self.always_sent(child, target) {
                    required.push(name);
                }
            }
        }
        if let (true, Target::One(error)) = (params, target) {
            for param in &error.params {
                properties.insert(param.name.clone(), self.param(param));
                if !param.optional || param.nullable {
                    required.push(&param.name);
                }
            }
        }
        let mut out = into_map(json!({
            "type": "object",
            "required": required,
            "properties": properties,
        }));
        if self.catalog.envelope.unknown_members == UnknownMembers::Refuse {
            out.insert("additionalProperties".into(), Json::Bool(false));
        }
        out
    }

    /// A member's schema, or `None` where no body of the target has the member.
    fn member(&self, node: &Node, target: Target<'_>) -> Option<Json> {
        if let (Node::Field { from, .. }, Target::One(error)) = (node, target)
            && !crate::wire::has_member(*from, error)
        {
            return None;
        }
        Some(self.node(node, target))
    }

    /// Whether every body of the target has the member.
    fn always_sent(&self, node: &Node, target: Target<'_>) -> bool {
        let Node::Field { from, .. } = node else {
            return true;
        };
        match target {
            _ if matches!(from, FieldSource::Context(_)) => false,
            Target::One(error) => crate::wire::has_member(*from, error),
            Target::All => self
                .catalog
                .errors
                .iter()
                .all(|e| crate::wire::has_member(*from, e)),
        }
    }

    fn field(&self, from: FieldSource, target: Target<'_>, text: Option<&str>) -> Json {
        let errors = &self.catalog.errors;
        let d = self.dialect;
        let mut out = match (from, target) {
            (FieldSource::Code, Target::All) => {
                return self.names.reference(&self.names.code_enum());
            }
            (FieldSource::Code, Target::One(e)) => d.constant("string", Json::from(e.code.clone())),
            (FieldSource::Status, Target::One(e)) if !e.more_statuses.is_empty() => {
                let all: Vec<u16> = e.statuses().collect();
                into_map(json!({ "type": "integer", "enum": all }))
            }
            (FieldSource::Status, Target::One(e)) => d.constant("integer", Json::from(e.status)),
            (FieldSource::Number, Target::One(e)) => d.constant("integer", Json::from(e.number)),
            (FieldSource::Title, Target::One(e)) => {
                d.constant("string", Json::from(e.title.clone()))
            }
            (FieldSource::Status, Target::All) => {
                into_map(json!({ "type": "integer", "enum": super::statuses(self.catalog) }))
            }
            (FieldSource::Number, Target::All) => into_map(
                json!({ "type": "integer", "enum": distinct(errors.iter().filter_map(|e| e.number)) }),
            ),
            (FieldSource::Title, Target::All) => into_map(
                json!({ "type": "string", "enum": distinct(errors.iter().map(|e| e.title.clone())) }),
            ),
            // Every value the error fixes is pinned, so a body of another code fails.
            (FieldSource::DocsUrl, Target::One(e)) => {
                let mut out = d.constant("string", Json::from(self.catalog.docs_url(e)));
                out.insert("format".into(), Json::from("uri"));
                out
            }
            (FieldSource::Description, Target::One(e)) => {
                d.constant("string", Json::from(e.description.clone()))
            }
            (FieldSource::DocsUrl, _) => into_map(json!({ "type": "string", "format": "uri" })),
            (FieldSource::Context(index), _) => {
                let member = &self.catalog.context[index];
                let mut out = into_map(self.type_schema(&member.ty));
                if member.name == "instance" {
                    out.insert("format".into(), Json::from("uri-reference"));
                }
                out
            }
            (FieldSource::Retryable, Target::One(e)) => {
                d.constant("boolean", Json::from(e.is_retryable()))
            }
            (FieldSource::Retryable, Target::All) => into_map(json!({ "type": "boolean" })),
            (FieldSource::Group, Target::One(e)) => match e.group {
                Some(g) => d.constant("string", Json::from(self.catalog.groups[g].name.clone())),
                None => Map::new(),
            },
            (FieldSource::Group, Target::All) => {
                let names: Vec<&str> = self
                    .catalog
                    .groups
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect();
                into_map(json!({ "type": "string", "enum": names }))
            }
            (FieldSource::RetryAfter, Target::One(e)) => {
                d.constant("integer", Json::from(crate::wire::retry_after(e)))
            }
            (FieldSource::RetryAfter, Target::All) => {
                into_map(json!({ "type": "integer", "minimum": 0 }))
            }
            (FieldSource::Attribute(index), Target::One(e)) => match &e.attributes[index] {
                Some(value) => self.constant(value),
                None => Map::new(),
            },
            (FieldSource::Attribute(index), Target::All) => {
                let values = distinct(errors.iter().filter_map(|e| e.attributes[index].clone()));
                let ty = match values.first() {
                    Some(Scalar::Int(_)) => "integer",
                    Some(Scalar::Bool(_)) => "boolean",
                    _ => "string",
                };
                let json: Vec<Json> = values.iter().map(crate::wire::scalar).collect();
                into_map(json!({ "type": ty, "enum": json }))
            }
            (FieldSource::Message | FieldSource::Description, _) => {
                into_map(json!({ "type": "string" }))
            }
        };
        if let Some(text) = text {
            out.insert("description".into(), Json::from(text));
        }
        Json::Object(out)
    }
}

use super::tree::{description, discriminator, distinct, has_source};
pub(super) use super::tree::{per_code, source_description};
