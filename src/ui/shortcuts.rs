//! Keyboard shortcuts: the same commands as the buttons.

use crate::app::{Command, Panel};
use egui::{Key, KeyboardShortcut, Modifiers};

pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const IMPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);
pub const PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);

/// `modal`: a dialog is open, which takes the keys. Ctrl+Z in a text field undoes typing
/// there, not the last saved change.
pub fn shortcuts_ui(ui: &mut egui::Ui, cmds: &mut Vec<Command>, modal: bool) {
    if modal {
        return;
    }
    let typing = ui.ctx().egui_wants_keyboard_input();
    ui.ctx().input_mut(|i| {
        if !typing && i.consume_shortcut(&UNDO) {
            cmds.push(Command::Undo);
        }
        if i.consume_shortcut(&OPEN) {
            cmds.push(Command::LoadOrgDialog);
        }
        if i.consume_shortcut(&EXPORT) {
            cmds.push(Command::ExportOrgDialog);
        }
        if i.consume_shortcut(&FIND) {
            cmds.push(Command::FocusSearch);
        }
        if i.consume_shortcut(&IMPORT) {
            cmds.push(Command::ImportUsersDialog);
        }
        if i.consume_shortcut(&PRINT) {
            cmds.push(Command::Print(crate::app::printing::PrintCommand::Open));
        }
        for (n, key) in [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
            Key::Num0,
        ]
        .into_iter()
        .enumerate()
        {
            if i.consume_key(Modifiers::ALT, key) {
                cmds.push(Command::Show(Panel::ALL[n]));
            }
        }
    });
}
