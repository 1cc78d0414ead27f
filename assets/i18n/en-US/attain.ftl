# attain, English (United States)

## Alerts of the evaluation report (org-file.md)
alert-renewal-at-risk = A recent change to your competency achievement has put your membership renewal eligibility at risk
alert-renewal-window-open = The renewal window is open: renew before it closes to keep your benefits
alert-renewal-reminder = Your membership is due for renewal
alert-membership-lapsed = Your membership has lapsed: benefits and competencies are no longer shown
alert-association-pending = { $employee } holds { $credentials }, which do not count yet: the association is missing or less than 24 hours old
alert-credential-expiring = { $credentials } of { $employee } stops counting on { $date }
alert-override-ending = The override of { $competencies } ends: the computed level applies again from { $date }
alert-designation-at-risk = Within { $n } days, expiring certifications or leavers would take this designation below the qualification criteria
alert-certification-expiring = A certification that counts for a Solutions Partner designation will stop counting
alert-designation-figure-missing = A metric of this designation has no figure in force and scores 0
alert-designation-catalog-stale = The Solutions Partner rules in use were checked on { $checked_on }; they may be out of date

## Input warnings
warning-achievement-after-retirement = { $employee } passed { $credentials } after the credential retired: it never counts
warning-renewal-ineligible = The renewal of { $date } was recorded although no competency qualified at that moment
warning-cloud-revenue-exceeds-total = Cloud net new revenue is above the total operations revenue for the period ending { $date }
warning-certification-expiry-unknown = { $employee } holds { $credentials } without an expiry date: attain counts it as never expiring

## Text report
text-as-of = As of
text-organisation = Organisation
text-competency = Competency
text-level = Level
text-displayed = Displayed
text-designations = Solutions Partner designations ({ $snapshot })
text-designation-not-credited = Designation certifications that do not count
text-qualified = qualified
text-attained = attained in the window
text-yes = yes
text-no = no
spp-track-enterprise = enterprise
spp-track-smb = SMB
spp-metric-net_customer_adds = Net customer adds
spp-metric-intermediate = Skilling: intermediate
spp-metric-advanced = Skilling: advanced
spp-metric-usage_growth = Usage growth
spp-metric-deployments = Deployments
text-override = override
text-option = Option
text-met = met
text-not-met = not met
text-missing = missing
text-membership = Membership
text-tier = Tier
text-status = Status
text-anniversary = Anniversary
text-renewal-window = Renewal window
text-can-upgrade = Can upgrade to
text-alerts = Alerts
text-not-credited = Certified but not credited
text-warnings = Input warnings
text-none = none
level-none = none
level-silver = Silver
level-gold = Gold

tier-none = none
tier-action-pack = Action Pack
tier-silver = Silver
tier-gold = Gold
status-none = none
status-active = active
status-renewal-window = renewal window open
status-lapsed = lapsed
reason-retired = retired
reason-expired = expired
reason-inactive = inactive
reason-left = left the organisation
reason-dissociated = associated with another organisation
reason-not-associated = not associated
reason-sync-delay = waiting for the 24-hour sync
reason-already-used = already used for the Gold of { $competency }

## Window
panel-organisations = Organisations
panel-employees = Employees
panel-achievements = Achievements
panel-competencies = Competency paths
panel-membership = Membership
panel-timeline = Timeline
top-organisation = Organisation
top-as-of = As of
top-now = Now
top-apply-date = Evaluate
top-language = Language
top-loading = Opening the organisation…
top-undo = Undo
top-undo-hint = Undo the last change (Ctrl+Z)
top-evaluating = Evaluating…
panel-evaluating = { $count ->
    [one] Evaluating one person…
   *[other] Evaluating { $count } people…
}
status-dismiss = Dismiss
button-cancel = Cancel
button-close = Close
button-save = Save
error-date = "{ $value }" is not a date (use YYYY-MM-DD or the form shown)
notice-exported = Exported to { $file }
notice-loaded = Loaded { $file }
notice-loaded-renamed = Loaded { $file } as “{ $name }”: an organisation of that name was already in the workspace
notice-crashed = attain closed unexpectedly last time. A report was saved to { $file }
gui-cannot-open = attain cannot open the workspace
drop-one-file = Drop one file at a time: nothing was opened.
drop-unsupported = attain cannot read { $file }: drop a users file or a Trainings or Credly export (CSV or text), or an org file (.org.ron). A spreadsheet workbook must be saved as CSV first.
error-worker-stopped = A background task stopped unexpectedly; nothing it was doing was saved.
notice-worker-crashed = A background task failed and was stopped; attain goes on. A report was saved to { $file }
notice-undone = Undone: { $change }
impact-drop = { $competency } would go from { $from } to { $to }
impact-drop-on = { $competency } would go from { $from } to { $to } on { $date }
impact-computing = Working out what changes…
list-more = … and { $count } more
impact-none = No competency level changes.

alerts-title = Alerts ({ $count })
alerts-none = No alerts.
alerts-more = +{ $count } more
code-renewal-at-risk = Renewal at risk
code-renewal-window-open = Renewal window open
code-renewal-reminder = Renewal reminder
code-membership-lapsed = Membership lapsed
code-association-pending = Association pending
code-credential-expiring = Credential expiring
code-override-ending = Override ending
code-designation-at-risk = Designation at risk
code-certification-expiring = Certification expiring
code-designation-figure-missing = Designation figure missing
code-designation-catalog-stale = Designation rules to re-check

employees-find = Find
employees-find-hint = name, email, id or MCID (Ctrl+F)
employees-new-name = Full name
employees-new-email = Email
employees-add = Add employee
employees-add-invalid = A new employee needs a full name and an email address
employees-col-id = Id
employees-col-name = Name
employees-col-email = Email
employees-col-mcid = MCID
employees-col-achievements = Achievements
employees-col-status = Status
employees-status-left = left { $date }
employees-status-moved = moved to another organisation { $date }
employees-status-associated = associated { $date }
employees-status-not-associated = not associated
employees-open-achievements = Achievements…
employees-user-account = Create user account
employees-user-name = User name: { $upn }
employees-reset-password = Reset password
employees-reset-title = Reset the password of { $upn }?
employees-reset-body = A new temporary password replaces the current one, which stops working. It is shown once.
employees-remove = Remove employee
employees-remove-title = Remove { $name }?
employees-date = Date
employees-associate = Associate MCID
employees-dissociate = Dissociate
employees-dissociate-title = Dissociate { $name } on { $date }? Their achievements stop counting here.
employees-mcid-needed = Enter the certification id (MCID) first
employees-mcid-taken = { $name } in this organisation already has the MCID { $mcid }
employees-mcid-move-title = Move this MCID from { $org }?
employees-mcid-move-body = { $name } in { $org } is associated with { $mcid }. An MCID belongs to one organisation at a time: associating it here severs it there, and { $org } stops counting that person's achievements.
employees-mcid-move = Associate here
employees-mark-leaver = Mark as leaver
employees-unmark-leaver = Not a leaver
employees-leaver-title = { $name } leaves on { $date }

achievements-pick = Choose an employee in the Employees panel.
achievements-col-credential = Credential
achievements-col-title = Title
achievements-col-passed = Passed on
achievements-col-expires = Expires
achievements-col-retires = Retires
achievements-retires-grace = { $retires }, grace until { $until }
achievements-col-until = Counts until
achievements-col-status = Status
achievements-counts = counts
achievements-remove = Remove achievement
achievements-remove-title = Remove { $credential }?
achievements-add-title = Add an achievement
achievements-search = Exam number or title
achievements-expires = Expires on (optional)
achievements-add = Add { $credential }
achievements-add-pick = Choose a credential

competency-no-level = no such level
competency-people = People
competency-not-counting = Held but not counting:
competency-used-elsewhere = Not counted for Gold here (people are not reused across competencies):
competency-not-listed = { $count } people hold only credentials this competency does not list
pci-customer-engagement = PCI Customer Engagement
pci-finance-operations = PCI Finance and Operations

membership-purchased = Purchased on
membership-year = Subscription year
membership-upgrade = Upgrade to { $tier }
membership-discount = 25 % Silver-to-Gold discount while the Silver year runs
membership-buy-action-pack = Buy Action Pack
membership-renew = Renew
membership-renew-outside = Renewal is possible only in the renewal window
membership-renew-ineligible = No competency qualifies for this tier: renewal is not possible
membership-auto-renew = Auto-renew
membership-profile = Business profile
membership-profile-hint = The competencies shown to customers at the current tier
membership-overrides = Achievement overrides
membership-override-active = active
membership-override-inactive = not active
membership-override-reverts-to = from { $date }: { $level } (earned)
membership-override-reverts = from { $date }: the earned level
membership-override-remove = Remove override
membership-override-exemption = Skills exemption only
membership-override-starts = Starts on
membership-override-ends = Ends on
membership-override-reason = Reason
membership-override-set-by = Set by
membership-override-add = Add override

organisations-employees = { $count } employees
organisations-delete = Delete organisation
organisations-delete-title = Delete { $name }?
organisations-delete-body = Its employees, achievements and history are removed from this workspace.
organisations-current = This organisation
organisations-new = New organisation
organisations-name = Name
organisations-domain = Domain
organisations-developing = Developing market
organisations-create = Create
organisations-export = Export org file…
organisations-load = Load org file…

password-title = Temporary password
password-once = The temporary password is shown only now. It is valid for 90 days and must be changed at first sign-in.
password-user = User name
password-password = Temporary password
password-copy = Copy

timeline-empty = No competency is held in the next 12 months.
timeline-hint = Levels over the next 12 months from expiry, retirement, leavers, overrides and anniversaries.
timeline-change = { $date }: { $competency } from { $from } to { $to }

metric-azure-consumption-usd = Azure consumption (US$)
metric-active-entitlements = Active entitlements
metric-ems-active-entitlements = EMS paid seats
metric-new-ems-customers = New EMS customers
metric-power-bi-seats = Power BI seats
metric-new-o365-customers = New Office 365 customers
metric-net-new-revenue-usd = Net new revenue (US$)
metric-operations-revenue-usd = Operations revenue (US$)
metric-cloud-net-new-revenue-usd = Cloud net new revenue (US$)
metric-gross-license-revenue-usd = Gross licence revenue (US$)
metric-devices-shipped = Surface Hub devices shipped
metric-surface-hub-adr = Surface Hub ADR

panel-imports = Imports
import-busy = An import is already running
import-users-button = Import users file…
import-drop-hint = or drop a CSV or TXT file on the window
import-rejected = The file cannot be imported: { $reason }
import-summary = { $rows } rows: { $new } new, { $updates } updates of existing people, { $unchanged } unchanged, { $errors } with errors
import-confirm = Import { $count } valid rows
import-status-new = new
import-status-update = update
import-status-unchanged = unchanged
import-field-display-name = Display name
import-field-first-name = First name
import-field-last-name = Last name
import-col-line = Line
import-col-status = Status
import-col-detail = Email or reason
import-running = Importing { $file }…
import-done = Import finished: { $created } created, { $updated } updated, { $unchanged } unchanged
import-log-saved = Credentials log saved to { $file }
import-log-warning = Save the credentials log now: the temporary passwords are not stored anywhere and are lost when you close this.
import-close-unsaved-title = Close without saving the credentials log?
import-close-unsaved = Close and forget the passwords
import-log-first = Save the credentials log of the last import (or close it) before opening another file.
import-save-log = Save credentials log…
import-history = Import history
import-history-empty = No imports yet.
import-col-when = When (UTC)
import-col-file = File
import-col-rows = Rows
import-col-created = Created
import-col-updated = Updated
import-col-errors = Errors

import-trainings-button = Import Trainings export…
import-credly-button = Import Credly file…
import-unknown-credential = { $credential } is not a credential of the catalog
import-achievements-done = { $file } imported
import-changed-since-preview = { $file } was not imported: the organisation changed since the preview. Open the file again to see what it would change now.
import-achievements-summary = { $rows } rows, { $people } people, { $found } achievements read, { $skipped } rows of other types, { $unmapped } not in the catalog, { $errors } errors
import-achievements-confirm = Import { $new } new and { $renewed } renewed achievements, { $people } new people
import-nothing-new = Nothing new: this file was imported already.
import-nothing-found = No row of this file names a credential of the catalog: nothing to import.
import-nothing-mapped = No template of this file is mapped to a credential yet: choose the credential of each below, then Map.
import-diff-new = New achievements
import-diff-renewed = Renewed achievements
import-diff-people = New people
import-diff-gone = People no longer in the file
import-diff-unmapped = Titles that are not a credential of the catalog
import-diff-errors = Errors
import-unmapped-title = { $title }: { $count ->
    [one] line { $lines }
   *[other] { $count } rows: lines { $lines }
}
import-credly-map = Template { $template } is credential
import-credly-map-button = Map

## Command line
cli-demo-heading = The demo organisation, evaluated now (run attain without a command for the window):
cli-error = error

## What-if sandbox, plan, key-person risk, reminders
panel-whatif = What-if
panel-plan = Plan
panel-reminders = Reminders
sandbox-hint = Try changes here without touching the saved data. Added credentials and hires count at once; "Apply" turns the changes into real edits (one step, undoable).
sandbox-kind = Change
sandbox-kind-leave = Someone leaves
sandbox-kind-lapse = A credential lapses
sandbox-kind-add = Someone passes a credential
sandbox-kind-hire = A new hire
sandbox-kind-metric = A performance figure
sandbox-employee = Employee
sandbox-date = Date (optional)
sandbox-credential = Credential
sandbox-name = Name
sandbox-credentials = Credentials (comma-separated)
sandbox-metric = Metric id
sandbox-value = Value
sandbox-add-change = Add change
sandbox-missing = { $field } is required.
sandbox-bad-date = { $value } is not a date.
sandbox-bad-value = { $value } is not a number.
sandbox-empty = No changes yet: add one above to see its effect.
sandbox-remove = Remove this change
sandbox-apply = Apply as real edits
sandbox-apply-hint = Saves every change in one step; Undo (Ctrl+Z) takes it back.
sandbox-clear = Clear
sandbox-applied = The changes were saved.
sandbox-no-change = No competency changes level.
sandbox-before = Now
sandbox-after = With the changes
sandbox-because = Because
sandbox-unchanged = unchanged
change-leave = { $employee } leaves
change-leave-on = { $employee } leaves on { $date }
change-lapse = { $employee } no longer holds { $credential }
change-add = { $employee } passes { $credential }
change-hire = hiring { $name } with { $credentials }
change-metric = { $metric } becomes { $value }
risk-title = Key people
risk-hint = People whose departure alone lowers a level, and how many departures each competency can take.
risk-compute = Find key people
risk-computing = Looking for key people…
risk-bus-factor = Departures it takes to lower each competency
risk-more-than = more than { $n }
risk-nobody = Nobody's departure alone lowers a level.
risk-people = People whose departure alone lowers a level
plan-hint = The fewest actions that bring a designation to its threshold or a competency to a level: certifications, associations and exams by current employees first, then hires and performance figures.
plan-target = Target level:
plan-met-already = Already at this level: nothing to do.
plan-infeasible = No option can be met: every credential of a requirement is retired.
plan-summary = { $count ->
    [one] One action, through { $option }:
   *[other] { $count } actions, through { $option }:
}
plan-through-gold = Through the Gold level, which also gives Silver.
plan-open = Open
plan-designations = Designations ({ $threshold } of 100 points qualify):
plan-designation-total = { $total } points
plan-competencies = Competencies:
plan-action-associate = { $employee } associates their certification account with the organisation
plan-action-pass = { $employee } passes { $credential }
plan-action-renew = { $employee } renews { $credential }
plan-action-hire = Hire someone holding { $credentials }
plan-action-metric = Raise { $metric } from { $from } to { $to }
reminder-credential_expiring = { $employee }: { $credential } stops counting after { $last } ({ $days } days)
reminder-renewal_before = Membership anniversary on { $anniversary }: renew in the window that follows
reminder-renewal_after = The renewal window after { $anniversary } closes on { $closes }
reminder-override_ending = The override of { $competency } ends on { $ends }
reminders-hint = Reminders { $stages } days before a counted credential stops counting, around the anniversary and before overrides end.
reminders-show-all = Show done and snoozed
reminders-export = Export to calendar (.ics)…
reminders-exported = { $count } reminders written to { $file }
reminders-none = No reminders due.
reminders-due = Due
reminders-what = Reminder
reminders-done = Done
reminders-snooze = Snooze { $days } days
reminders-done-state = done
reminders-snoozed-state = snoozed until { $date }
reminders-reopen = Reopen
credit-title = Certified but not credited
credit-hint = People holding listed credentials that do not count only because the association is missing, pending or with another organisation, and what associating each would bring.
credit-compute = Find them
credit-nobody = Everyone certified is credited.
credit-adds-nothing = no level would change

## Award summary (PDF)
award-title = Competency award summary
award-title-competency = Competency award summary
award-title-profile = Business profile
award-organisation = Organisation
award-market = Market
award-market-developed = Developed market
award-market-developing = Developing market
award-tier = Membership
award-year = Subscription year
award-as-of = Evaluated as of
award-fingerprint = Data fingerprint
award-option = Earned through
award-requirement = Requirement
award-figures = Have / needed
award-person = Person
award-credential = Credential
award-exam-title = Title
award-computed = { $level } (computed: { $computed })
award-passed = Passed
award-until = Counts until
award-met = met
award-not-met = not met
award-overrides = Overrides
award-not-earned = Not earned
award-skill = { $count ->
    [one] One person holding { $expr }
   *[other] { $count } people, each holding { $expr }
}
award-expr-any = one of: { $credentials }
award-expr-all = all of: { $credentials }
award-expr-sets = one of these sets: { $sets }
award-expr-areas = every credential of one area: { $areas }
award-plus-same = and each of them also holding { $expr }
award-plus-k = and { $k } of those { $count } also holding { $expr }
award-plus-same-or-different = and { $m } people, the same or others, holding { $expr }
award-plus-different = and { $m } further people holding { $expr }
top-print = Print…
top-print-hint = Print or save the award summary (Ctrl+P)
top-printing = Preparing the award summary…
print-title = Print the award summary
print-what = What
print-what-org = The whole organisation
print-what-profile = The business profile (one page)
print-what-one = One competency…
print-printer = Printer
print-no-printer = No printer is installed. You can still save the summary as PDF.
print-choose = Choose a printer
print-choose-hint = This system has no default printer: choose one above.
print-default-named = { $printer } (system default)
print-copies = Copies
print-paper = Paper
print-language = Language
print-template = Template
print-template-default = built-in
print-template-builtin = Use the built-in one
print-template-choose = Choose…
print-print = Print
print-save-pdf = Save as PDF…
print-sent = Sent to the printer { $printer }: { $service }
print-saved = Award summary saved to { $file }
print-failed = The award summary could not be printed or saved: { $error }
award-override = level held by an override
award-level = Level
top-files = Writing or reading the org file…
notice-wait-loading = The organisation is still being read; try again in a moment.
notice-wait-import = An import is being written; try again in a moment.
import-checking = Reading and checking { $file }…
notice-changed-elsewhere = This workspace was changed by another attain: showing its changes.
notice-not-saved = Not saved: { $reason }
notice-not-saved-changed = Not saved: another attain changed this workspace meanwhile. The window now shows its changes; make the change again if it is still needed.
credit-computing = Looking for people certified but not credited…
import-problem-not-text = not a text file: it contains NUL bytes and no UTF-16 byte-order mark
import-problem-no-header = the file has no header line
import-problem-malformed = line { $line }: the row cannot be read ({ $detail })
import-problem-too-large = line { $line }: more rows, or a longer row, than attain reads from one file (at most { $rows } rows of up to 1 MB); is it the right file? If so, split it.
import-problem-cancelled = reading cancelled
import-problem-unknown-column = unknown column "{ $column }"
import-problem-duplicate-column = column "{ $column }" appears twice
import-problem-missing-column = missing column "{ $column }"
import-problem-field-count = { $fields } fields, the header has { $expected }
import-problem-missing-required = { $field } is empty
import-problem-malformed-email = { $field } is not an email address
import-problem-duplicate-email = { $field }: the same email as line { $first }
import-problem-too-long = { $field } has { $length } characters (at most { $max })
import-problem-status-update-not-empty = Status update must be empty (the system fills it)
import-problem-invalid-date = { $field } is not a date
import-problem-month-mismatch = { $field } does not match the completion date (is the date order right?)
import-problem-other-partner = rows of another partner: is this the organisation's own export?
import-problem-too-many-rows = Partner Center accepts at most { $limit } users per upload; this file has { $rows }
import-problem-no-data-rows = the file contains no users

undo-change = { $kind ->
    [add_employee] employee added
    [update_employee] employee changed
    [remove_employee] employee removed
    [add_achievement] credential added
    [remove_achievement] credential removed
    [associate] association
    [dissociate] dissociation
    [set_leaver] leaving date
    [add_override] override added
    [remove_override] override removed
    [add_performance] performance figure added
    [remove_performance] performance figure removed
    [set_figures] designation figures entered
    [purchase] membership purchase
    [renew] membership renewal
    [set_auto_renew] automatic renewal
    [set_org_details] organisation details
    [set_settings] settings
    [batch] what-if changes applied
    [import_users] users import
    [import_trainings] Trainings import
    [import_credly] Credly import
   *[other] change
}
undo-change-of = { $change } ({ $subject })
undo-nothing = Nothing to undo in { $org }.
undo-done-in = Undone in { $org }: { $change }
import-updates-choice = Each update replaces a person's names with the file's; untick one to leave that person as they are ({ $skipped } of { $updates } left as they are).
import-apply-all = Apply every update
import-skip-all = Leave everyone as they are
import-update-hint = Ticked: the file's names replace the person's. Unticked: the person stays as they are.
import-undone = undone
file-title-import-users = Import users file
file-title-import-trainings = Import a Trainings export
file-title-import-credly = Import a Credly file
file-title-load-org = Load org file
file-title-export-org = Export org file
file-title-credentials-log = Save credentials log
file-title-save-pdf = Save award summary as PDF
file-title-template = Choose a typst template
file-title-ics = Export reminders as iCalendar
path-field-why-missing = This system has no file dialog: neither the desktop portal (xdg-desktop-portal) nor zenity is installed. Type the path here, or install them (sudo apt install xdg-desktop-portal-gtk zenity) and restart attain.
path-field-why-off = The system file dialog is turned off (ATTAIN_FILE_DIALOG=window): type the path here.
path-field-label = Path
path-field-hint = Tab completes a name; click a folder to open it, a file to choose it (double-click to choose and go on).
path-field-open = Open
path-field-save = Save
path-field-not-found = { $path } does not exist.
path-field-not-a-file = Type or choose a file, not a folder.
path-field-no-folder = The folder { $path } does not exist.
path-field-no-name = Type the file's name after the folder.
path-field-replaces = { $path } exists: saving replaces it.
path-field-empty-folder = No matching files or folders here.
path-field-up = .. (the folder above)
load-same-name-title = "{ $name }" is already in the workspace
load-same-name-body = The file { $file } holds an organisation of the same name.
load-same-name-replace-warning = Replacing removes the organisation there now, with its people, import history and undo, and cannot be undone.
load-same-name-replace = Replace it
load-same-name-copy = Keep both ("{ $copy }")
money-usd = US$ { $amount }
membership-purchase-title = Buy { $tier }?
membership-purchase-body = This records a purchase of the { $tier } membership on { $date }; its subscription year starts then.
membership-purchase-price = Price: { $price }.
membership-purchase-yes = Record the purchase
membership-renew-title = Renew the membership?
membership-renew-body = This records the renewal on { $date }: a new subscription year starts at the anniversary.
membership-renew-yes = Record the renewal
list-and = and
dashboard-show = Show
dashboard-filter-all = All
dashboard-filter-attention = Needs attention
dashboard-filter-met = Met
dashboard-open-hint = Open the competency: every option and level, with the people who fill them
dashboard-computed = computed
dashboard-displayed = displayed
dashboard-at-risk = at risk from { $date }
dashboard-missing = { $count ->
    [one] 1 missing
   *[other] { $count } missing
}
dashboard-met = met
dashboard-closest = Closest option to { $level }: { $option }
dashboard-of = { $have } of { $need }
dashboard-people-of = { $have } of { $need } people
dashboard-back = ← All competencies
plan-action-wait = Wait: { $employee } is associated and counts from { $date } (the 24-hour sync), nothing to do
top-demo = demo
top-demo-hint = A demo organisation with made-up people, to try attain: nothing here is real.
top-undo-what = Undo: { $change } (Ctrl+Z)
start-title = Start here
start-demo = This is a demo organisation with made-up people, to show what attain does. To follow your own organisation:
start-create = Create your organisation
start-import = Import a users file…
start-load = Load an org file…
start-dismiss = Got it, hide this
banner-membership = Membership: { $tier }, { $status }
banner-membership-renews = Membership: { $tier }, { $status }; renewal on { $date }
banner-membership-none = No membership recorded.
banner-membership-add = Record it in Membership
banner-renewal-on = Renewal on { $date }.
banner-plan = What would fix it
banner-plan-hint = The fewest actions that bring the competency back to the membership's level
picker-choose-person = Choose a person…
picker-search-person = Name, email, id or MCID
picker-choose-credential = Choose a credential…
picker-search-credential = Code or title
picker-choose-metric = Choose a figure…
date-format-hint = MM/DD/YYYY
competency-short = { $count ->
    [one] 1 more person needed
   *[other] { $count } more people needed
}
competency-condition = the people found do not yet meet every condition of the step
risk-col-person = Person
risk-col-lowers = Leaving would lower
credit-col-person = Person
credit-col-why = Why it does not count
credit-col-credentials = Credentials
credit-col-adds = Associating would bring
import-status-refused = refused
achievements-counts-from = counts from { $date }
timeline-because = — because { $causes }
cause-starts = { $person }'s { $credential } starts counting
cause-stops = { $person }'s { $credential } stops counting ({ $why })
cause-figure = the { $metric } figure for the period ending { $date }
cause-figure-ages = the { $metric } figure for the period ending { $date } is older than { $months } months
cause-override-starts = the override of { $competency } starts
cause-override-ends = the override of { $competency } ends
competency-met-after-sync = Met by { $date }, once the pending 24-hour sync has run:
dashboard-people-condition = { $have } of { $need } people, a condition still unmet

# Solutions Partner designations panel
panel-designations = Designations
spp-rules = Solutions Partner rules { $snapshot }, checked on { $checked }: { $threshold } points with every metric above zero, on any day of the last { $months } months.
spp-all = ← All designations
spp-qualified = Qualified
spp-attained = Attained in the window
spp-not-qualified = Not qualified
spp-total = { $total } of 100 points ({ $threshold } needed)
spp-track-line = Counting track: { $track }; { $other }: { $other_total }
spp-metric-at-zero = A metric at zero: every metric must score above zero
spp-best = Best in the window: { $total } on { $date } ({ $track })
spp-details = Who counts, history and figures
spp-missing = Missing:
spp-full = full points
spp-who-counts = Who counts
spp-step-gate = Step { $step }: at least { $count ->
    [one] one person
   *[other] { $count } people
} with one of
spp-step-per-person = Step { $step }: points for each person with one of
spp-not-counted = Held but not counted
spp-history = The qualification window, month by month (best total)
spp-figures = Monthly figures
spp-figures-hint = Type or paste the figures Partner Center shows for the month (figures for both tracks). An empty field removes the month's figure.
spp-month = Month { $month }
spp-month-before = Previous month
spp-month-after = Next month
spp-save-figures = Save the figures for { $month }
spp-not-a-number = { $figure }: "{ $text }" is not a number
sandbox-designation = Designation
risk-designations = Designations: people whose departure alone stops one qualifying
risk-designation-drop = { $designation }: { $total } points without them
spp-lack-gate = { $count } more { $count ->
    [one] person
   *[other] people
} with one of: { $credentials } (step { $step }, required before points)
spp-lack-per-person = { $count } more { $count ->
    [one] person
   *[other] people
} with one of: { $credentials } (step { $step }) for full points
spp-lack-no-figure = no “{ $figure }” figure in force
spp-lack-figure = { $figure } is { $value }; full points at { $full }
spp-lack-no-baseline = no “{ $figure }” figure for { $month }
spp-lack-low-baseline = { $figure } is { $value }; the minimum is { $minimum }
spp-lack-growth = growth is { $value } %; full points at { $full } %
spp-unit-customers = customers
spp-unit-workloads = workloads
spp-unit-usd = US dollars
spp-unit-users = users
spp-unit-services = services
spp-unit-tenants = tenants
spp-unit-mcv = monthly consumption value (MCV)
spp-unit-flag = 1 = yes, 0 = no
spp-plan = What would qualify it
spp-plan-find = Find the fewest certifications and figure changes
spp-plan-qualified = It qualifies already: nothing to do.
spp-plan-infeasible = No combination of certifications and figure changes qualifies it.
spp-plan-summary = { $count ->
    [one] One action
   *[other] { $count } actions
} bring it to { $total } points on the { $track } track:
spp-plan-month = Figures for the month ending { $month }, as Partner Center will show them.
award-designations = Solutions Partner designations
award-metric = Metric
award-points = Points
award-lacking = Still missing
award-people-counted = People who count
