//! attain: follow a partner organisation's competencies, memberships and renewals offline.
//!
//! Layers (architecture.md); each `crate::` path goes down this list, never up or across:
//! - `model`: plain types, the rules an organisation keeps (`model::validate`), no I/O.
//! - `eval` (the engine), `io` (file formats), `store` (the SQLite workspace): `model` only.
//! - `report` (award summaries), `i18n` (translations and the domain's wording): the above.
//! - `cli` (headless commands) and `app` (the window's state, commands, workers): the above;
//!   `app` calls `ui` from its frame root (`app/mod.rs`) only.
//! - `ui` (panels): `model`, `eval`, `i18n` and `app`'s `Command` and `ViewCtx`; never `store`.
//!
//! Only `app`, `ui` and the window start in `app::native` use egui.

pub mod app;
pub mod cli;
pub mod eval;
pub mod i18n;
pub mod io;
pub mod model;
pub mod report;
pub mod store;
pub mod ui;
