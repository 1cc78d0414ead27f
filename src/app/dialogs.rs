//! File dialogs that always work or say why. The system's dialog (the desktop portal or zenity
//! on Linux, the native one elsewhere) runs on a worker through rfd's async API, so the window
//! never freezes while it is open. Where there is none, the window asks for the path itself
//! (`ui::path_field`), saying why and which package brings the system dialog.

use super::jobs::{Job, ON_WORKER};
use super::{AttainApp, Command};
use std::path::{Path, PathBuf};

/// What a chosen file is for: the dialog's kind, filter and title, and the command it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFor {
    ImportUsers,
    /// `trainings` or `credly`
    ImportAchievements(&'static str),
    LoadOrg,
    ExportOrg,
    CredentialsLog,
    SavePdf,
    PrintTemplate,
    ExportIcs,
}

impl FileFor {
    /// True when the file is written (a save dialog), false when it is read.
    pub fn saves(self) -> bool {
        matches!(
            self,
            FileFor::ExportOrg | FileFor::CredentialsLog | FileFor::SavePdf | FileFor::ExportIcs
        )
    }

    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileFor::ImportUsers => ("CSV / TXT", &["csv", "txt", "tsv"]),
            FileFor::ImportAchievements(_) => ("CSV / TSV", &["csv", "tsv", "txt"]),
            FileFor::LoadOrg | FileFor::ExportOrg => ("attain", &["ron"]),
            FileFor::CredentialsLog => ("CSV", &["csv"]),
            FileFor::SavePdf => ("PDF", &["pdf"]),
            FileFor::PrintTemplate => ("typst", &["typ"]),
            FileFor::ExportIcs => ("iCalendar", &["ics"]),
        }
    }

    /// The translation key of the dialog's title.
    pub fn title_key(self) -> &'static str {
        match self {
            FileFor::ImportUsers => "file-title-import-users",
            FileFor::ImportAchievements("credly") => "file-title-import-credly",
            FileFor::ImportAchievements(_) => "file-title-import-trainings",
            FileFor::LoadOrg => "file-title-load-org",
            FileFor::ExportOrg => "file-title-export-org",
            FileFor::CredentialsLog => "file-title-credentials-log",
            FileFor::SavePdf => "file-title-save-pdf",
            FileFor::PrintTemplate => "file-title-template",
            FileFor::ExportIcs => "file-title-ics",
        }
    }

    /// The command that takes the chosen file.
    pub fn command(self, path: PathBuf) -> Command {
        use super::forecast::ForecastCommand;
        use super::printing::PrintCommand;
        match self {
            FileFor::ImportUsers => Command::PreviewImport(path),
            FileFor::ImportAchievements(kind) => Command::PreviewAchievements(path, kind),
            FileFor::LoadOrg => Command::LoadOrgFrom(path),
            FileFor::ExportOrg => Command::ExportOrgTo(path),
            FileFor::CredentialsLog => Command::SaveCredentialsLog(path),
            FileFor::SavePdf => Command::Print(PrintCommand::SaveTo(path)),
            FileFor::PrintTemplate => Command::Print(PrintCommand::TemplateFrom(path)),
            FileFor::ExportIcs => Command::Forecast(ForecastCommand::ExportIcsTo(path)),
        }
    }
}

/// Why the window asks for a path itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSystemDialog {
    /// Neither the desktop portal nor zenity is there (Linux).
    Missing,
    /// `ATTAIN_FILE_DIALOG=window` turned the system dialog off.
    TurnedOff,
}

/// What the window's path field starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct PathAsk {
    pub file_for: FileFor,
    /// The folder last used (or the home folder), with the default name for a save.
    pub start: PathBuf,
    pub why: NoSystemDialog,
}

/// The system dialog's answer.
pub enum Answer {
    Picked(Option<PathBuf>),
    Unavailable(NoSystemDialog),
}

/// The system dialog open on a worker, and what is known about it this session.
#[derive(Default)]
pub struct FileDialogs {
    /// The dialog open, with the default name it was given (for the path field, should the
    /// system dialog turn out to be missing).
    pub open: Option<(FileFor, Option<String>, Job<Answer>)>,
    /// Found missing once: every later action goes to the path field at once.
    pub missing: Option<NoSystemDialog>,
}

/// Why there is no system file dialog to show (`None`: there is one).
pub fn no_system_dialog() -> Option<NoSystemDialog> {
    if std::env::var("ATTAIN_FILE_DIALOG").is_ok_and(|v| v == "window") {
        return Some(NoSystemDialog::TurnedOff);
    }
    missing_on_this_system()
}

/// rfd on Linux asks the desktop portal over D-Bus, then falls back to zenity; with neither it
/// returns "cancelled" at once, which the user would take for a broken button.
#[cfg(all(unix, not(target_os = "macos")))]
fn missing_on_this_system() -> Option<NoSystemDialog> {
    let zenity = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("zenity").is_file()));
    (!zenity && !portal_on_bus()).then_some(NoSystemDialog::Missing)
}

/// Windows and macOS always have their native dialog.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn missing_on_this_system() -> Option<NoSystemDialog> {
    None
}

/// True when the session bus has the desktop portal running or can start it.
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_on_bus() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    pollster::block_on(async {
        let Ok(conn) = zbus::Connection::session().await else {
            return false;
        };
        let Ok(bus) = zbus::fdo::DBusProxy::new(&conn).await else {
            return false;
        };
        let has = |names: zbus::fdo::Result<Vec<zbus::names::OwnedBusName>>| {
            names.is_ok_and(|n| n.iter().any(|n| n.as_str() == PORTAL))
        };
        has(bus.list_names().await) || has(bus.list_activatable_names().await)
    })
}

/// The system dialog, on the worker that waits for it.
fn system_dialog(file_for: FileFor, folder: Option<PathBuf>, name: Option<String>) -> Answer {
    if let Some(why) = no_system_dialog() {
        return Answer::Unavailable(why);
    }
    let (label, extensions) = file_for.filter();
    let mut d = rfd::AsyncFileDialog::new().add_filter(label, extensions);
    if let Some(dir) = folder {
        d = d.set_directory(dir);
    }
    if let Some(name) = name {
        d = d.set_file_name(name);
    }
    let picked = if file_for.saves() {
        pollster::block_on(d.save_file())
    } else {
        pollster::block_on(d.pick_file())
    };
    Answer::Picked(picked.map(|f| f.path().to_path_buf()))
}

impl AttainApp {
    /// Asks for a file for `file_for` (`name`: the default name of a file to save).
    pub(super) fn ask_file(&mut self, file_for: FileFor, name: Option<String>) {
        if self.dialogs.open.is_some() {
            return;
        }
        if let Some(why) = self.dialogs.missing {
            self.ask_path_in_window(file_for, name, why);
            return;
        }
        let folder = self.last_folder.clone();
        let mut job = Job::default();
        let worker_name = name.clone();
        job.start("file-dialog", ON_WORKER, &self.waker, move || {
            system_dialog(file_for, folder, worker_name)
        });
        self.dialogs.open = Some((file_for, name, job));
    }

    /// Takes the system dialog's answer: the file's command, or the window's path field.
    pub(super) fn poll_file_dialog(&mut self) {
        let Some((file_for, name, job)) = &mut self.dialogs.open else {
            return;
        };
        job.poll();
        let lost = job.take_lost();
        let Some(answer) = job.result.take() else {
            if lost {
                self.dialogs.open = None;
                self.fail(self.t("error-worker-stopped"));
            }
            return;
        };
        let (file_for, name) = (*file_for, name.take());
        self.dialogs.open = None;
        match answer {
            Answer::Picked(Some(path)) => self.run(file_for.command(path)),
            Answer::Picked(None) => {}
            Answer::Unavailable(why) => {
                self.dialogs.missing = Some(why);
                self.ask_path_in_window(file_for, name, why);
            }
        }
    }

    fn ask_path_in_window(&mut self, file_for: FileFor, name: Option<String>, why: NoSystemDialog) {
        let folder = self
            .last_folder
            .clone()
            .filter(|d| d.is_dir())
            .or_else(std::env::home_dir)
            .unwrap_or_else(|| PathBuf::from("."));
        let start = match name {
            Some(name) => folder.join(name),
            // A trailing separator: the listing shows the folder's files at once.
            None => folder.join(""),
        };
        self.run(Command::AskPath(PathAsk {
            file_for,
            start,
            why,
        }));
    }
}

/// One entry of a folder listing: its name, and whether it is a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub folder: bool,
}

/// The folder part of a typed path and the start of a name typed after it.
pub fn split_typed(text: &str) -> (PathBuf, String) {
    let path = Path::new(text);
    if text.is_empty() || text.ends_with(std::path::MAIN_SEPARATOR) || text.ends_with('/') {
        return (path.to_path_buf(), String::new());
    }
    let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let start = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    (dir, start)
}

/// A folder's visible entries, folders first, each group by name; `extensions` keeps the
/// files a dialog of that kind would show. Unreadable: empty.
pub fn list_folder(dir: &Path, extensions: &[&str]) -> Vec<Entry> {
    let Ok(read) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = read
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let folder = e.path().is_dir();
            let shown = !name.starts_with('.')
                && (folder
                    || extensions.is_empty()
                    || e.path().extension().is_some_and(|x| {
                        extensions.iter().any(|want| x.eq_ignore_ascii_case(want))
                    }));
            shown.then_some(Entry { name, folder })
        })
        .collect();
    entries.sort_by(|a, b| b.folder.cmp(&a.folder).then(a.name.cmp(&b.name)));
    entries
}

/// Tab completion: the typed name extended to what every matching entry shares (a folder
/// that is the only match gets its separator, so Tab again lists inside it).
pub fn complete(text: &str, entries: &[Entry]) -> String {
    let (dir, start) = split_typed(text);
    let matches: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.name.starts_with(&start))
        .collect();
    let Some(first) = matches.first() else {
        return text.to_string();
    };
    let mut common = first.name.clone();
    for m in &matches[1..] {
        let shared = common
            .char_indices()
            .zip(m.name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(common.len().min(m.name.len()), |((i, _), _)| i);
        common.truncate(shared);
    }
    let mut done = dir.join(&common).to_string_lossy().into_owned();
    if matches.len() == 1 && first.folder {
        done.push(std::path::MAIN_SEPARATOR);
    }
    done
}

impl FileFor {
    /// The extensions a listing of this kind shows.
    pub fn extensions(self) -> &'static [&'static str] {
        self.filter().1
    }
}
