//! `components.schemas`: the envelope, the enum of codes and, when codes differ in more
//! than their values, one schema per code tied together by `oneOf`.

use serde_json::{Map, Value as Json, json};

use super::Names;
use super::dialect::{Dialect, into_map};
use crate::model::{Catalog, ErrorDef, FieldSource, Node, Param, ParamType, Scalar};

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
        let envelope = if per_code(self.catalog) {
            self.union()
        } else {
            self.node(body, Target::All)
        };
        out.insert(self.names.envelope(), envelope);
        if has_source(body, FieldSource::Code) {
            out.insert(self.names.code_enum(), self.code_enum());
        }
        if per_code(self.catalog) {
            for error in &self.catalog.errors {
                out.insert(self.names.per_code(error), self.one(error));
            }
        }
        out
    }

    /// The envelope as the choice of one schema per code, with a discriminator where
    /// the envelope has a string member at its top that tells codes apart.
    fn union(&self) -> Json {
        let errors = &self.catalog.errors;
        let one_of: Vec<Json> = errors
            .iter()
            .map(|e| self.names.reference(&self.names.per_code(e)))
            .collect();
        let mut out = Map::new();
        out.insert(
            "description".into(),
            Json::from(self.envelope_description()),
        );
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
            out.insert(
                "discriminator".into(),
                json!({ "propertyName": property, "mapping": mapping }),
            );
        }
        Json::Object(out)
    }

    /// One code's schema: the envelope with that code's values and parameters.
    fn one(&self, error: &ErrorDef) -> Json {
        let mut schema = into_map(self.node(&self.catalog.envelope.body, Target::One(error)));
        let mut head = Map::new();
        head.insert("title".into(), Json::from(error.title.clone()));
        head.insert("description".into(), Json::from(error.description.clone()));
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
            Node::Array { items, .. } => into_map(json!({
                "type": "array", "minItems": 1, "maxItems": 1, "items": self.node(items, target)
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
            properties.insert(name.clone(), self.node(child, target));
            if !child.is_instance() {
                required.push(name);
            }
        }
        if let (true, Target::One(error)) = (params, target) {
            for param in &error.params {
                properties.insert(param.name.clone(), self.param(param));
                if !param.optional {
                    required.push(&param.name);
                }
            }
        }
        into_map(json!({
            "type": "object",
            "required": required,
            "properties": properties,
            "additionalProperties": false,
        }))
    }

    fn field(&self, from: FieldSource, target: Target<'_>, text: Option<&str>) -> Json {
        let errors = &self.catalog.errors;
        let d = self.dialect;
        let mut out = match (from, target) {
            (FieldSource::Code, Target::All) => {
                return self.names.reference(&self.names.code_enum());
            }
            (FieldSource::Code, Target::One(e)) => d.constant("string", Json::from(e.code.clone())),
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
            (FieldSource::DocsUrl, _) => into_map(json!({ "type": "string", "format": "uri" })),
            (FieldSource::Instance, _) => {
                into_map(json!({ "type": "string", "format": "uri-reference" }))
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

    fn constant(&self, value: &Scalar) -> Map<String, Json> {
        match value {
            Scalar::Bool(b) => self.dialect.constant("boolean", Json::from(*b)),
            Scalar::Int(i) => self.dialect.constant("integer", Json::from(*i)),
            Scalar::Str(s) => self.dialect.constant("string", Json::from(s.clone())),
            Scalar::Null => self.dialect.null(),
        }
    }

    fn param(&self, param: &Param) -> Json {
        let mut out = into_map(match param.ty {
            ParamType::String => json!({ "type": "string" }),
            ParamType::Integer => json!({ "type": "integer", "format": "int64" }),
            ParamType::Boolean => json!({ "type": "boolean" }),
            ParamType::StringList => json!({ "type": "array", "items": { "type": "string" } }),
        });
        if let Some(text) = &param.description {
            out.insert("description".into(), Json::from(text.clone()));
        }
        if let Some(example) = crate::wire::param_json(&param.example) {
            self.dialect.add_example(&mut out, example);
        }
        Json::Object(out)
    }
}

/// Whether every code gets a schema of its own: when some code's body has members of
/// its own (parameters in the body), or when some code is deprecated (only a schema can
/// say `deprecated: true`).
pub(super) fn per_code(catalog: &Catalog) -> bool {
    let params_in_body =
        has_params(&catalog.envelope.body) && catalog.errors.iter().any(|e| !e.params.is_empty());
    params_in_body || catalog.errors.iter().any(|e| e.deprecated.is_some())
}

/// The property a `discriminator` can name: a string member at the top of the body
/// that differs for every code (the code, or the title when the body has no code).
fn discriminator(catalog: &Catalog) -> Option<(&str, FieldSource)> {
    let Node::Object { fields, .. } = &catalog.envelope.body else {
        return None;
    };
    let top = |wanted: FieldSource| {
        fields.iter().find_map(|(name, node)| match node {
            Node::Field { from, .. } if *from == wanted => Some((name.as_str(), wanted)),
            _ => None,
        })
    };
    let body = &catalog.envelope.body;
    let titles_identify =
        !has_source(body, FieldSource::Code) && !has_source(body, FieldSource::Number);
    top(FieldSource::Code).or_else(|| top(FieldSource::Title).filter(|_| titles_identify))
}

fn has_source(node: &Node, wanted: FieldSource) -> bool {
    match node {
        Node::Field { from, .. } => *from == wanted,
        Node::Const { .. } => false,
        Node::Object { fields, .. } => fields.iter().any(|(_, n)| has_source(n, wanted)),
        Node::Array { items, .. } => has_source(items, wanted),
    }
}

fn has_params(node: &Node) -> bool {
    match node {
        Node::Field { .. } | Node::Const { .. } => false,
        Node::Object { fields, params, .. } => *params || fields.iter().any(|(_, n)| has_params(n)),
        Node::Array { items, .. } => has_params(items),
    }
}

/// The description of the first field taking its value from `wanted`.
pub(super) fn source_description(node: &Node, wanted: FieldSource) -> Option<&str> {
    match node {
        Node::Field { from, description } if *from == wanted => description.as_deref(),
        Node::Field { .. } | Node::Const { .. } => None,
        Node::Object { fields, .. } => fields
            .iter()
            .find_map(|(_, n)| source_description(n, wanted)),
        Node::Array { items, .. } => source_description(items, wanted),
    }
}

fn description(node: &Node) -> Option<&str> {
    match node {
        Node::Field { description, .. }
        | Node::Const { description, .. }
        | Node::Object { description, .. }
        | Node::Array { description, .. } => description.as_deref(),
    }
}

/// The values in first-seen order, each once.
fn distinct<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for value in values {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}
