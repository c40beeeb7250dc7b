//! The same catalogs always give the same bytes: generating twice, reading the catalog
//! folder in any order, and writing twice (the second write leaves every file alone).

mod common;

use common::compile_guarded;
use errcat_codegen::write::{Written, write_if_changed};
use errcat_codegen::{Builder, Generated, Source};
use std::fs;
use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped catalogs and the valid test catalogs, as files of one folder.
fn catalog_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for dir in ["../catalog", "tests/good"] {
        for entry in fs::read_dir(manifest_dir().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                files.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    files
}

/// Writes `files` into a fresh `catalog/` folder under `root`, in the order given.
fn write_folder(root: &Path, files: &[(String, Vec<u8>)]) {
    let _ = fs::remove_dir_all(root);
    fs::create_dir_all(root.join("catalog")).unwrap();
    for (name, bytes) in files {
        fs::write(root.join("catalog").join(name), bytes).unwrap();
    }
}

fn generate_from(root: &Path) -> Generated {
    let builder = Builder::new().http(true).axum(true).actix(true);
    let sources: Vec<Source> = builder.read_sources(root).unwrap().unwrap();
    let catalogs = compile_guarded("folder", sources).unwrap_or_else(|d| panic!("{d}"));
    builder.generate(&catalogs)
}

fn scratch(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("determinism-{name}"))
}

#[test]
fn any_file_order_gives_the_same_bytes() {
    let mut files = catalog_files();
    files.sort();
    let (first, second) = (scratch("sorted"), scratch("reversed"));
    write_folder(&first, &files);
    files.reverse();
    write_folder(&second, &files);
    let expected = generate_from(&first);
    assert_eq!(generate_from(&first), expected, "a second run differs");
    assert_eq!(
        generate_from(&second),
        expected,
        "file order changes the output"
    );
    let all = std::iter::once(&expected.rust).chain(&expected.docs);
    for file in all {
        for dir in [&first, &second] {
            let path = dir.to_string_lossy();
            assert!(
                !file.content.contains(path.as_ref()),
                "{} holds a path",
                file.name
            );
        }
        let home = manifest_dir().to_string_lossy();
        assert!(
            !file.content.contains(home.as_ref()),
            "{} holds a path",
            file.name
        );
    }
}

#[test]
fn writing_twice_changes_nothing_the_second_time() {
    let root = scratch("writes");
    let files = catalog_files();
    write_folder(&root, &files);
    let generated = generate_from(&root);
    let out = root.join("out");
    fs::create_dir_all(&out).unwrap();
    let all: Vec<_> = std::iter::once(&generated.rust)
        .chain(&generated.docs)
        .collect();
    for file in &all {
        let written = write_if_changed(&out.join(&file.name), file.content.as_bytes()).unwrap();
        assert_eq!(written, Written::Changed);
    }
    let before: Vec<_> = all.iter().map(|f| modified(&out.join(&f.name))).collect();
    let again = generate_from(&root);
    let all_again: Vec<_> = std::iter::once(&again.rust).chain(&again.docs).collect();
    for file in &all_again {
        let written = write_if_changed(&out.join(&file.name), file.content.as_bytes()).unwrap();
        assert_eq!(written, Written::Unchanged, "{} was rewritten", file.name);
        assert_eq!(
            fs::read(out.join(&file.name)).unwrap(),
            file.content.as_bytes()
        );
    }
    let after: Vec<_> = all.iter().map(|f| modified(&out.join(&f.name))).collect();
    assert_eq!(before, after, "modification times are kept");
    let names = files_under(&out);
    assert_eq!(
        names.len(),
        all.len(),
        "no temporary file is left: {names:?}"
    );
}

/// The paths of every file under `dir`, in its subfolders too (a catalog's book).
fn files_under(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    files
}

fn modified(path: &Path) -> std::time::SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}
