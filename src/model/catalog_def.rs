//! The catalog as data: the types of a catalog RON file and their consistency check.
//!
//! This file depends on `serde` and `std` only, because `build.rs` includes it with `#[path]`
//! to reject a broken catalog at compile time with the same rules the program applies when a
//! user loads another catalog with `--catalog`.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A programme snapshot: every credential, metric and competency of one catalog file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub snapshot: String,
    pub title: String,
    pub credentials: Vec<Credential>,
    pub metrics: Vec<Metric>,
    /// In catalog order (reports and tie-breaks follow it).
    pub competencies: Vec<Competency>,
    /// The Solutions Partner designations snapshot evaluated beside the competencies
    /// (designations.md); a separate file, attached when the catalog is read.
    #[serde(skip)]
    pub designations: Option<std::sync::Arc<super::spp_def::SppCatalog>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CredentialKind {
    Exam,
    Certification,
    Assessment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    pub id: String,
    pub kind: CredentialKind,
    pub title: String,
    /// Other printed forms of the title (accepted by the title import).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Last day the credential could be earned (`YYYY-MM-DD`).
    #[serde(default)]
    pub retires: Option<String>,
    /// Last day it still counts; `None` with `retires` set: it counts until `retires`.
    #[serde(default)]
    pub counts_until: Option<String>,
    /// For display only: replacement never transfers credit.
    #[serde(default)]
    pub replaced_by: Option<String>,
    #[serde(default)]
    pub non_ms: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalKind {
    Revenue,
    ActiveUsage,
    DeployedSeats,
    NewCustomers,
    Flag,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    TtmSum,
    Count,
    State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AssociationType {
    Dpor,
    TransactingPor,
    DelegatedAdmin,
    FastTrack,
    Cpor,
    PartnerOfRecord,
    Csp,
    /// Partner Admin Link (designation figures only, designations.md §2.4).
    Pal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Licence {
    Paid,
    Trial,
    Free,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub id: String,
    pub goal: GoalKind,
    pub unit: String,
    pub measure: Measure,
    pub description: String,
    /// Association types whose entries count; `None`: any association.
    #[serde(default)]
    pub associations: Option<Vec<AssociationType>>,
    /// Licence kinds whose entries are dropped (trial seats, free seats).
    #[serde(default)]
    pub excluded_licences: Vec<Licence>,
    #[serde(default)]
    pub allow_negative: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competency {
    pub id: String,
    pub name: String,
    pub options: Vec<CompetencyOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetencyOption {
    pub id: String,
    pub name: String,
    /// An absent level is never met.
    #[serde(default)]
    pub silver: Option<Vec<Step>>,
    #[serde(default)]
    pub gold: Option<Vec<Step>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    Perf(Perf),
    Skill(Skill),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Perf {
    pub metric: String,
    pub developed: f64,
    /// Absent: the developed figure applies to both markets.
    #[serde(default)]
    pub developing: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    pub people: u32,
    pub expr: Expr,
    #[serde(default)]
    pub plus: Vec<Clause>,
}

/// What one person must hold (domain.md §3.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    AnyOf(Vec<String>),
    AllOf(Vec<String>),
    Alternatives(Vec<Expr>),
    /// All credentials of at least one area; areas in catalog order.
    FocusAreas(Vec<(String, Vec<String>)>),
    /// At least one credential of the union; the areas are display labels.
    AnyOfAreas(Vec<(String, Vec<String>)>),
}

/// A `plus` clause of a skill step (domain.md §3.1, §3.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Clause {
    /// Every one of the N people also satisfies the expression.
    Same(Expr),
    /// At least k of the N people also satisfy it.
    KOfSame(u32, Expr),
    /// M people satisfy it, inside or outside the N.
    SameOrDifferent(u32, Expr),
    /// M further people, distinct from the N and from other `Different` groups.
    Different(u32, Expr),
}

impl Expr {
    /// Every credential id the expression names, in catalog order, each once.
    pub fn credentials(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        let mut push = |id: &'a String| {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        };
        match self {
            Expr::AnyOf(ids) | Expr::AllOf(ids) => ids.iter().for_each(&mut push),
            Expr::FocusAreas(areas) | Expr::AnyOfAreas(areas) => {
                areas.iter().flat_map(|(_, ids)| ids).for_each(&mut push)
            }
            Expr::Alternatives(alts) => alts.iter().for_each(|e| e.collect(out)),
        }
    }
}

impl Competency {
    /// Every credential and metric id its requirements name (any option, any level).
    pub fn listed(&self) -> Vec<&str> {
        self.options
            .iter()
            .flat_map(|o| o.silver.iter().chain(o.gold.iter()).flatten())
            .flat_map(|s| match s {
                Step::Skill(k) => k
                    .expr
                    .credentials()
                    .into_iter()
                    .chain(k.plus.iter().flat_map(|c| c.expr().credentials()))
                    .collect::<Vec<_>>(),
                Step::Perf(p) => vec![p.metric.as_str()],
            })
            .collect()
    }
}

impl Clause {
    pub fn expr(&self) -> &Expr {
        match self {
            Clause::Same(e)
            | Clause::KOfSame(_, e)
            | Clause::SameOrDifferent(_, e)
            | Clause::Different(_, e) => e,
        }
    }
}

/// A consistency problem, with a piece of source text that locates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogIssue {
    pub message: String,
    /// Text to search for in the catalog source to report a line (usually the quoted id).
    pub needle: String,
}

/// An issue located at the quoted id in the source.
pub fn issue(message: String, id: &str) -> CatalogIssue {
    CatalogIssue {
        message,
        needle: format!("\"{id}\""),
    }
}

/// Checks a `YYYY-MM-DD` date without pulling a date library into the build script.
pub fn valid_ymd(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        parts[0].parse::<u32>(),
        parts[1].parse::<u32>(),
        parts[2].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

impl Catalog {
    /// A competency's display name, or the id itself when the catalog does not have it.
    pub fn competency_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.competencies
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.name.as_str())
    }

    /// A credential's title, or the id itself when the catalog does not have it.
    pub fn credential_title<'a>(&'a self, id: &'a str) -> &'a str {
        let spp = self.designations.as_deref().and_then(|d| d.credential(id));
        self.credentials
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.title.as_str())
            .or(spp.map(|c| c.title.as_str()))
            .unwrap_or(id)
    }

    /// Every problem of the catalog, in file order as far as possible (domain.md §3.1).
    pub fn issues(&self) -> Vec<CatalogIssue> {
        let mut out = Vec::new();
        let mut creds = HashSet::new();
        for c in &self.credentials {
            if !creds.insert(c.id.as_str()) {
                out.push(issue(format!("duplicate credential id {}", c.id), &c.id));
            }
            for (name, date) in [("retires", &c.retires), ("counts_until", &c.counts_until)] {
                if let Some(d) = date
                    && !valid_ymd(d)
                {
                    out.push(issue(
                        format!("credential {}: {name} {d:?} is not a YYYY-MM-DD date", c.id),
                        d,
                    ));
                }
            }
            if let (Some(r), Some(u)) = (&c.retires, &c.counts_until)
                && u < r
            {
                out.push(issue(
                    format!(
                        "credential {}: counts_until {u} is before retires {r}",
                        c.id
                    ),
                    &c.id,
                ));
            }
            if c.counts_until.is_some() && c.retires.is_none() {
                out.push(issue(
                    format!("credential {}: counts_until without retires", c.id),
                    &c.id,
                ));
            }
        }
        for c in &self.credentials {
            if let Some(r) = &c.replaced_by
                && !creds.contains(r.as_str())
            {
                out.push(issue(
                    format!(
                        "credential {}: replaced_by names unknown credential {r}",
                        c.id
                    ),
                    r,
                ));
            }
        }
        let mut metrics = HashSet::new();
        for m in &self.metrics {
            if !metrics.insert(m.id.as_str()) {
                out.push(issue(format!("duplicate metric id {}", m.id), &m.id));
            }
        }
        let mut comps = HashSet::new();
        for comp in &self.competencies {
            if !comps.insert(comp.id.as_str()) {
                out.push(issue(
                    format!("duplicate competency id {}", comp.id),
                    &comp.id,
                ));
            }
            if comp.options.is_empty() {
                out.push(issue(
                    format!("competency {} has no option", comp.id),
                    &comp.id,
                ));
            }
            let mut opts = HashSet::new();
            for opt in &comp.options {
                if !opts.insert(opt.id.as_str()) {
                    out.push(issue(
                        format!("duplicate option id {} in competency {}", opt.id, comp.id),
                        &opt.id,
                    ));
                }
                for (lvl, steps) in [("silver", &opt.silver), ("gold", &opt.gold)] {
                    let Some(steps) = steps else { continue };
                    let at = format!("{}/{}/{lvl}", comp.id, opt.id);
                    if steps.is_empty() {
                        out.push(issue(
                            format!("{at}: a level needs at least one step"),
                            &opt.id,
                        ));
                    }
                    for step in steps {
                        check_step(step, &at, &creds, &metrics, &mut out);
                    }
                }
            }
        }
        out
    }
}

fn check_step(
    step: &Step,
    at: &str,
    creds: &HashSet<&str>,
    metrics: &HashSet<&str>,
    out: &mut Vec<CatalogIssue>,
) {
    match step {
        Step::Perf(p) => {
            if !metrics.contains(p.metric.as_str()) {
                out.push(issue(
                    format!("{at}: unknown metric {}", p.metric),
                    &p.metric,
                ));
            }
            if p.developed < 0.0 || p.developing.is_some_and(|d| d < 0.0) {
                out.push(issue(format!("{at}: negative threshold"), &p.metric));
            }
        }
        Step::Skill(s) => {
            if s.people < 1 {
                out.push(issue(format!("{at}: people must be at least 1"), at));
            }
            check_expr(&s.expr, at, creds, out);
            let mut k_count = 0;
            for clause in &s.plus {
                check_expr(clause.expr(), at, creds, out);
                match clause {
                    Clause::KOfSame(k, _) => {
                        k_count += 1;
                        if *k < 1 || *k > s.people {
                            out.push(issue(format!("{at}: k_of_same needs 1 <= k <= N"), at));
                        }
                    }
                    Clause::SameOrDifferent(m, _) | Clause::Different(m, _) if *m < 1 => {
                        out.push(issue(format!("{at}: clause people must be at least 1"), at));
                    }
                    _ => {}
                }
            }
            if k_count > 1 {
                out.push(issue(
                    format!("{at}: at most one k_of_same clause per step"),
                    at,
                ));
            }
        }
    }
}

fn check_expr(expr: &Expr, at: &str, creds: &HashSet<&str>, out: &mut Vec<CatalogIssue>) {
    let empty = match expr {
        Expr::AnyOf(ids) | Expr::AllOf(ids) => ids.is_empty(),
        Expr::Alternatives(alts) => {
            alts.iter().for_each(|e| check_expr(e, at, creds, out));
            alts.is_empty()
        }
        Expr::FocusAreas(areas) | Expr::AnyOfAreas(areas) => {
            let mut names = HashSet::new();
            for (name, ids) in areas {
                if !names.insert(name.as_str()) {
                    out.push(issue(format!("{at}: duplicate area {name}"), name));
                }
                if ids.is_empty() {
                    out.push(issue(format!("{at}: area {name} is empty"), name));
                }
            }
            areas.is_empty()
        }
    };
    if empty {
        out.push(issue(format!("{at}: empty expression"), at));
    }
    for id in expr.credentials() {
        if !creds.contains(id) {
            out.push(issue(format!("{at}: unknown credential {id}"), id));
        }
    }
}

/// 1-based line and column of the first occurrence of `needle` in `src` (1:1 if absent).
pub fn locate(src: &str, needle: &str) -> (usize, usize) {
    let Some(pos) = src.find(needle) else {
        return (1, 1);
    };
    let before = &src[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
