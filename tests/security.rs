//! Temporary passwords are written to the credentials log and nowhere else: not the workspace
//! (database, WAL), not the command's output, not the data folder, not a crash report; the
//! log and the workspace are private files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn passwords_are_only_in_the_credentials_log() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let db = work.path().join("ws.attain");
    let log = work.path().join("credentials.csv");
    let users = work.path().join("users.csv");
    std::fs::write(&users, common::many_users_csv(200)).unwrap();
    let attain = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_attain"))
            .args(args)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .unwrap()
    };
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    assert!(
        attain(&["--db", db.to_str().unwrap(), "load", demo])
            .status
            .success()
    );
    let out = attain(&[
        "--db",
        db.to_str().unwrap(),
        "import",
        "users",
        users.to_str().unwrap(),
        "--org",
        "Contoso Italia S.r.l.",
        "--credentials-log",
        log.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&log).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Temporary password")
        .unwrap();
    let passwords: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[col].to_string())
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(passwords.len(), 200);
    for p in &passwords {
        assert!(p.chars().count() >= 16, "{p}");
        assert!(p.chars().any(|c| c.is_ascii_uppercase()));
        assert!(p.chars().any(|c| c.is_ascii_lowercase()));
        assert!(p.chars().any(|c| c.is_ascii_digit()));
        assert!(p.chars().any(|c| !c.is_ascii_alphanumeric()));
    }
    // Everything attain wrote or said, except the log itself.
    let mut files = Vec::new();
    files_under(work.path(), &mut files);
    files_under(home.path(), &mut files);
    files.retain(|f| f != &log);
    assert!(files.iter().any(|f| f == &db));
    let mut blobs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.display().to_string(), std::fs::read(f).unwrap()))
        .collect();
    blobs.push(("stdout".into(), out.stdout.clone()));
    blobs.push(("stderr".into(), out.stderr.clone()));
    for (name, bytes) in &blobs {
        for p in &passwords {
            assert!(!contains(bytes, p), "a temporary password is in {name}");
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for f in [&log, &db] {
            let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", f.display());
        }
    }
}

#[test]
fn a_crash_report_never_quotes_what_the_panic_said() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: nextest runs each test in its own process; nothing else reads the environment.
    unsafe {
        std::env::set_var("HOME", home.path());
        std::env::set_var("XDG_DATA_HOME", home.path().join("data"));
    }
    attain::store::crash::install();
    let passwords = attain::io::accounts::temporary_passwords(5);
    let secret = passwords.join(" ");
    let crashed = std::thread::spawn(move || panic!("while creating accounts: {secret}")).join();
    assert!(crashed.is_err());
    let mut files = Vec::new();
    files_under(&attain::store::crash::crash_dir(), &mut files);
    assert_eq!(files.len(), 1, "one crash report: {files:?}");
    let report = std::fs::read(&files[0]).unwrap();
    assert!(contains(&report, "crashed"));
    for p in &passwords {
        assert!(!contains(&report, p), "the crash report quotes a password");
    }
}
