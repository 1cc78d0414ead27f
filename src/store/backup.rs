//! Copies of the workspace: SQLite's online backup, restore with the replaced content kept
//! aside, the copy taken before a migration.

use super::{Result, Store, StoreError, create_private, schema};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

impl Store {
    /// Copies the workspace to `to` with SQLite's online backup (consistent while in use).
    pub fn backup(&self, to: &Path) -> Result<()> {
        backup_to(&self.conn, to)
    }

    /// Replaces this workspace's content by a backup's, after checking the backup opens,
    /// is intact and is not newer than this attain. One step: the whole database or nothing.
    pub fn restore(&mut self, from: &Path) -> Result<()> {
        let source = Store::open_read_only(from)?;
        let check = source.integrity_check()?;
        if check != "ok" {
            return Err(StoreError::Rejected(format!(
                "{} is damaged (integrity check failed): {check}",
                from.display()
            )));
        }
        let page_size =
            |c: &Connection| c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0));
        if page_size(&source.conn)? == page_size(&self.conn)? {
            return copy_from(&source.conn, &mut self.conn);
        }
        // SQLite's backup cannot change the page size of a workspace in WAL mode (a backup
        // made before workspaces had 8 KiB pages, or one restored into an older workspace):
        // the copy is made with a rollback journal, which needs this attain alone on the file.
        self.conn
            .pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| {
                StoreError::Rejected(format!(
                    "{} has pages of another size than this workspace: close every other attain using the workspace to restore it ({e})",
                    from.display()
                ))
            })?;
        let copied = copy_from(&source.conn, &mut self.conn);
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        copied
    }

    pub(super) fn open_read_only(path: &Path) -> Result<Store> {
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
        Ok(self.integrity_check()? == "ok")
    }

    pub fn schema_version(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize)
    }
}

/// Copies the whole of `source` over `to` in one step (SQLite's online backup).
fn copy_from(source: &Connection, to: &mut Connection) -> Result<()> {
    let backup = rusqlite::backup::Backup::new(source, to)?;
    backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    Ok(())
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

pub(super) fn backup_to(conn: &Connection, to: &Path) -> Result<()> {
    create_private(to)?;
    let mut dst = Connection::open(to)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut dst)?;
    backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    Ok(())
}
