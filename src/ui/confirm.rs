//! Confirmation before destructive actions; a leaver, a removal or a dissociation shows its
//! impact first, computed on a worker for a large organisation.

use crate::app::edit::Impact;
use crate::app::{Command, ViewCtx};

pub fn confirm_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(c) = ctx.confirm else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(&c.title);
        for line in &c.body {
            ui.label(line);
        }
        if ctx.impact.busy() {
            ui.horizontal(|ui| {
                super::widgets::spinner_ui(ui);
                ui.label(ctx.t("impact-computing"));
            });
        } else if let Some(impact) = &ctx.impact.result {
            for line in impact_lines(ctx, impact) {
                ui.label(line);
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(&c.yes).clicked() {
                // Closed first: the command may ask something of its own.
                cmds.push(Command::CloseConfirm);
                cmds.push(c.command.clone());
            }
            if let Some((label, command)) = &c.other
                && ui.button(label).clicked()
            {
                cmds.push(Command::CloseConfirm);
                cmds.push(command.clone());
            }
            if ui.button(ctx.t("button-cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                close = true;
            }
        });
    });
    if close {
        cmds.push(Command::CloseConfirm);
    }
}

/// The impact as lines for the confirmation.
fn impact_lines(ctx: &ViewCtx, impact: &Impact) -> Vec<String> {
    let lines: Vec<String> = impact
        .drops
        .iter()
        .filter_map(|(i, b, a)| {
            let c = ctx.catalog.competencies.get(*i)?;
            let mut args = vec![
                ("competency", c.name.clone()),
                ("from", ctx.tr.level(*b)),
                ("to", ctx.tr.level(*a)),
            ];
            Some(match impact.later {
                Some(t) => {
                    args.push(("date", ctx.tr.date(t.day())));
                    ctx.tr.t("impact-drop-on", &args)
                }
                None => ctx.tr.t("impact-drop", &args),
            })
        })
        .collect();
    if lines.is_empty() {
        vec![ctx.t("impact-none")]
    } else {
        lines
    }
}
