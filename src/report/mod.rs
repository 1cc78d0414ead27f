//! Competency award summaries: the data (worded in the chosen language), PDF rendering with
//! typst, and printing through the system's print service. No egui here.

pub mod award;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod print;

pub use award::{AwardData, AwardRequest, Paper, award_data};

use crate::eval::words::Words;
use crate::model::{Catalog, Instant, Org};

/// A user's copy of the award template: its name (for error messages) and its text.
pub struct Template {
    pub name: String,
    pub text: String,
}

impl Template {
    pub fn read(path: &std::path::Path) -> Result<Template, String> {
        let text = String::from_utf8(crate::io::read_input(path)?)
            .map_err(|_| format!("{}: the template is not UTF-8 text", path.display()))?;
        Ok(Template {
            name: path.display().to_string(),
            text,
        })
    }
}

/// The award summary as PDF bytes, with the built-in template or a user's.
pub fn award_pdf(
    catalog: &Catalog,
    org: &Org,
    as_of: Instant,
    req: &AwardRequest,
    tr: &dyn Words,
    template: Option<&Template>,
) -> Result<Vec<u8>, String> {
    render_award(award_data(catalog, org, as_of, req, tr)?, as_of, template)
}

/// Lays out gathered award data as PDF bytes (a caller that no longer needs the organisation
/// drops it first: at 100,000 people it is a hundred MB the layout does not read).
pub fn render_award(
    data: AwardData,
    as_of: Instant,
    template: Option<&Template>,
) -> Result<Vec<u8>, String> {
    #[cfg(feature = "pdf")]
    {
        let (name, text) = template.map_or(("award.typ", pdf::DEFAULT_TEMPLATE), |t| {
            (t.name.as_str(), t.text.as_str())
        });
        pdf::render_pdf(text, name, data.to_json(), as_of.day())
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (data, template);
        Err("this attain was built without PDF support (feature `pdf`)".into())
    }
}

/// The print job's name: the organisation and what is printed.
pub fn job_title(org: &Org, req: &AwardRequest, tr: &dyn Words) -> String {
    format!("{} - {}", org.name, tr.t(req.title_id(), &[]))
}
