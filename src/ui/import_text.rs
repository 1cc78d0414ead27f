//! The importers' problems in the window's language. The importers keep English messages for
//! the CLI and the JSON contract; the window words each from its code and its details.

use crate::i18n::Tr;
use crate::io::trainings::Problem;
use crate::io::users::{FileError, MAX_CHARS, RowError, Warning};

/// Every code the importers report, each with a `import-problem-…` message.
pub const CODES: [&str; 19] = [
    "not_text",
    "no_header",
    "malformed",
    "too_large",
    "cancelled",
    "unknown_column",
    "duplicate_column",
    "missing_column",
    "field_count",
    "missing_required",
    "malformed_email",
    "duplicate_email",
    "too_long",
    "status_update_not_empty",
    "invalid_date",
    "month_mismatch",
    "other_partner",
    "too_many_rows",
    "no_data_rows",
];

/// The message of `code` with `args`; the importer's English text if it has none.
fn text(tr: &Tr, code: &str, args: &[(&str, String)], english: &str) -> String {
    let id = format!("import-problem-{}", code.replace('_', "-"));
    let worded = tr.t(&id, args);
    if worded == id {
        english.to_string()
    } else {
        worded
    }
}

fn opt(n: Option<usize>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

pub fn file_error(tr: &Tr, e: &FileError) -> String {
    let args = [
        ("column", e.column.clone().unwrap_or_default()),
        ("line", opt(e.line)),
        ("rows", crate::io::table::MAX_ROWS.to_string()),
        ("detail", e.message.clone()),
    ];
    text(tr, e.code, &args, &e.message)
}

pub fn row_error(tr: &Tr, e: &RowError) -> String {
    let args = [
        ("field", e.field.unwrap_or_default().to_string()),
        ("first", opt(e.duplicate_of)),
        ("length", opt(e.length)),
        ("max", MAX_CHARS.to_string()),
        ("fields", opt(e.fields)),
        ("expected", opt(e.expected_fields)),
    ];
    text(tr, e.code, &args, &e.message)
}

pub fn warning(tr: &Tr, w: &Warning) -> String {
    let args = [("rows", opt(w.rows)), ("limit", opt(w.limit))];
    text(tr, w.code, &args, &w.message)
}

/// A Trainings or Credly problem (file, row or warning).
pub fn problem(tr: &Tr, p: &Problem) -> String {
    let args = [
        ("field", p.field.unwrap_or_default().to_string()),
        ("line", p.line.to_string()),
        ("rows", crate::io::table::MAX_ROWS.to_string()),
        ("detail", p.message.clone()),
    ];
    text(tr, p.code, &args, &p.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        for lang in [Lang::En, Lang::It] {
            let tr = Tr::new(lang);
            for code in CODES {
                let id = format!("import-problem-{}", code.replace('_', "-"));
                assert_ne!(tr.t(&id, &[]), id, "{lang:?} {code}");
            }
        }
        let e = RowError {
            line: 4,
            code: "too_long",
            field: Some("Display name"),
            message: String::new(),
            duplicate_of: None,
            length: Some(61),
            fields: None,
            expected_fields: None,
            display_name: String::new(),
        };
        assert_eq!(
            row_error(&Tr::new(Lang::It), &e),
            "Display name ha 61 caratteri (al massimo 50)"
        );
    }
}
