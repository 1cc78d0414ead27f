//! The bottom line: the last notice or error, and the evaluation instant.

use super::widgets::RED;
use crate::app::{Command, ViewCtx};

pub fn status_bar_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(n) = &ctx.notice {
                if n.error {
                    ui.colored_label(RED, &n.text);
                } else {
                    ui.label(&n.text);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text(ctx.t("status-dismiss"))
                    .clicked()
                {
                    cmds.push(Command::DismissNotice);
                }
            } else if let Some(e) = &ctx.eval.error {
                ui.colored_label(RED, e);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(r) = &ctx.eval.report {
                    // The evaluated instant in the locale's date form, with the UTC time.
                    let shown = crate::model::Instant::parse(&r.as_of).map_or_else(
                        |_| r.as_of.clone(),
                        |t| format!("{} {} UTC", ctx.tr.date(t.day()), t.0.format("%H:%M")),
                    );
                    ui.weak(format!("{} {shown}", ctx.t("text-as-of")))
                        .on_hover_text(&r.as_of);
                }
            });
        });
    });
}
