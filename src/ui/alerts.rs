//! The alerts list (codes of org-file.md); each alert links to its cause.

use super::widgets::{AMBER, RED};
use crate::app::{AttainApp, Command, Panel};
use crate::eval::report::{Alert, AlertCode};

pub fn alerts_panel_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(report) = app.eval.report.clone() else {
        return;
    };
    egui::Panel::right("alerts")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| {
            ui.heading(app.tr.t(
                "alerts-title",
                &[("count", report.alerts.len().to_string())],
            ));
            if report.alerts.is_empty() {
                ui.weak(app.t("alerts-none"));
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, a) in report.alerts.iter().enumerate() {
                    ui.push_id(i, |ui| alert_ui(app, ui, a, cmds));
                    ui.separator();
                }
            });
        });
}

fn alert_ui(app: &AttainApp, ui: &mut egui::Ui, a: &Alert, cmds: &mut Vec<Command>) {
    let color = match a.code {
        AlertCode::RenewalAtRisk | AlertCode::MembershipLapsed => RED,
        _ => AMBER,
    };
    ui.colored_label(
        color,
        app.t(&format!(
            "code-{}",
            a.code.message_id().trim_start_matches("alert-")
        )),
    );
    ui.label(&a.message);
    ui.horizontal_wrapped(|ui| {
        for e in a.employees.iter().flatten() {
            if ui.link(e.as_ref()).clicked() {
                cmds.push(Command::OpenEmployee(e.to_string()));
            }
        }
        for c in &a.competencies {
            if ui.link(c.as_ref()).clicked() {
                cmds.push(Command::OpenCompetency(c.to_string()));
            }
        }
        if matches!(
            a.code,
            AlertCode::RenewalWindowOpen
                | AlertCode::RenewalReminder
                | AlertCode::MembershipLapsed
                | AlertCode::OverrideEnding
        ) && ui.link(app.t("panel-membership")).clicked()
        {
            cmds.push(Command::Show(Panel::Membership));
        }
    });
}
