//! `attain import users FILE --org NAME`: check a bulk user file, import its valid rows in one
//! transaction, and write the credentials log the user asks for.

use crate::cli::Failure;
use crate::io::credentials_log::{credentials_log, write_credentials_log};
use crate::io::users::{RowError, UsersCheck, Warning, check_users};
use crate::store::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ImportKind {
    /// A bulk user file (PMC-style or Office 365 "Import multiple users").
    Users(ImportUsersArgs),
}

#[derive(clap::Args, Debug)]
pub struct ImportUsersArgs {
    pub file: PathBuf,
    /// The organisation (by name) in the workspace.
    #[arg(long)]
    pub org: String,
    /// Check and report, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = crate::cli::Format::Text)]
    pub format: crate::cli::Format,
    /// Where to write the user names and temporary passwords (mode 0600).
    #[arg(long)]
    pub credentials_log: Option<PathBuf>,
}

/// The JSON of the CLI (fixed names).
#[derive(Debug, Serialize)]
pub struct ImportSummary {
    pub rows: usize,
    pub valid: usize,
    pub created: usize,
    pub updated: usize,
    pub errors: Vec<RowError>,
    pub warnings: Vec<Warning>,
    pub rejected: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_error: Option<crate::io::users::FileError>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            write!(s, "{b:02x}").ok();
            s
        })
}

pub fn import(kind: &ImportKind, db: Option<PathBuf>) -> Result<String, Failure> {
    match kind {
        ImportKind::Users(args) => import_users(args, db),
    }
}

fn import_users(args: &ImportUsersArgs, db: Option<PathBuf>) -> Result<String, Failure> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::Input(format!("{}: {e}", args.file.display())))?;
    let check = check_users(&bytes);
    let path = db.unwrap_or_else(crate::app::default_db_path);
    let mut store = Store::open(&path).map_err(|e| Failure::Input(e.to_string()))?;
    let org_id = store
        .org_id(&args.org)
        .map_err(|e| Failure::Other(e.to_string()))?
        .ok_or_else(|| {
            Failure::Input(format!(
                "--org: no organisation named {:?} in {}",
                args.org,
                path.display()
            ))
        })?;
    let mut org = store
        .load_org(org_id)
        .map_err(|e| Failure::Other(e.to_string()))?;
    let existing: std::collections::HashSet<String> = org
        .employees
        .iter()
        .map(|e| e.email.to_lowercase())
        .collect();
    let updated = check
        .valid
        .iter()
        .filter(|r| existing.contains(&r.email.to_lowercase()))
        .count();
    let mut summary = summary(&check, check.valid.len() - updated, updated);
    if check.file_error.is_none() && !args.dry_run && !check.valid.is_empty() {
        let name = args
            .file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let (created, counts) = store
            .import_users(
                org_id,
                &mut org,
                &check,
                (&name, &sha256_hex(&bytes)),
                &mut |_, _| true,
            )
            .map_err(|e| Failure::Other(e.to_string()))?;
        summary.created = counts.created;
        summary.updated = counts.updated;
        if let Some(log) = &args.credentials_log {
            write_credentials_log(log, &credentials_log(&check, &created))
                .map_err(|e| Failure::Other(format!("{}: {e}", log.display())))?;
        }
    }
    let out = match args.format {
        crate::cli::Format::Json => {
            serde_json::to_string_pretty(&summary).map_err(|e| Failure::Other(e.to_string()))?
                + "\n"
        }
        crate::cli::Format::Text => text(&summary, &args.file, args.dry_run),
    };
    if summary.rejected {
        // The message names the file; the JSON (if asked) still goes to stdout for tools.
        let reason = summary
            .file_error
            .as_ref()
            .map_or_else(String::new, |e| e.message.clone());
        return Err(Failure::Rejected {
            stdout: out,
            message: format!("{}: {reason}", args.file.display()),
        });
    }
    Ok(out)
}

fn summary(check: &UsersCheck, created: usize, updated: usize) -> ImportSummary {
    ImportSummary {
        rows: check.data_rows,
        valid: check.valid.len(),
        created,
        updated,
        errors: check.errors.clone(),
        warnings: check.warnings.clone(),
        rejected: check.file_error.is_some(),
        file_error: check.file_error.clone(),
    }
}

fn text(s: &ImportSummary, file: &std::path::Path, dry_run: bool) -> String {
    let mut out = String::new();
    let verb = if dry_run { "would create" } else { "created" };
    writeln!(
        out,
        "{}: {} rows, {} valid, {verb} {}, updated {}",
        file.display(),
        s.rows,
        s.valid,
        s.created,
        s.updated
    )
    .ok();
    for e in &s.errors {
        writeln!(
            out,
            "  line {}: {} ({}): {}",
            e.line,
            e.field.unwrap_or("row"),
            e.code,
            e.message
        )
        .ok();
    }
    for w in &s.warnings {
        writeln!(out, "  warning: {}", w.message).ok();
    }
    out
}
