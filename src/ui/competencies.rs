//! The Competency paths panel: the dashboard first (`dashboard.rs`); then every competency
//! with its level, each option's Silver and Gold requirements with progress, the people who
//! fill them, why others do not count, and what is missing.

use super::widgets::{GREEN, RED, level_text, person_link};
use crate::app::{Command, ViewCtx};
use crate::eval::report::{CompetencyReport, LevelReport, Requirement};
use crate::eval::words::skill_text;
use crate::model::{Competency, Step};
use std::collections::HashSet;

#[derive(Default)]
pub struct CompetenciesView {
    /// A competency to open (from an alert link or the dashboard).
    pub open: Option<String>,
    /// The detail of every competency is shown; else the dashboard.
    pub detail: bool,
    pub filter: super::dashboard::Filter,
    /// Who does not count for the competency drawn last, kept while the evaluation and
    /// the organisation stay the same: finding them walks every achievement.
    others: std::cell::RefCell<Option<Others>>,
}

/// The people an open competency lists as not counting.
struct Others {
    /// (report, organisation, competency) they were found for.
    key: (usize, usize, String),
    /// Indices into the report's `not_credited` whose credential the competency lists.
    blocked: Vec<usize>,
    /// People with achievements, none of a credential the competency lists.
    unlisted: usize,
}

pub fn competencies_ui(
    ctx: &ViewCtx,
    view: &mut CompetenciesView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-competencies"));
    let open = view.open.take();
    view.detail |= open.is_some();
    if !view.detail {
        super::dashboard::dashboard_ui(ctx, &mut view.filter, ui, cmds);
        return;
    }
    if ui.button(ctx.t("dashboard-back")).clicked() {
        view.detail = false;
    }
    let Some(report) = ctx.eval.report.clone() else {
        super::widgets::evaluating_ui(ctx, ui);
        return;
    };
    let view = &*view;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (def, c) in ctx.catalog.competencies.iter().zip(&report.competencies) {
                let id = ui.make_persistent_id(("competency", &def.id));
                let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
                    ui.ctx(),
                    id,
                    false,
                );
                if open.as_deref() == Some(def.id.as_str()) {
                    state.set_open(true);
                }
                let (_, header, _) = state
                    .show_header(ui, |ui| {
                        ui.strong(&def.name).on_hover_text(&def.id);
                        ui.label(level_text(ctx.tr, c.level));
                        if c.displayed_level != c.level {
                            ui.weak(ctx.t("text-displayed"));
                            ui.label(level_text(ctx.tr, c.displayed_level));
                        }
                        if c.overridden {
                            ui.colored_label(super::widgets::AMBER, ctx.t("text-override"));
                        }
                    })
                    .body(|ui| competency_ui(ctx, view, ui, def, c, &report, cmds));
                if open.as_deref() == Some(def.id.as_str()) {
                    header.response.scroll_to_me(Some(egui::Align::TOP));
                }
            }
        });
}

fn competency_ui(
    ctx: &ViewCtx,
    view: &CompetenciesView,
    ui: &mut egui::Ui,
    def: &Competency,
    c: &CompetencyReport,
    report: &crate::eval::Report,
    cmds: &mut Vec<Command>,
) {
    if let Some(pci) = &c.pci {
        for (name, path) in [
            ("pci-customer-engagement", &pci.customer_engagement),
            ("pci-finance-operations", &pci.finance_and_operations),
        ] {
            ui.label(format!("{}: {:.1}", ctx.t(name), path.total));
            ui.add(egui::ProgressBar::new((path.total / 100.0) as f32).desired_width(240.0));
        }
    }
    // The same competency once the pending syncs have run, if any is pending.
    let soon = ctx.eval.soon.as_deref().and_then(|(t, r)| {
        let later = r.competencies.iter().find(|x| x.id == c.id)?;
        Some((*t, later))
    });
    for (k, (opt, o)) in def.options.iter().zip(&c.options).enumerate() {
        ui.group(|ui| {
            ui.strong(&opt.name);
            let later = soon.and_then(|(t, s)| Some((t, s.options.get(k)?)));
            for (lvl, steps, r, after) in [
                (
                    "level-silver",
                    &opt.silver,
                    &o.silver,
                    later.map(|(t, l)| (t, &l.silver)),
                ),
                (
                    "level-gold",
                    &opt.gold,
                    &o.gold,
                    later.map(|(t, l)| (t, &l.gold)),
                ),
            ] {
                level_ui(ctx, ui, (lvl, steps.as_deref()), r, after, cmds);
            }
        });
    }
    others_ui(ctx, view, ui, def, report, cmds);
}

/// One level of an option; `after` is the same level once the pending syncs have run.
fn level_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    (lvl, steps): (&str, Option<&[Step]>),
    r: &LevelReport,
    after: Option<(crate::model::Instant, &LevelReport)>,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(ctx.t(lvl));
        if steps.is_none() {
            ui.weak(ctx.t("competency-no-level"));
        } else if r.met {
            ui.colored_label(GREEN, ctx.t("text-met"));
        } else {
            ui.colored_label(RED, ctx.t("text-not-met"));
        }
    });
    for (i, req) in r.requirements.iter().enumerate() {
        let step = steps.and_then(|s| s.get(i));
        // Unmet now, met once the pending syncs have run: said, with the day.
        if !req.met()
            && let Some((t, later)) = after
            && later.requirements.get(i).is_some_and(|x| x.met())
        {
            ui.colored_label(
                super::widgets::AMBER,
                ctx.tr.t(
                    "competency-met-after-sync",
                    &[("date", ctx.tr.date(t.day()))],
                ),
            );
        }
        ui.horizontal_wrapped(|ui| {
            ui.add_space(12.0);
            match req {
                Requirement::Performance {
                    metric,
                    required,
                    actual,
                    met,
                } => {
                    let frac = if *required > 0.0 {
                        (actual / required).clamp(0.0, 1.0)
                    } else {
                        1.0
                    };
                    let text = format!("{} / {}", ctx.tr.number(*actual), ctx.tr.number(*required));
                    ui.label(ctx.t(&format!("metric-{}", metric.replace('_', "-"))));
                    ui.add(
                        egui::ProgressBar::new(frac as f32)
                            .text(text)
                            .desired_width(220.0)
                            .fill(if *met { GREEN } else { RED }),
                    );
                }
                Requirement::Skill {
                    required_people,
                    people,
                    met,
                    missing,
                } => {
                    let have = people.len().min(*required_people as usize);
                    let frac = have as f32 / (*required_people).max(1) as f32;
                    // The step in words, credentials by title (as the award summary says it).
                    match step {
                        Some(Step::Skill(k)) => {
                            let title = |c: &str| ctx.catalog.credential_title(c).to_string();
                            ui.label(skill_text(k, ctx.tr, &title));
                        }
                        _ => {
                            ui.label(ctx.t("competency-people"));
                        }
                    }
                    ui.add(
                        egui::ProgressBar::new(frac)
                            .text(format!("{have} / {required_people}"))
                            .desired_width(160.0)
                            .fill(if *met { GREEN } else { RED }),
                    );
                    for p in people {
                        if person_link(ctx, ui, p).clicked() {
                            cmds.push(Command::OpenEmployee(p.clone()));
                        }
                    }
                    // What is still missing, in the window's language: the people short,
                    // or a further condition of the step (the engine's detail on hover).
                    if !*met {
                        let short = required_people.saturating_sub(people.len() as u32);
                        let text = if short > 0 {
                            ctx.tr
                                .t("competency-short", &[("count", short.to_string())])
                        } else {
                            ctx.t("competency-condition")
                        };
                        let l = ui.colored_label(RED, text);
                        if let Some(m) = missing {
                            l.on_hover_text(m);
                        }
                    }
                }
            }
        });
    }
}

/// People who hold credentials of this competency that do not count, and why; people whose
/// credentials this competency does not list.
fn others_ui(
    ctx: &ViewCtx,
    view: &CompetenciesView,
    ui: &mut egui::Ui,
    def: &Competency,
    report: &crate::eval::Report,
    cmds: &mut Vec<Command>,
) {
    let key = (
        std::ptr::from_ref(report) as usize,
        std::sync::Arc::as_ptr(ctx.org) as usize,
        def.id.clone(),
    );
    let mut cache = view.others.borrow_mut();
    if cache.as_ref().is_none_or(|o| o.key != key) {
        let listed: HashSet<&str> = def.listed().into_iter().collect();
        let blocked = (0..report.not_credited.len())
            .filter(|i| listed.contains(&*report.not_credited[*i].credential))
            .collect();
        let unlisted = ctx
            .org
            .employees
            .iter()
            .filter(|e| {
                !e.achievements.is_empty()
                    && e.achievements
                        .iter()
                        .all(|a| !listed.contains(a.credential.as_str()))
            })
            .count();
        *cache = Some(Others {
            key,
            blocked,
            unlisted,
        });
    }
    let Some(others) = cache.as_ref() else {
        return;
    };
    let blocked: Vec<_> = others
        .blocked
        .iter()
        .take(50)
        .map(|i| &report.not_credited[*i])
        .collect();
    if !blocked.is_empty() {
        ui.label(ctx.t("competency-not-counting"));
        let total = others.blocked.len();
        for n in blocked {
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                if person_link(ctx, ui, &n.employee).clicked() {
                    cmds.push(Command::OpenEmployee(n.employee.to_string()));
                }
                let code = serde_json::to_value(n.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
                    .unwrap_or_default();
                ui.label(format!(
                    "{} — {}",
                    ctx.catalog.credential_title(&n.credential),
                    ctx.t(&format!("reason-{code}"))
                ))
                .on_hover_text(n.credential.as_ref());
            });
        }
        if total > 50 {
            ui.weak(
                ctx.tr
                    .t("list-more", &[("count", (total - 50).to_string())]),
            );
        }
    }
    let unlisted = others.unlisted;
    drop(cache);
    used_elsewhere_ui(ctx, ui, def, cmds);
    if unlisted > 0 {
        ui.weak(
            ctx.tr
                .t("competency-not-listed", &[("count", unlisted.to_string())]),
        );
    }
}

/// Reuse across competencies off (§3.6): the people this competency's Gold cannot count
/// because a competency visited earlier already counted them for its Gold.
fn used_elsewhere_ui(ctx: &ViewCtx, ui: &mut egui::Ui, def: &Competency, cmds: &mut Vec<Command>) {
    let Some(c) = ctx.catalog.competencies.iter().position(|x| x.id == def.id) else {
        return;
    };
    let Some(used) = ctx.eval.used_elsewhere.as_ref().and_then(|u| u.get(c)) else {
        return;
    };
    if used.is_empty() {
        return;
    }
    ui.label(ctx.t("competency-used-elsewhere"));
    for (person, by) in used.iter().take(50) {
        ui.horizontal(|ui| {
            ui.add_space(12.0);
            if person_link(ctx, ui, person).clicked() {
                cmds.push(Command::OpenEmployee(person.to_string()));
            }
            let name = ctx
                .catalog
                .competencies
                .get(*by)
                .map_or("", |d| d.name.as_str());
            ui.label(
                ctx.tr
                    .t("reason-already-used", &[("competency", name.to_string())]),
            );
        });
    }
    if used.len() > 50 {
        ui.weak(
            ctx.tr
                .t("list-more", &[("count", (used.len() - 50).to_string())]),
        );
    }
}
