//! Trainings and Credly files in the window: the preview (people and credentials by name,
//! unmapped titles once), and the import written on a worker on a workspace file (the window
//! goes on drawing, the organisation is read again once written, and a diff that no longer
//! holds when it is written, changed since the preview, writes nothing; edits, switching and
//! closing wait for it, the window's own settings are held until it ends, and a setting
//! written meanwhile by another connection does not refuse it).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::imports::ImportState;
use attain::app::{AttainApp, Command};
use attain::i18n::Lang;
use attain::model::Instant;
use attain::store::Store;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::path::{Path, PathBuf};

mod common;
use common::ui::{app, harness, pick, step_while};

fn sample() -> PathBuf {
    common::fixture("trainings/trainings-sample.csv")
}

/// The demo organisation in a workspace file, its Trainings sample previewed.
fn previewed(path: &Path) -> Harness<'static, AttainApp> {
    previewed_file(path, sample())
}

/// The demo organisation in a workspace file, a Trainings export previewed.
fn previewed_file(path: &Path, export: PathBuf) -> Harness<'static, AttainApp> {
    let mut app = AttainApp::new(Store::open(path).unwrap()).unwrap();
    app.run(Command::SetLang(Lang::En));
    app.run(Command::SetAsOf(Some(
        Instant::parse("2026-11-25").unwrap(),
    )));
    let mut h = harness(app);
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(export, "trainings"));
    h.run();
    assert!(matches!(h.state().import, ImportState::Achievements(_)));
    h
}

/// Steps the window until the write and the reading after it are over.
fn until_written(h: &mut Harness<'static, AttainApp>) {
    step_while(h, |app| {
        matches!(app.import, ImportState::WritingAchievements(_)) || app.loading.busy()
    });
    h.run();
}

#[test]
fn a_trainings_import_is_written_on_a_worker_then_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut h = previewed(&path);
    let before = h.state().org.employees.len();
    h.get_by_label_contains("renewed achievements").click();
    h.step();
    assert!(
        matches!(h.state().import, ImportState::WritingAchievements(_)),
        "written on a worker"
    );
    until_written(&mut h);
    assert!(h.query_by_label("trainings-sample.csv imported").is_some());
    let (id, after) = (h.state().org_id, h.state().org.employees.len());
    assert!(after > before, "new people from the export, in the window");
    assert_eq!(h.state().store.load_org(id).unwrap().employees.len(), after);
    assert_eq!(h.state().store.import_history(id).unwrap().len(), 1);
    // Undo takes the import back, as after an import written on the window's thread.
    assert!(
        h.state().undo.iter().any(|u| u.label == "import_trainings"),
        "{:?}",
        h.state().undo
    );
}

#[test]
fn a_diff_that_changed_since_the_preview_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut h = previewed(&path);
    let id = h.state().org_id;
    // Meanwhile another attain imports the same file.
    {
        let ImportState::Achievements(p) = &h.state().import else {
            unreachable!()
        };
        let mut other = Store::open(&path).unwrap();
        let mut org = other.load_org(id).unwrap();
        let plan = attain::io::achievements_plan::plan(&org, &p.check, "trainings-import");
        let source = plan
            .diff
            .source(&p.check, "trainings", "other.csv", &p.sha256);
        other
            .import_achievements(id, &mut org, plan.added, plan.changed, || source)
            .unwrap();
    }
    h.get_by_label_contains("renewed achievements").click();
    h.step();
    until_written(&mut h);
    assert!(
        h.query_by_label_contains("was not imported: the organisation changed since the preview")
            .is_some()
    );
    let history = h.state().store.import_history(id).unwrap();
    assert_eq!(history.len(), 1, "the other import only");
}

#[test]
fn a_trainings_export_shows_its_diff_then_imports_once() {
    let mut h = harness(app());
    let before = h.state().org.employees.len();
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(sample(), "trainings"));
    h.run();
    assert!(h.query_by_label_contains("40 rows, 15 people").is_some());
    assert_eq!(
        h.state().org.employees.len(),
        before,
        "the preview writes nothing"
    );
    // People by name (new ones by the file's, with their ids: names repeat), credentials with
    // their titles.
    assert!(
        h.query_by_label("Lucía Bruno-Pellegrini (lucia.bruno-pellegrini)")
            .is_some()
    );
    assert!(
        h.query_by_label("francesca.romano84").is_some(),
        "no name: the id once"
    );
    h.get_by_label_contains("New achievements").click();
    h.run();
    assert!(
        h.query_by_label_contains(
            "Lucía Bruno-Pellegrini: 70-535 Architecting Microsoft Azure Solutions ("
        )
        .is_some()
    );
    h.get_by_label_contains("renewed achievements").click();
    h.run();
    let after = h.state().org.employees.len();
    assert!(after > before, "new people from the export");
    let stored = h.state().store.load_org(h.state().org_id).unwrap();
    assert_eq!(stored.employees.len(), after);
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(sample(), "trainings"));
    h.run();
    assert!(
        h.query_by_label("Nothing new: this file was imported already.")
            .is_some()
    );
}

#[test]
fn unmapped_titles_and_credly_templates_are_listed_once_each() {
    let mut h = harness(app());
    let file = common::fixture("trainings/trainings-sample.csv");
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(file, "trainings"));
    h.run();
    // The AZ-103 exam is not in the catalog: one line for its title, with its rows.
    let az103: Vec<String> = h
        .query_all_by_label_contains("Exam AZ-103")
        .map(|n| format!("{n:?}"))
        .collect();
    assert_eq!(az103.len(), 1, "{az103:?}");
    assert!(
        az103[0].contains(": line ") || az103[0].contains(" rows: lines "),
        "{az103:?}"
    );
    // A Credly template that comes back later in the file is one field to map, not two.
    let dir = tempfile::tempdir().unwrap();
    let credly = dir.path().join("credly.csv");
    std::fs::write(
        &credly,
        "Badge Template ID,Recipient Email,First Name,Last Name,Issued at,Expiration Date\n\
         abc-123,ann@contoso.it,Ann,Lee,03/04/18,03/04/21\n\
         def-456,bob@contoso.it,Bob,Ray,03/04/18,03/04/21\n\
         abc-123,cy@contoso.it,Cy,Day,03/04/18,03/04/21\n",
    )
    .unwrap();
    h.state_mut().commands.push(Command::CancelImport);
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(credly, "credly"));
    h.run();
    assert_eq!(h.query_all_by_label_contains("Template abc-123").count(), 1);
    assert!(
        h.query_by_label_contains("abc-123: 2 rows: lines 2, 4")
            .is_some()
    );
    // Nothing to import yet, and not because it was imported already.
    assert!(
        h.query_by_label_contains("No template of this file is mapped")
            .is_some()
    );
    assert!(h.query_by_label_contains("imported already").is_none());
    // The credential is picked from the catalog, then the file is read again with it.
    let label = "Template abc-123 is credential";
    let map_at = |h: &Harness<'static, AttainApp>| h.get_all_by_label("Map").next().unwrap().rect();
    let before = map_at(&h);
    pick(
        &mut h,
        label,
        "70-533",
        "70-533 — Implementing Microsoft Azure Infrastructure Solutions",
    );
    // A long title does not widen the picker and move its Map button from under the pointer.
    assert_eq!(map_at(&h), before);
    // Each template has its Map button, enabled once a credential is picked.
    let enabled: Vec<_> = h
        .get_all_by_label("Map")
        .filter(|n| !n.accesskit_node().is_disabled())
        .collect();
    assert_eq!(enabled.len(), 1);
    enabled[0].click();
    h.run();
    let ImportState::Achievements(p) = &h.state().import else {
        panic!("no preview")
    };
    assert_eq!(p.check.unmapped.len(), 1, "def-456 only");
    assert_eq!(h.query_all_by_label_contains("Template abc-123").count(), 0);
}

#[test]
fn a_preview_goes_with_its_organisation() {
    let mut h = harness(app());
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(sample(), "trainings"));
    h.run();
    assert!(matches!(h.state().import, ImportState::Achievements(_)));
    h.state_mut().commands.push(Command::CreateOrg {
        name: "Fabrikam".into(),
        market: attain::model::Market::Developed,
        domain: None,
    });
    h.run();
    assert_eq!(h.state().org.name, "Fabrikam");
    assert!(
        matches!(h.state().import, ImportState::Idle),
        "planned against Contoso, not to be confirmed for Fabrikam"
    );
}

#[test]
fn edits_a_switch_and_closing_wait_while_an_import_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut h = previewed(&path);
    let (id, before) = (h.state().org_id, h.state().org.employees.len());
    // Another connection holds the write lock, so the worker waits (busy timeout, 5 s).
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    h.get_by_label_contains("renewed achievements").click();
    h.step();
    assert!(matches!(
        h.state().import,
        ImportState::WritingAchievements(_)
    ));
    let mine = attain::model::Employee::new("mio.arrivo", "Mio Arrivo", "mio.arrivo@contoso.it");
    h.state_mut()
        .run(Command::Edit(attain::model::Edit::AddEmployee(mine)));
    h.step();
    assert!(
        h.query_by_label("An import is being written; try again in a moment.")
            .is_some()
    );
    assert_eq!(h.state().org.employees.len(), before, "the edit waited");
    assert!(h.state().undo.is_empty());
    // Edits made otherwise than by the command (the sandbox's Apply) wait too.
    h.state_mut().notice = None;
    let mine = attain::model::Employee::new("mia.arrivo", "Mia Arrivo", "mia.arrivo@contoso.it");
    h.state_mut().edit(attain::model::Edit::AddEmployee(mine));
    assert!(
        h.state()
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("An import is being written")
    );
    // Closing the window would roll the import back unseen: it stays open.
    h.input_mut()
        .viewports
        .get_mut(&egui::ViewportId::ROOT)
        .unwrap()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let root = &h.output().viewport_output[&egui::ViewportId::ROOT];
    assert!(root.commands.contains(&egui::ViewportCommand::CancelClose));
    h.state_mut().run(Command::CreateOrg {
        name: "Fabrikam".into(),
        market: attain::model::Market::Developed,
        domain: None,
    });
    h.step();
    assert_eq!(
        h.state().org_id,
        id,
        "the import's organisation stays shown"
    );
    assert!(matches!(
        h.state().import,
        ImportState::WritingAchievements(_)
    ));
    // A setting the window changes meanwhile is held rather than wait for the lock (5 s,
    // then "database is locked"), and written once the import ends.
    let start = std::time::Instant::now();
    h.state_mut().run(Command::DismissStartHere);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(1),
        "waited {:?} for the import's lock",
        start.elapsed()
    );
    assert!(h.state().start_dismissed);
    let said = h.state().notice.as_ref().map(|n| n.text.clone());
    assert!(
        said.as_deref().is_none_or(|t| !t.contains("locked")),
        "{said:?}"
    );
    // A setting written meanwhile (not the people): the worker reads and plans again, and
    // writes the same diff.
    std::thread::sleep(std::time::Duration::from_millis(500));
    other
        .execute_batch("INSERT INTO settings(key, value) VALUES ('x', 'y'); COMMIT")
        .unwrap();
    until_written(&mut h);
    assert!(h.query_by_label("trainings-sample.csv imported").is_some());
    assert_eq!(h.state().store.import_history(id).unwrap().len(), 1);
    assert_eq!(h.state().store.list_orgs().unwrap().len(), 1, "no Fabrikam");
    assert_eq!(
        h.state().store.setting("start_here_dismissed").unwrap(),
        Some("1".into())
    );
}

#[test]
fn an_import_of_many_new_people_is_read_again_on_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    // 5,100 new people: more than the window reads in a frame.
    let export = dir.path().join("many.csv");
    let mut text = String::from(
        "TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,\
         Email,CorpEmail,TrainingCompletionDate,Month,IcMCP,MCPID,MPNId,PartnerName,\
         PartnerCityLocation,PartnerCountryLocation,ExpirationDate,ActivationStatus\n",
    );
    for i in 0..5_100 {
        text.push_str(&format!(
            "1535,Exam 70-535: Architecting Microsoft Azure Solutions,Exam,Nome{i},Cognome,\
             p{i}@example.com,p{i}@contoso.it,19/02/2018 14:12,Feb-18,1,{},4651234,\
             Contoso Italia S.r.l.,Milano,Italy,,\n",
            20_000_000 + i
        ));
    }
    std::fs::write(&export, text).unwrap();
    let mut h = previewed_file(&path, export);
    let before = h.state().org.employees.len();
    h.get_by_label_contains("renewed achievements").click();
    h.step();
    step_while(&mut h, |app| {
        matches!(app.import, ImportState::WritingAchievements(_))
    });
    common::ui::read_again_on_a_worker(&mut h, before, 5_100);
}
