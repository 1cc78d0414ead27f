//! The rules an organisation must keep, whether read from a file, the store or built by edits:
//! lengths, ids and MCIDs unique, known credentials, metrics and competencies, subscriptions
//! in order. Also the anniversary arithmetic those rules share with the engine.

use crate::model::org::ORG_FORMAT;
use crate::model::spp_def::{Figure, FigureUnit};
use crate::model::{Catalog, Day, Employee, Org, PerformanceEntry, ScoringModel, Subscription};
use chrono::Datelike;
use std::collections::HashSet;

const PCI_COMPETENCY: &str = "cloud-business-applications";

/// Checks an organisation built in memory (by edits or the store) as if it were loaded from
/// a file: the same rules, the message without a position.
pub fn validate_org(org: &Org, catalog: &Catalog) -> Result<(), String> {
    validate(org, catalog).map_err(|p| format!("{}: {}", p.field, p.message))
}

/// A validation problem; `needle` (searched after `anchor`) locates it in the source.
pub struct Problem {
    pub field: String,
    pub message: String,
    pub anchor: Option<String>,
    pub needle: String,
}

fn problem(field: &str, message: String, anchor: Option<String>, needle: String) -> Problem {
    Problem {
        field: field.to_string(),
        message,
        anchor,
        needle,
    }
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

fn employee_anchor(id: &str) -> Option<String> {
    Some(format!("id: \"{id}\""))
}

/// The longest text a field may hold: names, ids and addresses are short; a reason a
/// paragraph. Longer text is a broken or hostile file, not data.
const MAX_TEXT: usize = 1024;
const MAX_REASON: usize = 8192;

type TooLong = (&'static str, usize, usize, String);

/// The first of `fields` longer than its limit: (field, length, limit, start of the text).
fn first_too_long<'a>(
    fields: impl IntoIterator<Item = (&'static str, &'a str, usize)>,
) -> Option<TooLong> {
    fields.into_iter().find_map(|(f, v, limit)| {
        let n = v.chars().count();
        (n > limit).then(|| (f, n, limit, v.chars().take(32).collect()))
    })
}

fn too_long_problem((field, n, limit, start): TooLong) -> Problem {
    problem(
        field,
        format!("{n} characters is too long (at most {limit})"),
        None,
        format!("\"{start}"),
    )
}

/// An employee's own rules: text lengths, a non-empty id, known credentials.
fn check_employee(e: &Employee, creds: &HashSet<&str>) -> Result<(), Problem> {
    let optional = [
        ("first_name", &e.first_name),
        ("last_name", &e.last_name),
        ("mcid", &e.mcid),
    ];
    let fields = [
        ("id", e.id.as_str(), MAX_TEXT),
        ("display_name", e.display_name.as_str(), MAX_TEXT),
        ("email", e.email.as_str(), MAX_TEXT),
    ]
    .into_iter()
    .chain(
        optional
            .into_iter()
            .filter_map(|(f, v)| v.as_deref().map(|v| (f, v, MAX_TEXT))),
    );
    if let Some(long) = first_too_long(fields) {
        return Err(too_long_problem(long));
    }
    if e.id.is_empty() {
        return Err(problem(
            "id",
            "an employee id must not be empty".into(),
            None,
            "id: \"\"".into(),
        ));
    }
    for a in &e.achievements {
        if !creds.contains(a.credential.as_str()) {
            return Err(problem(
                "credential",
                format!("unknown credential {} (employee {})", a.credential, e.id),
                employee_anchor(&e.id),
                quoted(&a.credential),
            ));
        }
    }
    Ok(())
}

fn duplicate_id(e: &Employee) -> Problem {
    let anchor = employee_anchor(&e.id);
    problem(
        "id",
        format!("duplicate employee id {}", e.id),
        anchor.clone(),
        anchor.unwrap_or_default(),
    )
}

fn duplicate_mcid(e: &Employee, m: &str) -> Problem {
    problem(
        "mcid",
        format!("duplicate MCID {m} (employee {})", e.id),
        employee_anchor(&e.id),
        quoted(m),
    )
}

/// The ids an achievement may name: either catalog's (designations.md DD19).
fn credential_ids(catalog: &Catalog) -> HashSet<&str> {
    let spp = catalog.designations.iter().flat_map(|d| &d.credentials);
    catalog
        .credentials
        .iter()
        .map(|c| c.id.as_str())
        .chain(spp.map(|c| c.id.as_str()))
        .collect()
}

pub fn validate(org: &Org, catalog: &Catalog) -> Result<(), Problem> {
    validate_meta(org, catalog)?;
    let creds = credential_ids(catalog);
    let mut ids = HashSet::new();
    let mut mcids = HashSet::new();
    for e in &org.employees {
        check_employee(e, &creds)?;
        if !ids.insert(e.id.as_str()) {
            return Err(duplicate_id(e));
        }
        if let Some(m) = e.mcid.as_deref().filter(|m| !m.is_empty())
            && !mcids.insert(m)
        {
            return Err(duplicate_mcid(e, m));
        }
    }
    Ok(())
}

/// The rules an edit can break, for what it touched only: the touched employees (each against
/// every other for its id and MCID) and, if `meta`, everything but the employees. The rest was
/// valid before the edit. 100,000 employees are checked in about a millisecond, not 50.
pub fn validate_touched(
    org: &Org,
    catalog: &Catalog,
    employees: &[String],
    meta: bool,
) -> Result<(), String> {
    // Each touched employee is compared with every other: past a few dozen, one pass over
    // the whole organisation is cheaper.
    if employees.len() > 32 {
        return validate_org(org, catalog);
    }
    let shown = |p: Problem| format!("{}: {}", p.field, p.message);
    if meta {
        validate_meta(org, catalog).map_err(shown)?;
    }
    let creds = credential_ids(catalog);
    for e in org.employees.iter().filter(|e| employees.contains(&e.id)) {
        check_employee(e, &creds).map_err(shown)?;
        if org.employees.iter().filter(|o| o.id == e.id).count() > 1 {
            return Err(shown(duplicate_id(e)));
        }
        if let Some(m) = e.mcid.as_deref().filter(|m| !m.is_empty())
            && org
                .employees
                .iter()
                .filter(|o| o.mcid.as_deref() == Some(m))
                .count()
                > 1
        {
            return Err(shown(duplicate_mcid(e, m)));
        }
    }
    Ok(())
}

/// Everything but the employees: names, format, figures, overrides, settings, subscriptions.
fn validate_meta(org: &Org, catalog: &Catalog) -> Result<(), Problem> {
    let fields = [("name", org.name.as_str(), MAX_TEXT)]
        .into_iter()
        .chain(org.domain.as_deref().map(|d| ("domain", d, MAX_TEXT)))
        .chain(org.overrides.iter().flat_map(|o| {
            [
                ("reason", o.reason.as_str(), MAX_REASON),
                ("set_by", o.set_by.as_str(), MAX_TEXT),
            ]
        }));
    if let Some(long) = first_too_long(fields) {
        return Err(too_long_problem(long));
    }
    if org.format != ORG_FORMAT {
        return Err(problem(
            "format",
            format!(
                "unsupported format {:?}; this attain reads {ORG_FORMAT:?}",
                org.format
            ),
            None,
            "format".into(),
        ));
    }
    let comps: HashSet<&str> = catalog.competencies.iter().map(|c| c.id.as_str()).collect();
    let mut flags = HashSet::new();
    for p in &org.performance {
        if let Some(figure) = catalog
            .designations
            .as_ref()
            .and_then(|d| d.figure(&p.metric))
        {
            check_figure(p, figure)?;
            // A classification is one fact per month: two would add up to 2.
            if figure.unit == FigureUnit::Flag && !flags.insert((p.metric.as_str(), p.period_end)) {
                return Err(problem(
                    "period_end",
                    format!("figure {} has two entries for {}", p.metric, p.period_end),
                    Some(quoted(&p.metric)),
                    quoted(&p.period_end.to_string()),
                ));
            }
            continue;
        }
        if p.track.is_some() {
            return Err(problem(
                "track",
                format!(
                    "metric {} is not a designation figure; only those have a track",
                    p.metric
                ),
                Some(quoted(&p.metric)),
                "track".into(),
            ));
        }
        let Some(metric) = catalog.metrics.iter().find(|m| m.id == p.metric) else {
            return Err(problem(
                "metric",
                format!("unknown metric {}", p.metric),
                None,
                quoted(&p.metric),
            ));
        };
        if !p.value.is_finite() || (p.value < 0.0 && !metric.allow_negative) {
            return Err(problem(
                "value",
                format!(
                    "metric {} cannot be {} (negative or not a number)",
                    p.metric, p.value
                ),
                Some(quoted(&p.metric)),
                "value".into(),
            ));
        }
    }
    for o in &org.overrides {
        if !comps.contains(o.competency.as_str()) {
            return Err(problem(
                "competency",
                format!("unknown competency {}", o.competency),
                None,
                quoted(&o.competency),
            ));
        }
        if o.ends_on.is_some_and(|end| end < o.starts_on) {
            return Err(problem(
                "ends_on",
                format!("override of {} ends before it starts", o.competency),
                Some(quoted(&o.competency)),
                "ends_on".into(),
            ));
        }
    }
    let settings = org.settings();
    if let (Some(wanted), Some(spp)) = (&settings.designation_snapshot, &catalog.designations)
        && *wanted != spp.snapshot
    {
        return Err(problem(
            "designation_snapshot",
            format!(
                "no bundled designations snapshot {wanted:?}; this attain has {:?}",
                spp.snapshot
            ),
            None,
            quoted(wanted),
        ));
    }
    for c in settings
        .competency_priority
        .iter()
        .chain(settings.scoring_models.keys())
    {
        if !comps.contains(c.as_str()) {
            return Err(problem(
                "settings",
                format!("unknown competency {c}"),
                None,
                quoted(c),
            ));
        }
    }
    for (c, model) in &settings.scoring_models {
        if *model == ScoringModel::Pci && c != PCI_COMPETENCY {
            return Err(problem(
                "scoring_models",
                format!("the Pci model applies to {PCI_COMPETENCY} only, not {c}"),
                None,
                quoted(c),
            ));
        }
    }
    validate_subscriptions(org, settings.renewal_window_days)
}

/// A designation figure's entry rules (designations.md §2.4): the last day of a month; a
/// finite value, not negative unless the figure is a net one; a flag 0 or 1, for both tracks.
fn check_figure(p: &PerformanceEntry, figure: &Figure) -> Result<(), Problem> {
    let at = Some(quoted(&p.metric));
    if p.period_end.add_days(1).0.day() != 1 {
        return Err(problem(
            "period_end",
            format!(
                "figure {} describes a month: period_end {} must be the month's last day",
                p.metric, p.period_end
            ),
            at,
            quoted(&p.period_end.to_string()),
        ));
    }
    let flag = figure.unit == FigureUnit::Flag;
    let bad = !p.value.is_finite()
        || (p.value < 0.0 && !figure.negative)
        || (flag && p.value != 0.0 && p.value != 1.0);
    if bad {
        let rule = if flag {
            "0 or 1"
        } else if figure.negative {
            "a finite number"
        } else {
            "a finite number, not negative"
        };
        return Err(problem(
            "value",
            format!("figure {} cannot be {}: it is {rule}", p.metric, p.value),
            at,
            "value".into(),
        ));
    }
    if flag && p.track.is_some() {
        return Err(problem(
            "track",
            format!("figure {} is a flag: it has no track", p.metric),
            at,
            "track".into(),
        ));
    }
    Ok(())
}

fn validate_subscriptions(org: &Org, window_days: u32) -> Result<(), Problem> {
    if org.membership.is_none() && !org.previous_subscriptions.is_empty() {
        return Err(problem(
            "membership",
            "previous_subscriptions without a current membership".into(),
            None,
            "previous_subscriptions".into(),
        ));
    }
    let subs = org.subscriptions();
    for (i, s) in subs.iter().enumerate() {
        let next = subs.get(i + 1).map(|n| n.purchased_on);
        if let Some(n) = next
            && n <= s.purchased_on
        {
            return Err(problem(
                "purchased_on",
                format!(
                    "purchased_on {n} must be after the previous subscription's {}",
                    s.purchased_on
                ),
                None,
                quoted(&n.to_string()),
            ));
        }
        let mut last_k: Option<u32> = None;
        for r in &s.renewed_on {
            let needle = quoted(&r.to_string());
            let Some(k) = renewal_year(s, r.day(), window_days) else {
                return Err(problem(
                    "renewed_on",
                    format!(
                        "renewal {r} is outside every renewal window of the subscription bought {}",
                        s.purchased_on
                    ),
                    None,
                    needle,
                ));
            };
            let expected = last_k.map_or(0, |l| l + 1);
            if k < expected || (!s.auto_renew && k != expected) {
                return Err(problem(
                    "renewed_on",
                    format!(
                        "renewal {r} does not follow the previous subscription year (missing or repeated renewal)"
                    ),
                    None,
                    needle,
                ));
            }
            if next.is_some_and(|n| *r >= n) {
                return Err(problem(
                    "renewed_on",
                    format!("renewal {r} is not before the next purchase"),
                    None,
                    needle,
                ));
            }
            last_k = Some(k);
        }
    }
    Ok(())
}

/// The anniversary `A_k` = purchase day + (k+1) years (domain.md §6.3).
pub fn anniversary(purchased: Day, k: u32) -> Day {
    purchased.add_months(12 * (k as i32 + 1))
}

/// The year `k` whose renewal window (`A_k` + 1 … `A_k` + window) holds `day`.
pub fn renewal_year(s: &Subscription, day: Day, window_days: u32) -> Option<u32> {
    let p = s.purchased_on.day();
    let years = (day.year() - p.year()).max(0) as u32;
    (0..=years).find(|&k| {
        let a = anniversary(p, k);
        day > a && day <= a.add_days(window_days as i64)
    })
}
