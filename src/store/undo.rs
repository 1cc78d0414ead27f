//! Undo, kept in the workspace: every edit and import writes what it replaced in the same
//! transaction, so the window and `attain undo` take back the same last change, also after a
//! restart. The newest [`KEPT`] per organisation are kept.

use super::edit::{audit, meta_of};
use super::{Result, Store, StoreError, json, now, rows};
use crate::model::{Employee, Org};
use rusqlite::{OptionalExtension, Transaction, params};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// How many changes per organisation can be taken back.
pub const KEPT: i64 = 50;

/// A change that can be taken back, as the undo button and `attain undo` name it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UndoHead {
    pub id: i64,
    pub org_id: i64,
    pub at: String,
    /// The edit's kind (`add_achievement`, `import_users`…).
    pub label: String,
    /// Whom or what it changed: a person's display name, a file name, the organisation's name;
    /// `None` when it changed several people.
    pub subject: Option<String>,
}

/// A touched employee as it was, with its position. Boxed: an import adds thousands of
/// people, each `None` here.
pub(super) type Before = Option<Box<(usize, Employee)>>;

/// The state before a change, to put back on undo.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Undo {
    #[serde(skip)]
    pub head: UndoHead,
    /// Each touched employee as it was, with its position (`None`: it did not exist).
    pub(super) employees: Vec<(String, Before)>,
    /// The organisation without its employees, when its own fields changed.
    pub(super) meta: Option<Org>,
    /// Associations in other organisations the edit severed (§5.4): each employee row id,
    /// its organisation, and the dissociation it had before.
    pub(super) severed: Vec<(i64, i64, Option<String>)>,
    /// The import's row in the history, marked undone when this is taken back.
    pub(super) import: Option<i64>,
}

/// Writes `undo` to the log in the change's own transaction; drops the oldest beyond [`KEPT`].
/// A change that changed nothing (an import of unchanged rows) is not logged: `None`.
pub(super) fn log(
    tx: &Transaction,
    org_id: i64,
    label: &str,
    subject: Option<String>,
    undo: &Undo,
) -> Result<Option<UndoHead>> {
    if undo.employees.is_empty() && undo.meta.is_none() && undo.severed.is_empty() {
        return Ok(None);
    }
    let data = serde_json::to_string(undo)
        .map_err(|e| StoreError::Rejected(format!("cannot record the undo: {e}")))?;
    let at = now();
    tx.prepare_cached(
        "INSERT INTO undo_log(org_id, at, label, subject, data) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![org_id, at, label, subject, data])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("DELETE FROM undo_log WHERE org_id = ?1 AND id <= ?2 - ?3")?
        .execute(params![org_id, id, KEPT])?;
    Ok(Some(UndoHead {
        id,
        org_id,
        at,
        label: label.into(),
        subject,
    }))
}

impl Store {
    /// The changes of an organisation that can be taken back, oldest first.
    pub fn undo_heads(&self, org_id: i64) -> Result<Vec<UndoHead>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, at, label, subject FROM undo_log WHERE org_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([org_id], |r| head_of(r, org_id))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Takes back the organisation's last change (`org` is it as read from this file).
    /// `None`: nothing to undo.
    pub fn undo_last(&mut self, org_id: i64, org: &mut Org) -> Result<Option<UndoHead>> {
        let row: Option<(UndoHead, String)> = self
            .conn
            .query_row(
                "SELECT id, at, label, subject, data FROM undo_log WHERE org_id = ?1 ORDER BY id DESC LIMIT 1",
                [org_id],
                |r| Ok((head_of(r, org_id)?, r.get(4)?)),
            )
            .optional()?;
        let Some((head, data)) = row else {
            return Ok(None);
        };
        let mut undo: Undo = serde_json::from_str(&data).map_err(|e| {
            StoreError::Rejected(format!("the last change cannot be taken back: {e}"))
        })?;
        undo.head = head.clone();
        self.undo(org, &undo)?;
        Ok(Some(head))
    }

    /// Puts back the state a change replaced (one transaction, audited as `undo`) and drops
    /// it from the log. Refused when it is no longer there (taken back elsewhere).
    pub fn undo(&mut self, org: &mut Org, undo: &Undo) -> Result<()> {
        let org_id = undo.head.org_id;
        let tx = self.write_tx()?;
        if tx.execute("DELETE FROM undo_log WHERE id = ?1", [undo.head.id])? == 0 {
            return Err(StoreError::Rejected(
                "this change was already taken back".into(),
            ));
        }
        let now_at = index_of(org, undo);
        for (id, before) in &undo.employees {
            let restored = before.as_deref().map(|(_, e)| e);
            rows::write_employee(&tx, org_id, id, restored)?;
            // Each row put back, with what it was and what it is again.
            let now = now_at
                .get(id.as_str())
                .and_then(|&i| json(&org.employees[i]));
            audit(
                &tx,
                Some(org_id),
                "undo",
                Some(id),
                now,
                restored.and_then(json).as_deref(),
            )?;
        }
        // The other organisations get back the associations this edit severed.
        for (emp_id, other_org, dissociated) in &undo.severed {
            tx.execute(
                "UPDATE associations SET dissociated_on = ?1 WHERE employee_id = ?2",
                params![dissociated, emp_id],
            )?;
            audit(
                &tx,
                Some(*other_org),
                "undo",
                Some(&undo.head.label),
                None,
                dissociated.as_deref(),
            )?;
        }
        if let Some(meta) = &undo.meta {
            rows::write_meta(&tx, org_id, meta)?;
            audit(
                &tx,
                Some(org_id),
                "undo",
                Some(&meta.name),
                json(&meta_of(org)),
                json(meta).as_deref(),
            )?;
        }
        if let Some(import) = undo.import {
            tx.execute(
                "UPDATE imports SET undone_at = ?1 WHERE id = ?2",
                params![now(), import],
            )?;
        }
        audit(
            &tx,
            Some(org_id),
            "undo",
            Some(&undo.head.label),
            None,
            undo.head.subject.as_deref(),
        )?;
        tx.commit()?;
        undo.put_back_at(org, &now_at);
        Ok(())
    }
}

/// The head of a log row read as `id, at, label, subject`.
fn head_of(r: &rusqlite::Row, org_id: i64) -> rusqlite::Result<UndoHead> {
    Ok(UndoHead {
        id: r.get(0)?,
        org_id,
        at: r.get(1)?,
        label: r.get(2)?,
        subject: r.get(3)?,
    })
}

/// Where each touched person is now in `org` (one pass: an import touches thousands).
fn index_of<'a>(org: &Org, undo: &'a Undo) -> FxHashMap<&'a str, usize> {
    let ids = || undo.employees.iter().map(|(id, _)| id.as_str());
    let people = org.employees.iter().enumerate();
    // An edit touches one or two people: comparing their ids with each person's is a third
    // of hashing 100,000 ids (which took an undo's frame 6 ms, twice).
    if undo.employees.len() <= FEW {
        return people
            .filter_map(|(i, e)| ids().find(|id| *id == e.id).map(|id| (id, i)))
            .collect();
    }
    let wanted: FxHashSet<&str> = ids().collect();
    people
        .filter_map(|(i, e)| wanted.get(e.id.as_str()).map(|&id| (id, i)))
        .collect()
}

/// Up to this many touched people are looked for without hashing every id.
const FEW: usize = 4;

impl Undo {
    /// The undo of an import: `added` people removed, `changed` ones (position, before) put back.
    pub(super) fn of_import(
        added: impl Iterator<Item = String>,
        changed: impl Iterator<Item = (usize, Employee)>,
    ) -> Undo {
        Undo {
            employees: added
                .map(|id| (id, None))
                .chain(changed.map(|(i, e)| (e.id.clone(), Some(Box::new((i, e))))))
                .collect(),
            ..Undo::default()
        }
    }

    /// Restores in memory what the change touched, at the positions it had.
    pub(super) fn put_back(&self, org: &mut Org) {
        let now = index_of(org, self);
        self.put_back_at(org, &now);
    }

    /// [`Self::put_back`] with where each touched person is now (`index_of`).
    fn put_back_at(&self, org: &mut Org, now: &FxHashMap<&str, usize>) {
        let mut gone: FxHashSet<&str> = FxHashSet::default();
        let mut back: Vec<&(usize, Employee)> = Vec::new();
        for (id, before) in &self.employees {
            match (now.get(id.as_str()), before.as_deref()) {
                (Some(&i), Some((_, b))) => org.employees[i] = b.clone(),
                (Some(_), None) => {
                    gone.insert(id);
                }
                (None, Some(b)) => back.push(b),
                (None, None) => {}
            }
        }
        if !gone.is_empty() {
            org.employees.retain(|e| !gone.contains(e.id.as_str()));
        }
        back.sort_by_key(|(at, _)| *at);
        for (at, b) in back {
            org.employees
                .insert((*at).min(org.employees.len()), b.clone());
        }
        if let Some(meta) = &self.meta {
            let employees = std::mem::take(&mut org.employees);
            *org = Org {
                employees,
                ..meta.clone()
            };
        }
    }
}
