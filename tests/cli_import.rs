//! `attain import users` through the binary: every users fixture's outcome as JSON, the
//! transaction, the credentials log (0600, CRLF, one row per data row), dry runs, rejection.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn attain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(args)
        .output()
        .unwrap()
}

/// A workspace with the org "Contoso" (domain contoso.it) holding one person.
fn workspace(dir: &Path) -> String {
    let db = dir.join("w.attain").display().to_string();
    let org = dir.join("c.org.ron");
    std::fs::write(&org, r#"(format: "attain-org/1", name: "Contoso", market: Developed, domain: Some("contoso.it"),
        employees: [(id: "mattia", display_name: "Mattia R.", email: "Mattia.Rinaldi@contoso.it")])"#).unwrap();
    let out = attain(&["--db", &db, "load", org.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn employees(db: &str) -> usize {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT COUNT(*) FROM employees", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

#[test]
fn every_users_fixture_through_the_cli() {
    let cases = [
        ("users/valid-utf8.csv", 12, 0, false),
        ("users/excel-it.csv", 8, 0, false),
        ("users/excel-unicode.txt", 10, 0, false),
        ("users/legacy-cp1252.csv", 8, 0, false),
        ("users/office365.csv", 6, 0, false),
        ("users/errors.csv", 7, 8, false),
        ("users/over-100.csv", 150, 0, false),
        ("users/empty.csv", 0, 0, false),
        ("users/extra-column.csv", 0, 0, true),
        ("users/not-a-csv.csv", 0, 0, true),
    ];
    for (file, valid, errors, rejected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = workspace(dir.path());
        let path = fixtures().join(file);
        let dry = attain(&[
            "--db",
            &db,
            "import",
            "users",
            path.to_str().unwrap(),
            "--org",
            "Contoso",
            "--dry-run",
            "--format",
            "json",
        ]);
        let j: Value =
            serde_json::from_slice(&dry.stdout).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (
                j["valid"].as_u64().unwrap(),
                j["errors"].as_array().unwrap().len(),
                j["rejected"].as_bool().unwrap()
            ),
            (valid, errors, rejected),
            "{file}"
        );
        // Exit 2: the file refused; 3: some rows refused, the others imported; 0: all.
        let status = if rejected {
            2
        } else if errors > 0 {
            3
        } else {
            0
        };
        assert_eq!(dry.status.code(), Some(status), "{file}");
        assert_eq!(employees(&db), 1, "{file}: a dry run writes nothing");
        let log = dir.path().join("log.csv");
        let real = attain(&[
            "--db",
            &db,
            "import",
            "users",
            path.to_str().unwrap(),
            "--org",
            "Contoso",
            "--format",
            "json",
            "--credentials-log",
            log.to_str().unwrap(),
        ]);
        assert_eq!(real.status.code(), Some(status), "{file}");
        let j: Value = serde_json::from_slice(&real.stdout).unwrap();
        let changed = j["created"].as_u64().unwrap()
            + j["updated"].as_u64().unwrap()
            + j["unchanged"].as_u64().unwrap();
        assert_eq!(changed, valid, "{file}");
        assert_eq!(
            employees(&db) as u64,
            1 + j["created"].as_u64().unwrap(),
            "{file}"
        );
        if rejected {
            assert!(
                !log.exists(),
                "{file}: nothing is written for a rejected file"
            );
            continue;
        }
        if valid == 0 {
            continue;
        }
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("Display name,User name (UPN),Temporary password,Status,Created (UTC),Password expires (UTC)\r\n"));
        assert_eq!(
            text.matches("\r\n").count() as u64,
            1 + j["rows"].as_u64().unwrap(),
            "{file}: one line per data row"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&log).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }
}

#[test]
fn errors_keep_lines_fields_and_the_log_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let log = dir.path().join("log.csv");
    let path = fixtures().join("users/errors.csv");
    let out = attain(&[
        "--db",
        &db,
        "import",
        "users",
        path.to_str().unwrap(),
        "--org",
        "Contoso",
        "--format",
        "json",
        "--credentials-log",
        log.to_str().unwrap(),
    ]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &j["errors"][0];
    assert_eq!(
        (
            first["line"].as_u64(),
            first["field"].as_str(),
            first["code"].as_str()
        ),
        (Some(5), Some("Display name"), Some("missing_required"))
    );
    assert!(first["message"].as_str().unwrap().contains("Display name"));
    // mattia.rinaldi@contoso.it (line 2) already exists: an update, no new account.
    assert_eq!(
        (j["created"].as_u64(), j["updated"].as_u64()),
        (Some(6), Some(1))
    );
    let text = std::fs::read_to_string(&log).unwrap();
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 15);
    assert_eq!(rows[0][3], "updated");
    assert_eq!(rows[1][3], "created");
    assert_eq!(rows[1][1], "niccolo.bianchi@contoso.it");
    let pw = &rows[1][2];
    assert_eq!(pw.chars().count(), 16);
    assert!(
        rows.iter()
            .any(|r| r[3] == "failed: malformed_email" && r[1].is_empty() && r[2].is_empty())
    );
    // The password is nowhere in the workspace.
    drop(out);
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let p = f.unwrap().path();
        if p != log {
            let bytes = std::fs::read(&p).unwrap();
            assert!(
                !bytes.windows(pw.len()).any(|w| w == pw.as_bytes()),
                "{} holds a password",
                p.display()
            );
        }
    }
}

#[test]
fn a_rejected_file_exits_2_and_names_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let path = fixtures().join("users/extra-column.csv");
    let out = attain(&[
        "--db",
        &db,
        "import",
        "users",
        path.to_str().unwrap(),
        "--org",
        "Contoso",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("extra-column.csv") && err.contains("Phone"),
        "{err}"
    );
    let out = attain(&[
        "--db",
        &db,
        "import",
        "users",
        path.to_str().unwrap(),
        "--org",
        "Nobody",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn trainings_import_is_idempotent_and_shows_a_diff_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.attain").display().to_string();
    let org = dir.path().join("c.org.ron");
    // Gianluca is already an employee (by work email); the others are new people.
    std::fs::write(&org, r#"(format: "attain-org/1", name: "Contoso Italia S.r.l.", market: Developed, domain: Some("contoso.it"),
        employees: [(id: "gianluca", display_name: "Gianluca D'Angelo", email: "gianluca.dangelo@contoso.it")])"#).unwrap();
    assert!(
        attain(&["--db", &db, "load", org.to_str().unwrap()])
            .status
            .success()
    );
    let file = fixtures().join("trainings/trainings-sample.csv");
    let import = |extra: &[&str]| {
        let mut args = vec![
            "--db",
            &db,
            "import",
            "trainings",
            file.to_str().unwrap(),
            "--org",
            "Contoso Italia S.r.l.",
        ];
        args.extend_from_slice(extra);
        attain(&args)
    };
    let run = |extra: &[&str]| {
        let out = import(&[&["--format", "json"], extra].concat());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let dry = run(&["--dry-run"]);
    assert_eq!(
        (
            dry["rows"].as_u64(),
            dry["individuals"].as_u64(),
            dry["skipped"].as_u64()
        ),
        (Some(40), Some(15), Some(2))
    );
    assert!(
        dry["unmapped"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["title"].as_str().unwrap().contains("AZ-103"))
    );
    // The text names each title that maps to no credential once, with its lines.
    let text = import(&["--dry-run"]);
    let text = String::from_utf8_lossy(&text.stdout);
    let unmapped = dry["unmapped"].as_array().unwrap();
    for u in unmapped {
        let title = u["title"].as_str().unwrap();
        let lines: Vec<String> = unmapped
            .iter()
            .filter(|v| v["title"] == title)
            .map(|v| v["line"].to_string())
            .collect();
        // The first eight lines, then an ellipsis.
        let more = if lines.len() > 8 { ", …" } else { "" };
        let listed = match lines.len() {
            1 => format!("line {}", lines[0]),
            n => format!("{n} rows, lines {}{more}", lines[..n.min(8)].join(", ")),
        };
        let expected = format!("  not a credential of the catalog: {title} ({listed})\n");
        assert_eq!(text.matches(&expected).count(), 1, "{expected}in\n{text}");
    }
    let new = dry["diff"]["new_achievements"].as_array().unwrap().len();
    assert!(new > 0);
    assert_eq!(employees(&db), 1, "a dry run writes nothing");
    let first = run(&[]);
    assert_eq!(first["diff"], dry["diff"]);
    let gianluca = first["diff"]["new_achievements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["employee"] == "gianluca")
        .count();
    assert!(gianluca >= 1, "matched by work email");
    let again = run(&[]);
    assert_eq!(
        again["diff"]["new_achievements"].as_array().unwrap().len(),
        0,
        "re-importing changes nothing"
    );
    assert_eq!(again["diff"]["new_people"].as_array().unwrap().len(), 0);
    let c = rusqlite::Connection::open(&db).unwrap();
    let imports: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM imports WHERE kind = 'trainings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(imports, 1, "an import that changes nothing is not recorded");
    // The history names the file by its SHA-256 (taken beside the plan).
    let sha256: String = c
        .query_row(
            "SELECT sha256 FROM imports WHERE kind = 'trainings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(std::fs::read(&file).unwrap());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(sha256, hex);
    // The history keeps the diff as [employee, credential, passed_on] triples.
    let detail: String = c
        .query_row(
            "SELECT detail FROM imports WHERE kind = 'trainings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let detail: Value = serde_json::from_str(&detail).unwrap();
    let kept = detail["diff"]["new_achievements"].as_array().unwrap();
    assert_eq!(kept.len(), new);
    let shown = &first["diff"]["new_achievements"][0];
    assert_eq!(
        kept[0],
        serde_json::json!([shown["employee"], shown["credential"], shown["passed_on"]])
    );
    // and each title that maps to no credential once, with its lines.
    let unmapped = first["unmapped"].as_array().unwrap();
    let title = unmapped[0]["title"].as_str().unwrap();
    let lines: Vec<&Value> = unmapped
        .iter()
        .filter(|u| u["title"] == title)
        .map(|u| &u["line"])
        .collect();
    assert_eq!(
        detail["unmapped"][title]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>(),
        lines
    );
    let kept: usize = detail["unmapped"]
        .as_object()
        .unwrap()
        .values()
        .map(|l| l.as_array().unwrap().len())
        .sum();
    assert_eq!(kept, unmapped.len());
    // The imported organisation evaluates: Gianluca's MCSA: Office 365 counts for Cloud Productivity.
    let out_org = dir.path().join("out.org.ron");
    assert!(
        attain(&[
            "--db",
            &db,
            "export",
            "Contoso Italia S.r.l.",
            "-o",
            out_org.to_str().unwrap()
        ])
        .status
        .success()
    );
    let r: Value = serde_json::from_slice(
        &attain(&["eval", out_org.to_str().unwrap(), "--as-of", "2018-06-01"]).stdout,
    )
    .unwrap();
    let cp = r["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "cloud-productivity")
        .unwrap();
    let people = cp["options"][0]["silver"]["requirements"][1]["people"]
        .as_array()
        .unwrap()
        .clone();
    assert!(people.iter().any(|p| p == "gianluca"), "{people:?}");
}

#[test]
fn credly_import_maps_templates() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let file = dir.path().join("credly.csv");
    std::fs::write(&file, "Badge Template ID,Recipient Email,First Name,Last Name,Issued at,Expiration Date\nabc-123,ann@contoso.it,Ann,Lee,03/04/18,03/04/21\n").unwrap();
    let out = attain(&[
        "--db",
        &db,
        "import",
        "credly",
        file.to_str().unwrap(),
        "--org",
        "Contoso",
        "--map",
        "abc-123=PSM-I",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["diff"]["new_people"], serde_json::json!(["ann"]));
    assert_eq!(j["diff"]["new_achievements"][0]["credential"], "PSM-I");
    // The mapping is remembered for the next file.
    let out = attain(&[
        "--db",
        &db,
        "import",
        "credly",
        file.to_str().unwrap(),
        "--org",
        "Contoso",
        "--format",
        "json",
        "--dry-run",
    ]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["unmapped"], serde_json::json!([]));
}

#[test]
fn two_processes_importing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let files = [
        "users/valid-utf8.csv",
        "users/over-100.csv",
        "users/excel-it.csv",
        "users/office365.csv",
    ];
    let children: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let log = dir.path().join(format!("log{i}.csv"));
            Command::new(env!("CARGO_BIN_EXE_attain"))
                .args([
                    "--db",
                    &db,
                    "import",
                    "users",
                    fixtures().join(f).to_str().unwrap(),
                    "--org",
                    "Contoso",
                    "--format",
                    "json",
                    "--credentials-log",
                    log.to_str().unwrap(),
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut emails = std::collections::HashSet::new();
    for (f, child) in files.iter().zip(children) {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{f}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for r in attain::io::users::check_users(&std::fs::read(fixtures().join(f)).unwrap()).valid {
            emails.insert(r.email.to_lowercase());
        }
    }
    emails.insert("mattia.rinaldi@contoso.it".into());
    let c = rusqlite::Connection::open(&db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let distinct: i64 = c
        .query_row(
            "SELECT COUNT(DISTINCT lower(email)) FROM employees",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(employees(&db), emails.len(), "every person once");
    assert_eq!(distinct as usize, emails.len());
    let imports: i64 = c
        .query_row("SELECT COUNT(*) FROM imports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(imports, 4);
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let copy = dir.path().join("copy.attain");
    assert!(
        attain(&["--db", &db, "backup", copy.to_str().unwrap()])
            .status
            .success()
    );
    let users = fixtures().join("users/valid-utf8.csv");
    let log = dir.path().join("log.csv");
    // Twelve people imported, then the backup restored: the one person again.
    let import_then_restore = || {
        let import = attain(&[
            "--db",
            &db,
            "import",
            "users",
            users.to_str().unwrap(),
            "--org",
            "Contoso",
            "--credentials-log",
            log.to_str().unwrap(),
        ]);
        assert!(import.status.success());
        assert_eq!(employees(&db), 13);
        let out = attain(&["--db", &db, "restore", copy.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(employees(&db), 1);
    };
    import_then_restore();
    // A backup with pages of another size (made before workspaces had 8 KiB pages) restores
    // too, and the workspace stays in WAL mode.
    let c = rusqlite::Connection::open(&copy).unwrap();
    c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;")
        .unwrap();
    drop(c);
    import_then_restore();
    let c = rusqlite::Connection::open(&db).unwrap();
    let (page, journal): (i64, String) = (
        c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap(),
        c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap(),
    );
    assert_eq!((page, journal.as_str()), (4096, "wal"));
    drop(c);
    // A newer file is refused, and the workspace is untouched.
    let newer = dir.path().join("newer.attain");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("CREATE TABLE x(y); PRAGMA user_version = 99;")
        .unwrap();
    let out = attain(&["--db", &db, "restore", newer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer attain"));
    assert_eq!(employees(&db), 1);
}

#[test]
fn new_users_are_not_created_without_a_log_for_their_passwords() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let before = employees(&db);
    let users = fixtures().join("users/valid-utf8.csv");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "--db",
            &db,
            "import",
            "users",
            users.to_str().unwrap(),
            "--org",
            "Contoso",
        ];
        args.extend_from_slice(extra);
        attain(&args)
    };
    // No log: the passwords would exist nowhere.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--credentials-log"));
    assert_eq!(employees(&db), before, "nothing written");
    // A log that cannot be written stops the import before any account exists.
    let blocked = dir.path().join("no-such-folder").join("log.csv");
    let out = run(&["--credentials-log", blocked.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder"));
    assert_eq!(employees(&db), before, "nothing written");
    // A dry run needs no log.
    assert!(run(&["--dry-run"]).status.success());
    assert_eq!(employees(&db), before);
}

#[test]
fn a_reimport_updates_no_one_and_a_rename_lists_its_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.attain").display().to_string();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    assert!(attain(&["--db", &db, "load", demo]).status.success());
    let users = dir.path().join("users.csv");
    let log = dir.path().join("log.csv");
    let import = |file: &std::path::Path| -> Value {
        let out = attain(&[
            "--db",
            &db,
            "import",
            "users",
            file.to_str().unwrap(),
            "--org",
            "Contoso Italia S.r.l.",
            "--format",
            "json",
            "--credentials-log",
            log.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    std::fs::write(
        &users,
        "First name,Last name,Display name,Email\r\nNuovo,Utente,Nuovo Utente,nuovo.utente@contoso.it\r\n",
    )
    .unwrap();
    let first = import(&users);
    assert_eq!(
        (first["created"].as_u64(), first["updated"].as_u64()),
        (Some(1), Some(0))
    );
    std::fs::remove_file(&log).unwrap();
    let again = import(&users);
    assert_eq!(
        (
            again["created"].as_u64(),
            again["updated"].as_u64(),
            again["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(1)),
        "the same file again changes nothing"
    );
    // A display name written the other way round: the change old -> new.
    std::fs::write(
        &users,
        "First name,Last name,Display name,Email\r\nNuovo,Utente,\"Utente, Nuovo\",nuovo.utente@contoso.it\r\n",
    )
    .unwrap();
    let renamed = import(&users);
    assert_eq!(renamed["updated"].as_u64(), Some(1));
    let u = &renamed["updates"][0];
    assert_eq!(u["line"].as_u64(), Some(2));
    assert_eq!(u["email"], "nuovo.utente@contoso.it");
    assert_eq!(u["changes"][0]["field"], "display_name");
    assert_eq!(u["changes"][0]["from"], "Nuovo Utente");
    assert_eq!(u["changes"][0]["to"], "Utente, Nuovo");

    // `attain undo` takes the rename back and says so; then the first import; then nothing.
    let name = |db: &str| -> Option<String> {
        let c = rusqlite::Connection::open(db).unwrap();
        c.query_row(
            "SELECT display_name FROM employees WHERE email = 'nuovo.utente@contoso.it'",
            [],
            |r| r.get(0),
        )
        .ok()
    };
    assert_eq!(name(&db).as_deref(), Some("Utente, Nuovo"));
    let undo = |lang: &str| {
        attain(&[
            "--db",
            &db,
            "undo",
            "--org",
            "Contoso Italia S.r.l.",
            "--lang",
            lang,
        ])
    };
    let undone = |lang: &str, says: &str| {
        let out = undo(lang);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), says);
    };
    undone(
        "en",
        "Undone in Contoso Italia S.r.l.: users import (users.csv)\n",
    );
    assert_eq!(
        name(&db).as_deref(),
        Some("Nuovo Utente"),
        "the name is back"
    );
    undone(
        "it",
        "Annullato in Contoso Italia S.r.l.: importazione utenti (users.csv)\n",
    );
    assert_eq!(
        name(&db),
        None,
        "the person the first import created is gone"
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let undone: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM imports WHERE undone_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(undone, 2, "the history says which imports were taken back");
    drop(c);
    let out = undo("en");
    assert_eq!(out.status.code(), Some(2), "nothing left to undo");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Nothing to undo in Contoso Italia S.r.l."),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
