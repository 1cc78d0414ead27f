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
    pub because: String,
}

/// What happens at one instant, and the credential, metric or competency it concerns.
struct Cause {
    text: String,
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
            let cred = &catalog.credentials[a.cred].id;
            if a.start != i64::MAX {
                f(a.start, &|| Cause {
                    text: format!("{}: {cred} starts counting", p.id),
                    credential: Some(cred.clone()),
                    metric: None,
                    competency: None,
                });
            }
            if a.end != i64::MAX && a.start < a.end {
                f(a.end, &|| {
                    let why = a
                        .reason(a.end, p)
                        .map(|r| {
                            serde_json::to_value(r)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default()
                        })
                        .unwrap_or_default();
                    Cause {
                        text: format!("{}: {cred} stops counting ({why})", p.id),
                        credential: Some(cred.clone()),
                        metric: None,
                        competency: None,
                    }
                });
            }
        }
    }
    let ttm = org.settings().ttm_months;
    for e in &org.performance {
        f(e.period_end.start().secs(), &|| Cause {
            text: format!("{} figure for the period ending {}", e.metric, e.period_end),
            metric: Some(e.metric.clone()),
            credential: None,
            competency: None,
        });
        let gone = ages_out(e.period_end, ttm);
        f(gone.start().secs(), &|| Cause {
            text: format!(
                "{} figure for the period ending {} is older than {ttm} months",
                e.metric, e.period_end
            ),
            metric: Some(e.metric.clone()),
            credential: None,
            competency: None,
        });
    }
    for o in &engine.overrides {
        let name = &catalog.competencies[o.comp].id;
        f(o.start, &|| Cause {
            text: format!("override of {name} starts"),
            competency: Some(o.comp),
            credential: None,
            metric: None,
        });
        f(o.end, &|| Cause {
            text: format!("override of {name} ends"),
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
    let mut causes = Vec::new();
    visit_causes(&engine, org, catalog, &mut |at, cause| {
        if at > from.secs() && at <= to.secs() {
            causes.push((at, cause()));
        }
    });
    causes.sort_by_key(|(t, _)| *t);
    let mut levels = engine.levels_at(from);
    let mut events = Vec::new();
    let mut i = 0;
    while i < causes.len() {
        let t = causes[i].0;
        let mut j = i;
        while j < causes.len() && causes[j].0 == t {
            j += 1;
        }
        let at = Instant::from_secs(t);
        let now = engine.levels_at(at);
        for (c, comp) in catalog.competencies.iter().enumerate() {
            if now[c] == levels[c] {
                continue;
            }
            let listed: Vec<&str> = comp.listed();
            let here = &causes[i..j];
            let relevant: Vec<&str> = here
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
                .map(|(_, k)| k.text.as_str())
                .collect();
            let because = if relevant.is_empty() {
                here.iter()
                    .map(|(_, k)| k.text.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                relevant.join("; ")
            };
            events.push(Event {
                at: at.rfc3339(),
                competency: comp.id.clone(),
                from: levels[c],
                to: now[c],
                because,
            });
        }
        levels = now;
        i = j;
    }
    Ok(events)
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
