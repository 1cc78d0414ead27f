//! Every message id written literally in a `t("…")` call exists in both Fluent files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn ids(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in src.match_indices("t(") {
        // `t(` of a call, not the end of a longer name (`set(`, `sort(`).
        if src[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = src[i + 2..].trim_start();
        if let Some(lit) = rest.strip_prefix('"')
            && let Some(end) = lit.find('"')
        {
            let id = &lit[..end];
            if id.contains('-')
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
            {
                out.push(id.to_string());
            }
        }
    }
    out
}

#[test]
fn literal_message_ids_exist_in_every_locale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut used = Vec::new();
    for f in &files {
        used.extend(ids(&std::fs::read_to_string(f).unwrap()));
    }
    assert!(used.len() > 100, "found only {} ids", used.len());
    for locale in ["en-US", "it-IT"] {
        let ftl =
            std::fs::read_to_string(root.join(format!("assets/i18n/{locale}/attain.ftl"))).unwrap();
        let defined: std::collections::HashSet<&str> = ftl
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
            .collect();
        let missing: Vec<&String> = used
            .iter()
            .filter(|u| !defined.contains(u.as_str()))
            .collect();
        assert!(missing.is_empty(), "{locale}: missing {missing:?}");
    }
}
