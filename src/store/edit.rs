//! Edits: applied in memory and in the file in one transaction with their audit rows and
//! their undo (see `undo.rs`); an MCID associated here is severed from the organisation that held it.

use super::undo::log;
use super::{AuditRow, Result, Store, StoreError, Undo, json, now, rows, who};
use crate::model::validate::validate_touched;
use crate::model::{Catalog, Edit, Org};
use rusqlite::{Transaction, params};

impl Store {
    /// Applies one user action: to `org` in memory and to the file, in one transaction with
    /// its audit row. Nothing changes if the result would be invalid. Returns the undo.
    ///
    /// The edit is applied in place (an organisation can hold millions of achievements) and
    /// put back from the snapshot of what it touches if validation or the write fails.
    pub fn apply(
        &mut self,
        org_id: i64,
        org: &mut Org,
        edit: &Edit,
        catalog: &Catalog,
    ) -> Result<Undo> {
        let touch = edit.touch();
        let mut undo = Undo {
            employees: touch
                .employees
                .iter()
                .map(|id| {
                    (
                        id.clone(),
                        org.employees
                            .iter()
                            .position(|e| &e.id == id)
                            .map(|i| Box::new((i, org.employees[i].clone()))),
                    )
                })
                .collect(),
            meta: touch.meta.then(|| meta_of(org)),
            ..Undo::default()
        };
        let written = edit
            .apply(org)
            .map_err(|e| StoreError::Rejected(e.0))
            .and_then(|()| {
                validate_touched(org, catalog, &touch.employees, touch.meta)
                    .map_err(StoreError::Rejected)
            })
            .and_then(|()| self.write_edit(org_id, org, edit, &mut undo));
        if written.is_err() {
            undo.put_back(org);
        }
        written.map(|()| undo)
    }

    fn write_edit(&mut self, org_id: i64, org: &Org, edit: &Edit, undo: &mut Undo) -> Result<()> {
        let tx = self.write_tx()?;
        for (id, before) in &undo.employees {
            let after = org.employees.iter().find(|e| &e.id == id);
            rows::write_employee(&tx, org_id, id, after)?;
            let before = before.as_deref().and_then(|(_, e)| json(e));
            audit(
                &tx,
                Some(org_id),
                edit.kind(),
                Some(id),
                before,
                after.and_then(json).as_deref(),
            )?;
        }
        if let Some(before) = &undo.meta {
            rows::write_meta(&tx, org_id, org)?;
            audit(
                &tx,
                Some(org_id),
                edit.kind(),
                Some(&org.name),
                json(before),
                json(&meta_of(org)).as_deref(),
            )?;
        }
        let mut severed = Vec::new();
        for e in edit.flat() {
            if let Edit::Associate { mcid, at, employee } = e {
                severed.extend(sever_elsewhere(
                    &tx,
                    org_id,
                    employee,
                    mcid,
                    &at.to_string(),
                )?);
            }
        }
        undo.severed = severed;
        let subject = match &undo.employees[..] {
            [(id, before)] => org
                .employees
                .iter()
                .find(|e| &e.id == id)
                .or(before.as_deref().map(|(_, e)| e))
                .map(|e| e.display_name.clone()),
            [] => Some(org.name.clone()),
            _ => None,
        };
        // Every edit touches someone or the organisation, so it is logged.
        undo.head = log(&tx, org_id, edit.kind(), subject, undo)?.unwrap_or_default();
        tx.commit()?;
        Ok(())
    }

    /// The newest audit rows of an organisation, newest first.
    pub fn audit_rows(&self, org_id: i64, limit: usize) -> Result<Vec<AuditRow>> {
        let mut st = self.conn.prepare(
            "SELECT at, who, action, subject, before, after FROM audit WHERE org_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![org_id, limit as i64], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                who: r.get(1)?,
                action: r.get(2)?,
                subject: r.get(3)?,
                before: r.get(4)?,
                after: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// The organisation without its people (what an organisation-level edit changes).
pub(super) fn meta_of(org: &Org) -> Org {
    Org {
        employees: Vec::new(),
        ..org.clone()
    }
}

pub(super) fn audit(
    tx: &Transaction,
    org: Option<i64>,
    action: &str,
    subject: Option<&str>,
    before: Option<String>,
    after: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit(at, who, org_id, action, subject, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![now(), who(), org, action, subject, before, after],
    )?;
    Ok(())
}

/// Associating an MCID with this organisation severs it elsewhere at the same instant (§5.4).
fn sever_elsewhere(
    tx: &Transaction,
    org_id: i64,
    employee: &str,
    mcid: &str,
    at: &str,
) -> Result<Vec<(i64, i64, Option<String>)>> {
    let mut st = tx.prepare(
        "SELECT e.id, e.org_id, e.key, a.dissociated_on FROM associations a JOIN employees e ON e.id = a.employee_id
         WHERE a.mcid = ?1 AND NOT (e.org_id = ?2 AND e.key = ?3) AND a.associated_on IS NOT NULL
           AND (a.dissociated_on IS NULL OR a.associated_on > a.dissociated_on)",
    )?;
    type Other = (i64, i64, String, Option<String>);
    let others: Vec<Other> = st
        .query_map(params![mcid, org_id, employee], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<std::result::Result<_, _>>()?;
    let mut severed = Vec::new();
    for (emp_id, other_org, key, before) in others {
        tx.execute(
            "UPDATE associations SET dissociated_on = ?1 WHERE employee_id = ?2",
            params![at, emp_id],
        )?;
        audit(
            tx,
            Some(other_org),
            "dissociate",
            Some(&key),
            None,
            Some(&format!("associated with another organisation at {at}")),
        )?;
        severed.push((emp_id, other_org, before));
    }
    Ok(severed)
}
