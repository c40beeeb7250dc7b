//! Reading the catalogs of a folder, or of a folder at a git revision (`REV:path`).

use std::path::Path;
use std::process::Command;

use errcat_codegen::{Builder, Source};

/// The catalog sources of `dir`: a folder, else `REV:path` read with `git`.
pub fn read(dir: &str) -> Result<Vec<Source>, String> {
    if Path::new(dir).is_dir() {
        return Builder::new()
            .catalog_dir(dir)
            .read_sources(Path::new("."))
            .map_err(|e| format!("cannot read {dir}: {e}"))?
            .map_err(|d| d.to_string());
    }
    let Some((rev, path)) = dir.split_once(':') else {
        return Err(format!("{dir} is neither a folder nor `REV:path`"));
    };
    let path = path.trim_end_matches('/');
    let listing = git(&[
        "ls-tree",
        "--full-tree",
        "--name-only",
        &format!("{rev}:{path}"),
    ])?;
    let mut sources = Vec::new();
    for name in listing
        .lines()
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
    {
        let text = git(&["show", &format!("{rev}:{path}/{name}")])?;
        sources.push(Source::new(format!("{path}/{name}"), text));
    }
    if sources.is_empty() {
        return Err(format!("no catalogs in {dir}"));
    }
    Ok(sources)
}

fn git(args: &[&str]) -> Result<String, String> {
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
    String::from_utf8(output.stdout).map_err(|_| "git printed text that is not UTF-8".to_owned())
}
