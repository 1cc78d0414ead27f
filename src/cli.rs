//! The headless commands (`attain --help`).
//!
//! Exit codes (org-file.md): 0 success; 2 the input could not be read or is invalid (a
//! message naming the file, line and column on stderr, nothing on stdout); 1 other failures.

use crate::eval::report::Requirement;
use crate::eval::{Engine, LevelName, Report};
use crate::i18n::{Lang, Tr};
use crate::io::catalog_file::{default_catalog, load_catalog};
use crate::io::org_file::{load_org, parse_org};
use crate::model::{Catalog, InputError, Instant};
use clap::{Parser, Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The embedded demo organisation (also seeded into a new workspace).
pub const DEMO_ORG: &str = include_str!("../assets/demo/contoso.org.ron");

#[derive(Parser, Debug)]
#[command(
    name = "attain",
    version,
    about = "Partner competencies, memberships and renewals, offline"
)]
pub struct Cli {
    /// The workspace database; default: attain's file in the user's data folder.
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
    Plan(crate::cli_plan::PlanArgs),
    /// Award summaries as PDF files.
    #[command(subcommand)]
    Report(crate::cli_report::ReportKind),
    /// Print the award summary on a printer (the system default without --printer).
    Print {
        #[command(flatten)]
        award: crate::cli_report::AwardArgs,
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
    Import(crate::cli_import::ImportKind),
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
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Input(e.to_string())
    }
}

pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    crate::crash::install();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // clap prints help and version on stdout (exit 0) and usage errors on stderr (exit 2).
            e.print().ok();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Some(Command::Eval(args)) => eval(&args),
        Some(Command::Demo) => demo(),
        Some(Command::Whatif(args)) => whatif(&args),
        Some(Command::Plan(args)) => crate::cli_plan::plan(&args),
        Some(Command::Report(kind)) => crate::cli_report::report(&kind, cli.db),
        Some(Command::Print {
            award,
            printer,
            copies,
        }) => crate::cli_report::print(&award, printer, copies, cli.db),
        Some(Command::Credit { org, as_of, format }) => credit(&org, as_of.as_deref(), format),
        Some(Command::Reminders {
            org,
            as_of,
            ics,
            format,
        }) => reminders(&org, as_of.as_deref(), ics.as_deref(), format),
        Some(Command::Risk { org, as_of, format }) => risk(&org, as_of.as_deref(), format),
        Some(Command::Timeline {
            org,
            from,
            to,
            format,
        }) => timeline(&org, &from, &to, format),
        Some(Command::Import(kind)) => crate::cli_import::import(&kind, cli.db),
        Some(Command::Load { file }) => load(&file, cli.db),
        Some(Command::Backup { output }) => backup(&output, cli.db),
        Some(Command::Check) => check(cli.db),
        Some(Command::Restore { from }) => restore(&from, cli.db),
        Some(Command::Export { org, output }) => export(&org, &output, cli.db),
        None => gui(cli.db, started),
    };
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Input(m)) => {
            eprintln!("{}: {m}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(2)
        }
        Err(Failure::Rejected { stdout, message }) => {
            print!("{stdout}");
            eprintln!("{}: {message}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(2)
        }
        Err(Failure::Other(m)) => {
            eprintln!("{}: {m}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(1)
        }
    }
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

/// `attain eval`: the report as JSON or text.
pub fn eval(args: &EvalArgs) -> Result<String, Failure> {
    let lang = Lang::parse(&args.lang).ok_or_else(|| {
        Failure::Input(format!(
            "--lang: unknown language {:?} (en or it)",
            args.lang
        ))
    })?;
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let catalog = catalog(args.catalog.as_ref())?;
    let org = load_org(&args.org, &catalog)?;
    let engine = Engine::new(&catalog, &org).map_err(Failure::Input)?;
    let mut report = engine.report(as_of);
    let tr = Tr::new(lang);
    tr.localize_report(&mut report);
    match args.format {
        Format::Json => serde_json::to_string_pretty(&report)
            .map(|s| s + "\n")
            .map_err(|e| Failure::Other(e.to_string())),
        Format::Text => Ok(render_text(&report, &catalog, &tr)),
    }
}

/// `attain risk`: `{"people": [{"employee", "competencies": [{"id", "from", "to"}]}], "bus_factor": {…}}`.
fn risk(org: &std::path::Path, as_of: Option<&str>, format: Format) -> Result<String, Failure> {
    let as_of = parse_as_of(as_of)?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let r = crate::eval::risk::risk(&catalog, &org, as_of).map_err(Failure::Input)?;
    match format {
        Format::Json => serde_json::to_string_pretty(&r)
            .map(|s| s + "\n")
            .map_err(|e| Failure::Other(e.to_string())),
        Format::Text => {
            let mut s = String::new();
            for p in &r.people {
                let list: Vec<String> = p
                    .competencies
                    .iter()
                    .map(|d| format!("{} {} -> {}", d.id, d.from.as_str(), d.to.as_str()))
                    .collect();
                writeln!(s, "{}: {}", p.employee, list.join(", ")).ok();
            }
            for (c, n) in &r.bus_factor {
                writeln!(s, "bus factor {c}: {n}").ok();
            }
            Ok(s)
        }
    }
}

/// `attain reminders`: `{"reminders": [{"due", "kind", "message", "key"}]}` and the .ics file.
fn reminders(
    org: &std::path::Path,
    as_of: Option<&str>,
    ics: Option<&std::path::Path>,
    format: Format,
) -> Result<String, Failure> {
    let as_of = parse_as_of(as_of)?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let list = crate::eval::reminders::reminders(&catalog, &org, as_of).map_err(Failure::Input)?;
    if let Some(path) = ics {
        std::fs::write(
            path,
            crate::eval::reminders::to_ics(&org, &list, |r| r.message()),
        )
        .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))?;
    }
    match format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({ "reminders": list }))
            .map(|s| s + "\n")
            .map_err(|e| Failure::Other(e.to_string())),
        Format::Text => Ok(list
            .iter()
            .map(|r| format!("{} {}\n", r.due, r.message()))
            .collect()),
    }
}

/// `attain credit`: `{"people": [{"employee", "reason", "credentials", "would_add": [...]}]}`.
fn credit(org: &std::path::Path, as_of: Option<&str>, format: Format) -> Result<String, Failure> {
    let as_of = parse_as_of(as_of)?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let people = crate::eval::whatif::certified_not_credited(&catalog, &org, as_of)
        .map_err(Failure::Input)?;
    match format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({ "people": people }))
            .map(|s| s + "\n")
            .map_err(|e| Failure::Other(e.to_string())),
        Format::Text => Ok(people
            .iter()
            .map(|p| {
                let adds: Vec<String> = p
                    .would_add
                    .iter()
                    .map(|c| format!("{} {} -> {}", c.competency, c.from.as_str(), c.to.as_str()))
                    .collect();
                format!(
                    "{} ({}): {} — {}\n",
                    p.employee,
                    p.reason,
                    p.credentials.join(", "),
                    if adds.is_empty() {
                        "no level change".into()
                    } else {
                        adds.join(", ")
                    }
                )
            })
            .collect()),
    }
}

/// `attain timeline`: `{"events": [{"at", "competency", "from", "to", "because"}]}`.
fn timeline(
    org: &std::path::Path,
    from: &str,
    to: &str,
    format: Format,
) -> Result<String, Failure> {
    let from = Instant::parse(from).map_err(|e| Failure::Input(format!("--from: {e}")))?;
    let to = Instant::parse(to).map_err(|e| Failure::Input(format!("--to: {e}")))?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let events =
        crate::eval::timeline::timeline(&catalog, &org, from, to).map_err(Failure::Input)?;
    match format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({ "events": events }))
            .map(|s| s + "\n")
            .map_err(|e| Failure::Other(e.to_string())),
        Format::Text => Ok(events
            .iter()
            .map(|e| {
                format!(
                    "{} {}: {} -> {} ({})\n",
                    e.at,
                    e.competency,
                    e.from.as_str(),
                    e.to.as_str(),
                    e.because
                )
            })
            .collect()),
    }
}

/// `attain whatif`: before and after, with the reason for every change of level.
fn whatif(args: &WhatifArgs) -> Result<String, Failure> {
    use crate::eval::whatif::Change;
    let mut changes = Vec::new();
    for (kind, values) in [
        ("leave", &args.leave),
        ("lapse", &args.lapse),
        ("add", &args.add),
        ("hire", &args.hire),
        ("metric", &args.metric),
    ] {
        for v in values {
            changes.push(Change::parse(kind, v).map_err(Failure::Input)?);
        }
    }
    let catalog = catalog(args.catalog.as_ref())?;
    let org = load_org(&args.org, &catalog)?;
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let result =
        crate::eval::whatif::whatif(&catalog, &org, as_of, &changes).map_err(Failure::Input)?;
    match args.format {
        Format::Json => serde_json::to_string_pretty(&result)
            .map(|s| s + "\n")
            .map_err(|e| Failure::Other(e.to_string())),
        Format::Text => {
            let mut s = String::new();
            for c in &result.changes {
                writeln!(
                    s,
                    "{}: {} -> {} ({})",
                    c.competency,
                    c.from.as_str(),
                    c.to.as_str(),
                    c.because
                )
                .ok();
            }
            if result.changes.is_empty() {
                s.push_str("no competency changes level\n");
            }
            Ok(s)
        }
    }
}

/// Without a command: the window, on the workspace database.
fn gui(db: Option<PathBuf>, started: std::time::Instant) -> Result<String, Failure> {
    let path = db.unwrap_or_else(crate::app::default_db_path);
    // Started from a desktop, stderr is seen by nobody: a workspace that cannot be opened
    // (newer attain, damaged, no permission) is also told in a message box.
    let tell = |message: String| {
        let tr = Tr::new(Lang::from_os());
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(tr.t("gui-cannot-open", &[]))
            .set_description(&message)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
        message
    };
    let store =
        crate::store::Store::open(&path).map_err(|e| Failure::Input(tell(e.to_string())))?;
    let mut app = crate::app::AttainApp::new(store).map_err(|e| Failure::Other(tell(e)))?;
    app.started = Some(started);
    if let Some(report) = crate::crash::unseen_report() {
        app.fail(
            app.tr
                .t("notice-crashed", &[("file", report.display().to_string())]),
        );
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("attain")
            .with_app_id("attain")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "attain",
        options,
        Box::new(move |cc| {
            crate::ui::widgets::install_fonts(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| Failure::Other(e.to_string()))?;
    Ok(String::new())
}

pub(crate) fn workspace(db: Option<PathBuf>) -> Result<crate::store::Store, Failure> {
    let path = db.unwrap_or_else(crate::app::default_db_path);
    crate::store::Store::open(&path).map_err(|e| Failure::Input(e.to_string()))
}

/// `attain check`: "integrity ok", then each organisation and its number of employees.
fn check(db: Option<PathBuf>) -> Result<String, Failure> {
    let store = workspace(db)?;
    let other = |e: crate::store::StoreError| Failure::Other(e.to_string());
    let integrity = store.integrity_check().map_err(other)?;
    if integrity != "ok" {
        return Err(Failure::Other(format!(
            "integrity check failed: {integrity}"
        )));
    }
    let mut out = String::from("integrity ok\n");
    for o in store.list_orgs().map_err(other)? {
        writeln!(out, "{}\t{}", o.name, o.employees).ok();
    }
    Ok(out)
}

fn backup(output: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let store = workspace(db)?;
    store
        .backup(output)
        .map_err(|e| Failure::Input(format!("{}: {e}", output.display())))?;
    Ok(format!(
        "{} copied to {}\n",
        store.path().display(),
        output.display()
    ))
}

fn restore(from: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let mut store = workspace(db)?;
    let aside = crate::store::aside_path(store.path(), "before-restore");
    store
        .backup(&aside)
        .map_err(|e| Failure::Other(e.to_string()))?;
    store
        .restore(from)
        .map_err(|e| Failure::Input(e.to_string()))?;
    Ok(format!(
        "{} restored from {} (the previous content is in {})\n",
        store.path().display(),
        from.display(),
        aside.display()
    ))
}

/// `attain load FILE`: one transaction; an existing name is refused.
fn load(file: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let catalog = default_catalog();
    let org = load_org(file, &catalog)?;
    let mut store = workspace(db)?;
    store
        .insert_org(&org)
        .map_err(|e| Failure::Input(e.to_string()))?;
    Ok(format!("{}: {} employees\n", org.name, org.employees.len()))
}

fn export(name: &str, output: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let store = workspace(db)?;
    let id = store
        .org_id(name)
        .map_err(|e| Failure::Other(e.to_string()))?
        .ok_or_else(|| Failure::Input(format!("no organisation named {name:?}")))?;
    let org = store
        .load_org(id)
        .map_err(|e| Failure::Other(e.to_string()))?;
    crate::io::org_file::save_org(&org, output)
        .map_err(|e| Failure::Input(format!("{}: {e}", output.display())))?;
    Ok(String::new())
}

/// `attain demo`: the demo organisation's evaluation as text.
fn demo() -> Result<String, Failure> {
    let catalog = default_catalog();
    let org = parse_org(DEMO_ORG, "assets/demo/contoso.org.ron", &catalog)?;
    let lang = std::env::var("LANG")
        .ok()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default();
    let tr = Tr::new(lang);
    let mut report = Engine::new(&catalog, &org)
        .map_err(Failure::Other)?
        .report(Instant(chrono::Utc::now()));
    tr.localize_report(&mut report);
    Ok(format!(
        "{}\n\n{}",
        tr.t("cli-demo-heading", &[]),
        render_text(&report, &catalog, &tr)
    ))
}

/// The snake_case code of an enum as the JSON report writes it, with `-` for `_`.
fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default()
}

/// A readable table of the report in the chosen language.
pub fn render_text(report: &Report, catalog: &Catalog, tr: &Tr) -> String {
    let mut s = String::new();
    let t = |id: &str| tr.t(id, &[]);
    writeln!(s, "{}: {}", t("text-organisation"), report.org).ok();
    writeln!(s, "{}: {}\n", t("text-as-of"), report.as_of).ok();
    writeln!(
        s,
        "{:<44} {:<10} {:<10}",
        t("text-competency"),
        t("text-level"),
        t("text-displayed")
    )
    .ok();
    for c in &report.competencies {
        let name = catalog.competency_name(&c.id);
        let flag = if c.overridden {
            format!(" ({})", t("text-override"))
        } else {
            String::new()
        };
        writeln!(
            s,
            "{:<44} {:<10} {:<10}{flag}",
            name,
            tr.level(c.level),
            tr.level(c.displayed_level)
        )
        .ok();
        for o in &c.options {
            for (lvl, r) in [(LevelName::Silver, &o.silver), (LevelName::Gold, &o.gold)] {
                if r.requirements.is_empty() {
                    continue;
                }
                let met = if r.met {
                    t("text-met")
                } else {
                    t("text-not-met")
                };
                writeln!(s, "    {} / {}: {met}", o.id, tr.level(lvl)).ok();
                for req in r.requirements.iter().filter(|q| !q.met()) {
                    match req {
                        Requirement::Performance {
                            metric,
                            required,
                            actual,
                            ..
                        } => {
                            writeln!(s, "        {metric}: {actual} / {required}").ok();
                        }
                        Requirement::Skill { missing, .. } => {
                            writeln!(
                                s,
                                "        {}: {}",
                                t("text-missing"),
                                missing.as_deref().unwrap_or("")
                            )
                            .ok();
                        }
                    }
                }
            }
        }
    }
    let m = &report.membership;
    writeln!(s, "\n{}", t("text-membership")).ok();
    let tier = t(&format!("tier-{}", code(&m.tier)));
    let status = t(&format!("status-{}", code(&m.status)));
    writeln!(
        s,
        "    {}: {tier}, {}: {status}",
        t("text-tier"),
        t("text-status")
    )
    .ok();
    if let (Some(a), Some([w0, w1])) = (&m.anniversary, &m.renewal_window) {
        writeln!(
            s,
            "    {}: {a}, {}: {w0} … {w1}",
            t("text-anniversary"),
            t("text-renewal-window")
        )
        .ok();
    }
    if let Some(up) = m.can_upgrade_to {
        writeln!(s, "    {}: {}", t("text-can-upgrade"), tr.level(up)).ok();
    }
    if !report.alerts.is_empty() {
        writeln!(s, "\n{}", t("text-alerts")).ok();
        for a in &report.alerts {
            writeln!(s, "    - {}", a.message).ok();
        }
    }
    if !report.not_credited.is_empty() {
        writeln!(s, "\n{}", t("text-not-credited")).ok();
        for n in &report.not_credited {
            let reason = t(&format!("reason-{}", code(&n.reason)));
            writeln!(s, "    {} {} ({reason})", n.employee, n.credential).ok();
        }
    }
    if !report.input_warnings.is_empty() {
        writeln!(s, "\n{}", t("text-warnings")).ok();
        for w in &report.input_warnings {
            writeln!(s, "    - {}", w.message).ok();
        }
    }
    s
}
