//! `attain eval` through the real binary: report shape, languages, exit codes, bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ORG: &str = r#"// E8-like organisation
(
    format: "attain-org/1",
    name: "Contoso Italia S.r.l.",
    market: Developed,
    domain: Some("contoso.it"),
    membership: Some((tier: Silver, purchased_on: "2018-01-10", auto_renew: false, renewed_on: [])),
    employees: [
        (
            id: "anna",
            display_name: "Anna Rossi",
            email: "anna.rossi@contoso.it",
            mcid: Some("1234567"),
            associated_on: Some("2017-05-01T09:00:00Z"),
            dissociated_on: Some("2018-06-01T08:00:00Z"),
            achievements: [(credential: "70-533", passed_on: "2017-06-01")],
        ),
        (
            id: "bruno",
            display_name: "Bruno Neri",
            email: "bruno.neri@contoso.it",
            achievements: [(credential: "70-532", passed_on: "2017-06-01")],
        ),
    ],
    performance: [
        (metric: "azure_consumption_usd", value: 15000.0, period_end: "2017-12-31"),
        (metric: "azure_consumption_usd", value: 15000.0, period_end: "2018-05-31"),
    ],
)
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn attain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(args)
        .output()
        .unwrap()
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_report_has_the_contract_shape() {
    let dir = tempfile::tempdir().unwrap();
    let org = write(dir.path(), "c.org.ron", ORG);
    let r = json(&attain(&[
        "eval",
        org.to_str().unwrap(),
        "--as-of",
        "2018-06-01T08:00:00Z",
        "--format",
        "json",
    ]));
    assert_eq!(r["format"], "attain-eval/1");
    assert_eq!(r["as_of"], "2018-06-01T08:00:00Z");
    assert_eq!(r["org"], "Contoso Italia S.r.l.");
    let comps = r["competencies"].as_array().unwrap();
    assert_eq!(comps.len(), 18);
    assert_eq!(comps[0]["id"], "application-development");
    let cp = comps.iter().find(|c| c["id"] == "cloud-platform").unwrap();
    assert_eq!(
        (
            cp["level"].as_str(),
            cp["displayed_level"].as_str(),
            cp["override"].as_bool()
        ),
        (Some("none"), Some("silver"), Some(false))
    );
    let silver = &cp["options"][0]["silver"];
    assert_eq!(silver["requirements"][0]["kind"], "performance");
    assert_eq!(silver["requirements"][0]["required"], 15000.0);
    assert_eq!(silver["requirements"][1]["kind"], "skill");
    assert_eq!(silver["requirements"][1]["required_people"], 1);
    assert!(
        silver["requirements"][1]["missing"]
            .as_str()
            .unwrap()
            .starts_with("1 more person with one of: TA-CloudPlatform")
    );
    let m = &r["membership"];
    assert_eq!(
        (
            m["tier"].as_str(),
            m["status"].as_str(),
            m["anniversary"].as_str()
        ),
        (Some("silver"), Some("active"), Some("2019-01-10"))
    );
    assert_eq!(
        m["renewal_window"],
        serde_json::json!(["2019-01-11", "2019-02-09"])
    );
    assert!(m["can_upgrade_to"].is_null() && m["upgrade_price_usd"].is_null());
    let alerts = r["alerts"].as_array().unwrap();
    let risk = alerts
        .iter()
        .find(|a| a["code"] == "renewal_at_risk")
        .unwrap();
    assert_eq!(
        risk["message"],
        "A recent change to your competency achievement has put your membership renewal eligibility at risk"
    );
    assert_eq!(risk["competencies"], serde_json::json!(["cloud-platform"]));
    assert!(risk.get("employees").is_none() && risk.get("date").is_none());
    let pending = alerts
        .iter()
        .find(|a| a["code"] == "association_pending")
        .unwrap();
    assert_eq!(pending["employees"], serde_json::json!(["bruno"]));
    assert_eq!(pending["credentials"], serde_json::json!(["70-532"]));
    assert_eq!(
        pending["competencies"],
        serde_json::json!([
            "application-development",
            "application-integration",
            "cloud-platform"
        ])
    );
    assert_eq!(
        r["not_credited"],
        serde_json::json!([
            {"employee": "anna", "credential": "70-533", "reason": "dissociated"},
            {"employee": "bruno", "credential": "70-532", "reason": "not_associated"}
        ])
    );
    assert_eq!(r["input_warnings"], serde_json::json!([]));
}

#[test]
fn italian_messages_and_text_format() {
    let dir = tempfile::tempdir().unwrap();
    let org = write(dir.path(), "c.org.ron", ORG);
    let r = json(&attain(&[
        "eval",
        org.to_str().unwrap(),
        "--as-of",
        "2018-07-01",
        "--lang",
        "it",
    ]));
    let risk = r["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "renewal_at_risk")
        .unwrap()
        .clone();
    assert_eq!(
        risk["message"],
        "A seguito di una recente modifica al processo di acquisizione delle competenze, potresti non essere idoneo al rinnovo dell'appartenenza"
    );
    let out = attain(&[
        "eval",
        org.to_str().unwrap(),
        "--as-of",
        "2018-05-01",
        "--format",
        "text",
        "--lang",
        "it",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Organizzazione: Contoso Italia S.r.l."),
        "{text}"
    );
    assert!(
        text.contains("Cloud Platform") && text.contains("Silver"),
        "{text}"
    );
    assert!(text.contains("Certificati ma non accreditati"), "{text}");
}

fn expect_input_error(org_text: &str, args: &[&str], needles: &[&str]) {
    assert!(
        org_text != ORG || !args.is_empty(),
        "the test edit must change the file"
    );
    let dir = tempfile::tempdir().unwrap();
    let org = write(dir.path(), "bad.org.ron", org_text);
    let mut all = vec!["eval", org.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = attain(&all);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!args.is_empty() || err.contains("bad.org.ron:"), "{err}");
    for n in needles {
        assert!(err.contains(n), "{err} lacks {n}");
    }
}

#[test]
fn bad_input_exits_2_naming_file_line_and_id() {
    expect_input_error(
        &ORG.replace("\"70-532\"", "\"70-999\""),
        &[],
        &["bad.org.ron:22:", "unknown credential 70-999"],
    );
    expect_input_error(
        &ORG.replace(
            "\"azure_consumption_usd\", value: 15000.0, period_end: \"2017",
            "\"azure_usd\", value: 15000.0, period_end: \"2017",
        ),
        &[],
        &["unknown metric azure_usd", ":26:"],
    );
    expect_input_error(
        &ORG.replace("id: \"bruno\"", "id: \"anna\""),
        &[],
        &["duplicate employee id anna"],
    );
    expect_input_error(
        &ORG.replace("market: Developed", "market: Emerging"),
        &[],
        &[":5:"],
    );
    expect_input_error(
        &ORG.replace(
            "value: 15000.0, period_end: \"2018",
            "value: -1.0, period_end: \"2018",
        ),
        &[],
        &["negative"],
    );
    expect_input_error(
        &ORG.replace("renewed_on: []", "renewed_on: [\"2018-06-01\"]"),
        &[],
        &["outside every renewal window"],
    );
    expect_input_error(
        &ORG.replace(
            "\"70-533\", passed_on: \"2017-06-01\"",
            "\"70-533\", passed_on: \"2017-13-01\"",
        ),
        &[],
        &["2017-13-01", ":16:", "passed_on"],
    );
    expect_input_error(
        &ORG.replace("\"1234567\"", "\"1\"").replace(
            "email: \"bruno.neri@contoso.it\",",
            "email: \"bruno.neri@contoso.it\", mcid: Some(\"1\"),",
        ),
        &[],
        &["duplicate MCID 1"],
    );
    expect_input_error(ORG, &["--as-of", "yesterday"], &[]);
    // A wrong type, and a 1 MB string.
    expect_input_error(
        &ORG.replace(
            "value: 15000.0, period_end: \"2018",
            "value: \"lots\", period_end: \"2018",
        ),
        &[],
        &["value"],
    );
    let long = "x".repeat(1 << 20);
    expect_input_error(
        &ORG.replace(
            "display_name: \"Bruno Neri\"",
            &format!("display_name: \"{long}\""),
        ),
        &[],
        &[
            "display_name",
            "1048576 characters is too long",
            "bad.org.ron:",
        ],
    );
    expect_input_error(
        "(format: \"attain-org/2\", name: \"x\", market: Developed)",
        &[],
        &["unsupported format"],
    );
}

#[test]
fn missing_file_and_usage_errors() {
    let out = attain(&["eval", "/nonexistent/x.org.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = attain(&["eval"]);
    assert_eq!(out.status.code(), Some(2));
    let out = attain(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("eval"));
}

#[test]
fn another_catalog_file_is_data() {
    let dir = tempfile::tempdir().unwrap();
    let src = attain::io::catalog_file::DEFAULT_CATALOG_SRC;
    // A new programme year: ERP as Partner Center published it after 2017-11-16 (Gold only).
    let open = |id: &str| {
        src[..src.find(&format!("id: \"{id}\"")).unwrap()]
            .rfind('(')
            .unwrap()
    };
    let (start, end) = (open("enterprise-resource-planning"), open("messaging"));
    let erp = "(id: \"enterprise-resource-planning\", name: \"Enterprise Resource Planning\", options: [\n        (id: \"erp-reseller\", name: \"ERP Reseller\", gold: Some([Perf((metric: \"gross_license_revenue_usd\", developed: 175000.0, developing: Some(75000.0)))])),\n    ]),\n    ";
    let cat = write(
        dir.path(),
        "next.ron",
        &format!("{}{erp}{}", &src[..start], &src[end..]),
    );
    let org = write(
        dir.path(),
        "o.org.ron",
        "(format: \"attain-org/1\", name: \"x\", market: Developed, performance: [(metric: \"gross_license_revenue_usd\", value: 175000.0, period_end: \"2018-05-31\")])",
    );
    let r = json(&attain(&[
        "eval",
        org.to_str().unwrap(),
        "--as-of",
        "2018-06-01",
        "--catalog",
        cat.to_str().unwrap(),
    ]));
    let erp = r["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "enterprise-resource-planning")
        .unwrap()
        .clone();
    assert_eq!(erp["level"], "gold");
    assert_eq!(erp["options"][0]["silver"]["met"], false);
    let bad = write(
        dir.path(),
        "bad.ron",
        &src.replacen("\"MB6-890\"]", "\"MB6-999\"]", 1),
    );
    let out = attain(&[
        "eval",
        org.to_str().unwrap(),
        "--catalog",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.ron:") && err.contains("unknown credential MB6-999"),
        "{err}"
    );
}

/// `attain eval … | head`: the reader stops early. The command ends as it would have, quietly,
/// without a panic or a crash report.
#[test]
fn a_reader_that_stops_early_is_no_crash() {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/contoso.org.ron");
    let mut child = Command::new(env!("CARGO_BIN_EXE_attain"))
        .args(["eval", demo, "--as-of", "2018-06-01"])
        .env("XDG_DATA_HOME", dir.path())
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The report is larger than a pipe holds, so the rest is written after this reader left.
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let reports = walk(dir.path());
    assert!(!reports.iter().any(|p| p.contains("crash")), "{reports:?}");
}

fn walk(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() {
                walk(&p)
            } else {
                vec![p.display().to_string()]
            }
        })
        .collect()
}
