//! A 2 GB file given as input is refused from its size, before it is read: a clear message
//! naming the file, exit code 2, nothing written, and the window stays responsive.
#![allow(clippy::unwrap_used)]

use std::process::Command;

mod common;

fn two_gigabytes(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    // Sparse: two gigabytes long without using the disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    path
}

#[test]
fn the_cli_refuses_a_2_gb_file_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.attain");
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    let attain = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_attain"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(attain(&["load", demo]).status.success());
    let big = two_gigabytes(dir.path(), "users.csv");
    for kind in ["users", "trainings", "credly"] {
        let started = std::time::Instant::now();
        let out = attain(&[
            "import",
            kind,
            big.to_str().unwrap(),
            "--org",
            "Contoso Italia S.r.l.",
        ]);
        assert_eq!(out.status.code(), Some(2), "{kind}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("users.csv") && err.contains("2048.0 MB"),
            "{err}"
        );
        // Refused from its size: no time spent reading two gigabytes.
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
    let out = attain(&["check"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Contoso Italia S.r.l.\t40"));
    let org = two_gigabytes(dir.path(), "big.org.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(["eval", org.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("big.org.ron"));
}

#[test]
fn a_2_gb_file_dropped_on_the_window_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let big = two_gigabytes(dir.path(), "export.csv");
    let mut h = common::ui::harness(common::ui::app());
    let before = h.state().org.employees.len();
    h.state_mut()
        .commands
        .push(attain::app::Command::PreviewImport(big.clone()));
    h.run();
    let notice = h.state().notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("export.csv"),
        "{notice:?}"
    );
    assert_eq!(h.state().org.employees.len(), before);
}
