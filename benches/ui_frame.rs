//! One UI frame (kittest harness, no GPU) with 100,000 employees loaded, per panel.
//!
//! `cargo bench --bench ui_frame`; the figures are in the README.

use attain::app::{AttainApp, Command, Panel};
use attain::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let mut app = AttainApp::new(Store::open_in_memory().unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    app.org = std::sync::Arc::new(attain::model::synth::synthetic_org(
        &app.catalog,
        100_000,
        20,
        42,
    ));
    app.run(Command::SetAsOf(Some(attain::model::synth::as_of())));
    app.eval.wait();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(AttainApp::setup)
        .build_ui_state(|ui, app: &mut AttainApp| app.ui_root(ui), app);
    let mut group = c.benchmark_group("ui_frame_100k");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    for panel in [
        Panel::Employees,
        Panel::Competencies,
        Panel::Membership,
        Panel::Timeline,
        Panel::Reminders,
    ] {
        h.state_mut().panel = panel;
        h.step();
        group.bench_function(format!("{panel:?}"), |b| b.iter(|| h.step()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
