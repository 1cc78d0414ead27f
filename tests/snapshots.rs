//! Image snapshots of the window, rendered with wgpu (Mesa llvmpipe, no GPU) at a fixed
//! as-of date, behind the `snapshots` feature: `bash scripts/snapshots.sh`. A changed image
//! fails with a diff next to it; `UPDATE_SNAPSHOTS=1` accepts the new one.
#![cfg(feature = "snapshots")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use attain::app::{AttainApp, Panel};
use egui_kittest::Harness;

fn harness(app: AttainApp) -> Harness<'static, AttainApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(40)
        .wgpu()
        .with_context_setup(AttainApp::setup)
        .build_ui_state(|ui, app: &mut AttainApp| app.ui_root(ui), app)
}

#[test]
fn the_main_panels_look_as_recorded() {
    // One harness: its snapshot results are checked together when it is dropped.
    let mut h = harness(common::ui::app());
    for (panel, name) in [
        (Panel::Competencies, "competencies"),
        (Panel::Membership, "membership"),
        (Panel::Employees, "employees"),
        (Panel::Timeline, "timeline"),
    ] {
        h.state_mut().panel = panel;
        for _ in 0..4 {
            h.step();
        }
        h.snapshot(name);
    }
}
