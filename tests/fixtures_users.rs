//! Every bulk-user fixture of ../shared/fixtures gives exactly the outcome its README states
//! (the "Expected outcomes (JSON)" block is loaded and compared).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::io::users::check_users;
use serde_json::Value;
use std::path::PathBuf;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

pub fn expected() -> serde_json::Map<String, Value> {
    let readme = std::fs::read_to_string(fixtures().join("README.md")).unwrap();
    let block = &readme[readme.find("## Expected outcomes (JSON)").unwrap()..];
    let json = &block[block.find("```json").unwrap() + 7..];
    let json = &json[..json.find("```").unwrap()];
    serde_json::from_str::<Value>(json)
        .unwrap()
        .as_object()
        .unwrap()
        .clone()
}

#[test]
fn every_users_fixture_has_its_stated_outcome() {
    let mut checked = 0;
    for (name, exp) in expected() {
        if exp["kind"] != "users" {
            continue;
        }
        let bytes = std::fs::read(fixtures().join(&name)).unwrap();
        let c = check_users(&bytes);
        let ctx = |what: &str| format!("{name}: {what}");
        match exp["file_error"].as_object() {
            Some(fe) => {
                let got = c
                    .file_error
                    .as_ref()
                    .unwrap_or_else(|| panic!("{}", ctx("expected a file error")));
                assert_eq!(
                    got.code,
                    fe["code"].as_str().unwrap(),
                    "{}",
                    ctx("file error code")
                );
                if let Some(col) = fe.get("column") {
                    assert_eq!(
                        got.column.as_deref(),
                        col.as_str(),
                        "{}",
                        ctx("file error column")
                    );
                }
                assert!(
                    c.valid.is_empty() && c.errors.is_empty(),
                    "{}",
                    ctx("nothing checked after a file error")
                );
            }
            None => {
                assert!(
                    c.file_error.is_none(),
                    "{}: {:?}",
                    ctx("no file error"),
                    c.file_error
                );
                assert_eq!(
                    serde_json::to_value(c.format).unwrap(),
                    exp["format"],
                    "{}",
                    ctx("format")
                );
                assert_eq!(
                    serde_json::to_value(c.encoding).unwrap(),
                    exp["encoding"],
                    "{}",
                    ctx("encoding")
                );
                assert_eq!(
                    c.data_rows as u64,
                    exp["data_rows"].as_u64().unwrap(),
                    "{}",
                    ctx("data rows")
                );
                assert_eq!(
                    c.valid.len() as u64,
                    exp["valid_rows"].as_u64().unwrap(),
                    "{}",
                    ctx("valid rows")
                );
                if let Some(want) = exp.get("valid_lines").and_then(Value::as_array) {
                    let lines: Vec<u64> = c.valid.iter().map(|r| r.line as u64).collect();
                    let want: Vec<u64> = want.iter().map(|v| v.as_u64().unwrap()).collect();
                    assert_eq!(lines, want, "{}", ctx("valid lines"));
                }
                let errs: Vec<Value> = c
                    .errors
                    .iter()
                    .map(|e| serde_json::json!({"line": e.line, "code": e.code, "field": e.field, "duplicate_of": e.duplicate_of}))
                    .collect();
                let want: Vec<Value> = exp["row_errors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| serde_json::json!({"line": e["line"], "code": e["code"], "field": e["field"], "duplicate_of": e.get("duplicate_of").cloned().unwrap_or(Value::Null)}))
                    .collect();
                assert_eq!(errs, want, "{}", ctx("row errors"));
                for sc in exp
                    .get("spot_checks")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let line = sc["line"].as_u64().unwrap() as usize;
                    let row = c
                        .valid
                        .iter()
                        .find(|r| r.line == line)
                        .unwrap_or_else(|| panic!("{}", ctx(&format!("line {line}"))));
                    let got = match sc["field"].as_str().unwrap() {
                        "First name" | "First Name" => &row.first_name,
                        "Last name" | "Last Name" => &row.last_name,
                        "Display name" | "Display Name" => &row.display_name,
                        "Email" | "User Name" => &row.email,
                        _ => continue,
                    };
                    assert_eq!(
                        got,
                        sc["value"].as_str().unwrap(),
                        "{}",
                        ctx(&format!("spot check line {line}"))
                    );
                    assert!(!got.contains('\u{FFFD}'));
                }
            }
        }
        let codes: Vec<&str> = c.warnings.iter().map(|w| w.code).collect();
        let want: Vec<&str> = exp["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, want, "{}", ctx("warnings"));
        checked += 1;
    }
    assert_eq!(checked, 10, "all ten users fixtures were checked");
}
