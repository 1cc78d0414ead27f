//! What-if: every competency's level before and after hypothetical changes, with the reason
//! for each change, without touching the saved data.

use super::Engine;
use super::report::LevelName;
use crate::model::{Achievement, Catalog, Employee, Instant, Org, PerformanceEntry};
use serde::Serialize;
use std::collections::BTreeMap;

/// One hypothetical change (the `attain whatif` options).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// `--leave ID[@DATE]`: the person leaves on DATE (default: the as-of instant).
    Leave {
        employee: String,
        at: Option<Instant>,
    },
    /// `--lapse ID:CRED`: the person no longer holds the credential.
    Lapse {
        employee: String,
        credential: String,
    },
    /// `--add ID:CRED[@DATE]`: the person passes the credential (counts at once).
    Add {
        employee: String,
        credential: String,
        at: Option<Instant>,
    },
    /// `--hire NAME:CRED[,CRED…]`: a new person holding these credentials (counts at once).
    Hire {
        name: String,
        credentials: Vec<String>,
    },
    /// `--metric ID=VALUE`: a figure with period end = the as-of date.
    Metric { metric: String, value: f64 },
}

fn split_at(s: &str) -> Result<(&str, Option<Instant>), String> {
    match s.split_once('@') {
        Some((a, d)) => Ok((a, Some(Instant::parse(d)?))),
        None => Ok((s, None)),
    }
}

impl Change {
    /// Parses one option value; `kind` is the option name without dashes.
    pub fn parse(kind: &str, v: &str) -> Result<Change, String> {
        let pair = |sep: char| {
            v.split_once(sep)
                .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                .ok_or_else(|| format!("--{kind} {v:?}: expected a '{sep}'"))
        };
        Ok(match kind {
            "leave" => {
                let (id, at) = split_at(v).map_err(|e| format!("--leave {v:?}: {e}"))?;
                Change::Leave {
                    employee: id.to_string(),
                    at,
                }
            }
            "lapse" => {
                let (employee, credential) = pair(':')?;
                Change::Lapse {
                    employee,
                    credential,
                }
            }
            "add" => {
                let (employee, rest) = pair(':')?;
                let (credential, at) = split_at(&rest).map_err(|e| format!("--add {v:?}: {e}"))?;
                Change::Add {
                    employee,
                    credential: credential.to_string(),
                    at,
                }
            }
            "hire" => {
                let (name, creds) = pair(':')?;
                Change::Hire {
                    name,
                    credentials: creds
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                }
            }
            "metric" => {
                let (metric, value) = pair('=')?;
                let value = value
                    .parse::<f64>()
                    .map_err(|_| format!("--metric {v:?}: {value:?} is not a number"))?;
                Change::Metric { metric, value }
            }
            _ => return Err(format!("unknown change --{kind}")),
        })
    }

    pub fn date(&self) -> Option<Instant> {
        match self {
            Change::Leave { at, .. } | Change::Add { at, .. } => *at,
            _ => None,
        }
    }

    /// The change in words, for `because`.
    pub fn describe(&self) -> String {
        match self {
            Change::Leave {
                employee,
                at: Some(t),
            } => format!("{employee} leaves on {}", t.day()),
            Change::Leave { employee, at: None } => format!("{employee} leaves"),
            Change::Lapse {
                employee,
                credential,
            } => format!("{employee} no longer holds {credential}"),
            Change::Add {
                employee,
                credential,
                ..
            } => format!("{employee} passes {credential}"),
            Change::Hire { name, credentials } => {
                format!("hiring {name} with {}", credentials.join(", "))
            }
            Change::Metric { metric, value } => format!("{metric} becomes {value}"),
        }
    }

    fn employee(&self) -> Option<&str> {
        match self {
            Change::Leave { employee, .. }
            | Change::Lapse { employee, .. }
            | Change::Add { employee, .. } => Some(employee),
            _ => None,
        }
    }

    fn credentials(&self) -> Vec<&str> {
        match self {
            Change::Lapse { credential, .. } | Change::Add { credential, .. } => vec![credential],
            Change::Hire { credentials, .. } => credentials.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Applies the change to a copy of the organisation evaluated at `as_of`.
    fn apply(&self, org: &mut Org, as_of: Instant, catalog: &Catalog) -> Result<(), String> {
        let delay = i64::from(org.settings().sync_delay_hours) * 3600;
        // "What if they were here": counted at once, so dated before the sync delay.
        let at_once = |t: Option<Instant>| {
            Instant::from_secs(t.unwrap_or(as_of).secs().min(as_of.secs() - delay))
        };
        let spp = catalog.designations.as_deref();
        let known = |c: &str| {
            catalog.credentials.iter().any(|k| k.id == c)
                || spp.is_some_and(|s| s.credential(c).is_some())
        };
        let person = |org: &mut Org, id: &str| -> Result<usize, String> {
            org.employees
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| format!("no employee {id}"))
        };
        match self {
            Change::Leave { employee, at } => {
                let i = person(org, employee)?;
                org.employees[i].left_on = Some(at.unwrap_or(as_of));
            }
            Change::Lapse {
                employee,
                credential,
            } => {
                let i = person(org, employee)?;
                org.employees[i]
                    .achievements
                    .retain(|a| &a.credential != credential);
            }
            Change::Add {
                employee,
                credential,
                at,
            } => {
                if !known(credential) {
                    return Err(format!("unknown credential {credential}"));
                }
                let i = person(org, employee)?;
                let e = &mut org.employees[i];
                let passed = at_once(*at);
                e.achievements.push(Achievement::new(credential, passed));
                if e.associated_on.is_none_or(|a| a > passed) {
                    e.associated_on = Some(passed);
                }
            }
            Change::Hire { name, credentials } => {
                if let Some(c) = credentials.iter().find(|c| !known(c)) {
                    return Err(format!("unknown credential {c}"));
                }
                let id = org.free_employee_id("hire.", name);
                let mut e = Employee::new(&id, name, &format!("{id}@example.invalid"));
                let passed = at_once(None);
                e.associated_on = Some(passed);
                e.achievements = credentials
                    .iter()
                    .map(|c| Achievement::new(c, passed))
                    .collect();
                org.employees.push(e);
            }
            Change::Metric { metric, value } if spp.is_some_and(|s| s.figure(metric).is_some()) => {
                // A designation figure: the month in force now (last month) becomes `value`.
                let d = as_of.day();
                let month = d.add_days(-i64::from(chrono::Datelike::day(&d.0)));
                org.performance.retain(|p| {
                    !(p.metric == *metric
                        && p.period_end == month
                        && p.track.is_none()
                        && p.association.is_none())
                });
                org.performance.push(PerformanceEntry {
                    metric: metric.clone(),
                    value: *value,
                    period_end: month,
                    association: None,
                    licence: None,
                    track: None,
                });
            }
            Change::Metric { metric, value } => {
                if !catalog.metrics.iter().any(|m| &m.id == metric) {
                    return Err(format!("unknown metric {metric}"));
                }
                org.performance.push(PerformanceEntry {
                    metric: metric.clone(),
                    value: *value,
                    period_end: as_of.day(),
                    association: None,
                    licence: None,
                    track: None,
                });
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelChange {
    pub competency: String,
    pub from: LevelName,
    pub to: LevelName,
    pub because: String,
    /// The changes `because` names, by position (the window words them in its language).
    #[serde(skip)]
    pub causes: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    pub before: BTreeMap<String, LevelName>,
    pub after: BTreeMap<String, LevelName>,
    pub changes: Vec<LevelChange>,
    /// Designations whose total or qualification the changes move (catalog order).
    pub designations: Vec<super::spp_risk::DesignationChange>,
}

/// The instant a what-if is evaluated at: `as_of`, or the latest date named in the changes
/// if that is later.
pub fn whatif_instant(as_of: Instant, changes: &[Change]) -> Instant {
    changes
        .iter()
        .filter_map(Change::date)
        .fold(as_of, Instant::max)
}

/// Evaluates both sides at the same instant; the organisation itself is not changed.
pub fn whatif(
    catalog: &Catalog,
    org: &Org,
    as_of: Instant,
    changes: &[Change],
) -> Result<WhatIf, String> {
    let at = whatif_instant(as_of, changes);
    // Levels and witnesses only: the alerts and lists of a full report are not needed here.
    let before_engine = Engine::new(catalog, org)?;
    let before_comps = before_engine.competencies_at(at);
    let mut after_org = org.clone();
    for c in changes {
        c.apply(&mut after_org, at, catalog)?;
    }
    let after_engine = Engine::new(catalog, &after_org)?;
    let after_comps = after_engine.competencies_at(at);
    let designations = match (&before_engine.spp, &after_engine.spp) {
        (Some(b), Some(a)) => super::spp_risk::changes(b, a, at),
        _ => Vec::new(),
    };
    let levels = |r: &[super::engine::CompResult]| {
        catalog
            .competencies
            .iter()
            .zip(r)
            .map(|(c, r)| (c.id.clone(), r.level))
            .collect::<BTreeMap<_, _>>()
    };
    let (before, after) = (levels(&before_comps), levels(&after_comps));
    let mut out = Vec::new();
    for (comp, cr) in catalog.competencies.iter().zip(&before_comps) {
        let (from, to) = (before[&comp.id], after[&comp.id]);
        if from == to {
            continue;
        }
        let witnesses: Vec<&str> = cr
            .options
            .iter()
            .flatten()
            .flat_map(|l| &l.steps)
            .flat_map(|s| match s {
                super::engine::StepResult::Skill { outcome, .. } => outcome
                    .witness
                    .iter()
                    .map(|p| &*before_engine.people()[*p].id)
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let listed: Vec<&str> = comp.listed();
        let relevant: Vec<usize> = (0..changes.len())
            .filter(|i| {
                let c = &changes[*i];
                c.employee().is_some_and(|e| witnesses.contains(&e))
                    || c.credentials().iter().any(|k| listed.contains(k))
                    || matches!(c, Change::Metric { metric, .. } if listed.contains(&metric.as_str()))
            })
            .collect();
        let causes: Vec<usize> = if relevant.is_empty() {
            (0..changes.len()).collect()
        } else {
            relevant
        };
        let because = causes
            .iter()
            .map(|i| changes[*i].describe())
            .collect::<Vec<_>>()
            .join("; ");
        out.push(LevelChange {
            competency: comp.id.clone(),
            from,
            to,
            because,
            causes,
        });
    }
    Ok(WhatIf {
        before,
        after,
        changes: out,
        designations,
    })
}

/// A person holding listed credentials that do not count only for want of an association.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCreditedPerson {
    pub employee: String,
    /// `not_associated`, `sync_delay` or `dissociated`
    pub reason: String,
    pub credentials: Vec<String>,
    /// What associating them now would change.
    pub would_add: Vec<LevelChange>,
}

/// Certified but not credited: each such person, and the levels their association would bring.
pub fn certified_not_credited(
    catalog: &Catalog,
    org: &Org,
    as_of: Instant,
) -> Result<Vec<NotCreditedPerson>, String> {
    let report = Engine::new(catalog, org)?.report(as_of);
    let delay = i64::from(org.settings().sync_delay_hours) * 3600;
    let mut by_person: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for n in &report.not_credited {
        let reason = serde_json::to_value(n.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        if matches!(
            reason.as_str(),
            "not_associated" | "sync_delay" | "dissociated"
        ) {
            let entry = by_person
                .entry(n.employee.to_string())
                .or_insert_with(|| (reason.clone(), Vec::new()));
            entry.1.push(n.credential.to_string());
        }
    }
    let before = Engine::new(catalog, org)?.levels_at(as_of);
    let mut out = Vec::new();
    for (employee, (reason, credentials)) in by_person {
        let mut after = org.clone();
        if let Some(e) = after.employees.iter_mut().find(|e| e.id == employee) {
            let at = Instant::from_secs(as_of.secs() - delay);
            e.associated_on = Some(at);
            e.university_associated_on = None;
            e.dissociated_on = None;
            // Counted at once: achievements passed within the delay are dated back to it.
            for a in &mut e.achievements {
                if a.passed_on > at && a.passed_on <= as_of {
                    a.passed_on = at;
                }
            }
        }
        let now = Engine::new(catalog, &after)?.levels_at(as_of);
        let would_add = catalog
            .competencies
            .iter()
            .zip(before.iter().zip(&now))
            .filter(|(_, (b, a))| a > b)
            .map(|(c, (b, a))| LevelChange {
                competency: c.id.clone(),
                from: *b,
                to: *a,
                because: format!("{employee} associated"),
                causes: Vec::new(),
            })
            .collect();
        out.push(NotCreditedPerson {
            employee,
            reason,
            credentials,
            would_add,
        });
    }
    Ok(out)
}
