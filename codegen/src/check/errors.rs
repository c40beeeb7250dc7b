//! Checks of the `errors` list: codes, statuses, texts and retry policies.

use std::collections::HashSet;

use super::groups::GroupSet;
use super::retry::{from_status, retry};
use super::{Checker, Require, attributes, deprecation, params, pos, texts};
use crate::model::{Attribute, Case, ErrorDef, OpenStatus, RetryStatement};
use crate::names::{self, NameError};
use crate::raw::{Ordered, RawAttribute, RawCase, RawError, Text};
use crate::raw_values::RawStatuses;
use crate::spanned::Spanned;
use std::collections::HashMap;

/// What checking an error needs from the rest of the catalog.
pub(super) struct Scope<'a> {
    /// Whether the envelope has a `params: true` object, so fields may be members only.
    pub members: bool,
    /// The declared attributes.
    pub attributes: &'a [Attribute],
    /// The same, as written (for their defaults).
    pub raw_attributes: Option<&'a Ordered<Spanned<RawAttribute>>>,
    /// The groups, with what their errors inherit.
    pub groups: &'a GroupSet<'a>,
    /// The status of errors that give none and inherit none from a group.
    pub default_status: Option<u16>,
    /// Whether errors that state no retry policy get the one of their status, labelled
    /// as derived (`defaults: { retry: from_status }`).
    pub retry_from_status: bool,
    /// Whether the errors are HTTP responses; if not, none has a status.
    pub http: bool,
    /// Whether codes are unique per group (variants and anchors group-qualified).
    pub per_group: bool,
    /// The keys the catalog's `require` asks every error for.
    pub require: Require,
}

impl Scope<'_> {
    /// What qualifies an error's Rust variant and docs anchor where codes are unique
    /// per group: the group's variant (`Billing`) and `billing-`; nothing otherwise.
    fn qualifier(&self, group: Option<usize>) -> (String, String) {
        match group.filter(|_| self.per_group) {
            Some(index) => {
                let group = &self.groups.groups[index];
                (group.variant.clone(), format!("{}-", group.name))
            }
            None => (String::new(), String::new()),
        }
    }

    /// The index of the group `raw` names, reported when there is none.
    fn group(&self, ck: &mut Checker<'_>, raw: &Text) -> Option<usize> {
        let found = self.groups.find(&raw.value);
        if found.is_none() {
            let known: Vec<&str> = self.groups.groups.iter().map(|g| g.name.as_str()).collect();
            let d = ck
                .at(pos(raw), format!("unknown group `{}`", raw.value))
                .label("no group of the catalog has this name")
                .help(if known.is_empty() {
                    "declare it under the catalog's `groups`".to_owned()
                } else {
                    format!("groups: {}", known.join(", "))
                });
            ck.report(d);
        }
        found
    }
}

/// Checks every error and the relations between them.
pub(super) fn check_errors(
    ck: &mut Checker<'_>,
    raw: &Spanned<Vec<RawError>>,
    scope: &Scope<'_>,
) -> Vec<ErrorDef> {
    if raw.value.is_empty() {
        let d = ck.at(pos(raw), "a catalog needs at least one error").help(
            "add an entry under `errors:` with code, status, title, description and solution",
        );
        ck.report(d);
    }
    let shared = shared_numeric_titles(&raw.value);
    let errors: Vec<ErrorDef> = raw
        .value
        .iter()
        .map(|e| check_error(ck, e, scope, &shared))
        .collect();
    super::types::object_names_unique(ck, &errors, &raw.value);
    super::groups::ambiguous_numbers(ck, scope.groups, &raw.value);
    let pairs: Vec<(&ErrorDef, &RawError)> = errors.iter().zip(&raw.value).collect();
    let by_code = |e: &RawError| pos(&e.code);
    // Where codes are unique per group, a code is known by its group and itself.
    let in_group = |e: &RawError, key: String| match (&e.group, scope.per_group) {
        (Some(group), true) => format!("{}/{key}", group.value),
        _ => key,
    };
    let code = |_: &ErrorDef, e: &RawError| Some(in_group(e, e.code.value.clone()));
    let repeat = if scope.per_group {
        Repeat::CODE_IN_GROUP
    } else {
        Repeat::CODE
    };
    report_repeats(ck, &pairs, code, by_code, (repeat, scope.per_group));
    // The variant and the anchor as the emitters write them: group-qualified where codes
    // are unique per group, from the `name` or title for an error known by its number.
    let variant = |e: &ErrorDef, _: &RawError| Some(e.variant.clone());
    report_repeats(
        ck,
        &pairs,
        variant,
        variant_pos,
        (Repeat::VARIANT, scope.per_group),
    );
    let number = |_: &ErrorDef, e: &RawError| e.number.as_ref().map(|n| n.value.to_string());
    let number_pos = |e: &RawError| e.number.as_ref().map_or(pos(&e.code), pos);
    report_repeats(
        ck,
        &pairs,
        number,
        number_pos,
        (Repeat::NUMBER, scope.per_group),
    );
    let anchor = |e: &ErrorDef, _: &RawError| Some(e.anchor.clone());
    report_repeats(
        ck,
        &pairs,
        anchor,
        by_code,
        (Repeat::ANCHOR, scope.per_group),
    );
    for (error, raw) in errors.iter().zip(&raw.value) {
        report_section_anchor(ck, error, raw);
    }
    errors
}

/// Reports a code whose docs anchor is the id of one of the docs page's own sections.
fn report_section_anchor(ck: &mut Checker<'_>, error: &ErrorDef, raw: &RawError) {
    if names::DOCS_SECTION_ANCHORS.contains(&error.anchor.as_str()) {
        let d = ck
            .at(
                pos(&raw.code),
                format!(
                    "code \"{}\" would take the docs anchor `#{}` of a section of the page",
                    error.code, error.anchor
                ),
            )
            .label("anchor already used by the docs page")
            .help("rename the code; the page's own sections use these anchors");
        ck.report(d);
    }
}

/// The Rust names that titles of two or more errors known by their number only, without
/// a `name`, would make: those errors are named by title and number instead. For
/// lookup only, never iterated.
fn shared_numeric_titles(raw: &[RawError]) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut shared = HashSet::new();
    for error in raw.iter().filter(|e| e.numeric && e.name.is_none()) {
        let Some(Ok(name)) = error.title.as_ref().map(|t| names::variant(&t.value)) else {
            continue;
        };
        if !seen.insert(name.clone()) {
            shared.insert(name);
        }
    }
    shared
}

fn check_error(
    ck: &mut Checker<'_>,
    raw: &RawError,
    scope: &Scope<'_>,
    shared: &HashSet<String>,
) -> ErrorDef {
    let code = ck.required(&raw.code, "code");
    let variant = if raw.numeric {
        numeric_variant(ck, raw, shared)
    } else {
        variant_name(ck, &raw.code)
    };
    let group = raw.group.as_ref().and_then(|g| scope.group(ck, g));
    let qualifier = scope.qualifier(group);
    let variant = format!("{}{variant}", qualifier.0);
    let inherited = group.and_then(|g| scope.groups.status(g)).or(scope
        .default_status
        .map(|status| Stated::Listed(status, Vec::new())));
    let mut more_statuses = Vec::new();
    let mut open_status = None;
    let status = match (&raw.status, inherited) {
        _ if !scope.http => {
            raw.status.iter().for_each(|s| no_status(ck, s));
            None
        }
        (Some(raw_status), _) => {
            statuses(ck, raw_status).into_status(&mut more_statuses, &mut open_status)
        }
        (None, Some(stated)) => stated.into_status(&mut more_statuses, &mut open_status),
        (None, None) => Some(missing(
            ck,
            &raw.code,
            "status",
            "the HTTP status the API answers with, e.g. `status: 404`, or one for its group or the catalog's `defaults`",
        )),
    };
    if let (Some(number), Some(group)) = (&raw.number, group) {
        in_ranges(ck, number, &scope.groups.ranges(group));
    }
    let title = match &raw.title {
        Some(title) => Some(ck.required(title, "title")),
        None if scope.require.title => {
            missing(
                ck,
                &raw.code,
                "title",
                "a short name, e.g. `title: Not Found` (the catalog's `require` asks for one)",
            );
            None
        }
        None => None,
    };
    let description = match &raw.description {
        Some(value) => Some(ck.required(value, "description")),
        None if scope.require.description => {
            missing(
                ck,
                &raw.code,
                "description",
                "what went wrong, in a sentence (the catalog's `require` asks for one)",
            );
            None
        }
        None => None,
    };
    let solutions = solutions(ck, raw, scope.require.solution);
    let (params, mut message) = params::check_message(ck, raw, &variant, scope.members);
    if raw.template_text().is_none() {
        // Neither message nor description: `Display` shows the title, else the code
        // (bodies that carry a message need one, which `texts::stated_where_sent`
        // reports).
        let shown = title.clone().unwrap_or_else(|| code.clone());
        message.pieces = vec![crate::model::Piece::Text(shown)];
    }
    let declared = scope.attributes;
    let from_group = |name: &str| {
        let attribute = declared.iter().position(|a| a.name == name)?;
        scope.groups.value(group?, attribute)
    };
    let attributes = attributes::error_values(ck, declared, scope.raw_attributes, raw, &from_group);
    ErrorDef {
        at: pos(&raw.code),
        anchor: names::anchor(&format!("{}{code}", qualifier.1)),
        code,
        variant,
        number: raw.number.as_ref().map(|n| n.value),
        status,
        more_statuses,
        open_status,
        title,
        description,
        solutions,
        message,
        params,
        attributes,
        group,
        retry: error_retry(ck, raw, scope, group, status),
        cases: raw.cases.iter().map(|c| case(ck, c)).collect(),
        explanation: ck.optional(raw.explanation.as_ref(), "explanation"),
        causes: raw.causes.iter().map(|c| ck.required(c, "cause")).collect(),
        links: raw.links.iter().map(|l| texts::link(ck, l)).collect(),
        deprecated: ck.optional(raw.deprecated.as_ref(), "deprecation note"),
        sunset: deprecation::sunset(ck, raw),
    }
}

/// What is stated about retrying an error: its own `retry`, else its group's; else,
/// under `defaults: { retry: from_status }` of the catalog or of a group of its chain,
/// the policy of its status, labelled as derived; else nothing.
fn error_retry(
    ck: &mut Checker<'_>,
    raw: &RawError,
    scope: &Scope<'_>,
    group: Option<usize>,
    status: Option<u16>,
) -> RetryStatement {
    if let Some(own) = &raw.retry {
        return retry(ck, own);
    }
    if let Some(inherited) = group.and_then(|g| scope.groups.retry(g)) {
        return inherited;
    }
    let derives = scope.retry_from_status || group.is_some_and(|g| scope.groups.derives_retry(g));
    let derived = derives.then(|| from_status(status)).flatten();
    RetryStatement {
        derived: derived.is_some(),
        policy: derived,
        note: None,
    }
}

/// Reports a number outside a range of its group or of an enclosing group.
fn in_ranges(ck: &mut Checker<'_>, number: &Spanned<i64>, ranges: &[(&str, (i64, i64))]) {
    for (name, (low, high)) in ranges {
        if !(low..=high).contains(&&number.value) {
            let d = ck
                .at(
                    pos(number),
                    format!("number {} is outside group `{name}`", number.value),
                )
                .label(format!("`{name}` holds {low} to {high}"))
                .help("give the error a number of its group's range, or move it to its group");
            ck.report(d);
        }
    }
}

/// The error's solutions: `solution` or `solutions`, not both; with `require:
/// [solution]`, an error without any is reported at its code.
fn solutions(ck: &mut Checker<'_>, raw: &RawError, required: bool) -> Vec<String> {
    let mut out: Vec<String> = raw
        .solution
        .iter()
        .map(|s| ck.required(s, "solution"))
        .collect();
    if let Some(list) = &raw.solutions {
        if raw.solution.is_some() {
            let d = ck
                .at(pos(list), "both `solution` and `solutions`")
                .label("say it once")
                .help("put the one solution into the list, or keep `solution` alone");
            ck.report(d);
        }
        out.extend(list.value.iter().map(|s| ck.required(s, "solution")));
    }
    for (text, at) in out.iter().zip(
        raw.solution
            .iter()
            .chain(raw.solutions.iter().flat_map(|l| &l.value)),
    ) {
        if text.contains('\0') {
            let d = ck
                .at(pos(at), "a solution holds a NUL character")
                .label("not text");
            ck.report(d);
        }
    }
    if out.is_empty() && required {
        missing(
            ck,
            &raw.code,
            "solution",
            "what the client should do about it; the catalog's `require` asks every error for one",
        );
    }
    out
}

/// Gives errors known by their number only the number's text as their code; reports
/// each error with neither, at its first key.
pub(super) fn codes_from_numbers(ck: &mut Checker<'_>, raw: &mut Spanned<Vec<RawError>>) {
    let list = pos(raw);
    for (index, error) in raw.value.iter_mut().enumerate() {
        if error.number_as_code() {
            continue;
        }
        let at = [&error.title, &error.description, &error.solution]
            .into_iter()
            .flatten()
            .map(pos)
            .next()
            .unwrap_or(list);
        let d = ck
            .at(at, "error has neither `code` nor `number`")
            .label("this error has no identity")
            .help("add `code: not_found`, or a `number` when the API knows errors by number only");
        ck.report(d);
        // A stand-in no other check refuses, so this is reported once.
        error.code = Spanned::new(
            format!("missing_code_{index}"),
            error.code.referenced,
            error.code.defined,
        );
    }
}

/// The variant of an error known by its number only: its `name`, else its title, with
/// the number where other such errors share the title (`InvalidRequest40001`), else
/// the number alone (`E40001`). Nothing is invented: each part is the catalog's.
fn numeric_variant(ck: &mut Checker<'_>, raw: &RawError, shared: &HashSet<String>) -> String {
    let (source, what) = match (&raw.name, &raw.title) {
        (Some(name), _) => (name, "name"),
        (None, Some(title)) => (title, "title"),
        (None, None) => return format!("E{}", number_in_name(&raw.code.value)),
    };
    let made = if what == "name" {
        names::variant_as_written(&source.value)
    } else {
        names::variant(&source.value)
    };
    match made {
        Ok(name) if what == "title" && shared.contains(&name) => {
            format!("{name}{}", number_in_name(&raw.code.value))
        }
        Ok(name) => name,
        Err(_) => {
            let d = ck
                .at(
                    pos(source),
                    format!("the {what} `{}` cannot name a Rust variant", source.value),
                )
                .label("an error known by its number is named by its `name` or title")
                .help("write `name: TokenExpired`: kept as written, so an upper-case letter, then letters and digits");
            ck.report(d);
            format!("E{}", number_in_name(&raw.code.value))
        }
    }
}

/// A number as part of a Rust name: `40001`, or `Minus5` for `-5`.
fn number_in_name(number: &str) -> String {
    match number.strip_prefix('-') {
        Some(digits) => format!("Minus{digits}"),
        None => number.to_owned(),
    }
}

fn variant_name(ck: &mut Checker<'_>, code: &Text) -> String {
    if let Some((index, c)) = names::code_breach(&code.value) {
        if !code.value.trim().is_empty() {
            report_code_breach(ck, code, index, c);
        }
        return names::variant(&code.value).unwrap_or_else(|_| code.value.clone());
    }
    match names::variant(&code.value) {
        Ok(name) => name,
        Err(NameError::Keyword(name)) => {
            let d = ck
                .at(
                    pos(code),
                    format!("code \"{}\" becomes the Rust keyword `{name}`", code.value),
                )
                .label("reserved in Rust")
                .help("choose a code that is not a Rust keyword once in UpperCamelCase");
            ck.report(d);
            name
        }
        Err(NameError::Invalid(name)) => {
            if !code.value.trim().is_empty() {
                let d = ck
                    .at(
                        pos(code),
                        format!(
                            "code \"{}\" cannot name a Rust variant (`{name}`)",
                            code.value
                        ),
                    )
                    .label("not a Rust identifier")
                    .help(
                        "codes must start with a letter and hold letters, digits, `_`, `-` or `.`",
                    );
                ck.report(d);
            }
            name
        }
    }
}

/// Reports an error without the required `key`, at its code; returns a placeholder
/// status (the catalog is refused anyway).
fn missing(ck: &mut Checker<'_>, code: &Text, key: &str, example: &str) -> u16 {
    let d = ck
        .at(
            pos(code),
            format!("error \"{}\" has no `{key}`", code.value),
        )
        .label(format!("this error needs `{key}`"))
        .help(format!("add `{key}`: {example}"));
    ck.report(d);
    500
}

/// Reports a code holding a character the rule for codes does not allow.
fn report_code_breach(ck: &mut Checker<'_>, code: &Text, index: usize, c: char) {
    let what = if index == 1 && c.is_ascii_digit() {
        "starts with a digit".to_owned()
    } else if index == 1 {
        format!("starts with `{}`", names::visible(&c.to_string()))
    } else {
        format!(
            "holds `{}` at character {index}",
            names::visible(&c.to_string())
        )
    };
    let d = ck
        .at(
            pos(code),
            format!("code \"{}\" {what}", names::visible(&code.value)),
        )
        .label("not allowed in a code")
        .help("codes start with an ASCII letter and hold ASCII letters, digits, `_`, `-` or `.`");
    ck.report(d);
}

/// A status as written, checked to be an HTTP error status; 500 where it is not (the
/// catalog is refused then).
pub(super) fn status(ck: &mut Checker<'_>, raw: &Spanned<i64>) -> u16 {
    error_status(ck, raw).unwrap_or(500)
}

/// A status as written if it is an HTTP error status; reported otherwise.
fn error_status(ck: &mut Checker<'_>, raw: &Spanned<i64>) -> Option<u16> {
    match u16::try_from(raw.value) {
        Ok(status) if (400..=599).contains(&status) => Some(status),
        _ => {
            let d = ck
                .at(
                    pos(raw),
                    format!("status {} is not an HTTP error status", raw.value),
                )
                .label("expected 400 to 599")
                .help("client errors are 4xx, server errors 5xx");
            ck.report(d);
            None
        }
    }
}

/// One status written as `status: 404` or as an item of a list: a whole number checked
/// to be an HTTP error status, anything else reported. `None` when reported.
fn written_status(ck: &mut Checker<'_>, raw: &Spanned<RawStatuses>) -> Option<u16> {
    let written = match &raw.value {
        RawStatuses::One(value) => {
            return error_status(ck, &Spanned::new(*value, raw.referenced, raw.defined));
        }
        RawStatuses::Many(_) => "a list".to_owned(),
        RawStatuses::Word(word) if open_status(word).is_some() => {
            let d = ck
                .at(pos(raw), format!("`{word}` inside a list of statuses"))
                .label("a list names statuses one by one")
                .help(format!(
                    "write `status: {word}` alone, or list the statuses, e.g. `status: [502, 503]`"
                ));
            ck.report(d);
            return None;
        }
        RawStatuses::Word(word) => return word_status(ck, raw, word),
        RawStatuses::Other(written) => written.clone(),
    };
    let d = ck
        .at(pos(raw), format!("status {written} is not a whole number"))
        .label("expected a status such as 404, or a list such as [400, 422]")
        .help("write each status as a whole number without quotes, e.g. `status: 404`");
    ck.report(d);
    None
}

/// A class or `none` as written (`5xx`, `4XX`, `none`).
fn open_status(word: &str) -> Option<OpenStatus> {
    match word {
        "4xx" | "4XX" => Some(OpenStatus::Class(4)),
        "5xx" | "5XX" => Some(OpenStatus::Class(5)),
        "none" => Some(OpenStatus::Unstated),
        _ => None,
    }
}

/// Reports a word that is neither a status, a class of error statuses nor `none`.
fn word_status(ck: &mut Checker<'_>, raw: &Spanned<RawStatuses>, word: &str) -> Option<u16> {
    let class = word.len() == 3 && word[1..].eq_ignore_ascii_case("xx");
    let d = if class {
        ck.at(
            pos(raw),
            format!("status class `{word}` is not a class of error statuses"),
        )
        .label("expected `4xx` or `5xx`")
        .help("errors are sent with client (`4xx`) or server (`5xx`) error statuses")
    } else if word.parse::<i64>().is_ok() {
        ck.at(pos(raw), format!("status {word:?} is written as text"))
            .label("expected a whole number")
            .help(format!("write the status without quotes: `status: {word}`"))
    } else {
        ck.at(pos(raw), format!("status {word:?} is not a status"))
            .label("expected a status such as 404, a list such as [400, 422], `5xx` or `none`")
            .help("`5xx` (or `4xx`) for any status of a class, `none` for an error the API sends without a status of its own")
    };
    ck.report(d);
    None
}

/// The statuses a catalog writes for an error or a group: listed (the first, its
/// default, then the others), or open (a class, or `none`).
#[derive(Debug, Clone)]
pub(super) enum Stated {
    /// `status: 404` or `status: [400, 422]`.
    Listed(u16, Vec<u16>),
    /// `status: 5xx` or `status: none`.
    Open(OpenStatus),
}

impl Stated {
    /// The first status, the others put in `more`, or the open status put in `open`.
    fn into_status(self, more: &mut Vec<u16>, open: &mut Option<OpenStatus>) -> Option<u16> {
        match self {
            Self::Listed(first, rest) => {
                *more = rest;
                Some(first)
            }
            Self::Open(stated) => {
                *open = Some(stated);
                None
            }
        }
    }
}

/// An error's statuses, each checked: listed (an empty list and a status listed twice
/// are reported; a status reported as wrong is left out of the duplicate check, so it
/// is reported once), or a class or `none`.
pub(super) fn statuses(ck: &mut Checker<'_>, raw: &Spanned<RawStatuses>) -> Stated {
    if let RawStatuses::Word(word) = &raw.value
        && let Some(open) = open_status(word)
    {
        return Stated::Open(open);
    }
    let (first, more) = listed_statuses(ck, raw);
    Stated::Listed(first, more)
}

/// The statuses of `status: 404` or `status: [400, 422]`: the first, then the others.
fn listed_statuses(ck: &mut Checker<'_>, raw: &Spanned<RawStatuses>) -> (u16, Vec<u16>) {
    let RawStatuses::Many(list) = &raw.value else {
        return (written_status(ck, raw).unwrap_or(500), Vec::new());
    };
    let mut found: Vec<u16> = Vec::with_capacity(list.len());
    let mut wrong = false;
    for item in list {
        let Some(value) = written_status(ck, item) else {
            wrong = true;
            continue;
        };
        if found.contains(&value) {
            let d = ck
                .at(pos(item), format!("status {value} is listed twice"))
                .label("already in the list")
                .help("list each status the API sends this error with once");
            ck.report(d);
        } else {
            found.push(value);
        }
    }
    if found.is_empty() {
        if !wrong {
            let d = ck
                .at(pos(raw), "an empty list of statuses")
                .label("the error needs a status")
                .help("write one status, `status: 404`, or every status it is sent with, `status: [400, 422]`");
            ck.report(d);
        }
        return (500, Vec::new());
    }
    let first = found.remove(0);
    (first, found)
}

/// Reports a status in a catalog whose errors are not HTTP responses (`http: false`).
pub(super) fn no_status<T>(ck: &mut Checker<'_>, raw: &Spanned<T>) {
    let d = ck
        .at(
            pos(raw),
            "a status in a catalog of errors that are not HTTP responses",
        )
        .label("`http: false` errors have no status")
        .help("remove the status, or drop `http: false` if the API sends these errors over HTTP");
    ck.report(d);
}

fn case(ck: &mut Checker<'_>, raw: &RawCase) -> Case {
    Case {
        title: ck.required(&raw.title, "case title"),
        causes: raw.causes.iter().map(|c| ck.required(c, "cause")).collect(),
        note: ck.optional(raw.note.as_ref(), "case note"),
    }
}

/// A key that must be unique among a catalog's errors.
struct Repeat {
    what: &'static str,
    help: &'static str,
}

impl Repeat {
    const CODE: Self = Self {
        what: "code",
        help: "each code must be unique within a catalog; remove or rename one",
    };
    const CODE_IN_GROUP: Self = Self {
        what: "code",
        help: "with `unique_codes: group`, each code must be unique within its group; remove or rename one",
    };
    const VARIANT: Self = Self {
        what: "Rust variant",
        help: "codes that differ only in case or separators make the same name; rename one",
    };
    const NUMBER: Self = Self {
        what: "numeric code",
        help: "each numeric code must be unique within a catalog",
    };
    const ANCHOR: Self = Self {
        what: "docs anchor",
        help: "codes that make the same docs anchor would share one section and one book page; rename one",
    };
}

impl Repeat {
    /// Whether an earlier check already reported this pair: a repeated code also
    /// repeats its variant, and a repeated variant also repeats its anchor.
    fn already_reported(&self, first: &ErrorDef, later: &ErrorDef) -> bool {
        match self.what {
            "Rust variant" => first.code == later.code && first.group == later.group,
            "docs anchor" => first.variant == later.variant,
            _ => false,
        }
    }

    /// The advice for a repeat of `first` by `later`: where a name is made from more
    /// than the code (a group's name, an error's title), it says so.
    fn help_for(&self, first: &RawError, later: &RawError, per_group: bool) -> &'static str {
        let numeric = first.numeric || later.numeric;
        let grouped = per_group && (first.group.is_some() || later.group.is_some());
        match self.what {
            "Rust variant" if numeric => {
                "an error known by its number is named by its `name`, else its title (with its number where titles repeat); rename one"
            }
            "Rust variant" if grouped => {
                "with `unique_codes: group`, a variant is the group's name and the code's (`storage` + `not_found` gives `StorageNotFound`); rename one"
            }
            "docs anchor" if grouped => {
                "with `unique_codes: group`, an anchor is the group's name, `-` and the code (`storage-not_found`); rename one"
            }
            _ => self.help,
        }
    }
}

/// Where an error's variant comes from: its `name` or title for an error known by its
/// number only, its code otherwise.
fn variant_pos(raw: &RawError) -> crate::source::Pos {
    match (&raw.name, &raw.title) {
        (Some(name), _) if raw.numeric => pos(name),
        (None, Some(title)) if raw.numeric => pos(title),
        _ => pos(&raw.code),
    }
}

/// How a diagnostic names an error: its code, and its group where the group is part of
/// its names (`per_group`).
fn named(raw: &RawError, per_group: bool) -> String {
    match &raw.group {
        Some(group) if per_group => {
            format!("code \"{}\" of group `{}`", raw.code.value, group.value)
        }
        _ if raw.numeric => format!("error {}", raw.code.value),
        _ => format!("code \"{}\"", raw.code.value),
    }
}

/// Reports every error whose key (code, variant, number, anchor) was already used by
/// an earlier one, pointing at both.
fn report_repeats(
    ck: &mut Checker<'_>,
    errors: &[(&ErrorDef, &RawError)],
    key: impl Fn(&ErrorDef, &RawError) -> Option<String>,
    at: impl Fn(&RawError) -> crate::source::Pos,
    (repeat, per_group): (Repeat, bool),
) {
    let what = repeat.what;
    // A map for lookup only, never iterated: reports follow the catalog's order.
    let mut seen: HashMap<String, (&ErrorDef, &RawError)> = HashMap::with_capacity(errors.len());
    for &(error, raw) in errors {
        let Some(k) = key(error, raw) else { continue };
        if let Some(&(first, first_raw)) = seen.get(&k) {
            if repeat.already_reported(first, error) {
                continue;
            }
            let first_pos = at(first_raw);
            let d = ck
                .at(at(raw), format!("duplicate {what} \"{k}\""))
                .label(format!("{what} used again here"))
                .note(format!(
                    "first used by {} at {}:{}:{}",
                    named(first_raw, per_group),
                    ck.source.name,
                    first_pos.line,
                    first_pos.col
                ))
                .help(repeat.help_for(first_raw, raw, per_group));
            ck.report(d);
        } else {
            seen.insert(k, (error, raw));
        }
    }
}
