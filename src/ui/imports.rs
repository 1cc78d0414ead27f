//! Imports: the preview of a bulk user file (every row with its status), the import with
//! progress and cancel, the credentials log to save, and the import history.

use super::widgets::{AMBER, GREEN, RED, credential_picker};
use crate::app::imports::{
    AchievementsPreview, Finished, ImportState, Preview, RowStatus, Running,
};
use crate::app::{Command, ViewCtx};
use crate::i18n::Wording as _;
use egui_extras::{Column, TableBuilder};

pub fn imports_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.heading(ctx.t("panel-imports"));
    match ctx.import {
        ImportState::Idle => idle_ui(ctx, ui, cmds),
        ImportState::Checking(c) => {
            ui.label(
                ctx.tr
                    .t("import-checking", &[("file", c.path.display().to_string())]),
            );
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(c.reading.fraction())
                        .show_percentage()
                        .desired_width(320.0),
                );
                if ui.button(ctx.t("button-cancel")).clicked() {
                    cmds.push(Command::CancelImport);
                }
            });
        }
        ImportState::Preview(p) => preview_ui(ctx, ui, p, cmds),
        ImportState::Running(p, r) => running_ui(ctx, ui, p, r, cmds),
        ImportState::Finished(f) => finished_ui(ctx, ui, f, cmds),
        ImportState::Achievements(p) => achievements_ui(ctx, ui, p, cmds),
        ImportState::WritingAchievements(w) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(ctx.tr.t("import-running", &[("file", w.file.clone())]));
            });
        }
    }
}

/// The diff a Trainings or Credly file would make, to confirm or cancel.
fn achievements_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    p: &AchievementsPreview,
    cmds: &mut Vec<Command>,
) {
    let (c, d) = (&p.check, &p.plan.diff);
    ui.strong(p.path.display().to_string());
    if let Some(e) = &c.file_error {
        rejected_ui(ctx, ui, &ctx.tr.problem(e), cmds);
        return;
    }
    ui.label(ctx.tr.t(
        "import-achievements-summary",
        &[
            ("rows", c.data_rows.to_string()),
            ("people", c.individuals.len().to_string()),
            ("found", c.found.len().to_string()),
            ("skipped", c.skipped.to_string()),
            ("unmapped", c.unmapped.len().to_string()),
            ("errors", c.errors.len().to_string()),
        ],
    ));
    for w in &c.warnings {
        ui.colored_label(AMBER, format!("{}: {}", w.line, ctx.tr.problem(w)));
    }
    ui.horizontal(|ui| {
        let label = ctx.tr.t(
            "import-achievements-confirm",
            &[
                ("new", d.new_achievements.len().to_string()),
                ("renewed", d.renewed.len().to_string()),
                ("people", d.new_people.len().to_string()),
            ],
        );
        if ui
            .add_enabled(!d.is_empty(), egui::Button::new(label))
            .clicked()
        {
            cmds.push(Command::ConfirmAchievements);
        }
        if ui.button(ctx.t("button-cancel")).clicked() {
            cmds.push(Command::CancelImport);
        }
    });
    // Nothing new because it is all there already, or because no row names a credential of
    // the catalog (a Credly file's templates not mapped yet): not "imported already".
    if d.is_empty() {
        let why = match (c.found.is_empty(), p.kind) {
            (false, _) => "import-nothing-new",
            (true, "credly") => "import-nothing-mapped",
            (true, _) => "import-nothing-found",
        };
        ui.weak(ctx.t(why));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (title, changes) in [
            ("import-diff-new", &d.new_achievements),
            ("import-diff-renewed", &d.renewed),
        ] {
            let lines = changes.iter().map(|c| {
                let day = ctx.tr.date(c.passed_on.day());
                let name = p.names.get(&c.employee).unwrap_or(&c.employee);
                let id = c.credential.as_str();
                match ctx.catalog.credential_title(id) {
                    title if title == id => format!("{name}: {id} ({day})"),
                    title => format!("{name}: {id} {title} ({day})"),
                }
            });
            list_ui(ctx, ui, ctx.t(title), changes.len(), lines);
        }
        for (title, people) in [
            ("import-diff-people", &d.new_people),
            ("import-diff-gone", &d.no_longer_present),
        ] {
            // The id too: two people of an export may share a name.
            let lines = people.iter().map(|id| match p.names.get(id) {
                Some(name) if name != id => format!("{name} ({id})"),
                _ => id.clone(),
            });
            list_ui(ctx, ui, ctx.t(title), people.len(), lines);
        }
        // Each title once, with how many rows carry it and their first lines.
        let titles = p.unmapped_titles.iter().map(|(title, lines)| {
            ctx.tr.t(
                "import-unmapped-title",
                &[
                    ("title", title.clone()),
                    ("count", lines.len().to_string()),
                    ("lines", crate::io::trainings::first_lines(lines)),
                ],
            )
        });
        list_ui(
            ctx,
            ui,
            ctx.t("import-diff-unmapped"),
            p.unmapped_titles.len(),
            titles,
        );
        let errors = c
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.line, ctx.tr.problem(e)));
        list_ui(ctx, ui, ctx.t("import-diff-errors"), c.errors.len(), errors);
        if p.kind == "credly" {
            credly_mapping_ui(ctx, ui, &p.unmapped_titles, cmds);
        }
    });
}

/// At most this many items of a list are shown.
const LIST_SHOWN: usize = 500;

/// A collapsible list of `count` items, open at first when short. The items are made only
/// while it is open, and only those shown: a 100,000-row export's lists, formatted whole every
/// frame, took the UI thread half of its time.
fn list_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    title: String,
    count: usize,
    items: impl Iterator<Item = String>,
) {
    if count == 0 {
        return;
    }
    egui::CollapsingHeader::new(format!("{title} ({count})"))
        .default_open(count <= 20)
        .show(ui, |ui| {
            for i in items.take(LIST_SHOWN) {
                ui.label(i);
            }
            if count > LIST_SHOWN {
                let more = (count - LIST_SHOWN).to_string();
                ui.weak(ctx.tr.t("list-more", &[("count", more)]));
            }
        });
}

/// Unmapped Credly templates: the credential each stands for, picked from the catalog (the
/// mapping takes the catalog's credentials, as `attain import credly --map` does).
fn credly_mapping_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    unmapped: &[(String, Vec<usize>)],
    cmds: &mut Vec<Command>,
) {
    for t in unmapped.iter().map(|(t, _)| t.as_str()) {
        ui.horizontal(|ui| {
            let key = ui.make_persistent_id(("credly_map", t));
            let (mut credential, mut query): (String, String) =
                ui.data_mut(|d| d.get_temp(key)).unwrap_or_default();
            let label = ctx
                .tr
                .t("import-credly-map", &[("template", t.to_string())]);
            credential_picker(ctx, ui, &label, (&mut credential, &mut query), false);
            let map = egui::Button::new(ctx.t("import-credly-map-button"));
            if ui.add_enabled(!credential.is_empty(), map).clicked() {
                cmds.push(Command::MapCredly {
                    template: t.to_string(),
                    credential: credential.clone(),
                });
            }
            ui.data_mut(|d| d.insert_temp(key, (credential, query)));
        });
    }
}

fn idle_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui
            .button(ctx.t("import-users-button"))
            .on_hover_text("Ctrl+I")
            .clicked()
        {
            cmds.push(Command::ImportUsersDialog);
        }
        if ui.button(ctx.t("import-trainings-button")).clicked() {
            cmds.push(Command::ImportAchievementsDialog("trainings"));
        }
        if ui.button(ctx.t("import-credly-button")).clicked() {
            cmds.push(Command::ImportAchievementsDialog("credly"));
        }
        ui.weak(ctx.t("import-drop-hint"));
    });
    ui.separator();
    history_ui(ctx, ui);
}

fn preview_ui(ctx: &ViewCtx, ui: &mut egui::Ui, p: &Preview, cmds: &mut Vec<Command>) {
    let c = &p.check;
    ui.strong(p.path.display().to_string());
    if let Some(e) = &c.file_error {
        rejected_ui(ctx, ui, &ctx.tr.file_error(e), cmds);
        return;
    }
    let new = c.valid.len() - p.updates.len() - p.unchanged;
    ui.label(ctx.tr.t(
        "import-summary",
        &[
            ("rows", c.data_rows.to_string()),
            ("new", new.to_string()),
            ("updates", p.updates.len().to_string()),
            ("unchanged", p.unchanged.to_string()),
            ("errors", c.errors.len().to_string()),
        ],
    ));
    for w in &c.warnings {
        ui.colored_label(AMBER, ctx.tr.warning(w));
    }
    let skipped = p.skipped_count();
    if !p.updates.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(ctx.tr.t(
                "import-updates-choice",
                &[
                    ("skipped", skipped.to_string()),
                    ("updates", p.updates.len().to_string()),
                ],
            ));
            if ui.button(ctx.t("import-apply-all")).clicked() {
                cmds.push(Command::SkipUpdate {
                    update: None,
                    skip: false,
                });
            }
            if ui.button(ctx.t("import-skip-all")).clicked() {
                cmds.push(Command::SkipUpdate {
                    update: None,
                    skip: true,
                });
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ctx.tr.t(
            "import-confirm",
            &[("count", (c.valid.len() - skipped).to_string())],
        );
        if ui
            .add_enabled(!c.valid.is_empty(), egui::Button::new(label))
            .clicked()
        {
            cmds.push(Command::ConfirmImport);
        }
        if ui.button(ctx.t("button-cancel")).clicked() {
            cmds.push(Command::CancelImport);
        }
    });
    ui.separator();
    // Valid rows and errors in file order, drawn only where visible.
    let (new_label, update_label, unchanged_label, error_label) = (
        ctx.t("import-status-new"),
        ctx.t("import-status-update"),
        ctx.t("import-status-unchanged"),
        ctx.t("import-status-refused"),
    );
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt("import_preview")
        .striped(true)
        .column(Column::exact(50.0))
        .column(Column::initial(160.0))
        .column(Column::initial(200.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(20.0, |mut h| {
            for k in [
                "import-col-line",
                "import-col-status",
                "employees-col-name",
                "import-col-detail",
            ] {
                h.col(|ui| {
                    ui.strong(ctx.t(k));
                });
            }
        })
        .body(|body| {
            body.rows(18.0, p.rows.len(), |mut row| {
                let row_index = row.index();
                let (line, status, i) = p.rows[row_index];
                let (status, color, name, detail) = match status {
                    RowStatus::New => (
                        new_label.as_str(),
                        GREEN,
                        c.valid[i].display_name.as_str(),
                        c.valid[i].email.clone(),
                    ),
                    // What changes, old → new: nothing is overwritten unseen.
                    RowStatus::Update(u) => (
                        update_label.as_str(),
                        AMBER,
                        c.valid[i].display_name.as_str(),
                        p.updates[u]
                            .changes
                            .iter()
                            .map(|ch| {
                                let field =
                                    ctx.t(&format!("import-field-{}", ch.field.replace('_', "-")));
                                format!("{field}: {} → {}", ch.from, ch.to)
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    RowStatus::Unchanged => (
                        unchanged_label.as_str(),
                        egui::Color32::GRAY,
                        c.valid[i].display_name.as_str(),
                        c.valid[i].email.clone(),
                    ),
                    // Refused, in words; the reason with the bad value beside it.
                    RowStatus::Error(e) => {
                        let e = &c.errors[e];
                        (
                            error_label.as_str(),
                            RED,
                            e.display_name.as_str(),
                            ctx.tr.row_error(e),
                        )
                    }
                };
                row.col(|ui| {
                    ui.label(line.to_string());
                });
                row.col(|ui| match p.rows[row_index].1 {
                    // Ticked: the row's names replace the person's; unticked: left as is.
                    RowStatus::Update(u) => {
                        let mut apply = !p.skipped[u];
                        let text = egui::RichText::new(status).color(color);
                        let tick = ui.checkbox(&mut apply, text);
                        if tick.on_hover_text(ctx.t("import-update-hint")).changed() {
                            cmds.push(Command::SkipUpdate {
                                update: Some(u),
                                skip: !apply,
                            });
                        }
                    }
                    _ => {
                        ui.colored_label(color, status);
                    }
                });
                row.col(|ui| {
                    ui.label(name);
                });
                row.col(|ui| {
                    ui.label(detail);
                });
            });
        });
}

/// A file rejected as a whole: why, and a way out.
fn rejected_ui(ctx: &ViewCtx, ui: &mut egui::Ui, reason: &str, cmds: &mut Vec<Command>) {
    ui.colored_label(
        RED,
        ctx.tr
            .t("import-rejected", &[("reason", reason.to_string())]),
    );
    if ui.button(ctx.t("button-close")).clicked() {
        cmds.push(Command::CancelImport);
    }
}

fn running_ui(ctx: &ViewCtx, ui: &mut egui::Ui, p: &Preview, r: &Running, cmds: &mut Vec<Command>) {
    ui.label(ctx.tr.t("import-running", &[("file", p.file_name())]));
    ui.add(
        egui::ProgressBar::new(r.fraction())
            .show_percentage()
            .animate(true),
    );
    if ui.button(ctx.t("button-cancel")).clicked() {
        cmds.push(Command::CancelImport);
    }
}

fn finished_ui(ctx: &ViewCtx, ui: &mut egui::Ui, f: &Finished, cmds: &mut Vec<Command>) {
    ui.colored_label(
        GREEN,
        ctx.tr.t(
            "import-done",
            &[
                ("created", f.counts.created.to_string()),
                ("updated", f.counts.updated.to_string()),
                ("unchanged", f.counts.unchanged.to_string()),
            ],
        ),
    );
    match &f.log_saved {
        Some(path) => {
            ui.label(
                ctx.tr
                    .t("import-log-saved", &[("file", path.display().to_string())]),
            );
        }
        None if f.counts.created > 0 => {
            ui.colored_label(AMBER, ctx.t("import-log-warning"));
        }
        None => {}
    }
    ui.horizontal(|ui| {
        if f.counts.created > 0 && ui.button(ctx.t("import-save-log")).clicked() {
            cmds.push(Command::SaveCredentialsLogDialog);
        }
        if ui.button(ctx.t("button-close")).clicked() {
            if f.counts.created > 0 && f.log_saved.is_none() {
                // The passwords exist nowhere else: closing forgets them.
                cmds.push(Command::Ask(Box::new(crate::app::edit::Confirm {
                    title: ctx.t("import-close-unsaved-title"),
                    body: vec![ctx.t("import-log-warning")],
                    yes: ctx.t("import-close-unsaved"),
                    command: Command::DismissImport,
                    other: None,
                })));
            } else {
                cmds.push(Command::DismissImport);
            }
        }
    });
    ui.separator();
    history_ui(ctx, ui);
}

fn history_ui(ctx: &ViewCtx, ui: &mut egui::Ui) {
    ui.strong(ctx.t("import-history"));
    let history = ctx.import_history;
    if history.is_empty() {
        ui.weak(ctx.t("import-history-empty"));
        return;
    }
    egui::Grid::new("import_history")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for k in [
                "import-col-when",
                "import-col-file",
                "import-col-rows",
                "import-col-created",
                "import-col-updated",
                "import-col-errors",
            ] {
                ui.strong(ctx.t(k));
            }
            ui.end_row();
            for h in history.iter().take(100) {
                // In the locale's date form, with the time (UTC, as the header says).
                let at = crate::model::Instant::parse(&h.at).map_or_else(
                    |_| h.at.clone(),
                    |t| format!("{} {}", ctx.tr.date(t.day()), t.0.format("%H:%M")),
                );
                ui.label(at).on_hover_text(h.at.as_str());
                ui.label(&h.file_name)
                    .on_hover_text(format!("SHA-256 {}", h.sha256));
                ui.label(h.rows.to_string());
                ui.label(h.created.to_string());
                ui.label(h.updated.to_string());
                ui.label(h.errors.to_string());
                // An import taken back stays listed, marked so.
                if let Some(at) = &h.undone_at {
                    ui.weak(ctx.t("import-undone")).on_hover_text(at.as_str());
                }
                ui.end_row();
            }
        });
}
