use super::*;

/// A token of the temporaries' pattern, for temporaries a test plants.
const TOKEN: &str = "00000000deadbeef";

/// The temporaries in `dir`: the names of the pattern `.<output>.<token>.tmp`.
fn temporaries(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|name| name.starts_with('.') && name.ends_with(".tmp"))
        .collect()
}

/// A temporary a live writer holds: created and locked, as the writer's is.
fn held_by_a_live_writer(path: &Path) -> fs::File {
    let file = fs::File::create(path).unwrap();
    file.lock().unwrap();
    file
}

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
    let [temporary] = temporaries(&dir).try_into().unwrap();
    assert!(temporary.starts_with(".a.md."), "{temporary}");
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
fn abandoned_temporaries_go_and_every_other_file_stays() {
    let dir = scratch("stale");
    let output = dir.join("api.md");
    fs::write(&output, "old").unwrap();
    let abandoned = format!(".api.md.{TOKEN}.tmp");
    fs::write(dir.join(&abandoned), "partial").unwrap();
    let live = dir.join(".api.md.0123456789abcdef.tmp");
    let _writer = held_by_a_live_writer(&live);
    let kept = [
        format!(".gone.md.{TOKEN}.tmp"),
        format!(".api.md.{TOKEN}.tmp.bak"),
        format!("api.md.{TOKEN}.tmp"),
        ".api.md.4242.tmp".to_owned(),
        "notes.txt".to_owned(),
    ];
    for name in &kept {
        fs::write(dir.join(name), "someone else's").unwrap();
    }
    assert_eq!(
        write_all(&[(&output, b"old")]).unwrap(),
        [Written::Unchanged]
    );
    assert!(!dir.join(&abandoned).exists(), "{abandoned} is removed");
    assert!(live.exists(), "a live writer's temporary stays");
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
/// temporary still there, its writer gone), and the next run's repair.
#[test]
fn the_next_run_repairs_a_run_killed_during_its_renames() {
    let dir = scratch("repair");
    let (out, docs) = (dir.join("out"), dir.join("docs"));
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&docs).unwrap();
    let (rust, page) = (out.join("errcat.rs"), docs.join("api.md"));
    fs::write(&rust, "new rust").unwrap();
    fs::write(&page, "old page").unwrap();
    fs::write(docs.join(format!(".api.md.{TOKEN}.tmp")), "new pa").unwrap();
    let written = write_all(&[(&rust, b"new rust"), (&page, b"new page")]).unwrap();
    assert_eq!(written, [Written::Unchanged, Written::Changed]);
    assert_eq!(fs::read(&rust).unwrap(), b"new rust");
    assert_eq!(fs::read(&page).unwrap(), b"new page");
    assert_eq!(names(&out), ["errcat.rs"]);
    assert_eq!(names(&docs), ["api.md"]);
    fs::remove_dir_all(&dir).unwrap();
}

/// The build script's order: outputs staged one by one as they are made, the killed
/// runs' temporaries removed after staging; this run's own temporaries survive that (it
/// holds their locks) and are renamed on commit.
#[test]
fn staging_one_by_one_then_cleaning_keeps_this_runs_temporaries() {
    let dir = scratch("one-by-one");
    let (first, second) = (dir.join("a.md"), dir.join("b.md"));
    let abandoned = format!(".a.md.{TOKEN}.tmp");
    fs::write(dir.join(&abandoned), "partial").unwrap();
    let mut staged = Staged::new();
    staged.add(&first, b"one").unwrap();
    staged.add(&second, b"two").unwrap();
    staged.remove_stale_temporaries();
    assert!(!dir.join(&abandoned).exists(), "{abandoned} is removed");
    assert_eq!(temporaries(&dir).len(), 2, "this run's stay");
    assert_eq!(
        staged.commit().unwrap(),
        [Written::Changed, Written::Changed]
    );
    assert_eq!(names(&dir), ["a.md", "b.md"]);
    assert_eq!(fs::read(&first).unwrap(), b"one");
    fs::remove_dir_all(&dir).unwrap();
}

/// Writers that share a folder and output names, as builds in two containers sharing a
/// checkout do, never share a temporary: each output ends whole, as one writer wrote it.
#[test]
fn concurrent_writers_of_one_output_each_write_whole_files() {
    let dir = scratch("concurrent");
    let output = dir.join("retrac.errors.json");
    let writers: Vec<_> = (0..8u8)
        .map(|writer| {
            let output = output.clone();
            std::thread::spawn(move || {
                let content = vec![b'a' + writer; 64 * 1024];
                for _ in 0..20 {
                    write_all(&[(&output, &content)]).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let content = fs::read(&output).unwrap();
    assert_eq!(content.len(), 64 * 1024);
    assert!(
        content.iter().all(|&b| b == content[0]),
        "one writer's file"
    );
    assert_eq!(names(&dir), ["retrac.errors.json"], "no temporary left");
    fs::remove_dir_all(&dir).unwrap();
}
