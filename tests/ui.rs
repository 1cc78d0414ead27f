//! The window's main flows through egui_kittest (no GPU, no display): click, type, assert.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::{AttainApp, Command};
use attain::eval::LevelName;
use attain::i18n::Lang;
use attain::model::Instant;
use attain::store::Store;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

mod common;
use common::ui::*;

#[test]
fn add_an_employee() {
    let mut h = harness(app());
    let before = h.state().org.employees.len();
    type_into(&mut h, "Full name", "Ornella Vanoni");
    type_into(&mut h, "Email", "ornella.vanoni@contoso.it");
    click(&mut h, "Add employee");
    let app = h.state();
    assert_eq!(app.org.employees.len(), before + 1);
    let stored = app.store.load_org(app.org_id).unwrap();
    assert!(
        stored
            .employees
            .iter()
            .any(|e| e.id == "ornella.vanoni" && e.display_name == "Ornella Vanoni")
    );
}

#[test]
fn an_achievement_brings_a_competency_to_silver_and_undo_takes_it_back() {
    let mut h = harness(app());
    assert_eq!(level(h.state(), "communications"), LevelName::None);
    select_employee(&mut h, "marco.lombardi");
    click(&mut h, "Achievements…");
    type_into(&mut h, "Exam number or title", "VoiceFramework");
    click(
        &mut h,
        "TA-VoiceFramework — Practical Guidance Assessment for Voice Framework",
    );
    type_into(&mut h, "Passed on", "2026-11-01");
    click(
        &mut h,
        "Add Practical Guidance Assessment for Voice Framework",
    );
    assert_eq!(level(h.state(), "communications"), LevelName::Silver);
    click(&mut h, "Competency paths");
    assert_eq!(level(h.state(), "communications"), LevelName::Silver);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(level(h.state(), "communications"), LevelName::None);
}

#[test]
fn a_leaver_shows_the_impact_then_the_at_risk_banner() {
    let mut h = harness(app());
    assert_eq!(at_risk(h.state()), vec!["devops".to_string()]);
    select_employee(&mut h, "francesco.bruno");
    type_into(&mut h, "Date", "2026-11-20");
    click(&mut h, "Mark as leaver");
    // The confirmation names the consequence before anything is written.
    assert!(
        h.query_by_label_contains("Data Platform would go from Silver to none")
            .is_some()
    );
    assert!(
        h.state()
            .org
            .employees
            .iter()
            .all(|e| e.left_on.is_none() || e.id != "francesco.bruno")
    );
    let buttons = h.get_all_by_label("Mark as leaver").collect::<Vec<_>>();
    buttons.last().unwrap().click();
    h.run();
    assert_eq!(
        at_risk(h.state()),
        vec!["data-platform".to_string(), "devops".to_string()]
    );
    let banner = "A recent change to your competency achievement has put your membership renewal eligibility at risk";
    assert!(h.query_all_by_label(banner).count() >= 1);
    // The banner links the competency by its name.
    assert!(h.query_all_by_label("Data Platform").count() >= 1);
}

#[test]
fn associating_with_another_organisation_takes_the_person_away() {
    let mut h = harness(app());
    let contoso = h.state().org_id;
    assert_eq!(level(h.state(), "data-platform"), LevelName::Silver);
    click(&mut h, "Organisations");
    type_into(&mut h, "Name", "Fabrikam S.p.A.");
    click(&mut h, "Create");
    assert_eq!(h.state().org.name, "Fabrikam S.p.A.");
    click(&mut h, "Employees");
    type_into(&mut h, "Full name", "Francesco Bruno");
    type_into(&mut h, "Email", "francesco@fabrikam.it");
    click(&mut h, "Add employee");
    let id = h
        .state()
        .views
        .employees
        .selected
        .clone()
        .unwrap_or_else(|| panic!("{:?} {:?}", h.state().notice, h.state().org.employees));
    assert_eq!(id, "francesco");
    type_into(&mut h, "MCID", "9870010");
    type_into(&mut h, "Date", "2026-11-20");
    click(&mut h, "Associate MCID");
    // Contoso holds that MCID: the window says who and where before moving it.
    assert!(
        h.query_by_label_contains(
            "Francesco Bruno in Contoso Italia S.r.l. is associated with 9870010"
        )
        .is_some()
    );
    assert!(
        h.state().org.employees[0].mcid.is_none(),
        "not before the yes"
    );
    click(&mut h, "Associate here");
    assert_eq!(h.state().org.employees[0].mcid.as_deref(), Some("9870010"));
    h.state_mut().run(Command::SelectOrg(contoso));
    h.run();
    let app = h.state();
    let f = app
        .org
        .employees
        .iter()
        .find(|e| e.id == "francesco.bruno")
        .unwrap();
    assert_eq!(
        f.dissociated_on,
        Some(Instant::parse("2026-11-20").unwrap())
    );
    assert_eq!(level(app, "data-platform"), LevelName::None);
    assert!(at_risk(app).contains(&"data-platform".to_string()));
}

#[test]
fn changing_the_as_of_date_reevaluates_the_window() {
    let mut h = harness(app());
    assert_eq!(level(h.state(), "devops"), LevelName::None);
    type_into(&mut h, "As of", "2026-10-01");
    click(&mut h, "Evaluate");
    assert_eq!(h.state().as_of, Some(Instant::parse("2026-10-01").unwrap()));
    assert_eq!(
        level(h.state(), "devops"),
        LevelName::Silver,
        "the leaver still counted on 2026-10-01"
    );
    assert_eq!(
        h.state().eval.report.as_ref().unwrap().as_of,
        "2026-10-01T00:00:00Z"
    );
}

#[test]
fn switching_to_italian_shows_italian_labels() {
    let mut h = harness(app());
    h.get_by_role_and_label(Role::ComboBox, "Language").click();
    h.run();
    click(&mut h, "Italiano");
    assert!(h.query_all_by_label("Dipendenti").count() >= 1);
    assert!(h.query_all_by_label("Percorsi di competenza").count() >= 1);
    let it = "A seguito di una recente modifica al processo di acquisizione delle competenze, potresti non essere idoneo al rinnovo dell'appartenenza";
    assert!(h.query_all_by_label(it).count() >= 1);
    assert_eq!(
        h.state().store.setting("language").unwrap().as_deref(),
        Some("it")
    );
    // The as-of date typed in the English form is now written the Italian way.
    assert_eq!(h.state().views.top_bar.as_of_text, "25/11/2026");
}

#[test]
fn every_panel_draws_with_the_demo() {
    let mut h = harness(app());
    for p in [
        "Organisations",
        "Employees",
        "Achievements",
        "Competency paths",
        "Membership",
        "Timeline",
    ] {
        click(&mut h, p);
    }
    assert!(
        h.query_by_label_contains("Achievement overrides").is_none(),
        "the timeline panel replaced membership"
    );
    click(&mut h, "Membership");
    assert!(h.query_by_label("Achievement overrides").is_some());
    assert!(h.query_by_label_contains("Upgrade to Gold").is_some());
}

#[test]
fn importing_a_users_file_previews_imports_and_keeps_history() {
    let mut h = harness(app());
    let before = h.state().org.employees.len();
    let file = common::fixture("users/errors.csv");
    h.state_mut().commands.push(Command::PreviewImport(file));
    h.run();
    // Four of the valid rows are demo people (e.g. mattia.rinaldi) as they are: not new
    // people, and not updates either (the preview says what the import will do).
    assert!(
        h.query_by_label(
            "15 rows: 3 new, 0 updates of existing people, 4 unchanged, 8 with errors"
        )
        .is_some()
    );
    // Refused rows say so in words (no error code), with the reason beside.
    assert_eq!(h.query_all_by_label("refused").count(), 8);
    assert!(h.query_by_label("Display name is empty").is_some());
    // The reasons follow the window's language.
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::It));
    h.run();
    assert!(h.query_by_label("Display name è vuoto").is_some());
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::En));
    h.run();
    assert_eq!(
        h.state().org.employees.len(),
        before,
        "nothing is written by the preview"
    );
    click(&mut h, "Import 7 valid rows");
    assert_eq!(h.state().org.employees.len(), before + 3);
    assert!(
        // The four demo people's rows change nothing: not written, not "updated".
        h.query_by_label("Import finished: 3 created, 0 updated, 4 unchanged")
            .is_some()
    );
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    h.state_mut()
        .commands
        .push(Command::SaveCredentialsLog(log.clone()));
    h.run();
    let text = std::fs::read_to_string(&log).unwrap();
    // Header, 3 created and 8 refused rows; the 4 unchanged rows wrote nothing.
    assert_eq!(text.lines().count(), 12);
    click(&mut h, "Close");
    assert!(
        h.query_by_label("errors.csv").is_some(),
        "the history lists the file"
    );
    let stored = h.state().store.load_org(h.state().org_id).unwrap();
    assert_eq!(stored.employees.len(), before + 3);
}

#[test]
fn a_rejected_file_is_named_and_nothing_is_written() {
    let mut h = harness(app());
    let before = h.state().org.employees.len();
    let file = common::fixture("users/extra-column.csv");
    h.state_mut().commands.push(Command::PreviewImport(file));
    h.run();
    assert!(
        h.query_by_label_contains("unknown column \"Phone\"")
            .is_some()
    );
    click(&mut h, "Close");
    assert_eq!(h.state().org.employees.len(), before);
    assert!(
        h.state()
            .store
            .import_history(h.state().org_id)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_large_organisation_opens_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let big_id = {
        let mut store = Store::open(&path).unwrap();
        let catalog = attain::io::catalog_file::default_catalog();
        let demo =
            attain::io::org_file::parse_org(attain::io::demo::DEMO_ORG, "demo", &catalog).unwrap();
        let demo_id = store.insert_org(&demo).unwrap();
        store
            .set_setting("current_org", &demo_id.to_string())
            .unwrap();
        let mut big = attain::model::synth::synthetic_org(&catalog, 25_000, 2, 7);
        big.name = "Big".into();
        store.insert_org(&big).unwrap()
    };
    let mut app = AttainApp::new(Store::open(&path).unwrap()).unwrap();
    app.run(Command::SetLang(Lang::En));
    let small = app.org_id;
    assert_ne!(small, big_id);
    let mut h = harness(app);
    h.state_mut().commands.push(Command::SelectOrg(big_id));
    h.step();
    h.step();
    assert_eq!(
        h.state().org_id,
        small,
        "the window keeps the current organisation while loading"
    );
    assert!(
        h.state().eval.report.is_some(),
        "the demo's report is shown"
    );
    let start = std::time::Instant::now();
    while h.state().loading.busy() || h.state().eval.busy() {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
        // Never two organisations in one frame: once Big's list is shown, no report (the
        // panels wait) until Big's own lands.
        if h.state().org_id == big_id {
            let shown = h.state().eval.report.as_ref().map(|r| r.org.clone());
            assert!(
                shown.as_deref().is_none_or(|o| o == "Big"),
                "{shown:?} beside Big's list"
            );
        }
    }
    assert_eq!(h.state().org_id, big_id);
    assert_eq!(h.state().org.employees.len(), 25_000);
    assert_eq!(h.state().eval.report.as_ref().unwrap().org, "Big");
    drop(h);
    // Started again with the large one current: the window opens before it is read.
    let started = std::time::Instant::now();
    let app = AttainApp::new(Store::open(&path).unwrap()).unwrap();
    assert!(app.loading.busy(), "read by a worker");
    assert!(app.org.employees.is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    let mut h = harness(app);
    h.step();
    step_while(&mut h, |app| app.loading.busy());
    assert_eq!(h.state().org_id, big_id);
    assert_eq!(h.state().org.employees.len(), 25_000);
}

#[test]
fn an_org_file_exported_from_the_window_loads_back_as_a_new_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contoso.org.ron");
    let mut h = harness(app());
    let orgs = h.state().orgs.len();
    h.state_mut()
        .commands
        .push(Command::ExportOrgTo(path.clone()));
    h.run();
    assert!(path.exists());
    assert!(
        h.state()
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("contoso.org.ron")
    );
    let exported = attain::io::org_file::load_org(&path, &h.state().catalog).unwrap();
    assert_eq!(exported.employees.len(), h.state().org.employees.len());
    // Under another name it is added (the same name gets a number: tests/ui_habits.rs).
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Contoso Italia S.r.l.", "Contoso Copia"),
    )
    .unwrap();
    h.state_mut()
        .commands
        .push(Command::LoadOrgFrom(path.clone()));
    h.run();
    assert_eq!(h.state().orgs.len(), orgs + 1);
    assert_eq!(h.state().org.name, "Contoso Copia");
    assert_eq!(h.state().org.employees.len(), exported.employees.len());
    // A broken file names itself and adds nothing.
    let bad = dir.path().join("broken.org.ron");
    std::fs::write(&bad, "(format: \"attain-org/1\", name: 3)").unwrap();
    h.state_mut().commands.push(Command::LoadOrgFrom(bad));
    h.run();
    let notice = h.state().notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("broken.org.ron"),
        "{notice:?}"
    );
    assert_eq!(h.state().orgs.len(), orgs + 1);
}

#[test]
fn a_large_users_file_is_checked_on_a_worker_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.csv");
    std::fs::write(&path, common::many_users_csv(20_000)).unwrap();
    let mut h = harness(app());
    h.state_mut()
        .commands
        .push(Command::PreviewImport(path.clone()));
    h.step();
    h.step();
    assert!(matches!(
        h.state().import,
        attain::app::imports::ImportState::Checking(_)
            | attain::app::imports::ImportState::Preview(_)
    ));
    step_while(&mut h, |app| {
        matches!(app.import, attain::app::imports::ImportState::Checking(_))
    });
    let attain::app::imports::ImportState::Preview(p) = &h.state().import else {
        panic!("no preview")
    };
    assert_eq!(p.rows.len(), 20_000);
    // Cancel while checking: back to idle, nothing imported.
    let before = h.state().org.employees.len();
    h.state_mut()
        .commands
        .push(Command::PreviewImport(path.clone()));
    h.step();
    h.state_mut().commands.push(Command::CancelImport);
    h.step();
    h.step();
    assert!(matches!(
        h.state().import,
        attain::app::imports::ImportState::Idle
    ));
    std::thread::sleep(std::time::Duration::from_millis(500));
    h.step();
    assert!(matches!(
        h.state().import,
        attain::app::imports::ImportState::Idle
    ));
    assert_eq!(h.state().org.employees.len(), before);
    // Another organisation shown while it is checked (the two in one frame, so the check
    // is still running): the check goes with the one it was made against, rather than land
    // as a preview of its people beside the other's.
    // A file large enough to be checked on a worker (over 5,000 people by its size).
    std::fs::write(&path, common::many_users_csv(60_000)).unwrap();
    h.state_mut().commands.push(Command::PreviewImport(path));
    h.state_mut().commands.push(Command::CreateOrg {
        name: "Fabrikam".into(),
        market: attain::model::Market::Developed,
        domain: None,
    });
    h.step();
    assert_eq!(h.state().org.name, "Fabrikam");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    h.step();
    h.step();
    assert!(
        matches!(h.state().import, attain::app::imports::ImportState::Idle),
        "a preview checked against Contoso shown for Fabrikam"
    );
}

#[test]
fn a_change_made_by_another_attain_shows_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut h = harness(AttainApp::new(Store::open(&path).unwrap()).unwrap());
    h.state_mut().run(Command::SetLang(Lang::En));
    h.run();
    let before = h.state().org.employees.len();
    // Another attain (here, the store API on its own connection) adds a person.
    let mut other = Store::open(&path).unwrap();
    let id = h.state().org_id;
    let mut org = other.load_org(id).unwrap();
    let e = attain::model::Employee::new("nuovo.arrivo", "Nuovo Arrivo", "nuovo.arrivo@contoso.it");
    other
        .apply(
            id,
            &mut org,
            &attain::model::Edit::AddEmployee(e),
            &h.state().catalog,
        )
        .unwrap();
    h.run();
    assert_eq!(h.state().org.employees.len(), before + 1);
    assert!(
        h.state()
            .org
            .employees
            .iter()
            .any(|e| e.id == "nuovo.arrivo")
    );
    assert!(
        h.state()
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("another attain")
    );
    // The window's own edits are not taken for another's.
    let mine = attain::model::Employee::new("mio.arrivo", "Mio Arrivo", "mio.arrivo@contoso.it");
    h.state_mut()
        .run(Command::Edit(attain::model::Edit::AddEmployee(mine)));
    h.run();
    assert_eq!(h.state().org.employees.len(), before + 2);
    assert!(h.state().notice.is_none(), "{:?}", h.state().notice);
    // Undo follows the workspace's log: the other attain's change, then the window's own.
    let undo = &h.state().undo;
    assert_eq!(undo.len(), 2);
    assert_eq!(undo[1].subject.as_deref(), Some("Mio Arrivo"));
}
