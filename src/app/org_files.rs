//! Org files from the window: export and load run on a worker for large organisations (a
//! 100k-person file takes seconds to write, parse and store), so the frame never waits.

use super::AttainApp;
use crate::io::org_file::{load_org, save_org};
use std::path::PathBuf;

/// What a finished file job did.
pub enum FileDone {
    Exported(PathBuf),
    /// The new organisation's id in the workspace, and the name it got when the file's name
    /// was taken already.
    Loaded(i64, PathBuf, Option<String>),
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
                insert_as_new(&mut store, org, path)
            });
        } else {
            let loaded = load_org(&path, &catalog).map_err(|e| e.to_string());
            self.file_job.result =
                Some(loaded.and_then(|org| insert_as_new(&mut self.store, org, path)));
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
            Some(Ok(FileDone::Loaded(id, path, renamed))) => {
                self.refresh_orgs();
                self.select_org(id);
                let file = path.display().to_string();
                self.ok(match renamed {
                    None => self.tr.t("notice-loaded", &[("file", file)]),
                    Some(name) => self
                        .tr
                        .t("notice-loaded-renamed", &[("file", file), ("name", name)]),
                });
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

/// Stores a loaded organisation as a new one; a name already in the workspace gets a number
/// ("Contoso (2)"), as a file manager names a copy, so loading never replaces anything.
fn insert_as_new(
    store: &mut crate::store::Store,
    mut org: crate::model::Org,
    path: PathBuf,
) -> Result<FileDone, String> {
    let name = store.free_org_name(&org.name).map_err(|e| e.to_string())?;
    let renamed = (name != org.name).then(|| name.clone());
    org.name = name;
    let id = store.insert_org(&org).map_err(|e| e.to_string())?;
    Ok(FileDone::Loaded(id, path, renamed))
}
