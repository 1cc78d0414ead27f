//! The evaluation the window shows: the report and the 12-month timeline, computed on a
//! worker thread for large organisations so the frame never waits for it.

use crate::eval::{Engine, LevelName, Report};
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
    pub error: Option<String>,
    pending: Option<Receiver<Result<(Report, Timeline), String>>>,
}

impl Evaluation {
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    pub fn start(&mut self, catalog: Arc<Catalog>, org: Arc<Org>, as_of: Instant, lang: Lang) {
        if org.employees.len() <= SYNC_LIMIT {
            self.pending = None;
            self.finish(compute(&catalog, &org, as_of, lang));
            return;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("attain-eval".into())
            .spawn(move || {
                tx.send(compute(&catalog, &org, as_of, lang)).ok();
            });
        match spawned {
            // A newer request replaces the older: its receiver is dropped, its result ignored.
            Ok(_) => self.pending = Some(rx),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Takes a finished background result, if any.
    pub fn poll(&mut self) {
        if let Some(rx) = &self.pending
            && let Ok(result) = rx.try_recv()
        {
            self.pending = None;
            self.finish(result);
        }
    }

    /// Waits for a background evaluation (tests, benchmarks).
    pub fn wait(&mut self) {
        if let Some(rx) = self.pending.take()
            && let Ok(result) = rx.recv()
        {
            self.finish(result);
        }
    }

    fn finish(&mut self, result: Result<(Report, Timeline), String>) {
        match result {
            Ok((report, timeline)) => {
                self.report = Some(Arc::new(report));
                self.timeline = Some(Arc::new(timeline));
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }
}

fn compute(
    catalog: &Catalog,
    org: &Org,
    as_of: Instant,
    lang: Lang,
) -> Result<(Report, Timeline), String> {
    let engine = Engine::new(catalog, org)?;
    let mut report = engine.report(as_of);
    Tr::new(lang).localize_report(&mut report);
    let points = timeline_instants(org, as_of)
        .into_iter()
        .map(|t| (t, engine.levels_at(t)))
        .collect();
    Ok((report, Timeline { points }))
}

/// `as_of`, every instant in the next 12 months at which the data can change a level
/// (achievements starting or ending, leavers, moves, overrides, anniversaries), and the end.
pub fn timeline_instants(org: &Org, as_of: Instant) -> Vec<Instant> {
    let end = as_of.day().add_months(12).start();
    let mut t: Vec<Instant> = vec![as_of, end];
    let settings = org.settings();
    let delay = i64::from(settings.sync_delay_hours) * 3600;
    for e in &org.employees {
        t.extend(e.left_on);
        t.extend(e.dissociated_on);
        for a in &e.achievements {
            t.push(Instant::from_secs(a.passed_on.secs() + delay));
            t.extend(a.expires_on.map(|d| d.end()));
        }
        t.extend(
            e.associated_on
                .map(|a| Instant::from_secs(a.secs() + delay)),
        );
    }
    for o in &org.overrides {
        t.push(o.starts_on.start());
        let ends = o.ends_on.unwrap_or_else(|| {
            o.starts_on
                .add_months(settings.override_default_months as i32)
        });
        t.push(ends.end());
    }
    for s in org.subscriptions() {
        for k in 0..3 {
            let a = crate::io::org_file::anniversary(s.purchased_on.day(), k);
            t.push(a.end());
            t.push(a.add_days(i64::from(settings.renewal_window_days)).end());
        }
    }
    for p in &org.performance {
        t.push(p.period_end.start());
        t.push(p.period_end.add_months(settings.ttm_months as i32).end());
    }
    t.retain(|x| *x >= as_of && *x <= end);
    t.sort();
    t.dedup();
    if t.len() > MAX_POINTS {
        let week = 7 * 86_400;
        t = (0..=53)
            .map(|w| Instant::from_secs(as_of.secs() + w * week))
            .filter(|x| *x <= end)
            .collect();
        t.push(end);
    }
    t
}
