//! Any text as an org file (and as a catalog file): an error with a position, or an
//! organisation that then evaluates without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CATALOG: OnceLock<attain::model::Catalog> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = CATALOG.get_or_init(attain::io::catalog_file::default_catalog);
    if let Ok(org) = attain::io::org_file::parse_org(text, "fuzz.org.ron", catalog) {
        let as_of = attain::model::Instant::parse("2018-06-01").expect("a valid instant");
        let _ = attain::eval::evaluate(catalog, &org, as_of);
    }
    let _ = attain::io::catalog_file::parse_catalog(text, "fuzz.ron");
});
