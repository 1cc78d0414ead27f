//! Reminders: dated actions before credentials stop counting, around the anniversary and
//! before overrides end, as a list and as an iCalendar file.

use super::Engine;
use super::membership::state_at;
use crate::model::{Catalog, Day, Instant, Org};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    pub due: String,
    /// `credential_expiring`, `renewal_before`, `renewal_after`, `override_ending`
    pub kind: &'static str,
    pub message: String,
    /// Stable across runs, so calendar applications update rather than duplicate.
    pub key: String,
    /// The message's parts, for the window's translations (dates as YYYY-MM-DD).
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

/// Every reminder due on or after the as-of date, in date order.
pub fn reminders(catalog: &Catalog, org: &Org, as_of: Instant) -> Result<Vec<Reminder>, String> {
    Ok(reminders_with(&Engine::new(catalog, org)?, as_of))
}

/// The same with an organisation already prepared (the window's evaluation has one).
pub fn reminders_with(engine: &Engine, as_of: Instant) -> Vec<Reminder> {
    let (catalog, org) = (engine.catalog, engine.org);
    let settings = org.settings();
    let today = as_of.day();
    let t = as_of.secs();
    let mut out: Vec<(Day, Reminder)> = Vec::new();
    let mut push = |due: Day,
                    kind: &'static str,
                    message: String,
                    key: String,
                    args: Vec<(&'static str, String)>| {
        if due >= today {
            out.push((
                due,
                Reminder {
                    due: due.to_string(),
                    kind,
                    message,
                    key,
                    args,
                },
            ));
        }
    };
    for p in engine.people() {
        for (cred, end) in p.stops_counting(t, i64::MAX - 1) {
            let last = Instant::from_secs(end).day().add_days(-1);
            let id = &catalog.credentials[cred].id;
            for d in &settings.reminder_stages_days {
                let due = last.add_days(1 - i64::from(*d));
                push(
                    due,
                    "credential_expiring",
                    format!("{}: {id} stops counting after {last} ({d} days)", p.id),
                    format!("{}-{id}-{last}-{d}", p.id),
                    vec![
                        ("employee", p.id.to_string()),
                        ("credential", id.clone()),
                        ("last", last.to_string()),
                        ("days", d.to_string()),
                    ],
                );
            }
        }
    }
    if let Some(s) = state_at(org, &settings, as_of, &mut |_, _| false) {
        let a = s.anniversary;
        let before = i64::from(settings.renewal_reminder_before_days);
        let after = i64::from(settings.renewal_reminder_after_days);
        push(
            a.add_days(-before),
            "renewal_before",
            format!("membership anniversary on {a}: renew in the window that follows"),
            format!("renewal-{a}-before"),
            vec![("anniversary", a.to_string())],
        );
        push(
            a.add_days(after),
            "renewal_after",
            format!(
                "the renewal window after {a} closes on {}",
                a.add_days(i64::from(settings.renewal_window_days))
            ),
            format!("renewal-{a}-after"),
            vec![
                ("anniversary", a.to_string()),
                (
                    "closes",
                    a.add_days(i64::from(settings.renewal_window_days))
                        .to_string(),
                ),
            ],
        );
    }
    for o in &org.overrides {
        let ends = o.ends_on.unwrap_or_else(|| {
            o.starts_on
                .add_months(settings.override_default_months as i32)
        });
        let due = ends.add_days(1 - i64::from(settings.override_ending_days));
        push(
            due,
            "override_ending",
            format!("the override of {} ends on {ends}", o.competency),
            format!("override-{}-{ends}", o.competency),
            vec![
                ("competency", o.competency.clone()),
                ("ends", ends.to_string()),
            ],
        );
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.key.cmp(&b.1.key)));
    out.into_iter().map(|(_, r)| r).collect()
}

/// The reminders as an iCalendar file: one all-day event each.
pub fn to_ics(org: &Org, reminders: &[Reminder]) -> String {
    use icalendar::{Calendar, Component, EventLike};
    let mut cal = Calendar::new();
    cal.name(&format!("attain: {}", org.name));
    for r in reminders {
        let Ok(day) = Day::parse(&r.due) else {
            continue;
        };
        let event = icalendar::Event::new()
            .uid(&format!("{}@attain", r.key))
            .summary(&r.message)
            .all_day(day.0)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
