//! Reading the catalogs of a folder, or of a folder at a git revision (`REV:path`).
//!
//! `origin/main:catalog` could name a git revision's folder or a folder of the working
//! tree literally named so, which a pull request can commit to supply the "published"
//! side itself. So a `REV:path` whose `REV` is a revision git knows is read from git,
//! and one that is also a folder here is refused as ambiguous (`./origin/main:catalog`
//! names the folder). git is always called with `--end-of-options`, so a revision that
//! starts with `-` is never read as an option; trees are listed with `-z`, so file names
//! git would quote (non-ASCII, quotes) are read as they are; only blobs are catalogs (a
//! folder named `x.yaml` is not), each read by its object id.

use std::path::Path;
use std::process::Command;

use errcat_codegen::{Builder, Source};

/// The catalog sources of `dir`: a folder, else `REV:path` read with `git`.
pub fn read(dir: &str) -> Result<Vec<Source>, String> {
    let revision = dir
        .split_once(':')
        .filter(|(rev, _)| !rev.is_empty() && is_revision(rev));
    let is_folder = Path::new(dir).is_dir();
    match (revision, is_folder) {
        (Some(_), true) => Err(format!(
            "{dir} is both a folder here and a folder at the git revision `{}`; write `./{dir}` for the folder, or rename it",
            dir.split_once(':').map_or("", |(rev, _)| rev)
        )),
        (None, true) => Builder::new()
            .catalog_dir(dir)
            .read_sources(Path::new("."))
            .map_err(|e| format!("cannot read {dir}: {e}"))?
            .map_err(|d| d.to_string()),
        (Some((rev, path)), false) => read_at_revision(dir, rev, path),
        (None, false) => Err(format!(
            "{dir} is neither a folder nor `REV:path` with a revision git knows"
        )),
    }
}

/// Whether git knows `rev` as a revision (a commit, tag or tree) in this repository.
fn is_revision(rev: &str) -> bool {
    Command::new("git")
        .args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
        .arg(format!("{rev}^{{tree}}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The catalogs (`*.yaml`, `*.yml` blobs) of the folder `path` at `rev`.
fn read_at_revision(dir: &str, rev: &str, path: &str) -> Result<Vec<Source>, String> {
    let path = path.trim_end_matches('/');
    let tree = format!("{rev}:{path}");
    let listing = git(&["ls-tree", "-z", "--full-tree", "--end-of-options", &tree])?;
    let mut sources = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let Some((kind, object, name)) = tree_entry(entry) else {
            return Err(format!("git ls-tree {tree}: unexpected entry"));
        };
        if kind != "blob" || !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        let bytes = git(&["cat-file", "blob", &object])?;
        let shown = format!("{path}/{name}");
        let source = Source::from_bytes(shown.clone(), bytes).map_err(|(_, at)| {
            format!(
                "{shown}:{}:{} (at {rev}): the catalog is not UTF-8 text",
                at.line, at.col
            )
        })?;
        sources.push(source);
    }
    if sources.is_empty() {
        return Err(format!("no catalogs in {dir}"));
    }
    Ok(sources)
}

/// An entry of `git ls-tree -z`: `<mode> <type> <object>\t<name>`, as type, object id
/// and name.
fn tree_entry(entry: &[u8]) -> Option<(String, String, String)> {
    let tab = entry.iter().position(|&b| b == b'\t')?;
    let head = std::str::from_utf8(&entry[..tab]).ok()?;
    let name = String::from_utf8_lossy(&entry[tab + 1..]).into_owned();
    let mut parts = head.split(' ');
    let (_mode, kind, object) = (parts.next()?, parts.next()?, parts.next()?);
    Some((kind.to_owned(), object.to_owned(), name))
}

/// What git prints, or its error in a sentence.
fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout)
}
