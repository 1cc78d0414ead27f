//! The org file as `../shared/design/org-file.md` prints it: every example loads verbatim
//! (bare optional values and `Some(…)` alike), evaluates, and `attain export` writes the
//! documented form back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use attain::io::org_file::{org_to_string, parse_org};
use common::catalog;
use common::cli::attain;
use std::path::PathBuf;

/// The ```ron blocks of the contract, verbatim.
fn contract_examples() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/design/org-file.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut blocks = Vec::new();
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("```ron\n") {
        let body = &rest[start + 7..];
        let end = body.find("```").expect("a closed block");
        blocks.push(body[..end].to_string());
        rest = &body[end..];
    }
    assert!(!blocks.is_empty(), "the contract prints an org file");
    blocks
}

#[test]
fn every_example_of_the_contract_loads_verbatim_and_evaluates() {
    for src in contract_examples() {
        let org = parse_org(&src, "org-file.md", catalog()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(org.domain.as_deref(), Some("contoso.it"), "the bare domain");
        assert_eq!(org.employees[0].first_name.as_deref(), Some("Anna"));
        let report = attain::eval::evaluate(
            catalog(),
            &org,
            attain::model::Instant::parse("2018-06-01").unwrap(),
        )
        .unwrap();
        assert_eq!(report.competencies.len(), catalog().competencies.len());
    }
}

#[test]
fn attain_eval_reads_the_contract_example_and_export_writes_the_documented_form() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoso.org.ron");
    std::fs::write(&file, &contract_examples()[0]).unwrap();
    let out = attain(&["eval", file.to_str().unwrap(), "--as-of", "2018-06-01"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["org"], "Contoso Italia S.r.l.");

    // Written back as the contract prints it, and read again to the same organisation.
    let org = parse_org(&contract_examples()[0], "org-file.md", catalog()).unwrap();
    let text = org_to_string(&org);
    assert!(text.starts_with("// attain organisation file\n("), "{text}");
    assert!(text.contains("domain: \"contoso.it\","), "{text}");
    assert!(text.contains("first_name: Some(\"Anna\")"), "{text}");
    assert!(
        !text.contains("#![enable"),
        "no RON extension header: {text}"
    );
    assert_eq!(parse_org(&text, "export", catalog()).unwrap(), org);
}

#[test]
fn optional_fields_take_the_bare_value_or_some() {
    let base = contract_examples()[0].clone();
    for (from, to) in [
        ("mcid: Some(\"1234567\")", "mcid: \"1234567\""),
        (
            "associated_on: Some(\"2017-05-01T09:00:00Z\")",
            "associated_on: \"2017-05-01T09:00:00Z\"",
        ),
        ("domain: \"contoso.it\"", "domain: Some(\"contoso.it\")"),
        ("ends_on: None,", "ends_on: \"2018-04-30\","),
    ] {
        assert!(base.contains(from), "{from}");
        let src = base.replace(from, to);
        let org =
            parse_org(&src, "variant.org.ron", catalog()).unwrap_or_else(|e| panic!("{to}: {e}"));
        let again = parse_org(&base, "org-file.md", catalog()).unwrap();
        if to.starts_with("ends_on") {
            assert_eq!(
                org.overrides[0].ends_on.map(|d| d.to_string()).as_deref(),
                Some("2018-04-30")
            );
        } else {
            assert_eq!(org, again, "{to} reads as {from}");
        }
    }
}
