//! Validation: the raw model to the validated model. Every problem is collected, never
//! only the first, so an author fixes a catalog in one round.

mod attributes;
mod deprecation;
mod envelope;
mod errors;
mod groups;
mod identity;
mod many;
mod members;
mod openapi;
mod operations;
mod params;
mod read_back;
mod required;
mod retired;
mod retry;
mod shared;
mod texts;
mod types;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Catalog, Docs, FieldSource, Layout};
use crate::names::{self, ModuleError};
use crate::raw::{RawCatalog, RawDocs, Text};
use crate::source::{Pos, Source};
use crate::spanned::Spanned;

/// The most errors one catalog may hold: twice the size the compile-time benchmark
/// tracks, where the generated Rust still builds in reasonable time; past it rustc's time
/// grows faster than the catalog (docs/robustness.md has the measurements), so larger
/// registries are split into several catalogs.
pub const MAX_ERRORS: usize = 20_000;

/// Checks one parsed catalog; returns the model when no problem was found.
pub(crate) fn check(
    source: &Source,
    mut raw: RawCatalog,
    out: &mut Diagnostics,
) -> Option<Catalog> {
    let mut ck = Checker {
        source,
        found: Vec::new(),
    };
    let name = ck.module_name();
    if raw.errors.value.len() > MAX_ERRORS {
        let d = ck
            .at(
                pos(&raw.errors),
                format!(
                    "catalog has {} errors, more than the {MAX_ERRORS} one catalog may hold",
                    raw.errors.value.len()
                ),
            )
            .label("the list starts here")
            .help("split the errors into several catalogs, one file per API or per group of codes");
        ck.report(d);
        out.0.append(&mut ck.found);
        return None;
    }
    errors::codes_from_numbers(&mut ck, &mut raw.errors);
    let api = ck.required(&raw.api, "api");
    let docs = ck.docs(&raw.docs);
    let attributes = attributes::check_attributes(&mut ck, raw.attributes.as_ref());
    let uses_instance = attributes::uses_instance(&raw.envelope.body);
    let context = attributes::check_context(&mut ck, raw.context.as_ref(), uses_instance);
    let mut group_set = groups::check_groups(&mut ck, &raw.groups, &errors::statuses);
    group_set.check_values(&mut ck, &attributes);
    let http = raw.http.as_ref().is_none_or(|h| h.value);
    if !http {
        groups::statuses(&raw.groups, &mut |s| errors::no_status(&mut ck, s));
    }
    let default_status = raw
        .defaults
        .as_ref()
        .and_then(|d| d.status.as_ref())
        .and_then(|s| {
            if http {
                Some(errors::status(&mut ck, s))
            } else {
                errors::no_status(&mut ck, s);
                None
            }
        });
    let scope = errors::Scope {
        members: members::raw_has_params_object(&raw.envelope.body),
        attributes: &attributes,
        raw_attributes: raw.attributes.as_ref(),
        groups: &group_set,
        default_status,
        retry_from_status: retry::derives_from_status(
            &mut ck,
            raw.defaults.as_ref().and_then(|d| d.retry.as_ref()),
            "each error",
        ),
        http,
        per_group: unique_codes(&mut ck, raw.unique_codes.as_ref()),
        require: require(&mut ck, &raw.require),
    };
    let shared = shared::share_params(&mut ck, &mut raw.errors.value, &raw.params, scope.members);
    let errors = errors::check_errors(&mut ck, &raw.errors, &scope);
    let codes_per_group = scope.per_group;
    let found_before = ck.found.len();
    let names = envelope::Names {
        docs: &docs,
        attributes: &attributes,
        context: &context,
        groups: !raw.groups.is_empty(),
        http,
    };
    let mut envelope = envelope::check_envelope(&mut ck, &raw.envelope, &names);
    required::check_required(&mut ck, raw.context.as_ref(), &raw.envelope.body, &context);
    if codes_per_group && !crate::wire::sources(&envelope.body).contains(&FieldSource::Group) {
        let at = raw.unique_codes.as_ref().map_or_else(Pos::default, pos);
        let d = ck
            .at(
                at,
                "codes unique per group, but bodies do not carry the group",
            )
            .label("clients could not tell the same code of two groups apart")
            .help("add a member `{ from: group }` to the envelope");
        ck.report(d);
    }
    if ck.found.len() == found_before {
        // Only on a sound envelope: a mistyped source would otherwise report twice.
        members::params_carried(&mut ck, &envelope, &raw.errors.value);
        members::params_clash(&mut ck, &envelope, &raw.errors.value);
        members::placed_unknown(&mut ck, &raw.envelope.body, &raw.errors.value);
        read_back::check_read_back(&mut ck, &envelope, &errors, &raw.errors.value);
    }
    retry::stated_where_sent(&mut ck, &envelope, &errors);
    texts::stated_where_sent(&mut ck, &envelope, &errors, &raw.errors.value);
    envelope.identity = identity::check_identity(&mut ck, &envelope, &errors, &raw.errors.value);
    groups::anchors_apart(&mut ck, &group_set.groups, &errors, &raw.errors.value);
    let example = ck.example(raw.example.as_ref(), &errors, &raw.errors);
    let recommendations = raw
        .recommendations
        .iter()
        .map(|r| ck.required(r, "recommendation"))
        .collect();
    let openapi = openapi::check_openapi(&mut ck, raw.openapi.as_ref(), &name);
    let known = operations::Known {
        errors: &errors,
        groups: &group_set.groups,
        per_group: codes_per_group,
    };
    let operations = operations::check_operations(
        &mut ck,
        &raw.operations,
        raw.every_operation.as_ref(),
        &known,
    );
    let retired = retired::check_retired(&mut ck, &raw.retired, &raw.errors.value);
    let contract = raw.contract.as_ref().map(|c| &c.value);
    let accepted = retired::check_accepted(&mut ck, contract);
    let unpublished = retired::check_unpublished(contract);
    let contract_version = retired::check_version(&mut ck, contract);
    let at = crate::model::CatalogPositions {
        errors: pos(&raw.errors),
        contract: raw.contract.as_ref().map(pos),
    };
    if shared {
        shared::drop_repeats(&mut ck.found);
    }
    let ok = ck.found.is_empty();
    out.0.append(&mut ck.found);
    ok.then(|| Catalog {
        name,
        source: source.name.clone(),
        api,
        docs,
        http,
        codes_per_group,
        envelope,
        example,
        errors,
        recommendations,
        openapi,
        attributes,
        context,
        groups: group_set.groups,
        retired,
        operations,
        accepted,
        unpublished,
        contract_version,
        at,
    })
}

/// Collects diagnostics for one source.
pub(crate) struct Checker<'a> {
    pub source: &'a Source,
    pub found: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// Starts a diagnostic at a position of this source.
    pub fn at(&self, pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.source, pos, message)
    }

    /// Records a diagnostic.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.found.push(diagnostic);
    }

    /// The text of a required field, reported when empty or only spaces.
    pub fn required(&mut self, text: &Text, what: &str) -> String {
        if text.value.trim().is_empty() {
            let d = self
                .at(pos(text), format!("{what} must not be empty"))
                .label("empty text")
                .help(format!(
                    "write the {what}, or remove the key if it is optional"
                ));
            self.report(d);
        }
        text.value.clone()
    }

    /// The text of an optional field: absent is fine, present but empty is not.
    pub fn optional(&mut self, text: Option<&Text>, what: &str) -> Option<String> {
        text.map(|t| self.required(t, what))
    }

    fn module_name(&mut self) -> String {
        let stem = self.source.stem().to_owned();
        let (message, help) = match names::module(&stem) {
            Ok(name) => return name,
            Err(ModuleError::NotSnakeCase(Some(snake))) => (
                format!("catalog file name `{stem}` is not snake case"),
                format!(
                    "the file name is the Rust module and the docs' file name; rename it `{snake}.{}`",
                    self.source.name.rsplit('.').next().unwrap_or("yaml")
                ),
            ),
            Err(ModuleError::NotSnakeCase(None)) => (
                format!("catalog file name `{stem}` is not snake case"),
                "the file name is the Rust module; use lower-case ASCII letters, digits and `_`, e.g. `billing_api.yaml`".to_owned(),
            ),
            Err(ModuleError::Reserved) => (
                format!("catalog file name `{stem}` is reserved"),
                format!("the generated code has a module `{stem}` of its own; rename the file"),
            ),
            Err(ModuleError::Name(_)) => (
                format!("catalog file name `{stem}` cannot name a Rust module"),
                "name catalog files in snake case starting with a letter, not a Rust keyword, e.g. `billing_api.yaml`".to_owned(),
            ),
        };
        let d = self.at(Pos::default(), message).help(help);
        self.report(d);
        stem
    }

    fn docs(&mut self, raw: &RawDocs) -> Docs {
        let layout = match raw.layout.as_ref() {
            None => Layout::Reference,
            Some(l) if l.value == "list" => Layout::List,
            Some(l) if l.value == "reference" => Layout::Reference,
            Some(l) => {
                let d = self
                    .at(pos(l), format!("unknown docs layout `{}`", l.value))
                    .label("expected `list` or `reference`")
                    .help("`list` shows status, problem and solution per code; `reference` adds the error format, a code table and common errors");
                self.report(d);
                Layout::Reference
            }
        };
        Docs {
            title: self.required(&raw.title, "docs title"),
            layout,
            site: self.optional(raw.site.as_ref(), "docs site"),
            summary: self.optional(raw.summary.as_ref(), "docs summary"),
            intro: self.optional(raw.intro.as_ref(), "docs intro"),
            base_url: self.base_url(raw.base_url.as_ref()),
            front_matter: raw.front_matter,
            pages: raw.pages,
        }
    }

    fn base_url(&mut self, raw: Option<&Text>) -> Option<String> {
        let url = self.optional(raw, "docs base_url")?;
        let flaw = texts::url_flaw(&url);
        if url.contains('#') || flaw.is_some() {
            let d = self
                .at(
                    pos(raw?),
                    "docs base_url must be a URL a link can carry, without `#`",
                )
                .label(flaw.unwrap_or_else(|| "not usable as a base URL".to_owned()))
                .help("per-code anchors are appended as `#code`");
            self.report(d);
        }
        Some(url)
    }

    fn example(
        &mut self,
        raw: Option<&Text>,
        errors: &[crate::model::ErrorDef],
        raw_errors: &Spanned<Vec<crate::raw::RawError>>,
    ) -> usize {
        let Some(code) = raw else { return 0 };
        if let Some(index) = errors.iter().position(|e| e.code == code.value) {
            return index;
        }
        let known: Vec<&str> = raw_errors
            .value
            .iter()
            .map(|e| e.code.value.as_str())
            .collect();
        if known.is_empty() {
            // "a catalog needs at least one error" already says what is wrong.
            return 0;
        }
        let d = self
            .at(
                pos(code),
                format!("example names unknown code \"{}\"", code.value),
            )
            .label("no error has this code")
            .help(format!("use one of: {}", known.join(", ")));
        self.report(d);
        0
    }
}

/// The keys a catalog's `require` asks every error for, though the format makes them
/// optional.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Require {
    /// `solution` (or `solutions`).
    pub solution: bool,
    /// `description`.
    pub description: bool,
    /// `title`.
    pub title: bool,
}

/// Reads `require`: the optional keys every error must have (`solution`,
/// `description`, `title`); reports any other.
fn require(ck: &mut Checker<'_>, raw: &[Text]) -> Require {
    let mut out = Require::default();
    for key in raw {
        match key.value.as_str() {
            "solution" => out.solution = true,
            "description" => out.description = true,
            "title" => out.title = true,
            other => {
                let d = ck
                    .at(pos(key), format!("`require` cannot ask for `{other}`"))
                    .label("expected `solution`, `description` or `title`")
                    .help("every other key an error needs is required already");
                ck.report(d);
            }
        }
    }
    out
}

/// The position a spanned value was written at.
pub(crate) fn pos<T>(spanned: &Spanned<T>) -> Pos {
    let loc = spanned.referenced;
    Pos {
        line: loc.line(),
        col: loc.column(),
    }
}

/// The position of a character inside a one-line scalar: past an opening quote if any.
pub(crate) fn pos_within(source: &Source, text: &Text, char_offset: usize) -> Pos {
    let start = pos(text);
    let quoted = source
        .line_text(start.line)
        .and_then(|line| line.chars().nth(start.col.saturating_sub(1) as usize))
        .is_some_and(|c| c == '"' || c == '\'');
    if text.value.contains('\n') {
        return start;
    }
    let shift = u32::try_from(char_offset)
        .unwrap_or(u32::MAX)
        .saturating_add(u32::from(quoted));
    Pos {
        line: start.line,
        col: start.col.saturating_add(shift),
    }
}

/// `unique_codes`: `catalog` (the default) or `group`; whether codes are unique per group.
fn unique_codes(ck: &mut Checker<'_>, raw: Option<&Text>) -> bool {
    match raw.map(|t| t.value.as_str()) {
        None | Some("catalog") => false,
        Some("group") => true,
        Some(other) => {
            let d = ck
                .at(
                    pos(raw.expect("a value")),
                    format!("unknown `unique_codes` `{}`", other.escape_debug()),
                )
                .label("expected `catalog` or `group`")
                .help(
                    "`group` lets the same code live in two groups, told apart by the group member",
                );
            ck.report(d);
            false
        }
    }
}
