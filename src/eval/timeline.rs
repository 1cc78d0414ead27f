//! The forward timeline: from the data alone, every instant at which a competency's level
//! changes, with the cause. Levels can only change where an achievement starts or stops
//! counting, a figure arrives or ages out, or an override starts or ends; those instants are
//! taken from the prepared engine itself, so the timeline agrees with `evaluate` everywhere.

use super::Engine;
use super::report::LevelName;
use crate::model::{Catalog, Day, Instant, Org};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub at: String,
    pub competency: String,
    pub from: LevelName,
    pub to: LevelName,
    /// The causes in English with ids (the command line's contract).
    pub because: String,
    /// The same causes as data, for the window to word in its language.
    #[serde(skip)]
    pub causes: Vec<CauseKind>,
}

/// What happens at an instant where a level can change.
#[derive(Debug, Clone, PartialEq)]
pub enum CauseKind {
    Starts {
        person: String,
        credential: String,
    },
    Stops {
        person: String,
        credential: String,
        why: Option<super::people::Reason>,
    },
    Figure {
        metric: String,
        period_end: Day,
    },
    FigureAges {
        metric: String,
        period_end: Day,
        months: u32,
    },
    OverrideStarts {
        competency: String,
    },
    OverrideEnds {
        competency: String,
    },
}

impl CauseKind {
    /// The cause as `attain timeline` prints it.
    fn english(&self) -> String {
        match self {
            CauseKind::Starts { person, credential } => {
                format!("{person}: {credential} starts counting")
            }
            CauseKind::Stops {
                person,
                credential,
                why,
            } => {
                let why = why
                    .and_then(|r| serde_json::to_value(r).ok())
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                format!("{person}: {credential} stops counting ({why})")
            }
            CauseKind::Figure { metric, period_end } => {
                format!("{metric} figure for the period ending {period_end}")
            }
            CauseKind::FigureAges {
                metric,
                period_end,
                months,
            } => format!(
                "{metric} figure for the period ending {period_end} is older than {months} months"
            ),
            CauseKind::OverrideStarts { competency } => format!("override of {competency} starts"),
            CauseKind::OverrideEnds { competency } => format!("override of {competency} ends"),
        }
    }
}

/// What happens at one instant, and the credential, metric or competency it concerns.
struct Cause {
    kind: CauseKind,
    credential: Option<String>,
    metric: Option<String>,
    competency: Option<usize>,
}

/// The first day on which a figure with this period end no longer counts.
fn ages_out(period_end: Day, ttm_months: u32) -> Day {
    let mut d = period_end.add_months(ttm_months as i32);
    while d.add_months(-(ttm_months as i32)) <= period_end {
        d = d.add_days(1);
    }
    d
}

/// Calls `f` with every instant at which a level can change and a way to build its cause:
/// the window's timeline needs only the instants of about 4 million causes at 100,000
/// employees, and building every text would take gigabytes.
fn visit_causes(
    engine: &Engine,
    org: &Org,
    catalog: &Catalog,
    f: &mut dyn FnMut(i64, &dyn Fn() -> Cause),
) {
    for p in engine.people() {
        for a in &p.achievements {
            let cred = &catalog.credentials[a.cred()].id;
            if a.start != i64::MAX {
                f(a.start, &|| Cause {
                    kind: CauseKind::Starts {
                        person: p.id.to_string(),
                        credential: cred.clone(),
                    },
                    credential: Some(cred.clone()),
                    metric: None,
                    competency: None,
                });
            }
            if a.end != i64::MAX && a.start < a.end {
                f(a.end, &|| Cause {
                    kind: CauseKind::Stops {
                        person: p.id.to_string(),
                        credential: cred.clone(),
                        why: a.reason(a.end, p),
                    },
                    credential: Some(cred.clone()),
                    metric: None,
                    competency: None,
                });
            }
        }
    }
    let ttm = org.settings().ttm_months;
    for e in &org.performance {
        f(e.period_end.start().secs(), &|| Cause {
            kind: CauseKind::Figure {
                metric: e.metric.clone(),
                period_end: e.period_end,
            },
            metric: Some(e.metric.clone()),
            credential: None,
            competency: None,
        });
        let gone = ages_out(e.period_end, ttm);
        f(gone.start().secs(), &|| Cause {
            kind: CauseKind::FigureAges {
                metric: e.metric.clone(),
                period_end: e.period_end,
                months: ttm,
            },
            metric: Some(e.metric.clone()),
            credential: None,
            competency: None,
        });
    }
    for o in &engine.overrides {
        let name = &catalog.competencies[o.comp].id;
        f(o.start, &|| Cause {
            kind: CauseKind::OverrideStarts {
                competency: name.clone(),
            },
            competency: Some(o.comp),
            credential: None,
            metric: None,
        });
        f(o.end, &|| Cause {
            kind: CauseKind::OverrideEnds {
                competency: name.clone(),
            },
            competency: Some(o.comp),
            credential: None,
            metric: None,
        });
    }
}

/// Every instant in `(from, to]` at which a level can change, in order, each once.
pub fn change_instants(
    engine: &Engine,
    org: &Org,
    catalog: &Catalog,
    from: Instant,
    to: Instant,
) -> Vec<Instant> {
    let mut t: Vec<i64> = Vec::new();
    visit_causes(engine, org, catalog, &mut |at, _| {
        if at > from.secs() && at <= to.secs() {
            t.push(at);
        }
    });
    t.sort_unstable();
    t.dedup();
    t.into_iter().map(Instant::from_secs).collect()
}

/// Every change of level in `(from, to]`, in time order (catalog order within an instant).
pub fn timeline(
    catalog: &Catalog,
    org: &Org,
    from: Instant,
    to: Instant,
) -> Result<Vec<Event>, String> {
    let engine = Engine::new(catalog, org)?;
    Ok(events(&engine, org, catalog, from, to))
}

/// The same with an organisation already prepared. Causes are built only at the instants
/// where a level changes: at 100,000 people there are millions of instants where one could.
pub fn events(
    engine: &Engine,
    org: &Org,
    catalog: &Catalog,
    from: Instant,
    to: Instant,
) -> Vec<Event> {
    let instants = change_instants(engine, org, catalog, from, to);
    events_at(engine, org, catalog, from, &instants)
}

/// [`events`] over instants already found with [`change_instants`] (the window's chart
/// needs them too: one pass over the causes instead of two).
pub fn events_at(
    engine: &Engine,
    org: &Org,
    catalog: &Catalog,
    from: Instant,
    instants: &[Instant],
) -> Vec<Event> {
    let mut changed: Vec<(i64, Vec<LevelName>, Vec<LevelName>)> = Vec::new();
    let mut levels = engine.levels_at(from);
    for &at in instants {
        let now = engine.levels_at(at);
        if now != levels {
            changed.push((at.secs(), levels, now.clone()));
        }
        levels = now;
    }
    let mut causes: Vec<(i64, Cause)> = Vec::new();
    visit_causes(engine, org, catalog, &mut |at, cause| {
        if changed.binary_search_by_key(&at, |c| c.0).is_ok() {
            causes.push((at, cause()));
        }
    });
    causes.sort_by_key(|(t, _)| *t);
    let mut out = Vec::new();
    for (t, before, now) in &changed {
        let from_i = causes.partition_point(|(x, _)| x < t);
        let to_i = causes.partition_point(|(x, _)| x <= t);
        let here = &causes[from_i..to_i];
        for (c, comp) in catalog.competencies.iter().enumerate() {
            if now[c] == before[c] {
                continue;
            }
            let listed: Vec<&str> = comp.listed();
            let relevant: Vec<&CauseKind> = here
                .iter()
                .filter(|(_, k)| {
                    k.competency == Some(c)
                        || k.credential
                            .as_deref()
                            .is_some_and(|x| listed.contains(&x) || engine.is_pci(c))
                        || k.metric.as_deref().is_some_and(|x| {
                            listed.contains(&x) || (engine.is_pci(c) && x.starts_with("pci_"))
                        })
                })
                .map(|(_, k)| &k.kind)
                .collect();
            let kinds: Vec<CauseKind> = if relevant.is_empty() {
                here.iter().map(|(_, k)| k.kind.clone()).collect()
            } else {
                relevant.into_iter().cloned().collect()
            };
            out.push(Event {
                at: Instant::from_secs(*t).rfc3339(),
                competency: comp.id.clone(),
                from: before[c],
                to: now[c],
                because: kinds
                    .iter()
                    .map(CauseKind::english)
                    .collect::<Vec<_>>()
                    .join("; "),
                causes: kinds,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_age_out_on_the_first_day_beyond_the_window() {
        assert_eq!(
            ages_out(Day::ymd(2018, 5, 31).unwrap(), 12).to_string(),
            "2019-06-01"
        );
        assert_eq!(
            ages_out(Day::ymd(2019, 2, 28).unwrap(), 12).to_string(),
            "2020-03-01"
        );
    }
}
