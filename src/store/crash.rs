//! A panic never just vanishes: the hook writes a crash report (where and what, no data of
//! the organisation) to attain's data folder, and the next start of the window says so.

use std::path::PathBuf;
use std::sync::Mutex;

/// The report of a panic in this process not yet shown by the window (a worker's panic: the
/// window goes on and says so).
static RECENT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Where crash reports go: `crashes/` beside the default workspace.
pub fn crash_dir() -> PathBuf {
    crate::store::default_path()
        .parent()
        .map_or_else(|| PathBuf::from("crashes"), |d| d.join("crashes"))
}

/// Installs the hook; the default hook still prints to stderr.
pub fn install() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default(info);
        let location = info
            .location()
            .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
        // Only the place and the kind of failure: panic payloads may quote user data.
        let kind = if info.payload().downcast_ref::<&str>().is_some()
            || info.payload().downcast_ref::<String>().is_some()
        {
            "panic with a message (not recorded)"
        } else {
            "panic"
        };
        let report = format!(
            "attain {} crashed\nwhen: {}\nwhere: {location}\nwhat: {kind}\nthread: {}\nbacktrace:\n{}\n",
            env!("CARGO_PKG_VERSION"),
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
            std::thread::current().name().unwrap_or("?"),
            std::backtrace::Backtrace::force_capture()
        );
        let dir = crash_dir();
        if std::fs::create_dir_all(&dir).is_ok() {
            // Two panics in one second (two workers) keep a report each.
            let file = dir.join(format!(
                "crash-{}-{}-{:09}.txt",
                chrono::Utc::now().format("%Y%m%dT%H%M%S"),
                std::process::id(),
                chrono::Utc::now().timestamp_subsec_nanos()
            ));
            if std::fs::write(&file, report).is_ok() {
                eprintln!("attain: a crash report was written to {}", file.display());
                if let Ok(mut recent) = RECENT.lock() {
                    *recent = Some(file);
                }
            }
        }
    }));
}

/// The report of a panic in this process since the last call (the window shows it at once,
/// so the next start does not show it again).
pub fn take_recent() -> Option<PathBuf> {
    let file = RECENT.lock().ok()?.take()?;
    std::fs::write(crash_dir().join("last-seen"), file.display().to_string()).ok();
    Some(file)
}

/// The newest crash report not yet shown, and marks it shown.
pub fn unseen_report() -> Option<PathBuf> {
    let dir = crash_dir();
    let newest = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .max()?;
    let seen = dir.join("last-seen");
    if std::fs::read_to_string(&seen).ok().as_deref() == Some(&newest.display().to_string()) {
        return None;
    }
    std::fs::write(&seen, newest.display().to_string()).ok();
    Some(newest)
}
