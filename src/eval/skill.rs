//! Skill steps: filling slots with distinct people (domain.md §3.4).
//!
//! The assignment is a bipartite matching found with Kuhn's augmenting paths, slots taken in
//! the order of §3.4 and candidates tried in employee-id order. The order is part of the
//! contract (it fixes the reported witness), which is why this is written out here rather
//! than taken from a general matching crate whose tie-breaking is unspecified. Kuhn's
//! algorithm is exact: a step is reported unmet only when no assignment fills every slot.

use super::compiled::{CSkill, CredSet, SlotClass};

/// The people available at one instant: H(p) per person in id order, minus excluded ones.
pub struct Pool<'a> {
    pub held: &'a [CredSet],
    /// People consumed by an earlier competency's Gold (reuse off), or none.
    pub excluded: Option<&'a [bool]>,
}

impl Pool<'_> {
    fn qualifies(&self, class: &SlotClass, p: usize) -> bool {
        if self.excluded.is_some_and(|x| x[p]) {
            return false;
        }
        let h = &self.held[p];
        !h.is_empty() && class.preds.iter().all(|e| e.holds(h))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillOutcome {
    pub met: bool,
    /// Person indices (id order) of the filled slots and the `same_or_different` choices.
    pub witness: Vec<usize>,
    pub missing: Option<String>,
    /// Slots left unfilled by the matching.
    pub unfilled: u32,
    /// The most people any one part still lacks: the unfilled slots or a `same_or_different`
    /// clause's shortfall (what one more suitable person would lower by one).
    pub shortfall: u32,
}

/// Per-person work arrays reused across steps, so a step costs what its search visits
/// rather than the size of the organisation.
#[derive(Default)]
pub struct Scratch {
    /// The slot a person fills, valid while `stamp[p] == epoch`.
    person_slot: Vec<u32>,
    slot_stamp: Vec<u32>,
    /// Visited in the current augmenting search while `visit[p] == search`.
    visit: Vec<u32>,
    epoch: u32,
    search: u32,
}

impl Scratch {
    fn reset(&mut self, n: usize) {
        if self.visit.len() != n || self.epoch == u32::MAX || self.search > u32::MAX - 1024 {
            *self = Scratch {
                person_slot: vec![0; n],
                slot_stamp: vec![0; n],
                visit: vec![0; n],
                epoch: 0,
                search: 0,
            };
        }
        self.epoch += 1;
    }
}

struct Kuhn<'a, 'b> {
    pool: &'a Pool<'b>,
    skill: &'a CSkill,
    slot_class: Vec<usize>,
    slot_person: Vec<Option<usize>>,
    scratch: &'a mut Scratch,
}

impl Kuhn<'_, '_> {
    fn slot_of(&self, p: usize) -> Option<usize> {
        (self.scratch.slot_stamp[p] == self.scratch.epoch)
            .then(|| self.scratch.person_slot[p] as usize)
    }

    fn try_slot(&mut self, s: usize) -> bool {
        let class = &self.skill.classes[self.slot_class[s]];
        for p in 0..self.pool.held.len() {
            if self.scratch.visit[p] == self.scratch.search || !self.pool.qualifies(class, p) {
                continue;
            }
            self.scratch.visit[p] = self.scratch.search;
            let free = match self.slot_of(p) {
                None => true,
                Some(other) => self.try_slot(other),
            };
            if free {
                self.scratch.person_slot[p] = s as u32;
                self.scratch.slot_stamp[p] = self.scratch.epoch;
                self.slot_person[s] = Some(p);
                return true;
            }
        }
        false
    }
}

/// Evaluates one skill step on the pool.
pub fn match_skill(skill: &CSkill, pool: &Pool, scratch: &mut Scratch) -> SkillOutcome {
    let n = pool.held.len();
    scratch.reset(n);
    let slot_class: Vec<usize> = skill
        .classes
        .iter()
        .enumerate()
        .flat_map(|(i, c)| std::iter::repeat_n(i, c.count as usize))
        .collect();
    let slots = slot_class.len();
    let mut k = Kuhn {
        pool,
        skill,
        slot_class,
        slot_person: vec![None; slots],
        scratch,
    };
    for s in 0..slots {
        k.scratch.search += 1;
        k.try_slot(s);
    }
    let mut in_witness: Vec<usize> = Vec::new();
    let mut phrases = Vec::new();
    let mut offset = 0;
    for class in &skill.classes {
        let filled = (offset..offset + class.count as usize)
            .filter(|s| k.slot_person[*s].is_some())
            .count() as u32;
        if filled < class.count {
            phrases.push(phrase(class.count - filled, "", &class.words));
        }
        offset += class.count as usize;
    }
    let slots_met = phrases.is_empty();
    let unfilled = k.slot_person.iter().filter(|s| s.is_none()).count() as u32;
    let mut shortfall = unfilled;
    let mut matched: Vec<usize> = k.slot_person.iter().flatten().copied().collect();
    matched.sort_unstable();
    in_witness.extend(&matched);
    let mut sod_met = true;
    for class in &skill.sod {
        let want = class.count as usize;
        // Witness members first, then the others, each in id order.
        let chosen: Vec<usize> = matched
            .iter()
            .copied()
            .chain((0..n).filter(|p| matched.binary_search(p).is_err()))
            .filter(|p| pool.qualifies(class, *p))
            .take(want)
            .collect();
        if chosen.len() < want {
            sod_met = false;
            shortfall = shortfall.max((want - chosen.len()) as u32);
            phrases.push(phrase(
                (want - chosen.len()) as u32,
                " (same or different)",
                &class.words,
            ));
        }
        in_witness.extend(chosen);
    }
    in_witness.sort_unstable();
    in_witness.dedup();
    SkillOutcome {
        met: slots_met && sod_met,
        witness: in_witness,
        missing: (!phrases.is_empty()).then(|| phrases.join("; ")),
        unfilled,
        shortfall,
    }
}

fn phrase(n: u32, qualifier: &str, words: &str) -> String {
    if n == 1 {
        format!("1 more person{qualifier} with {words}")
    } else {
        format!("{n} more people{qualifier} with {words}")
    }
}
