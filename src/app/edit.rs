//! Edits of the organisation: one transaction each, undoable; the confirmation before the
//! destructive ones with what they do to the levels; user accounts.

use super::jobs::Job;
use super::{AttainApp, Command};
use crate::eval::LevelName;
use crate::i18n::Wording;
use crate::model::{Edit, Instant};

/// What waits for the user's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub title: String,
    pub body: Vec<String>,
    pub yes: String,
    pub command: Command,
    /// A second way to go on (its button and command), beside yes and Cancel.
    pub other: Option<(String, Command)>,
}

/// The levels an edit lowers: (competency index, before, after), and the instant compared
/// when it is later than the window's (a leaving date in the future).
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub drops: Vec<(usize, LevelName, LevelName)>,
    pub later: Option<Instant>,
}

impl AttainApp {
    /// Asks before `edit`, with what it does to the competency levels (computed now for a
    /// small organisation, else on a worker while the dialog shows a spinner).
    pub(super) fn ask_edit(&mut self, title: String, yes: String, edit: Edit) {
        // The window's evaluation already holds the levels at its instant.
        let shown = self.eval.report.as_ref().and_then(|r| {
            let t = Instant::parse(&r.as_of).ok()?;
            Some((
                t,
                r.competencies.iter().map(|c| c.level).collect::<Vec<_>>(),
            ))
        });
        let shown_at = shown.as_ref().map_or_else(|| self.as_of(), |(t, _)| *t);
        // A person who leaves or moves later still counts until then: compare after that.
        let at = crate::eval::impact::effect_instant(&edit).filter(|t| *t > shown_at);
        let before = shown.filter(|_| at.is_none()).map(|(_, l)| l);
        let (catalog, org, checked) = (self.catalog.clone(), self.org.clone(), edit.clone());
        let t = at.unwrap_or(shown_at);
        self.impact = Job::default();
        self.impact
            .start("impact", org.employees.len(), &self.waker, move || {
                let drops = crate::eval::impact::level_drops(&catalog, &org, &checked, t, before);
                Impact { drops, later: at }
            });
        self.confirm = Some(Confirm {
            title,
            body: Vec::new(),
            yes,
            command: Command::Edit(edit),
            other: None,
        });
    }

    /// Closes the confirmation (its impact computation is dropped).
    pub(super) fn close_confirm(&mut self) {
        self.confirm = None;
        self.impact.clear();
    }

    /// Associates an MCID after the checks a user should hear about first: someone here
    /// holds it already (refused), or someone in another organisation does (that
    /// organisation loses the person: asked first, with who and where).
    pub(super) fn associate(&mut self, employee: String, mcid: String, at: Instant) {
        let mcid = mcid.trim().to_string();
        if mcid.is_empty() {
            return self.fail(self.t("employees-mcid-needed"));
        }
        if let Some(other) = self
            .org
            .employees
            .iter()
            .find(|o| o.id != employee && o.mcid.as_deref() == Some(mcid.as_str()))
        {
            let text = self.tr.t(
                "employees-mcid-taken",
                &[("mcid", mcid), ("name", other.display_name.clone())],
            );
            return self.fail(text);
        }
        let edit = Edit::Associate {
            employee,
            mcid: mcid.clone(),
            at,
        };
        match self.store.mcid_elsewhere(self.org_id, &mcid) {
            Ok(Some((org, person))) => {
                self.confirm = Some(Confirm {
                    title: self
                        .tr
                        .t("employees-mcid-move-title", &[("org", org.clone())]),
                    body: vec![self.tr.t(
                        "employees-mcid-move-body",
                        &[("mcid", mcid), ("org", org), ("name", person)],
                    )],
                    yes: self.t("employees-mcid-move"),
                    command: Command::Edit(edit),
                    other: None,
                });
            }
            _ => self.edit(edit),
        }
    }

    /// The organisation's data changed: panels rebuild what they cached, the user name shown
    /// is read again.
    pub(super) fn data_changed(&mut self) {
        self.generation += 1;
        self.user_name = None;
        // The changes that can be taken back (the log is in the file: another attain's
        // changes and earlier sessions' are there too).
        self.undo = self.store.undo_heads(self.org_id).unwrap_or_default();
    }

    /// Reads the organisation's import history: when it is shown and after an import, not
    /// after every edit (an edit never adds to it).
    pub(super) fn refresh_history(&mut self) {
        match self.store.import_history(self.org_id) {
            Ok(h) => self.import_history = h,
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// One user action: one transaction, undoable, then a new evaluation.
    pub fn edit(&mut self, edit: Edit) {
        // While an organisation is being read, the one shown may be a placeholder.
        if self.loading.busy() {
            self.fail(self.t("notice-wait-loading"));
            return;
        }
        // Every edit, the sandbox's Apply included, waits for an import written on a worker.
        if self.import.writing() {
            self.fail(self.t("notice-wait-import"));
            return;
        }
        let catalog = self.catalog.clone();
        match self.store.apply(
            self.org_id,
            std::sync::Arc::make_mut(&mut self.org),
            &edit,
            &catalog,
        ) {
            Ok(_) => {
                self.data_changed();
                self.notice = None;
                self.summary_follows_edit();
                self.reevaluate();
            }
            Err(e) => self.store_failed(e),
        }
    }

    /// The switcher's line of the organisation just edited or shown, from memory: counting
    /// 100,000 people again in SQLite took a third of an edit's time.
    pub(super) fn summary_follows_edit(&mut self) {
        let (id, name, people) = (self.org_id, self.org.name.clone(), self.org.employees.len());
        match self.orgs.iter_mut().find(|o| o.id == id) {
            Some(o) if o.name == name => o.employees = people,
            // A rename changes the switcher's order: read it again.
            _ => self.refresh_orgs(),
        }
    }

    /// A write the store refused: another attain's commit means the window shows stale data,
    /// so it reloads and says the action was not saved.
    pub fn store_failed(&mut self, e: crate::store::StoreError) {
        match e {
            crate::store::StoreError::Changed => {
                self.reload_changed();
                self.fail(self.t("notice-not-saved-changed"));
            }
            // The rule's own words name the field and the value (the org file's checks).
            crate::store::StoreError::Rejected(reason) => {
                self.fail(self.tr.t("notice-not-saved", &[("reason", reason)]))
            }
            e => self.fail(e.to_string()),
        }
    }

    /// Takes back the organisation's last change, as `attain undo` does, and says which.
    pub(super) fn undo_last(&mut self) {
        if self.undo.is_empty() || self.loading.busy() {
            return;
        }
        let org = std::sync::Arc::make_mut(&mut self.org);
        match self.store.undo_last(self.org_id, org) {
            Ok(Some(head)) => {
                self.data_changed();
                let change = self.tr.undo_change(&head);
                self.ok(self.tr.t("notice-undone", &[("change", change)]));
                self.summary_follows_edit();
                if head.label.starts_with("import_") {
                    self.refresh_history();
                }
                self.reevaluate();
            }
            Ok(None) => self.data_changed(),
            Err(e) => self.store_failed(e),
        }
    }

    /// A user name in the organisation's domain and a temporary password shown once.
    pub(super) fn create_user_account(&mut self, id: &str) {
        let Some(e) = self.org.employees.iter().find(|e| e.id == id) else {
            return;
        };
        // A reset keeps the user name; a new account gets a free one in the domain.
        let upn = match self.store.user_account(self.org_id, id) {
            Ok(Some(upn)) => upn,
            _ => {
                let taken: std::collections::HashSet<String> = self
                    .store
                    .user_accounts(self.org_id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(_, u)| u.to_lowercase())
                    .collect();
                crate::io::accounts::make_upn(&e.email, self.org.domain.as_deref(), |u| {
                    taken.contains(u)
                })
            }
        };
        let password = crate::io::accounts::temporary_password();
        let expires = (chrono::Utc::now() + chrono::Duration::days(90))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        match self.store.set_user_account(self.org_id, id, &upn, &expires) {
            Ok(()) => {
                self.data_changed();
                self.password = Some((upn, password));
            }
            Err(e) => self.store_failed(e),
        }
    }
}
