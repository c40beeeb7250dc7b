//! The one place where identifiers are made: Rust variant and field names from catalog
//! names, with keyword and validity checks.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves in any edition; an identifier may not be one of them.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Why a name cannot become a Rust identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameError {
    /// The converted name is a Rust keyword.
    Keyword(String),
    /// The converted name is empty or does not start with a letter.
    Invalid(String),
}

/// The first character of `code` that breaks the rule for codes (the catalog schema's
/// pattern `^[A-Za-z][A-Za-z0-9_.-]*$`), with its 1-based position. Codes are ASCII so
/// that lookalikes (a zero-width space, a dotless `ı`, a combining accent) cannot make
/// codes that read alike but differ on the wire, or that map to one variant.
pub(crate) fn code_breach(code: &str) -> Option<(usize, char)> {
    code.chars().enumerate().find_map(|(index, c)| {
        let allowed = if index == 0 {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
        };
        (!allowed).then_some((index + 1, c))
    })
}

/// A text as a diagnostic shows it: printable ASCII as it is, anything else as `\u{...}`,
/// so invisible and lookalike characters are seen.
pub(crate) fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                format!("\\u{{{:04x}}}", u32::from(c))
            }
        })
        .collect()
}

/// A variant name as the catalog writes it (`name: HTTPTimeout`), kept as written: an
/// ASCII letter in upper case, then letters and digits. Any other text is refused, never
/// re-cased.
pub(crate) fn variant_as_written(name: &str) -> Result<String, NameError> {
    let mut chars = name.chars();
    let upper_first = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    if upper_first && chars.all(|c| c.is_ascii_alphanumeric()) {
        checked(name.to_owned())
    } else {
        Err(NameError::Invalid(name.to_owned()))
    }
}

/// The enum variant for an error code: `not_found` gives `NotFound`.
pub(crate) fn variant(code: &str) -> Result<String, NameError> {
    checked(code.to_upper_camel_case())
}

/// The struct field for a message parameter: `field` gives `field`.
pub(crate) fn field(name: &str) -> Result<String, NameError> {
    checked(name.to_snake_case())
}

/// The methods the generated `Code` has of its own or by its traits (`fmt`, `clone`,
/// ...), which no attribute's accessor on `Code` may take: a second inherent method of
/// one name is E0592, and one named like a trait method hides it from method calls.
pub(crate) const CODE_METHODS: &[&str] = &[
    "anchor",
    "as_str",
    "borrow",
    "clamp",
    "clone",
    "cmp",
    "description",
    "docs_url",
    "eq",
    "fmt",
    "ge",
    "group",
    "gt",
    "hash",
    "into",
    "is_retryable",
    "le",
    "lt",
    "max",
    "min",
    "ne",
    "number",
    "partial_cmp",
    "retry_after",
    "solutions",
    "status",
    "statuses",
    "title",
    "to_owned",
    "to_string",
    "try_into",
    "type_id",
];

/// Whether an attribute's accessor `ident` (raw `r#` prefix and all) would clash with
/// a method of the generated `Code`: one of [`CODE_METHODS`], or any `from_...`, the
/// prefix of `Code`'s lookups (`from_code`, `from_number`, ...), which clippy also
/// expects to take no `self`.
pub(crate) fn is_code_method(ident: &str) -> bool {
    let bare = ident.strip_prefix("r#").unwrap_or(ident);
    CODE_METHODS.contains(&bare) || bare == "from" || bare.starts_with("from_")
}

/// Module names the generated file itself uses beside the catalogs' modules.
pub(crate) const RESERVED_MODULES: &[&str] = &["errcat_support"];

/// Why a catalog's file name cannot name its module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ModuleError {
    /// The name is not already snake case; the snake-case spelling, when there is one.
    NotSnakeCase(Option<String>),
    /// The generated code uses this module name itself.
    Reserved,
    /// The name is snake case but no Rust identifier (a keyword, a leading digit).
    Name(NameError),
}

/// The module for a catalog: `retrac.yaml` gives `retrac`. The file name is taken as it
/// is, never converted, so the module, the docs' file names and the catalog's file name
/// are the same word.
pub(crate) fn module(stem: &str) -> Result<String, ModuleError> {
    let snake = stem.to_snake_case();
    if snake != stem {
        let suggestion = checked(snake.clone()).ok().filter(|_| stem.is_ascii());
        return Err(ModuleError::NotSnakeCase(suggestion));
    }
    if RESERVED_MODULES.contains(&stem) {
        return Err(ModuleError::Reserved);
    }
    checked(snake).map_err(ModuleError::Name)
}

/// The default prefix of a catalog's OpenAPI component names: `retrac` gives `Retrac`.
pub(crate) fn component_prefix(module: &str) -> String {
    module.to_upper_camel_case()
}

/// The stem of a catalog's OpenAPI component names: the prefix with `Error` appended,
/// unless it already ends with `Error` (`Retrac` gives `RetracError`, `ValidationError`
/// stays), so no name says `ErrorError` for a prefix.
pub(crate) fn component_stem(prefix: &str) -> String {
    if prefix.ends_with("Error") {
        prefix.to_owned()
    } else {
        format!("{prefix}Error")
    }
}

/// What follows the prefix in the name of one error's OpenAPI schema: the variant with
/// `Error` appended, unless it already ends with `Error` (`NotFound` gives
/// `NotFoundError`, `ValidationError` stays). The suffix is still appended where dropping
/// it would clash: when the variant without `Error` is itself a variant of the catalog
/// (`is_variant`), or nothing (the variant `Error`, whose schema would take the
/// envelope's name). So the suffixes of distinct variants are distinct.
pub(crate) fn error_schema_suffix(variant: &str, is_variant: impl Fn(&str) -> bool) -> String {
    match variant.strip_suffix("Error") {
        Some(base) if !base.is_empty() && !is_variant(base) => variant.to_owned(),
        _ => format!("{variant}Error"),
    }
}

/// The ids of the docs page's own sections (GitHub-style slugs of their headings), which
/// no code's anchor may take.
pub(crate) const DOCS_SECTION_ANCHORS: &[&str] = &[
    "contents",
    "error-format",
    "error-codes",
    "error-fields",
    "common-errors-and-diagnostics",
    "recommendations",
];

/// The docs anchor for a code: lower case, runs of other characters made `-`.
pub(crate) fn anchor(code: &str) -> String {
    let mut out = String::new();
    for c in code.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

fn checked(ident: String) -> Result<String, NameError> {
    let starts_well = ident
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    let all_plain = ident.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
    if !starts_well || !all_plain {
        Err(NameError::Invalid(ident))
    } else if KEYWORDS.contains(&ident.as_str()) {
        Err(NameError::Keyword(ident))
    } else {
        Ok(ident)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_rejects() {
        assert_eq!(variant("not_found").unwrap(), "NotFound");
        assert_eq!(variant("E1001").unwrap(), "E1001");
        assert_eq!(field("retryAfter").unwrap(), "retry_after");
        assert_eq!(field("type"), Err(NameError::Keyword("type".into())));
        assert_eq!(variant("404"), Err(NameError::Invalid("404".into())));
        assert_eq!(variant("Self"), Err(NameError::Keyword("Self".into())));
        assert_eq!(anchor("Rate.Limit"), "rate-limit");
        assert_eq!(module("billing_api").unwrap(), "billing_api");
        assert_eq!(code_breach("not_found.v2-x"), None);
        assert_eq!(code_breach("not\u{200b}found"), Some((4, '\u{200b}')));
        assert_eq!(code_breach(" not_found"), Some((1, ' ')));
        assert_eq!(code_breach("f\u{131}le"), Some((2, '\u{131}')));
        assert_eq!(visible("a\u{200b}b"), "a\\u{200b}b");
        assert_eq!(
            module("my-api"),
            Err(ModuleError::NotSnakeCase(Some("my_api".into())))
        );
        assert_eq!(module("errcat_support"), Err(ModuleError::Reserved));
        assert!(matches!(module("self"), Err(ModuleError::Name(_))));
        assert!(is_code_method("as_str"));
        assert!(is_code_method("from_region"));
        assert!(is_code_method("r#clone"));
        assert!(!is_code_method("category"));
        assert!(!is_code_method("r#type"));
    }

    #[test]
    fn component_names_say_error_once() {
        assert_eq!(component_stem("Retrac"), "RetracError");
        assert_eq!(component_stem("ValidationError"), "ValidationError");
        assert_eq!(component_stem(""), "Error");
        let none = |_: &str| false;
        assert_eq!(error_schema_suffix("NotFound", none), "NotFoundError");
        assert_eq!(
            error_schema_suffix("ValidationError", none),
            "ValidationError"
        );
        assert_eq!(error_schema_suffix("Error", none), "ErrorError");
    }

    #[test]
    fn error_schema_suffixes_of_distinct_variants_are_distinct() {
        let variants = [
            "Field",
            "FieldError",
            "FieldErrorError",
            "Error",
            "ErrorError",
            "X",
        ];
        let is_variant = |v: &str| variants.contains(&v);
        let mut suffixes: Vec<String> = variants
            .iter()
            .map(|v| error_schema_suffix(v, is_variant))
            .collect();
        assert_eq!(
            suffixes,
            [
                "FieldError",
                "FieldErrorError",
                "FieldErrorErrorError",
                "ErrorError",
                "ErrorErrorError",
                "XError"
            ]
        );
        suffixes.sort();
        suffixes.dedup();
        assert_eq!(suffixes.len(), variants.len());
    }
}
