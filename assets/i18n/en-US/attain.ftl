# attain, English (United States)

## Alerts of the evaluation report (org-file.md)
alert-renewal-at-risk = A recent change to your competency achievement has put your membership renewal eligibility at risk
alert-renewal-window-open = The renewal window is open: renew before it closes to keep your benefits
alert-renewal-reminder = Your membership is due for renewal
alert-membership-lapsed = Your membership has lapsed: benefits and competencies are no longer shown
alert-association-pending = { $employee } holds { $credentials }, which do not count yet: the association is missing or less than 24 hours old
alert-credential-expiring = { $credentials } of { $employee } stops counting on { $date }
alert-override-ending = The override of { $competencies } ends: the computed level applies again from { $date }

## Input warnings
warning-achievement-after-retirement = { $employee } passed { $credentials } after the credential retired: it never counts
warning-renewal-ineligible = The renewal of { $date } was recorded although no competency qualified at that moment
warning-cloud-revenue-exceeds-total = Cloud net new revenue is above the total operations revenue for the period ending { $date }

## Text report
text-as-of = As of
text-organisation = Organisation
text-competency = Competency
text-level = Level
text-displayed = Displayed
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
top-undo = Undo
top-undo-hint = Undo the last change (Ctrl+Z)
top-evaluating = Evaluating…
status-dismiss = Dismiss
button-cancel = Cancel
button-close = Close
button-save = Save
error-date = "{ $value }" is not a date (use YYYY-MM-DD or the form shown)
notice-exported = Exported to { $file }
notice-loaded = Loaded { $file }
notice-undone = The last change was undone
impact-drop = { $competency } would go from { $from } to { $to }
list-more = … and { $count } more
impact-none = No competency level changes.

alerts-title = Alerts ({ $count })
alerts-none = No alerts.
code-renewal-at-risk = Renewal at risk
code-renewal-window-open = Renewal window open
code-renewal-reminder = Renewal reminder
code-membership-lapsed = Membership lapsed
code-association-pending = Association pending
code-credential-expiring = Credential expiring
code-override-ending = Override ending

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
employees-remove = Remove employee
employees-remove-title = Remove { $name }?
employees-date = Date
employees-associate = Associate MCID
employees-dissociate = Dissociate
employees-mcid-needed = Enter the certification id (MCID) first
employees-mark-leaver = Mark as leaver
employees-unmark-leaver = Not a leaver
employees-leaver-title = { $name } leaves on { $date }

achievements-pick = Choose an employee in the Employees panel.
achievements-col-credential = Credential
achievements-col-title = Title
achievements-col-passed = Passed on
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
competency-not-listed = { $count } people hold only credentials this competency does not list
pci-customer-engagement = PCI Customer Engagement
pci-finance-operations = PCI Finance and Operations

membership-purchased = Purchased on
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

password-title = User account created
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

## Command line
cli-error = error
