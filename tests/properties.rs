//! Property tests: the matching equals brute force, and the monotonicity the rules imply.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;
use attain::eval::Engine;
use attain::eval::report::Requirement;
use attain::model::*;
use common::{catalog, t};
use proptest::prelude::*;
use std::collections::HashSet;

/// Credentials that exercise every clause kind: same, k of same, different, same or
/// different, alternatives, focus areas.
const POOL: &[&str] = &[
    "70-496",
    "70-498",
    "PSM-I",
    "70-497",
    "MB2-714",
    "MB2-715",
    "MB2-716",
    "MB2-712",
    "MB2-717",
    "74-343",
    "70-348",
    "70-339",
    "MB6-890",
    "MB6-892",
    "MB6-893",
    "MB6-705",
    "70-462",
    "70-334",
    "70-333",
    "MCSE-Productivity",
    "TA-VoiceFramework",
    "TA-BizTalkIntegration",
    "70-483",
    "70-767",
    "70-768",
    "TA-DataAnalyticsFoundational",
    "70-347",
    "MCSD-AppBuilder",
    "TA-DataPlatformFoundational",
    "TA-SqlServer2016",
];

fn holds(e: &Expr, h: &HashSet<&str>) -> bool {
    match e {
        Expr::AnyOf(ids) => ids.iter().any(|i| h.contains(i.as_str())),
        Expr::AllOf(ids) => ids.iter().all(|i| h.contains(i.as_str())),
        Expr::Alternatives(a) => a.iter().any(|e| holds(e, h)),
        Expr::FocusAreas(areas) => areas
            .iter()
            .any(|(_, ids)| ids.iter().all(|i| h.contains(i.as_str()))),
        Expr::AnyOfAreas(areas) => areas
            .iter()
            .any(|(_, ids)| ids.iter().any(|i| h.contains(i.as_str()))),
    }
}

type Slot<'a> = Box<dyn Fn(&HashSet<&str>) -> bool + 'a>;

/// Is there any assignment of distinct people to the slots? Tries them all.
fn assign(slots: &[Slot<'_>], people: &[HashSet<&str>], used: &mut Vec<bool>) -> bool {
    let Some((first, rest)) = slots.split_first() else {
        return true;
    };
    for p in 0..people.len() {
        if !used[p] && first(&people[p]) {
            used[p] = true;
            let ok = assign(rest, people, used);
            used[p] = false;
            if ok {
                return true;
            }
        }
    }
    false
}

fn brute(s: &Skill, people: &[HashSet<&str>]) -> bool {
    let base = |h: &HashSet<&str>| {
        holds(&s.expr, h)
            && s.plus
                .iter()
                .all(|c| !matches!(c, Clause::Same(_)) || holds(c.expr(), h))
    };
    let mut slots: Vec<Slot> = Vec::new();
    let mut rest = s.people;
    for c in &s.plus {
        if let Clause::KOfSame(k, e) = c {
            for _ in 0..*k {
                slots.push(Box::new(move |h| base(h) && holds(e, h)));
            }
            rest -= k;
        }
    }
    for _ in 0..rest {
        slots.push(Box::new(base));
    }
    for c in &s.plus {
        if let Clause::Different(m, e) = c {
            for _ in 0..*m {
                slots.push(Box::new(move |h| holds(e, h)));
            }
        }
    }
    let sod_ok = s.plus.iter().all(|c| match c {
        Clause::SameOrDifferent(m, e) => {
            people.iter().filter(|h| holds(e, h)).count() >= *m as usize
        }
        _ => true,
    });
    sod_ok && slots.len() <= people.len() && assign(&slots, people, &mut vec![false; people.len()])
}

fn org_of(people: &[Vec<usize>]) -> Org {
    let mut org = Org::new("p", Market::Developed);
    for (i, creds) in people.iter().enumerate() {
        let mut e = Employee::new(&format!("p{i}"), "x", "x@example.com");
        e.associated_on = Some(t("2017-01-01"));
        e.achievements = creds
            .iter()
            .map(|c| Achievement::new(POOL[*c], t("2017-06-01")))
            .collect();
        org.employees.push(e);
    }
    org
}

fn people_strategy(max: usize) -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(prop::collection::vec(0..POOL.len(), 0..6), 0..max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn matching_equals_brute_force(people in people_strategy(7)) {
        let org = org_of(&people);
        let held: Vec<HashSet<&str>> = people.iter().map(|c| c.iter().map(|i| POOL[*i]).collect()).collect();
        let report = Engine::new(catalog(), &org).unwrap().report(t("2018-06-01"));
        for (comp, rc) in catalog().competencies.iter().zip(&report.competencies) {
            for (opt, ro) in comp.options.iter().zip(&rc.options) {
                for (steps, rl) in [(&opt.silver, &ro.silver), (&opt.gold, &ro.gold)] {
                    let Some(steps) = steps else { continue };
                    for (step, req) in steps.iter().zip(&rl.requirements) {
                        if let (Step::Skill(s), Requirement::Skill { met, people: witness, .. }) = (step, req) {
                            prop_assert_eq!(*met, brute(s, &held), "{}/{}", comp.id, opt.id);
                            if *met {
                                // The witness is a real one: its members satisfy the step on their own.
                                let w: Vec<HashSet<&str>> = witness.iter().map(|id| held[id[1..].parse::<usize>().unwrap()].clone()).collect();
                                prop_assert!(brute(s, &w), "{}/{} witness {:?}", comp.id, opt.id, witness);
                            }
                        }
                    }
                }
            }
        }
    }
}

fn any_org() -> impl Strategy<Value = (Vec<Vec<usize>>, Vec<(usize, u32)>)> {
    let metrics = catalog().metrics.len();
    (
        prop::collection::vec(
            prop::collection::vec(0..catalog().credentials.len(), 0..8),
            0..10,
        ),
        prop::collection::vec((0..metrics, 0u32..400_000), 0..10),
    )
}

fn build(people: &[Vec<usize>], metrics: &[(usize, u32)]) -> Org {
    let c = catalog();
    let mut org = Org::new("m", Market::Developed);
    for (i, creds) in people.iter().enumerate() {
        let mut e = Employee::new(&format!("p{i}"), "x", "x@example.com");
        e.associated_on = Some(t("2017-01-01"));
        e.achievements = creds
            .iter()
            .map(|k| Achievement::new(&c.credentials[*k].id, t("2017-06-01")))
            .collect();
        org.employees.push(e);
    }
    for (m, v) in metrics {
        let value = if c.metrics[*m].id == "surface_hub_adr" {
            f64::from(u8::from(*v > 0))
        } else {
            *v as f64
        };
        org.performance.push(PerformanceEntry {
            metric: c.metrics[*m].id.clone(),
            value,
            period_end: Day::parse("2018-05-31").unwrap(),
            association: None,
            licence: None,
            track: None,
        });
    }
    org
}

fn levels(org: &Org) -> Vec<attain::eval::LevelName> {
    Engine::new(catalog(), org)
        .unwrap()
        .levels_at(t("2018-06-01"))
}

fn not_lower(after: &[attain::eval::LevelName], before: &[attain::eval::LevelName]) -> bool {
    after.iter().zip(before).all(|(a, b)| a >= b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_an_achievement_never_lowers_a_level((people, metrics) in any_org(), who in any::<prop::sample::Index>(), cred in 0usize..118) {
        prop_assume!(!people.is_empty());
        let before = levels(&build(&people, &metrics));
        let mut more = people.clone();
        more[who.index(people.len())].push(cred);
        prop_assert!(not_lower(&levels(&build(&more, &metrics)), &before));
    }

    #[test]
    fn a_leaver_never_raises_a_level((people, metrics) in any_org(), who in any::<prop::sample::Index>()) {
        prop_assume!(!people.is_empty());
        let org = build(&people, &metrics);
        let before = levels(&org);
        let mut left = org.clone();
        left.employees[who.index(people.len())].left_on = Some(t("2018-05-01"));
        prop_assert!(not_lower(&before, &levels(&left)));
    }

    #[test]
    fn raising_a_metric_never_lowers_a_level((people, metrics) in any_org(), which in any::<prop::sample::Index>(), extra in 1u32..200_000) {
        prop_assume!(!metrics.is_empty());
        let before = levels(&build(&people, &metrics));
        let mut more = metrics.clone();
        let i = which.index(metrics.len());
        more[i].1 = more[i].1.saturating_add(extra);
        prop_assert!(not_lower(&levels(&build(&people, &more)), &before));
    }
}

fn name_strategy() -> impl Strategy<Value = String> {
    // Names with accents, quotes, commas, semicolons, tabs inside (all quoted by the writer).
    prop::string::string_regex("[A-Za-zÀ-ÿŁłȘș' ,;\"\t-]{0,50}")
        .unwrap()
        .prop_map(|s| s.trim().to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any file the `csv` crate writes from valid rows reads back to the same rows.
    #[test]
    fn written_users_files_read_back_identically(
        rows in prop::collection::vec((name_strategy(), name_strategy(), name_strategy().prop_filter("display name", |s| !s.is_empty())), 0..40),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
        crlf in any::<bool>(),
    ) {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        w.write_record(["First name", "Last name", "Display name", "Email"]).unwrap();
        for (i, (f, l, d)) in rows.iter().enumerate() {
            w.write_record([f.as_str(), l.as_str(), d.as_str(), &format!("user{i}@example.com")]).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        let check = attain::io::users::check_users(&bytes);
        prop_assert!(check.file_error.is_none(), "{:?}", check.file_error);
        prop_assert_eq!(&check.errors, &vec![]);
        prop_assert_eq!(check.valid.len(), rows.len());
        for (got, (f, l, d)) in check.valid.iter().zip(&rows) {
            prop_assert_eq!((&got.first_name, &got.last_name, &got.display_name), (f, l, d));
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = attain::io::users::check_users(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic_the_achievement_readers(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let today = Day::parse("2021-10-01").unwrap();
        let check = attain::io::trainings::check_trainings(&bytes, catalog(), attain::io::trainings::DateOrder::DayFirst, "x", today);
        let _ = attain::io::achievements_plan::plan(&Org::new("x", Market::Developed), &check, "trainings-import");
        let _ = attain::io::trainings::check_credly(&bytes, &Default::default());
    }
}
