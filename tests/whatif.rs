//! What-if: a leaver's what-if equals the evaluation without that person; hires and added
//! credentials count at once; the CLI prints the contract's JSON.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;
use attain::eval::Engine;
use attain::eval::whatif::{Change, whatif};
use attain::io::demo::DEMO_ORG;
use attain::io::org_file::parse_org;
use common::{catalog, t};

#[test]
fn a_leavers_what_if_equals_the_organisation_without_them() {
    let org = parse_org(DEMO_ORG, "demo", catalog()).unwrap();
    let at = t("2026-11-25");
    for e in &org.employees {
        let w = whatif(
            catalog(),
            &org,
            at,
            &[Change::Leave {
                employee: e.id.clone(),
                at: None,
            }],
        )
        .unwrap();
        let mut without = org.clone();
        without.employees.retain(|x| x.id != e.id);
        let levels = Engine::new(catalog(), &without).unwrap().levels_at(at);
        let expected: Vec<_> = catalog()
            .competencies
            .iter()
            .map(|c| c.id.clone())
            .zip(levels)
            .collect();
        for (id, level) in expected {
            assert_eq!(w.after[&id], level, "{} leaving: {id}", e.id);
        }
        for c in &w.changes {
            assert!(c.to < c.from && c.because.contains(&e.id), "{c:?}");
        }
    }
}

#[test]
fn hires_and_added_credentials_count_at_once() {
    let org = common::ex()
        .person("p1", &["70-533"])
        .metric("azure_consumption_usd", 250000.0)
        .org;
    let hire = Change::parse("hire", "Ada Lovelace:TA-CloudPlatform").unwrap();
    let w = whatif(catalog(), &org, t("2018-06-01"), &[hire]).unwrap();
    assert_eq!(w.changes.len(), 1);
    assert_eq!(w.changes[0].competency, "cloud-platform");
    assert!(w.changes[0].because.contains("hiring Ada Lovelace"));
    let with_p2 = common::Ex { org: org.clone() }.person("p2", &[]).org;
    let add = Change::parse("add", "p2:TA-CloudPlatform@2018-06-01").unwrap();
    // Evaluated at the later date the change names, and counted at once.
    let w = whatif(catalog(), &with_p2, t("2018-05-01"), &[add]).unwrap();
    assert_eq!(
        (w.before["cloud-platform"], w.after["cloud-platform"]),
        (
            attain::eval::LevelName::Silver,
            attain::eval::LevelName::Gold
        )
    );
    let metric = Change::parse("metric", "azure_consumption_usd=1000").unwrap();
    let w = whatif(catalog(), &org, t("2018-06-01"), &[metric]).unwrap();
    assert_eq!(w.after["cloud-platform"], attain::eval::LevelName::None);
    assert!(Change::parse("metric", "x=abc").is_err());
    assert!(
        whatif(
            catalog(),
            &org,
            t("2018-06-01"),
            &[Change::parse("lapse", "nobody:70-533").unwrap()]
        )
        .is_err()
    );
}

#[test]
fn the_cli_prints_before_after_and_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.org.ron");
    std::fs::write(&path, DEMO_ORG).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_attain"))
        .args([
            "whatif",
            path.to_str().unwrap(),
            "--as-of",
            "2026-11-25",
            "--leave",
            "francesco.bruno@2026-12-01",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["before"]["data-platform"], "silver");
    assert_eq!(
        j["after"]["data-platform"], "none",
        "evaluated at the later date named in the change"
    );
    let change = j["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competency"] == "data-platform")
        .unwrap()
        .clone();
    assert_eq!(
        (change["from"].as_str(), change["to"].as_str()),
        (Some("silver"), Some("none"))
    );
    assert!(
        change["because"]
            .as_str()
            .unwrap()
            .contains("francesco.bruno leaves on 2026-12-01")
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(["whatif", path.to_str().unwrap(), "--add", "nobody:70-533"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn risk_lists_exactly_the_people_whose_leaving_lowers_a_level() {
    let org = parse_org(DEMO_ORG, "demo", catalog()).unwrap();
    let at = t("2026-11-25");
    let r = attain::eval::risk::risk(catalog(), &org, at).unwrap();
    for e in &org.employees {
        let w = whatif(
            catalog(),
            &org,
            at,
            &[Change::Leave {
                employee: e.id.clone(),
                at: None,
            }],
        )
        .unwrap();
        let listed = r.people.iter().find(|p| p.employee == e.id);
        match listed {
            Some(p) => {
                let ids: Vec<&str> = p.competencies.iter().map(|d| d.id.as_str()).collect();
                let changed: Vec<&str> = w.changes.iter().map(|c| c.competency.as_str()).collect();
                assert_eq!(ids, changed, "{}", e.id);
            }
            None => assert!(
                w.changes.is_empty(),
                "{} is missing from the risk list: {:?}",
                e.id,
                w.changes
            ),
        }
    }
    let francesco = r
        .people
        .iter()
        .find(|p| p.employee == "francesco.bruno")
        .unwrap();
    assert_eq!(francesco.competencies[0].id, "data-platform");
    assert_eq!(r.bus_factor["data-platform"], 1);
    assert_eq!(
        r.bus_factor["messaging"], 1,
        "any of the four lowers Gold to Silver"
    );
    assert_eq!(
        r.bus_factor["cloud-platform"], 2,
        "three qualify for the two Gold slots"
    );
    assert!(
        !r.bus_factor.contains_key("data-analytics"),
        "held by an override"
    );
    assert!(!r.bus_factor.contains_key("communications"), "not held");
}

#[test]
fn certified_but_not_credited_says_what_association_would_add() {
    let org = parse_org(DEMO_ORG, "demo", catalog()).unwrap();
    let people =
        attain::eval::whatif::certified_not_credited(catalog(), &org, t("2026-11-25")).unwrap();
    let giulia = people
        .iter()
        .find(|p| p.employee == "giulia.esposito")
        .unwrap();
    assert_eq!(giulia.reason, "not_associated");
    assert_eq!(
        giulia.credentials,
        vec!["70-532".to_string(), "TA-AzureAppDev".into()]
    );
    let lukasz = people
        .iter()
        .find(|p| p.employee == "lukasz.wisniewski")
        .unwrap();
    assert_eq!(lukasz.reason, "dissociated");
    assert!(
        people.iter().all(|p| p.employee != "luca.colombo"),
        "a leaver is not waiting for an association"
    );
    // E7: p1 waits for the 24 hours; associating now brings Cloud Platform to Silver.
    let mut e = common::ex().person("p1", &["70-533"]).metric_at(
        "azure_consumption_usd",
        15000.0,
        "2018-04-30",
    );
    e.emp("p1").associated_on = Some(t("2018-05-01T10:00:00Z"));
    let people =
        attain::eval::whatif::certified_not_credited(catalog(), &e.org, t("2018-05-02T09:59:59Z"))
            .unwrap();
    assert_eq!(people[0].reason, "sync_delay");
    assert!(
        people[0]
            .would_add
            .iter()
            .any(|c| c.competency == "cloud-platform" && c.to == attain::eval::LevelName::Silver)
    );
}
