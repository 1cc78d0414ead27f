//! Solutions Partner designations: a score card per designation like the portal's (total
//! against the threshold, a bar per metric with what is missing, the counting track and the
//! other one, the window), and for one designation the people per step, who does not count
//! and why, the monthly history and the month's figures to type or paste.

use super::widgets::{AMBER, GREEN, person_link};
use crate::app::{Command, ViewCtx};
use crate::eval::designations::Track;
use crate::eval::report::Report;
use crate::eval::spp_report::{DesignationReport, MetricReport, metric_id};
use crate::model::spp_def::{Scoring, SppCatalog};
use crate::model::{Day, Edit};
use chrono::Datelike;
use egui::{Color32, RichText};

#[derive(Default)]
pub struct DesignationsView {
    /// The designation shown in detail (`None`: every score card).
    pub open: Option<String>,
    /// The last day of the month whose figures are edited (`None`: last month).
    pub month: Option<Day>,
    /// Each figure's text as typed, for `loaded`'s month and data.
    pub inputs: Vec<(String, String)>,
    /// What `inputs` were written for: data, month, designation and language (a number
    /// typed as "119,500" in English would read 119.5 in Italian).
    loaded: Option<(u64, Day, String, crate::i18n::Lang)>,
    pub error: Option<String>,
}

pub fn designations_ui(
    ctx: &ViewCtx,
    view: &mut DesignationsView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-designations"));
    let (Some(report), Some(spp)) = (ctx.eval.report.clone(), ctx.catalog.designations.clone())
    else {
        super::widgets::evaluating_ui(ctx, ui);
        return;
    };
    ui.weak(ctx.tr.t(
        "spp-rules",
        &[
            ("snapshot", spp.snapshot.clone()),
            ("checked", day_text(ctx, &spp.checked_on)),
            ("threshold", ctx.tr.number(spp.threshold)),
            ("months", spp.window_months.to_string()),
        ],
    ));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match view.open.clone() {
            None => {
                for d in &report.designations {
                    if card_ui(ctx, d, ui, true) {
                        view.open = Some(d.id.clone());
                    }
                }
            }
            Some(id) => {
                if ui.link(ctx.t("spp-all")).clicked() {
                    view.open = None;
                }
                if let Some(d) = report.designations.iter().find(|d| d.id == id) {
                    card_ui(ctx, d, ui, false);
                    let as_of = crate::model::Instant::parse(&report.as_of)
                        .map_or_else(|_| Day(chrono::NaiveDate::MIN), |t| t.day());
                    figures_ui(ctx, as_of, view, &spp, &id, ui, cmds);
                    plan_ui(ctx, &id, ui, cmds);
                    people_ui(ctx, &report, d, ui, cmds);
                    history_ui(ctx, d, ui);
                }
            }
        });
}

fn day_text(ctx: &ViewCtx, s: &str) -> String {
    Day::parse(s).map_or_else(|_| s.to_string(), |d| ctx.tr.date(d))
}

pub fn track_name(ctx: &ViewCtx, t: Track) -> String {
    ctx.t(&format!("spp-track-{}", t.as_str()))
}

fn counted(d: &DesignationReport) -> &crate::eval::spp_report::TrackReport {
    match d.track {
        Track::Enterprise => &d.tracks.enterprise,
        Track::Smb => &d.tracks.smb,
    }
}

/// One score card, with a "Details" button when `details`; true when it was clicked.
fn card_ui(ctx: &ViewCtx, d: &DesignationReport, ui: &mut egui::Ui, details: bool) -> bool {
    let mut open = false;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.strong(RichText::new(&d.name).size(16.0));
            let (text, color) = if d.qualified {
                ("spp-qualified", GREEN)
            } else if d.attained {
                ("spp-attained", AMBER)
            } else {
                ("spp-not-qualified", Color32::GRAY)
            };
            ui.label(RichText::new(ctx.t(text)).color(color).strong());
        });
        let other = match d.track {
            Track::Enterprise => (Track::Smb, &d.tracks.smb),
            Track::Smb => (Track::Enterprise, &d.tracks.enterprise),
        };
        ui.horizontal(|ui| {
            ui.label(ctx.tr.t(
                "spp-total",
                &[
                    ("total", ctx.tr.number(d.total)),
                    ("threshold", ctx.tr.number(d.threshold)),
                ],
            ));
            ui.add(
                egui::ProgressBar::new((d.total / 100.0) as f32)
                    .desired_width(240.0)
                    .fill(if d.qualified { GREEN } else { AMBER }),
            );
            ui.label(ctx.tr.t(
                "spp-track-line",
                &[
                    ("track", track_name(ctx, d.track)),
                    ("other", track_name(ctx, other.0)),
                    ("other_total", ctx.tr.number(other.1.total)),
                ],
            ));
        });
        if !d.all_metrics_positive {
            ui.colored_label(AMBER, ctx.t("spp-metric-at-zero"));
        }
        ui.label(ctx.tr.t(
            "spp-best",
            &[
                ("total", ctx.tr.number(d.best.total)),
                ("date", day_text(ctx, &d.best.date)),
                ("track", track_name(ctx, d.best.track)),
            ],
        ));
        egui::Grid::new(("spp_metrics", &d.id))
            .num_columns(3)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for m in &counted(d).metrics {
                    metric_row_ui(ctx, m, ui);
                }
            });
        open = details && ui.button(ctx.t("spp-details")).clicked();
    });
    ui.add_space(6.0);
    open
}

fn metric_row_ui(ctx: &ViewCtx, m: &MetricReport, ui: &mut egui::Ui) {
    ui.label(ctx.t(&format!("spp-metric-{}", metric_id(m.id))));
    let full = m.points >= m.max;
    let bar = egui::ProgressBar::new((m.points / m.max.max(1.0)) as f32)
        .desired_width(220.0)
        .text(format!(
            "{} / {}",
            ctx.tr.number(m.points),
            ctx.tr.number(m.max)
        ))
        .fill(if full {
            GREEN
        } else if m.points > 0.0 {
            AMBER
        } else {
            Color32::from_gray(90)
        });
    ui.add(bar);
    match &m.missing {
        // The report's phrases are fixed English (§7.3): the window words them again.
        Some(_) => {
            let spp = ctx.catalog.designations.as_deref();
            let missing = crate::eval::words::lacks_text(ctx.tr, spp, &m.lacks);
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{} {missing}", ctx.t("spp-missing"))).weak(),
                )
                .truncate(),
            );
        }
        None => {
            ui.label(RichText::new(ctx.t("spp-full")).color(GREEN));
        }
    }
    ui.end_row();
}

/// The fewest certifications and figure changes that would qualify it, on request.
fn plan_ui(ctx: &ViewCtx, id: &str, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    use crate::app::forecast::ForecastCommand;
    ui.strong(ctx.t("spp-plan"));
    let job = &ctx.forecast.spp_plan;
    let mine = ctx.forecast.spp_plan_request.as_deref() == Some(id);
    if !mine || (job.result.is_none() && !job.busy()) {
        if ui.button(ctx.t("spp-plan-find")).clicked() {
            cmds.push(Command::Forecast(ForecastCommand::DesignationPlan(
                id.to_string(),
            )));
        }
        ui.separator();
        return;
    }
    spp_plan_result_ui(ctx, ui, cmds);
    ui.separator();
}

/// The designation plan last asked for (the Designations and Plan panels show it).
pub fn spp_plan_result_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let job = &ctx.forecast.spp_plan;
    if job.busy() {
        super::widgets::spinner_ui(ui);
    }
    match &job.result {
        Some(Ok(p)) if p.qualified_already => {
            ui.label(ctx.t("spp-plan-qualified"));
        }
        Some(Ok(p)) if !p.feasible => {
            ui.colored_label(super::widgets::RED, ctx.t("spp-plan-infeasible"));
        }
        Some(Ok(p)) => {
            ui.label(ctx.tr.t(
                "spp-plan-summary",
                &[
                    ("count", p.actions.len().to_string()),
                    ("total", ctx.tr.number(p.total)),
                    ("track", track_name(ctx, p.track)),
                ],
            ));
            if let Some(m) = &p.figures_month {
                ui.weak(ctx.tr.t("spp-plan-month", &[("month", day_text(ctx, m))]));
            }
            let person = |id: &str| super::widgets::person_name(ctx, id);
            for (i, a) in p.actions.iter().enumerate() {
                let words = super::plan::action_in_words(ctx.catalog, &person, a);
                super::plan::action_row_ui(ctx.tr, i, a, &words, ui, cmds);
            }
        }
        Some(Err(e)) => {
            ui.colored_label(super::widgets::RED, e);
        }
        None => {}
    }
}

/// Who counts in each step (by name), and the designation's credentials held that do not.
fn people_ui(
    ctx: &ViewCtx,
    report: &Report,
    d: &DesignationReport,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.strong(ctx.t("spp-who-counts"));
    let mut listed: Vec<&str> = Vec::new();
    for m in counted(d).metrics.iter().filter(|m| !m.steps.is_empty()) {
        ui.label(RichText::new(ctx.t(&format!("spp-metric-{}", metric_id(m.id)))).strong());
        for s in &m.steps {
            listed.extend(s.credentials.iter().map(String::as_str));
            let titles: Vec<&str> = s
                .credentials
                .iter()
                .map(|c| ctx.catalog.credential_title(c))
                .collect();
            let what = match s.required_people {
                Some(n) => ctx.tr.t(
                    "spp-step-gate",
                    &[("step", s.step.to_string()), ("count", n.to_string())],
                ),
                None => ctx
                    .tr
                    .t("spp-step-per-person", &[("step", s.step.to_string())]),
            };
            ui.horizontal_wrapped(|ui| {
                let mark = if s.met { "✔" } else { "✘" };
                ui.label(format!("{mark} {what}:"));
                ui.add(egui::Label::new(RichText::new(ctx.tr.list(&titles)).weak()).truncate());
            });
            ui.horizontal_wrapped(|ui| {
                ui.add_space(18.0);
                if s.people.is_empty() {
                    ui.weak(ctx.t("text-none"));
                }
                for p in &s.people {
                    if person_link(ctx, ui, p).clicked() {
                        cmds.push(Command::OpenEmployee(p.to_string()));
                    }
                }
            });
        }
    }
    let not: Vec<_> = report
        .designation_not_credited
        .iter()
        .filter(|n| listed.contains(&n.credential.as_str()))
        .collect();
    if !not.is_empty() {
        ui.add_space(4.0);
        ui.strong(ctx.t("spp-not-counted"));
        for n in not {
            ui.horizontal(|ui| {
                if person_link(ctx, ui, &n.employee).clicked() {
                    cmds.push(Command::OpenEmployee(n.employee.to_string()));
                }
                ui.label(format!(
                    "{}: {}",
                    ctx.catalog.credential_title(n.credential.as_str()),
                    ctx.t(&format!("reason-{}", crate::eval::words::code(&n.reason)))
                ));
            });
        }
    }
    ui.separator();
}

fn history_ui(ctx: &ViewCtx, d: &DesignationReport, ui: &mut egui::Ui) {
    ui.strong(ctx.t("spp-history"));
    egui::Grid::new(("spp_history", &d.id))
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for h in &d.history {
                ui.label(&h.month);
                ui.label(ctx.tr.number(h.total));
                ui.label(track_name(ctx, h.track));
                if h.qualified {
                    ui.colored_label(GREEN, ctx.t("spp-qualified"));
                } else {
                    ui.weak(ctx.t("spp-not-qualified"));
                }
                ui.end_row();
            }
        });
    ui.separator();
}

/// The figures a designation reads (both tracks and its flag), in catalog order.
fn figures_of(spp: &SppCatalog, id: &str) -> Vec<String> {
    let Some(d) = spp.designation(id) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let mut add = |f: &str| {
        if !out.iter().any(|o| o == f) {
            out.push(f.to_string());
        }
    };
    for m in &d.metrics {
        for s in std::iter::once(&m.enterprise).chain(m.smb.as_ref()) {
            match s {
                Scoring::Figures(f) => f.parts.iter().for_each(|(p, _)| add(p)),
                Scoring::Growth(g) => {
                    add(&g.current);
                    add(&g.baseline);
                }
                Scoring::Skill(_) => {}
            }
        }
    }
    if let crate::model::spp_def::Tracks::Classified(flag) = &d.tracks {
        add(flag);
    }
    out
}

/// The last day of the month before `d`'s.
fn month_before(d: Day) -> Day {
    d.add_days(-i64::from(d.0.day()))
}

/// One month's figures as typed: a row per figure, saved in one change.
fn figures_ui(
    ctx: &ViewCtx,
    as_of: Day,
    view: &mut DesignationsView,
    spp: &SppCatalog,
    id: &str,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    let month = *view.month.get_or_insert_with(|| month_before(as_of));
    let figures = figures_of(spp, id);
    let key = (ctx.generation, month, id.to_string(), ctx.tr.lang());
    if view.loaded.as_ref() != Some(&key) {
        view.inputs = figures
            .iter()
            .map(|f| {
                let entered: Vec<f64> = ctx
                    .org
                    .performance
                    .iter()
                    .filter(|p| {
                        p.metric == *f
                            && p.period_end == month
                            && p.track.is_none()
                            && p.association.is_none()
                    })
                    .map(|p| p.value)
                    .collect();
                let text = if entered.is_empty() {
                    String::new()
                } else {
                    ctx.tr.number(entered.iter().sum())
                };
                (f.clone(), text)
            })
            .collect();
        view.loaded = Some(key);
        view.error = None;
    }
    ui.strong(ctx.t("spp-figures"));
    ui.weak(ctx.t("spp-figures-hint"));
    ui.horizontal(|ui| {
        if ui
            .button("◀")
            .on_hover_text(ctx.t("spp-month-before"))
            .clicked()
        {
            view.month = Some(month_before(month));
        }
        ui.strong(ctx.tr.t(
            "spp-month",
            &[(
                "month",
                format!("{:04}-{:02}", month.year(), month.0.month()),
            )],
        ));
        if ui
            .button("▶")
            .on_hover_text(ctx.t("spp-month-after"))
            .clicked()
        {
            view.month = Some(month.add_days(1).add_months(1).add_days(-1));
        }
    });
    egui::Grid::new(("spp_figures", id))
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (f, text) in &mut view.inputs {
                let def = spp.figure(f);
                let l = ui.label(def.map_or(f.as_str(), |d| d.description.as_str()));
                ui.add_sized([130.0, 20.0], egui::TextEdit::singleline(text))
                    .labelled_by(l.id);
                // The unit in words; the org file's id on hover, for those who write one.
                let unit = def.map_or("", |d| crate::eval::spp_report::unit_name(d.unit));
                ui.weak(ctx.t(&format!("spp-unit-{unit}")))
                    .on_hover_text(f.as_str());
                ui.end_row();
            }
        });
    if let Some(e) = &view.error {
        ui.colored_label(super::widgets::RED, e);
    }
    let save = ctx.tr.t(
        "spp-save-figures",
        &[(
            "month",
            format!("{:04}-{:02}", month.year(), month.0.month()),
        )],
    );
    if ui.button(save).clicked() {
        let mut values = Vec::new();
        for (f, text) in &view.inputs {
            if text.trim().is_empty() {
                values.push((f.clone(), None));
                continue;
            }
            match ctx.tr.parse_number(text) {
                Some(v) => values.push((f.clone(), Some(v))),
                None => {
                    view.error = Some(ctx.tr.t(
                        "spp-not-a-number",
                        &[("figure", f.clone()), ("text", text.clone())],
                    ));
                    return;
                }
            }
        }
        view.error = None;
        cmds.push(Command::Edit(Edit::SetFigures {
            period_end: month,
            values,
        }));
    }
    ui.separator();
}
