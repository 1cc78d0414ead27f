//! Achievement files: the Partner Center Insights "Trainings" export (domain.md §8.1) and
//! Credly's bulk-issue CSV (§8.2), read into individuals and mapped credentials.

use super::table::{Head, Stream, TableError, open_bytes};
use crate::model::{Catalog, Day, Instant};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

pub use super::credly::{check_credly, check_credly_stream};

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
    pub key: String,
    pub mcpid: Option<String>,
    /// Every address seen (Email and CorpEmail), lower case, first seen first.
    pub emails: Vec<String>,
    pub first_name: String,
    pub last_name: String,
    /// The earliest completion in the file: proof of the association.
    pub first_completion: Instant,
}

/// A mapped achievement of an individual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub line: usize,
    pub individual: usize,
    pub credential: String,
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

/// An exam number in a title (`70-533` in "Exam 70-533: …") that the catalog knows.
fn exam_number(title: &str, catalog: &HashMap<String, usize>) -> Option<String> {
    let upper = title.to_uppercase();
    let b = upper.as_bytes();
    for prefix in ["MB2-", "MB6-", "70-", "74-", "MB-", "PL-"] {
        let mut from = 0;
        while let Some(pos) = upper[from..].find(prefix) {
            let start = from + pos;
            let end = start + prefix.len() + 3;
            let before_ok = start == 0 || !b[start - 1].is_ascii_alphanumeric();
            let digits_ok =
                end <= b.len() && b[start + prefix.len()..end].iter().all(u8::is_ascii_digit);
            let after_ok = end >= b.len() || !b[end].is_ascii_alphanumeric();
            if before_ok && digits_ok && after_ok {
                let id = &upper[start..end];
                if let Some(real) = catalog.keys().find(|k| k.eq_ignore_ascii_case(id)) {
                    return Some(real.clone());
                }
            }
            from = start + 1;
        }
    }
    None
}

/// Titles compared case-insensitively with white space and dashes normalised.
fn normalise(title: &str) -> String {
    let dashed: String = title
        .chars()
        .map(|c| {
            if matches!(c, '–' | '—' | '‐' | '-') {
                '-'
            } else {
                c
            }
        })
        .collect();
    dashed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The prefixes a certification's printed name may carry (designations.md §2.3); compared
/// without them.
const CERTIFIED: [&str; 3] = [
    "microsoft certified: ",
    "microsoft 365 certified: ",
    "github certified: ",
];

/// A certification title normalised without its "Microsoft Certified: " prefix.
fn certification_title(title: &str) -> String {
    let t = normalise(title);
    CERTIFIED
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map_or(t.clone(), |rest| rest.trim().to_string())
}

/// The credential a training title stands for: exam number, else exactly one title or alias;
/// a certification or assessment row also by a designation credential's title (§4.4).
pub struct TitleMap {
    ids: HashMap<String, usize>,
    titles: HashMap<String, Vec<String>>,
    certifications: HashMap<String, Vec<String>>,
    /// Each title as the file writes it, mapped once: an export of 100,000 rows repeats a few
    /// hundred titles, and normalising each row's cost a tenth of reading the file.
    /// (training titles, certification titles).
    memo: std::sync::Mutex<[HashMap<String, Option<String>>; 2]>,
}

impl TitleMap {
    pub fn new(catalog: &Catalog) -> Self {
        let mut titles: HashMap<String, Vec<String>> = HashMap::default();
        for c in &catalog.credentials {
            for t in std::iter::once(&c.title).chain(&c.aliases) {
                let list = titles.entry(normalise(t)).or_default();
                if !list.contains(&c.id) {
                    list.push(c.id.clone());
                }
            }
        }
        let mut certifications: HashMap<String, Vec<String>> = HashMap::default();
        for c in catalog.designations.iter().flat_map(|d| &d.credentials) {
            for t in std::iter::once(&c.title).chain(&c.aliases) {
                let list = certifications.entry(certification_title(t)).or_default();
                if !list.contains(&c.id) {
                    list.push(c.id.clone());
                }
            }
        }
        TitleMap {
            certifications,
            ids: catalog
                .credentials
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect(),
            titles,
            memo: Default::default(),
        }
    }

    pub fn map(&self, title: &str) -> Option<String> {
        self.remembered(title, false, || {
            exam_number(title, &self.ids).or_else(|| match self.titles.get(&normalise(title)) {
                Some(ids) if ids.len() == 1 => Some(ids[0].clone()),
                _ => None,
            })
        })
    }

    /// A certification or assessment row's credential among the designations' (exactly one
    /// title or alias, prefixes removed on both sides).
    pub fn certification(&self, title: &str) -> Option<String> {
        self.remembered(title, true, || {
            match self.certifications.get(&certification_title(title)) {
                Some(ids) if ids.len() == 1 => Some(ids[0].clone()),
                _ => None,
            }
        })
    }

    fn remembered(
        &self,
        title: &str,
        certification: bool,
        find: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        let mut memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let memo = &mut memo[usize::from(certification)];
        if let Some(found) = memo.get(title) {
            return found.clone();
        }
        let found = find();
        memo.insert(title.to_string(), found.clone());
        found
    }
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

pub(super) struct People {
    pub(super) list: Vec<Individual>,
    by_mcpid: HashMap<String, usize>,
    /// Individuals without an MCPID, by their first email in lower case.
    by_email: HashMap<String, usize>,
}

/// `s` in lower case, copied only when it has an upper-case or non-ASCII letter: most
/// addresses are written in lower case already.
fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        s.to_lowercase().into()
    } else {
        s.into()
    }
}

impl People {
    pub(super) fn new() -> Self {
        People {
            list: Vec::new(),
            by_mcpid: HashMap::default(),
            by_email: HashMap::default(),
        }
    }

    /// The individual of a row: by MCPID, else by email (case-insensitive).
    pub(super) fn of(
        &mut self,
        mcpid: &str,
        emails: &[&str],
        first: &str,
        last: &str,
        when: Instant,
    ) -> usize {
        let email = lower(emails.first().copied().unwrap_or_default());
        let known = if mcpid.is_empty() {
            self.by_email.get(email.as_ref())
        } else {
            self.by_mcpid.get(mcpid)
        };
        let i = match known {
            Some(&i) => i,
            None => {
                let key = if mcpid.is_empty() {
                    self.by_email.insert(email.to_string(), self.list.len());
                    email.to_string()
                } else {
                    self.by_mcpid.insert(mcpid.to_string(), self.list.len());
                    format!("mcpid:{mcpid}")
                };
                self.list.push(Individual {
                    key,
                    mcpid: Some(mcpid.to_string()).filter(|m| !m.is_empty()),
                    emails: Vec::new(),
                    first_name: String::new(),
                    last_name: String::new(),
                    first_completion: when,
                });
                self.list.len() - 1
            }
        };
        let p = &mut self.list[i];
        for e in std::iter::once(email).chain(emails.iter().skip(1).map(|e| lower(e))) {
            if !e.is_empty() && !p.emails.iter().any(|known| *known == *e) {
                p.emails.push(e.into_owned());
            }
        }
        if p.first_name.is_empty() && p.last_name.is_empty() {
            p.first_name = first.to_string();
            p.last_name = last.to_string();
        }
        p.first_completion = p.first_completion.min(when);
        i
    }
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
pub fn check_trainings_stream<R: std::io::Read>(
    stream: Result<Stream<'_, R>, TableError>,
    catalog: &Catalog,
    order: DateOrder,
    org_name: &str,
    today: Day,
) -> AchievementsCheck {
    let mut table = match stream {
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
    let mut seen: rustc_hash::FxHashSet<(usize, String, Instant)> = Default::default();
    // Designation certifications merged per person: (person, credential) → its row in `found`.
    let mut merged: rustc_hash::FxHashMap<(usize, String), usize> = Default::default();
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
    while let Some(record) = table.next_row() {
        let record = match record {
            Ok(r) => r,
            Err(e) => return AchievementsCheck::rejected(Some(table_problem(e))),
        };
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
            continue;
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
                    continue;
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
            continue;
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
            continue;
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
            match merged.get(&(who, credential.clone())) {
                Some(&i) => {
                    let f = &mut check.found[i];
                    f.passed_on = f.passed_on.min(completed);
                    f.expires_on = f.expires_on.max(expires_on);
                }
                None => {
                    merged.insert((who, credential.clone()), check.found.len());
                    check.found.push(found(credential));
                }
            }
            continue;
        }
        match legacy {
            Some(credential) => {
                if seen.insert((who, credential.clone(), completed)) {
                    check.found.push(found(credential));
                }
            }
            None => check.unmapped.push((*line, title.to_string())),
        }
    }
    check.individuals = people.list;
    check
}

#[cfg(test)]
mod tests;
