//! Starting the window: open the workspace, tell failures in a message box, run eframe.

use super::AttainApp;
use crate::i18n::{Lang, Tr};
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the window on `db` (default: the workspace in the user's data folder) and runs it
/// until it closes. Exit 2 when the workspace cannot be opened, 1 for other failures.
pub fn run(db: Option<PathBuf>, started: std::time::Instant, open: Option<PathBuf>) -> ExitCode {
    match window(db, started, open) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, message)) => {
            eprintln!("{}: {message}", Tr::new(Lang::En).t("cli-error", &[]));
            ExitCode::from(code)
        }
    }
}

/// The desktop entry's name: Wayland and X11 match the window to it (and to its icon).
pub const APP_ID: &str = "io.github.attain.attain";

fn window(
    db: Option<PathBuf>,
    started: std::time::Instant,
    open: Option<PathBuf>,
) -> Result<(), (u8, String)> {
    let path = db.unwrap_or_else(crate::store::default_path);
    let store = crate::store::Store::open(&path).map_err(|e| (2, tell(e.to_string())))?;
    let mut app = AttainApp::new(store).map_err(|e| (1, tell(e)))?;
    app.launched = started;
    if let Some(file) = open {
        // Run in the first frame, like a file dropped on the window.
        app.commands.push(super::Command::LoadOrgFrom(file));
    }
    if let Some(report) = crate::store::crash::unseen_report() {
        app.fail(
            app.tr
                .t("notice-crashed", &[("file", report.display().to_string())]),
        );
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("attain")
            .with_app_id(APP_ID)
            .with_icon(icon())
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
            AttainApp::setup(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| (1, e.to_string()))
}

/// Started from a desktop, stderr is seen by nobody: a workspace that cannot be opened
/// (newer attain, damaged, no permission) is also told in a message box.
fn tell(message: String) -> String {
    let tr = Tr::new(Lang::from_os());
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(tr.t("gui-cannot-open", &[]))
        .set_description(&message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    message
}

/// The window's icon (the package installs the same image for the desktop).
fn icon() -> std::sync::Arc<egui::IconData> {
    let png = include_bytes!("../../assets/package/attain-256.png");
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(png).unwrap_or_default())
}
