//! Running the attain binary from the integration tests.

use std::path::Path;
use std::process::{Command, Output};

/// The demo organisation's name.
pub const DEMO_ORG: &str = "Contoso Italia S.r.l.";

/// Runs attain with `args` (messages in English).
pub fn attain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("the attain binary runs")
}

/// Runs attain with `args` in the working folder `dir`; it must succeed (else its stderr is
/// the failure).
pub fn attain_ok_in(dir: &Path, args: &[&std::ffi::OsStr]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("the attain binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A new workspace in `dir` holding the demo organisation; its path.
pub fn demo_workspace(dir: &Path) -> String {
    let db = dir.join("ws.attain").display().to_string();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    let out = attain(&["--db", &db, "load", demo]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}
