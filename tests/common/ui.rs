//! The window under egui_kittest: the app on an in-memory workspace at a fixed date, and
//! the clicks and typing the UI tests share.

use attain::app::{AttainApp, Command};
use attain::eval::LevelName;
use attain::eval::report::AlertCode;
use attain::i18n::Lang;
use attain::model::Instant;
use attain::store::Store;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

pub fn app() -> AttainApp {
    let mut app = AttainApp::new(Store::open_in_memory().unwrap()).unwrap();
    app.run(Command::SetLang(Lang::En));
    app.run(Command::SetAsOf(Some(
        Instant::parse("2026-11-25").unwrap(),
    )));
    app
}

pub fn harness(app: AttainApp) -> Harness<'static, AttainApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(40)
        .with_context_setup(AttainApp::setup)
        .build_ui_state(|ui, app: &mut AttainApp| app.ui_root(ui), app)
}

pub fn level(app: &AttainApp, comp: &str) -> LevelName {
    app.eval.report.as_ref().unwrap().level(comp)
}

pub fn at_risk(app: &AttainApp) -> Vec<String> {
    let r = app.eval.report.as_ref().unwrap();
    r.alerts_of(AlertCode::RenewalAtRisk)
        .flat_map(|a| a.competencies.iter().map(|c| c.to_string()))
        .collect()
}

/// Replaces the text of the field labelled `label` (the last one if several).
pub fn type_into(h: &mut Harness<'_, AttainApp>, label: &str, text: &str) {
    h.get_all_by_role_and_label(Role::TextInput, label)
        .last()
        .unwrap()
        .click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role_and_label(Role::TextInput, label)
        .last()
        .unwrap()
        .type_text(text);
    h.run();
}

/// Clicks the first widget with this label (tabs come before headings in the tree).
pub fn click(h: &mut Harness<'_, AttainApp>, label: &str) {
    h.get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no {label:?}"))
        .click();
    h.run();
}

/// Finds an employee through the search field and selects the row.
pub fn select_employee(h: &mut Harness<'_, AttainApp>, id: &str) {
    click(h, "Employees");
    type_into(h, "Find", id);
    click(h, id);
    assert_eq!(h.state().views.employees.selected.as_deref(), Some(id));
}

/// Chooses `item` in the searchable list labelled `label`, typing `search` first.
pub fn pick(h: &mut Harness<'_, AttainApp>, label: &str, search: &str, item: &str) {
    h.get_by_role_and_label(Role::ComboBox, label).click();
    h.run();
    // The search field has the focus as the list opens.
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the list's search field has the focus")
        .type_text(search);
    h.run();
    h.get_by_label(item).click();
    h.run();
}

/// Steps the window, 20 ms apart and for at most a minute, while `busy` says a worker is
/// still at it.
pub fn step_while(h: &mut Harness<'_, AttainApp>, busy: impl Fn(&AttainApp) -> bool) {
    let start = std::time::Instant::now();
    while busy(h.state()) {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
}

/// After an import written on a worker that added `added` people to the `before` shown: the
/// switcher counts them already, so they are read again on a worker, not in a frame; then
/// the window shows them.
pub fn read_again_on_a_worker(h: &mut Harness<'_, AttainApp>, before: usize, added: usize) {
    assert!(h.state().loading.busy(), "read again on a worker");
    let id = h.state().org_id;
    let count = h
        .state()
        .orgs
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.employees);
    assert_eq!(count, Some(before + added));
    step_while(h, |app| app.loading.busy());
    h.run();
    assert_eq!(h.state().org.employees.len(), before + added);
}
