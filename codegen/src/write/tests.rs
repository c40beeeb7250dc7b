use super::*;

/// A pid no Linux process can have: above the largest `pid_max` (2^22).
#[cfg(target_os = "linux")]
const DEAD_PID: u32 = 4_000_000_000;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-write-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_once_then_leaves_the_file_alone() {
    let dir = scratch("once");
    let path = dir.join("out.md");
    assert_eq!(write_if_changed(&path, b"a").unwrap(), Written::Changed);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(write_if_changed(&path, b"a").unwrap(), Written::Unchanged);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert_eq!(write_if_changed(&path, b"b").unwrap(), Written::Changed);
    assert_eq!(fs::read(&path).unwrap(), b"b");
    assert_eq!(names(&dir), ["out.md"], "no temporary file is left behind");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn creates_the_folders_of_outputs_in_subfolders() {
    let dir = scratch("subfolders");
    let page = dir.join("api/book/src/codes/gone.md");
    assert_eq!(write_if_changed(&page, b"page").unwrap(), Written::Changed);
    assert_eq!(fs::read(&page).unwrap(), b"page");
    assert_eq!(names(page.parent().unwrap()), ["gone.md"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn staging_renames_nothing_and_dropping_it_removes_the_temporaries() {
    let dir = scratch("staged");
    let (a, b) = (dir.join("a.md"), dir.join("b.md"));
    write_all(&[(&a, b"old a"), (&b, b"old b")]).unwrap();
    let staged = stage(&[(&a, b"new a"), (&b, b"old b")]).unwrap();
    let temporary = format!(".a.md.{}.tmp", std::process::id());
    assert_eq!(names(&dir), [temporary.as_str(), "a.md", "b.md"]);
    assert_eq!(fs::read(dir.join(&temporary)).unwrap(), b"new a");
    assert_eq!(fs::read(&a).unwrap(), b"old a", "not renamed before commit");
    drop(staged);
    assert_eq!(names(&dir), ["a.md", "b.md"]);
    assert_eq!(fs::read(&a).unwrap(), b"old a");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn commit_reports_each_file_in_order() {
    let dir = scratch("commit");
    let (a, b) = (dir.join("a.md"), dir.join("b.md"));
    write_all(&[(&a, b"a")]).unwrap();
    let written = stage(&[(&a, b"a"), (&b, b"b")]).unwrap().commit().unwrap();
    assert_eq!(written, [Written::Unchanged, Written::Changed]);
    assert_eq!(names(&dir), ["a.md", "b.md"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_stage_leaves_the_old_set_and_no_temporary() {
    let dir = scratch("failed");
    // A folder cannot be created where a file is: the second output cannot be staged.
    let (a, lost) = (dir.join("a.md"), dir.join("a.md/b.md"));
    write_all(&[(&a, b"old")]).unwrap();
    let error = write_all(&[(&a, b"new"), (&lost, b"new")]).unwrap_err();
    assert!(error.to_string().contains("b.md"), "{error}");
    assert_eq!(fs::read(&a).unwrap(), b"old", "nothing renamed");
    assert_eq!(names(&dir), ["a.md"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
#[cfg(target_os = "linux")]
fn stale_temporaries_go_and_every_other_file_stays() {
    let dir = scratch("stale");
    let output = dir.join("api.md");
    fs::write(&output, "old").unwrap();
    let stale = format!(".api.md.{DEAD_PID}.tmp");
    // pid 1 always runs: a live writer's temporary is not ours to remove.
    let kept = [
        ".api.md.1.tmp".to_owned(),
        format!(".gone.md.{DEAD_PID}.tmp"),
        format!(".api.md.{DEAD_PID}.tmp.bak"),
        format!("api.md.{DEAD_PID}.tmp"),
        "notes.txt".to_owned(),
    ];
    fs::write(dir.join(&stale), "partial").unwrap();
    for name in &kept {
        fs::write(dir.join(name), "someone else's").unwrap();
    }
    assert_eq!(
        write_all(&[(&output, b"old")]).unwrap(),
        [Written::Unchanged]
    );
    assert!(!dir.join(&stale).exists(), "{stale} is removed");
    for name in &kept {
        assert_eq!(
            fs::read(dir.join(name)).unwrap(),
            b"someone else's",
            "{name}"
        );
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// The state a run killed during its renames leaves (one output new, one old, the other
/// temporary still there, written by a process now gone), and the next run's repair.
#[test]
#[cfg(target_os = "linux")]
fn the_next_run_repairs_a_run_killed_during_its_renames() {
    let dir = scratch("repair");
    let (out, docs) = (dir.join("out"), dir.join("docs"));
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&docs).unwrap();
    let (rust, page) = (out.join("errcat.rs"), docs.join("api.md"));
    fs::write(&rust, "new rust").unwrap();
    fs::write(&page, "old page").unwrap();
    fs::write(docs.join(format!(".api.md.{DEAD_PID}.tmp")), "new pa").unwrap();
    let written = write_all(&[(&rust, b"new rust"), (&page, b"new page")]).unwrap();
    assert_eq!(written, [Written::Unchanged, Written::Changed]);
    assert_eq!(fs::read(&rust).unwrap(), b"new rust");
    assert_eq!(fs::read(&page).unwrap(), b"new page");
    assert_eq!(names(&out), ["errcat.rs"]);
    assert_eq!(names(&docs), ["api.md"]);
    fs::remove_dir_all(&dir).unwrap();
}

/// The build script's order: outputs staged one by one as they are made, the killed
/// runs' temporaries removed after staging; this run's own temporaries survive that and
/// are renamed on commit.
#[test]
#[cfg(target_os = "linux")]
fn staging_one_by_one_then_cleaning_keeps_this_runs_temporaries() {
    let dir = scratch("one-by-one");
    let (first, second) = (dir.join("a.md"), dir.join("b.md"));
    let stale = format!(".a.md.{DEAD_PID}.tmp");
    fs::write(dir.join(&stale), "partial").unwrap();
    let mut staged = Staged::new();
    staged.add(&first, b"one").unwrap();
    staged.add(&second, b"two").unwrap();
    staged.remove_stale_temporaries();
    let own = format!(".a.md.{}.tmp", std::process::id());
    assert!(dir.join(&own).exists(), "{own} is this run's and stays");
    assert!(!dir.join(&stale).exists(), "{stale} is removed");
    assert_eq!(
        staged.commit().unwrap(),
        [Written::Changed, Written::Changed]
    );
    assert_eq!(names(&dir), ["a.md", "b.md"]);
    assert_eq!(fs::read(&first).unwrap(), b"one");
    fs::remove_dir_all(&dir).unwrap();
}
