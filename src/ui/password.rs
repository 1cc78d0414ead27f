//! The temporary password of a new user account, shown once.

use crate::app::{Command, ViewCtx};

pub fn password_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some((upn, password)) = ctx.password.cloned() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("password")).show(ui.ctx(), |ui| {
        ui.heading(ctx.t("password-title"));
        ui.label(ctx.t("password-once"));
        egui::Grid::new("password_grid").show(ui, |ui| {
            ui.label(ctx.t("password-user"));
            ui.monospace(&upn);
            ui.end_row();
            ui.label(ctx.t("password-password"));
            ui.monospace(&password);
            ui.end_row();
        });
        ui.horizontal(|ui| {
            if ui.button(ctx.t("password-copy")).clicked() {
                ui.ctx().copy_text(format!("{upn}\t{password}"));
            }
            if ui.button(ctx.t("button-close")).clicked() {
                close = true;
            }
        });
    });
    if close {
        // The password exists nowhere else: closing forgets it.
        cmds.push(Command::ForgetPassword);
    }
}
