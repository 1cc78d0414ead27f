//! Reminders: dated actions before credentials stop counting, around the anniversary and
//! before overrides end, as a list and as an iCalendar file.

use super::Engine;
use super::membership::state_at;
use super::report::Id;
use crate::model::Sym;
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
        credential: Sym,
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
    Ok(reminders_with(&Engine::new(catalog, org)?, as_of)
        .iter()
        .collect())
}

/// The reminders of one evaluation, held compactly: about a million for 100,000 employees.
/// A credential's stages share one event (12 bytes) and the date order is one `u32` per
/// reminder; [`Reminders::get`] builds the reminder a row shows.
#[derive(Debug, Clone, Default)]
pub struct Reminders {
    /// The engine's ids of the people the events name (shared, not copied).
    people: Vec<Id>,
    events: Vec<Event>,
    /// The stages, in days before the last day a credential counts.
    stages: Vec<u32>,
    /// Renewal and override reminders (a handful).
    others: Vec<Reminder>,
    /// Date order: `event * stages + stage`, or past the events' range an index into `others`.
    order: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Event {
    person: u32,
    credential: Sym,
    last: Day,
}

impl Reminders {
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The `i`-th reminder in date order.
    pub fn get(&self, i: usize) -> Option<Reminder> {
        let code = *self.order.get(i)? as usize;
        let stages = self.stages.len().max(1);
        let Some(code) = code.checked_sub(self.events.len() * stages) else {
            let e = self.events.get(code / stages)?;
            let days = *self.stages.get(code % stages)?;
            return Some(Reminder {
                due: e.last.add_days(1 - i64::from(days)),
                about: About::CredentialExpiring {
                    employee: self.people.get(e.person as usize)?.clone(),
                    credential: e.credential,
                    last: e.last,
                    days,
                },
            });
        };
        self.others.get(code).cloned()
    }

    /// The people the reminders name (once per credential, not per stage).
    pub fn people(&self) -> impl Iterator<Item = &str> + '_ {
        self.events
            .iter()
            .filter_map(|e| self.people.get(e.person as usize))
            .map(|p| p.as_ref())
    }

    pub fn iter(&self) -> impl Iterator<Item = Reminder> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// The same with an organisation already prepared (the window's evaluation has one).
pub fn reminders_with(engine: &Engine, as_of: Instant) -> Reminders {
    let org = engine.org;
    let settings = org.settings();
    let today = as_of.day();
    let t = as_of.secs();
    let stages = settings.reminder_stages_days.clone();
    let n = stages.len().max(1);
    let syms = &engine.compiled.cred_syms;
    let mut r = Reminders {
        stages,
        ..Default::default()
    };
    // (due, code) pairs, sorted below; the codes of `others` are offset afterwards.
    let mut dated: Vec<(Day, u32)> = Vec::new();
    for p in engine.people() {
        let mut named = false;
        for (cred, end) in p.stops_counting(t, i64::MAX - 1) {
            let last = Instant::from_secs(end).day().add_days(-1);
            let event = r.events.len();
            let before = dated.len();
            for (s, d) in r.stages.iter().enumerate() {
                let due = last.add_days(1 - i64::from(*d));
                if due >= today {
                    dated.push((due, (event * n + s) as u32));
                }
            }
            if dated.len() == before {
                continue;
            }
            if !named {
                r.people.push(p.id.clone());
                named = true;
            }
            r.events.push(Event {
                person: (r.people.len() - 1) as u32,
                credential: syms[cred],
                last,
            });
        }
    }
    let mut push = |due: Day, about: About| {
        if due >= today {
            r.others.push(Reminder { due, about });
        }
    };
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
    let base = r.events.len() * n;
    dated.extend(
        r.others
            .iter()
            .enumerate()
            .map(|(k, o)| (o.due, (base + k) as u32)),
    );
    dated.sort_unstable();
    // Collected afresh: an in-place collect would keep the pairs' (twice larger) buffer.
    r.order = Vec::with_capacity(dated.len());
    r.order.extend(dated.iter().map(|(_, code)| *code));
    drop(dated);
    r.people.shrink_to_fit();
    r.events.shrink_to_fit();
    r
}

/// The reminders as an iCalendar file: one all-day event each, worded by `text`.
pub fn to_ics(
    org: &Org,
    reminders: impl IntoIterator<Item = impl std::borrow::Borrow<Reminder>>,
    text: impl Fn(&Reminder) -> String,
) -> String {
    use icalendar::{Calendar, Component, EventLike};
    let mut cal = Calendar::new();
    cal.name(&format!("attain: {}", org.name));
    for r in reminders {
        let r = r.borrow();
        let event = icalendar::Event::new()
            .uid(&format!("{}@attain", r.key()))
            .summary(&text(r))
            .all_day(r.due.0)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
