//! The forecasting panels through egui_kittest: the what-if sandbox and its apply, key
//! people, the plan, the reminders, and the timeline chart.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::forecast::ForecastCommand as F;
use attain::app::{Command, Panel};
use attain::eval::LevelName;
use attain::eval::plan::Action;
use egui_kittest::kittest::Queryable as _;

mod common;
use common::ui::*;

#[test]
fn the_sandbox_shows_a_leaver_then_applies_it_in_one_undoable_step() {
    let mut h = harness(app());
    click(&mut h, "What-if");
    // The person is chosen by name from a list, not typed as an id.
    pick(
        &mut h,
        "Employee",
        "bruno",
        "Bruno Neri — bruno.neri@contoso.it",
    );
    click(&mut h, "Add change");
    // Before and after, with the reason, and nothing saved yet.
    let w = h.state().forecast.whatif.result.clone().unwrap().unwrap();
    let c = w
        .changes
        .iter()
        .find(|c| c.competency == "collaboration-and-content")
        .unwrap();
    assert_eq!((c.from, c.to), (LevelName::Gold, LevelName::Silver));
    assert!(
        h.query_all_by_label("Bruno Neri leaves").count() >= 2,
        "by name"
    );
    let bruno = |h: &egui_kittest::Harness<'_, attain::app::AttainApp>| {
        h.state()
            .org
            .employees
            .iter()
            .find(|e| e.id == "bruno.neri")
            .unwrap()
            .left_on
    };
    assert_eq!(bruno(&h), None);
    assert_eq!(
        level(h.state(), "collaboration-and-content"),
        LevelName::Gold
    );

    click(&mut h, "Apply as real edits");
    assert!(bruno(&h).is_some());
    assert_eq!(
        level(h.state(), "collaboration-and-content"),
        LevelName::Silver
    );
    assert!(h.state().forecast.changes.is_empty());
    h.get_by_label("The changes were saved.");
    // One undo takes the whole sandbox back.
    h.state_mut().commands.push(Command::Undo);
    h.run();
    assert_eq!(bruno(&h), None);
    assert_eq!(
        level(h.state(), "collaboration-and-content"),
        LevelName::Gold
    );
}

#[test]
fn a_bad_change_is_explained_and_not_added() {
    let mut h = harness(app());
    click(&mut h, "What-if");
    click(&mut h, "Add change");
    h.get_by_label("Employee is required.");
    assert!(h.state().forecast.changes.is_empty());
    pick(
        &mut h,
        "Employee",
        "Neri",
        "Bruno Neri — bruno.neri@contoso.it",
    );
    type_into(&mut h, "Date (optional)", "31/31/2027");
    click(&mut h, "Add change");
    h.get_by_label("31/31/2027 is not a date.");
    assert!(h.state().forecast.changes.is_empty());
}

#[test]
fn key_people_are_listed_with_what_they_would_take() {
    let mut h = harness(app());
    click(&mut h, "What-if");
    click(&mut h, "Find key people");
    let risk = h.state().forecast.risk.result.clone().unwrap().unwrap();
    assert!(risk.people.iter().any(|p| p.employee == "bruno.neri"));
    // The person, by name, is a link to their achievements.
    h.get_all_by_label("Bruno Neri").last().unwrap().click();
    h.run();
    assert_eq!(h.state().panel, Panel::Achievements);
}

#[test]
fn the_plan_panel_lists_the_fewest_actions() {
    let mut h = harness(app());
    click(&mut h, "Plan");
    // The at-risk banner links DevOps too: the plan's button is the last of that name.
    h.get_all_by_label("DevOps").last().unwrap().click();
    h.run();
    let p = h.state().forecast.plan.result.clone().unwrap().unwrap();
    assert_eq!(p.competency, "devops");
    assert!(!p.met_already);
    assert_eq!(p.actions.len(), 1);
    let Action::Hire { credentials } = &p.actions[0] else {
        panic!("{:?}", p.actions)
    };
    // In words: the credentials by title.
    let titles: Vec<&str> = credentials
        .iter()
        .map(|c| h.state().catalog.credential_title(c))
        .collect();
    let hire = format!("Hire someone holding {}", titles.join(", "));
    h.get_by_label(&hire);
    h.get_by_label("One action, through DevOps Partner:");
    // Gold needs more; the plan follows the level chosen.
    click(&mut h, "Gold");
    let gold = h.state().forecast.plan.result.clone().unwrap().unwrap();
    assert_eq!(gold.level, LevelName::Gold);
    assert!(gold.actions.len() > 1);
}

#[test]
fn reminders_can_be_done_snoozed_and_exported() {
    let mut h = harness(app());
    click(&mut h, "Reminders");
    let first = "The override of Data Analytics ends on 12/31/2026";
    h.get_by_label(first);
    let done = h.query_all_by_label("Done").count();
    h.get_all_by_label("Done").next().unwrap().click();
    h.run();
    assert!(h.query_by_label(first).is_none());
    assert_eq!(h.query_all_by_label("Done").count(), done - 1);
    // Kept in the workspace.
    let key = format!("reminders.{}", h.state().org_id);
    let saved = h.state().store.setting(&key).unwrap().unwrap();
    assert!(saved.contains("override-data-analytics"), "{saved}");
    // Snoozed ones come back after the snooze.
    h.get_all_by_label("Snooze 7 days").next().unwrap().click();
    h.run();
    assert_eq!(h.query_all_by_label("Done").count(), done - 2);
    click(&mut h, "Show done and snoozed");
    assert_eq!(h.query_all_by_label("Reopen").count(), 2);
    click(&mut h, "Show done and snoozed");

    // The calendar file has the open reminders only, and parses.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contoso.ics");
    h.state_mut().commands.push(Command::Forecast(
        attain::app::forecast::ForecastCommand::ExportIcsTo(path.clone()),
    ));
    h.run();
    let ics = std::fs::read_to_string(&path).unwrap();
    let cal = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(cal.events.len(), done - 2);
    assert!(!ics.contains("override-data-analytics"));
}

#[test]
fn the_timeline_chart_lists_the_coming_changes() {
    let mut h = harness(app());
    click(&mut h, "Timeline");
    // The data-analytics override ends on 2026-12-31; the level falls back the next day.
    let change = h
        .query_all_by_label_contains("Data Analytics from")
        .next()
        .unwrap_or_else(|| panic!("no change of Data Analytics listed"));
    let text = format!("{change:?}");
    assert!(text.contains("01/01/2027"), "{text}");
    let tl = h.state().eval.timeline.clone().unwrap();
    assert!(tl.points.len() > 2);
}

#[test]
fn certified_but_not_credited_people_show_what_association_would_add() {
    let mut h = harness(app());
    click(&mut h, "What-if");
    click(&mut h, "Find them");
    let people = h.state().forecast.credit.result.clone().unwrap().unwrap();
    let giulia = people
        .iter()
        .find(|p| p.employee == "giulia.esposito")
        .unwrap();
    assert_eq!(giulia.reason, "not_associated");
    // By name, in the alerts and in the list.
    assert!(h.query_all_by_label("Giulia Esposito").count() >= 2);
    h.get_all_by_label("not associated").next().unwrap();
}

#[test]
fn plan_says_wait_for_a_person_already_associated_within_the_sync_delay() {
    use attain::model::{Achievement, Edit, Instant};
    let mut h = harness(app());
    // Application Integration's Silver wants TA-BizTalkIntegration of two people. Alessandro
    // (associated) passed it half a day before the window's instant: it counts once the
    // 24-hour sync has run, so the plan waits for him instead of asking an association.
    let passed = Instant::parse("2026-11-24T12:00:00Z").unwrap();
    h.state_mut().run(Command::Edit(Edit::AddAchievement {
        employee: "alessandro.ferri".into(),
        achievement: Achievement::new("TA-BizTalkIntegration", passed),
    }));
    h.run();
    click(&mut h, "Plan");
    h.state_mut().run(Command::Forecast(F::Plan(
        "application-integration".into(),
        LevelName::Silver,
    )));
    h.run();
    let p = h.state().forecast.plan.result.clone().unwrap().unwrap();
    assert!(
        p.actions.contains(&Action::Wait {
            employee: "alessandro.ferri".into(),
            until: Instant::parse("2026-11-25T12:00:00Z").unwrap(),
        }),
        "{:?}",
        p.actions
    );
    assert!(
        !p.actions.iter().any(|a| matches!(
            a,
            Action::Associate { employee } | Action::Pass { employee, .. }
                if employee == "alessandro.ferri"
        )),
        "{:?}",
        p.actions
    );
    // In words, by name, with the day he counts.
    assert!(
        h.query_by_label_contains(
            "Wait: Alessandro Ferri is associated and counts from 11/25/2026"
        )
        .is_some()
    );
}

#[test]
fn a_requirement_a_pending_sync_will_meet_says_so() {
    use attain::model::{Achievement, Edit, Instant};
    let mut h = harness(app());
    // Both people Application Integration's Silver wants passed its assessment half a day
    // before the window's instant: met once their sync has run, not before.
    let passed = Instant::parse("2026-11-24T12:00:00Z").unwrap();
    for who in ["alessandro.ferri", "elena.greco"] {
        h.state_mut().run(Command::Edit(Edit::AddAchievement {
            employee: who.into(),
            achievement: Achievement::new("TA-BizTalkIntegration", passed),
        }));
    }
    h.run();
    assert_eq!(level(h.state(), "application-integration"), LevelName::None);
    h.state_mut()
        .run(Command::OpenCompetency("application-integration".into()));
    h.run();
    assert!(
        // At the latest a sync delay after the window's instant.
        h.query_by_label("Met by 11/26/2026, once the pending 24-hour sync has run:")
            .is_some()
    );
}
