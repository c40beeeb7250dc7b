//! The validated model: what a catalog says once every check has passed. Emitters read
//! only this, and it cannot hold anything they cannot render. An error's fields, their
//! types and values are [`Param`], [`ParamType`] and [`Value`].

mod fields;
mod operations;
mod retry;

pub use fields::{ObjectType, Param, ParamType, Piece, Template, Value};
pub use operations::Operation;
pub use retry::{Retry, RetryStatement};

/// One validated catalog: an API's whole error contract.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// The catalog's name, from its file stem in snake case: `retrac`. Names the Rust
    /// module and the generated files.
    pub name: String,
    /// The catalog file's display name, e.g. `catalog/retrac.yaml`.
    pub source: String,
    /// The API's name as integrators know it: `Retrac`.
    pub api: String,
    /// How the docs page looks.
    pub docs: Docs,
    /// Whether the errors are HTTP responses (each with a status); `false` for errors
    /// an SDK raises, which have no status, HTTP glue or OpenAPI responses.
    pub http: bool,
    /// Whether codes are unique per group rather than in the whole catalog: the same
    /// code may then live in two groups, told apart on the wire by the group member.
    /// Rust variants and docs anchors are then group-qualified.
    pub codes_per_group: bool,
    /// The JSON body every error is sent as.
    pub envelope: Envelope,
    /// The index in `errors` of the error the docs show as the format's example.
    pub example: usize,
    /// Every error, in catalog order.
    pub errors: Vec<ErrorDef>,
    /// General advice for integrators, in catalog order.
    pub recommendations: Vec<String>,
    /// Which OpenAPI documents to write and how to name their components.
    pub openapi: OpenApi,
    /// The typed values each error may set for itself (a type URI, a category), in
    /// catalog order; `ErrorDef::attributes` holds each error's values in this order.
    pub attributes: Vec<Attribute>,
    /// The request context: members the service gives per response (a request id, the
    /// RFC 9457 `instance`), in catalog order.
    pub context: Vec<ContextMember>,
    /// The groups of errors, parents before their subgroups, in catalog order.
    pub groups: Vec<Group>,
    /// Codes retired for good, never to be reused.
    pub retired: Vec<Retired>,
    /// The API's operations, each with the errors it returns; empty where the catalog
    /// lists none.
    pub operations: Vec<Operation>,
    /// Breaking changes to the published contract accepted on purpose, in this
    /// version.
    pub accepted: Vec<Accepted>,
    /// Whether the catalog states that it has no published contract yet
    /// (`contract: { unpublished: true }`): only then may its dictionary be missing.
    pub unpublished: bool,
    /// The contract's version (`contract: { version }`, 1 unless stated): raised with
    /// every set of accepted breaking changes.
    pub contract_version: u64,
    /// Where the catalog's `errors:` key is, and its `contract:` key when it has one:
    /// where diagnostics about the catalog as a whole point.
    pub at: CatalogPositions,
}

/// Where the parts of a catalog that concern the whole of it are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatalogPositions {
    /// The `errors:` list.
    pub errors: crate::source::Pos,
    /// The `contract:` mapping, when the catalog has one.
    pub contract: Option<crate::source::Pos>,
}

/// A breaking change accepted on purpose: `contract: { accept: [{ rule, code, group }] }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The id of the rule the change breaks.
    pub rule: String,
    /// The code it concerns (empty for a change of the whole body).
    pub code: String,
    /// The group of the code, where codes are unique per group; `None` accepts the
    /// change only for a code in no group.
    pub group: Option<String>,
}

/// A retired code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retired {
    /// The code.
    pub code: String,
    /// Its number, if it had one.
    pub number: Option<i64>,
    /// Why it was retired.
    pub reason: Option<String>,
}

impl Group {
    /// What headings call the group: its title, else its name as written.
    pub fn heading(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }
}

/// A group of errors (a class or a subclass of codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The name in the catalog and on the wire: `auth`.
    pub name: String,
    /// The Rust variant of `Group`: `Auth`.
    pub variant: String,
    /// The title the docs show (`Authentication`); `None` where the catalog gives none.
    pub title: Option<String>,
    /// What the group's errors have in common.
    pub description: Option<String>,
    /// The index of the enclosing group, for a subgroup.
    pub parent: Option<usize>,
    /// The numbers its errors must have, both ends included.
    pub range: Option<(i64, i64)>,
    /// The anchor of its section in the docs: `group-auth`.
    pub anchor: String,
}

/// A declared attribute: a typed value each error sets for itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// The name in the catalog: `category`.
    pub name: String,
    /// The Rust method name, a valid identifier.
    pub ident: String,
    /// The type: a string, an integer or a boolean.
    pub ty: ParamType,
    /// What it means, for docs and schemas.
    pub description: Option<String>,
}

/// A member of the request context, given per response by the service (and read back
/// by parsers); optional unless the catalog says `required: true`.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextMember {
    /// The name in the catalog and the Rust field: `request_id`.
    pub name: String,
    /// The Rust field name, a valid identifier.
    pub ident: String,
    /// The type: a string, an integer, a number or a boolean.
    pub ty: ParamType,
    /// What it holds.
    pub description: Option<String>,
    /// The value used in examples.
    pub example: Value,
    /// Whether every body carries it (`required: true`): the service must give it, the
    /// schemas require it and parsers refuse a body without it.
    pub required: bool,
}

impl Catalog {
    /// Whether some context member is `required`: the generated Rust then serialises an
    /// error only with a request context.
    pub fn requires_context(&self) -> bool {
        self.context.iter().any(|member| member.required)
    }
}

/// The catalog's OpenAPI settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenApi {
    /// The documents to write, one per version, in catalog order; never empty.
    pub versions: Vec<OpenApiVersion>,
    /// What every component name starts with, so that merged documents do not clash:
    /// `Retrac` gives `RetracError`. Empty for bare names.
    pub prefix: String,
}

/// The OpenAPI versions a document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenApiVersion {
    /// OpenAPI 3.1.0, whose schemas are JSON Schema 2020-12: `<name>.openapi.json`.
    V3_1,
    /// OpenAPI 3.0.3, for tools not yet on 3.1: `<name>.openapi-3.0.json`.
    V3_0,
}

/// The docs page's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docs {
    /// The page title: `Error Codes`.
    pub title: String,
    /// How the page is laid out.
    pub layout: Layout,
    /// The docs site's name shown above the title, if any: `Reten Docs`.
    pub site: Option<String>,
    /// A one-line summary under the title.
    pub summary: Option<String>,
    /// The introduction paragraph.
    pub intro: Option<String>,
    /// Where the page is published; per-code anchors are appended with `#`. With
    /// `pages`, where the book is published instead.
    pub base_url: Option<String>,
    /// Whether the page starts with YAML front matter for docs sites.
    pub front_matter: bool,
    /// Whether a book of one page per code (laid out for mdBook) is written too; each
    /// code's docs URL is then its page.
    pub pages: bool,
}

/// The docs page layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Per code: its status, problem and solution (the Retrac page).
    List,
    /// Error format, table of codes, common errors, recommendations (the Reten page).
    Reference,
}

/// The wire envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The response's content type, e.g. `application/json` or `application/problem+json`.
    pub media_type: String,
    /// The shape of the body.
    pub body: Node,
    /// Whether objects of the body may carry members the envelope does not name (what
    /// the parser accepts and the schemas say alike).
    pub unknown_members: UnknownMembers,
    /// How the status of a body holding several errors is chosen.
    pub many_status: ManyStatus,
    /// Which member tells a received body's error, as the checker decided and proved
    /// unique: the parser looks errors up by it and by nothing else.
    pub identity: Identity,
    /// The names of the parameters placed among the members of the `params: true`
    /// object (`detail: { from: param }`), in the order written; `FieldSource::Param`
    /// indexes this list. Empty where every parameter is spread after the members.
    pub placed: Vec<String>,
}

/// What tells errors apart on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// The code (with the group where codes are unique per group) or the number,
    /// whichever the body carries, the code first.
    Code,
    /// The value of this attribute (an RFC 9457 type URI, say), unique per error.
    Attribute(usize),
    /// The title, unique per error.
    Title,
    /// The status, each error's own (one status each, no two errors alike): an API
    /// whose bodies carry no code (`{"status": 404, "message": "..."}`).
    Status,
}

/// What a parser and the schemas do with members the envelope does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownMembers {
    /// Ignore them (RFC 9457: clients must ignore extensions they do not know).
    Allow,
    /// Refuse the body (`additionalProperties: false`).
    Refuse,
}

/// How the response status of a body with several errors is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManyStatus {
    /// The status of the first error.
    First,
    /// The highest status of the errors.
    Highest,
    /// Always this status.
    Fixed(u16),
}

/// One node of the body's shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A value taken from the error.
    Field {
        /// Which value.
        from: FieldSource,
        /// What it means, for docs and schemas.
        description: Option<String>,
        /// Whether a received body may leave the member out (`optional: true`): the
        /// schemas do not require it and the parser reads a body without it; the
        /// serialiser always writes it, as the error knows its value.
        optional: bool,
    },
    /// The same constant in every body.
    Const {
        /// The constant.
        value: Scalar,
        /// What it means, for docs and schemas.
        description: Option<String>,
    },
    /// A JSON object.
    Object {
        /// Members in order: name and shape.
        fields: Vec<(String, Node)>,
        /// Whether the message parameters are members of this object too.
        params: bool,
        /// What it means, for docs and schemas.
        description: Option<String>,
    },
    /// A JSON array holding this error once, or with `many` several errors:
    /// `{"errors": [ ... ]}`.
    Array {
        /// The shape of each item.
        items: Box<Node>,
        /// Whether the array holds every error of the response, not just this one.
        many: bool,
        /// What it means, for docs and schemas.
        description: Option<String>,
    },
}

impl Node {
    /// Whether the message parameters are members of an object of the body
    /// (`params: true`), rather than only text in the message.
    pub fn carries_params(&self) -> bool {
        match self {
            Self::Object { fields, params, .. } => {
                *params || fields.iter().any(|(_, node)| node.carries_params())
            }
            Self::Array { items, .. } => items.carries_params(),
            Self::Field { .. } | Self::Const { .. } => false,
        }
    }

    /// The items of the array holding every error of the response (`many: true`), if
    /// the body has one: the shape of one error in such a body.
    pub fn many_items(&self) -> Option<&Node> {
        match self {
            Self::Field { .. } | Self::Const { .. } => None,
            Self::Object { fields, .. } => fields.iter().find_map(|(_, n)| n.many_items()),
            Self::Array {
                items, many: true, ..
            } => Some(items),
            Self::Array { items, .. } => items.many_items(),
        }
    }

    /// Whether this is a request context field: given per response, so a body without
    /// one leaves the member out, schemas do not require it, and it cannot be an array
    /// item.
    pub fn is_context(&self) -> bool {
        matches!(
            self,
            Self::Field {
                from: FieldSource::Context(_),
                ..
            }
        )
    }
}

/// Where a field's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldSource {
    /// The HTTP status, a number.
    Status,
    /// The error code, a string.
    Code,
    /// The error's numeric code, a number.
    Number,
    /// The error's title, a string.
    Title,
    /// The rendered message, a string.
    Message,
    /// The catalog's description of the error, a string.
    Description,
    /// The URL of the error's section in the docs, a string.
    DocsUrl,
    /// A member of the request context (an index into `Catalog::context`), given per
    /// response; the member is left out when none is given. `from: instance` is the
    /// RFC 9457 `instance` member of the context.
    Context(usize),
    /// The error's own value of a declared attribute (an index into
    /// `Catalog::attributes`); left out for errors that set none.
    Attribute(usize),
    /// Whether a client may retry the error, a boolean.
    Retryable,
    /// The name of the error's group, a string; left out for errors in no group.
    Group,
    /// The seconds to wait before retrying, an integer; left out for errors without a
    /// fixed delay.
    RetryAfter,
    /// The error's parameter named like the member (an index into `Envelope::placed`),
    /// placed at this position of the `params: true` object instead of spread after its
    /// members; left out for errors without it, and where it is optional and absent.
    Param(usize),
}

/// A JSON scalar constant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scalar {
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(String),
    /// `null`: a member the API always sends empty (`{"data": null, "error": ...}`).
    Null,
    /// A JSON array or object (`meta: { const: { schema: 1 } }`).
    Json(serde_json::Value),
}

/// One error of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorDef {
    /// The wire code: `not_found`.
    pub code: String,
    /// The Rust variant name: `NotFound`.
    pub variant: String,
    /// The numeric code, where the API has one.
    pub number: Option<i64>,
    /// The HTTP status, 400 to 599; `None` exactly when the catalog's errors are not
    /// HTTP responses (`Catalog::http` is `false`).
    pub status: Option<u16>,
    /// The other statuses the API sends this error with (`status: [400, 422]` gives
    /// `status` 400 and these `[422]`); empty for most errors.
    pub more_statuses: Vec<u16>,
    /// Where the error has no status of its own (`status: 5xx`, `status: none`; then
    /// `status` is `None`); `None` for an error with listed statuses.
    pub open_status: Option<OpenStatus>,
    /// The short title (`Not Found`); `None` where the catalog gives none (nothing is
    /// made up in its place).
    pub title: Option<String>,
    /// What went wrong (Retrac's "Problem", Reten's "Description"); `None` where the
    /// catalog does not say.
    pub description: Option<String>,
    /// What the client may do, in order; empty where the catalog says nothing.
    pub solutions: Vec<String>,
    /// The message sent in bodies, with parameters.
    pub message: Template,
    /// The error's typed fields, in declaration order: used by the message, sent as
    /// members of the envelope's `params: true` object, or both.
    pub params: Vec<Param>,
    /// The index in `Catalog::groups` of the innermost group the error belongs to.
    pub group: Option<usize>,
    /// The error's value of each declared attribute, in `Catalog::attributes` order;
    /// `None` where the error sets none and the attribute has no default.
    pub attributes: Vec<Option<Scalar>>,
    /// What the catalog states about retrying it (possibly nothing).
    pub retry: RetryStatement,
    /// Common cases with their causes.
    pub cases: Vec<Case>,
    /// A longer explanation than the description, if the catalog gives one.
    pub explanation: Option<String>,
    /// What causes the error, in the catalog's order.
    pub causes: Vec<String>,
    /// Further reading, in the catalog's order.
    pub links: Vec<Link>,
    /// Why the error is deprecated, if it is.
    pub deprecated: Option<String>,
    /// The day (`YYYY-MM-DD`) after which a deprecated error is no longer served, if
    /// the catalog names one.
    pub sunset: Option<String>,
    /// The anchor of the error's section in the docs: `not_found`.
    pub anchor: String,
    /// Where the error is written in its catalog (its code, or its number for an error
    /// known by number): where diagnostics about it point.
    pub at: crate::source::Pos,
}

/// A link to further reading about an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What the link shows: `Rate limits`.
    pub title: String,
    /// An absolute `https://` or `http://` URL without spaces or angle brackets.
    pub url: String,
}

/// How an error of an HTTP API is sent when the catalog lists no status for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenStatus {
    /// `status: 4xx` or `status: 5xx`: any status of the class (4 or 5), chosen per
    /// response.
    Class(u16),
    /// `status: none`: the API sends it without a status of its own.
    Unstated,
}

impl OpenStatus {
    /// How the catalog writes it: `5xx`, `none`.
    pub fn written(self) -> String {
        match self {
            Self::Class(class) => format!("{class}xx"),
            Self::Unstated => "none".to_owned(),
        }
    }

    /// Whether a response of such an error may carry `status`.
    pub fn admits(self, status: u16) -> bool {
        matches!(self, Self::Class(class) if status / 100 == class)
    }
}

/// A common case of an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The case's name: `Unrecognized key`.
    pub title: String,
    /// Possible causes.
    pub causes: Vec<String>,
    /// A closing remark.
    pub note: Option<String>,
}

impl ErrorDef {
    /// The example values of the parameters, in order.
    pub fn example_values(&self) -> Vec<Value> {
        self.params.iter().map(|p| p.example.clone()).collect()
    }

    /// Every status the error is sent with: `status` first, then `more_statuses`.
    pub fn statuses(&self) -> impl Iterator<Item = u16> + '_ {
        self.status
            .into_iter()
            .chain(self.more_statuses.iter().copied())
    }

    /// The title as bodies carry it (`from: title`): the checker refuses an envelope
    /// carrying the title of an error that has none, so a body never sends this empty.
    pub fn sent_title(&self) -> &str {
        self.title.as_deref().unwrap_or_default()
    }

    /// The status of an example response, as the generated Rust sends it where none is
    /// chosen: the first status, else the generic one of its class (`5xx` gives 500,
    /// as HTTP treats a status of a class it does not know); `None` without either.
    pub fn response_status(&self) -> Option<u16> {
        match self.open_status {
            Some(OpenStatus::Class(class)) => Some(class * 100),
            _ => self.status,
        }
    }

    /// Whether the API sends this error with `status`.
    pub fn has_status(&self, status: u16) -> bool {
        self.statuses().any(|s| s == status)
    }

    /// The deprecation as integrators read it: the note, and the sunset day where there
    /// is one (`Use X instead. Sunset: 2027-06-30.`); `None` for a served error.
    pub fn deprecation_note(&self) -> Option<String> {
        let note = self.deprecated.as_ref()?;
        let Some(day) = &self.sunset else {
            return Some(note.clone());
        };
        Some(format!("{} Sunset: {day}.", sentence(note)))
    }

    /// The description and the retry advice, where the catalog states them, as one text
    /// (`Too many requests. Wait as long as ...`): what OpenAPI says of a code; empty
    /// where it states neither.
    pub fn description_and_advice(&self, text: impl Fn(&str) -> String) -> String {
        let description = self.description.as_deref().map(|d| text(&sentence(d)));
        match (description, self.retry.advice_with(text)) {
            (Some(description), Some(advice)) => format!("{description} {advice}"),
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => String::new(),
        }
    }

    /// The solutions as a paragraph, each written by `text` (an escape for the output's
    /// markup, or `str::to_owned`): `Solution: x`, or `Solutions:` and a bulleted line
    /// each; nothing without any.
    pub fn solutions_text(&self, text: impl Fn(&str) -> String) -> Option<String> {
        match self.solutions.as_slice() {
            [] => None,
            [only] => Some(format!("Solution: {}", text(only))),
            many => {
                let lines: Vec<String> = many.iter().map(|s| format!("- {}", text(s))).collect();
                Some(format!("Solutions:\n{}", lines.join("\n")))
            }
        }
    }

    /// The message template as a catalog writes it: `{name}` for each field, `{{` and
    /// `}}` for braces.
    pub fn message_template(&self) -> String {
        let mut out = String::new();
        for piece in &self.message.pieces {
            match piece {
                Piece::Text(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Piece::Param(index) => out.push_str(&format!("{{{}}}", self.params[*index].name)),
            }
        }
        out
    }

    /// Whether a client may retry this error; `None` where the catalog states no policy.
    pub fn is_retryable(&self) -> Option<bool> {
        self.retry.is_retryable()
    }
}

impl Catalog {
    /// Notes on errors no operation returns, in a catalog that lists operations
    /// (`catalog/x.yaml:12:11: note: error `legacy_token` is returned by no operation`):
    /// not mistakes, but never silent.
    pub fn notes(&self) -> Vec<String> {
        if self.operations.is_empty() {
            return Vec::new();
        }
        (0..self.errors.len())
            .filter(|&index| self.returned_by(index).next().is_none())
            .map(|index| {
                let error = &self.errors[index];
                format!(
                    "{}:{}:{}: note: error `{}` is returned by no operation (an unreachable error); add it to an operation's `errors`, or retire it",
                    self.source, error.at.line, error.at.col, error.code
                )
            })
            .collect()
    }

    /// The operations that return the error at `index` of `errors`, in catalog order.
    pub fn returned_by(&self, index: usize) -> impl Iterator<Item = &Operation> + '_ {
        self.operations.iter().filter(move |o| o.returns(index))
    }

    /// Whether some error has no status of its own to state (`status: 5xx`,
    /// `status: none`).
    pub fn has_open_statuses(&self) -> bool {
        self.errors.iter().any(|e| e.open_status.is_some())
    }

    /// The docs URL of an error, if the catalog has a base URL: its page in the book
    /// (`{base_url}/codes/{anchor}.html`) when the catalog writes one, else its section
    /// of the single page (`{base_url}#{anchor}`).
    pub fn docs_url(&self, error: &ErrorDef) -> Option<String> {
        let base = self.docs.base_url.as_ref()?;
        Some(if self.docs.pages {
            format!("{}/{}", base.trim_end_matches('/'), code_page(error))
        } else {
            format!("{base}#{}", error.anchor)
        })
    }
}

/// The path of an error's page in the built book, from the book's root:
/// `codes/not_found.html`. Pages sit in their own folder so that no code's page can take
/// the name of a page mdBook writes itself (`index.html`, `print.html`, `404.html`).
pub fn code_page(error: &ErrorDef) -> String {
    format!("codes/{}.html", error.anchor)
}

/// `text` as a sentence: trimmed, with a full stop unless it ends with one already.
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}
