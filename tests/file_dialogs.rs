//! File dialogs without a system dialog: on a Linux with neither the desktop portal nor zenity
//! every open and save goes through the window's path field, and the credentials log of an
//! import can still be saved (default name, last folder).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::app::Command;
use attain::app::dialogs::{Entry, NoSystemDialog, complete, no_system_dialog};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

mod common;
use common::ui::*;

/// Steps the window until the system-dialog worker has answered.
fn until_answered(h: &mut egui_kittest::Harness<'_, attain::app::AttainApp>) {
    for _ in 0..400 {
        h.run_steps(2);
        if h.state().dialogs.open.is_none() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the file dialog worker never answered");
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn without_portal_or_zenity_the_credentials_log_is_saved_through_the_path_field() {
    // No zenity on PATH, no session bus: what a stock Linux without either looks like. The
    // other test of this binary reads no environment, so changing it here is safe.
    let empty = tempfile::tempdir().unwrap();
    unsafe {
        std::env::set_var("PATH", empty.path());
        std::env::set_var(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/attain-bus",
        );
        std::env::remove_var("ATTAIN_FILE_DIALOG");
    }
    assert_eq!(no_system_dialog(), Some(NoSystemDialog::Missing));

    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("new.csv");
    std::fs::write(
        &users,
        "First name,Last name,Display name,Email\r\nNuova,Persona,Nuova Persona,nuova.persona@contoso.it\r\n",
    )
    .unwrap();
    let mut h = harness(app());
    h.state_mut().commands.push(Command::PreviewImport(users));
    h.run();
    h.get_by_label("Import 1 valid rows").click();
    h.run();
    // The import asks at once where to keep the passwords: the window's own field, saying why.
    until_answered(&mut h);
    assert!(
        h.query_by_label_contains("neither the desktop portal (xdg-desktop-portal) nor zenity")
            .is_some()
    );
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    let typed = field.value().unwrap();
    let offered = std::path::PathBuf::from(&typed);
    assert_eq!(
        offered.parent(),
        Some(dir.path()),
        "the last folder: {typed}"
    );
    let name = offered.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("credentials-") && name.ends_with(".csv"),
        "{name}"
    );
    h.get_by_label("Save").click();
    h.run();
    let log = std::fs::read_to_string(&offered).unwrap();
    assert!(log.starts_with("Display name,User name (UPN),Temporary password,"));
    assert!(log.contains("Nuova Persona,nuova.persona@contoso.it,"));
    assert!(
        h.query_by_label_contains("neither the desktop portal")
            .is_none(),
        "the field closed"
    );

    // Known missing now: the next action opens the field at once, and Tab completes.
    std::fs::create_dir(dir.path().join("exports")).unwrap();
    h.state_mut().commands.push(Command::ImportUsersDialog);
    h.run();
    assert!(
        h.state().dialogs.open.is_none(),
        "no worker the second time"
    );
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&format!("{}/ex", dir.path().display()));
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path")
            .value()
            .unwrap(),
        format!("{}/exports/", dir.path().display())
    );
    // A folder is not a users file: refused with the reason, the field stays.
    h.get_by_label("Open").click();
    h.run();
    assert!(
        h.query_by_label("Type or choose a file, not a folder.")
            .is_some()
    );
}

#[test]
fn tab_completes_to_what_the_matches_share() {
    let entries = [
        Entry {
            name: "users-2026.csv".into(),
            folder: false,
        },
        Entry {
            name: "users-2025.csv".into(),
            folder: false,
        },
        Entry {
            name: "archivio".into(),
            folder: true,
        },
    ];
    assert_eq!(complete("/d/us", &entries), "/d/users-202");
    assert_eq!(complete("/d/ar", &entries), "/d/archivio/");
    assert_eq!(complete("/d/x", &entries), "/d/x", "no match: as typed");
    assert_eq!(complete("/d/users-2026", &entries), "/d/users-2026.csv");
}
