//! `attain plan`: the fewest actions that (re)qualify a competency at a level.

use super::{Failure, Format, catalog, parse_as_of};
use crate::eval::LevelName;
use crate::eval::plan::{Action, plan as make_plan};
use crate::io::org_file::load_org;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    pub org: PathBuf,
    /// The competency id (e.g. cloud-platform).
    #[arg(
        long,
        required_unless_present = "designation",
        conflicts_with = "designation"
    )]
    pub competency: Option<String>,
    #[arg(long, value_enum, required_unless_present = "designation")]
    pub level: Option<PlanLevel>,
    /// A Solutions Partner designation id (e.g. security) instead of a competency.
    #[arg(long)]
    pub designation: Option<String>,
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    #[arg(long)]
    pub catalog: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanLevel {
    Silver,
    Gold,
}

pub fn plan(args: &PlanArgs) -> Result<String, Failure> {
    let catalog = catalog(args.catalog.as_ref())?;
    let org = load_org(&args.org, &catalog)?;
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let (Some(competency), Some(level)) = (&args.competency, args.level) else {
        return designation_plan(args, &catalog, &org, as_of);
    };
    let level = match level {
        PlanLevel::Silver => LevelName::Silver,
        PlanLevel::Gold => LevelName::Gold,
    };
    let p = make_plan(&catalog, &org, competency, level, as_of)
        .map_err(|e| Failure::Input(format!("--competency {competency}: {e}")))?;
    match args.format {
        Format::Json => super::json(&p),
        Format::Text => {
            let mut s = String::new();
            if p.met_already {
                writeln!(
                    s,
                    "{} is already at {} or above",
                    p.competency,
                    level.as_str()
                )
                .ok();
            } else if !p.feasible {
                writeln!(s, "no option of {} can be met", p.competency).ok();
            }
            for a in &p.actions {
                writeln!(s, "- {}", describe(a)).ok();
            }
            Ok(s)
        }
    }
}

/// `attain plan --designation ID`: the fewest certifications and figure changes that
/// qualify the designation.
fn designation_plan(
    args: &PlanArgs,
    catalog: &crate::model::Catalog,
    org: &crate::model::Org,
    as_of: crate::model::Instant,
) -> Result<String, Failure> {
    let id = args.designation.as_deref().unwrap_or_default();
    let p = crate::eval::spp_plan::plan_for(catalog, org, id, as_of)
        .map_err(|e| Failure::Input(format!("--designation {id}: {e}")))?;
    match args.format {
        Format::Json => super::json(&p),
        Format::Text => {
            let mut s = String::new();
            if p.qualified_already {
                writeln!(s, "{id} qualifies already").ok();
            } else if !p.feasible {
                writeln!(
                    s,
                    "no combination of certifications and figures qualifies {id}"
                )
                .ok();
            } else {
                writeln!(
                    s,
                    "{} actions qualify {id}: {} points on the {} track",
                    p.actions.len(),
                    p.total,
                    p.track.as_str()
                )
                .ok();
            }
            if let Some(m) = &p.figures_month {
                writeln!(s, "figures for the month ending {m}:").ok();
            }
            for a in &p.actions {
                writeln!(s, "- {}", describe(a)).ok();
            }
            Ok(s)
        }
    }
}

/// One line of the text output (English, like the rest of the headless text formats).
pub fn describe(a: &Action) -> String {
    match a {
        Action::Associate { employee } => format!("{employee} associates their account"),
        Action::Wait { employee, until } => {
            format!("wait: {employee} is associated and counts from {until} (the sync delay)")
        }
        Action::Pass {
            employee,
            credential,
            renewal,
        } => format!(
            "{employee} {} {credential}",
            if *renewal { "renews" } else { "passes" }
        ),
        Action::Hire { credentials } => format!("hire someone with {}", credentials.join(", ")),
        Action::Metric { metric, from, to } => format!("raise {metric} from {from} to {to}"),
    }
}
