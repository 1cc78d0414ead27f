//! The top of the window: organisation, panels, the as-of instant, language, undo, and the
//! renewal-at-risk banner.

use super::widgets::{Link, RED, links_ui, spinner_ui, text_width};
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
            if ctx.demo {
                ui.colored_label(super::widgets::AMBER, ctx.t("top-demo"))
                    .on_hover_text(ctx.t("top-demo-hint"));
            }
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
            let undo = ui.add_enabled(
                ctx.last_change.is_some(),
                egui::Button::new(ctx.t("top-undo")),
            );
            // What Undo takes back, in words.
            let hint = ctx.last_change.map_or_else(
                || ctx.t("top-undo-hint"),
                |head| {
                    use crate::i18n::Wording;
                    ctx.tr
                        .t("top-undo-what", &[("change", ctx.tr.undo_change(head))])
                },
            );
            if undo.on_hover_text(hint).clicked() {
                cmds.push(Command::Undo);
            }
            let print = ui.add_enabled(!ctx.busy.loading, egui::Button::new(ctx.t("top-print")));
            if print
                .on_hover_text(ctx.t("top-print-hint"))
                .on_disabled_hover_text(ctx.t("notice-wait-loading"))
                .clicked()
            {
                cmds.push(Command::Print(crate::app::printing::PrintCommand::Open));
            }
            if ctx.busy.files {
                spinner_ui(ui).on_hover_text(ctx.t("top-files"));
            }
            if ctx.busy.printing {
                spinner_ui(ui).on_hover_text(ctx.t("top-printing"));
            }
            if ctx.eval.busy() {
                spinner_ui(ui).on_hover_text(ctx.t("top-evaluating"));
            }
            if ctx.busy.loading {
                spinner_ui(ui);
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

/// One line of fixed height under the tabs, so nothing below moves when renewal comes at
/// risk or stops being: the membership and its renewal date, or the portal's banner (its
/// exact text) with the date and a link to the plan that would fix it.
fn at_risk_banner_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let report = ctx.eval.report.as_deref();
    let alert = report.and_then(|r| r.alerts_of(AlertCode::RenewalAtRisk).next());
    let fill = if alert.is_some() {
        RED.gamma_multiply(0.25)
    } else {
        egui::Color32::TRANSPARENT
    };
    let size = egui::vec2(ui.available_width(), height);
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_size(size);
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(6, 3))
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let Some(report) = report else { return };
                        let m = &report.membership;
                        let renews = m
                            .anniversary
                            .as_deref()
                            .and_then(|a| crate::model::Day::parse(a).ok())
                            .map(|d| ctx.tr.date(d));
                        let Some(alert) = alert else {
                            if m.tier == crate::eval::report::TierName::None
                                && m.status == crate::eval::report::Status::None
                            {
                                // Not "Membership: none, none": what is missing and where.
                                ui.weak(ctx.t("banner-membership-none"));
                                if ui.link(ctx.t("banner-membership-add")).clicked() {
                                    cmds.push(Command::Show(Panel::Membership));
                                }
                                return;
                            }
                            let tier =
                                ctx.t(&format!("tier-{}", crate::eval::words::code(&m.tier)));
                            let status =
                                ctx.t(&format!("status-{}", crate::eval::words::code(&m.status)));
                            let line = match renews {
                                Some(date) => ctx.tr.t(
                                    "banner-membership-renews",
                                    &[("tier", tier), ("status", status), ("date", date)],
                                ),
                                None => ctx
                                    .tr
                                    .t("banner-membership", &[("tier", tier), ("status", status)]),
                            };
                            ui.weak(line);
                            return;
                        };
                        ui.colored_label(RED, "!");
                        let date =
                            renews.map(|date| ctx.tr.t("banner-renewal-on", &[("date", date)]));
                        let links: Vec<Link> = alert
                            .competencies
                            .iter()
                            .map(|c| Link {
                                text: ctx.catalog.competency_name(c).to_string(),
                                hover: None,
                                opens: Command::OpenCompetency(c.to_string()),
                            })
                            .collect();
                        let plan = ctx.t("banner-plan");
                        let plan_width = if links.is_empty() {
                            0.0
                        } else {
                            text_width(ui, &plan)
                        };
                        // The portal's message yields the width the date, the links and the
                        // plan need, down to 40 % of the line; links that still do not fit
                        // go into the links' "+N more" menu.
                        let tail = date.as_deref().map_or(0.0, |d| text_width(ui, d))
                            + links.iter().map(|l| text_width(ui, &l.text)).sum::<f32>()
                            + plan_width;
                        let line = ui.available_width();
                        let message = (line - tail).max(0.4 * line);
                        ui.allocate_ui(egui::vec2(message, ui.available_height()), |ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&alert.message).strong())
                                    .truncate(),
                            );
                        });
                        if let Some(date) = date {
                            ui.label(date);
                        }
                        links_ui(ctx, ui, &links, plan_width, cmds);
                        // The next step: the plan that brings the first one back.
                        if let Some(c) = alert.competencies.first()
                            && ui
                                .link(plan)
                                .on_hover_text(ctx.t("banner-plan-hint"))
                                .clicked()
                        {
                            let level = if m.tier == crate::eval::report::TierName::Gold {
                                crate::eval::LevelName::Gold
                            } else {
                                crate::eval::LevelName::Silver
                            };
                            cmds.push(Command::Show(Panel::Plan));
                            cmds.push(Command::Forecast(
                                crate::app::forecast::ForecastCommand::Plan(c.to_string(), level),
                            ));
                        }
                    });
                });
        },
    );
}
