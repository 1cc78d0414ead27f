//! A Trainings import written by the window on a worker, on a workspace file: the window goes
//! on drawing, the organisation is read again once written, and a diff that no longer holds
//! when it is written (changed since the preview) writes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::imports::ImportState;
use attain::app::{AttainApp, Command};
use attain::i18n::Lang;
use attain::model::Instant;
use attain::store::Store;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};

mod common;
use common::ui::harness;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/trainings/trainings-sample.csv")
}

/// The demo organisation in a workspace file, its Trainings sample previewed.
fn previewed(path: &Path) -> Harness<'static, AttainApp> {
    let mut app = AttainApp::new(Store::open(path).unwrap()).unwrap();
    app.run(Command::SetLang(Lang::En));
    app.run(Command::SetAsOf(Some(
        Instant::parse("2026-11-25").unwrap(),
    )));
    let mut h = harness(app);
    h.state_mut()
        .commands
        .push(Command::PreviewAchievements(sample(), "trainings"));
    h.run();
    assert!(matches!(h.state().import, ImportState::Achievements(_)));
    h
}

/// Steps the window until the write and the reading after it are over.
fn until_written(h: &mut Harness<'static, AttainApp>) {
    let start = std::time::Instant::now();
    while matches!(h.state().import, ImportState::WritingAchievements(_))
        || h.state().loading.busy()
    {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
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
    h.step();
    if matches!(h.state().import, ImportState::WritingAchievements(_)) {
        assert!(
            h.query_by_label_contains("Importing trainings-sample.csv")
                .is_some()
        );
    }
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
