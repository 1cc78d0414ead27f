//! A bulk user import in the window: check (preview), then import on a worker thread with
//! progress and cancel, then the credentials log the user chooses to save.

use crate::io::users::{UsersCheck, check_users_stream};
use crate::model::import::Created;
use crate::store::Store;
use crate::store::imports::ImportCounts;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// How the preview shows one line of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    New,
    Update,
    /// Index into `check.errors`.
    Error(usize),
}

/// A checked file waiting for the user's decision.
pub struct Preview {
    pub path: PathBuf,
    pub sha256: String,
    pub check: UsersCheck,
    /// Emails (lower case) of valid rows that update an existing person.
    pub updates: std::collections::HashSet<String>,
    /// Every data row in file order: (line, status, index into `check.valid` for valid rows).
    pub rows: Vec<(usize, RowStatus, usize)>,
}

/// An import under way.
pub struct Running {
    pub done: Arc<AtomicUsize>,
    pub total: usize,
    pub cancel: Arc<AtomicBool>,
    rx: Receiver<Outcome>,
}

/// A finished import whose credentials have not been saved yet.
pub struct Finished {
    pub check: UsersCheck,
    pub created: Vec<Created>,
    pub counts: ImportCounts,
    pub log_saved: Option<PathBuf>,
}

/// A checked Trainings or Credly file and the diff it would make.
pub struct AchievementsPreview {
    pub path: PathBuf,
    /// `trainings` or `credly`
    pub kind: &'static str,
    pub sha256: String,
    pub check: crate::io::trainings::AchievementsCheck,
    pub plan: crate::io::achievements_plan::Plan,
}

/// A file checked on a worker: what the preview shows next.
pub enum Checked {
    Users(Box<Preview>),
    Achievements(Box<AchievementsPreview>),
}

/// A file being read and checked (large ones on a worker, with progress; Cancel stops it).
pub struct Checking {
    pub path: PathBuf,
    pub job: super::job::Job<Result<Checked, String>>,
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
}

impl Preview {
    pub fn of_file(
        path: PathBuf,
        existing: &std::collections::HashSet<String>,
        reading: &Reading,
    ) -> Result<Preview, String> {
        let (sha256, stream) = crate::io::table::open_file(&path, reading.progress())?;
        let check = check_users_stream(stream);
        reading.go_on()?;
        let updates: std::collections::HashSet<String> = check
            .valid
            .iter()
            .map(|r| r.email.to_lowercase())
            .filter(|e| existing.contains(e))
            .collect();
        // Built once: the preview of a 100k-row file must not be rebuilt every frame.
        let mut rows: Vec<(usize, RowStatus, usize)> = check
            .valid
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let status = if updates.contains(&r.email.to_lowercase()) {
                    RowStatus::Update
                } else {
                    RowStatus::New
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
            updates,
            rows,
        })
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }
}

pub type Outcome = Result<(Vec<Created>, ImportCounts), String>;

pub enum Started {
    Running(Running),
    Done(Outcome),
}

/// Starts the import on a worker with its own connection to the workspace file; an
/// in-memory workspace (tests) is imported at once on the caller's connection.
pub fn start(store: &mut Store, org_id: i64, preview: &Preview) -> Started {
    let done = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let total = preview.check.valid.len();
    let (tx, rx) = channel();
    let path = store.path().to_path_buf();
    let valid = preview.check.valid.clone();
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
                    &mut crate::io::accounts::temporary_passwords,
                    &mut progress,
                )
                .map_err(|e| e.to_string())
        }
    };
    if path.as_os_str() == ":memory:" {
        return Started::Done(run(store));
    }
    let spawned = std::thread::Builder::new()
        .name("attain-import".into())
        .spawn(move || {
            let result = Store::open(&path)
                .map_err(|e| e.to_string())
                .and_then(|mut s| run(&mut s));
            tx.send(result).ok();
        });
    match spawned {
        Ok(_) => Started::Running(Running {
            done,
            total,
            cancel,
            rx,
        }),
        Err(e) => Started::Done(Err(e.to_string())),
    }
}

impl ImportState {
    /// A finished import whose new users' passwords were not saved to a log yet.
    pub fn passwords_unsaved(&self) -> bool {
        matches!(self, ImportState::Finished(f) if f.counts.created > 0 && f.log_saved.is_none())
    }
}

impl Running {
    /// `None` while running; `Some(None)` if the worker stopped without an outcome (it
    /// panicked: the transaction was rolled back with its connection).
    pub fn poll(&self) -> Option<Option<Outcome>> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(Some(outcome)),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }

    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / self.total as f32
        }
    }
}
