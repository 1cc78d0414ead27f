//! The timeline chart: each competency's level over the next 12 months, from expiry,
//! retirement, leavers, overrides and anniversaries.

use crate::app::{Command, ViewCtx};
use crate::eval::LevelName;
use egui::Color32;
use egui_plot::{Line, Plot, PlotPoints};

/// One colour per competency (catalog order), distinct on the dark theme.
const PALETTE: [Color32; 12] = [
    Color32::from_rgb(0x4E, 0x9F, 0xE5),
    Color32::from_rgb(0xE5, 0xA0, 0x2E),
    Color32::from_rgb(0x5C, 0xC2, 0x6E),
    Color32::from_rgb(0xE0, 0x5A, 0x5A),
    Color32::from_rgb(0xB0, 0x7C, 0xE8),
    Color32::from_rgb(0x3F, 0xC9, 0xC0),
    Color32::from_rgb(0xF2, 0x79, 0xC2),
    Color32::from_rgb(0xC8, 0xC8, 0x4E),
    Color32::from_rgb(0x9A, 0xA5, 0xB8),
    Color32::from_rgb(0xF0, 0x8A, 0x4B),
    Color32::from_rgb(0x7E, 0xD3, 0xF5),
    Color32::from_rgb(0xA6, 0xD8, 0x5B),
];

fn color_of(c: usize) -> Color32 {
    PALETTE[c % PALETTE.len()]
}

pub fn timeline_ui(ctx: &ViewCtx, ui: &mut egui::Ui, _cmds: &mut Vec<Command>) {
    ui.heading(ctx.t("panel-timeline"));
    let Some(tl) = ctx.eval.timeline.clone() else {
        super::widgets::evaluating_ui(ctx, ui);
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
    let height = ui.available_height() - 140.0;
    ui.horizontal_top(|ui| {
        // The legend beside the plot, never over it: a colour per competency.
        let legend_width = 230.0;
        let plot_width = (ui.available_width() - legend_width - 12.0).max(200.0);
        Plot::new("timeline")
            .width(plot_width)
            .height(height)
            .include_y(0.0)
            .include_y(2.2)
            .x_axis_formatter(move |m, _| lang.date(start_day.add_days(m.value.round() as i64)))
            // Hovering a line says which competency, the day and its level there.
            .label_formatter({
                let hover_levels = levels.clone();
                move |h| match h {
                    egui_plot::HoverPosition::NearDataPoint {
                        plot_name,
                        position,
                        ..
                    } => {
                        let day = lang.date(start_day.add_days(position.x.round() as i64));
                        let level = hover_levels
                            .get(position.y.round().clamp(0.0, 2.0) as usize)
                            .cloned()
                            .unwrap_or_default();
                        Some(format!("{plot_name}\n{day}: {level}"))
                    }
                    egui_plot::HoverPosition::Elsewhere { .. } => None,
                }
            })
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
                    let color = color_of(*c);
                    // Steps have two points at one x: not a band to fill.
                    let line = Line::new(names[k].clone(), PlotPoints::from(pts)).allow_band(false);
                    plot.line(line.width(2.0).color(color));
                }
            });
        ui.vertical(|ui| {
            ui.set_width(legend_width);
            for (k, c) in shown.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 4.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 1.0, color_of(*c));
                    ui.label(&names[k]);
                });
            }
        });
    });
    changes_ui(ctx, ui, &tl);
}

fn level_y(l: LevelName) -> f64 {
    match l {
        LevelName::None => 0.0,
        LevelName::Silver => 1.0,
        LevelName::Gold => 2.0,
    }
}

/// The changes in words under the chart, each with its causes.
fn changes_ui(ctx: &ViewCtx, ui: &mut egui::Ui, tl: &crate::app::evaluation::Timeline) {
    use crate::i18n::Wording as _;
    let tr = ctx.tr;
    let person = |id: &str| super::widgets::person_name(ctx, id);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for e in &tl.events {
            let Ok(at) = crate::model::Instant::parse(&e.at) else {
                continue;
            };
            let change = tr.t(
                "timeline-change",
                &[
                    ("date", tr.date(at.day())),
                    (
                        "competency",
                        ctx.catalog.competency_name(&e.competency).to_string(),
                    ),
                    ("from", tr.level(e.from)),
                    ("to", tr.level(e.to)),
                ],
            );
            let causes: Vec<String> = e
                .causes
                .iter()
                .map(|c| tr.cause(ctx.catalog, &person, c))
                .collect();
            ui.horizontal_wrapped(|ui| {
                ui.label(change);
                if !causes.is_empty() {
                    ui.weak(tr.t("timeline-because", &[("causes", causes.join("; "))]));
                }
            });
        }
    });
}
