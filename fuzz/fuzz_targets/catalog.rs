//! Any text as a catalog file (seeded with the real catalog): an error naming file, line and
//! field, or a catalog that compiles and evaluates the demo organisation without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

const DEMO: &str = include_str!("../../assets/demo/contoso.org.ron");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(catalog) = attain::io::catalog_file::parse_catalog(text, "fuzz.ron") else {
        return;
    };
    if let Ok(org) = attain::io::org_file::parse_org(DEMO, "demo.org.ron", &catalog) {
        let as_of = attain::model::Instant::parse("2026-11-25").expect("a valid instant");
        let _ = attain::eval::evaluate(&catalog, &org, as_of);
    }
});
