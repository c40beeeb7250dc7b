//! Checks of the catalog's groups (classes and subclasses of codes): names, numeric
//! ranges (inside the parent's, apart from the siblings'), and what their errors
//! inherit (status, attributes, retry, `defaults: { retry: from_status }`).

use std::collections::HashMap;

use crate::spanned::Spanned;

use super::errors::Stated;
use super::{Checker, attributes, pos, retry};
use crate::model::{Attribute, Group, RetryStatement, Scalar};
use crate::names;
use crate::raw::{RawError, RawGroup, Text};
use crate::raw_values::RawStatuses;

/// The checked groups with what their errors inherit.
pub(super) struct GroupSet<'a> {
    /// The groups, parents before their subgroups.
    pub groups: Vec<Group>,
    /// Each group as written, in the same order.
    raw: Vec<&'a RawGroup>,
    /// Each group's statuses (the first, then the others), checked.
    statuses: Vec<Option<Stated>>,
    /// Each group's attribute values, in declaration order.
    values: Vec<Vec<Option<Scalar>>>,
    /// What each group states about retrying its errors, checked.
    retries: Vec<Option<RetryStatement>>,
    /// Whether each group derives its errors' unstated retry policies from their
    /// statuses (`defaults: { retry: from_status }`).
    derives: Vec<bool>,
    /// The index of each group by name, for lookups only (never iterated).
    by_name: HashMap<String, usize>,
}

impl<'a> GroupSet<'a> {
    /// The index of the group named `name`.
    pub(super) fn find(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// `index` and its ancestors, innermost first.
    fn chain(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(index), |i| self.groups[*i].parent)
    }

    /// The statuses the nearest group of the chain sets: the first, then the others.
    pub(super) fn status(&self, index: usize) -> Option<Stated> {
        self.chain(index).find_map(|i| self.statuses[i].clone())
    }

    /// What the nearest group of the chain that states anything states about retrying.
    pub(super) fn retry(&self, index: usize) -> Option<RetryStatement> {
        self.chain(index).find_map(|i| self.retries[i].clone())
    }

    /// Whether a group of the chain derives unstated retry policies from statuses.
    pub(super) fn derives_retry(&self, index: usize) -> bool {
        self.chain(index).any(|i| self.derives[i])
    }

    /// Checks each group's attribute values against the declarations.
    pub(super) fn check_values(&mut self, ck: &mut Checker<'_>, declared: &[Attribute]) {
        self.values = self
            .raw
            .iter()
            .map(|raw| attributes::group_values(ck, declared, raw.attributes.as_ref()))
            .collect();
    }

    /// The value of the attribute at `attribute` the nearest group of the chain sets.
    pub(super) fn value(&self, index: usize, attribute: usize) -> Option<Scalar> {
        self.chain(index)
            .find_map(|i| self.values.get(i)?.get(attribute)?.clone())
    }

    /// Every range of the chain: the numbers of the group's errors must be in each.
    pub(super) fn ranges(&self, index: usize) -> Vec<(&str, (i64, i64))> {
        self.chain(index)
            .filter_map(|i| {
                self.groups[i]
                    .range
                    .map(|r| (self.groups[i].name.as_str(), r))
            })
            .collect()
    }
}

/// Calls `each` with every status the groups state, nested ones too.
pub(super) fn statuses(raw: &[RawGroup], each: &mut dyn FnMut(&Spanned<RawStatuses>)) {
    for group in raw {
        group.status.iter().for_each(&mut *each);
        statuses(&group.groups, each);
    }
}

/// Checks a status as written: listed, or a class or `none`.
pub(super) type StatusCheck = dyn Fn(&mut Checker<'_>, &Spanned<RawStatuses>) -> Stated;

/// Checks every group, depth first.
pub(super) fn check_groups<'a>(
    ck: &mut Checker<'_>,
    raw: &'a [RawGroup],
    status: &StatusCheck,
) -> GroupSet<'a> {
    let mut set = GroupSet {
        groups: Vec::new(),
        raw: Vec::new(),
        statuses: Vec::new(),
        values: Vec::new(),
        retries: Vec::new(),
        derives: Vec::new(),
        by_name: HashMap::new(),
    };
    let mut seen: HashMap<String, Text> = HashMap::new();
    for group in raw {
        add(ck, &mut set, &mut seen, group, None, status);
    }
    set
}

fn add<'a>(
    ck: &mut Checker<'_>,
    set: &mut GroupSet<'a>,
    seen: &mut HashMap<String, Text>,
    raw: &'a RawGroup,
    parent: Option<usize>,
    status: &StatusCheck,
) {
    let name = ck.required(&raw.name, "group name");
    let variant = match names::variant(&name) {
        Ok(variant) => variant,
        Err(_) => {
            let d = ck
                .at(
                    pos(&raw.name),
                    format!("group `{name}` cannot name a Rust variant"),
                )
                .label("not a Rust identifier, or a keyword")
                .help("group names are snake case, starting with a letter: `auth`, `billing_v2`");
            ck.report(d);
            name.clone()
        }
    };
    if let Some(first) = seen.insert(variant.clone(), raw.name.clone()) {
        let line = pos(&first).line;
        let d = ck
            .at(pos(&raw.name), format!("group `{name}` is declared twice"))
            .label("same Rust name as an earlier group")
            .note(format!("first declared at line {line}"));
        ck.report(d);
    }
    let anchor = format!("group-{}", names::anchor(&name));
    anchor_apart(ck, set, &anchor, raw);
    let range = raw.range.as_ref().and_then(|r| range(ck, set, parent, r));
    let index = set.groups.len();
    set.groups.push(Group {
        title: raw.title.as_ref().map(|t| ck.required(t, "group title")),
        description: ck.optional(raw.description.as_ref(), "group description"),
        anchor,
        name,
        variant,
        parent,
        range,
    });
    set.by_name.entry(raw.name.value.clone()).or_insert(index);
    set.raw.push(raw);
    set.statuses
        .push(raw.status.as_ref().map(|s| status(ck, s)));
    let retry = raw.retry.as_ref().map(|r| retry::retry(ck, r));
    set.retries.push(retry);
    let defaults = raw.defaults.as_ref().and_then(|d| d.retry.as_ref());
    let whose = "each of the group's errors (its subgroups' too)";
    set.derives
        .push(retry::derives_from_status(ck, defaults, whose));
    for child in &raw.groups {
        add(ck, set, seen, child, Some(index), status);
    }
}

/// Reports a group whose docs anchor (and book page, `groups/<anchor>.md`) an earlier
/// group of another Rust name has: `aB` and `ab` are both `#group-ab`. Groups of the same
/// Rust name are reported as declared twice already.
fn anchor_apart(ck: &mut Checker<'_>, set: &GroupSet<'_>, anchor: &str, raw: &RawGroup) {
    let Some(first) = set.groups.iter().position(|g| g.anchor == anchor) else {
        return;
    };
    if names::variant(&raw.name.value).ok().as_deref() == Some(set.groups[first].variant.as_str()) {
        return;
    }
    let at = pos(&set.raw[first].name);
    let d = ck
        .at(
            pos(&raw.name),
            format!(
                "group `{}` has the docs anchor `#{anchor}` of group `{}`",
                raw.name.value, set.groups[first].name
            ),
        )
        .label("docs anchor used again here")
        .note(format!(
            "group `{}` is declared at {}:{}:{}",
            set.groups[first].name, ck.source.name, at.line, at.col
        ))
        .help("group names that differ only in letter case or separators share one section and one book page; rename one");
    ck.report(d);
}

/// A group's range: ordered ends, inside its parent's. Ranges of other groups may
/// overlap, since each error names its group; [`ambiguous_numbers`] reports an error
/// that does not, where its number would name two.
fn range(
    ck: &mut Checker<'_>,
    set: &GroupSet<'_>,
    parent: Option<usize>,
    raw: &Spanned<crate::raw::RawRange>,
) -> Option<(i64, i64)> {
    let (from, to) = (raw.value.from.value, raw.value.to.value);
    if from > to {
        let d = ck
            .at(
                pos(&raw.value.to),
                format!("range ends at {to}, before it starts at {from}"),
            )
            .label("`to` must be at least `from`")
            .help("write the lower number as `from`");
        ck.report(d);
        return None;
    }
    if let Some((name, (low, high))) = parent.and_then(|p| {
        let group = &set.groups[p];
        group.range.map(|r| (group.name.clone(), r))
    }) && (from < low || to > high)
    {
        let d = ck
            .at(
                pos(raw),
                format!("range {from} to {to} is outside its parent's"),
            )
            .label(format!("group `{name}` holds {low} to {high}"))
            .help("a subgroup's numbers are a part of its group's");
        ck.report(d);
    }
    Some((from, to))
}

/// Reports a code whose docs anchor is a group's (`group-auth`): links would land on
/// one of the two.
pub(super) fn anchors_apart(
    ck: &mut Checker<'_>,
    groups: &[Group],
    errors: &[crate::model::ErrorDef],
    raw: &[crate::raw::RawError],
) {
    for (error, raw_error) in errors.iter().zip(raw) {
        if let Some(group) = groups.iter().find(|g| g.anchor == error.anchor) {
            let d = ck
                .at(
                    pos(&raw_error.code),
                    format!(
                        "code \"{}\" has the docs anchor of group `{}`",
                        error.code, group.name
                    ),
                )
                .label(format!("both would be `#{}`", error.anchor))
                .help("rename the code or the group");
            ck.report(d);
        }
    }
}

/// Reports every error that names no group although its number falls in the ranges of
/// two groups neither of which holds the other (siblings or across parents): a reader
/// of the docs could not tell which it belongs to.
pub(super) fn ambiguous_numbers(ck: &mut Checker<'_>, set: &GroupSet<'_>, raw: &[RawError]) {
    for error in raw.iter().filter(|e| e.group.is_none()) {
        let Some(number) = &error.number else {
            continue;
        };
        let holding: Vec<usize> = (0..set.groups.len())
            .filter(|&g| {
                set.groups[g]
                    .range
                    .is_some_and(|(low, high)| (low..=high).contains(&number.value))
            })
            .collect();
        // The innermost groups holding the number: none of their subgroups holds it.
        let innermost: Vec<usize> = holding
            .iter()
            .copied()
            .filter(|&g| {
                !holding
                    .iter()
                    .any(|&other| other != g && set.chain(other).any(|a| a == g))
            })
            .collect();
        if let [first, second, ..] = innermost[..] {
            let (a, b) = (&set.groups[first].name, &set.groups[second].name);
            let d = ck
                .at(
                    pos(number),
                    format!(
                        "number {} falls in the ranges of groups `{a}` and `{b}`",
                        number.value
                    ),
                )
                .label("the error names no group")
                .help(format!("say which it belongs to, e.g. `group: {a}`"));
            ck.report(d);
        }
    }
}
