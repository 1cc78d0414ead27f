//! The top of the window: organisation, panels, the as-of instant, language, undo, and the
//! renewal-at-risk banner.

use super::widgets::RED;
use crate::app::{Command, Panel, ViewCtx};
use crate::eval::report::AlertCode;
use crate::i18n::{Lang, Tr};

/// The as-of date as typed.
#[derive(Default)]
pub struct TopBarView {
    pub as_of_text: String,
}

impl TopBarView {
    /// A typed date is rewritten in the new language's form (04/03 swaps meaning).
    pub fn language_changed(&mut self, old: &Tr, new: Lang) {
        if let Some(d) = old.parse_day(&self.as_of_text) {
            self.as_of_text = new.date(d);
        }
    }
}

pub fn top_bar_ui(
    ctx: &ViewCtx,
    view: &mut TopBarView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.strong("attain");
            ui.separator();
            let current = ctx.org.name.clone();
            let l = ui.label(ctx.t("top-organisation"));
            egui::ComboBox::from_id_salt("org_switch")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for o in ctx.orgs {
                        if ui.selectable_label(o.id == ctx.org_id, &o.name).clicked()
                            && o.id != ctx.org_id
                        {
                            cmds.push(Command::SelectOrg(o.id));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.separator();
            as_of_ui(ctx, view, ui, cmds);
            ui.separator();
            let l = ui.label(ctx.t("top-language"));
            let lang = ctx.tr.lang();
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
            let undo = ui.add_enabled(ctx.can_undo, egui::Button::new(ctx.t("top-undo")));
            if undo.on_hover_text(ctx.t("top-undo-hint")).clicked() {
                cmds.push(Command::Undo);
            }
            if ui
                .button(ctx.t("top-print"))
                .on_hover_text(ctx.t("top-print-hint"))
                .clicked()
            {
                cmds.push(Command::Print(crate::app::printing::PrintCommand::Open));
            }
            if ctx.busy.files {
                ui.spinner().on_hover_text(ctx.t("top-files"));
            }
            if ctx.busy.printing {
                ui.spinner().on_hover_text(ctx.t("top-printing"));
            }
            if ctx.eval.busy() {
                ui.spinner().on_hover_text(ctx.t("top-evaluating"));
            }
            if ctx.busy.loading {
                ui.spinner();
                ui.label(ctx.t("top-loading"));
            }
        });
        ui.horizontal(|ui| {
            for p in Panel::ALL {
                if ui
                    .selectable_label(ctx.panel == p, ctx.t(p.message_id()))
                    .clicked()
                {
                    cmds.push(Command::Show(p));
                }
            }
        });
        at_risk_banner_ui(ctx, ui, cmds);
        ui.add_space(2.0);
    });
}

fn as_of_ui(ctx: &ViewCtx, view: &mut TopBarView, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    if view.as_of_text.is_empty() {
        view.as_of_text = ctx.as_of.map(|t| ctx.tr.date(t.day())).unwrap_or_default();
    }
    let l = ui.label(ctx.t("top-as-of"));
    let hint = ctx.t("top-now");
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut view.as_of_text)
                .desired_width(90.0)
                .hint_text(hint),
        )
        .labelled_by(l.id);
    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if enter || ui.button(ctx.t("top-apply-date")).clicked() {
        let text = view.as_of_text.trim().to_string();
        if text.is_empty() {
            cmds.push(Command::SetAsOf(None));
        } else {
            match ctx.tr.parse_instant(&text) {
                Some(t) => cmds.push(Command::SetAsOf(Some(t))),
                None => cmds.push(Command::Fail(ctx.tr.t("error-date", &[("value", text)]))),
            }
        }
    }
    if ctx.as_of.is_some() && ui.button(ctx.t("top-now")).clicked() {
        view.as_of_text.clear();
        cmds.push(Command::SetAsOf(None));
    }
}

/// The portal's banner, with its exact text, whenever renewal is at risk.
fn at_risk_banner_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(report) = &ctx.eval.report else {
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
                    if ui.link(ctx.catalog.competency_name(c)).clicked() {
                        cmds.push(Command::OpenCompetency(c.to_string()));
                    }
                }
            });
        });
}
