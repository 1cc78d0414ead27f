//! Org files from the window: export and load run on a worker for large organisations (a
//! 100k-person file takes seconds to write, parse and store), so the frame never waits.

use super::AttainApp;
use crate::io::org_file::{load_org, save_org};
use std::path::PathBuf;

/// What a finished file job did.
pub enum FileDone {
    Exported(PathBuf),
    /// The new organisation's id in the workspace.
    Loaded(i64, PathBuf),
}

/// Files above this size (about 5,000 people) are parsed on a worker.
const BACKGROUND_BYTES: u64 = 1_500_000;

impl AttainApp {
    pub(super) fn export_org_to(&mut self, path: PathBuf) {
        self.remember_folder(&path);
        let org = self.org.clone();
        self.file_job.start(org.employees.len(), move || {
            save_org(&org, &path)
                .map(|()| FileDone::Exported(path.clone()))
                .map_err(|e| format!("{}: {e}", path.display()))
        });
    }

    pub(super) fn load_org_from(&mut self, path: PathBuf) {
        self.remember_folder(&path);
        let catalog = self.catalog.clone();
        let db = self.store.path().to_path_buf();
        let large = std::fs::metadata(&path).is_ok_and(|m| m.len() > BACKGROUND_BYTES);
        if large && db.as_os_str() != ":memory:" {
            // The worker stores it through its own connection (WAL: the window keeps reading).
            self.file_job.start(usize::MAX, move || {
                let org = load_org(&path, &catalog).map_err(|e| e.to_string())?;
                let mut store = crate::store::Store::open(&db).map_err(|e| e.to_string())?;
                let id = store.insert_org(&org).map_err(|e| e.to_string())?;
                Ok(FileDone::Loaded(id, path))
            });
        } else {
            let loaded = load_org(&path, &catalog).map_err(|e| e.to_string());
            let stored =
                loaded.and_then(|org| self.store.insert_org(&org).map_err(|e| e.to_string()));
            self.file_job.result = Some(stored.map(|id| FileDone::Loaded(id, path)));
        }
    }

    /// Takes a finished export or load (called every frame).
    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        if self.file_job.poll() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        match self.file_job.result.take() {
            Some(Ok(FileDone::Exported(path))) => self.ok(self
                .tr
                .t("notice-exported", &[("file", path.display().to_string())])),
            Some(Ok(FileDone::Loaded(id, path))) => {
                self.refresh_orgs();
                self.select_org(id);
                self.ok(self
                    .tr
                    .t("notice-loaded", &[("file", path.display().to_string())]));
            }
            Some(Err(e)) => self.fail(e),
            None => {}
        }
    }

    /// True while an org file is being written or read.
    pub fn files_busy(&self) -> bool {
        self.file_job.busy()
    }
}
