//! People and the time rules of their achievements (domain.md §5.3).

use super::compiled::{Compiled, CredSet};

/// What a person's achievements need of a catalog's credential rows. The competencies'
/// catalog and the designations' snapshot each provide their own (designations.md DD19:
/// one achievement, each catalog's row).
pub trait CredRows {
    fn index(&self, id: &str) -> Option<usize>;
    /// The same for an interned id; a table lookup where the rows keep one.
    fn index_sym(&self, id: crate::model::Sym) -> Option<usize> {
        self.index(id.as_str())
    }
    fn is_assessment(&self, cred: usize) -> bool;
    /// The first instant it no longer counts after its grace (`i64::MAX`: undated).
    fn retire_end(&self, cred: usize) -> i64;
    /// The first instant after its retirement day (`i64::MAX`: undated).
    fn retired_from(&self, cred: usize) -> i64;
}

impl CredRows for Compiled {
    fn index(&self, id: &str) -> Option<usize> {
        self.cred_index.get(id).copied()
    }
    fn index_sym(&self, id: crate::model::Sym) -> Option<usize> {
        self.by_sym.get(id)
    }
    fn is_assessment(&self, cred: usize) -> bool {
        self.is_assessment[cred]
    }
    fn retire_end(&self, cred: usize) -> i64 {
        self.retire_end[cred]
    }
    fn retired_from(&self, cred: usize) -> i64 {
        self.retired_from[cred]
    }
}
use crate::model::{Achievement, Day, Employee, Settings};
use serde::Serialize;
use std::sync::Arc;

/// Why a held credential does not count (domain.md §3.7), in the order the rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Retired,
    Expired,
    Inactive,
    Left,
    Dissociated,
    NotAssociated,
    SyncDelay,
}

const NEVER: i64 = i64::MAX;

/// One achievement with its counting interval `[start, end)` precomputed in seconds.
#[derive(Debug, Clone)]
pub struct CAch {
    /// The credential's row; 32 bits keep an achievement at 48 bytes, not 56 (100,000
    /// people hold 2 million, twice: competencies and designations).
    cred: u32,
    pub passed: i64,
    /// `max(passed_on, associated_on) + delay`; `NEVER` without an association.
    pub start: i64,
    /// First instant it no longer counts (retirement grace, expiry, age, leaving, moving).
    pub end: i64,
    retire_end: i64,
    expire_end: i64,
    after_retirement: bool,
    inactive: bool,
}

impl CAch {
    /// The credential's row.
    pub fn cred(&self) -> usize {
        self.cred as usize
    }

    /// A permanent disqualification makes `start` unreachable.
    pub fn counts_at(&self, t: i64) -> bool {
        self.start <= t && t < self.end
    }

    pub fn after_retirement(&self) -> bool {
        self.after_retirement
    }

    /// The first rule of §3.7 that stops it counting at `t`, or `None` if it counts; `p` is
    /// the person holding it (leaving and moving are the person's).
    pub fn reason(&self, t: i64, p: &Person) -> Option<Reason> {
        if self.after_retirement || t >= self.retire_end {
            Some(Reason::Retired)
        } else if t >= self.expire_end {
            Some(Reason::Expired)
        } else if self.inactive {
            Some(Reason::Inactive)
        } else if t >= p.left {
            Some(Reason::Left)
        } else if t >= p.moved {
            Some(Reason::Dissociated)
        } else if self.start == NEVER {
            Some(Reason::NotAssociated)
        } else if t < self.start {
            Some(Reason::SyncDelay)
        } else {
            None
        }
    }
}

/// An employee ready for evaluation; people are kept sorted by id (byte order).
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Arc<str>,
    pub left: i64,
    pub moved: i64,
    associated: Option<i64>,
    university: Option<i64>,
    pub achievements: Vec<CAch>,
}

impl Person {
    pub fn new(e: &Employee, id: Arc<str>, rows: &impl CredRows, settings: &Settings) -> Self {
        let left = e.left_on.map_or(NEVER, |t| t.secs());
        // A later association with this organisation clears an earlier move elsewhere.
        let moved = match (e.dissociated_on, e.associated_on) {
            (Some(d), Some(a)) if a > d => NEVER,
            (Some(d), _) => d.secs(),
            (None, _) => NEVER,
        };
        let mut p = Person {
            id,
            left,
            moved,
            associated: e.associated_on.map(|t| t.secs()),
            university: e.university_associated_on.map(|t| t.secs()),
            achievements: Vec::with_capacity(e.achievements.len()),
        };
        for a in &e.achievements {
            p.add(a, rows, settings);
        }
        p
    }

    /// Adds one achievement (unknown credentials are rejected on input and skipped here).
    pub fn add(&mut self, a: &Achievement, rows: &impl CredRows, settings: &Settings) {
        let Some(cred) = rows.index_sym(a.credential) else {
            return;
        };
        let passed = a.passed_on.secs();
        // Assessments come through the Partner University account where it is linked (§5.2).
        let assoc = if rows.is_assessment(cred) {
            self.university.or(self.associated)
        } else {
            self.associated
        };
        let delay = i64::from(settings.sync_delay_hours) * 3600;
        let retire_end = rows.retire_end(cred);
        // `date(passed_on)` after the retirement day.
        let after_retirement = passed >= rows.retired_from(cred);
        let mut expire_end = a.expires_on.map_or(NEVER, Day::end_secs);
        if let Some(m) = settings.skill_max_age_months {
            // Design decision: it counts through the day `passed_on` + m months.
            let age_end = a.passed_on.day().add_months(m as i32).end().secs();
            expire_end = expire_end.min(age_end);
        }
        let start = match assoc {
            Some(t) if !after_retirement && !a.inactive => passed.max(t).saturating_add(delay),
            _ => NEVER,
        };
        let end = retire_end.min(expire_end).min(self.left).min(self.moved);
        self.achievements.push(CAch {
            // Rows are counted in the hundreds (a catalog of at most 65,535 ids).
            cred: cred as u32,
            passed,
            start,
            end,
            retire_end,
            expire_end,
            after_retirement,
            inactive: a.inactive,
        });
    }

    /// Associated with this organisation since at least `delay` seconds before `t`, so an
    /// achievement dated then counts at `t`.
    pub fn associated_at(&self, t: i64, delay: i64) -> bool {
        self.associated.is_some_and(|a| a <= t - delay) && t < self.moved && t < self.left
    }

    /// H(p) at `t`: the credentials that count.
    pub fn held_at(&self, t: i64) -> CredSet {
        let mut h = CredSet::default();
        for a in &self.achievements {
            if a.counts_at(t) {
                h.insert(a.cred());
            }
        }
        h
    }

    /// The credentials counting at `t` that stop counting at or before `horizon`, with the
    /// first instant they no longer count (following a renewal that overlaps an expiry).
    pub fn stops_counting(&self, t: i64, horizon: i64) -> Vec<(usize, i64)> {
        let mut ends: Vec<(usize, i64)> = Vec::new();
        for a in self.achievements.iter().filter(|a| a.counts_at(t)) {
            match ends.iter_mut().find(|(c, _)| *c == a.cred()) {
                Some(e) => e.1 = e.1.max(a.end),
                None => ends.push((a.cred(), a.end)),
            }
        }
        ends.retain(|(_, end)| *end <= horizon);
        for (cred, end) in &mut ends {
            while let Some(next) = self
                .achievements
                .iter()
                .filter(|a| a.cred() == *cred && a.counts_at(*end))
                .map(|a| a.end)
                .max()
            {
                *end = next;
            }
        }
        ends.retain(|(_, end)| *end <= horizon);
        ends
    }
}
