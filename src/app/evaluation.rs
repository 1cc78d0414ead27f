//! The evaluation the window shows: the report and the 12-month timeline, computed on a
//! worker thread for large organisations so the frame never waits for it.

use crate::eval::reminders::Reminders;
use crate::eval::{Engine, LevelName, Report};

/// Per competency, the people an earlier competency's Gold consumed (reuse off, §3.6).
pub type UsedElsewhere = Vec<Vec<(Arc<str>, usize)>>;

/// The display names of the people the report names (alerts, requirements, who does not
/// count, who counts elsewhere), by id: the window shows names, ids on hover.
pub type Names = rustc_hash::FxHashMap<Arc<str>, String>;

/// The report once every pending sync has run (`as_of` plus the sync delay), when some
/// credential waits for one: the requirements it meets then say so.
pub type Soon = Option<(Instant, Report)>;

/// What one evaluation gives the window.
type Computed = (Report, Timeline, Reminders, UsedElsewhere, Names, Soon);
use super::jobs::{Job, Waker};
use crate::i18n::{Lang, Tr};
use crate::model::{Catalog, Instant, Org};
use std::sync::Arc;
/// At most this many instants on the timeline; beyond it, one a week.
const MAX_POINTS: usize = 400;

/// Competency levels at the instants where they can change, over the next 12 months.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub points: Vec<(Instant, Vec<LevelName>)>,
    /// Each change of level with its causes, in time order.
    pub events: Vec<crate::eval::timeline::Event>,
}

#[derive(Default)]
pub struct Evaluation {
    pub report: Option<Arc<Report>>,
    pub timeline: Option<Arc<Timeline>>,
    /// Due reminders, from the same prepared organisation as the report.
    pub reminders: Option<Arc<Reminders>>,
    pub used_elsewhere: Option<Arc<UsedElsewhere>>,
    /// The alerts' people by name (the links show names, not ids).
    pub names: Option<Arc<Names>>,
    /// The levels once the pending syncs have run, if any is pending.
    pub soon: Option<Arc<(Instant, Report)>>,
    pub error: Option<String>,
    job: Job<Result<Computed, String>>,
    /// The size of the organisation last evaluated.
    people: usize,
    /// The language of the last request (for a message of its own).
    lang: Lang,
}

impl Evaluation {
    pub fn busy(&self) -> bool {
        self.job.busy()
    }

    /// Evaluates `org` at `as_of`: within the frame for a small organisation, else on a
    /// worker (a newer request replaces an older one still running).
    pub fn start(
        &mut self,
        catalog: Arc<Catalog>,
        org: Arc<Org>,
        as_of: Instant,
        lang: Lang,
        waker: &Waker,
    ) {
        self.lang = lang;
        let people = org.employees.len();
        self.people = people;
        self.job.start("eval", people, waker, move || {
            let built = compute(&catalog, &org, as_of, lang);
            // Copied into fresh memory, the results no longer pin the pages the engine's
            // tables were freed from.
            built.clone()
        });
        self.poll();
    }

    /// Takes a finished result, if any.
    pub fn poll(&mut self) {
        match self.job.finished() {
            None => {}
            // The worker panicked (the crash hook reported it): keep the last results.
            Some(None) => self.error = Some(Tr::new(self.lang).t("error-worker-stopped", &[])),
            Some(Some(result)) => self.replace(result),
        }
    }

    /// A new result replaces the last.
    fn replace(&mut self, result: Result<Computed, String>) {
        self.clear();
        self.finish(result);
    }

    /// Forgets the last results (a new one lands, or another organisation is shown and the
    /// panels wait for its own). Large ones are freed, and their pages handed back, by a
    /// worker rather than the frame.
    pub fn clear(&mut self) {
        let old = (
            self.report.take(),
            self.timeline.take(),
            self.reminders.take(),
            self.used_elsewhere.take(),
            self.names.take(),
            self.soon.take(),
        );
        self.error = None;
        if self.people > super::jobs::IN_FRAME_PEOPLE {
            super::jobs::drop_elsewhere(old);
        }
    }

    /// Waits for a background evaluation (tests, benchmarks).
    pub fn wait(&mut self) {
        self.job.wait();
        self.poll();
    }

    fn finish(&mut self, result: Result<Computed, String>) {
        match result {
            Ok((report, timeline, reminders, used, names, soon)) => {
                self.names = Some(Arc::new(names));
                self.soon = soon.map(Arc::new);
                self.report = Some(Arc::new(report));
                self.timeline = Some(Arc::new(timeline));
                self.reminders = Some(Arc::new(reminders));
                self.used_elsewhere = Some(Arc::new(used));
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }
}

fn compute(catalog: &Catalog, org: &Org, as_of: Instant, lang: Lang) -> Result<Computed, String> {
    // The window shows no input warnings (the command line's report lists them): not made,
    // kept, nor put into words (74,809 of them at 100,000 people, 11 MB).
    let engine = Engine::new(catalog, org)?.without_input_warnings();
    let mut report = engine.report(as_of);
    // The window's alerts speak of people, competencies and credentials by name.
    Tr::new(lang).localize_report_for(&mut report, org, catalog);
    let used = engine.used_elsewhere(as_of);
    let reminders = crate::eval::reminders::reminders_with(&engine, as_of);
    // The 12 months ahead: each change of level with its causes (built only where a level
    // changes).
    let end = as_of.day().add_months(12).start();
    let mut instants = crate::eval::timeline::change_instants(&engine, org, catalog, as_of, end);
    let events = crate::eval::timeline::events_at(&engine, org, catalog, as_of, &instants);
    let mut named = named_in(&report, &used);
    named.extend(reminders.people());
    named.extend(
        events
            .iter()
            .flat_map(|e| &e.causes)
            .filter_map(|c| match c {
                crate::eval::timeline::CauseKind::Starts { person, .. }
                | crate::eval::timeline::CauseKind::Stops { person, .. } => Some(person.as_str()),
                _ => None,
            }),
    );
    let names: Names = org
        .employees
        .iter()
        .filter(|e| named.contains(e.id.as_str()))
        .map(|e| (Arc::from(e.id.as_str()), e.display_name.clone()))
        .collect();
    // The chart's points: the same instants (fewer when there are too many to draw).
    instants.retain(|t| *t < end);
    if instants.len() > MAX_POINTS {
        let week = 7 * 86_400;
        instants = (1..=53)
            .map(|w| Instant::from_secs(as_of.secs() + w * week))
            .filter(|x| *x < end)
            .collect();
    }
    let points = std::iter::once(as_of)
        .chain(instants)
        .chain(std::iter::once(end))
        .map(|t| (t, engine.levels_at(t)))
        .collect();
    // Once the pending syncs have run: only when one is pending (one more evaluation).
    let pending = report
        .not_credited
        .iter()
        .any(|n| n.reason == crate::eval::people::Reason::SyncDelay);
    let soon = pending.then(|| {
        let delay = i64::from(org.settings().sync_delay_hours) * 3600;
        let t = Instant::from_secs(as_of.secs() + delay);
        (t, engine.report(t))
    });
    Ok((
        report,
        Timeline { points, events },
        reminders,
        used,
        names,
        soon,
    ))
}

/// Everyone the report names: in alerts, in requirements, as not counting or counted elsewhere.
fn named_in<'a>(report: &'a Report, used: &'a UsedElsewhere) -> rustc_hash::FxHashSet<&'a str> {
    use crate::eval::report::Requirement;
    let alerts = report
        .alerts
        .iter()
        .flat_map(|a| a.employees.iter().flatten())
        .map(|e| e.as_ref());
    let filling = report
        .competencies
        .iter()
        .flat_map(|c| &c.options)
        .flat_map(|o| o.silver.requirements.iter().chain(&o.gold.requirements))
        .flat_map(|r| match r {
            Requirement::Skill { people, .. } => people.as_slice(),
            Requirement::Performance { .. } => &[],
        })
        .map(String::as_str);
    let others = report.not_credited.iter().map(|n| n.employee.as_ref());
    let elsewhere = used.iter().flatten().map(|(p, _)| p.as_ref());
    alerts
        .chain(filling)
        .chain(others)
        .chain(elsewhere)
        .collect()
}
