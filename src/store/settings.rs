//! Settings (the window's choices, reminder states, Credly mappings) and user accounts.

use super::{Result, Store, audit, now};
use rusqlite::{OptionalExtension, params};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// A window preference (language, folder, reminders done): not organisation data, so it
    /// is written whatever another attain did in the meantime.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let before: Option<String> = tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        if before.as_deref() == Some(value) {
            return Ok(());
        }
        tx.execute("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", [key, value])?;
        audit(&tx, None, "set_setting", Some(key), before, Some(value))?;
        tx.commit()?;
        Ok(())
    }

    /// Records a user account (user name and password expiry; never the password).
    pub fn set_user_account(
        &mut self,
        org_id: i64,
        employee: &str,
        upn: &str,
        expires: &str,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        let emp_id: i64 = tx.query_row(
            "SELECT id FROM employees WHERE org_id = ?1 AND key = ?2",
            params![org_id, employee],
            |r| r.get(0),
        )?;
        let before: Option<String> = tx
            .query_row(
                "SELECT upn FROM user_accounts WHERE employee_id = ?1",
                [emp_id],
                |r| r.get(0),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO user_accounts(employee_id, upn, created_at, password_expires_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(employee_id) DO UPDATE SET upn = ?2, created_at = ?3, password_expires_at = ?4",
            params![emp_id, upn, now(), expires],
        )?;
        audit(
            &tx,
            Some(org_id),
            "set_user_account",
            Some(employee),
            before,
            Some(upn),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The organisation and person that hold `mcid` associated outside organisation `org_id`
    /// (associating it here would sever them, §5.4).
    pub fn mcid_elsewhere(&self, org_id: i64, mcid: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT o.name, e.display_name FROM associations a
                 JOIN employees e ON e.id = a.employee_id JOIN organisations o ON o.id = e.org_id
                 WHERE a.mcid = ?1 AND e.org_id <> ?2 AND a.associated_on IS NOT NULL
                   AND (a.dissociated_on IS NULL OR a.associated_on > a.dissociated_on)
                 LIMIT 1",
                params![mcid, org_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The user name of one employee's account, if it has one.
    pub fn user_account(&self, org_id: i64, employee: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT u.upn FROM user_accounts u JOIN employees e ON e.id = u.employee_id WHERE e.org_id = ?1 AND e.key = ?2",
                params![org_id, employee],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The user name of each employee that has an account, by employee id.
    pub fn user_accounts(&self, org_id: i64) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT e.key, u.upn FROM user_accounts u JOIN employees e ON e.id = u.employee_id WHERE e.org_id = ?1",
        )?;
        let rows = st.query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
