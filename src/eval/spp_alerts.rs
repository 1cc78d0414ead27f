//! What the designations add to the report's lists (designations.md §7.1, §7.4): the
//! achievements that do not count, the alerts and the input warnings.

use super::compiled::CredSet;
use super::facts::PersonFacts;
use super::report::{Alert, AlertCode, Id, NotCredited, Warning, WarningCode};
use super::spp_engine::SppEngine;
use crate::model::spp_def::Scoring;
use crate::model::{Day, Instant, Sym};

const DAY: i64 = 86_400;

impl SppEngine<'_> {
    /// Each person's facts at `t` with the snapshot's rows, in id order.
    pub fn facts(&self, t: Instant) -> Vec<PersonFacts> {
        let horizon = self.horizon(t);
        self.people
            .iter()
            .map(|p| PersonFacts::of(p, t.secs(), horizon, &self.rows.rank))
            .collect()
    }

    fn horizon(&self, t: Instant) -> i64 {
        t.secs() + i64::from(self.settings.credential_expiring_days) * DAY
    }

    /// `designation_not_credited`: held designation credentials that do not count at `t`.
    pub fn not_credited(&self, facts: &[PersonFacts]) -> Vec<NotCredited> {
        self.people
            .iter()
            .zip(facts)
            .flat_map(|(p, f)| {
                f.not_credited.iter().map(|(c, reason)| NotCredited {
                    employee: p.id.clone(),
                    credential: Sym::new(&self.rows.ids[*c]),
                    reason: *reason,
                })
            })
            .collect()
    }

    /// Credential ids of a set, in byte order.
    pub fn sorted_ids(&self, set: &CredSet) -> Vec<Id> {
        let mut ids: Vec<usize> = set.iter().collect();
        ids.sort_by_key(|c| self.rows.rank[*c]);
        ids.into_iter().map(|c| self.rows.ids[c].clone()).collect()
    }

    /// The designations (catalog order) listing any credential of `set`.
    pub fn listing(&self, set: &CredSet) -> Vec<Id> {
        self.designations
            .iter()
            .zip(&self.designation_ids)
            .filter(|(d, _)| d.listed.intersects(set))
            .map(|(_, id)| id.clone())
            .collect()
    }

    /// The designation alerts at `as_of`, in the order of §7.4's table.
    pub fn alerts(&self, as_of: Instant, facts: &[PersonFacts]) -> Vec<Alert> {
        let mut out = self.at_risk(as_of, facts);
        out.extend(self.expiring(facts));
        out.extend(self.figures_missing(as_of));
        if let (Ok(review), Ok(checked)) = (
            Day::parse(&self.catalog.review_by),
            Day::parse(&self.catalog.checked_on),
        ) && as_of.day() > review
        {
            let mut a = designation_alert(AlertCode::DesignationCatalogStale, Vec::new());
            a.date = Some(review.to_string());
            a.args.push(("checked_on", checked.to_string()));
            out.push(a);
        }
        let days = self.settings.credential_expiring_days.to_string();
        for a in &mut out {
            a.args.push(("n", days.clone()));
        }
        out
    }

    /// `designation_at_risk` (DD16): skilling as it will be at each instant within the horizon
    /// at which a counted achievement stops, figures frozen as in force at `as_of`.
    fn at_risk(&self, as_of: Instant, facts: &[PersonFacts]) -> Vec<Alert> {
        let now = self.scores_at(as_of);
        // Each person's counted credentials that stop within the horizon, and when.
        let stops: Vec<&Vec<(usize, i64)>> = facts.iter().map(|f| &f.ending).collect();
        let mut out = Vec::new();
        for (d, cd) in self.designations.iter().enumerate() {
            if !now[d].counted().qualified() {
                continue;
            }
            let mut instants: Vec<i64> = stops
                .iter()
                .flat_map(|s| s.iter())
                .filter(|(c, _)| cd.listed.contains(*c))
                .map(|(_, t)| *t)
                .collect();
            instants.sort_unstable();
            instants.dedup();
            for t in instants {
                let score = self.score(d, &self.found_at(Instant::from_secs(t)), as_of);
                if score.counted().qualified() {
                    continue;
                }
                let mut employees = Vec::new();
                let mut creds = CredSet::default();
                for (p, s) in self.people.iter().zip(&stops) {
                    let mine: Vec<usize> = s
                        .iter()
                        .filter(|(c, end)| cd.listed.contains(*c) && *end <= t)
                        .map(|(c, _)| *c)
                        .collect();
                    if !mine.is_empty() {
                        employees.push(p.id.clone());
                        mine.into_iter().for_each(|c| creds.insert(c));
                    }
                }
                let def = &self.catalog.designations[d];
                let mut a = designation_alert(
                    AlertCode::DesignationAtRisk,
                    vec![Id::from(def.id.as_str())],
                );
                a.employees = Some(employees);
                a.credentials = Some(self.sorted_ids(&creds));
                a.date = Some(Instant::from_secs(t).day().to_string());
                a.total = Some(super::spp_report::points(score.counted().total));
                out.push(a);
                break;
            }
        }
        out
    }

    /// `certification_expiring`: one per person and counted designation credential that stops
    /// counting within the horizon; ordered by first designation, person, credential.
    fn expiring(&self, facts: &[PersonFacts]) -> Vec<Alert> {
        let mut out: Vec<(usize, Alert)> = Vec::new();
        for (p, f) in self.people.iter().zip(facts) {
            for (cred, stop) in &f.ending {
                let mut one = CredSet::default();
                one.insert(*cred);
                let Some(first) = self
                    .designations
                    .iter()
                    .position(|d| d.listed.contains(*cred))
                else {
                    continue;
                };
                let mut a = designation_alert(AlertCode::CertificationExpiring, self.listing(&one));
                a.employees = Some(vec![p.id.clone()]);
                a.credentials = Some(vec![self.rows.ids[*cred].clone()]);
                a.date = Some(Instant::from_secs(*stop).day().to_string());
                out.push((first, a));
            }
        }
        // Stable: within a designation, people and credentials keep their id order.
        out.sort_by_key(|(d, _)| *d);
        out.into_iter().map(|(_, a)| a).collect()
    }

    /// `designation_figure_missing` (DD22): a tracked designation whose counting track has a
    /// figure metric without a value at `as_of`.
    fn figures_missing(&self, as_of: Instant) -> Vec<Alert> {
        let now = self.scores_at(as_of);
        let mut out = Vec::new();
        for (d, cd) in self.designations.iter().enumerate() {
            if !cd.tracked {
                continue;
            }
            let track = now[d].counting;
            let mut figures: Vec<&str> = Vec::new();
            for m in &cd.metrics {
                let s = &m.tracks[super::spp_engine::track_index(track)];
                let id = |f: usize| self.catalog.figures[f].id.as_str();
                match s.def {
                    Scoring::Skill(_) => {}
                    Scoring::Figures(_) => {
                        if s.figures
                            .iter()
                            .all(|f| self.figure_at(*f, track, as_of).is_none())
                        {
                            figures.extend(s.figures.iter().map(|f| id(*f)));
                        }
                    }
                    // The baseline is read at the current figure's month: without the current
                    // figure neither has a value.
                    Scoring::Growth(_) => match self.figure_at(s.figures[0], track, as_of) {
                        None => figures.extend(s.figures.iter().map(|f| id(*f))),
                        Some((p, _)) if self.baseline_at(s.figures[1], track, p).is_none() => {
                            figures.push(id(s.figures[1]));
                        }
                        Some(_) => {}
                    },
                }
            }
            if figures.is_empty() {
                continue;
            }
            figures.sort_unstable();
            figures.dedup();
            let def = &self.catalog.designations[d];
            let mut a = designation_alert(
                AlertCode::DesignationFigureMissing,
                vec![Id::from(def.id.as_str())],
            );
            a.figures = Some(figures.into_iter().map(Id::from).collect());
            out.push(a);
        }
        out
    }

    /// `certification_expiry_unknown` (DD20): per person, expiring credentials recorded
    /// without `expires_on`.
    pub fn expiry_unknown(&self) -> Vec<Warning> {
        self.people
            .iter()
            .zip(&self.unknown_expiry)
            .filter(|(_, s)| !s.is_empty())
            .map(|(p, s)| Warning {
                code: WarningCode::CertificationExpiryUnknown,
                message: String::new(),
                employees: Some(vec![p.id.clone()]),
                credentials: Some(self.sorted_ids(s)),
                date: None,
            })
            .collect()
    }
}

fn designation_alert(code: AlertCode, designations: Vec<Id>) -> Alert {
    let mut a = Alert::new(code, Vec::new());
    a.designations = Some(designations);
    a
}
