//! Award summaries as PDF: text checked with pdftotext, pages with pdfinfo, the first page
//! rendered with pdftoppm; bad input refused with a clear message; a user's template.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

mod common;

use common::cli::{DEMO_ORG as ORG, attain, demo_workspace as workspace};

fn award(db: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "--db",
        db,
        "report",
        "award",
        "--org",
        ORG,
        "-o",
        out.to_str().unwrap(),
    ];
    if !extra.contains(&"--as-of") {
        args.extend(["--as-of", "2026-11-25"]);
    }
    args.extend_from_slice(extra);
    attain(&args)
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name}: {e} (scripts/install-deps.sh test installs poppler-utils)")
    });
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn text(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

fn info(pdf: &Path, key: &str) -> String {
    tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
        .unwrap()
}

/// The share of non-white pixels of the first page, rendered in grey at low resolution.
fn ink(pdf: &Path, dir: &Path) -> f64 {
    let pixels = common::pdf::first_page_gray(pdf, dir, "page", 30);
    pixels.iter().filter(|p| **p < 200).count() as f64 / pixels.len() as f64
}

#[test]
fn the_english_summary_names_levels_people_and_dates_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let pdf = dir.path().join("award.pdf");
    let out = award(&db, &pdf, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = text(&pdf);
    for s in [
        "Competency award summary",
        ORG,
        "Developed market",
        "Silver",
        "Cloud Platform",
        "Gold",
        "Collaboration and Content",
        "Bruno Neri",
        "Data fingerprint",
        "11/25/2026",
        "Not earned",
        "DevOps",
        "Overrides",
        // A list any one credential of which counts says so (not "holding A, B, C").
        "one of:",
        // Gold computed under a Silver membership: headed as the portal displays it.
        "Cloud Platform Silver (computed: Gold)",
        // Metrics by name, and a header over the credential's title.
        "Azure consumption (US$)",
        "Credential Title",
    ] {
        assert!(t.contains(s), "{s:?} missing from:\n{t}");
    }
    assert!(!t.contains("azure_consumption_usd"), "no metric id:\n{t}");
    assert!(
        info(&pdf, "Page size:").starts_with("595."),
        "{}",
        info(&pdf, "Page size:")
    );
    let ink = ink(&pdf, dir.path());
    assert!(ink > 0.005 && ink < 0.5, "first page ink {ink}");
    // The same data prints the same fingerprint; other data another one.
    let again = dir.path().join("again.pdf");
    assert!(award(&db, &again, &[]).status.success());
    let fp = |t: &str| {
        t.lines()
            .find(|l| l.contains("Data fingerprint"))
            .unwrap()
            .split_whitespace()
            .nth(2)
            .unwrap()
            .to_string()
    };
    assert_eq!(fp(&t), fp(&text(&again)));
    let later = dir.path().join("later.pdf");
    assert!(
        award(&db, &later, &["--as-of", "2026-12-25"])
            .status
            .success()
    );
    assert_ne!(fp(&t), fp(&text(&later)));
}

#[test]
fn the_italian_summary_has_accents_and_letter_paper() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let pdf = dir.path().join("premi.pdf");
    let out = award(&db, &pdf, &["--lang", "it", "--paper", "letter"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = text(&pdf);
    for s in [
        "Riepilogo delle competenze ottenute",
        "Mercato sviluppato",
        "Impronta dei dati",
        "25/11/2026",
        "Non ottenute",
        "Eccezioni",
        "uno tra:",
    ] {
        assert!(t.contains(s), "{s:?} missing from:\n{t}");
    }
    assert!(
        ["Cantù", "Niccolò", "Lucía"].iter().any(|n| t.contains(n)),
        "no accented name in:\n{t}"
    );
    assert!(
        info(&pdf, "Page size:").starts_with("612 x 792"),
        "{}",
        info(&pdf, "Page size:")
    );
}

#[test]
fn one_competency_and_the_one_page_business_profile() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let one = dir.path().join("one.pdf");
    assert!(
        award(&db, &one, &["--competency", "cloud-platform"])
            .status
            .success()
    );
    let t = text(&one);
    assert!(
        t.contains("Cloud Platform") && !t.contains("Collaboration and Content"),
        "{t}"
    );
    let profile = dir.path().join("profile.pdf");
    assert!(award(&db, &profile, &["--profile"]).status.success());
    let t = text(&profile);
    assert!(t.contains("Business profile"), "{t}");
    assert_eq!(info(&profile, "Pages:"), "1");
    // Only what the tier displays: DevOps still shows (at risk until the renewal),
    // Communications was never earned.
    assert!(t.contains("DevOps") && !t.contains("Communications"), "{t}");
    assert!(t.contains("02/15/2026 – 02/15/2027"), "{t}");
}

#[test]
fn a_large_organisation_breaks_across_pages_with_repeated_headers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.attain").display().to_string();
    let catalog = attain::io::catalog_file::default_catalog();
    let org = attain::model::synth::synthetic_org(&catalog, 300, 10, 5);
    let file = dir.path().join("big.org.ron");
    attain::io::org_file::save_org(&org, &file).unwrap();
    assert!(
        attain(&["--db", &db, "load", file.to_str().unwrap()])
            .status
            .success()
    );
    let pdf = dir.path().join("big.pdf");
    let out = attain(&[
        "--db",
        &db,
        "report",
        "award",
        "--org",
        &org.name,
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages: usize = info(&pdf, "Pages:").parse().unwrap();
    assert!(pages > 3, "{pages} pages");
    // A table that continues on the next page starts it with its header again.
    let second = tool(
        "pdftotext",
        &["-f", "3", "-l", "3", pdf.to_str().unwrap(), "-"],
    );
    assert!(
        second.contains("Credential") && second.contains("Counts until"),
        "{second}"
    );
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let pdf = dir.path().join("x.pdf");
    for (extra, message) in [
        (vec!["--competency", "nope"], "unknown competency nope"),
        (vec!["--paper", "a3"], "--paper"),
        (vec!["--lang", "fr"], "--lang"),
    ] {
        let out = award(&db, &pdf, &extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{extra:?}"
        );
        assert!(!pdf.exists());
    }
    let out = attain(&[
        "--db",
        &db,
        "report",
        "award",
        "--org",
        "Nobody",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no organisation named"));
    // A broken template names its file, line and column.
    let tpl = dir.path().join("broken.typ");
    std::fs::write(
        &tpl,
        "#let data = json(\"data.json\")\n= Title\n#data.nothing_here(\n",
    )
    .unwrap();
    let out = award(&db, &pdf, &["--template", tpl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.typ:3:"), "{err}");
    assert!(!pdf.exists());
}

#[test]
fn a_copied_template_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let tpl = dir.path().join("mine.typ");
    let default = include_str!("../assets/report/award.typ");
    std::fs::write(
        &tpl,
        default.replace("#data.title]", "#data.title – Acme edition]"),
    )
    .unwrap();
    let pdf = dir.path().join("mine.pdf");
    let out = award(&db, &pdf, &["--template", tpl.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text(&pdf).contains("Acme edition"));
}
