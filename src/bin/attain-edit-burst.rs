//! Crash-safety helper (scripts/crash-test.sh): adds N employees to an organisation of a
//! workspace through the store API, one transaction each, and prints "committed K" after each
//! commit, so a kill at any moment can be checked against what was acknowledged.
//! Usage: attain-edit-burst WORKSPACE ORG N

use attain::io::catalog_file::default_catalog;
use attain::model::{Edit, Employee};
use attain::store::Store;
use std::io::Write as _;
use std::process::ExitCode;

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, org_name, n] = args.as_slice() else {
        return Err("usage: attain-edit-burst WORKSPACE ORG N".into());
    };
    let n: usize = n.parse().map_err(|_| format!("N: {n:?} is not a number"))?;
    let catalog = default_catalog();
    let mut store = Store::open(std::path::Path::new(db)).map_err(|e| e.to_string())?;
    let id = store
        .org_id(org_name)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no organisation named {org_name:?}"))?;
    let mut org = store.load_org(id).map_err(|e| e.to_string())?;
    let stamp = std::process::id();
    let mut out = std::io::stdout().lock();
    for k in 1..=n {
        let pid = format!("burst.{stamp}.{k}");
        let e = Employee::new(&pid, &pid, &format!("{pid}@contoso.it"));
        store
            .apply(id, &mut org, &Edit::AddEmployee(e), &catalog)
            .map_err(|e| e.to_string())?;
        writeln!(out, "committed {k}").map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attain-edit-burst: {e}");
            ExitCode::from(2)
        }
    }
}
