//! `attain plan --designation`: the plan qualifies the designation, and no smaller set of
//! certifications and figure changes does (brute force on small random organisations).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::eval::plan::Action;
use attain::eval::spp_engine::SppEngine;
use attain::io::catalog_file::default_spp;
use attain::model::spp_def::SppCatalog;
use attain::model::{Achievement, Day, Employee, Instant, Market, Org, PerformanceEntry};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

mod common;

fn as_of() -> Instant {
    Instant::parse("2026-05-15T00:00:00Z").unwrap()
}

/// What a brute-force action does to the organisation.
#[derive(Debug, Clone, PartialEq)]
enum Act {
    Pass(usize, String),
    Hire(String),
    Figure(String, Day, f64),
}

fn apply(org: &Org, acts: &[&Act]) -> Org {
    let mut org = org.clone();
    let passed = Instant::parse("2026-05-10T00:00:00Z").unwrap();
    for (i, a) in acts.iter().enumerate() {
        match a {
            Act::Pass(p, c) => org.employees[*p]
                .achievements
                .push(Achievement::new(c, passed)),
            Act::Hire(c) => {
                let mut e = Employee::new(&format!("zz-hire{i}"), "Hire", "hire@example.com");
                e.associated_on = Some(Instant::parse("2025-01-01T00:00:00Z").unwrap());
                e.achievements.push(Achievement::new(c, passed));
                org.employees.push(e);
            }
            Act::Figure(f, p, v) => {
                org.performance
                    .retain(|e| !(e.metric == *f && e.period_end == *p));
                org.performance.push(entry(f, *v, *p));
            }
        }
    }
    org
}

fn entry(metric: &str, value: f64, period_end: Day) -> PerformanceEntry {
    PerformanceEntry {
        metric: metric.into(),
        value,
        period_end,
        association: None,
        licence: None,
        track: None,
    }
}

fn qualifies(spp: &SppCatalog, org: &Org, d: usize) -> bool {
    let e = SppEngine::new(spp, org).unwrap();
    let t = as_of();
    e.score(d, &e.found_at(t), t).counted().qualified()
}

/// The plan's actions as brute-force actions.
fn plan_acts(org: &Org, actions: &[Action], month: Option<&str>) -> Vec<Act> {
    actions
        .iter()
        .map(|a| match a {
            Action::Pass {
                employee,
                credential,
                ..
            } => Act::Pass(
                org.employees
                    .iter()
                    .position(|e| e.id == *employee)
                    .unwrap(),
                credential.clone(),
            ),
            Action::Hire { credentials } => Act::Hire(credentials[0].clone()),
            Action::Metric { metric, to, .. } => {
                Act::Figure(metric.clone(), Day::parse(month.unwrap()).unwrap(), *to)
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect()
}

/// A small organisation around one designation: a few people holding some of its
/// credentials, its figures near their full points, some missing.
fn random_org(spp: &SppCatalog, d: usize, rng: &mut StdRng) -> Org {
    let des = &spp.designations[d];
    let creds = credentials(spp, d);
    let mut org = Org::new("Random", Market::Developed);
    for i in 0..rng.random_range(1..=4) {
        let mut e = Employee::new(&format!("p{i}"), &format!("P{i}"), "p@example.com");
        e.associated_on = Some(Instant::parse("2025-01-01T00:00:00Z").unwrap());
        for _ in 0..rng.random_range(0..=3) {
            let c = &creds[rng.random_range(0..creds.len())];
            let mut a = Achievement::new(c, Instant::parse("2025-06-01T00:00:00Z").unwrap());
            a.expires_on = Some(Day::parse("2027-06-01").unwrap());
            e.achievements.push(a);
        }
        org.employees.push(e);
    }
    let april = Day::parse("2026-04-30").unwrap();
    for m in &des.metrics {
        for s in std::iter::once(&m.enterprise).chain(m.smb.as_ref()) {
            use attain::model::spp_def::Scoring;
            match s {
                Scoring::Figures(f) => {
                    for (fig, full_at) in &f.parts {
                        if rng.random_ratio(4, 5)
                            && !org.performance.iter().any(|p| p.metric == *fig)
                        {
                            let v = (rng.random_range(0.0..1.3) * full_at).round();
                            org.performance.push(entry(fig, v, april));
                        }
                    }
                }
                Scoring::Growth(g) => {
                    if !org.performance.iter().any(|p| p.metric == g.current) {
                        let base = g.min_baseline * rng.random_range(0.8..2.0);
                        let growth = rng.random_range(0.0..1.3) * g.full_at_pct / 100.0;
                        org.performance
                            .push(entry(&g.baseline, base.round(), april));
                        org.performance.push(entry(
                            &g.current,
                            (base * (1.0 + growth)).round(),
                            april,
                        ));
                    }
                }
                Scoring::Skill(_) => {}
            }
        }
    }
    org
}

/// One credential per step list of a designation (those of a list are interchangeable):
/// the first that can still be earned at `as_of`.
fn credentials(spp: &SppCatalog, d: usize) -> Vec<String> {
    use attain::model::spp_def::{Scoring, Step};
    let earnable = |c: &String| {
        spp.credential(c)
            .and_then(|c| c.retires.as_deref())
            .is_none_or(|r| Day::parse(r).unwrap() >= as_of().day())
    };
    let mut out: Vec<String> = Vec::new();
    for m in &spp.designations[d].metrics {
        for s in std::iter::once(&m.enterprise).chain(m.smb.as_ref()) {
            if let Scoring::Skill(steps) = s {
                for st in steps {
                    let list = match st {
                        Step::Gate(g) => &g.any_of,
                        Step::PerPerson(p) => &p.any_of,
                    };
                    if let Some(c) = list.iter().find(|c| earnable(c))
                        && !out.contains(c)
                    {
                        out.push(c.clone());
                    }
                }
            }
        }
    }
    out
}

/// Is there a set of at most `k` actions that qualifies?
fn brute_force(spp: &SppCatalog, org: &Org, d: usize, k: usize) -> Option<usize> {
    let engine = SppEngine::with_everyone(spp, org).unwrap();
    let t = as_of();
    let mut acts: Vec<Act> = Vec::new();
    let creds = credentials(spp, d);
    for (p, _) in org.employees.iter().enumerate() {
        for c in &creds {
            acts.push(Act::Pass(p, c.clone()));
        }
    }
    for c in &creds {
        acts.push(Act::Hire(c.clone()));
    }
    for m in 0..spp.designations[d].metrics.len() {
        for f in engine.figure_moves(d, m, t) {
            acts.push(Act::Figure(
                spp.figures[f.figure].id.clone(),
                f.period_end,
                f.value,
            ));
        }
    }
    // Sets of actions (hires may repeat: several new people with the same credential).
    fn rec(
        acts: &[Act],
        from: usize,
        left: usize,
        chosen: &mut Vec<usize>,
        check: &mut dyn FnMut(&[usize]) -> bool,
    ) -> bool {
        if left == 0 {
            return check(chosen);
        }
        for i in from..acts.len() {
            chosen.push(i);
            let next = if matches!(acts[i], Act::Hire(_)) {
                i
            } else {
                i + 1
            };
            if rec(acts, next, left - 1, chosen, check) {
                return true;
            }
            chosen.pop();
        }
        false
    }
    (0..=k).find(|&size| {
        let mut chosen = Vec::new();
        rec(&acts, 0, size, &mut chosen, &mut |c| {
            let picked: Vec<&Act> = c.iter().map(|i| &acts[*i]).collect();
            qualifies(spp, &apply(org, &picked), d)
        })
    })
}

#[test]
fn the_designation_plan_is_minimal_on_small_random_organisations() {
    let spp = default_spp();
    let mut rng = StdRng::seed_from_u64(18);
    let mut compared = 0;
    for round in 0..60 {
        let d = [0usize, 3, 4, 5][round % 4];
        let org = random_org(&spp, d, &mut rng);
        let engine = SppEngine::with_everyone(&spp, &org).unwrap();
        let plan = engine.plan(&spp.designations[d].id, as_of()).unwrap();
        assert!(plan.feasible, "round {round}");
        let acts = plan_acts(&org, &plan.actions, plan.figures_month.as_deref());
        let refs: Vec<&Act> = acts.iter().collect();
        assert!(
            qualifies(&spp, &apply(&org, &refs), d),
            "round {round}: {plan:?}"
        );
        let k = plan.actions.len();
        let limit = k.min(3);
        let found = brute_force(&spp, &org, d, limit);
        if k <= 3 {
            assert_eq!(found, Some(k), "round {round}: {plan:?}");
            compared += 1;
        } else {
            assert_eq!(
                found, None,
                "round {round}: a set of at most 3 beats {plan:?}"
            );
        }
    }
    assert!(
        compared >= 10,
        "only {compared} plans small enough to compare"
    );
}

#[test]
fn attain_plan_designation_prints_the_actions() {
    let mut org = Org::new("Plan", Market::Developed);
    let mut e = Employee::new("anna", "Anna", "anna@example.com");
    e.associated_on = Some(Instant::parse("2025-01-01T00:00:00Z").unwrap());
    org.employees.push(e);
    let april = Day::parse("2026-04-30").unwrap();
    for (f, v) in [
        ("mw_net_customer_adds", 5.0),
        ("mw_usage_growth_cpor", 1000.0),
        ("mw_deployments_cpor", 5.0),
    ] {
        org.performance.push(entry(f, v, april));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.org.ron");
    attain::io::org_file::save_org(&org, &path).unwrap();
    let file = path.to_str().unwrap();
    let out = common::cli::attain(&[
        "plan",
        file,
        "--designation",
        "modern-work",
        "--as-of",
        "2026-05-15",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Enterprise: 20 + 0 + 0 + 30 + 25 = 75 lacks both skilling metrics: one person each.
    assert_eq!(p["feasible"], true);
    assert_eq!(p["actions"].as_array().unwrap().len(), 2, "{p}");
    assert!(
        p["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["employee"] == "anna")
    );
    let out = common::cli::attain(&["plan", file, "--designation", "no-such"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn adding_an_achievement_counts_as_preparing_the_organisation_again() {
    use attain::model::synth::{designation_as_of, synthetic_designation_org};
    let spp = default_spp();
    let mut org = synthetic_designation_org(&spp, 200, 6, 11);
    // Someone holding no designation credential yet, besides the synthetic people.
    let mut new = Employee::new("zz.new", "New", "new@example.com");
    new.associated_on = Some(Instant::parse("2025-01-01T00:00:00Z").unwrap());
    org.employees.push(new);
    let t = designation_as_of();
    let mut rng = StdRng::seed_from_u64(5);
    let mut engine_org = org.clone();
    for round in 0..40 {
        let who = if round % 5 == 0 {
            org.employees.len() - 1
        } else {
            rng.random_range(0..org.employees.len())
        };
        let cred = &spp.credentials[rng.random_range(0..spp.credentials.len())].id;
        let day = rng.random_range(0..400);
        let passed = Instant::from_secs(t.secs() - day * 86_400);
        let a = Achievement::new(cred, passed);
        let mut engine = SppEngine::new(&spp, &engine_org).unwrap();
        engine.add(&engine_org.employees[who], &a);
        org.employees[who].achievements.push(a);
        let fresh = SppEngine::new(&spp, &org).unwrap();
        for back in [0, 20, 90, 200, 500] {
            let at = Instant::from_secs(t.secs() - back * 86_400);
            assert_eq!(
                engine.found_at(at),
                fresh.found_at(at),
                "round {round}, {back} days back"
            );
        }
        engine_org = org.clone();
    }
}
