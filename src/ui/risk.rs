//! Key-person risk: who alone would lower a level, and each competency's bus factor.

use super::widgets::{level_text, on_request_ui};
use crate::app::forecast::ForecastCommand as F;
use crate::app::{AttainApp, Command};
use crate::eval::risk::MAX_BUS_FACTOR_SEARCHED;

pub fn risk_ui(app: &AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.heading(app.t("risk-title"));
    ui.label(app.t("risk-hint"));
    let labels = (&*app.t("risk-compute"), &*app.t("risk-computing"));
    let ask = Command::Forecast(F::Risk);
    let Some(risk) = on_request_ui(ui, &app.forecast.risk, labels, ask, cmds) else {
        return;
    };
    let name = |id| app.catalog.competency_name(id);
    ui.strong(app.t("risk-bus-factor"));
    egui::Grid::new("bus-factor").striped(true).show(ui, |ui| {
        for (comp, n) in &risk.bus_factor {
            ui.label(name(comp));
            ui.label(if *n > MAX_BUS_FACTOR_SEARCHED {
                app.tr.t(
                    "risk-more-than",
                    &[("n", MAX_BUS_FACTOR_SEARCHED.to_string())],
                )
            } else {
                n.to_string()
            });
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    if risk.people.is_empty() {
        ui.label(app.t("risk-nobody"));
        return;
    }
    ui.strong(app.t("risk-people"));
    egui::Grid::new("key-people").striped(true).show(ui, |ui| {
        for p in &risk.people {
            if ui.link(&p.employee).clicked() {
                cmds.push(Command::OpenEmployee(p.employee.clone()));
            }
            ui.horizontal_wrapped(|ui| {
                for d in &p.competencies {
                    ui.label(format!("{}:", name(&d.id)));
                    ui.label(level_text(&app.tr, d.from));
                    ui.label("→");
                    ui.label(level_text(&app.tr, d.to));
                    ui.add_space(8.0);
                }
            });
            ui.end_row();
        }
    });
}
