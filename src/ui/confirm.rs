//! Confirmation before destructive actions; a leaver shows its impact first.

use crate::app::{AttainApp, Command};
use crate::eval::LevelName;

/// What waits for the user's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub title: String,
    pub body: Vec<String>,
    pub yes: String,
    pub command: Command,
}

pub fn confirm_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(c) = app.view.confirm.clone() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(&c.title);
        for line in &c.body {
            ui.label(line);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(&c.yes).clicked() {
                cmds.push(c.command.clone());
                close = true;
            }
            if ui.button(app.t("button-cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                close = true;
            }
        });
    });
    if close {
        app.view.confirm = None;
    }
}

/// Competencies whose level drops if `edit` is applied, as lines for a confirmation.
pub fn impact_lines(app: &AttainApp, edit: &crate::model::Edit) -> Vec<String> {
    let mut after: crate::model::Org = (*app.org).clone();
    if edit.apply(&mut after).is_err() {
        return Vec::new();
    }
    // The window's evaluation already holds the levels before: compare at its instant.
    let shown = app.eval.report.as_ref().and_then(|r| {
        let t = crate::model::Instant::parse(&r.as_of).ok()?;
        Some((
            t,
            r.competencies.iter().map(|c| c.level).collect::<Vec<_>>(),
        ))
    });
    let t = shown.as_ref().map_or_else(|| app.as_of(), |(t, _)| *t);
    let levels = |org: &crate::model::Org| {
        crate::eval::Engine::new(&app.catalog, org)
            .map(|e| e.levels_at(t))
            .unwrap_or_default()
    };
    let before = shown.map_or_else(|| levels(&app.org), |(_, l)| l);
    let after = levels(&after);
    let word = |l: LevelName| app.t(&format!("level-{}", l.as_str()));
    let lines: Vec<String> = app
        .catalog
        .competencies
        .iter()
        .zip(before.iter().zip(&after))
        .filter(|(_, (b, a))| a < b)
        .map(|(c, (b, a))| {
            app.tr.t(
                "impact-drop",
                &[
                    ("competency", c.name.clone()),
                    ("from", word(*b)),
                    ("to", word(*a)),
                ],
            )
        })
        .collect();
    if lines.is_empty() {
        vec![app.t("impact-none")]
    } else {
        lines
    }
}
