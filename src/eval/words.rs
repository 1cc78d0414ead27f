//! How the engine's results are put into words. The translations (`i18n::Tr`) implement it;
//! the award summary, which sits beside the translations rather than above them, words its
//! pages through it.

use crate::eval::{LevelName, Report};
use crate::model::Day;

pub trait Words {
    /// The message `id` with its arguments; the id itself if there is no such message.
    fn t(&self, id: &str, args: &[(&str, String)]) -> String;
    /// A level's word (none / Silver / Gold).
    fn level(&self, l: LevelName) -> String;
    /// A day as the language writes it.
    fn date(&self, d: Day) -> String;
    /// A number with the language's grouping and decimal marks.
    fn number(&self, v: f64) -> String;
    /// The language's code: `en` or `it`.
    fn lang_code(&self) -> &'static str;
    /// Fills every alert and warning message of the report.
    fn localize_report(&self, report: &mut Report);
}

/// The code of an enum as the JSON report writes it, with `-` for `_`: the tail of its
/// message id (`tier-silver`, `status-at-risk`, `reason-not-associated`).
pub fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default()
}
