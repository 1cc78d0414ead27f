//! A Trainings or Credly import written in the window: on a worker with its own connection to
//! the workspace file, so the window never waits for it (100,000 rows written on the
//! window's thread made one frame of 80-85 ms).

use super::AttainApp;
use super::imports::{ImportState, Reading};
use super::jobs::{Job, ON_WORKER};
use crate::io::achievements_plan::{Diff, Plan, plan};
use crate::io::trainings::AchievementsCheck;
use crate::store::{Store, StoreError};
use std::path::PathBuf;

/// A checked Trainings or Credly file and the diff it would make.
pub struct AchievementsPreview {
    pub path: PathBuf,
    /// `trainings` or `credly`
    pub kind: &'static str,
    pub sha256: String,
    pub check: AchievementsCheck,
    pub plan: Plan,
    /// The check's unmapped rows by title, grouped once here rather than each frame.
    pub unmapped_titles: Vec<(String, Vec<usize>)>,
    /// The display name of everyone the diff lists, by employee id (new people's from the
    /// file), looked up once here rather than in 100,000 people each frame. (A preview goes
    /// when another organisation is shown: it is always the one shown's.)
    pub names: rustc_hash::FxHashMap<String, String>,
}

/// An import being written.
pub struct Writing {
    pub file: String,
    pub job: Job<Result<Written, StoreError>>,
}

/// How a write ended when the store did not refuse it.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Written: the organisation now has this many people.
    Done { people: usize },
    /// The people read again no longer give the diff the preview showed (an edit since, in
    /// this window or another): nothing was written.
    ChangedSincePreview,
}

impl AttainApp {
    /// Writes the previewed achievements in one transaction.
    pub(super) fn confirm_achievements(&mut self) {
        let ImportState::Achievements(p) = std::mem::take(&mut self.import) else {
            return;
        };
        let p = *p;
        let file = crate::io::file_name(&p.path);
        // The writer plans again: of the preview it needs only what the plan is checked
        // against and written from, not its people (tens of MB at 100,000 rows).
        let planned = Planned {
            org_id: self.org_id,
            kind: p.kind,
            sha256: p.sha256,
            check: p.check,
            diff: p.plan.diff,
            file: file.clone(),
        };
        // An in-memory workspace (tests) has no second connection to give a worker: written
        // here, the same way.
        if self.store.is_memory() {
            let written = write_once(&mut self.store, &planned);
            self.show_written(file, written);
            return;
        }
        let path = self.store.path().to_path_buf();
        let mut job = Job::default();
        job.start("import", ON_WORKER, &self.waker, move || {
            write(&path, planned)
        });
        self.import = ImportState::WritingAchievements(Box::new(Writing { file, job }));
    }

    /// Takes the outcome of a write on a worker; the organisation is then read again.
    pub(super) fn poll_achievements_import(&mut self) {
        let ImportState::WritingAchievements(w) = &mut self.import else {
            return;
        };
        // No repaint asked here: the worker wakes the window when it ends, and the panel's
        // spinner animates itself while it is shown.
        let file = w.file.clone();
        match w.job.finished() {
            None => {}
            // The worker panicked (the crash hook reported it): its transaction was rolled
            // back with its connection.
            Some(None) => {
                self.import = ImportState::Idle;
                self.fail(self.t("error-worker-stopped"));
            }
            Some(Some(written)) => {
                self.import = ImportState::Idle;
                self.show_written(file, written);
            }
        }
    }

    /// Shows the organisation as a write left it, and says how the write ended.
    fn show_written(&mut self, file: String, written: Result<Written, StoreError>) {
        // Written, or not written because the people changed: either way the window shows
        // them as they are now (a refusal by the store reloads them itself). The switcher's
        // count decides whether they are read on a worker, so it follows the write first:
        // 15,700 people read in the frame took it 50-60 ms.
        match &written {
            Ok(Written::Done { people }) => {
                self.count_people(self.org_id, *people);
                self.select_org(self.org_id);
            }
            Ok(Written::ChangedSincePreview) => {
                self.refresh_orgs();
                self.select_org(self.org_id);
            }
            Err(_) => {}
        }
        match written {
            Ok(Written::Done { .. }) => {
                self.ok(self.tr.t("import-achievements-done", &[("file", file)]))
            }
            Ok(Written::ChangedSincePreview) => {
                self.fail(self.tr.t("import-changed-since-preview", &[("file", file)]))
            }
            Err(e) => self.store_failed(e),
        }
    }
}

/// What the worker writes from.
struct Planned {
    org_id: i64,
    kind: &'static str,
    sha256: String,
    check: AchievementsCheck,
    diff: Diff,
    file: String,
}

/// Reads the people again on its own connection, checks that they give the diff the preview
/// showed, and writes it in one transaction (refused if another attain writes meanwhile).
fn write(path: &std::path::Path, p: Planned) -> Result<Written, StoreError> {
    let mut store = Store::open(path)?;
    // A commit from the window between the reading and the write (a setting: the language,
    // a reminder snoozed, a folder remembered) moves the workspace's version without
    // touching the people: read and plan again, and write if the diff is still the same.
    for _ in 0..2 {
        match write_once(&mut store, &p) {
            Err(StoreError::Changed) => continue,
            written => return written,
        }
    }
    write_once(&mut store, &p)
}

fn write_once(store: &mut Store, p: &Planned) -> Result<Written, StoreError> {
    store.mark_read()?;
    let mut org = store.load_org(p.org_id)?;
    let Plan {
        added,
        changed,
        diff,
    } = plan(&org, &p.check, &format!("{}-import", p.kind));
    if !same(&diff, &p.diff) {
        return Ok(Written::ChangedSincePreview);
    }
    store.import_achievements(p.org_id, &mut org, added, changed, || {
        diff.source(&p.check, p.kind, &p.file, &p.sha256)
    })?;
    Ok(Written::Done {
        people: org.employees.len(),
    })
}

/// The same diff, whatever order the people were read in: the people absent from the file
/// follow the organisation's order, which the workspace (by id) and the window (an undone
/// removal back at its place) may not share.
fn same(a: &Diff, b: &Diff) -> bool {
    a.new_achievements == b.new_achievements
        && a.renewed == b.renewed
        && a.new_people == b.new_people
        && absent(a) == absent(b)
}

fn absent(d: &Diff) -> Vec<&str> {
    let mut v: Vec<&str> = d.no_longer_present.iter().map(String::as_str).collect();
    v.sort_unstable();
    v
}

/// Reads a Trainings export or a Credly file and plans its diff against `org`.
pub(super) fn achievements_preview(
    path: PathBuf,
    kind: &'static str,
    catalog: &crate::model::Catalog,
    org: &crate::model::Org,
    mapping: &rustc_hash::FxHashMap<String, String>,
    today: crate::model::Day,
    reading: &Reading,
) -> Result<AchievementsPreview, String> {
    use crate::io::trainings::{DateOrder, check_credly_stream, check_trainings_stream};
    let (sha256, stream) = crate::io::table::open_file(&path, reading.progress())?;
    let check = if kind == "credly" {
        check_credly_stream(stream, mapping)
    } else {
        check_trainings_stream(stream, catalog, DateOrder::DayFirst, &org.name, today)
    };
    reading.go_on()?;
    let plan = plan(org, &check, &format!("{kind}-import"));
    let unmapped_titles = crate::io::trainings::by_title(
        check
            .unmapped
            .iter()
            .map(|(line, title)| (*line, title.as_str())),
    )
    .into_iter()
    .map(|(title, lines)| (title.to_string(), lines))
    .collect();
    let d = &plan.diff;
    let listed: rustc_hash::FxHashSet<&str> = d
        .new_achievements
        .iter()
        .chain(&d.renewed)
        .map(|c| c.employee.as_str())
        .chain(d.no_longer_present.iter().map(String::as_str))
        .collect();
    let names = org
        .employees
        .iter()
        .filter(|e| listed.contains(e.id.as_str()))
        .chain(&plan.added)
        .map(|e| (e.id.clone(), e.display_name.clone()))
        .collect();
    Ok(AchievementsPreview {
        names,
        sha256,
        path,
        kind,
        check,
        plan,
        unmapped_titles,
    })
}
