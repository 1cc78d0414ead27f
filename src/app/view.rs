//! What a panel sees: read-only views of the application's state, built once per frame. A
//! panel changes nothing through it; it pushes a [`super::Command`] instead.

use super::edit::{Confirm, Impact};
use super::evaluation::Evaluation;
use super::forecast::{Forecast, Shown, open_indices};
use super::imports::ImportState;
use super::jobs::Job;
use super::printing::PrintDialog;
use super::{AttainApp, Notice, Panel};
use crate::i18n::Tr;
use crate::model::{Catalog, Instant, Org};
use crate::store::OrgSummary;
use crate::store::imports::ImportRecord;

/// Work running on a worker that the top bar shows with a spinner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Busy {
    /// An org file being written or read.
    pub files: bool,
    /// An award summary being rendered or printed.
    pub printing: bool,
    /// A large organisation being read.
    pub loading: bool,
}

pub struct ViewCtx<'a> {
    pub tr: &'a Tr,
    pub catalog: &'a Catalog,
    /// Shared with the evaluation (its address tells a panel's cache which one it saw).
    pub org: &'a std::sync::Arc<Org>,
    pub org_id: i64,
    /// Every organisation of the workspace (the switcher).
    pub orgs: &'a [OrgSummary],
    pub eval: &'a Evaluation,
    /// `None`: now, following the clock.
    pub as_of: Option<Instant>,
    pub panel: Panel,
    pub notice: Option<&'a Notice>,
    /// The change Undo takes back (`None`: nothing to undo).
    pub last_change: Option<&'a crate::store::UndoHead>,
    pub forecast: &'a Forecast,
    pub import: &'a ImportState,
    /// The organisation's imports, newest first (read once per change, not per frame).
    pub import_history: &'a [ImportRecord],
    pub confirm: Option<&'a Confirm>,
    pub impact: &'a Job<Impact>,
    /// A new account's user name and temporary password, shown once.
    pub password: Option<&'a (String, String)>,
    pub print: Option<&'a PrintDialog>,
    /// The user name of the person the Employees panel shows: (employee id, user name).
    pub user_name: Option<&'a (String, Option<String>)>,
    pub busy: Busy,
    /// Moves on with every change of the organisation's data: panels that cache rows
    /// rebuild them when it differs from the one they were built for.
    pub generation: u64,
    /// The organisation shown is the demo attain seeded.
    pub demo: bool,
    /// The "start here" card is shown (the demo, until dismissed).
    pub start_here: bool,
}

impl<'a> ViewCtx<'a> {
    pub fn of(app: &'a AttainApp) -> Self {
        ViewCtx {
            tr: &app.tr,
            catalog: &app.catalog,
            org: &app.org,
            org_id: app.org_id,
            orgs: &app.orgs,
            eval: &app.eval,
            as_of: app.as_of,
            panel: app.panel,
            notice: app.notice.as_ref(),
            last_change: app.undo.last(),
            forecast: &app.forecast,
            import: &app.import,
            import_history: &app.import_history,
            confirm: app.confirm.as_ref(),
            impact: &app.impact,
            password: app.password.as_ref(),
            print: app.print.as_ref(),
            user_name: app
                .user_name
                .as_ref()
                .filter(|(org, _)| *org == app.org_id)
                .map(|(_, shown)| shown),
            busy: Busy {
                files: app.files_busy(),
                printing: app.printing_busy(),
                loading: app.loading.busy(),
            },
            generation: app.generation,
            demo: app.demo_org == Some(app.org_id),
            start_here: app.demo_org == Some(app.org_id) && !app.start_dismissed,
        }
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.tr.t(id, &[])
    }

    /// The instant the window shows.
    pub fn now(&self) -> Instant {
        self.as_of.unwrap_or_else(|| Instant(chrono::Utc::now()))
    }

    /// The positions, in the evaluation's list, of the reminders neither done nor snoozed
    /// past the as-of date (or of all of them).
    pub fn open_reminders(&self, all: bool) -> Shown {
        open_indices(
            self.eval.reminders.as_deref(),
            &self.forecast.reminder_states,
            self.now().day(),
            all,
        )
    }
}
