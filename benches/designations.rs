//! Designations at 10,000 people: every designation on both tracks over the six-month window
//! with its steps, history, alerts and not-credited list (designations.md; the goal is 20 ms).
//!
//! `cargo bench --bench designations`; the figures are in the README.

use attain::eval::spp_engine::SppEngine;
use attain::io::catalog_file::default_spp;
use attain::model::synth::{designation_as_of, synthetic_designation_org};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let spp = default_spp();
    let t = designation_as_of();
    let mut group = c.benchmark_group("designations");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for n in [1_000usize, 10_000] {
        let org = synthetic_designation_org(&spp, n, 20, 7);
        group.bench_function(format!("prepare_{n}"), |b| {
            b.iter(|| black_box(SppEngine::new(&spp, &org).map(|e| e.people.len())))
        });
        // The scores: six designations, both tracks, every instant of the window.
        group.bench_function(format!("score_window_{n}"), |b| {
            b.iter(|| {
                let engine = SppEngine::new(&spp, &org).unwrap_or_else(|e| panic!("{e}"));
                let windows = engine.windows(t);
                black_box((windows.len(), engine.scores_at(t).len()))
            })
        });
        // The report's designation part: the scores with every step's people, the alerts
        // and the achievements not credited.
        group.bench_function(format!("report_{n}"), |b| {
            b.iter(|| {
                let engine = SppEngine::new(&spp, &org).unwrap_or_else(|e| panic!("{e}"));
                let facts = engine.facts(t);
                let reports = engine.designation_reports(t, &facts);
                let alerts = engine.alerts(t, &facts);
                black_box((
                    reports.len(),
                    alerts.len(),
                    engine.not_credited(&facts).len(),
                ))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
