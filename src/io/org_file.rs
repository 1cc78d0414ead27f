//! The org file (RON, `attain-org/1`): load with full validation, save.

use super::{read_text, ron_error};
use crate::model::catalog_def::locate;
use crate::model::validate::validate;
use crate::model::{Catalog, InputError, Org};
use std::path::Path;

/// Parses and validates an org file against the catalog.
pub fn parse_org(src: &str, file: &str, catalog: &Catalog) -> Result<Org, InputError> {
    // The quick reader takes the files attain writes; anything it does not take, the `ron`
    // crate reads (or refuses, saying where).
    let org: Org = match super::ron_fast::from_str(src) {
        Some(org) => org,
        None => super::ron_options()
            .from_str(src)
            .map_err(|e| ron_error(src, file, &e))?,
    };
    validate(&org, catalog).map_err(|p| {
        let at = match &p.anchor {
            Some(anchor) => locate_after(src, anchor, &p.needle),
            None => locate(src, &p.needle),
        };
        InputError::new(file, at, Some(&p.field), p.message)
    })?;
    Ok(org)
}

pub fn load_org(path: &Path, catalog: &Catalog) -> Result<Org, InputError> {
    let src = read_text(path, super::MAX_ORG_FILE_BYTES)?;
    parse_org(&src, &path.display().to_string(), catalog)
}

/// The org file text: a comment line, then pretty RON with one achievement per line, as the
/// contract prints it.
pub fn org_to_string(org: &Org) -> String {
    let mut out = String::new();
    let _ = write_org(org, &mut out);
    out
}

/// Writes the org file text into `out` as it goes (a fingerprint hashes it without holding it).
pub fn write_org(org: &Org, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .separate_tuple_members(false)
        .indentor("    ".to_string())
        // The organisation, its list of people, a person, their list of achievements: an
        // achievement (depth 5) is written on one line.
        .depth_limit(4);
    out.write_str("// attain organisation file\n")?;
    ron::ser::to_writer_pretty(&mut *out, org, config)
        .unwrap_or_else(|e| unreachable!("every org field serialises to RON: {e}"));
    out.write_str("\n")
}

/// Writes the org file through a temporary file and a rename, so a crash never leaves half a file.
pub fn save_org(org: &Org, path: &Path) -> std::io::Result<()> {
    super::write_atomic(path, org_to_string(org).as_bytes())
}

/// Like [`locate`], but searches from the first occurrence of `anchor`.
fn locate_after(src: &str, anchor: &str, needle: &str) -> (usize, usize) {
    match src.find(anchor) {
        Some(start) => match src[start..].find(needle) {
            Some(rel) => offset_pos(src, start + rel),
            None => locate(src, anchor),
        },
        None => locate(src, needle),
    }
}

fn offset_pos(src: &str, pos: usize) -> (usize, usize) {
    let before = &src[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
