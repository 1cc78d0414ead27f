//! The Trainings reader on small inline exports.

use super::*;

#[test]
fn dates_follow_the_file_order_never_a_guess() {
    let t = parse_export_instant("25/12/2018 23:07", DateOrder::DayFirst).unwrap();
    assert_eq!(t.rfc3339(), "2018-12-25T23:07:00Z");
    assert!(parse_export_instant("25/12/2018 23:07", DateOrder::MonthFirst).is_none());
    assert_eq!(
        parse_export_instant("03/04/18", DateOrder::MonthFirst)
            .unwrap()
            .rfc3339(),
        "2018-03-04T00:00:00Z"
    );
    assert_eq!(
        parse_export_instant("2018-12-25  23:07:22", DateOrder::DayFirst)
            .unwrap()
            .rfc3339(),
        "2018-12-25T23:07:22Z"
    );
    // The export's own layout, read digit by digit, agrees with the general reader.
    let read = |s: &str, order| parse_export_instant(s, order).map(|t| t.rfc3339());
    assert_eq!(
        read("25/12/2018 23:07:45", DateOrder::DayFirst).as_deref(),
        Some("2018-12-25T23:07:45Z")
    );
    assert_eq!(
        read("12/25/2018 23:07", DateOrder::MonthFirst).as_deref(),
        Some("2018-12-25T23:07:00Z")
    );
    assert_eq!(
        read(" 5/12/2018 23:07 ", DateOrder::DayFirst).as_deref(),
        Some("2018-12-05T23:07:00Z"),
        "one-digit day: the general reader"
    );
    for bad in [
        "31/02/2018 10:00",
        "25/12/2018 24:00",
        "25/12/2018 23:07:60",
        "25/1a/2018 23:07",
        "25/12/2018T23:07",
    ] {
        assert_eq!(read(bad, DateOrder::DayFirst), None, "{bad}");
    }
}

#[test]
fn titles_map_by_exam_number_then_unique_title() {
    let catalog = crate::io::catalog_file::default_catalog();
    let m = TitleMap::new(&catalog);
    assert_eq!(
        m.map("Exam 70-535: Architecting Microsoft Azure Solutions")
            .as_deref(),
        Some("70-535")
    );
    assert_eq!(m.map("MCSA: Office 365").as_deref(), Some("MCSA-Office365"));
    assert_eq!(m.map("Exam AZ-103: Microsoft Azure Administrator"), None);
    assert_eq!(
        m.map("Architecting Microsoft Azure Solutions"),
        None,
        "two credentials share it"
    );
    assert_eq!(
        m.map("Enabling Services for Microsoft Office 365")
            .as_deref(),
        Some("70-347")
    );
    assert_eq!(
        m.map("Exam MB2-716 – Customization").as_deref(),
        Some("MB2-716")
    );
}

#[test]
fn designation_certifications_map_by_title_and_merge_per_person() {
    let catalog = crate::io::catalog_file::default_catalog();
    let m = TitleMap::new(&catalog);
    for (title, id) in [
        (
            "Microsoft Certified: Azure Administrator Associate",
            "AZ-104",
        ),
        ("azure administrator associate", "AZ-104"),
        // An alias, and the prefix on the catalog's side too.
        ("Microsoft Certified: Data Analyst Associate", "PL-300"),
        ("GitHub Certified: GitHub Copilot", "GH-300"),
        ("GitHub Copilot", "GH-300"),
    ] {
        assert_eq!(m.certification(title).as_deref(), Some(id), "{title}");
    }
    let header = "TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,Month,IcMCP,MCPID,MPNId,PartnerName,PartnerCityLocation,PartnerCountryLocation,ExpirationDate,ActivationStatus";
    let rows = [
        "1,Microsoft Certified: Azure Administrator Associate,Certification,Anna,Rossi,a@x.it,,10/03/2025 10:00,Mar-25,1,111,9,Contoso,Milano,Italy,10/03/2026 10:00,Active",
        "2,Azure Administrator Associate,Certification,Anna,Rossi,a@x.it,,05/02/2026 09:00,Feb-26,1,111,9,Contoso,Milano,Italy,10/03/2027 10:00,Active",
        "3,Microsoft 365 Certified: Enterprise Administrator Expert,Certification,Anna,Rossi,a@x.it,,01/04/2025 09:00,Apr-25,1,111,9,Contoso,Milano,Italy,,Active",
    ];
    let c = checked(header, &rows, "Contoso");
    assert!(
        c.errors.is_empty() && c.unmapped.is_empty(),
        "{:?} {:?}",
        c.errors,
        c.unmapped
    );
    let az104: Vec<_> = c
        .found
        .iter()
        .filter(|f| f.credential == "AZ-104")
        .collect();
    assert_eq!(az104.len(), 1, "a renewal row merges into the first pass");
    assert_eq!(az104[0].passed_on.day(), Day::parse("2025-03-10").unwrap());
    assert_eq!(az104[0].expires_on, Day::parse("2027-03-10").ok());
    let ms102 = c.found.iter().find(|f| f.credential == "MS-102").unwrap();
    assert_eq!(ms102.expires_on, None);
}

#[test]
fn people_match_by_mcpid_then_email_in_any_case_and_months_are_checked() {
    let header = "TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,Month,MCPID";
    let rows = [
        // Two rows of one MCPID with different addresses; the second Month is wrong.
        "Exam 70-535: x,Exam,Anna,Rossi,Anna.Rossi@X.it,,10/03/2018 10:00,mar-18,111",
        "Exam 70-533: x,Exam,,,anna@contoso.it,ANNA.ROSSI@x.it,11/04/2018 10:00,Mar-18,111",
        // No MCPID: the same person by email, whatever its case.
        "Exam 70-535: x,Exam,Èva,Bianchi,ÈVA@x.it,,01/02/2019 08:00,Feb-19,",
        "Exam 70-533: x,Exam,,,èva@X.IT,,01/01/2019 08:00,Jan-2019,",
    ];
    let c = checked(header, &rows, "");
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let keys: Vec<(String, &[String], &str)> = c
        .individuals
        .iter()
        .map(|p| (p.key(), p.emails.as_slice(), p.first_name.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            (
                "mcpid:111".to_string(),
                &["anna.rossi@x.it".to_string(), "anna@contoso.it".into()][..],
                "Anna"
            ),
            ("èva@x.it".into(), &["èva@x.it".to_string()][..], "Èva"),
        ]
    );
    assert_eq!(
        c.individuals[1].first_completion,
        parse_export_instant("01/01/2019 08:00", DateOrder::DayFirst).unwrap()
    );
    let months: Vec<usize> = c
        .warnings
        .iter()
        .filter(|w| w.code == "month_mismatch")
        .map(|w| w.line)
        .collect();
    assert_eq!(months, [3, 5], "{:?}", c.warnings);
}

#[test]
fn a_later_row_adds_a_name_or_an_address_the_first_rows_lacked() {
    let header = "TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,MCPID";
    let rows = [
        "Exam 70-533,Exam,,,a@x.it,,01/02/2018 10:00,0042",
        "Exam 70-533,Exam,,,a@x.it,,01/03/2018 10:00,0042",
        "Exam 70-533,Exam,Anna,Rossi,a@x.it,,01/01/2018 10:00,0042",
        "Exam 70-533,Exam,Anna,Verdi,a@x.it,,01/04/2018 10:00,0042",
        "Exam 70-533,Exam,Anna,Bianchi,A@X.it,anna@contoso.it,01/05/2018 10:00,0042",
        "Exam 70-533,Exam,Bea,,b@x.it,,01/05/2018 10:00,77",
        "Exam 70-533,Exam,Bea,,b@x.it,,01/05/2017 10:00,77",
    ];
    let c = checked(header, &rows, "");
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let people: Vec<(String, &[String], &str, &str, String)> = c
        .individuals
        .iter()
        .map(|p| {
            let first = p.first_completion.rfc3339();
            (p.key(), &p.emails[..], &*p.first_name, &*p.last_name, first)
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "mcpid:0042".to_string(),
                &["a@x.it".to_string(), "anna@contoso.it".into()][..],
                "Anna",
                "Rossi",
                "2018-01-01T10:00:00Z".to_string()
            ),
            (
                "mcpid:77".into(),
                &["b@x.it".to_string()][..],
                "Bea",
                "",
                "2017-05-01T10:00:00Z".into()
            ),
        ]
    );
}

/// A Trainings export of `header` and `rows`, checked on 2026-05-15 for the partner
/// `org_name` (`""`: any).
fn checked(header: &str, rows: &[&str], org_name: &str) -> AchievementsCheck {
    let catalog = crate::io::catalog_file::default_catalog();
    let csv = format!("{header}\n{}\n", rows.join("\n"));
    let today = Day::parse("2026-05-15").unwrap();
    check_trainings(
        csv.as_bytes(),
        &catalog,
        DateOrder::DayFirst,
        org_name,
        today,
    )
}
