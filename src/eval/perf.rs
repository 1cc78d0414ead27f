//! Performance figures: the latest period end within the trailing window (domain.md §2.4, §3.2).

use crate::model::{Catalog, Day, Instant, Org};

/// One metric's entries, summed per period end after the association and licence filters.
#[derive(Debug, Clone, Default)]
pub struct Series {
    /// (period end, qualifying sum, raw sum), sorted by period end.
    points: Vec<(Day, f64, f64)>,
}

impl Series {
    /// All metrics of the catalog, indexed like `catalog.metrics`.
    pub fn build(catalog: &Catalog, org: &Org) -> Vec<Series> {
        catalog
            .metrics
            .iter()
            .map(|m| {
                let mut points: Vec<(Day, f64, f64)> = Vec::new();
                let mut entries: Vec<_> = org
                    .performance
                    .iter()
                    .filter(|e| e.metric == m.id)
                    .collect();
                entries.sort_by_key(|e| e.period_end);
                for e in entries {
                    let assoc_ok = match (&e.association, &m.associations) {
                        (Some(a), Some(list)) => list.contains(a),
                        _ => true,
                    };
                    let licence_ok = e.licence.is_none_or(|l| !m.excluded_licences.contains(&l));
                    let value = if assoc_ok && licence_ok { e.value } else { 0.0 };
                    match points.last_mut() {
                        Some(last) if last.0 == e.period_end => {
                            last.1 += value;
                            last.2 += e.value;
                        }
                        _ => points.push((e.period_end, value, e.value)),
                    }
                }
                Series { points }
            })
            .collect()
    }

    /// The TTM value at `t`: the latest period end ≤ `t`, 0 if older than `ttm_months`.
    pub fn actual(&self, t: Instant, ttm_months: u32) -> f64 {
        let idx = self.points.partition_point(|(d, _, _)| d.start() <= t);
        if idx == 0 {
            return 0.0;
        }
        let (end, value, _) = self.points[idx - 1];
        let oldest = t.day().add_months(-(ttm_months as i32));
        if end < oldest { 0.0 } else { value }
    }

    /// Raw sums per period end (for input warnings).
    pub fn raw(&self) -> impl Iterator<Item = (Day, f64)> + '_ {
        self.points.iter().map(|(d, _, raw)| (*d, *raw))
    }

    /// Period ends at which the value can change (a new figure, or one ageing out).
    pub fn change_days(&self, ttm_months: u32) -> impl Iterator<Item = Day> + '_ {
        self.points
            .iter()
            .flat_map(move |(d, _, _)| [*d, d.add_months(ttm_months as i32).add_days(1)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AssociationType, Licence, Market, PerformanceEntry};

    fn entry(
        value: f64,
        end: &str,
        licence: Option<Licence>,
        association: Option<AssociationType>,
    ) -> PerformanceEntry {
        PerformanceEntry {
            metric: "ems_active_entitlements".into(),
            value,
            period_end: Day::parse(end).unwrap(),
            association,
            licence,
        }
    }

    #[test]
    fn filters_sum_and_window() {
        let catalog = crate::io::catalog_file::default_catalog();
        let mut org = Org::new("x", Market::Developed);
        org.performance = vec![
            entry(400.0, "2018-05-31", Some(Licence::Paid), None),
            entry(200.0, "2018-05-31", Some(Licence::Trial), None),
            entry(300.0, "2018-05-31", None, Some(AssociationType::Cpor)),
            entry(100.0, "2018-05-31", Some(Licence::Paid), None),
            entry(900.0, "2017-01-31", None, None),
        ];
        let idx = catalog
            .metrics
            .iter()
            .position(|m| m.id == "ems_active_entitlements")
            .unwrap();
        let s = &Series::build(&catalog, &org)[idx];
        assert_eq!(s.actual(Instant::parse("2018-06-01").unwrap(), 12), 500.0);
        assert_eq!(
            s.actual(Instant::parse("2018-05-30").unwrap(), 12),
            0.0,
            "2017-01-31 is too old"
        );
        assert_eq!(s.actual(Instant::parse("2017-06-01").unwrap(), 12), 900.0);
        assert_eq!(s.actual(Instant::parse("2019-05-31").unwrap(), 12), 500.0);
        assert_eq!(s.actual(Instant::parse("2019-06-01").unwrap(), 12), 0.0);
    }
}
