//! The real window: the binary under its own Xvfb with a fresh `--db`, found with xdotool,
//! a click on the Competency paths tab, screenshots that are not blank and that changed.
//! `scripts/test.sh` installs xvfb, xdotool and imagemagick.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

fn need(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "{tool} is missing: run `bash scripts/test.sh`, which installs it"
    );
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("command runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn screenshot(display: &str, to: &Path) -> f64 {
    let ok = Command::new("import")
        .args(["-window", "root", to.to_str().unwrap()])
        .env("DISPLAY", display)
        .status()
        .unwrap();
    assert!(ok.success(), "import failed");
    let sd = run(Command::new("convert").args([
        to.to_str().unwrap(),
        "-format",
        "%[fx:standard_deviation]",
        "info:",
    ]));
    sd.parse().unwrap_or(0.0)
}

/// A display of its own: Xvfb at 1280×800, killed when the guard drops.
fn xvfb() -> (Killed, String) {
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(xvfb.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (Killed(xvfb), format!(":{}", line.trim()))
}

/// attain's window on `display`: `--db` and what follows are `args`.
fn window_on(display: &str, runtime: &Path, args: &[&std::ffi::OsStr]) -> Killed {
    let app = Command::new(env!("CARGO_BIN_EXE_attain"))
        .arg("--db")
        .args(args)
        .env("DISPLAY", display)
        .env("XDG_RUNTIME_DIR", runtime)
        .env("LANG", "en_US.UTF-8")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Killed(app)
}

#[test]
fn the_window_opens_and_shows_the_competencies() {
    for tool in ["Xvfb", "xdotool", "import", "convert"] {
        need(tool);
    }
    let dir = tempfile::tempdir().unwrap();
    let runtime = dir.path().join("xdg");
    std::fs::create_dir(&runtime).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let (_xvfb, display) = xvfb();

    let start = Instant::now();
    let db = dir.path().join("w.attain");
    let _app = window_on(&display, &runtime, &[db.as_os_str()]);
    let window = loop {
        let id = run(Command::new("xdotool")
            .args(["search", "--name", "^attain$"])
            .env("DISPLAY", &display));
        if let Some(first) = id.lines().next().filter(|l| !l.is_empty()) {
            break first.to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no attain window within 60 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_secs(3));
    let before = dir.path().join("before.png");
    assert!(
        screenshot(&display, &before) > 0.02,
        "the first screenshot is blank"
    );

    // The panel tabs are the second row of the top bar; "Competency paths" is the fourth.
    let geometry = run(Command::new("xdotool")
        .args(["getwindowgeometry", "--shell", &window])
        .env("DISPLAY", &display));
    let field = |k: &str| {
        geometry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .and_then(|v| v.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let (x, y) = (field("X") + 360, field("Y") + 39);
    run(Command::new("xdotool")
        .args(["mousemove", &x.to_string(), &y.to_string(), "click", "1"])
        .env("DISPLAY", &display));
    std::thread::sleep(Duration::from_secs(2));
    let after = dir.path().join("after.png");
    assert!(
        screenshot(&display, &after) > 0.02,
        "the screenshot after the click is blank"
    );
    let changed = Command::new("compare")
        .args([
            "-metric",
            "AE",
            before.to_str().unwrap(),
            after.to_str().unwrap(),
            "null:",
        ])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stderr)
                .split_whitespace()
                .next()
                .and_then(|n| n.parse::<f64>().ok())
                .unwrap_or(0.0)
        })
        .unwrap_or(0.0);
    assert!(
        changed > 1000.0,
        "the click on Competency paths changed nothing ({changed} pixels differ)"
    );
    if let Ok(keep) = std::env::var("ATTAIN_SCREENSHOT_DIR") {
        std::fs::copy(
            &after,
            Path::new(&keep).join("real-window-competencies.png"),
        )
        .ok();
    }
}

/// What a double-click on an org file runs: `attain FILE.org.ron` opens the window and loads it.
#[test]
fn an_org_file_given_on_the_command_line_is_loaded_by_the_window() {
    need("Xvfb");
    let dir = tempfile::tempdir().unwrap();
    let runtime = dir.path().join("xdg");
    std::fs::create_dir(&runtime).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let demo = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/demo/contoso.org.ron"
    ))
    .unwrap();
    let file = dir.path().join("fabrikam.org.ron");
    std::fs::write(
        &file,
        demo.replacen("\"Contoso Italia S.r.l.\"", "\"Fabrikam S.p.A.\"", 1),
    )
    .unwrap();
    let (_xvfb, display) = xvfb();
    let db = dir.path().join("w.attain");
    let _app = window_on(&display, &runtime, &[db.as_os_str(), file.as_os_str()]);
    let start = Instant::now();
    loop {
        let names: Vec<String> = rusqlite::Connection::open(&db)
            .and_then(|c| {
                let mut st = c.prepare("SELECT name FROM organisations")?;
                let names = st
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<Vec<String>, _>>()?;
                Ok(names)
            })
            .unwrap_or_default();
        if names.iter().any(|n| n == "Fabrikam S.p.A.") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the file was not loaded within 60 s: {names:?}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}
