//! The what-if sandbox: hypothetical leavers, lapses, passes, hires and figures, every
//! competency before and after, and "apply" to make them real; key-person risk below.

use super::widgets::{credential_picker, labelled_field, level_text, person_picker};
use crate::app::forecast::ForecastCommand as F;
use crate::app::{Command, ViewCtx};
use crate::eval::whatif::Change;
use crate::i18n::Tr;
use crate::i18n::Wording as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Leave,
    Lapse,
    Add,
    Hire,
    Metric,
}

const KINDS: [(Kind, &str); 5] = [
    (Kind::Leave, "sandbox-kind-leave"),
    (Kind::Lapse, "sandbox-kind-lapse"),
    (Kind::Add, "sandbox-kind-add"),
    (Kind::Hire, "sandbox-kind-hire"),
    (Kind::Metric, "sandbox-kind-metric"),
];

/// The form that builds one change.
#[derive(Default)]
pub struct SandboxView {
    pub kind: Kind,
    /// Employee id, or the hire's name.
    pub who: String,
    /// A credential, or the hire's credentials separated by commas, or the metric id.
    pub what: String,
    /// A date (leave, add) or the metric's value.
    pub value: String,
    pub error: Option<String>,
    /// What is typed in the person and credential pickers' search.
    pub who_query: String,
    pub what_query: String,
}

pub fn sandbox_ui(
    ctx: &ViewCtx,
    view: &mut SandboxView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-whatif"));
    ui.label(ctx.t("sandbox-hint"));
    form_ui(ctx, view, ui, cmds);
    ui.separator();
    changes_ui(ctx, ui, cmds);
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            result_ui(ctx, ui);
            ui.separator();
            super::risk::risk_ui(ctx, ui, cmds);
            ui.separator();
            super::credit::credit_ui(ctx, ui, cmds);
        });
}

fn form_ui(ctx: &ViewCtx, view: &mut SandboxView, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let tr = ctx.tr;
    let v = &mut *view;
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label(tr.t("sandbox-kind", &[]))
            .selected_text(tr.t(
                KINDS.iter().find(|k| k.0 == v.kind).map_or("", |k| k.1),
                &[],
            ))
            .show_ui(ui, |ui| {
                for (k, id) in KINDS {
                    ui.selectable_value(&mut v.kind, k, tr.t(id, &[]));
                }
            });
        let (who, what, value) = match v.kind {
            Kind::Leave => (Some("sandbox-employee"), None, Some("sandbox-date")),
            Kind::Lapse => (Some("sandbox-employee"), Some("sandbox-credential"), None),
            Kind::Add => (
                Some("sandbox-employee"),
                Some("sandbox-credential"),
                Some("sandbox-date"),
            ),
            Kind::Hire => (Some("sandbox-name"), Some("sandbox-credentials"), None),
            Kind::Metric => (None, Some("sandbox-metric"), Some("sandbox-value")),
        };
        // People and credentials are chosen from lists (by name, email, id, MCID; by code
        // or title); a hire's name and credentials, and a figure, are typed.
        match (who, v.kind) {
            (Some(l), Kind::Hire) => {
                labelled_field(ui, &tr.t(l, &[]), &mut v.who, 140.0);
            }
            (Some(l), _) => {
                person_picker(ctx, ui, &tr.t(l, &[]), &mut v.who, &mut v.who_query);
            }
            (None, _) => {}
        }
        match (what, v.kind) {
            (Some(l), Kind::Lapse | Kind::Add) => {
                credential_picker(
                    ctx,
                    ui,
                    &tr.t(l, &[]),
                    (&mut v.what, &mut v.what_query),
                    true,
                );
            }
            (Some(l), Kind::Metric) => metric_picker(ctx, ui, &tr.t(l, &[]), &mut v.what),
            (Some(l), _) => {
                labelled_field(ui, &tr.t(l, &[]), &mut v.what, 180.0);
            }
            (None, _) => {}
        }
        if let Some(l) = value {
            labelled_field(ui, &tr.t(l, &[]), &mut v.value, 100.0);
        }
        if ui.button(tr.t("sandbox-add-change", &[])).clicked() {
            match build(tr, ctx.catalog, v) {
                Ok(c) => {
                    v.error = None;
                    v.who.clear();
                    v.what.clear();
                    v.value.clear();
                    cmds.push(Command::Forecast(F::AddChange(c)));
                }
                Err(e) => v.error = Some(e),
            }
        }
    });
    if let Some(e) = &v.error {
        ui.colored_label(super::widgets::RED, e);
    }
}

/// The change the form describes, or what is wrong with it.
fn build(tr: &Tr, catalog: &crate::model::Catalog, v: &SandboxView) -> Result<Change, String> {
    // A typed code in any case is the catalog's credential.
    let credential = |s: &str| {
        let s = s.trim();
        catalog
            .credentials
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(s))
            .map_or_else(|| s.to_string(), |c| c.id.clone())
    };
    let need = |s: &str, label: &str| {
        let s = s.trim();
        if s.is_empty() {
            Err(tr.t("sandbox-missing", &[("field", tr.t(label, &[]))]))
        } else {
            Ok(s.to_string())
        }
    };
    let date = |s: &str| -> Result<Option<crate::model::Instant>, String> {
        if s.trim().is_empty() {
            return Ok(None);
        }
        tr.parse_instant(s)
            .map(Some)
            .ok_or_else(|| tr.t("sandbox-bad-date", &[("value", s.trim().to_string())]))
    };
    Ok(match v.kind {
        Kind::Leave => Change::Leave {
            employee: need(&v.who, "sandbox-employee")?,
            at: date(&v.value)?,
        },
        Kind::Lapse => Change::Lapse {
            employee: need(&v.who, "sandbox-employee")?,
            credential: need(&v.what, "sandbox-credential")?,
        },
        Kind::Add => Change::Add {
            employee: need(&v.who, "sandbox-employee")?,
            credential: need(&v.what, "sandbox-credential")?,
            at: date(&v.value)?,
        },
        Kind::Hire => Change::Hire {
            name: need(&v.who, "sandbox-name")?,
            credentials: need(&v.what, "sandbox-credentials")?
                .split(',')
                .map(credential)
                .filter(|c| !c.is_empty())
                .collect(),
        },
        Kind::Metric => Change::Metric {
            metric: need(&v.what, "sandbox-metric")?,
            value: need(&v.value, "sandbox-value")?
                .replace(',', ".")
                .parse()
                .map_err(|_| tr.t("sandbox-bad-value", &[("value", v.value.clone())]))?,
        },
    })
}

fn changes_ui(ctx: &ViewCtx, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let changes = &ctx.forecast.changes;
    if changes.is_empty() {
        ui.weak(ctx.t("sandbox-empty"));
        return;
    }
    for (i, c) in changes.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}. {}", i + 1, ctx.tr.change(&in_words(ctx, c))));
            if ui
                .small_button("✖")
                .on_hover_text(ctx.t("sandbox-remove"))
                .clicked()
            {
                cmds.push(Command::Forecast(F::RemoveChange(i)));
            }
        });
    }
    ui.horizontal(|ui| {
        if ui
            .button(ctx.t("sandbox-apply"))
            .on_hover_text(ctx.t("sandbox-apply-hint"))
            .clicked()
        {
            cmds.push(Command::Forecast(F::ApplySandbox));
        }
        if ui.button(ctx.t("sandbox-clear")).clicked() {
            cmds.push(Command::Forecast(F::ClearChanges));
        }
    });
}

fn result_ui(ctx: &ViewCtx, ui: &mut egui::Ui) {
    let Some(result) = &ctx.forecast.whatif.result else {
        if ctx.forecast.whatif.busy() {
            super::widgets::spinner_ui(ui);
        }
        return;
    };
    let w = match result {
        Ok(w) => w,
        Err(e) => {
            ui.colored_label(super::widgets::RED, e);
            return;
        }
    };
    if w.changes.is_empty() {
        ui.label(ctx.t("sandbox-no-change"));
    }
    egui::Grid::new("whatif-result")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong(ctx.t("text-competency"));
            ui.strong(ctx.t("sandbox-before"));
            ui.strong(ctx.t("sandbox-after"));
            ui.strong(ctx.t("sandbox-because"));
            ui.end_row();
            for def in &ctx.catalog.competencies {
                let (Some(b), Some(a)) = (w.before.get(&def.id), w.after.get(&def.id)) else {
                    continue;
                };
                let change = w.changes.iter().find(|c| c.competency == def.id);
                if change.is_none() && *b == crate::eval::LevelName::None {
                    continue;
                }
                ui.label(&def.name);
                ui.label(level_text(ctx.tr, *b));
                ui.label(level_text(ctx.tr, *a));
                match change {
                    Some(c) => {
                        let why: Vec<String> = c
                            .causes
                            .iter()
                            .filter_map(|i| ctx.forecast.changes.get(*i))
                            .map(|x| ctx.tr.change(&in_words(ctx, x)))
                            .collect();
                        ui.label(why.join("; "));
                    }
                    None => {
                        ui.weak(ctx.t("sandbox-unchanged"));
                    }
                }
                ui.end_row();
            }
        });
    designations_result_ui(ctx, w, ui);
}

/// Each designation the changes move: its total and qualification before and after.
fn designations_result_ui(ctx: &ViewCtx, w: &crate::eval::whatif::WhatIf, ui: &mut egui::Ui) {
    if w.designations.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong(ctx.t("panel-designations"));
    let state = |total: f64, q: bool| {
        let word = ctx.t(if q {
            "spp-qualified"
        } else {
            "spp-not-qualified"
        });
        format!("{} ({word})", ctx.tr.number(total))
    };
    egui::Grid::new("whatif-designations")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong(ctx.t("sandbox-designation"));
            ui.strong(ctx.t("sandbox-before"));
            ui.strong(ctx.t("sandbox-after"));
            ui.end_row();
            for d in &w.designations {
                ui.label(super::widgets::designation_name(ctx, &d.id));
                ui.label(state(d.from_total, d.from_qualified));
                ui.label(state(d.to_total, d.to_qualified));
                ui.end_row();
            }
        });
}

/// Chooses a performance metric by its name.
fn metric_picker(ctx: &ViewCtx, ui: &mut egui::Ui, label: &str, id: &mut String) {
    let l = ui.label(label);
    let name = |m: &str| super::widgets::metric_name(ctx, m);
    let shown = if id.is_empty() {
        ctx.t("picker-choose-metric")
    } else {
        name(id)
    };
    egui::ComboBox::from_id_salt("metric-picker")
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            for m in &ctx.catalog.metrics {
                ui.selectable_value(id, m.id.clone(), name(&m.id));
            }
            // Designation figures: the month in force becomes the value.
            if let Some(spp) = ctx.catalog.designations.as_deref() {
                ui.separator();
                for f in &spp.figures {
                    ui.selectable_value(id, f.id.clone(), &f.description);
                }
            }
        })
        .response
        .labelled_by(l.id);
}

/// The change with display names, credential titles and the metric's name (ids in the model).
pub fn in_words(ctx: &ViewCtx, c: &Change) -> Change {
    let name = |id: &String| super::widgets::person_name(ctx, id);
    let title = |id: &String| ctx.catalog.credential_title(id).to_string();
    match c {
        Change::Leave { employee, at } => Change::Leave {
            employee: name(employee),
            at: *at,
        },
        Change::Lapse {
            employee,
            credential,
        } => Change::Lapse {
            employee: name(employee),
            credential: title(credential),
        },
        Change::Add {
            employee,
            credential,
            at,
        } => Change::Add {
            employee: name(employee),
            credential: title(credential),
            at: *at,
        },
        Change::Hire { name, credentials } => Change::Hire {
            name: name.clone(),
            credentials: credentials.iter().map(title).collect(),
        },
        Change::Metric { metric, value } => Change::Metric {
            metric: super::widgets::metric_name(ctx, metric),
            value: *value,
        },
    }
}
