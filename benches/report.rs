//! The award summary of a 1,000-employee synthetic organisation: evaluation, data, typst
//! layout and PDF writing (target ≤ 1 s).

use attain::i18n::{Lang, Tr};
use attain::io::catalog_file::default_catalog;
use attain::model::synth::{as_of, synthetic_org};
use attain::report::{AwardRequest, award_pdf};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let catalog = default_catalog();
    let org = synthetic_org(&catalog, 1_000, 20, 42);
    let t = as_of();
    let tr = Tr::new(Lang::It);
    let req = AwardRequest::default();
    // The first render is cold: no typst cache, fonts not yet parsed.
    let started = std::time::Instant::now();
    let pdf = award_pdf(&catalog, &org, t, &req, &tr, None).unwrap_or_default();
    println!(
        "award summary, 1,000 employees: {} bytes, first (cold) render {:?}",
        pdf.len(),
        started.elapsed()
    );
    let mut group = c.benchmark_group("report");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("award_pdf_1000", |b| {
        b.iter(|| black_box(award_pdf(&catalog, &org, t, &req, &tr, None).map(|p| p.len())))
    });
    let profile = AwardRequest {
        profile: true,
        ..AwardRequest::default()
    };
    group.bench_function("profile_pdf_1000", |b| {
        b.iter(|| black_box(award_pdf(&catalog, &org, t, &profile, &tr, None).map(|p| p.len())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
