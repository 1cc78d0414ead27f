//! The performance series: figures filtered by licence and association, summed per period
//! end, aged out after the trailing twelve months (domain.md §4).
#![allow(clippy::unwrap_used)]

use attain::eval::perf::Series;
use attain::model::{AssociationType, Day, Instant, Licence, Market, Org, PerformanceEntry};

fn entry(
    value: f64,
    end: &str,
    licence: Option<Licence>,
    association: Option<AssociationType>,
) -> PerformanceEntry {
    PerformanceEntry {
        metric: "ems_active_entitlements".into(),
        value,
        period_end: Day::parse(end).unwrap(),
        association,
        licence,
        track: None,
    }
}

#[test]
fn filters_sum_and_window() {
    let catalog = attain::io::catalog_file::default_catalog();
    let mut org = Org::new("x", Market::Developed);
    org.performance = vec![
        entry(400.0, "2018-05-31", Some(Licence::Paid), None),
        entry(200.0, "2018-05-31", Some(Licence::Trial), None),
        entry(300.0, "2018-05-31", None, Some(AssociationType::Cpor)),
        entry(100.0, "2018-05-31", Some(Licence::Paid), None),
        entry(900.0, "2017-01-31", None, None),
    ];
    let idx = catalog
        .metrics
        .iter()
        .position(|m| m.id == "ems_active_entitlements")
        .unwrap();
    let s = &Series::build(&catalog, &org)[idx];
    assert_eq!(s.actual(Instant::parse("2018-06-01").unwrap(), 12), 500.0);
    assert_eq!(
        s.actual(Instant::parse("2018-05-30").unwrap(), 12),
        0.0,
        "2017-01-31 is too old"
    );
    assert_eq!(s.actual(Instant::parse("2017-06-01").unwrap(), 12), 900.0);
    assert_eq!(s.actual(Instant::parse("2019-05-31").unwrap(), 12), 500.0);
    assert_eq!(s.actual(Instant::parse("2019-06-01").unwrap(), 12), 0.0);
}
