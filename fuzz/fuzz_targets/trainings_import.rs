//! Any bytes as a Trainings export or a Credly file, mapped against the real catalog.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CATALOG: OnceLock<attain::model::Catalog> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let catalog = CATALOG.get_or_init(attain::io::catalog_file::default_catalog);
    let today = attain::model::Day::ymd(2021, 10, 1).expect("a valid date");
    let check = attain::io::trainings::check_trainings(data, catalog, attain::io::trainings::DateOrder::DayFirst, "Contoso", today);
    let org = attain::model::Org::new("Contoso", attain::model::Market::Developed);
    let _ = attain::io::achievements_plan::plan(&org, &check, "trainings-import");
    let _ = attain::io::trainings::check_credly(data, &Default::default());
});
