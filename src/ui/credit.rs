//! Certified but not credited: people whose listed credentials wait only for an association,
//! and what associating each would bring.

use super::widgets::{level_change_ui, on_request_ui};
use crate::app::forecast::ForecastCommand as F;
use crate::app::{Command, ViewCtx};

pub fn credit_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.heading(ctx.t("credit-title"));
    ui.label(ctx.t("credit-hint"));
    let labels = (&*ctx.t("credit-compute"), &*ctx.t("credit-computing"));
    let ask = Command::Forecast(F::Credit);
    let Some(people) = on_request_ui(ui, &ctx.forecast.credit, labels, ask, cmds) else {
        return;
    };
    if people.is_empty() {
        ui.label(ctx.t("credit-nobody"));
        return;
    }
    // Headed columns; credentials by title and each level gained on a line of its own, so no
    // column is squeezed into letters.
    egui::Grid::new("not-credited")
        .striped(true)
        .num_columns(4)
        .min_col_width(120.0)
        .show(ui, |ui| {
            for k in [
                "credit-col-person",
                "credit-col-why",
                "credit-col-credentials",
                "credit-col-adds",
            ] {
                ui.strong(ctx.t(k));
            }
            ui.end_row();
            for p in people {
                if super::widgets::person_link(ctx, ui, &p.employee).clicked() {
                    cmds.push(Command::OpenEmployee(p.employee.clone()));
                }
                ui.label(ctx.t(&format!("reason-{}", p.reason.replace('_', "-"))));
                ui.vertical(|ui| {
                    for c in &p.credentials {
                        ui.label(ctx.catalog.credential_title(c)).on_hover_text(c);
                    }
                });
                ui.vertical(|ui| {
                    if p.would_add.is_empty() {
                        ui.weak(ctx.t("credit-adds-nothing"));
                    }
                    for c in &p.would_add {
                        level_change_ui(ctx, ui, &c.competency, c.from, c.to);
                    }
                });
                ui.end_row();
            }
        });
}
