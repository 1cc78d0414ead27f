//! The forecasting panels' state and commands: the what-if sandbox, plans, key-person risk
//! and the reminders' done/snoozed states (the reminders come with the evaluation). Results are
//! recomputed whenever the organisation or the as-of date changes.

use super::AttainApp;
use super::dialogs::FileFor;
use super::jobs::Job;
use crate::eval::LevelName;
use crate::eval::plan::Plan;
use crate::eval::reminders::Reminders;
use crate::eval::risk::Risk;
use crate::eval::whatif::{Change, NotCreditedPerson, WhatIf};
use crate::i18n::Wording as _;
use crate::model::{Achievement, Edit, Employee, Instant, PerformanceEntry};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What the user did with a reminder.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ReminderState {
    Done,
    /// Hidden until this day (YYYY-MM-DD).
    Snoozed(String),
}

#[derive(Default)]
pub struct Forecast {
    /// The organisation the sandbox and the reminder states belong to.
    pub org_id: i64,
    pub changes: Vec<Change>,
    pub whatif: Job<Result<WhatIf, String>>,
    pub plan_request: Option<(String, LevelName)>,
    pub plan: Job<Result<Plan, String>>,
    /// The designation whose plan the Designations panel asked for, and that plan.
    pub spp_plan_request: Option<String>,
    pub spp_plan: Job<Result<crate::eval::spp_plan::SppPlan, String>>,
    pub risk_requested: bool,
    pub risk: Job<Result<Risk, String>>,
    pub credit_requested: bool,
    pub credit: Job<Result<Vec<NotCreditedPerson>, String>>,
    pub reminder_states: BTreeMap<String, ReminderState>,
    /// Moves on with every change of `reminder_states` (the panel's cached rows follow it).
    pub states_generation: u64,
}

/// The reminders a list shows: all of them (no index list for a million rows), or these
/// positions.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    All(usize),
    Some(Vec<u32>),
}

impl Shown {
    pub fn len(&self) -> usize {
        match self {
            Shown::All(n) => *n,
            Shown::Some(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position in the evaluation's list of the `row`-th reminder shown.
    pub fn get(&self, row: usize) -> Option<usize> {
        match self {
            Shown::All(n) => (row < *n).then_some(row),
            Shown::Some(v) => v.get(row).map(|i| *i as usize),
        }
    }
}

/// The reminders to show. Keys are written into one reused buffer, and only when some
/// reminder has a state: a large organisation has about a million reminders.
/// No list yet (the evaluation is still running): nothing to show.
pub fn open_indices(
    list: Option<&Reminders>,
    states: &BTreeMap<String, ReminderState>,
    today: crate::model::Day,
    all: bool,
) -> Shown {
    let Some(list) = list else {
        return Shown::All(0);
    };
    if all || states.is_empty() {
        return Shown::All(list.len());
    }
    let today = today.to_string();
    let mut key = String::new();
    Shown::Some(
        (0..list.len() as u32)
            .filter(|i| {
                key.clear();
                let Some(r) = list.get(*i as usize) else {
                    return false;
                };
                r.write_key(&mut key);
                match states.get(&key) {
                    Some(ReminderState::Done) => false,
                    Some(ReminderState::Snoozed(until)) => *until <= today,
                    None => true,
                }
            })
            .collect(),
    )
}

impl Forecast {
    /// Takes every finished result; true while one is still running.
    pub fn poll(&mut self) -> bool {
        // Every job is polled (no short-circuit): each takes its own finished result.
        let polled = [
            self.whatif.poll(),
            self.plan.poll(),
            self.spp_plan.poll(),
            self.risk.poll(),
            self.credit.poll(),
        ];
        polled.contains(&true)
    }
}

/// The forecasting commands (see [`super::Command`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ForecastCommand {
    AddChange(Change),
    RemoveChange(usize),
    ClearChanges,
    /// Makes the sandbox real: one transaction, one undo.
    ApplySandbox,
    Plan(String, LevelName),
    /// The fewest certifications and figure changes that qualify a designation.
    DesignationPlan(String),
    Risk,
    /// Certified but not credited, with what each association would add.
    Credit,
    ReminderDone(String),
    ReminderSnooze(String, u32),
    ReminderReset(String),
    ExportIcsDialog,
    ExportIcsTo(PathBuf),
}

fn states_key(org_id: i64) -> String {
    format!("reminders.{org_id}")
}

impl AttainApp {
    /// Recomputes what the forecasting panels show (after an edit, an as-of change or
    /// another organisation).
    pub(super) fn refresh_forecast(&mut self) {
        if self.forecast.org_id != self.org_id {
            self.forecast = Forecast {
                org_id: self.org_id,
                ..Forecast::default()
            };
            self.forecast.reminder_states = self
                .store
                .setting(&states_key(self.org_id))
                .ok()
                .flatten()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
        }
        let (catalog, org, as_of) = (self.catalog.clone(), self.org.clone(), self.as_of());
        let people = org.employees.len();
        self.start_whatif();
        if let Some((comp, level)) = self.forecast.plan_request.clone() {
            let (catalog, org) = (catalog.clone(), org.clone());
            self.forecast
                .plan
                .start("plan", people, &self.waker, move || {
                    crate::eval::plan::plan(&catalog, &org, &comp, level, as_of)
                });
        }
        if let Some(id) = self.forecast.spp_plan_request.clone() {
            let (catalog, org) = (catalog.clone(), org.clone());
            self.forecast
                .spp_plan
                .start("designation plan", people, &self.waker, move || {
                    crate::eval::spp_plan::plan_for(&catalog, &org, &id, as_of)
                });
        }
        if self.forecast.credit_requested {
            let (catalog, org) = (catalog.clone(), org.clone());
            self.forecast
                .credit
                .start("credit", people, &self.waker, move || {
                    crate::eval::whatif::certified_not_credited(&catalog, &org, as_of)
                });
        }
        if self.forecast.risk_requested {
            self.forecast
                .risk
                .start("risk", people, &self.waker, move || {
                    crate::eval::risk::risk(&catalog, &org, as_of)
                });
        }
    }

    fn start_whatif(&mut self) {
        if self.forecast.changes.is_empty() {
            self.forecast.whatif.clear();
            return;
        }
        let (catalog, org, as_of) = (self.catalog.clone(), self.org.clone(), self.as_of());
        let changes = self.forecast.changes.clone();
        self.forecast
            .whatif
            .start("whatif", org.employees.len(), &self.waker, move || {
                crate::eval::whatif::whatif(&catalog, &org, as_of, &changes)
            });
    }

    pub(super) fn run_forecast(&mut self, cmd: ForecastCommand) {
        match cmd {
            ForecastCommand::AddChange(c) => {
                self.forecast.changes.push(c);
                self.start_whatif();
            }
            ForecastCommand::RemoveChange(i) => {
                if i < self.forecast.changes.len() {
                    self.forecast.changes.remove(i);
                }
                self.start_whatif();
            }
            ForecastCommand::ClearChanges => {
                self.forecast.changes.clear();
                self.start_whatif();
            }
            ForecastCommand::ApplySandbox => self.apply_sandbox(),
            ForecastCommand::Plan(comp, level) => {
                self.forecast.plan_request = Some((comp, level));
                self.refresh_forecast();
            }
            ForecastCommand::DesignationPlan(id) => {
                self.forecast.spp_plan_request = Some(id);
                self.refresh_forecast();
            }
            ForecastCommand::Risk => {
                self.forecast.risk_requested = true;
                self.refresh_forecast();
            }
            ForecastCommand::Credit => {
                self.forecast.credit_requested = true;
                self.refresh_forecast();
            }
            ForecastCommand::ReminderDone(key) => self.set_reminder(key, Some(ReminderState::Done)),
            ForecastCommand::ReminderSnooze(key, days) => {
                let until = self.as_of().day().add_days(i64::from(days)).to_string();
                self.set_reminder(key, Some(ReminderState::Snoozed(until)));
            }
            ForecastCommand::ReminderReset(key) => self.set_reminder(key, None),
            ForecastCommand::ExportIcsDialog => {
                let name = format!("{}.ics", self.org.name.replace(['/', '\\', ':'], "_"));
                self.ask_file(FileFor::ExportIcs, Some(name));
            }
            ForecastCommand::ExportIcsTo(path) => {
                self.remember_folder(&path);
                let open = open_indices(
                    self.eval.reminders.as_deref(),
                    &self.forecast.reminder_states,
                    self.as_of().day(),
                    false,
                );
                let list = self.eval.reminders.clone().unwrap_or_default();
                let ics = crate::eval::reminders::to_ics(
                    &self.org,
                    (0..open.len()).filter_map(|row| open.get(row).and_then(|i| list.get(i))),
                    |r| {
                        let names = self.eval.names.as_deref();
                        let person = |id: &str| {
                            names
                                .and_then(|n| n.get(id))
                                .map_or_else(|| id.to_string(), String::clone)
                        };
                        self.tr.reminder(&self.catalog, &person, r)
                    },
                );
                match crate::io::write_atomic(&path, ics.as_bytes()) {
                    Ok(()) => self.ok(self.tr.t(
                        "reminders-exported",
                        &[
                            ("count", open.len().to_string()),
                            ("file", path.display().to_string()),
                        ],
                    )),
                    Err(e) => self.fail(format!("{}: {e}", path.display())),
                }
            }
        }
    }

    fn set_reminder(&mut self, key: String, state: Option<ReminderState>) {
        match state {
            Some(s) => self.forecast.reminder_states.insert(key, s),
            None => self.forecast.reminder_states.remove(&key),
        };
        self.forecast.states_generation += 1;
        let json = serde_json::to_string(&self.forecast.reminder_states).unwrap_or_default();
        self.remember(&states_key(self.org_id), &json);
    }

    /// The sandbox's changes as edits of the saved organisation.
    fn apply_sandbox(&mut self) {
        let as_of = self.as_of();
        let mut edits = Vec::new();
        for c in &self.forecast.changes {
            match sandbox_edits(&self.org, c, as_of) {
                Ok(mut e) => edits.append(&mut e),
                Err(e) => return self.fail(e),
            }
        }
        if edits.is_empty() {
            return;
        }
        let before = self.undo.len();
        self.edit(Edit::Batch(edits));
        if self.undo.len() > before {
            self.forecast.changes.clear();
            self.ok(self.t("sandbox-applied"));
            self.refresh_forecast();
        }
    }
}

/// The real edits of one sandbox change. Added credentials are dated at the as-of instant,
/// so they count after the usual association delay (the sandbox counts them at once).
fn sandbox_edits(org: &crate::model::Org, c: &Change, as_of: Instant) -> Result<Vec<Edit>, String> {
    let person = |id: &str| {
        org.employees
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| format!("no employee {id}"))
    };
    Ok(match c {
        Change::Leave { employee, at } => vec![Edit::SetLeaver {
            employee: person(employee)?.id.clone(),
            left_on: Some(at.unwrap_or(as_of)),
        }],
        Change::Lapse {
            employee,
            credential,
        } => {
            let e = person(employee)?;
            // From the last position down, so earlier positions stay valid.
            (0..e.achievements.len())
                .rev()
                .filter(|i| &e.achievements[*i].credential == credential)
                .map(|index| Edit::RemoveAchievement {
                    employee: e.id.clone(),
                    index,
                })
                .collect()
        }
        Change::Add {
            employee,
            credential,
            at,
        } => vec![Edit::AddAchievement {
            employee: person(employee)?.id.clone(),
            achievement: Achievement::new(credential, at.unwrap_or(as_of)),
        }],
        Change::Hire { name, credentials } => {
            let id = org.free_employee_id("", name);
            let domain = org.domain.as_deref().unwrap_or("example.invalid");
            let mut e = Employee::new(&id, name.trim(), &format!("{id}@{domain}"));
            e.associated_on = Some(as_of);
            e.achievements = credentials
                .iter()
                .map(|c| Achievement::new(c, as_of))
                .collect();
            vec![Edit::AddEmployee(e)]
        }
        Change::Metric { metric, value } => vec![Edit::AddPerformance(PerformanceEntry {
            metric: metric.clone(),
            value: *value,
            period_end: as_of.day(),
            association: None,
            licence: None,
            track: None,
        })],
    })
}
