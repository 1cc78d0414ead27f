//! Desktop habits of the window: what a careful user tries next (a future leaving date,
//! Ctrl+Z while typing, a password reset, files dropped on the window, another attain writing
//! first, a window bigger than its screen) through egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::{AttainApp, Command};
use attain::model::{Edit, Employee};
use attain::store::Store;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

mod common;
use common::ui::*;

fn notice(app: &AttainApp) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_future_leaving_date_shows_what_it_lowers_from_that_day() {
    let mut h = harness(app());
    select_employee(&mut h, "francesco.bruno");
    // The window shows 2026-11-25: on that day the person still counts.
    type_into(&mut h, "Date", "2026-12-01");
    click(&mut h, "Mark as leaver");
    assert!(
        h.query_by_label_contains("Data Platform would go from Silver to none on 12/01/2026")
            .is_some(),
        "the impact is compared on the leaving day"
    );
    click(&mut h, "Cancel");
    assert!(h.state().confirm.is_none());
}

#[test]
fn ctrl_z_while_typing_does_not_undo_a_saved_change() {
    let mut h = harness(app());
    type_into(&mut h, "Full name", "Ornella Vanoni");
    type_into(&mut h, "Email", "ornella.vanoni@contoso.it");
    click(&mut h, "Add employee");
    let people = h.state().org.employees.len();
    assert_eq!(h.state().undo.len(), 1);
    type_into(&mut h, "Find", "vanoni");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().undo.len(), 1, "the text field took Ctrl+Z");
    assert_eq!(h.state().org.employees.len(), people);
}

#[test]
fn saving_a_name_keeps_an_association_made_after_the_form_opened() {
    let mut h = harness(app());
    select_employee(&mut h, "francesco.bruno");
    let id = "francesco.bruno";
    let before = h
        .state()
        .org
        .employees
        .iter()
        .find(|e| e.id == id)
        .unwrap()
        .clone();
    h.state_mut().run(Command::Edit(Edit::Dissociate {
        employee: id.into(),
        at: attain::model::Instant::parse("2026-11-24").unwrap(),
    }));
    h.run();
    type_into(&mut h, "Name", "Francesco Bruno Jr");
    let saves = h.get_all_by_label("Save").count();
    h.get_all_by_label("Save").nth(saves - 1).unwrap().click();
    h.run();
    let after = h.state().org.employees.iter().find(|e| e.id == id).unwrap();
    assert_eq!(after.display_name, "Francesco Bruno Jr");
    assert!(
        after.dissociated_on.is_some(),
        "the form did not put back older fields"
    );
    assert_ne!(after.dissociated_on, before.dissociated_on);
}

#[test]
fn resetting_a_password_asks_first_and_keeps_the_user_name() {
    let mut h = harness(app());
    select_employee(&mut h, "anna.rossi");
    click(&mut h, "Create user account");
    let (upn, first) = h.state().password.clone().unwrap();
    click(&mut h, "Close");
    assert!(h.state().password.is_none());
    assert!(
        h.query_by_label_contains(&format!("User name: {upn}"))
            .is_some()
    );
    click(&mut h, "Reset password");
    assert!(
        h.state().password.is_none(),
        "nothing happens before the yes"
    );
    assert!(h.state().confirm.is_some());
    let yes = h.get_all_by_label("Reset password").count();
    h.get_all_by_label("Reset password")
        .nth(yes - 1)
        .unwrap()
        .click();
    h.run();
    let (again, second) = h.state().password.clone().unwrap();
    assert_eq!(again, upn, "a reset keeps the user name");
    assert_ne!(first, second);
    let app = h.state();
    assert_eq!(
        app.store.user_account(app.org_id, "anna.rossi").unwrap(),
        Some(upn)
    );
}

/// A file as the window system hands it over on a drop.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut egui_kittest::Harness<'_, AttainApp>, paths: &[std::path::PathBuf]) {
    h.input_mut().dropped_files = paths
        .iter()
        .map(|p| std::sync::Arc::new(Dropped(p.clone())) as egui::DroppedFileHandle)
        .collect();
    h.run();
}

#[test]
fn dropped_files_go_where_their_content_says_or_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app());
    let orgs = h.state().orgs.len();
    // A PDF, a spreadsheet workbook and a folder are not read.
    let pdf = dir.path().join("summary.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let xlsx = dir.path().join("users.xlsx");
    std::fs::write(&xlsx, b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    for path in [&pdf, &xlsx, &dir.path().to_path_buf()] {
        drop_files(&mut h, std::slice::from_ref(path));
        let text = notice(h.state());
        assert!(text.contains("cannot read"), "{}: {text}", path.display());
        assert!(matches!(
            h.state().import,
            attain::app::imports::ImportState::Idle
        ));
    }
    // Two at once: none is opened.
    drop_files(&mut h, &[pdf.clone(), xlsx.clone()]);
    assert!(notice(h.state()).contains("one file at a time"));
    // An org file is loaded as a new organisation.
    let mut org = (*h.state().org).clone();
    org.name = "Dropped S.r.l.".into();
    let file = dir.path().join("dropped.org.ron");
    attain::io::org_file::save_org(&org, &file).unwrap();
    drop_files(&mut h, &[file]);
    h.state_mut().file_job.wait();
    h.run();
    assert_eq!(h.state().orgs.len(), orgs + 1);
    assert!(h.state().orgs.iter().any(|o| o.name == "Dropped S.r.l."));
    // A users file goes to the users import's preview.
    let users = dir.path().join("people.csv");
    std::fs::write(
        &users,
        "First name,Last name,Display name,Email\nMaria,Neri,Maria Neri,maria.neri@contoso.it\n",
    )
    .unwrap();
    drop_files(&mut h, &[users]);
    assert!(matches!(
        h.state().import,
        attain::app::imports::ImportState::Preview(_)
    ));
}

#[test]
fn an_edit_made_on_data_another_attain_changed_is_not_saved_and_the_window_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.attain");
    let mut h = harness(AttainApp::new(Store::open(&path).unwrap()).unwrap());
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::En));
    h.run();
    let id = h.state().org_id;
    let mut other = Store::open(&path).unwrap();
    let mut theirs = other.load_org(id).unwrap();
    let add = |pid: &str| Edit::AddEmployee(Employee::new(pid, pid, &format!("{pid}@contoso.it")));
    other
        .apply(id, &mut theirs, &add("theirs.one"), &h.state().catalog)
        .unwrap();
    // The window edits before its next frame has seen the other commit.
    h.state_mut().run(Command::Edit(add("mine.one")));
    assert!(
        notice(h.state()).contains("Not saved"),
        "{}",
        notice(h.state())
    );
    let app = h.state();
    assert!(app.org.employees.iter().any(|e| e.id == "theirs.one"));
    assert!(!app.org.employees.iter().any(|e| e.id == "mine.one"));
    let stored = Store::open(&path).unwrap().load_org(id).unwrap();
    assert_eq!(stored.employees.len(), app.org.employees.len());
    // Made again on the data now shown, it is saved.
    h.state_mut().run(Command::Edit(add("mine.one")));
    h.run();
    assert!(h.state().org.employees.iter().any(|e| e.id == "mine.one"));
    let stored = Store::open(&path).unwrap().load_org(id).unwrap();
    assert!(stored.employees.iter().any(|e| e.id == "mine.one"));
}

#[test]
fn membership_shows_the_subscription_year_and_what_an_override_reverts_to() {
    let mut h = harness(app());
    click(&mut h, "Membership");
    assert!(h.query_by_label("Subscription year").is_some());
    assert!(h.query_by_label("02/15/2026 – 02/15/2027").is_some());
    // The demo's Data Analytics override ends on 2026-12-31: the earned level follows.
    let level = {
        let app = h.state();
        let tl = app.eval.timeline.as_ref().unwrap();
        let c = app
            .catalog
            .competencies
            .iter()
            .position(|c| c.id == "data-analytics")
            .unwrap();
        let on = attain::model::Instant::parse("2027-01-01").unwrap();
        tl.points.iter().rev().find(|(t, _)| *t <= on).unwrap().1[c]
    };
    let word = match level {
        attain::eval::LevelName::None => "none",
        attain::eval::LevelName::Silver => "Silver",
        attain::eval::LevelName::Gold => "Gold",
    };
    assert!(
        h.query_by_label(&format!("from 01/01/2027: {word} (earned)"))
            .is_some(),
        "reversion shown"
    );
}

#[test]
fn a_competency_says_who_holds_its_credentials_without_counting_and_why() {
    let mut h = harness(app());
    h.state_mut()
        .run(Command::OpenCompetency("application-development".into()));
    h.run();
    assert!(h.query_by_label("Held but not counting:").is_some());
    // The credential by title and the person by name (ids on hover).
    assert!(
        h.query_by_label("Developing Microsoft Azure Solutions — not associated")
            .is_some()
    );
    assert!(h.query_all_by_label("Giulia Esposito").count() >= 1);
    // The same reason beside the achievement.
    h.state_mut()
        .run(Command::OpenEmployee("giulia.esposito".into()));
    h.run();
    assert!(h.query_all_by_label("not associated").count() >= 2);
}

#[test]
fn an_org_file_of_a_name_already_there_asks_to_replace_or_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app());
    let name = h.state().org.name.clone();
    let file = dir.path().join("same.org.ron");
    let mut theirs = h.state().org.as_ref().clone();
    theirs.employees.truncate(3);
    attain::io::org_file::save_org(&theirs, &file).unwrap();
    // Asked first: nothing is written until the user chooses.
    h.state_mut().run(Command::LoadOrgFrom(file.clone()));
    h.run();
    assert!(
        h.query_by_label(&format!("\"{name}\" is already in the workspace"))
            .is_some()
    );
    assert_eq!(h.state().orgs.len(), 1);
    let copy = format!("{name} (2)");
    // The answer stores the organisation already read: the file is not read again.
    std::fs::remove_file(&file).unwrap();
    h.get_by_label(&format!("Keep both (\"{copy}\")")).click();
    h.run();
    assert_eq!(h.state().org.name, copy, "the copy is shown");
    assert!(notice(h.state()).contains(&copy), "{}", notice(h.state()));
    assert_eq!(h.state().orgs.iter().filter(|o| o.name == name).count(), 1);
    // Again, replacing: the organisation of that name now holds the file's three people.
    attain::io::org_file::save_org(&theirs, &file).unwrap();
    h.state_mut().run(Command::LoadOrgFrom(file));
    h.run();
    h.get_by_label("Replace it").click();
    h.run();
    assert_eq!(h.state().org.name, name);
    assert_eq!(h.state().org.employees.len(), 3);
    assert_eq!(h.state().orgs.len(), 2, "the copy and the replaced one");
}

#[test]
fn the_organisation_form_follows_an_undo() {
    let mut h = harness(app());
    let name = h.state().org.name.clone();
    click(&mut h, "Organisations");
    let fields = h
        .get_all_by_role_and_label(egui::accesskit::Role::TextInput, "Name")
        .count();
    assert!(fields >= 1);
    // The first Name field is the current organisation's.
    h.get_all_by_role_and_label(egui::accesskit::Role::TextInput, "Name")
        .next()
        .unwrap()
        .click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role_and_label(egui::accesskit::Role::TextInput, "Name")
        .next()
        .unwrap()
        .type_text("Renamed S.r.l.");
    h.run();
    h.get_all_by_label("Save").next().unwrap().click();
    h.run();
    assert_eq!(h.state().org.name, "Renamed S.r.l.");
    h.state_mut().run(Command::Undo);
    h.run();
    assert_eq!(h.state().org.name, name);
    let (_, form) = h.state().views.organisations.details.clone().unwrap();
    assert_eq!(form.1, name, "the form shows the name as it is now");
}

#[test]
fn an_mcid_held_here_is_refused_and_a_refused_edit_is_framed_in_the_language() {
    let mut h = harness(app());
    select_employee(&mut h, "anna.rossi");
    type_into(&mut h, "MCID", "9870010");
    click(&mut h, "Associate MCID");
    assert!(
        notice(h.state())
            .contains("Francesco Bruno in this organisation already has the MCID 9870010"),
        "{}",
        notice(h.state())
    );
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::It));
    let backwards = attain::model::Override {
        competency: "devops".into(),
        level: attain::model::Level::Silver,
        kind: attain::model::OverrideKind::Full,
        starts_on: attain::model::Day::parse("2026-12-01").unwrap(),
        ends_on: Some(attain::model::Day::parse("2026-11-01").unwrap()),
        reason: "test".into(),
        set_by: "test".into(),
    };
    let overrides = h.state().org.overrides.len();
    h.state_mut()
        .run(Command::Edit(Edit::AddOverride(backwards)));
    assert!(
        notice(h.state()).starts_with("Non salvato: "),
        "{}",
        notice(h.state())
    );
    assert_eq!(h.state().org.overrides.len(), overrides);
}

#[test]
fn dissociating_asks_first_with_what_it_lowers() {
    let mut h = harness(app());
    select_employee(&mut h, "francesco.bruno");
    type_into(&mut h, "Date", "2026-12-01");
    click(&mut h, "Dissociate");
    assert!(
        h.query_by_label_contains("Data Platform would go from Silver to none on 12/01/2026")
            .is_some()
    );
    let person = |h: &egui_kittest::Harness<'_, AttainApp>| {
        h.state()
            .org
            .employees
            .iter()
            .find(|e| e.id == "francesco.bruno")
            .unwrap()
            .dissociated_on
    };
    assert_eq!(person(&h), None, "nothing before the yes");
    h.get_all_by_label("Dissociate").last().unwrap().click();
    h.run();
    assert_eq!(
        person(&h),
        Some(attain::model::Instant::parse("2026-12-01").unwrap())
    );
}

/// Whether the last frame asked for the window to be maximized.
fn maximizes(h: &Harness<'static, AttainApp>) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Maximized(true)))
}

#[test]
fn a_window_bigger_than_its_screen_is_maximized_once() {
    let mut h = harness(app());
    // Checked over the window's first seconds (a loaded test machine may take longer to
    // get here).
    h.state_mut().launched = std::time::Instant::now();
    // The window asks for 1280×800 inside; the window manager adds a 22-point title bar.
    let set = |h: &mut Harness<'static, AttainApp>, screen: egui::Vec2| {
        let root = h
            .input_mut()
            .viewports
            .get_mut(&egui::ViewportId::ROOT)
            .unwrap();
        root.monitor_size = Some(screen);
        root.outer_rect = Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 822.0),
        ));
    };
    set(&mut h, egui::vec2(1920.0, 1080.0));
    h.step();
    assert!(!maximizes(&h), "it fits a 1920×1080 screen");
    // On a 1280×800 screen its status line would be below the edge.
    set(&mut h, egui::vec2(1280.0, 800.0));
    h.step();
    assert!(maximizes(&h));
    h.step();
    assert!(
        !maximizes(&h),
        "asked once: a user may make it smaller again"
    );
}
