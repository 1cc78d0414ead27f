//! The workspace: one SQLite file holding every organisation, its people and history.
//!
//! WAL mode, foreign keys on, a busy timeout for a second attain on the same file, and one
//! transaction per user action, each with its audit rows.

mod backup;
pub mod crash;
mod edit;
pub mod imports;
mod rows;
pub mod schema;
mod settings;
mod undo;
mod watch;

use backup::backup_to;
pub use backup::{aside_path, backup_path};
use edit::audit;
pub use undo::{KEPT as UNDO_KEPT, Undo, UndoHead};
pub use watch::watch;

use crate::model::Org;
use rusqlite::{Connection, OptionalExtension, Transaction};
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

/// Fails with [`StoreError::Changed`] if another connection committed since `read_at` (the
/// data version [`Store::mark_read`] noted).
fn unchanged_since(read_at: Option<i64>, tx: &Transaction) -> Result<()> {
    if let Some(seen) = read_at {
        let now: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if now != seen {
            return Err(StoreError::Changed);
        }
    }
    Ok(())
}

/// SQLite's foreign-key checks, off until dropped, for a write that only adds rows whose
/// references it has just read or made (a load, an import) and deletes nothing that others
/// point to.
///
/// With the checks on, SQLite copies every page a multi-row INSERT touches into a statement
/// journal, so that a row failing its check half-way can be taken back alone (the checks of
/// an INSERT of several rows cannot end it early): a sixth of a 100,000-user import's
/// instructions. The transaction borrows the guard, so it ends (commit or rollback) before
/// the checks are back on; the pragma does nothing inside a transaction.
struct AddingRows<'c>(&'c Connection);

impl<'c> AddingRows<'c> {
    fn new(conn: &'c Connection) -> Result<Self> {
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        Ok(AddingRows(conn))
    }

    /// The write transaction, which takes the write lock at once.
    fn transaction(&self) -> Result<Transaction<'_>> {
        Ok(Transaction::new_unchecked(
            self.0,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }
}

impl Drop for AddingRows<'_> {
    fn drop(&mut self) {
        // Outside a transaction the pragma only sets a flag of the connection: it cannot fail
        // but for an out-of-memory, which would fail the next statement anyway.
        let _ = self.0.pragma_update(None, "foreign_keys", "ON");
    }
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
        // Pages of 8 KiB (SQLite's default is 4) for a new workspace, before anything is
        // written (an existing one keeps its own): a bulk import splits, writes and checkpoints
        // half as many pages.
        conn.pragma_update(None, "page_size", 8192)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 32 MiB of page cache (SQLite's default is 2): a bulk write to 100,000 people's
        // rows and indexes otherwise reads the same pages back from the OS again and again.
        conn.pragma_update(None, "cache_size", -32768)?;
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
        unchanged_since(self.read_at, &tx)?;
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

    /// An in-memory workspace (tests): no other connection, no file to watch, so work on it
    /// stays on the caller's thread.
    pub fn is_memory(&self) -> bool {
        self.path.as_os_str() == ":memory:"
    }

    /// SQLite's `PRAGMA integrity_check`, then every row whose reference leads nowhere
    /// (`PRAGMA foreign_key_check`: loads and imports add rows with the checks off): "ok", or
    /// what is wrong.
    pub fn integrity_check(&self) -> Result<String> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let mut lines: Vec<String> = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<std::result::Result<_, _>>()?;
        let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
        let mut dangling = st.query([])?;
        let mut count = 0;
        while let Some(r) = dangling.next()? {
            if lines == ["ok"] {
                lines.clear();
            }
            count += 1;
            // The first few say what is wrong; a whole organisation's would be thousands.
            if count <= 20 {
                lines.push(format!(
                    "row {} of {} refers to a missing row of {}",
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(2)?
                ));
            }
        }
        if count > 20 {
            lines.push(format!("… and {} more such rows", count - 20));
        }
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
        let adding = AddingRows::new(&self.conn)?;
        let tx = adding.transaction()?;
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

    /// Replaces organisation `id` by `org` (same name) in one transaction: its people,
    /// history and undo go with it. The user was asked first.
    pub fn replace_org(&mut self, id: i64, org: &Org) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM organisations WHERE id = ?1", [id])?;
        let new = rows::insert_org(&tx, org, &now())?;
        audit(
            &tx,
            Some(new),
            "replace_org",
            Some(&org.name),
            None,
            Some(&format!("{} employees", org.employees.len())),
        )?;
        tx.commit()?;
        Ok(new)
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

    /// SQLite's `PRAGMA data_version`: it changes when another connection (another attain)
    /// commits to the file, and not for this connection's own writes.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
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
