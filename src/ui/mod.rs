//! The window's panels and dialogs, one file each. Drawing functions end in `_ui`; a panel sees
//! the application through a read-only [`ViewCtx`], keeps its own state in its `…View`, and
//! asks for every change with a [`Command`] run after the frame.

pub mod achievements;
pub mod alerts;
pub mod competencies;
pub mod confirm;
pub mod credit;
pub mod dashboard;
pub mod designations;
pub mod employees;
pub mod imports;
pub mod membership;
pub mod organisations;
pub mod password;
pub mod path_field;
pub mod plan;
pub mod print_dialog;
pub mod reminders;
pub mod risk;
pub mod sandbox;
pub mod shortcuts;
pub mod start_here;
pub mod status_bar;
pub mod timeline;
pub mod top_bar;
pub mod widgets;

use crate::app::{Command, Panel, ViewCtx};
use crate::i18n::Tr;
use crate::model::Edit;

/// The panels' own state, kept from frame to frame.
#[derive(Default)]
pub struct Views {
    pub employees: employees::EmployeesView,
    pub achievements: achievements::AchievementsView,
    pub competencies: competencies::CompetenciesView,
    pub designations: designations::DesignationsView,
    pub membership: membership::MembershipView,
    pub organisations: organisations::OrganisationsView,
    pub sandbox: sandbox::SandboxView,
    pub plan: plan::PlanView,
    pub reminders: reminders::RemindersView,
    pub top_bar: top_bar::TopBarView,
    pub path_field: path_field::PathFieldView,
}

impl Views {
    /// What a command means for the panels, before the application runs it: the person or
    /// competency it opens, the new person an edit adds, a typed date in the new language.
    pub fn follow(&mut self, cmd: &Command, tr: &Tr) {
        match cmd {
            Command::OpenEmployee(id) => {
                self.achievements.employee = Some(id.clone());
                self.employees.selected = Some(id.clone());
            }
            Command::OpenCompetency(id) => self.competencies.open = Some(id.clone()),
            Command::OpenDesignation(id) => self.designations.open = Some(id.clone()),
            Command::FocusSearch => self.employees.focus_search = true,
            Command::Edit(Edit::AddEmployee(e)) => {
                self.employees.selected = Some(e.id.clone());
                self.employees.edit = None;
            }
            Command::SetLang(lang) => self.top_bar.language_changed(tr, *lang),
            Command::SelectOrg(_) => self.achievements.employee = None,
            Command::AskPath(ask) => self.path_field.ask(ask),
            // A plan asked for elsewhere (the banner) shows in the Plan panel's choices.
            Command::Forecast(crate::app::forecast::ForecastCommand::Plan(c, level)) => {
                self.plan.competency = Some(c.clone());
                self.plan.gold = *level == crate::eval::LevelName::Gold;
                self.plan.designation = None;
            }
            _ => {}
        }
    }
}

/// Draws the whole window: bars, alerts, the current panel and any dialog.
pub fn root_ui(ctx: &ViewCtx, views: &mut Views, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let modal = ctx.confirm.is_some()
        || ctx.password.is_some()
        || ctx.print.is_some()
        || views.path_field.open.is_some();
    shortcuts::shortcuts_ui(ui, cmds, modal);
    top_bar::top_bar_ui(ctx, &mut views.top_bar, ui, cmds);
    status_bar::status_bar_ui(ctx, ui, cmds);
    alerts::alerts_panel_ui(ctx, ui, cmds);
    egui::CentralPanel::default_margins().show(ui, |ui| match ctx.panel {
        Panel::Organisations => {
            organisations::organisations_ui(ctx, &mut views.organisations, ui, cmds)
        }
        Panel::Employees => employees::employees_ui(ctx, &mut views.employees, ui, cmds),
        Panel::Achievements => {
            achievements::achievements_ui(ctx, &mut views.achievements, ui, cmds)
        }
        Panel::Competencies => {
            competencies::competencies_ui(ctx, &mut views.competencies, ui, cmds)
        }
        Panel::Designations => {
            designations::designations_ui(ctx, &mut views.designations, ui, cmds)
        }
        Panel::Membership => membership::membership_ui(ctx, &mut views.membership, ui, cmds),
        Panel::Timeline => timeline::timeline_ui(ctx, ui, cmds),
        Panel::WhatIf => sandbox::sandbox_ui(ctx, &mut views.sandbox, ui, cmds),
        Panel::Plan => plan::plan_ui(ctx, &mut views.plan, ui, cmds),
        Panel::Reminders => reminders::reminders_ui(ctx, &mut views.reminders, ui, cmds),
        Panel::Imports => imports::imports_ui(ctx, ui, cmds),
    });
    confirm::confirm_ui(ctx, ui, cmds);
    password::password_ui(ctx, ui, cmds);
    print_dialog::print_dialog_ui(ctx, ui, cmds);
    path_field::path_field_ui(ctx, &mut views.path_field, ui, cmds);
}
