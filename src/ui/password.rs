//! The temporary password of a new user account, shown once.

use crate::app::AttainApp;

pub fn password_ui(app: &mut AttainApp, ui: &mut egui::Ui) {
    let Some((upn, password)) = app.view.password.clone() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("password")).show(ui.ctx(), |ui| {
        ui.heading(app.t("password-title"));
        ui.label(app.t("password-once"));
        egui::Grid::new("password_grid").show(ui, |ui| {
            ui.label(app.t("password-user"));
            ui.monospace(&upn);
            ui.end_row();
            ui.label(app.t("password-password"));
            ui.monospace(&password);
            ui.end_row();
        });
        ui.horizontal(|ui| {
            if ui.button(app.t("password-copy")).clicked() {
                ui.ctx().copy_text(format!("{upn}\t{password}"));
            }
            if ui.button(app.t("button-close")).clicked() {
                close = true;
            }
        });
    });
    if close {
        // The password exists nowhere else: closing forgets it.
        app.view.password = None;
    }
}
