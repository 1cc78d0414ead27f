//! The workspace: one SQLite file holding every organisation, its people and history.
//!
//! WAL mode, foreign keys on, a busy timeout for a second attain on the same file, and one
//! transaction per user action, each with its audit rows.

pub mod crash;
pub mod imports;
mod rows;
pub mod schema;

use crate::model::validate::validate_touched;
use crate::model::{Catalog, Edit, Employee, Org};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::SchemaVersion;
use std::path::{Path, PathBuf};

/// The default workspace file in the user's data folder (the folder eframe also uses for the
/// window's state): `$XDG_DATA_HOME/attain` or `~/.local/share/attain` on Linux,
/// `~/Library/Application Support/attain` on macOS, `%APPDATA%\\attain\\data` on Windows.
pub fn default_path() -> PathBuf {
    data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("workspace.attain")
}

#[cfg(target_os = "macos")]
fn data_dir() -> Option<PathBuf> {
    std::env::home_dir().map(|h| h.join("Library").join("Application Support").join("attain"))
}

#[cfg(windows)]
fn data_dir() -> Option<PathBuf> {
    std::env::var_os("APPDATA").map(|a| PathBuf::from(a).join("attain").join("data"))
}

#[cfg(not(any(target_os = "macos", windows)))]
fn data_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::home_dir().map(|h| h.join(".local").join("share")))
        .map(|d| d.join("attain"))
}

#[derive(Debug)]
pub enum StoreError {
    /// The file was written by a newer attain: refused, left untouched.
    TooNew {
        path: PathBuf,
        version: usize,
    },
    Sql(rusqlite::Error),
    Migration(String),
    /// An edit that would make the organisation invalid, or that does not apply.
    Rejected(String),
    /// Another attain committed to the file since the data being written back was read:
    /// nothing was written, the caller reads again.
    Changed,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::TooNew { path, version } => write!(
                f,
                "{} was written by a newer attain (schema {version}, this one knows {}); it was left untouched",
                path.display(),
                schema::LATEST
            ),
            StoreError::Sql(e) => write!(f, "database error: {e}"),
            StoreError::Migration(e) => write!(f, "cannot upgrade the workspace: {e}"),
            StoreError::Rejected(m) => f.write_str(m),
            StoreError::Changed => f.write_str(
                "another attain changed the workspace since it was read; nothing was written",
            ),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sql(e)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An organisation as the switcher lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    pub employees: usize,
}

/// The state before an edit, to put back on undo.
#[derive(Debug, Clone)]
pub struct Undo {
    pub org_id: i64,
    pub label: &'static str,
    /// Each touched employee as it was, with its position (`None`: it did not exist).
    employees: Vec<(String, Option<(usize, Employee)>)>,
    /// The organisation without its employees, when its own fields changed.
    meta: Option<Org>,
    /// Associations in other organisations the edit severed (§5.4): each employee row id,
    /// its organisation, and the dissociation it had before.
    severed: Vec<(i64, i64, Option<String>)>,
}

/// One row of the audit table.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub at: String,
    pub who: String,
    pub action: String,
    pub subject: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The data version when the caller last read what it writes back (see
    /// [`Store::mark_read`]); a write fails with [`StoreError::Changed`] if it moved.
    read_at: Option<i64>,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn who() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "admin".into())
}

fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_string(v).ok()
}

impl Store {
    /// Opens (creating if needed) and migrates a workspace file.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Migration(format!("{}: {e}", dir.display())))?;
        }
        // A newer attain's file is refused through a read-only connection, which never
        // writes or checkpoints: its bytes stay as they were, WAL included.
        if path.exists() {
            Store::open_read_only(path)?;
        }
        create_private(path)?;
        let conn = Connection::open(path)?;
        Self::init(conn, path.to_path_buf())
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Check the version before anything writes to the file: a newer one stays untouched.
        let migrations = schema::migrations();
        let version = migrations
            .current_version(&conn)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        if let SchemaVersion::Outside(v) = version {
            return Err(StoreError::TooNew {
                path,
                version: v.get(),
            });
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // An older workspace is copied aside (online backup) before its schema changes.
        if let SchemaVersion::Inside(v) = version
            && v.get() < schema::LATEST
            && path.as_os_str() != ":memory:"
        {
            let copy = backup_path(&path, v.get());
            backup_to(&conn, &copy)?;
        }
        migrations
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(Store {
            conn,
            path,
            read_at: None,
        })
    }

    /// A write transaction that takes the write lock at once, so it waits (busy timeout) for
    /// another attain instead of failing when its first read turns into a write; then checks
    /// that nobody committed since [`Store::mark_read`].
    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if let Some(seen) = self.read_at {
            let now: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
            if now != seen {
                return Err(StoreError::Changed);
            }
        }
        Ok(tx)
    }

    /// Remembers that the caller is about to read (or has just read) the data it will later
    /// write back: from now on a write fails with [`StoreError::Changed`] if another
    /// connection commits first, instead of overwriting that commit with older data.
    pub fn mark_read(&mut self) -> Result<()> {
        self.read_at = Some(self.data_version()?);
        Ok(())
    }

    /// True when another connection committed since [`Store::mark_read`].
    pub fn changed_since_read(&self) -> Result<bool> {
        Ok(self
            .read_at
            .is_some_and(|seen| self.data_version().map_or(true, |now| now != seen)))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's `PRAGMA integrity_check`: "ok", or what is wrong.
    pub fn integrity_check(&self) -> Result<String> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(lines.join("\n"))
    }

    pub fn list_orgs(&self) -> Result<Vec<OrgSummary>> {
        let mut st = self.conn.prepare(
            "SELECT o.id, o.name, (SELECT COUNT(*) FROM employees e WHERE e.org_id = o.id) FROM organisations o ORDER BY o.name COLLATE NOCASE",
        )?;
        let rows = st.query_map([], |r| {
            Ok(OrgSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                employees: r.get::<_, i64>(2)? as usize,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn org_id(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM organisations WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// `name`, or `name (2)`, `name (3)`… : the first not taken in the workspace.
    pub fn free_org_name(&self, name: &str) -> Result<String> {
        let mut candidate = name.to_string();
        let mut n = 2;
        while self.org_id(&candidate)?.is_some() {
            candidate = format!("{name} ({n})");
            n += 1;
        }
        Ok(candidate)
    }

    pub fn load_org(&self, id: i64) -> Result<Org> {
        rows::load_org(&self.conn, id)
    }

    /// Adds a whole organisation (first start, org file load) in one transaction.
    pub fn insert_org(&mut self, org: &Org) -> Result<i64> {
        // New rows only: nothing read earlier is written back, so another attain's commits
        // do not make it stale; the name is checked under the write lock.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let taken: Option<i64> = tx
            .query_row(
                "SELECT id FROM organisations WHERE name = ?1",
                [&org.name],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(StoreError::Rejected(format!(
                "an organisation named {:?} already exists",
                org.name
            )));
        }
        let id = rows::insert_org(&tx, org, &now())?;
        audit(
            &tx,
            Some(id),
            "insert_org",
            Some(&org.name),
            None,
            Some(&format!("{} employees", org.employees.len())),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn delete_org(&mut self, id: i64) -> Result<()> {
        let tx = self.write_tx()?;
        let name: String =
            tx.query_row("SELECT name FROM organisations WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        tx.execute("DELETE FROM organisations WHERE id = ?1", [id])?;
        audit(&tx, None, "delete_org", Some(&name), None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Applies one user action: to `org` in memory and to the file, in one transaction with
    /// its audit row. Nothing changes if the result would be invalid. Returns the undo.
    ///
    /// The edit is applied in place (an organisation can hold millions of achievements) and
    /// put back from the snapshot of what it touches if validation or the write fails.
    pub fn apply(
        &mut self,
        org_id: i64,
        org: &mut Org,
        edit: &Edit,
        catalog: &Catalog,
    ) -> Result<Undo> {
        let touch = edit.touch();
        let mut undo = Undo {
            org_id,
            label: edit.kind(),
            employees: touch
                .employees
                .iter()
                .map(|id| {
                    (
                        id.clone(),
                        org.employees
                            .iter()
                            .position(|e| &e.id == id)
                            .map(|i| (i, org.employees[i].clone())),
                    )
                })
                .collect(),
            meta: touch.meta.then(|| meta_of(org)),
            severed: Vec::new(),
        };
        let written = edit
            .apply(org)
            .map_err(|e| StoreError::Rejected(e.0))
            .and_then(|()| {
                validate_touched(org, catalog, &touch.employees, touch.meta)
                    .map_err(StoreError::Rejected)
            })
            .and_then(|()| self.write_edit(org_id, org, edit, &mut undo));
        if written.is_err() {
            put_back(org, &undo);
        }
        written.map(|()| undo)
    }

    fn write_edit(&mut self, org_id: i64, org: &Org, edit: &Edit, undo: &mut Undo) -> Result<()> {
        let tx = self.write_tx()?;
        for (id, before) in &undo.employees {
            let after = org.employees.iter().find(|e| &e.id == id);
            rows::write_employee(&tx, org_id, id, after)?;
            let before = before.as_ref().and_then(|(_, e)| json(e));
            audit(
                &tx,
                Some(org_id),
                edit.kind(),
                Some(id),
                before,
                after.and_then(json).as_deref(),
            )?;
        }
        if let Some(before) = &undo.meta {
            rows::write_meta(&tx, org_id, org)?;
            audit(
                &tx,
                Some(org_id),
                edit.kind(),
                Some(&org.name),
                json(before),
                json(&meta_of(org)).as_deref(),
            )?;
        }
        let mut severed = Vec::new();
        for e in edit.flat() {
            if let Edit::Associate { mcid, at, employee } = e {
                severed.extend(sever_elsewhere(
                    &tx,
                    org_id,
                    employee,
                    mcid,
                    &at.to_string(),
                )?);
            }
        }
        tx.commit()?;
        undo.severed = severed;
        Ok(())
    }

    /// Puts back the state an edit replaced (one transaction, audited as `undo`).
    pub fn undo(&mut self, org: &mut Org, undo: &Undo) -> Result<()> {
        let tx = self.write_tx()?;
        for (id, before) in &undo.employees {
            let restored = before.as_ref().map(|(_, e)| e);
            rows::write_employee(&tx, undo.org_id, id, restored)?;
            // Each row put back, with what it was and what it is again.
            let now = org.employees.iter().find(|e| &e.id == id).and_then(json);
            audit(
                &tx,
                Some(undo.org_id),
                "undo",
                Some(id),
                now,
                restored.and_then(json).as_deref(),
            )?;
        }
        // The other organisations get back the associations this edit severed.
        for (emp_id, other_org, dissociated) in &undo.severed {
            tx.execute(
                "UPDATE associations SET dissociated_on = ?1 WHERE employee_id = ?2",
                params![dissociated, emp_id],
            )?;
            audit(
                &tx,
                Some(*other_org),
                "undo",
                Some(undo.label),
                None,
                dissociated.as_deref(),
            )?;
        }
        if let Some(meta) = &undo.meta {
            rows::write_meta(&tx, undo.org_id, meta)?;
            audit(
                &tx,
                Some(undo.org_id),
                "undo",
                Some(&meta.name),
                json(&meta_of(org)),
                json(meta).as_deref(),
            )?;
        }
        audit(&tx, Some(undo.org_id), "undo", Some(undo.label), None, None)?;
        tx.commit()?;
        put_back(org, undo);
        Ok(())
    }

    /// The newest audit rows of an organisation, newest first.
    pub fn audit_rows(&self, org_id: i64, limit: usize) -> Result<Vec<AuditRow>> {
        let mut st = self.conn.prepare(
            "SELECT at, who, action, subject, before, after FROM audit WHERE org_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![org_id, limit as i64], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                who: r.get(1)?,
                action: r.get(2)?,
                subject: r.get(3)?,
                before: r.get(4)?,
                after: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// SQLite's `PRAGMA data_version`: it changes when another connection (another attain)
    /// commits to the file, and not for this connection's own writes.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// A window preference (language, folder, reminders done): not organisation data, so it
    /// is written whatever another attain did in the meantime.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let before: Option<String> = tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        if before.as_deref() == Some(value) {
            return Ok(());
        }
        tx.execute("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", [key, value])?;
        audit(&tx, None, "set_setting", Some(key), before, Some(value))?;
        tx.commit()?;
        Ok(())
    }

    /// Records a user account (user name and password expiry; never the password).
    pub fn set_user_account(
        &mut self,
        org_id: i64,
        employee: &str,
        upn: &str,
        expires: &str,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        let emp_id: i64 = tx.query_row(
            "SELECT id FROM employees WHERE org_id = ?1 AND key = ?2",
            params![org_id, employee],
            |r| r.get(0),
        )?;
        let before: Option<String> = tx
            .query_row(
                "SELECT upn FROM user_accounts WHERE employee_id = ?1",
                [emp_id],
                |r| r.get(0),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO user_accounts(employee_id, upn, created_at, password_expires_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(employee_id) DO UPDATE SET upn = ?2, created_at = ?3, password_expires_at = ?4",
            params![emp_id, upn, now(), expires],
        )?;
        audit(
            &tx,
            Some(org_id),
            "set_user_account",
            Some(employee),
            before,
            Some(upn),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The organisation and person that hold `mcid` associated outside organisation `org_id`
    /// (associating it here would sever them, §5.4).
    pub fn mcid_elsewhere(&self, org_id: i64, mcid: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT o.name, e.display_name FROM associations a
                 JOIN employees e ON e.id = a.employee_id JOIN organisations o ON o.id = e.org_id
                 WHERE a.mcid = ?1 AND e.org_id <> ?2 AND a.associated_on IS NOT NULL
                   AND (a.dissociated_on IS NULL OR a.associated_on > a.dissociated_on)
                 LIMIT 1",
                params![mcid, org_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The user name of one employee's account, if it has one.
    pub fn user_account(&self, org_id: i64, employee: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT u.upn FROM user_accounts u JOIN employees e ON e.id = u.employee_id WHERE e.org_id = ?1 AND e.key = ?2",
                params![org_id, employee],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The user name of each employee that has an account, by employee id.
    pub fn user_accounts(&self, org_id: i64) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT e.key, u.upn FROM user_accounts u JOIN employees e ON e.id = u.employee_id WHERE e.org_id = ?1",
        )?;
        let rows = st.query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Copies the workspace to `to` with SQLite's online backup (consistent while in use).
    pub fn backup(&self, to: &Path) -> Result<()> {
        backup_to(&self.conn, to)
    }

    /// Replaces this workspace's content by a backup's, after checking the backup opens,
    /// is intact and is not newer than this attain. One step: the whole database or nothing.
    pub fn restore(&mut self, from: &Path) -> Result<()> {
        let source = Store::open_read_only(from)?;
        if !source.integrity_ok()? {
            return Err(StoreError::Rejected(format!(
                "{} is damaged (integrity check failed)",
                from.display()
            )));
        }
        let backup = rusqlite::backup::Backup::new(&source.conn, &mut self.conn)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        Ok(())
    }

    fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Rejected(format!(
                "{}: no such file",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version as usize > schema::LATEST {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                version: version as usize,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_at: None,
        })
    }

    pub fn integrity_ok(&self) -> Result<bool> {
        let s: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(s == "ok")
    }

    pub fn schema_version(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize)
    }
}

/// `workspace.attain` → `workspace.attain.schema1.bak` (numbered if that exists).
pub fn backup_path(path: &Path, version: usize) -> PathBuf {
    aside_path(path, &format!("schema{version}.bak"))
}

/// `workspace.attain` → `workspace.attain.SUFFIX`, numbered (`…SUFFIX2`) so an earlier copy
/// is never overwritten.
pub fn aside_path(path: &Path, suffix: &str) -> PathBuf {
    let base = format!("{}.{suffix}", path.display());
    let mut p = PathBuf::from(&base);
    let mut n = 2;
    while p.exists() {
        p = PathBuf::from(format!("{base}{n}"));
        n += 1;
    }
    p
}

fn backup_to(conn: &Connection, to: &Path) -> Result<()> {
    create_private(to)?;
    let mut dst = Connection::open(to)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut dst)?;
    backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    Ok(())
}

/// Restores in memory what an edit touched, at the positions it had.
fn put_back(org: &mut Org, undo: &Undo) {
    for (id, before) in &undo.employees {
        let now = org.employees.iter().position(|e| &e.id == id);
        match (now, before) {
            (Some(i), Some((_, b))) => org.employees[i] = b.clone(),
            (Some(i), None) => {
                org.employees.remove(i);
            }
            (None, Some((at, b))) => org
                .employees
                .insert((*at).min(org.employees.len()), b.clone()),
            (None, None) => {}
        }
    }
    if let Some(meta) = &undo.meta {
        let employees = std::mem::take(&mut org.employees);
        *org = Org {
            employees,
            ..meta.clone()
        };
    }
}

/// The organisation without its people (what an organisation-level edit changes).
fn meta_of(org: &Org) -> Org {
    Org {
        employees: Vec::new(),
        ..org.clone()
    }
}

fn audit(
    tx: &Transaction,
    org: Option<i64>,
    action: &str,
    subject: Option<&str>,
    before: Option<String>,
    after: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit(at, who, org_id, action, subject, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![now(), who(), org, action, subject, before, after],
    )?;
    Ok(())
}

/// Associating an MCID with this organisation severs it elsewhere at the same instant (§5.4).
fn sever_elsewhere(
    tx: &Transaction,
    org_id: i64,
    employee: &str,
    mcid: &str,
    at: &str,
) -> Result<Vec<(i64, i64, Option<String>)>> {
    let mut st = tx.prepare(
        "SELECT e.id, e.org_id, e.key, a.dissociated_on FROM associations a JOIN employees e ON e.id = a.employee_id
         WHERE a.mcid = ?1 AND NOT (e.org_id = ?2 AND e.key = ?3) AND a.associated_on IS NOT NULL
           AND (a.dissociated_on IS NULL OR a.associated_on > a.dissociated_on)",
    )?;
    type Other = (i64, i64, String, Option<String>);
    let others: Vec<Other> = st
        .query_map(params![mcid, org_id, employee], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<std::result::Result<_, _>>()?;
    let mut severed = Vec::new();
    for (emp_id, other_org, key, before) in others {
        tx.execute(
            "UPDATE associations SET dissociated_on = ?1 WHERE employee_id = ?2",
            params![at, emp_id],
        )?;
        audit(
            tx,
            Some(other_org),
            "dissociate",
            Some(&key),
            None,
            Some(&format!("associated with another organisation at {at}")),
        )?;
        severed.push((emp_id, other_org, before));
    }
    Ok(severed)
}

/// Personal data: the file is created readable by its owner only, before SQLite opens it, so
/// no other user can open it in the meantime; SQLite gives its `-wal` and `-shm` files the
/// same mode. An existing file keeps its mode but loses any group and other access.
#[cfg_attr(not(unix), allow(unused_variables))]
fn create_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path);
        match file {
            Ok(f) => {
                let mode = f.metadata().map(|m| m.permissions().mode()).unwrap_or(0);
                if mode & 0o077 != 0 {
                    f.set_permissions(std::fs::Permissions::from_mode(mode & 0o700))
                        .ok();
                }
            }
            // A read-only copy is still opened (restore reads backups): SQLite will say why
            // it cannot write, if it must.
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied && path.exists() => {}
            Err(e) => return Err(StoreError::Migration(format!("{}: {e}", path.display()))),
        }
    }
    Ok(())
}

/// Calls `changed` whenever a commit to the workspace file is seen (checked every second),
/// until `alive` is dropped. Its own read-only connection: the window's is never shared.
pub fn watch(path: &Path, alive: std::sync::Weak<()>, changed: impl Fn() + Send + 'static) {
    let path = path.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("attain-watch".into())
        .spawn(move || {
            let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let Ok(conn) = Connection::open_with_flags(&path, flags) else {
                return;
            };
            let version = |c: &Connection| {
                c.query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))
                    .ok()
            };
            let mut last = version(&conn);
            while alive.upgrade().is_some() {
                std::thread::sleep(std::time::Duration::from_secs(1));
                let now = version(&conn);
                if now != last {
                    last = now;
                    changed();
                }
            }
        });
    // Without the thread the window still shows other changes at its next frame.
    drop(spawned);
}
