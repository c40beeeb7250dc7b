//! The code enum of `components.schemas`: every code, with the names and texts that
//! client generators and renderers show beside each value.

use std::borrow::Cow;
use std::collections::HashMap;

use super::schemas::{Schemas, source_description};
use crate::emit::commonmark::inline;
use crate::emit::doc::{Doc, Obj};
use crate::model::{ErrorDef, FieldSource};

impl<'a> Schemas<'a> {
    /// The enum of every code, with the Rust variant names and descriptions that client
    /// generators turn into documented enum members: as a list (`x-enum-descriptions`,
    /// read by openapi-generator) and as a map from code to description
    /// (`x-enumDescriptions`, read by Redoc).
    pub(super) fn code_enum(&self) -> Doc<'a> {
        let text = source_description(&self.catalog.envelope.body, FieldSource::Code);
        let codes = self.distinct_codes();
        // Where codes are unique per group only, a value names a code of any group, so
        // its enum name is the code's own, not one group's variant.
        let varname = |e: &'a ErrorDef| {
            if self.catalog.codes_per_group {
                Doc::from(crate::names::variant(&e.code).unwrap_or_else(|_| e.variant.clone()))
            } else {
                Doc::str(&e.variant)
            }
        };
        let mut by_code = Obj::with_capacity(codes.len());
        for (e, text) in &codes {
            by_code.push(e.code.as_str(), Doc::from(text.clone()));
        }
        by_code.dedup(); // each code once already; kept as a map insert would
        let enum_codes = codes.iter().map(|(e, _)| Doc::str(&e.code)).collect();
        let varnames = codes.iter().map(|(e, _)| varname(e)).collect();
        let described = codes.into_iter().map(|(_, text)| Doc::from(text)).collect();
        Doc::Map(Obj::of([
            ("type", Doc::str("string")),
            (
                "description",
                Doc::Str(text.unwrap_or(Cow::Borrowed("The error code."))),
            ),
            ("enum", Doc::List(enum_codes)),
            ("x-enum-varnames", Doc::List(varnames)),
            ("x-enum-descriptions", Doc::List(described)),
            ("x-enumDescriptions", Doc::Map(by_code)),
        ]))
    }

    /// Each code once, in catalog order, with what its value says: the code's
    /// description, or for a code in several groups (`unique_codes: group`) each
    /// group's, named.
    fn distinct_codes(&self) -> Vec<(&'a ErrorDef, String)> {
        let mut found: Vec<Vec<&ErrorDef>> = Vec::new();
        // For lookup only, never iterated: the output follows the catalog's order.
        let mut index: HashMap<&str, usize> = HashMap::new();
        for error in &self.catalog.errors {
            match index.get(error.code.as_str()) {
                Some(&at) => found[at].push(error),
                None => {
                    index.insert(&error.code, found.len());
                    found.push(vec![error]);
                }
            }
        }
        let group = |e: &ErrorDef| {
            e.group
                .map_or("no group", |g| self.catalog.groups[g].name.as_str())
        };
        found
            .into_iter()
            .map(|same| match same.as_slice() {
                [one] => (*one, self.code_description(one)),
                many => {
                    let texts: Vec<String> = many
                        .iter()
                        .map(|e| format!("In {}: {}", inline(group(e)), self.code_description(e)))
                        .collect();
                    (many[0], texts.join(" "))
                }
            })
            .collect()
    }

    /// What a code's enum member says, on one line of CommonMark (Redoc renders it):
    /// its description, the retry advice and, when the docs are published, the link to
    /// its entry.
    fn code_description(&self, error: &ErrorDef) -> String {
        let mut text = error.description_and_advice(inline);
        if let Some(url) = self.catalog.docs_url(error) {
            text.push_str(&format!(" Docs: {}", inline(&url)));
        }
        text
    }
}
