//! Imports into the workspace: bulk users (one transaction, user names in the organisation's
//! domain, temporary passwords returned once and never stored) and the import history.

use super::undo::log;
use super::{
    AddingRows, Result, Store, StoreError, Undo, UndoHead, audit, now, rows, unchanged_since,
};
use crate::model::import::{Created, ImportSource, UserRow, lower, make_upn, user_changes};
use crate::model::{Employee, Org};
use hashbrown::HashTable;
use rusqlite::params;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    pub created: usize,
    pub updated: usize,
    /// Rows of people already there that change nothing: not written.
    pub unchanged: usize,
}

/// One row of the import history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRecord {
    pub at: String,
    pub kind: String,
    pub file_name: String,
    pub sha256: String,
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub errors: usize,
    /// When the import was taken back (undo), if it was.
    pub undone_at: Option<String>,
}

/// Why an import stopped part-way: nothing was written.
pub const CANCELLED: &str = "the import was cancelled; nothing was written";

impl Store {
    /// Imports the valid rows of a checked file into `org` (in memory and in the file) in one
    /// transaction. `passwords(n)` gives the new accounts' temporary passwords (the OS random
    /// source, in `io::accounts`), drawn on a second thread while the rows are written;
    /// `progress(done, total)` returns false to cancel (then nothing is written). Returns the
    /// accounts, the counts and the undo (none if nothing changed).
    pub fn import_users(
        &mut self,
        org_id: i64,
        org: &mut Org,
        valid: &[UserRow],
        source: &ImportSource,
        passwords: &(dyn Fn(usize) -> Vec<String> + Sync),
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(Vec<Created>, ImportCounts, Option<UndoHead>)> {
        let created_at: std::sync::Arc<str> = now().into();
        let expires_at: std::sync::Arc<str> = (chrono::Utc::now() + chrono::Duration::days(90))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
            .into();
        // The write lock first: the people and user names below are the file's, not a stale
        // copy, even when a second attain imports into the same workspace at the same time.
        let adding = AddingRows::new(&self.conn)?;
        let tx = adding.transaction()?;
        let mut by_email: HashMap<String, String> = HashMap::default();
        let mut keys = Vec::new();
        {
            let mut st = tx.prepare("SELECT key, email FROM employees WHERE org_id = ?1")?;
            for row in st.query_map([org_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })? {
                let (key, email) = row?;
                by_email.insert(email.to_lowercase(), key.clone());
                keys.push(key);
            }
        }
        let mut keys = InUse::new(keys, valid.len());
        let mut user_names = {
            let mut st = tx.prepare("SELECT u.upn FROM user_accounts u JOIN employees e ON e.id = u.employee_id WHERE e.org_id = ?1")?;
            let upns = st
                .query_map([org_id], |r| {
                    r.get::<_, String>(0).map(|u| u.to_lowercase())
                })?
                .collect::<std::result::Result<Vec<_>, _>>()?;
            InUse::new(upns, valid.len())
        };
        let mut next: Vec<New> = Vec::with_capacity(valid.len());
        // Each update: the person's key, the row, and the person's position in `org`.
        let mut updates: Vec<(String, &UserRow, Option<usize>)> = Vec::new();
        let mut unchanged = 0;
        // The people as `org` holds them (read from this file): a row that changes nothing
        // is not written, so a re-import of the same file updates no one.
        let people: HashMap<&str, usize> = org
            .employees
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        for row in valid {
            match by_email.get(lower(&row.email).as_ref()) {
                Some(key)
                    if people
                        .get(key.as_str())
                        .is_some_and(|&i| user_changes(&org.employees[i], row).is_empty()) =>
                {
                    unchanged += 1
                }
                Some(key) => updates.push((key.clone(), row, people.get(key.as_str()).copied())),
                None => {
                    let upn = make_upn(&row.email, org.domain.as_deref(), |u| {
                        user_names.contains(u, &next, |n| &n.2)
                    });
                    let local = upn.split('@').next().unwrap_or_default();
                    let taken = |id: &str| keys.contains(id, &next, |n| &n.1.id);
                    let id = match taken(local) {
                        false => local.to_string(),
                        true => (2..)
                            .map(|n| format!("{local}{n}"))
                            .find(|id| !taken(id))
                            .unwrap_or_default(),
                    };
                    // Valid rows have distinct emails (the check refuses duplicates).
                    let named = |s: &String| Some(s.clone()).filter(|s| !s.is_empty());
                    let e = Employee {
                        id,
                        first_name: named(&row.first_name),
                        last_name: named(&row.last_name),
                        ..Employee::new("", &row.display_name, &row.email)
                    };
                    next.push((row.line, e, upn));
                    keys.add_new(next.len() - 1, &next, |n| &n.1.id);
                    user_names.add_new(next.len() - 1, &next, |n| &n.2);
                }
            }
        }
        let total = next.len() + updates.len();
        let mut created = Vec::with_capacity(total);
        let mut done = 0;
        let drawn = std::thread::scope(|s| -> Result<Vec<String>> {
            // Drawing 100,000 passwords (the OS random source, the alphabet filter) took
            // about a twentieth of the import: done beside the inserts, not before them.
            let drawing = s.spawn(|| passwords(next.len()));
            for chunk in next.chunks(1000) {
                let ids = rows::insert_employees(&tx, org_id, chunk.iter().map(|(_, e, _)| e))?;
                let upns = chunk.iter().map(|(_, _, upn)| upn.as_str());
                rows::insert_accounts(&tx, ids.into_iter().zip(upns), &created_at, &expires_at)?;
                done += chunk.len();
                if !progress(done, total) {
                    return Err(StoreError::Rejected(CANCELLED.into()));
                }
            }
            Ok(drawing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        })?;
        let mut drawn = drawn.into_iter();
        created.extend(next.iter().map(|(line, e, upn)| Created {
            line: *line,
            display_name: e.display_name.clone(),
            upn: upn.clone(),
            password: drawn.next(),
            created_at: created_at.clone(),
            expires_at: expires_at.clone(),
        }));
        drop(people);
        for (key, row, _) in &updates {
            // Names only: an update never touches the person's achievements or association.
            tx.prepare_cached(
                "UPDATE employees SET display_name = ?1, first_name = COALESCE(?2, first_name), last_name = COALESCE(?3, last_name) WHERE org_id = ?4 AND key = ?5",
            )?
            .execute(params![
                row.display_name,
                Some(&row.first_name).filter(|s| !s.is_empty()),
                Some(&row.last_name).filter(|s| !s.is_empty()),
                org_id,
                key
            ])?;
            created.push(Created {
                line: row.line,
                display_name: row.display_name.clone(),
                upn: row.email.to_lowercase(),
                password: None,
                created_at: created_at.clone(),
                expires_at: std::sync::Arc::from(""),
            });
            done += 1;
            if done % 1000 == 0 && !progress(done, total) {
                return Err(StoreError::Rejected(CANCELLED.into()));
            }
        }
        let counts = ImportCounts {
            created: next.len(),
            updated: updates.len(),
            unchanged,
        };
        let mut undo = Undo::of_import(
            next.iter().map(|(_, e, _)| e.id.clone()),
            updates
                .iter()
                .filter_map(|&(_, _, i)| i.map(|i| (i, org.employees[i].clone()))),
        );
        undo.import = Some(history(&tx, org_id, &created_at, source, &counts)?);
        let head = log(
            &tx,
            org_id,
            "import_users",
            Some(source.file_name.clone()),
            &undo,
        )?;
        audit(
            &tx,
            Some(org_id),
            "import_users",
            Some(&source.file_name),
            None,
            Some(&format!(
                "{} created, {} updated",
                counts.created, counts.updated
            )),
        )?;
        if !progress(total, total) {
            return Err(StoreError::Rejected(CANCELLED.into()));
        }
        tx.commit()?;
        for (_, row, i) in &updates {
            if let Some(e) = i.map(|i| &mut org.employees[i]) {
                e.display_name = row.display_name.clone();
                if !row.first_name.is_empty() {
                    e.first_name = Some(row.first_name.clone());
                }
                if !row.last_name.is_empty() {
                    e.last_name = Some(row.last_name.clone());
                }
            }
        }
        org.employees.extend(next.into_iter().map(|(_, e, _)| e));
        Ok((created, counts, head))
    }

    /// Writes a planned Trainings or Credly import in one transaction, with its history row:
    /// `added` people, and `changed` ones (position in `org.employees`, the person after).
    /// `source` (the history row) is asked for once the people are written: a caller may be
    /// making it on a second thread meanwhile. Returns its undo (none if nothing changed).
    pub fn import_achievements(
        &mut self,
        org_id: i64,
        org: &mut Org,
        added: Vec<Employee>,
        changed: Vec<(usize, Employee)>,
        source: impl FnOnce() -> ImportSource,
    ) -> Result<Option<UndoHead>> {
        let at = now();
        // The plan was made from the people as read: refused if another attain wrote since.
        let adding = AddingRows::new(&self.conn)?;
        let tx = adding.transaction()?;
        unchanged_since(self.read_at, &tx)?;
        rows::insert_employees(&tx, org_id, &added)?;
        for (_, e) in &changed {
            rows::write_employee(&tx, org_id, &e.id, Some(e))?;
        }
        let counts = ImportCounts {
            created: added.len(),
            updated: changed.len(),
            unchanged: 0,
        };
        let mut undo = Undo::of_import(
            added.iter().map(|e| e.id.clone()),
            changed.iter().map(|(i, _)| (*i, org.employees[*i].clone())),
        );
        let source = source();
        undo.import = Some(history(&tx, org_id, &at, &source, &counts)?);
        let kind = format!("import_{}", source.kind);
        let head = log(&tx, org_id, &kind, Some(source.file_name.clone()), &undo)?;
        audit(
            &tx,
            Some(org_id),
            &kind,
            Some(&source.file_name),
            None,
            Some(&source.summary),
        )?;
        tx.commit()?;
        for (i, e) in changed {
            org.employees[i] = e;
        }
        org.employees.extend(added);
        Ok(head)
    }

    /// The organisation's imports, newest first, without their detail (each row's changes:
    /// megabytes for a 100,000-row export, which the window does not show).
    pub fn import_history(&self, org_id: i64) -> Result<Vec<ImportRecord>> {
        let mut st = self.conn.prepare(
            "SELECT at, kind, file_name, sha256, rows, created, updated, errors, undone_at FROM imports WHERE org_id = ?1 ORDER BY id DESC",
        )?;
        let rows = st.query_map([org_id], |r| {
            Ok(ImportRecord {
                at: r.get(0)?,
                kind: r.get(1)?,
                file_name: r.get(2)?,
                sha256: r.get(3)?,
                rows: r.get::<_, i64>(4)? as usize,
                created: r.get::<_, i64>(5)? as usize,
                updated: r.get::<_, i64>(6)? as usize,
                errors: r.get::<_, i64>(7)? as usize,
                undone_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// The import's row in the history.
fn history(
    tx: &rusqlite::Transaction<'_>,
    org_id: i64,
    at: &str,
    source: &ImportSource,
    counts: &ImportCounts,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO imports(org_id, at, kind, file_name, sha256, rows, created, updated, errors, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            org_id,
            at,
            source.kind,
            source.file_name,
            source.sha256,
            source.rows as i64,
            counts.created as i64,
            counts.updated as i64,
            source.errors as i64,
            source.detail
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A new person of a users import: the row's line, the person, the user name.
type New = (usize, Employee, String);

/// Names in use (people's keys, or user names), found by their text. The table holds
/// positions, in the names read from the workspace or (with [`NEW`]) in the import's new
/// people, not copies of the names: a 100,000-row import neither copies each new name into
/// a set nor frees each copy at the end (about a tenth of its time on this machine).
struct InUse {
    table: HashTable<u32>,
    read: Vec<String>,
}

/// Marks a position among the new people rather than among the names read.
const NEW: u32 = 1 << 31;

impl InUse {
    /// The names read, with room for `new` more: a table grown one import row at a time
    /// rehashed every name at each doubling (about 1 % of a 100,000-user import).
    fn new(read: Vec<String>, new: usize) -> Self {
        let mut table = HashTable::with_capacity(read.len() + new);
        for (i, name) in read.iter().enumerate() {
            table.insert_unique(hash(name), i as u32, |&at| hash(&read[at as usize]));
        }
        InUse { table, read }
    }

    /// The name at `at`: a name read, or `pick` of a new person.
    fn name<'a>(read: &'a [String], at: u32, new: &'a [New], pick: Pick) -> &'a str {
        match at & NEW {
            0 => &read[at as usize],
            _ => pick(&new[(at & !NEW) as usize]),
        }
    }

    fn contains(&self, name: &str, new: &[New], pick: Pick) -> bool {
        self.table
            .find(hash(name), |&at| {
                Self::name(&self.read, at, new, pick) == name
            })
            .is_some()
    }

    /// Adds the name `pick` gives of `new[i]`.
    fn add_new(&mut self, i: usize, new: &[New], pick: Pick) {
        let InUse { table, read } = self;
        let at = i as u32 | NEW;
        let name = |at: u32| hash(Self::name(read, at, new, pick));
        table.insert_unique(name(at), at, |&at| name(at));
    }
}

/// Which name of a new person a table holds.
type Pick = fn(&New) -> &str;

fn hash(name: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(name)
}
