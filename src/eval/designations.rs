//! Solutions Partner designations: the partner capability score's arithmetic at one instant
//! (designations.md §3.2–§3.4), pure and separate from time and inputs. Who holds what at an
//! instant, which figure is in force and the six-month window build on these.

use crate::model::spp_def::{Combine, FigureParts, Growth, Step, Tracks};
use crate::model::{Day, Instant};
use chrono::Datelike;

pub use crate::model::spp_def::Track;

/// The track that counts (§3.5): a classified designation follows its flag figure in force
/// (1: SMB; missing: enterprise, DD1); the others take the higher total, enterprise on a tie,
/// even when the other track would qualify (DD2). Totals in hundredths.
pub fn counting_track(tracks: &Tracks, flag: Option<f64>, enterprise: i64, smb: i64) -> Track {
    match tracks {
        Tracks::Classified(_) if flag == Some(1.0) => Track::Smb,
        Tracks::Classified(_) => Track::Enterprise,
        Tracks::HigherTotal if smb > enterprise => Track::Smb,
        Tracks::HigherTotal => Track::Enterprise,
    }
}

/// How many distinct people satisfy each step: a person satisfies a step when they hold at
/// least one credential of its list, and counts once per step however many they hold
/// (§3.2 rule 1). `held` yields each person's credentials that count.
pub fn found_per_step<'a, H>(steps: &[Step], held: impl Iterator<Item = H>) -> Vec<u32>
where
    H: Fn(&str) -> bool + 'a,
{
    let mut found = vec![0u32; steps.len()];
    for holds in held {
        for (n, step) in found.iter_mut().zip(steps) {
            let any_of = match step {
                Step::Gate(g) => &g.any_of,
                Step::PerPerson(p) => &p.any_of,
            };
            if any_of.iter().any(|c| holds(c)) {
                *n += 1;
            }
        }
    }
    found
}

/// A skilling metric's raw points (§3.2): each met gate earns its points on its own (DD7);
/// the per-person step earns `found × num / den` only when every gate is met; capped at
/// `max`.
pub fn skill_points(steps: &[Step], max: f64, found: &[u32]) -> f64 {
    let mut points = 0.0;
    let mut gates_met = true;
    for (step, n) in steps.iter().zip(found) {
        if let Step::Gate(g) = step {
            if *n >= g.people {
                points += g.points;
            } else {
                gates_met = false;
            }
        }
    }
    if gates_met {
        for (step, n) in steps.iter().zip(found) {
            if let Step::PerPerson(p) = step {
                points += f64::from(*n) * f64::from(p.points.0) / f64::from(p.points.1);
            }
        }
    }
    points.min(max)
}

/// One part of a figure metric: its value scaled to the maximum, clamped to `[0, max]`; a
/// part without a value gives 0 (§3.3; a negative net figure gives 0, DD6).
fn part(value: Option<f64>, full_at: f64, max: f64) -> f64 {
    value.map_or(0.0, |v| (v * max / full_at).clamp(0.0, max))
}

/// A figure metric's raw points (§3.3): the parts summed (each clamped first) or the best one.
/// `values` are the parts' figures in force, in the parts' order.
pub fn figures_points(f: &FigureParts, max: f64, values: &[Option<f64>]) -> f64 {
    let parts = f
        .parts
        .iter()
        .zip(values)
        .map(|((_, full_at), v)| part(*v, *full_at, max));
    match f.combine {
        Combine::Sum => parts.sum::<f64>().min(max),
        Combine::Max => parts.fold(0.0, f64::max),
    }
}

/// A growth metric's raw points (§3.3): 0 without both values or under the minimum baseline;
/// else the growth in percent, scaled so that `full_at_pct` earns the maximum (DD5:
/// proportional, not whole points).
pub fn growth_points(g: &Growth, max: f64, current: Option<f64>, baseline: Option<f64>) -> f64 {
    let (Some(current), Some(baseline)) = (current, baseline) else {
        return 0.0;
    };
    if baseline < g.min_baseline || baseline <= 0.0 {
        return 0.0;
    }
    let growth = (current - baseline) / baseline * 100.0;
    (growth * max / g.full_at_pct).clamp(0.0, max)
}

/// A metric's points in hundredths, half up (DD4); the epsilon absorbs binary error, so
/// 3 × 40/6 is exactly 2000.
pub fn hundredths(raw: f64) -> i64 {
    (raw.max(0.0) * 100.0 + 0.5 + 1e-9).floor() as i64
}

/// A track's total in hundredths, and whether it meets the threshold and has every metric
/// above zero (§3.4): qualified is both.
pub fn qualification(threshold: f64, metrics: &[i64]) -> (i64, bool, bool) {
    let total: i64 = metrics.iter().sum();
    let threshold_met = total >= hundredths(threshold);
    let all_positive = metrics.iter().all(|h| *h >= 1);
    (total, threshold_met, all_positive)
}

/// One monthly entry of a figure (already through the association filter): the month it
/// describes (its last day), the track it is for (`None`: both), its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureEntry {
    pub period_end: Day,
    pub track: Option<Track>,
    pub value: f64,
}

/// The first day of `d`'s month.
fn first_of_month(d: Day) -> Day {
    Day::ymd(d.year(), d.0.month(), 1).unwrap_or(d)
}

/// A figure's value at exactly the month ending `p` on `track`: the entries for that track if
/// any, else those for both tracks (§4.2 rule 3); several add up.
pub fn value_at(entries: &[FigureEntry], track: Track, p: Day) -> Option<f64> {
    let at = |want: Option<Track>| {
        let mut found = entries
            .iter()
            .filter(|e| e.period_end == p && e.track == want)
            .peekable();
        found.peek()?;
        Some(found.map(|e| e.value).sum::<f64>())
    };
    at(Some(track)).or_else(|| at(None))
}

/// The figure in force at `t` on `track` (§4.2, DD12): last month's entry, else the month
/// before's (the publication lag), else none. Returns the month it describes (a Growth
/// baseline is read at that same month) and the value.
pub fn in_force(entries: &[FigureEntry], track: Track, t: Instant) -> Option<(Day, f64)> {
    let last_month = first_of_month(t.day()).add_days(-1);
    let month_before = first_of_month(last_month).add_days(-1);
    [last_month, month_before].into_iter().find_map(|p| {
        let candidate = entries
            .iter()
            .any(|e| e.period_end == p && (e.track.is_none() || e.track == Some(track)));
        if candidate {
            value_at(entries, track, p).map(|v| (p, v))
        } else {
            None
        }
    })
}

/// The first instant of the qualification window (§4.3, DD13): the first day of the month
/// `window_months - 1` months before the month of `as_of`.
pub fn window_start(as_of: Instant, window_months: u32) -> Instant {
    let back = i32::try_from(window_months.saturating_sub(1)).unwrap_or(0);
    first_of_month(as_of.day()).add_months(-back).start()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::spp_def::{MetricId, Scoring, SppCatalog};

    /// The bundled snapshot (read here without `io`: the engine sits below it).
    fn default_spp() -> SppCatalog {
        ron::from_str(include_str!("../../assets/catalog/spp-2026-05.ron")).unwrap()
    }

    /// The steps of a designation's metric on a track.
    fn steps(designation: &str, metric: MetricId, smb: bool) -> (Vec<Step>, f64) {
        let c = default_spp();
        let m = c
            .designation(designation)
            .unwrap()
            .metrics
            .iter()
            .find(|m| m.id == metric)
            .unwrap()
            .clone();
        let scoring = if smb {
            m.smb.unwrap_or(m.enterprise)
        } else {
            m.enterprise
        };
        match scoring {
            Scoring::Skill(s) => (s, m.max),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn d1_a_gate_not_met_earns_nothing_on_enterprise_and_its_points_on_smb() {
        // p1: AZ-104, AZ-305; p2: AZ-305; p3–p7: AZ-140; p8, p9: AZ-700.
        let people: Vec<Vec<&str>> = vec![
            vec!["AZ-104", "AZ-305"],
            vec!["AZ-305"],
            vec!["AZ-140"],
            vec!["AZ-140"],
            vec!["AZ-140"],
            vec!["AZ-140"],
            vec!["AZ-140"],
            vec!["AZ-700"],
            vec!["AZ-700"],
        ];
        let score = |metric, smb| {
            let (s, max) = steps("infrastructure-azure", metric, smb);
            let held = people.iter().map(|p| move |c: &str| p.contains(&c));
            hundredths(skill_points(&s, max, &found_per_step(&s, held)))
        };
        assert_eq!(score(MetricId::Intermediate, false), 0);
        assert_eq!(score(MetricId::Advanced, false), 2000);
        assert_eq!(score(MetricId::Intermediate, true), 1200, "4 + 2 × 4");
        assert_eq!(score(MetricId::Advanced, true), 2000, "4 + 20, capped");
    }

    #[test]
    fn d2_per_person_points_stop_at_the_maximum() {
        let (s, max) = steps(
            "digital-app-innovation-azure",
            MetricId::Intermediate,
            false,
        );
        let mut people = vec![vec!["AZ-104"], vec!["AZ-104"]];
        people.extend(std::iter::repeat_n(vec!["AZ-204"], 6));
        let held = people.iter().map(|p| move |c: &str| p.contains(&c));
        assert_eq!(
            hundredths(skill_points(&s, max, &found_per_step(&s, held))),
            2000
        );
        // p1 also holding PL-400 counts in the gate and in step 2.
        let people = [
            vec!["AZ-104", "PL-400"],
            vec!["AZ-104"],
            vec!["AZ-204"],
            vec!["AZ-204"],
            vec!["AZ-204"],
            vec!["AZ-204"],
        ];
        let held = people.iter().map(|p| move |c: &str| p.contains(&c));
        assert_eq!(
            hundredths(skill_points(&s, max, &found_per_step(&s, held))),
            2000
        );
    }

    #[test]
    fn dd3_and_dd4_exact_quotients_round_to_the_printed_hundredths() {
        assert_eq!(hundredths(3.0 * 40.0 / 6.0), 2000);
        assert_eq!(hundredths(40.0 / 6.0), 667);
        assert_eq!(hundredths(7.0 * 15.0 / 7.0), 1500);
        let (total, met, positive) = qualification(70.0, &[2000, 2000, 2999]);
        assert_eq!((total, met, positive), (6999, false, true), "69.99 fails");
        assert!(!qualification(70.0, &[7000, 0]).2, "a metric at zero");
    }

    #[test]
    fn a_figure_is_in_force_from_last_month_or_the_month_before() {
        let day = |s: &str| Day::parse(s).unwrap();
        let t = Instant::parse("2026-05-15T00:00:00Z").unwrap();
        let entry = |p: &str, track, value| FigureEntry {
            period_end: day(p),
            track,
            value,
        };
        // §4.2's example: April counts in May; March only without April; February is too old.
        let april = [
            entry("2026-04-30", None, 2.0),
            entry("2026-03-31", None, 9.0),
        ];
        assert_eq!(
            in_force(&april, Track::Enterprise, t),
            Some((day("2026-04-30"), 2.0))
        );
        let march = [entry("2026-03-31", None, 9.0)];
        assert_eq!(
            in_force(&march, Track::Smb, t),
            Some((day("2026-03-31"), 9.0))
        );
        assert_eq!(
            in_force(&[entry("2026-02-28", None, 9.0)], Track::Smb, t),
            None
        );
        // D3: an SMB entry serves SMB; enterprise keeps the entry for both; several add up.
        let both = [
            entry("2026-04-30", None, 2.0),
            entry("2026-04-30", Some(Track::Smb), 1.0),
            entry("2026-04-30", Some(Track::Smb), 2.0),
        ];
        assert_eq!(in_force(&both, Track::Smb, t).map(|x| x.1), Some(3.0));
        assert_eq!(
            in_force(&both, Track::Enterprise, t).map(|x| x.1),
            Some(2.0)
        );
        // An enterprise-only March entry does not make March in force for SMB.
        let other = [entry("2026-04-30", Some(Track::Enterprise), 5.0)];
        assert_eq!(in_force(&other, Track::Smb, t), None);
        // DD13: as_of 2026-05-15 → the window starts 2025-12-01T00:00:00Z.
        assert_eq!(window_start(t, 6).rfc3339(), "2025-12-01T00:00:00Z");
    }

    #[test]
    fn the_counting_track_follows_the_flag_or_the_higher_total() {
        let classified = Tracks::Classified("azure_smb_track".into());
        // D3: no flag → enterprise 50.0 counts though SMB has 66.0; flag 1 → SMB.
        assert_eq!(
            counting_track(&classified, None, 5000, 6600),
            Track::Enterprise
        );
        assert_eq!(
            counting_track(&classified, Some(1.0), 5000, 6600),
            Track::Smb
        );
        assert_eq!(
            counting_track(&classified, Some(0.0), 5000, 6600),
            Track::Enterprise
        );
        assert_eq!(
            counting_track(&Tracks::HigherTotal, None, 6000, 6500),
            Track::Smb
        );
        assert_eq!(
            counting_track(&Tracks::HigherTotal, None, 6500, 6500),
            Track::Enterprise
        );
    }

    #[test]
    fn figure_and_growth_metrics_score_as_printed() {
        let c = default_spp();
        let infra = c.designation("infrastructure-azure").unwrap();
        let metric = |id| infra.metrics.iter().find(|m| m.id == id).unwrap();
        let net = metric(MetricId::NetCustomerAdds);
        let Scoring::Figures(f) = &net.enterprise else {
            panic!()
        };
        assert_eq!(hundredths(figures_points(f, net.max, &[Some(3.0)])), 3000);
        assert_eq!(
            hundredths(figures_points(f, net.max, &[Some(-2.0)])),
            0,
            "DD6"
        );
        let growth = metric(MetricId::UsageGrowth);
        let Scoring::Growth(g) = &growth.enterprise else {
            panic!()
        };
        let pts = |cur, base| hundredths(growth_points(g, growth.max, cur, base));
        assert_eq!(pts(Some(120_000.0), Some(100_000.0)), 2000);
        assert_eq!(pts(Some(121_560.0), Some(100_000.0)), 2000, "capped");
        assert_eq!(
            pts(Some(104_312.0), Some(100_000.0)),
            431,
            "DD5: proportional"
        );
        assert_eq!(
            pts(Some(1_200.0), Some(900.0)),
            0,
            "under the minimum baseline"
        );
        assert_eq!(pts(Some(120_000.0), None), 0);
        // Modern Work: the best association type counts (Max).
        let mw = c.designation("modern-work").unwrap();
        let usage = mw
            .metrics
            .iter()
            .find(|m| m.id == MetricId::UsageGrowth)
            .unwrap();
        let Scoring::Figures(f) = &usage.enterprise else {
            panic!()
        };
        assert_eq!(
            hundredths(figures_points(f, usage.max, &[Some(500.0), Some(4000.0)])),
            3000
        );
        assert_eq!(
            hundredths(figures_points(f, usage.max, &[Some(500.0), Some(1000.0)])),
            1500
        );
    }
}
