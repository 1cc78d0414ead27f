//! Resident memory of the window's state with 100,000 employees (about 20 achievements
//! each): the workspace loaded from SQLite, evaluated, and drawn for a few frames.
//! Prints its figures: `cargo bench --bench memory`; with `PROBE=1`, also the live heap after
//! each phase of one evaluation (engine, report, timeline instants, reminders).

use attain::app::{AttainApp, Panel};
use attain::store::Store;
use std::time::Instant;

/// Counts the bytes allocated and not yet freed, to tell live data from allocator slack.
struct Counting;
static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), std::sync::atomic::Ordering::Relaxed) + l.size();
        PEAK.fetch_max(now, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: same layout contract as the caller's.
        unsafe { std::alloc::System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        LIVE.fetch_sub(l.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: `p` came from `alloc` with this layout.
        unsafe { std::alloc::System.dealloc(p, l) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> String {
    format!(
        "{} MB live",
        LIVE.load(std::sync::atomic::Ordering::Relaxed) >> 20
    )
}

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string())
        })
        .map_or_else(
            || "n/a".into(),
            |kb| format!("{} MB", kb.parse::<u64>().map_or(0, |k| k / 1024)),
        )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        measure(std::path::Path::new(&args[i + 1]));
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("big.attain");
    {
        let catalog = attain::io::catalog_file::default_catalog();
        let mut org = attain::model::synth::synthetic_org(&catalog, 100_000, 20, 42);
        org.name = "Contoso 100k".into();
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let t = Instant::now();
        let id = store.insert_org(&org).unwrap_or_else(|e| panic!("{e}"));
        store
            .set_setting("current_org", &id.to_string())
            .unwrap_or_else(|e| panic!("{e}"));
        println!(
            "insert 100k employees / {} achievements: {:?}",
            org.employees
                .iter()
                .map(|e| e.achievements.len())
                .sum::<usize>(),
            t.elapsed()
        );
    }
    // Measured in a fresh process, so the generator's memory does not count.
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(exe)
        .arg("--measure")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
}

fn measure(path: &std::path::Path) {
    let t = Instant::now();
    let store = Store::open(path).unwrap_or_else(|e| panic!("{e}"));
    let app = AttainApp::new(store).unwrap_or_else(|e| panic!("{e}"));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(AttainApp::setup)
        .build_ui_state(|ui, app: &mut AttainApp| app.ui_root(ui), app);
    // A large organisation is read by a worker while the window shows its placeholder.
    while h.state().loading.busy() {
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    println!(
        "open + load: {:?}, {} employees; resident {}",
        t.elapsed(),
        h.state().org.employees.len(),
        status("VmRSS:")
    );
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: glibc's malloc_trim only returns free memory to the system.
    unsafe { malloc_trim(0) };
    println!(
        "loaded, trimmed: {}, {}, peak so far {}",
        status("VmRSS:"),
        live(),
        status("VmHWM:")
    );
    if std::env::var_os("PROBE").is_some() {
        use std::sync::atomic::Ordering::Relaxed;
        let org = h.state().org.clone();
        let catalog = h.state().catalog.clone();
        let as_of = attain::model::synth::as_of();
        let mark = |what: &str| {
            println!(
                "{what}: live {} MB, peak live {} MB",
                LIVE.load(Relaxed) >> 20,
                PEAK.swap(LIVE.load(Relaxed), Relaxed) >> 20
            )
        };
        mark("start");
        let engine = attain::eval::Engine::new(&catalog, &org).unwrap_or_else(|e| panic!("{e}"));
        mark("engine");
        let report = engine.report(as_of);
        mark("report");
        let end = as_of.day().add_months(12).start();
        let instants = attain::eval::timeline::change_instants(&engine, &org, &catalog, as_of, end);
        mark("change_instants");
        for t in instants.iter().take(50) {
            std::hint::black_box(engine.levels_at(*t));
        }
        mark("50 levels_at");
        let rem = attain::eval::reminders::reminders_with(&engine, as_of);
        mark("reminders");
        drop((rem, report, engine));
        mark("dropped");
    }
    h.state_mut().run(attain::app::Command::SetAsOf(Some(
        attain::model::synth::as_of(),
    )));
    h.state_mut().eval.wait();
    println!(
        "open + load + evaluate: {:?}; resident {}, peak so far {}",
        t.elapsed(),
        status("VmRSS:"),
        status("VmHWM:")
    );
    // One edit as the window makes it: validated, written in one transaction, re-evaluated
    // (on a worker). What the UI thread spends on it:
    let first = h.state().org.employees[0].id.clone();
    let t = Instant::now();
    h.state_mut().run(attain::app::Command::Edit(
        attain::model::Edit::AddAchievement {
            employee: first,
            achievement: attain::model::Achievement::new("70-533", attain::model::synth::as_of()),
        },
    ));
    println!("one edit on the UI thread: {:?}", t.elapsed());
    h.state_mut().eval.wait();
    for p in Panel::ALL {
        h.state_mut().panel = p;
        h.step();
    }
    // An idle moment, as a window has between edits: replaced results are freed by a worker,
    // which hands their pages back 300 ms later.
    std::thread::sleep(std::time::Duration::from_millis(800));
    println!(
        "resident memory now: {}, peak: {}",
        status("VmRSS:"),
        status("VmHWM:")
    );
    // SAFETY: glibc's malloc_trim only returns free memory to the system.
    unsafe { malloc_trim(0) };
    println!("after malloc_trim: {}, {}", status("VmRSS:"), live());
    let trim = |what: &str| {
        // SAFETY: as above.
        unsafe { malloc_trim(0) };
        println!("after dropping {what}: {}, {}", status("VmRSS:"), live());
    };
    if let (Some(r), Some(m)) = (&h.state().eval.report, &h.state().eval.reminders) {
        println!(
            "reminders {}, not_credited {}, alerts {} (employee ids {}), warnings {}",
            m.len(),
            r.not_credited.len(),
            r.alerts.len(),
            r.alerts
                .iter()
                .map(|a| a.employees.as_ref().map_or(0, Vec::len))
                .sum::<usize>(),
            r.input_warnings.len()
        );
        println!(
            "reminder view {} bytes, timeline points {}",
            std::mem::size_of::<attain::eval::reminders::Reminder>(),
            h.state()
                .eval
                .timeline
                .as_ref()
                .map_or(0, |t| t.points.len())
        );
    }
    let f = &mut h.state_mut().forecast;
    f.whatif.clear();
    trim("whatif");
    f.risk.clear();
    trim("risk");
    f.credit.clear();
    f.plan.clear();
    trim("credit+plan");
    h.state_mut().eval.report = None;
    trim("report");
    h.state_mut().eval.timeline = None;
    h.state_mut().eval.reminders = None;
    trim("timeline+reminders");
    h.state_mut().views = Default::default();
    trim("views");
    h.state_mut().org = std::sync::Arc::new(attain::model::Org::new(
        "x",
        attain::model::Market::Developed,
    ));
    trim("org");
    unsafe extern "C" {
        fn malloc_stats();
    }
    // SAFETY: prints the allocator's statistics to stderr.
    unsafe { malloc_stats() };
    println!(
        "of which anonymous {}, file-backed (code) {}",
        status("RssAnon:"),
        status("RssFile:")
    );
}
