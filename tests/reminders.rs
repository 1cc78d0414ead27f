//! Reminders and their .ics file (parsed back with an independent iCalendar parser).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;
use attain::eval::reminders::{reminders, to_ics};
use attain::model::{Achievement, Tier};
use common::{catalog, t};

fn org() -> attain::model::Org {
    let mut e = common::ex()
        .membership(Tier::Silver, "2018-01-10")
        .metric("azure_consumption_usd", 20000.0)
        .person("p1", &[]);
    e.emp("p1")
        .achievements
        .push(Achievement::new("70-534", t("2017-06-01")));
    e.org
}

#[test]
fn stages_before_a_credential_stops_counting_and_around_the_anniversary() {
    let list = reminders(catalog(), &org(), t("2018-06-01")).unwrap();
    let dues: Vec<(String, &str)> = list.iter().map(|r| (r.due.to_string(), r.kind())).collect();
    // 70-534 counts through 2018-12-31: 180, 90, 30 and 7 days before it stops.
    for due in ["2018-07-05", "2018-10-03", "2018-12-02", "2018-12-25"] {
        assert!(
            dues.contains(&(due.to_string(), "credential_expiring")),
            "{due}: {dues:?}"
        );
    }
    // Anniversary 2019-01-10: 15 days before, 23 days after.
    assert!(dues.contains(&("2018-12-26".into(), "renewal_before")));
    assert!(dues.contains(&("2019-02-02".into(), "renewal_after")));
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(
        dues.iter().map(|d| &d.0).collect::<Vec<_>>(),
        sorted.iter().map(|d| &d.0).collect::<Vec<_>>()
    );
    // Past stages are not repeated.
    let later = reminders(catalog(), &org(), t("2018-11-01")).unwrap();
    assert!(
        later
            .iter()
            .all(|r| r.due.to_string().as_str() >= "2018-11-01")
    );
}

#[test]
fn the_ics_file_parses_with_an_independent_parser() {
    let list = reminders(catalog(), &org(), t("2018-06-01")).unwrap();
    let ics = to_ics(&org(), &list, |r| r.message());
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser.next().unwrap().unwrap();
    assert_eq!(cal.events.len(), list.len());
    let starts: Vec<String> = cal
        .events
        .iter()
        .filter_map(|e| {
            e.properties
                .iter()
                .find(|p| p.name == "DTSTART")
                .and_then(|p| p.value.clone())
        })
        .collect();
    assert!(starts.contains(&"20181003".to_string()), "{starts:?}");
    let uids: std::collections::HashSet<String> = cal
        .events
        .iter()
        .filter_map(|e| {
            e.properties
                .iter()
                .find(|p| p.name == "UID")
                .and_then(|p| p.value.clone())
        })
        .collect();
    assert_eq!(uids.len(), list.len(), "stable, distinct ids");
}

#[test]
fn the_cli_writes_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("o.org.ron");
    std::fs::write(&path, attain::io::org_file::org_to_string(&org())).unwrap();
    let ics = dir.path().join("r.ics");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_attain"))
        .args([
            "reminders",
            path.to_str().unwrap(),
            "--as-of",
            "2018-06-01",
            "--ics",
            ics.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(j["reminders"].as_array().unwrap().len() >= 6);
    assert!(
        std::fs::read_to_string(&ics)
            .unwrap()
            .contains("BEGIN:VEVENT")
    );
}
