//! The window's own file chooser, shown when the system has no file dialog: a path field with
//! the last folder and the default name filled in, Tab completion, and the folder's listing.

use crate::app::dialogs::{Entry, PathAsk, complete, list_folder, split_typed};
use crate::app::{Command, ViewCtx};
use egui::{Key, Modifiers};
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct PathFieldView {
    pub open: Option<PathField>,
}

pub struct PathField {
    pub ask: PathAsk,
    pub text: String,
    /// The folder listed and its entries (read again when the typed folder changes).
    listed: Option<(PathBuf, Vec<Entry>)>,
    /// Put the cursor in the field (when it opens, and after a completion).
    focus: bool,
    /// Why the last "Open"/"Save" was refused.
    pub problem: Option<String>,
}

impl PathFieldView {
    pub fn ask(&mut self, ask: &PathAsk) {
        self.open = Some(PathField {
            text: ask.start.display().to_string(),
            ask: ask.clone(),
            listed: None,
            focus: true,
            problem: None,
        });
    }
}

pub fn path_field_ui(
    ctx: &ViewCtx,
    view: &mut PathFieldView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    let Some(field) = &mut view.open else {
        return;
    };
    let mut close = false;
    let file_for = field.ask.file_for;
    let (dir, _) = split_typed(&field.text);
    if field.listed.as_ref().is_none_or(|(d, _)| *d != dir) {
        let entries = list_folder(&dir, file_for.extensions());
        field.listed = Some((dir.clone(), entries));
    }
    let modal = egui::Modal::new(egui::Id::unique("path-field")).show(ui.ctx(), |ui| {
        ui.set_width(640.0);
        ui.heading(ctx.t(file_for.title_key()));
        let why = match field.ask.why {
            crate::app::dialogs::NoSystemDialog::Missing => "path-field-why-missing",
            crate::app::dialogs::NoSystemDialog::TurnedOff => "path-field-why-off",
        };
        ui.label(ctx.t(why));
        ui.add_space(6.0);
        let id = ui.make_persistent_id("path-field-text");
        let edit = egui::TextEdit::singleline(&mut field.text)
            .id(id)
            .desired_width(f32::INFINITY)
            // Tab completes instead of leaving the field.
            .lock_focus(true);
        let response = ui
            .horizontal(|ui| {
                let label = ui.label(ctx.t("path-field-label"));
                ui.add(edit).labelled_by(label.id)
            })
            .inner;
        if field.focus {
            response.request_focus();
            field.focus = false;
        }
        let entries = field.listed.as_ref().map_or(&[][..], |(_, e)| &e[..]);
        if response.has_focus() && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab)) {
            field.text = complete(&field.text, entries);
            set_cursor_at_end(ui, id, &field.text);
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.weak(ctx.t("path-field-hint"));
        let mut picked: Option<(String, bool)> = None;
        // A fixed height: the dialog (centred) does not jump as the listing changes.
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(up) = dir.parent()
                    && ui.selectable_label(false, ctx.t("path-field-up")).clicked()
                {
                    let mut text = up.display().to_string();
                    if !text.ends_with(std::path::MAIN_SEPARATOR) {
                        text.push(std::path::MAIN_SEPARATOR);
                    }
                    field.text = text;
                    field.focus = true;
                }
                if entries.is_empty() {
                    ui.weak(ctx.t("path-field-empty-folder"));
                }
                for e in entries {
                    // Folders first, in bold, with their separator.
                    let text = if e.folder {
                        egui::RichText::new(format!("{}{}", e.name, std::path::MAIN_SEPARATOR))
                            .strong()
                    } else {
                        egui::RichText::new(&e.name)
                    };
                    let r = ui.selectable_label(false, text);
                    if r.double_clicked() && !e.folder {
                        picked = Some((e.name.clone(), true));
                    } else if r.clicked() {
                        picked = Some((e.name.clone(), false));
                    }
                }
            });
        let mut accept = enter;
        if let Some((name, choose)) = picked {
            let mut path = dir.join(&name).display().to_string();
            if dir.join(&name).is_dir() {
                path.push(std::path::MAIN_SEPARATOR);
            }
            field.text = path;
            field.focus = true;
            accept |= choose;
        }
        let target = PathBuf::from(&field.text);
        let saves = file_for.saves();
        if saves && target.is_file() {
            ui.colored_label(
                super::widgets::AMBER,
                ctx.tr
                    .t("path-field-replaces", &[("path", field.text.clone())]),
            );
        }
        if let Some(p) = &field.problem {
            ui.colored_label(super::widgets::RED, p);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let label = ctx.t(if saves {
                "path-field-save"
            } else {
                "path-field-open"
            });
            accept |= ui.button(label).clicked();
            close |= ui.button(ctx.t("button-cancel")).clicked();
        });
        if accept {
            match refusal(ctx, &target, saves) {
                None => {
                    cmds.push(file_for.command(target));
                    close = true;
                }
                Some(why) => field.problem = Some(why),
            }
        }
    });
    if close || modal.should_close() {
        view.open = None;
    }
}

/// Why a typed path cannot be opened or saved to (`None`: it can).
fn refusal(ctx: &ViewCtx, path: &Path, saves: bool) -> Option<String> {
    let shown = || vec![("path", path.display().to_string())];
    if path.is_dir() || path.as_os_str().is_empty() {
        return Some(ctx.t(if saves {
            "path-field-no-name"
        } else {
            "path-field-not-a-file"
        }));
    }
    if saves {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        match folder {
            Some(f) if !f.is_dir() => Some(
                ctx.tr
                    .t("path-field-no-folder", &[("path", f.display().to_string())]),
            ),
            _ => None,
        }
    } else if !path.is_file() {
        Some(ctx.tr.t("path-field-not-found", &shown()))
    } else {
        None
    }
}

/// Moves the text cursor after a completion to the end of the text.
fn set_cursor_at_end(ui: &egui::Ui, id: egui::Id, text: &str) {
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
        let end = egui::text::CCursor::new(text.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ui.ctx(), id);
    }
}
