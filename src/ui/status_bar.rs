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
                    // The evaluated instant in the locale's date form, with the UTC time.
                    let shown = crate::model::Instant::parse(&r.as_of).map_or_else(
                        |_| r.as_of.clone(),
                        |t| format!("{} {} UTC", app.tr.date(t.day()), t.0.format("%H:%M")),
                    );
                    ui.weak(format!("{} {shown}", app.t("text-as-of")))
                        .on_hover_text(&r.as_of);
                }
            });
        });
    });
}
