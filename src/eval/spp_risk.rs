//! Designations in the forecasts: what a what-if does to each total, and the people whose
//! departure alone takes a qualifying designation below the criteria.

use super::designations::Track;
use super::spp_engine::SppEngine;
use super::spp_report::points;
use crate::model::Instant;
use serde::Serialize;

/// A designation before and after a what-if's changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DesignationChange {
    pub id: String,
    pub from_total: f64,
    pub to_total: f64,
    pub from_qualified: bool,
    pub to_qualified: bool,
}

/// A person whose departure alone stops a designation qualifying.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DesignationRisk {
    pub employee: String,
    pub designation: String,
    /// The counting total without them, and its track.
    pub total_without: f64,
    #[serde(serialize_with = "track_name")]
    pub track: Track,
}

fn track_name<S: serde::Serializer>(t: &Track, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}

/// The designations whose total or qualification differ between two engines at `at`.
pub fn changes(before: &SppEngine, after: &SppEngine, at: Instant) -> Vec<DesignationChange> {
    let (b, a) = (before.scores_at(at), after.scores_at(at));
    before
        .catalog
        .designations
        .iter()
        .zip(b.iter().zip(&a))
        .filter(|(_, (b, a))| {
            b.counted().total != a.counted().total
                || b.counted().qualified() != a.counted().qualified()
        })
        .map(|(d, (b, a))| DesignationChange {
            id: d.id.clone(),
            from_total: points(b.counted().total),
            to_total: points(a.counted().total),
            from_qualified: b.counted().qualified(),
            to_qualified: a.counted().qualified(),
        })
        .collect()
}

impl SppEngine<'_> {
    /// Per qualifying designation, the people whose departure at `as_of` would stop it
    /// qualifying (figures as they are), in designation then id order.
    pub fn key_people(&self, as_of: Instant) -> Vec<DesignationRisk> {
        let t = as_of.secs();
        let found = self.found_at(as_of);
        let held: Vec<_> = self.people.iter().map(|p| p.held_at(t)).collect();
        let mut out = Vec::new();
        for (d, cd) in self.designations.iter().enumerate() {
            if !self.score(d, &found, as_of).counted().qualified() {
                continue;
            }
            for (p, h) in self.people.iter().zip(&held) {
                if !h.intersects(&cd.listed) {
                    continue;
                }
                let without: Vec<u32> = self
                    .lists
                    .iter()
                    .zip(&found)
                    .map(|(l, n)| n - u32::from(h.intersects(l)))
                    .collect();
                let score = self.score(d, &without, as_of);
                if !score.counted().qualified() {
                    out.push(DesignationRisk {
                        employee: p.id.to_string(),
                        designation: self.catalog.designations[d].id.clone(),
                        total_without: points(score.counted().total),
                        track: score.counting,
                    });
                }
            }
        }
        out
    }
}
