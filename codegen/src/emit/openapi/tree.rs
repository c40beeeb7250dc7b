//! What the envelope tree says about the schemas: whether codes need schemas of their
//! own, which member can discriminate them, where the array of several errors is.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::Hash;

use crate::emit::commonmark;
use crate::model::{Catalog, FieldSource, Node};

/// Whether every code gets a schema of its own: always for bodies holding one error (so
/// that each status's response admits exactly its codes); for bodies holding several,
/// when some code's item has members of its own (fields, attributes, retry facts) or is
/// deprecated (only a schema can say `deprecated: true`).
pub(super) fn per_code(catalog: &Catalog) -> bool {
    if catalog.envelope.body.many_items().is_none() {
        return true;
    }
    let params_in_body =
        has_params(&catalog.envelope.body) && catalog.errors.iter().any(|e| !e.params.is_empty());
    let own_values = crate::wire::sources(&catalog.envelope.body)
        .iter()
        .any(|s| {
            matches!(
                s,
                FieldSource::Attribute(_) | FieldSource::RetryAfter | FieldSource::Retryable
            )
        });
    params_in_body || own_values || catalog.errors.iter().any(|e| e.deprecated.is_some())
}

/// The property a `discriminator` can name: a string member at the top of the body
/// that differs for every code (the code, or the title when the body has no code).
pub(super) fn discriminator(catalog: &Catalog) -> Option<(&str, FieldSource)> {
    let Node::Object { fields, .. } = &catalog.envelope.body else {
        return None;
    };
    if catalog.codes_per_group {
        return None; // the same code in two groups: no one member tells codes apart
    }
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

pub(super) fn has_source(node: &Node, wanted: FieldSource) -> bool {
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

/// The description of the first field taking its value from `wanted`, as CommonMark
/// that shows the catalog's text as written.
pub(super) fn source_description(node: &Node, wanted: FieldSource) -> Option<Cow<'_, str>> {
    match node {
        Node::Field {
            from, description, ..
        } if *from == wanted => description.as_deref().map(commonmark::block),
        Node::Field { .. } | Node::Const { .. } => None,
        Node::Object { fields, .. } => fields
            .iter()
            .find_map(|(_, n)| source_description(n, wanted)),
        Node::Array { items, .. } => source_description(items, wanted),
    }
}

/// A node's description, as CommonMark that shows the catalog's text as written.
pub(super) fn description(node: &Node) -> Option<Cow<'_, str>> {
    let text = match node {
        Node::Field { description, .. }
        | Node::Const { description, .. }
        | Node::Object { description, .. }
        | Node::Array { description, .. } => description.as_deref(),
    };
    text.map(commonmark::block)
}

/// The values in first-seen order, each once; linear (a set of those seen, for lookup
/// only, never iterated).
pub(super) fn distinct<T: Eq + Hash + Copy>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    values.filter(|value| seen.insert(*value)).collect()
}
