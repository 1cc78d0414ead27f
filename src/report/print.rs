//! Sending a PDF to a printer: CUPS `lpstat`/`lp` on Linux and macOS, the shell's print verb
//! on Windows. Every external command gets its arguments one by one, never a shell string,
//! so a printer or file name with shell metacharacters is only ever a name.

use super::Paper;
use std::path::Path;
use std::process::Command;

/// A print request.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintJob {
    /// `None`: the system's default printer.
    pub printer: Option<String>,
    pub copies: u32,
    pub paper: Paper,
    /// The job's name in the print queue (and the PDF title a PDF printer gives its file).
    pub title: String,
}

fn run(cmd: &mut Command, what: &str) -> Result<String, String> {
    let out = cmd.output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{what}: no print service found ({e})"),
        _ => format!("{what}: {e}"),
    })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(format!(
            "{what}: {}",
            if err.is_empty() {
                out.status.to_string()
            } else {
                err
            }
        ))
    }
}

/// Printer names and the default printer, if the system has one.
pub type Printers = (Vec<String>, Option<String>);

/// The printers the system knows.
pub fn printers() -> Result<Printers, String> {
    if cfg!(windows) {
        let names = run(
            Command::new("powershell").args([
                "-NoProfile",
                "-Command",
                "Get-Printer | Select-Object -ExpandProperty Name",
            ]),
            "Get-Printer",
        )?;
        return Ok((names.lines().map(str::to_string).collect(), None));
    }
    // `lpstat -e` lists destinations; it fails when there are none, which is not an error.
    let names = run(Command::new("lpstat").arg("-e"), "lpstat").unwrap_or_default();
    let default = run(Command::new("lpstat").arg("-d"), "lpstat")
        .ok()
        .and_then(|s| s.rsplit_once(": ").map(|(_, n)| n.trim().to_string()))
        .filter(|n| !n.is_empty() && !n.contains(' '));
    let names: Vec<String> = names
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if names.is_empty() && which_lpstat().is_err() {
        return Err("lpstat: no print service found (install CUPS)".into());
    }
    Ok((names, default))
}

fn which_lpstat() -> Result<(), String> {
    run(Command::new("lpstat").arg("-r"), "lpstat").map(|_| ())
}

/// Checks a printer name before it reaches a print command: a leading `-` would read as an
/// option. Any other character is passed through as data.
pub fn check_printer_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.starts_with('-') || name.contains('\0') {
        return Err(format!("{name:?} is not a printer name"));
    }
    Ok(())
}

/// Sends the PDF file to the printer; returns what the print service said (the job id).
pub fn print_file(path: &Path, job: &PrintJob) -> Result<String, String> {
    if let Some(p) = &job.printer {
        check_printer_name(p)?;
    }
    let copies = job.copies.clamp(1, 999);
    if cfg!(windows) {
        // The PDF viewer's print verbs. The file, printer and count reach PowerShell as
        // environment variables, which it reads as data: nothing of them is parsed as code.
        let script = "for ($i = 0; $i -lt [int]$env:ATTAIN_COPIES; $i++) { \
            if ($env:ATTAIN_PRINTER) { Start-Process -FilePath $env:ATTAIN_PDF -Verb PrintTo -ArgumentList ('\"' + $env:ATTAIN_PRINTER + '\"') -Wait } \
            else { Start-Process -FilePath $env:ATTAIN_PDF -Verb Print -Wait } }";
        return run(
            Command::new("powershell")
                .args(["-NoProfile", "-NonInteractive", "-Command", script])
                .env("ATTAIN_PDF", path)
                .env("ATTAIN_PRINTER", job.printer.as_deref().unwrap_or(""))
                .env("ATTAIN_COPIES", copies.to_string()),
            "print",
        );
    }
    let (printers, default) = printers()?;
    let target = job.printer.clone().or(default);
    if printers.is_empty() {
        return Err("no printer is installed".into());
    }
    let mut cmd = Command::new("lp");
    if let Some(p) = &target {
        if !printers.contains(p) {
            return Err(format!("there is no printer named {p:?}"));
        }
        cmd.arg("-d").arg(p);
    }
    let media = match job.paper {
        Paper::A4 => "media=A4",
        Paper::Letter => "media=Letter",
    };
    if !job.title.is_empty() {
        cmd.arg("-t").arg(&job.title);
    }
    cmd.arg("-n")
        .arg(copies.to_string())
        .arg("-o")
        .arg(media)
        .arg("--")
        .arg(path);
    run(&mut cmd, "lp")
}

/// Writes the PDF to a private temporary file (random name, owner only) and prints it; the
/// file is removed once the print service has copied it (CUPS does so before `lp` returns).
/// On Windows the viewer may still be reading it: it stays in the temporary folder.
pub fn print_pdf(pdf: &[u8], job: &PrintJob) -> Result<String, String> {
    use std::io::Write as _;
    let mut file = tempfile::Builder::new()
        .prefix("attain-print-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| format!("{}: {e}", std::env::temp_dir().display()))?;
    file.write_all(pdf)
        .and_then(|()| file.flush())
        .map_err(|e| format!("{}: {e}", file.path().display()))?;
    let result = print_file(file.path(), job);
    if cfg!(windows) {
        file.into_temp_path().keep().ok();
    }
    result
}
