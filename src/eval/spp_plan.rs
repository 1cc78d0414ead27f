//! The fewest certifications and figure changes that qualify a designation
//! (designations.md §3; issue "beyond the portal").
//!
//! Within a designation the metrics are independent: each skilling metric reads its own step
//! lists (no credential is listed twice in one designation) and each other metric its own
//! figures. So each metric gets the outcomes reachable with each number of actions, on both
//! tracks at once, and the plan is the cheapest combination whose counting track qualifies
//! (the tracks are chosen as the engine chooses them: a classification stays as entered,
//! the higher total wins otherwise). An action is one certification (an existing associated
//! person first, in id order, else a new person) or one figure raised for the month in force.
//! Certifications are counted as they will count once the sync delay has run.

use super::designations::{Track, counting_track, figures_points, growth_points, hundredths};
use super::plan::Action;
use super::spp_engine::{CMetric, SppEngine, TRACKS, track_index};
use crate::model::spp_def::{Scoring, Step};
use crate::model::{Day, Instant};
use serde::Serialize;
use std::collections::BTreeMap;

/// The most actions a plan may have (a designation from nothing needs about 25).
const MAX_COST: usize = 60;
/// The most combinations examined before giving up.
const MAX_TRIED: usize = 4_000_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SppPlan {
    pub designation: String,
    pub as_of: Instant,
    pub qualified_already: bool,
    /// False when no combination within the limits qualifies.
    pub feasible: bool,
    /// The counting track and total once the actions are done.
    #[serde(serialize_with = "track_name")]
    pub track: Track,
    pub total: f64,
    /// The month whose figures the figure changes are for.
    pub figures_month: Option<String>,
    pub actions: Vec<Action>,
}

fn track_name<S: serde::Serializer>(t: &Track, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}

/// What one metric's actions change: people added per step list, figures set.
#[derive(Debug, Clone, Default, PartialEq)]
struct Change {
    add: Vec<(usize, u32)>,
    figures: Vec<(usize, f64)>,
}

/// One outcome of a metric: its points on each track (hundredths) and how.
#[derive(Debug, Clone)]
struct Outcome {
    h: [i64; 2],
    change: Change,
}

/// The plan for designation `id` of the catalog's snapshot.
pub fn plan_for(
    catalog: &crate::model::Catalog,
    org: &crate::model::Org,
    id: &str,
    as_of: Instant,
) -> Result<SppPlan, String> {
    let spp = catalog
        .designations
        .as_deref()
        .ok_or("no designations snapshot")?;
    SppEngine::with_everyone(spp, org)?.plan(id, as_of)
}

/// A figure action the planner may take: figure, the month, the value it is raised to.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMove {
    pub figure: usize,
    pub period_end: Day,
    pub value: f64,
}

impl SppEngine<'_> {
    /// The month a figure change is for: the one in force at `as_of`, else last month.
    fn plan_month(&self, m: &CMetric, as_of: Instant) -> Day {
        m.tracks
            .iter()
            .flat_map(|s| s.figures.iter())
            .filter_map(|f| self.figure_at(*f, Track::Enterprise, as_of))
            .map(|(p, _)| p)
            .max()
            .unwrap_or_else(|| {
                let d = as_of.day();
                d.add_days(-i64::from(chrono::Datelike::day(&d.0)))
            })
    }

    /// The figure moves of a metric: each part's figure raised to full points on both tracks;
    /// a growth's current figure raised to full growth over its baseline (or over the
    /// minimum baseline), and a missing or too small baseline entered at the minimum.
    pub fn figure_moves(&self, d: usize, metric: usize, as_of: Instant) -> Vec<FigureMove> {
        let m = &self.designations[d].metrics[metric];
        let p = self.plan_month(m, as_of);
        let mut out: Vec<FigureMove> = Vec::new();
        let mut raise =
            |figure: usize, value: f64| match out.iter_mut().find(|f| f.figure == figure) {
                Some(f) => f.value = f.value.max(value),
                None => out.push(FigureMove {
                    figure,
                    period_end: p,
                    value,
                }),
            };
        for s in &m.tracks {
            match s.def {
                Scoring::Skill(_) => {}
                Scoring::Figures(f) => {
                    for ((_, full_at), fig) in f.parts.iter().zip(&s.figures) {
                        raise(*fig, *full_at);
                    }
                }
                Scoring::Growth(g) => {
                    let baseline = self
                        .baseline_at(s.figures[1], Track::Enterprise, p)
                        .filter(|b| *b >= g.min_baseline && *b > 0.0);
                    let base = baseline.unwrap_or(g.min_baseline.max(1.0));
                    raise(s.figures[0], base * (1.0 + g.full_at_pct / 100.0));
                    if baseline.is_none() {
                        raise(s.figures[1], g.min_baseline.max(1.0));
                    }
                }
            }
        }
        out
    }

    /// A metric's points on `track` with people added to its lists and figures set.
    fn metric_with(
        &self,
        m: &CMetric,
        track: Track,
        found: &[u32],
        change: &Change,
        p: Day,
        as_of: Instant,
    ) -> i64 {
        let s = &m.tracks[track_index(track)];
        let value = |f: usize| -> Option<(Day, f64)> {
            match change.figures.iter().find(|(g, _)| *g == f) {
                Some((_, v)) => Some((p, *v)),
                None => self.figure_at(f, track, as_of),
            }
        };
        let raw = match s.def {
            Scoring::Skill(steps) => {
                let counts: Vec<u32> = s
                    .lists
                    .iter()
                    .map(|l| {
                        let extra = change.add.iter().find(|(x, _)| x == l).map_or(0, |a| a.1);
                        found[*l] + extra
                    })
                    .collect();
                super::designations::skill_points(steps, m.def.max, &counts)
            }
            Scoring::Figures(f) => {
                let values: Vec<Option<f64>> =
                    s.figures.iter().map(|f| value(*f).map(|v| v.1)).collect();
                figures_points(f, m.def.max, &values)
            }
            Scoring::Growth(g) => {
                let current = value(s.figures[0]);
                let baseline = current.and_then(|(at, _)| {
                    match change.figures.iter().find(|(f, _)| *f == s.figures[1]) {
                        Some((_, v)) if at == p => Some(*v),
                        _ => self.baseline_at(s.figures[1], track, at),
                    }
                });
                growth_points(g, m.def.max, current.map(|v| v.1), baseline)
            }
        };
        hundredths(raw)
    }

    /// Every outcome of one metric per number of actions (index = cost), distinct.
    fn outcomes(
        &self,
        d: usize,
        metric: usize,
        found: &[u32],
        as_of: Instant,
    ) -> Vec<Vec<Outcome>> {
        let m = &self.designations[d].metrics[metric];
        let p = self.plan_month(m, as_of);
        let mut changes: Vec<Change> = Vec::new();
        match m.tracks[0].def {
            Scoring::Skill(_) => {
                // The lists of both tracks, each with the most people worth adding.
                let mut bounds: BTreeMap<usize, u32> = BTreeMap::new();
                for s in &m.tracks {
                    let Scoring::Skill(steps) = s.def else {
                        continue;
                    };
                    for (step, l) in steps.iter().zip(&s.lists) {
                        let need = match step {
                            Step::Gate(g) => g.people,
                            Step::PerPerson(pp) => {
                                let (num, den) = (u64::from(pp.points.0), u64::from(pp.points.1));
                                let room = m.def.max.max(0.0).round() as u64;
                                (room * den).div_ceil(num) as u32
                            }
                        };
                        let bound = need.saturating_sub(found[*l]);
                        let b = bounds.entry(*l).or_insert(0);
                        *b = (*b).max(bound);
                    }
                }
                let lists: Vec<(usize, u32)> = bounds.into_iter().collect();
                let mut counts = vec![0u32; lists.len()];
                loop {
                    changes.push(Change {
                        add: lists
                            .iter()
                            .zip(&counts)
                            .filter(|(_, n)| **n > 0)
                            .map(|((l, _), n)| (*l, *n))
                            .collect(),
                        figures: Vec::new(),
                    });
                    // The next distribution, like an odometer.
                    let mut i = 0;
                    while i < lists.len() {
                        if counts[i] < lists[i].1 {
                            counts[i] += 1;
                            break;
                        }
                        counts[i] = 0;
                        i += 1;
                    }
                    if i == lists.len() {
                        break;
                    }
                }
            }
            _ => {
                let moves = self.figure_moves(d, metric, as_of);
                for mask in 0u32..(1 << moves.len()) {
                    changes.push(Change {
                        add: Vec::new(),
                        figures: moves
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| mask & (1 << i) != 0)
                            .map(|(_, f)| (f.figure, f.value))
                            .collect(),
                    });
                }
            }
        }
        let mut by_cost: Vec<Vec<Outcome>> = Vec::new();
        for change in changes {
            let cost =
                change.add.iter().map(|a| a.1 as usize).sum::<usize>() + change.figures.len();
            if cost > MAX_COST {
                continue;
            }
            let h = TRACKS.map(|t| self.metric_with(m, t, found, &change, p, as_of));
            if by_cost.len() <= cost {
                by_cost.resize_with(cost + 1, Vec::new);
            }
            if !by_cost[cost].iter().any(|o| o.h == h) {
                by_cost[cost].push(Outcome { h, change });
            }
        }
        by_cost
    }

    /// The fewest actions that make designation `id` qualify at `as_of`.
    pub fn plan(&self, id: &str, as_of: Instant) -> Result<SppPlan, String> {
        let d = self
            .catalog
            .designations
            .iter()
            .position(|x| x.id == id)
            .ok_or_else(|| format!("unknown designation {id}"))?;
        let found = self.found_at(as_of);
        let now = self.score(d, &found, as_of);
        let metrics = self.designations[d].metrics.len();
        let options: Vec<Vec<Vec<Outcome>>> = (0..metrics)
            .map(|m| self.outcomes(d, m, &found, as_of))
            .collect();
        let flag = self.designations[d]
            .flag
            .and_then(|f| self.figure_at(f, Track::Enterprise, as_of))
            .map(|(_, v)| v);
        let rule = &self.catalog.designations[d].tracks;
        let threshold = hundredths(self.catalog.threshold);
        let mut tried = 0usize;
        let mut best: Option<(Vec<Pick>, Track, i64)> = None;
        for total_cost in 0..=MAX_COST {
            let mut pick = vec![(0usize, 0usize); metrics];
            search(
                &options,
                0,
                total_cost,
                &mut pick,
                &mut tried,
                &mut |pick| {
                    let h: Vec<[i64; 2]> = pick
                        .iter()
                        .enumerate()
                        .map(|(m, (c, o))| options[m][*c][*o].h)
                        .collect();
                    let total = |t: usize| h.iter().map(|x| x[t]).sum::<i64>();
                    let (ent, smb) = (total(0), total(1));
                    let track = counting_track(rule, flag, ent, smb);
                    let t = track_index(track);
                    let ok = total(t) >= threshold && h.iter().all(|x| x[t] >= 1);
                    if ok && best.as_ref().is_none_or(|b| total(t) > b.2) {
                        best = Some((pick.to_vec(), track, total(t)));
                    }
                },
            );
            if best.is_some() || tried > MAX_TRIED {
                break;
            }
        }
        let p = self.designations[d]
            .metrics
            .iter()
            .find(|m| !matches!(m.tracks[0].def, Scoring::Skill(_)))
            .map(|m| self.plan_month(m, as_of));
        let qualified_already = now.counted().qualified();
        let Some((pick, track, total)) = best else {
            return Ok(SppPlan {
                designation: id.to_string(),
                as_of,
                qualified_already,
                feasible: false,
                track: now.counting,
                total: super::spp_report::points(now.counted().total),
                figures_month: None,
                actions: Vec::new(),
            });
        };
        let mut actions = Vec::new();
        let mut moved = false;
        for (m, (c, o)) in pick.iter().enumerate() {
            let change = &options[m][*c][*o].change;
            for (l, n) in &change.add {
                actions.extend(self.people_actions(*l, *n, as_of));
            }
            for (f, v) in &change.figures {
                moved = true;
                let from = self
                    .figure_at(*f, Track::Enterprise, as_of)
                    .map_or(0.0, |x| x.1);
                actions.push(Action::Metric {
                    metric: self.catalog.figures[*f].id.clone(),
                    from,
                    to: *v,
                });
            }
        }
        Ok(SppPlan {
            designation: id.to_string(),
            as_of,
            qualified_already,
            feasible: true,
            track,
            total: super::spp_report::points(total),
            figures_month: p.filter(|_| moved).map(|p| p.to_string()),
            actions,
        })
    }

    /// `n` certifications of step list `l`: associated people who do not satisfy it first
    /// (in id order; a held credential that no longer counts is renewed), then new people.
    fn people_actions(&self, l: usize, n: u32, as_of: Instant) -> Vec<Action> {
        let t = as_of.secs();
        let delay = i64::from(self.settings.sync_delay_hours) * 3600;
        let list = &self.lists[l];
        // A credential that can still be earned: passing after its retirement never counts.
        let fresh = list
            .iter()
            .find(|c| self.rows.can_earn(*c, t))
            .or_else(|| list.iter().next());
        let mut out = Vec::new();
        for p in &self.people {
            if out.len() == n as usize {
                break;
            }
            if !p.associated_at(t, delay) || p.held_at(t).intersects(list) {
                continue;
            }
            let renew = p
                .achievements
                .iter()
                .find(|a| list.contains(a.cred()) && self.rows.can_earn(a.cred(), t));
            let (cred, renewal) = match (renew, fresh) {
                (Some(a), _) => (a.cred(), true),
                (None, Some(c)) => (c, false),
                (None, None) => continue,
            };
            out.push(Action::Pass {
                employee: p.id.to_string(),
                credential: self.rows.ids[cred].to_string(),
                renewal,
            });
        }
        while out.len() < n as usize {
            let Some(c) = fresh else { break };
            out.push(Action::Hire {
                credentials: vec![self.rows.ids[c].to_string()],
            });
        }
        out
    }
}

/// One metric's chosen outcome: (metric, outcome).
type Pick = (usize, usize);

/// Every way to spend exactly `left` actions on metrics `m..`, one outcome each.
fn search(
    options: &[Vec<Vec<Outcome>>],
    m: usize,
    left: usize,
    pick: &mut Vec<Pick>,
    tried: &mut usize,
    visit: &mut dyn FnMut(&[Pick]),
) {
    if *tried > MAX_TRIED {
        return;
    }
    if m == options.len() {
        if left == 0 {
            *tried += 1;
            visit(pick);
        }
        return;
    }
    let last = m + 1 == options.len();
    for cost in 0..options[m].len().min(left + 1) {
        if last && cost != left {
            continue;
        }
        for o in 0..options[m][cost].len() {
            pick[m] = (cost, o);
            search(options, m + 1, left - cost, pick, tried, visit);
        }
    }
}
