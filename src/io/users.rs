//! Bulk user files ("Add users using PMC data" and Office 365 "Import multiple users"):
//! the header, every row's checks, warnings (domain.md §7.1 and the fixtures' contract).

use super::table::{Encoding, Head, Stream, TableError};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

pub const MAX_CHARS: usize = 50;
pub const PC_MAX_ROWS: usize = 100;

const PMC: [&str; 5] = [
    "First name",
    "Last name",
    "Display name",
    "Email",
    "Status update",
];
const O365: [&str; 15] = [
    "User Name",
    "First Name",
    "Last Name",
    "Display Name",
    "Job Title",
    "Department",
    "Office Number",
    "Office Phone",
    "Mobile Phone",
    "Fax",
    "Address",
    "City",
    "State or Province",
    "ZIP or Postal Code",
    "Country or Region",
];
const O365_NEW: [&str; 16] = [
    "User Name",
    "First Name",
    "Last Name",
    "Display Name",
    "Job Title",
    "Department",
    "Office Number",
    "Office Phone",
    "Mobile Phone",
    "Fax",
    "Alternate email address",
    "Address",
    "City",
    "State or Province",
    "ZIP or Postal Code",
    "Country or Region",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pmc,
    Office365,
}

pub use crate::model::import::UserRow;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: usize,
    pub code: &'static str,
    /// The column at fault; `None` for `field_count`.
    pub field: Option<&'static str>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_fields: Option<usize>,
    /// As given (for the credentials log), possibly empty.
    #[serde(skip)]
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
}

/// The result of checking a file: what can be imported and what cannot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsersCheck {
    pub format: Option<Format>,
    pub encoding: Option<Encoding>,
    pub data_rows: usize,
    pub valid: Vec<UserRow>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<Warning>,
    pub file_error: Option<FileError>,
    /// Informational: `decoded_as_windows_1252`, `ignored_columns`.
    pub notices: Vec<&'static str>,
}

impl UsersCheck {
    /// The history record of importing this file's valid rows.
    pub fn source(&self, file_name: &str, sha256: &str) -> crate::model::import::ImportSource {
        crate::model::import::ImportSource {
            kind: "users".into(),
            file_name: file_name.into(),
            sha256: sha256.into(),
            rows: self.data_rows,
            errors: self.errors.len(),
            detail: serde_json::json!({"errors": self.errors, "warnings": self.warnings})
                .to_string(),
            summary: String::new(),
        }
    }

    fn rejected(
        code: &'static str,
        column: Option<String>,
        line: Option<usize>,
        message: String,
    ) -> Self {
        UsersCheck {
            format: None,
            encoding: None,
            data_rows: 0,
            valid: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            file_error: Some(FileError {
                code,
                column,
                line,
                message,
            }),
            notices: Vec::new(),
        }
    }
}

/// Characters as the limits count them: Unicode scalar values of the NFC form.
pub fn chars(s: &str) -> usize {
    // ASCII is its own NFC form: most fields, counted without the normaliser.
    if s.is_ascii() {
        s.len()
    } else {
        s.nfc().count()
    }
}

/// local@domain, one `@`, a non-empty local part, two or more non-empty labels, no spaces.
pub fn well_formed_email(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty() && labels.len() >= 2 && labels.iter().all(|l| !l.is_empty())
}

/// Checks a bulk user file's bytes.
pub fn check_users(bytes: &[u8]) -> UsersCheck {
    check_users_stream(super::table::open_bytes(bytes))
}

/// Checks a bulk user file as it is read: only the checked rows are kept.
pub fn check_users_stream<R: std::io::Read + Send>(
    stream: Result<Stream<'_, R>, TableError>,
) -> UsersCheck {
    match stream {
        Ok(s) => {
            let head = s.head.clone();
            s.rows_alongside(|rows| check_rows(&head, rows))
        }
        Err(e) => table_rejected(e),
    }
}

fn table_rejected(e: TableError) -> UsersCheck {
    let (code, line, message) = match e {
        TableError::NotText => (
            "not_text",
            None,
            "not a text file: it contains NUL bytes and no UTF-16 byte-order mark".into(),
        ),
        TableError::NoHeader => ("no_header", None, "the file has no header line".into()),
        TableError::Malformed { line, message } => {
            ("malformed", Some(line), format!("line {line}: {message}"))
        }
        TableError::TooLarge { line, message } => ("too_large", Some(line), message),
        TableError::Cancelled => ("cancelled", None, "cancelled".into()),
    };
    UsersCheck::rejected(code, None, line, message)
}

fn header_columns(table: &Head) -> Result<(Format, Vec<Option<&'static str>>), FileError> {
    let h: Vec<&str> = table.header.iter().map(String::as_str).collect();
    // Header names match regardless of case and surrounding spaces, for both formats.
    let exact = |cols: &[&str]| {
        h.len() == cols.len()
            && h.iter()
                .zip(cols)
                .all(|(a, b)| a.trim().eq_ignore_ascii_case(b))
    };
    if exact(&O365) || exact(&O365_NEW) {
        let map = h
            .iter()
            .map(|c| match c.trim().to_ascii_lowercase().as_str() {
                "user name" => Some("Email"),
                "first name" => Some("First name"),
                "last name" => Some("Last name"),
                "display name" => Some("Display name"),
                _ => None,
            })
            .collect();
        return Ok((Format::Office365, map));
    }
    let mut map = Vec::new();
    for (i, c) in h.iter().enumerate() {
        let Some(known) = PMC.iter().find(|k| k.eq_ignore_ascii_case(c.trim())) else {
            return Err(FileError {
                code: "unknown_column",
                column: Some(c.to_string()),
                line: Some(table.header_line),
                message: format!("unknown column \"{c}\" (column {})", i + 1),
            });
        };
        if map.contains(&Some(*known)) {
            return Err(FileError {
                code: "duplicate_column",
                column: Some(c.to_string()),
                line: Some(table.header_line),
                message: format!("column \"{c}\" appears twice"),
            });
        }
        map.push(Some(*known));
    }
    for required in ["Display name", "Email"] {
        if !map.contains(&Some(required)) {
            return Err(FileError {
                code: "missing_column",
                column: Some(required.into()),
                line: Some(table.header_line),
                message: format!("missing column \"{required}\""),
            });
        }
    }
    Ok((Format::Pmc, map))
}

fn row_error(
    line: usize,
    code: &'static str,
    field: Option<&'static str>,
    message: String,
) -> RowError {
    RowError {
        line,
        code,
        field,
        message,
        duplicate_of: None,
        length: None,
        fields: None,
        expected_fields: None,
        display_name: String::new(),
    }
}

/// Row checks in the order of §7.1; the first broken rule names the row's error.
type Rows<'r> = &'r mut dyn Iterator<Item = Result<(usize, Vec<String>), TableError>>;

fn check_rows(table: &Head, records: Rows<'_>) -> UsersCheck {
    let (format, map) = match header_columns(table) {
        Ok(x) => x,
        Err(e) => {
            let mut c = UsersCheck::rejected(e.code, e.column.clone(), e.line, e.message);
            c.encoding = Some(table.encoding);
            c.data_rows = records.take_while(Result::is_ok).count();
            return c;
        }
    };
    let mut check = UsersCheck {
        format: Some(format),
        encoding: Some(table.encoding),
        data_rows: 0,
        valid: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        file_error: None,
        notices: Vec::new(),
    };
    if table.encoding == Encoding::Windows1252 {
        check.notices.push("decoded_as_windows_1252");
    }
    if format == Format::Office365 {
        check.notices.push("ignored_columns");
    }
    let mut first_seen: HashMap<String, usize> = HashMap::default();
    let mut rows = 0;
    for record in records {
        let (line, mut fields) = match record {
            Ok(r) => r,
            Err(e) => return table_rejected(e),
        };
        rows += 1;
        if fields.len() != map.len() {
            let mut e = row_error(
                line,
                "field_count",
                None,
                format!("{} fields, the header has {}", fields.len(), map.len()),
            );
            e.fields = Some(fields.len());
            e.expected_fields = Some(map.len());
            check.errors.push(e);
            continue;
        }
        // Each field is moved out of the record: a 100k-row file is not held twice.
        let mut get = |name: &str| {
            map.iter()
                .position(|m| *m == Some(name))
                .map(|i| std::mem::take(&mut fields[i]))
                .unwrap_or_default()
        };
        let row = UserRow {
            line,
            first_name: get("First name"),
            last_name: get("Last name"),
            display_name: get("Display name"),
            email: get("Email"),
        };
        let status = get("Status update");
        let key = row.email.to_lowercase();
        let well_formed = well_formed_email(&row.email);
        // Every well-formed email takes part in duplicate detection, whatever else the row breaks.
        let duplicate_of = if well_formed {
            first_seen.get(&key).copied()
        } else {
            None
        };
        if well_formed && duplicate_of.is_none() {
            first_seen.insert(key.clone(), line);
        }
        let error = if row.display_name.is_empty() {
            Some(row_error(
                line,
                "missing_required",
                Some("Display name"),
                "Display name is empty".into(),
            ))
        } else if row.email.is_empty() {
            Some(row_error(
                line,
                "missing_required",
                Some("Email"),
                "Email is empty".into(),
            ))
        } else if !well_formed {
            Some(row_error(
                line,
                "malformed_email",
                Some("Email"),
                format!("\"{}\" is not an email address", row.email),
            ))
        } else if let Some(first) = duplicate_of {
            let mut e = row_error(
                line,
                "duplicate_email",
                Some("Email"),
                format!("{} already appears on line {first}", row.email),
            );
            e.duplicate_of = Some(first);
            Some(e)
        } else if let Some((field, value)) = [
            ("First name", &row.first_name),
            ("Last name", &row.last_name),
            ("Display name", &row.display_name),
        ]
        .into_iter()
        .find(|(_, v)| chars(v) > MAX_CHARS)
        {
            let n = chars(value);
            let mut e = row_error(
                line,
                "too_long",
                Some(field),
                format!("{field} has {n} characters (at most {MAX_CHARS})"),
            );
            e.length = Some(n);
            Some(e)
        } else if !status.is_empty() {
            Some(row_error(
                line,
                "status_update_not_empty",
                Some("Status update"),
                "Status update must be empty (the system fills it)".into(),
            ))
        } else {
            None
        };
        match error {
            Some(mut e) => {
                e.display_name = row.display_name.clone();
                check.errors.push(e);
            }
            None => check.valid.push(row),
        }
    }
    check.data_rows = rows;
    if rows == 0 {
        check.warnings.push(Warning {
            code: "no_data_rows",
            message: "the file contains no users".into(),
            rows: None,
            limit: None,
        });
    } else if rows > PC_MAX_ROWS {
        check.warnings.push(Warning {
            code: "too_many_rows",
            message: format!("Partner Center accepts at most {PC_MAX_ROWS} users per upload; this file has {rows}"),
            rows: Some(rows),
            limit: Some(PC_MAX_ROWS),
        });
    }
    check
}
