//! The top of the window: organisation, panels, the as-of instant, language, undo, and the
//! renewal-at-risk banner.

use super::widgets::{RED, parse_instant};
use crate::app::{AttainApp, Command, Panel};
use crate::eval::report::AlertCode;
use crate::i18n::Lang;

pub fn top_bar_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.strong("attain");
            ui.separator();
            let current = app.org.name.clone();
            let l = ui.label(app.t("top-organisation"));
            egui::ComboBox::from_id_salt("org_switch")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for o in &app.orgs {
                        if ui.selectable_label(o.id == app.org_id, &o.name).clicked()
                            && o.id != app.org_id
                        {
                            cmds.push(Command::SelectOrg(o.id));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.separator();
            as_of_ui(app, ui, cmds);
            ui.separator();
            let l = ui.label(app.t("top-language"));
            let lang = app.tr.lang();
            egui::ComboBox::from_id_salt("language")
                .selected_text(if lang == Lang::It {
                    "Italiano"
                } else {
                    "English"
                })
                .show_ui(ui, |ui| {
                    for (l, name) in [(Lang::En, "English"), (Lang::It, "Italiano")] {
                        if ui.selectable_label(lang == l, name).clicked() && l != lang {
                            cmds.push(Command::SetLang(l));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.separator();
            let undo = ui.add_enabled(!app.undo.is_empty(), egui::Button::new(app.t("top-undo")));
            if undo.on_hover_text(app.t("top-undo-hint")).clicked() {
                cmds.push(Command::Undo);
            }
            if ui
                .button(app.t("top-print"))
                .on_hover_text(app.t("top-print-hint"))
                .clicked()
            {
                cmds.push(Command::Print(crate::app::printing::PrintCommand::Open));
            }
            if app.files_busy() {
                ui.spinner().on_hover_text(app.t("top-files"));
            }
            if app.printing_busy() {
                ui.spinner().on_hover_text(app.t("top-printing"));
            }
            if app.eval.busy() {
                ui.spinner().on_hover_text(app.t("top-evaluating"));
            }
            if app.loading.is_some() {
                ui.spinner();
                ui.label(app.t("top-loading"));
            }
        });
        ui.horizontal(|ui| {
            for p in Panel::ALL {
                if ui
                    .selectable_label(app.panel == p, app.t(p.message_id()))
                    .clicked()
                {
                    cmds.push(Command::Show(p));
                }
            }
        });
        at_risk_banner_ui(app, ui, cmds);
        ui.add_space(2.0);
    });
}

fn as_of_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    if app.view.as_of_text.is_empty() {
        app.view.as_of_text = app.as_of.map(|t| app.tr.date(t.day())).unwrap_or_default();
    }
    let l = ui.label(app.t("top-as-of"));
    let hint = app.t("top-now");
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut app.view.as_of_text)
                .desired_width(90.0)
                .hint_text(hint),
        )
        .labelled_by(l.id);
    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if enter || ui.button(app.t("top-apply-date")).clicked() {
        let text = app.view.as_of_text.trim().to_string();
        if text.is_empty() {
            cmds.push(Command::SetAsOf(None));
        } else {
            match parse_instant(&app.tr, &text) {
                Some(t) => cmds.push(Command::SetAsOf(Some(t))),
                None => app.fail(app.tr.t("error-date", &[("value", text)])),
            }
        }
    }
    if app.as_of.is_some() && ui.button(app.t("top-now")).clicked() {
        app.view.as_of_text.clear();
        cmds.push(Command::SetAsOf(None));
    }
}

/// The portal's banner, with its exact text, whenever renewal is at risk.
fn at_risk_banner_ui(app: &AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(report) = &app.eval.report else {
        return;
    };
    let Some(alert) = report.alerts_of(AlertCode::RenewalAtRisk).next() else {
        return;
    };
    egui::Frame::new()
        .fill(RED.gamma_multiply(0.25))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(RED, "!");
                ui.strong(&alert.message);
                for c in &alert.competencies {
                    if ui.link(app.catalog.competency_name(c)).clicked() {
                        cmds.push(Command::OpenCompetency(c.to_string()));
                    }
                }
            });
        });
}
