//! Minimum actions to (re)qualify a competency at a level.
//!
//! One option level must be met, so the answer is the cheapest option level (Gold levels
//! also give Silver, §3.5). Within one option level the performance steps and the skill
//! steps are independent:
//! - every unmet performance step needs its metric raised; one action per metric;
//! - every action on people (an association, a pass, a hire) adds at most one person to the
//!   matching of each skill step and to the count of each `same_or_different` clause, while
//!   one hire holding a credential set that fits every short step adds exactly one to each.
//!   So the fewest people actions are `max` over the level's skill steps of that step's
//!   shortfall, and a plan of that length exists. Each round below lowers the largest
//!   shortfall by one, with an existing person when one action of theirs does it (an
//!   association first, then a pass), else with a hire: minimal, and existing people first.
//!
//! People are interchangeable when they hold the same relevant credentials, so the matching
//! runs on groups of identical credential sets, each capped at the most people a step needs.

use super::Engine;
use super::compiled::{CExpr, CSkill, CStep, CredSet, SlotClass};
use super::people::Reason;
use super::report::LevelName;
use crate::model::{Achievement, Catalog, Employee, Instant, Org, OverrideKind, PerformanceEntry};
use serde::Serialize;

/// One action of a plan; the JSON of `attain plan`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Associate the person's certification account with the organisation.
    Associate { employee: String },
    /// Nothing to do: the person is associated and their credentials count once the sync
    /// delay after the association or the pass has run, at `until`.
    Wait { employee: String, until: Instant },
    /// The person passes (or, `renewal`, passes again) the credential.
    Pass {
        employee: String,
        credential: String,
        renewal: bool,
    },
    /// A new person holding these credentials.
    Hire { credentials: Vec<String> },
    /// The metric's trailing figure raised to `to`.
    Metric { metric: String, from: f64, to: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub competency: String,
    pub level: LevelName,
    pub as_of: Instant,
    pub met_already: bool,
    /// False when no option level can be met (every credential of a requirement retired).
    pub feasible: bool,
    /// The option (and its level) the actions meet.
    pub option: Option<String>,
    pub option_level: Option<LevelName>,
    pub actions: Vec<Action>,
}

/// Who holds a group's credential set.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Person(usize),
    Hire,
}

/// People with the same relevant credentials, interchangeable for the matching.
#[derive(Debug, Clone)]
struct Group {
    set: CredSet,
    who: Vec<Who>,
}

/// The state of one option level while actions are added.
struct Work<'e> {
    skills: Vec<&'e CSkill>,
    groups: Vec<Group>,
    /// People who would count with `set` once associated: (person, set, and when they are
    /// associated already and only wait for the sync, the instant they count).
    associable: Vec<(usize, CredSet, Option<i64>)>,
    /// Credentials that may still be passed at the instant, best first.
    passable: Vec<usize>,
    cap: usize,
    /// Per person: associated and here, so a pass counts at once.
    can_pass: Vec<bool>,
    /// Per person: how many of the competency's credentials they hold (who passes first).
    affinity: Vec<u32>,
    actions: Vec<Action>,
}

fn expr_creds(e: &CExpr, out: &mut CredSet) {
    match e {
        CExpr::Any(s) | CExpr::All(s) => out.union_with(s),
        CExpr::Alt(alts) => alts.iter().for_each(|a| expr_creds(a, out)),
        CExpr::Focus(areas) => areas.iter().for_each(|a| out.union_with(a)),
    }
}

fn classes(k: &CSkill) -> impl Iterator<Item = &SlotClass> {
    k.classes.iter().chain(&k.sod)
}

/// The step's matching (domain.md §3.4) over `pool`, each person a credential set.
fn outcome(k: &CSkill, pool: &[CredSet]) -> super::skill::SkillOutcome {
    let pool = super::skill::Pool {
        held: pool,
        excluded: None,
    };
    super::skill::match_skill(k, &pool, &mut super::skill::Scratch::default())
}

fn shortfall(k: &CSkill, pool: &[CredSet]) -> u32 {
    outcome(k, pool).shortfall
}

fn unfilled(k: &CSkill, pool: &[CredSet]) -> u32 {
    outcome(k, pool).unfilled
}

impl Work<'_> {
    fn pool(&self) -> Vec<CredSet> {
        self.pool_without(None)
    }

    /// The matching's people, one member of group `from` left out.
    fn pool_without(&self, from: Option<CredSet>) -> Vec<CredSet> {
        let mut out = Vec::new();
        for g in &self.groups {
            let n = g.who.len() - usize::from(from == Some(g.set));
            out.extend(std::iter::repeat_n(g.set, n.min(self.cap)));
        }
        out
    }

    fn set_of(&self, who: Who) -> Option<CredSet> {
        self.groups
            .iter()
            .find(|g| g.who.contains(&who))
            .map(|g| g.set)
    }

    fn shortfalls(&self, pool: &[CredSet]) -> Vec<u32> {
        self.skills.iter().map(|k| shortfall(k, pool)).collect()
    }

    fn take(&mut self, who: Who) -> Option<CredSet> {
        for g in &mut self.groups {
            if let Some(i) = g.who.iter().position(|w| *w == who) {
                g.who.remove(i);
                return Some(g.set);
            }
        }
        None
    }

    fn put(&mut self, set: CredSet, who: Who) {
        match self.groups.iter_mut().find(|g| g.set == set) {
            Some(g) => g.who.push(who),
            None => self.groups.push(Group {
                set,
                who: vec![who],
            }),
        }
    }

    /// Would the pool with `from` replaced by `to` lower every step in `short`?
    fn helps(&self, from: Option<CredSet>, to: CredSet, short: &[usize], before: &[u32]) -> bool {
        let mut pool = self.pool_without(from);
        pool.push(to);
        short
            .iter()
            .all(|&s| shortfall(self.skills[s], &pool) < before[s])
    }
}

/// The smallest credential set satisfying an expression with passable credentials.
fn satisfy(e: &CExpr, passable: &[usize]) -> Option<CredSet> {
    let ok = |s: &CredSet| s.iter().all(|c| passable.contains(&c));
    match e {
        CExpr::Any(s) => passable.iter().find(|c| s.contains(**c)).map(|c| {
            let mut one = CredSet::default();
            one.insert(*c);
            one
        }),
        CExpr::All(s) => ok(s).then_some(*s),
        CExpr::Alt(alts) => alts
            .iter()
            .filter_map(|a| satisfy(a, passable))
            .min_by_key(|s| s.iter().count()),
        CExpr::Focus(areas) => areas
            .iter()
            .filter(|a| ok(a))
            .min_by_key(|a| a.iter().count())
            .copied(),
    }
}

fn satisfy_class(c: &SlotClass, passable: &[usize]) -> Option<CredSet> {
    let mut out = CredSet::default();
    for e in &c.preds {
        out.union_with(&satisfy(e, passable)?);
    }
    Some(out)
}

/// Plans competency `comp` at `level` (Silver or Gold) at `t`.
pub fn plan(
    catalog: &Catalog,
    org: &Org,
    comp: &str,
    level: LevelName,
    t: Instant,
) -> Result<Plan, String> {
    let engine = Engine::new(catalog, org)?;
    let c = catalog
        .competencies
        .iter()
        .position(|x| x.id == comp)
        .ok_or_else(|| format!("unknown competency {comp}"))?;
    if level == LevelName::None {
        return Err("the level must be silver or gold".into());
    }
    if engine.is_pci(c) {
        return Err(format!(
            "{comp} is scored with partner contribution points; plan covers requirement paths"
        ));
    }
    let held = engine.held_at(t);
    let now = engine.competencies_with(t, &held);
    let mut out = Plan {
        competency: comp.to_string(),
        level,
        as_of: t,
        met_already: now[c].level >= level,
        feasible: true,
        option: None,
        option_level: None,
        actions: Vec::new(),
    };
    if out.met_already {
        return Ok(out);
    }
    let consumed = engine.consumed_before(c, t, &held);
    let secs = t.secs();
    let exempt = engine
        .overrides
        .iter()
        .filter(|o| o.comp == c && o.kind == OverrideKind::SkillsExemption)
        .filter(|o| o.start <= secs && secs < o.end)
        .map(|o| o.level)
        .max()
        .unwrap_or(LevelName::None);
    let copt = &engine.compiled.competencies[c];
    let mut best: Option<(usize, usize, Vec<Action>, usize)> = None;
    for (oi, o) in copt.options.iter().enumerate() {
        for (li, steps) in [&o.silver, &o.gold].into_iter().enumerate() {
            let lname = [LevelName::Silver, LevelName::Gold][li];
            let Some(steps) = steps else { continue };
            if lname < level {
                continue;
            }
            let excluded = (li == 1).then_some(consumed.as_deref()).flatten();
            let Some(actions) = option_plan(
                &engine,
                steps,
                &held,
                excluded,
                t,
                exempt >= lname,
                &copt.listed,
            ) else {
                continue;
            };
            let hires = actions
                .iter()
                .filter(|a| matches!(a, Action::Hire { .. }))
                .count();
            if best
                .as_ref()
                .is_none_or(|b| (actions.len(), hires) < (b.2.len(), b.3))
            {
                best = Some((oi, li, actions, hires));
            }
        }
    }
    match best {
        Some((oi, li, actions, _)) => {
            out.option = Some(catalog.competencies[c].options[oi].id.clone());
            out.option_level = Some([LevelName::Silver, LevelName::Gold][li]);
            out.actions = actions;
        }
        None => out.feasible = false,
    }
    Ok(out)
}

/// The actions that meet one option level, or `None` when a requirement cannot be met.
fn option_plan(
    engine: &Engine,
    steps: &[CStep],
    held: &[super::compiled::CredSet],
    excluded: Option<&[bool]>,
    t: Instant,
    exempt: bool,
    listed: &CredSet,
) -> Option<Vec<Action>> {
    let compiled = &engine.compiled;
    let developing = engine.org.market == crate::model::Market::Developing;
    let mut actions = Vec::new();
    // Performance: one raise per metric, to the highest figure asked.
    let mut raises: Vec<(usize, f64, f64)> = Vec::new();
    for s in steps {
        if let CStep::Perf(p) = s {
            let required = match (developing, p.developing) {
                (true, Some(d)) => d,
                _ => p.developed,
            };
            let actual = engine.metric(p.metric, t);
            if actual >= required {
                continue;
            }
            match raises.iter_mut().find(|r| r.0 == p.metric) {
                Some(r) => r.2 = r.2.max(required),
                None => raises.push((p.metric, actual, required)),
            }
        }
    }
    let metric_ids: Vec<&str> = engine
        .catalog
        .metrics
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    let skills: Vec<&CSkill> = if exempt {
        Vec::new()
    } else {
        steps
            .iter()
            .filter_map(|s| match s {
                CStep::Skill(k) => Some(k),
                CStep::Perf(_) => None,
            })
            .collect()
    };
    let mut relevant = CredSet::default();
    for k in &skills {
        classes(k).for_each(|c| c.preds.iter().for_each(|e| expr_creds(e, &mut relevant)));
    }
    let secs = t.secs();
    let delay = i64::from(engine.settings.sync_delay_hours) * 3600;
    // Credentials still passable at `t`, those that never retire first.
    let mut passable: Vec<usize> = relevant
        .iter()
        .filter(|c| secs < compiled.retired_from[*c])
        .collect();
    passable.sort_by_key(|c| std::cmp::Reverse(compiled.retired_from[*c]));
    let cap = skills
        .iter()
        .map(|k| classes(k).map(|c| c.count as usize).sum::<usize>())
        .max()
        .unwrap_or(0);
    let mut work = Work {
        skills,
        groups: Vec::new(),
        associable: Vec::new(),
        passable,
        cap,
        can_pass: vec![false; engine.people.len()],
        affinity: held
            .iter()
            .map(|h| intersect(h, listed).iter().count() as u32)
            .collect(),
        actions: Vec::new(),
    };
    for (i, p) in engine.people.iter().enumerate() {
        if excluded.is_some_and(|x| x[i]) || p.left <= secs {
            continue;
        }
        let now = intersect(&held[i], &relevant);
        work.can_pass[i] = p.associated_at(secs, delay);
        if work.can_pass[i] || !now.is_empty() {
            work.put(now, Who::Person(i));
        }
        // What association would add: achievements held back only by the association.
        // Held back only by the sync delay, they count by themselves at the latest start.
        let mut would = now;
        let mut needs_association = false;
        let mut counts_at = secs;
        for a in &p.achievements {
            if !relevant.contains(a.cred()) {
                continue;
            }
            match a.reason(secs, p) {
                Some(Reason::NotAssociated | Reason::Dissociated) => {
                    needs_association = true;
                    would.insert(a.cred());
                }
                Some(Reason::SyncDelay) => {
                    counts_at = counts_at.max(a.start);
                    would.insert(a.cred());
                }
                _ => {}
            }
        }
        if would != now {
            let wait = (!needs_association).then_some(counts_at);
            work.associable.push((i, would, wait));
        }
    }
    let people_actions = fill(&mut work, engine)?;
    actions.extend(people_actions);
    actions.extend(raises.into_iter().map(|(m, from, to)| Action::Metric {
        metric: metric_ids[m].to_string(),
        from,
        to,
    }));
    Some(actions)
}

fn intersect(a: &CredSet, b: &CredSet) -> CredSet {
    let mut out = CredSet::default();
    a.iter()
        .filter(|c| b.contains(*c))
        .for_each(|c| out.insert(c));
    out
}

/// The rounds of the module comment; `None` when a short step cannot be filled at all.
fn fill(work: &mut Work, engine: &Engine) -> Option<Vec<Action>> {
    let compiled = &engine.compiled;
    let id = |i: usize| engine.people[i].id.to_string();
    loop {
        let pool = work.pool();
        let before = work.shortfalls(&pool);
        let worst = before.iter().copied().max().unwrap_or(0);
        if worst == 0 {
            return Some(std::mem::take(&mut work.actions));
        }
        let short: Vec<usize> = (0..before.len()).filter(|s| before[*s] == worst).collect();
        // An association.
        let assoc = work.associable.iter().position(|(i, set, _)| {
            work.helps(work.set_of(Who::Person(*i)), *set, &short, &before)
        });
        if let Some(a) = assoc {
            let (i, set, wait) = work.associable.remove(a);
            work.take(Who::Person(i));
            work.put(set, Who::Person(i));
            work.can_pass[i] = true;
            work.actions.push(match wait {
                Some(until) => Action::Wait {
                    employee: id(i),
                    until: Instant::from_secs(until),
                },
                None => Action::Associate { employee: id(i) },
            });
            continue;
        }
        // A pass by someone already counting: people holding related credentials first.
        let mut order: Vec<usize> = (0..work.groups.len()).collect();
        order.sort_by_key(|g| work.groups[*g].set.is_empty());
        let mut found = None;
        'search: for g in order {
            let group = &work.groups[g];
            // The first of those holding most of the competency's credentials.
            let best = group
                .who
                .iter()
                .filter_map(|w| match w {
                    Who::Person(i) if work.can_pass[*i] => Some(*i),
                    _ => None,
                })
                .min_by_key(|i| std::cmp::Reverse(work.affinity[*i]));
            let Some(p) = best else {
                continue;
            };
            for &cred in &work.passable {
                if group.set.contains(cred) {
                    continue;
                }
                let mut to = group.set;
                to.insert(cred);
                if work.helps(Some(group.set), to, &short, &before) {
                    found = Some((p, to, cred));
                    break 'search;
                }
            }
        }
        if let Some((p, to, cred)) = found {
            work.take(Who::Person(p));
            work.put(to, Who::Person(p));
            let renewal = engine.people[p]
                .achievements
                .iter()
                .any(|a| a.cred() == cred);
            work.actions.push(Action::Pass {
                employee: id(p),
                credential: compiled.cred_ids[cred].to_string(),
                renewal,
            });
            continue;
        }
        // A hire fitting one open slot class and every short `same_or_different` clause.
        let mut set = CredSet::default();
        for (s, k) in work.skills.iter().enumerate() {
            if before[s] == 0 {
                continue;
            }
            let open = k.classes.iter().find_map(|c| {
                let fit = satisfy_class(c, &work.passable)?;
                let mut more = pool.clone();
                more.push(fit);
                (unfilled(k, &more) < unfilled(k, &pool)).then_some(fit)
            });
            if let Some(fit) = open {
                set.union_with(&fit);
            }
            for c in &k.sod {
                set.union_with(&satisfy_class(c, &work.passable)?);
            }
        }
        if !work.helps(None, set, &short, &before) {
            // Every class at once, or nothing can fill it.
            for k in &work.skills {
                for c in classes(k) {
                    set.union_with(&satisfy_class(c, &work.passable)?);
                }
            }
            if !work.helps(None, set, &short, &before) {
                return None;
            }
        }
        work.put(set, Who::Hire);
        let mut creds: Vec<usize> = set.iter().collect();
        creds.sort_by_key(|c| compiled.rank[*c]);
        work.actions.push(Action::Hire {
            credentials: creds
                .into_iter()
                .map(|c| compiled.cred_ids[c].to_string())
                .collect(),
        });
    }
}

/// Makes the actions real on a copy of the organisation, dated so that they count at `t`
/// (what the plan promises). Hires get ids `hire.1`, `hire.2`…
pub fn apply(org: &mut Org, actions: &[Action], t: Instant) -> Result<(), String> {
    let delay = i64::from(org.settings().sync_delay_hours) * 3600;
    let at = Instant::from_secs(t.secs() - delay);
    let mut hires = 0;
    for a in actions {
        match a {
            // Waiting for the sync: in the plan's copy it has run, as an association's has.
            Action::Associate { employee }
            | Action::Wait { employee, .. }
            | Action::Pass { employee, .. } => {
                let e = org
                    .employees
                    .iter_mut()
                    .find(|e| &e.id == employee)
                    .ok_or_else(|| format!("no employee {employee}"))?;
                match a {
                    Action::Pass { credential, .. } => {
                        e.achievements.push(Achievement::new(credential, at));
                    }
                    _ => {
                        e.associated_on = Some(at);
                        e.university_associated_on = e.university_associated_on.map(|u| u.min(at));
                        e.dissociated_on = None;
                    }
                }
            }
            Action::Hire { credentials } => {
                hires += 1;
                let id = org.free_employee_id("hire.", &hires.to_string());
                let mut e = Employee::new(&id, &id, &format!("{id}@example.invalid"));
                e.associated_on = Some(at);
                e.achievements = credentials
                    .iter()
                    .map(|c| Achievement::new(c, at))
                    .collect();
                org.employees.push(e);
            }
            Action::Metric { metric, to, .. } => {
                // Entries of one period end add up: top them up to the figure.
                let same_day: f64 = org
                    .performance
                    .iter()
                    .filter(|p| &p.metric == metric && p.period_end == t.day())
                    .map(|p| p.value)
                    .sum();
                org.performance.push(PerformanceEntry {
                    metric: metric.clone(),
                    value: to - same_day,
                    period_end: t.day(),
                    association: None,
                    licence: None,
                    track: None,
                });
            }
        }
    }
    Ok(())
}
