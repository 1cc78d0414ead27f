//! What the UI asks for; run after the frame that emitted it.

use super::edit::Confirm;
use super::{AttainApp, Panel};
use crate::i18n::{Lang, Tr};
use crate::model::{Edit, Instant, Market};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    Show(Panel),
    /// Shows an employee's achievements.
    OpenEmployee(String),
    /// Opens the competency in the Competencies panel.
    OpenCompetency(String),
    /// Shows a designation's score card in detail.
    OpenDesignation(String),
    SelectOrg(i64),
    CreateOrg {
        name: String,
        market: Market,
        domain: Option<String>,
    },
    DeleteOrg(i64),
    Edit(Edit),
    Undo,
    SetAsOf(Option<Instant>),
    SetLang(Lang),
    /// Opens a file dialog, then exports / loads.
    ExportOrgDialog,
    LoadOrgDialog,
    ExportOrgTo(PathBuf),
    LoadOrgFrom(PathBuf),
    /// Loads an org file whose organisation's name is taken: replacing it, or as a copy.
    LoadOrgAs(PathBuf, super::org::SameName),
    /// Creates the user account of an employee and shows its temporary password once.
    CreateUserAccount(String),
    FocusSearch,
    /// Bulk users: pick a file, check it and show the preview.
    ImportUsersDialog,
    PreviewImport(PathBuf),
    ConfirmImport,
    /// Closes the "start here" card for good.
    DismissStartHere,
    /// No system file dialog: the window asks for the path itself (the view opens it).
    AskPath(super::dialogs::PathAsk),
    /// Leaves the person of one previewed update as they are (`None`: every update), or not.
    SkipUpdate {
        update: Option<usize>,
        skip: bool,
    },
    /// Cancels a preview, or a running import (which then rolls back).
    CancelImport,
    SaveCredentialsLogDialog,
    SaveCredentialsLog(PathBuf),
    /// Closes a finished import (its passwords are forgotten).
    DismissImport,
    /// Trainings export or Credly file: pick, then preview the diff.
    ImportAchievementsDialog(&'static str),
    PreviewAchievements(PathBuf, &'static str),
    /// Maps a Credly badge template to a credential (kept in the settings), then re-checks.
    MapCredly {
        template: String,
        credential: String,
    },
    ConfirmAchievements,
    Forecast(super::forecast::ForecastCommand),
    Print(super::printing::PrintCommand),
    /// Asks for a confirmation, then runs its command.
    Ask(Box<Confirm>),
    /// Asks before an edit, with the levels it lowers.
    AskEdit {
        title: String,
        yes: String,
        edit: Edit,
    },
    /// Closes the confirmation without running its command.
    CloseConfirm,
    /// Associates an MCID from an instant, after the checks (held here: refused; held in
    /// another organisation: asked first).
    Associate {
        employee: String,
        mcid: String,
        at: Instant,
    },
    /// Forgets the temporary password shown once.
    ForgetPassword,
    /// Says something went wrong in the status line.
    Fail(String),
    DismissNotice,
}

impl Command {
    /// Whether it reads or writes the organisation in memory: while another is being read,
    /// that is not the one the user chose, so printing, exporting or importing it would act
    /// on the wrong one.
    fn needs_the_organisation(&self) -> bool {
        use super::printing::PrintCommand as P;
        matches!(
            self,
            Command::Edit(_)
                | Command::AskEdit { .. }
                | Command::Associate { .. }
                | Command::CreateUserAccount(_)
                | Command::ExportOrgDialog
                | Command::ExportOrgTo(_)
                | Command::ImportUsersDialog
                | Command::PreviewImport(_)
                | Command::ConfirmImport
                | Command::ImportAchievementsDialog(_)
                | Command::PreviewAchievements(..)
                | Command::ConfirmAchievements
                | Command::Print(P::Open | P::Print | P::SaveDialog | P::SaveTo(_))
        )
    }

    /// Whether it writes the workspace or changes the organisation shown: refused while an
    /// import is being written on a worker, which would otherwise make the window wait for
    /// its lock, refuse the edit as stale, or show the import's result in another
    /// organisation. (Edits wait in `AttainApp::edit`, whatever asks for them.)
    fn waits_for_an_import(&self) -> bool {
        matches!(
            self,
            Command::Undo
                | Command::Associate { .. }
                | Command::CreateUserAccount(_)
                | Command::SelectOrg(_)
                | Command::CreateOrg { .. }
                | Command::DeleteOrg(_)
                | Command::LoadOrgFrom(_)
                | Command::LoadOrgAs(..)
                | Command::MapCredly { .. }
        )
    }
}

impl AttainApp {
    /// Runs one command (the frame root first lets the panels follow it).
    pub(super) fn dispatch(&mut self, cmd: Command) {
        if self.loading.busy() && cmd.needs_the_organisation() {
            self.fail(self.t("notice-wait-loading"));
            return;
        }
        if self.import.writing() && cmd.waits_for_an_import() {
            self.fail(self.t("notice-wait-import"));
            return;
        }
        match cmd {
            Command::Show(p) => self.panel = p,
            Command::Ask(c) => self.confirm = Some(*c),
            Command::AskEdit { title, yes, edit } => self.ask_edit(title, yes, edit),
            Command::CloseConfirm => self.close_confirm(),
            Command::Associate { employee, mcid, at } => self.associate(employee, mcid, at),
            Command::ForgetPassword => self.password = None,
            Command::Fail(text) => self.fail(text),
            Command::DismissNotice => self.notice = None,
            Command::OpenEmployee(_) => self.panel = Panel::Achievements,
            Command::OpenCompetency(_) => self.panel = Panel::Competencies,
            Command::OpenDesignation(_) => self.panel = Panel::Designations,
            Command::FocusSearch => self.panel = Panel::Employees,
            Command::SelectOrg(id) => self.select_org(id),
            Command::CreateOrg {
                name,
                market,
                domain,
            } => self.create_org(name, market, domain),
            Command::DeleteOrg(id) => self.delete_org(id),
            Command::Edit(edit) => self.edit(edit),
            Command::Forecast(f) => self.run_forecast(f),
            Command::Print(p) => self.run_print(p),
            Command::Undo => self.undo_last(),
            Command::SetAsOf(t) => {
                self.as_of = t;
                self.reevaluate();
            }
            Command::SetLang(lang) => {
                self.tr = Tr::new(lang);
                // The status line was worded in the other language: it goes rather than
                // stand in a window that no longer speaks it.
                self.notice = None;
                self.remember("language", lang.code());
                self.reevaluate();
            }
            Command::ExportOrgDialog => self.export_org_dialog(),
            Command::LoadOrgDialog => self.load_org_dialog(),
            Command::ExportOrgTo(path) => self.export_org_to(path),
            Command::LoadOrgFrom(path) => self.load_org_from(path, super::org::SameName::Ask),
            Command::LoadOrgAs(path, same) => self.load_org_from(path, same),
            Command::CreateUserAccount(id) => self.create_user_account(&id),
            Command::ImportUsersDialog => self.import_users_dialog(),
            Command::PreviewImport(path) => self.preview_import(path),
            Command::ConfirmImport => self.confirm_import(),
            Command::DismissStartHere => {
                self.start_dismissed = true;
                self.remember("start_here_dismissed", "1");
            }
            Command::AskPath(_) => {}
            Command::SkipUpdate { update, skip } => self.skip_update(update, skip),
            Command::CancelImport => self.cancel_import(),
            Command::SaveCredentialsLogDialog => self.save_credentials_log_dialog(),
            Command::SaveCredentialsLog(path) => self.save_credentials_log(path),
            Command::DismissImport => self.import = Default::default(),
            Command::ImportAchievementsDialog(kind) => self.import_achievements_dialog(kind),
            Command::PreviewAchievements(path, kind) => self.preview_achievements(path, kind),
            Command::MapCredly {
                template,
                credential,
            } => self.map_credly(template, credential),
            Command::ConfirmAchievements => self.confirm_achievements(),
        }
    }
}
