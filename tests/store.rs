//! The workspace on real files: reopen keeps everything, edits are audited and undoable,
//! association moves people between organisations, newer files are refused.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;
use attain::io::demo::DEMO_ORG;
use attain::io::org_file::parse_org;
use attain::model::*;
use attain::store::{Store, StoreError};
use common::{catalog, t};

fn demo() -> Org {
    parse_org(DEMO_ORG, "demo", catalog()).unwrap()
}

#[test]
fn reopen_keeps_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let org = demo();
    let id = {
        let mut s = Store::open(&path).unwrap();
        s.insert_org(&org).unwrap()
    };
    let s = Store::open(&path).unwrap();
    assert_eq!(s.load_org(id).unwrap(), org);
    assert_eq!(s.list_orgs().unwrap()[0].employees, org.employees.len());
    assert!(s.integrity_ok().unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    let page: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    assert_eq!(page, 8192, "a new workspace has pages of 8 KiB");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn achievements_are_kept_as_short_arrays_and_rows_of_objects_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut org = demo();
    let a = |expires: Option<&str>, inactive: bool, source: Option<&str>| Achievement {
        credential: Sym::new("AZ-104"),
        passed_on: t("2019-06-11T16:31:00Z"),
        expires_on: expires.map(common::d),
        inactive,
        source: source.map(Sym::new),
    };
    org.employees[0].achievements = vec![
        a(None, false, None),
        a(Some("2021-06-11"), false, None),
        a(None, true, None),
        a(None, false, Some("trainings-import")),
        a(Some("2021-06-11"), true, Some("credly-import")),
    ];
    let id = Store::open(&path).unwrap().insert_org(&org).unwrap();
    let key = org.employees[0].id.clone();
    let row = |c: &rusqlite::Connection| -> String {
        c.query_row(
            "SELECT achievements FROM employees WHERE key = ?1",
            [&key],
            |r| r.get(0),
        )
        .unwrap()
    };
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(
        row(&c),
        r#"[["AZ-104","2019-06-11T16:31:00Z"],["AZ-104","2019-06-11T16:31:00Z","2021-06-11"],["AZ-104","2019-06-11T16:31:00Z",null,true],["AZ-104","2019-06-11T16:31:00Z",null,false,"trainings-import"],["AZ-104","2019-06-11T16:31:00Z","2021-06-11",true,"credly-import"]]"#
    );
    assert_eq!(Store::open(&path).unwrap().load_org(id).unwrap(), org);
    // A row as earlier versions wrote it, each achievement an object naming its fields.
    let objects = serde_json::to_string(&org.employees[0].achievements).unwrap();
    assert!(objects.starts_with(r#"[{"credential":"AZ-104","passed_on":"#));
    c.execute(
        "UPDATE employees SET achievements = ?1 WHERE key = ?2",
        [&objects, &key],
    )
    .unwrap();
    drop(c);
    assert_eq!(Store::open(&path).unwrap().load_org(id).unwrap(), org);
}

#[test]
fn people_inserted_many_rows_a_statement_keep_their_order_and_accounts() {
    // 150 people: two full multi-row statements and a tail, after another organisation's
    // rows, with a certification account on every third so each row id must be the right one.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let first = demo();
    let mut org = Org::new("Many", first.market);
    for i in 0..150 {
        let mut e = Employee::new(
            &format!("p{i:03}"),
            &format!("Person {i}"),
            &format!("p{i}@x.it"),
        );
        if i % 3 == 0 {
            e.mcid = Some(format!("mc{i}"));
            e.associated_on = Some(t("2026-01-02"));
        }
        e.achievements
            .push(Achievement::new("70-533", t("2026-11-01")));
        org.employees.push(e);
    }
    org.employees.swap(0, 149);
    let (a, b) = {
        let mut s = Store::open(&path).unwrap();
        (s.insert_org(&first).unwrap(), s.insert_org(&org).unwrap())
    };
    let s = Store::open(&path).unwrap();
    assert_eq!(s.load_org(a).unwrap(), first);
    assert_eq!(s.load_org(b).unwrap(), org);
}

#[test]
fn edits_are_audited_persisted_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut s = Store::open(&path).unwrap();
    let mut org = demo();
    let id = s.insert_org(&org).unwrap();
    let before = org.clone();
    let edit = Edit::AddAchievement {
        employee: "anna.rossi".into(),
        achievement: Achievement::new("70-533", t("2026-11-01")),
    };
    let undo = s.apply(id, &mut org, &edit, catalog()).unwrap();
    assert_eq!(Store::open(&path).unwrap().load_org(id).unwrap(), org);
    let rows = s.audit_rows(id, 10).unwrap();
    assert_eq!(rows[0].action, "add_achievement");
    assert_eq!(rows[0].subject.as_deref(), Some("anna.rossi"));
    assert!(rows[0].after.as_deref().unwrap().contains("70-533"));
    assert!(!rows[0].before.as_deref().unwrap().contains("70-533"));
    s.undo(&mut org, &undo).unwrap();
    assert_eq!(org, before);
    assert_eq!(Store::open(&path).unwrap().load_org(id).unwrap(), before);
    assert_eq!(s.audit_rows(id, 1).unwrap()[0].action, "undo");

    let leaver = Edit::SetLeaver {
        employee: "bruno.neri".into(),
        left_on: Some(t("2026-12-01")),
    };
    s.apply(id, &mut org, &leaver, catalog()).unwrap();
    let meta = Edit::Purchase {
        tier: Tier::Gold,
        at: t("2026-11-20"),
    };
    let undo = s.apply(id, &mut org, &meta, catalog()).unwrap();
    assert_eq!(org.previous_subscriptions.len(), 1);
    assert_eq!(Store::open(&path).unwrap().load_org(id).unwrap(), org);
    s.undo(&mut org, &undo).unwrap();
    assert_eq!(org.membership.as_ref().unwrap().tier, Tier::Silver);
    assert_eq!(Store::open(&path).unwrap().load_org(id).unwrap(), org);
}

#[test]
fn invalid_edits_change_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let mut org = demo();
    let id = s.insert_org(&org).unwrap();
    let before = org.clone();
    let bad = Edit::AddAchievement {
        employee: "anna.rossi".into(),
        achievement: Achievement::new("70-999", t("2026-11-01")),
    };
    assert!(
        matches!(s.apply(id, &mut org, &bad, catalog()), Err(StoreError::Rejected(m)) if m.contains("70-999"))
    );
    let dup = Edit::AddEmployee(Employee::new("anna.rossi", "Anna", "a@contoso.it"));
    assert!(s.apply(id, &mut org, &dup, catalog()).is_err());
    let renew = Edit::Renew {
        at: t("2026-05-01"),
    };
    assert!(
        s.apply(id, &mut org, &renew, catalog()).is_err(),
        "outside the renewal window"
    );
    assert_eq!(org, before);
    assert_eq!(s.load_org(id).unwrap(), before);
    assert!(
        s.audit_rows(id, 10)
            .unwrap()
            .iter()
            .all(|r| r.action == "insert_org")
    );
}

#[test]
fn associating_elsewhere_severs_the_first_organisation() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = Org::new("A", Market::Developed);
    let mut p = Employee::new("p1", "P One", "p1@a.it");
    p.mcid = Some("555".into());
    p.associated_on = Some(t("2017-01-01"));
    p.achievements
        .push(Achievement::new("70-533", t("2017-06-01")));
    a.employees.push(p);
    let a_id = s.insert_org(&a).unwrap();
    let mut b = Org::new("B", Market::Developed);
    b.employees.push(Employee::new("p1b", "P One", "p1@b.it"));
    let b_id = s.insert_org(&b).unwrap();
    let at = t("2018-06-01T08:00:00Z");
    let undo = s
        .apply(
            b_id,
            &mut b,
            &Edit::Associate {
                employee: "p1b".into(),
                mcid: "555".into(),
                at,
            },
            catalog(),
        )
        .unwrap();
    let a_now = s.load_org(a_id).unwrap();
    assert_eq!(a_now.employees[0].dissociated_on, Some(at));
    assert_eq!(s.audit_rows(a_id, 1).unwrap()[0].action, "dissociate");
    assert_eq!(
        s.load_org(b_id).unwrap().employees[0].associated_on,
        Some(at)
    );
    // Undo in B gives A its person back, as it was.
    s.undo(&mut b, &undo).unwrap();
    assert_eq!(s.load_org(a_id).unwrap(), a);
    assert_eq!(s.load_org(b_id).unwrap(), b);
    assert_eq!(s.audit_rows(a_id, 1).unwrap()[0].action, "undo");
}

#[test]
fn a_write_from_stale_data_is_refused_not_merged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut window = Store::open(&path).unwrap();
    let mut org = demo();
    let id = window.insert_org(&org).unwrap();
    window.mark_read().unwrap();
    // Its own writes do not make its data stale.
    let add = |pid: &str| Edit::AddEmployee(Employee::new(pid, pid, &format!("{pid}@contoso.it")));
    window
        .apply(id, &mut org, &add("mine.one"), catalog())
        .unwrap();
    assert!(!window.changed_since_read().unwrap());
    // Another attain commits: the window's next write would put back older rows.
    let mut other = Store::open(&path).unwrap();
    let mut theirs = other.load_org(id).unwrap();
    other
        .apply(id, &mut theirs, &add("theirs.one"), catalog())
        .unwrap();
    assert!(window.changed_since_read().unwrap());
    let before = org.clone();
    let renamed = Edit::SetOrgDetails {
        name: "Renamed".into(),
        market: org.market,
        domain: org.domain.clone(),
    };
    assert!(matches!(
        window.apply(id, &mut org, &renamed, catalog()),
        Err(StoreError::Changed)
    ));
    assert_eq!(org, before, "the window's copy is put back");
    let stored = Store::open(&path).unwrap().load_org(id).unwrap();
    assert_eq!(
        stored, theirs,
        "nothing of the refused write reached the file"
    );
    // After reading again, the write goes through.
    window.mark_read().unwrap();
    let mut fresh = window.load_org(id).unwrap();
    window.apply(id, &mut fresh, &renamed, catalog()).unwrap();
    assert_eq!(window.load_org(id).unwrap().name, "Renamed");
}

#[cfg(unix)]
#[test]
fn the_workspace_and_its_journal_files_are_private_from_creation() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut s = Store::open(&path).unwrap();
    let mut org = demo();
    let id = s.insert_org(&org).unwrap();
    s.apply(
        id,
        &mut org,
        &Edit::AddEmployee(Employee::new("x", "X", "x@contoso.it")),
        catalog(),
    )
    .unwrap();
    // While the connection is open, the WAL and shared-memory files exist too.
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        assert!(p.exists(), "{}", p.display());
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    let copy = dir.path().join("copy.attain");
    s.backup(&copy).unwrap();
    assert_eq!(mode(&copy), 0o600);
}

#[test]
fn a_newer_workspace_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.attain");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future(x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    // A WAL-mode file with a commit still in its WAL (a newer attain that is still open).
    let wal_path = dir.path().join("wal.attain");
    let newer = rusqlite::Connection::open(&wal_path).unwrap();
    newer
        .execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE future(x);
             PRAGMA user_version = 99; INSERT INTO future VALUES (1);",
        )
        .unwrap();
    let wal_file = dir.path().join("wal.attain-wal");
    let (db_bytes, wal_bytes) = (
        std::fs::read(&wal_path).unwrap(),
        std::fs::read(&wal_file).unwrap(),
    );
    assert!(!wal_bytes.is_empty());
    assert!(matches!(
        Store::open(&wal_path),
        Err(StoreError::TooNew { version: 99, .. })
    ));
    assert_eq!(std::fs::read(&wal_path).unwrap(), db_bytes, "no checkpoint");
    assert_eq!(std::fs::read(&wal_file).unwrap(), wal_bytes);
    drop(newer);
    match Store::open(&path) {
        Err(StoreError::TooNew { version, .. }) => assert_eq!(version, 99),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "the file must be left untouched"
    );
}

#[test]
fn first_schema_migrates_to_latest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.attain");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        attain::store::schema::migrations()
            .to_version(&mut c, 1)
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), attain::store::schema::LATEST);
    let backup = dir.path().join("copy.attain");
    s.backup(&backup).unwrap();
    assert!(Store::open(&backup).unwrap().integrity_ok().unwrap());
}

#[test]
fn every_older_schema_migrates_with_its_data() {
    use attain::store::schema::{LATEST, migrations};
    for version in 1..LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("v{version}.attain"));
        {
            // A workspace as that attain left it: an organisation, a person, an achievement
            // (a row of its own before schema 5, then in the person's list).
            let mut c = rusqlite::Connection::open(&path).unwrap();
            migrations().to_version(&mut c, version).unwrap();
            c.execute_batch(
                "INSERT INTO organisations(id, name, market, domain, settings, created_at)
                   VALUES (1, 'Old S.p.A.', 'Developed', 'old.it', NULL, '2020-01-01T00:00:00Z');
                 INSERT INTO employees(id, org_id, key, display_name, email)
                   VALUES (1, 1, 'anna.rossi', 'Anna Rossi', 'anna.rossi@old.it');
                 INSERT INTO associations(employee_id, mcid, associated_on)
                   VALUES (1, '12345', '2019-01-01');",
            )
            .unwrap();
            c.execute_batch(if version < 5 {
                "INSERT INTO achievements(employee_id, seq, credential, passed_on)
                   VALUES (1, 0, '70-533', '2019-06-01');"
            } else {
                r#"UPDATE employees SET achievements =
                   '[{"credential":"70-533","passed_on":"2019-06-01"}]' WHERE id = 1;"#
            })
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST, "from {version}");
        let id = s.org_id("Old S.p.A.").unwrap().unwrap();
        let org = s.load_org(id).unwrap();
        assert_eq!(org.domain.as_deref(), Some("old.it"));
        let e = &org.employees[0];
        assert_eq!(
            (e.id.as_str(), e.mcid.as_deref()),
            ("anna.rossi", Some("12345"))
        );
        assert_eq!(e.associated_on, Some(t("2019-01-01")));
        assert_eq!(e.achievements[0].credential.as_str(), "70-533");
        assert!(s.integrity_ok().unwrap());
        // The copy made before migrating is the old version, data included.
        let copy = format!("{}.schema{version}.bak", path.display());
        assert!(std::path::Path::new(&copy).exists(), "{copy}");
        let old = rusqlite::Connection::open(&copy).unwrap();
        let v: i64 = old
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, version);
    }
}

#[test]
fn an_older_workspace_is_copied_aside_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.attain");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        attain::store::schema::migrations()
            .to_version(&mut c, 1)
            .unwrap();
    }
    Store::open(&path).unwrap();
    let copy = dir.path().join("old.attain.schema1.bak");
    let c = rusqlite::Connection::open(&copy).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the copy keeps the old schema");
    // Opening the migrated file again makes no further copy.
    Store::open(&path).unwrap();
    assert!(!dir.path().join("old.attain.schema1.bak2").exists());
}

/// Store::apply checks only what an edit touched; on a valid organisation that must accept and
/// refuse exactly what the whole-file check does.
#[test]
fn edits_are_checked_like_a_loaded_file() {
    use attain::model::validate::{validate_org, validate_touched};
    let org = demo();
    let long = "x".repeat(2000);
    let mut renamed = org.employees[1].clone();
    renamed.display_name = long.clone();
    let mut stolen = org.employees[1].clone();
    stolen.mcid = Some("9870000".into());
    let add = |credential: &str| Edit::AddAchievement {
        employee: "anna.rossi".into(),
        achievement: Achievement::new(credential, t("2026-11-01")),
    };
    let figure = |value: f64| {
        Edit::AddPerformance(PerformanceEntry {
            metric: "azure_consumption_usd".into(),
            value,
            period_end: Day::parse("2026-11-30").unwrap(),
            association: None,
            licence: None,
            track: None,
        })
    };
    let everyone = |credential: &str| -> Vec<Edit> {
        org.employees
            .iter()
            .map(|e| Edit::AddAchievement {
                employee: e.id.clone(),
                achievement: Achievement::new(credential, t("2026-11-01")),
            })
            .collect()
    };
    assert!(org.employees.len() > 32);
    let associate = |mcid: &str| Edit::Associate {
        employee: "anna.rossi".into(),
        mcid: mcid.into(),
        at: t("2026-11-01"),
    };
    let cases = [
        (add("70-999"), false),
        (add("70-533"), true),
        (associate("9870000"), false),
        (associate("1234567"), true),
        (Edit::UpdateEmployee(renamed), false),
        (Edit::UpdateEmployee(stolen), false),
        (
            Edit::AddEmployee(Employee::new("new.hire", "New Hire", "new.hire@contoso.it")),
            true,
        ),
        (figure(-5.0), false),
        (figure(5.0), true),
        (
            Edit::SetOrgDetails {
                name: long,
                market: Market::Developed,
                domain: None,
            },
            false,
        ),
        (
            Edit::Batch(vec![add("70-533"), associate("9870002")]),
            false,
        ),
        // Past 32 touched employees the whole organisation is checked.
        (Edit::Batch(everyone("70-533")), true),
        (Edit::Batch(everyone("70-999")), false),
    ];
    for (edit, valid) in cases {
        let mut after = org.clone();
        if edit.apply(&mut after).is_err() {
            // Refused before any check (a duplicate MCID, for one).
            assert!(!valid, "{edit:?}");
            continue;
        }
        let touch = edit.touch();
        let whole = validate_org(&after, catalog());
        let touched = validate_touched(&after, catalog(), &touch.employees, touch.meta);
        assert_eq!(whole.is_ok(), valid, "{edit:?}: {whole:?}");
        assert_eq!(touched.is_ok(), valid, "{edit:?}: {touched:?}");
        let field = |r: &Result<(), String>| {
            r.as_ref()
                .err()
                .map(|m| m.split(':').next().map(str::to_string))
        };
        assert_eq!(field(&whole), field(&touched), "{edit:?}");
    }
}

#[test]
fn undo_and_settings_are_audited_with_before_and_after() {
    let mut s = Store::open_in_memory().unwrap();
    let mut org = demo();
    let id = s.insert_org(&org).unwrap();
    let edit = Edit::SetLeaver {
        employee: "anna.rossi".into(),
        left_on: Some(t("2026-11-20")),
    };
    let undo = s.apply(id, &mut org, &edit, catalog()).unwrap();
    s.undo(&mut org, &undo).unwrap();
    let rows = s.audit_rows(id, 3).unwrap();
    assert_eq!(
        (rows[0].action.as_str(), rows[0].subject.as_deref()),
        ("undo", Some("set_leaver"))
    );
    let person = &rows[1];
    assert_eq!(
        (person.action.as_str(), person.subject.as_deref()),
        ("undo", Some("anna.rossi"))
    );
    assert!(person.before.as_deref().unwrap().contains("2026-11-20"));
    assert!(!person.after.as_deref().unwrap().contains("2026-11-20"));
    // A setting: audited once per change, with the value it replaced.
    s.set_setting("language", "it").unwrap();
    s.set_setting("language", "it").unwrap();
    s.set_setting("language", "en").unwrap();
    let settings: Vec<(Option<String>, Option<String>)> = {
        let path = tempfile::tempdir().unwrap();
        let copy = path.path().join("copy.attain");
        s.backup(&copy).unwrap();
        let c = rusqlite::Connection::open(&copy).unwrap();
        let mut st = c
            .prepare("SELECT before, after FROM audit WHERE action = 'set_setting' ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        settings,
        vec![
            (None, Some("it".to_string())),
            (Some("it".to_string()), Some("en".to_string()))
        ]
    );
}

#[test]
fn the_undo_log_survives_a_restart_and_keeps_the_newest_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.attain");
    let mut org = attain::io::demo::demo_org(catalog()).unwrap();
    let before = org.clone();
    let id = {
        let mut s = Store::open(&path).unwrap();
        let id = s.insert_org(&org).unwrap();
        let who = org.employees[0].id.clone();
        let edit = Edit::SetLeaver {
            employee: who,
            left_on: Some(t("2026-01-31")),
        };
        s.apply(id, &mut org, &edit, catalog()).unwrap();
        let heads = s.undo_heads(id).unwrap();
        assert_eq!(heads.len(), 1);
        assert_eq!(heads[0].label, "set_leaver");
        assert_eq!(
            heads[0].subject.as_deref(),
            Some(org.employees[0].display_name.as_str())
        );
        id
    };
    // Another session takes it back from the file.
    let mut s = Store::open(&path).unwrap();
    let mut reread = s.load_org(id).unwrap();
    let head = s
        .undo_last(id, &mut reread)
        .unwrap()
        .expect("one change to undo");
    assert_eq!(head.label, "set_leaver");
    assert_eq!(reread.employees, before.employees, "in memory");
    assert_eq!(
        s.load_org(id).unwrap().employees,
        before.employees,
        "in the file"
    );
    assert_eq!(s.undo_last(id, &mut reread).unwrap(), None);
    // Only the newest KEPT changes are kept.
    let kept = attain::store::UNDO_KEPT as usize;
    for i in 0..kept + 5 {
        let edit = Edit::SetAutoRenew(i % 2 == 0);
        s.apply(id, &mut reread, &edit, catalog()).unwrap();
    }
    let heads = s.undo_heads(id).unwrap();
    assert_eq!(heads.len(), kept);
    assert!(heads.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
}

/// Imports the valid rows of `users` into organisation `id`; `go: false` cancels at the first
/// progress report. Returns the accounts created.
fn import_users(
    s: &mut Store,
    id: i64,
    org: &mut Org,
    users: &attain::io::users::UsersCheck,
    go: bool,
) -> Result<Vec<attain::model::import::Created>, StoreError> {
    let (created, _, _) = s.import_users(
        id,
        org,
        &users.valid,
        &users.source("users.csv", "x"),
        &attain::io::accounts::temporary_passwords,
        &mut |_, _| go,
    )?;
    Ok(created)
}

#[test]
fn bulk_writes_leave_every_reference_whole_and_the_checks_back_on() {
    // Loads and imports add their rows with SQLite's foreign-key checks off (no statement
    // journal). After each, done or cancelled, the checks must be on again: deleting the
    // organisation then takes its people and their accounts with it.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("w.attain")).unwrap();
    let mut org = demo();
    let id = s.insert_org(&org).unwrap();
    let users = attain::io::users::check_users(
        b"First name,Last name,Display name,Email\r\nNew,One,New One,new.one@contoso.it\r\nNew,Two,New Two,new.two@gmail.com\r\n",
    );
    assert_eq!(users.valid.len(), 2);
    assert!(
        import_users(&mut s, id, &mut org.clone(), &users, false).is_err(),
        "cancelled"
    );
    let created = import_users(&mut s, id, &mut org, &users, true).unwrap();
    assert_eq!(created.len(), 2);
    let mut added = Employee::new("later", "Later Person", "later@contoso.it");
    added.mcid = Some("987654".into());
    added.associated_on = Some(t("2026-01-02"));
    let mut source = users.source("trainings.csv", "y");
    source.kind = "trainings".into();
    s.import_achievements(id, &mut org, vec![added], vec![], || source)
        .unwrap();
    assert_eq!(s.load_org(id).unwrap(), org);
    assert_eq!(s.integrity_check().unwrap(), "ok");
    s.delete_org(id).unwrap();
    assert_eq!(
        s.integrity_check().unwrap(),
        "ok",
        "no person, account or association left without its organisation"
    );
}

#[test]
fn imported_users_get_names_free_among_the_workspace_s_and_each_other_s() {
    // The user name is the address's local part at the organisation's domain, the person's
    // key that local part; a number is added when either is taken, by someone already there
    // (an account, a key) or by an earlier row of the same file.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("w.attain")).unwrap();
    let mut org = Org::new("Names", demo().market);
    org.domain = Some("contoso.it".into());
    org.employees
        .push(Employee::new("anna", "Anna Rossi", "anna@contoso.it"));
    org.employees
        .push(Employee::new("bob", "Bob Old", "bob@old.it"));
    let id = s.insert_org(&org).unwrap();
    s.set_user_account(id, "anna", "Anna@Contoso.it", "2027-01-01T00:00:00Z")
        .unwrap();
    let users = attain::io::users::check_users(
        b"First name,Last name,Display name,Email\r\n\
          Anna,Verdi,Anna Verdi,anna@gmail.com\r\n\
          Anna,Neri,Anna Neri,Anna@Libero.it\r\n\
          Bob,New,Bob New,bob@contoso.it\r\n\
          Bob,Other,Bob Other,bob@gmail.com\r\n",
    );
    let created = import_users(&mut s, id, &mut org, &users, true).unwrap();
    let upns: Vec<&str> = created.iter().map(|c| c.upn.as_str()).collect();
    assert_eq!(
        upns,
        [
            "anna2@contoso.it",
            "anna3@contoso.it",
            "bob@contoso.it",
            "bob2@contoso.it"
        ]
    );
    let keys: Vec<&str> = org.employees[2..].iter().map(|e| e.id.as_str()).collect();
    assert_eq!(keys, ["anna2", "anna3", "bob2", "bob22"]);
    assert_eq!(s.load_org(id).unwrap(), org);
}
