//! Generate Rust error types, Markdown error docs and OpenAPI error schemas from YAML
//! error catalogs.
//!
//! The data flows one way: read ([`Source`]) -> parse (the raw serde model) -> check
//! (the validated [`model::Catalog`], or every [`Diagnostic`] at once) -> emit (pure
//! functions in [`emit`]) -> write ([`write::write_all`], the outputs of a run as a set).
//!
//! A build script calls the [`Builder`]:
//!
//! ```no_run
//! errcat_codegen::Builder::new()
//!     .catalog_dir("catalog")
//!     .docs_dir("generated")
//!     .run_in_build_script();
//! ```

mod builder;
mod check;
pub mod contract;
pub mod diagnostic;
pub mod emit;
mod events;
mod load;
#[doc(hidden)]
pub mod loaders;
pub mod markdown_text;
pub mod model;
mod names;
mod parser_messages;
mod raw;
mod raw_operations;
mod raw_values;
mod read;
pub mod source;
mod spanned;
mod template;
pub mod wire;
pub mod write;

pub use builder::{Builder, Generated};
pub use check::MAX_ERRORS;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use emit::OutputFile;
pub use load::{MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES};
pub use model::Catalog;
pub use source::Source;

/// Parses and checks catalogs: the validated models in the order given, or every problem
/// found in any of them, sorted by file and position.
///
/// # Errors
/// Returns all diagnostics when any catalog has a problem.
pub fn compile(sources: &[Source]) -> Result<Vec<Catalog>, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut catalogs = Vec::new();
    for source in sources {
        match load::parse(source) {
            Ok(raw) => catalogs.extend(check::check(source, raw, &mut diagnostics)),
            Err(diagnostic) => diagnostics.push(*diagnostic),
        }
    }
    check_across(&catalogs, &mut diagnostics);
    diagnostics.sort();
    if diagnostics.is_empty() {
        Ok(catalogs)
    } else {
        Err(diagnostics)
    }
}

/// Checks between catalogs: two files may not make the same module, nor OpenAPI
/// components of the same names.
fn check_across(catalogs: &[Catalog], diagnostics: &mut Diagnostics) {
    for (i, later) in catalogs.iter().enumerate() {
        let earlier = &catalogs[..i];
        if let Some(first) = earlier.iter().find(|c| c.name == later.name) {
            let message = format!("both make module `{}`", later.name);
            diagnostics.push(clash(first, later, &message, "rename one of the files"));
        }
        // `Validation` and `ValidationError` name the same components: compare stems.
        let stem = names::component_stem(&later.openapi.prefix);
        let same_stem =
            |c: &&Catalog| names::component_stem(&c.openapi.prefix) == stem && c.name != later.name;
        if let Some(first) = earlier.iter().find(same_stem) {
            let message = format!("both name OpenAPI components `{stem}`");
            let help = "give one of them another `openapi.prefix`; merged documents keep only one component of a name";
            diagnostics.push(clash(first, later, &message, help));
        }
    }
}

/// A whole-file diagnostic on `later`: it and `first` clash as `what` says.
fn clash(first: &Catalog, later: &Catalog, what: &str, help: &str) -> Diagnostic {
    let source = Source::new(later.source.clone(), "");
    let message = format!("catalogs `{}` and `{}` {what}", first.source, later.source);
    Diagnostic::new(&source, source::Pos::default(), message).help(help)
}
