//! Instants and whole days as the org file writes them (all UTC, domain.md Conventions).

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An instant; in files a bare date `D` (meaning `D`T00:00:00Z) or an RFC 3339 instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub DateTime<Utc>);

/// A whole UTC day; in files `YYYY-MM-DD` (an instant is reduced to its UTC date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

pub const SECS_PER_DAY: i64 = 86_400;

/// The years a date in a file or a field may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

impl Instant {
    /// Parses a date or an RFC 3339 instant.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        // The two forms attain writes, read without chrono's format parser (an org file of
        // 100,000 people holds 2 million of them); anything else takes the general path.
        if let Some(t) = canonical(s) {
            return Ok(t);
        }
        let t = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Day(d).start()
        } else {
            DateTime::parse_from_rfc3339(s)
                .map(|t| Instant(t.with_timezone(&Utc)))
                .map_err(|_| {
                    format!("{s:?} is neither a date (YYYY-MM-DD) nor an RFC 3339 instant")
                })?
        };
        // Far years parse (chrono takes `+262142-12-31`) but leave no room for the date
        // arithmetic of the rules (months added, grace periods): refused here, once.
        if !YEARS.contains(&t.0.year()) {
            return Err(format!(
                "{s:?} is out of range (years {} to {})",
                YEARS.start(),
                YEARS.end()
            ));
        }
        Ok(t)
    }

    pub fn secs(self) -> i64 {
        self.0.timestamp()
    }

    pub fn from_secs(secs: i64) -> Self {
        Instant(
            Utc.timestamp_opt(secs, 0)
                .single()
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
        )
    }

    pub fn day(self) -> Day {
        Day(self.0.date_naive())
    }

    /// RFC 3339 with `Z` and whole seconds, as the report prints instants.
    pub fn rfc3339(self) -> String {
        let mut s = String::with_capacity(20);
        let _ = self.write_rfc3339(&mut s);
        s
    }

    fn write_rfc3339(self, f: &mut impl fmt::Write) -> fmt::Result {
        match digits(self.day(), Some(self.0.time()), &mut [0; 20]) {
            Some(text) => f.write_str(text),
            None => write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` with every digit in place and the year in [`YEARS`];
/// `None` for any other text (which [`Instant::parse`] reads the general way).
fn canonical(s: &str) -> Option<Instant> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(num(0..4)?).ok()?;
    if !YEARS.contains(&year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)?;
    let time = match b.len() {
        10 => NaiveTime::MIN,
        20 if b[10] == b'T' && b[13] == b':' && b[16] == b':' && b[19] == b'Z' => {
            NaiveTime::from_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?
        }
        _ => return None,
    };
    Some(Instant(date.and_time(time).and_utc()))
}

impl Day {
    pub fn parse(s: &str) -> Result<Self, String> {
        Instant::parse(s).map(Instant::day)
    }

    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Day)
    }

    /// `D`T00:00:00Z: where a first day starts to hold.
    pub fn start(self) -> Instant {
        Instant(self.0.and_time(NaiveTime::MIN).and_utc())
    }

    /// (`D` + 1 day)T00:00:00Z: the first instant at which a last day `D` no longer holds.
    pub fn end(self) -> Instant {
        self.add_days(1).start()
    }

    /// `end()` in seconds, by arithmetic on the day number (2 million achievements each
    /// have one; chrono's date arithmetic costs more than the rest of preparing them).
    pub fn end_secs(self) -> i64 {
        use chrono::Datelike;
        // 719,163 days from 0001-01-01 (day 1) to 1970-01-01.
        (i64::from(self.0.num_days_from_ce()) - 719_163 + 1) * SECS_PER_DAY
    }

    pub fn add_days(self, n: i64) -> Day {
        Day(self.0 + chrono::Duration::days(n))
    }

    /// Calendar months, clamped to the month end (2018-01-31 + 1 month = 2018-02-28).
    pub fn add_months(self, n: i32) -> Day {
        let d = if n >= 0 {
            self.0.checked_add_months(Months::new(n.unsigned_abs()))
        } else {
            self.0.checked_sub_months(Months::new(n.unsigned_abs()))
        };
        Day(d.unwrap_or(self.0))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Laid out directly: chrono's format string is parsed on every call, and reports
        // print a date per alert and reminder.
        match digits(*self, None, &mut [0; 20]) {
            Some(text) => f.write_str(text),
            None => write!(f, "{}", self.0.format("%Y-%m-%d")),
        }
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.time() == NaiveTime::MIN {
            fmt::Display::fmt(&self.day(), f)
        } else {
            self.write_rfc3339(f)
        }
    }
}

/// `YYYY-MM-DD`, or with `THH:MM:SSZ` after it, laid out in place: 2 million achievements are
/// written on every save, export and fingerprint, and `fmt`'s machinery costs more than that.
fn digits(day: Day, time: Option<NaiveTime>, buf: &mut [u8; 20]) -> Option<&str> {
    use chrono::Timelike;
    let y = u32::try_from(day.0.year()).ok().filter(|y| *y <= 9999)?;
    let mut put = |at: usize, n: u32, width: usize| {
        for i in 0..width {
            buf[at + width - 1 - i] = b'0' + (n / 10u32.pow(i as u32) % 10) as u8;
        }
    };
    put(0, y, 4);
    put(5, day.0.month(), 2);
    put(8, day.0.day(), 2);
    let len = match time {
        None => 10,
        Some(t) => {
            put(11, t.hour(), 2);
            put(14, t.minute(), 2);
            put(17, t.second(), 2);
            20
        }
    };
    let buf = &mut buf[..len];
    buf[4] = b'-';
    buf[7] = b'-';
    if len == 20 {
        buf[10] = b'T';
        buf[13] = b':';
        buf[16] = b':';
        buf[19] = b'Z';
    }
    std::str::from_utf8(buf).ok()
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let time = Some(self.0.time()).filter(|t| *t != NaiveTime::MIN);
        match digits(self.day(), time, &mut [0; 20]) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

/// Reads an instant or a day from the file's text in place, without a `String` per value.
struct TimeVisitor<T>(fn(&str) -> Result<T, String>);

impl<T> serde::de::Visitor<'_> for TimeVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD) or an RFC 3339 instant")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        (self.0)(s).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TimeVisitor(Instant::parse))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match digits(*self, None, &mut [0; 20]) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TimeVisitor(Day::parse))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn end_secs_is_the_end_instant() {
        for d in [
            "1900-01-01",
            "1969-12-31",
            "1970-01-01",
            "2024-02-29",
            "2026-12-31",
            "2999-12-31",
        ] {
            let day = Day::parse(d).unwrap();
            assert_eq!(day.end_secs(), day.end().secs(), "{d}");
        }
    }

    use super::*;

    #[test]
    fn far_years_are_refused_not_overflowed() {
        for s in [
            "+262142-12-31",
            "-0001-01-01",
            "1899-12-31",
            "3000-01-01T00:00:00Z",
        ] {
            let e = Instant::parse(s).unwrap_err();
            assert!(
                e.contains("out of range") || e.contains("neither"),
                "{s}: {e}"
            );
        }
        assert!(
            Day::parse("2999-12-31").unwrap().end() > Day::parse("2999-12-31").unwrap().start()
        );
    }

    #[test]
    fn the_fast_path_reads_as_chrono_does() {
        for s in [
            "2018-06-01",
            "2018-05-02T09:59:59Z",
            "2024-02-29",
            "2023-02-29",
            "2018-13-01",
            "2018-06-01T24:00:00Z",
            "2018-06-01T23:59:60Z",
            "1899-12-31",
            "2018-06-1",
            "2018-06-01T09:59:59",
        ] {
            let general = || -> Option<Instant> {
                let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .map(|d| Day(d).start());
                let t = d.or_else(|| {
                    DateTime::parse_from_rfc3339(s)
                        .ok()
                        .map(|t| Instant(t.with_timezone(&Utc)))
                })?;
                YEARS.contains(&t.0.year()).then_some(t)
            };
            if let Some(fast) = canonical(s) {
                assert_eq!(Some(fast), general(), "{s}");
            }
            assert_eq!(Instant::parse(s).ok(), general(), "{s}");
        }
        let t = Instant::parse("2018-05-02T09:08:07Z").unwrap();
        assert_eq!(t.rfc3339(), t.0.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        for s in ["2018-05-02T09:08:07Z", "2018-05-02", "1900-01-01T23:59:59Z"] {
            let t = Instant::parse(s).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{t}\""));
            assert_eq!(
                serde_json::to_string(&t.day()).unwrap(),
                format!("\"{}\"", t.day())
            );
        }
    }

    #[test]
    fn parses_dates_and_instants() {
        let a = Instant::parse("2018-06-01").unwrap();
        assert_eq!(a.rfc3339(), "2018-06-01T00:00:00Z");
        let b = Instant::parse("2018-05-02T09:59:59Z").unwrap();
        assert_eq!(b.to_string(), "2018-05-02T09:59:59Z");
        assert_eq!(
            Instant::parse("2018-05-02T11:00:00+02:00")
                .unwrap()
                .rfc3339(),
            "2018-05-02T09:00:00Z"
        );
        assert!(Instant::parse("2018-13-01").is_err());
        assert_eq!(
            Day::parse("2018-12-31T23:00:00Z").unwrap().to_string(),
            "2018-12-31"
        );
    }

    #[test]
    fn months_clamp_to_month_end() {
        let d = Day::ymd(2018, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2018-02-28");
        assert_eq!(
            Day::ymd(2020, 2, 29).unwrap().add_months(-12).to_string(),
            "2019-02-28"
        );
        assert_eq!(
            Day::ymd(2018, 1, 15).unwrap().add_months(3).to_string(),
            "2018-04-15"
        );
    }
}
