//! Builds the report at `as_of`: levels, display, membership, alerts, warnings (org-file.md).

use super::compiled::CredSet;
use super::engine::{CompResult, Engine, StepResult};
use super::membership::{SubState, state_at};
use super::report::*;
use crate::model::{Instant, Tier};
use std::cell::RefCell;
use std::collections::HashMap;

const DAY: i64 = 86_400;

/// The designations' share of a report: alerts, input warnings, reports, not credited.
type SppPart = (
    Vec<Alert>,
    Vec<Warning>,
    Vec<super::spp_report::DesignationReport>,
    Vec<NotCredited>,
);

impl Engine<'_> {
    /// The full evaluation report at `as_of`. Alert and warning messages are left empty:
    /// `i18n::Tr::localize_report` fills them in the user's language.
    pub fn report(&self, as_of: Instant) -> Report {
        // Facts first: the matching below then reads H(p) from the refreshed cache.
        let spp_facts = self.spp.as_ref().map(|s| s.facts(as_of));
        // The designations' part is scored on a second core meanwhile.
        std::thread::scope(|s| {
            let spp_part = match (&self.spp, &spp_facts) {
                (Some(spp), Some(facts)) => Some(s.spawn(move || {
                    (
                        spp.alerts(as_of, facts),
                        spp.expiry_unknown(),
                        spp.designation_reports(as_of, facts),
                        spp.not_credited(facts),
                    )
                })),
                _ => None,
            };
            let spp_part =
                move || spp_part.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            self.report_with(as_of, spp_facts.as_deref(), spp_part)
        })
    }

    fn report_with(
        &self,
        as_of: Instant,
        spp_facts: Option<&[super::facts::PersonFacts]>,
        spp_part: impl FnOnce() -> Option<SppPart>,
    ) -> Report {
        let (not_credited, mut person_alerts) = self.people_alerts(as_of, spp_facts);
        let comps = self.competencies_at(as_of);
        let levels: Vec<LevelName> = comps.iter().map(|c| c.level).collect();
        let cache = RefCell::new(HashMap::from([(as_of.secs(), levels.clone())]));
        let levels_at = |t: Instant| -> Vec<LevelName> {
            if let Some(l) = cache.borrow().get(&t.secs()) {
                return l.clone();
            }
            let l = self.levels_at(t);
            cache.borrow_mut().insert(t.secs(), l.clone());
            l
        };
        let mut eligible = |tier: Tier, t: Instant| eligible(tier, &levels_at(t));
        let state = state_at(self.org, &self.settings, as_of, &mut eligible);
        let start_levels = state.as_ref().map(|s| levels_at(s.year_start));

        let mut alerts = Vec::new();
        let competencies = self.competency_reports(&comps, state.as_ref(), start_levels.as_deref());
        if let (Some(s), Some(start)) = (&state, &start_levels) {
            self.membership_alerts(s, as_of, &levels, start, &mut alerts);
        }
        alerts.append(&mut person_alerts);
        self.override_alerts(as_of, &mut alerts);
        let mut input_warnings = if self.input_warnings {
            self.input_warnings(&mut |t| levels_at(t), spp_facts)
        } else {
            Vec::new()
        };
        let (designation_catalog, designations, designation_not_credited) =
            match (&self.spp, spp_part()) {
                (Some(spp), Some((spp_alerts, unknown, reports, not_credited))) => {
                    alerts.extend(spp_alerts);
                    if self.input_warnings {
                        input_warnings.extend(unknown);
                    }
                    (Some(spp.catalog.snapshot.clone()), reports, not_credited)
                }
                _ => (None, Vec::new(), Vec::new()),
            };
        Report {
            format: REPORT_FORMAT,
            as_of: as_of.rfc3339(),
            org: self.org.name.clone(),
            competencies,
            membership: self.membership_report(state.as_ref(), &levels),
            alerts,
            not_credited,
            input_warnings,
            designation_catalog,
            designations,
            designation_not_credited,
        }
    }

    fn competency_reports(
        &self,
        comps: &[CompResult],
        state: Option<&SubState>,
        start: Option<&[LevelName]>,
    ) -> Vec<CompetencyReport> {
        comps
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let def = &self.catalog.competencies[i];
                let options = def
                    .options
                    .iter()
                    .zip(&r.options)
                    .map(|(o, [silver, gold])| OptionReport {
                        id: o.id.clone(),
                        silver: self.level_report(silver),
                        gold: self.level_report(gold),
                    })
                    .collect();
                CompetencyReport {
                    id: def.id.clone(),
                    level: r.level,
                    displayed_level: displayed(r.level, state, start.map(|s| s[i])),
                    overridden: r.level > r.raw_level,
                    pci: r.pci.clone(),
                    options,
                }
            })
            .collect()
    }

    fn level_report(&self, l: &super::engine::LevelResult) -> LevelReport {
        let requirements = l
            .steps
            .iter()
            .map(|s| match s {
                StepResult::Perf {
                    metric,
                    required,
                    actual,
                    met,
                } => Requirement::Performance {
                    metric: self
                        .catalog
                        .metrics
                        .get(*metric)
                        .map_or_else(String::new, |m| m.id.clone()),
                    required: *required,
                    actual: *actual,
                    met: *met,
                },
                StepResult::Skill {
                    outcome,
                    required_people,
                    exempt,
                } => Requirement::Skill {
                    required_people: *required_people,
                    people: outcome
                        .witness
                        .iter()
                        .map(|p| self.people[*p].id.to_string())
                        .collect(),
                    met: outcome.met || *exempt,
                    missing: if *exempt {
                        None
                    } else {
                        outcome.missing.clone()
                    },
                },
            })
            .collect();
        LevelReport {
            met: l.present && l.met,
            requirements,
        }
    }

    fn membership_report(
        &self,
        state: Option<&SubState>,
        levels: &[LevelName],
    ) -> MembershipReport {
        let best = levels.iter().copied().max().unwrap_or(LevelName::None);
        let Some(s) = state else {
            return MembershipReport {
                tier: TierName::None,
                status: Status::None,
                anniversary: None,
                renewal_window: None,
                can_upgrade_to: upgrade(None, best),
                upgrade_price_usd: self.price(upgrade(None, best), false),
            };
        };
        let tier = (s.status != Status::Lapsed).then_some(s.tier);
        let can = upgrade(tier, best);
        let discount =
            s.tier == Tier::Silver && matches!(s.status, Status::Active | Status::RenewalWindow);
        let (first, last) = s.window(&self.settings);
        MembershipReport {
            tier: match s.tier {
                Tier::ActionPack => TierName::ActionPack,
                Tier::Silver => TierName::Silver,
                Tier::Gold => TierName::Gold,
            },
            status: s.status,
            anniversary: Some(s.anniversary.to_string()),
            renewal_window: Some([first.to_string(), last.to_string()]),
            can_upgrade_to: can,
            upgrade_price_usd: self.price(can, discount),
        }
    }

    fn price(&self, to: Option<LevelName>, discount: bool) -> Option<f64> {
        match to? {
            LevelName::Silver => self.settings.silver_fee_usd,
            LevelName::Gold => {
                let fee = self.settings.gold_fee_usd?;
                let pct = if discount {
                    self.settings.silver_to_gold_discount_pct
                } else {
                    0.0
                };
                Some(fee * (1.0 - pct / 100.0))
            }
            LevelName::None => None,
        }
    }

    fn membership_alerts(
        &self,
        s: &SubState,
        as_of: Instant,
        levels: &[LevelName],
        start: &[LevelName],
        out: &mut Vec<Alert>,
    ) {
        let today = as_of.day();
        let a = s.anniversary;
        let in_year = matches!(s.status, Status::Active | Status::RenewalWindow);
        if in_year && s.tier != Tier::ActionPack {
            let dropped: Vec<Id> = (0..levels.len())
                .filter(|i| levels[*i] < start[*i])
                .map(|i| self.compiled.comp_ids[i].clone())
                .collect();
            if !dropped.is_empty() {
                out.push(Alert::new(AlertCode::RenewalAtRisk, dropped));
            }
        }
        let (_, last) = s.window(&self.settings);
        let before = a.add_days(-(self.settings.renewal_reminder_before_days as i64));
        let after = a.add_days(self.settings.renewal_reminder_after_days as i64);
        let window = s.status == Status::RenewalWindow;
        if window {
            out.push(Alert::new(AlertCode::RenewalWindowOpen, Vec::new()));
        }
        if (s.status == Status::Active && today >= before)
            || (window && today >= after && today <= last)
        {
            out.push(Alert::new(AlertCode::RenewalReminder, Vec::new()));
        }
        if s.status == Status::Lapsed {
            out.push(Alert::new(AlertCode::MembershipLapsed, Vec::new()));
        }
    }

    /// Competency ids (catalog order) whose requirements list any credential of `set`.
    fn listing(&self, set: &CredSet) -> Vec<Id> {
        self.compiled
            .competencies
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                c.listed.intersects(set) || (self.is_pci(*i) && self.pci.listed.intersects(set))
            })
            .map(|(i, _)| self.compiled.comp_ids[i].clone())
            .collect()
    }

    /// `not_credited`, `association_pending` and `credential_expiring` from the person facts.
    /// `spp`: the same people's facts with the designations snapshot's rows (in the same
    /// order), whose waiting credentials join the person's `association_pending`.
    fn people_alerts(
        &self,
        as_of: Instant,
        spp: Option<&[super::facts::PersonFacts]>,
    ) -> (Vec<NotCredited>, Vec<Alert>) {
        let t = as_of.secs();
        let horizon = t + i64::from(self.settings.credential_expiring_days) * DAY;
        let mut cache = self.facts.borrow_mut();
        cache.refresh(&self.people, t, horizon, &self.compiled);
        let total: usize = cache.people.iter().map(|f| f.not_credited.len()).sum();
        let mut not_credited = Vec::with_capacity(total);
        let mut pending = Vec::new();
        let mut expiring = Vec::new();
        let mut walk = self.spp_walk(spp);
        for (p, f) in self.people.iter().zip(&cache.people) {
            for (cred, reason) in &f.not_credited {
                not_credited.push(NotCredited {
                    employee: p.id.clone(),
                    credential: self.compiled.cred_syms[*cred],
                    reason: *reason,
                });
            }
            let waiting = f.waiting();
            let spp_waiting = walk.of(&p.id).map(|f| f.waiting()).unwrap_or_default();
            if !waiting.is_empty() || !spp_waiting.is_empty() {
                let mut alert = Alert::new(AlertCode::AssociationPending, self.listing(&waiting));
                alert.employees = Some(vec![p.id.clone()]);
                let mut ids = self.sorted_ids(&waiting);
                if let Some(engine) = self.spp.as_ref().filter(|_| !spp_waiting.is_empty()) {
                    ids.extend(engine.sorted_ids(&spp_waiting));
                    ids.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
                    ids.dedup();
                    alert.designations = Some(engine.listing(&spp_waiting));
                }
                alert.credentials = Some(ids);
                pending.push(alert);
            }
            for (cred, stop) in &f.ending {
                let mut one = CredSet::default();
                one.insert(*cred);
                let mut alert = Alert::new(AlertCode::CredentialExpiring, self.listing(&one));
                alert.employees = Some(vec![p.id.clone()]);
                alert.credentials = Some(vec![self.compiled.cred_ids[*cred].clone()]);
                alert.date = Some(Instant::from_secs(*stop).day().to_string());
                expiring.push(alert);
            }
        }
        pending.append(&mut expiring);
        (not_credited, pending)
    }

    /// Walks the designations' people (a subset, in the same id order) beside ours.
    fn spp_walk<'f>(&'f self, facts: Option<&'f [super::facts::PersonFacts]>) -> SppWalk<'f> {
        SppWalk {
            people: self.spp.as_ref().map_or(&[], |s| &s.people),
            facts: facts.unwrap_or(&[]),
            next: 0,
        }
    }

    fn sorted_ids(&self, set: &CredSet) -> Vec<Id> {
        let mut ids: Vec<usize> = set.iter().collect();
        ids.sort_by_key(|c| self.compiled.rank[*c]);
        ids.into_iter()
            .map(|c| self.compiled.cred_ids[c].clone())
            .collect()
    }

    fn override_alerts(&self, as_of: Instant, out: &mut Vec<Alert>) {
        let t = as_of.secs();
        let horizon = t + i64::from(self.settings.override_ending_days) * DAY;
        for o in self
            .overrides
            .iter()
            .filter(|o| o.start <= t && t < o.end && o.end <= horizon)
        {
            let mut alert = Alert::new(
                AlertCode::OverrideEnding,
                vec![self.compiled.comp_ids[o.comp].clone()],
            );
            alert.date = Some(Instant::from_secs(o.end).day().to_string());
            out.push(alert);
        }
    }

    fn input_warnings(
        &self,
        levels_at: &mut dyn FnMut(Instant) -> Vec<LevelName>,
        spp: Option<&[super::facts::PersonFacts]>,
    ) -> Vec<Warning> {
        let mut out = Vec::new();
        let warning = |code, date: Option<String>| Warning {
            code,
            message: String::new(),
            employees: None,
            credentials: None,
            date,
        };
        let cache = self.facts.borrow();
        let mut walk = self.spp_walk(spp);
        for (p, f) in self.people.iter().zip(&cache.people) {
            let late = f.late;
            // Designation credentials passed after their retirement join the same warning.
            let spp_late = walk.of(&p.id).map(|f| f.late).unwrap_or_default();
            if !late.is_empty() || !spp_late.is_empty() {
                let mut w = warning(WarningCode::AchievementAfterRetirement, None);
                w.employees = Some(vec![p.id.clone()]);
                let mut ids = self.sorted_ids(&late);
                if let Some(engine) = &self.spp {
                    ids.extend(engine.sorted_ids(&spp_late));
                    ids.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
                    ids.dedup();
                }
                w.credentials = Some(ids);
                out.push(w);
            }
        }
        for s in self.org.subscriptions() {
            for r in &s.renewed_on {
                if s.tier != Tier::ActionPack && !eligible(s.tier, &levels_at(*r)) {
                    out.push(warning(
                        WarningCode::RenewalIneligible,
                        Some(r.day().to_string()),
                    ));
                }
            }
        }
        let series = |id: &str| {
            self.compiled
                .metric_index
                .get(id)
                .and_then(|i| self.series.get(*i))
        };
        if let (Some(cloud), Some(total)) = (
            series("cloud_net_new_revenue_usd"),
            series("operations_revenue_usd"),
        ) {
            let totals: HashMap<_, _> = total.raw().collect();
            for (day, value) in cloud.raw() {
                if value > totals.get(&day).copied().unwrap_or(0.0) {
                    out.push(warning(
                        WarningCode::CloudRevenueExceedsTotal,
                        Some(day.to_string()),
                    ));
                }
            }
        }
        out
    }
}

/// Renewal or purchase eligibility for a tier (§6.5).
pub fn eligible(tier: Tier, levels: &[LevelName]) -> bool {
    let best = levels.iter().copied().max().unwrap_or(LevelName::None);
    match tier {
        Tier::ActionPack => true,
        Tier::Silver => best >= LevelName::Silver,
        Tier::Gold => best >= LevelName::Gold,
    }
}

/// `can_upgrade_to` for a tier in force (`None`: no tier, or lapsed).
fn upgrade(tier: Option<Tier>, best: LevelName) -> Option<LevelName> {
    if best == LevelName::Gold && tier != Some(Tier::Gold) {
        Some(LevelName::Gold)
    } else if best >= LevelName::Silver && matches!(tier, None | Some(Tier::ActionPack)) {
        Some(LevelName::Silver)
    } else {
        None
    }
}

/// What the business profile shows (§6.2).
fn displayed(level: LevelName, state: Option<&SubState>, start: Option<LevelName>) -> LevelName {
    let Some(s) = state else {
        return LevelName::None;
    };
    let locked = if s.status == Status::Active {
        start.unwrap_or(LevelName::None)
    } else {
        LevelName::None
    };
    let qualifies = |l: LevelName| level >= l || locked >= l;
    match (s.status, s.tier) {
        (Status::Lapsed, _) | (_, Tier::ActionPack) => LevelName::None,
        (_, Tier::Silver) if qualifies(LevelName::Silver) => LevelName::Silver,
        (_, Tier::Gold) if qualifies(LevelName::Gold) => LevelName::Gold,
        (_, Tier::Gold) if qualifies(LevelName::Silver) => LevelName::Silver,
        _ => LevelName::None,
    }
}

/// The designations' facts of each of our people in turn (one pass, no search per person).
struct SppWalk<'f> {
    people: &'f [super::people::Person],
    facts: &'f [super::facts::PersonFacts],
    next: usize,
}

impl<'f> SppWalk<'f> {
    /// The facts of `id`, asked in increasing id order.
    fn of(&mut self, id: &str) -> Option<&'f super::facts::PersonFacts> {
        while self
            .people
            .get(self.next)
            .is_some_and(|p| p.id.as_bytes() < id.as_bytes())
        {
            self.next += 1;
        }
        let p = self.people.get(self.next)?;
        (*p.id == *id).then(|| self.facts.get(self.next)).flatten()
    }
}
