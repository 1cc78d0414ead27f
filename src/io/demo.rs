//! The embedded demo organisation (an org file), seeded into a new workspace and printed by
//! `attain demo`.

use crate::io::org_file::parse_org;
use crate::model::{Catalog, InputError, Org};

/// The demo org file's text.
pub const DEMO_ORG: &str = include_str!("../../assets/demo/contoso.org.ron");

/// The demo organisation, read against `catalog`.
pub fn demo_org(catalog: &Catalog) -> Result<Org, InputError> {
    parse_org(DEMO_ORG, "assets/demo/contoso.org.ron", catalog)
}
