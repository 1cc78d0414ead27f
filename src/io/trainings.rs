//! Achievement files: the Partner Center Insights "Trainings" export (domain.md §8.1) and
//! Credly's bulk-issue CSV (§8.2), read into individuals and mapped credentials.

use super::table::{Head, Stream, TableError, open_bytes};
use crate::model::{Catalog, Day, Instant, Sym};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

pub use super::credly::{check_credly, check_credly_stream};
pub(super) use people::People;
pub use titles::TitleMap;

mod people;
mod titles;

pub const TRAININGS_COLUMNS: [&str; 17] = [
    "TrainingActivityId",
    "TrainingTitle",
    "TrainingType",
    "IndividualFirstName",
    "IndividualLastName",
    "Email",
    "CorpEmail",
    "TrainingCompletionDate",
    "Month",
    "IcMCP",
    "MCPID",
    "MPNId",
    "PartnerName",
    "PartnerCityLocation",
    "PartnerCountryLocation",
    "ExpirationDate",
    "ActivationStatus",
];
const TRAININGS_REQUIRED: [&str; 3] = ["TrainingTitle", "TrainingType", "TrainingCompletionDate"];
pub(super) const CREDLY_REQUIRED: [&str; 5] = [
    "Badge Template ID",
    "Recipient Email",
    "First Name",
    "Last Name",
    "Issued at",
];

/// Day first (the export's default) or month first (a file-level switch, never per value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub line: usize,
    pub code: &'static str,
    pub field: Option<&'static str>,
    pub message: String,
}

/// One person of the file, identified by MCPID, else by email (lower case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Individual {
    pub mcpid: Option<String>,
    /// Every address seen (Email and CorpEmail), lower case, first seen first.
    pub emails: Vec<String>,
    pub first_name: String,
    pub last_name: String,
    /// The earliest completion in the file: proof of the association.
    pub first_completion: Instant,
}

impl Individual {
    /// What identifies the individual in the file: `mcpid:` and its MCPID, else its first
    /// address.
    pub fn key(&self) -> String {
        match &self.mcpid {
            Some(m) => format!("mcpid:{m}"),
            None => self.emails.first().cloned().unwrap_or_default(),
        }
    }
}

/// A mapped achievement of an individual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub line: usize,
    pub individual: usize,
    pub credential: Sym,
    pub passed_on: Instant,
    pub expires_on: Option<Day>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AchievementsCheck {
    pub data_rows: usize,
    pub individuals: Vec<Individual>,
    pub found: Vec<Found>,
    /// Rows whose title maps to no credential (or to several): listed, never saved.
    pub unmapped: Vec<(usize, String)>,
    /// Rows of a type that is not read (e.g. `Course`).
    pub skipped: usize,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub file_error: Option<Problem>,
}

/// Rows `(line, title)` grouped by title, each title once with its lines, in the order the
/// titles first come (an export repeats a few dozen titles over tens of thousands of rows).
pub fn by_title<'a>(
    rows: impl IntoIterator<Item = (usize, &'a str)>,
) -> Vec<(&'a str, Vec<usize>)> {
    let mut titles = indexmap::IndexMap::<&str, Vec<usize>, rustc_hash::FxBuildHasher>::default();
    for (line, title) in rows {
        titles.entry(title).or_default().push(line);
    }
    titles.into_iter().collect()
}

/// How many of a title's lines are listed.
const FIRST_LINES: usize = 8;

/// A title's first lines, then an ellipsis if there are more: `2, 6, 9, …`.
pub fn first_lines(lines: &[usize]) -> String {
    let shown: Vec<String> = lines
        .iter()
        .take(FIRST_LINES)
        .map(usize::to_string)
        .collect();
    let more = if lines.len() > FIRST_LINES {
        ", …"
    } else {
        ""
    };
    format!("{}{more}", shown.join(", "))
}

impl AchievementsCheck {
    pub(super) fn rejected(problem: Option<Problem>) -> Self {
        AchievementsCheck {
            data_rows: 0,
            individuals: Vec::new(),
            found: Vec::new(),
            unmapped: Vec::new(),
            skipped: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
            file_error: problem,
        }
    }
}

fn file_problem(code: &'static str, line: usize, message: String) -> Problem {
    Problem {
        line,
        code,
        field: None,
        message,
    }
}

pub(super) fn table_problem(e: TableError) -> Problem {
    match e {
        TableError::NotText => file_problem("not_text", 0, "not a text file".into()),
        TableError::NoHeader => file_problem("no_header", 0, "the file has no header line".into()),
        TableError::Malformed { line, message } => file_problem("malformed", line, message),
        TableError::TooLarge { line, message } => file_problem("too_large", line, message),
        TableError::Cancelled => file_problem("cancelled", 0, "cancelled".into()),
    }
}

/// Parses `dd/mm/yyyy HH:MM[:SS]` (or month first), the older `yyyy-mm-dd  HH:MM:SS`, or a
/// bare date; no time zone: UTC.
pub fn parse_export_instant(s: &str, order: DateOrder) -> Option<Instant> {
    let s = s.trim();
    if let Some(t) = export_layout(s.as_bytes(), order) {
        return Some(t);
    }
    let (date, time) = match s.split_once(' ') {
        Some((d, t)) => (d, t.trim()),
        None => (s, "00:00"),
    };
    let mut parts = time.split(':');
    let (h, mi): (u32, u32) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    let sec: u32 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    if parts.next().is_some() {
        return None;
    }
    let day = if date.contains('-') {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?
    } else {
        let mut parts = date.split('/');
        let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let (d, m) = match order {
            DateOrder::DayFirst => (a, b),
            DateOrder::MonthFirst => (b, a),
        };
        let mut year: i32 = y.parse().ok()?;
        if y.len() == 2 {
            year += 2000;
        }
        chrono::NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)?
    };
    let t = day.and_hms_opt(h, mi, sec)?;
    Some(Instant(t.and_utc()))
}

/// The export's own layout, `dd/mm/yyyy HH:MM` (or with `:SS`), read digit by digit: the
/// general reader above cost a twentieth of reading a 100,000-row export. `None` for any
/// other text, which the general reader then reads.
fn export_layout(s: &[u8], order: DateOrder) -> Option<Instant> {
    let shaped = matches!(s.len(), 16 | 19)
        && s[2] == b'/'
        && s[5] == b'/'
        && s[10] == b' '
        && s[13] == b':'
        && (s.len() == 16 || s[16] == b':');
    if !shaped {
        return None;
    }
    let n = |at: usize, len: usize| {
        s[at..at + len].iter().try_fold(0u32, |v, &b| {
            b.is_ascii_digit().then(|| v * 10 + u32::from(b - b'0'))
        })
    };
    let (a, b, year) = (n(0, 2)?, n(3, 2)?, n(6, 4)?);
    let (h, mi) = (n(11, 2)?, n(14, 2)?);
    let sec = if s.len() == 19 { n(17, 2)? } else { 0 };
    let (d, m) = match order {
        DateOrder::DayFirst => (a, b),
        DateOrder::MonthFirst => (b, a),
    };
    let t = chrono::NaiveDate::from_ymd_opt(year as i32, m, d)?.and_hms_opt(h, mi, sec)?;
    Some(Instant(t.and_utc()))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whether a `Month` value (`Dec-18`) names the month of `when`, in any case.
fn month_matches(month: &str, when: Instant) -> bool {
    use chrono::Datelike;
    let d = when.0;
    let year = d.year().rem_euclid(100) as u32;
    let b = month.as_bytes();
    b.len() == 6
        && b[..3].eq_ignore_ascii_case(MONTHS[d.month0() as usize % 12].as_bytes())
        && b[3] == b'-'
        && b[4..] == [b'0' + (year / 10) as u8, b'0' + (year % 10) as u8]
}

pub(super) fn columns(
    table: &Head,
    required: &[&str],
    need_one_of: &[&str],
) -> Result<HashMap<String, usize>, Problem> {
    let map: HashMap<String, usize> = table
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    for r in required {
        if !map.contains_key(*r) {
            return Err(file_problem(
                "missing_column",
                table.header_line,
                format!("missing column \"{r}\""),
            ));
        }
    }
    if !need_one_of.is_empty() && !need_one_of.iter().any(|c| map.contains_key(*c)) {
        return Err(file_problem(
            "missing_column",
            table.header_line,
            format!("missing column \"{}\"", need_one_of.join("\" or \"")),
        ));
    }
    Ok(map)
}

/// Reads a Trainings export. `org_name` raises `other_partner` for rows of another partner;
/// `today` dates an `ActivationStatus` other than Active without an `ExpirationDate`.
pub fn check_trainings(
    bytes: &[u8],
    catalog: &Catalog,
    order: DateOrder,
    org_name: &str,
    today: Day,
) -> AchievementsCheck {
    check_trainings_stream(open_bytes(bytes), catalog, order, org_name, today)
}

/// [`check_trainings`] on a file as it is read.
pub fn check_trainings_stream<R: std::io::Read + Send>(
    stream: Result<Stream<'_, R>, TableError>,
    catalog: &Catalog,
    order: DateOrder,
    org_name: &str,
    today: Day,
) -> AchievementsCheck {
    let table = match stream {
        Ok(t) => t,
        Err(e) => return AchievementsCheck::rejected(Some(table_problem(e))),
    };
    let cols = match columns(&table.head, &TRAININGS_REQUIRED, &["MCPID", "Email"]) {
        Ok(c) => c,
        Err(e) => return AchievementsCheck::rejected(Some(e)),
    };
    let titles = TitleMap::new(catalog);
    let mut check = AchievementsCheck::rejected(None);
    let mut people = People::new();
    let mut seen: rustc_hash::FxHashSet<(usize, Sym, Instant)> = Default::default();
    // Designation certifications merged per person: (person, credential) → its row in `found`.
    let mut merged: rustc_hash::FxHashMap<(usize, Sym), usize> = Default::default();
    let mut other_partner_warned = false;
    // Each column's position, found once rather than per row.
    let col = |name: &str| cols.get(name).copied();
    let [
        _,
        title_col,
        type_col,
        first_col,
        last_col,
        email_col,
        corp_col,
        completed_col,
        month_col,
        _,
        mcpid_col,
        _,
        partner_col,
        _,
        _,
        expires_col,
        status_col,
    ] = TRAININGS_COLUMNS.map(col);
    let read = table.each_row(|record| {
        let line = &record.line;
        check.data_rows += 1;
        let get = |col: Option<usize>| record.at(col);
        let Some(completed) = parse_export_instant(get(completed_col), order) else {
            check.errors.push(Problem {
                line: *line,
                code: "invalid_date",
                field: Some("TrainingCompletionDate"),
                message: format!("\"{}\" is not a date", get(completed_col)),
            });
            return true;
        };
        let expires = get(expires_col);
        let expires_on = if expires.is_empty() {
            let status = get(status_col);
            (!status.is_empty() && !status.eq_ignore_ascii_case("active")).then_some(today)
        } else {
            match parse_export_instant(expires, order) {
                Some(t) => Some(t.day()),
                None => {
                    check.errors.push(Problem {
                        line: *line,
                        code: "invalid_date",
                        field: Some("ExpirationDate"),
                        message: format!("\"{expires}\" is not a date"),
                    });
                    return true;
                }
            }
        };
        let month = get(month_col);
        if !month.is_empty() && !month_matches(month, completed) {
            check.warnings.push(Problem {
                line: *line,
                code: "month_mismatch",
                field: Some("Month"),
                message: format!(
                    "Month {month} does not match the completion date (is the date order right?)"
                ),
            });
        }
        let partner = get(partner_col);
        if !partner.is_empty() && !partner.eq_ignore_ascii_case(org_name) && !other_partner_warned {
            other_partner_warned = true;
            check.warnings.push(Problem {
                line: *line,
                code: "other_partner",
                field: Some("PartnerName"),
                message: format!("rows of partner \"{partner}\", not \"{org_name}\""),
            });
        }
        let emails = [get(email_col), get(corp_col)];
        if get(mcpid_col).is_empty() && emails[0].is_empty() {
            check.errors.push(Problem {
                line: *line,
                code: "missing_required",
                field: Some("Email"),
                message: "neither MCPID nor Email".into(),
            });
            return true;
        }
        // Every row names an individual, also one of a type that is not read.
        let who = people.of(
            get(mcpid_col),
            &emails,
            get(first_col),
            get(last_col),
            completed,
        );
        let kind = get(type_col);
        if !["exam", "certification", "assessment"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(kind))
        {
            check.skipped += 1;
            return true;
        }
        let title = get(title_col);
        let legacy = titles.map(title);
        let certification = if legacy.is_none() && !kind.eq_ignore_ascii_case("exam") {
            titles.certification(title)
        } else {
            None
        };
        let found = |credential| Found {
            line: *line,
            individual: who,
            credential,
            passed_on: completed,
            expires_on,
        };
        if let Some(credential) = certification {
            // A designation certification: one achievement per person, the first pass with
            // the latest expiry (renewals come as rows of their own, §4.4).
            match merged.get(&(who, credential)) {
                Some(&i) => {
                    let f = &mut check.found[i];
                    f.passed_on = f.passed_on.min(completed);
                    f.expires_on = f.expires_on.max(expires_on);
                }
                None => {
                    merged.insert((who, credential), check.found.len());
                    check.found.push(found(credential));
                }
            }
            return true;
        }
        match legacy {
            Some(credential) => {
                if seen.insert((who, credential, completed)) {
                    check.found.push(found(credential));
                }
            }
            None => check.unmapped.push((*line, title.to_string())),
        }
        true
    });
    if let Err(e) = read {
        return AchievementsCheck::rejected(Some(table_problem(e)));
    }
    check.individuals = people.into_list();
    check
}

#[cfg(test)]
mod tests;
