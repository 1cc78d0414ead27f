//! Writes a seeded synthetic organisation as an org file, for measuring the whole `attain`
//! process on large inputs: `synth_org competencies|designations EMPLOYEES OUT.org.ron`.
//! Evaluate competencies at 2018-06-01 and designations at 2026-05-15 (the synth's dates).
#![allow(clippy::expect_used)] // a measuring aid: a failure stops it loudly
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(kind), Some(n), Some(out)) = (args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: synth_org competencies|designations EMPLOYEES OUT.org.ron");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("EMPLOYEES is a number");
    let catalog = attain::io::catalog_file::default_catalog();
    let org = match kind.as_str() {
        "competencies" => attain::model::synth::synthetic_org(&catalog, n, 20, 42),
        "designations" => {
            let spp = catalog.designations.as_deref().expect("a bundled snapshot");
            attain::model::synth::synthetic_designation_org(spp, n, 20, 7)
        }
        _ => {
            eprintln!("competencies or designations");
            std::process::exit(2);
        }
    };
    attain::io::org_file::save_org(&org, std::path::Path::new(out)).expect("written");
}
