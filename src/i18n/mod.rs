//! Translations through Fluent (`assets/i18n/<locale>/attain.ftl`).
//!
//! The translator is a value passed to whoever needs it (the locale travels in app state,
//! never in a global), so tests in one process can use both languages at once.

use crate::eval::Report;
pub mod words;

pub use words::Wording;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

const EN: &str = include_str!("../../assets/i18n/en-US/attain.ftl");
const IT: &str = include_str!("../../assets/i18n/it-IT/attain.ftl");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    It,
}

impl Lang {
    /// `en`, `en-US`, `it`, `it_IT.UTF-8`… (case-insensitive); `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("it") {
            Some(Lang::It)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl Lang {
    /// The operating system's language, English when it is neither Italian nor English.
    pub fn from_os() -> Lang {
        sys_locale::get_locale()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }
}

impl Lang {
    /// A day in the language's usual form: 11/25/2026 / 25/11/2026.
    pub fn date(self, d: crate::model::Day) -> String {
        match self {
            Lang::En => d.0.format("%m/%d/%Y").to_string(),
            Lang::It => d.0.format("%d/%m/%Y").to_string(),
        }
    }
}

pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        let (src, id) = match lang {
            Lang::En => (EN, unic_langid::langid!("en-US")),
            Lang::It => (IT, unic_langid::langid!("it-IT")),
        };
        // build.rs parses both files and checks they define the same keys.
        let resource =
            FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _errors)| res);
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        // Counts in the locale's form ("100.000 dipendenti"); Fluent's own has no grouping.
        bundle.set_formatter(Some(match lang {
            Lang::En => |v, _| grouped(v, Lang::En),
            Lang::It => |v, _| grouped(v, Lang::It),
        }));
        // Adding one resource to an empty bundle cannot collide with an existing message.
        bundle.add_resource_overriding(resource);
        Tr { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`; the id itself if the message is missing.
    pub fn t(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            // `count` selects plural forms, which match numbers only.
            match (*k, v.parse::<f64>()) {
                ("count", Ok(n)) => fargs.set(*k, FluentValue::from(n)),
                _ => fargs.set(*k, FluentValue::from(v.clone())),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// A level's word: none / Silver / Gold, nessuno / Silver / Gold.
    pub fn level(&self, l: crate::eval::LevelName) -> String {
        self.t(&format!("level-{}", l.as_str()), &[])
    }

    /// A date as the locale writes it: 12/31/2018 (en-US), 31/12/2018 (it-IT).
    pub fn date(&self, d: crate::model::Day) -> String {
        self.lang.date(d)
    }

    /// Parses what a user types for a date: ISO (2018-12-31) or the locale's form.
    pub fn parse_day(&self, s: &str) -> Option<crate::model::Day> {
        let s = s.trim();
        if let Ok(d) = crate::model::Day::parse(s) {
            return Some(d);
        }
        let fmt = match self.lang {
            Lang::En => "%m/%d/%Y",
            Lang::It => "%d/%m/%Y",
        };
        chrono::NaiveDate::parse_from_str(s, fmt)
            .ok()
            .map(crate::model::Day)
    }

    /// A date or an instant typed by the user.
    pub fn parse_instant(&self, s: &str) -> Option<crate::model::Instant> {
        crate::model::Instant::parse(s.trim())
            .ok()
            .or_else(|| self.parse_day(s).map(crate::model::Day::start))
    }

    /// A number with the locale's grouping and decimal marks: 15,000.5 / 15.000,5.
    pub fn number(&self, v: f64) -> String {
        Tr::number_in(self.lang, v)
    }

    /// A typed number, with or without this language's grouping marks ("15,000.5" /
    /// "15.000,5"). In Italian a dot is a decimal point unless it groups thousands
    /// ("1.234.567"), so a pasted "15000.5" reads as typed.
    pub fn parse_number(&self, s: &str) -> Option<f64> {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'')
            .collect();
        let grouped = |mark: char| {
            let mut parts = s.trim_start_matches('-').split(mark);
            let head = parts.next().unwrap_or_default();
            (1..=3).contains(&head.len())
                && s.contains(mark)
                && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        };
        let n = match self.lang {
            Lang::It if s.contains(',') => s.replace('.', "").replace(',', "."),
            Lang::It if grouped('.') => s.replace('.', ""),
            Lang::It => s,
            Lang::En => s.replace(',', ""),
        };
        n.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// A price in US dollars as this language writes it, always with cents: "US$ 3,547.50",
    /// "3.547,50 US$".
    pub fn usd(&self, v: f64) -> String {
        let cents = (v * 100.0).round() as i64;
        let whole = Tr::number_in(self.lang, (cents / 100) as f64);
        let decimal = if self.lang == Lang::It { ',' } else { '.' };
        let amount = format!("{whole}{decimal}{:02}", (cents % 100).abs());
        self.t("money-usd", &[("amount", amount)])
    }

    fn number_in(lang: Lang, v: f64) -> String {
        let (group, decimal) = match lang {
            Lang::En => (',', '.'),
            Lang::It => ('.', ','),
        };
        let neg = v < 0.0;
        let rounded = (v.abs() * 100.0).round() / 100.0;
        let int = rounded.trunc() as u64;
        let frac = ((rounded - rounded.trunc()) * 100.0).round() as u64;
        let digits = int.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(c);
        }
        if frac > 0 {
            out.push(decimal);
            out.push_str(format!("{frac:02}").trim_end_matches('0'));
        }
        if neg { format!("-{out}") } else { out }
    }

    /// Fills the alert and warning messages in this language for a person to read: display
    /// names, competency names, credential titles and dates in the locale's form (the window;
    /// the command line's report keeps the ids of the contract).
    pub fn localize_report_for(
        &self,
        report: &mut Report,
        org: &crate::model::Org,
        catalog: &crate::model::Catalog,
    ) {
        let named: rustc_hash::FxHashSet<&str> = report
            .alerts
            .iter()
            .flat_map(|a| a.employees.iter().flatten())
            .chain(
                report
                    .input_warnings
                    .iter()
                    .flat_map(|w| w.employees.iter().flatten()),
            )
            .map(|e| e.as_ref())
            .collect();
        let names: rustc_hash::FxHashMap<&str, &str> = org
            .employees
            .iter()
            .filter(|e| named.contains(e.id.as_str()))
            .map(|e| (e.id.as_str(), e.display_name.as_str()))
            .collect();
        let people = |ids: &Option<Vec<std::sync::Arc<str>>>| {
            let ids = ids.as_deref().unwrap_or_default();
            let words: Vec<&str> = ids
                .iter()
                .map(|id| names.get(id.as_ref()).copied().unwrap_or(id))
                .collect();
            self.list(&words)
        };
        let titles = |ids: &Option<Vec<std::sync::Arc<str>>>| {
            let ids = ids.as_deref().unwrap_or_default();
            let words: Vec<&str> = ids.iter().map(|id| catalog.credential_title(id)).collect();
            self.list(&words)
        };
        let date = |d: &Option<String>| {
            d.as_deref().map_or_else(String::new, |d| {
                crate::model::Day::parse(d).map_or_else(|_| d.to_string(), |d| self.date(d))
            })
        };
        for a in &mut report.alerts {
            let competencies: Vec<&str> = a
                .competencies
                .iter()
                .map(|c| catalog.competency_name(c))
                .collect();
            let mut args = vec![
                ("employee", people(&a.employees)),
                ("credentials", titles(&a.credentials)),
                ("competencies", self.list(&competencies)),
                ("date", date(&a.date)),
            ];
            for (k, v) in &a.args {
                let v = if *k == "checked_on" {
                    date(&Some(v.clone()))
                } else {
                    v.clone()
                };
                args.push((k, v));
            }
            a.message = self.t(a.code.message_id(), &args);
        }
        for w in &mut report.input_warnings {
            let args = [
                ("employee", people(&w.employees)),
                ("credentials", titles(&w.credentials)),
                ("date", date(&w.date)),
            ];
            w.message = self.t(w.code.message_id(), &args);
        }
    }

    /// A list in words: "a", "a and b", "a, b and c" ("e" in Italian).
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => {
                format!("{} {} {last}", init.join(", "), self.t("list-and", &[]))
            }
        }
    }

    /// Fills every alert and warning message of the report in this language.
    pub fn localize_report(&self, report: &mut Report) {
        for a in &mut report.alerts {
            let mut args = vec![
                ("employee", join(&a.employees)),
                ("credentials", join(&a.credentials)),
                ("competencies", a.competencies.join(", ")),
                ("date", a.date.clone().unwrap_or_default()),
            ];
            args.extend(a.args.iter().map(|(k, v)| (*k, v.clone())));
            a.message = self.t(a.code.message_id(), &args);
        }
        for w in &mut report.input_warnings {
            let args = [
                ("employee", join(&w.employees)),
                ("credentials", join(&w.credentials)),
                ("date", w.date.clone().unwrap_or_default()),
            ];
            w.message = self.t(w.code.message_id(), &args);
        }
    }
}

/// A Fluent number written as the locale writes numbers; other values as Fluent does.
fn grouped(v: &FluentValue, lang: Lang) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(Tr::number_in(lang, n.value)),
        _ => None,
    }
}

fn join(ids: &Option<Vec<std::sync::Arc<str>>>) -> String {
    ids.as_deref().unwrap_or_default().join(", ")
}

impl crate::eval::words::Words for Tr {
    fn t(&self, id: &str, args: &[(&str, String)]) -> String {
        Tr::t(self, id, args)
    }
    fn level(&self, l: crate::eval::LevelName) -> String {
        Tr::level(self, l)
    }
    fn date(&self, d: crate::model::Day) -> String {
        Tr::date(self, d)
    }
    fn number(&self, v: f64) -> String {
        Tr::number(self, v)
    }
    fn lang_code(&self) -> &'static str {
        self.lang.code()
    }
    fn localize_report(&self, report: &mut Report) {
        Tr::localize_report(self, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_read_in_each_language() {
        let (en, it) = (Tr::new(Lang::En), Tr::new(Lang::It));
        assert_eq!(en.parse_number("119,500"), Some(119500.0));
        assert_eq!(en.parse_number("-1,234.5"), Some(-1234.5));
        assert_eq!(it.parse_number("119.500"), Some(119500.0));
        assert_eq!(it.parse_number("1.234,5"), Some(1234.5));
        assert_eq!(it.parse_number("-3"), Some(-3.0));
        // Pasted as the portal writes it: a dot that does not group thousands is a decimal.
        assert_eq!(it.parse_number("15000.5"), Some(15000.5));
        assert_eq!(en.parse_number("five"), None);
    }

    #[test]
    fn both_languages_have_the_at_risk_text() {
        assert_eq!(
            Tr::new(Lang::En).t("alert-renewal-at-risk", &[]),
            "A recent change to your competency achievement has put your membership renewal eligibility at risk"
        );
        assert_eq!(
            Tr::new(Lang::It).t("alert-renewal-at-risk", &[]),
            "A seguito di una recente modifica al processo di acquisizione delle competenze, potresti non essere idoneo al rinnovo dell'appartenenza"
        );
    }

    #[test]
    fn dates_and_numbers_follow_the_locale() {
        let d = crate::model::Day::ymd(2018, 12, 31).unwrap();
        assert_eq!(Tr::new(Lang::En).date(d), "12/31/2018");
        assert_eq!(Tr::new(Lang::It).date(d), "31/12/2018");
        assert_eq!(Tr::new(Lang::En).number(1234567.5), "1,234,567.5");
        assert_eq!(Tr::new(Lang::It).number(15000.0), "15.000");
        assert_eq!(Tr::new(Lang::It).number(-0.25), "-0,25");
    }

    #[test]
    fn counts_are_grouped_as_the_locale_writes_numbers() {
        let it = Tr::new(Lang::It).t("list-more", &[("count", "100000".into())]);
        assert!(it.contains("100.000"), "{it}");
        let en = Tr::new(Lang::En).t("list-more", &[("count", "1234".into())]);
        assert!(en.contains("1,234"), "{en}");
    }

    #[test]
    fn arguments_are_substituted() {
        let s = Tr::new(Lang::It).t(
            "alert-credential-expiring",
            &[
                ("employee", "p1".into()),
                ("credentials", "70-534".into()),
                ("date", "2019-01-01".into()),
            ],
        );
        assert!(
            s.contains("p1") && s.contains("70-534") && s.contains("2019-01-01"),
            "{s}"
        );
        assert_eq!(Lang::parse("it_IT.UTF-8"), Some(Lang::It));
        assert_eq!(Lang::parse("fr"), None);
    }
}
