//! attain: follow a partner organisation's competencies, memberships and renewals offline.
//!
//! Layers (architecture.md): `model` (plain types) <- `eval` (the engine) and `io` (files)
//! <- `cli` (headless commands). None of them imports a UI toolkit.

pub mod app;
pub mod cli;
pub mod eval;
pub mod i18n;
pub mod io;
pub mod model;
pub mod report;
pub mod store;
pub mod ui;
