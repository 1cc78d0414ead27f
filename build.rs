//! Build-time checks: every catalog file parses and is consistent, and every Fluent key
//! exists in every locale. A failure stops the build naming the file and the line.

#[path = "src/model/catalog_def.rs"]
#[allow(dead_code)]
mod catalog_def;
#[path = "src/model/spp_def.rs"]
#[allow(dead_code)]
mod spp_def;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=assets/catalog");
    println!("cargo::rerun-if-changed=assets/i18n");
    println!("cargo::rerun-if-changed=src/model/catalog_def.rs");
    println!("cargo::rerun-if-changed=src/model/spp_def.rs");
    let mut errors = Vec::new();
    for path in files(Path::new("assets/catalog"), "ron") {
        if let Err(e) = check_catalog(&path) {
            errors.push(e);
        }
    }
    errors.extend(check_locales(Path::new("assets/i18n")));
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo::error={e}");
        }
        std::process::exit(1);
    }
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// A legacy competency catalog (`mpn-*`) or a designations snapshot (`spp-*`).
fn check_catalog(path: &Path) -> Result<(), String> {
    let name = path.display();
    let src = fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let where_ = |e: ron::error::SpannedError| {
        format!(
            "{name}:{}:{}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    };
    let spp = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("spp-"));
    let issues = if spp {
        let catalog: spp_def::SppCatalog = ron::from_str(&src).map_err(where_)?;
        catalog.issues()
    } else {
        let catalog: catalog_def::Catalog = ron::from_str(&src).map_err(where_)?;
        catalog.issues()
    };
    match issues.into_iter().next() {
        Some(issue) => {
            let (line, col) = catalog_def::locate(&src, &issue.needle);
            Err(format!("{name}:{line}:{col}: {}", issue.message))
        }
        None => Ok(()),
    }
}

/// Message ids (`key = …` at the start of a line) and the line of each.
fn keys(src: &str) -> Vec<(String, usize)> {
    src.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let (key, _) = l.split_once('=')?;
            let key = key.trim_end();
            let ok = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            ok.then(|| (key.to_string(), i + 1))
        })
        .collect()
}

fn check_locales(root: &Path) -> Vec<String> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let mut per_file: Vec<(PathBuf, Vec<(String, usize)>)> = Vec::new();
    let mut errors = Vec::new();
    for dir in &dirs {
        for f in files(dir, "ftl") {
            match fs::read_to_string(&f) {
                Ok(src) => {
                    let k = keys(&src);
                    let mut seen = BTreeSet::new();
                    for (key, line) in &k {
                        if !seen.insert(key.clone()) {
                            errors.push(format!("{}:{line}: duplicate message {key}", f.display()));
                        }
                    }
                    per_file.push((f, k));
                }
                Err(e) => errors.push(format!("{}: {e}", f.display())),
            }
        }
    }
    // Every file name must define the same keys in every locale.
    for (f, k) in &per_file {
        let fname = f.file_name();
        for (g, other) in per_file
            .iter()
            .filter(|(g, _)| g.file_name() == fname && g != f)
        {
            let theirs: BTreeSet<&str> = other.iter().map(|(k, _)| k.as_str()).collect();
            for (key, line) in k {
                if !theirs.contains(key.as_str()) {
                    errors.push(format!(
                        "{}:{line}: message {key} is missing from {}",
                        f.display(),
                        g.display()
                    ));
                }
            }
        }
    }
    for dir in &dirs {
        for (f, _) in per_file.iter().filter(|(f, _)| !f.starts_with(dir)) {
            if !dir.join(f.file_name().unwrap_or_default()).exists() {
                errors.push(format!(
                    "{}: no {} in locale {}",
                    f.display(),
                    f.file_name().unwrap_or_default().to_string_lossy(),
                    dir.display()
                ));
            }
        }
    }
    errors
}
