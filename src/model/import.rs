//! What an import writes: checked rows, the accounts it creates, its history record. Plain
//! types shared by the file readers (`io`), the workspace (`store`) and the credentials log.

use crate::model::{Employee, Org};
use serde::Serialize;
use std::borrow::Cow;

/// One user as the file gives it, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRow {
    pub line: usize,
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    pub email: String,
}

/// What happened to one valid row; the password exists only here and in the credentials log.
#[derive(Clone, PartialEq, Eq)]
pub struct Created {
    pub line: usize,
    pub display_name: String,
    pub upn: String,
    /// `None` for an update of an existing person (no new account, no password).
    pub password: Option<String>,
    /// The same instants for every row of an import (shared, not copied per row).
    pub created_at: std::sync::Arc<str>,
    pub expires_at: std::sync::Arc<str>,
}

/// Without the password: a `{:?}` in a log or a panic message must not print it.
impl std::fmt::Debug for Created {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Created")
            .field("line", &self.line)
            .field("display_name", &self.display_name)
            .field("upn", &self.upn)
            .field("password", &self.password.as_ref().map(|_| "(hidden)"))
            .finish_non_exhaustive()
    }
}

/// The history row of an import and the audit line's summary: what the readers found, written
/// with the import in the same transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSource {
    /// `users`, `trainings` or `credly`.
    pub kind: String,
    pub file_name: String,
    pub sha256: String,
    /// Data rows read.
    pub rows: usize,
    /// Rows refused.
    pub errors: usize,
    /// JSON: the problems and (for achievements) the diff, kept for the history panel.
    pub detail: String,
    /// One line for the audit (achievements: what was new or renewed).
    pub summary: String,
}

/// The user name (UPN) for an email: the email itself, lower-cased, when its domain is the
/// organisation's (or none is set); else its local part at the organisation's domain; a
/// numeric suffix before `@` when the name is taken.
/// `taken` tells whether a user name (lower case) is in use.
pub fn make_upn(email: &str, org_domain: Option<&str>, taken: impl Fn(&str) -> bool) -> String {
    let email = lower(email.trim());
    let (local, domain) = email.split_once('@').unwrap_or((&email, ""));
    let domain = match org_domain.map(lower) {
        Some(d) if !d.is_empty() => d,
        _ => Cow::Borrowed(domain),
    };
    let first = [local, "@", &domain].concat();
    if !taken(&first) {
        return first;
    }
    let mut digits = itoa::Buffer::new();
    (2u64..)
        .map(|n| [local, digits.format(n), "@", &domain].concat())
        .find(|u| !taken(u))
        .unwrap_or(first)
}

/// `s` in lower case, copied only when it has an upper-case or non-ASCII letter: most
/// addresses are written in lower case already (100,000 of them in a bulk import).
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        s.to_lowercase().into()
    } else {
        s.into()
    }
}

/// One field an import changes: its name as the JSON names it, the old and the new value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub from: String,
    pub to: String,
}

/// A row of a users file that changes a person already there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserUpdate {
    pub line: usize,
    pub email: String,
    pub changes: Vec<FieldChange>,
}

/// What importing `row` changes of `e`: the display name, and the first and last names the
/// row gives (an empty one keeps the person's).
pub fn user_changes(e: &Employee, row: &UserRow) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    if e.display_name != row.display_name {
        changes.push(FieldChange {
            field: "display_name",
            from: e.display_name.clone(),
            to: row.display_name.clone(),
        });
    }
    for (field, old, new) in [
        ("first_name", &e.first_name, &row.first_name),
        ("last_name", &e.last_name, &row.last_name),
    ] {
        if !new.is_empty() && old.as_deref() != Some(new.as_str()) {
            changes.push(FieldChange {
                field,
                from: old.clone().unwrap_or_default(),
                to: new.clone(),
            });
        }
    }
    changes
}

/// The rows of `rows` that match a person of `org` by email (case-insensitive): those that
/// change something, with their changes, and how many change nothing.
pub fn planned_updates(org: &Org, rows: &[UserRow]) -> (Vec<UserUpdate>, usize) {
    let by_email: std::collections::HashMap<String, &Employee> = org
        .employees
        .iter()
        .map(|e| (e.email.to_lowercase(), e))
        .collect();
    let mut updates = Vec::new();
    let mut unchanged = 0;
    for row in rows {
        let Some(e) = by_email.get(lower(&row.email).as_ref()) else {
            continue;
        };
        let changes = user_changes(e, row);
        if changes.is_empty() {
            unchanged += 1;
        } else {
            updates.push(UserUpdate {
                line: row.line,
                email: row.email.clone(),
                changes,
            });
        }
    }
    (updates, unchanged)
}
