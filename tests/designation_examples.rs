//! The worked examples D1–D15 of designations.md §8, each written as an org file and run
//! through `attain eval --format json`, as a test outside the project would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use serde_json::Value;
use std::fmt::Write;
use std::process::Output;

mod common;

/// `attain eval FILE ARGS…` on `text` written as `name` in a fresh folder.
fn eval_file(name: &str, text: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let mut all = vec!["eval", path.to_str().unwrap()];
    all.extend_from_slice(args);
    common::cli::attain(&all)
}

const AS_OF: &str = "2026-05-15T00:00:00Z";

/// An organisation in the examples' defaults: associated 2025-01-01, passed 2025-06-01,
/// figures for 2026-04-30 without a track.
#[derive(Default, Clone)]
struct Org {
    people: Vec<String>,
    figures: Vec<String>,
}

impl Org {
    /// A person holding `creds` with the defaults.
    fn person(self, id: &str, creds: &[&str]) -> Self {
        let achievements: Vec<String> = creds
            .iter()
            .map(|c| format!("(credential: \"{c}\", passed_on: \"2025-06-01T00:00:00Z\")"))
            .collect();
        self.raw_strings(
            id,
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            achievements,
        )
    }

    /// Adds a person, or replaces the one with that id.
    fn raw_strings(mut self, id: &str, fields: &str, achievements: Vec<String>) -> Self {
        let written = person(id, fields, &achievements);
        let key = format!("(id: \"{id}\",");
        match self.people.iter_mut().find(|p| p.starts_with(&key)) {
            Some(p) => *p = written,
            None => self.people.push(written),
        }
        self
    }

    /// Several people holding the same credentials.
    fn people(mut self, ids: &[&str], creds: &[&str]) -> Self {
        for id in ids {
            self = self.person(id, creds);
        }
        self
    }

    /// A person written out: `fields` (association, leaving) and achievements as RON.
    fn raw(self, id: &str, fields: &str, achievements: &[&str]) -> Self {
        let a: Vec<String> = achievements.iter().map(|s| s.to_string()).collect();
        self.raw_strings(id, fields, a)
    }

    fn figure(self, metric: &str, value: f64) -> Self {
        self.figure_at(metric, value, "2026-04-30", None)
    }

    fn figure_at(mut self, metric: &str, value: f64, end: &str, track: Option<&str>) -> Self {
        let track = track.map_or(String::new(), |t| format!(", track: Some({t})"));
        self.figures.push(format!(
            "(metric: \"{metric}\", value: {value:?}, period_end: \"{end}\"{track})"
        ));
        self
    }

    fn ron(&self) -> String {
        let mut s = String::from(
            "(\n    format: \"attain-org/1\",\n    name: \"Example\",\n    market: Developed,\n    employees: [\n",
        );
        for p in &self.people {
            writeln!(s, "        {p},").unwrap();
        }
        s.push_str("    ],\n    performance: [\n");
        for f in &self.figures {
            writeln!(s, "        {f},").unwrap();
        }
        s.push_str("    ],\n)\n");
        s
    }

    fn eval(&self, as_of: &str) -> Value {
        let out = eval_file(
            "example.org.ron",
            &self.ron(),
            &["--as-of", as_of, "--format", "json"],
        );
        assert!(
            out.status.success(),
            "{}\n{}",
            String::from_utf8_lossy(&out.stderr),
            self.ron()
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

fn person(id: &str, fields: &str, achievements: &[String]) -> String {
    format!(
        "(id: \"{id}\", display_name: \"{id}\", email: \"{id}@example.com\", {fields}, achievements: [{}])",
        achievements.join(", ")
    )
}

fn designation<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["designations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no designation {id}"))
}

fn metric<'a>(d: &'a Value, track: &str, id: &str) -> &'a Value {
    d["tracks"][track]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no metric {id}"))
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

fn alerts<'a>(r: &'a Value, code: &str) -> Vec<&'a Value> {
    r["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["code"] == code)
        .collect()
}

fn d1() -> Org {
    Org::default()
        .figure("azure_net_customer_adds", 3.0)
        .figure("azure_acr_usd", 120000.0)
        .figure("azure_acr_baseline_usd", 100000.0)
        .figure("azure_deployments", 5.0)
        .person("p1", &["AZ-104", "AZ-305"])
        .person("p2", &["AZ-305"])
        .people(&["p3", "p4", "p5", "p6", "p7"], &["AZ-140"])
        .people(&["p8", "p9"], &["AZ-700"])
}

#[test]
fn d1_a_gate_not_met() {
    let r = d1().eval(AS_OF);
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(d["track"], "enterprise");
    assert_eq!(f(&d["total"]), 80.0);
    assert_eq!(
        (
            d["threshold_met"].as_bool(),
            d["all_metrics_positive"].as_bool()
        ),
        (Some(true), Some(false))
    );
    assert_eq!(
        (d["qualified"].as_bool(), d["attained"].as_bool()),
        (Some(false), Some(false))
    );
    let int = metric(d, "enterprise", "intermediate");
    assert_eq!(f(&int["points"]), 0.0);
    assert_eq!(ids(&int["steps"][0]["people"]), ["p1"]);
    assert_eq!(int["steps"][0]["met"], false);
    assert_eq!(
        int["missing"],
        "1 more person with one of: AZ-104 (step 1, required before points); 3 more people with one of: AZ-700, AZ-800+AZ-801 (step 2) for full points"
    );
    assert_eq!(f(&metric(d, "enterprise", "advanced")["points"]), 20.0);
    assert_eq!(f(&metric(d, "enterprise", "usage_growth")["points"]), 20.0);
    let totals: Vec<f64> = d["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| f(&h["total"]))
        .collect();
    assert_eq!(totals, [20.0, 20.0, 20.0, 20.0, 20.0, 80.0]);
    assert_eq!(f(&d["tracks"]["smb"]["total"]), 92.0);

    let r = d1().person("p2", &["AZ-305", "AZ-104"]).eval(AS_OF);
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(f(&metric(d, "enterprise", "intermediate")["points"]), 8.0);
    assert_eq!(
        (f(&d["total"]), d["qualified"].as_bool()),
        (88.0, Some(true))
    );
}

#[test]
fn d2_per_person_points_up_to_the_cap() {
    let base = Org::default().people(&["p1", "p2"], &["AZ-104"]);
    let r = base
        .clone()
        .people(&["p3", "p4", "p5", "p6", "p7", "p8"], &["AZ-204"])
        .eval(AS_OF);
    let m = metric(
        designation(&r, "digital-app-innovation-azure"),
        "enterprise",
        "intermediate",
    );
    assert_eq!((f(&m["points"]), f(&m["value"])), (20.0, 6.0));
    assert_eq!(
        ids(&m["people"]),
        ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"]
    );
    assert!(m["missing"].is_null());
    let four = base.people(&["p3", "p4", "p5", "p6"], &["AZ-204"]);
    let r = four.clone().eval(AS_OF);
    let m = metric(
        designation(&r, "digital-app-innovation-azure"),
        "enterprise",
        "intermediate",
    );
    assert_eq!(f(&m["points"]), 16.0);
    assert_eq!(
        m["missing"],
        "1 more person with one of: AZ-204, PL-400, AI-200, GH-600 (step 2) for full points"
    );
    let r = four.person("p1", &["AZ-104", "PL-400"]).eval(AS_OF);
    let m = metric(
        designation(&r, "digital-app-innovation-azure"),
        "enterprise",
        "intermediate",
    );
    assert_eq!(f(&m["points"]), 20.0);
}

fn d3() -> Org {
    Org::default()
        .person("p1", &["AZ-104", "AZ-700"])
        .person("p2", &["AZ-305", "AZ-140"])
        .figure("azure_net_customer_adds", 2.0)
        .figure("azure_acr_usd", 120000.0)
        .figure("azure_acr_baseline_usd", 100000.0)
        .figure("azure_deployments", 5.0)
}

#[test]
fn d3_classified_track_and_per_track_figures() {
    let r = d3().eval(AS_OF);
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(
        (
            f(&d["tracks"]["enterprise"]["total"]),
            f(&d["tracks"]["smb"]["total"])
        ),
        (50.0, 66.0)
    );
    assert_eq!(
        (
            d["track"].as_str(),
            f(&d["total"]),
            d["qualified"].as_bool()
        ),
        (Some("enterprise"), 50.0, Some(false))
    );
    let flagged = d3().figure("azure_smb_track", 1.0);
    let r = flagged.clone().eval(AS_OF);
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(
        (
            d["track"].as_str(),
            f(&d["total"]),
            d["qualified"].as_bool()
        ),
        (Some("smb"), 66.0, Some(false))
    );
    let r = flagged
        .figure_at("azure_net_customer_adds", 3.0, "2026-04-30", Some("Smb"))
        .eval(AS_OF);
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(
        (f(&d["total"]), d["qualified"].as_bool()),
        (76.0, Some(true))
    );
    assert_eq!(
        f(&metric(d, "enterprise", "net_customer_adds")["points"]),
        20.0
    );
}

#[test]
fn d4_the_higher_total_wins_even_when_it_fails() {
    let people = Org::default()
        .person("p1", &["MS-700"])
        .person("p2", &["MD-102"])
        .person("p3", &["MS-102"]);
    let r = people
        .clone()
        .figure_at(
            "mw_net_customer_adds",
            3.0,
            "2026-04-30",
            Some("Enterprise"),
        )
        .figure_at("mw_net_customer_adds", 6.0, "2026-04-30", Some("Smb"))
        .figure("mw_usage_growth_cpor", 600.0)
        .figure("mw_usage_growth_dpor", 2000.0)
        .figure("mw_deployments_cpor", 2.0)
        .figure("mw_deployments_dpor", 6.0)
        .eval(AS_OF);
    let d = designation(&r, "modern-work");
    assert_eq!(
        (
            f(&d["tracks"]["enterprise"]["total"]),
            f(&d["tracks"]["smb"]["total"])
        ),
        (57.5, 77.0)
    );
    assert_eq!(
        (d["track"].as_str(), d["qualified"].as_bool()),
        (Some("smb"), Some(true))
    );
    let r = people
        .figure_at(
            "mw_net_customer_adds",
            5.0,
            "2026-04-30",
            Some("Enterprise"),
        )
        .figure_at("mw_net_customer_adds", 0.0, "2026-04-30", Some("Smb"))
        .figure("mw_usage_growth_cpor", 500.0)
        .figure("mw_deployments_cpor", 5.0)
        .eval(AS_OF);
    let d = designation(&r, "modern-work");
    assert_eq!(
        (
            f(&d["tracks"]["enterprise"]["total"]),
            f(&d["tracks"]["smb"]["total"])
        ),
        (72.5, 80.0)
    );
    assert_eq!(
        (d["track"].as_str(), d["qualified"].as_bool()),
        (Some("smb"), Some(false))
    );
    assert_eq!(d["tracks"]["enterprise"]["qualified"], true);
}

#[test]
fn d5_one_person_in_several_steps_metrics_and_designations() {
    let r = Org::default()
        .person(
            "p1",
            &["AZ-104", "AZ-305", "AZ-700", "AZ-800+AZ-801", "AZ-204"],
        )
        .person("p2", &["AZ-104", "AZ-305"])
        .person("p3", &["SC-300", "MS-102"])
        .eval(AS_OF);
    let inf = designation(&r, "infrastructure-azure");
    let int = metric(inf, "enterprise", "intermediate");
    assert_eq!(ids(&int["steps"][0]["people"]), ["p1", "p2"]);
    assert_eq!(ids(&int["steps"][1]["people"]), ["p1"]);
    assert_eq!(f(&int["points"]), 4.0);
    assert_eq!(
        int["missing"],
        "4 more people with one of: AZ-700, AZ-800+AZ-801 (step 2) for full points"
    );
    let adv = metric(inf, "enterprise", "advanced");
    assert_eq!(
        (f(&adv["points"]), adv["steps"][0]["met"].as_bool()),
        (0.0, Some(true))
    );
    assert_eq!(
        adv["missing"],
        "5 more people with one of: AZ-140, AZ-120 (step 2) for full points"
    );
    let dai = metric(
        designation(&r, "digital-app-innovation-azure"),
        "enterprise",
        "intermediate",
    );
    assert_eq!(f(&dai["points"]), 4.0);
    let data = metric(
        designation(&r, "data-ai-azure"),
        "enterprise",
        "intermediate",
    );
    assert_eq!(f(&data["points"]), 0.0);
    assert!(
        data["missing"]
            .as_str()
            .unwrap()
            .starts_with("10 more people with one of: DP-300")
    );
    let mw = designation(&r, "modern-work");
    assert_eq!(f(&metric(mw, "enterprise", "intermediate")["points"]), 2.5);
    assert_eq!(f(&metric(mw, "smb", "intermediate")["points"]), 5.0);
    assert_eq!(f(&metric(mw, "enterprise", "advanced")["points"]), 7.5);
    assert_eq!(f(&metric(mw, "smb", "advanced")["points"]), 15.0);
    let sec = metric(designation(&r, "security"), "enterprise", "intermediate");
    assert_eq!(ids(&sec["steps"][2]["people"]), ["p3"]);
    assert_eq!(f(&sec["points"]), 0.0);
}

fn d6() -> Org {
    Org::default().people(&["p1", "p2"], &["AZ-500", "SC-200"]).raw(
        "p3",
        "associated_on: Some(\"2025-01-01T00:00:00Z\")",
        &["(credential: \"SC-100\", passed_on: \"2025-06-01T00:00:00Z\", expires_on: Some(\"2026-05-14\"))"],
    )
}

#[test]
fn d6_an_expired_certification() {
    let r = d6().eval(AS_OF);
    let m = metric(designation(&r, "security"), "enterprise", "intermediate");
    assert_eq!(f(&m["points"]), 0.0);
    let nc = &r["designation_not_credited"];
    assert_eq!(nc.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            nc[0]["employee"].as_str(),
            nc[0]["credential"].as_str(),
            nc[0]["reason"].as_str()
        ),
        (Some("p3"), Some("SC-100"), Some("expired"))
    );
    let r = d6().eval("2026-05-14T23:59:59Z");
    let m = metric(designation(&r, "security"), "enterprise", "intermediate");
    assert_eq!(f(&m["points"]), 6.67);
    assert_eq!(ids(&m["people"]), ["p1", "p2", "p3"]);
    assert_eq!(
        m["missing"],
        "5 more people with one of: SC-100, SC-300, SC-400, SC-401 (step 3) for full points"
    );
    for (as_of, expected) in [("2026-02-14T00:00:00Z", 1), ("2026-02-13T23:59:59Z", 0)] {
        let r = d6().eval(as_of);
        let a = alerts(&r, "certification_expiring");
        let p3: Vec<_> = a
            .iter()
            .filter(|a| ids(&a["employees"]) == ["p3"])
            .collect();
        assert_eq!(p3.len(), expected, "{as_of}");
        if let Some(a) = p3.first() {
            assert_eq!(ids(&a["credentials"]), ["SC-100"]);
            assert_eq!(ids(&a["designations"]), ["security"]);
            assert_eq!(a["date"], "2026-05-15");
            assert_eq!(ids(&a["competencies"]), Vec::<&str>::new());
        }
    }
}

fn d7() -> Org {
    Org::default()
        .person("p1", &["AZ-500", "SC-200"])
        .raw(
            "p2",
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            &["(credential: \"SC-400\", passed_on: \"2025-03-01T00:00:00Z\")"],
        )
        .raw(
            "p3",
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            &["(credential: \"SC-400\", passed_on: \"2025-06-10T00:00:00Z\")"],
        )
}

#[test]
fn d7_a_retired_certification_within_and_after_its_grace() {
    for as_of in [AS_OF, "2026-05-31T23:59:59Z"] {
        let r = d7().eval(as_of);
        let m = metric(designation(&r, "security"), "smb", "intermediate");
        assert_eq!(f(&m["points"]), 16.0, "{as_of}");
        assert_eq!(ids(&m["steps"][2]["people"]), ["p2"]);
    }
    let r = d7().eval("2026-06-01T00:00:00Z");
    assert_eq!(
        f(&metric(designation(&r, "security"), "smb", "intermediate")["points"]),
        8.0
    );
    let nc = r["designation_not_credited"].as_array().unwrap();
    assert!(
        nc.iter()
            .any(|n| n["employee"] == "p2" && n["reason"] == "retired")
    );
    assert!(
        nc.iter()
            .any(|n| n["employee"] == "p3" && n["reason"] == "retired")
    );
    let late: Vec<_> = r["input_warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "achievement_after_retirement")
        .collect();
    assert_eq!(late.len(), 1);
    assert_eq!(
        (ids(&late[0]["employees"]), ids(&late[0]["credentials"])),
        (vec!["p3"], vec!["SC-400"])
    );
    for (as_of, expected) in [("2026-03-03T00:00:00Z", 1), ("2026-03-02T00:00:00Z", 0)] {
        let r = d7().eval(as_of);
        let a: Vec<_> = alerts(&r, "certification_expiring")
            .into_iter()
            .filter(|a| ids(&a["employees"]) == ["p2"])
            .collect();
        assert_eq!(a.len(), expected, "{as_of}");
        if let Some(a) = a.first() {
            assert_eq!(a["date"], "2026-06-01");
        }
    }
}

fn d8() -> Org {
    Org::default()
        .raw(
            "p1",
            "associated_on: Some(\"2026-05-14T10:00:00Z\")",
            &["(credential: \"MS-102\", passed_on: \"2025-06-01T00:00:00Z\")"],
        )
        .raw(
            "p2",
            "associated_on: None",
            &["(credential: \"MS-700\", passed_on: \"2025-06-01T00:00:00Z\")"],
        )
}

#[test]
fn d8_not_yet_associated() {
    let r = d8().eval(AS_OF);
    let mw = designation(&r, "modern-work");
    assert_eq!(f(&metric(mw, "enterprise", "advanced")["points"]), 0.0);
    assert_eq!(f(&metric(mw, "enterprise", "intermediate")["points"]), 0.0);
    let nc: Vec<(&str, &str, &str)> = r["designation_not_credited"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["employee"].as_str().unwrap(),
                n["credential"].as_str().unwrap(),
                n["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        nc,
        [
            ("p1", "MS-102", "sync_delay"),
            ("p2", "MS-700", "not_associated")
        ]
    );
    let pending = alerts(&r, "association_pending");
    assert_eq!(pending.len(), 2);
    for (a, (p, c)) in pending.iter().zip([("p1", "MS-102"), ("p2", "MS-700")]) {
        assert_eq!(
            (ids(&a["employees"]), ids(&a["credentials"])),
            (vec![p], vec![c])
        );
        assert_eq!(ids(&a["designations"]), ["modern-work"]);
    }
    let r = d8().eval("2026-05-15T10:00:00Z");
    let mw = designation(&r, "modern-work");
    assert_eq!(f(&metric(mw, "enterprise", "advanced")["points"]), 7.5);
    assert_eq!(f(&metric(mw, "smb", "advanced")["points"]), 15.0);
}

fn d9() -> Org {
    Org::default()
        .figure("azure_smb_track", 1.0)
        .figure("azure_net_customer_adds", 3.0)
        .figure("azure_acr_usd", 120000.0)
        .figure("azure_acr_baseline_usd", 100000.0)
        .figure("azure_deployments", 5.0)
        .raw(
            "p1",
            "associated_on: Some(\"2025-01-01T00:00:00Z\"), left_on: Some(\"2026-05-20T00:00:00Z\")",
            &["(credential: \"AZ-104\", passed_on: \"2025-06-01T00:00:00Z\")", "(credential: \"AZ-700\", passed_on: \"2025-06-01T00:00:00Z\")"],
        )
        .person("p2", &["AZ-305", "AZ-140"])
}

#[test]
fn d9_a_leaver_puts_a_designation_at_risk() {
    let r = d9().eval(AS_OF);
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(
        (
            f(&d["total"]),
            d["track"].as_str(),
            d["qualified"].as_bool()
        ),
        (76.0, Some("smb"), Some(true))
    );
    assert_eq!(f(&d["tracks"]["enterprise"]["total"]), 60.0);
    // §7.2 verbatim: the SMB intermediate metric with its steps.
    let int = metric(d, "smb", "intermediate");
    let expected: Value = serde_json::from_str(
        r#"{"id": "intermediate", "category": "skilling", "points": 8.0, "max": 20.0, "value": 1.0,
       "unit": "people", "people": ["p1"],
       "steps": [
         {"step": 1, "kind": "gate", "credentials": ["AZ-104"], "required_people": 1, "people": ["p1"], "met": true, "points": 4.0},
         {"step": 2, "kind": "per_person", "credentials": ["AZ-700", "AZ-800+AZ-801"], "required_people": null, "people": ["p1"], "met": true, "points": 4.0}],
       "parts": [],
       "missing": "3 more people with one of: AZ-700, AZ-800+AZ-801 (step 2) for full points"}"#,
    )
    .unwrap();
    assert_eq!(int, &expected);
    let net: Value = serde_json::from_str(
        r#"{"id": "net_customer_adds", "category": "performance", "points": 30.0, "max": 30.0, "value": 3.0,
       "unit": "customers", "people": [], "steps": [],
       "parts": [{"figure": "azure_net_customer_adds", "value": 3.0, "period_end": "2026-04-30", "full_at": 3.0, "points": 30.0}],
       "missing": null}"#,
    )
    .unwrap();
    assert_eq!(metric(d, "smb", "net_customer_adds"), &net);
    let growth = metric(d, "smb", "usage_growth");
    assert_eq!(
        (f(&growth["value"]), growth["unit"].as_str()),
        (20.0, Some("percent"))
    );
    assert_eq!(growth["parts"][1]["figure"], "azure_acr_baseline_usd");
    assert!(growth["parts"][0]["full_at"].is_null() && growth["parts"][0]["points"].is_null());
    assert_eq!(
        d["best"],
        serde_json::json!({"total": 76.0, "track": "smb", "date": "2026-05-15", "month": "2026-05", "qualified": true})
    );
    let risk = alerts(&r, "designation_at_risk");
    assert_eq!(risk.len(), 1);
    assert_eq!(ids(&risk[0]["designations"]), ["infrastructure-azure"]);
    assert_eq!(
        (ids(&risk[0]["employees"]), ids(&risk[0]["credentials"])),
        (vec!["p1"], vec!["AZ-104", "AZ-700"])
    );
    assert_eq!(
        (risk[0]["date"].as_str(), f(&risk[0]["total"])),
        (Some("2026-05-20"), 68.0)
    );
    let expiring = alerts(&r, "certification_expiring");
    let az104 = expiring
        .iter()
        .find(|a| ids(&a["credentials"]) == ["AZ-104"])
        .unwrap();
    assert_eq!(
        ids(&az104["designations"]),
        [
            "infrastructure-azure",
            "digital-app-innovation-azure",
            "data-ai-azure"
        ]
    );
    assert!(
        expiring
            .iter()
            .any(|a| ids(&a["credentials"]) == ["AZ-700"] && a["date"] == "2026-05-20")
    );

    let r = d9().eval("2026-05-20T00:00:00Z");
    let d = designation(&r, "infrastructure-azure");
    assert_eq!(f(&metric(d, "smb", "intermediate")["points"]), 0.0);
    assert_eq!(
        (
            f(&d["total"]),
            d["qualified"].as_bool(),
            d["attained"].as_bool()
        ),
        (68.0, Some(false), Some(true))
    );
    assert_eq!(
        d["best"],
        serde_json::json!({"total": 76.0, "track": "smb", "date": "2026-05-01", "month": "2026-05", "qualified": true})
    );
    let left: Vec<_> = r["designation_not_credited"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["employee"] == "p1" && n["reason"] == "left")
        .collect();
    assert_eq!(left.len(), 2);
}

fn d10() -> Org {
    let mut org = Org::default()
        .people(&["p1", "p2", "p3", "p4", "p5"], &["PL-200"])
        .person("p6", &["PL-600"]);
    for (end, net, mcv, deployments) in [
        ("2026-01-31", 5.0, 130000.0, 5.0),
        ("2026-04-30", 2.0, 110000.0, 3.0),
    ] {
        org = org
            .figure_at("ba_net_customer_adds", net, end, None)
            .figure_at("ba_mcv", mcv, end, None)
            .figure_at("ba_mcv_baseline", 100000.0, end, None)
            .figure_at("ba_deployments", deployments, end, None);
    }
    org
}

#[test]
fn d10_the_six_month_window() {
    let r = d10().eval(AS_OF);
    let d = designation(&r, "business-applications");
    let history: Vec<(&str, f64, bool)> = d["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["month"].as_str().unwrap(),
                f(&h["total"]),
                h["qualified"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("2025-12", 7.14, false),
            ("2026-01", 7.14, false),
            ("2026-02", 72.14, true),
            ("2026-03", 72.14, true),
            ("2026-04", 7.14, false),
            ("2026-05", 35.14, false)
        ]
    );
    assert_eq!(
        (d["qualified"].as_bool(), d["attained"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(
        d["best"],
        serde_json::json!({"total": 72.14, "track": "enterprise", "date": "2026-03-01", "month": "2026-03", "qualified": true})
    );
    let attained = |as_of: &str| {
        designation(&d10().eval(as_of), "business-applications")["attained"].as_bool()
    };
    assert_eq!(attained("2026-08-01T00:00:00Z"), Some(true));
    assert_eq!(attained("2026-09-01T00:00:00Z"), Some(false));
}

fn d11(net: f64) -> Org {
    Org::default()
        .figure("azure_net_customer_adds", net)
        .figure("azure_acr_usd", 125000.0)
        .figure("azure_acr_baseline_usd", 100000.0)
        .figure("azure_deployments", 7.0)
        .people(&["p1", "p2"], &["AZ-104", "AZ-305", "DP-600"])
        .people(
            &["p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10"],
            &["DP-600"],
        )
}

#[test]
fn d11_a_metric_at_zero_blocks_attainment() {
    let r = d11(-1.0).eval(AS_OF);
    let d = designation(&r, "data-ai-azure");
    let net = metric(d, "enterprise", "net_customer_adds");
    assert_eq!(
        (f(&net["points"]), net["missing"].as_str()),
        (0.0, Some("azure_net_customer_adds is -1; full points at 3"))
    );
    assert_eq!(f(&metric(d, "enterprise", "usage_growth")["points"]), 20.0);
    assert_eq!(f(&metric(d, "enterprise", "deployments")["points"]), 10.0);
    assert_eq!(f(&metric(d, "enterprise", "intermediate")["points"]), 40.0);
    assert_eq!(f(&d["total"]), 70.0);
    assert_eq!(
        (
            d["threshold_met"].as_bool(),
            d["all_metrics_positive"].as_bool(),
            d["qualified"].as_bool()
        ),
        (Some(true), Some(false), Some(false))
    );
    let d = designation(&d11(1.0).eval(AS_OF), "data-ai-azure").clone();
    assert_eq!(
        (f(&d["total"]), d["qualified"].as_bool()),
        (80.0, Some(true))
    );
}

fn d12(mcv: f64, mb820: &[&str]) -> Org {
    Org::default()
        .figure("ba_net_customer_adds", 5.0)
        .figure("ba_mcv", mcv)
        .figure("ba_mcv_baseline", 100000.0)
        .figure("ba_deployments", 5.0)
        .people(&["p1", "p2", "p3", "p4", "p5", "p6", "p7"], &["PL-300"])
        .people(mb820, &["MB-820"])
}

#[test]
fn d12_rounding_at_the_threshold() {
    let three = ["p8", "p9", "p10"];
    let d = designation(&d12(121560.0, &three).eval(AS_OF), "business-applications").clone();
    assert_eq!(f(&metric(&d, "enterprise", "advanced")["points"]), 6.43);
    assert_eq!(
        f(&metric(&d, "enterprise", "usage_growth")["points"]),
        21.56
    );
    assert_eq!(
        (f(&d["total"]), d["qualified"].as_bool()),
        (69.99, Some(false))
    );
    let d = designation(&d12(121570.0, &three).eval(AS_OF), "business-applications").clone();
    assert_eq!(
        (f(&d["total"]), d["qualified"].as_bool()),
        (70.0, Some(true))
    );
    let d = designation(
        &d12(121570.0, &["p8", "p9", "p10", "p11"]).eval(AS_OF),
        "business-applications",
    )
    .clone();
    assert_eq!(f(&metric(&d, "enterprise", "advanced")["points"]), 8.57);
}

fn d13() -> Org {
    Org::default()
        .people(&["p1", "p2"], &["MS-900"])
        .raw(
            "p3",
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            &["(credential: \"MS-900\", passed_on: \"2026-04-02T00:00:00Z\")"],
        )
        .raw(
            "p4",
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            &["(credential: \"AB-900\", passed_on: \"2026-01-15T00:00:00Z\")"],
        )
        .raw(
            "p5",
            "associated_on: None, university_associated_on: Some(\"2025-02-01T00:00:00Z\")",
            &["(credential: \"TA-TeamsMeetingsRooms\", passed_on: \"2025-06-01T00:00:00Z\")"],
        )
        .figure_at(
            "mw_net_customer_adds",
            5.0,
            "2026-04-30",
            Some("Enterprise"),
        )
        .figure_at("mw_net_customer_adds", 4.0, "2026-04-30", Some("Smb"))
        .figure("mw_usage_growth_dpor", 3000.0)
        .figure("mw_usage_growth_cpor", 300.0)
        .figure("mw_deployments_dpor", 10.0)
        .figure("mw_deployments_cpor", 1.0)
}

#[test]
fn d13_modern_work_specifics() {
    let r = d13().eval(AS_OF);
    let d = designation(&r, "modern-work");
    assert_eq!(
        (
            f(&d["tracks"]["enterprise"]["total"]),
            f(&d["tracks"]["smb"]["total"])
        ),
        (82.5, 56.0)
    );
    assert_eq!(
        (d["track"].as_str(), d["qualified"].as_bool()),
        (Some("enterprise"), Some(true))
    );
    assert_eq!(
        ids(&metric(d, "enterprise", "intermediate")["people"]),
        ["p1", "p2", "p4"]
    );
    assert!(
        r["input_warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "achievement_after_retirement" && ids(&w["employees"]) == ["p3"])
    );
    // Passed on its retirement day, it still counts.
    let r = d13()
        .raw(
            "p3",
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            &["(credential: \"MS-900\", passed_on: \"2026-03-31T10:00:00Z\")"],
        )
        .eval(AS_OF);
    let d = designation(&r, "modern-work");
    assert_eq!(
        ids(&metric(d, "enterprise", "intermediate")["people"]),
        ["p1", "p2", "p3", "p4"]
    );
}

fn d14() -> Org {
    Org::default()
        .person("p1", &["AZ-500", "SC-200"])
        .raw(
            "p2",
            "associated_on: Some(\"2025-01-01T00:00:00Z\")",
            &[
                "(credential: \"SC-500\", passed_on: \"2026-05-05T00:00:00Z\")",
                "(credential: \"SC-200\", passed_on: \"2025-06-01T00:00:00Z\")",
            ],
        )
        .person("p3", &["SC-100"])
        .person("p4", &["SC-300"])
        .person("p5", &["SC-401"])
        .person("p6", &["SC-401", "SC-100"])
        .figure("sec_azure_net_customer_adds", 6.0)
        .figure("sec_m365_net_customer_adds", 4.0)
        .figure("sec_azure_acr_growth_usd", 12500.0)
        .figure("sec_m365_protected_users_growth", -200.0)
        .figure("sec_azure_deployments", 3.0)
        .figure("sec_m365_deployments", 1.0)
}

#[test]
fn d14_security_specifics() {
    let r = d14().eval(AS_OF);
    let d = designation(&r, "security");
    let e = |m| f(&metric(d, "enterprise", m)["points"]);
    assert_eq!(
        (
            e("net_customer_adds"),
            e("intermediate"),
            e("usage_growth"),
            e("deployments")
        ),
        (20.0, 26.67, 10.0, 13.33)
    );
    assert_eq!(
        (
            f(&d["tracks"]["enterprise"]["total"]),
            d["tracks"]["enterprise"]["qualified"].as_bool()
        ),
        (70.0, Some(true))
    );
    let s = |m| f(&metric(d, "smb", m)["points"]);
    assert_eq!(
        (
            s("net_customer_adds"),
            s("intermediate"),
            s("usage_growth"),
            s("deployments")
        ),
        (20.0, 40.0, 16.67, 13.33)
    );
    assert_eq!(
        (f(&d["tracks"]["smb"]["total"]), d["track"].as_str()),
        (90.0, Some("smb"))
    );
    let r = d14().eval("2026-05-05T12:00:00Z");
    let d = designation(&r, "security");
    assert_eq!(
        ids(&metric(d, "enterprise", "intermediate")["steps"][0]["people"]),
        ["p1"]
    );
    assert_eq!(
        (
            f(&d["tracks"]["enterprise"]["total"]),
            f(&d["tracks"]["smb"]["total"])
        ),
        (43.33, 90.0)
    );
}

#[test]
fn d15_smb_gates_earn_on_their_own() {
    let org = Org::default()
        .figure("azure_smb_track", 1.0)
        .person("p1", &["AZ-104"])
        .people(&["p2", "p3"], &["DP-600"]);
    let r = org.clone().eval(AS_OF);
    let m = metric(designation(&r, "data-ai-azure"), "smb", "intermediate");
    assert_eq!((f(&m["points"]), f(&m["value"])), (4.0, 2.0));
    assert_eq!(
        m["missing"],
        "1 more person with one of: AZ-305 (step 2, required before points); 6 more people with one of: DP-300, AI-102, DP-100, PL-300, DP-420, DP-600, DP-700, DP-800, AI-103, AI-300, DP-750 (step 3) for full points"
    );
    let r = org.person("p1", &["AZ-104", "AZ-305"]).eval(AS_OF);
    assert_eq!(
        f(&metric(designation(&r, "data-ai-azure"), "smb", "intermediate")["points"]),
        16.0
    );
}

/// Entry rules of §2.4 and §6: a bad figure or snapshot is invalid input (exit 2) naming the
/// field, and nothing is evaluated.
#[test]
fn bad_designation_input_is_refused_with_the_field() {
    let refused = |org: &str, field: &str| {
        let out = eval_file("bad.org.ron", org, &["--as-of", AS_OF]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{org}\n{err}");
        assert!(
            err.contains(field) && err.contains("bad.org.ron"),
            "{field}: {err}"
        );
    };
    let with = |figure: &str| {
        let mut org = Org::default();
        org.figures.push(figure.into());
        org.ron()
    };
    refused(
        &with(r#"(metric: "azure_deployments", value: 5.0, period_end: "2026-04-29")"#),
        "period_end",
    );
    refused(
        &with(r#"(metric: "azure_deployments", value: -1.0, period_end: "2026-04-30")"#),
        "value",
    );
    refused(
        &with(r#"(metric: "azure_smb_track", value: 2.0, period_end: "2026-04-30")"#),
        "value",
    );
    refused(
        &with(
            r#"(metric: "azure_smb_track", value: 1.0, period_end: "2026-04-30", track: Some(Smb))"#,
        ),
        "track",
    );
    refused(
        &with(
            r#"(metric: "net_new_revenue_usd", value: 1.0, period_end: "2026-04-30", track: Some(Smb))"#,
        ),
        "track",
    );
    let mut twice = Org::default()
        .figure("ba_smb_track", 1.0)
        .figure("ba_smb_track", 0.0);
    refused(&twice.ron(), "period_end");
    twice = Org::default().person("p1", &["XX-999"]);
    refused(&twice.ron(), "credential");
    let snapshot = Org::default().ron().replace(
        "    employees:",
        "    settings: Some((designation_snapshot: Some(\"spp-2030-01\"))),\n    employees:",
    );
    refused(&snapshot, "designation_snapshot");
    // A net figure may be negative; the snapshot named is the bundled one.
    let ok = Org::default()
        .figure("mw_net_customer_adds", -3.0)
        .ron()
        .replace(
            "    employees:",
            "    settings: Some((designation_snapshot: Some(\"spp-2026-05\"))),\n    employees:",
        );
    let out = eval_file("ok.org.ron", &ok, &["--as-of", AS_OF]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_text_report_words_what_is_missing_in_italian_with_figure_names() {
    // D1 with less usage: the JSON keeps §7.3's English, the Italian text says it in Italian.
    let org = Org::default()
        .figure("azure_net_customer_adds", 3.0)
        .figure("azure_acr_usd", 110000.0)
        .figure("azure_acr_baseline_usd", 100000.0)
        .figure("azure_deployments", 5.0)
        .person("p1", &["AZ-104", "AZ-305"])
        .person("p2", &["AZ-305"])
        .people(&["p3", "p4", "p5", "p6", "p7"], &["AZ-140"])
        .people(&["p8", "p9"], &["AZ-700"]);
    let run = |lang: &str| {
        let out = eval_file(
            "example.org.ron",
            &org.ron(),
            &["--as-of", AS_OF, "--format", "text", "--lang", lang],
        );
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let it = run("it");
    assert!(
        it.contains("ancora una persona con uno tra: AZ-104 (passo 1, necessario prima dei punti)"),
        "{it}"
    );
    assert!(
        it.contains("crescita del 10 %; punteggio pieno al 20 %"),
        "{it}"
    );
    // No figure in force for Modern Work: named by its description.
    assert!(
        it.contains("nessun valore di “Net new Modern Work customers” in vigore"),
        "{it}"
    );
    assert!(!it.contains("full points"), "{it}");
    let en = run("en");
    assert!(
        en.contains("1 more person with one of: AZ-104 (step 1, required before points)"),
        "{en}"
    );
    assert!(en.contains("growth is 10 %; full points at 20 %"), "{en}");
    let r = org.eval(AS_OF);
    let growth = metric(
        designation(&r, "infrastructure-azure"),
        "enterprise",
        "usage_growth",
    );
    assert_eq!(growth["missing"], "growth is 10 %; full points at 20 %");
}
