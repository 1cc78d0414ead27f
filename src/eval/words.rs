//! How the engine's results are put into words. The translations (`i18n::Tr`) implement it;
//! the award summary, which sits beside the translations rather than above them, words its
//! pages through it.

use crate::eval::spp_report::Lack;
use crate::eval::{LevelName, Report};
use crate::model::spp_def::SppCatalog;
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

/// What a designation metric lacks, phrase by phrase, in the reader's language (figures by
/// their description; the report's `missing` keeps the fixed English of §7.3).
pub fn lacks_text(tr: &dyn Words, spp: Option<&SppCatalog>, lacks: &[Lack]) -> String {
    let words: Vec<String> = lacks.iter().map(|l| lack_text(tr, spp, l)).collect();
    words.join("; ")
}

/// One phrase of what a designation metric lacks, in the reader's language.
fn lack_text(tr: &dyn Words, spp: Option<&SppCatalog>, l: &Lack) -> String {
    let figure = |id: &str| {
        spp.and_then(|c| c.figure(id))
            .map_or_else(|| id.to_string(), |f| f.description.clone())
    };
    match l {
        Lack::People {
            more,
            credentials,
            step,
            gate,
        } => tr.t(
            if *gate {
                "spp-lack-gate"
            } else {
                "spp-lack-per-person"
            },
            &[
                ("count", more.to_string()),
                ("credentials", credentials.clone()),
                ("step", step.to_string()),
            ],
        ),
        Lack::NoFigure { figure: f } => tr.t("spp-lack-no-figure", &[("figure", figure(f))]),
        Lack::Figure {
            figure: f,
            value,
            full_at,
        } => tr.t(
            "spp-lack-figure",
            &[
                ("figure", figure(f)),
                ("value", tr.number(*value)),
                ("full", tr.number(*full_at)),
            ],
        ),
        Lack::NoBaseline { figure: f, month } => tr.t(
            "spp-lack-no-baseline",
            &[("figure", figure(f)), ("month", tr.date(*month))],
        ),
        Lack::LowBaseline {
            figure: f,
            value,
            minimum,
        } => tr.t(
            "spp-lack-low-baseline",
            &[
                ("figure", figure(f)),
                ("value", tr.number(*value)),
                ("minimum", tr.number(*minimum)),
            ],
        ),
        Lack::Growth { value, full_at } => tr.t(
            "spp-lack-growth",
            &[("value", tr.number(*value)), ("full", tr.number(*full_at))],
        ),
    }
}
