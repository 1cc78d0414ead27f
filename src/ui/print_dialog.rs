//! The print dialog (Ctrl+P): what to print, the printer, copies, paper, language and
//! template; "Print" and "Save as PDF" render on a worker.

use crate::app::printing::Paper;
use crate::app::printing::{PrintCommand as P, Scope};
use crate::app::{Command, ViewCtx};
use crate::i18n::Lang;

pub fn print_dialog_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(dialog) = ctx.print else {
        return;
    };
    let (tr, catalog) = (ctx.tr, ctx.catalog);
    // The choices are edited on a copy; a change is sent as a command.
    let mut form = dialog.form.clone();
    let d = &mut form;
    let modal = egui::Modal::new(egui::Id::unique("print-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading(tr.t("print-title", &[]));
        egui::Grid::new("print-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let what = ui.label(tr.t("print-what", &[]));
                ui.vertical(|ui| {
                    ui.radio_value(
                        &mut d.scope,
                        Scope::Organisation,
                        tr.t("print-what-org", &[]),
                    );
                    ui.radio_value(
                        &mut d.scope,
                        Scope::Profile,
                        tr.t("print-what-profile", &[]),
                    );
                    let current = match &d.scope {
                        Scope::Competency(id) => catalog.competency_name(id).to_string(),
                        _ => tr.t("print-what-one", &[]),
                    };
                    egui::ComboBox::from_id_salt("print-competency")
                        .selected_text(current)
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for c in &catalog.competencies {
                                ui.selectable_value(
                                    &mut d.scope,
                                    Scope::Competency(c.id.clone()),
                                    &c.name,
                                );
                            }
                        })
                        .response
                        .labelled_by(what.id);
                });
                ui.end_row();

                let printer = ui.label(tr.t("print-printer", &[]));
                // One fixed-size cell whatever it holds, so nothing below moves when the list
                // arrives or a long queue name is chosen.
                let cell = egui::vec2(300.0, ui.spacing().interact_size.y);
                ui.allocate_ui_with_layout(
                    cell,
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_size(cell);
                        match &dialog.printers.result {
                            None => {
                                super::widgets::spinner_ui(ui);
                            }
                            Some(Err(e)) => {
                                ui.colored_label(super::widgets::RED, e);
                            }
                            Some(Ok((names, _))) if names.is_empty() => {
                                ui.colored_label(
                                    super::widgets::RED,
                                    tr.t("print-no-printer", &[]),
                                );
                            }
                            Some(Ok((names, default))) => {
                                let shown = |n: &str| {
                                    if default.as_deref() == Some(n) {
                                        tr.t("print-default-named", &[("printer", n.to_string())])
                                    } else {
                                        n.to_string()
                                    }
                                };
                                let selected = d
                                    .printer
                                    .as_deref()
                                    .map_or_else(|| tr.t("print-choose", &[]), shown);
                                egui::ComboBox::from_id_salt("print-printer")
                                    .selected_text(selected)
                                    .width(cell.x)
                                    .truncate()
                                    .show_ui(ui, |ui| {
                                        for n in names {
                                            ui.selectable_value(
                                                &mut d.printer,
                                                Some(n.clone()),
                                                shown(n),
                                            );
                                        }
                                    })
                                    .response
                                    .labelled_by(printer.id);
                            }
                        }
                    },
                );
                ui.end_row();

                let copies = ui.label(tr.t("print-copies", &[]));
                ui.add(egui::DragValue::new(&mut d.copies).range(1..=99))
                    .labelled_by(copies.id);
                ui.end_row();

                ui.label(tr.t("print-paper", &[]));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut d.paper, Paper::A4, "A4");
                    ui.radio_value(&mut d.paper, Paper::Letter, "Letter");
                });
                ui.end_row();

                ui.label(tr.t("print-language", &[]));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut d.lang, Lang::En, "English");
                    ui.radio_value(&mut d.lang, Lang::It, "Italiano");
                });
                ui.end_row();

                ui.label(tr.t("print-template", &[]));
                ui.horizontal(|ui| {
                    match &d.template {
                        Some(p) => {
                            ui.label(p.file_name().map_or_else(
                                || p.display().to_string(),
                                |n| n.to_string_lossy().into_owned(),
                            ))
                            .on_hover_text(p.display().to_string());
                            if ui
                                .small_button(tr.t("print-template-builtin", &[]))
                                .clicked()
                            {
                                cmds.push(Command::Print(P::ClearTemplate));
                            }
                        }
                        None => {
                            ui.weak(tr.t("print-template-default", &[]));
                        }
                    }
                    if ui
                        .small_button(tr.t("print-template-choose", &[]))
                        .clicked()
                    {
                        cmds.push(Command::Print(P::PickTemplate));
                    }
                });
                ui.end_row();
            });
        ui.add_space(10.0);
        let listed = matches!(&dialog.printers.result, Some(Ok((n, _))) if !n.is_empty());
        let can_print = listed && d.printer.is_some();
        ui.horizontal(|ui| {
            let print = ui.add_enabled(can_print, egui::Button::new(tr.t("print-print", &[])));
            if listed && !can_print {
                print.on_disabled_hover_text(tr.t("print-choose-hint", &[]));
            } else if print.clicked() {
                cmds.push(Command::Print(P::Print));
            }
            if ui.button(tr.t("print-save-pdf", &[])).clicked() {
                cmds.push(Command::Print(P::SaveDialog));
            }
            if ui.button(tr.t("button-cancel", &[])).clicked() {
                cmds.push(Command::Print(P::Close));
            }
        });
    });
    if form != dialog.form {
        cmds.push(Command::Print(P::Set(form)));
    }
    if modal.should_close() {
        cmds.push(Command::Print(P::Close));
    }
}
