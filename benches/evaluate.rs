//! Evaluation speed on seeded synthetic organisations (~20 achievements per employee).
//!
//! `cargo bench --bench evaluate`; the figures are in the README.

use attain::eval::{Engine, evaluate};
use attain::io::catalog_file::default_catalog;
use attain::model::Achievement;
use attain::model::synth::{as_of, synthetic_org};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let catalog = default_catalog();
    let t = as_of();
    let mut group = c.benchmark_group("evaluate");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for n in [1_000usize, 10_000, 100_000] {
        let org = synthetic_org(&catalog, n, 20, 42);
        group.bench_function(format!("full_{n}"), |b| {
            b.iter(|| black_box(evaluate(&catalog, &org, t).map(|r| r.competencies.len())))
        });
    }
    let org = synthetic_org(&catalog, 10_000, 20, 42);
    // The same without the designations snapshot: what scoring the designations adds.
    let mut legacy = catalog.clone();
    legacy.designations = None;
    group.bench_function("full_10000_without_designations", |b| {
        b.iter(|| black_box(evaluate(&legacy, &org, t).map(|r| r.competencies.len())))
    });
    let engine = Engine::new(&catalog, &org).unwrap_or_else(|e| panic!("{e}"));
    let victim = org.employees[4_321].id.clone();
    group.bench_function("reevaluate_after_one_achievement_10000", |b| {
        b.iter_batched_ref(
            || {
                // A prepared engine that has already shown the report, as in the window.
                let engine = Engine::new(&catalog, &org).unwrap_or_else(|e| panic!("{e}"));
                black_box(engine.report(t));
                engine
            },
            |engine| {
                engine.add_achievement(&victim, &Achievement::new("70-533", t));
                black_box(engine.report(t).competencies.len())
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("levels_only_10000", |b| {
        b.iter(|| black_box(engine.levels_at(t)))
    });
    group.finish();

    // Beyond the portal, on the same 10k organisation.
    let mut group = c.benchmark_group("forward");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6));
    let leave = [attain::eval::whatif::Change::Leave {
        employee: org.employees[17].id.clone(),
        at: None,
    }];
    group.bench_function("whatif_leaver_10000", |b| {
        b.iter(|| {
            black_box(
                attain::eval::whatif::whatif(&catalog, &org, t, &leave).map(|w| w.changes.len()),
            )
        })
    });
    let end = attain::model::Instant::from_secs(t.secs() + 730 * 86_400);
    group.bench_function("timeline_24_months_10000", |b| {
        b.iter(|| {
            black_box(attain::eval::timeline::timeline(&catalog, &org, t, end).map(|e| e.len()))
        })
    });
    group.bench_function("risk_10000", |b| {
        b.iter(|| black_box(attain::eval::risk::risk(&catalog, &org, t).map(|r| r.people.len())))
    });
    // Plan: the slowest competency at Gold (the one not already met whose plan takes longest).
    let plan = |id: &str| {
        attain::eval::plan::plan(&catalog, &org, id, attain::eval::LevelName::Gold, t)
            .map(|p| p.actions.len())
    };
    let slowest = catalog
        .competencies
        .iter()
        .filter(|c| plan(&c.id).is_ok())
        .max_by_key(|c| {
            let started = std::time::Instant::now();
            black_box(plan(&c.id)).ok();
            started.elapsed()
        })
        .map(|c| c.id.clone())
        .unwrap_or_default();
    println!(
        "plan: slowest competency {slowest}, {:?} actions",
        plan(&slowest)
    );
    group.bench_function("plan_slowest_gold_10000", |b| {
        b.iter(|| black_box(plan(&slowest)))
    });
    // A competency mostly lost: its credentials kept by one person in 1,500 only, so every
    // person is a candidate for a pass and the groups are many.
    let mut short = org.clone();
    let comp = &catalog.competencies[13];
    let listed: Vec<&str> = comp.listed();
    for (i, e) in short.employees.iter_mut().enumerate() {
        if i % 1500 != 0 {
            e.achievements
                .retain(|a| !listed.contains(&a.credential.as_str()));
        }
    }
    let short_plan = || {
        attain::eval::plan::plan(&catalog, &short, &comp.id, attain::eval::LevelName::Gold, t)
            .map(|p| p.actions.len())
    };
    println!("plan: {} mostly lost, {:?} actions", comp.id, short_plan());
    group.bench_function("plan_mostly_lost_gold_10000", |b| {
        b.iter(|| black_box(short_plan()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
