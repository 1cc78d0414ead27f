//! Commands that read an org file: eval, demo, risk, reminders, credit, timeline, whatif.

use super::{EvalArgs, Failure, Format, WhatifArgs, catalog, parse_as_of};
use crate::eval::report::Requirement;
use crate::eval::words::code;
use crate::eval::{Engine, LevelName, Report};
use crate::i18n::{Lang, Tr};
use crate::io::catalog_file::default_catalog;
use crate::io::org_file::load_org;
use crate::model::{Catalog, Instant};
use std::fmt::Write as _;

/// `attain eval`: the report as JSON or text.
pub fn eval(args: &EvalArgs) -> Result<String, Failure> {
    let lang = Lang::parse(&args.lang).ok_or_else(|| {
        Failure::Input(format!(
            "--lang: unknown language {:?} (en or it)",
            args.lang
        ))
    })?;
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let catalog = catalog(args.catalog.as_ref())?;
    let org = load_org(&args.org, &catalog)?;
    let mut report = Engine::new(&catalog, &org)
        .map_err(Failure::Input)?
        .report(as_of);
    // The engine went with its statement; the organisation goes before the report is written.
    drop(org);
    let tr = Tr::new(lang);
    tr.localize_report(&mut report);
    match args.format {
        Format::Json => super::json(&report),
        Format::Text => Ok(render_text(&report, &catalog, &tr)),
    }
}

/// `attain risk`: `{"people": [{"employee", "competencies": [{"id", "from", "to"}]}], "bus_factor": {…}}`.
pub(super) fn risk(
    org: &std::path::Path,
    as_of: Option<&str>,
    format: Format,
) -> Result<String, Failure> {
    let as_of = parse_as_of(as_of)?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let r = crate::eval::risk::risk(&catalog, &org, as_of).map_err(Failure::Input)?;
    match format {
        Format::Json => super::json(&r),
        Format::Text => {
            let mut s = String::new();
            for p in &r.people {
                let list: Vec<String> = p
                    .competencies
                    .iter()
                    .map(|d| format!("{} {} -> {}", d.id, d.from.as_str(), d.to.as_str()))
                    .collect();
                writeln!(s, "{}: {}", p.employee, list.join(", ")).ok();
            }
            for (c, n) in &r.bus_factor {
                writeln!(s, "bus factor {c}: {n}").ok();
            }
            Ok(s)
        }
    }
}

/// `attain reminders`: `{"reminders": [{"due", "kind", "message", "key"}]}` and the .ics file.
pub(super) fn reminders(
    org: &std::path::Path,
    as_of: Option<&str>,
    ics: Option<&std::path::Path>,
    format: Format,
) -> Result<String, Failure> {
    let as_of = parse_as_of(as_of)?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let list = crate::eval::reminders::reminders(&catalog, &org, as_of).map_err(Failure::Input)?;
    if let Some(path) = ics {
        std::fs::write(
            path,
            crate::eval::reminders::to_ics(&org, &list, |r| r.message()),
        )
        .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))?;
    }
    match format {
        Format::Json => super::json(&serde_json::json!({ "reminders": list })),
        Format::Text => Ok(list
            .iter()
            .map(|r| format!("{} {}\n", r.due, r.message()))
            .collect()),
    }
}

/// `attain credit`: `{"people": [{"employee", "reason", "credentials", "would_add": [...]}]}`.
pub(super) fn credit(
    org: &std::path::Path,
    as_of: Option<&str>,
    format: Format,
) -> Result<String, Failure> {
    let as_of = parse_as_of(as_of)?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let people = crate::eval::whatif::certified_not_credited(&catalog, &org, as_of)
        .map_err(Failure::Input)?;
    match format {
        Format::Json => super::json(&serde_json::json!({ "people": people })),
        Format::Text => Ok(people
            .iter()
            .map(|p| {
                let adds: Vec<String> = p
                    .would_add
                    .iter()
                    .map(|c| format!("{} {} -> {}", c.competency, c.from.as_str(), c.to.as_str()))
                    .collect();
                format!(
                    "{} ({}): {} — {}\n",
                    p.employee,
                    p.reason,
                    p.credentials.join(", "),
                    if adds.is_empty() {
                        "no level change".into()
                    } else {
                        adds.join(", ")
                    }
                )
            })
            .collect()),
    }
}

/// `attain timeline`: `{"events": [{"at", "competency", "from", "to", "because"}]}`.
pub(super) fn timeline(
    org: &std::path::Path,
    from: &str,
    to: &str,
    format: Format,
) -> Result<String, Failure> {
    let from = Instant::parse(from).map_err(|e| Failure::Input(format!("--from: {e}")))?;
    let to = Instant::parse(to).map_err(|e| Failure::Input(format!("--to: {e}")))?;
    let catalog = default_catalog();
    let org = load_org(org, &catalog)?;
    let events =
        crate::eval::timeline::timeline(&catalog, &org, from, to).map_err(Failure::Input)?;
    match format {
        Format::Json => super::json(&serde_json::json!({ "events": events })),
        Format::Text => Ok(events
            .iter()
            .map(|e| {
                format!(
                    "{} {}: {} -> {} ({})\n",
                    e.at,
                    e.competency,
                    e.from.as_str(),
                    e.to.as_str(),
                    e.because
                )
            })
            .collect()),
    }
}

/// `attain whatif`: before and after, with the reason for every change of level.
pub(super) fn whatif(args: &WhatifArgs) -> Result<String, Failure> {
    use crate::eval::whatif::Change;
    let mut changes = Vec::new();
    for (kind, values) in [
        ("leave", &args.leave),
        ("lapse", &args.lapse),
        ("add", &args.add),
        ("hire", &args.hire),
        ("metric", &args.metric),
    ] {
        for v in values {
            changes.push(Change::parse(kind, v).map_err(Failure::Input)?);
        }
    }
    let catalog = catalog(args.catalog.as_ref())?;
    let org = load_org(&args.org, &catalog)?;
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let result =
        crate::eval::whatif::whatif(&catalog, &org, as_of, &changes).map_err(Failure::Input)?;
    match args.format {
        Format::Json => super::json(&result),
        Format::Text => {
            let mut s = String::new();
            for c in &result.changes {
                writeln!(
                    s,
                    "{}: {} -> {} ({})",
                    c.competency,
                    c.from.as_str(),
                    c.to.as_str(),
                    c.because
                )
                .ok();
            }
            if result.changes.is_empty() {
                s.push_str("no competency changes level\n");
            }
            Ok(s)
        }
    }
}

/// `attain demo`: the demo organisation's evaluation as text.
pub(super) fn demo() -> Result<String, Failure> {
    let catalog = default_catalog();
    let org = crate::io::demo::demo_org(&catalog)?;
    let lang = std::env::var("LANG")
        .ok()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default();
    let tr = Tr::new(lang);
    let mut report = Engine::new(&catalog, &org)
        .map_err(Failure::Other)?
        .report(Instant(chrono::Utc::now()));
    tr.localize_report(&mut report);
    Ok(format!(
        "{}\n\n{}",
        tr.t("cli-demo-heading", &[]),
        render_text(&report, &catalog, &tr)
    ))
}

/// A readable table of the report in the chosen language.
pub fn render_text(report: &Report, catalog: &Catalog, tr: &Tr) -> String {
    let mut s = String::new();
    let t = |id: &str| tr.t(id, &[]);
    writeln!(s, "{}: {}", t("text-organisation"), report.org).ok();
    writeln!(s, "{}: {}\n", t("text-as-of"), report.as_of).ok();
    writeln!(
        s,
        "{:<44} {:<10} {:<10}",
        t("text-competency"),
        t("text-level"),
        t("text-displayed")
    )
    .ok();
    for c in &report.competencies {
        let name = catalog.competency_name(&c.id);
        let flag = if c.overridden {
            format!(" ({})", t("text-override"))
        } else {
            String::new()
        };
        writeln!(
            s,
            "{:<44} {:<10} {:<10}{flag}",
            name,
            tr.level(c.level),
            tr.level(c.displayed_level)
        )
        .ok();
        for o in &c.options {
            for (lvl, r) in [(LevelName::Silver, &o.silver), (LevelName::Gold, &o.gold)] {
                if r.requirements.is_empty() {
                    continue;
                }
                let met = if r.met {
                    t("text-met")
                } else {
                    t("text-not-met")
                };
                writeln!(s, "    {} / {}: {met}", o.id, tr.level(lvl)).ok();
                for req in r.requirements.iter().filter(|q| !q.met()) {
                    match req {
                        Requirement::Performance {
                            metric,
                            required,
                            actual,
                            ..
                        } => {
                            writeln!(s, "        {metric}: {actual} / {required}").ok();
                        }
                        Requirement::Skill { missing, .. } => {
                            writeln!(
                                s,
                                "        {}: {}",
                                t("text-missing"),
                                missing.as_deref().unwrap_or("")
                            )
                            .ok();
                        }
                    }
                }
            }
        }
    }
    let m = &report.membership;
    writeln!(s, "\n{}", t("text-membership")).ok();
    let tier = t(&format!("tier-{}", code(&m.tier)));
    let status = t(&format!("status-{}", code(&m.status)));
    writeln!(
        s,
        "    {}: {tier}, {}: {status}",
        t("text-tier"),
        t("text-status")
    )
    .ok();
    if let (Some(a), Some([w0, w1])) = (&m.anniversary, &m.renewal_window) {
        writeln!(
            s,
            "    {}: {a}, {}: {w0} … {w1}",
            t("text-anniversary"),
            t("text-renewal-window")
        )
        .ok();
    }
    if let Some(up) = m.can_upgrade_to {
        writeln!(s, "    {}: {}", t("text-can-upgrade"), tr.level(up)).ok();
    }
    designations_text(&mut s, report, catalog.designations.as_deref(), tr);
    if !report.alerts.is_empty() {
        writeln!(s, "\n{}", t("text-alerts")).ok();
        for a in &report.alerts {
            writeln!(s, "    - {}", a.message).ok();
        }
    }
    if !report.not_credited.is_empty() {
        writeln!(s, "\n{}", t("text-not-credited")).ok();
        for n in &report.not_credited {
            let reason = t(&format!("reason-{}", code(&n.reason)));
            writeln!(s, "    {} {} ({reason})", n.employee, n.credential).ok();
        }
    }
    if !report.designation_not_credited.is_empty() {
        writeln!(s, "\n{}", t("text-designation-not-credited")).ok();
        for n in &report.designation_not_credited {
            let reason = t(&format!("reason-{}", code(&n.reason)));
            writeln!(s, "    {} {} ({reason})", n.employee, n.credential).ok();
        }
    }
    if !report.input_warnings.is_empty() {
        writeln!(s, "\n{}", t("text-warnings")).ok();
        for w in &report.input_warnings {
            writeln!(s, "    - {}", w.message).ok();
        }
    }
    s
}

/// Each designation: its total on the counting track against the threshold, whether it
/// qualifies now and in the window, and each metric's points with what is missing.
fn designations_text(
    s: &mut String,
    report: &Report,
    spp: Option<&crate::model::spp_def::SppCatalog>,
    tr: &Tr,
) {
    let Some(snapshot) = &report.designation_catalog else {
        return;
    };
    let t = |id: &str| tr.t(id, &[]);
    let yes_no = |b: bool| t(if b { "text-yes" } else { "text-no" });
    writeln!(
        s,
        "\n{}",
        tr.t("text-designations", &[("snapshot", snapshot.clone())])
    )
    .ok();
    for d in &report.designations {
        let track = t(&format!("spp-track-{}", d.track.as_str()));
        writeln!(
            s,
            "{:<56} {:>6} / {} ({track}), {}: {}, {}: {}",
            d.name,
            tr.number(d.total),
            tr.number(d.threshold),
            t("text-qualified"),
            yes_no(d.qualified),
            t("text-attained"),
            yes_no(d.attained)
        )
        .ok();
        let counted = match d.track {
            crate::model::spp_def::Track::Enterprise => &d.tracks.enterprise,
            crate::model::spp_def::Track::Smb => &d.tracks.smb,
        };
        for m in &counted.metrics {
            let name = t(&format!(
                "spp-metric-{}",
                crate::eval::spp_report::metric_id(m.id)
            ));
            writeln!(
                s,
                "    {name}: {} / {}",
                tr.number(m.points),
                tr.number(m.max)
            )
            .ok();
            if m.missing.is_some() {
                let missing = crate::eval::words::lacks_text(tr, spp, &m.lacks);
                writeln!(s, "        {}: {missing}", t("text-missing")).ok();
            }
        }
    }
}
