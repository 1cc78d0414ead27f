//! `attain report award` and `attain print`: the award summary of a workspace organisation
//! as a PDF file, or sent to a printer.

use super::workspace::workspace;
use super::{Failure, catalog, parse_as_of};
use crate::i18n::{Lang, Tr};
use crate::report::print::{PrintJob, print_pdf};
use crate::report::{AwardRequest, Paper, award_data, render_award};
use std::path::PathBuf;

/// What both commands print.
#[derive(clap::Args, Debug)]
pub struct AwardArgs {
    /// The organisation's name in the workspace.
    #[arg(long)]
    pub org: String,
    /// One competency (its id) instead of the whole organisation.
    #[arg(long)]
    pub competency: Option<String>,
    /// The one-page business profile: only what the membership tier displays.
    #[arg(long)]
    pub profile: bool,
    /// en or it.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// a4 or letter.
    #[arg(long, default_value = "a4")]
    pub paper: String,
    #[arg(long)]
    pub as_of: Option<String>,
    /// A copy of assets/report/award.typ to use instead of the built-in template.
    #[arg(long)]
    pub template: Option<PathBuf>,
}

#[derive(clap::Subcommand, Debug)]
pub enum ReportKind {
    /// The competency award summary as a PDF file.
    Award {
        #[command(flatten)]
        award: AwardArgs,
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// The PDF, its paper, and the job title for a print queue.
fn render(a: &AwardArgs, db: Option<PathBuf>) -> Result<(Vec<u8>, Paper, String), Failure> {
    let lang = Lang::parse(&a.lang).ok_or_else(|| {
        Failure::Input(format!("--lang: unknown language {:?} (en or it)", a.lang))
    })?;
    let paper = Paper::parse(&a.paper)
        .ok_or_else(|| Failure::Input(format!("--paper: {:?} is not a4 or letter", a.paper)))?;
    let as_of = parse_as_of(a.as_of.as_deref())?;
    let template = a
        .template
        .as_deref()
        .map(crate::report::Template::read)
        .transpose()
        .map_err(Failure::Input)?;
    // Large blocks get pages of their own, handed back when freed (as in the window).
    crate::model::mem::return_freed_pages();
    let store = workspace(db)?;
    let id = super::workspace::org_named(&store, "--org", &a.org)?;
    let org = store
        .load_org(id)
        .map_err(|e| Failure::Other(e.to_string()))?;
    // Its page cache is not needed again; the pages go back before the evaluation's peak.
    drop(store);
    crate::model::mem::release_free_memory();
    let catalog = catalog(None)?;
    let req = AwardRequest {
        competency: a.competency.clone(),
        profile: a.profile,
        paper,
    };
    let tr = Tr::new(lang);
    let title = crate::report::job_title(&org, &req, &tr);
    let data = award_data(&catalog, &org, as_of, &req, &tr).map_err(Failure::Input)?;
    // The layout reads only the gathered data: the organisation goes first.
    drop(org);
    crate::model::mem::release_free_memory();
    let pdf = render_award(data, as_of, template.as_ref()).map_err(Failure::Input)?;
    Ok((pdf, paper, title))
}

pub fn report(kind: &ReportKind, db: Option<PathBuf>) -> Result<String, Failure> {
    match kind {
        ReportKind::Award { award, output } => {
            let (pdf, _, _) = render(award, db)?;
            crate::io::write_atomic(output, &pdf)
                .map_err(|e| Failure::Input(format!("{}: {e}", output.display())))?;
            Ok(format!("{} ({} bytes)\n", output.display(), pdf.len()))
        }
    }
}

pub fn print(
    a: &AwardArgs,
    printer: Option<String>,
    copies: u32,
    db: Option<PathBuf>,
) -> Result<String, Failure> {
    if let Some(p) = &printer {
        crate::report::print::check_printer_name(p)
            .map_err(|e| Failure::Input(format!("--printer: {e}")))?;
        // A printer the system does not know is a wrong argument, told before rendering.
        if let Ok((names, _)) = crate::report::print::printers()
            && !names.contains(p)
        {
            return Err(Failure::Input(format!(
                "--printer: there is no printer named {p:?} (printers: {})",
                names.join(", ")
            )));
        }
    }
    // Without --printer the job goes to the system default: with none, lp would refuse it
    // after rendering. Windows does not tell its default here: its print verb chooses.
    if printer.is_none()
        && !cfg!(windows)
        && let Ok((names, None)) = crate::report::print::printers()
    {
        return Err(Failure::Input(if names.is_empty() {
            "no --printer given, and the system has no printer".to_string()
        } else {
            format!(
                "no --printer given, and the system has no default printer; choose one with --printer: {}",
                names.join(", ")
            )
        }));
    }
    let (pdf, paper, title) = render(a, db)?;
    let job = PrintJob {
        printer,
        copies,
        paper,
        title,
    };
    print_pdf(&pdf, &job)
        .map(|s| s + "\n")
        .map_err(Failure::Other)
}
