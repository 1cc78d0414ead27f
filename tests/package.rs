//! The Debian package, assembled in CI around the debug binary (a release build does not fit
//! CI's time): `scripts/package.sh --binary` lays it out and `scripts/check-package.sh`
//! validates the desktop entry and the metainfo, finds the icons, maps `*.org.ron` to the MIME
//! type, and runs the packaged binary's `--version`. The release package is built and checked
//! the same way by `bash scripts/package.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::process::Command;

#[cfg(target_os = "linux")]
#[test]
fn the_package_holds_a_valid_desktop_entry_metainfo_icons_and_mime_type() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = tempfile::tempdir().unwrap();
    let run = Command::new("bash")
        .current_dir(root)
        .args([
            "scripts/package.sh",
            "--binary",
            env!("CARGO_BIN_EXE_attain"),
        ])
        .arg("--out")
        .arg(out.path())
        .arg("--fast")
        // The debug binary is larger than the release one the 80 MiB limit is for.
        .env("MAX_MIB", "2000")
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "{said}");
    assert!(said.contains("ok ("), "{said}");
    let debs: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(debs.len(), 1, "{debs:?}");
    let name = debs[0].file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        name,
        format!("attain_{}_amd64.deb", env!("CARGO_PKG_VERSION"))
    );
    // The package says what the window and its dialogs need.
    let depends = Command::new("dpkg-deb")
        .args(["-f"])
        .arg(&debs[0])
        .arg("Depends")
        .output()
        .unwrap();
    let depends = String::from_utf8_lossy(&depends.stdout);
    for needed in [
        "libc6 (>= ",
        "libegl1",
        "libxkbcommon-x11-0",
        "xdg-desktop-portal-gtk | zenity",
    ] {
        assert!(depends.contains(needed), "{needed} in {depends}");
    }
}

#[test]
fn version_prints_the_crate_version() {
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("attain {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_word_that_is_neither_a_command_nor_a_file_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .arg("evl")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("evl: no such file, and not a command"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
