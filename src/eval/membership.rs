//! Subscriptions: which is in force, its year, anniversary, window and status (domain.md §6).

use super::report::Status;
use crate::model::validate::anniversary;
use crate::model::{Day, Instant, Org, Settings, Subscription, Tier};

/// The state of the subscription in force at an instant.
#[derive(Debug, Clone, PartialEq)]
pub struct SubState {
    pub tier: Tier,
    pub status: Status,
    /// The anniversary that ends the current (or last) subscription year.
    pub anniversary: Day,
    /// Start of the current subscription year: the purchase or the latest renewal.
    pub year_start: Instant,
    /// Renewals that took effect up to the instant (recorded or automatic).
    pub renewals: Vec<Instant>,
}

impl SubState {
    pub fn window(&self, settings: &Settings) -> (Day, Day) {
        (
            self.anniversary.add_days(1),
            self.anniversary
                .add_days(settings.renewal_window_days as i64),
        )
    }
}

/// The subscription with the latest `purchased_on` ≤ `t`.
pub fn in_force(org: &Org, t: Instant) -> Option<&Subscription> {
    org.subscriptions()
        .into_iter()
        .rev()
        .find(|s| s.purchased_on <= t)
}

/// Walks the subscription years up to `t`. `eligible(tier, instant)` decides auto-renewals,
/// which are tested on the first window day only (§6.4).
pub fn state_at(
    org: &Org,
    settings: &Settings,
    t: Instant,
    eligible: &mut dyn FnMut(Tier, Instant) -> bool,
) -> Option<SubState> {
    let s = in_force(org, t)?;
    let bought = s.purchased_on.day();
    let window = settings.renewal_window_days as i64;
    let mut state = SubState {
        tier: s.tier,
        status: Status::Active,
        anniversary: anniversary(bought, 0),
        year_start: s.purchased_on,
        renewals: Vec::new(),
    };
    for k in 0u32.. {
        let a = anniversary(bought, k);
        state.anniversary = a;
        if t.day() <= a {
            state.status = Status::Active;
            return Some(state);
        }
        let first = a.add_days(1).start();
        let recorded = s
            .renewed_on
            .iter()
            .find(|r| r.day() > a && r.day() <= a.add_days(window));
        let renewal = if s.auto_renew && first <= t && eligible(s.tier, first) {
            Some(first)
        } else {
            recorded.copied().filter(|r| *r <= t)
        };
        match renewal {
            Some(r) => {
                state.year_start = r;
                state.renewals.push(r);
            }
            None => {
                state.status = if t.day() <= a.add_days(window) {
                    Status::RenewalWindow
                } else {
                    Status::Lapsed
                };
                return Some(state);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Market;

    fn org_with(tier: Tier, bought: &str, renewed: &[&str], auto: bool) -> Org {
        let mut org = Org::new("x", Market::Developed);
        org.membership = Some(Subscription {
            tier,
            purchased_on: Instant::parse(bought).unwrap(),
            auto_renew: auto,
            renewed_on: renewed.iter().map(|r| Instant::parse(r).unwrap()).collect(),
        });
        org
    }

    fn at(org: &Org, t: &str, eligible: bool) -> SubState {
        state_at(
            org,
            &Settings::default(),
            Instant::parse(t).unwrap(),
            &mut |_, _| eligible,
        )
        .unwrap()
    }

    #[test]
    fn e10_window_and_lapse() {
        let org = org_with(Tier::Silver, "2018-09-01", &[], false);
        let s = at(&org, "2019-09-01T12:00:00Z", true);
        assert_eq!(
            (s.status, s.anniversary.to_string()),
            (Status::Active, "2019-09-01".into())
        );
        assert_eq!(at(&org, "2019-09-02", true).status, Status::RenewalWindow);
        assert_eq!(
            at(&org, "2019-10-01T23:59:59Z", true).status,
            Status::RenewalWindow
        );
        let lapsed = at(&org, "2019-10-02", true);
        assert_eq!(
            (lapsed.status, lapsed.anniversary.to_string()),
            (Status::Lapsed, "2019-09-01".into())
        );
    }

    #[test]
    fn renewals_move_the_anniversary_without_drift() {
        let org = org_with(Tier::Silver, "2018-09-01", &["2019-09-05"], false);
        let s = at(&org, "2019-09-05", true);
        assert_eq!(
            (s.status, s.anniversary.to_string()),
            (Status::Active, "2020-09-01".into())
        );
        assert_eq!(at(&org, "2019-09-04", true).status, Status::RenewalWindow);
        let leap = org_with(Tier::ActionPack, "2020-02-29", &[], false);
        assert_eq!(
            at(&leap, "2020-03-01", true).anniversary.to_string(),
            "2021-02-28"
        );
    }

    #[test]
    fn auto_renew_only_when_eligible_on_the_first_window_day() {
        let org = org_with(Tier::Silver, "2018-09-01", &[], true);
        let s = at(&org, "2019-09-02", true);
        assert_eq!(
            (s.status, s.year_start.to_string()),
            (Status::Active, "2019-09-02".into())
        );
        assert_eq!(at(&org, "2019-09-02", false).status, Status::RenewalWindow);
    }
}
