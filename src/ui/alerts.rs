//! The alerts list (codes of org-file.md); each alert links to its cause. Rows have one
//! height so that only the visible ones are drawn: a large organisation has thousands.

use super::widgets::{AMBER, Link, RED, links_ui};
use crate::app::{Command, Panel, ViewCtx};
use crate::eval::report::{Alert, AlertCode};

pub fn alerts_panel_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(report) = ctx.eval.report.clone() else {
        return;
    };
    egui::Panel::right("alerts")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| {
            ui.heading(ctx.tr.t(
                "alerts-title",
                &[("count", report.alerts.len().to_string())],
            ));
            if report.alerts.is_empty() {
                ui.weak(ctx.t("alerts-none"));
                return;
            }
            let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
            let row = 3.0 * line + ui.spacing().item_spacing.y;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row, report.alerts.len(), |ui, range| {
                    for i in range {
                        let size =
                            egui::vec2(ui.available_width(), row - ui.spacing().item_spacing.y);
                        ui.allocate_ui(size, |ui| {
                            ui.set_min_size(size);
                            ui.push_id(i, |ui| alert_ui(ctx, ui, &report.alerts[i], cmds));
                        });
                    }
                });
        });
}

fn alert_ui(ctx: &ViewCtx, ui: &mut egui::Ui, a: &Alert, cmds: &mut Vec<Command>) {
    let color = match a.code {
        AlertCode::RenewalAtRisk | AlertCode::MembershipLapsed => RED,
        _ => AMBER,
    };
    ui.colored_label(
        color,
        ctx.t(&format!(
            "code-{}",
            a.code.message_id().trim_start_matches("alert-")
        )),
    );
    // Cut to the panel; egui shows the whole message on hover then (once).
    ui.add(egui::Label::new(&a.message).truncate());
    links_ui(ctx, ui, &links(ctx, a), 0.0, cmds);
}

/// What an alert links to: people by name (the id on hover), competencies, designations,
/// and the panel that deals with it.
fn links(ctx: &ViewCtx, a: &Alert) -> Vec<Link> {
    let link = |text: String, opens: Command| Link {
        text,
        hover: None,
        opens,
    };
    let mut links: Vec<Link> = a
        .employees
        .iter()
        .flatten()
        .map(|e| Link {
            text: super::widgets::person_name(ctx, e),
            hover: Some(e.to_string()),
            opens: Command::OpenEmployee(e.to_string()),
        })
        .collect();
    links.extend(a.competencies.iter().map(|c| {
        link(
            ctx.catalog.competency_name(c).to_string(),
            Command::OpenCompetency(c.to_string()),
        )
    }));
    links.extend(a.designations.iter().flatten().map(|d| {
        link(
            super::widgets::designation_name(ctx, d),
            Command::OpenDesignation(d.to_string()),
        )
    }));
    if a.code == AlertCode::DesignationCatalogStale {
        links.push(link(
            ctx.t("panel-designations"),
            Command::Show(Panel::Designations),
        ));
    }
    if matches!(
        a.code,
        AlertCode::RenewalWindowOpen
            | AlertCode::RenewalReminder
            | AlertCode::MembershipLapsed
            | AlertCode::OverrideEnding
    ) {
        links.push(link(
            ctx.t("panel-membership"),
            Command::Show(Panel::Membership),
        ));
    }
    links
}
