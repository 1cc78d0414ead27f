//! Builders for the worked examples of domain.md §10 and their defaults: market developed,
//! every employee associated on 2017-01-01T00:00:00Z, every achievement passed on 2017-06-01,
//! every figure with period end 2018-05-31, evaluated at 2018-06-01.
#![allow(dead_code)]

use attain::eval::{Engine, LevelName, Report};
use attain::i18n::{Lang, Tr};
use attain::io::catalog_file::default_catalog;
use attain::model::*;
use std::sync::OnceLock;

pub mod cli;
pub mod pdf;
pub mod ui;

/// A users file of `n` new people (`Nome{i} Cognome`, `nome{i}@contoso.it`), header first.
pub fn many_users_csv(n: usize) -> String {
    let mut csv = String::from("First name,Last name,Display name,Email\n");
    for i in 0..n {
        csv.push_str(&format!(
            "Nome{i},Cognome,Nome{i} Cognome,nome{i}@contoso.it\n"
        ));
    }
    csv
}

/// A file of ../shared/fixtures (`users/errors.csv`).
pub fn fixture(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(rel)
}

pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(default_catalog)
}

pub fn t(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

pub fn d(s: &str) -> Day {
    Day::parse(s).unwrap()
}

#[derive(Clone)]
pub struct Ex {
    pub org: Org,
}

pub fn ex() -> Ex {
    Ex {
        org: Org::new("Example", Market::Developed),
    }
}

impl Ex {
    /// A person with the default association and these credentials passed on 2017-06-01.
    pub fn person(mut self, id: &str, creds: &[&str]) -> Self {
        let mut e = Employee::new(id, id, &format!("{id}@example.com"));
        e.associated_on = Some(t("2017-01-01"));
        e.achievements = creds
            .iter()
            .map(|c| Achievement::new(c, t("2017-06-01")))
            .collect();
        self.org.employees.push(e);
        self
    }

    pub fn people(mut self, ids: &[&str], creds: &[&str]) -> Self {
        for id in ids {
            self = self.person(id, creds);
        }
        self
    }

    pub fn emp(&mut self, id: &str) -> &mut Employee {
        self.org
            .employees
            .iter_mut()
            .find(|e| e.id == id)
            .expect("employee")
    }

    pub fn grant(mut self, id: &str, creds: &[&str]) -> Self {
        let e = self.emp(id);
        e.achievements
            .extend(creds.iter().map(|c| Achievement::new(c, t("2017-06-01"))));
        self
    }

    pub fn metric(self, id: &str, value: f64) -> Self {
        self.metric_at(id, value, "2018-05-31")
    }

    pub fn metric_at(mut self, id: &str, value: f64, period_end: &str) -> Self {
        self.org.performance.push(PerformanceEntry {
            metric: id.into(),
            value,
            period_end: d(period_end),
            association: None,
            licence: None,
            track: None,
        });
        self
    }

    pub fn developing(mut self) -> Self {
        self.org.market = Market::Developing;
        self
    }

    pub fn settings(mut self, f: impl FnOnce(&mut Settings)) -> Self {
        let mut s = self.org.settings();
        f(&mut s);
        self.org.settings = Some(s);
        self
    }

    pub fn membership(mut self, tier: Tier, purchased_on: &str) -> Self {
        self.org.membership = Some(Subscription {
            tier,
            purchased_on: t(purchased_on),
            auto_renew: false,
            renewed_on: Vec::new(),
        });
        self
    }

    /// Round-trips the org through the org file text, so every example also checks load.
    pub fn eval(&self, as_of: &str) -> Report {
        let text = attain::io::org_file::org_to_string(&self.org);
        let org = attain::io::org_file::parse_org(&text, "example.org.ron", catalog())
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(org, self.org, "org file round trip");
        let mut r = Engine::new(catalog(), &org).unwrap().report(t(as_of));
        Tr::new(Lang::En).localize_report(&mut r);
        r
    }

    pub fn at(&self) -> Report {
        self.eval("2018-06-01")
    }
}

pub fn level(r: &Report, comp: &str) -> LevelName {
    r.level(comp)
}

/// (silver met, gold met) of an option.
pub fn option(r: &Report, comp: &str, opt: &str) -> (bool, bool) {
    let o = r
        .competency(comp)
        .unwrap()
        .options
        .iter()
        .find(|o| o.id == opt)
        .unwrap();
    (o.silver.met, o.gold.met)
}

pub fn option_report<'a>(
    r: &'a Report,
    comp: &str,
    opt: &str,
) -> &'a attain::eval::report::OptionReport {
    r.competency(comp)
        .unwrap()
        .options
        .iter()
        .find(|o| o.id == opt)
        .unwrap()
}

pub fn codes(r: &Report) -> Vec<String> {
    r.alerts
        .iter()
        .map(|a| {
            serde_json::to_value(a.code)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[allow(unused_imports)]
pub use LevelName::{Gold as GOLD, None as NONE, Silver as SILVER};
