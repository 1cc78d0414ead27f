//! The domain's wording in the reader's language: reminders, what-if changes, plan actions,
//! the changes undo takes back and the importers' problems (which keep English messages for the CLI and the JSON contract; the
//! window words each from its code and its details). One trait, implemented by [`Tr`].

use super::Tr;
use crate::eval::plan::Action;
use crate::eval::reminders::Reminder;
use crate::eval::timeline::CauseKind;
use crate::eval::whatif::Change;
use crate::io::trainings::Problem;
use crate::io::users::{FileError, MAX_CHARS, RowError, Warning};
use crate::model::{Catalog, Day};
use crate::store::UndoHead;

/// What the engine and the importers report, as sentences.
pub trait Wording {
    /// A reminder (dates in the locale's form, competencies by name, credentials by title,
    /// people as `person` names them).
    fn reminder(&self, catalog: &Catalog, person: &dyn Fn(&str) -> String, r: &Reminder) -> String;
    /// One what-if change.
    fn change(&self, c: &Change) -> String;
    /// One step of a plan.
    fn action(&self, a: &Action) -> String;
    /// A users file refused as a whole.
    fn file_error(&self, e: &FileError) -> String;
    /// A users file's refused row.
    fn row_error(&self, e: &RowError) -> String;
    /// A users file's warning.
    fn warning(&self, w: &Warning) -> String;
    /// A Trainings or Credly problem (file, row or warning).
    fn problem(&self, p: &Problem) -> String;
    /// A change that can be taken back: what it was and whom or what it changed.
    fn undo_change(&self, head: &UndoHead) -> String;
    /// What makes a level change on the timeline (people as `person` names them).
    fn cause(&self, catalog: &Catalog, person: &dyn Fn(&str) -> String, c: &CauseKind) -> String;
}

impl Wording for Tr {
    fn reminder(&self, catalog: &Catalog, person: &dyn Fn(&str) -> String, r: &Reminder) -> String {
        reminder_text(self, catalog, person, r)
    }
    fn change(&self, c: &Change) -> String {
        change_text(self, c)
    }
    fn action(&self, a: &Action) -> String {
        action_text(self, a)
    }
    fn file_error(&self, e: &FileError) -> String {
        file_error(self, e)
    }
    fn row_error(&self, e: &RowError) -> String {
        row_error(self, e)
    }
    fn warning(&self, w: &Warning) -> String {
        warning(self, w)
    }
    fn problem(&self, p: &Problem) -> String {
        problem(self, p)
    }
    fn cause(&self, catalog: &Catalog, person: &dyn Fn(&str) -> String, c: &CauseKind) -> String {
        let metric = |m: &str| self.t(&format!("metric-{}", m.replace('_', "-")), &[]);
        match c {
            CauseKind::Starts {
                person: p,
                credential,
            } => self.t(
                "cause-starts",
                &[
                    ("person", person(p)),
                    (
                        "credential",
                        catalog.credential_title(credential).to_string(),
                    ),
                ],
            ),
            CauseKind::Stops {
                person: p,
                credential,
                why,
            } => {
                let why = why.map_or_else(String::new, |r| {
                    self.t(&format!("reason-{}", crate::eval::words::code(&r)), &[])
                });
                self.t(
                    "cause-stops",
                    &[
                        ("person", person(p)),
                        (
                            "credential",
                            catalog.credential_title(credential).to_string(),
                        ),
                        ("why", why),
                    ],
                )
            }
            CauseKind::Figure {
                metric: m,
                period_end,
            } => self.t(
                "cause-figure",
                &[("metric", metric(m)), ("date", self.date(*period_end))],
            ),
            CauseKind::FigureAges {
                metric: m,
                period_end,
                months,
            } => self.t(
                "cause-figure-ages",
                &[
                    ("metric", metric(m)),
                    ("date", self.date(*period_end)),
                    ("months", months.to_string()),
                ],
            ),
            CauseKind::OverrideStarts { competency } => self.t(
                "cause-override-starts",
                &[(
                    "competency",
                    catalog.competency_name(competency).to_string(),
                )],
            ),
            CauseKind::OverrideEnds { competency } => self.t(
                "cause-override-ends",
                &[(
                    "competency",
                    catalog.competency_name(competency).to_string(),
                )],
            ),
        }
    }
    fn undo_change(&self, head: &UndoHead) -> String {
        let change = self.t("undo-change", &[("kind", head.label.clone())]);
        match &head.subject {
            Some(subject) => self.t(
                "undo-change-of",
                &[("change", change), ("subject", subject.clone())],
            ),
            None => change,
        }
    }
}

/// The reminder in the window's language (dates in the locale's form, competencies by name).
fn reminder_text(
    tr: &Tr,
    catalog: &Catalog,
    person: &dyn Fn(&str) -> String,
    r: &Reminder,
) -> String {
    let args: Vec<(&str, String)> = r
        .args()
        .into_iter()
        .map(|(k, v)| {
            let v = match k {
                "competency" => catalog.competency_name(&v).to_string(),
                "credential" => catalog.credential_title(&v).to_string(),
                "employee" => person(&v),
                _ => Day::parse(&v).map_or_else(|_| v.clone(), |d| tr.date(d)),
            };
            (k, v)
        })
        .collect();
    tr.t(&format!("reminder-{}", r.kind()), &args)
}

/// One change in the window's language.
fn change_text(tr: &Tr, c: &Change) -> String {
    let date = |t: &Option<crate::model::Instant>| t.map(|t| tr.date(t.day()));
    match c {
        Change::Leave { employee, at } => match date(at) {
            Some(d) => tr.t(
                "change-leave-on",
                &[("employee", employee.clone()), ("date", d)],
            ),
            None => tr.t("change-leave", &[("employee", employee.clone())]),
        },
        Change::Lapse {
            employee,
            credential,
        } => tr.t(
            "change-lapse",
            &[
                ("employee", employee.clone()),
                ("credential", credential.clone()),
            ],
        ),
        Change::Add {
            employee,
            credential,
            ..
        } => tr.t(
            "change-add",
            &[
                ("employee", employee.clone()),
                ("credential", credential.clone()),
            ],
        ),
        Change::Hire { name, credentials } => tr.t(
            "change-hire",
            &[
                ("name", name.clone()),
                ("credentials", credentials.join(", ")),
            ],
        ),
        Change::Metric { metric, value } => tr.t(
            "change-metric",
            &[("metric", metric.clone()), ("value", tr.number(*value))],
        ),
    }
}

/// One action in the window's language.
fn action_text(tr: &Tr, a: &Action) -> String {
    match a {
        Action::Associate { employee } => {
            tr.t("plan-action-associate", &[("employee", employee.clone())])
        }
        Action::Wait { employee, until } => tr.t(
            "plan-action-wait",
            &[
                ("employee", employee.clone()),
                ("date", tr.date(until.day())),
            ],
        ),
        Action::Pass {
            employee,
            credential,
            renewal,
        } => tr.t(
            if *renewal {
                "plan-action-renew"
            } else {
                "plan-action-pass"
            },
            &[
                ("employee", employee.clone()),
                ("credential", credential.clone()),
            ],
        ),
        Action::Hire { credentials } => tr.t(
            "plan-action-hire",
            &[("credentials", credentials.join(", "))],
        ),
        Action::Metric { metric, from, to } => tr.t(
            "plan-action-metric",
            &[
                ("metric", metric.clone()),
                ("from", tr.number(*from)),
                ("to", tr.number(*to)),
            ],
        ),
    }
}

/// Every code the importers report, each with a `import-problem-…` message.
pub const CODES: [&str; 19] = [
    "not_text",
    "no_header",
    "malformed",
    "too_large",
    "cancelled",
    "unknown_column",
    "duplicate_column",
    "missing_column",
    "field_count",
    "missing_required",
    "malformed_email",
    "duplicate_email",
    "too_long",
    "status_update_not_empty",
    "invalid_date",
    "month_mismatch",
    "other_partner",
    "too_many_rows",
    "no_data_rows",
];

/// The message of `code` with `args`; the importer's English text if it has none.
fn text(tr: &Tr, code: &str, args: &[(&str, String)], english: &str) -> String {
    let id = format!("import-problem-{}", code.replace('_', "-"));
    let worded = tr.t(&id, args);
    if worded == id {
        english.to_string()
    } else {
        worded
    }
}

fn opt(n: Option<usize>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

fn file_error(tr: &Tr, e: &FileError) -> String {
    let args = [
        ("column", e.column.clone().unwrap_or_default()),
        ("line", opt(e.line)),
        ("rows", crate::io::table::MAX_ROWS.to_string()),
        ("detail", e.message.clone()),
    ];
    text(tr, e.code, &args, &e.message)
}

fn row_error(tr: &Tr, e: &RowError) -> String {
    let args = [
        ("field", e.field.unwrap_or_default().to_string()),
        ("first", opt(e.duplicate_of)),
        ("length", opt(e.length)),
        ("max", MAX_CHARS.to_string()),
        ("fields", opt(e.fields)),
        ("expected", opt(e.expected_fields)),
    ];
    text(tr, e.code, &args, &e.message)
}

fn warning(tr: &Tr, w: &Warning) -> String {
    let args = [("rows", opt(w.rows)), ("limit", opt(w.limit))];
    text(tr, w.code, &args, &w.message)
}

/// A Trainings or Credly problem (file, row or warning).
fn problem(tr: &Tr, p: &Problem) -> String {
    let args = [
        ("field", p.field.unwrap_or_default().to_string()),
        ("line", p.line.to_string()),
        ("rows", crate::io::table::MAX_ROWS.to_string()),
        ("detail", p.message.clone()),
    ];
    text(tr, p.code, &args, &p.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        for lang in [Lang::En, Lang::It] {
            let tr = Tr::new(lang);
            for code in CODES {
                let id = format!("import-problem-{}", code.replace('_', "-"));
                assert_ne!(tr.t(&id, &[]), id, "{lang:?} {code}");
            }
        }
        let e = RowError {
            line: 4,
            code: "too_long",
            field: Some("Display name"),
            message: String::new(),
            duplicate_of: None,
            length: Some(61),
            fields: None,
            expected_fields: None,
            display_name: String::new(),
        };
        assert_eq!(
            row_error(&Tr::new(Lang::It), &e),
            "Display name ha 61 caratteri (al massimo 50)"
        );
    }
}
