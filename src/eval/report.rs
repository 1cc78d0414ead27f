//! The evaluation report (org-file.md, `attain-eval/1`): the one result every view shows.

use super::people::Reason;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

pub const REPORT_FORMAT: &str = "attain-eval/1";

/// An identifier shared with the engine's tables: large reports allocate no string per id.
pub type Id = Arc<str>;

/// A competency level result; ordered none < silver < gold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LevelName {
    #[default]
    None,
    Silver,
    Gold,
}

impl LevelName {
    pub fn as_str(self) -> &'static str {
        match self {
            LevelName::None => "none",
            LevelName::Silver => "silver",
            LevelName::Gold => "gold",
        }
    }
}

impl From<crate::model::Level> for LevelName {
    fn from(l: crate::model::Level) -> Self {
        match l {
            crate::model::Level::Silver => LevelName::Silver,
            crate::model::Level::Gold => LevelName::Gold,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub as_of: String,
    pub org: String,
    pub competencies: Vec<CompetencyReport>,
    pub membership: MembershipReport,
    pub alerts: Vec<Alert>,
    pub not_credited: Vec<NotCredited>,
    pub input_warnings: Vec<Warning>,
    /// The designations snapshot used (designations.md §7.1); `None` without one.
    pub designation_catalog: Option<String>,
    pub designations: Vec<super::spp_report::DesignationReport>,
    pub designation_not_credited: Vec<NotCredited>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyReport {
    pub id: String,
    pub level: LevelName,
    pub displayed_level: LevelName,
    #[serde(rename = "override")]
    pub overridden: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pci: Option<PciReport>,
    pub options: Vec<OptionReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionReport {
    pub id: String,
    pub silver: LevelReport,
    pub gold: LevelReport,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct LevelReport {
    pub met: bool,
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Requirement {
    Performance {
        metric: String,
        required: f64,
        actual: f64,
        met: bool,
    },
    Skill {
        required_people: u32,
        people: Vec<String>,
        met: bool,
        missing: Option<String>,
    },
}

impl Requirement {
    pub fn met(&self) -> bool {
        match self {
            Requirement::Performance { met, .. } | Requirement::Skill { met, .. } => *met,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PciReport {
    pub customer_engagement: PciPath,
    pub finance_and_operations: PciPath,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PciPath {
    pub total: f64,
    pub points: BTreeMap<&'static str, f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TierName {
    None,
    ActionPack,
    Silver,
    Gold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    None,
    Active,
    RenewalWindow,
    Lapsed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MembershipReport {
    pub tier: TierName,
    pub status: Status,
    pub anniversary: Option<String>,
    pub renewal_window: Option<[String; 2]>,
    pub can_upgrade_to: Option<LevelName>,
    pub upgrade_price_usd: Option<f64>,
}

impl MembershipReport {
    /// The subscription year in force: from the purchase (or renewal) day to the anniversary.
    pub fn subscription_year(&self) -> Option<(crate::model::Day, crate::model::Day)> {
        let a = crate::model::Day::parse(self.anniversary.as_deref()?).ok()?;
        Some((a.add_months(-12), a))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertCode {
    RenewalAtRisk,
    RenewalWindowOpen,
    RenewalReminder,
    MembershipLapsed,
    AssociationPending,
    CredentialExpiring,
    OverrideEnding,
    DesignationAtRisk,
    CertificationExpiring,
    DesignationFigureMissing,
    DesignationCatalogStale,
}

impl AlertCode {
    /// The Fluent message id of the alert text.
    pub fn message_id(self) -> &'static str {
        match self {
            AlertCode::RenewalAtRisk => "alert-renewal-at-risk",
            AlertCode::RenewalWindowOpen => "alert-renewal-window-open",
            AlertCode::RenewalReminder => "alert-renewal-reminder",
            AlertCode::MembershipLapsed => "alert-membership-lapsed",
            AlertCode::AssociationPending => "alert-association-pending",
            AlertCode::CredentialExpiring => "alert-credential-expiring",
            AlertCode::OverrideEnding => "alert-override-ending",
            AlertCode::DesignationAtRisk => "alert-designation-at-risk",
            AlertCode::CertificationExpiring => "alert-certification-expiring",
            AlertCode::DesignationFigureMissing => "alert-designation-figure-missing",
            AlertCode::DesignationCatalogStale => "alert-designation-catalog-stale",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub code: AlertCode,
    pub message: String,
    pub competencies: Vec<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Designation alerts (designations.md §7.4), and `association_pending` when a waiting
    /// credential is a designation credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub designations: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// Further arguments of the message (`n`, `checked_on`); not part of the report.
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

impl Alert {
    pub fn new(code: AlertCode, competencies: Vec<Id>) -> Self {
        Alert {
            code,
            message: String::new(),
            competencies,
            employees: None,
            credentials: None,
            date: None,
            designations: None,
            figures: None,
            total: None,
            args: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCredited {
    /// Shared with the engine's tables: a large report allocates no string per entry.
    pub employee: Id,
    pub credential: crate::model::Sym,
    pub reason: Reason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    AchievementAfterRetirement,
    RenewalIneligible,
    CloudRevenueExceedsTotal,
    CertificationExpiryUnknown,
}

impl WarningCode {
    pub fn message_id(self) -> &'static str {
        match self {
            WarningCode::AchievementAfterRetirement => "warning-achievement-after-retirement",
            WarningCode::RenewalIneligible => "warning-renewal-ineligible",
            WarningCode::CloudRevenueExceedsTotal => "warning-cloud-revenue-exceeds-total",
            WarningCode::CertificationExpiryUnknown => "warning-certification-expiry-unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Report {
    pub fn competency(&self, id: &str) -> Option<&CompetencyReport> {
        self.competencies.iter().find(|c| c.id == id)
    }

    /// The level of a competency, `none` for an unknown id.
    pub fn level(&self, id: &str) -> LevelName {
        self.competency(id).map_or(LevelName::None, |c| c.level)
    }

    pub fn alerts_of(&self, code: AlertCode) -> impl Iterator<Item = &Alert> {
        self.alerts.iter().filter(move |a| a.code == code)
    }
}
