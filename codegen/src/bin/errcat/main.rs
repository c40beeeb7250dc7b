//! `errcat`: the catalog checks and the contract guard for other projects' CI.
//!
//! ```text
//! errcat check catalog/                     # validate; diagnostics; exit 1 on mistakes
//! errcat diff HEAD~1:catalog catalog/       # each change, its rule, breaking or not
//! errcat diff old/ new/ --json              # the same as JSON
//! errcat changelog HEAD~1:catalog catalog/  # a Markdown changelog for integrators
//! ```
//!
//! A `<dir>` is a folder of catalogs, or `REV:path` for that folder at a git revision.

mod changelog;
mod sources;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errcat_codegen::contract::{self, Change};
use errcat_codegen::{Catalog, compile, emit};

/// Error catalogs: check them, and compare two versions of their contract.
#[derive(Parser)]
#[command(name = "errcat", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validates the catalogs of a folder; exits 1 with the diagnostics on mistakes.
    Check {
        /// The folder of catalogs (or `REV:path`).
        dir: String,
    },
    /// Lists each change from `old` to `new` with its rule; exits 1 on a breaking one.
    Diff {
        /// The published catalogs (or `REV:path`).
        old: String,
        /// The changed catalogs (or `REV:path`).
        new: String,
        /// Prints the changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Writes a Markdown changelog for integrators from `old` to `new`.
    Changelog {
        /// The published catalogs (or `REV:path`).
        old: String,
        /// The changed catalogs (or `REV:path`).
        new: String,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Check { dir } => {
            let catalogs = load(&dir)?;
            for note in catalogs.iter().flat_map(Catalog::notes) {
                eprintln!("{note}");
            }
            println!(
                "{} catalogs, {} errors: no mistakes",
                catalogs.len(),
                count(&catalogs)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, json } => {
            let changes = diff(&load(&old)?, &load(&new)?);
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&as_json(&changes)).unwrap_or_default()
                );
            } else {
                for (catalog, change) in &changes {
                    println!("{catalog}: {}", describe(change));
                }
            }
            let breaking = changes.iter().any(|(_, c)| is_breaking(c));
            Ok(if breaking {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Changelog { old, new } => {
            let (old, new) = (load(&old)?, load(&new)?);
            print!("{}", changelog::markdown(&old, &new, &diff(&old, &new)));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The catalogs of `dir` compiled; every mistake is reported.
fn load(dir: &str) -> Result<Vec<Catalog>, String> {
    let sources = sources::read(dir)?;
    compile(&sources).map_err(|d| d.to_string())
}

fn count(catalogs: &[Catalog]) -> usize {
    catalogs.iter().map(|c| c.errors.len()).sum()
}

/// Every change of every catalog, by catalog name: a catalog gone from `new` breaks
/// its whole contract.
fn diff(old: &[Catalog], new: &[Catalog]) -> Vec<(String, Change)> {
    let mut out = Vec::new();
    for before in old.iter().filter(|b| !new.iter().any(|a| a.name == b.name)) {
        let what = format!(
            "the catalog `{}` ({}) is gone, with its {} codes",
            before.name,
            before.source,
            before.errors.len()
        );
        let change = Change {
            rule: Some(contract::CATALOG_RULE),
            code: String::new(),
            group: None,
            what,
        };
        out.push((before.name.clone(), change));
    }
    for after in new {
        let Some(before) = old.iter().find(|c| c.name == after.name) else {
            continue;
        };
        let old_contract = emit::dictionary::value(before);
        let new_contract = emit::dictionary::value(after);
        for change in contract::changes(&old_contract, &new_contract) {
            let change = if contract::is_accepted(&new_contract, &change) {
                Change {
                    rule: None,
                    ..change
                }
            } else {
                change
            };
            out.push((after.name.clone(), change));
        }
    }
    out
}

fn is_breaking(change: &Change) -> bool {
    change
        .rule
        .and_then(contract::rule)
        .is_some_and(|r| r.breaking)
}

fn describe(change: &Change) -> String {
    match change.rule {
        Some(rule) if is_breaking(change) => format!("breaking [{rule}] {}", change.what),
        Some(rule) => format!("warning [{rule}] {}", change.what),
        None => format!("compatible: {}", change.what),
    }
}

fn as_json(changes: &[(String, Change)]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = changes
        .iter()
        .map(|(catalog, change)| {
            serde_json::json!({
                "catalog": catalog,
                "code": change.code,
                "rule": change.rule,
                "breaking": is_breaking(change),
                "what": change.what,
            })
        })
        .collect();
    serde_json::Value::Array(items)
}
