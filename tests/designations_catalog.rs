//! The Solutions Partner designations snapshot as data (designations.md §2, §5): the bundled
//! `spp-2026-05` has the published shape, and a broken snapshot is refused naming its line.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use attain::io::catalog_file::{DEFAULT_SPP_SRC, default_spp, parse_spp};
use attain::model::spp_def::*;

#[test]
fn the_bundled_snapshot_has_the_published_shape() {
    let c = default_spp();
    assert_eq!(c.snapshot, "spp-2026-05");
    assert_eq!((c.threshold, c.window_months), (70.0, 6));
    assert_eq!(c.review_by, "2026-11-08");
    let ids: Vec<&str> = c.designations.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "infrastructure-azure",
            "digital-app-innovation-azure",
            "data-ai-azure",
            "modern-work",
            "security",
            "business-applications"
        ]
    );
    // 57 credentials: 56 certifications and 1 assessment; 10 codes T, 2 U (§2.3).
    assert_eq!(c.credentials.len(), 57);
    let kind = |k| c.credentials.iter().filter(|x| x.kind == k).count();
    assert_eq!(kind(SppCredentialKind::Assessment), 1);
    let code = |k| c.credentials.iter().filter(|x| x.code == k).count();
    assert_eq!(
        (code(CodeStatus::ThirdParty), code(CodeStatus::Unknown)),
        (10, 2)
    );
    assert_eq!(c.figures.len(), 23);
    // The rows the format singles out.
    let two = c.credential("AZ-800+AZ-801").unwrap();
    assert_eq!(
        two.exams.as_deref(),
        Some(&["AZ-800".to_string(), "AZ-801".to_string()][..])
    );
    assert_eq!(c.credential("AZ-104").unwrap().exams, None, "its own id");
    assert_eq!(
        c.credential("MC-IntelligentAppsBuilder").unwrap().exams,
        Some(vec![])
    );
    let ms900 = c.credential("MS-900").unwrap();
    assert!(!ms900.expires);
    assert_eq!(ms900.replaced_by.as_deref(), Some("AB-900"));
    assert_eq!(
        (ms900.retires.as_deref(), ms900.counts_until.as_deref()),
        (Some("2026-03-31"), Some("2027-03-31"))
    );
    let pl300 = c.credential("PL-300").unwrap();
    assert_eq!(pl300.aliases, ["Data Analyst Associate"]);
    // Every designation's maxima add up to 100; the metrics of §2.1.
    for d in &c.designations {
        let total: f64 = d.metrics.iter().map(|m| m.max).sum();
        assert_eq!(total, 100.0, "{}", d.id);
    }
    let security = c.designation("security").unwrap();
    assert_eq!(security.tracks, Tracks::HigherTotal);
    let metrics: Vec<(MetricId, f64)> = security.metrics.iter().map(|m| (m.id, m.max)).collect();
    assert_eq!(
        metrics,
        [
            (MetricId::NetCustomerAdds, 20.0),
            (MetricId::Intermediate, 40.0),
            (MetricId::UsageGrowth, 20.0),
            (MetricId::Deployments, 20.0)
        ]
    );
    // DD3: the exact quotient 40/6 per person.
    let Scoring::Skill(steps) = &security.metrics[1].enterprise else {
        panic!("skilling")
    };
    assert!(
        steps
            .iter()
            .any(|s| matches!(s, Step::PerPerson(p) if p.points == (40, 6)))
    );
    assert_eq!(
        c.designation("business-applications").unwrap().tracks,
        Tracks::Classified("ba_smb_track".into())
    );
    assert_eq!(c.figure("ba_smb_track").unwrap().unit, FigureUnit::Flag);
}

#[test]
fn a_broken_snapshot_is_refused_naming_the_line() {
    let refused = |edit: (&str, &str)| {
        let src = DEFAULT_SPP_SRC.replacen(edit.0, edit.1, 1);
        assert_ne!(src, DEFAULT_SPP_SRC, "the test edit must apply");
        parse_spp(&src, "spp-test.ron").unwrap_err().to_string()
    };
    // A second AZ-104.
    let e = refused((
        r#"(id: "AZ-700", kind: Certification"#,
        r#"(id: "AZ-104", kind: Certification"#,
    ));
    assert!(
        e.contains("spp-test.ron") && e.contains("duplicate credential id AZ-104"),
        "{e}"
    );
    // Maxima that no longer add up to 100.
    let e = refused((
        "(id: Deployments, max: 10.0, enterprise: Figures((combine: Sum, parts: [(\"azure_deployments\", 5.0)]))),",
        "(id: Deployments, max: 11.0, enterprise: Figures((combine: Sum, parts: [(\"azure_deployments\", 5.0)]))),",
    ));
    assert!(
        e.contains("infrastructure-azure: the metrics' maxima add up to 101"),
        "{e}"
    );
    // A step naming a credential the snapshot does not have.
    let e = refused((
        r#"any_of: ["AZ-700", "AZ-800+AZ-801"]"#,
        r#"any_of: ["AZ-999", "AZ-800+AZ-801"]"#,
    ));
    assert!(
        e.contains("AZ-999 is not a credential of the snapshot"),
        "{e}"
    );
    // A track figure that is not a flag.
    let e = refused((
        r#"tracks: Classified("ba_smb_track")"#,
        r#"tracks: Classified("ba_mcv")"#,
    ));
    assert!(
        e.contains("the track figure ba_mcv has no unit Flag"),
        "{e}"
    );
}
