//! Tests of the build-script entry points: outputs, folders, temporaries, reports.

use super::*;

const CATALOG: &str = "api: T\ndocs: {title: T}\nenvelope: {body: {fields: {code: {from: code}}}}\nerrors:\n  - {code: gone, status: 410, title: Gone, description: D, solution: S}\ncontract: {unpublished: true}\n";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-builder-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("catalog")).unwrap();
    fs::create_dir_all(dir.join("out")).unwrap();
    fs::write(dir.join("catalog/api.yaml"), CATALOG).unwrap();
    dir
}

#[test]
fn writes_rust_always_and_docs_only_into_an_existing_folder() {
    let root = scratch("docs");
    let builder = Builder::new().docs_dir("generated");
    builder.run(&root, &root.join("out")).unwrap();
    assert!(root.join("out/errcat.rs").is_file());
    assert!(
        !root.join("generated").exists(),
        "a missing docs folder is not created"
    );
    fs::create_dir(root.join("generated")).unwrap();
    builder.run(&root, &root.join("out")).unwrap();
    let mut names: Vec<String> = fs::read_dir(root.join("generated"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected = [
        "api.errors.json",
        "api.md",
        "api.openapi-3.0.json",
        "api.openapi-3.0.yaml",
        "api.openapi.json",
        "api.openapi.yaml",
        "errors.schema.json",
    ];
    assert_eq!(names, expected);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_build_removes_the_temporaries_of_killed_builds_from_both_folders() {
    let root = scratch("stale");
    fs::create_dir(root.join("generated")).unwrap();
    // Of the temporaries' pattern, and locked by nobody: their writers are gone.
    let stale = [
        ".errcat.rs.00000000deadbeef.tmp",
        ".api.md.00000000deadbeef.tmp",
    ];
    fs::write(root.join("out").join(stale[0]), "partial").unwrap();
    fs::write(root.join("generated").join(stale[1]), "partial").unwrap();
    Builder::new()
        .docs_dir("generated")
        .run(&root, &root.join("out"))
        .unwrap();
    assert!(!root.join("out").join(stale[0]).exists());
    assert!(!root.join("generated").join(stale[1]).exists());
    assert!(root.join("generated/api.md").is_file());
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn reports_problems_as_cargo_errors() {
    let root = scratch("bad");
    fs::write(root.join("catalog/api.yaml"), CATALOG.replace("410", "700")).unwrap();
    let lines = Builder::new().run(&root, &root.join("out")).unwrap_err();
    assert!(
        lines.starts_with("cargo::error=status 700 is not an HTTP error status\n"),
        "{lines}"
    );
    assert!(lines.contains("--> catalog/api.yaml:5:26\n"), "{lines}");
    assert!(
        !root.join("out/errcat.rs").exists(),
        "nothing is written on failure"
    );
    fs::remove_dir_all(&root).unwrap();
}
