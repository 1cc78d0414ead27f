//! The Solutions Partner designations catalog as data (designations.md §3.1, §5): the types
//! of an `spp-*.ron` file and their consistency check.
//!
//! Like `catalog_def.rs`, this file depends on `serde` and `std` only: `build.rs` includes it
//! to refuse a broken snapshot at compile time with the rules the program applies.

use super::catalog_def::{CatalogIssue, issue, valid_ymd as is_day};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SppCatalog {
    pub snapshot: String,
    pub title: String,
    pub checked_on: String,
    /// After this day the snapshot is stale (alert `designation_catalog_stale`).
    pub review_by: String,
    pub threshold: f64,
    pub window_months: u32,
    pub credentials: Vec<SppCredential>,
    pub figures: Vec<Figure>,
    /// In catalog order (reports and ties follow it).
    pub designations: Vec<Designation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SppCredentialKind {
    Certification,
    Assessment,
}

/// How sure the snapshot is of a credential's exam code (designations.md §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CodeStatus {
    #[default]
    Confirmed,
    ThirdParty,
    Unknown,
}

fn yes() -> bool {
    true
}

/// A list written in the file, as opposed to one left out (which `default` makes `None`).
fn written<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    Vec::<String>::deserialize(d).map(Some)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SppCredential {
    pub id: String,
    pub kind: SppCredentialKind,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The exams that earn it, written bare (`exams: []`: no exam); `None`: the id itself.
    #[serde(default, deserialize_with = "written")]
    pub exams: Option<Vec<String>>,
    /// Last day it could be earned.
    #[serde(default)]
    pub retires: Option<String>,
    /// Last day it still counts for those who earned it by `retires`.
    #[serde(default)]
    pub counts_until: Option<String>,
    /// Shown only: never transfers credit.
    #[serde(default)]
    pub replaced_by: Option<String>,
    #[serde(default = "yes")]
    pub expires: bool,
    #[serde(default)]
    pub code: CodeStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FigureUnit {
    Customers,
    Workloads,
    Usd,
    Users,
    Services,
    Tenants,
    Mcv,
    Flag,
}

pub use super::catalog_def::AssociationType;

/// The two sets of thresholds a designation has (designations.md §2.2); a figure entry may be
/// for one of them (org file `track: Some(Smb)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Track {
    Enterprise,
    Smb,
}

impl Track {
    /// The report's and the store's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Enterprise => "enterprise",
            Track::Smb => "smb",
        }
    }
}

/// A monthly number Microsoft computes and the user enters (designations.md §2.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub unit: FigureUnit,
    /// A net figure: it may be negative.
    #[serde(default)]
    pub negative: bool,
    #[serde(default)]
    pub associations: Vec<AssociationType>,
    /// A short English label (display only).
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Designation {
    pub id: String,
    pub name: String,
    pub tracks: Tracks,
    pub metrics: Vec<Metric>,
}

/// How the track that counts is chosen (designations.md §3.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Tracks {
    /// Microsoft classifies the partner: a flag figure, 1 for SMB.
    Classified(String),
    /// Both are scored; the higher total counts.
    HigherTotal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MetricId {
    NetCustomerAdds,
    Intermediate,
    Advanced,
    UsageGrowth,
    Deployments,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub id: MetricId,
    pub max: f64,
    pub enterprise: Scoring,
    /// `None`: the same as enterprise.
    #[serde(default)]
    pub smb: Option<Scoring>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Scoring {
    Skill(Vec<Step>),
    Figures(FigureParts),
    Growth(Growth),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Combine {
    Sum,
    Max,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureParts {
    pub combine: Combine,
    /// Each figure and the value that earns the metric's maximum.
    pub parts: Vec<(String, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    pub current: String,
    pub baseline: String,
    pub full_at_pct: f64,
    pub min_baseline: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// Met iff at least `people` distinct people hold one of `any_of`; earns `points` once.
    Gate(Gate),
    /// `num/den` points per distinct holder, only when every gate of the metric is met.
    PerPerson(PerPerson),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    pub people: u32,
    pub any_of: Vec<String>,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerPerson {
    pub any_of: Vec<String>,
    pub points: (u32, u32),
}

fn whole(v: f64) -> bool {
    v.fract() == 0.0 && v >= 0.0
}

impl Scoring {
    fn steps(&self) -> &[Step] {
        match self {
            Scoring::Skill(steps) => steps,
            _ => &[],
        }
    }
}

impl SppCatalog {
    pub fn designation(&self, id: &str) -> Option<&Designation> {
        self.designations.iter().find(|d| d.id == id)
    }

    pub fn credential(&self, id: &str) -> Option<&SppCredential> {
        self.credentials.iter().find(|c| c.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// Every problem of the snapshot (designations.md §3.1), in file order as far as possible.
    pub fn issues(&self) -> Vec<CatalogIssue> {
        let mut out = Vec::new();
        if !is_day(&self.checked_on) || !is_day(&self.review_by) {
            out.push(issue(
                "checked_on and review_by are days (YYYY-MM-DD)".into(),
                &self.snapshot,
            ));
        }
        if !(self.threshold > 0.0 && self.threshold <= 100.0) || self.window_months == 0 {
            out.push(issue(
                "threshold is in (0, 100] and window_months at least 1".into(),
                &self.snapshot,
            ));
        }
        let mut creds = HashSet::new();
        for c in &self.credentials {
            if !creds.insert(c.id.as_str()) {
                out.push(issue(format!("duplicate credential id {}", c.id), &c.id));
            }
            let dates = [&c.retires, &c.counts_until];
            if dates
                .iter()
                .any(|d| d.as_deref().is_some_and(|d| !is_day(d)))
            {
                out.push(issue(format!("{}: dates are YYYY-MM-DD", c.id), &c.id));
            }
            if c.counts_until.is_some() && c.retires.is_none() {
                out.push(issue(
                    format!("{}: counts_until needs retires", c.id),
                    &c.id,
                ));
            }
        }
        for c in &self.credentials {
            if let Some(r) = &c.replaced_by
                && !creds.contains(r.as_str())
            {
                out.push(issue(
                    format!("{}: replaced_by {r} is not a credential", c.id),
                    &c.id,
                ));
            }
        }
        let mut figures = HashSet::new();
        for f in &self.figures {
            if !figures.insert(f.id.as_str()) {
                out.push(issue(format!("duplicate figure id {}", f.id), &f.id));
            }
        }
        let mut designations = HashSet::new();
        for d in &self.designations {
            if !designations.insert(d.id.as_str()) {
                out.push(issue(format!("duplicate designation id {}", d.id), &d.id));
            }
            out.extend(self.designation_issues(d, &creds));
        }
        out
    }

    fn designation_issues(&self, d: &Designation, creds: &HashSet<&str>) -> Vec<CatalogIssue> {
        let mut out = Vec::new();
        let id = d.id.as_str();
        let mut bad = |m: String| out.push(issue(format!("{id}: {m}"), id));
        if let Tracks::Classified(flag) = &d.tracks {
            match self.figure(flag) {
                Some(f) if f.unit == FigureUnit::Flag => {}
                Some(_) => bad(format!("the track figure {flag} has no unit Flag")),
                None => bad(format!("the track figure {flag} is not a figure")),
            }
        }
        let total: f64 = d.metrics.iter().map(|m| m.max).sum();
        if (total - 100.0).abs() > 1e-9 {
            bad(format!("the metrics' maxima add up to {total}, not 100"));
        }
        let mut seen = HashSet::new();
        for m in &d.metrics {
            if !seen.insert(m.id) {
                bad(format!("metric {:?} twice", m.id));
            }
            if !whole(m.max) {
                bad(format!("the maximum of {:?} is not a whole number", m.id));
            }
            for scoring in std::iter::once(&m.enterprise).chain(m.smb.as_ref()) {
                match scoring {
                    Scoring::Skill(steps) => {
                        let per_person = steps
                            .iter()
                            .filter(|s| matches!(s, Step::PerPerson(_)))
                            .count();
                        if per_person != 1 {
                            bad(format!(
                                "{:?} has {per_person} per-person steps, not one",
                                m.id
                            ));
                        }
                    }
                    Scoring::Figures(f) => {
                        for (figure, full_at) in &f.parts {
                            if self.figure(figure).is_none() {
                                bad(format!("{figure} is not a figure"));
                            }
                            if *full_at <= 0.0 {
                                bad(format!("{figure}: full_at is not above 0"));
                            }
                        }
                    }
                    Scoring::Growth(g) => {
                        for figure in [&g.current, &g.baseline] {
                            if self.figure(figure).is_none() {
                                bad(format!("{figure} is not a figure"));
                            }
                        }
                        if g.full_at_pct <= 0.0 || g.min_baseline < 0.0 {
                            bad(format!(
                                "{:?}: full_at_pct above 0, min_baseline not below",
                                m.id
                            ));
                        }
                    }
                }
                for step in scoring.steps() {
                    let listed = match step {
                        Step::Gate(g) => {
                            if !whole(g.points) || g.people == 0 {
                                bad(format!("{:?}: a gate has whole points and people", m.id));
                            }
                            &g.any_of
                        }
                        Step::PerPerson(p) => {
                            if p.points.0 == 0 || p.points.1 == 0 {
                                bad(format!("{:?}: per-person points are above 0", m.id));
                            }
                            &p.any_of
                        }
                    };
                    for c in listed {
                        if !creds.contains(c.as_str()) {
                            bad(format!("{c} is not a credential of the snapshot"));
                        }
                    }
                }
            }
        }
        out
    }
}
