//! Key-person risk: who alone would lower a level, and each competency's bus factor.

use super::widgets::{level_change_ui, on_request_ui};
use crate::app::forecast::ForecastCommand as F;
use crate::app::{Command, ViewCtx};
use crate::eval::risk::MAX_BUS_FACTOR_SEARCHED;

pub fn risk_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.heading(ctx.t("risk-title"));
    ui.label(ctx.t("risk-hint"));
    let labels = (&*ctx.t("risk-compute"), &*ctx.t("risk-computing"));
    let ask = Command::Forecast(F::Risk);
    let Some(risk) = on_request_ui(ui, &ctx.forecast.risk, labels, ask, cmds) else {
        return;
    };
    let name = |id| ctx.catalog.competency_name(id);
    ui.strong(ctx.t("risk-bus-factor"));
    egui::Grid::new("bus-factor").striped(true).show(ui, |ui| {
        for (comp, n) in &risk.bus_factor {
            ui.label(name(comp));
            ui.label(if *n > MAX_BUS_FACTOR_SEARCHED {
                ctx.tr.t(
                    "risk-more-than",
                    &[("n", MAX_BUS_FACTOR_SEARCHED.to_string())],
                )
            } else {
                n.to_string()
            });
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    designations_risk_ui(ctx, risk, ui, cmds);
    if risk.people.is_empty() {
        ui.label(ctx.t("risk-nobody"));
        return;
    }
    ui.strong(ctx.t("risk-people"));
    // Two headed columns; each lowered level on a line of its own, never squeezed.
    egui::Grid::new("key-people")
        .striped(true)
        .num_columns(2)
        .min_col_width(180.0)
        .show(ui, |ui| {
            ui.strong(ctx.t("risk-col-person"));
            ui.strong(ctx.t("risk-col-lowers"));
            ui.end_row();
            for p in &risk.people {
                let person = super::widgets::person_name(ctx, &p.employee);
                if ui.link(person).on_hover_text(&p.employee).clicked() {
                    cmds.push(Command::OpenEmployee(p.employee.clone()));
                }
                ui.vertical(|ui| {
                    for d in &p.competencies {
                        level_change_ui(ctx, ui, &d.id, d.from, d.to);
                    }
                });
                ui.end_row();
            }
        });
}

/// The people whose departure alone stops a designation qualifying.
fn designations_risk_ui(
    ctx: &ViewCtx,
    risk: &crate::eval::risk::Risk,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    if risk.designations.is_empty() {
        return;
    }
    ui.strong(ctx.t("risk-designations"));
    egui::Grid::new("key-people-designations")
        .striped(true)
        .num_columns(2)
        .min_col_width(180.0)
        .show(ui, |ui| {
            for r in &risk.designations {
                let person = super::widgets::person_name(ctx, &r.employee);
                if ui.link(person).on_hover_text(&r.employee).clicked() {
                    cmds.push(Command::OpenEmployee(r.employee.clone()));
                }
                ui.label(ctx.tr.t(
                    "risk-designation-drop",
                    &[
                        (
                            "designation",
                            super::widgets::designation_name(ctx, &r.designation),
                        ),
                        ("total", ctx.tr.number(r.total_without)),
                    ],
                ));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
}
