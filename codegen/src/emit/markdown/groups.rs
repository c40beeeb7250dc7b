//! The order the docs show a catalog in when it has groups: the errors in no group
//! first, then each group (parents before subgroups) with its own errors, each entry
//! with its depth below the section it is in.

use super::escape::{attribute, inline};
use crate::model::{Catalog, Group};

/// One entry of the docs' order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    /// The group at this index of `Catalog::groups`, at this depth (0 for a top group).
    Group(usize, usize),
    /// The error at this index of `Catalog::errors`, at this depth (0 outside groups).
    Error(usize, usize),
}

/// Every group and error in docs order.
pub(super) fn order(catalog: &Catalog) -> Vec<Entry> {
    let mut out: Vec<Entry> = errors_of(catalog, None)
        .map(|index| Entry::Error(index, 0))
        .collect();
    for (index, group) in catalog.groups.iter().enumerate() {
        if group.parent.is_none() {
            push_group(catalog, index, 0, &mut out);
        }
    }
    out
}

fn push_group(catalog: &Catalog, index: usize, depth: usize, out: &mut Vec<Entry>) {
    out.push(Entry::Group(index, depth));
    out.extend(errors_of(catalog, Some(index)).map(|e| Entry::Error(e, depth + 1)));
    let children = catalog
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.parent == Some(index));
    for (child, _) in children {
        push_group(catalog, child, depth + 1, out);
    }
}

/// The indexes of the errors directly in `group` (or in none), in catalog order.
fn errors_of(catalog: &Catalog, group: Option<usize>) -> impl Iterator<Item = usize> + '_ {
    catalog
        .errors
        .iter()
        .enumerate()
        .filter(move |(_, e)| e.group == group)
        .map(|(index, _)| index)
}

/// A group's heading: its anchor and title.
pub(super) fn heading(group: &Group) -> String {
    format!(
        "<a id=\"{}\"></a>{}",
        attribute(&group.anchor),
        inline(&group.title)
    )
}

/// What the docs say under a group's heading: its description and its numbers.
pub(super) fn about(group: &Group) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(description) = &group.description {
        parts.push(inline(description));
    }
    if let Some((from, to)) = group.range {
        parts.push(format!("Codes {from} to {to}."));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}
