//! What the UI asks for; run after the frame that emitted it.

use super::import_job::{self, Checked, ImportState, Preview};
use super::{AttainApp, Panel};

/// Organisations with more people than this are loaded off the UI thread.
pub(super) const BACKGROUND_LOAD: usize = 20_000;
use crate::i18n::{Lang, Tr};
use crate::model::{Edit, Instant, Market, Org};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    Show(Panel),
    /// Shows an employee's achievements.
    OpenEmployee(String),
    /// Opens the competency in the Competencies panel.
    OpenCompetency(String),
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
    /// Creates the user account of an employee and shows its temporary password once.
    CreateUserAccount(String),
    FocusSearch,
    /// Bulk users: pick a file, check it and show the preview.
    ImportUsersDialog,
    PreviewImport(PathBuf),
    ConfirmImport,
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
    Ask(Box<crate::ui::confirm::Confirm>),
}

impl AttainApp {
    pub fn run(&mut self, cmd: Command) {
        match cmd {
            Command::Show(p) => self.panel = p,
            Command::Ask(c) => self.view.confirm = Some(*c),
            Command::OpenEmployee(id) => {
                self.view.achievements.employee = Some(id.clone());
                self.view.employees.selected = Some(id);
                self.panel = Panel::Achievements;
            }
            Command::OpenCompetency(id) => {
                self.view.competencies.open = Some(id);
                self.panel = Panel::Competencies;
            }
            Command::SelectOrg(id) => self.select_org(id),
            Command::CreateOrg {
                name,
                market,
                domain,
            } => {
                let mut org = Org::new(name.trim(), market);
                org.domain = domain.filter(|d| !d.trim().is_empty());
                match self.store.insert_org(&org) {
                    Ok(id) => self.select_org(id),
                    Err(e) => self.store_failed(e),
                }
            }
            Command::DeleteOrg(id) => match self.store.delete_org(id) {
                Ok(()) => {
                    self.refresh_orgs();
                    if id == self.org_id {
                        match self.orgs.first().map(|o| o.id) {
                            Some(first) => self.select_org(first),
                            None => self.recreate_demo(),
                        }
                    }
                }
                Err(e) => self.store_failed(e),
            },
            Command::Edit(edit) => self.edit(edit),
            Command::Forecast(f) => self.run_forecast(f),
            Command::Print(p) => self.run_print(p),
            Command::Undo => self.undo_last(),
            Command::SetAsOf(t) => {
                self.as_of = t;
                self.reevaluate();
            }
            Command::SetLang(lang) => {
                let old = std::mem::replace(&mut self.tr, Tr::new(lang));
                // A typed date is rewritten in the new language's form (04/03 swaps meaning).
                if let Some(d) = crate::ui::widgets::parse_day(&old, &self.view.as_of_text) {
                    self.view.as_of_text = self.tr.date(d);
                }
                self.remember("language", lang.code());
                self.reevaluate();
            }
            Command::ExportOrgDialog => {
                let name = format!("{}.org.ron", self.org.name.replace(['/', '\\', ':'], "_"));
                if let Some(path) = self.file_dialog().set_file_name(name).save_file() {
                    self.run(Command::ExportOrgTo(path));
                }
            }
            Command::LoadOrgDialog => {
                if let Some(path) = self
                    .file_dialog()
                    .add_filter("attain", &["ron"])
                    .pick_file()
                {
                    self.run(Command::LoadOrgFrom(path));
                }
            }
            Command::ExportOrgTo(path) => self.export_org_to(path),
            Command::LoadOrgFrom(path) => self.load_org_from(path),
            Command::CreateUserAccount(id) => self.create_user_account(&id),
            Command::ImportUsersDialog => {
                if let Some(path) = self
                    .file_dialog()
                    .add_filter("CSV / TXT", &["csv", "txt", "tsv"])
                    .pick_file()
                {
                    self.run(Command::PreviewImport(path));
                }
            }
            Command::PreviewImport(path) => {
                self.remember_folder(&path);
                if self.import_blocked() {
                    return;
                }
                let existing: std::collections::HashSet<String> = self
                    .org
                    .employees
                    .iter()
                    .map(|e| e.email.to_lowercase())
                    .collect();
                let file = path.clone();
                self.start_check(path, move |reading| {
                    Preview::of_file(file, &existing, &reading).map(|p| Checked::Users(Box::new(p)))
                });
            }
            Command::ConfirmImport => {
                let ImportState::Preview(preview) = std::mem::take(&mut self.import) else {
                    return;
                };
                match import_job::start(&mut self.store, self.org_id, &preview) {
                    import_job::Started::Running(r) => {
                        self.import = ImportState::Running(preview, r)
                    }
                    import_job::Started::Done(outcome) => {
                        self.finish_import(preview.check, outcome)
                    }
                }
            }
            Command::CancelImport => match &self.import {
                ImportState::Running(_, r) => {
                    r.cancel.store(true, std::sync::atomic::Ordering::Relaxed)
                }
                ImportState::Checking(c) => {
                    // The worker stops at its next chunk; its result is dropped.
                    c.reading
                        .cancel
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                    self.import = ImportState::Idle;
                }
                _ => self.import = ImportState::Idle,
            },
            Command::SaveCredentialsLogDialog => {
                let name = format!(
                    "credentials-{}.csv",
                    chrono::Utc::now().format("%Y%m%d-%H%M")
                );
                if let Some(path) = self.file_dialog().set_file_name(name).save_file() {
                    self.run(Command::SaveCredentialsLog(path));
                }
            }
            Command::SaveCredentialsLog(path) => {
                self.remember_folder(&path);
                let ImportState::Finished(f) = &mut self.import else {
                    return;
                };
                let bytes = crate::io::credentials_log::credentials_log(&f.check, &f.created);
                match crate::io::credentials_log::write_credentials_log(&path, &bytes) {
                    Ok(()) => {
                        f.log_saved = Some(path.clone());
                        self.ok(self
                            .tr
                            .t("import-log-saved", &[("file", path.display().to_string())]));
                    }
                    Err(e) => self.fail(format!("{}: {e}", path.display())),
                }
            }
            Command::DismissImport => self.import = ImportState::Idle,
            Command::ImportAchievementsDialog(kind) => {
                if let Some(path) = self
                    .file_dialog()
                    .add_filter("CSV / TSV", &["csv", "tsv", "txt"])
                    .pick_file()
                {
                    self.run(Command::PreviewAchievements(path, kind));
                }
            }
            Command::PreviewAchievements(path, kind) => {
                self.remember_folder(&path);
                if self.import_blocked() {
                    return;
                }
                let (catalog, org) = (self.catalog.clone(), self.org.clone());
                let (mapping, today, file) =
                    (self.credly_mapping(), self.as_of().day(), path.clone());
                self.start_check(path, move |reading| {
                    achievements_preview(file, kind, &catalog, &org, &mapping, today, &reading)
                        .map(|p| Checked::Achievements(Box::new(p)))
                });
            }
            Command::MapCredly {
                template,
                credential,
            } => {
                if !self.catalog.credentials.iter().any(|c| c.id == credential) {
                    self.fail(
                        self.tr
                            .t("import-unknown-credential", &[("credential", credential)]),
                    );
                    return;
                }
                let mut map = self.credly_mapping();
                map.insert(template, credential);
                self.store
                    .set_setting(
                        "credly_mapping",
                        &serde_json::to_string(&map).unwrap_or_default(),
                    )
                    .ok();
                if let ImportState::Achievements(p) = &self.import {
                    let path = p.path.clone();
                    self.run(Command::PreviewAchievements(path, "credly"));
                }
            }
            Command::ConfirmAchievements => {
                let ImportState::Achievements(p) = std::mem::take(&mut self.import) else {
                    return;
                };
                let p = *p;
                let name = p
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let source = p.plan.source(&p.check, p.kind, &name, &p.sha256);
                let org = std::sync::Arc::make_mut(&mut self.org);
                match self.store.import_achievements(
                    self.org_id,
                    org,
                    p.plan.added,
                    p.plan.changed,
                    &source,
                ) {
                    Ok(()) => {
                        self.ok(self.tr.t("import-achievements-done", &[("file", name)]));
                        self.view.employees.invalidate();
                        self.undo.clear();
                        self.summary_follows_edit();
                        self.reevaluate();
                    }
                    Err(e) => self.store_failed(e),
                }
            }
            Command::FocusSearch => {
                self.panel = Panel::Employees;
                self.view.employees.focus_search = true;
            }
        }
    }

    fn credly_mapping(&self) -> rustc_hash::FxHashMap<String, String> {
        self.store
            .setting("credly_mapping")
            .ok()
            .flatten()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Reads and checks a file for the Imports panel: on a worker when it is large, with a
    /// spinner and Cancel; a small one at once.
    fn start_check(
        &mut self,
        path: PathBuf,
        check: impl FnOnce(import_job::Reading) -> Result<Checked, String> + Send + 'static,
    ) {
        let reading = import_job::Reading::of(&path);
        let mut job = super::job::Job::default();
        let worker = reading.clone();
        job.start(
            if reading.total > 2 * CHECK_AT_ONCE_BYTES {
                usize::MAX
            } else {
                0
            },
            move || check(worker),
        );
        self.import = ImportState::Checking(Box::new(import_job::Checking { path, job, reading }));
        self.panel = Panel::Imports;
        self.take_checked();
    }

    /// Shows a finished check (called every frame).
    pub(super) fn take_checked(&mut self) {
        let ImportState::Checking(c) = &mut self.import else {
            return;
        };
        c.job.poll();
        if c.job.take_lost() {
            self.import = ImportState::Idle;
            self.fail(self.t("error-worker-stopped"));
            return;
        }
        let Some(result) = c.job.result.take() else {
            return;
        };
        match result {
            Ok(Checked::Users(p)) => self.import = ImportState::Preview(p),
            Ok(Checked::Achievements(p)) => self.import = ImportState::Achievements(p),
            Err(e) => {
                self.import = ImportState::Idle;
                self.fail(e);
            }
        }
    }

    pub(super) fn file_dialog(&self) -> rfd::FileDialog {
        let d = rfd::FileDialog::new();
        match &self.last_folder {
            Some(dir) => d.set_directory(dir),
            None => d,
        }
    }

    /// True (and said) when another file cannot be opened for import now: one is being
    /// written, or the last one's passwords were not saved yet.
    fn import_blocked(&mut self) -> bool {
        if matches!(self.import, ImportState::Running(..)) {
            self.fail(self.t("import-busy"));
        } else if self.import.passwords_unsaved() {
            self.panel = Panel::Imports;
            self.fail(self.t("import-log-first"));
        } else {
            return false;
        }
        true
    }

    /// Keeps a window setting; a failure is said (the next start would not remember it).
    fn remember(&mut self, key: &str, value: &str) {
        if let Err(e) = self.store.set_setting(key, value) {
            self.fail(e.to_string());
        }
    }

    pub(super) fn remember_folder(&mut self, path: &std::path::Path) {
        if let Some(dir) = path.parent() {
            self.last_folder = Some(dir.to_path_buf());
            self.remember("last_folder", &dir.display().to_string());
        }
    }

    pub fn refresh_orgs(&mut self) {
        match self.store.list_orgs() {
            Ok(orgs) => self.orgs = orgs,
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Shows another organisation. A large one is read by a worker with its own connection
    /// (seconds at 100k people) while the window keeps drawing the current one.
    pub fn select_org(&mut self, id: i64) {
        let size = self
            .orgs
            .iter()
            .find(|o| o.id == id)
            .map_or(0, |o| o.employees);
        let path = self.store.path().to_path_buf();
        // From here on, an edit of what is read is refused if another attain writes first.
        if let Err(e) = self.store.mark_read() {
            self.fail(e.to_string());
        }
        if size > BACKGROUND_LOAD && path.as_os_str() != ":memory:" {
            let (tx, rx) = std::sync::mpsc::channel();
            let spawned = std::thread::Builder::new()
                .name("attain-load".into())
                .spawn(move || {
                    let org = crate::store::Store::open(&path)
                        .and_then(|s| s.load_org(id))
                        .map_err(|e| e.to_string());
                    super::job::release_free_memory();
                    tx.send((id, org)).ok();
                });
            match spawned {
                Ok(_) => self.loading = Some(rx),
                Err(e) => self.fail(e.to_string()),
            }
            return;
        }
        let loaded = self.store.load_org(id).map_err(|e| e.to_string());
        self.show_org(id, loaded);
    }

    /// Takes an organisation loaded by [`Self::select_org`] into the window.
    pub fn show_org(&mut self, id: i64, loaded: Result<crate::model::Org, String>) {
        match loaded {
            Ok(org) => {
                self.org_id = id;
                self.org = std::sync::Arc::new(org);
                self.undo.clear();
                self.view.employees.invalidate();
                self.view.achievements.employee = None;
                self.remember("current_org", &id.to_string());
                self.refresh_orgs();
                self.reevaluate();
            }
            Err(e) => self.fail(e),
        }
    }

    fn recreate_demo(&mut self) {
        let demo = crate::io::demo::demo_org(&self.catalog);
        match demo
            .map_err(|e| e.to_string())
            .and_then(|o| self.store.insert_org(&o).map_err(|e| e.to_string()))
        {
            Ok(id) => self.select_org(id),
            Err(e) => self.fail(e),
        }
    }

    /// One user action: one transaction, undoable, then a new evaluation.
    pub fn edit(&mut self, edit: Edit) {
        // While an organisation is being read, the one shown may be a placeholder.
        if self.loading.is_some() {
            self.fail(self.t("notice-wait-loading"));
            return;
        }
        let catalog = self.catalog.clone();
        match self.store.apply(
            self.org_id,
            std::sync::Arc::make_mut(&mut self.org),
            &edit,
            &catalog,
        ) {
            Ok(undo) => {
                self.undo.push(undo);
                if let Edit::AddEmployee(e) = &edit {
                    self.view.employees.selected = Some(e.id.clone());
                    self.view.employees.edit = None;
                }
                self.view.employees.invalidate();
                self.notice = None;
                self.summary_follows_edit();
                self.reevaluate();
            }
            Err(e) => self.store_failed(e),
        }
    }

    /// The switcher's line of the organisation just edited, from memory: counting 100,000
    /// people again in SQLite took a third of an edit's time.
    fn summary_follows_edit(&mut self) {
        let (id, name, people) = (self.org_id, self.org.name.clone(), self.org.employees.len());
        match self.orgs.iter_mut().find(|o| o.id == id) {
            Some(o) if o.name == name => o.employees = people,
            // A rename changes the switcher's order: read it again.
            _ => self.refresh_orgs(),
        }
    }

    /// A write the store refused: another attain's commit means the window shows stale data,
    /// so it reloads and says the action was not saved.
    pub fn store_failed(&mut self, e: crate::store::StoreError) {
        match e {
            crate::store::StoreError::Changed => {
                self.reload_changed();
                self.fail(self.t("notice-not-saved-changed"));
            }
            // The rule's own words name the field and the value (the org file's checks).
            crate::store::StoreError::Rejected(reason) => {
                self.fail(self.tr.t("notice-not-saved", &[("reason", reason)]))
            }
            e => self.fail(e.to_string()),
        }
    }

    fn undo_last(&mut self) {
        let Some(undo) = self.undo.pop() else { return };
        match self
            .store
            .undo(std::sync::Arc::make_mut(&mut self.org), &undo)
        {
            Ok(()) => {
                self.view.employees.invalidate();
                self.ok(self.t("notice-undone"));
                self.summary_follows_edit();
                self.reevaluate();
            }
            Err(e) => self.store_failed(e),
        }
    }

    /// A user name in the organisation's domain and a temporary password shown once.
    fn create_user_account(&mut self, id: &str) {
        let Some(e) = self.org.employees.iter().find(|e| e.id == id) else {
            return;
        };
        // A reset keeps the user name; a new account gets a free one in the domain.
        let upn = match self.store.user_account(self.org_id, id) {
            Ok(Some(upn)) => upn,
            _ => {
                let taken: std::collections::HashSet<String> = self
                    .store
                    .user_accounts(self.org_id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(_, u)| u.to_lowercase())
                    .collect();
                crate::io::accounts::make_upn(&e.email, self.org.domain.as_deref(), &taken)
            }
        };
        let password = crate::io::accounts::temporary_password();
        let expires = (chrono::Utc::now() + chrono::Duration::days(90))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        match self.store.set_user_account(self.org_id, id, &upn, &expires) {
            Ok(()) => {
                self.view.employees.invalidate();
                self.view.password = Some((upn, password));
            }
            Err(e) => self.store_failed(e),
        }
    }
}

/// Files up to this size are checked within the frame (a 100k-row users file is about 7 MB).
const CHECK_AT_ONCE_BYTES: u64 = 1_000_000;

/// Reads a Trainings export or a Credly file and plans its diff against `org`.
fn achievements_preview(
    path: PathBuf,
    kind: &'static str,
    catalog: &crate::model::Catalog,
    org: &Org,
    mapping: &rustc_hash::FxHashMap<String, String>,
    today: crate::model::Day,
    reading: &import_job::Reading,
) -> Result<import_job::AchievementsPreview, String> {
    use crate::io::trainings::{DateOrder, check_credly_stream, check_trainings_stream};
    let (sha256, stream) = crate::io::table::open_file(&path, reading.progress())?;
    let check = if kind == "credly" {
        check_credly_stream(stream, mapping)
    } else {
        check_trainings_stream(stream, catalog, DateOrder::DayFirst, &org.name, today)
    };
    reading.go_on()?;
    let plan = crate::io::achievements_plan::plan(org, &check, &format!("{kind}-import"));
    Ok(import_job::AchievementsPreview {
        sha256,
        path,
        kind,
        check,
        plan,
    })
}
