//! The Designations panel through egui_kittest: the demo's score cards, a designation's
//! people and history, and a month's figures typed in and scored.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::model::Day;
use egui_kittest::kittest::Queryable as _;

mod common;
use common::ui::*;

fn total(h: &egui_kittest::Harness<'_, attain::app::AttainApp>, id: &str) -> f64 {
    let r = h.state().eval.report.as_ref().unwrap();
    r.designations.iter().find(|d| d.id == id).unwrap().total
}

#[test]
fn the_demo_shows_a_score_card_per_designation_and_who_counts() {
    let mut h = harness(app());
    click(&mut h, "Designations");
    // One card per designation, with its total against the threshold and a bar per metric.
    for name in [
        "Solutions Partner for Infrastructure (Azure)",
        "Solutions Partner for Modern Work",
        "Solutions Partner for Security",
        "Solutions Partner for Business Applications",
    ] {
        assert!(h.query_by_label(name).is_some(), "{name}");
    }
    assert!(h.query_by_label("70 of 100 points (70 needed)").is_some());
    assert!(
        h.get_all_by_label_contains("Counting track: enterprise; SMB:")
            .next()
            .is_some()
    );
    assert!(
        h.get_all_by_label("8 / 20").next().is_some(),
        "intermediate bar"
    );
    assert!(
        h.query_by_label_contains("Missing: 3 more people with one of: AZ-700")
            .is_some()
    );
    // The detail names the people per step and the window month by month.
    let named = |h: &egui_kittest::Harness<'_, attain::app::AttainApp>, who: &str| {
        h.get_all_by_label(who).count()
    };
    let (anna, beatrice) = (named(&h, "Anna Rossi"), named(&h, "Beatrice Gallo"));
    h.get_all_by_label("Who counts, history and figures")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label("← All designations").is_some());
    // Anna and Beatrice hold AZ-104 (both gates' people): named in the steps as well now.
    assert!(named(&h, "Anna Rossi") > anna);
    assert!(named(&h, "Beatrice Gallo") > beatrice);
    assert!(h.query_by_label("2026-11").is_some(), "history month");
}

#[test]
fn the_figures_table_takes_a_month_and_rescores() {
    let mut h = harness(app());
    click(&mut h, "Designations");
    h.get_all_by_label("Who counts, history and figures")
        .next()
        .unwrap()
        .click();
    h.run();
    // As of 2026-11-25 the month edited is October, in force now.
    assert!(h.query_by_label("Month 2026-10").is_some());
    let before = total(&h, "infrastructure-azure");
    assert_eq!(before, 70.0);
    // Usage growth reaches its maximum with 20 % growth (18 % before); one net customer less.
    type_into(&mut h, "Azure consumed revenue (ACR)", "120,000");
    type_into(&mut h, "Net new Azure customers", "2");
    click(&mut h, "Save the figures for 2026-10");
    let app = h.state();
    let oct = Day::parse("2026-10-31").unwrap();
    let entered: Vec<_> = app
        .org
        .performance
        .iter()
        .filter(|p| p.period_end == oct && p.metric.starts_with("azure_"))
        .map(|p| (p.metric.as_str(), p.value))
        .collect();
    assert!(
        entered.contains(&("azure_acr_usd", 120000.0)),
        "{entered:?}"
    );
    assert!(entered.contains(&("azure_net_customer_adds", 2.0)));
    // Stored in the workspace, and scored: 20 + 8 + 4 + 20 + 10.
    let stored = app.store.load_org(app.org_id).unwrap();
    assert!(
        stored
            .performance
            .iter()
            .any(|p| p.metric == "azure_acr_usd" && p.value == 120000.0)
    );
    assert_eq!(total(&h, "infrastructure-azure"), 62.0);
    // Not a number: said, and nothing changes.
    type_into(&mut h, "Azure services deployed", "five");
    click(&mut h, "Save the figures for 2026-10");
    assert!(
        h.query_by_label_contains("\"five\" is not a number")
            .is_some()
    );
    assert_eq!(total(&h, "infrastructure-azure"), 62.0);
    // One undo takes the month's change back.
    h.state_mut().run(attain::app::Command::Undo);
    h.run();
    assert_eq!(total(&h, "infrastructure-azure"), before);
}

#[test]
fn the_plan_panel_plans_a_designation_by_name() {
    let mut h = harness(app());
    click(&mut h, "Plan");
    // A designation the demo does not qualify for, chosen by its name under the competencies.
    let d = {
        let r = h.state().eval.report.clone().unwrap();
        r.designations
            .iter()
            .find(|d| !d.qualified)
            .unwrap()
            .clone()
    };
    let name = d
        .name
        .trim_start_matches("Solutions Partner for ")
        .to_string();
    // The last: a designation alert may name it first.
    h.get_all_by_label(&name).last().unwrap().click();
    h.run();
    assert_eq!(
        h.state().forecast.spp_plan_request.as_deref(),
        Some(d.id.as_str())
    );
    let p = h.state().forecast.spp_plan.result.clone().unwrap().unwrap();
    assert!(p.feasible && !p.qualified_already && !p.actions.is_empty());
    assert!(p.total >= 70.0, "{}", p.total);
    // In words, with the count of actions and the track.
    let summary = format!("bring it to {} points on the", p.total);
    assert!(h.query_by_label_contains(&summary).is_some(), "{summary}");
    // A person's step opens that person.
    let who = p
        .actions
        .iter()
        .find_map(|a| match a {
            attain::eval::plan::Action::Pass { employee, .. } => Some(employee.clone()),
            _ => None,
        })
        .unwrap();
    h.get_all_by_label("Open").next().unwrap().click();
    h.run();
    // Their achievements, where the certification would be added (as the competency plan does).
    assert_eq!(h.state().panel, attain::app::Panel::Achievements);
    assert_eq!(
        h.state().views.achievements.employee.as_deref(),
        Some(who.as_str())
    );
}
