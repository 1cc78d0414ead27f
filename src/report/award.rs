//! The award summary's data: what the template prints, already worded in the chosen language.

use crate::eval::report::{CompetencyReport, LevelReport, Requirement};
use crate::eval::words::Words;
use crate::eval::words::{code, skill_text};
use crate::eval::{Engine, LevelName};
use crate::model::{Catalog, Day, Instant, Org, Step};
use serde::Serialize;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// typst's paper name.
    pub fn typst(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }

    pub fn parse(s: &str) -> Option<Paper> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// What to print.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AwardRequest {
    /// One competency, or the whole organisation.
    pub competency: Option<String>,
    /// The one-page business profile: only what the tier displays.
    pub profile: bool,
    pub paper: Paper,
}

impl AwardRequest {
    /// The Fluent id of the summary's title.
    pub fn title_id(&self) -> &'static str {
        match (&self.competency, self.profile) {
            (_, true) => "award-title-profile",
            (Some(_), false) => "award-title-competency",
            (None, false) => "award-title",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AwardData {
    pub lang: &'static str,
    pub paper: &'static str,
    pub profile: bool,
    pub title: String,
    pub labels: std::collections::BTreeMap<&'static str, String>,
    pub org: String,
    pub market: String,
    pub tier: String,
    pub year: String,
    pub as_of: String,
    pub hash: String,
    pub competencies: Vec<CompetencyData>,
    /// Competencies not earned (whole-organisation summary only), by name.
    pub not_earned: Vec<String>,
    pub overrides: Vec<OverrideData>,
    /// The Solutions Partner designations (whole-organisation summary only).
    pub designations: Vec<DesignationData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DesignationData {
    pub name: String,
    /// "76 / 70 (SMB)".
    pub score: String,
    pub status: String,
    pub qualified: bool,
    /// Per metric of the counting track: name, "points / max", what is missing.
    pub metrics: Vec<[String; 3]>,
    /// The people who count, by name.
    pub people: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompetencyData {
    pub name: String,
    pub level: String,
    /// `none`, `silver` or `gold` (for the template's colours).
    pub level_key: &'static str,
    pub option: Option<String>,
    pub overridden: bool,
    pub requirements: Vec<RequirementData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementData {
    /// "Silver" / "Gold" in the chosen language.
    pub level: String,
    pub text: String,
    /// "actual / required" for a performance goal, "people / required" for a skill goal.
    pub figures: String,
    pub met: bool,
    pub people: Vec<PersonData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonData {
    pub name: String,
    pub id: String,
    pub credential: String,
    pub title: String,
    pub passed: String,
    pub until: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverrideData {
    pub competency: String,
    pub level: String,
    pub reason: String,
    pub starts: String,
    pub ends: String,
}

/// A short fingerprint of the evaluated data: the organisation (its JSON form), the catalog
/// snapshot and the instant. The same data always prints the same hash.
pub fn data_hash(catalog: &Catalog, org: &Org, as_of: Instant) -> String {
    /// Hashes the bytes as they are written, never holding them (hundreds of MB at 100k).
    struct Hasher(Sha256);
    impl std::io::Write for Hasher {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.update(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hasher = Hasher(Sha256::new());
    // JSON, not the org file's RON: the same data either way, written ten times faster.
    serde_json::to_writer(std::io::BufWriter::new(&mut hasher), org)
        .unwrap_or_else(|e| unreachable!("an organisation serialises to JSON: {e}"));
    let mut h = hasher.0;
    h.update(catalog.snapshot.as_bytes());
    h.update(as_of.to_string().as_bytes());
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

const LABELS: [(&str, &str); 26] = [
    ("designations", "award-designations"),
    ("metric", "award-metric"),
    ("points", "award-points"),
    ("lacking", "award-lacking"),
    ("people_counted", "award-people-counted"),
    ("override", "award-override"),
    ("level", "award-level"),
    ("organisation", "award-organisation"),
    ("market", "award-market"),
    ("tier", "award-tier"),
    ("year", "award-year"),
    ("as_of", "award-as-of"),
    ("fingerprint", "award-fingerprint"),
    ("option", "award-option"),
    ("requirement", "award-requirement"),
    ("figures", "award-figures"),
    ("person", "award-person"),
    ("credential", "award-credential"),
    ("exam_title", "award-exam-title"),
    ("passed", "award-passed"),
    ("until", "award-until"),
    ("met", "award-met"),
    ("not_met", "award-not-met"),
    ("overrides", "award-overrides"),
    ("not_earned", "award-not-earned"),
    ("competency", "text-competency"),
];

/// Evaluates `org` at `as_of` and gathers what the summary prints.
pub fn award_data(
    catalog: &Catalog,
    org: &Org,
    as_of: Instant,
    req: &AwardRequest,
    tr: &dyn Words,
) -> Result<AwardData, String> {
    // The fingerprint reads the whole organisation (a second at 100k people): on another
    // core while this one evaluates.
    let (report, hash) = std::thread::scope(|s| {
        let hash = s.spawn(|| data_hash(catalog, org, as_of));
        let report = Engine::new(catalog, org).map(|e| e.without_input_warnings().report(as_of));
        let hash = hash.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (report, hash)
    });
    let mut report = report?;
    tr.localize_report(&mut report);
    if let Some(id) = &req.competency
        && report.competency(id).is_none()
    {
        return Err(format!("unknown competency {id}"));
    }
    let tier = tr.t(&format!("tier-{}", code(&report.membership.tier)), &[]);
    let year = report.membership.subscription_year().map_or_else(
        || "—".to_string(),
        |(start, end)| format!("{} – {}", tr.date(start), tr.date(end)),
    );
    let title_id = req.title_id();
    let mut competencies = Vec::new();
    let mut not_earned = Vec::new();
    for (def, c) in catalog.competencies.iter().zip(&report.competencies) {
        if req.competency.as_ref().is_some_and(|id| *id != def.id) {
            continue;
        }
        // The requirements show what was computed; the profile only what is displayed.
        let shown = if req.profile {
            c.displayed_level
        } else {
            c.level
        };
        if shown == LevelName::None && req.competency.is_none() {
            not_earned.push(def.name.clone());
            continue;
        }
        competencies.push(competency_data(catalog, org, def, c, shown, req, tr));
    }
    let settings = org.settings();
    let overrides = org
        .overrides
        .iter()
        .filter(|o| req.competency.as_ref().is_none_or(|id| *id == o.competency))
        .map(|o| OverrideData {
            competency: catalog.competency_name(&o.competency).to_string(),
            level: tr.level(LevelName::from(o.level)),
            reason: o.reason.clone(),
            starts: tr.date(o.starts_on),
            ends: tr.date(o.ends_on.unwrap_or_else(|| {
                o.starts_on
                    .add_months(settings.override_default_months as i32)
            })),
        })
        .collect();
    Ok(AwardData {
        lang: tr.lang_code(),
        paper: req.paper.typst(),
        profile: req.profile,
        title: tr.t(title_id, &[]),
        labels: LABELS.iter().map(|(k, id)| (*k, tr.t(id, &[]))).collect(),
        org: org.name.clone(),
        market: tr.t(
            match org.market {
                crate::model::Market::Developed => "award-market-developed",
                crate::model::Market::Developing => "award-market-developing",
            },
            &[],
        ),
        tier,
        year,
        as_of: format!("{} {} UTC", tr.date(as_of.day()), as_of.0.format("%H:%M")),
        hash,
        competencies,
        not_earned: if req.profile { Vec::new() } else { not_earned },
        overrides: if req.profile { Vec::new() } else { overrides },
        designations: if req.profile || req.competency.is_some() {
            Vec::new()
        } else {
            designation_data(catalog, org, &report, tr)
        },
    })
}

/// Each designation as the summary prints it: the score on the counting track, whether it
/// qualifies, each metric's points and what is missing, the people who count.
fn designation_data(
    catalog: &Catalog,
    org: &Org,
    report: &crate::eval::Report,
    tr: &dyn Words,
) -> Vec<DesignationData> {
    use crate::eval::spp_report::metric_id;
    let names: std::collections::HashMap<&str, &str> = org
        .employees
        .iter()
        .map(|e| (e.id.as_str(), e.display_name.as_str()))
        .collect();
    report
        .designations
        .iter()
        .map(|d| {
            let counted = match d.track {
                crate::model::spp_def::Track::Enterprise => &d.tracks.enterprise,
                crate::model::spp_def::Track::Smb => &d.tracks.smb,
            };
            let mut people: Vec<&str> = counted
                .metrics
                .iter()
                .flat_map(|m| m.people.iter())
                .map(|p| names.get(p.as_ref()).copied().unwrap_or(p))
                .collect();
            people.sort_unstable();
            people.dedup();
            let status = if d.qualified {
                "spp-qualified"
            } else if d.attained {
                "spp-attained"
            } else {
                "spp-not-qualified"
            };
            DesignationData {
                name: d.name.clone(),
                score: format!(
                    "{} / {} ({})",
                    tr.number(d.total),
                    tr.number(d.threshold),
                    tr.t(&format!("spp-track-{}", d.track.as_str()), &[])
                ),
                status: tr.t(status, &[]),
                qualified: d.qualified,
                metrics: counted
                    .metrics
                    .iter()
                    .map(|m| {
                        [
                            tr.t(&format!("spp-metric-{}", metric_id(m.id)), &[]),
                            format!("{} / {}", tr.number(m.points), tr.number(m.max)),
                            match m.missing {
                                Some(_) => crate::eval::words::lacks_text(
                                    tr,
                                    catalog.designations.as_deref(),
                                    &m.lacks,
                                ),
                                None => tr.t("spp-full", &[]),
                            },
                        ]
                    })
                    .collect(),
                people: people.join(", "),
            }
        })
        .collect()
}

fn competency_data(
    catalog: &Catalog,
    org: &Org,
    def: &crate::model::Competency,
    c: &CompetencyReport,
    shown: LevelName,
    req: &AwardRequest,
    tr: &dyn Words,
) -> CompetencyData {
    // The option that earned the level (Gold also gives Silver), or the first one.
    let earned = def
        .options
        .iter()
        .zip(&c.options)
        .find(|(_, o)| match shown {
            LevelName::Gold => o.gold.met,
            LevelName::Silver => o.silver.met || o.gold.met,
            LevelName::None => false,
        });
    let mut requirements = Vec::new();
    if !req.profile
        && let Some((opt, o)) = earned.or_else(|| def.options.iter().zip(&c.options).next())
    {
        let levels = [
            (LevelName::Silver, &opt.silver, &o.silver),
            (LevelName::Gold, &opt.gold, &o.gold),
        ];
        for (lname, steps, lr) in levels {
            // What was earned (and, for one competency asked for, every level).
            let wanted = lname <= shown || req.competency.is_some();
            if let (true, Some(steps)) = (wanted, steps) {
                requirements.extend(level_rows(catalog, org, steps, lr, &tr.level(lname), tr));
            }
        }
    }
    // The headline is the level the membership displays (as the portal does); a higher
    // computed level is noted beside it.
    let headline = c.displayed_level;
    let level = if shown > headline {
        tr.t(
            "award-computed",
            &[("level", tr.level(headline)), ("computed", tr.level(shown))],
        )
    } else {
        tr.level(headline)
    };
    CompetencyData {
        name: def.name.clone(),
        level,
        level_key: headline.as_str(),
        option: earned.map(|(opt, _)| opt.name.clone()),
        overridden: c.overridden,
        requirements,
    }
}

fn level_rows(
    catalog: &Catalog,
    org: &Org,
    steps: &[Step],
    lr: &LevelReport,
    level: &str,
    tr: &dyn Words,
) -> Vec<RequirementData> {
    steps
        .iter()
        .zip(&lr.requirements)
        .map(|(step, r)| match (step, r) {
            (
                Step::Perf(p),
                Requirement::Performance {
                    required,
                    actual,
                    met,
                    ..
                },
            ) => RequirementData {
                level: level.to_string(),
                // The metric's name from the translations (the id only if it has none).
                text: tr.t(&format!("metric-{}", p.metric.replace('_', "-")), &[]),
                figures: format!("{} / {}", tr.number(*actual), tr.number(*required)),
                met: *met,
                people: Vec::new(),
            },
            (
                Step::Skill(k),
                Requirement::Skill {
                    required_people,
                    people,
                    met,
                    ..
                },
            ) => {
                let mut creds: Vec<&str> = k.expr.credentials();
                for c in k.plus.iter().flat_map(|c| c.expr().credentials()) {
                    if !creds.contains(&c) {
                        creds.push(c);
                    }
                }
                RequirementData {
                    level: level.to_string(),
                    text: skill_text(k, tr, &|c| c.to_string()),
                    figures: format!("{} / {}", people.len(), required_people),
                    met: *met,
                    people: people
                        .iter()
                        .flat_map(|id| person_rows(catalog, org, id, &creds, tr))
                        .collect(),
                }
            }
            // The report follows the catalog's steps one for one.
            _ => RequirementData {
                level: level.to_string(),
                text: String::new(),
                figures: String::new(),
                met: r.met(),
                people: Vec::new(),
            },
        })
        .collect()
}

/// One row per credential of the step that the person holds.
fn person_rows(
    catalog: &Catalog,
    org: &Org,
    id: &str,
    creds: &[&str],
    tr: &dyn Words,
) -> Vec<PersonData> {
    let Some(e) = org.employees.iter().find(|e| e.id == id) else {
        return Vec::new();
    };
    e.achievements
        .iter()
        .filter(|a| creds.contains(&a.credential.as_str()) && !a.inactive)
        .map(|a| {
            let def = catalog.credentials.iter().find(|c| c.id == a.credential);
            // The earlier of the achievement's expiry and the credential's last counting day.
            let catalog_end = def
                .and_then(|c| c.counts_until.as_deref().or(c.retires.as_deref()))
                .and_then(|d| Day::parse(d).ok());
            let until = match (a.expires_on, catalog_end) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            PersonData {
                name: e.display_name.clone(),
                id: e.id.clone(),
                credential: a.credential.to_string(),
                title: def.map_or(String::new(), |c| c.title.clone()),
                passed: tr.date(a.passed_on.day()),
                until: until.map_or_else(|| "—".to_string(), |d| tr.date(d)),
            }
        })
        .collect()
}

impl AwardData {
    /// The JSON the template reads as `data.json`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| unreachable!("plain data serialises: {e}"))
    }
}
