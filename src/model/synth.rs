//! Seeded synthetic organisations for benchmarks and property tests.
//!
//! The same seed always gives the same organisation (ChaCha8 is portable and stable).

use crate::model::{Achievement, Catalog, Day, Employee, Instant, Market, Org, PerformanceEntry};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The instant the synthetic organisations are meant to be evaluated at.
pub fn as_of() -> Instant {
    Day(chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or_default()).start()
}

/// `employees` people with about `per_person` achievements each, drawn from the catalog.
pub fn synthetic_org(catalog: &Catalog, employees: usize, per_person: usize, seed: u64) -> Org {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut org = Org::new(&format!("Synthetic {employees}"), Market::Developed);
    org.domain = Some("example.com".into());
    let base = Day::ymd(2014, 1, 1).unwrap_or(Day(chrono::NaiveDate::MIN));
    let creds = &catalog.credentials;
    for i in 0..employees {
        let id = format!("e{i:06}");
        let mut e = Employee::new(&id, &format!("Employee {i}"), &format!("{id}@example.com"));
        e.mcid = Some(format!("{}", 1_000_000 + i));
        if rng.random_ratio(97, 100) {
            e.associated_on = Some(base.add_days(rng.random_range(0..1500)).start());
        }
        if rng.random_ratio(2, 100) {
            e.left_on = Some(base.add_days(rng.random_range(1000..2000)).start());
        }
        let n = rng.random_range(per_person / 2..=per_person + per_person / 2);
        for _ in 0..n {
            let c = &creds[rng.random_range(0..creds.len())];
            let passed = base.add_days(rng.random_range(0..1600));
            let secs = rng.random_range(0..86_400);
            let mut a = Achievement::new(&c.id, Instant::from_secs(passed.start().secs() + secs));
            if rng.random_ratio(1, 10) {
                a.expires_on = Some(passed.add_days(rng.random_range(300..1500)));
            }
            e.achievements.push(a);
        }
        org.employees.push(e);
    }
    for m in catalog.metrics.iter().filter(|m| !m.id.starts_with("pci_")) {
        for months in [0, 6, 12] {
            let value = if m.id == "surface_hub_adr" {
                1.0
            } else {
                rng.random_range(0.0..400_000.0_f64).round()
            };
            org.performance.push(PerformanceEntry {
                metric: m.id.clone(),
                value,
                period_end: Day::ymd(2018, 5, 31).unwrap_or(base).add_months(-months),
                association: None,
                licence: None,
                track: None,
            });
        }
    }
    org
}

/// The instant the synthetic designation organisations are evaluated at.
pub fn designation_as_of() -> Instant {
    Day(chrono::NaiveDate::from_ymd_opt(2026, 5, 15).unwrap_or_default()).start()
}

/// `employees` people with about `per_person` achievements of the designations snapshot
/// each, passed on days of 2024-2026 (as Learn and the Trainings export date them), and a
/// year of every figure.
pub fn synthetic_designation_org(
    spp: &crate::model::spp_def::SppCatalog,
    employees: usize,
    per_person: usize,
    seed: u64,
) -> Org {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut org = Org::new(
        &format!("Synthetic designations {employees}"),
        Market::Developed,
    );
    let base = Day::ymd(2024, 6, 1).unwrap_or(Day(chrono::NaiveDate::MIN));
    for i in 0..employees {
        let id = format!("e{i:06}");
        let mut e = Employee::new(&id, &format!("Employee {i}"), &format!("{id}@example.com"));
        e.associated_on = Some(base.add_days(rng.random_range(0..300)).start());
        if rng.random_ratio(3, 100) {
            e.left_on = Some(base.add_days(rng.random_range(500..800)).start());
        }
        let n = rng.random_range(per_person / 2..=per_person + per_person / 2);
        for _ in 0..n {
            let c = &spp.credentials[rng.random_range(0..spp.credentials.len())];
            let passed = base.add_days(rng.random_range(0..700));
            let mut a = Achievement::new(&c.id, passed.start());
            a.expires_on = Some(passed.add_days(365));
            e.achievements.push(a);
        }
        org.employees.push(e);
    }
    let mut month = Day::ymd(2025, 5, 31).unwrap_or(base);
    for _ in 0..12 {
        for f in &spp.figures {
            let value = match f.unit {
                crate::model::spp_def::FigureUnit::Flag => f64::from(rng.random_range(0..2u8)),
                _ => f64::from(rng.random_range(0..200_000u32)) / 10.0,
            };
            org.performance.push(PerformanceEntry {
                metric: f.id.clone(),
                value,
                period_end: month,
                association: None,
                licence: None,
                track: None,
            });
        }
        month = month.add_days(1).add_months(1).add_days(-1);
    }
    org
}
