//! The headless commands (`attain --help`).
//!
//! Exit codes (org-file.md): 0 success; 2 the input could not be read or is invalid (a
//! message naming the file, line and column on stderr, nothing on stdout); 1 other failures.

mod import;
mod org_file;
mod plan;
mod report;
mod workspace;

pub use org_file::{eval, render_text};

use crate::i18n::{Lang, Tr};
use crate::io::catalog_file::{default_catalog, load_catalog};
use crate::model::{Catalog, InputError, Instant};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "attain",
    version,
    about = "Partner competencies, memberships and renewals, offline"
)]
pub struct Args {
    /// The workspace database; default: attain's file in the user's data folder.
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// An org file to open in the window (what a double-click on one runs): it is loaded as
    /// the window's "Load org file" does, asking before replacing an organisation.
    #[arg(value_name = "FILE.org.ron")]
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub verb: Option<Verb>,
}

/// A headless command (`attain VERB …`).
#[derive(Subcommand, Debug)]
pub enum Verb {
    /// Evaluate an org file and print the evaluation report.
    Eval(EvalArgs),
    /// Print the evaluation of the embedded demo organisation as a table.
    Demo,
    /// The people whose departure alone lowers a level, and each competency's bus factor.
    Risk {
        org: PathBuf,
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Dated reminders (credentials about to stop counting, renewal, overrides), optionally as .ics.
    Reminders {
        org: PathBuf,
        #[arg(long)]
        as_of: Option<String>,
        /// Also write an iCalendar file.
        #[arg(long)]
        ics: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// People certified but not credited (association missing, pending or elsewhere) and
    /// what associating each would add.
    Credit {
        org: PathBuf,
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Every future change of level, with its cause.
    Timeline {
        org: PathBuf,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Levels before and after hypothetical changes (nothing is saved).
    Whatif(WhatifArgs),
    /// The fewest actions that (re)qualify a competency at a level.
    Plan(plan::PlanArgs),
    /// Award summaries as PDF files.
    #[command(subcommand)]
    Report(report::ReportKind),
    /// Print the award summary on a printer (the system default without --printer).
    Print {
        #[command(flatten)]
        award: report::AwardArgs,
        #[arg(long)]
        printer: Option<String>,
        #[arg(long, default_value_t = 1)]
        copies: u32,
    },
    /// Check the workspace: SQLite's integrity check and the people of each organisation
    /// (one line each: name, TAB, count). Exit 1 when the check fails.
    Check,
    /// Copy the workspace to a file (SQLite online backup; safe while attain runs).
    Backup { output: PathBuf },
    /// Replace the workspace by a backup (the current content is first copied aside).
    Restore { from: PathBuf },
    /// Add an organisation from an org file to the workspace.
    Load { file: PathBuf },
    /// Write an organisation of the workspace to an org file.
    Export {
        /// The organisation's name.
        org: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Import a file into an organisation of the workspace.
    #[command(subcommand)]
    Import(import::ImportKind),
    /// Take back the organisation's last change (an edit in the window or an import), as
    /// the window's Undo does, and say what it was. Exit 2 when there is nothing to undo.
    Undo {
        /// The organisation's name.
        #[arg(long)]
        org: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the message: en or it.
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// The org file (`*.org.ron`).
    pub org: PathBuf,
    /// The instant to evaluate at: a date (YYYY-MM-DD) or an RFC 3339 instant; default now.
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Language of messages: en or it.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Another catalog file instead of the embedded mpn-2018-03 snapshot.
    #[arg(long)]
    pub catalog: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct WhatifArgs {
    pub org: PathBuf,
    #[arg(long)]
    pub as_of: Option<String>,
    /// ID[@DATE]: the employee leaves (on DATE, default the as-of instant).
    #[arg(long)]
    pub leave: Vec<String>,
    /// ID:CREDENTIAL: the achievement is gone.
    #[arg(long)]
    pub lapse: Vec<String>,
    /// ID:CREDENTIAL[@DATE]: the employee passes it (counts at once).
    #[arg(long)]
    pub add: Vec<String>,
    /// NAME:CREDENTIAL[,CREDENTIAL...]: a new hire holding them (counts at once).
    #[arg(long)]
    pub hire: Vec<String>,
    /// METRIC=VALUE: a figure with period end = the as-of date.
    #[arg(long)]
    pub metric: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    #[arg(long)]
    pub catalog: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// A failure with its exit code.
pub enum Failure {
    Input(String),
    Other(String),
    /// The input was rejected as a whole: `stdout` is still printed (a JSON summary), exit 2.
    Rejected {
        stdout: String,
        message: String,
    },
    /// An import whose valid rows were imported (or, dry run, would be) while others were
    /// refused: `stdout` is printed, exit 3, so a script can tell it from a full success.
    Partial {
        stdout: String,
        message: String,
    },
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Input(e.to_string())
    }
}

/// What the command line asks for: a headless command already run, or the window.
pub enum Outcome {
    /// The exit status of a headless command (its output is printed).
    Done(ExitCode),
    /// No command: open the window on this workspace (`None`: the default one), loading
    /// `open` (an org file) once it shows.
    Window {
        db: Option<PathBuf>,
        started: std::time::Instant,
        open: Option<PathBuf>,
    },
}

/// Parses the command line and runs a headless command; the window is the caller's
/// (`main.rs` hands it to `app::native`), so the CLI layer never depends on the app.
pub fn main() -> Outcome {
    let started = std::time::Instant::now();
    crate::store::crash::install();
    let args = match Args::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // clap prints help and version on stdout (exit 0) and usage errors on stderr (exit 2).
            e.print().ok();
            return Outcome::Done(ExitCode::from(if e.use_stderr() { 2 } else { 0 }));
        }
    };
    let db = args.db;
    let result = match args.verb {
        // A word that is neither a command nor a file is a typo, not a file to open.
        None => match args.file {
            Some(file) if !file.is_file() => Err(Failure::Input(format!(
                "{}: no such file, and not a command (attain --help lists them)",
                file.display()
            ))),
            open => return Outcome::Window { db, started, open },
        },
        Some(Verb::Eval(args)) => org_file::eval(&args),
        Some(Verb::Demo) => org_file::demo(),
        Some(Verb::Whatif(args)) => org_file::whatif(&args),
        Some(Verb::Plan(args)) => plan::plan(&args),
        Some(Verb::Report(kind)) => report::report(&kind, db),
        Some(Verb::Print {
            award,
            printer,
            copies,
        }) => report::print(&award, printer, copies, db),
        Some(Verb::Credit { org, as_of, format }) => {
            org_file::credit(&org, as_of.as_deref(), format)
        }
        Some(Verb::Reminders {
            org,
            as_of,
            ics,
            format,
        }) => org_file::reminders(&org, as_of.as_deref(), ics.as_deref(), format),
        Some(Verb::Risk { org, as_of, format }) => org_file::risk(&org, as_of.as_deref(), format),
        Some(Verb::Timeline {
            org,
            from,
            to,
            format,
        }) => org_file::timeline(&org, &from, &to, format),
        Some(Verb::Import(kind)) => {
            // Many small strings made and freed per row: mimalloc's (see model::mem).
            crate::model::mem::use_mimalloc();
            import::import(&kind, db)
        }
        Some(Verb::Load { file }) => workspace::load(&file, db),
        Some(Verb::Backup { output }) => workspace::backup(&output, db),
        Some(Verb::Check) => workspace::check(db),
        Some(Verb::Restore { from }) => workspace::restore(&from, db),
        Some(Verb::Export { org, output }) => workspace::export(&org, &output, db),
        Some(Verb::Undo { org, format, lang }) => workspace::undo(&org, format, &lang, db),
    };
    Outcome::Done(finish(result))
}

/// Writes a command's output. A reader that stopped early (`attain eval … | head`) is no
/// failure: it wants no more. Any other failure to write is reported, and the command fails.
fn emit(out: &str) -> Result<(), ExitCode> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("{}: {e}", Tr::new(Lang::En).t("cli-error", &[]));
            Err(ExitCode::from(1))
        }
        _ => Ok(()),
    }
}

/// Prints a command's output or its failure and returns the exit status.
fn finish(result: Result<String, Failure>) -> ExitCode {
    match result {
        Ok(out) => match emit(&out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(Failure::Input(m)) => {
            eprintln!("{}: {m}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(2)
        }
        Err(Failure::Rejected { stdout, message }) => {
            emit(&stdout).ok();
            eprintln!("{}: {message}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(2)
        }
        Err(Failure::Partial { stdout, message }) => {
            emit(&stdout).ok();
            eprintln!("{message}");
            ExitCode::from(3)
        }
        Err(Failure::Other(m)) => {
            eprintln!("{}: {m}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(1)
        }
    }
}

/// A value as the pretty JSON every command prints, with its final newline.
pub(crate) fn json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| Failure::Other(e.to_string()))
}

/// Parses `--as-of`; `None` means now.
pub fn parse_as_of(s: Option<&str>) -> Result<Instant, Failure> {
    match s {
        Some(s) => Instant::parse(s).map_err(|e| Failure::Input(format!("--as-of: {e}"))),
        None => Ok(Instant(chrono::Utc::now())),
    }
}

pub(crate) fn catalog(path: Option<&PathBuf>) -> Result<Catalog, Failure> {
    Ok(match path {
        Some(p) => load_catalog(p)?,
        None => default_catalog(),
    })
}
