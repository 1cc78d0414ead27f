//! Every worked example of domain.md §10 that concerns the engine (E12, E29, E30 are imports).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;
use attain::eval::people::Reason;
use attain::eval::report::{AlertCode, Requirement, Status, TierName};
use attain::model::{
    AssociationType, Level, Licence, Override, OverrideKind, ScoringModel, Subscription, Tier,
};
use common::*;

fn ids(v: &[&str]) -> Vec<std::sync::Arc<str>> {
    v.iter().map(|s| std::sync::Arc::from(*s)).collect()
}

fn skill(r: &attain::eval::report::LevelReport) -> (&Vec<String>, u32, &Option<String>, bool) {
    r.requirements
        .iter()
        .find_map(|q| match q {
            Requirement::Skill {
                people,
                required_people,
                missing,
                met,
            } => Some((people, *required_people, missing, *met)),
            _ => None,
        })
        .unwrap()
}

const CP_LIST: &str = "TA-CloudPlatform, TA-AzureDataAnalyticsPlatform, TA-AzureAppDev, TA-AzureIoT, TA-AzureRemoteDesktop, 70-532, 70-533, 70-534, 70-535, 70-473, 70-475, MCSA-LinuxAzure";

#[test]
fn e01_cloud_platform_silver_threshold() {
    let r = ex()
        .person("p1", &["70-533"])
        .metric("azure_consumption_usd", 15000.0)
        .at();
    assert_eq!(
        option(&r, "cloud-platform", "azure-consumption"),
        (true, false)
    );
    assert_eq!(level(&r, "cloud-platform"), SILVER);
    let r = ex()
        .person("p1", &["70-533"])
        .metric("azure_consumption_usd", 14999.0)
        .at();
    assert_eq!(level(&r, "cloud-platform"), NONE);
    let perf = &option_report(&r, "cloud-platform", "azure-consumption")
        .silver
        .requirements[0];
    assert_eq!(
        perf,
        &Requirement::Performance {
            metric: "azure_consumption_usd".into(),
            required: 15000.0,
            actual: 14999.0,
            met: false
        }
    );
    let r = ex()
        .developing()
        .person("p1", &["70-533"])
        .metric("azure_consumption_usd", 10000.0)
        .at();
    assert_eq!(level(&r, "cloud-platform"), SILVER);
}

#[test]
fn e02_gold_without_enough_people() {
    let e = ex()
        .person("p1", &["70-533"])
        .metric("azure_consumption_usd", 250000.0);
    let r = e.at();
    let gold = &option_report(&r, "cloud-platform", "azure-consumption").gold;
    let (people, required, missing, met) = skill(gold);
    assert!(!met && !gold.met);
    assert_eq!((people.clone(), required), (vec!["p1".to_string()], 2));
    assert_eq!(
        missing.as_deref(),
        Some(format!("1 more person with one of: {CP_LIST}").as_str())
    );
    assert_eq!(level(&r, "cloud-platform"), SILVER);
    assert_eq!(
        level(
            &e.person("p2", &["TA-CloudPlatform"]).at(),
            "cloud-platform"
        ),
        GOLD
    );
}

#[test]
fn e03_retirement_grace() {
    let base = |passed: &str| {
        let mut e = ex()
            .metric_at("azure_consumption_usd", 20000.0, "2018-12-31")
            .person("p1", &[]);
        e.emp("p1")
            .achievements
            .push(attain::model::Achievement::new("70-534", t(passed)));
        e
    };
    let e = base("2017-06-01");
    assert_eq!(level(&e.eval("2018-12-31"), "cloud-platform"), SILVER);
    assert_eq!(
        level(&e.eval("2018-12-31T23:59:59Z"), "cloud-platform"),
        SILVER
    );
    let r = e.eval("2019-01-01");
    assert_eq!(level(&r, "cloud-platform"), NONE);
    assert_eq!(r.not_credited.len(), 1);
    assert_eq!(
        (
            r.not_credited[0].employee.as_ref(),
            r.not_credited[0].credential.as_ref(),
            r.not_credited[0].reason
        ),
        ("p1", "70-534", Reason::Retired)
    );
    for (at, present) in [
        ("2018-10-02", false),
        ("2018-10-03", true),
        ("2018-12-31", true),
    ] {
        let r = e.eval(at);
        let a: Vec<_> = r.alerts_of(AlertCode::CredentialExpiring).collect();
        assert_eq!(a.len(), present as usize, "at {at}");
        if present {
            assert_eq!(a[0].employees, Some(ids(&["p1"])));
            assert_eq!(a[0].credentials, Some(ids(&["70-534"])));
            assert_eq!(a[0].competencies, ids(&["cloud-platform"]));
            assert_eq!(a[0].date.as_deref(), Some("2019-01-01"));
        }
    }
    assert_eq!(
        level(
            &base("2017-12-31T15:00:00Z").eval("2018-12-31"),
            "cloud-platform"
        ),
        SILVER
    );
    let late = base("2018-01-10").eval("2018-12-31");
    assert_eq!(level(&late, "cloud-platform"), NONE);
    assert_eq!(late.not_credited[0].reason, Reason::Retired);
    let w = &late.input_warnings[0];
    assert_eq!(
        serde_json::to_value(w.code).unwrap(),
        "achievement_after_retirement"
    );
    assert_eq!(
        (w.employees.clone(), w.credentials.clone()),
        (Some(ids(&["p1"])), Some(ids(&["70-534"])))
    );
    // A reader that shows no input warnings (the window, the award summary) gets the same
    // report without them.
    let org = &base("2018-01-10").org;
    let engine = attain::eval::Engine::new(common::catalog(), org).unwrap();
    let without = engine.without_input_warnings().report(t("2018-12-31"));
    assert!(without.input_warnings.is_empty());
    let mut with = attain::eval::Engine::new(common::catalog(), org)
        .unwrap()
        .report(t("2018-12-31"));
    assert!(!with.input_warnings.is_empty());
    with.input_warnings.clear();
    assert_eq!(
        serde_json::to_value(&with).unwrap(),
        serde_json::to_value(&without).unwrap()
    );
}

#[test]
fn e03_2020_rule_and_long_grace() {
    let mut e = ex().person("p2", &[]).person("p3", &[]);
    e.emp("p2").achievements = vec![
        attain::model::Achievement::new("MB-200", t("2020-06-01")),
        attain::model::Achievement::new("MB-210", t("2020-06-01")),
    ];
    e.emp("p3").achievements = vec![attain::model::Achievement::new("MB2-716", t("2019-05-01"))];
    let e = e.settings(|s| {
        s.scoring_models
            .insert("cloud-business-applications".into(), ScoringModel::Pci);
    });
    let pts = |at: &str| {
        e.eval(at)
            .competency("cloud-business-applications")
            .unwrap()
            .pci
            .clone()
            .unwrap()
            .customer_engagement
            .points["functional_consultants"]
    };
    assert_eq!(pts("2021-12-31"), 1.0);
    assert_eq!(pts("2022-01-01"), 0.0);
    let e = e.person("p4", &["MB2-714", "MB2-715"]).metric_at(
        "net_new_revenue_usd",
        100000.0,
        "2022-01-31",
    );
    assert_eq!(level(&e.eval("2022-01-31"), "cloud-crm"), SILVER);
    assert_eq!(level(&e.eval("2022-02-01"), "cloud-crm"), NONE);
}

#[test]
fn e04_app_dev_gold_needs_certifications() {
    let r = ex().people(&["p1", "p2", "p3", "p4"], &["70-483"]).at();
    assert_eq!(
        option(&r, "application-development", "application-builder"),
        (true, false)
    );
    assert_eq!(level(&r, "application-development"), SILVER);
}

#[test]
fn e05_devops_one_of_the_same_two() {
    let e = ex()
        .people(&["p1", "p2"], &["70-496", "70-498"])
        .person("p3", &["PSM-I"]);
    let r = e.at();
    assert!(!option(&r, "devops", "devops-partner").0);
    assert_eq!(
        skill(&option_report(&r, "devops", "devops-partner").silver)
            .2
            .as_deref(),
        Some("1 more person with all of: 70-496, 70-498 and one of: 70-497, PMI-ACP, PSM-I, CSM")
    );
    let r = e.grant("p1", &["PSM-I"]).at();
    let silver = &option_report(&r, "devops", "devops-partner").silver;
    assert!(silver.met);
    assert_eq!(skill(silver).0, &vec!["p1".to_string(), "p2".to_string()]);
}

#[test]
fn e06_same_individual_focus_area() {
    let r = ex()
        .person("p1", &["70-767", "70-768"])
        .person("p2", &["TA-DataAnalyticsFoundational"])
        .at();
    assert!(!option(&r, "data-analytics", "data-analytics-specialist").0);
    let r = ex()
        .person("p1", &["70-767", "70-775", "TA-DataAnalyticsFoundational"])
        .at();
    assert!(!option(&r, "data-analytics", "data-analytics-specialist").0);
    let r = ex()
        .person("p1", &["70-773", "70-774", "TA-DataAnalyticsFoundational"])
        .at();
    assert!(option(&r, "data-analytics", "data-analytics-specialist").0);
}

#[test]
fn e07_association_delay() {
    let mut e =
        ex().person("p1", &["70-533"])
            .metric_at("azure_consumption_usd", 15000.0, "2018-04-30");
    e.emp("p1").associated_on = Some(t("2018-05-01T10:00:00Z"));
    let r = e.eval("2018-05-02T09:59:59Z");
    assert_eq!(level(&r, "cloud-platform"), NONE);
    let pending: Vec<_> = r.alerts_of(AlertCode::AssociationPending).collect();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].employees, Some(ids(&["p1"])));
    assert_eq!(pending[0].credentials, Some(ids(&["70-533"])));
    assert_eq!(
        pending[0].competencies,
        ids(&["application-development", "cloud-platform"])
    );
    assert_eq!(
        level(&e.eval("2018-05-02T10:00:00Z"), "cloud-platform"),
        SILVER
    );
    let mut e = e.person("p2", &[]);
    e.emp("p2")
        .achievements
        .push(attain::model::Achievement::new("70-532", t("2018-05-10")));
    let r = e.eval("2018-05-10T23:59:59Z");
    assert!(r.not_credited.iter().any(|n| &*n.employee == "p2"
        && &*n.credential == "70-532"
        && n.reason == Reason::SyncDelay));
    assert!(
        r.alerts_of(AlertCode::AssociationPending)
            .any(|a| a.employees == Some(ids(&["p2"])))
    );
    let r = e.eval("2018-05-11");
    assert!(r.not_credited.iter().all(|n| &*n.employee != "p2"));
    assert!(
        !r.alerts_of(AlertCode::AssociationPending)
            .any(|a| a.employees == Some(ids(&["p2"])))
    );
}

#[test]
fn e08_one_organisation_at_a_time() {
    let mut e = ex()
        .membership(Tier::Silver, "2018-01-10")
        .metric_at("azure_consumption_usd", 15000.0, "2017-12-31")
        .metric_at("azure_consumption_usd", 15000.0, "2018-05-31")
        .person("p1", &["70-533"]);
    e.emp("p1").dissociated_on = Some(t("2018-06-01T08:00:00Z"));
    let before = e.eval("2018-06-01T07:59:59Z");
    assert_eq!(level(&before, "cloud-platform"), SILVER);
    assert!(before.alerts_of(AlertCode::RenewalAtRisk).next().is_none());
    let r = e.eval("2018-06-01T08:00:00Z");
    let cp = r.competency("cloud-platform").unwrap();
    assert_eq!((cp.level, cp.displayed_level), (NONE, SILVER));
    let risk: Vec<_> = r.alerts_of(AlertCode::RenewalAtRisk).collect();
    assert_eq!(risk.len(), 1);
    assert_eq!(risk[0].competencies, ids(&["cloud-platform"]));
    assert_eq!(
        risk[0].message,
        "A recent change to your competency achievement has put your membership renewal eligibility at risk"
    );
    let mut it = r.clone();
    attain::i18n::Tr::new(attain::i18n::Lang::It).localize_report(&mut it);
    assert!(
        it.alerts_of(AlertCode::RenewalAtRisk)
            .next()
            .unwrap()
            .message
            .starts_with("A seguito di una recente modifica")
    );
    assert_eq!(
        r.competency("cloud-platform").unwrap().displayed_level,
        SILVER
    );
    assert_eq!(
        e.eval("2019-01-10")
            .competency("cloud-platform")
            .unwrap()
            .displayed_level,
        SILVER
    );
    assert_eq!(
        e.eval("2019-01-11")
            .competency("cloud-platform")
            .unwrap()
            .displayed_level,
        NONE
    );
    // In organisation B the same person counts from the move + 24 h.
    let mut b = ex()
        .metric("azure_consumption_usd", 15000.0)
        .person("p1", &["70-533"]);
    b.emp("p1").associated_on = Some(t("2018-06-01T08:00:00Z"));
    assert_eq!(
        level(&b.eval("2018-06-02T07:59:59Z"), "cloud-platform"),
        NONE
    );
    assert_eq!(
        level(&b.eval("2018-06-02T08:00:00Z"), "cloud-platform"),
        SILVER
    );
}

#[test]
fn e09_override_expiry() {
    let mut e = ex();
    e.org.overrides.push(Override {
        competency: "cloud-platform".into(),
        level: Level::Silver,
        kind: OverrideKind::Full,
        starts_on: d("2018-01-15"),
        ends_on: None,
        reason: "exam not recognised".into(),
        set_by: "Microsoft agent".into(),
    });
    for at in ["2018-04-15", "2018-04-15T23:59:59Z"] {
        let c = e.eval(at).competency("cloud-platform").unwrap().clone();
        assert_eq!((c.level, c.overridden), (SILVER, true), "{at}");
    }
    let c = e
        .eval("2018-04-16")
        .competency("cloud-platform")
        .unwrap()
        .clone();
    assert_eq!((c.level, c.overridden), (NONE, false));
    for (at, present) in [
        ("2018-03-16", false),
        ("2018-03-17", true),
        ("2018-04-15", true),
        ("2018-04-16", false),
    ] {
        let r = e.eval(at);
        let a: Vec<_> = r.alerts_of(AlertCode::OverrideEnding).collect();
        assert_eq!(a.len(), present as usize, "{at}");
        if present {
            assert_eq!(a[0].competencies, ids(&["cloud-platform"]));
            assert_eq!(a[0].date.as_deref(), Some("2018-04-16"));
        }
    }
}

fn e10() -> Ex {
    ex().membership(Tier::Silver, "2018-09-01")
        .people(&["p1", "p2"], &["70-496", "70-498", "PSM-I"])
}

#[test]
fn e10_renewal_window() {
    let e = e10();
    for at in ["2019-09-01", "2019-09-01T12:00:00Z"] {
        let m = e.eval(at).membership;
        assert_eq!(m.status, Status::Active);
        assert_eq!(
            m.renewal_window,
            Some(["2019-09-02".into(), "2019-10-01".into()])
        );
    }
    let r = e.eval("2019-09-02");
    assert_eq!(r.membership.status, Status::RenewalWindow);
    assert!(codes(&r).contains(&"renewal_window_open".into()));
    assert_eq!(
        e.eval("2019-10-01T23:59:59Z").membership.status,
        Status::RenewalWindow
    );
    let reminder = |at: &str| codes(&e.eval(at)).contains(&"renewal_reminder".to_string());
    for (at, on) in [
        ("2019-08-16", false),
        ("2019-08-17", true),
        ("2019-09-01", true),
        ("2019-09-02", false),
        ("2019-09-23", false),
        ("2019-09-24", true),
        ("2019-10-01", true),
        ("2019-10-02", false),
    ] {
        assert_eq!(reminder(at), on, "{at}");
    }
    assert_eq!(
        e.eval("2019-09-20").membership.anniversary.as_deref(),
        Some("2019-09-01")
    );
    let lapsed = e.eval("2019-10-02");
    assert_eq!(lapsed.membership.status, Status::Lapsed);
    assert_eq!(lapsed.membership.tier, TierName::Silver);
    assert_eq!(lapsed.membership.anniversary.as_deref(), Some("2019-09-01"));
    assert!(codes(&lapsed).contains(&"membership_lapsed".into()));
    assert!(
        lapsed
            .competencies
            .iter()
            .all(|c| c.displayed_level == NONE)
    );
    assert_eq!(lapsed.membership.can_upgrade_to, Some(SILVER));
    let mut renewed = e.clone();
    renewed
        .org
        .membership
        .as_mut()
        .unwrap()
        .renewed_on
        .push(t("2019-09-05"));
    let m = renewed.eval("2019-09-05").membership;
    assert_eq!(
        (m.status, m.anniversary.as_deref()),
        (Status::Active, Some("2020-09-01"))
    );
    let mut auto = e.clone();
    auto.org.membership.as_mut().unwrap().auto_renew = true;
    assert_eq!(
        auto.eval("2019-09-02").membership.anniversary.as_deref(),
        Some("2020-09-01")
    );
    let mut auto_ineligible = ex().membership(Tier::Silver, "2018-09-01");
    auto_ineligible.org.membership.as_mut().unwrap().auto_renew = true;
    assert_eq!(
        auto_ineligible.eval("2019-09-02").membership.status,
        Status::RenewalWindow
    );
}

#[test]
fn e11_silver_to_gold_upgrade() {
    let e = ex()
        .settings(|s| s.gold_fee_usd = Some(1000.0))
        .membership(Tier::Silver, "2018-09-01")
        .people(&["p1", "p2"], &["MCSA-Office365"])
        .metric_at("active_entitlements", 4000.0, "2019-01-31");
    let r = e.eval("2019-02-05");
    assert_eq!(level(&r, "cloud-productivity"), GOLD);
    assert_eq!(
        (r.membership.can_upgrade_to, r.membership.upgrade_price_usd),
        (Some(GOLD), Some(750.0))
    );
    let mut up = e.clone();
    let silver = up.org.membership.take().unwrap();
    up.org.previous_subscriptions = vec![silver];
    up.org.membership = Some(Subscription {
        tier: Tier::Gold,
        purchased_on: t("2019-02-10"),
        auto_renew: false,
        renewed_on: vec![],
    });
    let r = up.eval("2019-02-05");
    assert_eq!(
        (
            r.membership.tier,
            r.membership.anniversary.as_deref(),
            r.membership.upgrade_price_usd
        ),
        (TierName::Silver, Some("2019-09-01"), Some(750.0))
    );
    let r = up.eval("2019-02-10");
    assert_eq!(
        (r.membership.tier, r.membership.anniversary.as_deref()),
        (TierName::Gold, Some("2020-02-10"))
    );
    assert_eq!(
        (r.membership.can_upgrade_to, r.membership.upgrade_price_usd),
        (None, None)
    );
}

#[test]
fn e13_pci_proportional_scoring() {
    let e = ex()
        .settings(|s| {
            s.scoring_models
                .insert("cloud-business-applications".into(), ScoringModel::Pci);
        })
        .metric("pci_ce_net_new_revenue_usd", 150000.0);
    let r = e.at();
    let pci = r
        .competency("cloud-business-applications")
        .unwrap()
        .pci
        .clone()
        .unwrap();
    assert_eq!(pci.customer_engagement.points["net_new_revenue"], 5.0);
    assert_eq!(pci.customer_engagement.total, 5.0);
    use attain::eval::pci::band;
    assert_eq!(
        [band(79.0), band(80.0), band(60.0), band(59.0)],
        [SILVER, GOLD, SILVER, NONE]
    );
}

#[test]
fn e14_smb_cloud_solutions() {
    let r = ex().metric("new_o365_customers", 4.0).at();
    assert!(option(&r, "small-and-midmarket-cloud-solutions", "o365-services").0);
    let r = ex()
        .metric("new_o365_customers", 25.0)
        .person("p1", &["70-347"])
        .at();
    assert_eq!(level(&r, "small-and-midmarket-cloud-solutions"), SILVER);
    assert_eq!(
        skill(&option_report(&r, "small-and-midmarket-cloud-solutions", "o365-services").gold)
            .0
            .len(),
        1
    );
}

#[test]
fn e15_cloud_crm_role_split() {
    let base = || ex().metric("net_new_revenue_usd", 100000.0);
    assert!(
        option(
            &base()
                .person("p1", &["MB2-714", "MB2-715"])
                .person("p2", &["MB2-716"])
                .at(),
            "cloud-crm",
            "cloud-crm-reseller"
        )
        .0
    );
    assert!(
        !option(
            &base().person("p1", &["MB2-714", "MB2-715", "MB2-716"]).at(),
            "cloud-crm",
            "cloud-crm-reseller"
        )
        .0
    );
    assert!(
        !option(
            &base()
                .person("p1", &["MB2-714"])
                .person("p2", &["MB2-715", "MB2-716"])
                .at(),
            "cloud-crm",
            "cloud-crm-reseller"
        )
        .0
    );
    let gold = ex()
        .metric("net_new_revenue_usd", 300000.0)
        .person("p1", &["MB2-717", "MB2-715"])
        .person("p2", &["MB2-718", "MB2-710"])
        .person("p4", &["MB2-713", "MB2-706", "MB2-707"]);
    assert_eq!(
        level(&gold.clone().person("p3", &["MB2-712"]).at(), "cloud-crm"),
        GOLD
    );
    let r = gold.at();
    assert_eq!(level(&r, "cloud-crm"), SILVER);
    assert_eq!(
        skill(&option_report(&r, "cloud-crm", "cloud-crm-reseller").gold).1,
        4
    );
}

#[test]
fn e16_communications_one_of_the_two() {
    assert!(
        option(
            &ex()
                .person("p1", &["70-334", "70-333", "TA-VoiceFramework"])
                .person("p2", &["MCSE-Productivity"])
                .at(),
            "communications",
            "systems-integrator"
        )
        .0
    );
    assert!(
        !option(
            &ex()
                .person("p1", &["70-334", "70-333"])
                .person("p2", &["MCSE-Productivity"])
                .person("p3", &["TA-VoiceFramework"])
                .at(),
            "communications",
            "systems-integrator"
        )
        .0
    );
    let r = ex()
        .people(&["p1", "p3"], &["70-334", "70-333", "TA-VoiceFramework"])
        .people(&["p2", "p4"], &["70-334", "70-333"])
        .at();
    assert_eq!(level(&r, "communications"), GOLD);
}

#[test]
fn e17_application_integration_same_or_different() {
    let r = ex()
        .people(
            &["p1", "p2", "p3", "p4"],
            &["70-483", "TA-BizTalkIntegration"],
        )
        .at();
    let gold = &option_report(&r, "application-integration", "application-integrator").gold;
    assert!(gold.met);
    assert_eq!(skill(gold).0.len(), 4);
    let r = ex()
        .people(&["p1", "p2", "p3", "p4"], &["70-532"])
        .people(&["p5", "p6", "p7", "p8"], &["TA-BizTalkIntegration"])
        .at();
    let gold = &option_report(&r, "application-integration", "application-integrator").gold;
    assert!(gold.met);
    assert_eq!((skill(gold).0.len(), skill(gold).1), (8, 4));
    let r = ex()
        .people(&["p1", "p2", "p3", "p4"], &["70-764"])
        .grant("p1", &["TA-BizTalkIntegration"])
        .grant("p2", &["TA-BizTalkIntegration"])
        .grant("p3", &["TA-BizTalkIntegration"])
        .at();
    assert_eq!(
        option(&r, "application-integration", "application-integrator"),
        (true, false)
    );
    assert_eq!(
        skill(&option_report(&r, "application-integration", "application-integrator").gold)
            .2
            .as_deref(),
        Some("1 more person (same or different) with all of: TA-BizTalkIntegration")
    );
}

#[test]
fn e18_surface_hub() {
    let base = |adr: f64| {
        ex().metric("devices_shipped", 12.0)
            .metric("surface_hub_adr", adr)
            .people(&["p1", "p2"], &["TA-SurfaceHub"])
    };
    assert!(option(&base(1.0).at(), "windows-and-devices", "surface-hub").0);
    assert!(!option(&base(0.0).at(), "windows-and-devices", "surface-hub").0);
    let r = ex()
        .metric("devices_shipped", 52.0)
        .metric("surface_hub_adr", 1.0)
        .person("p1", &["TA-SurfaceHub", "70-347"])
        .person("p2", &["TA-SurfaceHub", "70-334"])
        .person("p3", &["TA-SurfaceHub", "70-697"])
        .person("p4", &["TA-SurfaceHub", "70-410"])
        .person("p5", &["70-398"])
        .at();
    assert_eq!(
        option(&r, "windows-and-devices", "surface-hub"),
        (true, false)
    );
}

#[test]
fn e19_big_data_same_two() {
    let e = ex()
        .person("p1", &["TA-DataPlatformFoundational", "TA-SqlServer2016"])
        .person("p2", &["TA-DataPlatformFoundational"])
        .person("p3", &["TA-AzureDataWarehouse"]);
    assert!(!option(&e.at(), "data-platform", "big-data").0);
    let r = e.grant("p2", &["TA-AzureDataServices"]).at();
    assert!(option(&r, "data-platform", "big-data").0);
    assert!(!option(&r, "data-platform", "sql-server-specialist").0);
}

#[test]
fn e20_emm_paid_only_seats() {
    let entry = |value, licence, association| attain::model::PerformanceEntry {
        metric: "ems_active_entitlements".into(),
        value,
        period_end: d("2018-05-31"),
        licence,
        track: None,
        association,
    };
    let mut e = ex().metric("new_ems_customers", 3.0).people(
        &["p1", "p2"],
        &["TA-EmsOverview", "TA-InformationProtection"],
    );
    e.org
        .performance
        .push(entry(400.0, Some(Licence::Paid), None));
    e.org
        .performance
        .push(entry(200.0, Some(Licence::Trial), None));
    e.org
        .performance
        .push(entry(300.0, None, Some(AssociationType::Cpor)));
    assert!(
        !option(
            &e.at(),
            "enterprise-mobility-management",
            "enterprise-partner"
        )
        .0
    );
    e.org
        .performance
        .push(entry(100.0, Some(Licence::Paid), None));
    assert!(
        option(
            &e.at(),
            "enterprise-mobility-management",
            "enterprise-partner"
        )
        .0
    );
    let r = ex()
        .metric("new_ems_customers", 20.0)
        .metric("ems_active_entitlements", 125.0)
        .people(&["p1", "p2"], &["TA-EmsOverview", "TA-CloudAppSecurity"])
        .at();
    assert_eq!(
        option(&r, "enterprise-mobility-management", "smb-partner"),
        (true, false)
    );
}

#[test]
fn e21_developing_market_thresholds() {
    let r = ex()
        .developing()
        .metric("net_new_revenue_usd", 50000.0)
        .person("p1", &["MB2-717", "MB2-715"])
        .person("p2", &["MB2-716"])
        .at();
    assert_eq!(option(&r, "cloud-crm", "cloud-crm-reseller"), (true, false));
    let r = ex()
        .developing()
        .metric("active_entitlements", 1000.0)
        .person("p1", &["MCSA-Office365"])
        .at();
    assert_eq!(level(&r, "cloud-productivity"), SILVER);
    let r = ex()
        .developing()
        .metric("active_entitlements", 3999.0)
        .people(&["p1", "p2"], &["MCSA-Office365"])
        .at();
    assert_eq!(level(&r, "cloud-productivity"), SILVER);
}

#[test]
fn e22_gold_needs_the_gold_figure() {
    let bi = |seats| {
        ex().people(&["p1", "p2"], &["TA-DataAnalyticsBI"])
            .metric("power_bi_seats", seats)
            .at()
    };
    assert_eq!(
        option(&bi(999.0), "data-analytics", "power-bi"),
        (true, false)
    );
    assert_eq!(
        option(&bi(1000.0), "data-analytics", "power-bi"),
        (true, true)
    );
    let r = ex()
        .people(&["p1", "p2"], &["MCSA-Office365"])
        .metric("active_entitlements", 3500.0)
        .at();
    assert_eq!(
        option(&r, "cloud-productivity", "managed-service-partner"),
        (true, false)
    );
}

#[test]
fn e23_option_switching_gold_implies_silver() {
    let r = ex()
        .people(&["p1", "p2"], &["70-357"])
        .people(&["p3", "p4", "p5", "p6"], &["70-735"])
        .at();
    assert_eq!(
        option(&r, "windows-and-devices", "service-partner"),
        (true, false)
    );
    assert_eq!(
        option(&r, "windows-and-devices", "device-partner"),
        (true, true)
    );
    assert_eq!(level(&r, "windows-and-devices"), GOLD);
    let e = ex().people(&["p1", "p2", "p3", "p4"], &["MCSD-AppBuilder"]);
    let r = e.at();
    assert_eq!(
        option(&r, "application-development", "application-builder"),
        (false, true)
    );
    assert_eq!(level(&r, "application-development"), GOLD);
    let shown = |tier| {
        e.clone()
            .membership(tier, "2018-01-01")
            .at()
            .competency("application-development")
            .unwrap()
            .displayed_level
    };
    assert_eq!(
        (
            shown(Tier::Silver),
            shown(Tier::Gold),
            shown(Tier::ActionPack)
        ),
        (SILVER, GOLD, NONE)
    );
}

#[test]
fn e24_cba_enterprise_operations() {
    let base = |cloud| {
        ex().metric("operations_revenue_usd", 120000.0)
            .metric("cloud_net_new_revenue_usd", cloud)
    };
    let techs = ["p1", "p2", "p3", "p4", "p5"];
    assert!(
        !option(
            &base(20000.0)
                .people(&techs, &["MB6-894", "70-535", "MB6-896"])
                .at(),
            "cloud-business-applications",
            "enterprise-operations"
        )
        .0
    );
    let r = base(25000.0)
        .people(&techs, &["MB6-894", "70-535"])
        .people(&["p6", "p7", "p8", "p9", "q0"], &["MB6-895"])
        .at();
    let silver = &option_report(&r, "cloud-business-applications", "enterprise-operations").silver;
    assert!(silver.met);
    assert_eq!(skill(silver).0.len(), 10);
    let r = base(25000.0)
        .people(&techs, &["MB6-894", "70-535", "MB6-896"])
        .at();
    let silver = &option_report(&r, "cloud-business-applications", "enterprise-operations").silver;
    assert_eq!((silver.met, skill(silver).0.len()), (true, 5));
    let r = base(25000.0)
        .people(&techs[..4], &["MB6-894", "70-535", "MB6-896"])
        .at();
    assert!(!option(&r, "cloud-business-applications", "enterprise-operations").0);
}

#[test]
fn e25_erp_five_roles() {
    let five = |rev| {
        ex().metric("gross_license_revenue_usd", rev)
            .person("p1", &["MB6-890"])
            .person("p2", &["MB6-892"])
            .person("p3", &["MB6-893"])
            .person("p4", &["MB6-705"])
            .person("p5", &["70-462"])
    };
    let r = five(75000.0).at();
    assert_eq!(
        option(&r, "enterprise-resource-planning", "erp-reseller"),
        (true, false)
    );
    assert_eq!(
        skill(&option_report(&r, "enterprise-resource-planning", "erp-reseller").silver).1,
        5
    );
    let r = ex()
        .metric("gross_license_revenue_usd", 75000.0)
        .person("p1", &["MB6-890", "MB6-892"])
        .people(&["p2", "p3", "p4"], &["MB6-893", "MB6-705", "70-462"])
        .at();
    assert!(!option(&r, "enterprise-resource-planning", "erp-reseller").0);
    assert_eq!(
        level(&five(175000.0).at(), "enterprise-resource-planning"),
        GOLD
    );
}

#[test]
fn e26_reuse_across_competencies() {
    let e = ex().people(&["p1", "p2", "p3", "p4"], &["MCSE-Productivity"]);
    let r = e.at();
    assert_eq!(
        (
            level(&r, "collaboration-and-content"),
            level(&r, "messaging"),
            level(&r, "communications")
        ),
        (GOLD, GOLD, NONE)
    );
    let no_reuse = e
        .clone()
        .settings(|s| s.allow_individual_reuse_across_competencies = false);
    let r = no_reuse.at();
    assert_eq!(
        (
            level(&r, "collaboration-and-content"),
            level(&r, "messaging")
        ),
        (GOLD, SILVER)
    );
    // The window says why Messaging's Gold misses them: Collaboration's Gold used them.
    let cat = catalog();
    let engine = attain::eval::Engine::new(cat, &no_reuse.org).unwrap();
    let used = engine.used_elsewhere(t("2018-06-01"));
    let index = |id: &str| cat.competencies.iter().position(|c| c.id == id).unwrap();
    let messaging: Vec<(String, usize)> = used[index("messaging")]
        .iter()
        .map(|(p, by)| (p.to_string(), *by))
        .collect();
    assert!(!messaging.is_empty());
    assert!(
        messaging
            .iter()
            .all(|(p, by)| p.starts_with('p') && *by == index("collaboration-and-content"))
    );
    assert!(
        used[index("collaboration-and-content")].is_empty(),
        "visited first"
    );
    let reuse = attain::eval::Engine::new(cat, &e.org).unwrap();
    assert!(
        reuse
            .used_elsewhere(t("2018-06-01"))
            .iter()
            .all(Vec::is_empty)
    );
    let r = e
        .settings(|s| {
            s.allow_individual_reuse_across_competencies = false;
            s.competency_priority = vec!["messaging".into()];
        })
        .at();
    assert_eq!(
        (
            level(&r, "collaboration-and-content"),
            level(&r, "messaging")
        ),
        (SILVER, GOLD)
    );
}

#[test]
fn e27_only_listed_credentials_count() {
    let r = ex()
        .person("p1", &["70-410"])
        .metric("azure_consumption_usd", 20000.0)
        .at();
    assert_eq!(
        (level(&r, "cloud-platform"), level(&r, "datacenter")),
        (NONE, NONE)
    );
}

#[test]
fn e28_leaver_and_display_until_year_end() {
    let mut e = ex()
        .membership(Tier::Silver, "2018-01-10")
        .person("p1", &["70-496", "70-498", "PSM-I"])
        .person("p2", &["70-496", "70-498"]);
    e.emp("p1").left_on = Some(t("2018-07-31"));
    assert_eq!(level(&e.eval("2018-07-30"), "devops"), SILVER);
    let r = e.eval("2018-07-31");
    let c = r.competency("devops").unwrap();
    assert_eq!((c.level, c.displayed_level), (NONE, SILVER));
    assert_eq!(
        r.alerts_of(AlertCode::RenewalAtRisk)
            .next()
            .unwrap()
            .competencies,
        ids(&["devops"])
    );
    assert!(
        r.not_credited
            .iter()
            .any(|n| &*n.employee == "p1" && n.reason == Reason::Left)
    );
    assert!(r.alerts_of(AlertCode::AssociationPending).next().is_none());
    let r = e.eval("2019-01-11");
    assert_eq!(
        (
            r.membership.status,
            r.competency("devops").unwrap().displayed_level
        ),
        (Status::RenewalWindow, NONE)
    );
    assert!(!attain::eval::eligible(
        Tier::Silver,
        &r.competencies.iter().map(|c| c.level).collect::<Vec<_>>()
    ));
    assert_eq!(e.eval("2019-02-10").membership.status, Status::Lapsed);
}

#[test]
fn e31_pci_total() {
    let r = ex()
        .settings(|s| {
            s.scoring_models
                .insert("cloud-business-applications".into(), ScoringModel::Pci);
        })
        .metric("pci_ce_net_new_revenue_usd", 150000.0)
        .metric("pci_ce_net_customer_adds", 10.0)
        .metric("pci_ce_fc_baseline", 9.0)
        .metric("pci_ce_new_large_deployments", 3.0)
        .metric("pci_ce_mau_baseline", 400.0)
        .metric("pci_ce_mau_current", 520.0)
        .people(
            &["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"],
            &["MB-200", "MB-210"],
        )
        .people(&["d1", "d2", "d3", "d4", "d5"], &["PL-400"])
        .at();
    let c = r.competency("cloud-business-applications").unwrap();
    let ce = &c.pci.as_ref().unwrap().customer_engagement;
    let expect = [
        ("net_new_revenue", 5.0),
        ("net_customer_adds", 10.0),
        ("functional_consultants", 9.0),
        ("functional_consultant_growth", 0.0),
        ("developers", 5.0),
        ("new_large_deployments", 12.0),
        ("mau_growth", 25.0),
    ];
    for (k, v) in expect {
        assert!((ce.points[k] - v).abs() < 1e-9, "{k}: {}", ce.points[k]);
    }
    assert!((ce.total - 66.0).abs() < 1e-9);
    assert_eq!(c.level, SILVER);
}

#[test]
fn e32_mixed_credentials() {
    let r = ex()
        .metric("azure_consumption_usd", 100000.0)
        .person("p1", &["TA-AzureIoT"])
        .person("p2", &["MCSA-LinuxAzure"])
        .at();
    assert_eq!(level(&r, "cloud-platform"), GOLD);
}

#[test]
fn e33_ppm_k_of_the_same_four() {
    let e = ex()
        .people(&["p1", "p2", "p3", "p4"], &["74-343", "70-348"])
        .grant("p1", &["70-339"]);
    let r = e.clone().person("p5", &["70-339", "74-343", "70-348"]).at();
    let gold = &option_report(
        &r,
        "project-and-portfolio-management",
        "project-and-portfolio-partner",
    )
    .gold;
    assert!(gold.met);
    assert_eq!(
        skill(gold).0,
        &vec!["p1".to_string(), "p2".into(), "p3".into(), "p5".into()]
    );
    let r = e.at();
    assert_eq!(
        option(
            &r,
            "project-and-portfolio-management",
            "project-and-portfolio-partner"
        ),
        (true, false)
    );
    assert_eq!(
        skill(
            &option_report(
                &r,
                "project-and-portfolio-management",
                "project-and-portfolio-partner"
            )
            .gold
        )
        .2
        .as_deref(),
        Some("1 more person with all of: 74-343, 70-348 and all of: 70-339")
    );
}

#[test]
fn e34_sql_server_focus_areas() {
    assert!(
        option(
            &ex()
                .person("p1", &["70-764", "70-765", "TA-DataPlatformFoundational"])
                .at(),
            "data-platform",
            "sql-server-specialist"
        )
        .0
    );
    assert!(
        !option(
            &ex()
                .person("p1", &["70-762", "70-761", "TA-DataPlatformFoundational"])
                .at(),
            "data-platform",
            "sql-server-specialist"
        )
        .0
    );
}
