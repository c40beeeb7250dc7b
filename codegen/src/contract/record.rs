//! Reading a published contract, failing closed: a dictionary that cannot be read, is
//! not the JSON the build writes (a byte-order mark, merge-conflict markers, another
//! shape) is an error naming the file, never taken to mean "nothing published".

use std::io;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value as Json;

use crate::diagnostic::Diagnostic;
use crate::source::{Pos, Source};

/// The dictionary format this build reads and writes.
const FORMAT: u64 = 1;

/// The published contract in `bytes` (the file `shown`, as diagnostics name it), or the
/// reason it cannot be compared with.
///
/// # Errors
/// A diagnostic naming the file and, where there is one, the line.
pub fn parse(shown: &str, bytes: Vec<u8>) -> Result<Json, Box<Diagnostic>> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let source = Source::new(shown, String::new());
            return Err(unreadable(
                &source,
                Pos::default(),
                format!("it is not UTF-8 text ({e})"),
            ));
        }
    };
    if text.starts_with('\u{feff}') {
        let source = Source::new(shown, text.clone());
        return Err(unreadable(
            &source,
            Pos { line: 1, col: 1 },
            "it starts with a byte-order mark, which the build never writes".to_owned(),
        ));
    }
    let source = Source::new(shown, text);
    if let Some(line) = conflict_marker(&source.text) {
        let d = unreadable(
            &source,
            Pos { line, col: 1 },
            "it holds merge-conflict markers".to_owned(),
        )
        .label("a merge left both sides here");
        return Err(Box::new(d.help(format!(
            "keep the dictionary of the branch merged into (`git checkout --ours -- {shown}`), then run `cargo build`: the guard compares the merged catalog with it and writes the merged contract"
        ))));
    }
    if let Err(e) = serde_json::from_str::<shape::Shape>(&source.text) {
        let pos = Pos {
            line: u32::try_from(e.line()).unwrap_or(u32::MAX),
            col: u32::try_from(e.column()).unwrap_or(u32::MAX),
        };
        let what = if e.is_data() {
            format!("it is not a dictionary of this format: {e}")
        } else {
            format!("it is not JSON: {e}")
        };
        return Err(unreadable(&source, pos, what));
    }
    serde_json::from_str(&source.text)
        .map_err(|e| unreadable(&source, Pos::default(), format!("it is not JSON: {e}")))
}

/// A dictionary that could not be read at all.
pub fn io_error(shown: &str, error: &io::Error) -> Box<Diagnostic> {
    let source = Source::new(shown, String::new());
    unreadable(
        &source,
        Pos::default(),
        format!("it cannot be read: {error}"),
    )
}

fn unreadable(source: &Source, pos: Pos, why: String) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(source, pos, format!("cannot read the published contract {}: {why}", source.name))
            .label("here")
            .note("the guard compares each catalog with the dictionary the last build wrote; one it cannot read is never taken as \"nothing published\"")
            .help(format!(
                "restore {} from the published revision (`git checkout <revision> -- {}`) and build again",
                source.name, source.name
            )),
    )
}

/// The first line (1-based) that a merge left as a conflict marker.
fn conflict_marker(text: &str) -> Option<u32> {
    let index = text.lines().position(|line| {
        ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
            .iter()
            .any(|marker| line.starts_with(marker))
    })?;
    Some(u32::try_from(index + 1).unwrap_or(u32::MAX))
}

/// The members the guard reads of a dictionary, with their types; everything else in it
/// is free. Read only to check the shape, so their values are never used.
#[allow(dead_code, reason = "deserialised to check the shape only")]
mod shape {
    use super::{Deserialize, FORMAT, IgnoredAny};

    /// What the guard reads of a dictionary; everything else in it is free.
    #[derive(Deserialize)]
    pub(super) struct Shape {
        #[serde(deserialize_with = "format")]
        format: u64,
        media_type: String,
        unique_codes: UniqueCodes,
        #[serde(default)]
        unknown_members: Option<UnknownMembers>,
        envelope: Vec<Member>,
        errors: Vec<ErrorShape>,
        retired: Vec<Retired>,
        contract: Contract,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum UniqueCodes {
        Catalog,
        Group,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum UnknownMembers {
        Allow,
        Refuse,
    }

    #[derive(Deserialize)]
    struct Member {
        path: String,
        from: String,
    }

    #[derive(Deserialize)]
    struct ErrorShape {
        code: String,
        number: Option<u64>,
        group: Option<String>,
        status: Option<u16>,
        statuses: Vec<u16>,
        retry: IgnoredAny,
        fields: Vec<Field>,
        example: IgnoredAny,
        deprecated: Option<String>,
    }

    #[derive(Deserialize)]
    struct Field {
        name: String,
        #[serde(rename = "type")]
        ty: IgnoredAny,
        presence: Presence,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Presence {
        Required,
        Optional,
        Nullable,
    }

    #[derive(Deserialize)]
    struct Retired {
        code: String,
    }

    #[derive(Deserialize)]
    struct Contract {
        version: u64,
        accepted: Vec<Accepted>,
    }

    #[derive(Deserialize)]
    struct Accepted {
        rule: String,
        code: String,
        #[serde(default)]
        group: Option<String>,
    }

    /// The format version, which must be the one this build knows.
    fn format<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        let found = u64::deserialize(deserializer)?;
        if found == FORMAT {
            Ok(found)
        } else {
            Err(serde::de::Error::custom(format!(
                "format {found}, while this build reads format {FORMAT}"
            )))
        }
    }
}
