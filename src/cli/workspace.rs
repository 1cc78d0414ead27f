//! Commands on the workspace: check, backup, restore, load, export.

use super::Failure;
use crate::io::catalog_file::default_catalog;
use crate::io::org_file::load_org;
use std::fmt::Write as _;
use std::path::PathBuf;

pub(crate) fn workspace(db: Option<PathBuf>) -> Result<crate::store::Store, Failure> {
    let path = db.unwrap_or_else(crate::store::default_path);
    crate::store::Store::open(&path).map_err(|e| Failure::Input(e.to_string()))
}

/// The id of the organisation `name` (given with `what`: `--org`, …); an unknown name is
/// exit 2 with the names the workspace holds, so the user can pick one.
pub(super) fn org_named(
    store: &crate::store::Store,
    what: &str,
    name: &str,
) -> Result<i64, Failure> {
    let other = |e: crate::store::StoreError| Failure::Other(e.to_string());
    if let Some(id) = store.org_id(name).map_err(other)? {
        return Ok(id);
    }
    let names: Vec<String> = store
        .list_orgs()
        .map_err(other)?
        .into_iter()
        .map(|o| format!("{:?}", o.name))
        .collect();
    let there = if names.is_empty() {
        "it holds no organisation".to_string()
    } else {
        format!("it holds {}", names.join(", "))
    };
    Err(Failure::Input(format!(
        "{what}: no organisation named {name:?} in {}; {there}",
        store.path().display()
    )))
}

/// `attain check`: "integrity ok", then each organisation and its number of employees.
pub(super) fn check(db: Option<PathBuf>) -> Result<String, Failure> {
    let store = workspace(db)?;
    let other = |e: crate::store::StoreError| Failure::Other(e.to_string());
    let integrity = store.integrity_check().map_err(other)?;
    if integrity != "ok" {
        return Err(Failure::Other(format!(
            "integrity check failed: {integrity}"
        )));
    }
    let mut out = String::from("integrity ok\n");
    for o in store.list_orgs().map_err(other)? {
        writeln!(out, "{}\t{}", o.name, o.employees).ok();
    }
    Ok(out)
}

pub(super) fn backup(output: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let store = workspace(db)?;
    store
        .backup(output)
        .map_err(|e| Failure::Input(format!("{}: {e}", output.display())))?;
    Ok(format!(
        "{} copied to {}\n",
        store.path().display(),
        output.display()
    ))
}

pub(super) fn restore(from: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let mut store = workspace(db)?;
    let aside = crate::store::aside_path(store.path(), "before-restore");
    store
        .backup(&aside)
        .map_err(|e| Failure::Other(e.to_string()))?;
    store
        .restore(from)
        .map_err(|e| Failure::Input(e.to_string()))?;
    Ok(format!(
        "{} restored from {} (the previous content is in {})\n",
        store.path().display(),
        from.display(),
        aside.display()
    ))
}

/// `attain load FILE`: one transaction; an existing name is refused.
pub(super) fn load(file: &std::path::Path, db: Option<PathBuf>) -> Result<String, Failure> {
    let catalog = default_catalog();
    let org = load_org(file, &catalog)?;
    let mut store = workspace(db)?;
    store
        .insert_org(&org)
        .map_err(|e| Failure::Input(e.to_string()))?;
    Ok(format!("{}: {} employees\n", org.name, org.employees.len()))
}

pub(super) fn export(
    name: &str,
    output: &std::path::Path,
    db: Option<PathBuf>,
) -> Result<String, Failure> {
    let store = workspace(db)?;
    let id = org_named(&store, "export", name)?;
    let org = store
        .load_org(id)
        .map_err(|e| Failure::Other(e.to_string()))?;
    crate::io::org_file::save_org(&org, output)
        .map_err(|e| Failure::Input(format!("{}: {e}", output.display())))?;
    Ok(String::new())
}

/// `attain undo --org NAME`: takes back the organisation's last change from the undo log the
/// window writes too; says what it was (text) or gives it as JSON.
pub(super) fn undo(
    name: &str,
    format: super::Format,
    lang: &str,
    db: Option<PathBuf>,
) -> Result<String, Failure> {
    use crate::i18n::{Lang, Tr, Wording};
    let tr = Tr::new(Lang::parse(lang).unwrap_or(Lang::En));
    let mut store = workspace(db)?;
    let id = org_named(&store, "undo --org", name)?;
    let other = |e: crate::store::StoreError| Failure::Other(e.to_string());
    // Read under the store's change check: another attain writing meanwhile refuses the undo.
    store.mark_read().map_err(other)?;
    let mut org = store.load_org(id).map_err(other)?;
    let org_arg = ("org", name.to_string());
    let Some(head) = store.undo_last(id, &mut org).map_err(other)? else {
        return Err(Failure::Input(tr.t("undo-nothing", &[org_arg])));
    };
    let change = tr.undo_change(&head);
    Ok(match format {
        super::Format::Text => {
            format!("{}\n", tr.t("undo-done-in", &[org_arg, ("change", change)]))
        }
        super::Format::Json => super::json(&serde_json::json!({
            "org": name,
            "undone": {
                "kind": head.label,
                "subject": head.subject,
                "at": head.at,
                "change": change,
            },
        }))?,
    })
}
