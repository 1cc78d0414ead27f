//! The credentials log of a bulk import (domain.md §7.3): the only place a temporary
//! password is ever written. CSV, UTF-8 without BOM, comma, CRLF; mode 0600 where the OS has it.

use crate::io::users::UsersCheck;
use crate::model::import::Created;
use std::io::Write;
use std::path::Path;

pub const HEADER: [&str; 6] = [
    "Display name",
    "User name (UPN)",
    "Temporary password",
    "Status",
    "Created (UTC)",
    "Password expires (UTC)",
];

/// The log's bytes: one row per data row of the file, in file order.
pub fn credentials_log(check: &UsersCheck, created: &[Created]) -> Vec<u8> {
    let mut rows: Vec<(usize, [String; 6])> = Vec::new();
    for c in created {
        let status = if c.password.is_some() {
            "created"
        } else {
            "updated"
        };
        rows.push((
            c.line,
            [
                c.display_name.clone(),
                c.upn.clone(),
                c.password.clone().unwrap_or_default(),
                status.into(),
                c.created_at.to_string(),
                c.expires_at.to_string(),
            ],
        ));
    }
    // A row breaking several rules is reported by its first error (the check keeps one per row).
    for e in &check.errors {
        rows.push((
            e.line,
            [
                e.display_name.clone(),
                String::new(),
                String::new(),
                format!("failed: {}", e.code),
                String::new(),
                String::new(),
            ],
        ));
    }
    rows.sort_by_key(|(line, _)| *line);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER).ok();
    for (_, r) in rows {
        w.write_record(&r).ok();
    }
    w.into_inner().unwrap_or_default()
}

/// Writes the log, readable by its owner only; fails rather than overwrite another file's mode.
pub fn write_credentials_log(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fill_credentials_log(open_credentials_log(path)?, bytes)
}

/// Creates (or empties) the log file, readable by its owner only: done before an import
/// creates accounts, so a path that cannot be written stops the import before its passwords
/// exist.
pub fn open_credentials_log(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let f = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(f)
}

/// Writes the log's content into the file [`open_credentials_log`] made.
pub fn fill_credentials_log(mut f: std::fs::File, bytes: &[u8]) -> std::io::Result<()> {
    f.write_all(bytes)?;
    f.sync_all()
}
