//! Credly's bulk-issue CSV (domain.md §8.2): badges issued by template, mapped to credentials
//! through the user's template mapping.

use super::table::{Stream, TableError, open_bytes};
use super::trainings::{
    AchievementsCheck, CREDLY_REQUIRED, DateOrder, Found, People, Problem, columns,
    parse_export_instant, table_problem,
};
use rustc_hash::FxHashMap as HashMap;

/// Reads a Credly bulk-issue CSV (dates mm/dd/yy); `mapping` turns template ids into credentials.
pub fn check_credly(bytes: &[u8], mapping: &HashMap<String, String>) -> AchievementsCheck {
    check_credly_stream(open_bytes(bytes), mapping)
}

/// [`check_credly`] on a file as it is read.
pub fn check_credly_stream<R: std::io::Read + Send>(
    stream: Result<Stream<'_, R>, TableError>,
    mapping: &HashMap<String, String>,
) -> AchievementsCheck {
    let table = match stream {
        Ok(t) => t,
        Err(e) => return AchievementsCheck::rejected(Some(table_problem(e))),
    };
    let cols = match columns(&table.head, &CREDLY_REQUIRED, &[]) {
        Ok(c) => c,
        Err(e) => return AchievementsCheck::rejected(Some(e)),
    };
    // Each template's credential interned once, not once a row.
    let mapping: HashMap<&str, crate::model::Sym> = mapping
        .iter()
        .map(|(t, c)| (t.as_str(), crate::model::Sym::new(c)))
        .collect();
    let mut check = AchievementsCheck::rejected(None);
    let mut people = People::new();
    let read = table.each_row(|record| {
        let line = &record.line;
        check.data_rows += 1;
        let get = |name: &str| record.at(cols.get(name).copied());
        let Some(issued) = parse_export_instant(get("Issued at"), DateOrder::MonthFirst) else {
            check.errors.push(Problem {
                line: *line,
                code: "invalid_date",
                field: Some("Issued at"),
                message: format!("\"{}\" is not a date", get("Issued at")),
            });
            return true;
        };
        let expires = get("Expiration Date");
        let expires_on = if expires.is_empty() {
            None
        } else {
            match parse_export_instant(expires, DateOrder::MonthFirst) {
                Some(t) => Some(t.day()),
                None => {
                    check.errors.push(Problem {
                        line: *line,
                        code: "invalid_date",
                        field: Some("Expiration Date"),
                        message: format!("\"{expires}\" is not a date"),
                    });
                    return true;
                }
            }
        };
        let email = get("Recipient Email");
        if email.is_empty() {
            check.errors.push(Problem {
                line: *line,
                code: "missing_required",
                field: Some("Recipient Email"),
                message: "Recipient Email is empty".into(),
            });
            return true;
        }
        let who = people.of("", &[email], get("First Name"), get("Last Name"), issued);
        match mapping.get(get("Badge Template ID")) {
            Some(credential) => check.found.push(Found {
                line: *line,
                individual: who,
                credential: *credential,
                passed_on: issued,
                expires_on,
            }),
            None => check
                .unmapped
                .push((*line, get("Badge Template ID").to_string())),
        }
        true
    });
    if let Err(e) = read {
        return AchievementsCheck::rejected(Some(table_problem(e)));
    }
    check.individuals = people.into_list();
    check
}
