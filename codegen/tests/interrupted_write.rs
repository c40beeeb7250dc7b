//! A real kill: a child process stages a new set of outputs and is killed with SIGKILL
//! before it renames them. The old set must stay whole, and the next run must leave the
//! new set and no temporary: the kernel released the killed writer's locks.
//!
//! The child is this test binary run again, told by an environment variable to play the
//! writer; it waits for the kill without any timing the test depends on.

#![cfg(target_os = "linux")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::Duration;

use errcat_codegen::write::{stage, write_all};

/// Set in the child: the folder it writes into.
const CHILD_DIR: &str = "ERRCAT_TEST_KILLED_WRITER_DIR";
const TEST_NAME: &str = "a_writer_killed_before_its_renames_leaves_the_old_set";

/// Two outputs in two folders, as a build writes `OUT_DIR` and `generated/`.
fn outputs(dir: &Path) -> [PathBuf; 2] {
    [dir.join("out/errcat.rs"), dir.join("docs/api.md")]
}

fn write_set(dir: &Path, contents: [&str; 2]) {
    let [rust, page] = outputs(dir);
    write_all(&[
        (&rust, contents[0].as_bytes()),
        (&page, contents[1].as_bytes()),
    ])
    .unwrap();
}

fn read_set(dir: &Path) -> [String; 2] {
    outputs(dir).map(|path| fs::read_to_string(path).unwrap())
}

/// The `.tmp` files of both folders.
fn temporaries(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for folder in ["out", "docs"] {
        for entry in fs::read_dir(dir.join(folder)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".tmp") {
                found.push(format!("{folder}/{name}"));
            }
        }
    }
    found.sort();
    found
}

/// The child's part: stage the new set, say so, and wait to be killed.
fn play_the_killed_writer(dir: &Path) -> ! {
    let [rust, page] = outputs(dir);
    let _staged = stage(&[(&rust, b"new rust"), (&page, b"new page")]).unwrap();
    fs::write(dir.join("staged"), "").unwrap();
    loop {
        sleep(Duration::from_secs(1));
    }
}

#[test]
fn a_writer_killed_before_its_renames_leaves_the_old_set() {
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        play_the_killed_writer(Path::new(&dir));
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("interrupted-write");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("out")).unwrap();
    fs::create_dir_all(dir.join("docs")).unwrap();
    write_set(&dir, ["old rust", "old page"]);

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", TEST_NAME, "--test-threads", "1"])
        .env(CHILD_DIR, &dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while !dir.join("staged").exists() {
        let status = child.try_wait().unwrap();
        assert!(
            status.is_none(),
            "the child ended before staging: {status:?}"
        );
        sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL on Unix: no destructor runs
    child.wait().unwrap();

    let left = temporaries(&dir);
    assert_eq!(
        left.len(),
        2,
        "the kill left the staged temporaries: {left:?}"
    );
    assert!(left[0].starts_with("docs/.api.md.") && left[1].starts_with("out/.errcat.rs."));
    assert_eq!(
        read_set(&dir),
        ["old rust", "old page"],
        "the old set is whole"
    );

    write_set(&dir, ["new rust", "new page"]);
    assert_eq!(read_set(&dir), ["new rust", "new page"]);
    assert!(temporaries(&dir).is_empty(), "{:?}", temporaries(&dir));
    fs::remove_dir_all(&dir).unwrap();
}
