//! Reminders: dated actions before credentials stop counting, around the anniversary and
//! before overrides end, as a list and as an iCalendar file.

use super::Engine;
use super::membership::state_at;
use super::report::Id;
use crate::model::{Catalog, Day, Instant, Org};
use serde::Serialize;

/// One dated action. Kept as data, not text: a 100,000-person organisation has about a
/// million of them, and the window words only the rows it shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reminder {
    pub due: Day,
    pub about: About,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum About {
    /// A counted credential stops counting after `last`; `days` is the stage before it.
    CredentialExpiring {
        employee: Id,
        credential: Id,
        last: Day,
        days: u32,
    },
    RenewalBefore {
        anniversary: Day,
    },
    RenewalAfter {
        anniversary: Day,
        closes: Day,
    },
    OverrideEnding {
        competency: Id,
        ends: Day,
    },
}

impl Reminder {
    /// `credential_expiring`, `renewal_before`, `renewal_after`, `override_ending`
    pub fn kind(&self) -> &'static str {
        match self.about {
            About::CredentialExpiring { .. } => "credential_expiring",
            About::RenewalBefore { .. } => "renewal_before",
            About::RenewalAfter { .. } => "renewal_after",
            About::OverrideEnding { .. } => "override_ending",
        }
    }

    /// Stable across runs, so calendar applications update rather than duplicate.
    pub fn key(&self) -> String {
        let mut k = String::new();
        self.write_key(&mut k);
        k
    }

    /// [`Reminder::key`] into a buffer the caller reuses.
    pub fn write_key(&self, out: &mut String) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = match &self.about {
            About::CredentialExpiring {
                employee,
                credential,
                last,
                days,
            } => write!(out, "{employee}-{credential}-{last}-{days}"),
            About::RenewalBefore { anniversary } => write!(out, "renewal-{anniversary}-before"),
            About::RenewalAfter { anniversary, .. } => write!(out, "renewal-{anniversary}-after"),
            About::OverrideEnding { competency, ends } => {
                write!(out, "override-{competency}-{ends}")
            }
        };
    }

    /// The reminder in English (the CLI and the calendar file of the CLI).
    pub fn message(&self) -> String {
        match &self.about {
            About::CredentialExpiring {
                employee,
                credential,
                last,
                days,
            } => format!("{employee}: {credential} stops counting after {last} ({days} days)"),
            About::RenewalBefore { anniversary } => {
                format!("membership anniversary on {anniversary}: renew in the window that follows")
            }
            About::RenewalAfter {
                anniversary,
                closes,
            } => format!("the renewal window after {anniversary} closes on {closes}"),
            About::OverrideEnding { competency, ends } => {
                format!("the override of {competency} ends on {ends}")
            }
        }
    }

    /// The message's parts, for the window's translations (dates as YYYY-MM-DD).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match &self.about {
            About::CredentialExpiring {
                employee,
                credential,
                last,
                days,
            } => vec![
                ("employee", employee.to_string()),
                ("credential", credential.to_string()),
                ("last", last.to_string()),
                ("days", days.to_string()),
            ],
            About::RenewalBefore { anniversary } => vec![("anniversary", anniversary.to_string())],
            About::RenewalAfter {
                anniversary,
                closes,
            } => vec![
                ("anniversary", anniversary.to_string()),
                ("closes", closes.to_string()),
            ],
            About::OverrideEnding { competency, ends } => vec![
                ("competency", competency.to_string()),
                ("ends", ends.to_string()),
            ],
        }
    }
}

/// As the CLI prints it: `{"due", "kind", "message", "key"}`.
impl Serialize for Reminder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut r = s.serialize_struct("Reminder", 4)?;
        r.serialize_field("due", &self.due.to_string())?;
        r.serialize_field("kind", self.kind())?;
        r.serialize_field("message", &self.message())?;
        r.serialize_field("key", &self.key())?;
        r.end()
    }
}

/// Every reminder due on or after the as-of date, in date order.
pub fn reminders(catalog: &Catalog, org: &Org, as_of: Instant) -> Result<Vec<Reminder>, String> {
    Ok(reminders_with(&Engine::new(catalog, org)?, as_of))
}

/// The same with an organisation already prepared (the window's evaluation has one).
pub fn reminders_with(engine: &Engine, as_of: Instant) -> Vec<Reminder> {
    let org = engine.org;
    let settings = org.settings();
    let today = as_of.day();
    let t = as_of.secs();
    let mut out: Vec<Reminder> = Vec::new();
    let mut push = |due: Day, about: About| {
        if due >= today {
            out.push(Reminder { due, about });
        }
    };
    for p in engine.people() {
        for (cred, end) in p.stops_counting(t, i64::MAX - 1) {
            let last = Instant::from_secs(end).day().add_days(-1);
            for d in &settings.reminder_stages_days {
                push(
                    last.add_days(1 - i64::from(*d)),
                    About::CredentialExpiring {
                        employee: p.id.clone(),
                        credential: engine.compiled.cred_ids[cred].clone(),
                        last,
                        days: *d,
                    },
                );
            }
        }
    }
    if let Some(s) = state_at(org, &settings, as_of, &mut |_, _| false) {
        let a = s.anniversary;
        let before = i64::from(settings.renewal_reminder_before_days);
        let after = i64::from(settings.renewal_reminder_after_days);
        push(a.add_days(-before), About::RenewalBefore { anniversary: a });
        push(
            a.add_days(after),
            About::RenewalAfter {
                anniversary: a,
                closes: a.add_days(i64::from(settings.renewal_window_days)),
            },
        );
    }
    for o in &org.overrides {
        let ends = o.ends_on.unwrap_or_else(|| {
            o.starts_on
                .add_months(settings.override_default_months as i32)
        });
        push(
            ends.add_days(1 - i64::from(settings.override_ending_days)),
            About::OverrideEnding {
                competency: o.competency.as_str().into(),
                ends,
            },
        );
    }
    out.sort_unstable();
    out.shrink_to_fit();
    out
}

/// The reminders as an iCalendar file: one all-day event each, worded by `text`.
pub fn to_ics<'a>(
    org: &Org,
    reminders: impl IntoIterator<Item = &'a Reminder>,
    text: impl Fn(&Reminder) -> String,
) -> String {
    use icalendar::{Calendar, Component, EventLike};
    let mut cal = Calendar::new();
    cal.name(&format!("attain: {}", org.name));
    for r in reminders {
        let event = icalendar::Event::new()
            .uid(&format!("{}@attain", r.key()))
            .summary(&text(r))
            .all_day(r.due.0)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
