//! The designations part of the evaluation report (designations.md §7.1–§7.3): each
//! designation at `as_of` on both tracks with its steps, parts and what is missing, and the
//! qualification window's history and best instant.

use super::designations::{Track, hundredths};
use super::report::Id;
use super::spp_engine::{CMetric, Score, SppEngine, track_index};
use crate::model::spp_def::{FigureUnit, MetricId, Scoring, Step, Tracks};
use crate::model::{Day, Instant};
use chrono::Datelike;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DesignationReport {
    pub id: String,
    pub name: String,
    pub track_rule: &'static str,
    #[serde(serialize_with = "track_name")]
    pub track: Track,
    pub total: f64,
    pub threshold: f64,
    pub threshold_met: bool,
    pub all_metrics_positive: bool,
    pub qualified: bool,
    pub attained: bool,
    pub best: Best,
    pub history: Vec<MonthReport>,
    pub tracks: TracksReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Best {
    pub total: f64,
    #[serde(serialize_with = "track_name")]
    pub track: Track,
    pub date: String,
    pub month: String,
    pub qualified: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthReport {
    pub month: String,
    pub total: f64,
    #[serde(serialize_with = "track_name")]
    pub track: Track,
    pub qualified: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TracksReport {
    pub enterprise: TrackReport,
    pub smb: TrackReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackReport {
    pub total: f64,
    pub threshold_met: bool,
    pub all_metrics_positive: bool,
    pub qualified: bool,
    pub metrics: Vec<MetricReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricReport {
    #[serde(serialize_with = "metric_name")]
    pub id: MetricId,
    pub category: &'static str,
    pub points: f64,
    pub max: f64,
    pub value: Option<f64>,
    pub unit: Option<&'static str>,
    pub people: Vec<Id>,
    pub steps: Vec<StepReport>,
    pub parts: Vec<PartReport>,
    pub missing: Option<String>,
    /// `missing` item by item, for wording it in the reader's language.
    #[serde(skip)]
    pub lacks: Vec<Lack>,
}

/// One phrase of a metric's `missing` (§7.3).
#[derive(Debug, Clone, PartialEq)]
pub enum Lack {
    /// `more` people with one of `credentials` for step `step`: a gate's people, or those a
    /// per-person step needs for full points.
    People {
        more: i64,
        credentials: String,
        step: usize,
        gate: bool,
    },
    NoFigure {
        figure: String,
    },
    Figure {
        figure: String,
        value: f64,
        full_at: f64,
    },
    NoBaseline {
        figure: String,
        month: Day,
    },
    LowBaseline {
        figure: String,
        value: f64,
        minimum: f64,
    },
    Growth {
        value: f64,
        full_at: f64,
    },
}

impl Lack {
    /// The report's fixed English phrase.
    pub fn english(&self) -> String {
        match self {
            Lack::People {
                more,
                credentials,
                step,
                gate: true,
            } => format!(
                "{more} more {} with one of: {credentials} (step {step}, required before points)",
                people_word(*more)
            ),
            Lack::People {
                more,
                credentials,
                step,
                gate: false,
            } => format!(
                "{more} more {} with one of: {credentials} (step {step}) for full points",
                people_word(*more)
            ),
            Lack::NoFigure { figure } => format!("no figure for {figure} in force"),
            Lack::Figure {
                figure,
                value,
                full_at,
            } => format!(
                "{figure} is {}; full points at {}",
                plain(*value),
                plain(*full_at)
            ),
            Lack::NoBaseline { figure, month } => format!("no figure for {figure} at {month}"),
            Lack::LowBaseline {
                figure,
                value,
                minimum,
            } => format!("{figure} is {}; minimum {}", plain(*value), plain(*minimum)),
            Lack::Growth { value, full_at } => format!(
                "growth is {} %; full points at {} %",
                plain(*value),
                plain(*full_at)
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepReport {
    pub step: usize,
    pub kind: &'static str,
    pub credentials: Vec<String>,
    pub required_people: Option<u32>,
    pub people: Vec<Id>,
    pub met: bool,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartReport {
    pub figure: String,
    pub value: Option<f64>,
    pub period_end: Option<String>,
    pub full_at: Option<f64>,
    pub points: Option<f64>,
}

/// The report's spelling of a track (`"enterprise"`, `"smb"`).
fn track_name<S: serde::Serializer>(t: &Track, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}

fn metric_name<S: serde::Serializer>(m: &MetricId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(metric_id(*m))
}

/// The report's spelling of a metric id (designations.md §2.2).
pub fn metric_id(m: MetricId) -> &'static str {
    match m {
        MetricId::NetCustomerAdds => "net_customer_adds",
        MetricId::Intermediate => "intermediate",
        MetricId::Advanced => "advanced",
        MetricId::UsageGrowth => "usage_growth",
        MetricId::Deployments => "deployments",
    }
}

/// Hundredths as the report's number.
pub fn points(h: i64) -> f64 {
    h as f64 / 100.0
}

/// A number in `missing` (§7.3): half up to two decimals, no trailing zeros, no grouping.
pub fn plain(v: f64) -> String {
    let h = (v.abs() * 100.0 + 0.5 + 1e-9).floor() * v.signum();
    let s = format!("{:.2}", h / 100.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn people_word(n: i64) -> &'static str {
    if n == 1 { "person" } else { "people" }
}

pub fn category(m: MetricId) -> &'static str {
    match m {
        MetricId::NetCustomerAdds => "performance",
        MetricId::Intermediate | MetricId::Advanced => "skilling",
        MetricId::UsageGrowth | MetricId::Deployments => "customer_success",
    }
}

pub fn unit_name(u: FigureUnit) -> &'static str {
    match u {
        FigureUnit::Customers => "customers",
        FigureUnit::Workloads => "workloads",
        FigureUnit::Usd => "usd",
        FigureUnit::Users => "users",
        FigureUnit::Services => "services",
        FigureUnit::Tenants => "tenants",
        FigureUnit::Mcv => "mcv",
        FigureUnit::Flag => "flag",
    }
}

fn month_of(d: Day) -> String {
    format!("{:04}-{:02}", d.year(), d.0.month())
}

/// The window's outcome for one designation (§4.3).
pub struct Window {
    /// Per month, oldest first: the best counting total (latest on a tie), its track and
    /// whether some instant of the month qualifies.
    pub months: Vec<(Day, i64, Track, bool)>,
    /// The best instant: qualifying ones first, then the highest total, the latest on a tie.
    pub best: (i64, Track, Instant, bool),
}

impl Window {
    pub fn attained(&self) -> bool {
        self.months.iter().any(|m| m.3)
    }
}

impl SppEngine<'_> {
    /// Every designation scored at each instant of the window ending at `as_of`.
    pub fn windows(&self, as_of: Instant) -> Vec<Window> {
        let instants = self.instants(as_of);
        let scores: Vec<Vec<Score>> = instants.iter().map(|t| self.scores_at(*t)).collect();
        (0..self.designations.len())
            .map(|d| window(&instants, scores.iter().map(|s| &s[d])))
            .collect()
    }

    /// The designations part of the report at `as_of`, in catalog order.
    /// `facts`: each person's at `as_of` (`SppEngine::facts`), for who holds what.
    pub fn designation_reports(
        &self,
        as_of: Instant,
        facts: &[super::facts::PersonFacts],
    ) -> Vec<DesignationReport> {
        let now = self.scores_at(as_of);
        let windows = self.windows(as_of);
        // Who satisfies each step list at `as_of`: positions in id order.
        let mut holders: Vec<Vec<u32>> = vec![Vec::new(); self.lists.len()];
        for (i, f) in facts.iter().enumerate() {
            if f.held.is_empty() {
                continue;
            }
            for (l, list) in self.lists.iter().enumerate() {
                if f.held.intersects(list) {
                    holders[l].push(i as u32);
                }
            }
        }
        self.catalog
            .designations
            .iter()
            .enumerate()
            .map(|(d, def)| {
                let score = &now[d];
                let w = &windows[d];
                let counted = score.counted();
                let track_report = |track: Track| {
                    let s = &score.tracks[track_index(track)];
                    TrackReport {
                        total: points(s.total),
                        threshold_met: s.threshold_met,
                        all_metrics_positive: s.all_positive,
                        qualified: s.qualified(),
                        metrics: self.designations[d]
                            .metrics
                            .iter()
                            .zip(&s.metrics)
                            .map(|(m, h)| self.metric_report(m, track, *h, &holders, as_of))
                            .collect(),
                    }
                };
                let (best_total, best_track, best_at, best_q) = w.best;
                DesignationReport {
                    id: def.id.clone(),
                    name: def.name.clone(),
                    track_rule: match def.tracks {
                        Tracks::Classified(_) => "classified",
                        Tracks::HigherTotal => "higher_total",
                    },
                    track: score.counting,
                    total: points(counted.total),
                    threshold: self.catalog.threshold,
                    threshold_met: counted.threshold_met,
                    all_metrics_positive: counted.all_positive,
                    qualified: counted.qualified(),
                    attained: w.attained(),
                    best: Best {
                        total: points(best_total),
                        track: best_track,
                        date: best_at.day().to_string(),
                        month: month_of(best_at.day()),
                        qualified: best_q,
                    },
                    history: w
                        .months
                        .iter()
                        .map(|(m, total, track, q)| MonthReport {
                            month: month_of(*m),
                            total: points(*total),
                            track: *track,
                            qualified: *q,
                        })
                        .collect(),
                    tracks: TracksReport {
                        enterprise: track_report(Track::Enterprise),
                        smb: track_report(Track::Smb),
                    },
                }
            })
            .collect()
    }

    fn metric_report(
        &self,
        m: &CMetric,
        track: Track,
        h: i64,
        holders: &[Vec<u32>],
        as_of: Instant,
    ) -> MetricReport {
        let named = |who: &[u32]| -> Vec<Id> {
            who.iter()
                .map(|i| self.people[*i as usize].id.clone())
                .collect()
        };
        let s = &m.tracks[track_index(track)];
        let max = m.def.max;
        let full = h >= hundredths(max);
        let mut report = MetricReport {
            id: m.def.id,
            category: category(m.def.id),
            points: points(h),
            max,
            value: None,
            unit: None,
            people: Vec::new(),
            steps: Vec::new(),
            parts: Vec::new(),
            missing: None,
            lacks: Vec::new(),
        };
        let mut missing: Vec<Lack> = Vec::new();
        match s.def {
            Scoring::Skill(steps) => {
                let found: Vec<i64> = s.lists.iter().map(|l| holders[*l].len() as i64).collect();
                let gates_met = steps.iter().zip(&found).all(|(st, n)| match st {
                    Step::Gate(g) => *n >= i64::from(g.people),
                    Step::PerPerson(_) => true,
                });
                let gate_points: f64 = steps
                    .iter()
                    .zip(&found)
                    .map(|(st, n)| match st {
                        Step::Gate(g) if *n >= i64::from(g.people) => g.points,
                        _ => 0.0,
                    })
                    .sum();
                let all_gates: f64 = steps
                    .iter()
                    .map(|st| match st {
                        Step::Gate(g) => g.points,
                        Step::PerPerson(_) => 0.0,
                    })
                    .sum();
                let mut people: Vec<u32> = Vec::new();
                for (i, (st, list)) in steps.iter().zip(&s.lists).enumerate() {
                    let who = &holders[*list];
                    people.extend_from_slice(who);
                    let n = found[i];
                    let ids = super::spp_engine::step_list(st).join(", ");
                    let (kind, required, met, pts) = match st {
                        Step::Gate(g) => {
                            let met = n >= i64::from(g.people);
                            if !met {
                                let k = i64::from(g.people) - n;
                                missing.push(Lack::People {
                                    more: k,
                                    credentials: ids.clone(),
                                    step: i + 1,
                                    gate: true,
                                });
                            }
                            (
                                "gate",
                                Some(g.people),
                                met,
                                if met { g.points } else { 0.0 },
                            )
                        }
                        Step::PerPerson(p) => {
                            report.value = Some(n as f64);
                            let (num, den) = (i64::from(p.points.0), i64::from(p.points.1));
                            if !full {
                                // People for full points: ⌈(max − every gate's points) × den / num⌉.
                                let room = (max - all_gates).max(0.0).round() as i64;
                                let need = (room * den + num - 1) / num - n;
                                if need > 0 {
                                    missing.push(Lack::People {
                                        more: need,
                                        credentials: ids.clone(),
                                        step: i + 1,
                                        gate: false,
                                    });
                                }
                            }
                            let raw = n as f64 * num as f64 / den as f64;
                            let pts = if gates_met {
                                raw.min((max - gate_points).max(0.0))
                            } else {
                                0.0
                            };
                            ("per_person", None, gates_met, pts)
                        }
                    };
                    report.steps.push(StepReport {
                        step: i + 1,
                        kind,
                        credentials: super::spp_engine::step_list(st).to_vec(),
                        required_people: required,
                        people: named(who),
                        met,
                        points: points(hundredths(pts)),
                    });
                }
                // Positions follow the id order: sorting them sorts the ids.
                people.sort_unstable();
                people.dedup();
                report.people = named(&people);
                report.unit = Some("people");
            }
            Scoring::Figures(f) => {
                for ((id, full_at), fig) in f.parts.iter().zip(&s.figures) {
                    let v = self.figure_at(*fig, track, as_of);
                    let part = v.map_or(0.0, |(_, v)| (v * max / full_at).clamp(0.0, max));
                    report.parts.push(PartReport {
                        figure: id.clone(),
                        value: v.map(|(_, v)| v),
                        period_end: v.map(|(p, _)| p.to_string()),
                        full_at: Some(*full_at),
                        points: Some(points(hundredths(part))),
                    });
                    missing.push(match v {
                        None => Lack::NoFigure { figure: id.clone() },
                        Some((_, v)) => Lack::Figure {
                            figure: id.clone(),
                            value: v,
                            full_at: *full_at,
                        },
                    });
                }
                if f.parts.len() == 1 {
                    report.value = report.parts[0].value;
                    let unit = self.catalog.figure(&f.parts[0].0).map(|f| f.unit);
                    report.unit = unit.map(unit_name);
                }
            }
            Scoring::Growth(g) => {
                let current = self.figure_at(s.figures[0], track, as_of);
                let baseline = current.and_then(|(p, _)| self.baseline_at(s.figures[1], track, p));
                let at = current.map(|(p, _)| p.to_string());
                report.unit = Some("percent");
                report.parts = vec![
                    PartReport {
                        figure: g.current.clone(),
                        value: current.map(|(_, v)| v),
                        period_end: at.clone(),
                        full_at: None,
                        points: None,
                    },
                    PartReport {
                        figure: g.baseline.clone(),
                        value: baseline,
                        period_end: baseline.and(at.clone()),
                        full_at: None,
                        points: None,
                    },
                ];
                let growth = match (current, baseline) {
                    (Some((_, c)), Some(b)) if b > 0.0 => Some((c - b) / b * 100.0),
                    _ => None,
                };
                report.value = growth.map(|g| points(hundredths_signed(g)));
                missing.push(match (current, baseline) {
                    (None, _) => Lack::NoFigure {
                        figure: g.current.clone(),
                    },
                    (Some((p, _)), None) => Lack::NoBaseline {
                        figure: g.baseline.clone(),
                        month: p,
                    },
                    (Some(_), Some(b)) if b < g.min_baseline || b <= 0.0 => Lack::LowBaseline {
                        figure: g.baseline.clone(),
                        value: b,
                        minimum: g.min_baseline,
                    },
                    _ => Lack::Growth {
                        value: growth.unwrap_or(0.0),
                        full_at: g.full_at_pct,
                    },
                });
            }
        }
        if !full {
            let words: Vec<String> = missing.iter().map(Lack::english).collect();
            report.missing = Some(words.join("; "));
            report.lacks = missing;
        }
        report
    }
}

/// Hundredths half up, away from zero for a negative growth.
fn hundredths_signed(v: f64) -> i64 {
    if v < 0.0 {
        -hundredths(-v)
    } else {
        hundredths(v)
    }
}

/// The window's history and best instant from the scores at each instant (sorted).
fn window<'s>(instants: &[Instant], scores: impl Iterator<Item = &'s Score>) -> Window {
    let mut months: Vec<(Day, i64, Track, bool)> = Vec::new();
    let mut best: Option<(i64, Track, Instant, bool)> = None;
    for (t, s) in instants.iter().zip(scores) {
        let c = s.counted();
        let q = c.qualified();
        let first = t.day().add_days(1 - i64::from(t.day().0.day()));
        match months.last_mut() {
            Some(m) if m.0 == first => {
                if c.total >= m.1 {
                    (m.1, m.2) = (c.total, s.counting);
                }
                m.3 |= q;
            }
            _ => months.push((first, c.total, s.counting, q)),
        }
        // Later instants win ties: `>=` over instants in order.
        let better = match best {
            None => true,
            Some((total, _, _, bq)) => (q && !bq) || (q == bq && c.total >= total),
        };
        if better {
            best = Some((c.total, s.counting, *t, q));
        }
    }
    Window {
        months,
        best: best.unwrap_or((0, Track::Enterprise, Instant::from_secs(0), false)),
    }
}
