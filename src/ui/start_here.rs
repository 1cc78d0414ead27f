//! The first start: the organisation shown is the demo, and where to begin with one's own.

use crate::app::{Command, ViewCtx};

/// The first start: the organisation shown is a demo, and where to begin with one's own.
pub fn start_here_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(ctx.t("start-title"));
            ui.label(ctx.t("start-demo"));
            ui.horizontal_wrapped(|ui| {
                if ui.button(ctx.t("start-create")).clicked() {
                    cmds.push(Command::Show(crate::app::Panel::Organisations));
                }
                if ui.button(ctx.t("start-import")).clicked() {
                    cmds.push(Command::ImportUsersDialog);
                }
                if ui.button(ctx.t("start-load")).clicked() {
                    cmds.push(Command::LoadOrgDialog);
                }
                if ui.button(ctx.t("start-dismiss")).clicked() {
                    cmds.push(Command::DismissStartHere);
                }
            });
        });
}
