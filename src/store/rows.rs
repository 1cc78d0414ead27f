//! Mapping between the model types and the rows of the workspace tables.

use super::{Result, StoreError};
use crate::model::org::ORG_FORMAT;
use crate::model::{
    Achievement, Day, Employee, Instant, Org, Override, PerformanceEntry, Subscription,
};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Serialize, de::DeserializeOwned};

/// Enumerations and small values are stored in their RON form (`Developed`, `Some(…)`).
fn ron_of<T: Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap_or_else(|e| unreachable!("model values serialise to RON: {e}"))
}

fn from_ron<T: DeserializeOwned>(s: &str, what: &str) -> Result<T> {
    // The same reading as the org file's (an organisation's domain is written bare).
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(s)
        .map_err(|e| StoreError::Migration(format!("corrupt {what} {s:?}: {e}")))
}

fn instant(s: Option<String>) -> Result<Option<Instant>> {
    s.map(|s| Instant::parse(&s).map_err(StoreError::Migration))
        .transpose()
}

fn day(s: Option<String>) -> Result<Option<Day>> {
    s.map(|s| Day::parse(&s).map_err(StoreError::Migration))
        .transpose()
}

fn text<T: ToString>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(T::to_string)
}

pub fn insert_org(tx: &Transaction, org: &Org, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO organisations(name, market, domain, settings, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![org.name, ron_of(&org.market), org.domain, org.settings.as_ref().map(ron_of), now],
    )?;
    let id = tx.last_insert_rowid();
    write_meta(tx, id, org)?;
    insert_employees(tx, id, &org.employees)?;
    Ok(id)
}

/// Rewrites the organisation's own fields, figures, overrides and subscriptions.
pub fn write_meta(tx: &Transaction, id: i64, org: &Org) -> Result<()> {
    tx.execute(
        "UPDATE organisations SET name = ?1, market = ?2, domain = ?3, settings = ?4 WHERE id = ?5",
        params![
            org.name,
            ron_of(&org.market),
            org.domain,
            org.settings.as_ref().map(ron_of),
            id
        ],
    )?;
    for table in ["performance", "overrides", "subscriptions"] {
        tx.execute(&format!("DELETE FROM {table} WHERE org_id = ?1"), [id])?;
    }
    let mut perf = tx.prepare_cached(
        "INSERT INTO performance(org_id, seq, metric, value, period_end, association, licence, track) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, p) in org.performance.iter().enumerate() {
        perf.execute(params![
            id,
            i as i64,
            p.metric,
            p.value,
            p.period_end.to_string(),
            p.association.as_ref().map(ron_of),
            p.licence.as_ref().map(ron_of),
            p.track.as_ref().map(ron_of)
        ])?;
    }
    let mut ov = tx.prepare_cached(
        "INSERT INTO overrides(org_id, seq, competency, level, kind, starts_on, ends_on, reason, set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, o) in org.overrides.iter().enumerate() {
        ov.execute(params![
            id,
            i as i64,
            o.competency,
            ron_of(&o.level),
            ron_of(&o.kind),
            o.starts_on.to_string(),
            text(&o.ends_on),
            o.reason,
            o.set_by
        ])?;
    }
    let mut sub = tx.prepare_cached(
        "INSERT INTO subscriptions(org_id, seq, tier, purchased_on, auto_renew, renewed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, s) in org.subscriptions().into_iter().enumerate() {
        sub.execute(params![
            id,
            i as i64,
            ron_of(&s.tier),
            s.purchased_on.to_string(),
            s.auto_renew,
            ron_of(&s.renewed_on)
        ])?;
    }
    Ok(())
}

/// Writes one employee (`None`: removes it) with its association and achievements.
pub fn write_employee(
    tx: &Transaction,
    org_id: i64,
    key: &str,
    e: Option<&Employee>,
) -> Result<()> {
    let Some(e) = e else {
        tx.execute(
            "DELETE FROM employees WHERE org_id = ?1 AND key = ?2",
            params![org_id, key],
        )?;
        return Ok(());
    };
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM employees WHERE org_id = ?1 AND key = ?2",
            params![org_id, key],
            |r| r.get(0),
        )
        .optional()?;
    let Some(id) = existing else {
        insert_employee(tx, org_id, e)?;
        return Ok(());
    };
    tx.execute(
        "UPDATE employees SET display_name = ?1, email = ?2, first_name = ?3, last_name = ?4, left_on = ?5, achievements = ?6 WHERE id = ?7",
        params![e.display_name, e.email, e.first_name, e.last_name, text(&e.left_on), achievements_json(e), id],
    )?;
    write_association(tx, id, e)
}

/// The person's certification account and its dates, inserted or replaced.
fn write_association(tx: &Transaction, id: i64, e: &Employee) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO associations(employee_id, mcid, associated_on, university_associated_on, dissociated_on) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(employee_id) DO UPDATE SET mcid = ?2, associated_on = ?3, university_associated_on = ?4, dissociated_on = ?5",
    )?
    .execute(params![id, e.mcid, text(&e.associated_on), text(&e.university_associated_on), text(&e.dissociated_on)])?;
    Ok(())
}

/// Inserts an employee known to be new; returns its row id.
pub fn insert_employee(tx: &Transaction, org_id: i64, e: &Employee) -> Result<i64> {
    Ok(insert_employees(tx, org_id, [e])?[0])
}

/// Rows per multi-row INSERT: one statement per 64 people, not one each, saves the per-row
/// prepare lookup, step and reset (5 % of a 100,000-user import's instructions). 64 × 8
/// values stay far below SQLite's limit of 32,766.
const ROWS_PER_INSERT: usize = 64;

/// `INSERT OR ROLLBACK INTO table(columns) VALUES (?, …), …` for `rows` rows.
fn insert_sql(into: &str, rows: usize) -> String {
    let columns = into.matches(',').count() + 1;
    let row = format!("({})", vec!["?"; columns].join(", "));
    format!(
        "INSERT OR ROLLBACK INTO {into} VALUES {}",
        vec![row; rows].join(", ")
    )
}

/// One value bound to the next parameter of a multi-row INSERT.
type Bind<'b> = dyn FnMut(&dyn rusqlite::ToSql) -> rusqlite::Result<()> + 'b;

/// Inserts `items` into `into` (`table(columns)`), `ROWS_PER_INSERT` rows a statement: `row`
/// binds an item's values in the columns' order, `done(rows)` runs after each statement.
///
/// `OR ROLLBACK`: a row that breaks a constraint ends the whole transaction, which its caller
/// would roll back anyway. A statement that could end alone (SQLite's default) makes SQLite
/// copy each page it touches into a statement journal first; with the foreign-key checks off
/// (`AddingRows`), no statement journal is kept at all.
fn insert_rows<T>(
    tx: &Transaction,
    into: &str,
    items: &[T],
    mut row: impl FnMut(&T, &mut Bind) -> rusqlite::Result<()>,
    mut done: impl FnMut(usize),
) -> Result<()> {
    // The full statement's text only when there are that many rows: an edit adds one person.
    let full = (items.len() >= ROWS_PER_INSERT).then(|| insert_sql(into, ROWS_PER_INSERT));
    for chunk in items.chunks(ROWS_PER_INSERT) {
        let mut st = match &full {
            Some(full) if chunk.len() == ROWS_PER_INSERT => tx.prepare_cached(full)?,
            _ => tx.prepare_cached(&insert_sql(into, chunk.len()))?,
        };
        let mut n = 0;
        for item in chunk {
            row(item, &mut |v| {
                n += 1;
                st.raw_bind_parameter(n, v)
            })?;
        }
        st.raw_execute()?;
        done(chunk.len());
    }
    Ok(())
}

/// Inserts people known to be new (loads, bulk imports), in order; returns their row ids.
pub fn insert_employees<'a>(
    tx: &Transaction,
    org_id: i64,
    people: impl IntoIterator<Item = &'a Employee>,
) -> Result<Vec<i64>> {
    let people: Vec<&Employee> = people.into_iter().collect();
    let mut ids = Vec::with_capacity(people.len());
    insert_rows(
        tx,
        "employees(org_id, key, display_name, email, first_name, last_name, left_on, achievements)",
        &people,
        |e, bind| {
            bind(&org_id)?;
            bind(&e.id)?;
            bind(&e.display_name)?;
            bind(&e.email)?;
            bind(&e.first_name)?;
            bind(&e.last_name)?;
            bind(&text(&e.left_on))?;
            bind(&achievements_json(e))
        },
        |rows| {
            // The rows got the ids after the highest, one by one, in order (the table has
            // no AUTOINCREMENT): the last is the statement's.
            let last = tx.last_insert_rowid();
            ids.extend(last + 1 - rows as i64..=last);
        },
    )?;
    // No row for a person with no certification account (a new user): the readers join it
    // as optional, and a bulk import of 100,000 users saves as many inserts.
    let linked: Vec<(i64, &Employee)> = ids
        .iter()
        .zip(&people)
        .filter(|(_, e)| {
            e.mcid.is_some()
                || e.associated_on.is_some()
                || e.university_associated_on.is_some()
                || e.dissociated_on.is_some()
        })
        .map(|(&id, &e)| (id, e))
        .collect();
    insert_rows(
        tx,
        "associations(employee_id, mcid, associated_on, university_associated_on, dissociated_on)",
        &linked,
        |(id, e), bind| {
            bind(id)?;
            bind(&e.mcid)?;
            bind(&text(&e.associated_on))?;
            bind(&text(&e.university_associated_on))?;
            bind(&text(&e.dissociated_on))
        },
        |_| (),
    )?;
    Ok(ids)
}

/// Inserts user accounts (`employee id, user name`) made at `created_at`, their temporary
/// passwords expiring at `expires_at`.
pub fn insert_accounts<'a>(
    tx: &Transaction,
    accounts: impl Iterator<Item = (i64, &'a str)>,
    created_at: &str,
    expires_at: &str,
) -> Result<()> {
    let accounts: Vec<(i64, &str)> = accounts.collect();
    insert_rows(
        tx,
        "user_accounts(employee_id, upn, created_at, password_expires_at)",
        &accounts,
        |(id, upn), bind| {
            bind(id)?;
            bind(upn)?;
            bind(&created_at)?;
            bind(&expires_at)
        },
        |_| (),
    )
}

/// A person's achievements as their row keeps them (schema 5): a JSON list, in order, of
/// [`Stored`] arrays.
fn achievements_json(e: &Employee) -> String {
    serde_json::to_string(&StoredList(&e.achievements))
        .unwrap_or_else(|err| unreachable!("achievements serialise to JSON: {err}"))
}

struct StoredList<'a>(&'a [Achievement]);

impl Serialize for StoredList<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Stored))
    }
}

/// An achievement as a row keeps it: its fields in order, `[credential, passed_on,
/// expires_on, inactive, source]`, without the trailing ones at their default. The objects
/// naming every field (which rows written before still hold, and which read the same way:
/// the derived reading takes either) were half the size of a 100,000-person workspace.
struct Stored<'a>(&'a Achievement);

impl Serialize for Stored<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple as _;
        let a = self.0;
        let len = match a {
            Achievement {
                source: Some(_), ..
            } => 5,
            Achievement { inactive: true, .. } => 4,
            Achievement {
                expires_on: Some(_),
                ..
            } => 3,
            _ => 2,
        };
        let mut t = s.serialize_tuple(len)?;
        t.serialize_element(&a.credential)?;
        t.serialize_element(&a.passed_on)?;
        if len > 2 {
            t.serialize_element(&a.expires_on)?;
        }
        if len > 3 {
            t.serialize_element(&a.inactive)?;
        }
        if len > 4 {
            t.serialize_element(&a.source)?;
        }
        t.end()
    }
}

pub fn load_org(conn: &Connection, id: i64) -> Result<Org> {
    let (name, market, domain, settings): (String, String, Option<String>, Option<String>) = conn
        .query_row(
        "SELECT name, market, domain, settings FROM organisations WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let mut org = Org::new(&name, from_ron(&market, "market")?);
    org.format = ORG_FORMAT.to_string();
    org.domain = domain;
    org.settings = settings.map(|s| from_ron(&s, "settings")).transpose()?;

    let mut st = conn.prepare(
        "SELECT e.key, e.display_name, e.email, e.first_name, e.last_name, e.left_on,
                a.mcid, a.associated_on, a.university_associated_on, a.dissociated_on, e.achievements
         FROM employees e LEFT JOIN associations a ON a.employee_id = e.id WHERE e.org_id = ?1 ORDER BY e.id",
    )?;
    // The achievement lists are parsed by a second thread while this one reads the rows
    // (at 100,000 people each is about half of loading).
    let (lists, texts) = std::sync::mpsc::sync_channel::<String>(1024);
    std::thread::scope(|s| -> Result<()> {
        let parser = s.spawn(move || -> Result<Vec<Vec<Achievement>>> {
            texts
                .iter()
                .map(|list| {
                    let mut parsed: Vec<Achievement> =
                        serde_json::from_str(&list).map_err(|err| {
                            StoreError::Migration(format!("corrupt achievements {list:?}: {err}"))
                        })?;
                    // Grown by doubling while parsed: the slack given back.
                    parsed.shrink_to_fit();
                    Ok(parsed)
                })
                .collect()
        });
        let mut rows = st.query([id])?;
        while let Some(r) = rows.next()? {
            let when =
                |i: usize| -> Result<Option<Instant>> { instant(r.get::<_, Option<String>>(i)?) };
            // A parser that stopped (corrupt text) says why below.
            let _ = lists.send(r.get(10)?);
            org.employees.push(Employee {
                id: r.get(0)?,
                display_name: r.get(1)?,
                email: r.get(2)?,
                first_name: r.get(3)?,
                last_name: r.get(4)?,
                left_on: when(5)?,
                mcid: r.get(6)?,
                associated_on: when(7)?,
                university_associated_on: when(8)?,
                dissociated_on: when(9)?,
                achievements: Vec::new(),
            });
        }
        drop(lists);
        let parsed = parser
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        for (e, list) in org.employees.iter_mut().zip(parsed) {
            e.achievements = list;
        }
        Ok(())
    })?;
    // Loaded row by row, the list grew by doubling: give the slack back.
    org.employees.shrink_to_fit();
    let mut st = conn.prepare("SELECT metric, value, period_end, association, licence, track FROM performance WHERE org_id = ?1 ORDER BY seq")?;
    for row in st.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })? {
        let (metric, value, end, association, licence, track) = row?;
        org.performance.push(PerformanceEntry {
            metric,
            value,
            period_end: Day::parse(&end).map_err(StoreError::Migration)?,
            association: association
                .map(|a| from_ron(&a, "association"))
                .transpose()?,
            licence: licence.map(|l| from_ron(&l, "licence")).transpose()?,
            track: track.map(|t| from_ron(&t, "track")).transpose()?,
        });
    }
    let mut st = conn.prepare("SELECT competency, level, kind, starts_on, ends_on, reason, set_by FROM overrides WHERE org_id = ?1 ORDER BY seq")?;
    for row in st.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })? {
        let (competency, level, kind, starts, ends, reason, set_by) = row?;
        org.overrides.push(Override {
            competency,
            level: from_ron(&level, "level")?,
            kind: from_ron(&kind, "override kind")?,
            starts_on: Day::parse(&starts).map_err(StoreError::Migration)?,
            ends_on: day(ends)?,
            reason,
            set_by,
        });
    }
    let mut st = conn.prepare("SELECT tier, purchased_on, auto_renew, renewed_on FROM subscriptions WHERE org_id = ?1 ORDER BY seq")?;
    let mut subs = Vec::new();
    for row in st.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get::<_, String>(3)?,
        ))
    })? {
        let (tier, purchased, auto_renew, renewed) = row?;
        subs.push(Subscription {
            tier: from_ron(&tier, "tier")?,
            purchased_on: Instant::parse(&purchased).map_err(StoreError::Migration)?,
            auto_renew,
            renewed_on: from_ron(&renewed, "renewals")?,
        });
    }
    org.membership = subs.pop();
    org.previous_subscriptions = subs;
    Ok(org)
}
