//! The desktop application: state, the commands the UI emits, and running them after the frame.

mod commands;
pub mod evaluation;
pub mod forecast;
pub mod import_job;
pub mod job;
pub mod native;
pub mod org_files;
pub mod printing;

pub use commands::Command;
pub use evaluation::Evaluation;

use crate::i18n::{Lang, Tr};
use crate::io::catalog_file::default_catalog;
use crate::model::{Catalog, Instant, Org};
use crate::store::{OrgSummary, Store, Undo};
use std::path::PathBuf;
use std::sync::Arc;

/// The panels of the window, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    Organisations,
    #[default]
    Employees,
    Achievements,
    Competencies,
    Membership,
    Timeline,
    WhatIf,
    Plan,
    Reminders,
    Imports,
}

impl Panel {
    pub const ALL: [Panel; 10] = [
        Panel::Organisations,
        Panel::Employees,
        Panel::Achievements,
        Panel::Competencies,
        Panel::Membership,
        Panel::Timeline,
        Panel::WhatIf,
        Panel::Plan,
        Panel::Reminders,
        Panel::Imports,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            Panel::Organisations => "panel-organisations",
            Panel::Employees => "panel-employees",
            Panel::Achievements => "panel-achievements",
            Panel::Competencies => "panel-competencies",
            Panel::Membership => "panel-membership",
            Panel::Timeline => "panel-timeline",
            Panel::WhatIf => "panel-whatif",
            Panel::Plan => "panel-plan",
            Panel::Reminders => "panel-reminders",
            Panel::Imports => "panel-imports",
        }
    }
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// UI state of the panels that must survive from frame to frame.
#[derive(Default)]
pub struct ViewState {
    pub employees: crate::ui::employees::EmployeesView,
    pub achievements: crate::ui::achievements::AchievementsView,
    pub competencies: crate::ui::competencies::CompetenciesView,
    pub membership: crate::ui::membership::MembershipView,
    pub organisations: crate::ui::organisations::OrganisationsView,
    pub sandbox: crate::ui::sandbox::SandboxView,
    pub plan: crate::ui::plan::PlanView,
    pub reminders: crate::ui::reminders::RemindersView,
    pub as_of_text: String,
    /// A confirmation waiting for the user (delete, leaver).
    pub confirm: Option<crate::ui::confirm::Confirm>,
    /// What the confirmed edit would do to the levels (computed when the confirmation opens).
    pub impact: job::Job<crate::ui::confirm::Impact>,
    /// The print dialog, while open.
    pub print: Option<printing::PrintDialog>,
    /// A temporary password to show once.
    pub password: Option<(String, String)>,
}

pub struct AttainApp {
    pub store: Store,
    pub catalog: Arc<Catalog>,
    pub tr: Tr,
    pub orgs: Vec<OrgSummary>,
    pub org_id: i64,
    /// Shared with a running evaluation; edits copy it only while one still holds it.
    pub org: Arc<Org>,
    /// `None`: now, following the clock.
    pub as_of: Option<Instant>,
    pub eval: Evaluation,
    pub panel: Panel,
    pub undo: Vec<Undo>,
    pub notice: Option<Notice>,
    pub view: ViewState,
    pub commands: Vec<Command>,
    pub last_folder: Option<PathBuf>,
    /// An organisation being read by a worker (large ones), if any.
    pub loading: Option<std::sync::mpsc::Receiver<(i64, Result<Org, String>)>>,
    /// The bulk import in progress, if any.
    pub import: import_job::ImportState,
    /// What-if sandbox, plans, risk and reminders.
    pub forecast: forecast::Forecast,
    /// An award summary being rendered, printed or saved.
    pub printing: job::Job<Result<String, String>>,
    /// An org file being written or read.
    pub file_job: job::Job<Result<org_files::FileDone, String>>,
    /// When the process started (for the first-frame measurement).
    pub started: Option<std::time::Instant>,
    /// Kept while the window lives; the watcher thread stops when it is gone.
    watching: Option<Arc<()>>,
}

impl AttainApp {
    /// Opens the workspace; a new one gets the demo organisation so the window is never empty.
    pub fn new(mut store: Store) -> Result<Self, String> {
        job::limit_arenas();
        let catalog = Arc::new(default_catalog());
        if store.list_orgs().map_err(|e| e.to_string())?.is_empty() {
            let demo = crate::io::demo::demo_org(&catalog).map_err(|e| e.to_string())?;
            store.insert_org(&demo).map_err(|e| e.to_string())?;
        }
        let lang = store
            .setting("language")
            .ok()
            .flatten()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_else(Lang::from_os);
        let last_folder = store
            .setting("last_folder")
            .ok()
            .flatten()
            .map(PathBuf::from);
        let orgs = store.list_orgs().map_err(|e| e.to_string())?;
        let current = store
            .setting("current_org")
            .ok()
            .flatten()
            .and_then(|n| n.parse::<i64>().ok());
        let org_id = current
            .filter(|id| orgs.iter().any(|o| o.id == *id))
            .or(orgs.first().map(|o| o.id))
            .ok_or("no organisation")?;
        // A large organisation is read by a worker: the window opens at once with an empty
        // placeholder of the same name and a spinner, then shows it when it is read.
        let summary = orgs.iter().find(|o| o.id == org_id);
        let large = summary.is_some_and(|o| o.employees > commands::BACKGROUND_LOAD)
            && store.path().as_os_str() != ":memory:";
        // Edits of what is read from here are refused if another attain writes first.
        store.mark_read().map_err(|e| e.to_string())?;
        let org = match summary {
            Some(s) if large => Org::new(&s.name, crate::model::Market::Developed),
            _ => store.load_org(org_id).map_err(|e| e.to_string())?,
        };
        let mut app = AttainApp {
            store,
            catalog,
            tr: Tr::new(lang),
            orgs,
            org_id,
            org: Arc::new(org),
            as_of: None,
            eval: Evaluation::default(),
            panel: Panel::default(),
            undo: Vec::new(),
            notice: None,
            view: ViewState::default(),
            commands: Vec::new(),
            last_folder,
            import: import_job::ImportState::Idle,
            loading: None,
            started: None,
            forecast: forecast::Forecast::default(),
            printing: job::Job::default(),
            file_job: job::Job::default(),
            watching: None,
        };
        if large {
            app.select_org(org_id);
        } else {
            app.reevaluate();
        }
        Ok(app)
    }

    /// The instant the window shows.
    pub fn as_of(&self) -> Instant {
        self.as_of.unwrap_or_else(|| Instant(chrono::Utc::now()))
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id, &[])
    }

    pub fn ok(&mut self, text: String) {
        self.notice = Some(Notice { text, error: false });
    }

    pub fn fail(&mut self, text: String) {
        self.notice = Some(Notice { text, error: true });
    }

    /// Starts (or runs) the evaluation of the current organisation at the current instant.
    pub fn reevaluate(&mut self) {
        let as_of = self.as_of();
        self.eval.start(
            self.catalog.clone(),
            self.org.clone(),
            as_of,
            self.tr.lang(),
        );
        self.refresh_forecast();
    }

    /// Takes the result of a finished background import.
    fn poll_import(&mut self, ctx: &egui::Context) {
        let import_job::ImportState::Running(_, running) = &self.import else {
            return;
        };
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        match running.poll() {
            None => {}
            Some(Some(outcome)) => {
                let state = std::mem::take(&mut self.import);
                if let import_job::ImportState::Running(preview, _) = state {
                    self.finish_import(preview.check, outcome);
                }
            }
            Some(None) => {
                self.import = import_job::ImportState::Idle;
                self.fail(self.t("error-worker-stopped"));
            }
        }
    }

    /// Shows the outcome of an import and reloads the organisation it changed.
    pub fn finish_import(
        &mut self,
        check: crate::io::users::UsersCheck,
        outcome: import_job::Outcome,
    ) {
        match outcome {
            Ok((created, counts)) => {
                let new_accounts = counts.created > 0;
                self.import = import_job::ImportState::Finished(Box::new(import_job::Finished {
                    check,
                    created,
                    counts,
                    log_saved: None,
                }));
                self.select_org(self.org_id);
                self.panel = Panel::Imports;
                if new_accounts {
                    // The passwords exist only in memory now: ask at once where to keep them.
                    self.commands.push(Command::SaveCredentialsLogDialog);
                }
            }
            Err(e) => {
                self.import = import_job::ImportState::Idle;
                self.fail(e);
            }
        }
    }

    /// Another attain (a window or the CLI) committed to this workspace: show its changes.
    /// The undo history is dropped, as it could put back what the other one wrote.
    fn follow_other_instances(&mut self, ctx: &egui::Context) {
        if self.watching.is_none() && self.store.path().as_os_str() != ":memory:" {
            // A thread wakes the window when the file changes; the check below is per frame.
            let alive = Arc::new(());
            let ctx = ctx.clone();
            crate::store::watch(self.store.path(), Arc::downgrade(&alive), move || {
                ctx.request_repaint()
            });
            self.watching = Some(alive);
        }
        if self.loading.is_some() || !matches!(self.import, import_job::ImportState::Idle) {
            return;
        }
        if !self.store.changed_since_read().unwrap_or(false) {
            return;
        }
        self.reload_changed();
        self.ok(self.t("notice-changed-elsewhere"));
    }

    /// Shows the workspace as another attain left it (the undo history goes with the reload).
    pub fn reload_changed(&mut self) {
        self.refresh_orgs();
        if self.orgs.iter().any(|o| o.id == self.org_id) {
            self.select_org(self.org_id);
        } else if let Some(first) = self.orgs.first().map(|o| o.id) {
            self.select_org(first);
        }
    }

    /// Draws the whole window into `ui`, then runs the commands the frame emitted.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.eval.poll();
        // A worker that panicked: the window goes on and says where the report is.
        if let Some(report) = crate::store::crash::take_recent() {
            self.fail(self.tr.t(
                "notice-worker-crashed",
                &[("file", report.display().to_string())],
            ));
        }
        if self.eval.busy() | self.forecast.busy() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        let mut cmds = std::mem::take(&mut self.commands);
        self.poll_import(ui.ctx());
        self.poll_printing(ui.ctx());
        self.poll_files(ui.ctx());
        self.follow_other_instances(ui.ctx());
        if matches!(self.import, import_job::ImportState::Checking(_)) {
            self.take_checked();
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(rx) = &self.loading {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
            match rx.try_recv() {
                Ok((id, loaded)) => {
                    self.loading = None;
                    self.show_org(id, loaded);
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.loading = None;
                    self.fail(self.t("error-worker-stopped"));
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // A dropped file goes where its content says: an org file is loaded, a table to the
        // importer its header names; anything else is refused with the reason.
        if dropped.len() > 1 {
            self.fail(self.t("drop-one-file"));
        } else if let Some(path) = dropped.into_iter().next() {
            match crate::io::file_kind(&path) {
                Ok(crate::io::FileKind::Org) => cmds.push(Command::LoadOrgFrom(path)),
                Ok(crate::io::FileKind::Table("users")) => cmds.push(Command::PreviewImport(path)),
                Ok(crate::io::FileKind::Table(kind)) => {
                    cmds.push(Command::PreviewAchievements(path, kind))
                }
                Ok(crate::io::FileKind::Unsupported) => self.fail(
                    self.tr
                        .t("drop-unsupported", &[("file", path.display().to_string())]),
                ),
                Err(e) => self.fail(format!("{}: {e}", path.display())),
            }
        }
        let modal = self.view.confirm.is_some()
            || self.view.password.is_some()
            || self.view.print.is_some();
        crate::ui::shortcuts::shortcuts_ui(ui, &mut cmds, modal);
        crate::ui::top_bar::top_bar_ui(self, ui, &mut cmds);
        crate::ui::status_bar::status_bar_ui(self, ui, &mut cmds);
        crate::ui::alerts::alerts_panel_ui(self, ui, &mut cmds);
        egui::CentralPanel::default_margins().show(ui, |ui| match self.panel {
            Panel::Organisations => crate::ui::organisations::organisations_ui(self, ui, &mut cmds),
            Panel::Employees => crate::ui::employees::employees_ui(self, ui, &mut cmds),
            Panel::Achievements => crate::ui::achievements::achievements_ui(self, ui, &mut cmds),
            Panel::Competencies => crate::ui::competencies::competencies_ui(self, ui, &mut cmds),
            Panel::Membership => crate::ui::membership::membership_ui(self, ui, &mut cmds),
            Panel::Timeline => crate::ui::timeline::timeline_ui(self, ui, &mut cmds),
            Panel::WhatIf => crate::ui::sandbox::sandbox_ui(self, ui, &mut cmds),
            Panel::Plan => crate::ui::plan::plan_ui(self, ui, &mut cmds),
            Panel::Reminders => crate::ui::reminders::reminders_ui(self, ui, &mut cmds),
            Panel::Imports => crate::ui::imports::imports_ui(self, ui, &mut cmds),
        });
        crate::ui::confirm::confirm_ui(self, ui, &mut cmds);
        crate::ui::password::password_ui(self, ui);
        crate::ui::print_dialog::print_dialog_ui(self, ui, &mut cmds);
        if !cmds.is_empty() {
            // The commands changed the state after it was drawn: draw it again.
            ui.ctx().request_repaint();
        }
        for cmd in cmds {
            self.run(cmd);
        }
    }
}

/// With this variable set, the window reports the time from process start to its first
/// frame on stderr and closes: the cold-start measurement of the README.
pub const FIRST_FRAME_ENV: &str = "ATTAIN_REPORT_FIRST_FRAME";

impl eframe::App for AttainApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
        if let Some(start) = self.started.take()
            && std::env::var_os(FIRST_FRAME_ENV).is_some()
        {
            eprintln!("first frame after {} ms", start.elapsed().as_millis());
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
