//! The Trainings fixtures (and their TSV twin, and the third-party sample) give the outcome
//! their README states; E29 and E30 of domain.md.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::io::catalog_file::default_catalog;
use attain::io::trainings::{DateOrder, check_credly, check_trainings};
use attain::model::Day;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/fixtures")
            .join(name),
    )
    .unwrap()
}

fn today() -> Day {
    Day::parse("2021-10-01").unwrap()
}

#[test]
fn trainings_sample_csv_and_tsv() {
    let catalog = default_catalog();
    let mut results = Vec::new();
    for name in [
        "trainings/trainings-sample.csv",
        "trainings/trainings-sample.tsv",
    ] {
        let c = check_trainings(
            &fixture(name),
            &catalog,
            DateOrder::DayFirst,
            "Contoso Italia S.r.l.",
            today(),
        );
        assert!(c.file_error.is_none(), "{name}: {:?}", c.file_error);
        assert_eq!(
            (c.data_rows, c.errors.len(), c.individuals.len(), c.skipped),
            (40, 0, 15, 2),
            "{name}"
        );
        assert!(c.warnings.is_empty(), "{name}: {:?}", c.warnings);
        // E29: Lucía's 70-535 and Gianluca's MCSA: Office 365; AZ-103 and a role-based title unmapped.
        let lucia = c
            .individuals
            .iter()
            .position(|p| p.mcpid.as_deref() == Some("9876512"))
            .unwrap();
        let f = c
            .found
            .iter()
            .find(|f| f.individual == lucia && f.credential == "70-535")
            .unwrap();
        assert_eq!(f.passed_on.rfc3339(), "2018-02-19T14:12:00Z");
        let gianluca = c
            .individuals
            .iter()
            .position(|p| p.mcpid.as_deref() == Some("15320044"))
            .unwrap();
        assert!(
            c.found
                .iter()
                .any(|f| f.individual == gianluca && f.credential == "MCSA-Office365")
        );
        assert!(c.unmapped.iter().any(|(_, t)| t.starts_with("Exam AZ-103")));
        // One MCPID with two addresses is one individual.
        let niccolo = c
            .individuals
            .iter()
            .find(|p| p.mcpid.as_deref() == Some("11023487"))
            .unwrap();
        assert!(
            niccolo
                .emails
                .contains(&"niccolo.bianchi@outlook.com".to_string())
        );
        results.push((c.found.clone(), c.unmapped.len(), c.individuals.clone()));
    }
    assert_eq!(results[0], results[1], "the TSV twin gives the same result");
}

#[test]
fn third_party_sample() {
    let catalog = default_catalog();
    let c = check_trainings(
        &fixture("third-party/Export_trainings_Lifetime_123456_Contoso_Ltd.csv"),
        &catalog,
        DateOrder::DayFirst,
        "Contoso Ltd",
        today(),
    );
    assert_eq!(
        (c.data_rows, c.errors.len(), c.individuals.len()),
        (160, 0, 42)
    );
    assert!(c.warnings.is_empty(), "{:?}", c.warnings.first());
    // Role-based certifications are not in the 2018 catalog; those the designations list
    // map by title (designations.md §4.4), one achievement per person and certification.
    let unmapped: std::collections::BTreeSet<&str> =
        c.unmapped.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!((c.found.len(), c.unmapped.len()), (110, 50));
    assert_eq!(
        unmapped.into_iter().collect::<Vec<_>>(),
        [
            "Azure Data Engineer Associate",
            "Messaging Administrator Associate",
            "Power Platform App Maker Associate",
            "Security Administrator Associate",
            "Teamwork Administrator Associate"
        ],
        "retired certifications no designation lists"
    );
    // The export's ExpirationDate is kept as the achievement's expiry.
    assert!(c.found.iter().all(|f| f.expires_on.is_some()));
    assert!(c.found.iter().any(|f| f.credential == "AZ-104"));
    let other = check_trainings(
        &fixture("third-party/Export_trainings_Lifetime_123456_Contoso_Ltd.csv"),
        &catalog,
        DateOrder::DayFirst,
        "Contoso Italia S.r.l.",
        today(),
    );
    assert_eq!(
        other
            .warnings
            .iter()
            .filter(|w| w.code == "other_partner")
            .count(),
        1
    );
    let wrong = check_trainings(
        &fixture("third-party/Export_trainings_Lifetime_123456_Contoso_Ltd.csv"),
        &catalog,
        DateOrder::MonthFirst,
        "Contoso Ltd",
        today(),
    );
    assert!(
        !wrong.errors.is_empty(),
        "month-first makes day > 12 invalid, never guessed"
    );
    assert!(wrong.errors.iter().all(|e| e.code == "invalid_date"));
}

#[test]
fn e30_credly_row() {
    let csv = "Badge Template ID,Recipient Email,First Name,Last Name,Issued at,Expiration Date\nabc-123,ann@contoso.it,Ann,Lee,03/04/18,03/04/21\nzzz,bo@contoso.it,Bo,Li,01/02/18,\n";
    let mapping = [("abc-123".to_string(), "PSM-I".to_string())]
        .into_iter()
        .collect();
    let c = check_credly(csv.as_bytes(), &mapping);
    assert_eq!(c.found.len(), 1);
    assert_eq!(c.found[0].credential, "PSM-I");
    assert_eq!(c.found[0].passed_on.rfc3339(), "2018-03-04T00:00:00Z");
    assert_eq!(c.found[0].expires_on.unwrap().to_string(), "2021-03-04");
    assert_eq!(
        c.individuals[c.found[0].individual].emails,
        vec!["ann@contoso.it".to_string()]
    );
    assert_eq!(c.unmapped, vec![(3, "zzz".to_string())]);
}
