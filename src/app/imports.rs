//! A bulk user import in the window: check (preview), then import on a worker thread with
//! progress and cancel, then the credentials log the user chooses to save.

pub use super::achievements_import::AchievementsPreview;
use super::achievements_import::achievements_preview;
use super::dialogs::FileFor;
use super::jobs::{Job, ON_WORKER, Waker, people_in};
use super::{AttainApp, Command, Panel};
use crate::io::users::{UsersCheck, check_users_stream};
use crate::model::import::Created;
use crate::store::Store;
use crate::store::imports::ImportCounts;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// How the preview shows one line of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    New,
    /// Index into `updates`: what the row changes of a person already there.
    Update(usize),
    /// A person already there whom the row leaves as they are (not written).
    Unchanged,
    /// Index into `check.errors`.
    Error(usize),
}

/// A checked file waiting for the user's decision.
pub struct Preview {
    pub path: PathBuf,
    pub sha256: String,
    pub check: UsersCheck,
    /// The valid rows that change a person already there, with their changes old → new.
    pub updates: Vec<crate::model::import::UserUpdate>,
    /// Valid rows of people already there that change nothing.
    pub unchanged: usize,
    /// Every data row in file order: (line, status, index into `check.valid` for valid rows).
    pub rows: Vec<(usize, RowStatus, usize)>,
    /// Per update: the user unticked it, so the person is left as they are.
    pub skipped: Vec<bool>,
}

/// An import under way.
pub struct Running {
    pub done: Arc<AtomicUsize>,
    pub total: usize,
    pub cancel: Arc<AtomicBool>,
    pub job: Job<Outcome>,
}

/// A finished import whose credentials have not been saved yet.
pub struct Finished {
    pub check: UsersCheck,
    pub created: Vec<Created>,
    pub counts: ImportCounts,
    pub log_saved: Option<PathBuf>,
}

/// A file checked on a worker: what the preview shows next.
pub enum Checked {
    Users(Box<Preview>),
    Achievements(Box<AchievementsPreview>),
}

/// A file being read and checked (large ones on a worker, with progress; Cancel stops it).
pub struct Checking {
    pub path: PathBuf,
    pub job: super::jobs::Job<Result<Checked, String>>,
    pub reading: Reading,
}

/// How far a worker has read a file (both passes: twice its size), and its cancel flag.
#[derive(Clone, Default)]
pub struct Reading {
    pub read: Arc<AtomicU64>,
    pub total: u64,
    pub cancel: Arc<AtomicBool>,
}

impl Reading {
    pub fn of(path: &std::path::Path) -> Self {
        Reading {
            total: 2 * std::fs::metadata(path).map_or(0, |m| m.len()),
            ..Default::default()
        }
    }

    /// The progress callback of [`crate::io::table::open`].
    pub fn progress(&self) -> crate::io::table::Progress<'static> {
        let (read, cancel) = (self.read.clone(), self.cancel.clone());
        Box::new(move |n| {
            read.store(n, Ordering::Relaxed);
            !cancel.load(Ordering::Relaxed)
        })
    }

    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            (self.read.load(Ordering::Relaxed) as f64 / self.total as f64).min(1.0) as f32
        }
    }

    /// `Err` once the user cancelled, so a cancelled check never shows as a result.
    pub fn go_on(&self) -> Result<(), String> {
        if self.cancel.load(Ordering::Relaxed) {
            Err("cancelled".into())
        } else {
            Ok(())
        }
    }
}

#[derive(Default)]
pub enum ImportState {
    #[default]
    Idle,
    Checking(Box<Checking>),
    Preview(Box<Preview>),
    Running(Box<Preview>, Running),
    Finished(Box<Finished>),
    Achievements(Box<AchievementsPreview>),
    /// A Trainings or Credly import being written (`achievements_import`).
    WritingAchievements(Box<super::achievements_import::Writing>),
}

impl Preview {
    /// Reads and checks a users file and compares its rows with `org`, the way the import
    /// will (`model::import::planned_updates`).
    pub fn of_file(
        path: PathBuf,
        org: &crate::model::Org,
        reading: &Reading,
    ) -> Result<Preview, String> {
        let (sha256, stream) = crate::io::table::open_file(&path, reading.progress())?;
        let check = check_users_stream(stream);
        reading.go_on()?;
        let (updates, unchanged) = crate::model::import::planned_updates(org, &check.valid);
        let existing: std::collections::HashSet<String> = org
            .employees
            .iter()
            .map(|e| e.email.to_lowercase())
            .collect();
        let by_line: std::collections::HashMap<usize, usize> = updates
            .iter()
            .enumerate()
            .map(|(i, u)| (u.line, i))
            .collect();
        // Built once: the preview of a 100k-row file must not be rebuilt every frame.
        let mut rows: Vec<(usize, RowStatus, usize)> = check
            .valid
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let status = match by_line.get(&r.line) {
                    Some(u) => RowStatus::Update(*u),
                    None if existing.contains(&r.email.to_lowercase()) => RowStatus::Unchanged,
                    None => RowStatus::New,
                };
                (r.line, status, i)
            })
            .chain(
                check
                    .errors
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.line, RowStatus::Error(i), 0)),
            )
            .collect();
        rows.sort_by_key(|r| r.0);
        Ok(Preview {
            sha256,
            path,
            check,
            skipped: vec![false; updates.len()],
            updates,
            unchanged,
            rows,
        })
    }

    /// The valid rows the import writes: every one but the updates the user unticked.
    pub fn rows_to_import(&self) -> Vec<crate::model::import::UserRow> {
        let skipped: rustc_hash::FxHashSet<usize> = self
            .updates
            .iter()
            .zip(&self.skipped)
            .filter(|(_, s)| **s)
            .map(|(u, _)| u.line)
            .collect();
        self.check
            .valid
            .iter()
            .filter(|r| !skipped.contains(&r.line))
            .cloned()
            .collect()
    }

    pub fn skipped_count(&self) -> usize {
        self.skipped.iter().filter(|s| **s).count()
    }

    pub fn file_name(&self) -> String {
        crate::io::file_name(&self.path)
    }
}

pub type Outcome = Result<(Vec<Created>, ImportCounts, Option<crate::store::UndoHead>), String>;

pub enum Started {
    Running(Running),
    Done(Outcome),
}

/// Starts the import on a worker with its own connection to the workspace file; an
/// in-memory workspace (tests) is imported at once on the caller's connection.
pub fn start(store: &mut Store, org_id: i64, preview: &Preview, waker: &Waker) -> Started {
    let done = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let valid = preview.rows_to_import();
    let total = valid.len();
    let path = store.path().to_path_buf();
    let source = preview.check.source(&preview.file_name(), &preview.sha256);
    let run = {
        let (done, cancel) = (done.clone(), cancel.clone());
        move |store: &mut Store| {
            let mut org = store.load_org(org_id).map_err(|e| e.to_string())?;
            let mut progress = |n: usize, _: usize| {
                done.store(n, Ordering::Relaxed);
                !cancel.load(Ordering::Relaxed)
            };
            store
                .import_users(
                    org_id,
                    &mut org,
                    &valid,
                    &source,
                    &crate::io::accounts::temporary_passwords,
                    &mut progress,
                )
                .map_err(|e| e.to_string())
        }
    };
    // An in-memory workspace (tests) has no second connection to give a worker.
    if store.is_memory() {
        return Started::Done(run(store));
    }
    // Always on a worker, with its own connection: progress and Cancel stay live.
    let mut job = Job::default();
    job.start("import", ON_WORKER, waker, move || {
        Store::open(&path)
            .map_err(|e| e.to_string())
            .and_then(|mut s| run(&mut s))
    });
    Started::Running(Running {
        done,
        total,
        cancel,
        job,
    })
}

impl ImportState {
    /// An import is being written on a worker.
    pub fn writing(&self) -> bool {
        matches!(
            self,
            ImportState::Running(..) | ImportState::WritingAchievements(..)
        )
    }

    /// A finished import whose new users' passwords were not saved to a log yet.
    pub fn passwords_unsaved(&self) -> bool {
        matches!(self, ImportState::Finished(f) if f.counts.created > 0 && f.log_saved.is_none())
    }
}

impl Running {
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / self.total as f32
        }
    }
}

impl AttainApp {
    /// Picks a users file, then previews it.
    pub(super) fn import_users_dialog(&mut self) {
        self.ask_file(FileFor::ImportUsers, None);
    }

    /// Preview a users file.
    pub(super) fn preview_import(&mut self, path: PathBuf) {
        if self.import_blocked() {
            return;
        }
        self.remember_folder(&path);
        let (org, file) = (self.org.clone(), path.clone());
        self.start_check(path, move |reading| {
            Preview::of_file(file, &org, &reading).map(|p| Checked::Users(Box::new(p)))
        });
    }

    /// Imports the previewed users file (on a worker when large).
    pub(super) fn confirm_import(&mut self) {
        let ImportState::Preview(preview) = std::mem::take(&mut self.import) else {
            return;
        };
        match start(&mut self.store, self.org_id, &preview, &self.waker) {
            Started::Running(r) => self.import = ImportState::Running(preview, r),
            Started::Done(outcome) => self.finish_import(preview.check, outcome),
        }
    }

    /// Ticks or unticks one update of the preview (`None`: all of them).
    pub(super) fn skip_update(&mut self, update: Option<usize>, skip: bool) {
        if let ImportState::Preview(p) = &mut self.import {
            match update {
                Some(i) => {
                    if let Some(s) = p.skipped.get_mut(i) {
                        *s = skip;
                    }
                }
                None => p.skipped.iter_mut().for_each(|s| *s = skip),
            }
        }
    }

    /// Cancels a preview, a check, or a running import (which then rolls back).
    pub(super) fn cancel_import(&mut self) {
        match &self.import {
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
            // One short transaction: it ends by itself, and the window then reads the
            // organisation again (dropping its state would skip that).
            ImportState::WritingAchievements(_) => {}
            _ => self.import = ImportState::Idle,
        }
    }

    /// Asks where to keep the new accounts' temporary passwords.
    pub(super) fn save_credentials_log_dialog(&mut self) {
        let name = format!(
            "credentials-{}.csv",
            chrono::Utc::now().format("%Y%m%d-%H%M")
        );
        self.ask_file(FileFor::CredentialsLog, Some(name));
    }

    /// Writes the credentials log of the finished import.
    pub(super) fn save_credentials_log(&mut self, path: PathBuf) {
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

    /// Picks a Trainings export or a Credly file, then previews its diff.
    pub(super) fn import_achievements_dialog(&mut self, kind: &'static str) {
        self.ask_file(FileFor::ImportAchievements(kind), None);
    }

    /// Reads a Trainings export or a Credly file and shows its diff.
    pub(super) fn preview_achievements(&mut self, path: PathBuf, kind: &'static str) {
        if self.import_blocked() {
            return;
        }
        self.remember_folder(&path);
        let (catalog, org) = (self.catalog.clone(), self.org.clone());
        let (mapping, today, file) = (self.credly_mapping(), self.as_of().day(), path.clone());
        self.start_check(path, move |reading| {
            achievements_preview(file, kind, &catalog, &org, &mapping, today, &reading)
                .map(|p| Checked::Achievements(Box::new(p)))
        });
    }

    /// Maps a Credly badge template to a credential (kept in the settings), then re-checks.
    pub(super) fn map_credly(&mut self, template: String, credential: String) {
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

    /// Takes the result of a finished background import.
    pub(super) fn poll_import(&mut self, ctx: &egui::Context) {
        let ImportState::Running(_, running) = &mut self.import else {
            return;
        };
        // The progress bar moves while the rows are written.
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        // `Some(None)`: the worker panicked, and its transaction was rolled back with its
        // connection.
        match running.job.finished() {
            None => {}
            Some(Some(outcome)) => {
                let state = std::mem::take(&mut self.import);
                if let ImportState::Running(preview, _) = state {
                    self.finish_import(preview.check, outcome);
                }
            }
            Some(None) => {
                self.import = ImportState::Idle;
                self.fail(self.t("error-worker-stopped"));
            }
        }
    }

    /// Shows the outcome of an import and reloads the organisation it changed.
    pub fn finish_import(&mut self, check: crate::io::users::UsersCheck, outcome: Outcome) {
        match outcome {
            Ok((created, counts, _)) => {
                let new_accounts = counts.created > 0;
                let people = self.org.employees.len() + counts.created;
                self.import = ImportState::Finished(Box::new(Finished {
                    check,
                    created,
                    counts,
                    log_saved: None,
                }));
                // Read again on a worker when it now has many people (the switcher still
                // counts those before the import).
                self.count_people(self.org_id, people);
                self.select_org(self.org_id);
                self.panel = Panel::Imports;
                if new_accounts {
                    // The passwords exist only in memory now: ask at once where to keep them.
                    self.commands.push(Command::SaveCredentialsLogDialog);
                }
            }
            Err(e) => {
                self.import = ImportState::Idle;
                self.fail(e);
            }
        }
    }

    pub(super) fn credly_mapping(&self) -> rustc_hash::FxHashMap<String, String> {
        self.store
            .setting("credly_mapping")
            .ok()
            .flatten()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Reads and checks a file for the Imports panel: on a worker when it is large, with a
    /// spinner and Cancel; a small one at once.
    pub(super) fn start_check(
        &mut self,
        path: PathBuf,
        check: impl FnOnce(Reading) -> Result<Checked, String> + Send + 'static,
    ) {
        let reading = Reading::of(&path);
        let mut job = Job::default();
        let worker = reading.clone();
        // `total` counts both passes over the file.
        let people = people_in(reading.total / 2);
        job.start("check", people, &self.waker, move || check(worker));
        self.import = ImportState::Checking(Box::new(Checking { path, job, reading }));
        self.panel = Panel::Imports;
        self.take_checked();
    }

    /// Shows a finished check (called every frame).
    pub(super) fn take_checked(&mut self) {
        let ImportState::Checking(c) = &mut self.import else {
            return;
        };
        match c.job.finished() {
            None => {}
            Some(None) => {
                self.import = ImportState::Idle;
                self.fail(self.t("error-worker-stopped"));
            }
            Some(Some(Ok(Checked::Users(p)))) => self.import = ImportState::Preview(p),
            Some(Some(Ok(Checked::Achievements(p)))) => self.import = ImportState::Achievements(p),
            Some(Some(Err(e))) => {
                self.import = ImportState::Idle;
                self.fail(e);
            }
        }
    }

    /// True (and said) when another file cannot be opened for import now: one is being
    /// written, or the last one's passwords were not saved yet.
    pub(super) fn import_blocked(&mut self) -> bool {
        if self.import.writing() {
            self.fail(self.t("import-busy"));
        } else if self.import.passwords_unsaved() {
            self.panel = Panel::Imports;
            self.fail(self.t("import-log-first"));
        } else {
            return false;
        }
        true
    }
}
