//! Partner Contribution Indicators: the 100-point model of domain.md §9.1.

use super::compiled::{CExpr, Compiled, CredSet};
use super::report::{LevelName, PciPath, PciReport};
use crate::model::{Day, Market};
use std::collections::BTreeMap;

/// The two PCI paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    Ce,
    Fo,
}

/// The credential tests of one path: functional consultants and developers.
#[derive(Debug, Clone)]
pub struct PathRules {
    path: Path,
    consultant: Vec<CExpr>,
    developer: CExpr,
}

#[derive(Debug, Clone)]
pub struct PciRules {
    ce: PathRules,
    fo: PathRules,
    /// Every credential the indicators use ("requirements list" for alerts).
    pub listed: CredSet,
}

/// The figures the indicators read, per path, at one instant.
#[derive(Debug, Clone, Copy, Default)]
pub struct PathFigures {
    pub net_new_revenue: f64,
    pub net_customer_adds: f64,
    pub new_large_deployments: f64,
    pub mau_baseline: f64,
    pub mau_current: f64,
    pub fc_baseline: f64,
}

pub struct Markets {
    pub partner: Market,
    pub customer: Market,
    /// Option two of consultant growth was reached on this day (15 points for 24 months).
    pub option_two_since: Option<Day>,
    pub today: Day,
}

impl PciRules {
    pub fn new(c: &Compiled) -> Self {
        let any = |ids: &[&str]| CExpr::Any(c.cred_set(ids));
        let ce = PathRules {
            path: Path::Ce,
            consultant: vec![
                any(&["MB-200", "PL-200"]),
                any(&["MB-210", "MB-220", "MB-230", "MB-240", "MB6-898"]),
            ],
            developer: CExpr::Alt(vec![
                any(&["PL-400"]),
                CExpr::Alt(vec![
                    CExpr::All(c.cred_set(&["MB-200", "MB-400"])),
                    CExpr::All(c.cred_set(&["MB-200", "MB2-716"])),
                ]),
            ]),
        };
        let fo = PathRules {
            path: Path::Fo,
            consultant: vec![
                any(&["MB-300"]),
                any(&["MB-310", "MB-320", "MB-330", "MB6-897", "MB6-898"]),
            ],
            developer: CExpr::Alt(vec![
                CExpr::All(c.cred_set(&["MB-300", "MB-500"])),
                CExpr::All(c.cred_set(&["MB-300", "MB6-894"])),
            ]),
        };
        let listed = c.cred_set(&[
            "MB-200", "PL-200", "MB-210", "MB-220", "MB-230", "MB-240", "MB6-898", "PL-400",
            "MB-400", "MB2-716", "MB-300", "MB-310", "MB-320", "MB-330", "MB6-897", "MB-500",
            "MB6-894",
        ]);
        PciRules { ce, fo, listed }
    }

    /// Scores both paths; the level is the better path's band.
    pub fn score(
        &self,
        held: &[CredSet],
        ce: PathFigures,
        fo: PathFigures,
        m: &Markets,
    ) -> (PciReport, LevelName) {
        let a = self.ce.score(held, &ce, m);
        let b = self.fo.score(held, &fo, m);
        let level = band(a.total).max(band(b.total));
        (
            PciReport {
                customer_engagement: a,
                finance_and_operations: b,
            },
            level,
        )
    }
}

/// 80–100 Gold, 60–79.9 Silver, below none; the total is never rounded.
pub fn band(total: f64) -> LevelName {
    if total >= 80.0 {
        LevelName::Gold
    } else if total >= 60.0 {
        LevelName::Silver
    } else {
        LevelName::None
    }
}

fn proportional(max: f64, actual: f64, full_at: f64) -> f64 {
    if full_at <= 0.0 {
        max
    } else {
        max * (actual / full_at).clamp(0.0, 1.0)
    }
}

impl PathRules {
    fn score(&self, held: &[CredSet], f: &PathFigures, m: &Markets) -> PciPath {
        let dev_p = m.partner == Market::Developed;
        let dev_c = m.customer == Market::Developed;
        let pick = |developed: bool, a: f64, b: f64| if developed { a } else { b };
        let consultants = held
            .iter()
            .filter(|h| self.consultant.iter().all(|e| e.holds(h)))
            .count() as f64;
        let developers = held.iter().filter(|h| self.developer.holds(h)).count() as f64;
        let (adds_full, deploy_full, mau_min) = match self.path {
            Path::Ce => (
                pick(dev_c, 10.0, 5.0),
                pick(dev_c, 5.0, 1.0),
                pick(dev_c, 250.0, 150.0),
            ),
            Path::Fo => (
                pick(dev_c, 3.0, 1.0),
                pick(dev_c, 3.0, 1.0),
                pick(dev_c, 100.0, 50.0),
            ),
        };
        let mau_growth = if f.mau_baseline >= mau_min {
            let growth = (f.mau_current - f.mau_baseline) / f.mau_baseline;
            proportional(25.0, growth, 0.25)
        } else {
            0.0
        };
        let mut points = BTreeMap::new();
        points.insert(
            "net_new_revenue",
            proportional(10.0, f.net_new_revenue, pick(dev_c, 300_000.0, 150_000.0)),
        );
        points.insert(
            "net_customer_adds",
            proportional(10.0, f.net_customer_adds, adds_full),
        );
        points.insert(
            "functional_consultants",
            proportional(15.0, consultants, pick(dev_p, 15.0, 5.0)),
        );
        points.insert(
            "functional_consultant_growth",
            growth_points(consultants, f.fc_baseline, dev_p, m),
        );
        points.insert(
            "developers",
            proportional(5.0, developers, pick(dev_p, 5.0, 2.0)),
        );
        points.insert(
            "new_large_deployments",
            proportional(20.0, f.new_large_deployments, deploy_full),
        );
        points.insert("mau_growth", mau_growth);
        PciPath {
            total: points.values().sum(),
            points,
        }
    }
}

/// Functional consultant growth (2021 text): 15 or 0 points.
fn growth_points(current: f64, baseline: f64, developed: bool, m: &Markets) -> f64 {
    let option_two_count = if developed { 50.0 } else { 25.0 };
    if let Some(since) = m.option_two_since
        && m.today >= since
        && m.today <= since.add_months(24)
    {
        return 15.0;
    }
    let (min, mid, high) = if developed {
        (15.0, 30.0, 50.0)
    } else {
        (5.0, 15.0, 25.0)
    };
    if baseline < min {
        return 0.0;
    }
    if baseline >= high {
        // Option two: the large-practice route, judged on the current count.
        return if current >= option_two_count {
            15.0
        } else {
            0.0
        };
    }
    let needed = if baseline < mid { 0.35 } else { 0.25 };
    if (current - baseline) / baseline >= needed {
        15.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_unrounded() {
        assert_eq!(band(79.9), LevelName::Silver);
        assert_eq!(band(80.0), LevelName::Gold);
        assert_eq!(band(60.0), LevelName::Silver);
        assert_eq!(band(59.0), LevelName::None);
    }

    #[test]
    fn growth_needs_the_baseline_band() {
        let m = Markets {
            partner: Market::Developed,
            customer: Market::Developed,
            option_two_since: None,
            today: Day::ymd(2021, 1, 1).unwrap(),
        };
        assert_eq!(growth_points(12.0, 9.0, true, &m), 0.0);
        assert_eq!(growth_points(21.0, 15.0, true, &m), 15.0);
        assert_eq!(growth_points(20.0, 15.0, true, &m), 0.0);
        assert_eq!(growth_points(38.0, 30.0, true, &m), 15.0);
    }
}
