//! The window's panels and dialogs, one file each. Drawing functions end in `_ui`, read the
//! application state and push [`crate::app::Command`]s; they never change the data directly.

pub mod achievements;
pub mod alerts;
pub mod competencies;
pub mod confirm;
pub mod credit;
pub mod employees;
pub mod imports;
pub mod membership;
pub mod organisations;
pub mod password;
pub mod plan;
pub mod print_dialog;
pub mod reminders;
pub mod risk;
pub mod sandbox;
pub mod shortcuts;
pub mod status_bar;
pub mod timeline;
pub mod top_bar;
pub mod widgets;
