//! The bottom line: the last notice or error, and the evaluation instant.

use super::widgets::RED;
use crate::app::{AttainApp, Command};

pub fn status_bar_ui(app: &mut AttainApp, ui: &mut egui::Ui, _cmds: &mut Vec<Command>) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(n) = &app.notice {
                if n.error {
                    ui.colored_label(RED, &n.text);
                } else {
                    ui.label(&n.text);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text(app.t("status-dismiss"))
                    .clicked()
                {
                    app.notice = None;
                }
            } else if let Some(e) = &app.eval.error {
                ui.colored_label(RED, e);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(r) = &app.eval.report {
                    ui.weak(format!("{} {}", app.t("text-as-of"), r.as_of));
                }
            });
        });
    });
}
