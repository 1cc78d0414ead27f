//! The forward timeline agrees with the evaluation at every event and between events.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;
use attain::eval::Engine;
use attain::eval::LevelName;
use attain::eval::timeline::timeline;
use attain::model::*;
use common::{catalog, t};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn day(n: i64) -> Instant {
    Instant::from_secs(t("2017-01-01").secs() + n * 86_400 + (n % 7) * 3_600)
}

/// Per person: (credential, passed day, days until expiry) and the leaving day.
type Person = (Vec<(usize, i64, Option<i64>)>, Option<i64>);

fn org_of(people: &[Person], metrics: &[(usize, u32, i64)]) -> Org {
    let c = catalog();
    let mut org = Org::new("t", Market::Developed);
    for (i, (achs, left)) in people.iter().enumerate() {
        let mut e = Employee::new(&format!("p{i}"), "x", "x@example.com");
        e.associated_on = Some(day(0));
        e.left_on = left.map(day);
        for (cred, passed, expires) in achs {
            let mut a = Achievement::new(&c.credentials[*cred].id, day(*passed));
            a.expires_on = expires.map(|x| day(passed + x).day());
            e.achievements.push(a);
        }
        org.employees.push(e);
    }
    for (m, v, end) in metrics {
        let metric = &c.metrics[*m];
        let value = if metric.id == "surface_hub_adr" {
            1.0
        } else {
            f64::from(*v)
        };
        org.performance.push(PerformanceEntry {
            metric: metric.id.clone(),
            value,
            period_end: day(*end).day(),
            association: None,
            licence: None,
            track: None,
        });
    }
    org
}

fn levels(engine: &Engine, at: Instant) -> Vec<LevelName> {
    engine.levels_at(at)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn timeline_agrees_with_evaluation(
        people in prop::collection::vec((prop::collection::vec((0usize..118, 0i64..900, prop::option::of(100i64..900)), 0..8), prop::option::of(100i64..1500)), 1..8),
        metrics in prop::collection::vec((0usize..12, 0u32..400_000, 0i64..900), 0..10),
    ) {
        let org = org_of(&people, &metrics);
        let (from, to) = (day(0), day(1500));
        let events = timeline(catalog(), &org, from, to).unwrap();
        let engine = Engine::new(catalog(), &org).unwrap();
        let mut state: BTreeMap<String, LevelName> = catalog().competencies.iter().map(|c| c.id.clone()).zip(levels(&engine, from)).collect();
        let mut last = from;
        let ids: Vec<String> = catalog().competencies.iter().map(|c| c.id.clone()).collect();
        for e in &events {
            let at = Instant::parse(&e.at).unwrap();
            prop_assert!(at >= last);
            // Just before the event and half-way since the last one, nothing had changed.
            for probe in [Instant::from_secs(at.secs() - 1), Instant::from_secs((last.secs() + at.secs()) / 2)] {
                if probe > last {
                    let now: BTreeMap<String, LevelName> = ids.iter().cloned().zip(levels(&engine, probe)).collect();
                    prop_assert_eq!(&now, &state, "between events at {}", probe);
                }
            }
            prop_assert_eq!(state[&e.competency], e.from);
            state.insert(e.competency.clone(), e.to);
            let now: BTreeMap<String, LevelName> = ids.iter().cloned().zip(levels(&engine, at)).collect();
            prop_assert_eq!(now[&e.competency], e.to);
            prop_assert!(!e.because.is_empty());
            last = at;
        }
        let end: BTreeMap<String, LevelName> = ids.iter().cloned().zip(levels(&engine, to)).collect();
        prop_assert_eq!(end, state, "after the last event");
    }
}

#[test]
fn e3_retirement_shows_on_the_timeline() {
    let mut e = common::ex()
        .metric_at("azure_consumption_usd", 20000.0, "2018-12-31")
        .person("p1", &[]);
    e.emp("p1")
        .achievements
        .push(Achievement::new("70-534", t("2017-06-01")));
    let events = timeline(catalog(), &e.org, t("2018-12-31"), t("2019-06-30")).unwrap();
    let cp: Vec<_> = events
        .iter()
        .filter(|x| x.competency == "cloud-platform")
        .collect();
    assert_eq!(cp.len(), 1);
    assert_eq!(cp[0].at, "2019-01-01T00:00:00Z");
    assert_eq!((cp[0].from, cp[0].to), (LevelName::Silver, LevelName::None));
    assert!(
        cp[0]
            .because
            .contains("p1: 70-534 stops counting (retired)"),
        "{}",
        cp[0].because
    );
}
