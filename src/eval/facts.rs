//! Per-person facts at the report instant, cached so that re-evaluating after one edit
//! recomputes only the person edited (the 10k-employee re-evaluation target).

use super::compiled::{Compiled, CredSet};
use super::people::{Person, Reason};

/// What the report needs to know of one person at one instant.
#[derive(Debug, Clone, Default)]
pub struct PersonFacts {
    /// H(p): the credentials that count.
    pub held: CredSet,
    /// Held credentials that do not count, with the reason of the latest achievement (§3.7),
    /// in byte order of credential ids.
    pub not_credited: Vec<(usize, Reason)>,
    /// Counted credentials that stop counting within the alert horizon, with that instant.
    pub ending: Vec<(usize, i64)>,
    /// Credentials passed after their retirement date (input warning, any instant).
    pub late: CredSet,
}

impl PersonFacts {
    /// `rank`: each credential's position in byte order of ids.
    pub fn of(p: &Person, t: i64, horizon: i64, rank: &[usize]) -> Self {
        let held = p.held_at(t);
        let mut latest: Vec<(usize, i64, Reason)> = Vec::new();
        let mut late = CredSet::default();
        for a in &p.achievements {
            if a.after_retirement() {
                late.insert(a.cred());
            }
            if a.passed > t || held.contains(a.cred()) {
                continue;
            }
            let Some(reason) = a.reason(t, p) else {
                continue;
            };
            match latest.iter_mut().find(|(c, _, _)| *c == a.cred()) {
                Some(entry) if entry.1 <= a.passed => *entry = (a.cred(), a.passed, reason),
                Some(_) => {}
                None => latest.push((a.cred(), a.passed, reason)),
            }
        }
        latest.sort_by_key(|(c, _, _)| rank[*c]);
        let mut ending = p.stops_counting(t, horizon);
        ending.sort_by_key(|(c, _)| rank[*c]);
        PersonFacts {
            held,
            not_credited: latest.into_iter().map(|(c, _, r)| (c, r)).collect(),
            ending,
            late,
        }
    }

    /// Credentials waiting only for the association or its 24 hours (§5.3).
    pub fn waiting(&self) -> CredSet {
        let mut s = CredSet::default();
        self.not_credited
            .iter()
            .filter(|(_, r)| matches!(r, Reason::NotAssociated | Reason::SyncDelay))
            .for_each(|(c, _)| s.insert(*c));
        s
    }
}

/// The facts of every person at one instant, with the people edited since.
#[derive(Debug, Default)]
pub struct FactsCache {
    pub t: i64,
    pub horizon: i64,
    pub people: Vec<PersonFacts>,
    pub dirty: Vec<usize>,
    pub valid: bool,
}

impl FactsCache {
    /// Brings the cache to instant `t`: everything if the instant changed, else the edited people.
    pub fn refresh(&mut self, people: &[Person], t: i64, horizon: i64, compiled: &Compiled) {
        if !self.valid
            || self.t != t
            || self.horizon != horizon
            || self.people.len() != people.len()
        {
            self.people = people
                .iter()
                .map(|p| PersonFacts::of(p, t, horizon, &compiled.rank))
                .collect();
            self.t = t;
            self.horizon = horizon;
            self.valid = true;
        } else {
            for i in self.dirty.iter().copied() {
                self.people[i] = PersonFacts::of(&people[i], t, horizon, &compiled.rank);
            }
        }
        self.dirty.clear();
    }
}
