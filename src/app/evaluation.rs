//! The evaluation the window shows: the report and the 12-month timeline, computed on a
//! worker thread for large organisations so the frame never waits for it.

use crate::eval::reminders::Reminders;
use crate::eval::{Engine, LevelName, Report};

/// Per competency, the people an earlier competency's Gold consumed (reuse off, §3.6).
pub type UsedElsewhere = Vec<Vec<(Arc<str>, usize)>>;

/// What one evaluation gives the window.
type Computed = (Report, Timeline, Reminders, UsedElsewhere);
use crate::i18n::{Lang, Tr};
use crate::model::{Catalog, Instant, Org};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Organisations up to this size are evaluated within the frame (a few milliseconds).
const SYNC_LIMIT: usize = 5_000;
/// At most this many instants on the timeline; beyond it, one a week.
const MAX_POINTS: usize = 400;

/// Competency levels at the instants where they can change, over the next 12 months.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub points: Vec<(Instant, Vec<LevelName>)>,
}

#[derive(Default)]
pub struct Evaluation {
    pub report: Option<Arc<Report>>,
    pub timeline: Option<Arc<Timeline>>,
    /// Due reminders, from the same prepared organisation as the report.
    pub reminders: Option<Arc<Reminders>>,
    pub used_elsewhere: Option<Arc<UsedElsewhere>>,
    pub error: Option<String>,
    pending: Option<Receiver<Result<Computed, String>>>,
    /// The language of the last request (for a message of its own).
    lang: Lang,
}

impl Evaluation {
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    pub fn start(&mut self, catalog: Arc<Catalog>, org: Arc<Org>, as_of: Instant, lang: Lang) {
        self.lang = lang;
        if org.employees.len() <= SYNC_LIMIT {
            self.pending = None;
            self.finish(compute(&catalog, &org, as_of, lang));
            return;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("attain-eval".into())
            .spawn(move || {
                let built = compute(&catalog, &org, as_of, lang);
                // Copied into fresh memory, the results no longer pin the pages the
                // engine's tables were freed from.
                let result = built.clone();
                drop(built);
                super::jobs::release_free_memory();
                tx.send(result).ok();
            });
        match spawned {
            // A newer request replaces the older: its receiver is dropped, its result ignored.
            Ok(_) => self.pending = Some(rx),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Takes a finished background result, if any.
    pub fn poll(&mut self) {
        let Some(rx) = &self.pending else { return };
        match rx.try_recv() {
            Ok(result) => {
                self.pending = None;
                self.replace(result);
            }
            // The worker panicked (the crash hook reported it): keep the last results.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                self.error = Some(Tr::new(self.lang).t("error-worker-stopped", &[]));
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// A background result replaces large ones: those are freed, and their pages handed
    /// back, by a worker rather than the frame.
    fn replace(&mut self, result: Result<Computed, String>) {
        let old = (
            self.report.take(),
            self.timeline.take(),
            self.reminders.take(),
            self.used_elsewhere.take(),
        );
        super::jobs::drop_elsewhere(old);
        self.finish(result);
    }

    /// Waits for a background evaluation (tests, benchmarks).
    pub fn wait(&mut self) {
        if let Some(rx) = self.pending.take()
            && let Ok(result) = rx.recv()
        {
            self.replace(result);
        }
    }

    fn finish(&mut self, result: Result<Computed, String>) {
        match result {
            Ok((report, timeline, reminders, used)) => {
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
    let engine = Engine::new(catalog, org)?;
    let mut report = engine.report(as_of);
    Tr::new(lang).localize_report(&mut report);
    // The instants where a level can change, as the forward timeline finds them.
    let end = as_of.day().add_months(12).start();
    let mut instants = crate::eval::timeline::change_instants(&engine, org, catalog, as_of, end);
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
    let reminders = crate::eval::reminders::reminders_with(&engine, as_of);
    let used = engine.used_elsewhere(as_of);
    Ok((report, Timeline { points }, reminders, used))
}
