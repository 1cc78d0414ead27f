//! Printing end to end: a local CUPS with the cups-pdf printer (scripts/cups.sh starts it),
//! `attain print` sends the job, and the PDF that lands in the printer's folder holds the
//! organisation's name. Printer names with shell metacharacters stay names.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

use common::cli::{DEMO_ORG as ORG, attain, attain_ok_in, demo_workspace as workspace};

/// Starts CUPS with the attain-pdf printer; returns its output folder.
fn cups() -> PathBuf {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/cups.sh");
    let out = Command::new("bash").arg(script).output().unwrap();
    assert!(
        out.status.success(),
        "scripts/cups.sh failed (it needs root and `scripts/install-deps.sh test`): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(
        std::env::var("ATTAIN_CUPS_PDF_DIR").unwrap_or("/var/spool/cups-pdf/attain".into()),
    )
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_printed_summary_lands_in_the_cups_pdf_folder() {
    let out_dir = cups();
    let before = pdfs(&out_dir);
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let out = attain(&[
        "--db",
        &db,
        "print",
        "--org",
        ORG,
        "--printer",
        "attain-pdf",
        "--as-of",
        "2026-11-25",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("attain-pdf"));
    // The print path re-distils the PDF (CUPS makes PostScript, cups-pdf runs Ghostscript),
    // which keeps the pages but not the text layer. So: the job carries the organisation's
    // name as its title, and its first page looks like the summary saved directly, whose
    // text is checked by tests/report.rs.
    let started = Instant::now();
    let landed = loop {
        let new: Vec<PathBuf> = pdfs(&out_dir)
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect();
        if let Some(p) = new
            .into_iter()
            .find(|p| title(p).is_some_and(|t| t.contains(ORG)))
        {
            break p;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no PDF in {}",
            out_dir.display()
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    let direct = dir.path().join("direct.pdf");
    let out = attain(&[
        "--db",
        &db,
        "report",
        "award",
        "--org",
        ORG,
        "--as-of",
        "2026-11-25",
        "-o",
        direct.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let other = dir.path().join("other.pdf");
    let out = attain(&[
        "--db",
        &db,
        "report",
        "award",
        "--org",
        ORG,
        "--as-of",
        "2026-11-25",
        "--profile",
        "-o",
        other.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let printed = common::pdf::first_page_gray(&landed, dir.path(), "landed", 20);
    let (same, different) = (
        common::pdf::first_page_gray(&direct, dir.path(), "direct", 20),
        common::pdf::first_page_gray(&other, dir.path(), "other", 20),
    );
    assert_eq!(printed.len(), same.len(), "page sizes differ");
    let distance = |x: &[u8], y: &[u8]| {
        x.iter()
            .zip(y)
            .map(|(p, q)| p.abs_diff(*q) as f64)
            .sum::<f64>()
            / x.len() as f64
    };
    let (d_same, d_other) = (distance(&printed, &same), distance(&printed, &different));
    assert!(
        d_same < d_other / 1.5,
        "the printed page is not the summary: {d_same} from it, {d_other} from another"
    );
    let ink = printed.iter().filter(|p| **p < 200).count();
    assert!(ink > printed.len() / 200, "the printed page is blank");
}

/// The second cups-pdf queue of scripts/cups.sh: a valid CUPS name that a shell would run.
const ODD_PRINTER: &str = "attain-odd;touch${IFS}pwned&$(touch${IFS}pwned)`touch${IFS}pwned`";

/// True while the printer has jobs not completed.
fn queued(printer: &str) -> bool {
    let out = Command::new("lpstat")
        .args(["-o", printer])
        .output()
        .unwrap();
    !String::from_utf8_lossy(&out.stdout).trim().is_empty()
}

/// The PDF's title (pdfinfo), if it has one.
fn title(pdf: &Path) -> Option<String> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Title:").map(|t| t.trim().to_string()))
}

#[test]
fn printer_names_with_shell_metacharacters_are_only_names() {
    cups();
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let marker = dir.path().join("pwned");
    let evil = format!("x; touch {} #", marker.display());
    let out = attain(&["--db", &db, "print", "--org", ORG, "--printer", &evil]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown printer is a wrong argument"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no printer named"), "{err}");
    for name in [
        format!("$(touch {})", marker.display()),
        format!("`touch {}`", marker.display()),
    ] {
        let out = attain(&["--db", &db, "print", "--org", ORG, "--printer", &name]);
        assert_eq!(out.status.code(), Some(2));
    }
    assert!(!marker.exists(), "a shell ran the printer name");
    // A real queue whose name is full of shell syntax (scripts/cups.sh adds it): the job
    // reaches it through lpstat and lp, and nothing runs in the working folder.
    let args = ["--db", &db, "print", "--org", ORG, "--printer", ODD_PRINTER];
    let out = attain_ok_in(dir.path(), &args.map(std::ffi::OsStr::new));
    assert!(String::from_utf8_lossy(&out.stdout).contains(ODD_PRINTER));
    let started = Instant::now();
    while queued(ODD_PRINTER) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the job stays queued"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(
        !dir.path().join("pwned").exists(),
        "a shell ran the printer name"
    );
    // A file name with metacharacters is only a name too (a shell would create the marker
    // in the working folder).
    let odd = dir.path().join("award; touch pwned $(id) `id` & 'x'.pdf");
    let args = ["--db", &db, "report", "award", "--org", ORG, "-o"].map(std::ffi::OsStr::new);
    attain_ok_in(dir.path(), &[&args[..], &[odd.as_os_str()]].concat());
    assert!(std::fs::read(&odd).unwrap().starts_with(b"%PDF"));
    assert!(!marker.exists(), "a shell ran the file name");
    // An option-looking name is refused before anything runs.
    let out = attain(&["--db", &db, "print", "--org", ORG, "--printer=-d"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a printer name"));
}

#[test]
fn the_print_dialog_prints_and_saves_as_pdf() {
    use attain::app::Command as C;
    use attain::app::printing::PrintCommand as P;
    let out_dir = cups();
    let before = pdfs(&out_dir);
    let mut h = common::ui::harness(common::ui::app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    // The printers are listed by a worker: one frame, then wait for it.
    h.step();
    assert!(h.state().print.is_some(), "Ctrl+P opens the dialog");
    h.state_mut().print.as_mut().unwrap().printers.wait();
    h.run();
    let printers = h.state().print.as_ref().unwrap().printers.result.clone();
    assert!(
        printers
            .unwrap()
            .unwrap()
            .0
            .contains(&"attain-pdf".to_string())
    );
    h.state_mut().print.as_mut().unwrap().form.printer = Some("attain-pdf".into());
    h.get_by_label("Print").click();
    h.step();
    h.step();
    assert!(
        h.state().print.is_none(),
        "the dialog closes while the job runs"
    );
    h.state_mut().printing.wait();
    h.run();
    let notice = h.state().notice.clone().unwrap();
    assert!(
        !notice.error && notice.text.contains("attain-pdf"),
        "{notice:?}"
    );
    let started = Instant::now();
    while pdfs(&out_dir).len() <= before.len() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "nothing printed"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    // Save as PDF: the business profile in Italian.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profilo.pdf");
    h.state_mut().commands.push(C::Print(P::Open));
    h.run();
    {
        let d = h.state_mut().print.as_mut().unwrap();
        d.form.scope = attain::app::printing::Scope::Profile;
        d.form.lang = attain::i18n::Lang::It;
    }
    h.state_mut()
        .commands
        .push(C::Print(P::SaveTo(path.clone())));
    h.run();
    h.state_mut().printing.wait();
    h.run();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let t = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&t.stdout).contains("Profilo aziendale"));
}

#[test]
fn without_a_printer_or_a_default_the_printers_are_listed() {
    cups();
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let default = Command::new("lpstat").arg("-d").output().unwrap();
    if String::from_utf8_lossy(&default.stdout).contains("system default destination:") {
        return; // this machine has a default printer: the job would go there
    }
    let out = attain(&["--db", &db, "print", "--org", ORG]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a wrong argument, not lp's failure"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no default printer"), "{err}");
    assert!(err.contains("attain-pdf"), "the printers are listed: {err}");
}

#[test]
fn an_unknown_organisation_names_the_ones_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let db = workspace(dir.path());
    let pdf = dir.path().join("x.pdf");
    for args in [
        vec![
            "--db",
            &db,
            "print",
            "--org",
            "Nope",
            "--printer",
            "attain-pdf",
        ],
        vec![
            "--db",
            &db,
            "report",
            "award",
            "--org",
            "Nope",
            "-o",
            pdf.to_str().unwrap(),
        ],
        vec!["--db", &db, "export", "Nope", "-o", pdf.to_str().unwrap()],
    ] {
        let out = attain(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no organisation named \"Nope\""), "{err}");
        assert!(err.contains(&format!("it holds \"{ORG}\"")), "{err}");
    }
    assert!(!pdf.exists());
}

#[test]
fn the_print_dialog_preselects_the_system_default_and_keeps_its_layout() {
    use attain::app::Command as C;
    use attain::app::printing::PrintCommand as P;
    use egui_kittest::kittest::NodeT as _;
    let mut h = common::ui::harness(common::ui::app());
    let long = "reparto-amministrazione-secondo-piano-stampante-a-colori".to_string();
    let list = |default: Option<&str>| {
        Some(Ok((
            vec!["attain-odd".to_string(), "attain-pdf".into(), long.clone()],
            default.map(str::to_string),
        )))
    };
    // The list as `lpstat` would give it, set before the dialog's first frame reads it.
    let open = |h: &mut egui_kittest::Harness<'_, attain::app::AttainApp>, default| {
        h.state_mut().commands.push(C::Print(P::Open));
        h.step();
        let d = h.state_mut().print.as_mut().unwrap();
        d.printers.wait();
        d.printers.result = list(default);
        d.preselected = false;
        d.form.printer = None;
        h.run();
    };
    open(&mut h, Some("attain-pdf"));
    let chosen = &h.state().print.as_ref().unwrap().form.printer;
    assert_eq!(chosen.as_deref(), Some("attain-pdf"), "the system default");
    let shown = |h: &egui_kittest::Harness<'_, attain::app::AttainApp>| {
        let node = h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Printer");
        format!("{:?}", node.accesskit_node())
    };
    assert!(
        shown(&h).contains("attain-pdf (system default)"),
        "{}",
        shown(&h)
    );
    h.state_mut().commands.push(C::Print(P::Close));
    h.run();

    // No default: nothing chosen (not the queue that sorts first), Print waits for a choice.
    open(&mut h, None);
    assert_eq!(h.state().print.as_ref().unwrap().form.printer, None);
    assert!(h.get_by_label("Print").accesskit_node().is_disabled());
    let copies = h.get_by_label("Copies").rect();
    let width = h.get_by_label("Cancel").rect();
    assert!(shown(&h).contains("Choose a printer"), "{}", shown(&h));
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Printer")
        .click();
    h.run();
    h.get_by_label(&long).click();
    h.run();
    let chosen = &h.state().print.as_ref().unwrap().form.printer;
    assert_eq!(chosen.as_deref(), Some(long.as_str()));
    assert!(!h.get_by_label("Print").accesskit_node().is_disabled());
    assert_eq!(h.get_by_label("Copies").rect(), copies, "nothing moved");
    assert_eq!(h.get_by_label("Cancel").rect(), width, "nor grew");
}
