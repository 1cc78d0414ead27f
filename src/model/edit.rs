//! User actions on an organisation, as data: applied to the in-memory `Org` by `apply` and
//! persisted by the store in one transaction each, with an audit row and an undo snapshot.

use super::{
    Achievement, Day, Employee, Instant, Market, Org, Override, PerformanceEntry, Settings,
    Subscription, Tier,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    AddEmployee(Employee),
    /// Replaces the person's fields (not the achievements) by those given.
    UpdateEmployee(Employee),
    RemoveEmployee(String),
    AddAchievement {
        employee: String,
        achievement: Achievement,
    },
    /// Removes the achievement at this position of the person's list.
    RemoveAchievement {
        employee: String,
        index: usize,
    },
    /// Links a certification id (MCID) at an instant; another organisation's holder of the
    /// same MCID is severed at that instant (domain.md §5.4).
    Associate {
        employee: String,
        mcid: String,
        at: Instant,
    },
    Dissociate {
        employee: String,
        at: Instant,
    },
    SetLeaver {
        employee: String,
        left_on: Option<Instant>,
    },
    AddOverride(Override),
    RemoveOverride(usize),
    AddPerformance(PerformanceEntry),
    RemovePerformance(usize),
    /// One month of designation figures as typed in the window: each figure's entries for
    /// that month without a track or an association are replaced by the value (`None`: removed).
    SetFigures {
        period_end: Day,
        values: Vec<(String, Option<f64>)>,
    },
    /// Buys a tier: the current subscription (if any) moves to the previous ones.
    Purchase {
        tier: Tier,
        at: Instant,
    },
    Renew {
        at: Instant,
    },
    SetAutoRenew(bool),
    SetOrgDetails {
        name: String,
        market: Market,
        domain: Option<String>,
    },
    SetSettings(Settings),
    /// Several edits as one user action (a what-if made real): one transaction, one undo.
    Batch(Vec<Edit>),
}

/// What an edit touches: the employees (by id) and/or the organisation's own fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touch {
    pub employees: Vec<String>,
    pub meta: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn err<T>(m: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(m.into()))
}

impl Edit {
    /// A short machine name for the audit table.
    pub fn kind(&self) -> &'static str {
        match self {
            Edit::AddEmployee(_) => "add_employee",
            Edit::UpdateEmployee(_) => "update_employee",
            Edit::RemoveEmployee(_) => "remove_employee",
            Edit::AddAchievement { .. } => "add_achievement",
            Edit::RemoveAchievement { .. } => "remove_achievement",
            Edit::Associate { .. } => "associate",
            Edit::Dissociate { .. } => "dissociate",
            Edit::SetLeaver { .. } => "set_leaver",
            Edit::AddOverride(_) => "add_override",
            Edit::RemoveOverride(_) => "remove_override",
            Edit::AddPerformance(_) => "add_performance",
            Edit::RemovePerformance(_) => "remove_performance",
            Edit::SetFigures { .. } => "set_figures",
            Edit::Purchase { .. } => "purchase",
            Edit::Renew { .. } => "renew",
            Edit::SetAutoRenew(_) => "set_auto_renew",
            Edit::SetOrgDetails { .. } => "set_org_details",
            Edit::SetSettings(_) => "set_settings",
            Edit::Batch(_) => "batch",
        }
    }

    /// The edit itself, or the edits of a batch (nested batches flattened).
    pub fn flat(&self) -> Vec<&Edit> {
        match self {
            Edit::Batch(edits) => edits.iter().flat_map(Edit::flat).collect(),
            e => vec![e],
        }
    }

    pub fn touch(&self) -> Touch {
        let one = |id: &str| Touch {
            employees: vec![id.to_string()],
            meta: false,
        };
        match self {
            Edit::AddEmployee(e) | Edit::UpdateEmployee(e) => one(&e.id),
            Edit::RemoveEmployee(id) => one(id),
            Edit::AddAchievement { employee, .. }
            | Edit::RemoveAchievement { employee, .. }
            | Edit::Associate { employee, .. }
            | Edit::Dissociate { employee, .. }
            | Edit::SetLeaver { employee, .. } => one(employee),
            Edit::Batch(edits) => {
                let mut t = Touch::default();
                for e in edits {
                    let more = e.touch();
                    for id in more.employees {
                        if !t.employees.contains(&id) {
                            t.employees.push(id);
                        }
                    }
                    t.meta |= more.meta;
                }
                t
            }
            _ => Touch {
                employees: Vec::new(),
                meta: true,
            },
        }
    }

    /// Applies the edit to the organisation, or explains why it cannot be applied.
    pub fn apply(&self, org: &mut Org) -> Result<(), EditError> {
        let find = |org: &mut Org, id: &str| org.employees.iter().position(|e| e.id == id);
        match self {
            Edit::AddEmployee(e) => {
                if e.id.trim().is_empty() {
                    return err("an employee needs an id");
                }
                if find(org, &e.id).is_some() {
                    return err(format!("an employee with id {} already exists", e.id));
                }
                org.employees.push(e.clone());
            }
            Edit::UpdateEmployee(e) => {
                let Some(i) = find(org, &e.id) else {
                    return err(format!("no employee {}", e.id));
                };
                let achievements = std::mem::take(&mut org.employees[i].achievements);
                org.employees[i] = Employee {
                    achievements,
                    ..e.clone()
                };
            }
            Edit::RemoveEmployee(id) => {
                let Some(i) = find(org, id) else {
                    return err(format!("no employee {id}"));
                };
                org.employees.remove(i);
            }
            Edit::AddAchievement {
                employee,
                achievement,
            } => {
                let Some(i) = find(org, employee) else {
                    return err(format!("no employee {employee}"));
                };
                org.employees[i].achievements.push(achievement.clone());
            }
            Edit::RemoveAchievement { employee, index } => {
                let Some(i) = find(org, employee) else {
                    return err(format!("no employee {employee}"));
                };
                if *index >= org.employees[i].achievements.len() {
                    return err("no such achievement");
                }
                org.employees[i].achievements.remove(*index);
            }
            Edit::Associate { employee, mcid, at } => {
                let Some(i) = find(org, employee) else {
                    return err(format!("no employee {employee}"));
                };
                if let Some(other) = org
                    .employees
                    .iter()
                    .find(|e| e.id != *employee && e.mcid.as_deref() == Some(mcid.as_str()))
                {
                    return err(format!("MCID {mcid} already belongs to {}", other.id));
                }
                let e = &mut org.employees[i];
                e.mcid = Some(mcid.clone());
                e.associated_on = Some(*at);
            }
            Edit::Dissociate { employee, at } => {
                let Some(i) = find(org, employee) else {
                    return err(format!("no employee {employee}"));
                };
                org.employees[i].dissociated_on = Some(*at);
            }
            Edit::SetLeaver { employee, left_on } => {
                let Some(i) = find(org, employee) else {
                    return err(format!("no employee {employee}"));
                };
                org.employees[i].left_on = *left_on;
            }
            Edit::AddOverride(o) => org.overrides.push(o.clone()),
            Edit::RemoveOverride(i) => {
                if *i >= org.overrides.len() {
                    return err("no such override");
                }
                org.overrides.remove(*i);
            }
            Edit::AddPerformance(p) => org.performance.push(p.clone()),
            Edit::RemovePerformance(i) => {
                if *i >= org.performance.len() {
                    return err("no such figure");
                }
                org.performance.remove(*i);
            }
            Edit::SetFigures { period_end, values } => {
                org.performance.retain(|p| {
                    p.period_end != *period_end
                        || p.track.is_some()
                        || p.association.is_some()
                        || !values.iter().any(|(f, _)| *f == p.metric)
                });
                for (metric, value) in values {
                    if let Some(value) = value {
                        org.performance.push(PerformanceEntry {
                            metric: metric.clone(),
                            value: *value,
                            period_end: *period_end,
                            association: None,
                            licence: None,
                            track: None,
                        });
                    }
                }
            }
            Edit::Purchase { tier, at } => {
                if org
                    .membership
                    .as_ref()
                    .is_some_and(|m| m.purchased_on >= *at)
                {
                    return err("a purchase must be later than the current subscription");
                }
                if let Some(current) = org.membership.take() {
                    org.previous_subscriptions.push(current);
                }
                org.membership = Some(Subscription {
                    tier: *tier,
                    purchased_on: *at,
                    auto_renew: false,
                    renewed_on: Vec::new(),
                });
            }
            Edit::Renew { at } => {
                let Some(m) = org.membership.as_mut() else {
                    return err("no membership to renew");
                };
                m.renewed_on.push(*at);
            }
            Edit::SetAutoRenew(on) => {
                let Some(m) = org.membership.as_mut() else {
                    return err("no membership");
                };
                m.auto_renew = *on;
            }
            Edit::SetOrgDetails {
                name,
                market,
                domain,
            } => {
                if name.trim().is_empty() {
                    return err("an organisation needs a name");
                }
                org.name = name.clone();
                org.market = *market;
                org.domain = domain.clone();
            }
            Edit::SetSettings(s) => org.settings = Some(s.clone()),
            // The store puts back everything the batch touches if one of them fails.
            Edit::Batch(edits) => {
                for e in edits {
                    e.apply(org)?;
                }
            }
        }
        Ok(())
    }
}

/// The default end of a new override: `starts_on` + the organisation's default months.
pub fn default_override_end(org: &Org, starts_on: Day) -> Day {
    starts_on.add_months(org.settings().override_default_months as i32)
}
