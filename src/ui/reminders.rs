//! Reminders: what to do before credentials stop counting, around the anniversary and
//! before overrides end; done, snooze, and export to a calendar.

use crate::app::forecast::{ForecastCommand as F, ReminderState};
use crate::app::{Command, ViewCtx};
use crate::i18n::Wording as _;
use crate::model::Day;
use std::sync::Arc;

/// Days a snooze hides a reminder for.
pub const SNOOZE_DAYS: u32 = 7;

#[derive(Default)]
pub struct RemindersView {
    pub show_all: bool,
    /// The rows shown and what they were computed from: recomputed only when the list, the
    /// states, the as-of day or the toggle change, never per frame.
    rows: Option<(RowsStamp, Arc<crate::app::forecast::Shown>)>,
}

type RowsStamp = (usize, u64, Day, bool);

pub fn reminders_ui(
    ctx: &ViewCtx,
    view: &mut RemindersView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-reminders"));
    let stages: Vec<String> = ctx
        .org
        .settings()
        .reminder_stages_days
        .iter()
        .map(u32::to_string)
        .collect();
    ui.label(ctx.tr.t("reminders-hint", &[("stages", stages.join(", "))]));
    ui.horizontal(|ui| {
        ui.checkbox(&mut view.show_all, ctx.tr.t("reminders-show-all", &[]));
        if ui.button(ctx.tr.t("reminders-export", &[])).clicked() {
            cmds.push(Command::Forecast(F::ExportIcsDialog));
        }
    });
    ui.separator();
    let Some(all) = ctx.eval.reminders.clone() else {
        super::widgets::evaluating_ui(ctx, ui);
        return;
    };
    let stamp = (
        Arc::as_ptr(&all) as usize,
        ctx.forecast.states_generation,
        ctx.now().day(),
        view.show_all,
    );
    let shown = match &view.rows {
        Some((s, rows)) if *s == stamp => rows.clone(),
        _ => {
            let rows = Arc::new(ctx.open_reminders(stamp.3));
            view.rows = Some((stamp, rows.clone()));
            rows
        }
    };
    let states = &ctx.forecast.reminder_states;
    if shown.is_empty() {
        ui.label(ctx.t("reminders-none"));
        return;
    }
    let tr = ctx.tr;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui_extras::TableBuilder::new(ui)
        .striped(true)
        .column(egui_extras::Column::auto().at_least(90.0))
        .column(egui_extras::Column::remainder().clip(true))
        .column(egui_extras::Column::auto().at_least(220.0))
        .header(row_h, |mut h| {
            h.col(|ui| {
                ui.strong(tr.t("reminders-due", &[]));
            });
            h.col(|ui| {
                ui.strong(tr.t("reminders-what", &[]));
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(row_h, shown.len(), |mut row| {
                let Some(r) = shown.get(row.index()).and_then(|i| all.get(i)) else {
                    return;
                };
                let key = r.key();
                row.col(|ui| {
                    ui.label(tr.date(r.due));
                });
                row.col(|ui| {
                    let person = |id: &str| super::widgets::person_name(ctx, id);
                    ui.label(tr.reminder(ctx.catalog, &person, &r));
                });
                row.col(|ui| {
                    ui.horizontal(|ui| match states.get(&key) {
                        Some(s) => {
                            ui.weak(match s {
                                ReminderState::Done => tr.t("reminders-done-state", &[]),
                                ReminderState::Snoozed(until) => tr.t(
                                    "reminders-snoozed-state",
                                    &[(
                                        "date",
                                        Day::parse(until).map_or(until.clone(), |d| tr.date(d)),
                                    )],
                                ),
                            });
                            if ui.small_button(tr.t("reminders-reopen", &[])).clicked() {
                                cmds.push(Command::Forecast(F::ReminderReset(key.clone())));
                            }
                        }
                        None => {
                            if ui.small_button(tr.t("reminders-done", &[])).clicked() {
                                cmds.push(Command::Forecast(F::ReminderDone(key.clone())));
                            }
                            let snooze =
                                tr.t("reminders-snooze", &[("days", SNOOZE_DAYS.to_string())]);
                            if ui.small_button(snooze).clicked() {
                                cmds.push(Command::Forecast(F::ReminderSnooze(
                                    key.clone(),
                                    SNOOZE_DAYS,
                                )));
                            }
                        }
                    });
                });
            });
        });
}
