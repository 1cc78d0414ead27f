//! Achievements of one employee: add from the catalog with search, dates, expiry and grace;
//! coloured expired (red), counting for less than 90 days (amber), valid (green).

use super::widgets::{AMBER, GREEN, RED, labelled_field};
use crate::app::{Command, Panel, ViewCtx};
use crate::model::{Achievement, Credential, Day, Edit, Employee};
use egui::Color32;

#[derive(Default)]
pub struct AchievementsView {
    pub employee: Option<String>,
    pub search: String,
    pub picked: Option<String>,
    pub passed: String,
    /// The user typed in "Passed on" (else it follows today).
    pub passed_edited: bool,
    pub expires: String,
}

/// When an achievement stops counting, ignoring the person (retirement grace, expiry).
fn counts_until(c: &Credential, a: &Achievement) -> Option<Day> {
    let grace = c
        .counts_until
        .as_deref()
        .or(c.retires.as_deref())
        .and_then(|d| Day::parse(d).ok());
    match (grace, a.expires_on) {
        (Some(g), Some(e)) => Some(g.min(e)),
        (g, e) => g.or(e),
    }
}

/// The credential's retirement and the grace after it (domain §6.8): "06/30/2019, grace
/// until 12/31/2019", or a dash for a credential that does not retire.
fn retirement_text(ctx: &ViewCtx, c: &Credential) -> String {
    let day = |d: Option<&str>| d.and_then(|d| Day::parse(d).ok());
    match (day(c.retires.as_deref()), day(c.counts_until.as_deref())) {
        (Some(r), Some(g)) if g != r => ctx.tr.t(
            "achievements-retires-grace",
            &[("retires", ctx.tr.date(r)), ("until", ctx.tr.date(g))],
        ),
        (Some(r), _) => ctx.tr.date(r),
        (None, _) => "–".to_string(),
    }
}

/// Expired (red), ending within 90 days (amber), valid (green).
pub fn validity_color(until: Option<Day>, today: Day, inactive: bool) -> Color32 {
    match until {
        _ if inactive => RED,
        Some(u) if u < today => RED,
        Some(u) if u < today.add_days(90) => AMBER,
        _ => GREEN,
    }
}

pub fn achievements_ui(
    ctx: &ViewCtx,
    view: &mut AchievementsView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-achievements"));
    let Some(id) = view.employee.clone() else {
        ui.label(ctx.t("achievements-pick"));
        if ui.button(ctx.t("panel-employees")).clicked() {
            cmds.push(Command::Show(Panel::Employees));
        }
        return;
    };
    let Some(e) = ctx.org.employees.iter().find(|e| e.id == id).cloned() else {
        // Gone (removed, undone, another organisation shown): back to the choice.
        view.employee = None;
        return;
    };
    ui.horizontal(|ui| {
        ui.strong(&e.display_name);
        ui.weak(&e.email);
    });
    list_ui(ctx, ui, &e, cmds);
    ui.separator();
    add_ui(ctx, view, ui, &e, cmds);
}

fn list_ui(ctx: &ViewCtx, ui: &mut egui::Ui, e: &Employee, cmds: &mut Vec<Command>) {
    let today = ctx.now().day();
    let report = ctx.eval.report.clone();
    egui::ScrollArea::horizontal()
        .id_salt("achievements_scroll")
        .show(ui, |ui| grid_ui(ctx, ui, e, today, report.as_deref(), cmds));
}

fn grid_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    e: &Employee,
    today: Day,
    report: Option<&crate::eval::Report>,
    cmds: &mut Vec<Command>,
) {
    egui::Grid::new("achievements_grid")
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            for k in [
                "achievements-col-credential",
                "achievements-col-title",
                "achievements-col-passed",
                "achievements-col-expires",
                "achievements-col-retires",
                "achievements-col-until",
                "achievements-col-status",
                "",
            ] {
                ui.strong(if k.is_empty() {
                    String::new()
                } else {
                    ctx.t(k)
                });
            }
            ui.end_row();
            for (i, a) in e.achievements.iter().enumerate() {
                let Some(c) = ctx
                    .catalog
                    .credentials
                    .iter()
                    .find(|c| c.id == a.credential)
                else {
                    continue;
                };
                let until = counts_until(c, a);
                ui.colored_label(
                    validity_color(until, today, a.inactive),
                    a.credential.as_str(),
                );
                // Long titles are cut (whole on hover) so the dates and status stay in view.
                ui.scope(|ui| {
                    ui.set_max_width(260.0);
                    // A column of its own width (a grid would keep the first row's and cut
                    // every title short); a longer title is cut, whole on hover.
                    let size = egui::vec2(300.0, ui.spacing().interact_size.y);
                    ui.allocate_ui_with_layout(
                        size,
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(size.x);
                            ui.add(egui::Label::new(&c.title).truncate());
                        },
                    );
                });
                ui.label(ctx.tr.date(a.passed_on.day()));
                ui.label(
                    a.expires_on
                        .map_or_else(|| "–".to_string(), |d| ctx.tr.date(d)),
                );
                ui.label(retirement_text(ctx, c));
                ui.label(until.map_or_else(|| "–".to_string(), |u| ctx.tr.date(u)));
                // The report lists them by employee id (domain §3.7): find the person's few.
                let reason = report.as_ref().and_then(|r| {
                    let from = r
                        .not_credited
                        .partition_point(|n| &*n.employee < e.id.as_str());
                    r.not_credited[from..]
                        .iter()
                        .take_while(|n| &*n.employee == e.id.as_str())
                        .find(|n| &*n.credential == a.credential.as_str())
                });
                match reason {
                    // Within the sync delay: the day it starts counting, not just "waiting".
                    Some(n) if n.reason == crate::eval::people::Reason::SyncDelay => {
                        let delay = i64::from(ctx.org.settings().sync_delay_hours) * 3600;
                        let from = a.passed_on.max(e.associated_on.unwrap_or(a.passed_on));
                        let day = crate::model::Instant::from_secs(from.secs() + delay).day();
                        ui.colored_label(
                            AMBER,
                            ctx.tr
                                .t("achievements-counts-from", &[("date", ctx.tr.date(day))]),
                        )
                        .on_hover_text(ctx.t("reason-sync-delay"))
                    }
                    Some(n) => {
                        let code = serde_json::to_value(n.reason)
                            .ok()
                            .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
                            .unwrap_or_default();
                        ui.colored_label(AMBER, ctx.t(&format!("reason-{code}")))
                    }
                    None => ui.label(ctx.t("achievements-counts")),
                };
                if ui
                    .small_button("✖")
                    .on_hover_text(ctx.t("achievements-remove"))
                    .clicked()
                {
                    let title = ctx.tr.t(
                        "achievements-remove-title",
                        &[(
                            "credential",
                            ctx.catalog.credential_title(&a.credential).to_string(),
                        )],
                    );
                    let yes = ctx.t("achievements-remove");
                    cmds.push(Command::AskEdit {
                        title,
                        yes,
                        edit: Edit::RemoveAchievement {
                            employee: e.id.clone(),
                            index: i,
                        },
                    });
                }
                ui.end_row();
            }
        });
}

fn add_ui(
    ctx: &ViewCtx,
    view: &mut AchievementsView,
    ui: &mut egui::Ui,
    e: &Employee,
    cmds: &mut Vec<Command>,
) {
    ui.strong(ctx.t("achievements-add-title"));
    let v = &mut *view;
    labelled_field(
        ui,
        &ctx.tr.t("achievements-search", &[]),
        &mut v.search,
        260.0,
    );
    let needle = v.search.trim().to_lowercase();
    if !needle.is_empty() {
        let matches: Vec<&Credential> = ctx
            .catalog
            .credentials
            .iter()
            .filter(|c| {
                c.id.to_lowercase().contains(&needle)
                    || c.title.to_lowercase().contains(&needle)
                    || c.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
            })
            .take(12)
            .collect();
        for c in matches {
            if ui
                .selectable_label(
                    v.picked.as_deref() == Some(c.id.as_str()),
                    format!("{} — {}", c.id, c.title),
                )
                .clicked()
            {
                v.picked = Some(c.id.clone());
            }
        }
    }
    // "Passed on" starts at today; both dates show the format they take.
    if v.passed.is_empty() && !v.passed_edited {
        v.passed = ctx.tr.date(ctx.now().day());
    }
    ui.horizontal(|ui| {
        let hint = ctx.t("date-format-hint");
        let l = ui.label(ctx.t("achievements-col-passed"));
        let passed = ui
            .add(
                egui::TextEdit::singleline(&mut v.passed)
                    .hint_text(&hint)
                    .desired_width(100.0),
            )
            .labelled_by(l.id);
        v.passed_edited |= passed.changed();
        let l = ui.label(ctx.t("achievements-expires"));
        ui.add(
            egui::TextEdit::singleline(&mut v.expires)
                .hint_text(&hint)
                .desired_width(100.0),
        )
        .labelled_by(l.id);
        ui.weak(hint.clone());
    });
    let picked = v.picked.clone();
    let passed = ctx.tr.parse_instant(&v.passed);
    let expires = if v.expires.trim().is_empty() {
        Ok(None)
    } else {
        ctx.tr.parse_day(&v.expires).map(Some).ok_or(())
    };
    let label = match &picked {
        Some(p) => ctx.tr.t(
            "achievements-add",
            &[("credential", ctx.catalog.credential_title(p).to_string())],
        ),
        None => ctx.t("achievements-add-pick"),
    };
    let ready = picked.is_some() && passed.is_some() && expires.is_ok();
    if ui.add_enabled(ready, egui::Button::new(label)).clicked()
        && let (Some(cred), Some(passed_on), Ok(expires_on)) = (picked, passed, expires)
    {
        let mut a = Achievement::new(&cred, passed_on);
        a.expires_on = expires_on;
        a.source = Some("manual".into());
        cmds.push(Command::Edit(Edit::AddAchievement {
            employee: e.id.clone(),
            achievement: a,
        }));
        let v = &mut *view;
        v.picked = None;
        v.search.clear();
        v.passed.clear();
        v.passed_edited = false;
    }
}
