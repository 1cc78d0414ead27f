//! Small pieces shared by the panels: level badges, date fields, colours.

use crate::eval::LevelName;
use crate::i18n::Tr;
use egui::{Color32, RichText};

pub const GOLD: Color32 = Color32::from_rgb(0xC9, 0x9A, 0x06);
pub const SILVER: Color32 = Color32::from_rgb(0x8A, 0x94, 0xA6);
pub const RED: Color32 = Color32::from_rgb(0xD0, 0x3B, 0x3B);
pub const AMBER: Color32 = Color32::from_rgb(0xE0, 0x8A, 0x00);
pub const GREEN: Color32 = Color32::from_rgb(0x2E, 0x9D, 0x4F);

pub fn level_color(l: LevelName) -> Color32 {
    match l {
        LevelName::Gold => GOLD,
        LevelName::Silver => SILVER,
        LevelName::None => Color32::GRAY,
    }
}

pub fn level_text(tr: &Tr, l: LevelName) -> RichText {
    RichText::new(tr.level(l)).color(level_color(l)).strong()
}

/// A labelled single-line text field, findable by its label in tests and screen readers.
pub fn labelled_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    width: f32,
) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id)
}

/// Adds DejaVu Sans as a fallback font: arrows, warning signs and scripts the default font
/// lacks (Cyrillic, more of Greek and Latin Extended) render on every OS.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let data = egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf"));
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new("DejaVuSans", data, families));
}

/// A result the user asks for: the button until asked, a spinner while it is computed, the
/// error in red, then the value.
pub fn on_request_ui<'a, T>(
    ui: &mut egui::Ui,
    job: &'a crate::app::jobs::Job<Result<T, String>>,
    labels: (&str, &str),
    ask: crate::app::Command,
    cmds: &mut Vec<crate::app::Command>,
) -> Option<&'a T> {
    let (button, running) = labels;
    if job.result.is_none() && !job.busy() {
        if ui.button(button).clicked() {
            cmds.push(ask);
        }
        return None;
    }
    if job.busy() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(running);
        });
    }
    match job.result.as_ref()? {
        Ok(v) => Some(v),
        Err(e) => {
            ui.colored_label(RED, e);
            None
        }
    }
}
