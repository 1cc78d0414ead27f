//! Crash safety end to end: scripts/crash-test.sh kills a 100k-row import and a burst of
//! edits with SIGKILL at random moments (50 runs each; ATTAIN_CRASH_RUNS for more) and checks
//! the workspace after each kill.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn sigkill_never_leaves_a_half_written_workspace() {
    let runs = std::env::var("ATTAIN_CRASH_RUNS").unwrap_or("50".into());
    let out = std::process::Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/crash-test.sh"
        ))
        .args(["--runs", &runs])
        .env("ATTAIN_BIN", env!("CARGO_BIN_EXE_attain"))
        .env(
            "ATTAIN_EDIT_BURST_BIN",
            env!("CARGO_BIN_EXE_attain-edit-burst"),
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("users import: {runs} SIGKILL runs")));
    assert!(stdout.contains(&format!(
        "edit bursts: {runs} SIGKILL runs: {runs} consistent"
    )));
}
