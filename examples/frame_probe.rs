//! Times UI frames with 100k employees, with and without the alerts, to find frame costs.
#![allow(clippy::expect_used)] // a profiling aid: a failure stops it loudly
use attain::app::{AttainApp, Command, Panel};
use std::sync::Arc;
fn main() {
    let mut app =
        AttainApp::new(attain::store::Store::open_in_memory().expect("store")).expect("app");
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    app.org = std::sync::Arc::new(attain::model::synth::synthetic_org(&app.catalog, n, 20, 42));
    app.run(Command::SetAsOf(Some(attain::model::synth::as_of())));
    app.eval.wait();
    println!(
        "alerts {}",
        app.eval.report.as_ref().map_or(0, |r| r.alerts.len())
    );
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(AttainApp::setup)
        .build_ui_state(|ui, app: &mut AttainApp| app.ui_root(ui), app);
    for label in ["full", "no-alerts"] {
        if label == "no-alerts" {
            let mut r = (**h.state().eval.report.as_ref().expect("report")).clone();
            r.alerts.clear();
            h.state_mut().eval.report = Some(Arc::new(r));
        }
        h.state_mut().panel = Panel::Employees;
        h.step();
        let t = std::time::Instant::now();
        for _ in 0..10 {
            h.step();
        }
        println!("{label}: {:?} per frame", t.elapsed() / 10);
    }
}
