//! The alerts list (codes of org-file.md); each alert links to its cause. Rows have one
//! height so that only the visible ones are drawn: a large organisation has thousands.

use super::widgets::{AMBER, RED};
use crate::app::{Command, Panel, ViewCtx};
use crate::eval::report::{Alert, AlertCode};

pub fn alerts_panel_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(report) = ctx.eval.report.clone() else {
        return;
    };
    egui::Panel::right("alerts")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| {
            ui.heading(ctx.tr.t(
                "alerts-title",
                &[("count", report.alerts.len().to_string())],
            ));
            if report.alerts.is_empty() {
                ui.weak(ctx.t("alerts-none"));
                return;
            }
            let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
            let row = 3.0 * line + ui.spacing().item_spacing.y;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row, report.alerts.len(), |ui, range| {
                    for i in range {
                        let size =
                            egui::vec2(ui.available_width(), row - ui.spacing().item_spacing.y);
                        ui.allocate_ui(size, |ui| {
                            ui.set_min_size(size);
                            ui.push_id(i, |ui| alert_ui(ctx, ui, &report.alerts[i], cmds));
                        });
                    }
                });
        });
}

fn alert_ui(ctx: &ViewCtx, ui: &mut egui::Ui, a: &Alert, cmds: &mut Vec<Command>) {
    let color = match a.code {
        AlertCode::RenewalAtRisk | AlertCode::MembershipLapsed => RED,
        _ => AMBER,
    };
    ui.colored_label(
        color,
        ctx.t(&format!(
            "code-{}",
            a.code.message_id().trim_start_matches("alert-")
        )),
    );
    // Cut to the panel; egui shows the whole message on hover then (once).
    ui.add(egui::Label::new(&a.message).truncate());
    ui.horizontal(|ui| {
        // People by name; the id on hover.
        for e in a.employees.iter().flatten() {
            if super::widgets::person_link(ctx, ui, e).clicked() {
                cmds.push(Command::OpenEmployee(e.to_string()));
            }
        }
        for c in &a.competencies {
            if ui.link(ctx.catalog.competency_name(c)).clicked() {
                cmds.push(Command::OpenCompetency(c.to_string()));
            }
        }
        for d in a.designations.iter().flatten() {
            if ui.link(super::widgets::designation_name(ctx, d)).clicked() {
                cmds.push(Command::OpenDesignation(d.to_string()));
            }
        }
        if a.code == AlertCode::DesignationCatalogStale
            && ui.link(ctx.t("panel-designations")).clicked()
        {
            cmds.push(Command::Show(Panel::Designations));
        }
        let membership = matches!(
            a.code,
            AlertCode::RenewalWindowOpen
                | AlertCode::RenewalReminder
                | AlertCode::MembershipLapsed
                | AlertCode::OverrideEnding
        );
        if membership && ui.link(ctx.t("panel-membership")).clicked() {
            cmds.push(Command::Show(Panel::Membership));
        }
    });
}
