//! Confirmation before destructive actions; a leaver, a removal or a dissociation shows its
//! impact first, computed on a worker for a large organisation.

use crate::app::{AttainApp, Command};
use crate::eval::LevelName;
use crate::model::{Catalog, Edit, Instant, Org};

/// What waits for the user's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub title: String,
    pub body: Vec<String>,
    pub yes: String,
    pub command: Command,
}

/// The levels an edit lowers: (competency index, before, after), and the instant compared
/// when it is later than the window's (a leaving date in the future).
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub drops: Vec<(usize, LevelName, LevelName)>,
    pub later: Option<Instant>,
}

pub fn confirm_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let Some(c) = app.view.confirm.clone() else {
        return;
    };
    if app.view.impact.poll() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
    let mut close = false;
    egui::Modal::new(egui::Id::unique("confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(&c.title);
        for line in &c.body {
            ui.label(line);
        }
        if app.view.impact.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(app.t("impact-computing"));
            });
        } else if let Some(impact) = &app.view.impact.result {
            for line in impact_lines(app, impact) {
                ui.label(line);
            }
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
        app.view.impact.clear();
    }
}

/// Asks before `edit`, with what it does to the competency levels.
pub fn confirm_edit(app: &mut AttainApp, title: String, yes: String, edit: Edit) {
    start_impact(app, &edit);
    app.view.confirm = Some(Confirm {
        title,
        body: Vec::new(),
        yes,
        command: Command::Edit(edit),
    });
}

/// Computes the impact of `edit` (now for a small organisation, else on a worker).
fn start_impact(app: &mut AttainApp, edit: &Edit) {
    // The window's evaluation already holds the levels at its instant.
    let shown = app.eval.report.as_ref().and_then(|r| {
        let t = Instant::parse(&r.as_of).ok()?;
        Some((
            t,
            r.competencies.iter().map(|c| c.level).collect::<Vec<_>>(),
        ))
    });
    let shown_at = shown.as_ref().map_or_else(|| app.as_of(), |(t, _)| *t);
    // A person who leaves or moves later still counts until then: compare after that.
    let at = effect_instant(edit).filter(|t| *t > shown_at);
    let before = shown.filter(|_| at.is_none()).map(|(_, l)| l);
    let (catalog, org, edit) = (app.catalog.clone(), app.org.clone(), edit.clone());
    let t = at.unwrap_or(shown_at);
    app.view.impact.start(org.employees.len(), move || {
        let drops = level_drops(&catalog, &org, &edit, t, before);
        Impact { drops, later: at }
    });
}

/// When the edit's consequence starts: a leaving or dissociation instant.
fn effect_instant(edit: &Edit) -> Option<Instant> {
    match edit {
        Edit::SetLeaver {
            left_on: Some(t), ..
        }
        | Edit::Dissociate { at: t, .. } => Some(*t),
        _ => None,
    }
}

/// The competencies whose level at `t` is lower with `edit` applied.
fn level_drops(
    catalog: &Catalog,
    org: &Org,
    edit: &Edit,
    t: Instant,
    before: Option<Vec<LevelName>>,
) -> Vec<(usize, LevelName, LevelName)> {
    let levels = |org: &Org| {
        crate::eval::Engine::new(catalog, org)
            .map(|e| e.levels_at(t))
            .unwrap_or_default()
    };
    let mut after_org = org.clone();
    if edit.apply(&mut after_org).is_err() {
        return Vec::new();
    }
    let after = levels(&after_org);
    drop(after_org);
    let before = before.unwrap_or_else(|| levels(org));
    before
        .iter()
        .zip(&after)
        .enumerate()
        .filter(|(_, (b, a))| a < b)
        .map(|(i, (b, a))| (i, *b, *a))
        .collect()
}

/// The impact as lines for the confirmation.
fn impact_lines(app: &AttainApp, impact: &Impact) -> Vec<String> {
    let lines: Vec<String> = impact
        .drops
        .iter()
        .filter_map(|(i, b, a)| {
            let c = app.catalog.competencies.get(*i)?;
            let mut args = vec![
                ("competency", c.name.clone()),
                ("from", app.tr.level(*b)),
                ("to", app.tr.level(*a)),
            ];
            Some(match impact.later {
                Some(t) => {
                    args.push(("date", app.tr.date(t.day())));
                    app.tr.t("impact-drop-on", &args)
                }
                None => app.tr.t("impact-drop", &args),
            })
        })
        .collect();
    if lines.is_empty() {
        vec![app.t("impact-none")]
    } else {
        lines
    }
}
