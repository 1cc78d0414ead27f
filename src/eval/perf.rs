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
}
