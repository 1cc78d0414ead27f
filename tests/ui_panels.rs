//! The panels' other flows through egui_kittest: membership actions, overrides with their
//! default end, deleting an organisation after the confirmation, the employees table's sort
//! and filter, alert links and the find shortcut.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::{AttainApp, Command, Panel};
use attain::model::Tier;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

mod common;
use common::ui::*;

#[test]
fn membership_upgrades_and_sets_auto_renew() {
    let mut h = harness(app());
    click(&mut h, "Membership");
    assert!(
        h.query_by_label_contains("25 % Silver-to-Gold discount")
            .is_some()
    );
    h.get_by_label_contains("Upgrade to Gold").click();
    h.run();
    // A purchase is asked first, with its price as the locale writes it; nothing yet.
    assert!(h.query_by_label("Buy Gold?").is_some());
    assert!(h.query_by_label("Price: US$ 3,547.50.").is_some());
    assert_eq!(
        h.state().org.membership.as_ref().unwrap().tier,
        Tier::Silver
    );
    h.get_by_label("Record the purchase").click();
    h.run();
    let app = h.state();
    assert_eq!(app.org.membership.as_ref().unwrap().tier, Tier::Gold);
    let stored = app.store.load_org(app.org_id).unwrap();
    assert_eq!(stored.membership.unwrap().tier, Tier::Gold);
    click(&mut h, "Auto-renew");
    assert!(h.state().org.membership.as_ref().unwrap().auto_renew);
    // Both are undoable, last first.
    h.state_mut().run(Command::Undo);
    h.state_mut().run(Command::Undo);
    h.run();
    let m = h.state().org.membership.clone().unwrap();
    assert_eq!((m.tier, m.auto_renew), (Tier::Silver, false));
}

#[test]
fn an_override_without_an_end_gets_the_three_month_default() {
    let mut h = harness(app());
    click(&mut h, "Membership");
    let before = h.state().org.overrides.len();
    type_into(&mut h, "Reason", "Exam passed, not yet in the portal");
    type_into(&mut h, "Set by", "Partner support");
    click(&mut h, "Add override");
    let app = h.state();
    assert_eq!(app.org.overrides.len(), before + 1);
    let o = app.org.overrides.last().unwrap();
    assert_eq!(o.ends_on, None, "the default applies");
    assert_eq!(
        attain::model::edit::default_override_end(&app.org, o.starts_on).to_string(),
        "2027-02-25"
    );
    assert!(
        h.query_all_by_label_contains("11/25/2026 – 02/25/2027")
            .count()
            >= 1
    );
}

#[test]
fn deleting_an_organisation_asks_first() {
    let mut h = harness(app());
    click(&mut h, "Organisations");
    // The new organisation's Name field is the last one.
    type_into(&mut h, "Name", "Da cancellare S.r.l.");
    click(&mut h, "Create");
    assert_eq!(h.state().org.name, "Da cancellare S.r.l.");
    let orgs = h.state().orgs.len();
    // One delete button (✖, "Delete organisation" on hover) per organisation.
    assert_eq!(h.get_all_by_label("✖").count(), orgs);
    // The switcher lists by name, one delete button per line.
    let index = h
        .state()
        .orgs
        .iter()
        .position(|o| o.name == "Da cancellare S.r.l.")
        .unwrap();
    h.get_all_by_label("✖").nth(index).unwrap().click();
    h.run();
    assert!(h.query_by_label("Delete Da cancellare S.r.l.?").is_some());
    assert_eq!(h.state().orgs.len(), orgs, "nothing before the yes");
    click(&mut h, "Cancel");
    assert_eq!(h.state().orgs.len(), orgs);
    h.get_all_by_label("✖").nth(index).unwrap().click();
    h.run();
    h.get_by_label("Delete organisation").click();
    h.run();
    assert_eq!(h.state().orgs.len(), orgs - 1);
    assert!(
        h.state()
            .orgs
            .iter()
            .all(|o| o.name != "Da cancellare S.r.l.")
    );
}

#[test]
fn the_employees_table_sorts_and_filters() {
    let mut h = harness(app());
    // The ids of the rows as the table has them, first to last.
    let shown = |h: &mut Harness<'_, AttainApp>| -> Vec<String> {
        let app = h.state_mut();
        let org = app.org.clone();
        let generation = app.generation;
        let rows = app.views.employees.rows(&org, generation).to_vec();
        rows.iter().map(|i| org.employees[*i].id.clone()).collect()
    };
    let leaver = h
        .state()
        .org
        .employees
        .iter()
        .find(|e| e.left_on.is_some())
        .unwrap()
        .id
        .clone();
    // Sort by status: the people who count first, the leaver last.
    click(&mut h, "Status");
    let rows = shown(&mut h);
    assert_eq!(rows.last(), Some(&leaver));
    assert!(h.query_by_label(&leaver).is_none(), "off screen: not drawn");
    // Descending on a second click: the leaver comes first, and is drawn.
    click(&mut h, "Status ↑");
    assert_eq!(shown(&mut h).first(), Some(&leaver));
    assert!(h.query_by_label(&leaver).is_some());
    // Ctrl+F puts the cursor in the filter, which keeps only the matches.
    h.state_mut().panel = Panel::Timeline;
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert_eq!(h.state().panel, Panel::Employees);
    h.get_by_role_and_label(Role::TextInput, "Find")
        .type_text("bianchi");
    h.run();
    assert_eq!(shown(&mut h), ["niccolo.bianchi"]);
    assert!(h.query_by_label("niccolo.bianchi").is_some());
    assert!(h.query_by_label("anna.rossi").is_none());
}

#[test]
fn an_alert_links_to_its_person_and_competency() {
    let mut h = harness(app());
    // The association-pending alert names Giulia Esposito (by name) and the competencies she
    // would add; the alerts are drawn before the Employees table, whose rows name her too.
    h.get_all_by_label("Giulia Esposito")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().panel, Panel::Achievements);
    assert_eq!(
        h.state().views.achievements.employee.as_deref(),
        Some("giulia.esposito")
    );
    // The competencies she would add do not fit the panel's width beside her name: they are
    // behind her row's "+3 more", the first alert's that has one.
    more_button(&h).click();
    h.run();
    h.get_by_label("Application Integration").click();
    h.run();
    assert_eq!(h.state().panel, Panel::Competencies);
}

/// The first alert's "+N more" button, and its N.
fn more_button<'t>(
    h: &'t egui_kittest::Harness<'_, attain::app::AttainApp>,
) -> egui_kittest::Node<'t> {
    h.get_all_by_role(Role::Button)
        .find(is_more)
        .expect("a +N more button")
}

/// Every competency of the catalog, by id, and the shown report changed by `change` (as a
/// large organisation's would be).
fn every_competency_in_report(
    h: &mut Harness<'_, AttainApp>,
    change: impl FnOnce(&mut attain::eval::report::Report, &[String]),
) -> Vec<String> {
    let ids: Vec<String> = h
        .state()
        .catalog
        .competencies
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let eval = &mut h.state_mut().eval;
    let mut report = (**eval.report.as_ref().unwrap()).clone();
    change(&mut report, &ids);
    eval.report = Some(std::sync::Arc::new(report));
    ids
}

#[test]
fn an_alert_naming_many_competencies_keeps_its_row_and_puts_the_rest_in_a_menu() {
    let mut h = harness(app());
    // An alert naming every competency, as a large organisation's risk alerts do.
    let ids = every_competency_in_report(&mut h, |report, ids| {
        let mut alert = attain::eval::report::Alert::new(
            attain::eval::report::AlertCode::CredentialExpiring,
            ids.iter().map(|c| c.as_str().into()).collect(),
        );
        alert.message = "Many competencies".into();
        report.alerts.insert(0, alert);
    });
    let last = ids.last().unwrap().clone();
    let last_name = h.state().catalog.competency_name(&last).to_string();
    let first_name = h.state().catalog.competency_name(&ids[0]).to_string();
    h.run();
    // The first names are links on the row; the rest wait behind "+N more".
    assert!(h.query_by_label(&first_name).is_some());
    assert!(h.query_by_label(&last_name).is_none());
    let more = more_button(&h);
    use egui_kittest::kittest::NodeT as _;
    let hidden: usize = more.accesskit_node().label().unwrap()[1..]
        .trim_end_matches(" more")
        .parse()
        .unwrap();
    assert!(
        hidden > 0 && hidden < ids.len(),
        "{hidden} of {}",
        ids.len()
    );
    more.click();
    h.run();
    h.get_by_label(&last_name).click();
    // The frame that takes the click asks to open that competency; the next one opens it.
    h.step();
    assert_eq!(
        h.state().views.competencies.open.as_deref(),
        Some(last.as_str())
    );
    h.run();
    assert_eq!(h.state().panel, Panel::Competencies);
}

/// A "+N more" button.
fn is_more(n: &egui_kittest::Node<'_>) -> bool {
    use egui_kittest::kittest::NodeT as _;
    n.accesskit_node().label().is_some_and(|l| {
        l.strip_prefix('+')
            .and_then(|l| l.strip_suffix(" more"))
            .is_some_and(|n| n.parse::<usize>().is_ok())
    })
}

#[test]
fn the_renewal_banner_keeps_its_plan_in_view_and_puts_the_rest_in_a_menu() {
    let mut h = harness(app());
    // The demo's renewal at risk, naming every competency instead of one.
    let ids = every_competency_in_report(&mut h, |report, ids| {
        let risk = report
            .alerts
            .iter_mut()
            .find(|a| a.code == attain::eval::report::AlertCode::RenewalAtRisk)
            .unwrap();
        risk.competencies = ids.iter().map(|c| c.as_str().into()).collect();
    });
    let last = ids.last().unwrap().clone();
    let last_name = h.state().catalog.competency_name(&last).to_string();
    h.run();
    // The next step stays on the line, inside the window.
    let plan = h.get_by_label("What would fix it").rect();
    assert!(plan.max.x <= 1400.0, "{plan:?}");
    // The banner's own "+N more", on the plan's line and before it, holds the rest.
    let more = h
        .get_all_by_role(Role::Button)
        .find(|n| is_more(n) && (n.rect().center().y - plan.center().y).abs() < 4.0)
        .expect("a +N more button on the banner");
    assert!(more.rect().max.x <= plan.min.x, "{:?}", more.rect());
    more.click();
    h.run();
    h.get_all_by_label(&last_name).last().unwrap().click();
    h.step();
    assert_eq!(
        h.state().views.competencies.open.as_deref(),
        Some(last.as_str())
    );
}

#[test]
fn the_import_history_shows_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.attain");
    let users = dir.path().join("users.csv");
    std::fs::write(
        &users,
        "User Name,First Name,Last Name,Display Name\r\nnuovo@contoso.it,Nuovo,Utente,Nuovo Utente\r\n",
    )
    .unwrap();
    {
        // A workspace whose organisation has one import behind it.
        let mut store = attain::store::Store::open(&db).unwrap();
        let catalog = attain::io::catalog_file::default_catalog();
        let mut org = attain::io::demo::demo_org(&catalog).unwrap();
        let id = store.insert_org(&org).unwrap();
        let check = attain::io::users::check_users(&std::fs::read(&users).unwrap());
        store
            .import_users(
                id,
                &mut org,
                &check.valid,
                &check.source("users.csv", "x"),
                &attain::io::accounts::temporary_passwords,
                &mut |_, _| true,
            )
            .unwrap();
    }
    let app = attain::app::AttainApp::new(attain::store::Store::open(&db).unwrap()).unwrap();
    assert_eq!(app.import_history.len(), 1, "read when the window opens");
    assert_eq!(app.import_history[0].file_name, "users.csv");
}

#[test]
fn the_users_preview_shows_a_rename_old_to_new() {
    let mut h = harness(app());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rename.csv");
    std::fs::write(
        &file,
        "First name,Last name,Display name,Email\r\nAnna,Rossi,\"Rossi, Anna\",anna.rossi@contoso.it\r\n",
    )
    .unwrap();
    h.state_mut()
        .commands
        .push(Command::PreviewImport(file.clone()));
    h.run();
    assert!(
        h.query_by_label("1 rows: 0 new, 1 updates of existing people, 0 unchanged, 0 with errors")
            .is_some()
    );
    assert!(
        h.query_by_label("Display name: Anna Rossi → Rossi, Anna")
            .is_some(),
        "the change is shown before it is made"
    );
    let name = |h: &egui_kittest::Harness<'_, attain::app::AttainApp>| {
        let app = h.state();
        let e = app
            .org
            .employees
            .iter()
            .find(|e| e.id == "anna.rossi")
            .unwrap();
        let stored = app.store.load_org(app.org_id).unwrap();
        let s = stored
            .employees
            .iter()
            .find(|e| e.id == "anna.rossi")
            .unwrap();
        assert_eq!(e.display_name, s.display_name, "window and file agree");
        e.display_name.clone()
    };
    // Unticked, the person is left as they are.
    h.get_by_label("update").click();
    h.run();
    assert!(
        h.query_by_label_contains("(1 of 1 left as they are)")
            .is_some()
    );
    h.get_by_label("Import 0 valid rows").click();
    h.run();
    assert_eq!(name(&h), "Anna Rossi");
    assert!(
        h.state().undo.is_empty(),
        "nothing changed, nothing to undo"
    );
    // Ticked, the name changes; one Undo puts it back and says what it took back.
    h.state_mut().commands.push(Command::DismissImport);
    h.state_mut().commands.push(Command::PreviewImport(file));
    h.run();
    h.get_by_label("Import 1 valid rows").click();
    h.run();
    assert_eq!(name(&h), "Rossi, Anna");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(name(&h), "Anna Rossi");
    assert_eq!(
        h.state().notice.as_ref().unwrap().text,
        "Undone: users import (rename.csv)"
    );
}

#[test]
fn the_dashboard_shows_each_competency_with_bars_and_opens_its_detail() {
    let mut h = harness(app());
    click(&mut h, "Competency paths");
    // A row per competency with its computed level, bars with "x of y", a status.
    let report = h.state().eval.report.clone().unwrap();
    let rows = h.query_all_by_label("computed").count();
    assert_eq!(rows, report.competencies.len());
    assert!(h.query_all_by_label_contains(" people").count() >= 1);
    assert!(h.query_all_by_label_contains(" of ").count() >= report.competencies.len());
    // What needs attention first: the first row is at risk or missing something.
    let attention = h.query_all_by_label_contains(" missing").count()
        + h.query_all_by_label_contains("at risk from").count();
    assert!(attention >= 1);
    // Application Integration has its two people but a condition of the step unmet.
    assert!(
        h.query_by_label_contains("2 of 2 people, a condition still unmet")
            .is_some()
    );
    click(&mut h, "Needs attention");
    let shown = h.query_all_by_label("computed").count();
    assert!(shown < rows && shown >= 1, "{shown} of {rows}");
    click(&mut h, "Met");
    assert_eq!(h.query_all_by_label("computed").count(), rows - shown);
    // A click on a competency opens today's detail, with its people by name.
    click(&mut h, "All");
    // Met, it sorts last: scrolled into view first.
    h.get_by_label("Collaboration and Content").scroll_to_me();
    h.run();
    h.get_by_label("Collaboration and Content").click();
    h.run();
    assert!(h.query_by_label("← All competencies").is_some());
    assert!(
        h.query_all_by_label("Bruno Neri").count() >= 1,
        "people by name"
    );
    click(&mut h, "← All competencies");
    assert_eq!(h.query_all_by_label("computed").count(), rows);
}

#[test]
fn upgrading_asks_first_with_the_price_in_the_locale() {
    let mut h = harness(app());
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::It));
    h.run();
    click(&mut h, "Appartenenza");
    h.get_by_label_contains("Passa a Gold").click();
    h.run();
    assert!(h.query_by_label("Prezzo: 3.547,50 US$.").is_some());
    click(&mut h, "Annulla");
    assert_eq!(
        h.state().org.membership.as_ref().unwrap().tier,
        Tier::Silver
    );
}

#[test]
fn the_timeline_says_why_each_level_changes_in_the_window_language() {
    let mut h = harness(app());
    click(&mut h, "Timeline");
    assert!(
        h.query_by_label("— because the override of Data Analytics ends")
            .is_some()
    );
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::It));
    h.run();
    assert!(
        h.query_by_label("— perché termina l'eccezione su Data Analytics")
            .is_some()
    );
    // People by name: a credential that stops counting names its holder, not an id.
    let events = &h.state().eval.timeline.as_ref().unwrap().events;
    assert!(!events.is_empty());
    assert!(h.query_all_by_label_contains("giulia.esposito").count() == 0);
}

#[test]
fn an_organisation_without_membership_says_so_and_links_to_membership() {
    let mut h = harness(app());
    assert!(h.query_by_label("No membership recorded.").is_none());
    click(&mut h, "Organisations");
    type_into(&mut h, "Name", "Fabrikam S.p.A.");
    click(&mut h, "Create");
    assert_eq!(h.state().org.name, "Fabrikam S.p.A.");
    // Not "Membership: none, none": what is missing, and the panel to record it in.
    h.get_by_label("No membership recorded.");
    assert!(h.query_by_label_contains("none, none").is_none());
    click(&mut h, "Record it in Membership");
    assert_eq!(h.state().panel, Panel::Membership);
}

#[test]
fn a_panel_waiting_for_the_evaluation_says_what_it_does_or_why_it_failed() {
    let mut h = harness(app());
    click(&mut h, "Timeline");
    let people = h.state().org.employees.len();
    // As while 100,000 people are evaluated on a worker: the panel has nothing to draw yet.
    h.state_mut().eval.clear();
    h.step();
    h.get_by_label(&format!("Evaluating {people} people…"));
    // A failed evaluation says why (in the status bar and the panel) instead of spinning on.
    h.state_mut().eval.error = Some("The catalog cannot be read".into());
    h.step();
    assert!(
        h.query_by_label(&format!("Evaluating {people} people…"))
            .is_none()
    );
    assert_eq!(
        h.query_all_by_label("The catalog cannot be read").count(),
        2
    );
    h.state_mut().run(Command::SetLang(attain::i18n::Lang::It));
    h.state_mut().eval.clear();
    h.step();
    h.get_by_label(&format!("Valutazione di {people} persone in corso…"));
}

/// Holds a load of the organisation shown on a worker, as while a 100,000-person organisation
/// is read, until the sender is used or dropped ([`release_load`]).
fn hold_load(h: &mut Harness<'_, AttainApp>) -> std::sync::mpsc::Sender<()> {
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let (id, org) = (h.state().org_id, (*h.state().org).clone());
    let waker = h.state().waker.clone();
    h.state_mut()
        .loading
        .start_foreground("test-load", usize::MAX, &waker, move || {
            wait.recv().ok();
            (id, Ok(org))
        });
    h.step();
    release
}

/// Lets a held load finish and the window take its organisation.
fn release_load(h: &mut Harness<'_, AttainApp>, release: std::sync::mpsc::Sender<()>) {
    release.send(()).unwrap();
    h.state_mut().loading.wait();
    h.step();
    h.step();
}

#[test]
fn the_employees_panel_says_the_organisation_is_being_opened() {
    let mut h = harness(app());
    click(&mut h, "Employees");
    h.get_by_label("Add employee");
    let release = hold_load(&mut h);
    // Not an empty table: what is going on, and no edit to try meanwhile.
    assert!(h.query_all_by_label("Opening the organisation…").count() >= 2);
    assert!(h.query_by_label("Add employee").is_none());
    release_load(&mut h, release);
    h.get_by_label("Add employee");
    assert!(h.query_by_label("Opening the organisation…").is_none());
}

#[test]
fn nothing_is_printed_or_imported_while_another_organisation_is_read() {
    use attain::app::imports::ImportState;
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness(app());
    let release = hold_load(&mut h);
    // The organisation in memory is not yet the one chosen: no summary of it goes out.
    assert!(h.get_by_label("Print…").accesskit_node().is_disabled());
    h.state_mut()
        .run(Command::Print(attain::app::printing::PrintCommand::Open));
    h.step();
    assert!(h.state().print.is_none());
    h.get_by_label("The organisation is still being read; try again in a moment.");
    // Nor is a file checked against it, to be imported into it.
    let export = common::fixture("trainings/trainings-sample.csv");
    h.state_mut()
        .run(Command::PreviewAchievements(export, "trainings"));
    h.step();
    assert!(matches!(h.state().import, ImportState::Idle));
    release_load(&mut h, release);
    assert!(!h.get_by_label("Print…").accesskit_node().is_disabled());
    click(&mut h, "Print…");
    assert!(h.state().print.is_some());
}
