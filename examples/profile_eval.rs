//! Evaluates a synthetic organisation repeatedly, for a profiler (`perf record`).
//! `profile_eval [employees] [full|report]`: `full` prepares the engine every time.
#![allow(clippy::expect_used)] // a profiling aid: a failure stops it loudly
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let full = args.get(2).is_some_and(|m| m == "full");
    let catalog = attain::io::catalog_file::default_catalog();
    let org = attain::model::synth::synthetic_org(&catalog, n, 20, 42);
    let engine = attain::eval::Engine::new(&catalog, &org).expect("synthetic org is valid");
    let mut count = 0;
    for _ in 0..20 {
        let r = if full {
            attain::eval::evaluate(&catalog, &org, attain::model::synth::as_of()).expect("valid")
        } else {
            engine.report(attain::model::synth::as_of())
        };
        count += r.not_credited.len();
    }
    println!("{count}");
}
