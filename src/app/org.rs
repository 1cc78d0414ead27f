//! Org files from the window: export and load run on a worker for large organisations (a
//! 100k-person file takes seconds to write, parse and store), so the frame never waits.

use super::dialogs::FileFor;
use super::jobs::{IN_FRAME_PEOPLE, people_in};
use super::{AttainApp, Command};
use crate::io::org_file::{load_org, save_org};
use crate::model::{Market, Org};
use std::path::PathBuf;

/// What a finished file job did.
pub enum FileDone {
    Exported(PathBuf),
    /// The new organisation's id in the workspace, and the name it got when the file's name
    /// was taken already.
    Loaded(i64, PathBuf, Option<String>),
    /// The file's organisation has the name of one already there: the user decides. The
    /// organisation as read is kept, so the answer does not read the file again.
    NameTaken(PathBuf, Box<Org>),
}

/// What loading an org file does with an organisation of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameName {
    /// Ask first (nothing is written).
    Ask,
    /// Replace the organisation there by the file's.
    Replace,
    /// Keep both: the file's gets a number ("Contoso (2)").
    Copy,
}

impl AttainApp {
    pub(super) fn export_org_to(&mut self, path: PathBuf) {
        self.remember_folder(&path);
        let org = self.org.clone();
        self.file_job
            .start("export", org.employees.len(), &self.waker, move || {
                save_org(&org, &path)
                    .map(|()| FileDone::Exported(path.clone()))
                    .map_err(|e| format!("{}: {e}", path.display()))
            });
    }

    pub(super) fn load_org_from(&mut self, path: PathBuf, same: SameName) {
        self.remember_folder(&path);
        let catalog = self.catalog.clone();
        let db = self.store.path().to_path_buf();
        let people = std::fs::metadata(&path).map_or(0, |m| people_in(m.len()));
        // The answer to "name taken" stores the organisation already read.
        let read = self
            .pending_load
            .take()
            .filter(|(p, _)| *p == path)
            .map(|(_, org)| org);
        let load = move |path: &std::path::Path| match read {
            Some(org) => Ok(*org),
            None => load_org(path, &catalog).map_err(|e| e.to_string()),
        };
        // An in-memory workspace (tests) has no second connection to give a worker.
        if people > IN_FRAME_PEOPLE && !self.store.is_memory() {
            // The worker stores it through its own connection (WAL: the window keeps reading).
            self.file_job
                .start_foreground("load", people, &self.waker, move || {
                    let org = load(&path)?;
                    let mut store = crate::store::Store::open(&db).map_err(|e| e.to_string())?;
                    store_loaded(&mut store, org, path, same)
                });
        } else {
            let loaded = load(&path);
            self.file_job.result =
                Some(loaded.and_then(|org| store_loaded(&mut self.store, org, path, same)));
        }
    }

    /// Takes a finished export or load (called every frame).
    pub(super) fn poll_files(&mut self) {
        let Some(done) = self.file_job.finished() else {
            return;
        };
        match done {
            None => self.fail(self.t("error-worker-stopped")),
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
            Some(Ok(FileDone::NameTaken(path, org))) => {
                self.ask_same_name(path.clone(), org.name.clone());
                self.pending_load = Some((path, org));
            }
            Some(Err(e)) => self.fail(e),
        }
    }

    /// An org file of a name already there: replace that organisation, keep both, or cancel.
    fn ask_same_name(&mut self, path: PathBuf, name: String) {
        let copy = self
            .store
            .free_org_name(&name)
            .unwrap_or_else(|_| name.clone());
        let file = path.display().to_string();
        self.confirm = Some(super::edit::Confirm {
            title: self.tr.t("load-same-name-title", &[("name", name.clone())]),
            body: vec![
                self.tr
                    .t("load-same-name-body", &[("name", name), ("file", file)]),
                self.t("load-same-name-replace-warning"),
            ],
            yes: self.t("load-same-name-replace"),
            command: Command::LoadOrgAs(path.clone(), SameName::Replace),
            other: Some((
                self.tr.t("load-same-name-copy", &[("copy", copy)]),
                Command::LoadOrgAs(path, SameName::Copy),
            )),
        });
    }

    /// True while an org file is being written or read.
    pub fn files_busy(&self) -> bool {
        self.file_job.busy()
    }
}

/// Stores a loaded organisation: as a new one when its name is free; else as `same` says
/// (asking writes nothing; a copy gets a number, "Contoso (2)", as a file manager names one).
fn store_loaded(
    store: &mut crate::store::Store,
    mut org: crate::model::Org,
    path: PathBuf,
    same: SameName,
) -> Result<FileDone, String> {
    let taken = store.org_id(&org.name).map_err(|e| e.to_string())?;
    match (taken, same) {
        (Some(_), SameName::Ask) => return Ok(FileDone::NameTaken(path, Box::new(org))),
        (Some(id), SameName::Replace) => {
            let id = store.replace_org(id, &org).map_err(|e| e.to_string())?;
            return Ok(FileDone::Loaded(id, path, None));
        }
        _ => {}
    }
    let name = store.free_org_name(&org.name).map_err(|e| e.to_string())?;
    let renamed = (name != org.name).then(|| name.clone());
    org.name = name;
    let id = store.insert_org(&org).map_err(|e| e.to_string())?;
    Ok(FileDone::Loaded(id, path, renamed))
}

impl AttainApp {
    /// A new, empty organisation, shown at once.
    pub(super) fn create_org(&mut self, name: String, market: Market, domain: Option<String>) {
        let mut org = Org::new(name.trim(), market);
        org.domain = domain.filter(|d| !d.trim().is_empty());
        match self.store.insert_org(&org) {
            Ok(id) => self.select_org(id),
            Err(e) => self.store_failed(e),
        }
    }

    /// Deletes an organisation (asked first); the last one gives way to the demo.
    pub(super) fn delete_org(&mut self, id: i64) {
        match self.store.delete_org(id) {
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
        }
    }

    /// Asks where to write the org file.
    pub(super) fn export_org_dialog(&mut self) {
        let name = format!("{}.org.ron", self.org.name.replace(['/', '\\', ':'], "_"));
        self.ask_file(FileFor::ExportOrg, Some(name));
    }

    /// Picks an org file to load.
    pub(super) fn load_org_dialog(&mut self) {
        self.ask_file(FileFor::LoadOrg, None);
    }

    pub fn refresh_orgs(&mut self) {
        match self.store.list_orgs() {
            Ok(orgs) => self.orgs = orgs,
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Sets the switcher's count of an organisation written on a worker (an import), before
    /// it is read again: [`Self::select_org`] reads it in the frame or on a worker by it.
    pub(super) fn count_people(&mut self, id: i64, people: usize) {
        if let Some(o) = self.orgs.iter_mut().find(|o| o.id == id) {
            o.employees = people;
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
        // An in-memory workspace (tests) has no second connection to give a worker.
        if size > IN_FRAME_PEOPLE && !self.store.is_memory() {
            self.loading
                .start_foreground("load", size, &self.waker, move || {
                    let org = crate::store::Store::open(&path)
                        .and_then(|s| s.load_org(id))
                        .map_err(|e| e.to_string());
                    (id, org)
                });
            return;
        }
        let loaded = self.store.load_org(id).map_err(|e| e.to_string());
        self.show_org(id, loaded);
    }

    /// Takes an organisation loaded by [`Self::select_org`] into the window.
    pub fn show_org(&mut self, id: i64, loaded: Result<crate::model::Org, String>) {
        match loaded {
            Ok(org) => {
                if id != self.org_id {
                    // Another organisation: the last one's report, alerts and banner go now,
                    // not when the new evaluation lands, so no frame shows the two together.
                    self.eval.clear();
                    // So does a file previewed, or being checked, against it: its preview
                    // would count the last organisation's people.
                    use super::imports::ImportState as S;
                    if matches!(
                        self.import,
                        S::Checking(_) | S::Preview(_) | S::Achievements(_)
                    ) {
                        self.cancel_import();
                    }
                }
                self.org_id = id;
                self.org = std::sync::Arc::new(org);
                self.data_changed();
                self.refresh_history();
                self.remember("current_org", &id.to_string());
                // The switcher's count from the people in memory: counting 100,000 rows in
                // the workspace took a UI frame 6 ms.
                self.summary_follows_edit();
                self.reevaluate();
                self.report_time("organisation shown");
            }
            Err(e) => self.fail(e),
        }
    }

    pub(super) fn recreate_demo(&mut self) {
        let demo = crate::io::demo::demo_org(&self.catalog);
        match demo
            .map_err(|e| e.to_string())
            .and_then(|o| self.store.insert_org(&o).map_err(|e| e.to_string()))
        {
            Ok(id) => {
                self.demo_org = Some(id);
                self.remember("demo_org", &id.to_string());
                self.select_org(id);
            }
            Err(e) => self.fail(e),
        }
    }
}
