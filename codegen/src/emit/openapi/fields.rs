//! The schemas of envelope fields, by where their value comes from: pinned to the one
//! value of a code's schema, or the values of every code in the envelope's.

use std::borrow::Cow;

use super::schemas::{Schemas, Target};
use super::tree::distinct;
use crate::emit::doc::{Doc, Obj};
use crate::model::{ErrorDef, FieldSource, ParamType, Scalar};

impl<'a> Schemas<'a> {
    /// The schema of a field taking its value from `from`, for `target`, with `text`
    /// as its description.
    pub(super) fn field(
        &self,
        from: FieldSource,
        target: Target<'a>,
        text: Option<Cow<'a, str>>,
    ) -> Doc<'a> {
        let mut out = match target {
            // The code enum is referenced as it is, without a description.
            Target::All if from == FieldSource::Code => {
                return self.names.reference(&self.names.code_enum());
            }
            Target::All => self.field_of_all(from),
            Target::One(error) => self.field_of_one(from, error),
        };
        if let Some(text) = text {
            out.insert("description", Doc::Str(text));
        }
        Doc::Map(out)
    }

    /// A field of one code's schema: every value the error fixes is pinned, so a body
    /// of another code fails.
    fn field_of_one(&self, from: FieldSource, e: &'a crate::model::ErrorDef) -> Obj<'a> {
        let d = self.dialect;
        match from {
            FieldSource::Code => d.constant("string", Doc::str(&e.code)),
            FieldSource::Status if !e.more_statuses.is_empty() => {
                let all = e.statuses().map(Doc::from).collect();
                Obj::of([("type", Doc::str("integer")), ("enum", Doc::List(all))])
            }
            FieldSource::Status => match super::status_key::class_bounds(e) {
                Some((low, high)) => Obj::of([
                    ("type", Doc::str("integer")),
                    ("minimum", Doc::from(low)),
                    ("maximum", Doc::from(high)),
                ]),
                None => d.constant("integer", Doc::from(e.status)),
            },
            FieldSource::Number => d.constant("integer", Doc::from(e.number)),
            FieldSource::Title => d.constant("string", Doc::str(e.sent_title())),
            FieldSource::DocsUrl => {
                let mut out = d.constant("string", Doc::from(self.catalog.docs_url(e)));
                out.insert("format", Doc::str("uri"));
                out
            }
            // Every error has one where bodies carry it (the checker sees to that).
            FieldSource::Description => d.constant("string", Doc::from(e.description.as_deref())),
            FieldSource::Context(index) => self.context(index),
            FieldSource::Retryable => d.constant("boolean", Doc::from(e.is_retryable())),
            FieldSource::Group => match e.group {
                Some(g) => d.constant("string", Doc::str(&self.catalog.groups[g].name)),
                None => Obj::new(),
            },
            FieldSource::RetryAfter => {
                d.constant("integer", Doc::from(crate::wire::retry_after(e)))
            }
            FieldSource::Attribute(index) => self.attribute(index, e.attributes[index].as_ref()),
            FieldSource::Message => Obj::of([("type", Doc::str("string"))]),
            // A placed parameter's schema is its own, given by `Schemas::object`.
            FieldSource::Param(_) => Obj::new(),
        }
    }

    /// The status member of the envelope's schema: every listed status, and every
    /// status of a class some error is sent with any of.
    fn statuses_of_all(&self) -> Obj<'a> {
        use super::status_key::ResponseStatus;
        let mut listed = Vec::new();
        let mut classes = Vec::new();
        for status in super::status_key::response_statuses(self.catalog) {
            match status {
                ResponseStatus::One(status) => listed.push(Doc::from(status)),
                ResponseStatus::Class(class) => classes.push(Doc::Map(Obj::of([
                    ("minimum", Doc::from(class * 100)),
                    ("maximum", Doc::from(class * 100 + 99)),
                ]))),
            }
        }
        let typed = ("type", Doc::str("integer"));
        if classes.is_empty() {
            return Obj::of([typed, ("enum", Doc::List(listed))]);
        }
        if !listed.is_empty() {
            classes.insert(0, Doc::Map(Obj::of([("enum", Doc::List(listed))])));
        }
        Obj::of([typed, ("anyOf", Doc::List(classes))])
    }

    /// A field of the envelope's schema, admitting the values of every code.
    fn field_of_all(&self, from: FieldSource) -> Obj<'a> {
        let errors = &self.catalog.errors;
        let typed = |ty: &'a str| ("type", Doc::str(ty));
        let listed = |items: Vec<Doc<'a>>| ("enum", Doc::List(items));
        match from {
            FieldSource::Status => self.statuses_of_all(),
            FieldSource::Number => {
                let all = distinct(errors.iter().filter_map(|e| e.number));
                Obj::of([
                    typed("integer"),
                    listed(all.into_iter().map(Doc::from).collect()),
                ])
            }
            FieldSource::Title => {
                let all = distinct(errors.iter().map(ErrorDef::sent_title));
                Obj::of([
                    typed("string"),
                    listed(all.into_iter().map(Doc::str).collect()),
                ])
            }
            FieldSource::DocsUrl => Obj::of([typed("string"), ("format", Doc::str("uri"))]),
            FieldSource::Context(index) => self.context(index),
            FieldSource::Retryable => Obj::of([typed("boolean")]),
            FieldSource::Group => {
                let names = self.catalog.groups.iter().map(|g| Doc::str(&g.name));
                Obj::of([typed("string"), listed(names.collect())])
            }
            FieldSource::RetryAfter => Obj::of([typed("integer"), ("minimum", Doc::from(0_u64))]),
            FieldSource::Attribute(index) => self.attribute_of_all(index),
            FieldSource::Code | FieldSource::Message | FieldSource::Description => {
                Obj::of([typed("string")])
            }
            // As spread parameters, placed ones are only in each code's schema.
            FieldSource::Param(_) => Obj::new(),
        }
    }

    /// A context member: the schema of its type, a URI reference for an `instance` of
    /// type `string` (one of type `uri` is an absolute URI).
    fn context(&self, index: usize) -> Obj<'a> {
        let member = &self.catalog.context[index];
        let mut out = self.type_schema(&member.ty).into_obj();
        if member.name == "instance" && member.ty == ParamType::String {
            out.insert("format", Doc::str("uri-reference"));
        }
        out
    }

    /// An error's value of an attribute (none: any value), a URI (`format: uri`) for an
    /// attribute of type `uri`.
    fn attribute(&self, index: usize, value: Option<&'a Scalar>) -> Obj<'a> {
        let Some(value) = value else {
            return Obj::new();
        };
        let mut out = self.constant(value);
        if self.catalog.attributes[index].ty == ParamType::Uri {
            out.insert("format", Doc::str("uri"));
        }
        out
    }

    /// An attribute in the envelope's schema: the enum of every value codes give it,
    /// typed after the first; a `uri` attribute's values are URIs (`format: uri`).
    fn attribute_of_all(&self, index: usize) -> Obj<'a> {
        let errors = &self.catalog.errors;
        let values = distinct(errors.iter().filter_map(|e| e.attributes[index].as_ref()));
        let ty = match values.first() {
            Some(Scalar::Int(_)) => "integer",
            Some(Scalar::Bool(_)) => "boolean",
            _ => "string",
        };
        let all = values
            .iter()
            .map(|v| Doc::from(crate::wire::scalar(v)))
            .collect();
        let mut out = Obj::of([("type", Doc::str(ty))]);
        if self.catalog.attributes[index].ty == ParamType::Uri {
            out.insert("format", Doc::str("uri"));
        }
        out.insert("enum", Doc::List(all));
        out
    }
}
