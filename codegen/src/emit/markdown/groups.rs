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

/// Every group and error in docs order, in time linear in the catalog's size.
pub(super) fn order(catalog: &Catalog) -> Vec<Entry> {
    // The errors and subgroups directly in each group, and those in none, in order.
    let mut errors: Vec<Vec<usize>> = vec![Vec::new(); catalog.groups.len()];
    let mut loose = Vec::new();
    for (index, error) in catalog.errors.iter().enumerate() {
        match error.group {
            Some(group) => errors[group].push(index),
            None => loose.push(index),
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); catalog.groups.len()];
    let mut tops = Vec::new();
    for (index, group) in catalog.groups.iter().enumerate() {
        match group.parent {
            Some(parent) => children[parent].push(index),
            None => tops.push(index),
        }
    }
    let mut out: Vec<Entry> = loose
        .into_iter()
        .map(|index| Entry::Error(index, 0))
        .collect();
    let tree = Tree { errors, children };
    for top in tops {
        tree.push_group(top, 0, &mut out);
    }
    out
}

/// The direct errors and subgroups of each group.
struct Tree {
    errors: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
}

impl Tree {
    fn push_group(&self, index: usize, depth: usize, out: &mut Vec<Entry>) {
        out.push(Entry::Group(index, depth));
        out.extend(
            self.errors[index]
                .iter()
                .map(|e| Entry::Error(*e, depth + 1)),
        );
        for child in &self.children[index] {
            self.push_group(*child, depth + 1, out);
        }
    }
}

/// A group's heading: its anchor and title.
pub(super) fn heading(group: &Group) -> String {
    format!(
        "<a id=\"{}\"></a>{}",
        attribute(&group.anchor),
        inline(group.heading())
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
