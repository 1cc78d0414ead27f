//! The timeline chart: each competency's level over the next 12 months, from expiry,
//! retirement, leavers, overrides and anniversaries.

use super::widgets::level_color;
use crate::app::{Command, ViewCtx};
use crate::eval::LevelName;
use egui_plot::{Legend, Line, Plot, PlotPoints};

pub fn timeline_ui(ctx: &ViewCtx, ui: &mut egui::Ui, _cmds: &mut Vec<Command>) {
    ui.heading(ctx.t("panel-timeline"));
    let Some(tl) = ctx.eval.timeline.clone() else {
        ui.spinner();
        return;
    };
    let Some(start) = tl.points.first().map(|(t, _)| t.secs()) else {
        return;
    };
    let day = |secs: i64| (secs - start) as f64 / 86_400.0;
    let shown: Vec<usize> = (0..ctx.catalog.competencies.len())
        .filter(|c| tl.points.iter().any(|(_, l)| l[*c] != LevelName::None))
        .collect();
    if shown.is_empty() {
        ui.label(ctx.t("timeline-empty"));
        return;
    }
    ui.label(ctx.t("timeline-hint"));
    let names: Vec<String> = shown
        .iter()
        .map(|c| ctx.catalog.competencies[*c].name.clone())
        .collect();
    let start_day = tl.points[0].0.day();
    let lang = ctx.tr.lang();
    let levels = ["level-none", "level-silver", "level-gold"].map(|k| ctx.t(k));
    Plot::new("timeline")
        .legend(Legend::default())
        .height(ui.available_height() - 120.0)
        .include_y(0.0)
        .include_y(2.2)
        .x_axis_formatter(move |m, _| lang.date(start_day.add_days(m.value.round() as i64)))
        // Only the three levels are named: the grid's finer marks stay blank.
        .y_axis_formatter(move |m, _| {
            let level = m.value.round();
            if (m.value - level).abs() > 1e-6 {
                return String::new();
            }
            levels.get(level as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            for (k, c) in shown.iter().enumerate() {
                // Step lines, offset a little so overlapping competencies stay visible.
                let mut pts: Vec<[f64; 2]> = Vec::new();
                let offset = k as f64 * 0.03;
                for (i, (t, levels)) in tl.points.iter().enumerate() {
                    let y = level_y(levels[*c]) + offset;
                    if i > 0 {
                        pts.push([day(t.secs()), pts.last().map_or(y, |p| p[1])]);
                    }
                    pts.push([day(t.secs()), y]);
                }
                let color = level_color(tl.points[0].1[*c]);
                let color = if k % 2 == 0 {
                    color
                } else {
                    color.gamma_multiply(0.7)
                };
                // Steps have two points at one x: not a band to fill.
                let line = Line::new(names[k].clone(), PlotPoints::from(pts)).allow_band(false);
                plot.line(line.width(2.0).color(color));
            }
        });
    changes_ui(ctx, ui, &tl, &shown);
}

fn level_y(l: LevelName) -> f64 {
    match l {
        LevelName::None => 0.0,
        LevelName::Silver => 1.0,
        LevelName::Gold => 2.0,
    }
}

/// The changes in words, under the chart.
fn changes_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    tl: &crate::app::evaluation::Timeline,
    shown: &[usize],
) {
    let tr = ctx.tr;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for w in tl.points.windows(2) {
            let (_, before) = &w[0];
            let (t, after) = &w[1];
            for c in shown {
                if before[*c] != after[*c] {
                    ui.label(tr.t(
                        "timeline-change",
                        &[
                            ("date", tr.date(t.day())),
                            ("competency", ctx.catalog.competencies[*c].name.clone()),
                            ("from", tr.level(before[*c])),
                            ("to", tr.level(after[*c])),
                        ],
                    ));
                }
            }
        }
    });
}
