//! Competency award summaries: the data (worded in the chosen language), PDF rendering with
//! typst, and printing through the system's print service. No egui here.

pub mod award;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod print;

pub use award::{AwardRequest, Paper, award_data};

use crate::i18n::Tr;
use crate::model::{Catalog, Instant, Org};

/// The award summary as PDF bytes; `template` is a user's copy of the template (path, text).
pub fn award_pdf(
    catalog: &Catalog,
    org: &Org,
    as_of: Instant,
    req: &AwardRequest,
    tr: &Tr,
    template: Option<(&str, &str)>,
) -> Result<Vec<u8>, String> {
    let data = award_data(catalog, org, as_of, req, tr)?;
    #[cfg(feature = "pdf")]
    {
        let (name, text) = template.unwrap_or(("award.typ", pdf::DEFAULT_TEMPLATE));
        pdf::render_pdf(text, name, data.to_json(), as_of.day())
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (data, template);
        Err("this attain was built without PDF support (feature `pdf`)".into())
    }
}

/// The print job's name: the organisation and what is printed.
pub fn job_title(org: &Org, req: &AwardRequest, tr: &Tr) -> String {
    format!("{} - {}", org.name, tr.t(req.title_id(), &[]))
}
