//! Bulk user import of the 100,000-row file of ../shared/fixtures/users/make_large.py:
//! parsed, validated and inserted into a fresh workspace in one transaction. A bench binary
//! that prints its figures (time and peak memory of a child process): `cargo bench --bench import`.

use attain::model::{Market, Org};
use attain::store::Store;
use std::path::Path;
use std::time::Instant;

mod common;
use common::peak_mb;

/// The binary's allocator: its imports allocate with mimalloc, unless a run asks for the
/// system's (`--system`), to compare the two.
#[global_allocator]
static ALLOCATOR: attain::model::mem::Allocator = attain::model::mem::Allocator;

fn measure(file: &Path, db: &Path) {
    let t = Instant::now();
    let (_, stream) =
        attain::io::table::open_file(file, Box::new(|_| true)).unwrap_or_else(|e| panic!("{e}"));
    let check = attain::io::users::check_users_stream(stream);
    let parsed = t.elapsed();
    let mut store = Store::open(db).unwrap_or_else(|e| panic!("{e}"));
    let mut org = Org::new("Contoso Italia S.r.l.", Market::Developed);
    org.domain = Some("contoso.it".into());
    let id = store.insert_org(&org).unwrap_or_else(|e| panic!("{e}"));
    let t2 = Instant::now();
    let (created, counts, _) = store
        .import_users(
            id,
            &mut org,
            &check.valid,
            &check.source("users-100k.csv", "bench"),
            &attain::io::accounts::temporary_passwords,
            &mut |_, _| true,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let inserted = t2.elapsed();
    println!(
        "users import, {} rows: parse + validate {:?}, insert {:?} ({} created, {} passwords), total {:?}, peak memory {}",
        check.data_rows,
        parsed,
        inserted,
        counts.created,
        created.iter().filter(|c| c.password.is_some()).count(),
        t.elapsed(),
        peak_mb()
    );
}

/// The Trainings export: read, mapped, planned against an empty organisation, inserted.
fn measure_trainings(file: &Path, db: &Path) {
    let t = Instant::now();
    let (_, stream) =
        attain::io::table::open_file(file, Box::new(|_| true)).unwrap_or_else(|e| panic!("{e}"));
    let catalog = attain::io::catalog_file::default_catalog();
    let today = attain::model::Day::ymd(2021, 10, 1).unwrap_or_else(|| panic!("date"));
    let check = attain::io::trainings::check_trainings_stream(
        stream,
        &catalog,
        attain::io::trainings::DateOrder::DayFirst,
        "Contoso Italia S.r.l.",
        today,
    );
    let mut store = Store::open(db).unwrap_or_else(|e| panic!("{e}"));
    let mut org = Org::new("Contoso Italia S.r.l.", Market::Developed);
    org.domain = Some("contoso.it".into());
    let id = store.insert_org(&org).unwrap_or_else(|e| panic!("{e}"));
    let plan = attain::io::achievements_plan::plan(&org, &check, "trainings-import");
    let (people, found) = (plan.added.len(), check.found.len());
    let source = || {
        plan.diff
            .source(&check, "trainings", "trainings-100k.csv", "bench")
    };
    store
        .import_achievements(id, &mut org, plan.added, plan.changed, source)
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "trainings import, {} rows: {} individuals, {} achievements, {} unmapped; total {:?}, peak memory {}",
        check.data_rows,
        people,
        found,
        check.unmapped.len(),
        t.elapsed(),
        peak_mb()
    );
}

/// Writes a large file with one of ../shared/fixtures' generators.
fn generate(fixture: &str, file: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(fixture)
        .join("make_large.py");
    let ok = std::process::Command::new("python3")
        .arg(&script)
        .arg(file)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "python3 {} failed", script.display());
}

/// Measures `mode` (`--measure`, `--measure-trainings`) of `file` in fresh processes,
/// alternating allocators, twice each: this machine's timings drift from one run to the next.
fn compare(dir: &Path, mode: &str, file: &Path) {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let runs = [
        ("mimalloc", None),
        ("the system's allocator", Some("--system")),
    ];
    for (i, (allocator, flag)) in runs.into_iter().cycle().take(4).enumerate() {
        let db = dir.join(format!("{}{i}.attain", &mode[2..]));
        let out = std::process::Command::new(&exe)
            .arg(mode)
            .arg(file)
            .arg(&db)
            .args(flag)
            // As the binary's constructor sets it (src/main.rs): with mimalloc's arena
            // committed whole, parsing users here took 0.4 s instead of 0.08 s.
            .env("MIMALLOC_ARENA_EAGER_COMMIT", "0")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        print!("with {allocator}: {}", String::from_utf8_lossy(&out.stdout));
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if !args.iter().any(|a| a == "--system") {
        attain::model::mem::use_mimalloc();
    }
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        measure(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--measure-trainings") {
        measure_trainings(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let users = dir.path().join("users-100k.csv");
    generate("users", &users);
    compare(dir.path(), "--measure", &users);
    let trainings = dir.path().join("trainings-100k.csv");
    generate("trainings", &trainings);
    compare(dir.path(), "--measure-trainings", &trainings);
}
