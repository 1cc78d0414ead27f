//! `attain import users FILE --org NAME`: check a bulk user file, import its valid rows in one
//! transaction, and write the credentials log the user asks for.

use super::{Failure, Format};
use crate::io::credentials_log::{credentials_log, fill_credentials_log, open_credentials_log};
use crate::io::users::{RowError, UsersCheck, Warning, check_users_stream};
use crate::store::Store;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ImportKind {
    /// A bulk user file (PMC-style or Office 365 "Import multiple users").
    Users(ImportUsersArgs),
    /// A Partner Center Insights "Trainings" export (CSV or TSV).
    Trainings(ImportAchievementsArgs),
    /// A Credly bulk-issue CSV.
    Credly(ImportAchievementsArgs),
}

#[derive(clap::Args, Debug)]
pub struct ImportAchievementsArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub org: String,
    /// Show the diff, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Trainings dates are month first in this file (the default is day first).
    #[arg(long)]
    pub month_first: bool,
    /// Credly: a badge template mapped to a credential, TEMPLATE=CREDENTIAL (also kept in the
    /// workspace setting `credly_mapping`).
    #[arg(long = "map")]
    pub map: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AchievementsSummary {
    pub rows: usize,
    pub valid: usize,
    pub created: usize,
    pub updated: usize,
    pub errors: Vec<crate::io::trainings::Problem>,
    pub warnings: Vec<crate::io::trainings::Problem>,
    pub rejected: bool,
    pub individuals: usize,
    pub skipped: usize,
    pub unmapped: Vec<Unmapped>,
    pub diff: crate::io::achievements_plan::Diff,
}

#[derive(Debug, Serialize)]
pub struct Unmapped {
    pub line: usize,
    pub title: String,
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
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
    /// Rows of people already there that change nothing (not written).
    pub unchanged: usize,
    /// Each row that changes a person already there, with every field old → new.
    pub updates: Vec<crate::model::import::UserUpdate>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<Warning>,
    pub rejected: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_error: Option<crate::io::users::FileError>,
}

/// The workspace and the organisation an import goes into.
fn open_org(db: Option<PathBuf>, name: &str) -> Result<(Store, i64, crate::model::Org), Failure> {
    let path = db.unwrap_or_else(crate::store::default_path);
    let mut store = Store::open(&path).map_err(|e| Failure::Input(e.to_string()))?;
    let org_id = super::workspace::org_named(&store, "--org", name)?;
    // What is planned from these people is refused if another attain writes first.
    store
        .mark_read()
        .map_err(|e| Failure::Other(e.to_string()))?;
    let org = store
        .load_org(org_id)
        .map_err(|e| Failure::Other(e.to_string()))?;
    Ok((store, org_id, org))
}

/// One row problem of a text summary: `  line 7: Email (malformed_email): …`.
fn problem_line(out: &mut String, line: usize, field: Option<&str>, code: &str, message: &str) {
    writeln!(
        out,
        "  line {line}: {} ({code}): {message}",
        field.unwrap_or("row")
    )
    .ok();
}

pub fn import(kind: &ImportKind, db: Option<PathBuf>) -> Result<String, Failure> {
    match kind {
        ImportKind::Users(args) => import_users(args, db),
        ImportKind::Trainings(args) => import_achievements(args, db, "trainings"),
        ImportKind::Credly(args) => import_achievements(args, db, "credly"),
    }
}

fn import_users(args: &ImportUsersArgs, db: Option<PathBuf>) -> Result<String, Failure> {
    // Streamed: a file of any size is read with bounded memory (Ctrl+C stops it).
    let (sha256, stream) =
        crate::io::table::open_file(&args.file, Box::new(|_| true)).map_err(Failure::Input)?;
    let check = check_users_stream(stream);
    let (mut store, org_id, mut org) = open_org(db, &args.org)?;
    let (updates, unchanged) = crate::model::import::planned_updates(&org, &check.valid);
    let updated = updates.len();
    let mut summary = summary(&check, check.valid.len() - updated - unchanged, updates);
    summary.unchanged = unchanged;
    if check.file_error.is_none() && !args.dry_run && !check.valid.is_empty() {
        // New users get a temporary password that exists nowhere but in the log: no log, or
        // a log that cannot be written, and no account is created.
        let log = match &args.credentials_log {
            Some(path) => Some((
                path,
                open_credentials_log(path).map_err(|e| {
                    Failure::Input(format!("--credentials-log: {}: {e}", path.display()))
                })?,
            )),
            None if summary.created > 0 => {
                return Err(Failure::Input(format!(
                    "--credentials-log is needed: {} new users get a temporary password that is written nowhere else",
                    summary.created
                )));
            }
            None => None,
        };
        let name = crate::io::file_name(&args.file);
        let (created, counts, _) = store
            .import_users(
                org_id,
                &mut org,
                &check.valid,
                &check.source(&name, &sha256),
                &crate::io::accounts::temporary_passwords,
                &mut |_, _| true,
            )
            .map_err(|e| Failure::Other(e.to_string()))?;
        summary.created = counts.created;
        summary.updated = counts.updated;
        summary.unchanged = counts.unchanged;
        if let Some((path, file)) = log {
            std::thread::scope(|s| {
                // The log (100,000 rows, then fsync) is written while the workspace closes
                // (its last checkpoint) and the people in memory are freed.
                let writing =
                    s.spawn(|| fill_credentials_log(file, &credentials_log(&check, &created)));
                drop(store);
                drop(org);
                writing
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .map_err(|e| Failure::Other(format!("{}: {e}", path.display())))?;
        }
    }
    let out = match args.format {
        Format::Json => super::json(&summary)?,
        Format::Text => text(&summary, &args.file, args.dry_run),
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
    partial(out, &args.file, summary.errors.len(), args.dry_run)
}

/// Exit 3 when rows were refused: the output as it is, and a line on stderr saying so.
fn partial(
    out: String,
    file: &std::path::Path,
    refused: usize,
    dry_run: bool,
) -> Result<String, Failure> {
    if refused == 0 {
        return Ok(out);
    }
    let done = if dry_run {
        "would be imported"
    } else {
        "were imported"
    };
    Err(Failure::Partial {
        stdout: out,
        message: format!(
            "{}: {refused} rows refused (each with its line, field and reason above); the valid rows {done}",
            file.display()
        ),
    })
}

fn summary(
    check: &UsersCheck,
    created: usize,
    updates: Vec<crate::model::import::UserUpdate>,
) -> ImportSummary {
    ImportSummary {
        rows: check.data_rows,
        valid: check.valid.len(),
        created,
        updated: updates.len(),
        unchanged: 0,
        updates,
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
        "{}: {} rows, {} valid, {verb} {}, updated {}, unchanged {}",
        file.display(),
        s.rows,
        s.valid,
        s.created,
        s.updated,
        s.unchanged
    )
    .ok();
    for u in &s.updates {
        for c in &u.changes {
            writeln!(
                out,
                "  line {} {}: {} {:?} -> {:?}",
                u.line, u.email, c.field, c.from, c.to
            )
            .ok();
        }
    }
    for e in &s.errors {
        problem_line(&mut out, e.line, e.field, e.code, &e.message);
    }
    for w in &s.warnings {
        writeln!(out, "  warning: {}", w.message).ok();
    }
    out
}

/// The Credly template mapping: the workspace setting, then `--map` entries (which are saved).
fn credly_mapping(
    store: &mut Store,
    extra: &[String],
) -> Result<rustc_hash::FxHashMap<String, String>, Failure> {
    let mut map: rustc_hash::FxHashMap<String, String> = store
        .setting("credly_mapping")
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    for m in extra {
        let (t, c) = m
            .split_once('=')
            .ok_or_else(|| Failure::Input(format!("--map {m:?}: expected TEMPLATE=CREDENTIAL")))?;
        map.insert(t.trim().to_string(), c.trim().to_string());
    }
    if !extra.is_empty() {
        let json = serde_json::to_string(&map).map_err(|e| Failure::Other(e.to_string()))?;
        store
            .set_setting("credly_mapping", &json)
            .map_err(|e| Failure::Other(e.to_string()))?;
    }
    Ok(map)
}

fn import_achievements(
    args: &ImportAchievementsArgs,
    db: Option<PathBuf>,
    kind: &str,
) -> Result<String, Failure> {
    use crate::io::trainings::{DateOrder, check_credly_stream, check_trainings_stream};
    // The file's SHA-256 (for the history only) is taken below, beside the plan.
    let stream = crate::io::table::open_file_unhashed(&args.file, Box::new(|_| true))
        .map_err(Failure::Input)?;
    let (mut store, org_id, mut org) = open_org(db, &args.org)?;
    let catalog = crate::io::catalog_file::default_catalog();
    let check = if kind == "credly" {
        let mapping = credly_mapping(&mut store, &args.map)?;
        if let Some(bad) = mapping
            .values()
            .find(|c| !catalog.credentials.iter().any(|k| &k.id == *c))
        {
            return Err(Failure::Input(format!("--map: unknown credential {bad}")));
        }
        check_credly_stream(stream, &mapping)
    } else {
        let order = if args.month_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        };
        check_trainings_stream(
            stream,
            &catalog,
            order,
            &org.name,
            crate::model::Instant(chrono::Utc::now()).day(),
        )
    };
    let source = format!("{kind}-import");
    // A dry run, or a file refused on reading, writes nothing (and needs no SHA-256).
    let may_write = !args.dry_run && check.file_error.is_none();
    let (plan, sha256) = std::thread::scope(|s| {
        // Taken on the second core while this one plans (a tenth of the import if taken
        // with the first reading).
        let sha256 = may_write.then(|| s.spawn(|| crate::io::table::sha256_file(&args.file)));
        let plan = crate::io::achievements_plan::plan(&org, &check, &source);
        let sha256 = sha256.map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        (plan, sha256.transpose())
    });
    let sha256 = sha256.map_err(Failure::Input)?.unwrap_or_default();
    let crate::io::achievements_plan::Plan {
        added,
        changed,
        diff,
    } = plan;
    let (created, updated) = (added.len(), changed.len());
    if may_write && !diff.is_empty() {
        let name = crate::io::file_name(&args.file);
        std::thread::scope(|s| {
            // The history record (100,000 rows' worth of JSON) is made while the people are
            // written.
            let record = s.spawn(|| diff.source(&check, kind, &name, &sha256));
            store.import_achievements(org_id, &mut org, added, changed, || {
                record
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
        })
        .map_err(|e| Failure::Other(e.to_string()))?;
    }
    let summary = AchievementsSummary {
        rows: check.data_rows,
        valid: check.found.len(),
        created,
        updated,
        errors: check.errors,
        warnings: check.warnings,
        rejected: check.file_error.is_some(),
        individuals: check.individuals.len(),
        skipped: check.skipped,
        unmapped: check
            .unmapped
            .into_iter()
            .map(|(line, title)| Unmapped { line, title })
            .collect(),
        diff,
    };
    if let Some(e) = &check.file_error {
        return Err(Failure::Rejected {
            stdout: render(&summary, args.format)?,
            message: format!("{}: {}", args.file.display(), e.message),
        });
    }
    let out = partial(
        render(&summary, args.format)?,
        &args.file,
        summary.errors.len(),
        args.dry_run,
    );
    // The process ends with this answer: freeing a 100,000-row file's people, rows and diff
    // one allocation at a time took a tenth of the import, for memory the system takes back.
    std::mem::forget((org, summary, check.individuals, check.found));
    out
}

fn render(s: &AchievementsSummary, format: Format) -> Result<String, Failure> {
    Ok(match format {
        Format::Json => super::json(s)?,
        Format::Text => {
            let mut out = String::new();
            writeln!(
                out,
                "{} rows, {} individuals, {} achievements read, {} skipped by type",
                s.rows, s.individuals, s.valid, s.skipped
            )
            .ok();
            writeln!(
                out,
                "new achievements: {}, renewed: {}, new people: {}, no longer present: {}",
                s.diff.new_achievements.len(),
                s.diff.renewed.len(),
                s.diff.new_people.len(),
                s.diff.no_longer_present.len()
            )
            .ok();
            // Each title once with its first lines: a Trainings export repeats a few dozen
            // titles over tens of thousands of rows (`--format json` lists every row).
            let titles =
                crate::io::trainings::by_title(s.unmapped.iter().map(|u| (u.line, &*u.title)));
            for (title, lines) in titles {
                let rows = match lines.len() {
                    1 => "line".to_string(),
                    n => format!("{n} rows, lines"),
                };
                let lines = crate::io::trainings::first_lines(&lines);
                writeln!(
                    out,
                    "  not a credential of the catalog: {title} ({rows} {lines})"
                )
                .ok();
            }
            for e in &s.errors {
                problem_line(&mut out, e.line, e.field, e.code, &e.message);
            }
            for w in &s.warnings {
                writeln!(out, "  warning line {}: {}", w.line, w.message).ok();
            }
            out
        }
    })
}
