//! Hostile mutations of the shipped catalogs, line by line: truncation, dropped and
//! duplicated lines, tabs, unterminated quotes, numbers made text, scalars made lists.
//! Each either builds or fails with diagnostics naming the file, never panics or hangs.

mod common;

use common::{assert_located, compile_guarded};
use errcat_codegen::{Builder, Source};
use std::path::Path;

/// Applies one kind of mutation to line `i` of `lines`, or `None` when it does not apply.
type Mutation = fn(&[&str], usize) -> Option<String>;

const MUTATIONS: &[(&str, Mutation)] = &[
    ("truncate after the line", |l, i| Some(l[..=i].join("\n"))),
    ("truncate mid-line", |l, i| {
        let cut = l[i].char_indices().nth(l[i].chars().count() / 2)?.0;
        Some(format!("{}\n{}", l[..i].join("\n"), &l[i][..cut]))
    }),
    ("drop the line", |l, i| Some(with(l, i, Vec::new()))),
    ("duplicate the line", |l, i| {
        Some(with(l, i, vec![l[i].into(), l[i].into()]))
    }),
    ("indent with a tab", |l, i| {
        let body = l[i].trim_start();
        (body.len() < l[i].len()).then(|| with(l, i, vec![format!("\t{body}")]))
    }),
    ("unterminated quote", |l, i| {
        let (key, value) = l[i].split_once(": ")?;
        Some(with(l, i, vec![format!("{key}: \"{value}")]))
    }),
    ("number made text", |l, i| {
        let (key, value) = l[i].split_once(": ")?;
        value.parse::<i64>().ok()?;
        Some(with(l, i, vec![format!("{key}: {value} and more")]))
    }),
    ("scalar made a list", |l, i| {
        let (key, value) = l[i].split_once(": ")?;
        Some(with(l, i, vec![format!("{key}: [{value}, {value}]")]))
    }),
];

/// `lines` with line `i` replaced by `replacement`.
fn with(lines: &[&str], i: usize, replacement: Vec<String>) -> String {
    let mut out: Vec<String> = lines[..i].iter().map(|s| (*s).to_owned()).collect();
    out.extend(replacement);
    out.extend(lines[i + 1..].iter().map(|s| (*s).to_owned()));
    out.join("\n")
}

#[test]
fn every_line_mutation_builds_or_is_diagnosed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shipped = Builder::new().read_sources(&root).unwrap().unwrap();
    let mut outcomes = [0_usize; 2];
    for source in &shipped {
        let lines: Vec<&str> = source.text.lines().collect();
        for (what, mutate) in MUTATIONS {
            for i in 0..lines.len() {
                let Some(text) = mutate(&lines, i) else {
                    continue;
                };
                let case = format!("{} line {}: {what}", source.name, i + 1);
                let mutated = Source::new(source.name.clone(), text);
                match compile_guarded(&case, vec![mutated]) {
                    Ok(_) => outcomes[0] += 1,
                    Err(diagnostics) => {
                        assert_located(&case, &source.name, &diagnostics);
                        outcomes[1] += 1;
                    }
                }
            }
        }
    }
    assert!(outcomes[1] > 100, "mutations are diagnosed: {outcomes:?}");
}
