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
    use std::borrow::Cow::{Borrowed, Owned};
    // Borrowed from the accounts: 100,000 of them, six fields each.
    let mut rows: Vec<(usize, [std::borrow::Cow<'_, str>; 6])> =
        Vec::with_capacity(created.len() + check.errors.len());
    for c in created {
        let status = if c.password.is_some() {
            "created"
        } else {
            "updated"
        };
        rows.push((
            c.line,
            [
                Borrowed(c.display_name.as_str()),
                Borrowed(c.upn.as_str()),
                Borrowed(c.password.as_deref().unwrap_or_default()),
                Borrowed(status),
                Borrowed(&*c.created_at),
                Borrowed(&*c.expires_at),
            ],
        ));
    }
    // A row breaking several rules is reported by its first error (the check keeps one per row).
    for e in &check.errors {
        rows.push((
            e.line,
            [
                Borrowed(e.display_name.as_str()),
                Borrowed(""),
                Borrowed(""),
                Owned(format!("failed: {}", e.code)),
                Borrowed(""),
                Borrowed(""),
            ],
        ));
    }
    rows.sort_by_key(|(line, _)| *line);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER).ok();
    for (_, r) in rows {
        w.write_record(r.iter().map(|f| f.as_bytes())).ok();
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
