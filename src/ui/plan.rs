//! Plan: the fewest actions that bring a competency to Silver or Gold, existing people first,
//! or a Solutions Partner designation to its threshold.

use super::widgets::level_text;
use crate::app::forecast::ForecastCommand as F;
use crate::app::{Command, ViewCtx};
use crate::eval::LevelName;
use crate::eval::plan::Action;
use crate::i18n::Tr;
use crate::i18n::Wording as _;

#[derive(Default)]
pub struct PlanView {
    pub competency: Option<String>,
    pub gold: bool,
    /// A designation chosen instead of a competency.
    pub designation: Option<String>,
}

pub fn plan_ui(ctx: &ViewCtx, view: &mut PlanView, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.heading(ctx.t("panel-plan"));
    ui.label(ctx.t("plan-hint"));
    let tr = ctx.tr;
    let v = &mut *view;
    let before = (v.competency.clone(), v.gold);
    // A designation has no level to choose: its threshold is the catalog's.
    ui.add_enabled_ui(v.designation.is_none(), |ui| {
        ui.horizontal(|ui| {
            ui.label(tr.t("plan-target", &[]));
            ui.radio_value(&mut v.gold, false, tr.t("level-silver", &[]));
            ui.radio_value(&mut v.gold, true, tr.t("level-gold", &[]));
        });
    });
    ui.separator();
    let levels = ctx.eval.report.clone();
    ui.horizontal_top(|ui| {
        // The competencies, each with its level now: a click plans it.
        ui.vertical(|ui| {
            ui.set_max_width(320.0);
            egui::ScrollArea::vertical()
                .id_salt("plan-competencies")
                .max_width(300.0)
                .auto_shrink([true, false])
                .show(ui, |ui| {
                    designations_ui(ctx, v, levels.as_deref(), ui, cmds);
                    for c in &ctx.catalog.competencies {
                        let selected = v.designation.is_none()
                            && v.competency.as_deref() == Some(c.id.as_str());
                        ui.horizontal(|ui| {
                            if ui.selectable_label(selected, &c.name).clicked() {
                                v.competency = Some(c.id.clone());
                                v.designation = None;
                            }
                            if let Some(r) = &levels {
                                ui.label(level_text(tr, r.level(&c.id)));
                            }
                        });
                    }
                });
        });
        ui.separator();
        ui.vertical(|ui| {
            if v.designation.is_some() {
                super::designations::spp_plan_result_ui(ctx, ui, cmds);
                return;
            }
            let person = |id: &str| super::widgets::person_name(ctx, id);
            let shown = PlanShown {
                tr,
                catalog: ctx.catalog,
                forecast: ctx.forecast,
                person: &person,
            };
            result_ui(shown, ui, cmds)
        });
    });
    let v = &*view;
    if v.designation.is_none()
        && (v.competency.clone(), v.gold) != before
        && let Some(c) = &v.competency
    {
        let level = if v.gold {
            LevelName::Gold
        } else {
            LevelName::Silver
        };
        cmds.push(Command::Forecast(F::Plan(c.clone(), level)));
    }
}

/// The designations above the competencies (the programme partners run today), each with
/// its total now: a click plans it.
fn designations_ui(
    ctx: &ViewCtx,
    v: &mut PlanView,
    report: Option<&crate::eval::Report>,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    let Some(report) = report.filter(|r| !r.designations.is_empty()) else {
        return;
    };
    ui.add_space(8.0);
    let threshold = report.designations[0].threshold;
    ui.strong(ctx.tr.t(
        "plan-designations",
        &[("threshold", ctx.tr.number(threshold))],
    ));
    for d in &report.designations {
        let selected = v.designation.as_deref() == Some(d.id.as_str());
        ui.horizontal(|ui| {
            let name = super::widgets::designation_name(ctx, &d.id);
            if ui.selectable_label(selected, name).clicked() && !selected {
                v.designation = Some(d.id.clone());
                cmds.push(Command::Forecast(F::DesignationPlan(d.id.clone())));
            }
            ui.label(ctx.tr.t(
                "plan-designation-total",
                &[("total", ctx.tr.number(d.total))],
            ));
        });
    }
    ui.add_space(6.0);
    ui.strong(ctx.t("plan-competencies"));
}

/// What the result needs, borrowed apart from the view being edited.
struct PlanShown<'a> {
    tr: &'a Tr,
    catalog: &'a crate::model::Catalog,
    forecast: &'a crate::app::forecast::Forecast,
    /// A person's display name.
    person: &'a dyn Fn(&str) -> String,
}

fn result_ui(shown: PlanShown, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let tr = shown.tr;
    let job = &shown.forecast.plan;
    if job.busy() {
        super::widgets::spinner_ui(ui);
    }
    let Some(result) = &job.result else { return };
    let p = match result {
        Ok(p) => p,
        Err(e) => {
            ui.colored_label(super::widgets::RED, e);
            return;
        }
    };
    let comp = shown
        .catalog
        .competencies
        .iter()
        .find(|c| c.id == p.competency);
    let comp_name = comp.map_or(p.competency.clone(), |c| c.name.clone());
    ui.horizontal(|ui| {
        ui.strong(&comp_name);
        ui.label(level_text(tr, p.level));
        ui.weak(tr.date(p.as_of.day()));
    });
    if p.met_already {
        ui.label(tr.t("plan-met-already", &[]));
        return;
    }
    if !p.feasible {
        ui.colored_label(super::widgets::RED, tr.t("plan-infeasible", &[]));
        return;
    }
    let option = comp
        .and_then(|c| c.options.iter().find(|o| Some(&o.id) == p.option.as_ref()))
        .map_or(String::new(), |o| o.name.clone());
    ui.label(tr.t(
        "plan-summary",
        &[("count", p.actions.len().to_string()), ("option", option)],
    ));
    if let Some(l) = p.option_level
        && l > p.level
    {
        ui.weak(tr.t("plan-through-gold", &[]));
    }
    for (i, a) in p.actions.iter().enumerate() {
        action_row_ui(tr, i, a, &in_words(&shown, a), ui, cmds);
    }
}

/// One numbered step of a plan in words, with "Open" on a person's own steps.
pub fn action_row_ui(
    tr: &Tr,
    i: usize,
    a: &Action,
    words: &Action,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(format!("{}.", i + 1));
        ui.label(tr.action(words));
        if let Action::Associate { employee }
        | Action::Wait { employee, .. }
        | Action::Pass { employee, .. } = a
            && ui.small_button(tr.t("plan-open", &[])).clicked()
        {
            cmds.push(Command::OpenEmployee(employee.clone()));
        }
    });
}

/// The action with the person's display name and the credentials' titles (ids in the plan).
fn in_words(shown: &PlanShown, a: &Action) -> Action {
    action_in_words(shown.catalog, shown.person, a)
}

/// An action as the window words it: names, titles, and a designation figure's name.
pub fn action_in_words(
    catalog: &crate::model::Catalog,
    person: &dyn Fn(&str) -> String,
    a: &Action,
) -> Action {
    let name = |id: &String| person(id);
    let title = |id: &String| catalog.credential_title(id).to_string();
    match a {
        Action::Associate { employee } => Action::Associate {
            employee: name(employee),
        },
        Action::Wait { employee, until } => Action::Wait {
            employee: name(employee),
            until: *until,
        },
        Action::Pass {
            employee,
            credential,
            renewal,
        } => Action::Pass {
            employee: name(employee),
            credential: title(credential),
            renewal: *renewal,
        },
        Action::Hire { credentials } => Action::Hire {
            credentials: credentials.iter().map(title).collect(),
        },
        Action::Metric { metric, from, to } => Action::Metric {
            metric: catalog
                .designations
                .as_deref()
                .and_then(|d| d.figure(metric))
                .map_or_else(|| metric.clone(), |f| f.description.clone()),
            from: *from,
            to: *to,
        },
    }
}
