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
}

struct Kuhn<'a, 'b> {
    pool: &'a Pool<'b>,
    skill: &'a CSkill,
    slot_class: Vec<usize>,
    slot_person: Vec<Option<usize>>,
    person_slot: Vec<Option<usize>>,
    visited: Vec<bool>,
}

impl Kuhn<'_, '_> {
    fn try_slot(&mut self, s: usize) -> bool {
        let class = &self.skill.classes[self.slot_class[s]];
        for p in 0..self.pool.held.len() {
            if self.visited[p] || !self.pool.qualifies(class, p) {
                continue;
            }
            self.visited[p] = true;
            let free = match self.person_slot[p] {
                None => true,
                Some(other) => self.try_slot(other),
            };
            if free {
                self.person_slot[p] = Some(s);
                self.slot_person[s] = Some(p);
                return true;
            }
        }
        false
    }
}

/// Evaluates one skill step on the pool.
pub fn match_skill(skill: &CSkill, pool: &Pool) -> SkillOutcome {
    let n = pool.held.len();
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
        person_slot: vec![None; n],
        visited: vec![false; n],
    };
    for s in 0..slots {
        k.visited.iter_mut().for_each(|v| *v = false);
        k.try_slot(s);
    }
    let mut in_witness = vec![false; n];
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
    k.slot_person.iter().flatten().for_each(|p| in_witness[*p] = true);
    let matched = in_witness.clone();
    let mut sod_met = true;
    for class in &skill.sod {
        let want = class.count as usize;
        // Witness members first, then the others, each in id order.
        let chosen: Vec<usize> = (0..n)
            .filter(|p| matched[*p])
            .chain((0..n).filter(|p| !matched[*p]))
            .filter(|p| pool.qualifies(class, *p))
            .take(want)
            .collect();
        if chosen.len() < want {
            sod_met = false;
            phrases.push(phrase((want - chosen.len()) as u32, " (same or different)", &class.words));
        }
        chosen.iter().for_each(|p| in_witness[*p] = true);
    }
    SkillOutcome {
        met: slots_met && sod_met,
        witness: (0..n).filter(|p| in_witness[*p]).collect(),
        missing: (!phrases.is_empty()).then(|| phrases.join("; ")),
    }
}

fn phrase(n: u32, qualifier: &str, words: &str) -> String {
    if n == 1 {
        format!("1 more person{qualifier} with {words}")
    } else {
        format!("{n} more people{qualifier} with {words}")
    }
}
