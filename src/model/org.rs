//! The organisation as the org file describes it (org-file.md, format `attain-org/1`).

use super::catalog_def::{AssociationType, Licence};
use super::sym::Sym;
use super::time::{Day, Instant};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ORG_FORMAT: &str = "attain-org/1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Market {
    Developed,
    Developing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    ActionPack,
    Silver,
    Gold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Silver,
    Gold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum OverrideKind {
    #[default]
    Full,
    SkillsExemption,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ScoringModel {
    #[default]
    Requirements,
    Pci,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Org {
    pub format: String,
    pub name: String,
    pub market: Market,
    /// Written bare as the contract prints it (`domain: "contoso.it"`); read bare or as
    /// `Some("…")` (the org file's readers enable RON's `implicit_some`).
    #[serde(default, serialize_with = "bare_option")]
    pub domain: Option<String>,
    #[serde(default)]
    pub membership: Option<Subscription>,
    #[serde(default)]
    pub previous_subscriptions: Vec<Subscription>,
    #[serde(default)]
    pub settings: Option<Settings>,
    #[serde(default)]
    pub employees: Vec<Employee>,
    #[serde(default)]
    pub performance: Vec<PerformanceEntry>,
    #[serde(default)]
    pub overrides: Vec<Override>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subscription {
    pub tier: Tier,
    pub purchased_on: Instant,
    #[serde(default)]
    pub auto_renew: bool,
    #[serde(default)]
    pub renewed_on: Vec<Instant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employee {
    pub id: String,
    pub display_name: String,
    pub email: String,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub mcid: Option<String>,
    #[serde(default)]
    pub associated_on: Option<Instant>,
    #[serde(default)]
    pub university_associated_on: Option<Instant>,
    /// First instant at which the person no longer counts.
    #[serde(default)]
    pub left_on: Option<Instant>,
    /// Associated with another organisation at this instant (a later `associated_on` clears it).
    #[serde(default)]
    pub dissociated_on: Option<Instant>,
    #[serde(default)]
    pub achievements: Vec<Achievement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Achievement {
    pub credential: Sym,
    pub passed_on: Instant,
    /// Last day it counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Day>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inactive: bool,
    // Fields at their default are left out when writing: 2 million achievements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sym>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerformanceEntry {
    pub metric: String,
    pub value: f64,
    pub period_end: Day,
    #[serde(default)]
    pub association: Option<AssociationType>,
    #[serde(default)]
    pub licence: Option<Licence>,
    /// A designation figure entered for one track only (designations.md §2.4); `None`: both.
    /// Left out when writing, so files without designations read and write as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<super::spp_def::Track>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub competency: String,
    pub level: Level,
    #[serde(default)]
    pub kind: OverrideKind,
    pub starts_on: Day,
    /// Last day; `None`: `starts_on` + `override_default_months`.
    #[serde(default)]
    pub ends_on: Option<Day>,
    pub reason: String,
    pub set_by: String,
}

/// Organisation settings (domain.md §11); every key optional in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub allow_individual_reuse_across_competencies: bool,
    pub competency_priority: Vec<String>,
    pub scoring_models: BTreeMap<String, ScoringModel>,
    pub pci_customer_market: Option<Market>,
    pub pci_fc_option_two_since: Option<Day>,
    pub sync_delay_hours: u32,
    pub ttm_months: u32,
    pub skill_max_age_months: Option<u32>,
    pub override_default_months: u32,
    pub renewal_window_days: u32,
    pub renewal_reminder_before_days: u32,
    pub renewal_reminder_after_days: u32,
    pub credential_expiring_days: u32,
    pub override_ending_days: u32,
    pub silver_to_gold_discount_pct: f64,
    pub action_pack_fee_usd: Option<f64>,
    pub silver_fee_usd: Option<f64>,
    pub gold_fee_usd: Option<f64>,
    /// Days before a counted credential stops counting at which to remind (attain's own key).
    pub reminder_stages_days: Vec<u32>,
    /// The bundled `spp-*` snapshot to score designations with; `None`: the newest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub designation_snapshot: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allow_individual_reuse_across_competencies: true,
            competency_priority: Vec::new(),
            scoring_models: BTreeMap::new(),
            pci_customer_market: None,
            pci_fc_option_two_since: None,
            sync_delay_hours: 24,
            ttm_months: 12,
            skill_max_age_months: None,
            override_default_months: 3,
            renewal_window_days: 30,
            renewal_reminder_before_days: 15,
            renewal_reminder_after_days: 23,
            credential_expiring_days: 90,
            override_ending_days: 30,
            silver_to_gold_discount_pct: 25.0,
            action_pack_fee_usd: Some(475.0),
            silver_fee_usd: None,
            gold_fee_usd: None,
            reminder_stages_days: vec![180, 90, 30, 7],
            designation_snapshot: None,
        }
    }
}

impl Org {
    /// An employee id for a new person named `name` (lower case, words joined by dots, after
    /// `prefix`), with 2, 3… appended while it is taken.
    pub fn free_employee_id(&self, prefix: &str, name: &str) -> String {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let base = format!("{prefix}{}", words.join("."));
        let mut id = base.clone();
        let mut n = 2;
        while self.employees.iter().any(|e| e.id == id) {
            id = format!("{base}{n}");
            n += 1;
        }
        id
    }

    /// An empty organisation of the current format.
    pub fn new(name: &str, market: Market) -> Self {
        Org {
            format: ORG_FORMAT.to_string(),
            name: name.to_string(),
            market,
            domain: None,
            membership: None,
            previous_subscriptions: Vec::new(),
            settings: None,
            employees: Vec::new(),
            performance: Vec::new(),
            overrides: Vec::new(),
        }
    }

    /// The settings in force: the file's, or the defaults.
    pub fn settings(&self) -> Settings {
        self.settings.clone().unwrap_or_default()
    }

    /// Every subscription, oldest first (the current one last).
    pub fn subscriptions(&self) -> Vec<&Subscription> {
        self.previous_subscriptions
            .iter()
            .chain(self.membership.as_ref())
            .collect()
    }
}

impl Employee {
    pub fn new(id: &str, display_name: &str, email: &str) -> Self {
        Employee {
            id: id.to_string(),
            display_name: display_name.to_string(),
            email: email.to_string(),
            first_name: None,
            last_name: None,
            mcid: None,
            associated_on: None,
            university_associated_on: None,
            left_on: None,
            dissociated_on: None,
            achievements: Vec::new(),
        }
    }
}

impl Achievement {
    pub fn new(credential: &str, passed_on: Instant) -> Self {
        Achievement {
            credential: Sym::new(credential),
            passed_on,
            expires_on: None,
            inactive: false,
            source: None,
        }
    }
}

/// An optional text written as the text itself, or `None`.
fn bare_option<S: serde::Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(text) => s.serialize_str(text),
        None => s.serialize_none(),
    }
}
