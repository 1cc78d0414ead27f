//! The workspace schema, as ordered migrations (`PRAGMA user_version` holds the version).
//!
//! Never edit a published migration: add a new one. `tests/store.rs` migrates from every
//! older version.

use rusqlite_migration::{M, Migrations};

const V1: &str = "
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    market TEXT NOT NULL,
    domain TEXT,
    settings TEXT,               -- RON of Settings, NULL for defaults
    created_at TEXT NOT NULL
);
CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    key TEXT NOT NULL,           -- the org file id
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    role TEXT,
    left_on TEXT,                -- first day the person no longer counts
    UNIQUE (org_id, key)
);
CREATE INDEX employees_email ON employees(org_id, email COLLATE NOCASE);
CREATE TABLE user_accounts (
    employee_id INTEGER PRIMARY KEY REFERENCES employees(id) ON DELETE CASCADE,
    upn TEXT NOT NULL,
    created_at TEXT NOT NULL,
    password_expires_at TEXT    -- the temporary password itself is never stored
);
CREATE TABLE associations (
    employee_id INTEGER PRIMARY KEY REFERENCES employees(id) ON DELETE CASCADE,
    mcid TEXT,
    associated_on TEXT,
    university_associated_on TEXT,
    dissociated_on TEXT
);
CREATE INDEX associations_mcid ON associations(mcid);
CREATE TABLE achievements (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    credential TEXT NOT NULL,
    passed_on TEXT NOT NULL,
    expires_on TEXT,
    inactive INTEGER NOT NULL DEFAULT 0,
    source TEXT
);
CREATE INDEX achievements_employee ON achievements(employee_id, seq);
CREATE TABLE performance (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    metric TEXT NOT NULL,
    value REAL NOT NULL,
    period_end TEXT NOT NULL,
    association TEXT,
    licence TEXT
);
CREATE TABLE overrides (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    competency TEXT NOT NULL,
    level TEXT NOT NULL,
    kind TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    reason TEXT NOT NULL,
    set_by TEXT NOT NULL
);
CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,        -- oldest first; the last is the current membership
    tier TEXT NOT NULL,
    purchased_on TEXT NOT NULL,
    auto_renew INTEGER NOT NULL,
    renewed_on TEXT NOT NULL     -- RON list of instants
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    org_id INTEGER,
    action TEXT NOT NULL,
    subject TEXT,
    before TEXT,
    after TEXT
);
";

/// Version 2: the import history (file, hash, counts; never a password).
const V2: &str = "
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,          -- users | trainings | credly
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    detail TEXT NOT NULL         -- JSON: row errors and warnings
);
";

/// Version 3: the undo log (the state each change replaced, as JSON; the newest 50 per
/// organisation), and imports taken back.
const V3: &str = "
CREATE TABLE undo_log (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    label TEXT NOT NULL,         -- the edit's kind, or import_users / import_trainings…
    subject TEXT,                -- a person's name, a file name, the organisation's name
    data TEXT NOT NULL           -- JSON: what the change replaced
);
CREATE INDEX undo_log_org ON undo_log(org_id, id);
ALTER TABLE imports ADD COLUMN undone_at TEXT;
";

/// Version 4: a designation figure entered for one track (designations.md §6).
const V4: &str = "
ALTER TABLE performance ADD COLUMN track TEXT;
";

/// Version 5: a person's achievements are one JSON list on their row (the order kept), not a
/// row each: 100,000 people hold 2 million achievements, and a row each cost a B-tree insert
/// and an index entry apiece on every load and import.
const V5: &str = "
ALTER TABLE employees ADD COLUMN achievements TEXT NOT NULL DEFAULT '[]';
UPDATE employees SET achievements = (
    SELECT json_group_array(json_object(
        'credential', credential, 'passed_on', passed_on, 'expires_on', expires_on,
        'inactive', json(CASE WHEN inactive THEN 'true' ELSE 'false' END), 'source', source)
        ORDER BY seq)
    FROM achievements a WHERE a.employee_id = employees.id)
WHERE EXISTS (SELECT 1 FROM achievements a WHERE a.employee_id = employees.id);
DROP TABLE achievements;
";

/// Version 6: no index on the employees' addresses. No query looks a person up by address
/// (an import matches the whole organisation's addresses in memory), and the index cost a
/// B-tree insert per person on every load and bulk import.
const V6: &str = "
DROP INDEX employees_email;
";

/// All migrations, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

static MIGRATIONS: &[M<'static>] = &[
    M::up(V1),
    M::up(V2),
    M::up(V3),
    M::up(V4),
    M::up(V5),
    M::up(V6),
];

/// The schema version this build writes.
pub const LATEST: usize = 6;
