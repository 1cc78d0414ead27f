//! Employees: a sortable, filterable table (only visible rows drawn), the person's details,
//! association, leaving, user account.

use super::widgets::{contains_ci, labelled_field};
use crate::app::edit::Confirm;
use crate::app::{Command, ViewCtx};
use crate::model::{Edit, Employee, Org};
use egui_extras::{Column, TableBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Id,
    Email,
    Mcid,
    Achievements,
    /// Associated first, then not associated, moved elsewhere, left.
    Status,
}

#[derive(Default)]
pub struct EmployeesView {
    pub filter: String,
    pub sort: SortBy,
    pub descending: bool,
    pub selected: Option<String>,
    pub focus_search: bool,
    /// Indices into `org.employees`, filtered and sorted; rebuilt when stale.
    rows: Vec<usize>,
    stale: bool,
    shown_for: (String, SortBy, bool, usize),
    pub new_name: String,
    pub new_email: String,
    /// The name and email being edited, and the (id, name, email) they were taken from: when
    /// the person changes underneath (undo, another attain) the form follows.
    pub edit: Option<Employee>,
    edit_base: (String, String, String),
    /// The data generation the rows were built for (see `ViewCtx::generation`).
    generation: u64,
    pub mcid: String,
    pub date: String,
}

impl EmployeesView {
    /// The visible rows for this organisation (filter and sort in the model, not per row),
    /// rebuilt when the data's `generation` moved on.
    pub fn rows(&mut self, org: &Org, generation: u64) -> &[usize] {
        if generation != self.generation {
            self.generation = generation;
            self.stale = true;
        }
        let key = (
            self.filter.clone(),
            self.sort,
            self.descending,
            org.employees.len(),
        );
        if self.stale || key != self.shown_for {
            let needle = self.filter.trim().to_lowercase();
            let matches = |i: &usize| {
                let e = &org.employees[*i];
                needle.is_empty()
                    || contains_ci(&e.display_name, &needle)
                    || contains_ci(&e.email, &needle)
                    || contains_ci(&e.id, &needle)
                    || e.mcid.as_deref().is_some_and(|m| m.contains(&needle))
            };
            // Typing narrows the filter: only the rows shown can still match, in their order.
            let (old_filter, old_sort, old_desc, old_len) = &self.shown_for;
            let narrowing = !self.stale
                && (*old_sort, *old_desc, *old_len) == (self.sort, self.descending, key.3)
                && needle.starts_with(old_filter.trim().to_lowercase().as_str());
            if narrowing {
                self.rows.retain(|i| matches(i));
                self.shown_for = key;
                return &self.rows;
            }
            // After an edit (same people, same order asked), the last order is the start: it is
            // sorted but for the people edited, and the stable sort finishes such a list in
            // one pass (a full sort of 100,000 names blocked the frame for 100–200 ms).
            let same_people = self.stale
                && needle.is_empty()
                && (&self.shown_for, self.rows.len()) == (&key, key.3);
            let mut rows: Vec<usize> = if same_people {
                std::mem::take(&mut self.rows)
            } else {
                (0..org.employees.len()).filter(|i| matches(i)).collect()
            };
            if same_people && self.descending {
                rows.reverse();
            }
            let emps = &org.employees;
            // Ties in file order, whatever order the sort starts from.
            match self.sort {
                // A full sort of text: each text's first 16 folded bytes as a number, then
                // compared as numbers (a frame of 50 ms at 100,000 people when each text
                // was folded into a String of its own).
                SortBy::Name | SortBy::Email if !same_people => {
                    let text = |i: usize| match self.sort {
                        SortBy::Name => emps[i].display_name.as_str(),
                        _ => emps[i].email.as_str(),
                    };
                    let mut keyed: Vec<(u128, usize)> =
                        rows.iter().map(|&i| (fold_key(text(i)), i)).collect();
                    keyed.sort_unstable();
                    // Texts that agree on the key's 16 bytes are ordered in full.
                    for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
                        if run.len() > 1 {
                            run.sort_by(|a, b| {
                                cmp_folded(text(a.1), text(b.1)).then(a.1.cmp(&b.1))
                            });
                        }
                    }
                    rows = keyed.into_iter().map(|(_, i)| i).collect();
                }
                SortBy::Name => rows.sort_by(|a, b| {
                    cmp_folded(&emps[*a].display_name, &emps[*b].display_name).then(a.cmp(b))
                }),
                SortBy::Id => rows.sort_by(|a, b| emps[*a].id.cmp(&emps[*b].id).then(a.cmp(b))),
                SortBy::Email => {
                    rows.sort_by(|a, b| cmp_folded(&emps[*a].email, &emps[*b].email).then(a.cmp(b)))
                }
                SortBy::Mcid => {
                    rows.sort_by(|a, b| emps[*a].mcid.cmp(&emps[*b].mcid).then(a.cmp(b)))
                }
                SortBy::Achievements => rows.sort_by_key(|i| (emps[*i].achievements.len(), *i)),
                SortBy::Status => rows.sort_by_key(|i| (status_rank(&emps[*i]), *i)),
            }
            if self.descending {
                rows.reverse();
            }
            self.rows = rows;
            self.stale = false;
            self.shown_for = key;
        }
        &self.rows
    }
}

/// The first 16 bytes of the text in lower case (UTF-8, zeros after its end), as a
/// big-endian number: texts with smaller keys come first in [`cmp_folded`]'s order, because
/// UTF-8 keeps the characters' order byte by byte. Equal keys say nothing.
fn fold_key(s: &str) -> u128 {
    let mut key = [0u8; 16];
    if s.is_ascii() {
        for (k, b) in key.iter_mut().zip(s.bytes()) {
            *k = b.to_ascii_lowercase();
        }
    } else {
        let mut n = 0;
        'fill: for c in s.chars().flat_map(char::to_lowercase) {
            for &b in c.encode_utf8(&mut [0; 4]).as_bytes() {
                if n == key.len() {
                    break 'fill;
                }
                key[n] = b;
                n += 1;
            }
        }
    }
    u128::from_be_bytes(key)
}

/// Orders texts as their lower-case forms would, without making them: ASCII byte by byte,
/// other text by its characters' lower-case forms.
fn cmp_folded(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()));
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

pub fn employees_ui(
    ctx: &ViewCtx,
    view: &mut EmployeesView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    if ctx.start_here {
        super::start_here::start_here_ui(ctx, ui, cmds);
    }
    ui.horizontal(|ui| {
        ui.heading(ctx.t("panel-employees"));
        let l = ui.label(ctx.t("employees-find"));
        let hint = ctx.t("employees-find-hint");
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut view.filter)
                    .hint_text(hint)
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
        if std::mem::take(&mut view.focus_search) {
            search.request_focus();
        }
    });
    if ctx.busy.loading {
        // No list to show yet, and an edit would have to wait for the organisation.
        ui.separator();
        super::widgets::loading_ui(ctx, ui);
        return;
    }
    add_employee_ui(ctx, view, ui, cmds);
    ui.separator();
    let selected_height = if view.selected.is_some() { 230.0 } else { 0.0 };
    let table_height = (ui.available_height() - selected_height).max(120.0);
    // A box of fixed height, so the column lines stop where the table does.
    let size = egui::vec2(ui.available_width(), table_height);
    ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_min_size(size);
        table_ui(ctx, view, ui, table_height - 30.0);
    });
    if let Some(id) = view.selected.clone() {
        ui.separator();
        details_ui(ctx, view, ui, &id, cmds);
    }
}

fn add_employee_ui(
    ctx: &ViewCtx,
    view: &mut EmployeesView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let v = &mut *view;
        labelled_field(
            ui,
            &ctx.tr.t("employees-new-name", &[]),
            &mut v.new_name,
            160.0,
        );
        labelled_field(
            ui,
            &ctx.tr.t("employees-new-email", &[]),
            &mut v.new_email,
            200.0,
        );
        if ui.button(ctx.tr.t("employees-add", &[])).clicked() {
            let email = v.new_email.trim().to_string();
            let name = v.new_name.trim().to_string();
            if name.is_empty() || !email.contains('@') {
                cmds.push(Command::Fail(ctx.t("employees-add-invalid")));
                return;
            }
            let base = email.split('@').next().unwrap_or_default().to_lowercase();
            let id = ctx.org.free_employee_id("", &base);
            cmds.push(Command::Edit(Edit::AddEmployee(Employee::new(
                &id, &name, &email,
            ))));
            v.new_name.clear();
            v.new_email.clear();
        }
    });
}

fn table_ui(ctx: &ViewCtx, view: &mut EmployeesView, ui: &mut egui::Ui, height: f32) {
    let headers = [
        (SortBy::Id, "employees-col-id"),
        (SortBy::Name, "employees-col-name"),
        (SortBy::Email, "employees-col-email"),
        (SortBy::Mcid, "employees-col-mcid"),
        (SortBy::Achievements, "employees-col-achievements"),
        (SortBy::Status, "employees-col-status"),
    ];
    let labels: Vec<String> = headers.iter().map(|(_, k)| ctx.t(k)).collect();
    view.rows(ctx.org, ctx.generation);
    // Lent to the table for the frame (100,000 indices are not copied), then put back.
    let rows = std::mem::take(&mut view.rows);
    let org = ctx.org;
    let tr = ctx.tr;
    // Cells are plain text: a click anywhere in a row selects it (no text selection).
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt("employees_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .max_scroll_height(height)
        // Sized so the Status column fits beside the alerts at the default window size.
        // Sized to leave the status column its whole text at 1280×800 beside the alerts.
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(165.0).clip(true))
        .column(Column::initial(70.0))
        .column(Column::initial(105.0))
        .column(Column::remainder().at_least(150.0).clip(true))
        .header(22.0, |mut header| {
            for ((sort, _), label) in headers.iter().zip(&labels) {
                header.col(|ui| {
                    // A narrow column cuts its title rather than breaking it over two lines.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let arrow = if view.sort == *sort {
                        if view.descending { " ↓" } else { " ↑" }
                    } else {
                        ""
                    };
                    if ui.button(format!("{label}{arrow}")).clicked() {
                        if view.sort == *sort {
                            view.descending = !view.descending;
                        } else {
                            view.sort = *sort;
                            view.descending = false;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let e = &org.employees[rows[row.index()]];
                row.set_selected(view.selected.as_deref() == Some(e.id.as_str()));
                row.col(|ui| {
                    ui.label(&e.id);
                });
                row.col(|ui| {
                    ui.label(&e.display_name);
                });
                row.col(|ui| {
                    ui.label(&e.email);
                });
                row.col(|ui| {
                    ui.label(e.mcid.as_deref().unwrap_or("–"));
                });
                row.col(|ui| {
                    ui.label(e.achievements.len().to_string());
                });
                row.col(|ui| {
                    // Cut to the column with "…" when narrow; egui shows it whole on hover.
                    ui.add(egui::Label::new(status(tr, e)).truncate());
                });
                if row.response().clicked() {
                    view.selected = Some(e.id.clone());
                    view.edit = None;
                    view.mcid = e.mcid.clone().unwrap_or_default();
                    view.date.clear();
                }
            });
        });
    view.rows = rows;
}

/// The order of the Status column: the people who count first.
fn status_rank(e: &Employee) -> u8 {
    match (e.left_on, e.associated_on, e.dissociated_on) {
        (Some(_), _, _) => 3,
        (None, Some(a), Some(d)) if d >= a => 2,
        (None, Some(_), _) => 0,
        (None, None, _) => 1,
    }
}

fn status(tr: &crate::i18n::Tr, e: &Employee) -> String {
    if let Some(l) = e.left_on {
        return tr.t("employees-status-left", &[("date", tr.date(l.day()))]);
    }
    match (e.associated_on, e.dissociated_on) {
        (Some(a), Some(d)) if d >= a => {
            tr.t("employees-status-moved", &[("date", tr.date(d.day()))])
        }
        (Some(a), _) => tr.t("employees-status-associated", &[("date", tr.date(a.day()))]),
        (None, _) => tr.t("employees-status-not-associated", &[]),
    }
}

fn details_ui(
    ctx: &ViewCtx,
    view: &mut EmployeesView,
    ui: &mut egui::Ui,
    id: &str,
    cmds: &mut Vec<Command>,
) {
    let Some(current) = ctx.org.employees.iter().find(|e| e.id == id).cloned() else {
        view.selected = None;
        return;
    };
    let base = (
        current.id.clone(),
        current.display_name.clone(),
        current.email.clone(),
    );
    if view.edit.is_none() || view.edit_base != base {
        view.edit = Some(current.clone());
        view.edit_base = base;
    }
    // Read by the application for the person selected; unknown for the frame in which the
    // selection changes (then neither "create" nor "reset" is offered).
    let account = ctx
        .user_name
        .filter(|(person, _)| *person == current.id)
        .map(|(_, upn)| upn.clone());
    ui.horizontal(|ui| {
        ui.strong(&current.display_name);
        if ui.button(ctx.t("employees-open-achievements")).clicked() {
            cmds.push(Command::OpenEmployee(current.id.clone()));
        }
        match &account {
            Some(None) if ui.button(ctx.t("employees-user-account")).clicked() => {
                cmds.push(Command::CreateUserAccount(current.id.clone()));
            }
            None | Some(None) => {}
            Some(Some(upn)) => {
                ui.label(ctx.tr.t("employees-user-name", &[("upn", upn.clone())]));
                if ui.button(ctx.t("employees-reset-password")).clicked() {
                    cmds.push(Command::Ask(Box::new(Confirm {
                        title: ctx.tr.t("employees-reset-title", &[("upn", upn.clone())]),
                        body: vec![ctx.t("employees-reset-body")],
                        yes: ctx.t("employees-reset-password"),
                        command: Command::CreateUserAccount(current.id.clone()),
                        other: None,
                    })));
                }
            }
        }
        if ui.button(ctx.t("employees-remove")).clicked() {
            let title = ctx.tr.t(
                "employees-remove-title",
                &[("name", current.display_name.clone())],
            );
            let yes = ctx.t("employees-remove");
            cmds.push(Command::AskEdit {
                title,
                yes,
                edit: Edit::RemoveEmployee(current.id.clone()),
            });
        }
    });
    let tr = ctx.tr;
    let Some(edit) = view.edit.as_mut() else {
        return;
    };
    ui.horizontal(|ui| {
        labelled_field(
            ui,
            &tr.t("employees-col-name", &[]),
            &mut edit.display_name,
            160.0,
        );
        labelled_field(
            ui,
            &tr.t("employees-col-email", &[]),
            &mut edit.email,
            200.0,
        );
        if ui.button(tr.t("button-save", &[])).clicked() {
            // Only the form's fields: the rest (association, leaving) as the person is now.
            let mut updated = current.clone();
            updated.display_name = edit.display_name.clone();
            updated.email = edit.email.clone();
            cmds.push(Command::Edit(Edit::UpdateEmployee(updated)));
        }
    });
    association_ui(ctx, view, ui, &current, cmds);
}

fn association_ui(
    ctx: &ViewCtx,
    view: &mut EmployeesView,
    ui: &mut egui::Ui,
    e: &Employee,
    cmds: &mut Vec<Command>,
) {
    let now_text = ctx.tr.date(ctx.now().day());
    let v = &mut *view;
    if v.mcid.is_empty() {
        v.mcid = e.mcid.clone().unwrap_or_default();
    }
    ui.horizontal(|ui| {
        labelled_field(ui, &ctx.tr.t("employees-col-mcid", &[]), &mut v.mcid, 110.0);
        let l = ui.label(ctx.tr.t("employees-date", &[]));
        ui.add(
            egui::TextEdit::singleline(&mut v.date)
                .hint_text(now_text)
                .desired_width(90.0),
        )
        .labelled_by(l.id);
    });
    let date_text = v.date.clone();
    let mcid = v.mcid.trim().to_string();
    let date = if date_text.trim().is_empty() {
        Some(ctx.now())
    } else {
        ctx.tr.parse_instant(&date_text)
    };
    ui.horizontal(|ui| {
        let Some(at) = date else {
            ui.colored_label(
                super::widgets::RED,
                ctx.tr.t("error-date", &[("value", date_text.clone())]),
            );
            return;
        };
        if ui.button(ctx.tr.t("employees-associate", &[])).clicked() {
            cmds.push(Command::Associate {
                employee: e.id.clone(),
                mcid: mcid.clone(),
                at,
            });
        }
        if ui.button(ctx.t("employees-dissociate")).clicked() {
            // Like leaving: the organisation stops counting the person from `at`.
            let title = ctx.tr.t(
                "employees-dissociate-title",
                &[
                    ("name", e.display_name.clone()),
                    ("date", ctx.tr.date(at.day())),
                ],
            );
            let yes = ctx.t("employees-dissociate");
            cmds.push(Command::AskEdit {
                title,
                yes,
                edit: Edit::Dissociate {
                    employee: e.id.clone(),
                    at,
                },
            });
        }
        if e.left_on.is_none() {
            if ui.button(ctx.t("employees-mark-leaver")).clicked() {
                let edit = Edit::SetLeaver {
                    employee: e.id.clone(),
                    left_on: Some(at),
                };
                let title = ctx.tr.t(
                    "employees-leaver-title",
                    &[
                        ("name", e.display_name.clone()),
                        ("date", ctx.tr.date(at.day())),
                    ],
                );
                let yes = ctx.t("employees-mark-leaver");
                cmds.push(Command::AskEdit { title, yes, edit });
            }
        } else if ui.button(ctx.t("employees-unmark-leaver")).clicked() {
            cmds.push(Command::Edit(Edit::SetLeaver {
                employee: e.id.clone(),
                left_on: None,
            }));
        }
    });
}

#[cfg(test)]
mod tests;
