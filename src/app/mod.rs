//! The desktop application: its state, the commands the panels emit, and running them after
//! the frame. This file is the frame's root: the only one of `app` that calls the panels.

pub mod achievements_import;
mod command;
pub mod dialogs;
pub mod edit;
pub mod evaluation;
pub mod forecast;
pub mod imports;
pub mod jobs;
pub mod native;
pub mod org;
pub mod printing;
pub mod view;

pub use command::Command;
pub use evaluation::Evaluation;
pub use view::ViewCtx;

use crate::i18n::{Lang, Tr};
use crate::io::catalog_file::default_catalog;
use crate::model::{Catalog, Instant, Org};
use crate::store::{OrgSummary, Store, UndoHead};
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
    Designations,
    Membership,
    Timeline,
    WhatIf,
    Plan,
    Reminders,
    Imports,
}

impl Panel {
    pub const ALL: [Panel; 11] = [
        Panel::Organisations,
        Panel::Employees,
        Panel::Achievements,
        Panel::Competencies,
        Panel::Designations,
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
            Panel::Designations => "panel-designations",
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
    pub undo: Vec<UndoHead>,
    pub notice: Option<Notice>,
    /// The panels' own state (filters, forms, what is open).
    pub views: crate::ui::Views,
    /// A confirmation waiting for the user (delete, leaver, a move of an MCID).
    pub confirm: Option<edit::Confirm>,
    /// What the confirmed edit would do to the levels (computed when the confirmation opens).
    pub impact: jobs::Job<edit::Impact>,
    /// The print dialog, while open.
    pub print: Option<printing::PrintDialog>,
    /// A new account's user name and temporary password, shown once.
    pub password: Option<(String, String)>,
    /// The organisation's import history, read when it changes.
    pub import_history: Vec<crate::store::imports::ImportRecord>,
    /// The user name of the person the Employees panel shows: (organisation, (person, name)).
    pub user_name: Option<(i64, (String, Option<String>))>,
    /// Moves on with every change of the organisation's data (see [`ViewCtx::generation`]).
    pub generation: u64,
    pub commands: Vec<Command>,
    pub last_folder: Option<PathBuf>,
    /// The demo organisation attain seeded, if it is still there (setting `demo_org`).
    pub demo_org: Option<i64>,
    /// The user closed the "start here" card (setting `start_here_dismissed`).
    pub start_dismissed: bool,
    /// Settings changed while an import is written on a worker, written once it ends: now,
    /// they would wait for its lock (the whole write: seconds for a large users import).
    held_settings: Vec<(String, String)>,
    /// An org file read while the user decides what to do with its taken name.
    pub pending_load: Option<(PathBuf, Box<Org>)>,
    /// The system file dialog open on a worker, or known to be missing.
    pub dialogs: dialogs::FileDialogs,
    /// An organisation being read by a worker (large ones), if any.
    pub loading: jobs::Job<(i64, Result<Org, String>)>,
    /// The bulk import in progress, if any.
    pub import: imports::ImportState,
    /// What-if sandbox, plans, risk and reminders.
    pub forecast: forecast::Forecast,
    /// An award summary being rendered, printed or saved.
    pub printing: jobs::Job<Result<String, String>>,
    /// An org file being written or read.
    pub file_job: jobs::Job<Result<org::FileDone, String>>,
    /// Wakes the window when any job's worker finishes.
    pub waker: jobs::Waker,
    /// When the process started (the first-frame and [`TIMES_ENV`] measurements).
    pub launched: std::time::Instant,
    /// The first frame was drawn (and, under [`FIRST_FRAME_ENV`], reported).
    first_frame_done: bool,
    /// The window was maximized because it did not fit its screen ([`AttainApp::fit_screen`]).
    fitted: bool,
    /// When this frame's work began (the slow-frame report of [`TIMES_ENV`]).
    frame_start: Option<std::time::Instant>,
    /// Kept while the window lives; the watcher thread stops when it is gone.
    watching: Option<Arc<()>>,
}

impl AttainApp {
    /// Opens the workspace; a new one gets the demo organisation so the window is never empty.
    pub fn new(mut store: Store) -> Result<Self, String> {
        crate::model::mem::return_freed_pages();
        let catalog = Arc::new(default_catalog());
        if store.list_orgs().map_err(|e| e.to_string())?.is_empty() {
            let demo = crate::io::demo::demo_org(&catalog).map_err(|e| e.to_string())?;
            let id = store.insert_org(&demo).map_err(|e| e.to_string())?;
            store
                .set_setting("demo_org", &id.to_string())
                .map_err(|e| e.to_string())?;
        }
        let demo_org = store
            .setting("demo_org")
            .ok()
            .flatten()
            .and_then(|s| s.parse().ok());
        let start_dismissed = store
            .setting("start_here_dismissed")
            .ok()
            .flatten()
            .is_some();
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
        let large =
            summary.is_some_and(|o| o.employees > jobs::IN_FRAME_PEOPLE) && !store.is_memory();
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
            views: crate::ui::Views::default(),
            confirm: None,
            impact: jobs::Job::default(),
            print: None,
            password: None,
            import_history: Vec::new(),
            user_name: None,
            generation: 0,
            commands: Vec::new(),
            last_folder,
            dialogs: dialogs::FileDialogs::default(),
            pending_load: None,
            demo_org,
            start_dismissed,
            held_settings: Vec::new(),
            import: imports::ImportState::Idle,
            loading: jobs::Job::default(),
            launched: std::time::Instant::now(),
            first_frame_done: false,
            fitted: false,
            frame_start: None,
            forecast: forecast::Forecast::default(),
            printing: jobs::Job::default(),
            file_job: jobs::Job::default(),
            waker: jobs::Waker::default(),
            watching: None,
        };
        if large {
            app.select_org(org_id);
        } else {
            // Read once for the organisation shown; a large one is read when it arrives.
            app.refresh_history();
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
            &self.waker,
        );
        self.refresh_forecast();
    }

    /// Runs a command now: the panels follow it first (what it opens, a typed date in the
    /// new language), then the application carries it out.
    pub fn run(&mut self, cmd: Command) {
        self.views.follow(&cmd, &self.tr);
        self.dispatch(cmd);
    }

    /// Keeps a window setting; a failure is said (the next start would not remember it).
    /// While an import is written it is held, the latest value of each key, until it ends.
    pub(super) fn remember(&mut self, key: &str, value: &str) {
        if self.import.writing() {
            self.held_settings.retain(|(k, _)| k != key);
            self.held_settings
                .push((key.to_string(), value.to_string()));
        } else if let Err(e) = self.store.set_setting(key, value) {
            self.fail(e.to_string());
        }
    }

    /// Writes the settings held while an import was written, once it has ended.
    fn write_held_settings(&mut self) {
        if !self.import.writing() {
            for (key, value) in std::mem::take(&mut self.held_settings) {
                self.remember(&key, &value);
            }
        }
    }

    pub(super) fn remember_folder(&mut self, path: &std::path::Path) {
        if let Some(dir) = path.parent() {
            self.last_folder = Some(dir.to_path_buf());
            self.remember("last_folder", &dir.display().to_string());
        }
    }

    /// Another attain (a window or the CLI) committed to this workspace: show its changes.
    /// The undo history is dropped, as it could put back what the other one wrote.
    fn follow_other_instances(&mut self, ctx: &egui::Context) {
        if self.watching.is_none() && !self.store.is_memory() {
            // A thread wakes the window when the file changes; the check below is per frame.
            let alive = Arc::new(());
            let ctx = ctx.clone();
            crate::store::watch(self.store.path(), Arc::downgrade(&alive), move || {
                ctx.request_repaint()
            });
            self.watching = Some(alive);
        }
        if self.loading.busy() || !matches!(self.import, imports::ImportState::Idle) {
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

    /// Prepares a new window's context (fonts): once, before the first frame.
    pub fn setup(ctx: &egui::Context) {
        crate::ui::widgets::install_fonts(ctx);
    }

    /// Reads the user name of the person the Employees panel shows, once per person and
    /// change rather than from SQLite every frame.
    fn refresh_user_name(&mut self) {
        let Some(id) = self.views.employees.selected.as_deref() else {
            return;
        };
        let current = self
            .user_name
            .as_ref()
            .is_some_and(|(org, (person, _))| *org == self.org_id && person == id);
        if !current {
            let upn = self.store.user_account(self.org_id, id).ok().flatten();
            self.user_name = Some((self.org_id, (id.to_string(), upn)));
        }
    }

    /// One frame: the logic, then the drawing (what eframe calls separately; the tests'
    /// harness calls this).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.draw(ui);
    }

    /// A window that does not fit its screen (1280×800 asked for, on a 1280×800 or 1366×768
    /// screen once the title bar is added) would hide its status line below the edge: it is
    /// maximized instead. Checked over the first seconds, since the window manager's frame is
    /// known only once the window is shown.
    fn fit_screen(&mut self, ctx: &egui::Context) {
        if self.fitted || self.launched.elapsed() > std::time::Duration::from_secs(3) {
            return;
        }
        let (monitor, outer, maximized) = ctx.input(|i| {
            let v = i.viewport();
            (v.monitor_size, v.outer_rect, v.maximized)
        });
        if let (Some(screen), Some(window)) = (monitor, outer)
            && maximized != Some(true)
            && (window.width() > screen.x + 1.0 || window.height() > screen.y + 1.0)
        {
            self.fitted = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    /// Before drawing: takes what the workers finished, follows other attains' commits and
    /// turns dropped files into commands.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.waker.set(ctx);
        self.fit_screen(ctx);
        // Closing would roll back an import's transaction unseen: the window stays open.
        if self.import.writing() && ctx.input(|i| i.viewport().close_requested()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.fail(self.t("notice-wait-import"));
        }
        let waiting = self.eval.busy();
        self.eval.poll();
        if waiting && !self.eval.busy() {
            self.report_time("evaluated");
        }
        self.poll_file_dialog();
        // A worker that panicked: the window goes on and says where the report is.
        if let Some(report) = crate::store::crash::take_recent() {
            self.fail(self.tr.t(
                "notice-worker-crashed",
                &[("file", report.display().to_string())],
            ));
        }
        self.forecast.poll();
        self.impact.poll();
        self.poll_import(ctx);
        self.poll_achievements_import();
        self.write_held_settings();
        self.poll_printing();
        // Cancelled "name taken": the organisation read for it goes (off this thread).
        if self.confirm.is_none()
            && let Some(read) = self.pending_load.take()
        {
            jobs::drop_elsewhere(read);
        }
        self.poll_files();
        self.follow_other_instances(ctx);
        if matches!(self.import, imports::ImportState::Checking(_)) {
            self.take_checked();
            // The progress bar moves while the file is read.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        match self.loading.finished() {
            None => {}
            Some(None) => self.fail(self.t("error-worker-stopped")),
            Some(Some((id, loaded))) => self.show_org(id, loaded),
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
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
            let cmd = match crate::io::file_kind(&path) {
                Ok(crate::io::FileKind::Org) => Command::LoadOrgFrom(path),
                Ok(crate::io::FileKind::Table("users")) => Command::PreviewImport(path),
                Ok(crate::io::FileKind::Table(kind)) => Command::PreviewAchievements(path, kind),
                Ok(crate::io::FileKind::Unsupported) => Command::Fail(
                    self.tr
                        .t("drop-unsupported", &[("file", path.display().to_string())]),
                ),
                Err(e) => Command::Fail(format!("{}: {e}", path.display())),
            };
            self.commands.push(cmd);
        }
    }

    /// Draws the whole window into `ui`, then runs the commands the frame emitted.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let mut cmds = std::mem::take(&mut self.commands);
        self.refresh_user_name();
        // The panels' state is lent to the frame, so the context can borrow the rest.
        let mut views = std::mem::take(&mut self.views);
        crate::ui::root_ui(&ViewCtx::of(self), &mut views, ui, &mut cmds);
        self.views = views;
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

/// With this variable set, the window reports on stderr when an organisation is shown (its
/// list drawable) and when its evaluation lands, in ms from process start: the README's
/// measurement of opening a large organisation.
pub const TIMES_ENV: &str = "ATTAIN_REPORT_TIMES";

impl AttainApp {
    /// Tells [`TIMES_ENV`]'s reader that `what` just happened.
    pub fn report_time(&self, what: &str) {
        if std::env::var_os(TIMES_ENV).is_some() {
            eprintln!("{what} after {} ms", self.launched.elapsed().as_millis());
        }
    }
}

/// A frame that takes longer than this is reported under [`TIMES_ENV`] (the UI thread blocked).
const SLOW_FRAME: std::time::Duration = std::time::Duration::from_millis(50);

impl eframe::App for AttainApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.frame_start = Some(std::time::Instant::now());
        AttainApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        if let Some(took) = self.frame_start.take().map(|t| t.elapsed())
            && took > SLOW_FRAME
            && std::env::var_os(TIMES_ENV).is_some()
        {
            eprintln!(
                "slow frame: {} ms, ending {} ms after start",
                took.as_millis(),
                self.launched.elapsed().as_millis()
            );
        }
        if !std::mem::replace(&mut self.first_frame_done, true)
            && std::env::var_os(FIRST_FRAME_ENV).is_some()
        {
            eprintln!(
                "first frame after {} ms",
                self.launched.elapsed().as_millis()
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
