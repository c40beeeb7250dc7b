//! Reading catalogs: YAML text to the raw model (the event loader first, serde-saphyr for
//! what it gives up on), with syntax and type errors turned into located diagnostics.
//! Limits keep hostile input from exhausting time or memory.

use serde_saphyr::{Budget, Options};

use crate::diagnostic::Diagnostic;
use crate::events::{self, Fallback};
use crate::parser_messages::message_and_help;
use crate::raw::RawCatalog;
use crate::source::{Pos, Source};

/// The largest catalog file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The deepest YAML nesting accepted.
pub const MAX_DEPTH: usize = 64;
/// The most aliases (`*name`) one catalog may use.
pub const MAX_ALIASES: usize = 1_000;
/// The most values (texts, numbers, lists, mappings) one catalog may hold once its
/// aliases are expanded. A catalog of 10,000 errors holds about 300,000, and a file of
/// [`MAX_FILE_BYTES`] without aliases a little over a million, so this stops only alias
/// bombs while bounding the memory they could take.
pub const MAX_NODES: usize = 2_000_000;
/// The most values that aliases may add to a catalog when they are expanded, counted as
/// the parser replays them. Aliases in real catalogs share a few texts or lists; an alias
/// bomb (aliases of aliases) multiplies its values and is refused after this many, in
/// milliseconds, long before [`MAX_NODES`] would stop it.
pub const MAX_ALIAS_EXPANSION: usize = 100_000;
/// The stack of the thread that parses: deserializing one nesting level takes tens of
/// kilobytes in a debug build (build scripts are debug builds), so [`MAX_DEPTH`] levels
/// would overflow a 2 MiB thread stack. The memory is only reserved, not used.
const PARSE_STACK_BYTES: usize = 32 * 1024 * 1024;

/// Parses one catalog's text into the raw model.
pub(crate) fn parse(source: &Source) -> Result<RawCatalog, Box<Diagnostic>> {
    if source.text.len() > MAX_FILE_BYTES {
        return Err(Box::new(too_large(source)));
    }
    if source.text.lines().all(|l| {
        let line = l.trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return Err(Box::new(
            Diagnostic::new(source, Pos::default(), "catalog is empty")
                .help("a catalog needs at least `api`, `docs`, `envelope` and `errors`"),
        ));
    }
    if let Some(pos) = first_nul(&source.text) {
        return Err(Box::new(
            Diagnostic::new(source, pos, "catalog contains a NUL character")
                .label("NUL here")
                .help("catalogs are UTF-8 text; remove the control character"),
        ));
    }
    on_big_stack(|| match events::catalog(&source.text) {
        Ok(catalog) => Ok(catalog),
        Err(Fallback) => with_serde_saphyr(source),
    })
}

/// Reads the catalog with serde-saphyr: the catalogs the event loader gives up on, and
/// the words of every syntax and type mistake.
pub(crate) fn with_serde_saphyr(source: &Source) -> Result<RawCatalog, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options(&source.text, options())
        .map_err(|err| Box::new(syntax_diagnostic(source, &err)))
}

/// The report for a catalog over [`MAX_FILE_BYTES`].
pub(crate) fn too_large(source: &Source) -> Diagnostic {
    Diagnostic::new(
        source,
        Pos::default(),
        format!("catalog is larger than {MAX_FILE_BYTES} bytes"),
    )
    .help("split the catalog into several files")
}

/// Runs `parse` on a thread with [`PARSE_STACK_BYTES`] of stack, whatever the caller's
/// stack is; runs it in place if no thread can be started. A panic is passed on.
fn on_big_stack<T: Send>(parse: impl Fn() -> T + Sync) -> T {
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("errcat-parse".to_owned())
            .stack_size(PARSE_STACK_BYTES)
            .spawn_scoped(scope, &parse);
        match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => parse(),
        }
    })
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 4 * MAX_NODES;
    budget.max_recorded_anchor_events = MAX_ALIAS_EXPANSION;
    let mut options = Options::default();
    options.budget = Some(budget);
    // YAML 1.2 booleans only (`true`, `false`): `no`, `y` or `off` are text, as the
    // catalog's JSON Schema and editors read them, never a boolean in disguise.
    options.strict_booleans = true;
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EXPANSION;
    options
}

fn first_nul(text: &str) -> Option<Pos> {
    let index = text.find('\0')?;
    let before = &text[..index];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some(Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    })
}

fn syntax_diagnostic(source: &Source, err: &serde_saphyr::Error) -> Diagnostic {
    let pos = err
        .location()
        .map(|l| Pos {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            col: u32::try_from(l.column()).unwrap_or(u32::MAX),
        })
        .unwrap_or_default();
    let (message, help) = message_and_help(err);
    // serde stops at the first problem it meets, so nothing after it was read.
    let diagnostic = Diagnostic::new(source, pos, message)
        .label("here")
        .note("reading stops here: the rest of this file is checked once this is fixed");
    match help {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    }
}
