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

## Command line
cli-error = error
cli-window-pending = The desktop window is not part of this build yet. Showing the evaluation of the demo organisation instead.
