//! Plain domain types: the catalog, the organisation, time. No I/O, no UI; `mem` tunes the
//! allocator.

pub mod catalog_def;
pub mod edit;
pub mod error;
pub mod import;
pub mod mem;
pub mod org;
pub mod spp_def;
pub mod sym;
#[cfg(feature = "synth")]
pub mod synth;
pub mod time;
pub mod validate;

pub use catalog_def::{
    AssociationType, Catalog, Clause, Competency, CompetencyOption, Credential, CredentialKind,
    Expr, Licence, Metric, Perf, Skill, Step,
};
pub use edit::{Edit, EditError, Touch};
pub use error::InputError;
pub use org::{
    Achievement, Employee, Level, Market, Org, Override, OverrideKind, PerformanceEntry,
    ScoringModel, Settings, Subscription, Tier,
};
pub use sym::Sym;
pub use time::{Day, Instant};
