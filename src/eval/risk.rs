//! Key-person risk: the people whose departure alone lowers a level, and each competency's
//! bus factor (how many departures it takes to lower it).

use super::Engine;
use super::compiled::CredSet;
use super::engine::{CompResult, StepResult};
use super::report::LevelName;
use crate::model::{Catalog, Instant, Org};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Bus factors are searched up to this many departures; a larger one is reported as this + 1.
pub const MAX_BUS_FACTOR_SEARCHED: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drop {
    pub id: String,
    pub from: LevelName,
    pub to: LevelName,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRisk {
    pub employee: String,
    pub competencies: Vec<Drop>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    pub people: Vec<PersonRisk>,
    /// For each competency held on the data (not by an override): the smallest number of
    /// departures that lowers it; `MAX_BUS_FACTOR_SEARCHED + 1` means "more than that".
    pub bus_factor: BTreeMap<String, u32>,
    /// The people whose departure alone stops a designation qualifying.
    pub designations: Vec<super::spp_risk::DesignationRisk>,
}

/// The people filling the options that hold competency `c` at `level` (one option suffices).
fn smallest_witness(r: &CompResult, level: LevelName) -> Vec<usize> {
    let meeting = r.options.iter().filter(|o| match level {
        LevelName::Gold => o[1].raw_met,
        LevelName::Silver => o[0].raw_met || o[1].raw_met,
        LevelName::None => false,
    });
    meeting
        .map(|o| {
            let lvl = if level == LevelName::Gold || !o[0].raw_met {
                &o[1]
            } else {
                &o[0]
            };
            let mut w: BTreeSet<usize> = BTreeSet::new();
            for s in &lvl.steps {
                if let StepResult::Skill { outcome, .. } = s {
                    w.extend(&outcome.witness);
                }
            }
            w.into_iter().collect::<Vec<_>>()
        })
        .min_by_key(Vec::len)
        .unwrap_or_default()
}

fn without(held: &[CredSet], gone: &[usize]) -> Vec<CredSet> {
    let mut h = held.to_vec();
    gone.iter().for_each(|p| h[*p] = CredSet::default());
    h
}

/// Can `depth` more departures (beyond `gone`) lower competency `c` below `level`? Any set
/// that lowers it must include someone of every witness, so branching on one witness is exact.
fn lowers(
    engine: &Engine,
    t: Instant,
    held: &[CredSet],
    c: usize,
    level: LevelName,
    gone: &mut Vec<usize>,
    depth: u32,
) -> bool {
    let results = engine.competencies_with(t, &without(held, gone));
    if results[c].level < level {
        return true;
    }
    if depth == 0 {
        return false;
    }
    for p in smallest_witness(&results[c], level) {
        gone.push(p);
        let found = lowers(engine, t, held, c, level, gone, depth - 1);
        gone.pop();
        if found {
            return true;
        }
    }
    false
}

pub fn risk(catalog: &Catalog, org: &Org, as_of: Instant) -> Result<Risk, String> {
    let engine = Engine::new(catalog, org)?;
    let held = engine.held_at(as_of);
    let base = engine.competencies_with(as_of, &held);
    // Only people in some witness can lower anything on their own.
    let mut candidates: BTreeSet<usize> = BTreeSet::new();
    for r in &base {
        candidates.extend(smallest_witness(r, r.raw_level));
        for o in &r.options {
            for lvl in o {
                for s in &lvl.steps {
                    if let StepResult::Skill { outcome, .. } = s {
                        candidates.extend(&outcome.witness);
                    }
                }
            }
        }
    }
    let pci: Vec<usize> = (0..catalog.competencies.len())
        .filter(|c| engine.is_pci(*c))
        .collect();
    if !pci.is_empty() {
        // PCI counts consultants and developers: anyone holding a credential may matter.
        candidates.extend((0..held.len()).filter(|p| !held[*p].is_empty()));
    }
    let mut people = Vec::new();
    for p in candidates {
        let after = engine.competencies_with(as_of, &without(&held, &[p]));
        let drops: Vec<Drop> = catalog
            .competencies
            .iter()
            .zip(base.iter().zip(&after))
            .filter(|(_, (b, a))| a.level < b.level)
            .map(|(c, (b, a))| Drop {
                id: c.id.clone(),
                from: b.level,
                to: a.level,
            })
            .collect();
        if !drops.is_empty() {
            people.push(PersonRisk {
                employee: engine.people()[p].id.to_string(),
                competencies: drops,
            });
        }
    }
    let mut bus_factor = BTreeMap::new();
    for (c, r) in base.iter().enumerate() {
        if r.raw_level == LevelName::None || r.level > r.raw_level || engine.is_pci(c) {
            continue;
        }
        let k = (1..=MAX_BUS_FACTOR_SEARCHED)
            .find(|k| {
                let results_c = smallest_witness(r, r.raw_level);
                results_c
                    .iter()
                    .any(|p| lowers(&engine, as_of, &held, c, r.raw_level, &mut vec![*p], k - 1))
            })
            .unwrap_or(MAX_BUS_FACTOR_SEARCHED + 1);
        bus_factor.insert(catalog.competencies[c].id.clone(), k);
    }
    let designations = engine
        .spp
        .as_ref()
        .map(|s| s.key_people(as_of))
        .unwrap_or_default();
    Ok(Risk {
        people,
        bus_factor,
        designations,
    })
}
