//! The catalog RON file: the embedded default snapshot and `--catalog FILE`.

use super::{read_text, ron_error};
use crate::model::catalog_def::locate;
use crate::model::spp_def::SppCatalog;
use crate::model::{Catalog, InputError};
use std::path::Path;

/// The snapshot shipped with attain; `build.rs` has already checked it.
pub const DEFAULT_CATALOG_SRC: &str = include_str!("../../assets/catalog/mpn-2018-03.ron");
pub const DEFAULT_CATALOG_NAME: &str = "assets/catalog/mpn-2018-03.ron";

/// Parses and checks a catalog; the error names the file, line and column.
pub fn parse_catalog(src: &str, file: &str) -> Result<Catalog, InputError> {
    let catalog: Catalog = ron::from_str(src).map_err(|e| ron_error(src, file, &e))?;
    if let Some(issue) = catalog.issues().into_iter().next() {
        let at = locate(src, &issue.needle);
        return Err(InputError::new(file, at, None, issue.message));
    }
    Ok(catalog)
}

/// A catalog file, with the bundled designations snapshot attached.
pub fn load_catalog(path: &Path) -> Result<Catalog, InputError> {
    let src = read_text(path, super::MAX_INPUT_BYTES)?;
    let mut catalog = parse_catalog(&src, &path.display().to_string())?;
    catalog.designations = Some(std::sync::Arc::new(default_spp()));
    Ok(catalog)
}

/// The Solutions Partner designations snapshot shipped with attain (designations.md §5);
/// `build.rs` has already checked it.
pub const DEFAULT_SPP_SRC: &str = include_str!("../../assets/catalog/spp-2026-05.ron");
pub const DEFAULT_SPP_NAME: &str = "assets/catalog/spp-2026-05.ron";

/// Parses and checks a designations snapshot; the error names the file, line and column.
pub fn parse_spp(src: &str, file: &str) -> Result<SppCatalog, InputError> {
    let catalog: SppCatalog = ron::from_str(src).map_err(|e| ron_error(src, file, &e))?;
    if let Some(issue) = catalog.issues().into_iter().next() {
        let at = locate(src, &issue.needle);
        return Err(InputError::new(file, at, None, issue.message));
    }
    Ok(catalog)
}

/// The embedded designations snapshot.
pub fn default_spp() -> SppCatalog {
    match parse_spp(DEFAULT_SPP_SRC, DEFAULT_SPP_NAME) {
        Ok(c) => c,
        // build.rs runs the same parse and check and fails the build otherwise.
        Err(e) => unreachable!("embedded designations catalog rejected despite build.rs: {e}"),
    }
}

/// The embedded default catalog, with the bundled designations snapshot attached.
pub fn default_catalog() -> Catalog {
    match parse_catalog(DEFAULT_CATALOG_SRC, DEFAULT_CATALOG_NAME) {
        Ok(mut c) => {
            c.designations = Some(std::sync::Arc::new(default_spp()));
            c
        }
        // build.rs runs the same parse and check and fails the build otherwise.
        Err(e) => unreachable!("embedded catalog rejected despite build.rs: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_catalog_has_the_published_shape() {
        let c = default_catalog();
        assert_eq!(c.snapshot, "mpn-2018-03");
        assert_eq!(c.competencies.len(), 18);
        assert_eq!(
            c.competencies
                .iter()
                .map(|c| c.options.len())
                .sum::<usize>(),
            25
        );
        assert_eq!(c.credentials.len(), 118);
    }

    #[test]
    fn unknown_credential_is_located() {
        let src =
            DEFAULT_CATALOG_SRC.replacen("\"70-480\", \"70-483\"", "\"70-480\", \"70-999\"", 1);
        assert_ne!(src, DEFAULT_CATALOG_SRC, "the test edit must apply");
        let e = parse_catalog(&src, "x.ron").unwrap_err();
        assert!(e.message.contains("unknown credential 70-999"), "{e}");
        assert!(e.line > 1);
        let line = src.lines().nth(e.line - 1).unwrap();
        assert!(line.contains("70-999"));
    }

    #[test]
    fn duplicate_id_and_syntax_errors_are_rejected() {
        let dup = DEFAULT_CATALOG_SRC.replacen("id: \"devops\"", "id: \"datacenter\"", 1);
        let e = parse_catalog(&dup, "x.ron").unwrap_err();
        assert!(
            e.message.contains("duplicate competency id datacenter"),
            "{e}"
        );
        let broken = DEFAULT_CATALOG_SRC.trim_end().strip_suffix(')').unwrap();
        let e = parse_catalog(broken, "x.ron").unwrap_err();
        assert!(e.line > 1000, "{e}");
    }
}
