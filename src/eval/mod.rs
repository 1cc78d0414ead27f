//! The evaluation engine: a pure function of the catalog, the organisation and an instant.
//! No egui, no SQLite: every view of attain shows what this module computes.

mod assemble;
pub mod compiled;
pub mod designations;
pub mod engine;
pub mod facts;
pub mod impact;
pub mod membership;
pub mod pci;
pub mod people;
pub mod perf;
pub mod plan;
pub mod reminders;
pub mod report;
pub mod risk;
pub mod skill;
mod spp_alerts;
pub mod spp_engine;
pub mod spp_plan;
pub mod spp_report;
pub mod spp_risk;
pub mod timeline;
pub mod whatif;
pub mod words;

pub use assemble::eligible;
pub use engine::Engine;
pub use report::{LevelName, Report};

use crate::model::{Catalog, Instant, Org};

/// Evaluates `org` at `as_of`; alert messages are left for the translations
/// (`i18n::Tr::localize_report`).
///
/// The organisation must have passed `model::validate` against the same catalog.
pub fn evaluate(catalog: &Catalog, org: &Org, as_of: Instant) -> Result<Report, String> {
    Ok(Engine::new(catalog, org)?.report(as_of))
}
