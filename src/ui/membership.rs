//! Membership: tier, year, anniversary, renewal window, reminders, upgrade and renewal,
//! auto-renew, overrides, and the business profile.

use super::widgets::{AMBER, labelled_field, level_text};
use crate::app::{Command, ViewCtx};
use crate::eval::LevelName;
use crate::eval::report::{Status, TierName};
use crate::eval::words::code;
use crate::model::edit::default_override_end;
use crate::model::{Edit, Level, Override, OverrideKind, Tier};

#[derive(Default)]
pub struct MembershipView {
    pub competency: usize,
    pub level_gold: bool,
    pub exemption: bool,
    pub starts: String,
    pub ends: String,
    pub reason: String,
    pub set_by: String,
}

pub fn membership_ui(
    ctx: &ViewCtx,
    view: &mut MembershipView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-membership"));
    let Some(report) = ctx.eval.report.clone() else {
        super::widgets::evaluating_ui(ctx, ui);
        return;
    };
    let m = &report.membership;
    egui::Grid::new("membership_grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(ctx.t("text-tier"));
            ui.strong(ctx.t(&format!("tier-{}", code(&m.tier))));
            ui.end_row();
            ui.label(ctx.t("text-status"));
            ui.label(ctx.t(&format!("status-{}", code(&m.status))));
            ui.end_row();
            if let Some(s) = ctx.org.membership.as_ref() {
                ui.label(ctx.t("membership-purchased"));
                ui.label(ctx.tr.date(s.purchased_on.day()));
                ui.end_row();
            }
            if let Some((start, end)) = m.subscription_year() {
                ui.label(ctx.t("membership-year"));
                ui.label(format!("{} – {}", ctx.tr.date(start), ctx.tr.date(end)));
                ui.end_row();
            }
            if let (Some(a), Some([w0, w1])) = (&m.anniversary, &m.renewal_window) {
                let d = |s: &str| {
                    crate::model::Day::parse(s)
                        .map(|d| ctx.tr.date(d))
                        .unwrap_or_default()
                };
                ui.label(ctx.t("text-anniversary"));
                ui.label(d(a));
                ui.end_row();
                ui.label(ctx.t("text-renewal-window"));
                ui.label(format!("{} – {}", d(w0), d(w1)));
                ui.end_row();
            }
        });
    actions_ui(ctx, ui, &report, cmds);
    ui.separator();
    ui.strong(ctx.t("membership-profile"));
    ui.weak(ctx.t("membership-profile-hint"));
    let shown: Vec<_> = ctx
        .catalog
        .competencies
        .iter()
        .zip(&report.competencies)
        .filter(|(_, c)| c.displayed_level != LevelName::None)
        .collect();
    if shown.is_empty() {
        ui.label(ctx.t("text-none"));
    }
    for (def, c) in shown {
        ui.horizontal(|ui| {
            ui.label(&def.name);
            ui.label(level_text(ctx.tr, c.displayed_level));
        });
    }
    ui.separator();
    overrides_ui(ctx, view, ui, cmds);
}

fn actions_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    report: &crate::eval::Report,
    cmds: &mut Vec<Command>,
) {
    let m = &report.membership;
    let levels: Vec<LevelName> = report.competencies.iter().map(|c| c.level).collect();
    let at = ctx.now();
    ui.horizontal_wrapped(|ui| {
        if let Some(up) = m.can_upgrade_to {
            let tier = if up == LevelName::Gold {
                Tier::Gold
            } else {
                Tier::Silver
            };
            let tier_name = ctx.tr.level(up);
            let mut label = ctx
                .tr
                .t("membership-upgrade", &[("tier", tier_name.clone())]);
            if let Some(p) = m.upgrade_price_usd {
                label.push_str(&format!(" ({})", ctx.tr.usd(p)));
            }
            if ui.button(label).clicked() {
                // A purchase costs money: asked first, with the price and the date.
                let price = m.upgrade_price_usd.map(|p| ctx.tr.usd(p));
                cmds.push(ask_purchase(
                    ctx,
                    &tier_name,
                    price,
                    Edit::Purchase { tier, at },
                ));
            }
            if up == LevelName::Gold
                && m.tier == TierName::Silver
                && matches!(m.status, Status::Active | Status::RenewalWindow)
            {
                ui.colored_label(AMBER, ctx.t("membership-discount"));
            }
        }
        if m.tier == TierName::None && ui.button(ctx.t("membership-buy-action-pack")).clicked() {
            let edit = Edit::Purchase {
                tier: Tier::ActionPack,
                at,
            };
            cmds.push(ask_purchase(ctx, &ctx.t("tier-action-pack"), None, edit));
        }
        if let Some(s) = ctx.org.membership.as_ref() {
            let in_window = m.status == Status::RenewalWindow;
            let eligible = crate::eval::eligible(s.tier, &levels);
            let renew = ui.add_enabled(
                in_window && eligible,
                egui::Button::new(ctx.t("membership-renew")),
            );
            let hint = if !in_window {
                ctx.t("membership-renew-outside")
            } else if !eligible {
                ctx.t("membership-renew-ineligible")
            } else {
                ctx.t("membership-renew")
            };
            // A disabled button says why on hover.
            if renew
                .on_hover_text(&hint)
                .on_disabled_hover_text(&hint)
                .clicked()
            {
                cmds.push(Command::Ask(Box::new(crate::app::edit::Confirm {
                    title: ctx.t("membership-renew-title"),
                    body: vec![
                        ctx.tr
                            .t("membership-renew-body", &[("date", ctx.tr.date(at.day()))]),
                    ],
                    yes: ctx.t("membership-renew-yes"),
                    command: Command::Edit(Edit::Renew { at }),
                    other: None,
                })));
            }
            let mut auto = s.auto_renew;
            if ui
                .checkbox(&mut auto, ctx.t("membership-auto-renew"))
                .changed()
            {
                cmds.push(Command::Edit(Edit::SetAutoRenew(auto)));
            }
        }
    });
}

fn overrides_ui(
    ctx: &ViewCtx,
    view: &mut MembershipView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.strong(ctx.t("membership-overrides"));
    let today = ctx.now().day();
    for (i, o) in ctx.org.overrides.clone().iter().enumerate() {
        let ends = o
            .ends_on
            .unwrap_or_else(|| default_override_end(ctx.org, o.starts_on));
        ui.horizontal_wrapped(|ui| {
            let name = ctx.catalog.competency_name(&o.competency);
            ui.label(name);
            ui.label(level_text(ctx.tr, o.level.into()));
            ui.label(format!(
                "{} – {}",
                ctx.tr.date(o.starts_on),
                ctx.tr.date(ends)
            ));
            let active = o.starts_on <= today && today <= ends;
            ui.weak(if active {
                ctx.t("membership-override-active")
            } else {
                ctx.t("membership-override-inactive")
            });
            if ends >= today {
                ui.label(reversion_text(ctx, &o.competency, ends));
            }
            ui.label(format!("“{}” — {}", o.reason, o.set_by));
            if ui
                .small_button("✖")
                .on_hover_text(ctx.t("membership-override-remove"))
                .clicked()
            {
                let title = ctx.t("membership-override-remove");
                cmds.push(Command::AskEdit {
                    title: title.clone(),
                    yes: title,
                    edit: Edit::RemoveOverride(i),
                });
            }
        });
    }
    let v = &mut *view;
    ui.horizontal_wrapped(|ui| {
        let names: Vec<&str> = ctx
            .catalog
            .competencies
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let l = ui.label(ctx.tr.t("text-competency", &[]));
        egui::ComboBox::from_id_salt("override_competency")
            .selected_text(names.get(v.competency).copied().unwrap_or_default())
            .show_ui(ui, |ui| {
                for (i, n) in names.iter().enumerate() {
                    ui.selectable_value(&mut v.competency, i, *n);
                }
            })
            .response
            .labelled_by(l.id);
        ui.checkbox(&mut v.level_gold, ctx.tr.t("level-gold", &[]));
        ui.checkbox(
            &mut v.exemption,
            ctx.tr.t("membership-override-exemption", &[]),
        );
    });
    ui.horizontal_wrapped(|ui| {
        labelled_field(
            ui,
            &ctx.tr.t("membership-override-starts", &[]),
            &mut v.starts,
            90.0,
        );
        let starts = ctx.tr.parse_day(&v.starts).unwrap_or(today);
        let default_end = default_override_end(ctx.org, starts);
        let l = ui.label(ctx.tr.t("membership-override-ends", &[]));
        ui.add(
            egui::TextEdit::singleline(&mut v.ends)
                .hint_text(ctx.tr.date(default_end))
                .desired_width(90.0),
        )
        .labelled_by(l.id);
        labelled_field(
            ui,
            &ctx.tr.t("membership-override-reason", &[]),
            &mut v.reason,
            200.0,
        );
        labelled_field(
            ui,
            &ctx.tr.t("membership-override-set-by", &[]),
            &mut v.set_by,
            140.0,
        );
    });
    let starts = if v.starts.trim().is_empty() {
        Some(today)
    } else {
        ctx.tr.parse_day(&v.starts)
    };
    let ends = if v.ends.trim().is_empty() {
        Ok(None)
    } else {
        ctx.tr.parse_day(&v.ends).map(Some).ok_or(())
    };
    let ready = starts.is_some()
        && ends.is_ok()
        && !v.reason.trim().is_empty()
        && !v.set_by.trim().is_empty();
    if ui
        .add_enabled(
            ready,
            egui::Button::new(ctx.tr.t("membership-override-add", &[])),
        )
        .clicked()
        && let (Some(starts_on), Ok(ends_on)) = (starts, ends)
    {
        let o = Override {
            competency: ctx.catalog.competencies[v.competency].id.clone(),
            level: if v.level_gold {
                Level::Gold
            } else {
                Level::Silver
            },
            kind: if v.exemption {
                OverrideKind::SkillsExemption
            } else {
                OverrideKind::Full
            },
            starts_on,
            ends_on,
            reason: v.reason.trim().to_string(),
            set_by: v.set_by.trim().to_string(),
        };
        cmds.push(Command::Edit(Edit::AddOverride(o)));
        *v = MembershipView::default();
    }
}

/// What the competency falls back to when an override ends: the earned level from the
/// window's 12-month timeline, or only the day beyond it.
fn reversion_text(ctx: &ViewCtx, competency: &str, ends: crate::model::Day) -> String {
    let on = ends.add_days(1);
    let index = ctx
        .catalog
        .competencies
        .iter()
        .position(|c| c.id == competency);
    let level = ctx.eval.timeline.as_ref().and_then(|tl| {
        let (last, _) = tl.points.last()?;
        if on.start() > *last {
            return None;
        }
        tl.points
            .iter()
            .rev()
            .find(|(t, _)| *t <= on.start())
            .and_then(|(_, levels)| levels.get(index?).copied())
    });
    match level {
        Some(l) => ctx.tr.t(
            "membership-override-reverts-to",
            &[("date", ctx.tr.date(on)), ("level", ctx.tr.level(l))],
        ),
        None => ctx
            .tr
            .t("membership-override-reverts", &[("date", ctx.tr.date(on))]),
    }
}

/// The confirmation before recording a purchase: what is bought, when, and its price.
fn ask_purchase(ctx: &ViewCtx, tier: &str, price: Option<String>, edit: Edit) -> Command {
    let date = match &edit {
        Edit::Purchase { at, .. } => ctx.tr.date(at.day()),
        _ => String::new(),
    };
    let mut body = vec![ctx.tr.t(
        "membership-purchase-body",
        &[("tier", tier.to_string()), ("date", date)],
    )];
    if let Some(price) = price {
        body.push(ctx.tr.t("membership-purchase-price", &[("price", price)]));
    }
    Command::Ask(Box::new(crate::app::edit::Confirm {
        title: ctx
            .tr
            .t("membership-purchase-title", &[("tier", tier.to_string())]),
        body,
        yes: ctx.t("membership-purchase-yes"),
        command: Command::Edit(edit),
        other: None,
    }))
}
