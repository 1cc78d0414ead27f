//! The what-if sandbox: hypothetical leavers, lapses, passes, hires and figures, every
//! competency before and after, and "apply" to make them real; key-person risk below.

use super::widgets::{labelled_field, level_text};
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
        if let Some(l) = who {
            labelled_field(ui, &tr.t(l, &[]), &mut v.who, 140.0);
        }
        if let Some(l) = what {
            labelled_field(ui, &tr.t(l, &[]), &mut v.what, 180.0);
        }
        if let Some(l) = value {
            labelled_field(ui, &tr.t(l, &[]), &mut v.value, 100.0);
        }
        if ui.button(tr.t("sandbox-add-change", &[])).clicked() {
            match build(tr, v) {
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
fn build(tr: &Tr, v: &SandboxView) -> Result<Change, String> {
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
                .map(|c| c.trim().to_string())
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
            ui.label(format!("{}. {}", i + 1, ctx.tr.change(c)));
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
            ui.spinner();
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
                            .map(|x| ctx.tr.change(x))
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
}
