//! Image snapshots of the window, rendered with wgpu (Mesa llvmpipe, no GPU) at a fixed
//! as-of date, behind the `snapshots` feature: `bash scripts/snapshots.sh`. A changed image
//! fails with a diff next to it; `UPDATE_SNAPSHOTS=1` accepts the new one.
#![cfg(feature = "snapshots")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use attain::app::{AttainApp, Command, Panel};
use attain::i18n::Lang;
use egui_kittest::Harness;

fn harness(app: AttainApp) -> Harness<'static, AttainApp> {
    // 1280×800: the common laptop the window is checked at.
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .wgpu()
        .with_context_setup(AttainApp::setup)
        .build_ui_state(|ui, app: &mut AttainApp| app.ui_root(ui), app)
}

/// Every panel, in English and in Italian: `tests/snapshots/{en,it}-{panel}.png`.
#[test]
fn every_panel_looks_as_recorded_in_both_languages() {
    // One harness: its snapshot results are checked together when it is dropped.
    let mut h = harness(common::ui::app());
    for lang in [Lang::En, Lang::It] {
        h.state_mut().run(Command::SetLang(lang));
        for panel in Panel::ALL {
            h.state_mut().panel = panel;
            for _ in 0..4 {
                h.step();
            }
            let name = panel.message_id().trim_start_matches("panel-");
            h.snapshot(&format!("{}-{name}", lang.code()));
        }
    }
}
