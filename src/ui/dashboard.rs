//! The competency dashboard, the Competency paths panel's first view: a row per competency
//! with its computed and displayed level, a bar per requirement of the option closest to the
//! next level, and a status; what needs attention first. A click opens the competency.

use super::widgets::{AMBER, GREEN, RED, level_color, level_text};
use crate::app::{Command, ViewCtx};
use crate::eval::LevelName;
use crate::eval::report::{AlertCode, CompetencyReport, LevelReport, Requirement};
use crate::model::{Competency, Day};

/// Which rows the dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// At risk or not at the next level yet.
    Attention,
    Met,
}

/// How a competency stands, in the order the dashboard sorts by.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Standing {
    /// A level that stops on this day (an expiring credential, an override ending).
    AtRisk(Day),
    /// Requirements of the next level still open: how many people and figures are missing.
    Missing(u32),
    /// Gold, or the next level's requirements all met.
    Met,
}

/// One dashboard row.
struct Row<'a> {
    def: &'a Competency,
    c: &'a CompetencyReport,
    /// The level aimed at (the next one; Gold kept at Gold) and its closest option.
    target: LevelName,
    option: Option<(&'a str, &'a LevelReport)>,
    standing: Standing,
}

pub fn dashboard_ui(
    ctx: &ViewCtx,
    filter: &mut Filter,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    let Some(report) = ctx.eval.report.clone() else {
        super::widgets::evaluating_ui(ctx, ui);
        return;
    };
    let risks = earliest_risks(&report.alerts);
    let mut rows: Vec<Row> = ctx
        .catalog
        .competencies
        .iter()
        .zip(&report.competencies)
        .map(|(def, c)| row(def, c, &risks))
        .collect();
    // What needs attention first: at risk (soonest first), then fewest missing, then met.
    rows.sort_by(|a, b| {
        a.standing
            .partial_cmp(&b.standing)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    ui.horizontal(|ui| {
        ui.label(ctx.t("dashboard-show"));
        for (f, key) in [
            (Filter::All, "dashboard-filter-all"),
            (Filter::Attention, "dashboard-filter-attention"),
            (Filter::Met, "dashboard-filter-met"),
        ] {
            ui.selectable_value(filter, f, ctx.t(key));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for r in rows.iter().filter(|r| match filter {
                Filter::All => true,
                Filter::Attention => r.standing != Standing::Met,
                Filter::Met => r.standing == Standing::Met,
            }) {
                row_ui(ctx, ui, r, cmds);
            }
        });
}

/// Per competency, the soonest day a credential or an override it relies on ends: one pass
/// over the alerts (at 100,000 people there are thousands; a pass per competency made the
/// panel's frame 7 ms).
fn earliest_risks(alerts: &[crate::eval::report::Alert]) -> rustc_hash::FxHashMap<&str, Day> {
    let mut risks: rustc_hash::FxHashMap<&str, Day> = Default::default();
    for a in alerts.iter().filter(|a| {
        matches!(
            a.code,
            AlertCode::CredentialExpiring | AlertCode::OverrideEnding
        )
    }) {
        let Some(day) = a.date.as_deref().and_then(|d| Day::parse(d).ok()) else {
            continue;
        };
        for c in &a.competencies {
            let soonest = risks.entry(&**c).or_insert(day);
            *soonest = (*soonest).min(day);
        }
    }
    risks
}

fn row<'a>(
    def: &'a Competency,
    c: &'a CompetencyReport,
    risks: &rustc_hash::FxHashMap<&str, Day>,
) -> Row<'a> {
    let target = match c.level {
        LevelName::None => LevelName::Silver,
        _ => LevelName::Gold,
    };
    // The option closest to the target: most of its requirements' progress done.
    let option = def
        .options
        .iter()
        .zip(&c.options)
        .map(|(o, r)| {
            let lr = if target == LevelName::Gold {
                &r.gold
            } else {
                &r.silver
            };
            (o.name.as_str(), lr)
        })
        .filter(|(_, lr)| !lr.requirements.is_empty())
        .max_by(|a, b| {
            progress(a.1)
                .partial_cmp(&progress(b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    let risk = risks.get(def.id.as_str()).copied();
    let missing = option.map_or(0, |(_, lr)| missing_count(lr));
    let standing = match risk {
        Some(day) => Standing::AtRisk(day),
        None if option.is_none_or(|(_, lr)| lr.met) => Standing::Met,
        None => Standing::Missing(missing),
    };
    Row {
        def,
        c,
        target,
        option,
        standing,
    }
}

/// The share of a level's requirements done (people and figures counted up to what is due).
fn progress(lr: &LevelReport) -> f64 {
    let n = lr.requirements.len().max(1) as f64;
    lr.requirements.iter().map(fraction).sum::<f64>() / n
}

fn fraction(r: &Requirement) -> f64 {
    match r {
        Requirement::Performance {
            required, actual, ..
        } => {
            if *required > 0.0 {
                (actual / required).clamp(0.0, 1.0)
            } else {
                1.0
            }
        }
        Requirement::Skill {
            required_people,
            people,
            ..
        } => (people.len() as f64 / f64::from((*required_people).max(1))).min(1.0),
    }
}

/// People still missing, plus figures below their threshold.
fn missing_count(lr: &LevelReport) -> u32 {
    lr.requirements
        .iter()
        .map(|r| match r {
            Requirement::Skill {
                required_people,
                people,
                met: false,
                ..
            } => required_people.saturating_sub(people.len() as u32).max(1),
            Requirement::Performance { met: false, .. } => 1,
            _ => 0,
        })
        .sum()
}

fn row_ui(ctx: &ViewCtx, ui: &mut egui::Ui, r: &Row, cmds: &mut Vec<Command>) {
    let frame = egui::Frame::group(ui.style()).inner_margin(8.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let name = ui
                .add(egui::Button::new(egui::RichText::new(&r.def.name).strong()).frame(false))
                .on_hover_text(ctx.t("dashboard-open-hint"));
            if name.clicked() {
                cmds.push(Command::OpenCompetency(r.def.id.clone()));
            }
            badge(ui, ctx.t("dashboard-computed"), r.c.level, ctx);
            if r.c.displayed_level != r.c.level {
                badge(ui, ctx.t("dashboard-displayed"), r.c.displayed_level, ctx);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let (text, color) = match &r.standing {
                    Standing::AtRisk(day) => (
                        ctx.tr
                            .t("dashboard-at-risk", &[("date", ctx.tr.date(*day))]),
                        RED,
                    ),
                    Standing::Missing(n) => (
                        ctx.tr.t("dashboard-missing", &[("count", n.to_string())]),
                        AMBER,
                    ),
                    Standing::Met => (ctx.t("dashboard-met"), GREEN),
                };
                ui.colored_label(color, text);
            });
        });
        let Some((option, lr)) = r.option else {
            return;
        };
        ui.weak(ctx.tr.t(
            "dashboard-closest",
            &[
                ("level", ctx.tr.level(r.target)),
                ("option", option.to_string()),
            ],
        ));
        egui::Grid::new(("dashboard-bars", &r.def.id))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for req in &lr.requirements {
                    bar_ui(ctx, ui, req);
                    ui.end_row();
                }
            });
    });
}

fn badge(ui: &mut egui::Ui, label: String, level: LevelName, ctx: &ViewCtx) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, level_color(level)))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.weak(label);
                ui.label(level_text(ctx.tr, level));
            });
        });
}

/// One requirement: its name and a bar with "x of y".
fn bar_ui(ctx: &ViewCtx, ui: &mut egui::Ui, req: &Requirement) {
    let (name, text) = match req {
        Requirement::Performance {
            metric,
            required,
            actual,
            ..
        } => {
            let amount = |v: f64| {
                if metric.ends_with("_usd") {
                    ctx.tr.usd(v)
                } else {
                    ctx.tr.number(v)
                }
            };
            (
                ctx.t(&format!("metric-{}", metric.replace('_', "-"))),
                ctx.tr.t(
                    "dashboard-of",
                    &[("have", amount(*actual)), ("need", amount(*required))],
                ),
            )
        }
        Requirement::Skill {
            required_people,
            people,
            met,
            ..
        } => (
            ctx.t("competency-people"),
            ctx.tr.t(
                // Enough people, yet not met: a further condition of the step (say so, or
                // a red "2 of 2" reads as a contradiction).
                if !met && people.len() >= *required_people as usize {
                    "dashboard-people-condition"
                } else {
                    "dashboard-people-of"
                },
                &[
                    (
                        "have",
                        people.len().min(*required_people as usize).to_string(),
                    ),
                    ("need", required_people.to_string()),
                ],
            ),
        ),
    };
    ui.label(name);
    ui.add(
        egui::ProgressBar::new(fraction(req) as f32)
            .text(text)
            .desired_width(320.0)
            .fill(if req.met() { GREEN } else { RED }),
    );
}
