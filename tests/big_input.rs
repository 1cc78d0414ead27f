//! Files of any size are streamed: what attain keeps is bounded (at most
//! `attain::io::table::MAX_ROWS` rows, rows of at most 1 MB), a clear message names the file
//! and the line, the CLI exits 2, nothing is written, and Cancel in the window stops the
//! reading. Org files are documents read whole, refused from their size (above 1 GB).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::Queryable as _;
use std::process::Command;

mod common;

/// Sparse: two gigabytes long without using the disk; `head` is written first.
fn two_gigabytes(dir: &std::path::Path, name: &str, head: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, head).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    path
}

#[test]
fn the_cli_streams_big_files_and_stops_at_what_it_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.attain");
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    let attain = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_attain"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let import = |kind: &str, file: &std::path::Path| {
        let out = attain(&[
            "import",
            kind,
            file.to_str().unwrap(),
            "--org",
            "Contoso Italia S.r.l.",
        ]);
        assert_eq!(out.status.code(), Some(2), "{kind}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(attain(&["load", demo]).status.success());
    // Two gigabytes of NUL bytes: not text, told from the first chunk.
    let big = two_gigabytes(dir.path(), "users.csv", b"");
    for kind in ["users", "trainings", "credly"] {
        let started = std::time::Instant::now();
        let err = import(kind, &big);
        assert!(
            err.contains("users.csv") && err.contains("not a text file"),
            "{err}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
    // More rows than attain keeps: stopped at the first row too many, with its line.
    let rows = attain::io::table::MAX_ROWS + 10;
    let mut csv = String::from("First name,Last name,Display name,Email\n");
    for i in 0..rows {
        csv.push_str(&format!("N{i},C,N{i} C,n{i}@contoso.it\n"));
    }
    let many = dir.path().join("many.csv");
    std::fs::write(&many, csv).unwrap();
    let err = import("users", &many);
    let line = attain::io::table::MAX_ROWS + 2;
    assert!(
        err.contains("many.csv") && err.contains(&format!("line {line}: more than")),
        "{err}"
    );
    // One row of 2 MB: refused at its line, not held.
    let long = dir.path().join("long.csv");
    let mut csv = String::from("First name,Last name,Display name,Email\nA,B,C,a@b.it\n");
    csv.push_str(&"x".repeat(2 << 20));
    std::fs::write(&long, csv).unwrap();
    let err = import("users", &long);
    assert!(err.contains("line 3: a row longer than 1 MB"), "{err}");
    // Nothing was written.
    let out = attain(&["check"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Contoso Italia S.r.l.\t40"));
    let org = two_gigabytes(dir.path(), "big.org.ron", b"");
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(["eval", org.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("big.org.ron"));
}

#[test]
fn a_2_gb_file_dropped_on_the_window_shows_progress_and_cancel_stops_the_reading() {
    use attain::app::imports::ImportState;
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    // A UTF-16 byte-order mark: every byte must be read before the file is judged.
    let big = two_gigabytes(dir.path(), "export.csv", b"\xFF\xFE");
    let mut h = common::ui::harness(common::ui::app());
    let before = h.state().org.employees.len();
    h.state_mut()
        .commands
        .push(attain::app::Command::PreviewImport(big.clone()));
    h.step();
    let ImportState::Checking(c) = &h.state().import else {
        panic!("not checking");
    };
    let reading = c.reading.clone();
    assert_eq!(reading.total, 4 << 30);
    let start = std::time::Instant::now();
    while reading.read.load(Ordering::Relaxed) == 0 {
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.step();
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(matches!(h.state().import, ImportState::Idle));
    // The worker stops at its next chunk: the count stops moving, far from the end.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let stopped = reading.read.load(Ordering::Relaxed);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(reading.read.load(Ordering::Relaxed), stopped);
    assert!(stopped < reading.total / 2, "{stopped}");
    assert!(h.state().notice.is_none());
    assert_eq!(h.state().org.employees.len(), before);
}

/// The peak resident memory of this test's finished child processes, in MB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn children_peak_mb() -> f64 {
    // SAFETY: getrusage only fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn a_file_larger_than_the_memory_bound_is_streamed_within_it() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.attain");
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    // 320 MB of real rows (not a sparse file): twice the window's whole memory budget.
    let path = dir.path().join("huge.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "First name,Last name,Display name,Email").unwrap();
    let mut i = 0u64;
    while f.get_ref().metadata().unwrap().len() < 320 << 20 {
        for _ in 0..100_000 {
            writeln!(
                f,
                "Name{i},Surname{i},Name{i} Surname{i},name{i}@contoso.it"
            )
            .unwrap();
            i += 1;
        }
        f.flush().unwrap();
    }
    drop(f);
    let db = db.to_str().unwrap();
    assert!(
        common::cli::attain(&["--db", db, "load", demo])
            .status
            .success()
    );
    let out = common::cli::attain(&[
        "--db",
        db,
        "import",
        "users",
        path.to_str().unwrap(),
        "--org",
        "Contoso Italia S.r.l.",
        "--dry-run",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("huge.csv") && err.contains("more than"),
        "{err}"
    );
    let peak = children_peak_mb();
    eprintln!("{i} rows, 320 MB file: peak {peak:.0} MB");
    assert!(
        peak < 150.0,
        "peak {peak:.0} MB while streaming a 320 MB file"
    );
}

/// The binary's constructor sets mimalloc's arena commit before mimalloc starts (where the
/// option is read): committed whole, its first arena kept ~18 MB more resident in the window
/// at 100,000 people. mimalloc prints its options as it starts when asked to.
#[test]
fn mimalloc_starts_with_arenas_committed_on_use() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .arg("--version")
        .env("MIMALLOC_VERBOSE", "1")
        .env_remove("MIMALLOC_ARENA_EAGER_COMMIT")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("option 'arena_eager_commit': 0"),
        "mimalloc started with: {err}"
    );
}

/// Imports allocate with mimalloc (a fifth of a 100,000-user import was glibc's malloc); the
/// other commands keep the system's allocator, whose peaks are lower. mimalloc's statistics
/// at exit count the pages it gave out.
#[test]
fn imports_allocate_with_mimalloc_and_other_commands_do_not() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.csv");
    std::fs::write(
        &users,
        "First name,Last name,Display name,Email\nAnna,Rossi,Anna Rossi,anna.rossi@contoso.it\n",
    )
    .unwrap();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    let db = dir.path().join("w.attain");
    let (db, users) = (db.to_str().unwrap(), users.to_str().unwrap());
    let mimalloc_pages = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_attain"))
            .args(args)
            .args(["--db", db])
            .env("MIMALLOC_SHOW_STATS", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        // "  pages     :    37          57           7": the peak, if mimalloc gave any.
        err.lines()
            .find_map(|l| {
                let rest = l.trim().strip_prefix("pages")?.trim_start();
                rest.strip_prefix(':')?
                    .split_whitespace()
                    .next()?
                    .parse::<u64>()
                    .ok()
            })
            .unwrap_or(0)
    };
    assert_eq!(
        mimalloc_pages(&["load", demo]),
        0,
        "a load allocated with mimalloc"
    );
    let import = [
        "import",
        "users",
        users,
        "--org",
        "Contoso Italia S.r.l.",
        "--dry-run",
    ];
    assert!(
        mimalloc_pages(&import) > 0,
        "the import did not allocate with mimalloc"
    );
}

#[test]
fn a_users_import_of_many_people_is_read_again_on_a_worker() {
    use attain::app::imports::ImportState;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.csv");
    // 5,100 new people: more than the window reads in a frame.
    std::fs::write(&path, common::many_users_csv(5_100)).unwrap();
    let store = attain::store::Store::open(&dir.path().join("w.attain")).unwrap();
    let mut h = common::ui::harness(attain::app::AttainApp::new(store).unwrap());
    let before = h.state().org.employees.len();
    h.state_mut()
        .commands
        .push(attain::app::Command::PreviewImport(path));
    let start = std::time::Instant::now();
    let mut confirmed = false;
    while !matches!(h.state().import, ImportState::Finished(_)) {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        if !confirmed && matches!(h.state().import, ImportState::Preview(_)) {
            h.state_mut()
                .commands
                .push(attain::app::Command::ConfirmImport);
            confirmed = true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    common::ui::read_again_on_a_worker(&mut h, before, 5_100);
}
