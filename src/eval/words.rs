//! How the engine's results are put into words. The translations (`i18n::Tr`) implement it;
//! the award summary, which sits beside the translations rather than above them, words its
//! pages through it.

use crate::eval::{LevelName, Report};
use crate::model::{Clause, Day, Expr};

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

/// A skill step in words that keep its structure: one of, all of, and what the same or
/// other people must also hold (domain.md §3.1, §3.4). The award summary and the window's
/// competency detail say it the same way.
pub fn skill_text(
    k: &crate::model::Skill,
    tr: &dyn Words,
    credential: &dyn Fn(&str) -> String,
) -> String {
    let mut text = tr.t(
        "award-skill",
        &[
            ("count", k.people.to_string()),
            ("expr", expr_text(&k.expr, tr, credential)),
        ],
    );
    for clause in &k.plus {
        let expr = expr_text(clause.expr(), tr, credential);
        let part = match clause {
            Clause::Same(_) => tr.t("award-plus-same", &[("expr", expr)]),
            Clause::KOfSame(n, _) => tr.t(
                "award-plus-k",
                &[
                    ("k", n.to_string()),
                    ("count", k.people.to_string()),
                    ("expr", expr),
                ],
            ),
            Clause::SameOrDifferent(m, _) => tr.t(
                "award-plus-same-or-different",
                &[("m", m.to_string()), ("expr", expr)],
            ),
            Clause::Different(m, _) => tr.t(
                "award-plus-different",
                &[("m", m.to_string()), ("expr", expr)],
            ),
        };
        text.push_str(", ");
        text.push_str(&part);
    }
    text
}

/// What one person must hold, in words: a single credential, else "one of" or "all of" the
/// list, sets of alternatives, or the areas of focus; each credential as `credential` names
/// it (its code in the award summary, its title in the window).
fn expr_text(e: &Expr, tr: &dyn Words, credential: &dyn Fn(&str) -> String) -> String {
    let list = |c: &[String]| {
        c.iter()
            .map(|x| credential(x))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match e {
        Expr::AnyOf(c) | Expr::AllOf(c) if c.len() == 1 => credential(&c[0]),
        Expr::AnyOf(c) => tr.t("award-expr-any", &[("credentials", list(c))]),
        Expr::AllOf(c) => tr.t("award-expr-all", &[("credentials", list(c))]),
        Expr::Alternatives(alts) => {
            let sets: Vec<String> = alts
                .iter()
                .map(|a| format!("({})", expr_text(a, tr, credential)))
                .collect();
            tr.t("award-expr-sets", &[("sets", sets.join("; "))])
        }
        Expr::FocusAreas(areas) => {
            let shown: Vec<String> = areas
                .iter()
                .map(|(name, c)| format!("{name} ({})", list(c)))
                .collect();
            tr.t("award-expr-areas", &[("areas", shown.join("; "))])
        }
        Expr::AnyOfAreas(areas) => {
            let all: Vec<String> = areas.iter().flat_map(|(_, c)| c.iter().cloned()).collect();
            tr.t("award-expr-any", &[("credentials", list(&all))])
        }
    }
}
