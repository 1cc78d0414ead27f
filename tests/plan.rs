//! `plan`: the actions it lists meet the level, and no smaller set of actions does (brute
//! force over every association, pass, hire and metric raise on small random organisations).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use attain::eval::plan::{Action, apply, plan};
use attain::eval::{Engine, LevelName};
use attain::io::catalog_file::parse_catalog;
use attain::model::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Every clause kind, a retired credential and two metrics, on few credentials so that brute
/// force stays small.
const CATALOG: &str = r#"(
    snapshot: "plan-test",
    title: "plan test",
    credentials: [
        (id: "A", kind: Exam, title: "A"),
        (id: "B", kind: Exam, title: "B"),
        (id: "C", kind: Certification, title: "C"),
        (id: "D", kind: Exam, title: "D"),
        (id: "E", kind: Exam, title: "E"),
        (id: "F", kind: Exam, title: "F"),
        (id: "R", kind: Exam, title: "R", retires: Some("2020-06-30"), counts_until: Some("2030-06-30")),
    ],
    metrics: [
        (id: "m1", goal: Revenue, unit: "US$", measure: TtmSum, description: "m1"),
        (id: "m2", goal: NewCustomers, unit: "customers", measure: Count, description: "m2"),
    ],
    competencies: [
        (id: "alpha", name: "Alpha", options: [
            (id: "a1", name: "A1",
                silver: Some([
                    Skill((people: 2, expr: AnyOf(["A", "B", "R"]), plus: [KOfSame(1, AnyOf(["C"])), Different(1, AllOf(["D", "E"]))])),
                    Perf((metric: "m1", developed: 1000.0)),
                ]),
                gold: Some([
                    Skill((people: 3, expr: AllOf(["A", "C"]))),
                    Skill((people: 1, expr: FocusAreas([("x", ["D", "F"]), ("y", ["E", "R"])]), plus: [SameOrDifferent(2, AnyOf(["B"]))])),
                    Perf((metric: "m1", developed: 5000.0)),
                ]),
            ),
            (id: "a2", name: "A2",
                silver: Some([
                    Skill((people: 2, expr: Alternatives([AllOf(["E", "F"]), AnyOf(["R"])]), plus: [Same(AnyOf(["A", "B"]))])),
                    Perf((metric: "m2", developed: 5.0)),
                ]),
            ),
        ]),
    ],
)"#;

const CREDS: [&str; 7] = ["A", "B", "C", "D", "E", "F", "R"];
const PASSABLE: [&str; 6] = ["A", "B", "C", "D", "E", "F"];

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

fn random_org(rng: &mut ChaCha8Rng) -> Org {
    let mut org = Org::new("Plan", Market::Developed);
    for i in 0..4 {
        let id = format!("p{i}");
        let mut e = Employee::new(&id, &id, &format!("{id}@example.com"));
        match rng.random_range(0..6) {
            0 => {}
            1 => e.associated_on = Some(at("2026-11-24T20:00:00Z")), // pending
            2 => {
                e.associated_on = Some(at("2019-01-01"));
                e.dissociated_on = Some(at("2026-01-01"));
            }
            _ => e.associated_on = Some(at("2019-01-01")),
        }
        if rng.random_bool(0.1) {
            e.left_on = Some(at("2026-10-01"));
        }
        for c in CREDS {
            if rng.random_bool(0.35) {
                let passed = if c == "R" { "2020-01-01" } else { "2025-01-01" };
                let mut a = Achievement::new(c, at(passed));
                if rng.random_bool(0.15) {
                    a.expires_on = Some(Day::parse("2026-06-30").unwrap());
                }
                e.achievements.push(a);
            }
        }
        org.employees.push(e);
    }
    for m in ["m1", "m2"] {
        let value = [0.0, 2000.0, 6000.0, 10.0][rng.random_range(0..4)];
        org.performance.push(PerformanceEntry {
            metric: m.into(),
            value,
            period_end: Day::parse("2026-10-31").unwrap(),
            association: None,
            licence: None,
            track: None,
        });
    }
    org
}

fn level_after(catalog: &Catalog, org: &Org, actions: &[Action], t: Instant) -> LevelName {
    let mut org = org.clone();
    apply(&mut org, actions, t).unwrap();
    Engine::new(catalog, &org).unwrap().levels_at(t)[0]
}

/// Every single action the brute force may take (hires are added separately, any number).
fn universe(org: &Org) -> Vec<Action> {
    let mut u = Vec::new();
    for e in &org.employees {
        u.push(Action::Associate {
            employee: e.id.clone(),
        });
        for c in PASSABLE {
            u.push(Action::Pass {
                employee: e.id.clone(),
                credential: c.into(),
                renewal: false,
            });
        }
    }
    for (m, to) in [("m1", 5000.0), ("m2", 5.0)] {
        u.push(Action::Metric {
            metric: m.into(),
            from: 0.0,
            to,
        });
    }
    u
}

/// Is there a set of `k` actions reaching `level`? Hires hold every passable credential,
/// which is never worse than fewer credentials.
fn reachable(catalog: &Catalog, org: &Org, level: LevelName, t: Instant, k: usize) -> bool {
    let u = universe(org);
    let hire = Action::Hire {
        credentials: PASSABLE.iter().map(|c| c.to_string()).collect(),
    };
    fn choose(
        u: &[Action],
        from: usize,
        left: usize,
        picked: &mut Vec<Action>,
        test: &mut dyn FnMut(&[Action]) -> bool,
    ) -> bool {
        if left == 0 {
            return test(picked);
        }
        for i in from..u.len() {
            picked.push(u[i].clone());
            if choose(u, i + 1, left - 1, picked, test) {
                return true;
            }
            picked.pop();
        }
        false
    }
    (0..=k).any(|hires| {
        let mut picked = vec![hire.clone(); hires];
        choose(&u, 0, k - hires, &mut picked, &mut |a: &[Action]| {
            level_after(catalog, org, a, t) >= level
        })
    })
}

#[test]
fn plans_are_minimal_against_brute_force() {
    let catalog = parse_catalog(CATALOG, "plan-test.ron").unwrap();
    let t = at("2026-11-25T12:00:00Z");
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let (mut checked, mut lengths) = (0, Vec::new());
    for _ in 0..60 {
        let org = random_org(&mut rng);
        for level in [LevelName::Silver, LevelName::Gold] {
            let p = plan(&catalog, &org, "alpha", level, t).unwrap();
            let now = Engine::new(&catalog, &org).unwrap().levels_at(t)[0];
            assert_eq!(p.met_already, now >= level);
            assert!(p.feasible);
            // The plan does what it says.
            assert!(
                level_after(&catalog, &org, &p.actions, t) >= level,
                "{level:?} not reached by {:?} on {org:#?}",
                p.actions
            );
            // And nothing shorter does (bounded so that the search stays small).
            let n = p.actions.len();
            if (1..=4).contains(&n) {
                assert!(
                    !reachable(&catalog, &org, level, t, n - 1),
                    "a plan shorter than {:?} exists on {org:#?}",
                    p.actions
                );
                checked += 1;
                lengths.push(n);
            }
        }
    }
    // The random organisations exercise plans of several lengths.
    assert!(checked >= 30, "only {checked} plans checked");
    for n in 1..=3 {
        assert!(lengths.contains(&n), "no plan of length {n}: {lengths:?}");
    }
}

#[test]
fn existing_people_come_before_hires() {
    let catalog = parse_catalog(CATALOG, "plan-test.ron").unwrap();
    let t = at("2026-11-25T12:00:00Z");
    // p0 holds A but is not associated; p1 is associated and holds D; m1 is met.
    let org = two_people(None);
    let p = plan(&catalog, &org, "alpha", LevelName::Silver, t).unwrap();
    assert_eq!(p.option.as_deref(), Some("a1"));
    assert_eq!(
        p.actions,
        vec![
            Action::Associate {
                employee: "p0".into()
            },
            Action::Pass {
                employee: "p1".into(),
                credential: "E".into(),
                renewal: false
            },
            Action::Hire {
                credentials: vec!["A".into(), "C".into()]
            },
        ]
    );
    // The retired R is never asked of anyone.
    let gold = plan(&catalog, &org, "alpha", LevelName::Gold, t).unwrap();
    assert!(
        !serde_json::to_string(&gold.actions)
            .unwrap()
            .contains("\"R\"")
    );
}

#[test]
fn cli_plan_prints_the_actions_as_json() {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_attain"))
            .arg("plan")
            .arg(demo)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "--competency",
        "devops",
        "--level",
        "silver",
        "--as-of",
        "2026-11-25",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["met_already"], false);
    // Luca Colombo left: one person holding the DevOps exams is missing.
    assert_eq!(v["actions"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["actions"][0]["kind"], "hire");
    let out = run(&[
        "--competency",
        "cloud-platform",
        "--level",
        "silver",
        "--as-of",
        "2026-11-25",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["met_already"], true);
    assert_eq!(v["actions"], serde_json::json!([]));
    let out = run(&["--competency", "nope", "--level", "gold"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown competency nope"));
}

#[test]
fn a_person_waiting_for_the_sync_is_told_to_wait_not_to_associate() {
    let catalog = parse_catalog(CATALOG, "plan-test.ron").unwrap();
    let t = at("2026-11-25T12:00:00Z");
    // p0 associated an hour ago: A counts after the 24-hour sync, from tomorrow 11:00.
    let org = two_people(Some(at("2026-11-25T11:00:00Z")));
    let p = plan(&catalog, &org, "alpha", LevelName::Silver, t).unwrap();
    assert_eq!(
        p.actions[0],
        Action::Wait {
            employee: "p0".into(),
            until: at("2026-11-26T11:00:00Z"),
        },
        "{:?}",
        p.actions
    );
    assert!(
        !p.actions
            .iter()
            .any(|a| matches!(a, Action::Associate { employee } if employee == "p0")),
        "{:?}",
        p.actions
    );
}

/// p0 holds A (associated at `p0_associated`, if ever); p1 is associated and holds D; m1 is met.
fn two_people(p0_associated: Option<Instant>) -> Org {
    let mut org = Org::new("Plan", Market::Developed);
    let mut p0 = Employee::new("p0", "p0", "p0@example.com");
    p0.associated_on = p0_associated;
    p0.achievements
        .push(Achievement::new("A", at("2025-01-01")));
    let mut p1 = Employee::new("p1", "p1", "p1@example.com");
    p1.associated_on = Some(at("2019-01-01"));
    p1.achievements
        .push(Achievement::new("D", at("2025-01-01")));
    org.employees = vec![p0, p1];
    org.performance.push(PerformanceEntry {
        metric: "m1".into(),
        value: 2000.0,
        period_end: Day::parse("2026-10-31").unwrap(),
        association: None,
        licence: None,
        track: None,
    });
    org
}
